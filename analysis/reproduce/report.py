"""``python -m analysis reproduce``: every check of the published numbers, by kind, and a verdict.

The checks are defined next to the code they concern (fidelity, questionnaire, evidence); this module
collects them in report order (transcription, consistency, derived, round-trip), writes the JSON report
``{"checks": [...], "summary": {kind: {"n", "ok"}}}``, prints every failing check and exits 1 if any fails.
A group of checks that cannot run (a missing file, a broken table) becomes one failing check that says
why; nothing disappears from the report.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from analysis.core.check_records import KINDS, Check, Kind, not_run, summary

Collector = tuple[str, Kind, Callable[[], list[Check]]]


def collectors() -> list[Collector]:
    """(name, kind, function) of every group of checks, in report order."""
    from analysis.evidence import transcription as evidence
    from analysis.fidelity import table1_checks, table1_transcription
    from analysis.questionnaire import published_checks, published_consistency, published_transcription

    return [
        ("fidelity.table1_transcription", "transcription", table1_transcription.transcription_checks),
        ("questionnaire.published_transcription", "transcription", published_transcription.transcription_checks),
        ("evidence.transcription", "transcription", evidence.transcription_checks),
        ("fidelity.table1_checks.consistency", "consistency", table1_checks.consistency_checks),
        ("questionnaire.published_consistency", "consistency", published_consistency.consistency_checks),
        ("questionnaire.published_checks.derived", "derived", published_checks.derived_checks),
        ("fidelity.table1_checks.round_trip", "round-trip", table1_checks.round_trip_checks),
        ("questionnaire.published_checks.round_trip", "round-trip", published_checks.round_trip_checks),
    ]


def collect_checks(kinds: tuple[Kind, ...] = KINDS) -> list[Check]:
    """Every check, sorted by kind in report order; a group that raises becomes one failed check."""
    checks: list[Check] = []
    for name, kind, collect in collectors():
        try:
            checks.extend(collect())
        except Exception as exc:  # a crash is reported as a failed check, never swallowed
            reason = f"kontrollene kunne ikke kjøres: {type(exc).__name__}: {exc}"
            checks.append(not_run(f"{name}.kjøring", kind, name, f"Alle kontrollene i {name}", reason))
    checks = _unique_ids(checks)
    order = {kind: k for k, kind in enumerate(KINDS)}
    return sorted((c for c in checks if c.kind in kinds), key=lambda c: order[c.kind])


def _unique_ids(checks: list[Check]) -> list[Check]:
    """Repeated ids (a key that occurs twice in a published file) get a suffix, and one failed check says so."""
    seen: Counter[str] = Counter()
    out = []
    for check in checks:
        seen[check.id] += 1
        out.append(check if seen[check.id] == 1 else replace(check, id=f"{check.id}#{seen[check.id]}"))
    repeated = sorted(i for i, n in seen.items() if n > 1)
    if repeated:
        reason = f"samme id brukt flere ganger (en nøkkel står to ganger i en datafil?): {', '.join(repeated[:5])}"
        out.append(
            not_run("rapport.unike-id", "consistency", "analysis.reproduce", "Hver kontroll har sin egen id", reason)
        )
    return out


def report(checks: list[Check]) -> dict[str, Any]:
    return {"checks": [c.as_dict() for c in checks], "summary": summary(checks)}


def describe_failure(check: Check) -> str:
    return (
        f"FEIL [{check.kind}] {check.id}: {check.quantity}; publisert {check.published}, funnet {check.reproduced}"
        + (f" ({check.note})" if check.note else "")
    )


def _run(args: argparse.Namespace) -> int:
    checks = collect_checks()
    result = report(checks)
    if args.json:
        target = Path(args.json)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(target)
    for kind, counts in result["summary"].items():
        print(f"{kind}: {counts['ok']} av {counts['n']} kontroller i orden", file=sys.stderr)
    failed = [c for c in checks if not c.ok]
    for line in failure_lines(failed):
        print(line, file=sys.stderr)
    return 1 if failed else 0


def failure_lines(failed: list[Check], *, shown_per_note: int = 5) -> list[str]:
    """One line per failed check, but a cause shared by many (missing seed texts) is said once with a count."""
    by_note: dict[str, list[Check]] = {}
    for check in failed:
        by_note.setdefault(check.note, []).append(check)
    lines: list[str] = []
    for note, group in by_note.items():
        lines += [describe_failure(c) for c in group[:shown_per_note]]
        if len(group) > shown_per_note:
            lines.append(f"… og {len(group) - shown_per_note} kontroller til med samme merknad: {note}")
    return lines


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "reproduce",
        help="kontroller hvert publiserte tall: avskrift, konsistens, avledet, rundtur (kode 1 ved feil)",
    )
    parser.add_argument("--json", metavar="STI", help="skriv hele rapporten som JSON til STI")
    parser.set_defaults(func=_run)
