"""Numbers into Norwegian prose and tables.

Chapters put every computed number into the text through ``glue_text``; the value is formatted here once
(decimal comma, non-breaking thousands space, minus sign) so prose and tables agree and nothing is typed by
hand. Rounding is the project's one rule (:mod:`analysis.core.rounding`), so prose agrees with the sources.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from analysis.core.rounding import round_half_up


def fmt_num(value: float | int | None, decimals: int = 1) -> str:
    """Format a number the Norwegian way: decimal comma, non-breaking space between thousands, '–' for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    rounded = round_half_up(value, decimals)
    text = f"{rounded:,.{decimals}f}"
    text = text.replace(",", "\u00a0").replace(".", ",")
    if text.startswith("-"):
        text = "\u2212" + text[1:]
    return text


def fmt_int(value: float | int) -> str:
    """A count in prose (no decimals)."""
    return fmt_num(value, 0)


_COUNT_WORDS = ("ingen", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv")
"""Counts from 0 to 12 in bokmål words; «én» is the form for the common gender (en case, en måling)."""


def fmt_count_word(value: float | int, *, neuter: bool = False) -> str:
    """A count inside running text: 0–12 as a lower-case word («to i jobb», «fire måletidspunkter»), digits above.

    Norwegian style writes numbers up to twelve as words in prose; tables and «n =» keep digits, so use this
    only where the count stands in a sentence. The caller chooses the word for 1 by the noun it counts: «én»
    for the common gender (en case, en måling), «ett» with ``neuter=True`` (ett mål, ett team).
    """
    if value < 0 or int(value) != value:
        raise ValueError(f"{value} is not a count")
    count = int(value)
    if count == 1 and neuter:
        return "ett"
    return _COUNT_WORDS[count] if count < len(_COUNT_WORDS) else fmt_int(count)


def fmt_count_opening(value: float | int) -> str:
    """A count that opens a sentence: 0–12 as a capitalised word («Fire ender …», «Ingen …»), digits above.

    Norwegian style writes small numbers as words at the start of a sentence. The word for 1 is «Én», the
    form for nouns of the common gender, which is what the site's counts of cases and measurements are.
    """
    return capitalise(fmt_count_word(value))


def fmt_pct(value: float | None, decimals: int = 0) -> str:
    """Percent with a non-breaking space before the sign, as Norwegian typography wants."""
    return "–" if value is None else f"{fmt_num(value, decimals)}\u00a0%"


def fmt_p(p: float) -> str:
    """p-values as reported in the social sciences: three decimals, '< 0,001' below that."""
    return "p < 0,001" if p < 0.001 else f"p = {fmt_num(p, 3)}"


def capitalise(text: str) -> str:
    """First letter upper case, for a glued phrase that may open a sentence («Ni av …»)."""
    return text[:1].upper() + text[1:]


def decapitalise(text: str) -> str:
    """A label used mid-sentence: «Tema» → «tema», but acronyms keep their case («CFIR-domene»)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


class _PlainText(str):
    """A string glued for ``{glue:text}``.

    myst-nb reads the text/plain output back with ``ast.literal_eval`` and shows the resulting string without
    quotes; a bare repr would be parsed as Python instead ("3,3" becomes the tuple (3, 3)).
    """

    def __repr__(self) -> str:
        return repr(str(self))


def glue_text(name: str, value: object) -> None:
    """Glue a value for inline use as ``{glue:text}`name```; numbers should be formatted first with fmt_num."""
    from myst_nb import glue

    glue(name, _PlainText(str(value)), display=False)


def glue_all(facts: Mapping[str, object]) -> None:
    """Glue every fact a chapter's ``chapter_facts()`` returns (already formatted text)."""
    for name, value in facts.items():
        glue_text(name, value)
