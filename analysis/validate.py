"""``python -m analysis validate FILE --instrument NAME``: check a user's file against a codebook.

Prints every problem with row and column and exits 2 when there are any; prints a one-line confirmation and
exits 0 otherwise. Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.core.errors import InputError

INSTRUMENTS = ("se_fidelity_no", "jobbmestring_no")


def validate(path: Path, instrument: str) -> list[str]:
    """Warnings for a valid file; raises InputError with every problem otherwise."""
    if instrument == "se_fidelity_no":
        from analysis.fidelity.answers import read_answers

        answers = read_answers(path)
        return [*answers.warnings, f"{path}: {len(answers.frame)} svarrader er gyldige for se_fidelity_no"]
    from analysis.questionnaire.summaries import validate_file

    problems = validate_file(path)
    if problems:
        raise InputError(list(problems))
    return [f"{path}: gyldig for jobbmestring_no"]


def _run(args: argparse.Namespace) -> int:
    for line in validate(Path(args.file), args.instrument):
        print(line, file=sys.stderr)
    return 0


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("validate", help="kontroller en .sav/.csv/.xlsx-fil mot kodeboken til et skjema")
    parser.add_argument("file", metavar="FIL", help="fila som skal kontrolleres")
    parser.add_argument("--instrument", required=True, choices=INSTRUMENTS, help="skjemaet fila skal følge")
    parser.set_defaults(func=_run)
