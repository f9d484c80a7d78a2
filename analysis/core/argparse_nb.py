"""The command line in Norwegian: argparse's own words («usage», «options», its error messages) translated.

NAV staff read ``--help`` and the error lines; the help texts of each command are written in Norwegian where
the command is defined, and this parser class translates what argparse itself prints. Subcommands inherit the
class (argparse builds them with the parent's class), so every level of ``python -m analysis …`` speaks
Norwegian.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

_ERRORS = (
    (re.compile(r"^the following arguments are required: (.*)$"), r"dette mangler: \1"),
    (re.compile(r"^argument (.*?): invalid choice: (.*?) \(choose from (.*)\)$"), r"\1: ugyldig valg \2 (velg \3)"),
    (re.compile(r"^argument (.*?): expected one argument$"), r"\1 må ha en verdi"),
    (re.compile(r"^unrecognized arguments: (.*)$"), r"ukjente argumenter: \1"),
    (re.compile(r"^argument (.*?): (.*)$"), r"\1: \2"),
)


def norwegian_error(message: str) -> str:
    """argparse's English error message in Norwegian (unknown messages pass through unchanged)."""
    for pattern, replacement in _ERRORS:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


class NorwegianHelpFormatter(argparse.HelpFormatter):
    """argparse's help with a Norwegian «bruk:» line."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="bruk: " if prefix is None else prefix)


class NorwegianArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose section titles, -h/--help and usage errors are Norwegian."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", NorwegianHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "valg"
        self.add_argument("-h", "--help", action="help", help="vis denne hjelpeteksten og avslutt")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: feil: {norwegian_error(message)}\n")
