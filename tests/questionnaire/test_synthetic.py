"""The synthetic candidate file: deterministic, calibrated to Tabell 2 and 3, labelled synthetic, no personal data."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pyreadstat
import pytest

from analysis.core.paths import ROOT
from analysis.questionnaire import summaries as q
from analysis.questionnaire.answers import load_candidates
from analysis.questionnaire.published import counts as published_counts
from analysis.questionnaire.published_checks import CALIBRATION_LIMITS, round_trip_checks
from analysis.questionnaire.synthetic import SEED, generate_candidates, write_sav


@pytest.fixture(scope="module")
def generated() -> tuple[pd.DataFrame, dict[str, Any], float]:
    start = time.perf_counter()
    frame, meta = generate_candidates()
    return frame, meta, time.perf_counter() - start


@pytest.fixture(scope="module")
def written(generated: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    frame, meta, _ = generated
    return write_sav(frame, meta, tmp_path_factory.mktemp("synth") / "candidates.sav")


@pytest.fixture(scope="module")
def data(written: Path) -> pd.DataFrame:
    return load_candidates(written).data


def test_same_seed_same_data_and_metadata(generated: Any) -> None:
    frame, meta, _ = generated
    again, meta_again = generate_candidates(SEED)
    pd.testing.assert_frame_equal(frame, again)
    assert meta == meta_again


def _digest(frame: pd.DataFrame, meta: dict[str, Any]) -> str:
    return hashlib.sha256(frame.to_csv().encode() + repr(meta).encode()).hexdigest()


def test_same_seed_same_data_in_another_process(generated: Any) -> None:
    """Set iteration order changes between processes (hash seed); the generator must not depend on it."""
    code = (
        "import hashlib; from analysis.questionnaire.synthetic import generate_candidates; "
        "f, m = generate_candidates(); "
        "print(hashlib.sha256(f.to_csv().encode() + repr(m).encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == _digest(generated[0], generated[1])


def test_other_seed_other_people_same_published_counts() -> None:
    frame, _ = generate_candidates(SEED + 1)
    first, _ = generate_candidates(SEED)
    assert not frame.equals(first)
    counts = q.background_counts(frame.replace({98: pd.NA, 99: pd.NA}))
    merged = published_counts().merge(counts, on=["variable", "code", "group"], suffixes=("", "_rep"))
    assert (merged["n"] == merged["n_rep"]).all()


def test_a_written_file_gives_tabell2_and_3_back(written: Path) -> None:
    """Round trip through the .sav file: every check passes, the one calibration limit only as documented."""
    checks = round_trip_checks(written)
    assert len(checks) == 180 + 16 + 13 * 5 and all(c.kind == "round-trip" for c in checks)
    assert [c for c in checks if not c.ok] == []
    assert sorted(c.id for c in checks if c.documented is not None) == sorted(CALIBRATION_LIMITS)


def test_file_says_it_is_synthetic_and_keeps_labels(written: Path) -> None:
    frame, meta = pyreadstat.read_sav(str(written), user_missing=True)
    assert "SYNTHETIC" in meta.file_label
    assert any("SYNTHETIC" in line for line in meta.notes)
    assert meta.variable_value_labels["q07_t0"][8.0] == "Vet ikke/usikker"
    assert meta.variable_value_labels["q07_t0"][99.0] == "Ikke svart"
    assert {r["lo"] for r in meta.missing_ranges["q07_t0"]} == {98.0, 99.0}
    assert {r["lo"] for r in meta.missing_ranges["q04_t0"]} == {998.0, 999.0}
    assert meta.column_names_to_labels["q02_t0"].startswith("2. Er du i arbeid?")
    assert load_candidates(written).synthetic


def test_routed_items_are_coded_not_applicable(generated: Any) -> None:
    frame = generated[0]
    not_in_work = frame["q02_t0"] == 2
    assert (frame.loc[not_in_work, "q12_t0"] == 98).all()
    assert (frame.loc[~not_in_work, "q23_t0"] == 98).all()
    assert frame.loc[frame["gruppe"] != 1, [c for c in frame.columns if c.endswith("_t3")]].isna().all().all()


def _passes_mod11(digits: str) -> bool:
    n = [int(c) for c in digits]
    for weights, pos in (((3, 7, 6, 1, 8, 9, 4, 5, 2), 9), ((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), 10)):
        check = 11 - sum(w * d for w, d in zip(weights, n, strict=False)) % 11
        if (0 if check == 11 else check) != n[pos]:
            return False
    return True


def test_no_value_looks_like_a_national_identity_number(generated: Any) -> None:
    frame, meta, _ = generated
    text = frame.astype(str).to_string() + repr(meta)
    runs = re.findall(r"(?<!\d)\d{11}(?!\d)", text)
    assert not [r for r in runs if _passes_mod11(r)]
    assert frame["id"].str.fullmatch(r"syn-\d{3}").all()
