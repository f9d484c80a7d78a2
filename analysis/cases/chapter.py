"""What the case chapter (``chapters/casefortellinger.md``) shows: its glued facts and its two k tables.

The chapter's cells only call these functions: :func:`chapter_facts` returns every number the prose states,
already formatted, for :func:`analysis.core.formatting.glue_all`; the tables are accessible HTML made from
the same computations, so prose and tables cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.cases.anonymity import case_k_anonymity, suggest_case_generalisation
from analysis.cases.cards import Html
from analysis.cases.model import Case
from analysis.cases.overview import case_set_facts
from analysis.cases.parse import load_cases
from analysis.cases.privacy_checks import cases_changed_by_anonymiser
from analysis.cases.vocabulary import QI_LABELS, age_band_label
from analysis.core.formatting import fmt_count_opening, fmt_int
from analysis.core.render import data_table_html

TARGET_K = 2  # the k the chapter asks what it would take to reach


def chapter_facts(cases: Sequence[Case] | None = None, target_k: int = TARGET_K) -> dict[str, str]:
    """Every fact the chapter glues, formatted for prose: the case-set counts and the anonymiser check."""
    cases = load_cases() if cases is None else cases
    counts = case_set_facts(cases, target_k=target_k)
    facts = {name: fmt_int(value) for name, value in counts.items()}
    # Counts that open a sentence in the chapter, as words up to twelve («Fire caser er satt sammen …»).
    facts["cases_basis_felles_trekk_opening"] = fmt_count_opening(counts["cases_basis_felles_trekk"])
    changed = len(cases_changed_by_anonymiser(cases))
    facts["cases_anonymiser_changed"] = fmt_int(changed)
    facts["cases_anonymiser_verdict"] = (
        "ikke ha endret noen av casene" if changed == 0 else f"ha endret {fmt_int(changed)} av casene"
    )
    return facts


def combinations_table(cases: Sequence[Case]) -> Html:
    """Every combination of the context attributes in the case set, with its cases, smallest group first."""
    caption = "Kombinasjoner av kjennetegn i casesamlingen, minste gruppe først"
    frame = case_k_anonymity(cases).classes_frame()
    age = QI_LABELS["age_band"]
    frame[age] = frame[age].map(age_band_label)
    return Html(data_table_html(frame, caption=caption, table_id="case-kombinasjoner"))


def generalisation_table(cases: Sequence[Case], target_k: int = TARGET_K) -> Html:
    """The suggested coarsening towards ``target_k``, one row per step with k after it."""
    steps = suggest_case_generalisation(cases, target_k=target_k).steps_frame()
    caption = "Forslag til generalisering, steg for steg"
    return Html(data_table_html(steps, caption=caption, table_id="case-generalisering"))
