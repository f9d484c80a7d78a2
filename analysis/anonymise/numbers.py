"""Bank account numbers, and fake numbers for benchmarks and demonstrations.

Identity numbers are recognised by :mod:`analysis.core.identity`, the detector the readers and the privacy
gate share. This module adds what only the anonymiser needs:

* Bank account: 11 digits, the last a mod-11 check digit over the first ten (weights 5,4,3,2,7,6,5,4,3,2).
  These are the K2 weights of an identity number, so every valid fødselsnummer is also a valid account
  number: the difference is made by context, not arithmetic.
* Fake numbers, drawn at run time from a seeded generator so that no tracked file holds one. Fake identity
  numbers lie in the synthetic range (month + 80) that is never issued to a person.
"""

from __future__ import annotations

import datetime as dt
import random

from analysis.core.identity import (
    D_NUMBER_DAY_OFFSET,
    K1_WEIGHTS,
    K2_WEIGHTS,
    SYNTHETIC_MONTH_OFFSET,
    mod11_check_digit,
)


def is_account_number(number: str) -> bool:
    """True for 11 digits (spaces and dots ignored) whose last digit is the mod-11 check of the first ten."""
    digits = number.replace(" ", "").replace(".", "")
    if len(digits) != 11 or not digits.isdigit():
        return False
    return mod11_check_digit(digits[:10], K2_WEIGHTS) == int(digits[10])


def fake_identity_number(rng: random.Random, *, d_number: bool = False) -> str:
    """A synthetic fødselsnummer (or D-nummer): valid check digits, month + 80, so it belongs to nobody."""
    while True:
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 50))
        individual = rng.randrange(0, 500) if born.year < 2000 else rng.randrange(500, 1000)
        day = born.day + (D_NUMBER_DAY_OFFSET if d_number else 0)
        base = f"{day:02d}{born.month + SYNTHETIC_MONTH_OFFSET:02d}{born.year % 100:02d}{individual:03d}"
        k1 = mod11_check_digit(base, K1_WEIGHTS)
        if k1 is None:
            continue
        k2 = mod11_check_digit(base + str(k1), K2_WEIGHTS)
        if k2 is None:
            continue
        return f"{base}{k1}{k2}"


def fake_account_number(rng: random.Random) -> str:
    """A random 11-digit account number with a valid check digit (plain digits)."""
    while True:
        base = f"{rng.randrange(1000, 9999)}{rng.randrange(0, 100):02d}{rng.randrange(0, 10000):04d}"
        check = mod11_check_digit(base, K2_WEIGHTS)
        if check is not None:
            return base + str(check)


def fake_phone_number(rng: random.Random) -> str:
    """A random 8-digit Norwegian mobile-style number (first digit 4 or 9), plain digits."""
    return rng.choice("49") + "".join(str(rng.randrange(10)) for _ in range(7))
