"""The tables computed from the coded factors add up and agree with each other."""

from __future__ import annotations

from analysis.factors import Direction, FactorData, Level
from analysis.factors.summaries import (
    barrier_coverage,
    counts_by_level_domain_direction,
    coverage_table,
    euse_stage_table,
    factor_listing,
    interplay_table,
    ips_principle_table,
    recurring_themes,
    source_documents_used,
    study_comparison,
    theme_summary,
)


def test_recurring_themes_include_the_expected_ones(data: FactorData) -> None:
    recurring = recurring_themes(data)
    labels = " | ".join(recurring["tema"]).lower()
    for word in (
        "lederforankring",
        "saksmengde",
        "praksisfellen",
        "norskopplæring",
        "arbeidsgiverkontakt",
        "introduksjonsloven",
    ):
        assert word in labels, word
    assert (recurring["antall studier"] >= 2).all()
    assert recurring["antall studier"].is_monotonic_decreasing


def test_counts_cover_the_full_grid(data: FactorData) -> None:
    counts = counts_by_level_domain_direction(data)
    assert len(counts) == len(Level) * 5 * len(Direction)
    assert counts["antall"].sum() == len(data.factors)


def test_study_comparison_adds_up(data: FactorData) -> None:
    table = study_comparison(data)
    assert (table["fremmer"] + table["hemmer"] + table["blandet"] == table["faktorer"]).all()
    level_cols = [c for c in table.columns if c.endswith("nivå")] + ["SE-instruksen"]
    assert len(level_cols) == len(data.frame.levels)
    assert (table[level_cols].sum(axis=1) == table["faktorer"]).all()
    assert table["faktorer"].sum() == len(data.factors)


def test_theme_summary_counts_each_factor_once(data: FactorData) -> None:
    assert theme_summary(data)["faktorer"].sum() == len(data.factors)


def test_coverage_lists_every_hindered_theme_and_its_answers(data: FactorData) -> None:
    coverage = barrier_coverage(data)
    hindered = set(data.factors.loc[data.factors["direction"] != "facilitator", "theme_id"])
    assert set(coverage["theme_id"]) == hindered
    for rec in data.recommendations.itertuples():
        for theme_id in rec.theme_ids.split(";"):
            if theme_id in hindered:
                answers = coverage.loc[coverage["theme_id"] == theme_id, "anbefalinger (004)"].item()
                assert rec.rec_id in answers.split(", ")
    table = coverage_table(data)
    assert list(table["temakode"]) == list(coverage["theme_id"]) and "anbefalinger (004)" in table
    # The studies listed are those with a hindering (barrier or mixed) factor in the theme, not every study.
    for row in coverage.itertuples():
        part = data.factors[(data.factors["theme_id"] == row.theme_id) & (data.factors["direction"] != "facilitator")]
        listed = coverage.loc[coverage["theme_id"] == row.theme_id, "studier med hindring"].item()
        assert listed.split(", ") == sorted(set(part["study"])), row.theme_id


def test_interplay_table_names_both_ends(data: FactorData) -> None:
    table = interplay_table(data)
    labels = dict(zip(data.factors["factor_id"], data.factors["label"], strict=True))
    assert len(table) == len(data.interplay)
    for edge, row in zip(data.interplay.to_dict("records"), table.to_dict("records"), strict=True):
        assert row["fra"] == f"{edge['from']} {labels[edge['from']]}" and row["til"].startswith(edge["to"])


def test_factor_listing_keeps_every_factor_in_ladder_order(data: FactorData) -> None:
    listing = factor_listing(data)
    assert sorted(listing["factor_id"]) == sorted(data.factors["factor_id"])
    order = [c.label for c in data.frame.levels]
    assert listing["nivå"].map(order.index).is_monotonic_increasing


def test_source_documents_are_the_three_studies(data: FactorData) -> None:
    assert [name[:3] for name in source_documents_used(data)] == ["000", "002", "004"]


def test_frame_tables_number_the_stages_and_principles(data: FactorData) -> None:
    assert list(euse_stage_table(data.frame)["trinn"]) == [1, 2, 3, 4, 5]
    assert list(ips_principle_table(data.frame)["nr."]) == list(range(1, 9))
