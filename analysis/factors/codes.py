"""The closed code lists of the factor review (studies, levels, directions, theme polarity) and their labels.

These are the values the analysis relies on by name; the coding frame (:mod:`analysis.factors.coding_frame`)
must define exactly the same levels and directions, with their Norwegian definitions.
"""

from __future__ import annotations

from enum import StrEnum


class Study(StrEnum):
    S000 = "000"
    S002 = "002"
    S004 = "004"


class Level(StrEnum):
    SYSTEM = "system"
    ORGANISATION = "organisation"
    GROUP = "group"
    INDIVIDUAL = "individual"
    INSTRUCTION = "instruction"


class Direction(StrEnum):
    FACILITATOR = "facilitator"
    BARRIER = "barrier"
    MIXED = "mixed"


class Polarity(StrEnum):
    ONE_SIDED = "one-sided"
    TWO_SIDED = "two-sided"


LADDER: tuple[Level, ...] = (Level.SYSTEM, Level.ORGANISATION, Level.GROUP, Level.INDIVIDUAL)
"""The levels of the 000 article from the top down; «instruction» stands beside the ladder, not on it."""
LEVEL_ORDER: dict[str, int] = {level.value: i for i, level in enumerate((*LADDER, Level.INSTRUCTION))}
MAX_QUOTE_WORDS = 25

STUDY_LABELS: dict[str, str] = {
    "000": "000 Fagartikkel: åtte forsøksprosjekter",
    "002": "002 Masteroppgave: IPS for flyktninger",
    "004": "004 NORCE-rapport: jobbspesialister i NAV",
}
STUDY_SHORT: dict[str, str] = {"000": "000 Fagartikkel", "002": "002 Masteroppgave", "004": "004 NORCE-rapport"}
DIRECTION_LABELS: dict[str, str] = {"facilitator": "Fremmer", "barrier": "Hemmer", "mixed": "Blandet"}
DIRECTION_ADJECTIVES: dict[str, str] = {"facilitator": "fremmende", "barrier": "hemmende", "mixed": "blandede"}


def levels_are_neighbours(levels: list[str]) -> bool:
    """Whether a theme's declared levels are one level, two neighbours on the ladder, or «instruction» alone.

    Two studies may place the same factor one step apart (a caseload can be an office decision or a team
    routine), but a theme spanning the whole ladder would be two factors under one name.
    """
    if levels == [Level.INSTRUCTION.value]:
        return True
    if Level.INSTRUCTION.value in levels or not 1 <= len(levels) <= 2:
        return False
    steps = sorted(LEVEL_ORDER[lv] for lv in levels)
    return steps[-1] - steps[0] == len(levels) - 1
