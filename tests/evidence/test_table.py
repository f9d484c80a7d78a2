"""The published SE/IPS numbers on the background page: checked on load, and bad rows refused clearly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.core.errors import InputError
from analysis.core.paths import PUBLISHED
from analysis.core.sources import text_figures
from analysis.evidence.table import EVIDENCE_FILE, load_se_evidence, trial_chart, value
from analysis.evidence.transcription import transcription_checks


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
        ("printed", "37% i jobb", "nøyaktig ett tall"),
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


def test_every_figure_quoted_from_running_text_is_on_its_line(seeds_dir: Path) -> None:
    checks = transcription_checks(seeds=seeds_dir)
    assert len(checks) == len(load_se_evidence()) + len(text_figures())
    assert all(c.ok and c.kind == "transcription" for c in checks), [c.note for c in checks if not c.ok]


@pytest.mark.parametrize(
    ("file", "key", "column", "value", "fragment"),
    [
        ("se_evidence.csv", "E02", "value", "27", "trykt er 37"),  # the other arm's number, on the same line
        ("se_evidence.csv", "E02", "printed", "[38]% i jobb etter 18 mnd", "står ikke på"),
        (
            "se_evidence.csv",
            "E13",
            "source_ref",
            "004_55431284ded43f19.txt, 1.2 Jobbspesialister i NAV, L260",
            "står ikke",
        ),
        ("text_figures.csv", "wilks_lambda", "value", "0.25", "trykt er 0.26"),
    ],
)
def test_a_changed_figure_or_phrase_fails(
    tmp_path: Path, seeds_dir: Path, file: str, key: str, column: str, value: str, fragment: str
) -> None:
    shutil.copytree(PUBLISHED, tmp_path, dirs_exist_ok=True)
    frame = pd.read_csv(tmp_path / file, dtype=str, keep_default_na=False)
    frame.loc[frame.iloc[:, 0] == key, column] = value
    frame.to_csv(tmp_path / file, index=False)
    failed = [c for c in transcription_checks(tmp_path, seeds=seeds_dir) if not c.ok]
    assert len(failed) == 1 and fragment in failed[0].note, [c.note for c in failed]
