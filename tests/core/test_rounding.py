"""The project's one rounding rule, against values printed by SPSS-style half-up rounding."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest

from analysis.core.formatting import capitalise, decapitalise, fmt_count_opening, fmt_count_word, fmt_num, fmt_pct
from analysis.core.rounding import half_unit, round_float, round_half_up


@pytest.mark.parametrize(
    "value, decimals, printed",
    [
        (Fraction(9, 4), 1, "2.3"),  # an exact half goes up (Python's round would give 2.2)
        (41 / 20, 1, "2.1"),  # 2.05 is stored as 2.0499999…; SPSS prints 2.1
        (2.35, 1, "2.4"),
        (0.7446, 2, "0.74"),
        (-2.25, 1, "-2.3"),  # halves go away from zero on both sides
        (Fraction(2, 3), 2, "0.67"),
        (67.55, 1, "67.6"),
        (Decimal("0.125"), 2, "0.13"),
        (12, 0, "12"),
    ],
)
def test_halves_go_away_from_zero(value: object, decimals: int, printed: str) -> None:
    assert str(round_half_up(value, decimals)) == printed  # type: ignore[arg-type]


def test_a_sum_of_floats_a_hair_below_a_half_still_rounds_up() -> None:
    mean_of_means = sum([0.1] * 3) + 2.2 - 0.3 + 0.05  # 2.2500000000000004 or 2.2499999999999996 by order
    assert round_float(2.2499999999999996, 1) == 2.3
    assert round_float(mean_of_means, 1) == 2.3


def test_values_clearly_below_a_half_round_down() -> None:
    assert round_float(2.2499, 1) == 2.2
    assert round_float(Fraction(1, 8) - Fraction(1, 10**6), 2) == 0.12  # type: ignore[arg-type]


def test_missing_values_pass_through() -> None:
    assert math.isnan(round_float(math.nan, 1))
    assert round_float(math.inf, 1) == math.inf


def test_half_unit_is_the_widest_error_that_still_prints_the_same() -> None:
    assert half_unit(1) == pytest.approx(0.05)
    assert half_unit(0) == pytest.approx(0.5)


def test_prose_uses_the_same_rule_with_norwegian_marks() -> None:
    assert fmt_num(2.25, 1) == "2,3"
    assert fmt_num(-2.25, 1) == "\u22122,3"
    assert fmt_num(1234567.891, 2) == "1\u00a0234\u00a0567,89"
    assert fmt_num(None) == "–"
    assert fmt_pct(12.5) == "13\u00a0%"


def test_labels_change_case_for_their_place_in_a_sentence_but_acronyms_do_not() -> None:
    assert decapitalise("Tema") == "tema" and decapitalise("CFIR-konstrukt") == "CFIR-konstrukt"
    assert capitalise("ni av ti") == "Ni av ti"


def test_a_count_opening_a_sentence_is_a_word_up_to_twelve_and_digits_above() -> None:
    assert [fmt_count_opening(n) for n in (0, 1, 4, 12)] == ["Ingen", "Én", "Fire", "Tolv"]
    assert fmt_count_opening(13) == "13" and fmt_count_opening(1500) == "1\u00a0500"
    assert fmt_count_opening(7.0) == "Sju"
    for bad in (-1, 2.5):
        with pytest.raises(ValueError):
            fmt_count_opening(bad)


def test_a_count_in_running_text_is_a_lower_case_word_up_to_twelve_and_digits_above() -> None:
    assert [fmt_count_word(n) for n in (0, 1, 2, 7, 8, 12)] == ["ingen", "én", "to", "sju", "åtte", "tolv"]
    # The caller picks the gender of «one» by the noun: «én case», «ett mål».
    assert fmt_count_word(1, neuter=True) == "ett" and fmt_count_word(2, neuter=True) == "to"
    assert fmt_count_word(13) == "13" and fmt_count_word(16.0) == "16" and fmt_count_word(2500) == "2\u00a0500"
    for bad in (-1, 0.5):
        with pytest.raises(ValueError):
            fmt_count_word(bad)
