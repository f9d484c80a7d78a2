"""The fictitious respondents' answers: who is in which group, and answers calibrated to Tabell 2 and 3.

:mod:`analysis.questionnaire.synthetic` explains the design and writes the file; this module holds the steps
(people and routing, inclusion answers, calibrated scale scores split into item answers, the rest of the
form) that it runs in order on one :class:`Build`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.questionnaire import published
from analysis.questionnaire.calibration import PairedF, Problem, Result, StatTarget, solve
from analysis.questionnaire.codebook import QuestionnaireCodebook
from analysis.questionnaire.form import Scale

JOB_SPECIALIST = "jobbspesialist"
LEFT_WORK = 2
"""Job-specialist candidates in work at inclusion who answer at three months without a job (group C)."""
AGE_RANGE = (18, 67)
ITERATIONS = 15_000
JITTER = 0.3
"""Share of multi-item scores whose answers are spread by one step (same score, less uniform items)."""


@dataclass
class Build:
    """Everything generation needs, in one place: codebook, published tables, the answers so far."""

    cb: QuestionnaireCodebook
    rng: random.Random
    group: list[str]
    status: list[str | None]
    cols: dict[str, list[float]] = field(default_factory=dict)
    calibration: list[dict[str, Any]] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.group)

    def members(self, group: str) -> list[int]:
        return [i for i, g in enumerate(self.group) if g == group]

    def with_status(self, *codes: str) -> list[int]:
        return [i for i, s in enumerate(self.status) if s in codes]

    def set(self, column: str, person: int, value: float) -> None:
        self.cols.setdefault(column, [math.nan] * self.n)[person] = float(value)

    def get(self, column: str, person: int) -> float:
        return self.cols.get(column, [math.nan] * self.n)[person]

    def item(self, item_id: str, tp: str) -> str:
        return self.cb.column(item_id, tp)

    def no_answer(self, item_id: str) -> int:
        return self.cb.missing_code(self.cb.item_scale(item_id), "no_answer")

    def next_seed(self) -> int:
        return self.rng.randrange(1 << 30)


def multiset(counts: pd.DataFrame, variable: str, group: str) -> list[int]:
    rows = counts[(counts["variable"] == variable) & (counts["group"] == group)]
    return [int(code) for code, n in zip(rows["code"], rows["n"], strict=True) for _ in range(int(n))]


# -- people and their routing ----------------------------------------------------------------------------
def people(cb: QuestionnaireCodebook, counts: pd.DataFrame, change: pd.DataFrame, seed: int) -> Build:
    rng = random.Random(seed)
    groups = cb.group_names()
    sizes = {g: len(multiset(counts, "q02", g)) for g in groups}
    group = [g for g in groups for _ in range(sizes[g])]
    b = Build(cb, rng, group, [None] * len(group))
    js = b.members(JOB_SPECIALIST)
    work = multiset(counts, "q02", JOB_SPECIALIST)
    in_work, not_in_work = work.count(1), work.count(2)
    pairs = {sub: int(change.loc[change["subgroup"] == sub, "df2"].max()) + 1 for sub in ("i_arbeid", "ikke_i_arbeid")}
    a = min(pairs["i_arbeid"], in_work - LEFT_WORK)
    status = ["A"] * a + ["B"] * not_in_work + ["C"] * LEFT_WORK + ["D"] * (in_work - a - LEFT_WORK)
    rng.shuffle(status)
    for person, code in zip(js, status, strict=True):
        b.status[person] = code
    for g in groups:
        members = b.members(g)
        answers: list[int] = (
            multiset(counts, "q02", g)
            if g != JOB_SPECIALIST
            else [1 if b.status[i] in ("A", "C", "D") else 2 for i in members]
        )
        if g != JOB_SPECIALIST:
            rng.shuffle(answers)
        for person, answer in zip(members, answers, strict=True):
            b.set(b.item("2", "t0"), person, answer)
    for person in b.with_status("A", "B", "C"):
        b.set(b.item("2", "t3"), person, 1 if b.status[person] == "A" else 2)
    return b


def _responders(b: Build) -> list[int]:
    return b.with_status("A", "B", "C")


def _answered(b: Build, tp: str) -> list[int]:
    return list(range(b.n)) if tp == "t0" else _responders(b)


def _in_work(b: Build, person: int, tp: str) -> bool | None:
    value = b.get(b.item(b.cb.routing_item, tp), person)
    return None if value != value else value == 1


def inclusion_categoricals(b: Build, counts: pd.DataFrame) -> None:
    """Tabell 2 counts per group, handed out at random; q07–q09 for job specialists wait for calibration."""
    for g in b.cb.group_names():
        members = b.members(g)
        sexes = multiset(counts, "kjonn", g)
        b.rng.shuffle(sexes)
        for person, code in zip(members, sexes, strict=True):
            b.set("kjonn", person, code)
        for item_id in ("5", "10", "11") + (() if g == JOB_SPECIALIST else ("7", "8", "9")):
            _deal(b, item_id, members, multiset(counts, b.cb.item(item_id).var, g))
        benefits = multiset(counts, "q06", g)
        _deal_benefits(b, members, benefits)


def _deal(b: Build, item_id: str, members: list[int], answers: list[int]) -> None:
    """Give each member one answer; members beyond the printed counts did not answer."""
    answers = answers + [b.no_answer(item_id)] * (len(members) - len(answers))
    b.rng.shuffle(answers)
    for person, code in zip(members, answers, strict=True):
        b.set(b.item(item_id, "t0"), person, code)


def _deal_benefits(b: Build, members: list[int], ticked: list[int]) -> None:
    """Tabell 2 benefit counts add up to the group size, so each person ticked exactly one option."""
    b.rng.shuffle(ticked)
    item = b.cb.item("6")
    for person, code in zip(members, ticked, strict=True):
        for spec in b.cb.item_columns(item, b.cb.timepoint("t0")):
            b.set(spec.name, person, 1 if spec.option == code else 0)


# -- calibration ----------------------------------------------------------------------------------------
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
        idx = tuple(pos for person, pos in zip(people, positions, strict=True) if _in_work(b, person, tp) is working)
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
    pairs = sorted(b.rng.sample(_responders(b), int(row["df2"]) + 1))
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
    for person in sorted(set(_responders(b)) - set(pairs)):
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
    return _responders(b)


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
        for person in _answered(b, tp):
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
    in_work = _in_work(b, person, tp)
    return in_work is not None and in_work == (scale.subgroup == "i_arbeid")


# -- the rest of the form ---------------------------------------------------------------------------------
def fill_unscaled_items(b: Build) -> None:
    """Answers no published table constrains: work hours, item 17, and repeated background at 3 months."""
    for tp in ("t0", "t3"):
        for person in _answered(b, tp):
            if _in_work(b, person, tp):
                full_time = b.rng.random() < 0.4
                b.set(b.item("3", tp), person, 1 if full_time else 2)
                if not full_time:
                    b.set(b.item("4", tp), person, b.rng.choice((20, 30, 40, 50, 60, 80)))
                b.set(b.item("17", tp), person, b.rng.choice((2, 3, 3, 4, 4, 5)))
    for person in _responders(b):
        for item_id in ("5",):
            b.set(b.item(item_id, "t3"), person, b.get(b.item(item_id, "t0"), person))
        for spec in b.cb.item_columns(b.cb.item("6"), b.cb.timepoint("t0")):
            b.set(spec.name.replace("_t0", "_t3"), person, b.get(spec.name, person))
        for item_id in ("10", "11"):
            before = b.get(b.item(item_id, "t0"), person)
            b.set(b.item(item_id, "t3"), person, min(5, max(1, before + b.rng.choice((-1, 0, 0, 1)))))


def apply_routing_codes(b: Build) -> None:
    """Items the form routes a respondent past get the not-applicable code; nothing else may stay blank."""
    cb = b.cb
    for tp in ("t0", "t3"):
        timepoint = cb.timepoint(tp)
        for person in _answered(b, tp):
            answers = {i.id: b.get(b.item(i.id, tp), person) for i in cb.items if not i.multiple}
            valid = {k: (v if v == v and v in cb.item_scale(k).valid_codes() else None) for k, v in answers.items()}
            for item in cb.items:
                asked = cb.asked(item.id, valid)
                for spec in cb.item_columns(item, timepoint):
                    value = b.get(spec.name, person)
                    if asked is False:
                        b.set(spec.name, person, cb.missing_code(cb.item_scale(item.id), "not_applicable"))
                    elif value != value:
                        raise AssertionError(f"generator left {spec.name} blank for person {person}")
