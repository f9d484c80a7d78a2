"""The published SE/IPS numbers on the background page: checked on load, and bad rows refused clearly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.core.errors import InputError
from analysis.evidence.table import EVIDENCE_FILE, load_se_evidence, trial_chart, value


def test_real_file_loads_and_trial_numbers_agree_between_sources() -> None:
    evidence = load_se_evidence()
    assert evidence["evidence_id"].is_unique
    # 003 and 002 give the same two arms for the Norwegian IPS trial
    assert value(evidence, "E02") == value(evidence, "E04")
    assert value(evidence, "E03") == value(evidence, "E05")
    assert value(evidence, "E02") > value(evidence, "E03")


def test_trial_chart_describes_its_own_numbers() -> None:
    evidence = load_se_evidence()
    chart, table, description = trial_chart(evidence)
    assert list(table["prosent i arbeid"]) == [value(evidence, "E02"), value(evidence, "E03")]
    assert "prosentpoeng" in description
    chart.to_dict(validate=True)


def test_missing_id_is_an_error() -> None:
    with pytest.raises(KeyError):
        value(load_se_evidence(), "E99")


@pytest.mark.parametrize(
    ("column", "bad", "fragment"),
    [
        ("value", "trettisju", "ikke-negativt tall"),
        ("value", "137", "over 100"),
        ("unit", "stykk", "ukjent enhet"),
        ("source_ref", "003_c2171f8d69ff8a00.txt, Lysark, L900–905", "går utover"),
        ("evidence_id", "E01", "brukt før"),
    ],
)
def test_bad_rows_are_reported(tmp_path: Path, column: str, bad: str, fragment: str) -> None:
    path = tmp_path / "se_evidence.csv"
    shutil.copy(EVIDENCE_FILE, path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[2, column] = bad
    frame.to_csv(path, index=False)
    with pytest.raises(InputError) as caught:
        load_se_evidence(path, seeds_dir=None)
    hits = [p for p in caught.value.problems if fragment in p.message]
    assert hits and hits[0].row == 3 and hits[0].column == column
