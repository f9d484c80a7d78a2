"""``python -m analysis audit``: the published numbers checked against themselves and against what follows from them.

The consistency and derived checks of the reproduction report (no seed texts, no synthetic data): sums,
percentages, GRIM, degrees of freedom, significance marks, the text's figures from Tabell 3, the power
calculation. Each is printed as OK, FUNN (a documented disagreement in the source, which passes only as
exactly that) or FEIL (anything else). The command exits 0 unless asked ``--strict``, which fails on FEIL.
"""

from __future__ import annotations

import argparse
import json
import sys

from analysis.core.check_records import Check
from analysis.reproduce.report import collect_checks


def collect_audit() -> list[Check]:
    return collect_checks(("consistency", "derived"))


def label(check: Check) -> str:
    if not check.ok:
        return "FEIL"
    return "FUNN" if check.documented is not None else "OK"


def _run(args: argparse.Namespace) -> int:
    results = collect_audit()
    if args.json:
        print(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        for r in results:
            print(f"{label(r):4} {r.id}: {r.quantity} (publisert {r.published}, funnet {r.reproduced})")
    failed = sum(not r.ok for r in results)
    findings = sum(r.documented is not None for r in results)
    print(
        f"{len(results) - failed} av {len(results)} kontroller i orden, av dem {findings} dokumenterte avvik i kilden",
        file=sys.stderr,
    )
    return 1 if args.strict and failed else 0


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("audit", help="kontroller de publiserte tabellene mot seg selv")
    parser.add_argument("--json", action="store_true", help="skriv resultatene som JSON")
    parser.add_argument(
        "--strict", action="store_true", help="avslutt med kode 1 hvis en kontroll feiler (dokumenterte avvik godtas)"
    )
    parser.set_defaults(func=_run)
