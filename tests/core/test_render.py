"""The figure pipeline: palette accessibility, page markup, provenance and the offline renderer's contract."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from pathlib import Path

import altair as alt
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.core.formatting import fmt_num, fmt_pct
from analysis.core.render import PALETTE, data_table_html, show_figure, standalone_html
from analysis.core.render.figure import PLOTLY_TRACE_TYPES_BUNDLED

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "data/published/fidelity_totals.csv"


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_palette_has_graphics_contrast_against_the_page() -> None:
    for colour in PALETTE:
        assert contrast(colour, "#ffffff") >= 3.0, colour  # WCAG 1.4.11 non-text contrast


def test_first_four_palette_colours_differ_in_greyscale() -> None:
    greys = [luminance(c) for c in PALETTE[:4]]
    for a, b in itertools.combinations(greys, 2):
        assert abs(a - b) >= 0.03, (greys, "colours collapse in greyscale")


def figure_output() -> str:
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1.5, 2.25]))
    data = pd.DataFrame({"kategori": ["a", "b"], "verdi": [1.5, 2.25]})
    return show_figure(fig, fig_id="test-bars", title="Prøvefigur", sources=[SOURCE], data=data).html


def test_figure_markup_has_caption_description_table_and_provenance() -> None:
    html = figure_output()
    assert html.startswith('<figure class="se-figure se-figure-plotly" id="test-bars-figure"')
    assert "<figcaption>" in html and 'id="test-bars-desc"' in html and 'aria-describedby="test-bars-desc"' in html
    assert "Høyest er 2,3" in html  # 2.25 from the data, rounded half up as printed, with a Norwegian comma
    assert "<summary>Vis tallene</summary>" in html and '<th scope="col">verdi</th>' in html
    digest = hashlib.sha256((ROOT / SOURCE).read_bytes()).hexdigest()
    assert f"<code>{SOURCE}</code>" in html and digest[:12] in html
    assert 'download="test-bars.csv" href="data:text/csv' in html
    assert "cdn" not in html.lower() and "https://" not in html


def test_spec_is_embedded_as_json_with_house_style() -> None:
    html = figure_output()
    raw = re.search(r'<script type="application/json" id="test-bars-spec">(.*?)</script>', html, re.S).group(1)
    spec = json.loads(raw.replace("<\\/", "</"))
    assert spec["layout"]["separators"] == ", "
    assert spec["config"]["displayModeBar"] is False


def test_altair_chart_becomes_a_vega_container() -> None:
    data = pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})
    chart = alt.Chart(data).mark_bar().encode(x="x", y="y")
    html = show_figure(chart, fig_id="test-vega", title="Vega", sources=[SOURCE], data=data).html
    assert "data-se-vega" in html and "vega-lite" in html


def test_bad_ids_unbundled_traces_and_missing_sources_are_rejected() -> None:
    data = pd.DataFrame({"x": [1]})
    with pytest.raises(ValueError, match="kebab-case"):
        show_figure(go.Figure(), fig_id="Bad Id", title="t", sources=[SOURCE], data=data)
    with pytest.raises(ValueError, match="bundle"):
        show_figure(go.Figure(go.Scattergeo()), fig_id="geo-map", title="t", sources=[SOURCE], data=data)
    with pytest.raises(FileNotFoundError):
        show_figure(go.Figure(), fig_id="no-source", title="t", sources=["data/nope.csv"], data=data)
    with pytest.raises(ValueError, match="no source"):
        show_figure(go.Figure(), fig_id="no-sources", title="t", sources=[], data=data)


def test_bundled_trace_types_match_the_vendored_bundle() -> None:
    bundle = ROOT / "node_modules" / "plotly.js-cartesian-dist-min" / "plotly-cartesian.min.js"
    if not bundle.exists():
        pytest.skip("node_modules not installed")
    text = bundle.read_text(encoding="utf-8")
    for trace in PLOTLY_TRACE_TYPES_BUNDLED:
        assert f'moduleType:"trace",name:"{trace}"' in text or f'name:"{trace}",basePlotModule' in text, trace


def test_norwegian_number_formatting() -> None:
    assert fmt_num(1234.56, 1) == "1\u00a0234,6"
    assert fmt_num(-0.5, 2) == "\u22120,50"
    assert fmt_num(float("nan")) == "–"
    assert fmt_pct(45.0) == "45\u00a0%"


def test_data_table_escapes_text() -> None:
    html = data_table_html(pd.DataFrame({"a": ["<b>x</b>"]}), caption="c")
    assert "&lt;b&gt;" in html and "<caption>c</caption>" in html


def test_standalone_page_inlines_its_scripts() -> None:
    if not (ROOT / "book" / "_static" / "vendor" / "plotly-cartesian.min.js").exists():
        pytest.skip("vendored JavaScript not copied (make vendor)")
    fig = go.Figure(go.Bar(x=["a"], y=[1]))
    out = show_figure(fig, fig_id="solo", title="t", sources=[SOURCE], data=pd.DataFrame({"y": [1]}))
    page = standalone_html("Rapport", [out])
    assert page.count("<script>") >= 2 and "<script src" not in page and 'lang="nb"' in page
