"""Search for integer answers whose summary statistics round to published values.

The synthetic questionnaire file must reproduce printed means and SDs to their last decimal and printed
F values as closely as integer answer scales allow. That is a small combinatorial search, done here by
simulated annealing over a vector of integers with two kinds of moves: change one value by a step (a
different answer) or exchange two values (same answers, different people or different pairing). All
statistics are kept as running integer sums, so one move costs O(1) and thousands of moves take
milliseconds. The random stream is ``random.Random(seed)``: the same problem and seed give the same
answers on every platform.
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from analysis.core.rounding import half_unit

EDGE = 1e-9
"""Slack for binary floating point: 41/20 is stored just below 2.05, yet rounds half-up to 2.1 in SPSS."""


@dataclass(frozen=True)
class StatTarget:
    """A printed mean or SD of the values at ``indices`` (each an integer count of 1/unit steps)."""

    indices: tuple[int, ...]
    stat: Literal["mean", "sd"]
    printed: float
    decimals: int = 1
    unit: int = 1


@dataclass(frozen=True)
class PairedF:
    """A printed repeated-measures F for two time points: F = t² of the paired differences after − before."""

    before: tuple[int, ...]
    after: tuple[int, ...]
    printed: float
    decimals: int = 3


@dataclass
class Problem:
    """The search space: start values, bounds, which positions may change and which may trade values."""

    values: list[int]
    lower: list[int]
    upper: list[int]
    free: list[int] = field(default_factory=list)
    swap_groups: list[list[int]] = field(default_factory=list)
    shift_groups: list[list[int]] = field(default_factory=list)
    targets: list[StatTarget] = field(default_factory=list)
    paired_f: PairedF | None = None


@dataclass(frozen=True)
class Result:
    values: list[int]
    stats: list[float]
    f: float | None
    penalty: float
    iterations: int


def rounding_miss(value: float, printed: float, decimals: int) -> float:
    """How far ``value`` lies outside the values that round half-up to ``printed`` (0 when it rounds right).

    SPSS rounds halves away from zero, so the interval is [printed − h, printed + h) with h half a unit of
    the last printed decimal. Exact halves matter: several printed F values in Tabell 3 can only be
    reached by data whose mean lay exactly on such a boundary (e.g. 2.35 printed as 2.4).
    """
    if not math.isfinite(value):
        return math.inf
    h = half_unit(decimals)
    low, high = printed - h - EDGE, printed + h - EDGE
    if value < low:
        return low - value
    if value >= high:
        return value - high + EDGE
    return 0.0


def sample_mean_sd(total: int, squares: int, n: int, unit: int) -> tuple[float, float]:
    """Mean and sample SD (n − 1, as SPSS) from running sums of integer steps."""
    mean = total / n / unit
    if n < 2:
        return mean, math.nan
    var = (squares - total * total / n) / (n - 1) / (unit * unit)
    return mean, math.sqrt(max(var, 0.0))


def paired_f(total: int, squares: int, n: int) -> float:
    """F(1, n − 1) of paired differences from their running sums: (n − 1)·S² / (n·Q − S²)."""
    denom = n * squares - total * total
    if denom <= 0:
        return 0.0 if total == 0 else math.inf
    return (n - 1) * total * total / denom


class _State:
    """Running sums for every target, updated in O(1) per changed value."""

    def __init__(self, problem: Problem) -> None:
        self.p = problem
        self.v = list(problem.values)
        self.sums = [[0, 0] for _ in problem.targets]
        self.member: dict[int, list[int]] = {}
        for t_index, target in enumerate(problem.targets):
            for i in target.indices:
                self.member.setdefault(i, []).append(t_index)
                self.sums[t_index][0] += self.v[i]
                self.sums[t_index][1] += self.v[i] * self.v[i]
        self.pair_of: dict[int, list[tuple[int, int]]] = {}
        self.d_sum = self.d_sq = 0
        self.diffs: list[int] = []
        f = problem.paired_f
        if f is not None:
            for k, (b, a) in enumerate(zip(f.before, f.after, strict=True)):
                self.pair_of.setdefault(b, []).append((k, -1))
                self.pair_of.setdefault(a, []).append((k, 1))
                d = self.v[a] - self.v[b]
                self.diffs.append(d)
                self.d_sum += d
                self.d_sq += d * d

    def set(self, i: int, new: int) -> None:
        old = self.v[i]
        if new == old:
            return
        for t_index in self.member.get(i, ()):
            s = self.sums[t_index]
            s[0] += new - old
            s[1] += new * new - old * old
        for k, sign in self.pair_of.get(i, ()):
            d_old = self.diffs[k]
            d_new = d_old + sign * (new - old)
            self.diffs[k] = d_new
            self.d_sum += d_new - d_old
            self.d_sq += d_new * d_new - d_old * d_old
        self.v[i] = new

    def stat(self, t_index: int) -> float:
        t = self.p.targets[t_index]
        total, squares = self.sums[t_index]
        mean, sd = sample_mean_sd(total, squares, len(t.indices), t.unit)
        return mean if t.stat == "mean" else sd

    def f(self) -> float | None:
        return None if self.p.paired_f is None else paired_f(self.d_sum, self.d_sq, len(self.diffs))

    def penalty(self) -> tuple[float, bool]:
        """Distance outside the printed rounding intervals (weighted) plus relative F error; and 'done'."""
        outside = 0.0
        for t_index, t in enumerate(self.p.targets):
            miss = rounding_miss(self.stat(t_index), t.printed, t.decimals)
            if miss > 0:
                outside += 1.0 + miss / half_unit(t.decimals)  # any miss outweighs every F error
        f = self.f()
        f_err = 0.0
        done = outside == 0.0
        if f is not None:
            target = self.p.paired_f
            assert target is not None
            f_err = min(abs(f - target.printed), 1e6) / max(target.printed, 0.05)
            done = done and abs(f - target.printed) <= half_unit(target.decimals)
        return 10.0 * outside + f_err, done


def anneal(
    problem: Problem, *, seed: int, iterations: int = 60_000, t_start: float = 0.5, t_end: float = 1e-4
) -> Result:
    """Minimise the distance to every printed value; stop early once all round to their printed form."""
    rng = random.Random(seed)
    state = _State(problem)
    moves = _move_menu(problem)
    if not moves:
        raise ValueError("nothing may change: no free positions and no swap groups")
    current, done = state.penalty()
    best_values, best = list(state.v), current
    cooling = (t_end / t_start) ** (1.0 / max(iterations, 1))
    temp = t_start
    it = 0
    for it in range(1, iterations + 1):  # noqa: B007 - read after the loop: the iterations actually run
        if done:
            break
        changes = _propose(rng, moves, state, problem)
        if changes is None:
            continue
        olds = [(i, state.v[i]) for i, _ in changes]
        for i, new in changes:
            state.set(i, new)
        candidate, cand_done = state.penalty()
        delta = candidate - current
        if delta <= 0 or rng.random() < math.exp(-delta / temp):
            current, done = candidate, cand_done
            if current < best:
                best, best_values = current, list(state.v)
        else:
            for i, old in reversed(olds):
                state.set(i, old)
        temp *= cooling
    if done:
        best_values, best = list(state.v), current
    final = _State(_with_values(problem, best_values))
    return Result(best_values, [final.stat(k) for k in range(len(problem.targets))], final.f(), final.penalty()[0], it)


def _move_menu(problem: Problem) -> list[tuple[str, Sequence[int]]]:
    """Steps change a sum; shifts (one up, one down) keep it, which small samples need: with five people a
    single step already moves a mean out of its printed rounding interval."""
    menu: list[tuple[str, Sequence[int]]] = []
    if problem.free:
        menu.append(("step", problem.free))
    menu.extend(("shift", group) for group in problem.shift_groups if len(group) >= 2)
    menu.extend(("swap", group) for group in problem.swap_groups if len(group) >= 2)
    return menu


def _propose(
    rng: random.Random, moves: list[tuple[str, Sequence[int]]], state: _State, problem: Problem
) -> list[tuple[int, int]] | None:
    """One random move as (position, new value) pairs, or None when it would leave the bounds or change nothing."""
    kind, positions = moves[rng.randrange(len(moves))]
    if kind == "step":
        i = positions[rng.randrange(len(positions))]
        new = state.v[i] + rng.choice((-2, -1, 1, 2))
        if not problem.lower[i] <= new <= problem.upper[i]:
            return None
        return [(i, new)]
    a = positions[rng.randrange(len(positions))]
    b = positions[rng.randrange(len(positions))]
    if a == b:
        return None
    if kind == "shift":
        up, down = state.v[a] + 1, state.v[b] - 1
        if up > problem.upper[a] or down < problem.lower[b]:
            return None
        return [(a, up), (b, down)]
    if state.v[a] == state.v[b]:
        return None
    return [(a, state.v[b]), (b, state.v[a])]


def solve(problem: Problem, *, seed: int, restarts: int = 3, iterations: int = 60_000) -> Result:
    """Anneal from the same start with successive seeds until every printed value is met; keep the best."""
    best: Result | None = None
    for attempt in range(restarts):
        result = anneal(problem, seed=seed + attempt, iterations=iterations)
        if best is None or result.penalty < best.penalty:
            best = result
        if _met(result, problem):
            break
    assert best is not None
    return best


def _met(result: Result, problem: Problem) -> bool:
    return _State(_with_values(problem, result.values)).penalty()[1]


def _with_values(problem: Problem, values: list[int]) -> Problem:
    return dataclasses.replace(problem, values=list(values))
