"""Norwegian identity and account numbers: validation, and fake ones for tests and benchmarks.

Both the anonymiser and the privacy gate must agree on what a "valid-looking" identity number is, so the
rules live here once:

* Fødselsnummer: ``DDMMYY`` + individual number ``III`` + check digits ``K1 K2``. The date must exist in the
  century the individual number points to. Both check digits are mod-11 with the official weights; a
  remainder that would give check digit 10 makes the number impossible.
* D-nummer: as a fødselsnummer, but 4 is added to the first digit (day 41–71).
* H-nummer (used in the health service) adds 4 to the first month digit; accepted too, because a privacy
  check should rather over-detect.
* Bank account: 11 digits, the last a mod-11 check digit over the first ten (weights 5,4,3,2,7,6,5,4,3,2).
  Note that these are the K2 weights: every valid fødselsnummer is also a valid account number, so the
  difference is made by context, not arithmetic.

Fake numbers are generated at run time from a seeded random generator, so no tracked file ever holds a
literal that passes these checks (the privacy gate in tests/test_privacy.py enforces that).
"""

from __future__ import annotations

import datetime as dt
import random

K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _mod11(digits: str, weights: tuple[int, ...]) -> int | None:
    """Check digit for ``digits``, or None when the remainder makes the number impossible."""
    remainder = sum(int(d) * w for d, w in zip(digits, weights)) % 11
    check = (11 - remainder) % 11
    return None if check == 10 else check


def _century(yy: int, individual: int) -> int | None:
    """Birth century from the individual number, per the population register's allocation rules."""
    if individual <= 499:
        return 1900
    if individual <= 749 and yy >= 54:
        return 1800
    if individual >= 900 and yy >= 40:
        return 1900
    if individual >= 500 and yy <= 39:
        return 2000
    return None


def identity_number_kind(number: str) -> str | None:
    """Return "fnr", "dnr" or "hnr" when ``number`` (11 digits, spaces ignored) is valid, else None."""
    digits = number.replace(" ", "")
    if len(digits) != 11 or not digits.isdigit():
        return None
    if _mod11(digits[:9], K1_WEIGHTS) != int(digits[9]) or _mod11(digits[:10], K2_WEIGHTS) != int(digits[10]):
        return None
    day, month, yy, individual = int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6:9])
    kind = "fnr"
    if day > 40:
        day, kind = day - 40, "dnr"
    if month > 40:
        month, kind = month - 40, "hnr" if kind == "fnr" else kind
    century = _century(yy, individual)
    if century is None:
        return None
    try:
        dt.date(century + yy, month, day)
    except ValueError:
        return None
    return kind


def is_identity_number(number: str) -> bool:
    return identity_number_kind(number) is not None


def is_account_number(number: str) -> bool:
    """True for 11 digits (spaces and dots ignored) whose last digit is the mod-11 check of the first ten."""
    digits = number.replace(" ", "").replace(".", "")
    if len(digits) != 11 or not digits.isdigit():
        return False
    return _mod11(digits[:10], K2_WEIGHTS) == int(digits[10])


def fake_identity_number(rng: random.Random, *, d_number: bool = False) -> str:
    """A random valid fødselsnummer (or D-nummer), for tests only; drawn until both check digits exist."""
    while True:
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 50))
        individual = rng.randrange(0, 500) if born.year < 2000 else rng.randrange(500, 1000)
        day = born.day + (40 if d_number else 0)
        base = f"{day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}"
        k1 = _mod11(base, K1_WEIGHTS)
        if k1 is None:
            continue
        k2 = _mod11(base + str(k1), K2_WEIGHTS)
        if k2 is None:
            continue
        return f"{base}{k1}{k2}"


def fake_account_number(rng: random.Random) -> str:
    """A random 11-digit account number with a valid check digit (plain digits)."""
    while True:
        base = f"{rng.randrange(1000, 9999)}{rng.randrange(0, 100):02d}{rng.randrange(0, 10000):04d}"
        check = _mod11(base, K2_WEIGHTS)
        if check is not None:
            return base + str(check)


def fake_phone_number(rng: random.Random) -> str:
    """A random 8-digit Norwegian mobile-style number (first digit 4 or 9), plain digits."""
    return rng.choice("49") + "".join(str(rng.randrange(10)) for _ in range(7))
