"""``python -m analysis factors check|checklist``: validate the coded data, or write the checklist files."""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.core.paths import CODED, GENERATED, rel
from analysis.factors.checklist import readiness_checklist, write_checklist
from analysis.factors.load import load_all


def run(args: argparse.Namespace) -> int:
    data = load_all(Path(args.coded))
    if args.action == "check":
        print(
            f"{len(data.factors)} faktorer, {len(data.themes)} temaer og {len(data.recommendations)} "
            "anbefalinger er kontrollert uten feil."
        )
        return 0
    for kind, path in write_checklist(readiness_checklist(data), Path(args.out)).items():
        print(f"{kind}: {rel(path)}")
    return 0


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``factors`` command to the ``python -m analysis`` parser."""
    parser = sub.add_parser("factors", help="kontroller de kodede implementeringsfaktorene eller skriv sjekklisten")
    parser.add_argument(
        "action", choices=("check", "checklist"), help="check: kontroller filene; checklist: skriv sjekklisten"
    )
    parser.add_argument("--coded", default=str(CODED), help="mappe med coding_frame.yaml og CSV-filene")
    parser.add_argument("--out", default=str(GENERATED), help="hvor `checklist` skriver klar-for-oppstart.md/.csv")
    parser.set_defaults(func=run)
