"""How identifiable the case set is by its context tables: the cases' quasi-identifiers and how each coarsens.

The measuring is general disclosure control and lives in :mod:`analysis.privacy.kanonymity`; this module
says what it is applied to: the five context attributes (:data:`~analysis.cases.vocabulary.QUASI_IDENTIFIERS`),
a generalisation hierarchy for each, and the order in which a training case can best spare them. k covers
only the context table, not the episodes a narrative tells.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from analysis.cases.vocabulary import QI_LABELS, QUASI_IDENTIFIERS, REGION_PARENT, SECTOR_GROUP, UNKNOWN
from analysis.privacy.kanonymity import (
    PUBLISHED,
    REMOVED,
    SUPPRESSED,
    GeneralisationSuggestion,
    Hierarchy,
    Item,
    KAnonymityResult,
    banded,
    generalise,
    k_anonymity,
    mapped,
    suggest_generalisation,
    suppression,
)


def _generalise_region(value: str, level: int) -> str:
    if level == 0:
        return value
    if level >= 3:
        return SUPPRESSED
    if value == UNKNOWN:
        return UNKNOWN
    parent = REGION_PARENT.get(value, value)
    if level == 1:
        return parent
    return "Norge" if parent == "Norge" else "Utenfor Norge"


# Level 0 is what a case may say; each further level is coarser, and the last removes the attribute.
HIERARCHIES: dict[str, Hierarchy] = {
    "age_band": banded(
        QI_LABELS["age_band"],
        [
            ("brede aldersgrupper (15–29, 30–49, 50–66, 67+)", ((15, 29), (30, 49), (50, 66), (67, 99))),
            ("bare yrkesaktiv alder eller ikke", ((15, 66), (67, 99))),
        ],
    ),
    "gender": suppression(QI_LABELS["gender"]),
    "region_of_origin": Hierarchy(
        _generalise_region,
        QI_LABELS["region_of_origin"],
        (PUBLISHED, "verdensdel", "bare Norge eller utenfor Norge", REMOVED),
    ),
    "municipality_size": suppression(QI_LABELS["municipality_size"]),
    "sector": mapped(QI_LABELS["sector"], [("hovedgruppe av bransjer", SECTOR_GROUP)]),
}

# When two coarsening steps are equally good, give up first what a training case needs least.
COARSENING_PREFERENCE: tuple[str, ...] = ("municipality_size", "region_of_origin", "gender", "age_band", "sector")


def case_k_anonymity(cases: Iterable[Item]) -> KAnonymityResult:
    """k of the cases (or records with the same fields) over the five context attributes."""
    return k_anonymity(cases, QUASI_IDENTIFIERS, labels=QI_LABELS)


def generalise_cases(cases: Iterable[Item], levels: Mapping[str, int]) -> list[dict[str, str]]:
    """The cases as records with each context attribute coarsened to the given level (0 = unchanged)."""
    return generalise(cases, levels, HIERARCHIES)


def suggest_case_generalisation(cases: Iterable[Item], target_k: int = 2) -> GeneralisationSuggestion:
    """The greedy coarsening of the context attributes that reaches ``target_k`` (see the privacy module)."""
    return suggest_generalisation(cases, HIERARCHIES, target_k, preference=COARSENING_PREFERENCE)
