"""Case narratives: schema of the real files, readable errors on bad files, k-anonymity by hand."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from fakes import synthetic_identity_number

from analysis.cases.cards import case_filter_table, describe_source, render_case_card, render_case_cards
from analysis.cases.narratives import (
    MIN_REFLECTION_QUESTIONS,
    QI_LABELS,
    QUASI_IDENTIFIERS,
    REQUIRED_SECTIONS,
    SUPPRESSED,
    Case,
    case_overview,
    generalise,
    k_anonymity,
    list_items,
    load_cases,
    parse_case,
    privacy_findings,
    stage_outcome_counts,
    suggest_generalisation,
    term_hash,
)
from analysis.core.errors import InputError
from analysis.core.paths import CASES

# ----------------------------------------------------------------------------------- real files


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases()


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
        assert check.kept_episodes.strip() and check.why_safe.strip(), case.id


def test_real_cases_use_one_scheme_of_non_overlapping_age_bands(cases: list[Case]) -> None:
    bands = sorted({tuple(map(int, c.meta.age_band.split("-"))) for c in cases if c.meta.age_band != "uoppgitt"})
    for (_, hi), (lo, _) in zip(bands, bands[1:]):
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
    pytest.importorskip("analysis.anonymise.engine")
    from analysis.cases.narratives import cases_changed_by_anonymiser

    assert cases_changed_by_anonymiser(cases) == []


# ------------------------------------------------------------------------------ malformed files

GOOD_FRONT = """---
id: {id}
title: En prøvecase
age_band: 20-29
gender: uoppgitt
region_of_origin: uoppgitt
municipality_size: stor
sector: Varehandel og kundeservice
programme: IPS
euse_stages: [1, 3]
ips_principles: [rask-jobbsok]
outcome: fast_jobb
themes: [relasjon]
sources:
  - "004_55431284ded43f19.txt, 3.8.1, L909–921"
composite: false
reidentification:
  draws_on: "en oppdiktet kandidat i en prøvefil"
  kept_episodes: "ingen særpregede episoder"
  why_safe: "Filen er laget for testen og bygger ikke på noen virkelig person."
facilitator_notes: >-
  Prøvefilen har ingen kilde. Notatet skal si hva kilden forteller skjedde og hvorfor, hvilke
  EUSE-trinn casen viser og hvilke faktorer den henger sammen med.
---
"""

GOOD_BODY = """
## Situasjonen

Kandidaten ville jobbe.

## Hva jobbspesialisten gjorde

- **Trinn 1.** Et første møte.

## Utfall

Fast jobb.

## Refleksjonsspørsmål

