"""The rendering core marks what the site numbers: figures and analysis tables, not a figure's own data table."""

from __future__ import annotations

import html
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.core.render import data_table_html, show_collapsed_table, show_figure, show_table
from analysis.core.render.numbering import LABEL_PATTERN, table_anchor

SOURCE = "data/published/fidelity_totals.csv"
DATA = pd.DataFrame({"kategori": ["a", "b"], "verdi": [1.5, 2.25]})


def _marked(markup: str) -> list[dict[str, str]]:
    """Every element marked as numbered, with its attributes (read independently of the code that wrote them)."""
    found = []
    for tag in re.findall(r"<[a-z]+\b[^>]*\bdata-se-numbered=[^>]*>", markup):
        found.append({k: html.unescape(v) for k, v in re.findall(r'([\w-]+)="([^"]*)"', tag)})
    return found


def _slots(markup: str) -> list[tuple[str, str]]:
    return re.findall(r'<([a-z]+)\b[^>]*\bdata-se-number-of="([^"]+)"', markup)


def test_a_figure_is_numbered_by_its_id_and_its_title_carries_the_number() -> None:
    title = "Prøvefigur «med» tegn & sånt"
    markup = show_figure(
        go.Figure(go.Bar(x=["a"], y=[1])), fig_id="test-bars", title=title, sources=[SOURCE], data=DATA
    ).html
    (figure,) = _marked(markup)
    assert figure["data-se-numbered"] == "figure" and figure["data-se-label"] == "test-bars"
    assert figure["data-se-title"] == title
    assert markup.startswith(f'<figure class="se-figure se-figure-plotly" id="{figure["id"]}"')
    # The number goes into the title the figure is labelled by, so its accessible name includes it.
    title_span = re.search(r'<span class="se-figure-title" id="([^"]+)"[^>]*>', markup)
    assert title_span and ("span", figure["id"]) in _slots(title_span.group(0))
    assert f'aria-labelledby="{title_span.group(1)}"' in markup
    # The data table in «Vis tallene» belongs to the figure: it has no number of its own.
    assert 'id="test-bars-table"' in markup and len(_marked(markup)) == 1


def test_a_table_with_an_id_is_numbered_and_named_by_it() -> None:
    markup = data_table_html(DATA, caption="Prøvetabell", table_id="test-tabell")
    (table,) = _marked(markup)
    assert table == {
        "class": "se-data-table",
        "id": "test-tabell",
        "data-se-numbered": "table",
        "data-se-label": "test-tabell",
        "data-se-title": "Prøvetabell",
    }
    assert re.search(r'<table\b[^>]*data-se-numbered="table"[^>]*><caption>Prøvetabell</caption>', markup)
    assert str(show_table(DATA, "Prøvetabell", "test-tabell").data) == markup


def test_a_table_without_an_id_is_numbered_under_an_anchor_from_its_caption_but_has_no_name() -> None:
    captions = ["Årsaker til frafall blant søkere (prosent)", "Årsaker til frafall blant søkere – del 2", "!!"]
    anchors = []
    for caption in captions:
        (table,) = _marked(data_table_html(DATA, caption=caption))
        assert "data-se-label" not in table and table["data-se-title"] == caption
        anchors.append(table["id"])
    assert len(set(anchors)) == len(anchors)
    for anchor in anchors:
        assert LABEL_PATTERN.match(anchor) and anchor.isascii() and anchor.startswith("tab-")
    assert "arsaker" in anchors[0] and "sokere" in anchors[0]  # æøå folded, not dropped
    long = table_anchor("ord " * 100)
    assert len(long) <= 64 and not long.endswith("-")


def test_a_folded_table_shows_its_number_on_the_summary_line_too() -> None:
    markup = str(show_collapsed_table(DATA, "Alle kontrollene", "test-kontroller", "Vis alle kontrollene").data)
    (table,) = _marked(markup)
    assert table["id"] == "test-kontroller"
    assert ("summary", "test-kontroller") in _slots(markup)


def test_unnumbered_tables_and_bad_names_are_not_marked() -> None:
    assert _marked(data_table_html(DATA, caption="c", table_id="x-y-z", numbered=False)) == []
    with pytest.raises(ValueError, match="kebab-case"):
        data_table_html(DATA, caption="c", table_id="Tabell 1")
    with pytest.raises(ValueError, match="kebab-case"):
        show_collapsed_table(DATA, "c", "T1", "Vis")
