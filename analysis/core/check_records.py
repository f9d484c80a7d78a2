"""Check records: what a check compared, and what kind of evidence the comparison is.

Four kinds, never mixed in one headline (DESIGN.md, «Say what each check proves»):

- ``transcription``: a number in ``data/published/`` is printed, as given, at the seed line its ``source``
  cites. Read by a parser of that line, never from a copy of the value. The only proof that the data are
  the source's.
- ``consistency``: the published tables against themselves (sums, percentages against n, GRIM, df against
  group sizes, significance marks against p).
- ``derived``: a number computed from published aggregates only (p from F and df, Λ and η² from F, d_z from
  F); the G*Power sample size too, but only under an assumed correlation, which the check names.
- ``round-trip``: the synthetic files regenerate the tables. A regression test of readers, scorers and
  generators; no evidence about the source, because the synthetic data were calibrated to the tables.

A check that meets a disagreement the project has documented (an inconsistency in the source, or a limit
of the synthetic calibration) passes only when the disagreement is exactly the documented one: the
registered observation, with the source line that shows it. Any other disagreement fails.

Domain modules build these records next to their logic; ``analysis.reproduce`` only collects and renders.
"""

from __future__ import annotations

import math
import numbers
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from analysis.core.rounding import round_half_up

Kind = Literal["transcription", "consistency", "derived", "round-trip"]
KINDS: tuple[Kind, ...] = ("transcription", "consistency", "derived", "round-trip")
"""Report order: the independent evidence first, the test of the code last."""

FIELDS = ("id", "kind", "source", "quantity", "published", "reproduced", "tolerance", "ok", "note")
"""The keys of one check in ``python -m analysis reproduce --json``, in order; nothing else is written."""

Value = float | str | None


@dataclass(frozen=True)
class Documented:
    """A known disagreement: which check meets it, where the source shows it, what the check observes, and why."""

    check_id: str
    source: str
    observed: str
    explanation: str

    def matches(self, value: Value) -> bool:
        """Whether ``value`` is the registered observation (a float compared at the registered decimals)."""
        if isinstance(value, float):
            if not math.isfinite(value):
                return False
            decimals = len(self.observed.split(".")[1]) if "." in self.observed else 0
            return str(round_half_up(value, decimals)) == self.observed
        return str(value) == self.observed


@dataclass(frozen=True)
class Check:
    """One comparison and its verdict; ``documented`` is set when it passes only as a documented disagreement."""

    id: str
    kind: Kind
    source: str
    quantity: str
    published: Value
    reproduced: Value
    tolerance: float | None
    ok: bool
    note: str = ""
    documented: Documented | None = None

    def as_dict(self) -> dict[str, object]:
        """Exactly the report's fields as plain JSON types; NaN becomes None so the JSON stays valid."""
        row: dict[str, object] = {}
        for key in FIELDS:
            value = getattr(self, key)
            if key == "ok":
                value = bool(value)
            elif isinstance(value, numbers.Real) and not isinstance(value, bool):
                value = float(value) if math.isfinite(float(value)) else None
            row[key] = value
        return row


def judged(
    check_id: str,
    kind: Kind,
    source: str,
    quantity: str,
    published: Value,
    reproduced: Value,
    *,
    agrees: bool,
    tolerance: float | None = None,
    note: str = "",
    known: Mapping[str, Documented] | None = None,
) -> Check:
    """A check whose verdict is ``agrees``, unless it meets exactly the documented disagreement for its id."""
    documented = (known or {}).get(check_id)
    agrees = bool(agrees)
    if agrees or documented is None:
        return Check(check_id, kind, source, quantity, published, reproduced, tolerance, agrees, note)
    if not documented.matches(reproduced):
        extra = f"Avviket er et annet enn det dokumenterte ({documented.observed}, {documented.source})."
        return Check(check_id, kind, source, quantity, published, reproduced, tolerance, False, _join(note, extra))
    explained = f"Dokumentert avvik ({documented.source}): {documented.explanation}"
    return Check(
        check_id, kind, source, quantity, published, reproduced, tolerance, True, _join(explained, note), documented
    )


def numeric(
    check_id: str,
    kind: Kind,
    source: str,
    quantity: str,
    published: float,
    reproduced: float | None,
    tolerance: float,
    *,
    note: str = "",
    known: Mapping[str, Documented] | None = None,
) -> Check:
    """A number against a number: it agrees when the difference is within ``tolerance``."""
    agrees = reproduced is not None and math.isfinite(reproduced) and abs(reproduced - published) <= tolerance + 1e-12
    return judged(
        check_id,
        kind,
        source,
        quantity,
        published,
        reproduced,
        agrees=agrees,
        tolerance=tolerance,
        note=note,
        known=known,
    )


def not_run(check_id: str, kind: Kind, source: str, quantity: str, reason: str) -> Check:
    """A check that could not be carried out: it fails and says why (it never silently disappears)."""
    return Check(check_id, kind, source, quantity, None, None, None, False, reason)


def unused_documentation(checks: Iterable[Check], known: Mapping[str, Documented]) -> list[str]:
    """Documented disagreements no check met: stale entries, to be removed or fixed."""
    met = {c.id for c in checks if c.documented is not None}
    return sorted(set(known) - met)


def summary(checks: Iterable[Check]) -> dict[str, dict[str, int]]:
    """Per kind, in report order: how many checks and how many passed (kinds without checks included)."""
    items = list(checks)
    n = Counter(c.kind for c in items)
    ok = Counter(c.kind for c in items if c.ok)
    return {kind: {"n": n[kind], "ok": ok[kind]} for kind in KINDS}


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p.strip())


def transcribed(
    check_id: str,
    source: str,
    quantity: str,
    recorded: str,
    printed: tuple[float, int] | str | None,
    *,
    decimals: int | None = None,
    problems: Iterable[str] = (),
) -> Check:
    """A number as recorded in data/published/ against the number a parser read at the cited seed line.

    ``printed`` is the parsed (value, decimals), or the reason nothing could be read there (the seed texts
    missing, the phrase not found …). ``decimals``, when the file records them, must match what is printed.
    ``problems`` are reasons the cited line is not the row the file says it is (a wrong label, say).
    """
    reasons = list(problems)
    value = printed_value(recorded)
    shown: Value = value if value is not None else recorded
    if printed is None or isinstance(printed, str):
        reasons.append(printed or "fant ikke tallet på linjen")
        return Check(check_id, "transcription", source, quantity, shown, None, 0.0, False, _join(*reasons))
    number, printed_decimals = printed
    if value is None:
        reasons.append(f"«{recorded}» i filen er ikke et tall")
    elif value != number:
        reasons.append(f"trykt er {number:g}, filen har {recorded}")
    if decimals is not None and decimals != printed_decimals:
        reasons.append(f"trykt med {printed_decimals} desimal(er), filen oppgir {decimals}")
    return Check(check_id, "transcription", source, quantity, shown, number, 0.0, not reasons, _join(*reasons))


def printed_value(text: str) -> float | None:
    """A number recorded in a published CSV («68.0», «5», «0.810»), or None when the cell is not a number."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
