"""Answer files for testing the fidelity scoring: random teams, edge cases and totals on the band boundaries.

Shared by the command-line tests and the browser parity test (tests/site/test_egenvurdering.py). Answers are
built from the codebook's own counting units, so a wanted item score becomes a tick pattern the rules turn
back into that score; nothing here computes a total, so a test comparing two scorers cannot agree with
itself by construction.
"""

from __future__ import annotations

import random
from typing import Any

import pandas as pd

from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.rules import CountScoring, Item

BOOK: FidelityCodebook = load_fidelity_codebook()
TIMEPOINTS = [t.id for t in BOOK.timepoints]


def item_range(item: Item) -> tuple[int, int]:
    return item.score_range()


def ticks(item: Item, score: int, rng: random.Random, *, blanks: bool = True) -> dict[str, Any]:
    """A tick pattern for a tick-all item that the default rule scores as ``score``.

    Units (one code, or a group of identically worded codes) are chosen at random; a merged unit is ticked
    through one or both of its codes; codes the rule does not count are ticked at random; options left
    unticked are 0 or, sometimes, blank (blank beside a tick means not ticked).
    """
    rule = item.resolved_scoring()
    assert isinstance(rule, CountScoring)
    units = rule.units()
    chosen = rng.sample(units, score)
    values: dict[str, Any] = {}
    for unit in units:
        if unit in chosen:
            picked = list(unit) if len(unit) == 1 else rng.choice([[unit[0]], [unit[1]], list(unit)])
            for code in unit:
                values[f"{item.id}_{code}"] = 1 if code in picked else 0
        else:
            for code in unit:
                values[f"{item.id}_{code}"] = 0
    for option in item.options:
        column = f"{item.id}_{option.code}"
        if column not in values:
            values[column] = rng.choice([0, 1])  # not counted by the default rule
    if blanks and rng.random() < 0.3:
        zeros = [c for c, v in values.items() if v == 0]
        for column in rng.sample(zeros, k=min(len(zeros), rng.randint(0, 2))):
            values[column] = ""
        if all(v == "" for v in values.values()):
            values[next(iter(values))] = 0
    return values


def answer(item: Item, score: int | None, rng: random.Random) -> dict[str, Any]:
    """The raw cells of one item for a wanted score (None = unanswered)."""
    if score is None:
        return {column: "" for column in item.columns}
    if item.type == "single":
        return {item.id: score}
    return ticks(item, score, rng)


def respondent(
    rid: str, team: str, timepoint: str, scores: dict[str, int | None], rng: random.Random
) -> dict[str, Any]:
    row: dict[str, Any] = {"respondent_id": rid, "team": team, "timepoint": timepoint}
    for item in BOOK.items:
        row.update(answer(item, scores.get(item.id), rng))
    return row


def split(total: int, n: int, lo: int, hi: int, rng: random.Random) -> list[int]:
    """n whole scores in [lo, hi] that add up to ``total`` (which must be reachable)."""
    assert n * lo <= total <= n * hi, (total, n, lo, hi)
    values = [lo] * n
    rest = total - n * lo
    while rest:
        k = rng.randrange(n)
        if values[k] < hi:
            values[k] += 1
            rest -= 1
    return values


def random_group(team: str, timepoint: str, rng: random.Random, start: int) -> list[dict[str, Any]]:
    """1–6 respondents with random answers and the edge cases a real team produces."""
    n = rng.randint(1, 6)
    style = rng.choice(["plain", "missing", "all_ticked", "none_ticked", "lowest", "highest", "skipped_item"])
    skipped = rng.choice(BOOK.items).id
    rows = []
    for k in range(n):
        scores: dict[str, int | None] = {}
        for item in BOOK.items:
            lo, hi = item_range(item)
            if style == "all_ticked" or style == "highest":
                scores[item.id] = hi
            elif style == "none_ticked" or style == "lowest":
                scores[item.id] = lo
            else:
                scores[item.id] = rng.randint(lo, hi)
            if style == "missing" and rng.random() < 0.25:
                scores[item.id] = None
            if style == "skipped_item" and item.id == skipped:
                scores[item.id] = None
        row = respondent(f"R{start + k:05d}", team, timepoint, scores, rng)
        if style == "all_ticked":  # every option, counted or not, ticked
            for item in BOOK.items:
                if item.type == "multi":
                    row.update({c: 1 for c in item.columns})
        rows.append(row)
    return rows


def boundary_group(team: str, timepoint: str, target: int, n: int, below: bool, rng: random.Random, start: int):
    """n complete answers whose team total is exactly ``target`` (or ``1/n`` below it).

    Each item's column sum is chosen first (often not a multiple of n, so the means are fractions such as
    10/3 whose floating-point sum can land a hair off the bound) and then split over the respondents.
    """
    ranges = [item_range(item) for item in BOOK.items]
    goal = target * n - (1 if below else 0)
    sums = [n * lo for lo, _ in ranges]
    rest = goal - sum(sums)
    assert 0 <= rest <= sum(n * (hi - lo) for lo, hi in ranges)
    while rest:
        k = rng.randrange(len(sums))
        if sums[k] < n * ranges[k][1]:
            sums[k] += 1
            rest -= 1
    per_item = [split(s, n, lo, hi, rng) for s, (lo, hi) in zip(sums, ranges, strict=True)]
    return [
        respondent(
            f"B{start + k:05d}", team, timepoint, {item.id: per_item[j][k] for j, item in enumerate(BOOK.items)}, rng
        )
        for k in range(n)
    ]


def parity_file(seed: int = 15, random_groups: int = 520) -> pd.DataFrame:
    """At least ``random_groups`` random answer sets plus every band boundary at several team sizes."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    teams = [f"Team {k}" for k in range(1, random_groups // len(TIMEPOINTS) + 2)]
    made = 0
    for team in teams:
        for timepoint in TIMEPOINTS:
            if made == random_groups:
                break
            rows += random_group(team, timepoint, rng, len(rows))
            made += 1
    bounds = [int(b.min) for b in BOOK.bands["modified"] if b.min > 0]
    for target in bounds:
        for n in (1, 3, 6, 7):
            for below in (False, True):
                team = f"Grense {target} n{n}{' under' if below else ''}"
                rows += boundary_group(team, rng.choice(TIMEPOINTS), target, n, below, rng, len(rows))
    return pd.DataFrame(rows, columns=BOOK.raw_columns())
