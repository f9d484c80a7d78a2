"""The case chapter's facts and tables: every glued name exists, and the values come from the case set."""

from __future__ import annotations

import re

import pytest

from analysis.cases import Case, case_set_facts, chapter_facts
from analysis.cases import chapter as case_chapter
from analysis.cases.chapter import TARGET_K, combinations_table, generalisation_table
from analysis.cases.overview import is_failure_case, source_group
from analysis.cases.privacy_checks import cases_changed_by_anonymiser
from analysis.core.formatting import fmt_count_opening
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
    # The count that opens a sentence is the same count, in words (review D23).
    opening = facts["cases_basis_felles_trekk_opening"]
    assert opening == fmt_count_opening(counts["cases_basis_felles_trekk"]) and opening[:1].isupper()


def test_tables_have_one_row_per_class_and_per_step(cases: list[Case]) -> None:
    facts = case_set_facts(cases, target_k=TARGET_K)
    combinations = combinations_table(cases)
    assert "<caption>Kombinasjoner av kjennetegn" in combinations
    assert combinations.count("<tr>") == 1 + facts["k_classes"]  # header row + one per combination
    steps = generalisation_table(cases)
    assert steps.count("<tr>") == 1 + facts["k_steps"]


def test_the_anonymiser_verdict_reads_as_a_sentence(cases: list[Case], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(case_chapter, "cases_changed_by_anonymiser", lambda _cases: [])
    assert chapter_facts(cases)["cases_anonymiser_verdict"] == "ikke ha endret noen av casene"
    monkeypatch.setattr(case_chapter, "cases_changed_by_anonymiser", lambda found: list(found[:3]))
    assert chapter_facts(cases)["cases_anonymiser_verdict"] == "ha endret 3 av casene"


def test_what_the_chapter_says_each_source_group_rests_on_holds(cases: list[Case]) -> None:
    """«De N andre NORCE-casene følger i hovedsak én fortelling …»; the pilot cases are «konstruert ut fra
    mønstre»; the thesis cases are built from traits several participants shared."""
    by_group: dict[str, set[str]] = {}
    for case in cases:
        if not is_failure_case(case):
            by_group.setdefault(source_group(case), set()).add(case.meta.basis)
    assert by_group == {"norce": {"hovedforlop"}, "thesis": {"felles_trekk"}, "pilot": {"monstre"}}
