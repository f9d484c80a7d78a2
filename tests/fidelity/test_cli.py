"""The team command line on real files: valid .sav/.csv/.xlsx, malformed files, identity numbers, overwrite rules."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from fakes import synthetic_identity_number

from analysis.fidelity.codebook import load_fidelity_codebook
from analysis.fidelity.synthetic import generate_fidelity, write_fidelity

BOOK = load_fidelity_codebook()
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=cwd or ROOT, timeout=120
    )


def fake_identity_number() -> str:
    """A synthetic 11-digit number (month + 80) that passes the date and mod-11 checks, built at run time."""
    return synthetic_identity_number(random.Random(1))


@pytest.fixture(scope="module")
def answers() -> pd.DataFrame:
    frame, _ = generate_fidelity(seed=7)
    return frame


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    frame.to_csv(path, index=False)
    return path


def test_score_sav_writes_three_files_and_the_report_is_self_contained(tmp_path: Path) -> None:
    sav = tmp_path / "svar.sav"
    write_fidelity(sav, seed=3)
    out = tmp_path / "ut"
    result = run("fidelity", "score", str(sav), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "fidelity_report.html",
        "respondent_scores.csv",
        "team_summary.csv",
    ]
    summary = pd.read_csv(out / "team_summary.csv")
    assert len(summary) == 8 and set(summary["band"]) <= {"rimelig", "godt"}
    html = (out / "fidelity_report.html").read_text(encoding="utf-8")
    assert "Plotly" in html and "data-se-plotly" in html
    assert not [u for u in tag_urls(html) if u.startswith(("http:", "https:", "//"))]  # nothing from elsewhere


def tag_urls(html: str) -> list[str]:
    """src/href attributes of real tags (inline script text is not parsed as tags)."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(v for k, v in attrs if k in ("src", "href") and v)

    Parser().feed(html)
    return found


def test_existing_output_is_not_overwritten_without_force(tmp_path: Path, answers: pd.DataFrame) -> None:
    src = write_csv(answers, tmp_path / "svar.csv")
    out = tmp_path / "ut"
    out.mkdir()
    (out / "team_summary.csv").write_text("mine\n")
    result = run("fidelity", "score", str(src), "--out", str(out))
    assert result.returncode == 2 and "--force" in result.stderr
    assert (out / "team_summary.csv").read_text() == "mine\n"
    assert run("fidelity", "score", str(src), "--out", str(out), "--force").returncode == 0
    assert (out / "team_summary.csv").read_text() != "mine\n"


