"""``python -m analysis handouts --out DIR``: the printable case handouts as HTML, ready for Chromium to print.

The build writes them to ``_build/kurs`` and ``scripts/print_handouts.mjs`` prints each to PDF. A trainer
can point ``--cases`` at a folder of their own anonymised cases in the same format and print the result
from a browser.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.cases.handouts import write_handouts
from analysis.cases.parse import load_cases
from analysis.core.paths import CASES, rel


def run(args: argparse.Namespace) -> int:
    cases = load_cases(Path(args.cases))
    written = write_handouts(cases, Path(args.out))
    print(f"{len(cases)} arbeidsark og én samlefil skrevet til {rel(Path(args.out))} ({len(written)} filer).")
    return 0


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``handouts`` command to the ``python -m analysis`` parser."""
    parser = sub.add_parser("handouts", help="skriv ett arbeidsark (HTML, én A4-side) per case og ett med alle casene")
    parser.add_argument("--out", required=True, help="mappe for case-NN.html og alle-casene.html")
    parser.add_argument("--cases", default=str(CASES), help="mappe med casefilene (case-NN.md)")
    parser.set_defaults(func=run)
