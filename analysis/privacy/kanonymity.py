"""k-anonymity of a set of records, and a transparent search for the generalisation that would raise it.

A record is anything with an ``id`` and some *quasi-identifiers*: attributes that do not name a person but
could single one out together (age band, region, sector …). :func:`k_anonymity` groups the records by the
combination of their quasi-identifiers; k is the size of the smallest group, and a record alone in its group
is *unique*. :func:`suggest_generalisation` coarsens one quasi-identifier one level at a time, following a
:class:`Hierarchy` per attribute, until k reaches a target, and reports every step with its k.

Nothing here knows what the records are: a caller supplies the quasi-identifiers, their display labels and
the hierarchies (the training cases do so in :mod:`analysis.cases.anonymity`). Records are plain mappings or
objects with an ``id`` and a ``quasi_identifiers(names)`` method, so hand-made test sets, generalised copies
and domain objects go through the same code. k measures how the records differ from *each other*; it says
nothing about free text or about what a reader already knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # pandas is imported only where a table is made, so the privacy gate's command stays light
    import pandas as pd

SUPPRESSED = "*"  # a quasi-identifier removed altogether (the last level of every hierarchy)
PUBLISHED = "som publisert"
REMOVED = "fjernet"


class HasQuasiIdentifiers(Protocol):
    """A domain object that can describe itself as a record (the training cases are one)."""

    @property
    def id(self) -> str: ...

    def quasi_identifiers(self, names: Sequence[str]) -> dict[str, str]: ...


Record = Mapping[str, object]
Item = Record | HasQuasiIdentifiers


def as_records(items: Iterable[Item], quasi_identifiers: Sequence[str]) -> list[dict[str, str]]:
    """Each item as ``{"id": …, <quasi-identifier>: <value as text>, …}``; a missing field is a ValueError."""
    records: list[dict[str, str]] = []
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            records.append({"id": item.id, **item.quasi_identifiers(quasi_identifiers)})
            continue
        missing = [q for q in ("id", *quasi_identifiers) if q not in item]
        if missing:
            raise ValueError(f"post {i + 1} mangler {', '.join(missing)}")
        records.append({"id": str(item["id"]), **{q: str(item[q]) for q in quasi_identifiers}})
    return records


# -------------------------------------------------------------------------------------------- k-anonymity


@dataclass(frozen=True)
class KAnonymityResult:
    """k and the equivalence classes behind it, so a report can say *which* records stand out."""

    k: int
    quasi_identifiers: tuple[str, ...]
    n_records: int
    classes: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (values, ids), smallest first
    unique_ids: tuple[str, ...]
    labels: Mapping[str, str] = field(default_factory=dict)  # display name of each quasi-identifier

    @property
    def n_classes(self) -> int:
        return len(self.classes)

    def classes_frame(self) -> pd.DataFrame:
        """One row per combination, smallest group first, with Norwegian column names for display."""
        import pandas as pd

        names = [self.labels.get(q, q) for q in self.quasi_identifiers]
        rows = [
            {**dict(zip(names, values, strict=True)), "antall": len(ids), "caser": ", ".join(ids)}
            for values, ids in self.classes
        ]
        return pd.DataFrame(rows, columns=[*names, "antall", "caser"])


def k_anonymity(
    items: Iterable[Item], quasi_identifiers: Sequence[str], *, labels: Mapping[str, str] | None = None
) -> KAnonymityResult:
    """k = size of the smallest group of records sharing every quasi-identifier (0 for an empty set)."""
    qi = tuple(quasi_identifiers)
    records = as_records(items, qi)
    groups: dict[tuple[str, ...], list[str]] = {}
    for r in records:
        groups.setdefault(tuple(r[q] for q in qi), []).append(r["id"])
    classes = tuple(sorted(((k, tuple(sorted(v))) for k, v in groups.items()), key=lambda kv: (len(kv[1]), kv[0])))
    k = min((len(ids) for _, ids in classes), default=0)
    unique = tuple(sorted(ids[0] for _, ids in classes if len(ids) == 1))
    return KAnonymityResult(
        k=k, quasi_identifiers=qi, n_records=len(records), classes=classes, unique_ids=unique, labels=dict(labels or {})
    )


# ----------------------------------------------------------------------------------------- hierarchies


@dataclass(frozen=True)
class Hierarchy:
    """How one quasi-identifier coarsens: ``apply(value, level)``; the last level suppresses it."""

    apply: Callable[[str, int], str]
    label: str
    levels: tuple[str, ...]  # what each level means, for readers; levels[0] is the published value

    @property
    def max_level(self) -> int:
        return len(self.levels) - 1


def suppression(label: str) -> Hierarchy:
    """A quasi-identifier that is either published as it is or removed."""
    return Hierarchy(lambda value, level: value if level == 0 else SUPPRESSED, label, (PUBLISHED, REMOVED))


def mapped(label: str, steps: Sequence[tuple[str, Mapping[str, str]]]) -> Hierarchy:
    """Coarsening by lookup: level i replaces a value by ``steps[i-1]``'s entry (unlisted values stay).

    ``steps`` pairs a reader's description of each level with its mapping; one level above the last
    suppresses the attribute.
    """
    tables = tuple(table for _, table in steps)

    def apply(value: str, level: int) -> str:
        if level == 0:
            return value
        if level > len(tables):
            return SUPPRESSED
        return tables[level - 1].get(value, value)

    return Hierarchy(apply, label, (PUBLISHED, *(name for name, _ in steps), REMOVED))


_BAND = re.compile(r"^(\d+)-(\d+)$")


def banded(label: str, steps: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> Hierarchy:
    """Coarsening of numeric bands written ``lo-hi`` (age bands): level i widens a band to ``steps[i-1]``'s bins.

    A band is widened to run from the bin holding its lower end to the bin holding its upper end, so it never
    narrows. A value that is not a band (e.g. «uoppgitt») stays as it is until the attribute is suppressed.
    """
    bins_per_level = tuple(tuple(bins) for _, bins in steps)

    def apply(value: str, level: int) -> str:
        if level == 0:
            return value
        if level > len(bins_per_level):
            return SUPPRESSED
        m = _BAND.match(value)
        if not m:
            return value
        lo, hi = int(m.group(1)), int(m.group(2))
        bins = bins_per_level[level - 1]
        first = next((b for b in bins if b[0] <= lo <= b[1]), bins[0])
        last = next((b for b in bins if b[0] <= hi <= b[1]), bins[-1])
        return f"{first[0]}-{last[1]}"

    return Hierarchy(apply, label, (PUBLISHED, *(name for name, _ in steps), REMOVED))


def generalise(
    items: Iterable[Item], levels: Mapping[str, int], hierarchies: Mapping[str, Hierarchy]
) -> list[dict[str, str]]:
    """Copies of the records with each quasi-identifier (the keys of ``hierarchies``) coarsened to its level."""
    qi = tuple(hierarchies)
    return [
        {"id": r["id"], **{q: hierarchies[q].apply(r[q], levels.get(q, 0)) for q in qi}} for r in as_records(items, qi)
    ]


# ------------------------------------------------------------------------------------------- the search


@dataclass(frozen=True)
class GeneralisationStep:
    quasi_identifier: str
    level: int
    k: int
    n_unique: int


@dataclass(frozen=True)
class GeneralisationSuggestion:
    """A greedy coarsening path from the published attributes to the target k, step by step."""

    target_k: int
    start: KAnonymityResult
    result: KAnonymityResult
    levels: Mapping[str, int]
    steps: tuple[GeneralisationStep, ...]
    records: tuple[Mapping[str, str], ...] = field(repr=False)
    hierarchies: Mapping[str, Hierarchy] = field(repr=False, default_factory=dict)

    @property
    def reached(self) -> bool:
        return self.result.k >= self.target_k

    @property
    def n_suppressed(self) -> int:
        """How many quasi-identifiers the suggestion removes altogether."""
        return sum(level >= self.hierarchies[q].max_level for q, level in self.levels.items())

    def steps_frame(self) -> pd.DataFrame:
        """One row per step: which quasi-identifier, to what level, and k and unique records after it."""
        import pandas as pd

        rows = [
            {
                "steg": i,
                "kjennetegn": self.hierarchies[s.quasi_identifier].label,
                "gjøres om til": self.hierarchies[s.quasi_identifier].levels[s.level],
                "k etter steget": s.k,
                "unike caser": s.n_unique,
            }
            for i, s in enumerate(self.steps, start=1)
        ]
        return pd.DataFrame(rows, columns=["steg", "kjennetegn", "gjøres om til", "k etter steget", "unike caser"])


def _short_records(k_result: KAnonymityResult, target_k: int) -> int:
    return sum(len(ids) for _, ids in k_result.classes if len(ids) < target_k)


def suggest_generalisation(
    items: Iterable[Item], hierarchies: Mapping[str, Hierarchy], target_k: int = 2, *, preference: Sequence[str] = ()
) -> GeneralisationSuggestion:
    """Coarsen one quasi-identifier (a key of ``hierarchies``) one level at a time until k reaches ``target_k``.

    Each step takes the coarsening that most raises k, then leaves the fewest records in groups smaller
    than the target, then gives up first what comes first in ``preference`` (then the order of
    ``hierarchies``). Greedy search is not guaranteed to find the least coarsening, but it is transparent:
    every step is reported with its k, which is what someone anonymising a handful of records needs to see.
    """
    if target_k < 1:
        raise ValueError("target_k må være minst 1")
    qi = tuple(hierarchies)
    labels = {q: h.label for q, h in hierarchies.items()}
    base = as_records(items, qi)
    levels = {q: 0 for q in qi}
    start = k_anonymity(base, qi, labels=labels)
    current = start
    steps: list[GeneralisationStep] = []
    order = [*(q for q in preference if q in levels), *(q for q in qi if q not in preference)]
    rank = {q: i for i, q in enumerate(order)}
    while current.k < target_k and current.n_records > 0:
        options = []
        for q in qi:
            if levels[q] >= hierarchies[q].max_level:
                continue
            res = k_anonymity(generalise(base, {**levels, q: levels[q] + 1}, hierarchies), qi, labels=labels)
            options.append((-res.k, _short_records(res, target_k), rank[q], q, res))
        if not options:
            break
        _, _, _, q, res = min(options, key=lambda o: o[:4])
        levels[q] += 1
        current = res
        steps.append(GeneralisationStep(q, levels[q], res.k, len(res.unique_ids)))
    records = tuple(generalise(base, levels, hierarchies))
    return GeneralisationSuggestion(target_k, start, current, dict(levels), tuple(steps), records, dict(hierarchies))
