"""SPSS files written twice from the same data are the same bytes, and still read back as written."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

from analysis.core.spss import FIXED_DATE, FIXED_TIME, fix_timestamp, write_sav


def test_the_same_data_give_the_same_bytes_whenever_written(tmp_path: Path) -> None:
    frame = pd.DataFrame({"id": ["a", "b"], "q1": [1.0, 3.0]})
    first = write_sav(frame, tmp_path / "a.sav", column_labels={"q1": "Spørsmål 1"})
    time.sleep(1.1)  # the header clock ticks in seconds
    second = write_sav(frame, tmp_path / "b.sav", column_labels={"q1": "Spørsmål 1"})
    assert first.read_bytes() == second.read_bytes()
    assert FIXED_DATE in first.read_bytes()[:200] and FIXED_TIME in first.read_bytes()[:200]
    back, meta = pyreadstat.read_sav(str(first))
    assert back.equals(frame) and meta.column_names_to_labels["q1"] == "Spørsmål 1"
    assert not list(tmp_path.glob("*.tmp"))


def test_only_spss_files_are_patched(tmp_path: Path) -> None:
    other = tmp_path / "x.sav"
    other.write_bytes(b"not an spss file at all" * 10)
    with pytest.raises(ValueError, match="not an SPSS system file"):
        fix_timestamp(other)
