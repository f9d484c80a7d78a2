"""Fake personal numbers for tests, made here independently of the code under test.

The identity-number detector (analysis.core.identity) and these generators must not share a checksum
implementation: if both used one function, a wrong weight would make the tests agree with the bug. The
arithmetic below is written out from the published rule (Skatteetaten: «Fødselsnummer», check digits
k1 = 11 − (3d1 + 7d2 + 6m1 + 1m2 + 8å1 + 9å2 + 4i1 + 5i2 + 2i3) mod 11, k2 likewise with 5 4 3 2 7 6 5 4 3 2
over the ten first digits; 11 gives 0 and 10 is impossible).

Every fake identity number lies in the synthetic range (month + 80), which is never issued to a person,
so no test file can hold a real person's number even by accident.
"""

from __future__ import annotations

import random

_FIRST = [3, 7, 6, 1, 8, 9, 4, 5, 2]
_SECOND = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]


def _control(digits: list[int], weights: list[int]) -> int:
    total = 0
    for digit, weight in zip(digits, weights, strict=False):
        total += digit * weight
    value = 11 - total % 11
    return 0 if value == 11 else value  # 10 means "no such number"


def synthetic_identity_number(rng: random.Random, *, d_number: bool = False, month_offset: int = 80) -> str:
    """A number with both check digits right, in the synthetic range (or another month offset when asked)."""
    while True:
        year = rng.randint(1950, 2005)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        individual = rng.randint(0, 499) if year < 2000 else rng.randint(500, 999)
        digits = [
            int(c)
            for c in f"{day + (40 if d_number else 0):02d}{month + month_offset:02d}{year % 100:02d}{individual:03d}"
        ]
        first = _control(digits, _FIRST)
        if first == 10:
            continue
        second = _control(digits + [first], _SECOND)
        if second == 10:
            continue
        return "".join(map(str, digits + [first, second]))


def with_broken_check_digit(number: str) -> str:
    """The same number with its last digit changed, so the second check fails."""
    return number[:10] + str((int(number[10]) + 1) % 10)


def account_number(rng: random.Random) -> str:
    """An 11-digit bank account number with a valid mod-11 check digit."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(10)]
        digits[0] = rng.randint(1, 9)
        check = _control(digits, _SECOND)
        if check != 10:
            return "".join(map(str, digits + [check]))


def phone_number(rng: random.Random) -> str:
    """An 8-digit mobile-style number (first digit 4 or 9)."""
    return rng.choice("49") + "".join(str(rng.randint(0, 9)) for _ in range(7))
