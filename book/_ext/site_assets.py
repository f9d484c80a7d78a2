"""Load plotly.js and the vega stack only on pages that hold such a figure.

analysis/core/render/__init__.py marks plot containers with ``data-se-plotly`` / ``data-se-vega``. Loading the libraries
everywhere would add ~2.3 MB to every text page; loading them from a CDN would leak readers to a third party.
The files themselves are copied from node_modules into book/_static/vendor by ``make vendor``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

PLOTLY = ("vendor/plotly-cartesian.min.js",)
VEGA = ("vendor/vega.min.js", "vendor/vega-lite.min.js", "vendor/vega-embed.min.js")


def _check_vendor(app: Sphinx) -> None:
    static = Path(app.srcdir) / "book" / "_static"
    missing = [name for name in PLOTLY + VEGA if not (static / name).is_file()]
    if missing:
        raise ExtensionError(f"vendored JavaScript missing in book/_static: {missing}; run `make vendor`")


def _add_page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    body = context.get("body", "")
    needs_plotly = "data-se-plotly" in body
    needs_vega = "data-se-vega" in body
    if needs_plotly:
        for name in PLOTLY:
            app.add_js_file(name, priority=600, defer="defer")
    if needs_vega:
        for name in VEGA:
            app.add_js_file(name, priority=600, defer="defer")
    if needs_plotly or needs_vega:
        app.add_js_file("figures.js", priority=700, defer="defer")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _check_vendor)
    app.connect("html-page-context", _add_page_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
