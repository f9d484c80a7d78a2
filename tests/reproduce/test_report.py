"""The reproduction report and the audit as a reviewer runs them, on the real data and on copies with planted errors."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis.core.check_records import FIELDS, KINDS, unused_documentation
from analysis.fidelity.table1_checks import KNOWN as FIDELITY_KNOWN
from analysis.questionnaire.published_checks import CALIBRATION_LIMITS, DERIVED_FINDINGS
from analysis.questionnaire.published_consistency import KNOWN as QUESTIONNAIRE_KNOWN
from analysis.reproduce import report

ROOT = Path(__file__).resolve().parents[2]
PLANTED = {
    # file → {numeric column → the column whose transcription check must name the change}
    "fidelity_item_means.csv": {"item": "mean", "team": "mean", "mean": "mean", "decimals": "mean"},
    "background_inclusion.csv": {"code": "n", "n": "n", "pct": "pct", "decimals": "pct"},
    "change_3m.csv": {c: c for c in ("mean_incl", "sd_incl", "mean_3m", "sd_3m", "F", "df1", "df2")},
    "fidelity_totals.csv": {"team": "total", "total": "total", "decimals": "total"},
    "se_evidence.csv": {"value": "value"},
}
SEED = int(os.environ.get("SE_IPS_PLANT_SEED", time.time_ns() % 100_000))


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def real_report(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> tuple[int, dict, str]:
    target = tmp_path_factory.mktemp("rep") / "rep.json"
    result = _run("reproduce", "--json", str(target), env={"SE_IPS_SEEDS": str(seeds_dir)})
    return result.returncode, json.loads(target.read_text(encoding="utf-8")), result.stderr


def test_reproduce_writes_the_four_kinds_and_passes(real_report: tuple[int, dict, str]) -> None:
    code, rep, stderr = real_report
    assert code == 0, stderr
    assert set(rep) == {"checks", "summary"}
    assert list(rep["summary"]) == list(KINDS)
    assert all(list(c) == list(FIELDS) for c in rep["checks"])
    for kind in KINDS:
        part = [c for c in rep["checks"] if c["kind"] == kind]
        assert rep["summary"][kind] == {"n": len(part), "ok": sum(c["ok"] for c in part)} and part, kind
    numbers = [c for c in rep["checks"] if c["kind"] == "transcription" and not c["id"].endswith(".dekning")]
    assert len(numbers) >= 620 and all(c["ok"] for c in numbers)
    assert all(c["note"] for c in rep["checks"] if c["ok"] and "Dokumentert avvik" in c["note"])


def test_documented_disagreements_are_exactly_the_ones_met(real_report: tuple[int, dict, str]) -> None:
    _, rep, _ = real_report
    documented = [c for c in rep["checks"] if c["note"].startswith("Dokumentert avvik")]
    known = {**FIDELITY_KNOWN, **QUESTIONNAIRE_KNOWN, **CALIBRATION_LIMITS, **DERIVED_FINDINGS}
    assert sorted(c["id"] for c in documented) == sorted(known)
    # The round trip's one documented entry is the calibration limit, not a loosened tolerance.
    f_check = next(c for c in rep["checks"] if c["id"] == "tabell3.forventning_ikke_i_arbeid.F")
    assert f_check["kind"] == "round-trip" and f_check["tolerance"] == pytest.approx(0.0005)
    assert "Kalibreringsgrense" in f_check["note"]
    assert not unused_documentation(report.collect_checks(), known)


def _plant(frame: pd.DataFrame, row: int, column: str, rng: random.Random) -> str:
    """Change one digit of a cell, keeping the rest of its printed form."""
    text = frame.loc[row, column]
    positions = [k for k, ch in enumerate(text) if ch.isdigit()]
    k = rng.choice(positions)
    new = rng.choice([d for d in "0123456789" if d != text[k]])
    frame.loc[row, column] = text[:k] + new + text[k + 1 :]
    return f"{text} → {frame.loc[row, column]}"


def _copy_of_data(root: Path) -> Path:
    (root / "data").mkdir(parents=True)
    for part in (ROOT / "data").iterdir():
        if part.name == "generated":
            (root / "data" / "generated").symlink_to(part)
        elif part.is_dir():
            shutil.copytree(part, root / "data" / part.name)
        else:
            shutil.copy(part, root / "data" / part.name)
    return root


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_a_changed_digit_makes_reproduce_fail_naming_the_check(tmp_path: Path, seeds_dir: Path, name: str) -> None:
    """One digit changed in a random cell of every numeric column of the file, all at once, in distinct rows."""
    rng = random.Random(f"{SEED}-{name}")
    root = _copy_of_data(tmp_path / "root")
    path = root / "data" / "published" / name
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows = rng.sample(range(len(frame)), len(PLANTED[name]))
    planted = {}
    for row, (column, check_column) in zip(rows, PLANTED[name].items(), strict=True):
        change = _plant(frame, row, column, rng)
        planted[f"{name}:{row + 2}.{check_column}"] = f"{column}: {change}"
    frame.to_csv(path, index=False)
    target = tmp_path / "rep.json"
    result = _run("reproduce", "--json", str(target), env={"SE_IPS_ROOT": str(root), "SE_IPS_SEEDS": str(seeds_dir)})
    assert result.returncode == 1, f"seed {SEED}: {planted}"
    failed = {c["id"] for c in json.loads(target.read_text(encoding="utf-8"))["checks"] if not c["ok"]}
    for check_id, change in planted.items():
        assert check_id in failed, f"seed {SEED} (SE_IPS_PLANT_SEED): {change} not caught by {check_id}"
        assert re.search(rf"FEIL \[transcription\] {re.escape(check_id)}:", result.stderr), check_id


def test_without_the_seed_texts_transcription_fails_rather_than_vanishes(tmp_path: Path) -> None:
    target = tmp_path / "rep.json"
    result = _run("reproduce", "--json", str(target), env={"SE_IPS_SEEDS": str(tmp_path / "no-seeds")})
    assert result.returncode == 1
    summary = json.loads(target.read_text(encoding="utf-8"))["summary"]
    assert summary["transcription"]["n"] >= 620 and summary["transcription"]["ok"] == 0
    assert "kildetekstene finnes ikke" in result.stderr


def test_a_group_that_crashes_becomes_one_failed_check(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> list:
        raise KeyError("q99")

    monkeypatch.setattr(report, "collectors", lambda: [("test.group", "consistency", broken)])
    (check,) = report.collect_checks()
    assert not check.ok and check.kind == "consistency" and "KeyError" in check.note


def test_audit_lists_consistency_and_derived_checks_and_marks_findings() -> None:
    result = _run("audit", "--json")
    assert result.returncode == 0, result.stderr
    results = {r["id"]: r for r in json.loads(result.stdout)}
    assert {r["kind"] for r in results.values()} == {"consistency", "derived"}
    assert all(
        results[f"tabell1-sum-team{t}-{p}"]["ok"] for t in (1, 2) for p in ("inklusjon", "3mnd", "12mnd", "18mnd")
    )
    # «20 spørsmål» (L368) against 19 items is a documented finding: it passes as exactly that.
    assert results["fidelity-item-count"]["ok"] and results["fidelity-item-count"]["reproduced"] == "19"
    assert _run("audit", "--strict").returncode == 0
    text = _run("audit").stdout
    assert "FUNN fidelity-item-count" in text and "FEIL" not in text


def test_audit_strict_fails_on_a_disagreement_nobody_documented(tmp_path: Path) -> None:
    root = _copy_of_data(tmp_path / "root")
    totals = root / "data" / "published" / "fidelity_totals.csv"
    totals.write_text(totals.read_text(encoding="utf-8").replace("67.6", "67.9", 1), encoding="utf-8")
    result = _run("audit", "--strict", env={"SE_IPS_ROOT": str(root)})
    assert result.returncode == 1
    assert "FEIL tabell1-sum-team1-inklusjon" in result.stdout


def test_a_cause_shared_by_many_failures_is_said_once_with_a_count() -> None:
    from analysis.core.check_records import Check
    from analysis.reproduce.report import failure_lines

    def check(i: int, note: str) -> Check:
        return Check(
            id=f"c{i}",
            kind="transcription",
            source="s",
            quantity="q",
            published=1.0,
            reproduced=None,
            tolerance=0.0,
            ok=False,
            note=note,
        )

    failed = [check(i, "kildetekstene mangler") for i in range(20)] + [check(99, "annen grunn")]
    lines = failure_lines(failed, shown_per_note=3)
    assert len(lines) == 5
    assert lines[3].startswith("… og 17 kontroller til") and "kildetekstene mangler" in lines[3]
    assert "c99" in lines[4]
