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

import numpy as np
import pandas as pd

from analysis.core.errors import InputError, Problem
from analysis.core.identity import looks_like_identity_number
from analysis.core.tabular import is_blank_header, read_cells
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
_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")
_LONG_DIGITS = re.compile(r"\d{7,}")
_DATE = re.compile(r"^\s*(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)\s*$")
PATTERNS = {
    "whole_number": _WHOLE_WITH_ZERO_DECIMALS,
    "two_answers": _TWO_ANSWERS,
    "number": _NUMBER,
    "long_digits": _LONG_DIGITS,
    "date": _DATE,
}
"""The patterns the checks use, exported to the self-assessment page so it judges a cell as this module does."""


@dataclass
class Answers:
    """A validated answer file: the frame in raw format and what was removed on the way, for the user."""

    frame: pd.DataFrame
    source: Path
    warnings: list[str] = field(default_factory=list)


def _mask(value: object) -> str:
    """A cell value safe to print: long digit runs (possible identity or phone numbers) are hidden."""
    text = str(value)
    return "«skjult tallrekke»" if _LONG_DIGITS.search(text) else f"«{text[:40]}»"


# --------------------------------------------------------------------------------------- checking
def read_answers(path: Path | str, codebook: FidelityCodebook | None = None) -> Answers:
    """Read and validate an answer file; raises InputError listing every problem (nothing is scored then).

    Time points may be written as the codebook's ids or labels in any case and spacing («Inklusjon»,
    «3 mnd», «12 MND»); the frame returned holds the ids. Anything else, a date included, is a problem that
    lists the allowed values, because guessing would order the time points wrongly.
    """
    book = codebook or load_fidelity_codebook()
    source = Path(path)
    cells = read_cells(source, expected_columns=book.raw_columns())
    name = cells.name
    raw = cells.frame
    warnings: list[str] = []
    if cells.sheet is not None and len(cells.sheets) > 1:
        others = ", ".join(f"«{s}»" for s in cells.sheets if s != cells.sheet)
        warnings.append(f"{name}: leste svarene fra arket «{cells.sheet}» (de andre arkene: {others})")
        name = f"{name}, ark «{cells.sheet}»"
    identity = [c for c in raw.columns if c.lower() in IDENTITY_ALIASES]
    if identity:
        raw = raw.drop(columns=identity)
        warnings.append(
            f"{cells.name}: kolonnen {', '.join(identity)} (fødselsnummer) er fjernet og brukes ikke i noen utdata"
        )
    rows = pd.Series(raw.index, index=raw.index)  # the reader indexes rows as the user numbers them
    if "respondent_id" in raw.columns:
        comment = raw["respondent_id"].astype(str).str.startswith(COMMENT_PREFIX)
        if comment.any():
            raw, rows = raw.loc[~comment], rows.loc[~comment]
    problems = _column_problems(raw, book, name)
    if problems and cells.sheet is not None and len(cells.sheets) > 1:
        problems.append(
            Problem(
                name,
                "arket med flest av svarkolonnene ble lest; arkene i filen: "
                + ", ".join(f"«{s}»" for s in cells.sheets),
            )
        )
    if raw.empty:
        problems.append(Problem(name, "filen har ingen svarrader"))
    if problems:
        raise InputError(problems)
    # Only the three id columns are copied; a million rows of answers are read in place.
    ids = pd.DataFrame({column: raw[column].astype(str).str.strip() for column in ID_COLUMNS}, index=raw.index)
    timepoints, problems = _timepoints(ids["timepoint"], rows, book, name)
    ids["timepoint"] = timepoints
    values, cell_problems = _answer_values(raw, rows, book, name)
    del raw, cells
    problems = _id_problems(ids, rows, name) + problems + cell_problems
    if problems:
        if len(problems) > MAX_PROBLEMS:
            extra = len(problems) - MAX_PROBLEMS
            problems = problems[:MAX_PROBLEMS] + [Problem(name, f"… og {extra} problemer til")]
        raise InputError(problems)
    frame = pd.concat([ids, values], axis=1)
    frame.index = rows.to_numpy()
    frame.index.name = "row"
    return Answers(frame, source, warnings)


def _column_problems(raw: pd.DataFrame, book: FidelityCodebook, name: str) -> list[Problem]:
    expected = book.raw_columns()
    problems = []
    for c in raw.columns:
        if c in expected:
            continue
        if is_blank_header(c):
            problems.append(Problem(name, "kolonnen har svar, men ingen overskrift i første rad", column=c))
        else:
            problems.append(Problem(name, "ukjent kolonne (ikke i kodeboken se_fidelity_no)", column=c))
    problems += [Problem(name, "kolonnen mangler", column=c) for c in expected if c not in raw.columns]
    duplicated = sorted({c for c in raw.columns if list(raw.columns).count(c) > 1})
    problems += [Problem(name, "kolonnen står flere ganger", column=c) for c in duplicated]
    return problems


