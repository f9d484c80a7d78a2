"""CaseMeta: each front-matter rule, reported in Norwegian at the field's line, and the optional new fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_cases import GOOD_FRONT, line_of, problems_of, write_case

from analysis.cases import CaseMeta, parse_case
from analysis.cases.model import vocabulary_values
from analysis.cases.vocabulary import BASIS_LABELS, ONE_PERSON_BASES, OUTCOME_LABELS
from analysis.core.sources import SourceRef


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
        (
            '  - "004_55431284ded43f19.txt, 3.8.1, L909–921"',
            '  - "004_55431284ded43f19.txt, 3.8.1, L921–909"',
            "sources",
        ),
        # Checked against the source registry: a line beyond the end of 004, and a document that does not exist.
        (
            '  - "004_55431284ded43f19.txt, 3.8.1, L909–921"',
            '  - "004_55431284ded43f19.txt, 3.8.1, L909–99999"',
            "sources",
        ),
        (
            '  - "004_55431284ded43f19.txt, 3.8.1, L909–921"',
            '  - "009_0123456789abcdef.txt, 3.8.1, L909–921"',
            "sources",
        ),
        ("basis: kildecase", 'basis: "sammensatt"', "basis"),
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
    line = line_of(path, f"{field}:")
    assert any(f"rad {line}" in p for p in problems if f"kolonne {field}" in p), problems


def test_messages_are_norwegian_and_name_the_bad_value(tmp_path: Path) -> None:
    front = GOOD_FRONT.format(id="case-99").replace("gender: uoppgitt", "gender: annet")
    front = front.replace("id: case-99", "id: sak-99")
    text = "\n".join(problems_of(write_case(tmp_path, front=front)))
    assert "ugyldig verdi «annet»" in text and "kvinne" in text
    assert "«sak-99»" in text and "«case-07»" in text
    assert "Input should" not in text and "Value error" not in text


def test_reidentification_and_notes_are_read(tmp_path: Path) -> None:
    meta = parse_case(write_case(tmp_path)).meta
    assert meta.reidentification.kept_episodes == "ingen særpregede episoder"
    assert meta.facilitator_notes.startswith("Prøvefilen har ingen kilde.")


def test_a_case_without_reidentification_check_or_notes_is_refused(tmp_path: Path) -> None:
    front = GOOD_FRONT.format(id="case-99")
    front = front[: front.index("reidentification:")] + "---\n"
    problems = problems_of(write_case(tmp_path, front=front))
    assert any("kolonne reidentification" in p and "mangler" in p for p in problems), problems
    assert any("kolonne facilitator_notes" in p and "mangler" in p for p in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        (
            '  why_safe: "Filen er laget for testen og bygger ikke på noen virkelig person."\n',
            '  why_safe: "  "\n',
            "reidentification.why_safe",
        ),
        ('  kept_episodes: "ingen særpregede episoder"\n', "", "reidentification.kept_episodes"),
        (
            '  draws_on: "en oppdiktet kandidat i en prøvefil"\n',
            '  draws_on: "en oppdiktet kandidat i en prøvefil"\n  who: "en bestemt person"\n',
            "reidentification.who",
        ),
        ('  draws_on: "en oppdiktet kandidat i en prøvefil"\n', '  draws_on: "en"\n', "reidentification.draws_on"),
    ],
)
def test_bad_reidentification_fields_are_located(tmp_path: Path, old: str, new: str, column: str) -> None:
    good = GOOD_FRONT.format(id="case-99")
    assert old in good
    path = write_case(tmp_path, front=good.replace(old, new))
    problems = problems_of(path)
    assert len(problems) == 1, problems
    assert f"kolonne {column}" in problems[0]
    key = column.split(".")[-1]
    written = f"  {key}:" in path.read_text(encoding="utf-8")
    expected = line_of(path, f"  {key}:") if written else line_of(path, "reidentification:")
    assert f"rad {expected}," in problems[0], problems


def test_facilitator_notes_must_say_something(tmp_path: Path) -> None:
    good = GOOD_FRONT.format(id="case-99")
    start = good.index("facilitator_notes:")
    path = write_case(tmp_path, front=good[:start] + 'facilitator_notes: "Kort."\n---\n')
    (problem,) = problems_of(path)
    assert f"rad {line_of(path, 'facilitator_notes:')}, kolonne facilitator_notes" in problem


@pytest.mark.parametrize("value", ["bare tekst", "[a, b]"])
def test_reidentification_must_be_a_block_of_keys(tmp_path: Path, value: str) -> None:
    good = GOOD_FRONT.format(id="case-99")
    start, end = good.index("reidentification:"), good.index("facilitator_notes:")
    path = write_case(tmp_path, front=good[:start] + f"reidentification: {value}\n" + good[end:])
    (problem,) = problems_of(path)
    assert f"rad {line_of(path, 'reidentification:')}, kolonne reidentification: må være en tabell" in problem


def test_source_refs_are_parsed_by_the_shared_parser(tmp_path: Path) -> None:
    front = GOOD_FRONT.format(id="case-99").replace(
        '  - "004_55431284ded43f19.txt, 3.8.1, L909–921"',
        '  - "004_55431284ded43f19.txt, 3.8.1, L909–921"\n  - "000_f6fcbf565525b510.txt, Faktorer på systemnivå, L344"',
    )
    meta = parse_case(write_case(tmp_path, front=front)).meta
    assert meta.source_refs == (
        SourceRef("004_55431284ded43f19.txt", "3.8.1", ((909, 921),)),
        SourceRef("000_f6fcbf565525b510.txt", "Faktorer på systemnivå", ((344, 344),)),
    )


def test_literal_vocabularies_match_their_labels() -> None:
    assert set(vocabulary_values("outcome")) == set(OUTCOME_LABELS)
    assert set(vocabulary_values("basis")) == set(BASIS_LABELS) >= ONE_PERSON_BASES
    assert "uoppgitt" in vocabulary_values("gender") and "uoppgitt" in vocabulary_values("municipality_size")
    assert set(CaseMeta.model_fields) >= {"reidentification", "facilitator_notes"}
