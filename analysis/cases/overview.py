"""The case set at a glance: one row per case, stages by outcome, and every count the chapter states.

Tables here are pandas frames with the front-matter keys or short Norwegian column names; HTML is made in
:mod:`analysis.cases.cards` and :mod:`analysis.cases.chapter`, figures in :mod:`analysis.cases.figures`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

from analysis.cases.anonymity import case_k_anonymity, suggest_case_generalisation
from analysis.cases.model import Case
from analysis.cases.parse import load_cases
from analysis.cases.vocabulary import BASIS_LABELS, EUSE_STAGES, ONE_PERSON_BASES, OUTCOME_LABELS, THEMES

# The NORCE report (004) tells four cases of failure in its section 3.8 (3.8.1–3.8.4) for reflection.
FAILURE_STUDY, FAILURE_SECTION_PREFIX = "004", "3.8."
# Which body of sources a case rests on, by the study numbers of the documents it cites.
SOURCE_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("norce", frozenset({"004"})),
    ("thesis", frozenset({"002"})),
    ("pilot", frozenset({"000", "001"})),
)


def case_overview(cases: Sequence[Case] | None = None) -> pd.DataFrame:
    """One row per case (id, title, programme, stages, outcome, themes, basis), labels for display.

    Column names are the front-matter keys so that code can rely on them; values are the readable
    Norwegian labels, lists joined, ready for a table.
    """
    cases = load_cases() if cases is None else cases
    rows = [
        {
            "id": c.id,
            "title": c.meta.title,
            "programme": c.meta.programme,
            "stages": ", ".join(str(s) for s in c.meta.euse_stages),
            "outcome": OUTCOME_LABELS[c.meta.outcome],
            "themes": "; ".join(THEMES[t] for t in c.meta.themes),
            "basis": BASIS_LABELS[c.meta.basis],
        }
        for c in cases
    ]
    return pd.DataFrame(rows, columns=["id", "title", "programme", "stages", "outcome", "themes", "basis"])


def stage_outcome_counts(cases: Sequence[Case]) -> pd.DataFrame:
    """Long table: how many cases illustrate each EUSE stage, by outcome (one case counts per stage)."""
    rows = [
        {"trinn": s, "trinnnavn": EUSE_STAGES[s], "utfall": OUTCOME_LABELS[c.meta.outcome]}
        for c in cases
        for s in c.meta.euse_stages
    ]
    frame = pd.DataFrame(rows, columns=["trinn", "trinnnavn", "utfall"])
    counts = frame.groupby(["trinn", "trinnnavn", "utfall"], as_index=False).size()
    return counts.rename(columns={"size": "antall caser"})


def source_group(case: Case) -> str:
    """Which body of sources a case rests on: 'norce' (004), 'thesis' (002), 'pilot' (000/001) or 'mixed'."""
    studies = {ref.study for ref in case.meta.source_refs}
    return next((name for name, group in SOURCE_GROUPS if studies <= group), "mixed")


def is_failure_case(case: Case) -> bool:
    """Whether the case retells one of the NORCE report's own cases of failure (its sections 3.8.1–3.8.4)."""
    return any(
        ref.study == FAILURE_STUDY and ref.section.startswith(FAILURE_SECTION_PREFIX) for ref in case.meta.source_refs
    )


def case_set_facts(cases: Sequence[Case], target_k: int = 2) -> dict[str, int]:
    """Every count the case chapter states in prose, computed from the case files."""
    published = case_k_anonymity(cases)
    suggestion = suggest_case_generalisation(cases, target_k=target_k)
    groups = Counter(source_group(c) for c in cases)
    bases: Counter[str] = Counter(c.meta.basis for c in cases)
    return {
        "cases_n": len(cases),
        # What the cases rest on (vocabulary.BASIS_LABELS), every kind counted, zeros included.
        **{f"cases_basis_{kind}": bases[kind] for kind in BASIS_LABELS},
        "cases_one_person": sum(bases[kind] for kind in ONE_PERSON_BASES),
        "cases_failure": sum(is_failure_case(c) for c in cases),
        "cases_norce": groups["norce"],
        "cases_thesis": groups["thesis"],
        "cases_pilot": groups["pilot"],
        "qi_n": len(published.quasi_identifiers),
        "k_published": published.k,
        "k_classes": published.n_classes,
        "k_unique": len(published.unique_ids),
        "k_target": target_k,
        "k_generalised": suggestion.result.k,
        "k_steps": len(suggestion.steps),
        "k_suppressed": suggestion.n_suppressed,
    }
