"""Issue 15: the command line on the files a team leader really produces, and on hostile ones.

Time points typed as labels or dates, formula injection in ids, answers on a second sheet or beside a blank
column, output folders that cannot be written, 35 and 1,000 teams, missing answers, Norwegian Excel and
Norwegian help. Every file is written here and run through ``python -m analysis`` as a user would.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import random
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pandas as pd
import pytest
from fidelity.answer_sets import BOOK, respondent
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[2]
FORMULAS = [
    '=HYPERLINK("http://example.invalid/?q="&A1,"Klikk")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=2+2",
    "\r=3+3",
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def team_file(
    timepoints: list[str],
    *,
    team: str = "Team Nord",
    people: int = 4,
    seed: int = 1,
    skip: dict[int, int] | None = None,
) -> pd.DataFrame:
    """``people`` job specialists answering at each time point; ``skip`` = {row: number of items left blank}."""
    rng = random.Random(seed)
    rows = []
    for timepoint in timepoints:
        for k in range(people):
            scores = {i.id: rng.randint(*i.score_range()) for i in BOOK.items}
            rows.append(respondent(f"L{k + 1}", team, timepoint, scores, rng))
    for row, count in (skip or {}).items():
        for item in BOOK.items[-count:]:
            rows[row].update({c: "" for c in item.columns})
    return pd.DataFrame(rows, columns=BOOK.raw_columns())


def write(frame: pd.DataFrame, path: Path) -> Path:
    frame.to_csv(path, index=False)
    return path


def errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("feil:")]


# ------------------------------------------------------------------------------------- time points
def test_time_points_as_labels_in_any_case_are_ordered_by_the_codebook(tmp_path: Path) -> None:
    frame = team_file(["12 MND", "Inklusjon", " 3 mnd ", "18mnd"])  # typed out of order, as labels
    out = tmp_path / "ut"
    result = run("fidelity", "score", str(write(frame, tmp_path / "svar.csv")), "--out", str(out))
    assert result.returncode == 0, result.stderr
    summary = pd.read_csv(out / "team_summary.csv")
    assert summary["timepoint"].tolist() == [t.id for t in BOOK.timepoints]
    assert summary["n"].tolist() == [4, 4, 4, 4]
    model = report_model(out / "fidelity_report.html")
    assert [g["timepoint"] for g in model["groups"]] == [t.id for t in BOOK.timepoints]


@pytest.mark.parametrize(
    ("typed", "is_date"), [("15.09.2024", True), ("2024-03-01", True), ("12 måneder", False), ("baseline", False)]
)
def test_anything_else_is_an_error_that_lists_the_allowed_time_points(
    tmp_path: Path, typed: str, is_date: bool
) -> None:
    frame = team_file(["inklusjon", "12mnd"])
    frame.loc[4:, "timepoint"] = typed
    result = run("fidelity", "score", str(write(frame, tmp_path / "svar.csv")), "--out", str(tmp_path / "ut"))
    lines = errors(result)
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert "rad 6, kolonne timepoint" in lines[0] and f"«{typed}»" in lines[0] and "3 rader til" in lines[0]
    for t in BOOK.timepoints:
        assert f"«{t.label}»" in lines[0] and t.id in lines[0]
    assert ("datoer brukes ikke" in lines[0]) == is_date
    assert not (tmp_path / "ut").exists()


def test_excel_date_cells_are_refused_not_printed_as_timestamps(tmp_path: Path) -> None:
    frame = team_file(["inklusjon"], people=2)
    book = Workbook()
    sheet = book.active
    sheet.append(BOOK.raw_columns())
    for record in frame.itertuples(index=False):
        values = list(record)
        values[2] = datetime.datetime(2024, 3, 1)
        sheet.append([None if v == "" else v for v in values])
    book.save(tmp_path / "svar.xlsx")
    lines = errors(run("fidelity", "score", str(tmp_path / "svar.xlsx"), "--json"))
    assert len(lines) == 1 and "2024-03-01" in lines[0] and "datoer brukes ikke" in lines[0]


# ------------------------------------------------------------------------------------ CSV injection
def formula_file(tmp_path: Path) -> Path:
    frame = team_file(["inklusjon"], people=len(FORMULAS))
    frame["respondent_id"] = FORMULAS
    frame["team"] = "=1+1"
    return write(frame, tmp_path / "svar.csv")


def cells(text: str, separator: str = ",") -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter=separator) for cell in row]


def assert_neutralised(text: str, separator: str = ",") -> None:
    found = cells(text, separator)
    dangerous = [c for c in found if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not _number(c))]
    assert not dangerous, dangerous[:5]
    for formula in FORMULAS:
        assert "'" + formula.strip("\t\r") in found or "'" + formula in found, formula


def _number(text: str) -> bool:
    return re.fullmatch(r"-?\d+(?:[.,]\d+)?", text) is not None


@pytest.mark.parametrize("excel", [False, True])
def test_formulas_in_ids_are_neutralised_in_every_csv_and_the_report_download(tmp_path: Path, excel: bool) -> None:
    out = tmp_path / "ut"
    args = ["fidelity", "score", str(formula_file(tmp_path)), "--out", str(out)] + (["--excel"] if excel else [])
    assert run(*args).returncode == 0
    separator = ";" if excel else ","
    scores = (out / "respondent_scores.csv").read_text(encoding="utf-8-sig")
    summary = (out / "team_summary.csv").read_text(encoding="utf-8-sig")
    assert_neutralised(scores, separator)
    assert "'=1+1" in cells(summary, separator)
    assert not [c for c in cells(summary, separator) if c.startswith("=")]
    html = (out / "fidelity_report.html").read_text(encoding="utf-8")
    downloads = [urllib.parse.unquote(u) for u in re.findall(r'href="data:text/csv;charset=utf-8,([^"]*)"', html)]
    assert downloads, "the report has no CSV download"
    for text in downloads:
        assert not [c for c in cells(text) if c.startswith(("=", "+", "@"))]


def test_the_report_escapes_what_it_shows(tmp_path: Path) -> None:
    frame = team_file(["inklusjon"], people=1)
    frame["team"] = "<script>alert(1)</script>"
    out = tmp_path / "ut"
    assert run("fidelity", "score", str(write(frame, tmp_path / "svar.csv")), "--out", str(out)).returncode == 0
    html = (out / "fidelity_report.html").read_text(encoding="utf-8")
    # Data blocks may carry the name as JSON (where "</" is written "<\/", so it cannot close the block);
    # everywhere else it must be escaped text.
    data_blocks = re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', html, re.S)
    assert all("</script" not in block for block in data_blocks)
    rest = re.sub(r'<script type="application/json" id="[^"]+">.*?</script>', "", html, flags=re.S)
    assert "<script>alert(1)" not in rest


# ----------------------------------------------------------------------------------- output paths
@pytest.mark.parametrize("command", ["score", "template"])
def test_out_pointing_at_a_file_is_one_norwegian_line_and_exit_2(tmp_path: Path, command: str) -> None:
    src = write(team_file(["inklusjon"]), tmp_path / "svar.csv")
    target = tmp_path / "resultat.txt"
    target.write_text("mitt\n")
    for out in (target, target / "under"):
        args = ["fidelity", command, *([str(src)] if command == "score" else []), "--out", str(out)]
        result = run(*args)
        lines = errors(result)
        assert result.returncode == 2 and len(lines) == 1 and result.stderr.count("\n") == 1, result.stderr
        assert "fil" in lines[0]
    assert target.read_text() == "mitt\n"


def test_out_where_nothing_can_be_written_is_one_line_and_exit_2(tmp_path: Path) -> None:
    src = write(team_file(["inklusjon"]), tmp_path / "svar.csv")
    for out in ("/proc/fidelitet-ut", "/proc/self/fidelitet-ut"):  # writable by nobody, root included
        result = run("fidelity", "score", str(src), "--out", out)
        assert result.returncode == 2 and len(errors(result)) == 1, result.stderr
    result = run("fidelity", "template", "--out", "/proc/fidelitet-maler")
    assert result.returncode == 2 and len(errors(result)) == 1, result.stderr


# --------------------------------------------------------------------------------------- workbooks
def test_answers_on_a_second_sheet_beside_a_blank_column_are_found(tmp_path: Path) -> None:
    frame = team_file(["inklusjon"])
    book = Workbook()
    book.active.title = "Forside"
    book.active.append(["Fidelitetsmåling høsten 2024"])
    sheet = book.create_sheet("Svar")
    columns = BOOK.raw_columns()
    sheet.append(columns[:10] + [None] + columns[10:])  # an empty column with no header
    for record in frame.itertuples(index=False):
        values = [None if v == "" else v for v in record]
        sheet.append(values[:10] + [None] + values[10:])
    book.save(tmp_path / "svar.xlsx")
    result = run("fidelity", "score", str(tmp_path / "svar.xlsx"), "--json")
    assert result.returncode == 0, result.stderr
    assert "«Svar»" in result.stderr and "«Forside»" in result.stderr
    assert len(json.loads(result.stdout)["respondents"]) == 4


def test_a_workbook_without_the_answer_columns_names_its_sheets(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Notater"
    book.active.append(["hei"])
    book.create_sheet("Ark2").append(["a", "b"])
    book.save(tmp_path / "svar.xlsx")
    lines = errors(run("fidelity", "score", str(tmp_path / "svar.xlsx"), "--json"))
    assert len(lines) == 1 and "«Notater»" in lines[0] and "«Ark2»" in lines[0]


def test_a_sheet_with_some_columns_missing_says_which_sheet_was_read(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Forside"
    book.active.append(["hei"])
    sheet = book.create_sheet("Svar")
    sheet.append(BOOK.raw_columns()[:-3])
    book.save(tmp_path / "svar.xlsx")
    lines = errors(run("fidelity", "score", str(tmp_path / "svar.xlsx"), "--json"))
    assert lines and all("ark «Svar»" in line for line in lines)
    assert sum("kolonnen mangler" in line for line in lines) == 3
    assert any("«Forside»" in line for line in lines)


def test_a_blank_header_over_values_is_named_by_its_column_letter(tmp_path: Path) -> None:
    frame = team_file(["inklusjon"])
    frame.insert(26, "", "x")
    lines = errors(run("fidelity", "score", str(write(frame, tmp_path / "svar.csv")), "--json"))
    assert lines == [
        f"feil: {tmp_path / 'svar.csv'}, kolonne (tom overskrift i kolonne AA): kolonnen har svar, men "
        "ingen overskrift i første rad"
    ]
    assert "Unnamed" not in " ".join(lines)


# ----------------------------------------------------------------------------------------- scale
def report_model(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="se-fidelity-model">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


@pytest.mark.parametrize("teams", [35, 1000])
def test_the_report_scales_to_many_teams(tmp_path: Path, teams: int) -> None:
    rng = random.Random(teams)
    rows = []
    for t in range(teams):
        for timepoint in ("inklusjon", "3mnd"):
            scores = {i.id: rng.randint(*i.score_range()) for i in BOOK.items}
            rows.append(respondent(f"L{t}", f"Team {t}", timepoint, scores, rng))
    src = write(pd.DataFrame(rows, columns=BOOK.raw_columns()), tmp_path / "svar.csv")
    out = tmp_path / "ut"
    result = run("fidelity", "score", str(src), "--out", str(out))
    assert result.returncode == 0, result.stderr
    model = report_model(out / "fidelity_report.html")
    assert len(model["groups"]) == 2 * teams
    assert [g["team"] for g in model["groups"][:6]] == ["Team 0", "Team 0", "Team 1", "Team 1", "Team 2", "Team 2"]
    assert not re.search(r"<div[^>]*data-se-plotly", (out / "fidelity_report.html").read_text(encoding="utf-8"))
    assert len(pd.read_csv(out / "team_summary.csv")) == 2 * teams


# ------------------------------------------------------------------------------- missing answers
def test_missing_answers_are_shown_per_respondent_and_item(tmp_path: Path) -> None:
    frame = team_file(["inklusjon"], skip={2: 9})  # L3 answered 10 of the 19 items
    out = tmp_path / "ut"
    assert run("fidelity", "score", str(write(frame, tmp_path / "svar.csv")), "--out", str(out)).returncode == 0
    summary = pd.read_csv(out / "team_summary.csv").iloc[0]
    assert summary["n"] == 4 and summary["n_complete"] == 3
    group = report_model(out / "fidelity_report.html")["groups"][0]
    assert group["missing"] == [{"respondent_id": "L3", "items": [i.id for i in BOOK.items[-9:]]}]
    assert group["answered"]["q19"] == 3 and group["answered"]["q01"] == 4


def test_identically_worded_options_answered_differently_are_flagged(tmp_path: Path) -> None:
    frame = team_file(["inklusjon"], people=3)
    frame[["q19_4", "q19_5"]] = [[1, 0], [1, 1], [0, 0]]
    out = tmp_path / "ut"
    assert run("fidelity", "score", str(write(frame, tmp_path / "svar.csv")), "--out", str(out)).returncode == 0
    flags = report_model(out / "fidelity_report.html")["groups"][0]["flags"]
    assert flags == [{"respondent_id": "L1", "kind": "identical_options", "item": "q19", "options": [4, 5]}]


# ------------------------------------------------------------------------------ Norwegian Excel
def test_excel_csvs_open_in_norwegian_excel(tmp_path: Path) -> None:
    frame = team_file(["inklusjon", "12mnd"], people=3)
    src = write(frame, tmp_path / "svar.csv")
    plain, excel = tmp_path / "plain", tmp_path / "excel"
    assert run("fidelity", "score", str(src), "--out", str(plain)).returncode == 0
    assert run("fidelity", "score", str(src), "--out", str(excel), "--excel").returncode == 0
    raw = (excel / "team_summary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    table = pd.read_csv(excel / "team_summary.csv", sep=";", decimal=",", encoding="utf-8-sig", dtype=str)
    assert list(table.columns[:3]) == ["Team", "Tidspunkt", "Antall svar"] and "Totalskår" in table.columns
    assert table["Tidspunkt"].tolist() == ["Inklusjon", "12 mnd"]
    reference = pd.read_csv(plain / "team_summary.csv")
    for shown, exact in zip(table["Totalskår"], reference["total"], strict=True):
        assert re.fullmatch(r"\d+,\d", shown), shown
        assert abs(float(shown.replace(",", ".")) - exact) <= 0.05 + 1e-9
    scores = pd.read_csv(excel / "respondent_scores.csv", sep=";", encoding="utf-8-sig", dtype=str)
    assert scores.columns[0] == "Løpenummer" and set(scores["Spm. 1 Antall brukere per jobbspesialist"]) <= set("12345")


# ----------------------------------------------------------------------------------- Norwegian help
def test_help_and_usage_errors_are_norwegian() -> None:
    for args in (["fidelity", "--help"], ["fidelity", "score", "--help"], ["fidelity", "template", "--help"]):
        result = run(*args)
        assert result.returncode == 0 and result.stdout.startswith("bruk: "), result.stdout
        assert "valg:" in result.stdout and "vis denne hjelpeteksten" in result.stdout
        assert not re.search(r"\b(usage|show this help|options:|positional arguments)\b", result.stdout)
    result = run("fidelity", "score", "svar.csv", "--bands", "wide")
    assert result.returncode == 2 and "feil: " in result.stderr and "ugyldig valg" in result.stderr
    assert "invalid choice" not in result.stderr
    result = run("fidelity", "score")
    assert result.returncode == 2 and "dette mangler: SVARFIL" in result.stderr
