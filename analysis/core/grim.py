"""GRIM-style feasibility: which numbers of respondents could have produced a printed mean.

A mean of n integer answers is k/n for an integer k, so a mean printed to d decimals is only possible for
some n (Brown & Heathers' GRIM test). The fidelity table never says how many job specialists answered in
each team and round; the decimals do, within limits. Rounding follows SPSS and Excel: half away from zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from analysis.core.rounding import round_half_up


def sums_for(printed: float, decimals: int, n: int, lowest: int, highest: int) -> list[int]:
    """Every integer sum k of n answers in [lowest, highest] whose mean k/n prints as ``printed``."""
    target = Decimal(repr(printed)).quantize(Decimal(1).scaleb(-decimals))
    return [k for k in range(lowest * n, highest * n + 1) if round_half_up(Fraction(k, n), decimals) == target]


def feasible(printed: float, decimals: int, n: int, lowest: int, highest: int) -> bool:
    return bool(sums_for(printed, decimals, n, lowest, highest))


@dataclass(frozen=True)
class CellInference:
    """What the decimals of one column of item means say about who answered."""

    n: int  # respondents inferred for the column
    item_n: dict[str, int]  # answers per item (smaller than n where item-level missingness is needed)
    fits_at_n: int  # items whose printed mean is possible with all n answering
    candidates: dict[int, int]  # for every n tried: number of items feasible with full response

    @property
    def items_with_missing(self) -> list[str]:
        return sorted(item for item, k in self.item_n.items() if k < self.n)


def infer_respondents(means: dict[str, tuple[float, int, int, int]], max_n: int) -> CellInference:
    """Infer the number of respondents behind a column of item means.

    ``means`` maps item id → (printed mean, printed decimals, lowest score, highest score). The chosen n is the
    one under which the most printed means are possible with everyone answering; ties go to the smallest n,
    because a column of whole numbers is far likelier from one respondent than from several whose sums all
    happen to divide evenly. Items that do not fit get the largest smaller n that does (item non-response).
    Raises ValueError when some printed mean is impossible for every n up to ``max_n``.
    """
    candidates = {n: sum(feasible(m, d, n, lo, hi) for m, d, lo, hi in means.values()) for n in range(1, max_n + 1)}
    # Only an n that can explain every item (some with fewer answers) is a candidate at all.
    possible = [
        n
        for n in candidates
        if all(any(feasible(m, d, k, lo, hi) for k in range(1, n + 1)) for m, d, lo, hi in means.values())
    ]
    if not possible:
        raise ValueError(f"some printed mean is impossible for every number of respondents up to {max_n}")
    best = max(candidates[n] for n in possible)
    n = min(k for k in possible if candidates[k] == best)
    item_n: dict[str, int] = {}
    for item, (mean, decimals, lo, hi) in means.items():
        fitting = [k for k in range(n, 0, -1) if feasible(mean, decimals, k, lo, hi)]
        if not fitting:
            raise ValueError(f"item {item}: printed mean {mean} is impossible for 1–{n} respondents")
        item_n[item] = fitting[0]
    return CellInference(n=n, item_n=item_n, fits_at_n=best, candidates=candidates)
