"""The one identity-number detector (analysis.core.identity), checked against numbers made independently.

The generator in tests/fakes.py computes check digits with its own arithmetic, so these tests would catch a
wrong weight or offset in the detector instead of agreeing with it.
"""

from __future__ import annotations

import random

import pytest
from fakes import synthetic_identity_number, with_broken_check_digit

from analysis.core.identity import (
    find_identity_numbers,
    is_identity_number,
    looks_like_identity_number,
    parse_identity_number,
)


@pytest.mark.parametrize("d_number", [False, True])
def test_synthetic_numbers_are_valid_synthetic_and_of_the_right_kind(d_number: bool) -> None:
    rng = random.Random(11)
    for _ in range(200):
        parsed = parse_identity_number(synthetic_identity_number(rng, d_number=d_number))
        assert parsed is not None and parsed.valid and parsed.synthetic
        assert parsed.kind == ("dnr" if d_number else "fnr")


def test_month_plus_40_is_an_h_number_and_not_synthetic() -> None:
    parsed = parse_identity_number(synthetic_identity_number(random.Random(3), month_offset=40))
    assert parsed is not None and parsed.valid and parsed.kind == "hnr" and not parsed.synthetic


def test_a_broken_check_digit_is_shaped_but_not_valid() -> None:
    rng = random.Random(5)
    for _ in range(100):
        broken = with_broken_check_digit(synthetic_identity_number(rng))
        parsed = parse_identity_number(broken)
        assert parsed is not None and parsed.date_valid and not parsed.checksum_valid and not parsed.valid
        assert looks_like_identity_number(broken) and not is_identity_number(broken, allow_synthetic=True)


def test_synthetic_numbers_count_only_when_allowed() -> None:
    number = synthetic_identity_number(random.Random(7))
    assert is_identity_number(number, allow_synthetic=True)
    assert not is_identity_number(number)


def test_a_date_that_does_not_exist_is_never_valid() -> None:
    # 31 February (+80 for the synthetic range) can never be a birth date, whatever the check digits say.
    rng = random.Random(5)
    for _ in range(30):
        base = "3182" + f"{rng.randrange(100):02d}" + f"{rng.randrange(500):03d}"
        assert not any(
            is_identity_number(f"{base}{k1}{k2}", allow_synthetic=True) for k1 in range(10) for k2 in range(10)
        )


@pytest.mark.parametrize(
    "text, shaped",
    [
        ("12345678901", True),
        ("123456 78901", True),
        (" 12345678901 ", True),
        ("1234567890", False),
        ("123456789012", False),
        ("1234 5678901", False),
        ("12345678901a", False),
        ("", False),
    ],
)
def test_shape_is_eleven_digits_with_an_optional_space_after_the_date(text: str, shaped: bool) -> None:
    assert looks_like_identity_number(text) is shaped


def test_numbers_in_running_text_are_found_with_their_positions_but_not_inside_longer_numbers() -> None:
    number = synthetic_identity_number(random.Random(9))
    text = f"Fnr {number}. Ref {number}123, beløp 1.{number}, og {number[:6]} {number[6:]}"
    found = list(find_identity_numbers(text))
    assert [text[f.start : f.end] for f in found] == [number, f"{number[:6]} {number[6:]}"]
    assert all(f.number.valid for f in found)
