"""Copies of data/coded to break on purpose, and the problems load_all reports for them."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from analysis.core.errors import InputError, Problem
from analysis.core.paths import CODED
from analysis.factors import load_all

CODED_FILES = ("coding_frame.yaml", "implementation_factors.csv", "themes.csv", "recommendations.csv")
Change = Callable[[list[dict[str, str]]], None]


def copy_coded(tmp_path: Path) -> Path:
    target = tmp_path / "coded"
    target.mkdir()
    for name in CODED_FILES:
        shutil.copy(CODED / name, target / name)
    return target


def edit_csv(path: Path, change: Change, *, add_column: str | None = None) -> None:
    """Rewrite a CSV file after ``change`` has edited its rows (optionally with one more column)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    if add_column is not None:
        header.append(add_column)
        for row in rows:
            row[add_column] = ""
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def set_cell(row_index: int, column: str, value: str) -> Change:
    def change(rows: list[dict[str, str]]) -> None:
        rows[row_index][column] = value
    return change


def problems_of(directory: Path, **kwargs: object) -> list[Problem]:
    """The problems load_all raises for ``directory`` (the test fails if it raises none)."""
    with pytest.raises(InputError) as caught:
        load_all(directory, **kwargs)  # type: ignore[arg-type]
    return caught.value.problems
