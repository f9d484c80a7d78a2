"""Command line: ``python -m analysis <command> ...``.

Each command lives in the module that holds its logic; that module exposes ``register_cli(subparsers)``.
This file only assembles them and turns :class:`InputError` into one line per problem and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from analysis import validate
from analysis.anonymise import engine as anonymise_engine
from analysis.cases import cli as cases_cli
from analysis.core.argparse_nb import NorwegianArgumentParser
from analysis.core.errors import EXIT_BAD_INPUT, InputError
from analysis.factors import cli as factors_cli
from analysis.fidelity import cli as fidelity_cli
from analysis.privacy import cli as privacy_cli
from analysis.reproduce import audit, datapackage, generate, report

# The modules that contribute commands, in the order --help lists them; each has register_cli(subparsers).
COMMAND_MODULES = (
    generate,
    validate,
    audit,
    datapackage,
    factors_cli,
    report,
    fidelity_cli,
    anonymise_engine,
    privacy_cli,
    cases_cli,
)


def build_parser() -> argparse.ArgumentParser:
    parser = NorwegianArgumentParser(
        prog="python -m analysis", description="Analysene bak rapportnettstedet om SE og IPS, fra kommandolinjen."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO", title="kommandoer")
    for module in COMMAND_MODULES:
        module.register_cli(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        for problem in exc.problems:
            print(f"feil: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
