"""The reproduction report and the audit as a reviewer runs them from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_reproduce_json_report(tmp_path: Path) -> None:
    target = tmp_path / "rep.json"
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "reproduce", "--json", str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(target.read_text(encoding="utf-8"))
    checks = report["checks"]
    assert report["summary"] == {"total": len(checks), "ok": sum(c["ok"] for c in checks)}
    assert set(checks[0]) == {"id", "source", "quantity", "published", "reproduced", "tolerance", "ok", "basis"}
    ids = {c["id"] for c in checks}
    assert sum(i.startswith("tabell1-q") for i in ids) == 152
    assert sum(i.startswith("tabell1-total") for i in ids) == 8
    assert all(c["tolerance"] > 0 and c["basis"] in {"published", "synthetic"} for c in checks)


def test_audit_reports_every_check_and_finds_the_known_inconsistencies() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "audit", "--json"], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert result.returncode == 0, result.stderr
    results = {r["id"]: r for r in json.loads(result.stdout)}
    assert all(
        results[f"tabell1-sum-team{t}-{p}"]["ok"] for t in (1, 2) for p in ("inklusjon", "3mnd", "12mnd", "18mnd")
    )
    assert results["fidelity-item-count"]["ok"] is False  # «20 spørsmål» vs 19 printed
    assert results["fidelity-zero-means"]["ok"] is False
    strict = subprocess.run(
        [sys.executable, "-m", "analysis", "audit", "--strict"], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert strict.returncode == 1
