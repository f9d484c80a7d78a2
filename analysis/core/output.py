"""Files the project writes for people to open: CSV that is safe in a spreadsheet, and output folders checked first.

Every CSV the project writes goes through :func:`csv_text` (or :func:`write_csv`), so two promises hold
everywhere:

- **No formula runs when the file is opened.** A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or
  a carriage return (the OWASP list for CSV injection; the full-width forms are added because some spreadsheet
  programs accept them too) gets a leading apostrophe: ``=HYPERLINK(…)`` is written ``'=HYPERLINK(…)``, which
  a spreadsheet shows as text and a person still reads. Numbers are numbers, not text, and are never touched,
  so a negative mean stays a negative number.
- **Two dialects, chosen by the caller.** ``plain`` is the machine format (comma, dot decimals, UTF-8, full
  precision): what scripts and the project's own readers read back. ``excel_nb`` is what Norwegian Excel opens
  with a double click: semicolon separator, decimal comma, a byte-order mark so the letters æ, ø and å
  survive, CRLF line ends and numbers rounded half up to a fixed number of decimals.

Output folders: :func:`output_folder` turns every reason a folder cannot be written (it is a file, a parent
is a file, no permission, read-only) into one Norwegian line, before anything has been written.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from analysis.core.errors import InputError, Problem
from analysis.core.rounding import BINARY_NOISE as _NOISE

Dialect = Literal["plain", "excel_nb"]

FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""Characters that make a spreadsheet read a cell as a formula when they open it (OWASP, plus full-width forms)."""

NEUTRALISER = "'"
"""What is put in front of such a cell: an apostrophe, which spreadsheets show as text and people can read past."""

EXCEL_SEPARATOR = ";"
EXCEL_DECIMAL = ","
BINARY_NOISE = float(_NOISE)


_CR = r"\r\n?"


def neutralise(text: str) -> str:
    """``text`` made safe to open in a spreadsheet: a leading apostrophe where it would start a formula."""
    return NEUTRALISER + text if text.startswith(FORMULA_PREFIXES) else text


def _neutralised(column: pd.Series) -> pd.Series:
    """A column with every text cell that would start a formula prefixed; numbers and blanks untouched.

    Line breaks inside a cell become a plain LF, which the writer always quotes: a lone CR would otherwise
    be written bare and split the row for every reader.
    """
    if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
        return column
    if pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty"):
        risky = column.str.startswith(FORMULA_PREFIXES, na=False)
        if risky.any():
            column = column.where(~risky, NEUTRALISER + column.astype(str))
        if column.str.contains("\r", regex=False, na=False).any():
            column = column.str.replace(_CR, "\n", regex=True)
        return column
    return column.map(lambda v: neutralise(v).replace("\r\n", "\n").replace("\r", "\n") if isinstance(v, str) else v)


def round_half_up_array(values: pd.Series, decimals: int) -> pd.Series:
    """Halves away from zero, vectorised, with the binary nudge of :mod:`analysis.core.rounding`.

    1.15 is stored as 1.149999…; scaled by ten it is 11.499999…, and the nudge of 1e-9 (scaled alike) lifts it
    over the half, as :func:`analysis.core.rounding.round_half_up` does, so both agree.
    """
    scale = 10.0**decimals
    magnitude = np.floor(np.abs(values.to_numpy(dtype=float)) * scale + 0.5 + BINARY_NOISE * scale) / scale
    rounded = np.copysign(magnitude, values.to_numpy(dtype=float))
    rounded = np.where(rounded == 0, 0.0, rounded)  # no −0,0
    return pd.Series(rounded, index=values.index)


def _excel_column(column: pd.Series, decimals: int) -> pd.Series:
    if pd.api.types.is_bool_dtype(column):
        return column.map({True: "ja", False: "nei"})
    if pd.api.types.is_float_dtype(column):
        return round_half_up_array(column, decimals)
    return column


def _prepared(frame: pd.DataFrame, dialect: Dialect, decimals: int, headers: Mapping[str, str] | None) -> pd.DataFrame:
    names = headers or {}
    source = frame.reset_index(drop=True)
    out = pd.DataFrame({k: _neutralised(source.iloc[:, k]) for k in range(source.shape[1])}, index=source.index)
    if dialect == "excel_nb":
        out = pd.DataFrame({k: _excel_column(out.iloc[:, k], decimals) for k in range(out.shape[1])})
    out.columns = pd.Index([neutralise(str(names.get(str(c), c))) for c in frame.columns], dtype=object)
    return out


