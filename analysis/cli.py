"""Command line: ``python -m analysis <command> ...``.

Each command lives in the module that holds its logic; that module exposes ``register_cli(subparsers)``.
This file only assembles them and turns :class:`InputError` into one line per problem and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from analysis.core.errors import EXIT_BAD_INPUT, InputError

# Modules that contribute commands. A module missing here simply has no command yet.
COMMAND_MODULES: tuple[str, ...] = (
    "analysis.reproduce.generate",
    "analysis.validate",
    "analysis.reproduce.audit",
    "analysis.reproduce.datapackage",
    "analysis.factors.cli",
    "analysis.reproduce.report",
    "analysis.fidelity.cli",
    "analysis.anonymise.engine",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
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
