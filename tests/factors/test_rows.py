"""Cell checks of the coded rows: every bad cell is reported with file, row and column, in Norwegian."""

from __future__ import annotations

from pathlib import Path

import pytest
from factors.coded_copies import copy_coded, edit_csv, problems_of, set_cell

from analysis.factors import FactorData, FactorRow, load_all
from analysis.factors.codes import MAX_QUOTE_WORDS
from analysis.factors.rows import RowContext
from analysis.privacy.gate import hash_term


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("cfir_construct", "no_such_construct", "finnes ikke i kodeskjemaet"),
        ("cfir_construct", "funding", "det hører til domenet inner_setting"),
        ("level", "national", "ukjent nivå «national»"),
        ("direction", "helpful", "ukjent retning «helpful»"),
        ("euse_stage", "6", "EUSE-trinn"),
        ("ips_principle", "9", "IPS-prinsipp"),
        ("cfir_role", "boss", "ukjent CFIR-rolle «boss»"),
        ("theme_id", "T99", "finnes ikke i themes.csv"),
        ("source_ref", "000_f6fcbf565525b510.txt, Faktorer på systemnivå, L970–990", "går utover"),
        ("source_ref", "999_0000000000000000.txt, Et avsnitt, L1–2", "ikke et kjent kildedokument"),
        ("source_ref", "side 12 i rapporten", "kildehenvisningen må ha formen"),
        ("source_ref", "004_55431284ded43f19.txt, Feil studie, L10–12", "kodet som studie 000"),
        ("study", "003", "ukjent studie «003»"),
        ("label", "", "er tom"),
    ],
)
def test_bad_factor_cell_is_reported_with_row_and_column(tmp_path: Path, column: str, value: str,
                                                         fragment: str) -> None:
    directory = copy_coded(tmp_path)
    edit_csv(directory / "implementation_factors.csv", set_cell(4, column, value))
    problems = problems_of(directory, seeds_dir=None)
    hits = [p for p in problems if fragment in p.message]
    assert hits, [str(p) for p in problems]
    assert hits[0].row == 5 and hits[0].column == column
    assert hits[0].file.endswith("implementation_factors.csv")


def test_factor_id_must_name_its_study(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    edit_csv(directory / "implementation_factors.csv", set_cell(0, "factor_id", "F002-99"))
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.row == 1 and p.column == "factor_id" and "studie 002" in p.message for p in problems)


def test_long_quote_is_refused(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    long_quote = " ".join(f"ord{i}" for i in range(MAX_QUOTE_WORDS + 1))
    edit_csv(directory / "implementation_factors.csv", set_cell(0, "quote", long_quote))
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.column == "quote" and "høyst 25" in p.message for p in problems)


def test_quote_not_in_source_is_refused(tmp_path: Path, seeds_dir: Path) -> None:
    directory = copy_coded(tmp_path)
    edit_csv(directory / "implementation_factors.csv", set_cell(0, "quote", "dette står ikke i kilden"))
    problems = problems_of(directory, seeds_dir=seeds_dir)
    assert any(p.column == "quote" and "ordrett" in p.message and p.row == 1 for p in problems)


@pytest.mark.parametrize("levels", ["system;group", "system;organisation;group", "instruction;system;group", "nowhere"])
def test_theme_levels_must_be_neighbours(tmp_path: Path, levels: str) -> None:
    directory = copy_coded(tmp_path)
    edit_csv(directory / "themes.csv", set_cell(0, "levels", levels))
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.file.endswith("themes.csv") and p.row == 1 and p.column == "levels" for p in problems)


def test_theme_polarity_is_one_of_two(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    edit_csv(directory / "themes.csv", set_cell(2, "polarity", "sometimes"))
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.row == 3 and p.column == "polarity" and "ukjent polaritet «sometimes»" in p.message for p in problems)


