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
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.errors import InputError, Problem
from analysis.fidelity import ID_COLUMNS

IDENTITY_ALIASES = {"personnummer", "personnummer_gjenta", "fodselsnummer", "fødselsnummer", "fnr", "pnr",
                    "dnummer", "d_nummer", "d-nummer", "personnr"}
MAX_PROBLEMS = 200
COMMENT_PREFIX = "#"  # template rows (option texts) start with '#' in respondent_id and are skipped
_DIGITS_11 = re.compile(r"^\s*\d{6}\s?\d{5}\s*$")
_TWO_ANSWERS = re.compile(r"^\s*\d+\s*(?:[;,/+&]|\s+og\s+|\s+)\s*\d+\s*$")
_WHOLE_WITH_ZERO_DECIMALS = re.compile(r"^\s*(\d+)(?:[.,]0+)?\s*$")


@dataclass
class Answers:
    """A validated answer file: the frame in raw format and what was removed on the way, for the user."""

    frame: pd.DataFrame
    source: Path
    warnings: list[str] = field(default_factory=list)


def looks_like_identity_number(value: object) -> bool:
    """11 digits (optionally 6+5 with a space): the shape of a fødselsnummer or D-number."""
    return isinstance(value, str) and bool(_DIGITS_11.match(value))


def _mask(value: object) -> str:
    """A cell value safe to print: long digit runs (possible identity or phone numbers) are hidden."""
    text = str(value)
    return "«skjult tallrekke»" if re.search(r"\d{7,}", text) else f"«{text[:40]}»"


# ------------------------------------------------------------------------------------------ reading
def read_cells(path: Path) -> pd.DataFrame:
    """Every cell of a .csv/.xlsx/.sav answer file as text, wholly empty rows dropped (shared with the
    questionnaire reader); unreadable files raise InputError naming the file."""
    raw, _ = _read_table(path)
    blank = raw.astype(str).apply(lambda col: col.str.strip() == "").all(axis=1)
    return raw.loc[~blank]


def _read_table(path: Path) -> tuple[pd.DataFrame, int]:
    """Raw cells as strings and the row number of the first data row; unreadable files raise InputError."""
    name = str(path)
    if not path.exists():
        raise InputError([Problem(name, "filen finnes ikke")])
    if path.is_dir():
        raise InputError([Problem(name, "er en mappe, ikke en fil")])
    if path.stat().st_size == 0:
        raise InputError([Problem(name, "filen er tom")])
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return _read_csv(path), 2
        if suffix == ".xlsx":
            if not zipfile.is_zipfile(path):
                raise InputError([Problem(name, "er ikke en gyldig .xlsx-fil (ødelagt eller feil filtype)")])
            frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
            return frame, 2
        if suffix == ".sav":
            return _read_sav(path), 1
    except InputError:
        raise
    except UnicodeDecodeError:
        raise InputError([Problem(name, "teksten er ikke UTF-8 (lagre filen som CSV UTF-8)")]) from None
    except Exception as exc:  # a reader's own error: name it, but never show a traceback
        raise InputError([Problem(name, f"kunne ikke lese filen ({type(exc).__name__}: {str(exc)[:160]})")]) from None
    raise InputError([Problem(name, f"filtypen '{suffix or 'uten endelse'}' støttes ikke; bruk .csv, .xlsx eller .sav")])


def _read_csv(path: Path) -> pd.DataFrame:
    text = path.read_bytes().decode("utf-8-sig")
    if not text.strip():
        raise InputError([Problem(str(path), "filen er tom")])
    header = text.splitlines()[0]
    separator = ";" if header.count(";") > header.count(",") else ","
    from io import StringIO

    return pd.read_csv(StringIO(text), dtype=str, keep_default_na=False, sep=separator)


def _read_sav(path: Path) -> pd.DataFrame:
    import pyreadstat

    frame, _meta = pyreadstat.read_sav(str(path), user_missing=False)
    out = frame.astype(object).where(frame.notna(), "")
    for column in out.columns:
        out[column] = out[column].map(_sav_cell)
    return out


def _sav_cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


# --------------------------------------------------------------------------------------- checking
def read_answers(path: Path | str, codebook: FidelityCodebook | None = None) -> Answers:
    """Read and validate an answer file; raises InputError listing every problem (nothing is scored then)."""
    book = codebook or load_fidelity_codebook()
    source = Path(path)
    name = str(source)
    raw, first_row = _read_table(source)
    warnings: list[str] = []
    raw.columns = [str(c).strip() for c in raw.columns]
    identity = [c for c in raw.columns if c.lower() in IDENTITY_ALIASES]
    if identity:
        raw = raw.drop(columns=identity)
        warnings.append(
            f"{name}: kolonnen {', '.join(identity)} (fødselsnummer) er fjernet og brukes ikke i noen utdata"
        )
    rows = pd.Series(np.arange(len(raw)) + first_row, index=raw.index)
    # Spreadsheets keep formatted but empty rows (the template's drop-downs reach further than the answers):
    # a row with no value at all is not an answer and is skipped, not reported.
    blank = raw.astype(str).apply(lambda col: col.str.strip() == "").all(axis=1)
    raw, rows = raw.loc[~blank], rows.loc[~blank]
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
        for c in raw.columns if c not in expected
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
        problems.append(Problem(name, "ser ut som et fødselsnummer; bruk et løpenummer i stedet", int(rows[index]), "respondent_id"))
    key = raw["respondent_id"].astype(str).str.strip() + "\x00" + raw["timepoint"].astype(str).str.strip()
    duplicated = key.duplicated(keep="first") & (raw["respondent_id"].astype(str).str.strip() != "")
    for index in key.index[duplicated]:
        first = rows[key.index[(key == key[index])][0]]
        problems.append(Problem(
            name, f"samme respondent_id og timepoint som rad {first} (duplikat)", int(rows[index]), "respondent_id"
        ))
    for item in book.items:
        allowed = {str(v) for v in (book.raw_format.single_values if item.type == "single" else book.raw_format.multi_values)}
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
                    problems.append(Problem(name, f"to svar {_mask(value)} i et enkeltvalgspørsmål; velg ett", row, column))
                elif re.fullmatch(r"-?\d+(?:[.,]\d+)?", value):
                    problems.append(Problem(name, f"koden {_mask(value)} er utenfor {', '.join(sorted(allowed))}", row, column))
                else:
                    problems.append(Problem(name, f"{_mask(value)} er ikke en tallkode ({', '.join(sorted(allowed))})", row, column))
    return problems
