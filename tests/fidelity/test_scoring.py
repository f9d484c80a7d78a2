"""Scoring engine: hand-computed expectations, partial answers, tick-all edge cases, band boundaries."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.core.errors import InputError
from analysis.fidelity.codebook import load_fidelity_codebook
from analysis.fidelity.scoring import band_cuts, classify, score_respondents, sensitivity, team_summary

BOOK = load_fidelity_codebook()


def answer_row(respondent: str = "r1", team: str = "A", timepoint: str = "inklusjon", **overrides: float) -> dict:
    """A complete answer: every single-choice item 3, every tick-all option unticked, then the overrides."""
    row: dict[str, object] = {"respondent_id": respondent, "team": team, "timepoint": timepoint}
    for item in BOOK.items:
        if item.type == "single":
            row[item.id] = 3.0
        else:
            for column in item.columns:
                row[column] = 0.0
    row.update(overrides)
    return row


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=BOOK.raw_columns())


@pytest.mark.parametrize("example", BOOK.worked_examples, ids=lambda e: e.id)
def test_hand_worked_examples_from_vedlegg_1(example) -> None:  # type: ignore[no-untyped-def]
    """The score each answer pattern should get was worked out by hand from Vedlegg 1 (codebook, with lines)."""
    item = BOOK.item(example.item)
    if item.type == "single":
        answer = {item.id: float(example.choice)}
    else:
        answer = {f"{item.id}_{o.code}": float(o.code in (example.ticked or [])) for o in item.options}
    scored = score_respondents(frame(answer_row(**answer)), BOOK, variants=example.variants).iloc[0]
    assert scored[item.id] == example.score, example.reasoning


def test_hand_computed_total_of_a_complete_answer() -> None:
    # 15 single-choice items at 3 = 45; q03 ticks 1,2,3 -> options 2 and 3 count -> 2;
    # q07 ticks all five -> 5; q08 none -> 0; q19 ticks 4 and 5 (identical) -> 1.
    row = answer_row(q03_1=1, q03_2=1, q03_3=1, q07_1=1, q07_2=1, q07_3=1, q07_4=1, q07_5=1, q19_4=1, q19_5=1)
    scored = score_respondents(frame(row), BOOK).iloc[0]
    assert scored["q03"] == 2 and scored["q07"] == 5 and scored["q08"] == 0 and scored["q19"] == 1
    assert scored["items_answered"] == 19
    assert scored["total"] == 45 + 2 + 5 + 0 + 1
    assert scored["band"] == "rimelig"


def test_partial_answers_give_no_total_but_a_partial_sum() -> None:
    row = answer_row(q01=np.nan, q02=np.nan)
    scored = score_respondents(frame(row), BOOK).iloc[0]
    assert scored["items_answered"] == 17
    assert math.isnan(scored["total"])
    assert scored["partial_total"] == 13 * 3  # the 13 remaining single-choice items; tick-all items scored 0
    assert scored["band"] == ""


def test_tick_all_item_all_blank_is_unanswered_but_blank_beside_a_tick_is_not_ticked() -> None:
    blank = {c: np.nan for c in BOOK.item("q08").columns}
    scored = score_respondents(frame(answer_row(**blank)), BOOK).iloc[0]
    assert math.isnan(scored["q08"]) and scored["items_answered"] == 18
    mixed = {c: np.nan for c in BOOK.item("q08").columns} | {"q08_2": 1.0}
    assert score_respondents(frame(answer_row(**mixed)), BOOK).iloc[0]["q08"] == 1


def test_item3_option1_alone_scores_zero_and_all_six_cap_at_five() -> None:
    only_referral = score_respondents(frame(answer_row(q03_1=1)), BOOK).iloc[0]["q03"]
    all_six = {f"q03_{k}": 1.0 for k in range(1, 7)}
    assert only_referral == 0
    assert score_respondents(frame(answer_row(**all_six)), BOOK).iloc[0]["q03"] == 5
    variant = score_respondents(frame(answer_row(q03_1=1)), BOOK, variants=["all_six_capped"]).iloc[0]["q03"]
    assert variant == 1


def test_item19_duplicate_options_count_once_unless_the_variant_says_otherwise() -> None:
    both = answer_row(q19_1=1, q19_4=1, q19_5=1)
    assert score_respondents(frame(both), BOOK).iloc[0]["q19"] == 2
    assert score_respondents(frame(both), BOOK, variants=["count_duplicates"]).iloc[0]["q19"] == 3


def test_floor_one_variant_lifts_zero_ticks_to_one() -> None:
    scored = score_respondents(frame(answer_row()), BOOK, variants=["floor_one"]).iloc[0]
    assert [scored[i] for i in ("q03", "q07", "q08", "q19")] == [1, 1, 1, 1]


def test_unknown_variant_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="ukjent skåringsvariant"):
        score_respondents(frame(answer_row()), BOOK, variants=["no_such_rule"])


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (43, "ikke_se"),
        (43.99, "ikke_se"),
        (44, "rimelig"),
        (69, "rimelig"),
        (69.99, "rimelig"),
        (70, "godt"),
        (84, "godt"),
        (84.99, "godt"),
        (85, "eksemplarisk"),
        (95, "eksemplarisk"),
        (0, "ikke_se"),
    ],
)
def test_band_boundaries_of_the_published_scale(total: float, band: str) -> None:
    assert classify(np.array([total]), band_cuts(BOOK, "modified"))[0] == band


def test_proportional_rescaling_of_the_original_cut_offs() -> None:
    cuts = {c.id: c.min for c in band_cuts(BOOK, "proportional")}
    assert cuts["eksemplarisk"] == pytest.approx(115 * 95 / 125)
    assert cuts["godt"] == pytest.approx(76.0)
    assert cuts["rimelig"] == pytest.approx(74 * 95 / 125, abs=0.01)
    assert classify(np.array([72.4]), band_cuts(BOOK, "proportional"))[0] == "rimelig"
    assert classify(np.array([72.4]), band_cuts(BOOK, "modified"))[0] == "godt"


def test_team_summary_is_the_sum_of_item_means_over_those_who_answered() -> None:
    rows = frame(
        answer_row("a", q01=5),
        answer_row("b", q01=4),
        answer_row("c", q01=np.nan),  # c skipped q01: its mean is over a and b only
    )
    summary = team_summary(score_respondents(rows, BOOK), BOOK).iloc[0]
    assert summary["n"] == 3
    assert summary["q01"] == pytest.approx(4.5)
    expected = 4.5 + 14 * 3 + 0 + 0 + 0 + 0
    assert summary["total"] == pytest.approx(expected)
    assert summary["items_with_answers"] == 19


def test_team_total_is_left_empty_when_an_item_has_no_answer_at_all() -> None:
    summary = team_summary(score_respondents(frame(answer_row(q05=np.nan)), BOOK), BOOK).iloc[0]
    assert summary["items_with_answers"] == 18 and math.isnan(summary["total"]) and summary["band"] == ""


def test_sensitivity_covers_every_rule_and_scheme() -> None:
    table = sensitivity(frame(answer_row(), answer_row("r2", team="B")), BOOK)
    assert set(table["rule"]) == {"standard", *BOOK.variant_ids()}
    assert set(table["band_scheme"]) == {"modified", "proportional"}
    assert len(table) == 2 * (1 + len(BOOK.variant_ids())) * 2


def test_scoring_is_vectorised_over_many_rows() -> None:
    rows = frame(*(answer_row(f"r{i}", q01=1 + i % 5) for i in range(2000)))
    scored = score_respondents(rows, BOOK)
    assert scored["q01"].tolist() == [1 + i % 5 for i in range(2000)]
