"""Loading data/coded as a whole: the real data's schema and consistency, and cross-file errors on bad copies."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
from factors.coded_copies import copy_coded, edit_csv, problems_of, set_cell

from analysis.core.paths import CODED
from analysis.core.sources import SOURCE_DOCUMENTS, parse_source_ref, quote_in_source, seed_lines
from analysis.factors import Direction, FactorData, Level, load_all
from analysis.factors.codes import MAX_QUOTE_WORDS
from analysis.factors.load import FACTOR_COLUMNS, FACTOR_COLUMNS_MAY_BE_ABSENT


# ------------------------------------------------------------------------------------------ real data
def test_every_study_is_coded_in_full(data: FactorData) -> None:
    counts = data.factors["study"].value_counts()
    assert set(counts.index) == {"000", "002", "004"}
    # Each study's findings are coded in full, not sampled: 000 alone reports 25 main factors + 4 sub-factors.
    assert counts["000"] >= 29 and counts["002"] >= 30 and counts["004"] >= 35
    assert data.factors["factor_id"].is_unique


def test_rows_convert_to_typed_records(data: FactorData) -> None:
    records = data.records()
    assert len(records) == len(data.factors)
    assert all(isinstance(r.level, Level) and isinstance(r.direction, Direction) for r in records)
    assert {r.euse_stage for r in records} <= {None, 1, 2, 3, 4, 5}
    assert all(r.source_ref.study == r.study for r in records)


def test_constructs_belong_to_their_domain(data: FactorData) -> None:
    for row in data.factors.itertuples():
        domain = data.frame.domain(row.cfir_domain)
        assert domain is not None and row.cfir_construct in domain.construct_ids(), row.factor_id


def test_source_refs_name_real_lines(data: FactorData) -> None:
    for ref_text in list(data.factors["source_ref"]) + list(data.recommendations["source_ref"]):
        ref = parse_source_ref(ref_text)
        total = SOURCE_DOCUMENTS[ref.file].lines
        assert all(1 <= a <= b <= total for a, b in ref.ranges), ref_text


def test_registry_line_counts_match_the_seeds(seeds_dir: Path) -> None:
    for name, document in SOURCE_DOCUMENTS.items():
        assert len(seed_lines(name, seeds_dir) or ()) == document.lines, name


def test_every_quote_sits_verbatim_at_its_cited_lines(data: FactorData, seeds_dir: Path) -> None:
    """Quote verification needs the seed texts: it fails in CI and skips visibly elsewhere when they are absent."""
    quoted = data.factors[data.factors["quote"] != ""]
    assert len(quoted) >= 20
    for row in quoted.itertuples():
        assert quote_in_source(row.quote, parse_source_ref(row.source_ref), seeds_dir) is True, row.factor_id


def test_quotes_are_short(data: FactorData) -> None:
    quotes = data.factors.loc[data.factors["quote"] != "", "quote"]
    assert len(quotes) > 50
    assert quotes.map(lambda q: len(q.split())).max() <= MAX_QUOTE_WORDS


def test_loads_without_the_seed_texts() -> None:
    offline = load_all(seeds_dir=None)
    assert len(offline.factors) == len(load_all().factors)


def test_themes_are_consistent(data: FactorData) -> None:
    declared = {t.theme_id: t for t in data.themes.itertuples()}
    for theme_id, part in data.factors.groupby("theme_id"):
        theme = declared[theme_id]
        assert set(part["level"]) <= set(theme.levels.split(";"))
        if theme.polarity == "one-sided":
            assert not {"facilitator", "barrier"} <= set(part["direction"]), theme_id
    assert set(data.factors["theme_id"]) == set(declared), "every theme has at least one factor"


def test_factor_columns_are_documented() -> None:
    with (CODED / "implementation_factors.csv").open(encoding="utf-8") as handle:
        header = tuple(next(csv.reader(handle)))
    # the documented columns in the documented order; only `coding_note` may be left out of the file
    assert header == tuple(c for c in FACTOR_COLUMNS if c in header)
    assert set(FACTOR_COLUMNS) - set(header) <= FACTOR_COLUMNS_MAY_BE_ABSENT


def test_line_numbers_count_as_sed_does(seeds_dir: Path) -> None:
    # Section headings the coded references lean on must sit on the line the references assume.
    assert seed_lines("000_f6fcbf565525b510.txt", seeds_dir)[309 - 1].strip() == "Faktorer på systemnivå"
    assert seed_lines("002_c49df0a3034d7db7.txt", seeds_dir)[3098 - 1].startswith("5.2.1.1 Avvik fra IPS-prinsippene")
    assert seed_lines("004_55431284ded43f19.txt", seeds_dir)[1258 - 1].startswith("5. Sammenfatning og anbefalinger")


def test_interplay_joins_coded_factors(data: FactorData) -> None:
    assert len(data.interplay) == len(data.frame.interplay) > 0
    assert set(data.interplay["from"]) | set(data.interplay["to"]) <= set(data.factors["factor_id"])


# ------------------------------------------------------------------------------------- bad copies
def test_duplicate_id_and_every_problem_in_one_pass(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)

    def change(rows: list[dict[str, str]]) -> None:
        rows[1]["factor_id"] = rows[0]["factor_id"]
        rows[2]["level"] = "nowhere"
        rows[3]["direction"] = "sideways"

    edit_csv(directory / "implementation_factors.csv", change)
    problems = problems_of(directory, seeds_dir=None)
    assert {(p.row, p.column) for p in problems} >= {(2, "factor_id"), (3, "level"), (4, "direction")}


def test_problems_of_all_files_come_together(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    edit_csv(directory / "themes.csv", set_cell(0, "label", ""))
    edit_csv(directory / "implementation_factors.csv", set_cell(0, "level", "nowhere"))
    edit_csv(directory / "recommendations.csv", set_cell(0, "explicit", "maybe"))
    problems = problems_of(directory, seeds_dir=None)
    assert {Path(p.file).name for p in problems} == {"themes.csv", "implementation_factors.csv", "recommendations.csv"}


def test_missing_column_is_named(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    frame = pd.read_csv(directory / "implementation_factors.csv", dtype=str, keep_default_na=False)
    frame.drop(columns="evidence").to_csv(directory / "implementation_factors.csv", index=False)
    problems = problems_of(directory, seeds_dir=None)
    assert any("evidence" in p.message and p.row is None for p in problems)


def test_unknown_column_is_named(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    edit_csv(directory / "themes.csv", lambda rows: None, add_column="colour")
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.file.endswith("themes.csv") and "ukjente kolonner colour" in p.message for p in problems)


def test_missing_file_is_reported_with_the_others(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    (directory / "recommendations.csv").unlink()
    edit_csv(directory / "themes.csv", set_cell(0, "label", ""))
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.file.endswith("recommendations.csv") and p.message == "fant ikke filen" for p in problems)
    assert any(p.file.endswith("themes.csv") and p.column == "label" for p in problems)


def test_one_sided_theme_with_both_directions_is_refused(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    rows = pd.read_csv(CODED / "implementation_factors.csv", dtype=str, keep_default_na=False)
    target = rows.index[rows["theme_id"] == "T01"][0]  # Introduksjonslovens rammer: one-sided, all barriers
    edit_csv(directory / "implementation_factors.csv", set_cell(int(target), "direction", "facilitator"))
    problems = problems_of(directory, seeds_dir=None)
    assert any("T01" in p.message and "ensidig" in p.message for p in problems)


def test_row_outside_its_theme_levels_is_refused(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    rows = pd.read_csv(CODED / "implementation_factors.csv", dtype=str, keep_default_na=False)
    target = int(rows.index[rows["theme_id"] == "T01"][0])
    edit_csv(directory / "implementation_factors.csv", set_cell(target, "level", "individual"))
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.row == target + 1 and p.column == "level" and "T01" in p.message for p in problems)


def test_barrier_theme_needs_a_readiness_question(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    edit_csv(directory / "themes.csv", set_cell(0, "readiness_question", ""))
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.column == "readiness_question" and p.row == 1 for p in problems)


def test_interplay_must_join_coded_factors(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    path = directory / "coding_frame.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("to: F000-23", "to: F000-99", 1), encoding="utf-8")
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.file.endswith("coding_frame.yaml") and p.column == "to" and "F000-99" in p.message for p in problems)


def test_row_with_more_cells_than_the_header_is_refused(tmp_path: Path) -> None:
    directory = copy_coded(tmp_path)
    path = directory / "recommendations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] += ",overskytende"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = problems_of(directory, seeds_dir=None)
    assert any(p.file.endswith("recommendations.csv") and p.row == 3 and "flere celler" in p.message for p in problems)
