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
    # The chapter says the cases that retell a case of the source are exactly the report's own (already
    # anonymised) failure cases.
    assert {c.id for c in cases if c.meta.basis == "kildecase"} == failure_cases


def test_the_failure_cases_keep_the_reports_own_questions(cases: list[Case]) -> None:
    """The chapter says the retold failure cases keep 004's questions (L904): what went wrong, what could
    have been done differently, how not to repeat it."""
    for case in (c for c in cases if is_failure_case(c)):
        text = " ".join(case.reflection_questions()).lower()
        assert all(part in text for part in ("gikk galt", "annerledes", "samme feil")), case.id


def test_cases_from_the_thesis_do_not_single_out_the_one_woman(cases: list[Case]) -> None:
    """Every 002 case is built from traits several participants shared (what the front page, the English
    summary and the chapter say) and states no gender, so none can be read as the only woman."""
    thesis = [c for c in cases if any(s.startswith("002_") for s in c.meta.sources)]
    assert thesis
    assert {c.meta.basis for c in thesis} == {"felles_trekk"}
    assert {c.meta.gender for c in thesis} == {"uoppgitt"}
    assert {c.meta.age_band for c in thesis} == {"uoppgitt"}


def test_no_thesis_case_states_an_outcome_only_one_participant_had(cases: list[Case]) -> None:
    """002's table (L3040–3056, with L2985–2987): of eight participants four got work through the programme
    (three permanent, one temporary), two found work elsewhere and two were out of work. A thesis case may
    say «in work» (four) or that it ended without work, but not «permanent» through the programme (three,
    too close to one person together with the episodes) or «temporary» through it (one person)."""
    thesis = [c for c in cases if any(s.startswith("002_") for s in c.meta.sources)]
    assert not {c.meta.outcome for c in thesis} & {"fast_jobb", "midlertidig_jobb"}


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


def test_real_cases_use_no_gendered_pronouns_beyond_the_stated_gender(cases: list[Case]) -> None:
    """«hen» throughout, so the text gives no gender away; only a case whose context table states a gender
    (a constructed case whose target group was women) may use that gender's pronouns."""
    pronouns = {
        "kvinne": re.compile(r"\b(han|ham|hans)\b", re.IGNORECASE),
        "mann": re.compile(r"\b(hun|henne|hennes)\b", re.IGNORECASE),
        "uoppgitt": re.compile(r"\b(han|hun|ham|henne|hans|hennes)\b", re.IGNORECASE),
    }
    for case in cases:
        text = case.path.read_text(encoding="utf-8")
        assert not pronouns[case.meta.gender].search(text), f"{case.id}: gendered pronoun; use «hen»"


def test_real_cases_have_no_privacy_findings(cases: list[Case]) -> None:
    for case in cases:
        assert privacy_findings(case.path.read_text(encoding="utf-8")) == [], case.id


def test_the_project_anonymiser_finds_nothing_to_change_in_the_cases(cases: list[Case]) -> None:
    assert cases_changed_by_anonymiser(cases) == []


def test_case_folder_is_the_project_folder() -> None:
    assert CASES.name == "cases" and CASES.parent.name == "data"
