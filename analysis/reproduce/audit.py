"""``python -m analysis audit``: the published tables checked against themselves, every check reported.

Unlike the reproduction report, a failing audit check is a finding about the source (an inconsistency the
report contains), not a failure of this project, so the command lists them and exits 0 unless asked
``--strict``.
"""

from __future__ import annotations

import argparse
import json
import sys

from analysis.core.check_records import AuditResult


def collect_audit() -> list[AuditResult]:
    from analysis.fidelity import table1_checks as fidelity_checks
    from analysis.questionnaire import published_checks as questionnaire

    return [*fidelity_checks.audit_checks(), *questionnaire.audit_checks()]


def _run(args: argparse.Namespace) -> int:
    results = collect_audit()
    if args.json:
        print(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        for r in results:
            print(f"{'OK ' if r.ok else 'AVVIK'} {r.id}: {r.description} (ventet {r.expected}, fant {r.observed})")
    failed = sum(not r.ok for r in results)
    print(f"{len(results) - failed} av {len(results)} kontroller uten avvik", file=sys.stderr)
    return 1 if args.strict and failed else 0


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("audit", help="check the published tables against themselves")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any check finds an inconsistency")
    parser.set_defaults(func=_run)