1. Hva gikk bra?
2. Hva kunne vært gjort annerledes?
"""


def write_case(folder: Path, name: str = "case-99", front: str | None = None, body: str = GOOD_BODY) -> Path:
    path = folder / f"{name}.md"
    path.write_text((front if front is not None else GOOD_FRONT.format(id=name)) + body, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        parse_case(path)
    return [str(p) for p in info.value.problems]


def test_a_well_formed_file_parses(tmp_path: Path) -> None:
    case = parse_case(write_case(tmp_path))
    assert case.meta.euse_stages == (1, 3)
    assert case.reflection_questions() == ["Hva gikk bra?", "Hva kunne vært gjort annerledes?"]


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("gender: uoppgitt", "gender: annet", "gender"),
        ("age_band: 20-29", "age_band: 34", "age_band"),
        ("age_band: 20-29", "age_band: 30-33", "age_band"),
        ("age_band: 20-29", "age_band: 40-30", "age_band"),
        ("region_of_origin: uoppgitt", "region_of_origin: Atlantis", "region_of_origin"),
        ("municipality_size: stor", "municipality_size: enorm", "municipality_size"),
        ("sector: Varehandel og kundeservice", "sector: Butikken på hjørnet", "sector"),
        ("programme: IPS", "programme: Arbeid med bistand", "programme"),
        ("euse_stages: [1, 3]", "euse_stages: [0, 6]", "euse_stages"),
        ("euse_stages: [1, 3]", "euse_stages: [1, 1]", "euse_stages"),
        ("euse_stages: [1, 3]", "euse_stages: []", "euse_stages"),
        ("ips_principles: [rask-jobbsok]", "ips_principles: [raskt]", "ips_principles"),
        ("outcome: fast_jobb", "outcome: jobb", "outcome"),
        ("themes: [relasjon]", "themes: [ukjent-tema]", "themes"),
        ('  - "004_55431284ded43f19.txt, 3.8.1, L909–921"', '  - "rapporten, side 4"', "sources"),
        ('  - "004_55431284ded43f19.txt, 3.8.1, L909–921"', '  - "004_55431284ded43f19.txt, 3.8.1, L921–909"', "sources"),
        ("composite: false", 'composite: "nei"', "composite"),
        ("id: case-99", "id: sak-99", "id"),
    ],
)
def test_bad_front_matter_values_name_file_line_and_field(tmp_path: Path, old: str, new: str, field: str) -> None:
    front = GOOD_FRONT.format(id="case-99")
    assert old in front
    path = write_case(tmp_path, front=front.replace(old, new))
    problems = problems_of(path)
    assert any(f"kolonne {field}" in p for p in problems), problems
    assert all(p.startswith(f"{path.as_posix()}") or "case-99.md" in p for p in problems)
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text.startswith(f"{field}:"))
    assert any(f"rad {line}" in p for p in problems if f"kolonne {field}" in p), problems


@pytest.mark.parametrize(
    ("old", "new", "subfield"),
    [
        ('  why_safe: "Filen er laget for testen og bygger ikke på noen virkelig person."\n', "", "why_safe"),
        ('  kept_episodes: "ingen særpregede episoder"', '  kept_episodes: ""', "kept_episodes"),
        ('  draws_on: "en oppdiktet kandidat i en prøvefil"', '  draws_on: "en"\n  hvem: "x"', "hvem"),
    ],
)
def test_an_incomplete_reidentification_check_is_refused(tmp_path: Path, old: str, new: str, subfield: str) -> None:
    front = GOOD_FRONT.format(id="case-99")
    assert old in front
    path = write_case(tmp_path, front=front.replace(old, new))
    problems = [p for p in problems_of(path) if "kolonne reidentification" in p]
    assert any(subfield in p for p in problems), problems
    line = path.read_text(encoding="utf-8").splitlines().index("reidentification:") + 1
    assert all(f"rad {line}" in p for p in problems), problems


def test_a_case_without_reidentification_check_or_notes_is_refused(tmp_path: Path) -> None:
    front = GOOD_FRONT.format(id="case-99")
    front = front[: front.index("reidentification:")] + "---\n"
    problems = problems_of(write_case(tmp_path, front=front))
    assert any("kolonne reidentification" in p and "mangler" in p for p in problems), problems
    assert any("kolonne facilitator_notes" in p and "mangler" in p for p in problems), problems


def test_missing_and_unknown_keys_are_both_reported(tmp_path: Path) -> None:
    front = GOOD_FRONT.format(id="case-99").replace("outcome: fast_jobb\n", "").replace("title:", "name: Kari\ntitle:")
    problems = problems_of(write_case(tmp_path, front=front))
    assert any("kolonne outcome" in p and "mangler" in p for p in problems), problems
    assert any("kolonne name" in p and "ukjent felt" in p for p in problems), problems


def test_id_must_match_the_file_name(tmp_path: Path) -> None:
    path = write_case(tmp_path, name="case-98", front=GOOD_FRONT.format(id="case-97"))
    assert any("filnavnet" in p for p in problems_of(path))


def test_missing_front_matter_is_a_readable_error(tmp_path: Path) -> None:
    path = write_case(tmp_path, front="")
    (problem,) = problems_of(path)
    assert "front matter" in problem and "rad 1" in problem


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    (problem,) = problems_of(write_case(tmp_path, front="---\n- bare en liste\n---\n"))
    assert "YAML-tabell" in problem


def test_missing_section_and_too_few_questions(tmp_path: Path) -> None:
    body = GOOD_BODY.replace("## Utfall\n\nFast jobb.\n", "").replace("2. Hva kunne vært gjort annerledes?\n", "")
    problems = problems_of(write_case(tmp_path, body=body))
    assert any("«## Utfall» mangler" in p for p in problems), problems
    assert any("minst 2 refleksjonsspørsmål" in p for p in problems), problems


def test_sections_out_of_order_and_stray_headings(tmp_path: Path) -> None:
    body = GOOD_BODY.replace("## Situasjonen", "## Utfallet først\n\nTekst.\n\n## Situasjonen")
    body = body.replace("## Utfall\n", "### Underoverskrift\n\n## Utfall\n")
    problems = problems_of(write_case(tmp_path, body=body))
    assert any("ukjente avsnitt" in p for p in problems), problems
    assert any("Underoverskrift" in p for p in problems), problems
    path = tmp_path / "case-99.md"
    line = path.read_text(encoding="utf-8").splitlines().index("### Underoverskrift") + 1
    assert any("Underoverskrift" in p and f"rad {line}" in p for p in problems), problems
    swapped = GOOD_BODY.replace("## Situasjonen", "## TMP").replace("## Utfall", "## Situasjonen").replace("## TMP", "## Utfall")
    assert any("rekkefølgen" in p for p in problems_of(write_case(tmp_path, body=swapped)))


def test_privacy_findings_block_loading(tmp_path: Path) -> None:
    rng = random.Random(7)
    phone = " ".join(f"{rng.randint(20, 99)}" for _ in range(4))
    address = "kontakt" + "@" + "eksempel-nav" + ".no"
    body = GOOD_BODY.replace("Kandidaten ville jobbe.", f"Ring {phone} eller skriv til {address}.")
    problems = problems_of(write_case(tmp_path, body=body))
    assert any("telefonnummer" in p for p in problems), problems
    assert any("e-postadresse" in p for p in problems), problems
    assert not any(phone in p or address in p for p in problems), "the finding itself must not be echoed"


def test_privacy_findings_detect_identity_numbers_and_denied_names() -> None:
    rng = random.Random(11)
    # Not a valid identity number (no date starts with 99), yet no case needs an 11-digit number.
    eleven = "99" + "".join(str(rng.randint(0, 9)) for _ in range(9))
    assert [f.message for f in privacy_findings(f"nummer {eleven}")] == ["inneholder et tall med 11 sifre (mulig fødselsnummer)"]
    valid = synthetic_identity_number(rng)
    assert [f.message for f in privacy_findings(f"nummer {valid}")] == ["inneholder et fødselsnummer eller D-nummer"]
    invented = "Zyxwovana"
    found = privacy_findings(f"Saken gjelder {invented} i byen.", denylist={term_hash(invented)})
    assert [f.line for f in found] == [1]
    allowed = "kurs" + "@" + "example.org"
    assert privacy_findings(f"Skriv til {allowed}.") == []
    # Source references and ordinary numbers are not phone numbers.
    assert privacy_findings('"004_55431284ded43f19.txt, 3.8.1, L909–921", 50 % lønnstilskudd, 2 av 16') == []


def test_a_folder_without_cases_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_cases(tmp_path)
    assert "fant ingen casefiler" in str(info.value)


def test_every_bad_file_in_a_folder_is_reported_at_once(tmp_path: Path) -> None:
    write_case(tmp_path, name="case-01", front=GOOD_FRONT.format(id="case-01").replace("gender: uoppgitt", "gender: x"))
    write_case(tmp_path, name="case-02", front=GOOD_FRONT.format(id="case-02").replace("outcome: fast_jobb", "outcome: y"))
    with pytest.raises(InputError) as info:
        load_cases(tmp_path)
    text = str(info.value)
    assert "case-01.md" in text and "case-02.md" in text


def test_list_items_joins_continuation_lines() -> None:
    assert list_items("1. Første\n   fortsetter\n2. Andre\n\nTekst") == ["Første fortsetter", "Andre Tekst"]


# --------------------------------------------------------------------------------- k-anonymity


def rec(i: str, age: str = "20-29", gender: str = "uoppgitt", region: str = "uoppgitt", size: str = "stor", sector: str = "Renhold og drift") -> dict[str, str]:
    return {"id": i, "age_band": age, "gender": gender, "region_of_origin": region, "municipality_size": size, "sector": sector}


def test_k_is_the_smallest_class_computed_by_hand() -> None:
    records = [rec("a"), rec("b"), rec("c", age="30-39"), rec("d", age="30-39"), rec("e", age="30-39")]
    result = k_anonymity(records)
    assert result.k == 2  # classes {a, b} and {c, d, e}
    assert result.n_classes == 2
    assert result.unique_ids == ()
    assert result.classes[0][1] == ("a", "b")


def test_unique_records_are_flagged() -> None:
    records = [rec("a"), rec("b"), rec("x", gender="kvinne")]
    result = k_anonymity(records)
    assert result.k == 1
    assert result.unique_ids == ("x",)
    frame = result.classes_frame()
    assert list(frame.columns) == [QI_LABELS[q] for q in QUASI_IDENTIFIERS] + ["antall", "caser"]
    assert frame["antall"].tolist() == [1, 2]


def test_k_depends_on_the_chosen_quasi_identifiers() -> None:
    records = [rec("a"), rec("b", sector="Industri, bygg og anlegg"), rec("c", sector="Industri, bygg og anlegg")]
    assert k_anonymity(records).k == 1
    assert k_anonymity(records, quasi_identifiers=("age_band", "gender")).k == 3


def test_empty_set_has_k_zero_and_missing_fields_are_an_error() -> None:
    assert k_anonymity([]).k == 0
    with pytest.raises(ValueError, match="mangler"):
        k_anonymity([{"id": "a", "age_band": "20-29"}])


def test_generalisation_hierarchies() -> None:
    records = [
        rec("a", age="18-29", region="Vest-Afrika", sector="Varehandel og kundeservice"),
        rec("b", age="20-29", region="Øst-Afrika", sector="Renhold og drift"),
    ]
    one = generalise(records, {"age_band": 1, "region_of_origin": 1, "sector": 1})
    assert {r["age_band"] for r in one} == {"15-29"}
    assert {r["region_of_origin"] for r in one} == {"Afrika"}
    assert {r["sector"] for r in one} == {"Privat tjenesteyting"}
    two = generalise(records, {"region_of_origin": 2, "age_band": 2})
    assert {r["region_of_origin"] for r in two} == {"Utenfor Norge"}
    assert {r["age_band"] for r in two} == {"15-66"}
    top = generalise(records, {"age_band": 3, "gender": 1, "region_of_origin": 3, "municipality_size": 1, "sector": 2})
    assert all(v == SUPPRESSED for r in top for k, v in r.items() if k != "id")
    assert generalise([rec("u", age="uoppgitt")], {"age_band": 1})[0]["age_band"] == "uoppgitt"
    assert generalise([rec("w", age="25-34")], {"age_band": 1})[0]["age_band"] == "15-49"


def test_suggestion_reaches_target_with_a_hand_checked_path() -> None:
    # a and b differ only in age band (18-29 vs 20-29); c and d only in region (two African regions).
    records = [
        rec("a", age="18-29"),
        rec("b", age="20-29"),
        rec("c", age="30-39", region="Vest-Afrika"),
        rec("d", age="30-39", region="Øst-Afrika"),
    ]
    suggestion = suggest_generalisation(records, target_k=2)
    assert suggestion.start.k == 1
    assert suggestion.reached and suggestion.result.k == 2
    # Coarsening region first leaves a, b unique (2 short records); coarsening age first leaves c, d (2):
    # the tie goes to region by COARSENING_PREFERENCE, then age is still needed.
    assert [(s.quasi_identifier, s.level, s.k) for s in suggestion.steps] == [("region_of_origin", 1, 1), ("age_band", 1, 2)]
    assert suggestion.levels["sector"] == 0
    frame = suggestion.steps_frame()
    assert frame["k etter steget"].tolist() == [1, 2]


def test_suggestion_that_is_already_satisfied_takes_no_steps() -> None:
    suggestion = suggest_generalisation([rec("a"), rec("b")], target_k=2)
    assert suggestion.steps == () and suggestion.reached


def test_suggestion_stops_when_target_exceeds_the_set() -> None:
    suggestion = suggest_generalisation([rec("a"), rec("b", gender="kvinne")], target_k=3)
    assert not suggestion.reached
    assert suggestion.result.k == 2  # everything suppressed: one class of two


def test_real_case_set_k_is_reported_with_its_unique_cases(cases: list[Case]) -> None:
    result = k_anonymity(cases)
    assert result.n_records == len(cases)
    assert result.k >= 1
    assert (result.k == 1) == bool(result.unique_ids)
    assert suggest_generalisation(cases, target_k=2).reached


# ----------------------------------------------------------------------------- overview and HTML


def test_case_overview_has_one_row_per_case(cases: list[Case]) -> None:
    frame = case_overview(cases)
    assert list(frame.columns) == ["id", "title", "programme", "stages", "outcome", "themes", "composite"]
    assert frame["id"].tolist() == [c.id for c in cases]
    assert frame["composite"].sum() == sum(c.meta.composite for c in cases)
    assert case_overview().shape == frame.shape  # default: the project's own case folder
    counts = stage_outcome_counts(cases)
    assert counts["antall caser"].sum() == sum(len(c.meta.euse_stages) for c in cases)


def test_filter_table_is_labelled_offline_and_complete(cases: list[Case]) -> None:
    html = case_filter_table(cases)
    selects = re.findall(r'<select id="([^"]+)"', html)
    assert len(selects) == 4
    for sid in selects:
        assert f'<label for="{sid}">' in html
    assert html.count("<tr data-stages=") == len(cases)
    assert 'role="status"' in html and 'aria-live="polite"' in html
    assert "http" not in html and "src=" not in html, "no external requests"
    for c in cases:
        assert f'href="#{c.id}"' in html


def test_case_card_is_a_printable_section_with_escaped_text(tmp_path: Path, cases: list[Case]) -> None:
    card = render_case_card(cases[0])
    assert card.startswith(f'<section class="case-card" id="{cases[0].id}"')
    for name in REQUIRED_SECTIONS:
        assert f"<h4>{name}</h4>" in card
    assert card.count("<li>") >= MIN_REFLECTION_QUESTIONS
    hostile = GOOD_BODY.replace("Kandidaten ville jobbe.", "<script>alert(1)</script>")
    rendered = render_case_card(parse_case(write_case(tmp_path, body=hostile)))
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    everything = render_case_cards(cases)
    assert everything.count('class="case-card"') == len(cases)
    assert everything.count("<script>") == 1


def test_sources_are_described_for_readers() -> None:
    text = describe_source("004_55431284ded43f19.txt, 3.8.1, L909–921")
    assert text.startswith("NORCE-rapport 1-2020") and "avsnitt 3.8.1" in text and "linje 909–921" in text


def test_case_folder_is_the_project_folder() -> None:
    assert CASES.name == "cases" and CASES.parent.name == "data"
