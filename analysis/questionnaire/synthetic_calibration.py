"""Calibrated answers for the synthetic respondents: work ability, age and the Tabell 3 scale scores.

Each quantity is searched (analysis.questionnaire.calibration) so that the file prints as Tabell 2 and 3, then
split into item answers the codebook's scoring turns back into the calibrated score. The steps run on one
:class:`analysis.questionnaire.synthetic_answers.Build`, after the people and their routing exist.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import Any

import pandas as pd

from analysis.questionnaire import published
from analysis.questionnaire.calibration import PairedF, Problem, Result, StatTarget, solve
from analysis.questionnaire.form import Scale
from analysis.questionnaire.synthetic_answers import (
    AGE_RANGE,
    ITERATIONS,
    JITTER,
    JOB_SPECIALIST,
    Build,
    answered,
    in_work,
    multiset,
    responders,
)


def _targets(idx: Sequence[int], mean: float, sd: float, unit: int = 1) -> list[StatTarget]:
    t = tuple(idx)
    return [StatTarget(t, "mean", float(mean), unit=unit), StatTarget(t, "sd", float(sd), unit=unit)]


def _status_balance(
    b: Build, people: Sequence[int], positions: Sequence[int], tp: str, mean: float, unit: int = 1
) -> list[StatTarget]:
    """Keep the in-work and not-in-work pair members' means within half a scale point of the printed mean.

    The report compared the two groups and found no differences (numbers not shown, L1242–1244); without
    this, chance alone could give the synthetic file a 'significant' difference the report denies.
    """
    out = []
    for working in (True, False):
        idx = tuple(pos for person, pos in zip(people, positions, strict=True) if in_work(b, person, tp) is working)
        if len(idx) >= 2:
            out.append(StatTarget(idx, "mean", float(mean), decimals=0, unit=unit))
    return out


def _draw(rng: random.Random, mean: float, sd: float, unit: int, lo: int, hi: int) -> int:
    """One value near a published mean/SD, in 1/unit steps within [lo, hi] (already in steps)."""
    return min(hi, max(lo, round(rng.gauss(mean, sd) * unit)))


def _record(b: Build, variable: str, result: Result, names: Sequence[str], **extra: Any) -> None:
    b.calibration.append(
        {
            "variable": variable,
            **extra,
            **{name: value for name, value in zip(names, result.stats, strict=False)},
            "F": result.f,
            "iterations": result.iterations,
        }
    )


def calibrate_work_ability(b: Build) -> None:
    """Item 40 at inclusion for all 43 (Tabell 2 means/SDs by group and overall) and the Tabell 3 pairs."""
    means = published.means().set_index(["variable", "group"])
    row = published.change().set_index("variable").loc["arbeidsevne"]
    scale = b.cb.item_scale("40")
    lo, hi = scale.bounds()
    pairs = sorted(b.rng.sample(responders(b), int(row["df2"]) + 1))
    n = b.n
    values = [_draw(b.rng, means.loc[("q40", g), "mean"], means.loc[("q40", g), "sd"], 1, lo, hi) for g in b.group]
    values += [_draw(b.rng, row["mean_3m"], row["sd_3m"], 1, lo, hi) for _ in pairs]
    targets: list[StatTarget] = []
    names: list[str] = []
    for g in ["alle", *sorted(set(b.group))]:
        idx = range(n) if g == "alle" else b.members(g)
        targets += _targets(idx, means.loc[("q40", g), "mean"], means.loc[("q40", g), "sd"])
        names += [f"t0_{g}_mean", f"t0_{g}_sd"]
    after = list(range(n, n + len(pairs)))
    targets += _targets(pairs, row["mean_incl"], row["sd_incl"]) + _targets(after, row["mean_3m"], row["sd_3m"])
    targets += _status_balance(b, pairs, pairs, "t0", row["mean_incl"]) + _status_balance(
        b, pairs, after, "t3", row["mean_3m"]
    )
    names += ["pairs_t0_mean", "pairs_t0_sd", "pairs_t3_mean", "pairs_t3_sd"]
    problem = Problem(
        values,
        [lo] * len(values),
        [hi] * len(values),
        free=list(range(len(values))),
        shift_groups=[b.members(g) for g in sorted(set(b.group))] + [after],
        swap_groups=[after],
        targets=targets,
        paired_f=PairedF(tuple(pairs), tuple(after), float(row["F"])),
    )
    result = solve(problem, seed=b.next_seed(), iterations=ITERATIONS)
    for person in range(n):
        b.set(b.item("40", "t0"), person, result.values[person])
    for k, person in enumerate(pairs):
        b.set(b.item("40", "t3"), person, result.values[n + k])
    for person in sorted(set(responders(b)) - set(pairs)):
        b.set(b.item("40", "t3"), person, b.no_answer("40"))
    _record(
        b,
        "arbeidsevne",
        result,
        names,
        n_pairs=len(pairs),
        n_published=int(row["df2"]) + 1,
        F_published=float(row["F"]),
    )


def calibrate_age(b: Build) -> None:
    means = published.means().set_index(["variable", "group"])
    groups = sorted(set(b.group))
    values = [
        _draw(b.rng, means.loc[("alder", g), "mean"], means.loc[("alder", g), "sd"], 1, *AGE_RANGE) for g in b.group
    ]
    targets: list[StatTarget] = []
    names: list[str] = []
    for g in ["alle", *groups]:
        idx = range(b.n) if g == "alle" else b.members(g)
        targets += _targets(idx, means.loc[("alder", g), "mean"], means.loc[("alder", g), "sd"])
        names += [f"{g}_mean", f"{g}_sd"]
    problem = Problem(
        values,
        [AGE_RANGE[0]] * b.n,
        [AGE_RANGE[1]] * b.n,
        free=list(range(b.n)),
        shift_groups=[b.members(g) for g in groups],
        targets=targets,
    )
    result = solve(problem, seed=b.next_seed(), iterations=ITERATIONS)
    for person, age in enumerate(result.values):
        b.set("alder", person, age)
    _record(b, "alder", result, names)


def _pair_pool(b: Build, scale: Scale) -> list[int]:
    if scale.subgroup == "i_arbeid":
        return b.with_status("A")
    if scale.subgroup == "ikke_i_arbeid":
        return b.with_status("B")
    return responders(b)


def calibrate_scale(b: Build, scale: Scale, row: pd.Series, counts: pd.DataFrame) -> None:
    """Calibrate one Tabell 3 row, then write the pairs' item answers and the other respondents' answers.

    For single items that Tabell 2 also reports (items 7–9), the inclusion answers of the whole group are
    fixed by Tabell 2; the search may only decide who holds which of them (swaps), so both tables hold.
    """
    if scale.id == "arbeidsevne":
        return  # calibrated together with Tabell 2's work-ability means
    unit = len(scale.items) if scale.method == "mean" else 1
    lo, hi = (int(scale.range[0] * unit), int(scale.range[1] * unit))
    printed_t0 = _printed_inclusion_answers(b, scale, counts)
    pool = _inclusion_pool(b, scale, len(printed_t0)) if printed_t0 else []
    candidates = [p for p in _pair_pool(b, scale) if not pool or p in pool]
    n_pairs = min(int(row["df2"]) + 1, len(candidates))
    pairs = sorted(b.rng.sample(candidates, n_pairs))
    if printed_t0:
        b.rng.shuffle(printed_t0)
        start, before = printed_t0, [pool.index(p) for p in pairs]
        swap, free_t0 = [list(range(len(pool)))], []
    else:
        pool = pairs
        start = [_draw(b.rng, row["mean_incl"], row["sd_incl"], unit, lo, hi) for _ in pairs]
        before = list(range(n_pairs))
        swap, free_t0 = [], list(before)
    m = len(pool)
    after = list(range(m, m + n_pairs))
    values = start + [_draw(b.rng, row["mean_3m"], row["sd_3m"], unit, lo, hi) for _ in pairs]
    targets = _targets(before, row["mean_incl"], row["sd_incl"], unit) + _targets(
        after, row["mean_3m"], row["sd_3m"], unit
    )
    if scale.subgroup == "alle":
        targets += _status_balance(b, pairs, before, "t0", row["mean_incl"], unit) + _status_balance(
            b, pairs, after, "t3", row["mean_3m"], unit
        )
    problem = Problem(
        values,
        [lo] * len(values),
        [hi] * len(values),
        free=free_t0 + after,
        shift_groups=([free_t0] if free_t0 else []) + [after],
        swap_groups=swap + [after],
        targets=targets,
        paired_f=PairedF(tuple(before), tuple(after), float(row["F"])),
    )
    result = solve(problem, seed=b.next_seed(), iterations=ITERATIONS)
    _write_scale(b, scale, "t0", dict(zip(pool, result.values[:m], strict=True)), unit)
    _write_scale(b, scale, "t3", dict(zip(pairs, result.values[m:], strict=True)), unit)
    _answer_outside_pairs(b, scale, row, set(pairs), unit)
    _record(
        b,
        scale.id,
        result,
        ["pairs_t0_mean", "pairs_t0_sd", "pairs_t3_mean", "pairs_t3_sd"],
        n_pairs=n_pairs,
        n_published=int(row["df2"]) + 1,
        F_published=float(row["F"]),
    )


def _printed_inclusion_answers(b: Build, scale: Scale, counts: pd.DataFrame) -> list[int]:
    """The job-specialist group's inclusion answers as Tabell 2 prints them, for a single-item scale (else [])."""
    if len(scale.items) != 1:
        return []
    return multiset(counts, b.cb.item(scale.items[0].item).var, JOB_SPECIALIST)


