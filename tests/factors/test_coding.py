"""The coded implementation factors: schema and consistency on the real data, and clear errors on bad copies."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from analysis.core.errors import InputError
from analysis.core.paths import CODED
from analysis.core.sources import SOURCE_DOCUMENTS, parse_source_ref, seed_lines, seeds_directory
from analysis.factors import coding as fx
from analysis.factors.coding import (
    FACTOR_COLUMNS,
    LEVEL_ORDER,
    Direction,
    Level,
    checklist_csv,
    checklist_markdown,
    counts_by_level_domain_direction,
    factor_listing,
    load_all,
    readiness_checklist,
    recurring_themes,
    study_comparison,
    theme_summary,
    write_checklist,
)
from analysis.factors.explorer import checklist_html, factor_browser_html
from analysis.privacy.gate import hash_term

SEEDS = seeds_directory()
needs_seeds = pytest.mark.skipif(SEEDS is None, reason="the seed texts (../shared/seeds) are not on this machine")


@pytest.fixture(scope="module")
def data() -> fx.FactorData:
    return load_all()


# ------------------------------------------------------------------------------------------ real data
def test_every_study_is_coded_in_full(data: fx.FactorData) -> None:
    counts = data.factors["study"].value_counts()
    assert set(counts.index) == {"000", "002", "004"}
    # Each study's findings are coded in full, not sampled: 000 alone reports 25 main factors + 4 sub-factors.
    assert counts["000"] >= 29 and counts["002"] >= 30 and counts["004"] >= 35
    assert data.factors["factor_id"].is_unique


def test_rows_convert_to_typed_records(data: fx.FactorData) -> None:
    records = data.records()
    assert len(records) == len(data.factors)
    assert all(isinstance(r.level, Level) and isinstance(r.direction, Direction) for r in records)
    assert {r.euse_stage for r in records} <= {None, 1, 2, 3, 4, 5}
    assert all(r.source_ref.study == r.study for r in records)


def test_coding_frame_holds_cfir_2(data: fx.FactorData) -> None:
    domains = {d.id: d for d in data.frame.domains}
    assert list(domains) == ["innovation", "outer_setting", "inner_setting", "individuals", "implementation_process"]
    top_level = {d: [c for c in dom.constructs if not c.parent] for d, dom in domains.items()}
    # Damschroder et al. 2022: 8 innovation constructs, 7 outer, 11 inner, 9 roles + 4 characteristics, 9 process.
    assert len(top_level["innovation"]) == 8
    assert len(top_level["outer_setting"]) == 7
    assert len(top_level["inner_setting"]) == 11
    assert len(domains["individuals"].roles) == 9 and len(top_level["individuals"]) == 13
    assert len(top_level["implementation_process"]) == 9
    assert [c.id for c in data.frame.euse_stages] == ["1", "2", "3", "4", "5"]
    assert len(data.frame.ips_principles) == 8


def test_constructs_belong_to_their_domain(data: fx.FactorData) -> None:
    for row in data.factors.itertuples():
        assert row.cfir_construct in data.frame.domain(row.cfir_domain).construct_ids(), row.factor_id


def test_source_refs_name_real_lines(data: fx.FactorData) -> None:
    for ref_text in list(data.factors["source_ref"]) + list(data.recommendations["source_ref"]):
        ref = parse_source_ref(ref_text)
        total = SOURCE_DOCUMENTS[ref.file].lines
        assert all(1 <= a <= b <= total for a, b in ref.ranges), ref_text


@needs_seeds
def test_registry_line_counts_match_the_seeds() -> None:
    for name, document in SOURCE_DOCUMENTS.items():
        assert len(seed_lines(name, SEEDS) or ()) == document.lines, name


def test_quotes_are_short(data: fx.FactorData) -> None:
    quotes = data.factors.loc[data.factors["quote"] != "", "quote"]
    assert len(quotes) > 50
    assert quotes.map(lambda q: len(q.split())).max() <= fx.MAX_QUOTE_WORDS


def test_loads_without_the_seed_texts() -> None:
    offline = load_all(seeds_dir=None)
    assert len(offline.factors) == len(load_all().factors)


def test_themes_are_consistent(data: fx.FactorData) -> None:
    declared = {t.theme_id: t for t in data.themes.itertuples()}
    for theme_id, part in data.factors.groupby("theme_id"):
        theme = declared[theme_id]
        assert set(part["level"]) <= set(theme.levels.split(";"))
        if theme.polarity == "one-sided":
            assert not {"facilitator", "barrier"} <= set(part["direction"]), theme_id
    assert set(data.factors["theme_id"]) == set(declared), "every theme has at least one factor"


def test_recurring_themes_include_the_expected_ones(data: fx.FactorData) -> None:
    recurring = recurring_themes(data)
    labels = " | ".join(recurring["tema"]).lower()
    for word in ("lederforankring", "saksmengde", "praksisfellen", "norskopplæring", "arbeidsgiverkontakt",
                 "introduksjonsloven"):
        assert word in labels, word
    assert (recurring["antall studier"] >= 2).all()
    assert recurring["antall studier"].is_monotonic_decreasing


def test_counts_cover_the_full_grid(data: fx.FactorData) -> None:
    counts = counts_by_level_domain_direction(data)
    assert len(counts) == len(Level) * 5 * len(Direction)
    assert counts["antall"].sum() == len(data.factors)


def test_study_comparison_adds_up(data: fx.FactorData) -> None:
    table = study_comparison(data)
    assert (table["fremmer"] + table["hemmer"] + table["blandet"] == table["faktorer"]).all()
    level_cols = [c.label.lower() for c in data.frame.levels]
    assert (table[level_cols].sum(axis=1) == table["faktorer"]).all()
    assert table["faktorer"].sum() == len(data.factors)


def test_checklist_covers_every_barrier_theme(data: fx.FactorData) -> None:
    checklist = readiness_checklist(data)
    barrier_themes = set(data.factors.loc[data.factors["direction"] != "facilitator", "theme_id"])
    assert set(checklist["theme_id"]) == barrier_themes
    assert list(checklist["nr"]) == list(range(1, len(checklist) + 1))
    assert checklist["spørsmål"].str.endswith("?").all()
    # grouped by area, system first
    levels = checklist["område"].map({c.label: LEVEL_ORDER[c.id] for c in data.frame.levels})
    assert levels.is_monotonic_increasing


def test_checklist_exports(data: fx.FactorData, tmp_path: Path) -> None:
    checklist = readiness_checklist(data)
    markdown = checklist_markdown(checklist)
    assert markdown.count("- [ ] ") == len(checklist)
    assert all(q in markdown for q in checklist["spørsmål"])
    back = pd.read_csv(io.StringIO(checklist_csv(checklist)), dtype=str, keep_default_na=False)
    assert list(back["spørsmål"]) == list(checklist["spørsmål"])
    paths = write_checklist(checklist, tmp_path)
    assert paths["md"].read_text(encoding="utf-8") == markdown


# ---------------------------------------------------------------------------------------------- HTML
def _labels_match_controls(markup: str) -> None:
    ids = set(re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', markup))
    labelled = set(re.findall(r'<label for="([^"]+)"', markup))
    assert ids and ids <= labelled, ids - labelled


def test_factor_browser_is_accessible_and_offline(data: fx.FactorData) -> None:
    markup = factor_browser_html(factor_listing(data), data.frame)
    assert "<caption>" in markup and 'scope="col"' in markup
    assert markup.count('<th scope="row">') == len(data.factors)
    _labels_match_controls(markup)
    assert "http" not in markup and "src=" not in markup
    assert ":focus-visible" in markup
    # filters start hidden and are revealed by the script, so without JavaScript nothing is a dead control
    assert 'class="se-fb-controls" role="search" aria-label="Filtrer faktorene" hidden' in markup


def test_checklist_html_has_labels_downloads_and_print(data: fx.FactorData) -> None:
    checklist = readiness_checklist(data)
    markup = checklist_html(checklist)
    _labels_match_controls(markup)
    assert markup.count('type="checkbox"') == len(checklist)
    assert 'href="data:text/markdown;charset=utf-8,' in markup and 'href="data:text/csv;charset=utf-8,' in markup
    assert "window.print()" in markup and "<legend>" in markup
    assert "http" not in markup


def test_element_ids_are_checked(data: fx.FactorData) -> None:
    with pytest.raises(ValueError):
        factor_browser_html(factor_listing(data), data.frame, element_id="Not valid")


# ------------------------------------------------------------------------------------- bad copies
def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "coded"
    target.mkdir()
    for name in ("coding_frame.yaml", "implementation_factors.csv", "themes.csv", "recommendations.csv"):
        shutil.copy(CODED / name, target / name)
    return target


def _edit_csv(path: Path, change: Callable[[list[dict[str, str]]], None]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _problems(directory: Path, **kwargs: object) -> list[fx.Problem]:
    with pytest.raises(InputError) as caught:
        load_all(directory, **kwargs)  # type: ignore[arg-type]
    return caught.value.problems


def _set(row_index: int, column: str, value: str) -> Callable[[list[dict[str, str]]], None]:
    def change(rows: list[dict[str, str]]) -> None:
        rows[row_index][column] = value
    return change


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("cfir_construct", "no_such_construct", "finnes ikke i kodeskjemaet"),
        ("cfir_construct", "funding", "det hører til domenet inner_setting"),
        ("level", "national", "er ikke et nivå"),
        ("direction", "helpful", "er ikke en retning"),
        ("euse_stage", "6", "EUSE-trinn"),
        ("ips_principle", "9", "IPS-prinsipp"),
        ("cfir_role", "boss", "er ikke en rolle"),
        ("theme_id", "T99", "finnes ikke i themes.csv"),
        ("source_ref", "000_f6fcbf565525b510.txt, Faktorer på systemnivå, L970–990", "går utover"),
        ("source_ref", "999_0000000000000000.txt, Et avsnitt, L1–2", "ikke et kjent kildedokument"),
        ("source_ref", "side 12 i rapporten", "kildehenvisningen må ha formen"),
        ("source_ref", "004_55431284ded43f19.txt, Feil studie, L10–12", "kodet som studie 000"),
        ("study", "003", "er ikke en av studiene"),
        ("label", "", "er tom"),
    ],
)
def test_bad_factor_cell_is_reported_with_row_and_column(tmp_path: Path, column: str, value: str, fragment: str) -> None:
    directory = _copy(tmp_path)
    _edit_csv(directory / "implementation_factors.csv", _set(4, column, value))
    problems = _problems(directory, seeds_dir=None)
    hits = [p for p in problems if fragment in p.message]
    assert hits, [str(p) for p in problems]
    assert hits[0].row == 5 and hits[0].column == column
    assert hits[0].file.endswith("implementation_factors.csv")


def test_long_quote_is_refused(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    long_quote = " ".join(f"ord{i}" for i in range(fx.MAX_QUOTE_WORDS + 1))
    _edit_csv(directory / "implementation_factors.csv", _set(0, "quote", long_quote))
    problems = _problems(directory, seeds_dir=None)
    assert any(p.column == "quote" and "høyst 25" in p.message for p in problems)


@needs_seeds
def test_quote_not_in_source_is_refused(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    _edit_csv(directory / "implementation_factors.csv", _set(0, "quote", "dette står ikke i kilden"))
    problems = _problems(directory, seeds_dir=SEEDS)
    assert any(p.column == "quote" and "ordrett" in p.message and p.row == 1 for p in problems)


def test_duplicate_id_and_every_problem_in_one_pass(tmp_path: Path) -> None:
    directory = _copy(tmp_path)

    def change(rows: list[dict[str, str]]) -> None:
        rows[1]["factor_id"] = rows[0]["factor_id"]
        rows[2]["level"] = "nowhere"
        rows[3]["direction"] = "sideways"

    _edit_csv(directory / "implementation_factors.csv", change)
    problems = _problems(directory, seeds_dir=None)
    assert {(p.row, p.column) for p in problems} >= {(2, "factor_id"), (3, "level"), (4, "direction")}


def test_missing_column_is_named(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    frame = pd.read_csv(directory / "implementation_factors.csv", dtype=str, keep_default_na=False)
    frame.drop(columns="evidence").to_csv(directory / "implementation_factors.csv", index=False)
    problems = _problems(directory, seeds_dir=None)
    assert any("evidence" in p.message and p.row is None for p in problems)


def test_one_sided_theme_with_both_directions_is_refused(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    rows = pd.read_csv(CODED / "implementation_factors.csv", dtype=str, keep_default_na=False)
    target = rows.index[rows["theme_id"] == "T01"][0]  # Introduksjonslovens rammer: one-sided, all barriers
    _edit_csv(directory / "implementation_factors.csv", _set(int(target), "direction", "facilitator"))
    problems = _problems(directory, seeds_dir=None)
    assert any("T01" in p.message and "ensidig" in p.message for p in problems)


def test_row_outside_its_theme_levels_is_refused(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    rows = pd.read_csv(CODED / "implementation_factors.csv", dtype=str, keep_default_na=False)
    target = int(rows.index[rows["theme_id"] == "T01"][0])
    _edit_csv(directory / "implementation_factors.csv", _set(target, "level", "individual"))
    problems = _problems(directory, seeds_dir=None)
    assert any(p.row == target + 1 and p.column == "level" and "T01" in p.message for p in problems)


@pytest.mark.parametrize("levels", ["system;group", "system;organisation;group", "instruction;system;group", "nowhere"])
def test_theme_levels_must_be_neighbours(tmp_path: Path, levels: str) -> None:
    directory = _copy(tmp_path)
    _edit_csv(directory / "themes.csv", _set(0, "levels", levels))
    problems = _problems(directory, seeds_dir=None)
    assert any(p.file.endswith("themes.csv") and p.row == 1 and p.column == "levels" for p in problems)


def test_barrier_theme_needs_a_readiness_question(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    _edit_csv(directory / "themes.csv", _set(0, "readiness_question", ""))
    problems = _problems(directory, seeds_dir=None)
    assert any(p.column == "readiness_question" and p.row == 1 for p in problems)


def test_recommendation_with_unknown_theme_is_refused(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    _edit_csv(directory / "recommendations.csv", _set(0, "theme_ids", "T09;T77"))
    problems = _problems(directory, seeds_dir=None)
    assert any(p.file.endswith("recommendations.csv") and "T77" in p.message and p.row == 1 for p in problems)


def test_contact_details_are_refused(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    address = "ola.nordmann" + "@" + "eksempel.no"  # built at run time: no address stands in the repository
    phone = " ".join(["91", "23", "45", "67"])
    _edit_csv(directory / "implementation_factors.csv", _set(2, "evidence", f"Kontakt {address} eller {phone}."))
    problems = _problems(directory, seeds_dir=None)
    messages = [p.message for p in problems if p.row == 3 and p.column == "evidence"]
    assert any("e-post" in m for m in messages) and any("telefon" in m for m in messages)


def test_blocked_names_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    word = "testnavnsen"  # stands in for a deny-listed name; the real ones are stored only as hashes
    monkeypatch.setattr(fx, "_deny_hashes", lambda: {hash_term(word): "informant-pseudonym"})
    directory = _copy(tmp_path)
    _edit_csv(directory / "implementation_factors.csv", _set(0, "description", f"{word.title()} sa at det gikk bra."))
    problems = _problems(directory, seeds_dir=None)
    assert any(p.row == 1 and p.column == "description" and "navn" in p.message for p in problems)


def test_bad_coding_frame_is_reported(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    path = directory / "coding_frame.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - id: instruction\n", "  - id: manual\n"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_all(directory, seeds_dir=None)
    assert any("levels må være" in p.message for p in caught.value.problems)


def test_factor_columns_are_documented() -> None:
    with (CODED / "implementation_factors.csv").open(encoding="utf-8") as handle:
        assert tuple(next(csv.reader(handle))) == FACTOR_COLUMNS


def test_theme_summary_counts_each_factor_once(data: fx.FactorData) -> None:
    assert theme_summary(data)["faktorer"].sum() == len(data.factors)


def test_headline_numbers_agree_with_the_tables(data: fx.FactorData) -> None:
    numbers = fx.headline_numbers(data)
    assert numbers["n_factors"] == numbers["n_000"] + numbers["n_002"] + numbers["n_004"]
    assert numbers["n_barrier"] + numbers["n_facilitator"] + numbers["n_mixed"] == numbers["n_factors"]
    assert numbers["n_recurring"] == len(recurring_themes(data))
    assert numbers["n_barrier_themes_answered"] + numbers["n_barrier_themes_open"] == numbers["n_barrier_themes"]
    assert numbers["n_checklist"] == len(readiness_checklist(data))
    texts = fx.headline_texts(data)
    assert texts["top_cell"].startswith(("fremmende", "hemmende", "blandede"))


@needs_seeds
def test_line_numbers_count_as_sed_does() -> None:
    # Section headings the coded references lean on must sit on the line the references assume.
    assert seed_lines("000_f6fcbf565525b510.txt", SEEDS)[309 - 1].strip() == "Faktorer på systemnivå"
    assert seed_lines("002_c49df0a3034d7db7.txt", SEEDS)[3098 - 1].startswith("5.2.1.1 Avvik fra IPS-prinsippene")
    assert seed_lines("004_55431284ded43f19.txt", SEEDS)[1258 - 1].startswith("5. Sammenfatning og anbefalinger")


def test_command_line_checks_and_writes_the_checklist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser()
    fx.register_cli(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["factors", "checklist", "--out", str(tmp_path)])
    assert args.func(args) == 0
    assert (tmp_path / "klar-for-oppstart.md").is_file() and (tmp_path / "klar-for-oppstart.csv").is_file()
    broken = _copy(tmp_path)
    _edit_csv(broken / "themes.csv", _set(0, "polarity", "sometimes"))
    args = parser.parse_args(["factors", "check", "--coded", str(broken)])
    with pytest.raises(InputError):
        args.func(args)
