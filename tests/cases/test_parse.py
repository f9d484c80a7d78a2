"""Reading case files: every problem in a file, located by file, line and field, raised together."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_cases import GOOD_BODY, GOOD_FRONT, problems_of, write_case

from analysis.cases import load_cases, parse_case
from analysis.cases.parse import front_matter_line
from analysis.core.errors import InputError


def test_a_well_formed_file_parses(tmp_path: Path) -> None:
    case = parse_case(write_case(tmp_path))
    assert case.meta.euse_stages == (1, 3)
    assert case.reflection_questions() == ["Hva gikk bra?", "Hva kunne vært gjort annerledes?"]


def test_missing_and_unknown_keys_are_both_reported(tmp_path: Path) -> None:
    front = GOOD_FRONT.format(id="case-99").replace("outcome: fast_jobb\n", "").replace("title:", "name: Kari\ntitle:")
    problems = problems_of(write_case(tmp_path, front=front))
    assert any("kolonne outcome" in p and "mangler" in p for p in problems), problems
    assert any("kolonne name" in p and "ukjent felt" in p for p in problems), problems


def test_id_must_match_the_file_name(tmp_path: Path) -> None:
    path = write_case(tmp_path, name="case-98", front=GOOD_FRONT.format(id="case-97"))
    assert any("filnavnet" in p and "rad 2," in p for p in problems_of(path))


def test_missing_front_matter_is_a_readable_error(tmp_path: Path) -> None:
    path = write_case(tmp_path, front="")
    (problem,) = problems_of(path)
    assert "front matter" in problem and "rad 1" in problem


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    (problem,) = problems_of(write_case(tmp_path, front="---\n- bare en liste\n---\n"))
    assert "YAML-tabell" in problem


def test_broken_yaml_names_the_file_line(tmp_path: Path) -> None:
    front = GOOD_FRONT.format(id="case-99").replace("themes: [relasjon]", "themes: [relasjon")
    path = write_case(tmp_path, front=front)
    (problem,) = problems_of(path)
    assert "ugyldig YAML i front matter" in problem
    assert "linje " in problem  # pyyaml reports where it gave up, counted in file lines


def test_empty_front_matter_reports_every_required_field(tmp_path: Path) -> None:
    problems = problems_of(write_case(tmp_path, front="---\n---\n"))
    assert sum("påkrevd felt mangler" in p for p in problems) == 16, problems  # 14 attributes + the re-identification check + the notes


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
    swapped = (
        GOOD_BODY.replace("## Situasjonen", "## TMP")
        .replace("## Utfall", "## Situasjonen")
        .replace("## TMP", "## Utfall")
    )
    assert any("rekkefølgen" in p for p in problems_of(write_case(tmp_path, body=swapped)))


def test_privacy_findings_block_loading_at_their_line(tmp_path: Path) -> None:
    address = "kontakt" + "@" + "eksempel-nav" + ".no"
    path = write_case(tmp_path, body=GOOD_BODY.replace("Kandidaten ville jobbe.", f"Skriv til {address}."))
    line = path.read_text(encoding="utf-8").splitlines().index(f"Skriv til {address}.") + 1
    (problem,) = problems_of(path)
    assert "e-postadresse" in problem and f"rad {line}" in problem and address not in problem


def test_a_missing_file_is_reported_with_the_shared_message(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        parse_case(tmp_path / "case-01.md")
    assert "fant ikke filen" in str(info.value)


def test_a_folder_without_cases_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_cases(tmp_path)
    assert "fant ingen casefiler" in str(info.value)


def test_every_bad_file_in_a_folder_is_reported_at_once(tmp_path: Path) -> None:
    write_case(tmp_path, name="case-01", front=GOOD_FRONT.format(id="case-01").replace("gender: uoppgitt", "gender: x"))
    bad_outcome = GOOD_FRONT.format(id="case-02").replace("outcome: fast_jobb", "outcome: y")
    write_case(tmp_path, name="case-02", front=bad_outcome)
    with pytest.raises(InputError) as info:
        load_cases(tmp_path)
    text = str(info.value)
    assert "case-01.md" in text and "case-02.md" in text


def test_cases_come_back_sorted_by_id(tmp_path: Path) -> None:
    for name in ("case-03", "case-01", "case-02"):
        write_case(tmp_path, name=name)
    assert [c.id for c in load_cases(tmp_path)] == ["case-01", "case-02", "case-03"]


def test_front_matter_line_finds_top_level_and_nested_keys() -> None:
    yaml_text = "id: case-01\nreidentification:\n  draws_on: a\n  why_safe: b\nthemes: [x]\n"
    assert front_matter_line(yaml_text, ("id",)) == 2
    assert front_matter_line(yaml_text, ("reidentification", "why_safe")) == 5
    assert front_matter_line(yaml_text, ("reidentification", "kept_episodes")) == 3  # absent: the block's line
    assert front_matter_line(yaml_text, ("themes", 0)) == 6
    assert front_matter_line(yaml_text, ("outcome",)) is None
