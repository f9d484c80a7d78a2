"""Errors that reach a user as readable messages instead of tracebacks."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user's file, located as precisely as we can (1-based data row)."""

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", rad {self.row}"
        if self.column is not None:
            where += f", kolonne {self.column}"
        return f"{where}: {self.message}"


@dataclass
class InputError(Exception):
    """Raised with every problem found, so a user can fix a file in one pass rather than one error per run."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


EXIT_BAD_INPUT = 2
