"""The fictitious respondents' answers: who is in which group, and answers calibrated to Tabell 2 and 3.

:mod:`analysis.questionnaire.synthetic` explains the design and writes the file; this module holds the steps
(people and routing, inclusion answers, calibrated scale scores split into item answers, the rest of the
form) that it runs in order on one :class:`Build`.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.questionnaire.codebook import QuestionnaireCodebook

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


def responders(b: Build) -> list[int]:
    return b.with_status("A", "B", "C")


def answered(b: Build, tp: str) -> list[int]:
    return list(range(b.n)) if tp == "t0" else responders(b)


def in_work(b: Build, person: int, tp: str) -> bool | None:
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


# -- the rest of the form ---------------------------------------------------------------------------------
def fill_unscaled_items(b: Build) -> None:
    """Answers no published table constrains: work hours, item 17, and repeated background at 3 months."""
    for tp in ("t0", "t3"):
        for person in answered(b, tp):
            if in_work(b, person, tp):
                full_time = b.rng.random() < 0.4
                b.set(b.item("3", tp), person, 1 if full_time else 2)
                if not full_time:
                    b.set(b.item("4", tp), person, b.rng.choice((20, 30, 40, 50, 60, 80)))
                b.set(b.item("17", tp), person, b.rng.choice((2, 3, 3, 4, 4, 5)))
    for person in responders(b):
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
        for person in answered(b, tp):
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
