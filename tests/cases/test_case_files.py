"""The project's own case files (data/cases/*.md): size, shape, sources and the anonymisation choices."""

from __future__ import annotations

import re

from analysis.cases import Case, privacy_findings
from analysis.cases.overview import is_failure_case
from analysis.cases.privacy_checks import cases_changed_by_anonymiser
from analysis.cases.vocabulary import MIN_REFLECTION_QUESTIONS, REQUIRED_SECTIONS
from analysis.core.paths import CASES


def test_real_case_set_has_the_agreed_size(cases: list[Case]) -> None:
    assert 10 <= len(cases) <= 14
    assert len({c.id for c in cases}) == len(cases)
    assert [c.id for c in cases] == sorted(c.id for c in cases)


def test_every_real_case_has_all_sections_and_reflection_questions(cases: list[Case]) -> None:
    for case in cases:
        assert list(case.sections) == list(REQUIRED_SECTIONS), case.id
        assert all(case.sections[name].strip() for name in REQUIRED_SECTIONS), case.id
        assert len(case.reflection_questions()) >= MIN_REFLECTION_QUESTIONS, case.id
        assert all(q.endswith("?") for q in case.reflection_questions()), case.id


def test_real_cases_cover_all_three_source_groups(cases: list[Case]) -> None:
    docs = {src[:3] for c in cases for src in c.meta.sources}
    assert {"000", "002", "004"} <= docs
    failure_cases = {c.id for c in cases if any(", 3.8." in s for s in c.meta.sources)}
    assert len(failure_cases) == 4, "the four failure cases of 004 (ch. 3.8.1–3.8.4) are all retold"
    assert {c.id for c in cases if is_failure_case(c)} == failure_cases
    # The chapter says the single-source cases are exactly the report's own (already anonymised) failure cases.
    assert {c.id for c in cases if not c.meta.composite} == failure_cases


def test_cases_from_the_thesis_do_not_single_out_the_one_woman(cases: list[Case]) -> None:
    """Every 002 case is a composite and states no gender, so none can be read as the only woman."""
    thesis = [c for c in cases if any(s.startswith("002_") for s in c.meta.sources)]
    assert thesis
    assert all(c.meta.composite for c in thesis)
    assert {c.meta.gender for c in thesis} == {"uoppgitt"}
    assert {c.meta.age_band for c in thesis} == {"uoppgitt"}


def test_every_real_case_names_its_source_groups_in_its_reidentification_check(cases: list[Case]) -> None:
    """The check must say whom a case draws on: every source document it cites is named there."""
    for case in cases:
        check = case.meta.reidentification
        for doc in {s[:3] for s in case.meta.sources}:
            assert doc in check.draws_on, (case.id, doc)


def test_real_cases_use_one_scheme_of_non_overlapping_age_bands(cases: list[Case]) -> None:
    bands = sorted({tuple(map(int, c.meta.age_band.split("-"))) for c in cases if c.meta.age_band != "uoppgitt"})
    for (_, hi), (lo, _) in zip(bands, bands[1:], strict=False):
        assert hi < lo, f"overlapping age bands in the case set: {bands}"


def test_real_cases_use_no_gendered_pronouns(cases: list[Case]) -> None:
    pronouns = re.compile(r"\b(han|hun|ham|henne|hans|hennes)\b", re.IGNORECASE)
    for case in cases:
        text = case.path.read_text(encoding="utf-8")
        assert not pronouns.search(text), f"{case.id}: gendered pronoun; use «hen»"


def test_real_cases_have_no_privacy_findings(cases: list[Case]) -> None:
    for case in cases:
        assert privacy_findings(case.path.read_text(encoding="utf-8")) == [], case.id


def test_the_project_anonymiser_finds_nothing_to_change_in_the_cases(cases: list[Case]) -> None:
    assert cases_changed_by_anonymiser(cases) == []


def test_case_folder_is_the_project_folder() -> None:
    assert CASES.name == "cases" and CASES.parent.name == "data"
