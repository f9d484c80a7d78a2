"""Load plotly.js and the vega stack only where a figure needs them, and only when it is about to be seen.

The rendering core (analysis/core/render) marks plot containers with ``data-se-plotly`` / ``data-se-vega``. On a
page holding such a container this extension adds ``figures.js`` and names on its tag the libraries each kind
needs (``data-plotly``, ``data-vega``, paths relative to ``_static``); figures.js loads them when the first
figure of that kind approaches the viewport. Loading the libraries with every page would add 1.5 MB (plotly)
or 0.8 MB (vega) before the reader sees any figure; loading them from a CDN would leak readers to a third
party. The files themselves are copied from node_modules into book/_static/vendor by ``make vendor``.
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
    libraries = {}
    if "data-se-plotly" in body:
        libraries["data-plotly"] = " ".join(PLOTLY)
    if "data-se-vega" in body:
        libraries["data-vega"] = " ".join(VEGA)
    if libraries:
        app.add_js_file("figures.js", priority=700, defer="defer", **libraries)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _check_vendor)
    app.connect("html-page-context", _add_page_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
