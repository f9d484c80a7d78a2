"""One reader for the tabular files users bring: .csv, .xlsx and SPSS .sav/.zsav, with one set of messages.

A NAV team's answers and a researcher's questionnaire export arrive in whatever their software wrote: a
semicolon CSV from Norwegian Excel, a workbook whose answers sit on the second sheet, an SPSS file. The
domain readers (fidelity answers, questionnaire files) only check content; opening the file, finding the
sheet, naming blank header cells and numbering rows as the user sees them happens here, once.

Row numbers: in .csv/.xlsx the header is row 1 and the first answer row 2; in .sav, case 1 is row 1.
Wholly empty rows are dropped (spreadsheets keep formatted empty rows below the answers) but keep their
numbering, so a message points at the row the user sees.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.core.errors import InputError, Problem
from analysis.core.files import NOT_UTF8, check_readable, shown_name

SPREADSHEET_SUFFIXES = (".csv", ".xlsx")
SPSS_SUFFIXES = (".sav", ".zsav")
SUFFIXES = SPREADSHEET_SUFFIXES + SPSS_SUFFIXES
BOM = "\ufeff".encode()


@dataclass(frozen=True)
class Cells:
    """A file's cells as text, wholly empty rows dropped, indexed by the row number the user sees."""

    frame: pd.DataFrame
    path: Path
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    """Every sheet of a workbook in order (empty for .csv and .sav): messages name the ones not read."""

    @property
    def name(self) -> str:
        return shown_name(self.path)


def blank_header(position: int) -> str:
    """The name given to a column whose header cell is empty, pointing at the spreadsheet column letter."""
    letters = ""
    n = position + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f"(tom overskrift i kolonne {letters})"


def _unsupported(path: Path) -> InputError:
    suffix = path.suffix or "uten endelse"
    return InputError([Problem(shown_name(path), f"filtypen «{suffix}» støttes ikke; bruk .csv, .xlsx eller .sav")])


def _check(path: Path, suffixes: tuple[str, ...]) -> None:
    """A file that is there, of a type this reader knows, and not empty (in that order: the type says most)."""
    check_readable(path, allow_empty=True)
    if path.suffix.lower() not in suffixes:
        raise _unsupported(path)
    check_readable(path)


def _name_columns(header: list[Any]) -> list[str]:
    return [blank_header(i) if str(h).strip() in ("", "nan", "None") else str(h).strip() for i, h in enumerate(header)]


def is_blank_header(name: str) -> bool:
    """Whether a column name is the one :func:`blank_header` gives a column without a header cell."""
    return name.startswith("(tom overskrift i kolonne ")


def _with_header(rows: pd.DataFrame, first_row: int) -> pd.DataFrame:
    """First row as header, the rest as text cells indexed by their row number; empty rows dropped.

    A column with neither a header nor any value (a spreadsheet's stray empty column) is dropped too; a
    column with values but no header keeps the name :func:`blank_header` gives it, so a message can point
    at its letter.
    """
    if rows.empty:
        return pd.DataFrame()
    header = _name_columns(list(rows.iloc[0]))
    body = rows.iloc[1:]
    if body.isna().to_numpy().any():  # short rows, or empty workbook cells; a clean CSV is not copied
        body = body.fillna("")
    body.columns = header
    body.index = range(first_row, first_row + len(body))
    stray = [k for k, name in enumerate(header) if is_blank_header(name) and _all_blank(body.iloc[:, k])]
    if stray:
        body = body.iloc[:, [k for k in range(len(header)) if k not in stray]]
    return drop_empty_rows(body)


def _all_blank(column: pd.Series) -> bool:
    filled = column[column != ""]
    return bool(filled.empty or filled.astype(str).str.strip().eq("").all())


