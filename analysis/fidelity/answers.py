"""Reading a team's fidelity answers (.csv, .xlsx, .sav) and checking them against the codebook.

A NAV team's file is checked completely before anything is scored, and every problem is reported with
file, row and column in one pass, so the file can be mended at once. Rows are numbered as the user sees
them: in .csv/.xlsx the header is row 1 and the first answer row 2; in .sav, case 1 is row 1.

National identity numbers: the paper form asks for a personnummer. A column with that name (or a usual
alias) is dropped with a warning before anything else happens; an identity number found in any other cell
is an error, and no message ever repeats the digits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.core.errors import InputError, Problem
from analysis.core.identity import looks_like_identity_number
from analysis.core.tabular import read_cells
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.scoring import ID_COLUMNS, BandScheme, score_respondents, team_summary

IDENTITY_ALIASES = {
    "personnummer",
    "personnummer_gjenta",
    "fodselsnummer",
    "fødselsnummer",
    "fnr",
    "pnr",
    "dnummer",
    "d_nummer",
    "d-nummer",
    "personnr",
}
MAX_PROBLEMS = 200
COMMENT_PREFIX = "#"  # template rows (option texts) start with '#' in respondent_id and are skipped
_TWO_ANSWERS = re.compile(r"^\s*\d+\s*(?:[;,/+&]|\s+og\s+|\s+)\s*\d+\s*$")
_WHOLE_WITH_ZERO_DECIMALS = re.compile(r"^\s*(\d+)(?:[.,]0+)?\s*$")


@dataclass
class Answers:
    """A validated answer file: the frame in raw format and what was removed on the way, for the user."""

    frame: pd.DataFrame
    source: Path
    warnings: list[str] = field(default_factory=list)


def _mask(value: object) -> str:
    """A cell value safe to print: long digit runs (possible identity or phone numbers) are hidden."""
    text = str(value)
    return "«skjult tallrekke»" if re.search(r"\d{7,}", text) else f"«{text[:40]}»"


# --------------------------------------------------------------------------------------- checking
def read_answers(path: Path | str, codebook: FidelityCodebook | None = None) -> Answers:
    """Read and validate an answer file; raises InputError listing every problem (nothing is scored then)."""
    book = codebook or load_fidelity_codebook()
    source = Path(path)
    cells = read_cells(source, expected_columns=book.raw_columns())
    name = cells.name
    raw = cells.frame
    warnings: list[str] = []
    if cells.sheet is not None and len(pd.ExcelFile(source).sheet_names) > 1:
        warnings.append(f"{name}: leste svarene fra arket «{cells.sheet}»")
    identity = [c for c in raw.columns if c.lower() in IDENTITY_ALIASES]
    if identity:
        raw = raw.drop(columns=identity)
        warnings.append(
            f"{name}: kolonnen {', '.join(identity)} (fødselsnummer) er fjernet og brukes ikke i noen utdata"
        )
    rows = pd.Series(raw.index, index=raw.index)  # the reader indexes rows as the user numbers them
    if "respondent_id" in raw.columns:
        comment = raw["respondent_id"].astype(str).str.startswith(COMMENT_PREFIX)
        raw, rows = raw.loc[~comment], rows.loc[~comment]
    problems = _column_problems(raw, book, name)
    if raw.empty:
        problems.append(Problem(name, "filen har ingen svarrader"))
    if problems:
        raise InputError(problems)
    problems = _cell_problems(raw, rows, book, name)
    if problems:
        if len(problems) > MAX_PROBLEMS:
            extra = len(problems) - MAX_PROBLEMS
            problems = problems[:MAX_PROBLEMS] + [Problem(name, f"… og {extra} problemer til")]
        raise InputError(problems)
    frame = raw.loc[:, book.raw_columns()].copy()
    for column in book.item_columns():
        frame[column] = pd.to_numeric(_clean_numbers(frame[column]), errors="coerce")
    frame.index = rows.to_numpy()
    frame.index.name = "row"
    return Answers(frame, source, warnings)


def _column_problems(raw: pd.DataFrame, book: FidelityCodebook, name: str) -> list[Problem]:
    expected = book.raw_columns()
    problems = [
        Problem(name, "ukjent kolonne (ikke i kodeboken se_fidelity_no)", column=c)
        for c in raw.columns
        if c not in expected
    ]
    problems += [Problem(name, "kolonnen mangler", column=c) for c in expected if c not in raw.columns]
    duplicated = sorted({c for c in raw.columns if list(raw.columns).count(c) > 1})
    problems += [Problem(name, "kolonnen står flere ganger", column=c) for c in duplicated]
    return problems


def _clean_numbers(cells: pd.Series) -> pd.Series:
    """'3.0' or '3,0' (spreadsheet exports) become '3'; anything else is left for the checks to judge."""
    return cells.astype(str).str.strip().str.replace(_WHOLE_WITH_ZERO_DECIMALS, r"\1", regex=True)


def _cell_problems(raw: pd.DataFrame, rows: pd.Series, book: FidelityCodebook, name: str) -> list[Problem]:
    problems: list[Problem] = []
    for column in ID_COLUMNS:
        values = raw[column].astype(str).str.strip()
        for index in values.index[values == ""]:
            problems.append(Problem(name, "mangler verdi", int(rows[index]), column))
    for index in raw.index[raw["respondent_id"].map(looks_like_identity_number)]:
        problems.append(
            Problem(name, "ser ut som et fødselsnummer; bruk et løpenummer i stedet", int(rows[index]), "respondent_id")
        )
    key = raw["respondent_id"].astype(str).str.strip() + "\x00" + raw["timepoint"].astype(str).str.strip()
    duplicated = key.duplicated(keep="first") & (raw["respondent_id"].astype(str).str.strip() != "")
    for index in key.index[duplicated]:
        first = rows[key.index[(key == key[index])][0]]
        problems.append(
            Problem(
                name, f"samme respondent_id og timepoint som rad {first} (duplikat)", int(rows[index]), "respondent_id"
            )
        )
    for item in book.items:
        allowed = {
            str(v) for v in (book.raw_format.single_values if item.type == "single" else book.raw_format.multi_values)
        }
        for column in item.columns:
            cells = raw[column].astype(str).str.strip()
            cleaned = _clean_numbers(cells)
            bad = (cleaned != "") & ~cleaned.isin(allowed)
            for index in cells.index[bad]:
                value = cells[index]
                row = int(rows[index])
                if looks_like_identity_number(value):
                    problems.append(Problem(name, "cellen ser ut til å inneholde et fødselsnummer", row, column))
                elif item.type == "single" and _TWO_ANSWERS.match(value):
                    problems.append(
                        Problem(name, f"to svar {_mask(value)} i et enkeltvalgspørsmål; velg ett", row, column)
                    )
                elif re.fullmatch(r"-?\d+(?:[.,]\d+)?", value):
                    problems.append(
                        Problem(name, f"koden {_mask(value)} er utenfor {', '.join(sorted(allowed))}", row, column)
                    )
                else:
                    problems.append(
                        Problem(name, f"{_mask(value)} er ikke en tallkode ({', '.join(sorted(allowed))})", row, column)
                    )
    return problems


@dataclass
class ScoredFile:
    """An answer file read, checked and scored: what ``fidelity score`` writes and the chapter shows."""

    answers: Answers
    scores: pd.DataFrame
    summary: pd.DataFrame


def score_file(
    path: Path | str,
    codebook: FidelityCodebook | None = None,
    *,
    variants: Sequence[str] = (),
    band_scheme: BandScheme = "modified",
) -> ScoredFile:
    """Read and validate ``path``, score every respondent and summarise per team and time point."""
    book = codebook or load_fidelity_codebook()
    answers = read_answers(path, book)
    scores = score_respondents(answers.frame, book, variants=variants, band_scheme=band_scheme)
    return ScoredFile(answers, scores, team_summary(scores, book, band_scheme=band_scheme))
