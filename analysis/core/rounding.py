"""Rounding as the sources print numbers: halves away from zero, as SPSS and Excel do.

Python's ``round`` rounds halves to even (``round(2.25, 1) == 2.2``) and works on the binary value, so a
mean of 41/20 stored as 2.04999… would print as 2.0 where SPSS prints 2.1. Every number this project
compares with a printed table, or prints itself, goes through :func:`round_half_up`; there is no second
rounding rule anywhere in ``analysis``.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

BINARY_NOISE = Decimal("1e-9")
"""How far below a printed half a float may lie and still count as the half.

Sums of floats drift by far less than this (about 1e-15 relative); an exact fraction k/n with n ≤ 1000 lies
at least 1/(2000 n) ≥ 5e-7 away from a half of the third decimal unless it sits on it. So the nudge turns
binary noise into the half SPSS sees, and never moves a genuinely different value across a boundary.
"""


def _exact(value: Fraction | Decimal | float | int) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, (Decimal, int)):
        return Decimal(value)
    return Decimal(repr(float(value)))


def round_half_up(value: Fraction | Decimal | float | int, decimals: int) -> Decimal:
    """``value`` rounded to ``decimals`` places, halves away from zero: 2.25 → 2.3, −2.25 → −2.3."""
    exact = _exact(value)
    nudged = exact + BINARY_NOISE if exact >= 0 else exact - BINARY_NOISE
    return nudged.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def round_float(value: float, decimals: int) -> float:
    """:func:`round_half_up` as a float, passing NaN and infinities through (for frames and figures)."""
    if not math.isfinite(value):
        return float(value)
    return float(round_half_up(value, decimals))


def half_unit(decimals: int) -> float:
    """Half a unit in the last printed decimal: the widest error that still rounds to the printed value."""
    return 0.5 * 10.0**-decimals
