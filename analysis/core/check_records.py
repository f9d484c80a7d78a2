"""Shared record types for the reproduction report and the consistency audit.

Domain modules (fidelity, questionnaire, ...) produce these; ``analysis.reproduce.report`` and
``analysis.reproduce.audit`` only collect and render them, so every check is defined next to its logic.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Literal

Basis = Literal["published", "synthetic"]


@dataclass(frozen=True)
class Check:
    """One published number set against the value this project recomputes."""

    id: str
    source: str
    quantity: str
    published: float
    reproduced: float | None
    tolerance: float
    basis: Basis

    @property
    def ok(self) -> bool:
        if self.reproduced is None or (isinstance(self.reproduced, float) and math.isnan(self.reproduced)):
            return False
        return abs(self.reproduced - self.published) <= self.tolerance + 1e-12

    def as_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["ok"] = self.ok
        return d


@dataclass(frozen=True)
class AuditResult:
    """One internal-consistency check of the published tables; reported whether it passes or not."""

    id: str
    source: str
    description: str
    expected: str
    observed: str
    ok: bool
    note: str = ""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
