"""The one place where analysis output becomes HTML: figures here, interactive tables in the submodules.

``analysis.figures`` turns plotly and altair figures into page output; ``factor_explorer`` and
``case_overview`` build the filterable tables of the factor and case chapters, and ``team_report`` the
self-contained report of ``fidelity score``. No other module in ``analysis`` writes markup.

Why one place: every figure on the site must (1) work offline with plotly.js / vega served by the site
itself, never a CDN; (2) look the same (house style, Norwegian number format, a palette that survives
greyscale and colour-blindness); (3) carry a text alternative, its numbers as an accessible table and a
CSV download, and a provenance line naming the data files and their SHA-256. Doing this per chapter would
drift; doing it here keeps the guarantees testable.

The page output is plain HTML: a ``<figure>`` holding an empty plot container, the figure specification as
``<script type="application/json">`` and the fallback table. ``book/_static/figures.js`` renders every
container; on the site it loads plotly.js or the vega stack (named by ``book/_ext/site_assets.py`` on pages
that contain such a container) only when a figure approaches the viewport.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.paths import ROOT, rel
from analysis.present import fmt_num

# Colours for categories: derived from the Okabe–Ito palette, darkened where needed so that each has at
# least 3:1 contrast against the white page (WCAG 1.4.11), and spread in lightness so that the first four
# stay distinguishable in greyscale. tests/test_figures.py checks both properties.
PALETTE: tuple[str, ...] = ("#16325C", "#D55E00", "#009E73", "#8E3D7A", "#5C5C5C", "#8A6A00")
# Sequential scale for heatmaps: cividis is perceptually uniform, colour-blind safe and monotonic in greyscale.
SEQUENTIAL = "cividis"
# Diverging pair for facilitator/barrier and Likert splits.
DIVERGING = (PALETTE[0], PALETTE[1])
MARKERS_NOTE = "Seriene skilles også med ulike symboler og linjetyper, ikke bare med farge."
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
TEXT_COLOUR = "#1f1f1f"

_ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]{2,63}$")
PLOTLY_TRACE_TYPES_BUNDLED = frozenset(
    # Trace types in the plotly.js "cartesian" partial bundle the site serves (package.json).
    {"bar", "box", "contour", "heatmap", "histogram", "histogram2d", "histogram2dcontour", "image", "pie",
     "scatter", "scatterternary", "violin"}
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


# --------------------------------------------------------------------------------------------- style
def style_plotly(fig: Any, *, height: int | None = None) -> Any:
    """Apply the house style in place: fonts, Norwegian separators, palette, mobile-friendly margins."""
    fig.update_layout(
        separators=", ",
        font={"family": FONT_FAMILY, "size": 14, "color": TEXT_COLOUR},
        colorway=list(PALETTE),
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        margin={"l": 10, "r": 10, "t": 40, "b": 10, "pad": 2},
        # Legend above the plot: below it, it collides with long axis titles on narrow screens.
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        autosize=True,
        title=None,
    )
    if height is not None:
        fig.update_layout(height=height)
    fig.update_xaxes(automargin=True, gridcolor="#e3e3e3", linecolor="#767676", zerolinecolor="#767676")
    fig.update_yaxes(automargin=True, gridcolor="#e3e3e3", linecolor="#767676", zerolinecolor="#767676")
    return fig


def altair_theme() -> dict[str, Any]:
    """Altair configuration matching the plotly house style."""
    return {
        "config": {
            "font": "system-ui, sans-serif",
            "range": {"category": list(PALETTE)},
            "axis": {"labelFontSize": 13, "titleFontSize": 13, "labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR},
            "legend": {"labelFontSize": 13, "titleFontSize": 13, "orient": "bottom"},
            "view": {"stroke": None},
            "background": "#ffffff",
        }
    }


# ------------------------------------------------------------------------------------ descriptions
def describe_extremes(data: pd.DataFrame, value: str, labels: Sequence[str], *, decimals: int = 1,
                      what: str | None = None) -> str:
    """A one-sentence Norwegian summary of the range of ``value``: where it is highest and lowest.

    Used as the default text alternative so that it is always computed from the plotted numbers.
    """
    frame = data.dropna(subset=[value])
    if frame.empty:
        return "Figuren har ingen verdier å vise."
    hi = frame.loc[frame[value].idxmax()]
    lo = frame.loc[frame[value].idxmin()]

    def label(row: pd.Series) -> str:
        return ", ".join(f"{col} {row[col]}" for col in labels)

    subject = what or value
    return (
        f"Figuren viser {subject} for {len(frame)} kombinasjoner. "
        f"Høyest er {fmt_num(float(hi[value]), decimals)} ({label(hi)}), "
        f"lavest {fmt_num(float(lo[value]), decimals)} ({label(lo)})."
    )


def _default_description(data: pd.DataFrame) -> str:
    numeric = [c for c in data.columns if pd.api.types.is_numeric_dtype(data[c])]
    if not numeric:
        return f"Figuren bygger på en tabell med {len(data)} rader; tallene står i tabellen under."
    value = numeric[-1]
    labels = [c for c in data.columns if c != value][:2]
    return describe_extremes(data, value, labels)


# ---------------------------------------------------------------------------------------- tables
def _cell(value: Any, decimals: int | None = None) -> str:
    if decimals is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
        return fmt_num(value, decimals)
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, int) and not isinstance(value, bool):
        return fmt_num(value, 0)
    if isinstance(value, float):
        if value != value:  # NaN
            return "–"
        decimals = 0 if float(value).is_integer() else (1 if abs(value * 10 - round(value * 10)) < 1e-9 else 2)
        return fmt_num(value, decimals)
    return html.escape(str(value))


def data_table_html(data: pd.DataFrame, *, caption: str, table_id: str | None = None,
                    decimals: dict[str, int] | None = None) -> str:
    """An accessible HTML table (caption, column headers with scope) with Norwegian number formatting.

    ``decimals`` fixes the decimals per column (e.g. totals printed as 68,0); other numbers show as few
    decimals as they need.
    """
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in data.columns)
    fixed = [(decimals or {}).get(str(c)) for c in data.columns]
    rows = []
    for record in data.itertuples(index=False):
        cells = "".join(
            f"<td>{_cell(v.item() if hasattr(v, 'item') else v, d)}</td>" for v, d in zip(record, fixed)
        )
        rows.append(f"<tr>{cells}</tr>")
    ident = f' id="{table_id}"' if table_id else ""
    return (
        f'<div class="se-table-wrap" tabindex="0" role="region" aria-label="{html.escape(caption)}">'
        f'<table class="se-data-table"{ident}><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def show_table(data: pd.DataFrame, caption: str, table_id: str | None = None,
               decimals: dict[str, int] | None = None) -> Any:
    """An accessible table as cell output (chapters call this instead of showing a raw DataFrame)."""
    from IPython.display import HTML

    return HTML(data_table_html(data, caption=caption, table_id=table_id, decimals=decimals))


def csv_data_uri(data: pd.DataFrame) -> str:
    """The numbers as a CSV data: URI, so the download works offline and needs no extra file."""
    buffer = io.StringIO()
    data.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return "data:text/csv;charset=utf-8," + urllib.parse.quote(buffer.getvalue())


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
    """
    if not _ID_PATTERN.match(fig_id):
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
    table = data_table_html(data, caption=f"Tallene bak figuren: {title}", table_id=f"{fig_id}-table")
    # Vega charts have a fixed width; on a narrow screen their container scrolls, so it must take focus
    # for keyboard users to scroll it (WCAG 2.1.1).
    attr = "data-se-plotly" if kind == "plotly" else 'data-se-vega tabindex="0"'
    markup = (
        f'<figure class="se-figure se-figure-{kind}" id="{fig_id}-figure" aria-labelledby="{fig_id}-title" '
        f'aria-describedby="{fig_id}-desc">'
        f'<figcaption><span class="se-figure-title" id="{fig_id}-title">{e(title)}</span> '
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


# ------------------------------------------------------------------------------- standalone pages
def vendor_file(name: str) -> Path:
    """A vendored JavaScript file as copied in by the build (``make vendor``)."""
    path = ROOT / "book" / "_static" / "vendor" / name
    if not path.is_file():
        raise FileNotFoundError(f"{rel(path)} is missing: run `make vendor` (it copies the files from node_modules)")
    return path


def standalone_html(title: str, body_parts: Sequence[FigureOutput | str], *, lang: str = "nb") -> str:
    """A self-contained HTML document: scripts and styles inlined, so it works offline with no requests."""
    kinds = {part.kind for part in body_parts if isinstance(part, FigureOutput)}
    scripts = []
    if "plotly" in kinds:
        scripts.append(vendor_file("plotly-cartesian.min.js").read_text(encoding="utf-8"))
    if "vega" in kinds:
        for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"):
            scripts.append(vendor_file(name).read_text(encoding="utf-8"))
    static = ROOT / "book" / "_static"
    scripts.append((static / "figures.js").read_text(encoding="utf-8"))
    css = (static / "site.css").read_text(encoding="utf-8")
    body = "\n".join(part.html if isinstance(part, FigureOutput) else part for part in body_parts)
    script_tags = "\n".join("<script>" + s.replace("</script", "<\\/script") + "</script>" for s in scripts)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{css}\nbody{{max-width:60rem;margin:1rem auto;padding:0 1rem;"
        f"font-family:{FONT_FAMILY};color:{TEXT_COLOUR}}}</style></head>"
        f"<body><main>{body}</main>{script_tags}</body></html>"
    )
