"""A figure as page output: an empty plot container, its specification as JSON, the numbers and provenance.

``book/_static/figures.js`` renders every container; on the site it loads plotly.js or the vega stack (named by
``book/_ext/site_assets.py`` on pages that contain such a container) only when a figure approaches the
viewport.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.core.paths import ROOT, rel
from analysis.core.render.numbering import FIGURE, LABEL_PATTERN, number_slot, numbered_attributes
from analysis.core.render.style import _default_description, altair_theme, style_plotly
from analysis.core.render.tables import csv_data_uri, data_table_html

PLOTLY_TRACE_TYPES_BUNDLED = frozenset(
    # Trace types in the plotly.js "cartesian" partial bundle the site serves (package.json).
    {
        "bar",
        "box",
        "contour",
        "heatmap",
        "histogram",
        "histogram2d",
        "histogram2dcontour",
        "image",
        "pie",
        "scatter",
        "scatterternary",
        "violin",
    }
)


@dataclass(frozen=True)
class SourceFile:
    path: str
    sha256: str

    @property
    def short(self) -> str:
        return self.sha256[:12]


@lru_cache(maxsize=256)
def _sha256(path: Path, mtime_ns: int, size: int) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def source_file(path: str | Path) -> SourceFile:
    """Resolve a data file (absolute, or relative to the project root) and hash it for the provenance line."""
    p = Path(path)
    if not p.is_absolute():
        p = ROOT / p
    if not p.is_file():
        raise FileNotFoundError(f"figure source {path} does not exist")
    stat = p.stat()
    shown = rel(p)
    if shown.startswith("/"):  # a user's own file outside the project: name it, don't expose their folders
        shown = p.name
    return SourceFile(shown, _sha256(p.resolve(), stat.st_mtime_ns, stat.st_size))


# ---------------------------------------------------------------------------------------- figure
def _json_for_script(obj: Any) -> str:
    """JSON safe to embed in a ``<script>`` element (no closing tag can appear in it)."""
    text = obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _plotly_spec(fig: Any, compact: dict[str, Any] | None = None) -> tuple[str, list[str]]:
    style_plotly(fig)
    spec = json.loads(fig.to_json())
    spec["config"] = {"displayModeBar": False, "responsive": True, "locale": "nb"}
    if compact:
        spec["compact"] = compact
    types = sorted({trace.get("type", "scatter") for trace in spec.get("data", [])})
    unbundled = [t for t in types if t not in PLOTLY_TRACE_TYPES_BUNDLED]
    if unbundled:
        raise ValueError(f"trace types {unbundled} are not in the site's plotly.js bundle")
    template = spec.get("layout", {}).get("template")
    if isinstance(template, dict) and isinstance(template.get("data"), dict):
        # The default template carries trace defaults for every trace type plotly knows (about 6 kB per
        # figure); a template's defaults for a type apply only to traces of that type, so the figure
        # looks the same with just the types it draws.
        template["data"] = {k: v for k, v in template["data"].items() if k in types}
    return _json_for_script(spec), types


def _vega_spec(chart: Any) -> str:
    spec = chart.to_dict()
    config = altair_theme()["config"]
    merged = {**config, **spec.get("config", {})}
    spec["config"] = merged
    return _json_for_script(spec)


def _kind(fig: Any) -> str:
    module = type(fig).__module__
    if module.startswith("plotly"):
        return "plotly"
    if module.startswith("altair"):
        return "vega"
    raise TypeError(f"show_figure takes a plotly Figure or an altair Chart, not {type(fig).__name__}")


@dataclass(frozen=True)
class FigureOutput:
    """What a chapter cell returns: only text/html, which myst-nb renders as is.

    Plotly's own mime type (application/vnd.plotly.v1+json) is deliberately not offered: myst-nb cannot
    render it and would drop the figure with a warning.
    """

    html: str
    fig_id: str
    kind: str

    def _repr_html_(self) -> str:
        return self.html


def show_figure(
    fig: Any,
    *,
    fig_id: str,
    title: str,
    sources: Sequence[str | Path],
    data: pd.DataFrame,
    description: str | None = None,
    synthetic: bool = False,
    note: str | None = None,
    height: int | None = None,
    compact: dict[str, Any] | None = None,
) -> FigureOutput:
    """Turn a figure into accessible, offline page output with its data table and provenance line.

    ``description`` should be computed from ``data`` by the caller (see :func:`describe_extremes`); when
    omitted, a range summary of the last numeric column is used. ``compact`` holds plotly layout changes
    (``Plotly.relayout`` keys) that figures.js applies on narrow screens, e.g. short tick labels on a phone.
    On the site the figure is numbered («Figur 3.2», in its title) and prose refers to it by ``fig_id``
    (``{figur}`fig-id```); see :mod:`analysis.core.render.numbering`.
    """
    if not LABEL_PATTERN.match(fig_id):
        raise ValueError(f"fig_id {fig_id!r} must be kebab-case, 3–64 characters, starting with a letter")
    if not sources:
        raise ValueError(f"figure {fig_id} names no source data file")
    files = [source_file(s) for s in sources]
    kind = _kind(fig)
    if kind == "plotly":
        if height is not None:
            fig.update_layout(height=height)
        spec, _ = _plotly_spec(fig, compact)
    else:
        spec = _vega_spec(fig)
    text = description or _default_description(data)
    e = html.escape
    synthetic_note = (
        ' <span class="se-synthetic">Bygget på syntetiske data kalibrert til de publiserte tabellene, '
        "ikke på svar fra virkelige personer.</span>"
        if synthetic
        else ""
    )
    note_html = f' <span class="se-figure-note">{e(note)}</span>' if note else ""
    provenance = " · ".join(
        f'<code>{e(f.path)}</code> (SHA-256 <code title="{f.sha256}">{f.short}</code>)' for f in files
    )
    table = data_table_html(data, caption=f"Tallene bak figuren: {title}", table_id=f"{fig_id}-table", numbered=False)
    anchor = f"{fig_id}-figure"
    # Vega charts have a fixed width; on a narrow screen their container scrolls, so it must take focus
    # for keyboard users to scroll it (WCAG 2.1.1).
    attr = "data-se-plotly" if kind == "plotly" else 'data-se-vega tabindex="0"'
    markup = (
        f'<figure class="se-figure se-figure-{kind}"{numbered_attributes(FIGURE, anchor, title, fig_id)} '
        f'aria-labelledby="{fig_id}-title" aria-describedby="{fig_id}-desc">'
        f'<figcaption><span class="se-figure-title" id="{fig_id}-title"{number_slot(anchor)}>{e(title)}</span> '
        f'<span class="se-figure-desc" id="{fig_id}-desc">{e(text)}</span>{synthetic_note}{note_html}</figcaption>'
        f'<div class="se-figure-plot" id="{fig_id}" {attr} data-spec="{fig_id}-spec" '
        f'aria-label="{e(title)}" role="group"></div>'
        f'<script type="application/json" id="{fig_id}-spec">{spec}</script>'
        f'<details class="se-figure-data"><summary>Vis tallene</summary>{table}</details>'
        f'<p class="se-figure-provenance">Data: {provenance} · '
        f'<a download="{fig_id}.csv" href="{csv_data_uri(data)}">Last ned tallene (CSV)</a></p>'
        f"</figure>"
    )
    return FigureOutput(markup, fig_id, kind)
