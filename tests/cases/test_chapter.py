"""The case chapter's facts and tables: every glued name exists, and the values come from the case set."""

from __future__ import annotations

import re

from analysis.cases import Case, case_set_facts, chapter_facts
from analysis.cases.chapter import TARGET_K, combinations_table, generalisation_table
from analysis.cases.privacy_checks import cases_changed_by_anonymiser
from analysis.core.paths import ROOT

CHAPTER = ROOT / "chapters" / "casefortellinger.md"


def test_every_fact_the_chapter_glues_is_computed() -> None:
    glued = set(re.findall(r"\{glue:text\}`([^`]+)`", CHAPTER.read_text(encoding="utf-8")))
    assert glued, "the chapter glues its numbers"
    assert glued <= set(chapter_facts())


def test_facts_are_the_case_set_counts_as_prose(cases: list[Case]) -> None:
    facts = chapter_facts(cases)
    counts = case_set_facts(cases, target_k=TARGET_K)
    assert {k: v for k, v in facts.items() if k in counts} == {k: str(v) for k, v in counts.items()}
    assert facts["cases_anonymiser_changed"] == str(len(cases_changed_by_anonymiser(cases)))


def test_tables_have_one_row_per_class_and_per_step(cases: list[Case]) -> None:
    facts = case_set_facts(cases, target_k=TARGET_K)
    combinations = combinations_table(cases)
    assert "<caption>Kombinasjoner av kjennetegn" in combinations
    assert combinations.count("<tr>") == 1 + facts["k_classes"]  # header row + one per combination
    steps = generalisation_table(cases)
    assert steps.count("<tr>") == 1 + facts["k_steps"]