def _inclusion_pool(b: Build, scale: Scale, answered: int) -> list[int]:
    """Job specialists who answered the item at inclusion; the rest (taken from group D) get 'no answer'."""
    item = scale.items[0].item
    js = b.members(JOB_SPECIALIST)
    silent = b.with_status("D")[: len(js) - answered]
    for person in silent:
        b.set(b.item(item, "t0"), person, b.no_answer(item))
    return [p for p in js if p not in silent]


def _split(b: Build, scale: Scale, score: int, unit: int) -> list[int]:
    """Item answers whose scale score is ``score`` (in 1/unit steps): near-equal answers, lightly jittered."""
    codes = [b.cb.item_scale(ref.item) for ref in scale.items]
    if scale.method == "count_keyed":
        keyed = set(b.rng.sample(range(len(scale.items)), score))
        out: list[int] = []
        for k, ref in enumerate(scale.items):
            assert ref.keyed_code is not None  # a count_keyed scale names the keyed code of every item
            out.append(
                ref.keyed_code if k in keyed else next(c for c in sorted(codes[k].valid_codes()) if c != ref.keyed_code)
            )
        return out
    lo, hi = codes[0].bounds()
    answers = [score // unit + (1 if k < score % unit else 0) for k in range(unit)]
    if unit > 1 and b.rng.random() < JITTER:
        up, down = b.rng.sample(range(unit), 2)
        if answers[up] < hi and answers[down] > lo:
            answers[up] += 1
            answers[down] -= 1
    b.rng.shuffle(answers)
    return answers


def _write_scale(b: Build, scale: Scale, tp: str, scores: dict[int, int], unit: int) -> None:
    for person, score in scores.items():
        for ref, answer in zip(scale.items, _split(b, scale, score, unit), strict=True):
            b.set(b.item(ref.item, tp), person, answer)


def _answer_outside_pairs(b: Build, scale: Scale, row: pd.Series, pairs: set[int], unit: int) -> None:
    """Everyone routed to the scale who is not a Tabell 3 pair: uncalibrated answers, one item left blank
    at a time point where a pair member would have needed it (listwise deletion then drops them)."""
    lo, hi = (int(scale.range[0] * unit), int(scale.range[1] * unit))
    first = scale.items[0].item
    for tp in ("t0", "t3"):
        stats = (row["mean_incl"], row["sd_incl"]) if tp == "t0" else (row["mean_3m"], row["sd_3m"])
        for person in answered(b, tp):
            if person in pairs or not _routed(b, scale, person, tp):
                continue
            if not math.isnan(b.get(b.item(first, tp), person)):
                continue  # already set (Tabell 2 answers at inclusion)
            score = _draw(b.rng, *stats, unit, lo, hi)
            _write_scale(b, scale, tp, {person: score}, unit)
    for person in _pair_pool(b, scale):
        if person in pairs:
            continue
        tp = "t3" if scale.subgroup == "alle" else b.rng.choice(("t0", "t3"))
        ref = b.rng.choice(scale.items)
        b.set(b.item(ref.item, tp), person, b.no_answer(ref.item))


def _routed(b: Build, scale: Scale, person: int, tp: str) -> bool:
    if scale.subgroup == "alle":
        return True
    working = in_work(b, person, tp)
    return working is not None and working == (scale.subgroup == "i_arbeid")