def _options(dialect: Dialect, decimals: int) -> dict[str, Any]:
    if dialect == "excel_nb":
        return {
            "sep": EXCEL_SEPARATOR,
            "decimal": EXCEL_DECIMAL,
            "float_format": f"%.{decimals}f",
            "lineterminator": "\r\n",
            "quoting": csv.QUOTE_MINIMAL,
            "encoding": "utf-8-sig",
        }
    return {"lineterminator": "\n", "quoting": csv.QUOTE_MINIMAL, "encoding": "utf-8"}


def csv_text(
    frame: pd.DataFrame,
    *,
    dialect: Dialect = "plain",
    decimals: int = 1,
    headers: Mapping[str, str] | None = None,
) -> str:
    """The frame as CSV text with every text cell neutralised; ``headers`` renames columns on the way out.

    ``decimals`` applies to the ``excel_nb`` dialect only (the plain dialect keeps full precision, so a
    value read back is the value written). Missing values are empty cells in both. The text has no
    byte-order mark; :func:`csv_bytes` and :func:`write_csv` add it for Excel.
    """
    options = _options(dialect, decimals)
    options.pop("encoding")
    text: str = _prepared(frame, dialect, decimals, headers).to_csv(index=False, **options)
    return text


def csv_bytes(
    frame: pd.DataFrame,
    *,
    dialect: Dialect = "plain",
    decimals: int = 1,
    headers: Mapping[str, str] | None = None,
) -> bytes:
    """:func:`csv_text` encoded for a file: UTF-8, with a byte-order mark in the Excel dialect."""
    text = csv_text(frame, dialect=dialect, decimals=decimals, headers=headers)
    return text.encode("utf-8-sig" if dialect == "excel_nb" else "utf-8")


def write_csv(
    frame: pd.DataFrame,
    path: Path,
    *,
    dialect: Dialect = "plain",
    decimals: int = 1,
    headers: Mapping[str, str] | None = None,
) -> Path:
    """Write ``frame`` as a spreadsheet-safe CSV file (see :func:`csv_text`), streamed; returns the path."""
    _prepared(frame, dialect, decimals, headers).to_csv(path, index=False, **_options(dialect, decimals))
    return path


# ------------------------------------------------------------------------------------ output folders
def _folder_problem(path: Path) -> str | None:
    """Why ``path`` cannot be used as an output folder (None when it can), without creating anything."""
    if path.exists() and not path.is_dir():
        return "finnes allerede som en fil; velg en mappe med --out"
    probe = path
    while not probe.exists():
        if probe.parent == probe:
            return "kan ikke opprettes (finner ingen overordnet mappe)"
        probe = probe.parent
    if not probe.is_dir():
        return f"kan ikke opprettes fordi «{probe.name}» er en fil, ikke en mappe"
    if not os.access(probe, os.W_OK | os.X_OK):
        where = "mappen" if probe == path else f"mappen «{probe}»"
        return f"kan ikke skrives til: {where} er skrivebeskyttet eller du mangler tilgang"
    return None


def check_output_folder(path: Path | str) -> None:
    """Raise InputError (one Norwegian line) when ``path`` cannot become an output folder; creates nothing.

    Commands call this before reading their input, so a wrong ``--out`` is reported at once, and
    :func:`output_folder` when they are ready to write.
    """
    problem = _folder_problem(Path(path))
    if problem is not None:
        raise InputError([Problem(str(path), problem)])


def output_folder(path: Path | str) -> Path:
    """Create ``path`` as a folder one can write to, or raise InputError with one Norwegian line saying why not.

    Nothing is left behind when the check fails; a probe file shows that writing really works (``os.access``
    alone is wrong for root and on some network drives).
    """
    folder = Path(path)
    problem = _folder_problem(folder)
    if problem is None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            problem = f"kan ikke skrives til ({exc.strerror or type(exc).__name__})"
    if problem is not None:
        raise InputError([Problem(str(folder), problem)])
    return folder