def drop_empty_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows where every cell is blank are not answers (a spreadsheet's formatted empty rows).

    Built for a million rows: a row is settled as soon as one of its cells holds something other than white
    space, so in a normal file only the first column is ever looked at closely.
    """
    if frame.empty:
        return frame
    undecided = np.ones(len(frame), dtype=bool)
    for k in range(frame.shape[1]):
        if not undecided.any():
            break
        column = frame.iloc[:, k].to_numpy()[undecided]
        text = pd.Series(column, dtype=object).astype(str)
        filled = np.array(text != "", dtype=bool)
        if filled.any():
            filled[filled] = ~np.array(text[filled].str.isspace(), dtype=bool)
        positions = np.flatnonzero(undecided)
        undecided[positions[filled]] = False
    return frame.loc[~undecided] if undecided.any() else frame


def _read_csv(path: Path) -> pd.DataFrame:
    data = path.read_bytes()
    body = data.removeprefix(BOM)
    try:
        header = body.split(b"\n", 1)[0].decode("utf-8")
    except UnicodeDecodeError:
        raise InputError([Problem(shown_name(path), NOT_UTF8)]) from None
    if not body.strip():
        raise InputError([Problem(shown_name(path), "filen er tom")])
    separator = max((";", ",", "\t"), key=header.count)
    try:
        # pandas' C parser reads a million rows in seconds straight from the bytes; every cell stays text and
        # blank lines keep their number.
        grid = pd.read_csv(
            io.BytesIO(body),
            sep=separator,
            header=None,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            encoding="utf-8",
        )
    except UnicodeDecodeError:
        raise InputError([Problem(shown_name(path), NOT_UTF8)]) from None
    except (pd.errors.ParserError, ValueError):
        # Rows longer than the header: the csv module takes them, and the extra cells get blank headers.
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError([Problem(shown_name(path), NOT_UTF8)]) from None
        rows = list(csv.reader(io.StringIO(text), delimiter=separator))
        width = max(len(r) for r in rows)
        grid = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=str)
    del data, body
    return _with_header(grid, first_row=2)


def _sheet_score(grid: pd.DataFrame, expected: Collection[str]) -> int:
    if grid.empty:
        return 0
    header = {str(h).strip() for h in grid.iloc[0]}
    return len(header & set(expected))


def _read_xlsx(path: Path, expected: Collection[str]) -> tuple[pd.DataFrame, str, tuple[str, ...]]:
    name = shown_name(path)
    if not zipfile.is_zipfile(path):
        raise InputError(
            [Problem(name, "er ikke en gyldig .xlsx-fil (ødelagt, eller en annen filtype med feil endelse)")]
        )
    sheets: dict[str, pd.DataFrame] = pd.read_excel(path, sheet_name=None, header=None, dtype=str, engine="openpyxl")
    if not sheets:
        raise InputError([Problem(name, "arbeidsboken har ingen ark")])
    names = list(sheets)
    chosen = names[0]
    if expected:
        scores = {sheet: _sheet_score(grid, expected) for sheet, grid in sheets.items()}
        best = max(scores.values())
        if best == 0:
            seen = ", ".join(f"«{s}»" for s in names)
            raise InputError(
                [
                    Problem(
                        name,
                        f"fant ikke svarkolonnene (for eksempel «{next(iter(expected))}») i første rad "
                        f"på noe ark; arkene i filen: {seen}",
                    )
                ]
            )
        chosen = next(sheet for sheet in names if scores[sheet] == best)
    return _with_header(sheets[chosen], first_row=2), chosen, tuple(names)


def _spss_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_spss(path: Path, *, user_missing: bool = True) -> tuple[pd.DataFrame, Any]:
    """An SPSS file's values and pyreadstat metadata (value labels, declared missing codes), cases from row 1."""
    import pyreadstat

    _check(path, SPSS_SUFFIXES)
    try:
        frame, meta = pyreadstat.read_sav(str(path), user_missing=user_missing)
    except Exception as exc:  # pyreadstat raises several types; the user needs the reason, not a traceback
        reason = str(exc) or type(exc).__name__
        raise InputError(
            [
                Problem(
                    shown_name(path),
                    f"kunne ikke leses som SPSS-fil (skadet, avkortet eller en annen filtype?): {reason[:160]}",
                )
            ]
        ) from None
    frame.index = range(1, len(frame) + 1)
    return frame, meta


def read_cells(path: Path, *, expected_columns: Collection[str] = ()) -> Cells:
    """Every cell of a .csv, .xlsx or .sav file as text, indexed by the row number the user sees.

    ``expected_columns`` lets a workbook with several sheets be read from the sheet whose first row holds
    the most of them; when no sheet has any, the message names the sheets that were there.
    """
    _check(path, SUFFIXES)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return Cells(_read_csv(path), path)
        if suffix == ".xlsx":
            frame, sheet, names = _read_xlsx(path, expected_columns)
            return Cells(frame, path, sheet, names)
        values, _meta = read_spss(path, user_missing=False)
        text = values.astype(object).apply(lambda col: col.map(_spss_cell))
        return Cells(drop_empty_rows(text), path)
    except InputError:
        raise
    except Exception as exc:  # a reader's own error: name it, never a traceback
        raise InputError(
            [Problem(shown_name(path), f"kunne ikke leses ({type(exc).__name__}: {str(exc)[:160]})")]
        ) from None