def _clean_number(text: str) -> str:
    """'3.0', '3,0' or ' 3 ' (spreadsheet exports) become '3'; anything else is left for the checks to judge."""
    return _WHOLE_WITH_ZERO_DECIMALS.sub(r"\1", text.strip())


def _timepoints(
    cells: pd.Series, rows: pd.Series, book: FidelityCodebook, name: str
) -> tuple[pd.Series, list[Problem]]:
    """Time points as codebook ids; one problem per unknown spelling, naming its first row and how many more."""
    distinct = pd.Series(cells.unique())
    known = {text: book.timepoint_id(text) for text in distinct}
    ids = cells.map(known)
    problems = []
    unknown = [text for text, found in known.items() if found is None and text != ""]
    for text in unknown:
        where = rows[cells.index[cells == text]]
        more = f", også i {len(where) - 1} rader til" if len(where) > 1 else ""
        hint = " (datoer brukes ikke: skriv hvilket måletidspunkt svaret hører til)" if _DATE.match(text) else ""
        problems.append(
            Problem(
                name,
                f"{_mask(text)} er ikke et måletidspunkt i kodeboken{hint}{more}. "
                f"Bruk ett av: {book.timepoint_choices()}",
                int(where.iloc[0]),
                "timepoint",
            )
        )
    return ids.fillna(cells), problems


def _id_problems(raw: pd.DataFrame, rows: pd.Series, name: str) -> list[Problem]:
    problems: list[Problem] = []
    for column in ID_COLUMNS:
        for index in raw.index[raw[column] == ""]:
            problems.append(Problem(name, "mangler verdi", int(rows[index]), column))
    ids = raw["respondent_id"]
    digits = ids.str.contains(r"\d{6}", regex=True)
    for index in ids.index[digits][ids[digits].map(looks_like_identity_number).to_numpy(dtype=bool)]:
        problems.append(
            Problem(name, "ser ut som et fødselsnummer; bruk et løpenummer i stedet", int(rows[index]), "respondent_id")
        )
    key = ids + "\x00" + raw["timepoint"]
    duplicated = key.duplicated(keep="first") & (ids != "") & (raw["timepoint"] != "")
    if duplicated.any():
        first_row = pd.Series(rows.to_numpy(), index=key.to_numpy()).groupby(level=0).first()
        for index in key.index[duplicated]:
            problems.append(
                Problem(
                    name,
                    f"samme respondent_id og timepoint som rad {first_row[key[index]]} (duplikat)",
                    int(rows[index]),
                    "respondent_id",
                )
            )
    return problems


def _answer_values(
    raw: pd.DataFrame, rows: pd.Series, book: FidelityCodebook, name: str
) -> tuple[pd.DataFrame, list[Problem]]:
    """Every answer column as numbers (NaN = blank) and the problems of the cells that are not a valid code.

    Built for a million rows: each column is factorised once (a hashed pass in C), and only its distinct
    values are judged, so a file with a million rows costs little more than one with a hundred.
    """
    problems: list[Problem] = []
    values: dict[str, np.ndarray] = {}
    for item in book.items:
        codes = book.raw_format.single_values if item.type == "single" else book.raw_format.multi_values
        lookup = {str(v): float(v) for v in codes}
        allowed = ", ".join(str(v) for v in sorted(codes))
        for column in item.columns:
            positions, distinct = pd.factorize(raw[column])
            texts = [str(v) for v in distinct]
            cleaned = [t if t in lookup else _clean_number(t) for t in texts]
            numbers = np.array([lookup.get(t, np.nan) for t in cleaned] + [np.nan], dtype=float)
            values[column] = numbers[positions]  # position -1 (a missing cell) picks the NaN at the end
            bad = [k for k, t in enumerate(cleaned) if t != "" and t not in lookup]
            if bad:
                for index in raw.index[np.isin(positions, bad)]:
                    text = str(raw.at[index, column]).strip()
                    problems.append(_cell_problem(text, item.type, allowed, rows[index], column, name))
    return pd.DataFrame(values, index=raw.index), problems


def _cell_problem(value: str, kind: str, allowed: str, row: object, column: str, name: str) -> Problem:
    line = int(row)  # type: ignore[call-overload]
    if looks_like_identity_number(value):
        return Problem(name, "cellen ser ut til å inneholde et fødselsnummer", line, column)
    if kind == "single" and _TWO_ANSWERS.match(value):
        return Problem(name, f"to svar {_mask(value)} i et enkeltvalgspørsmål; velg ett", line, column)
    if _NUMBER.match(value):
        return Problem(name, f"koden {_mask(value)} er utenfor {allowed}", line, column)
    return Problem(name, f"{_mask(value)} er ikke en tallkode ({allowed})", line, column)


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