def test_recommendation_with_unknown_theme_is_refused(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    edit_csv(directory / "recommendations.csv", set_cell(0, "theme_ids", "T09;T77"))
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.file.endswith("recommendations.csv") and "T77" in p.message and p.row == 1 for p in problems)


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("explicit", "maybe", "ukjent verdi «maybe»"),
        ("theme_ids", "", "minst ett tema"),
        ("source_ref", "000_f6fcbf565525b510.txt, Drøfting, L625–629", "fra 004-rapporten"),
    ],
)
def test_bad_recommendation_cell_is_located(tmp_path: Path, column: str, value: str, fragment: str) -> None:
    directory = copy_coded(tmp_path)
    edit_csv(directory / "recommendations.csv", set_cell(1, column, value))
    problems = problems_of(directory, seeds_dir=None)
    hits = [p for p in problems if p.row == 2 and p.column == column and fragment in p.message]
    assert hits, [str(p) for p in problems]


def test_contact_details_are_refused(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    address = "ola.nordmann" + "@" + "eksempel.no"  # built at run time: no address stands in the repository
    phone = " ".join(["91", "23", "45", "67"])
    edit_csv(directory / "implementation_factors.csv", set_cell(2, "evidence", f"Kontakt {address} eller {phone}."))
    problems = problems_of(directory, seeds_dir=None)
    messages = [p.message for p in problems if p.row == 3 and p.column == "evidence"]
    assert any("e-post" in m for m in messages) and any("telefon" in m for m in messages)


def test_blocked_names_are_refused(tmp_path: Path) -> None:
    word = "testnavnsen"  # stands in for a deny-listed name; the real ones are stored only as hashes
    directory = copy_coded(tmp_path)
    description = f"{word.title()} sa at det gikk bra."
    edit_csv(directory / "implementation_factors.csv", set_cell(0, "description", description))
    problems = problems_of(directory, seeds_dir=None, deny_hashes={hash_term(word): "informant-pseudonym"})
    assert any(p.row == 1 and p.column == "description" and "navn" in p.message for p in problems)


def test_theme_free_text_passes_the_privacy_gate(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    address = "kari.nordmann" + "@" + "eksempel.no"
    edit_csv(directory / "themes.csv", set_cell(1, "readiness_question", f"Har dere skrevet til {address}?"))
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.row == 2 and p.column == "readiness_question" and "e-post" in p.message for p in problems)


def test_coding_note_column_is_optional_and_kept(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    note = "Plassert på gruppenivå fordi kilden beskriver teamets rutine."
    edit_csv(directory / "implementation_factors.csv", set_cell(3, "coding_note", note), add_column="coding_note")
    data = load_all(directory, seeds_dir=None)
    assert data.factors.at[3, "coding_note"] == note
    notes = [r.coding_note for r in data.records()]
    assert notes[3] == note and notes.count(None) == len(notes) - 1


def test_coding_note_passes_the_privacy_gate(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    phone = " ".join(["91", "23", "45", "67"])
    edit_csv(directory / "implementation_factors.csv", set_cell(5, "coding_note", f"Ring {phone}."),
             add_column="coding_note")
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.row == 6 and p.column == "coding_note" and "telefon" in p.message for p in problems)


def test_every_problem_of_a_row_is_reported_together(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)

    def change(rows: list[dict[str, str]]) -> None:
        rows[0].update(level="nowhere", direction="sideways", euse_stage="0", evidence="")

    edit_csv(directory / "implementation_factors.csv", change)
    problems = problems_of(directory, seeds_dir=None)
    assert {p.column for p in problems if p.row == 1} >= {"level", "direction", "euse_stage", "evidence"}


def test_a_row_is_not_validated_without_its_context(data: FactorData) -> None:
    row = data.factors.iloc[0].to_dict()
    with pytest.raises(TypeError):
        FactorRow.model_validate(row)
    record = FactorRow.model_validate(row, context=RowContext(data.frame, frozenset(data.themes["theme_id"])))
    assert record == data.records()[0]
