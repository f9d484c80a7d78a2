"""The chapter's figures: each comes with a data table and a description computed from the same numbers."""

from __future__ import annotations

from analysis.factors import FactorData, charts
from analysis.factors.summaries import recurring_themes


def test_heatmap_table_holds_every_factor(data: FactorData) -> None:
    parts = charts.level_domain_heatmap(data)
    assert parts.data["antall"].sum() == len(data.factors) and (parts.data["antall"] > 0).all()
    assert f"de {len(data.factors)} kodede faktorene" in parts.description
    assert parts.chart.to_dict()  # a valid vega-lite specification


def test_study_profile_table_holds_every_factor(data: FactorData) -> None:
    parts = charts.study_profile_chart(data)
    assert parts.data["antall"].sum() == len(data.factors)
    assert set(parts.data["studie"]) == {"000 Fagartikkel", "002 Masteroppgave", "004 NORCE-rapport"}
    assert "prosent" in parts.description and parts.chart.to_dict()


def test_recurring_theme_matrix_shows_the_recurring_themes(data: FactorData) -> None:
    parts = charts.recurring_theme_matrix(data)
    recurring = recurring_themes(data)
    assert set(parts.data["tema"]) == set(recurring["tema"])
    assert parts.description.startswith(f"{len(recurring)} av {len(data.themes)} temaer")
    assert parts.chart.to_dict()