def test_json_output_shape(tmp_path: Path, answers: pd.DataFrame) -> None:
    src = write_csv(answers, tmp_path / "svar.csv")
    result = run("fidelity", "score", str(src), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    team = data["teams"][0]
    assert set(team) == {"team", "timepoint", "n", "items", "total", "band"}
    assert list(team["items"]) == [i.id for i in BOOK.items]
    assert set(data["respondents"][0]) == {"respondent_id", "team", "timepoint", "total", "items_answered", "band"}
    assert len(data["respondents"]) == len(answers)
    assert not (tmp_path / "fidelity-output").exists()


def test_xlsx_template_round_trip(tmp_path: Path, answers: pd.DataFrame) -> None:
    assert run("fidelity", "template", "--out", str(tmp_path)).returncode == 0
    template = pd.read_excel(tmp_path / "fidelitet_svarmal.xlsx", dtype=str)
    assert list(template.columns) == BOOK.raw_columns()
    filled = pd.concat([template.iloc[:1], answers.head(4).astype(object)], ignore_index=True)
    filled.to_excel(tmp_path / "svar.xlsx", index=False)
    result = run("fidelity", "score", str(tmp_path / "svar.xlsx"), "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["respondents"]) == 4


def test_identity_column_is_dropped_with_a_warning_and_never_output(tmp_path: Path, answers: pd.DataFrame) -> None:
    number = fake_identity_number()
    frame = answers.copy()
    frame.insert(0, "personnummer", number)
    src = write_csv(frame, tmp_path / "svar.csv")
    out = tmp_path / "ut"
    result = run("fidelity", "score", str(src), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "personnummer" in result.stderr and number not in result.stderr
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8")
        assert number not in text and "personnummer" not in text.split("\n")[0]
    assert number not in run("fidelity", "score", str(src), "--json").stdout


def malformed(answers: pd.DataFrame, tmp_path: Path) -> dict[str, tuple[Path, list[str]]]:
    """Broken files, each with the fragments its error lines must contain (row numbers as a user sees them)."""
    cases: dict[str, tuple[Path, list[str]]] = {}
    unknown = answers.head(3).assign(extra_column="x")
    cases["unknown column"] = (write_csv(unknown, tmp_path / "unknown.csv"), ["kolonne extra_column", "ukjent kolonne"])
    missing = answers.head(3).drop(columns=["q05"])
    cases["missing column"] = (write_csv(missing, tmp_path / "missing.csv"), ["kolonne q05", "mangler"])
    out_of_range = answers.head(3).astype(object)
    out_of_range.loc[1, "q04"] = 7
    cases["out of range"] = (write_csv(out_of_range, tmp_path / "range.csv"), ["rad 3", "kolonne q04", "utenfor"])
    two = answers.head(3).astype(object)
    two.loc[0, "q02"] = "2;3"
    cases["two answers"] = (write_csv(two, tmp_path / "two.csv"), ["rad 2", "kolonne q02", "to svar"])
    duplicate = pd.concat([answers.head(2), answers.head(1)], ignore_index=True)
    cases["duplicate id"] = (write_csv(duplicate, tmp_path / "dup.csv"), ["rad 4", "respondent_id", "duplikat"])
    wrong_type = answers.head(3).astype(object)
    wrong_type.loc[2, "q07_1"] = "ja"
    cases["wrong type"] = (write_csv(wrong_type, tmp_path / "type.csv"), ["rad 4", "kolonne q07_1", "ikke en tallkode"])
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    cases["empty file"] = (empty, ["filen er tom"])
    header_only = tmp_path / "header.csv"
    header_only.write_text(",".join(BOOK.raw_columns()) + "\n")
    cases["no rows"] = (header_only, ["ingen svarrader"])
    renamed = tmp_path / "notes.sav"
    renamed.write_text("this is not an SPSS file\n")
    cases["not a sav"] = (renamed, ["kunne ikke leses"])
    fake_xlsx = tmp_path / "fake.xlsx"
    fake_xlsx.write_bytes(b"PK\x03\x04 truncated")
    cases["broken xlsx"] = (fake_xlsx, ["fake.xlsx"])
    text = tmp_path / "answers.txt"
    text.write_text("a,b\n")
    cases["wrong file type"] = (text, ["støttes ikke"])
    return cases


def test_malformed_files_fail_with_row_and_column_and_write_nothing(tmp_path: Path, answers: pd.DataFrame) -> None:
    for name, (path, fragments) in malformed(answers, tmp_path).items():
        out = tmp_path / f"out-{name.replace(' ', '-')}"
        result = run("fidelity", "score", str(path), "--out", str(out))
        assert result.returncode == 2, f"{name}: {result.stderr}"
        assert "Traceback" not in result.stderr, name
        lines = [line for line in result.stderr.splitlines() if line.startswith("feil:")]
        assert lines, f"{name}: no error line"
        for fragment in fragments:
            assert any(fragment in line for line in lines), f"{name}: {fragment!r} not in {lines}"
        assert not out.exists(), f"{name}: output folder was created"


def test_identity_number_in_an_answer_cell_is_reported_without_showing_it(
    tmp_path: Path, answers: pd.DataFrame
) -> None:
    number = fake_identity_number()
    frame = answers.head(2).astype(object)
    frame.loc[0, "respondent_id"] = number
    result = run("fidelity", "score", str(write_csv(frame, tmp_path / "id.csv")), "--json")
    assert result.returncode == 2 and "fødselsnummer" in result.stderr and number not in result.stderr


@pytest.mark.parametrize(
    "name", ["sample.sav", "hebrews.sav", "tegulu.sav", "sample.por", "mixed_types.csv", "sample.zsav"]
)
def test_foreign_files_get_a_validation_error_not_a_traceback(name: str) -> None:
    path = ROOT.parent / "shared" / "foreign-data" / "pyreadstat" / name
    if not path.exists():
        pytest.skip("shared/foreign-data is not beside the checkout")
    result = run("validate", str(path), "--instrument", "se_fidelity_no")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.startswith("feil:")


def test_filled_in_xlsx_template_with_empty_formatted_rows(tmp_path: Path, answers: pd.DataFrame) -> None:
    """A team types three answers into the template; its 50 validated rows below stay empty."""
    from openpyxl import load_workbook

    assert run("fidelity", "template", "--out", str(tmp_path)).returncode == 0
    book = load_workbook(tmp_path / "fidelitet_svarmal.xlsx")
    sheet = book.active
    for offset, record in enumerate(answers.head(3).itertuples(index=False)):
        for column, value in enumerate(record, start=1):
            if not (isinstance(value, float) and value != value):
                sheet.cell(row=3 + offset, column=column, value=value)
    sheet.cell(row=40, column=5).value = None  # touched but empty cell far below the answers
    book.save(tmp_path / "svar.xlsx")
    result = run("fidelity", "score", str(tmp_path / "svar.xlsx"), "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["respondents"]) == 3


def test_semicolon_csv_from_norwegian_excel(tmp_path: Path, answers: pd.DataFrame) -> None:
    path = tmp_path / "svar.csv"
    answers.head(4).to_csv(path, sep=";", index=False)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(";" * (len(answers.columns) - 1) + "\n")  # an empty trailing row
    result = run("fidelity", "score", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["respondents"]) == 4
