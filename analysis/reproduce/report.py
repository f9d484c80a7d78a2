"""``python -m analysis reproduce``: every published number the project recomputes, set against the source.

Checks are defined next to the code that recomputes them (fidelity.table1_checks,
questionnaire.published_checks); this module collects them, writes the JSON report and fails (exit 1) if any
check is outside its tolerance.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from analysis.core.check_records import Check


def collect_checks() -> list[Check]:
    from analysis.fidelity import table1_checks as fidelity_checks
    from analysis.questionnaire import published_checks as questionnaire

    checks = [*fidelity_checks.reproduction_checks(), *questionnaire.reproduction_checks()]
    ids = [c.id for c in checks]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"reproduction check ids are not unique: {duplicates[:10]}")
    return checks


def report(checks: list[Check]) -> dict[str, Any]:
    rows = [c.as_dict() for c in checks]
    return {"checks": rows, "summary": {"total": len(rows), "ok": sum(1 for r in rows if r["ok"])}}


def _run(args: argparse.Namespace) -> int:
    result = report(collect_checks())
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if args.json:
        target = Path(args.json)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(target)
    summary = result["summary"]
    print(f"{summary['ok']} av {summary['total']} publiserte tall reprodusert innenfor toleransen", file=sys.stderr)
    for row in result["checks"]:
        if not row["ok"]:
            print(
                f"AVVIK {row['id']}: publisert {row['published']}, reprodusert {row['reproduced']} "
                f"(toleranse {row['tolerance']})",
                file=sys.stderr,
            )
    return 0 if summary["ok"] == summary["total"] else 1


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("reproduce", help="recompute every published number and compare (exit 1 on any miss)")
    parser.add_argument("--json", metavar="PATH", help="write the full report as JSON to PATH")
    parser.set_defaults(func=_run)
