"""Norwegian national identity numbers: the one detector that readers, the anonymiser and the privacy gate share.

Callers disagree on purpose about *what to do* with a number, so this module tells them precisely *what it
is* and leaves the policy to them:

* a **shape** (:func:`looks_like_identity_number`): 11 digits, optionally a space after the six date digits.
  A file reader refuses any such value in an id column, valid or not: a mistyped fødselsnummer is still
  somebody's number, and no form in this project needs one.
* a **parsed number** (:func:`parse_identity_number`): the date part decoded with its offsets and both mod-11
  check digits tested, so that ``valid`` (date exists and both check digits are right) and ``synthetic``
  (a test range that belongs to nobody) can be told apart.

The number: ``DDMMYY`` + individual number ``III`` + check digits ``K1 K2``.

* D-nummer: 4 is added to the first day digit (day 41–71).
* H-nummer (assistance numbers in the health service): 4 is added to the first month digit (month 41–52).
  NAV's test numbers use the same +40 offset, so a month + 40 number may belong to a real person.
* Synthetic numbers (Skatteetaten's test population): 8 is added to the first month digit (month 81–92).
  They are valid by both check digits but are never issued to a person; this project's tests use only them.
* The individual number decides the century; a date that does not exist in that century is not valid.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
D_NUMBER_DAY_OFFSET = 40
H_NUMBER_MONTH_OFFSET = 40
SYNTHETIC_MONTH_OFFSET = 80

Kind = Literal["fnr", "dnr", "hnr"]

SHAPE = re.compile(r"^\s*(\d{6}) ?(\d{5})\s*$")
"""The shape of an identity number in a cell: 11 digits, optionally a space after the six date digits."""
# In running text an identity number is not glued to a word, a decimal, a path or a longer digit group.
_IN_TEXT = re.compile(r"(?<![\w.,/+-])(\d{6}) ?(\d{5})(?![\w]|[.,/-]\d)")


def mod11_check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    """The mod-11 check digit of ``digits``, or None when the remainder makes such a number impossible."""
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11
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


@dataclass(frozen=True)
class IdentityNumber:
    """What an 11-digit number is, by its own digits."""

    digits: str
    kind: Kind
    synthetic: bool
    date_valid: bool
    checksum_valid: bool

    @property
    def valid(self) -> bool:
        """A number that could be issued: the date exists and both check digits are right."""
        return self.date_valid and self.checksum_valid

    @property
    def label(self) -> str:
        """Norwegian name of the kind, for messages (never the digits themselves)."""
        return {"fnr": "fødselsnummer", "dnr": "D-nummer", "hnr": "H-nummer"}[self.kind]


def _checksum_ok(digits: str) -> bool:
    return mod11_check_digit(digits[:9], K1_WEIGHTS) == int(digits[9]) and mod11_check_digit(
        digits[:10], K2_WEIGHTS
    ) == int(digits[10])


def parse_identity_number(text: str) -> IdentityNumber | None:
    """Decode an 11-digit number (one space after the date allowed); None when the text has another shape."""
    match = SHAPE.match(text)
    if not match:
        return None
    digits = match[1] + match[2]
    day, month, yy, individual = int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6:9])
    kind: Kind = "fnr"
    if day > D_NUMBER_DAY_OFFSET:
        day, kind = day - D_NUMBER_DAY_OFFSET, "dnr"
    synthetic = False
    if month > SYNTHETIC_MONTH_OFFSET:
        month, synthetic = month - SYNTHETIC_MONTH_OFFSET, True
    elif month > H_NUMBER_MONTH_OFFSET:
        month = month - H_NUMBER_MONTH_OFFSET
        kind = "hnr" if kind == "fnr" else kind
    century = _century(yy, individual)
    date_valid = century is not None
    if century is not None:
        try:
            dt.date(century + yy, month, day)
        except ValueError:
            date_valid = False
    return IdentityNumber(digits, kind, synthetic, date_valid, _checksum_ok(digits))


def looks_like_identity_number(value: object) -> bool:
    """True for a value shaped like a fødselsnummer or D-number (11 digits, optionally 6 + space + 5)."""
    return isinstance(value, str) and bool(SHAPE.match(value))


def is_identity_number(text: str, *, allow_synthetic: bool = False) -> bool:
    """True for a valid number a person could hold; synthetic test numbers count only when allowed."""
    parsed = parse_identity_number(text)
    return parsed is not None and parsed.valid and (allow_synthetic or not parsed.synthetic)


@dataclass(frozen=True)
class IdentityMatch:
    """An 11-digit run found in running text, with its position."""

    start: int
    end: int
    number: IdentityNumber


def find_identity_numbers(text: str) -> Iterator[IdentityMatch]:
    """Every 11-digit run in ``text`` that stands as a number of its own, parsed; the caller decides what counts."""
    for match in _IN_TEXT.finditer(text):
        parsed = parse_identity_number(match.group(0))
        if parsed is not None:
            yield IdentityMatch(match.start(), match.end(), parsed)
