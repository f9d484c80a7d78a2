"""The candidate questionnaire from file to tables: routing, scale scores, Tabell 2, Tabell 3, comparisons.

Every rule (which columns an item has, which answers are valid, which items form a scale and how they
are combined, who is routed where) comes from the codebook; this module only applies it. The same code
runs on the synthetic file the build generates and on a user's own SPSS file. Reading and validation live
in analysis.questionnaire.answers, the statistics in analysis.questionnaire.statistics, the published-number
checks in analysis.questionnaire.published_checks.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis.core.errors import Problem
from analysis.core.files import require_generated
from analysis.questionnaire.answers import CandidateData, candidates_path, load_candidates, using_own_file
from analysis.questionnaire.answers import validate_file as _validate_file
from analysis.questionnaire.codebook import QuestionnaireCodebook, load_questionnaire_codebook
from analysis.questionnaire.form import Scale
from analysis.questionnaire.statistics import cronbach, repeated_measures, welch_test

if TYPE_CHECKING:
    pass

JOB_SPECIALIST = "jobbspesialist"
ALL = "alle"
ALL_LABEL = "Hele utvalget"
COMPARED_SCALES = ("indre_motivasjon", "ytre_motivasjon", "kontrollplassering_indre", "arbeidsevne")
"""The four scores the report compared between candidates in and not in work (L1242–1244)."""


@lru_cache(maxsize=1)
def codebook() -> QuestionnaireCodebook:
    return load_questionnaire_codebook()


def validate_file(path: Path | str) -> list[Problem]:
    """Problems with a user's file (empty list = fine); called by ``python -m analysis validate``."""
    return _validate_file(path, codebook())


def load(path: Path | str | None = None) -> CandidateData:
    """The chapter's data: the given file, else the user's (SE_IPS_CANDIDATES), else the synthetic one.

    The synthetic file is written by the build (``make data``); reading never writes it.
    """
    if path is None:
        path = candidates_path() if using_own_file() else require_generated(candidates_path())
    return load_candidates(path, codebook())


# -- routing and groups ----------------------------------------------------------------------------------
def group_labels(cb: QuestionnaireCodebook | None = None) -> dict[str, str]:
    """Reader-facing group names, with the whole sample first (as Tabell 2 orders its columns)."""
    cb = cb or codebook()
    return {ALL: ALL_LABEL, **{o.name: o.label for o in cb.group_options() if o.name}}


def variable_labels(cb: QuestionnaireCodebook | None = None) -> dict[str, str]:
    """Tabell 2's row headings (as printed), falling back to the form's wording."""
    cb = cb or codebook()
    labels = {p.var: p.published_label or p.label for p in cb.person_variables}
    labels.update({i.var: i.published_label or i.text for i in cb.items})
    return labels


def groups(data: pd.DataFrame, cb: QuestionnaireCodebook | None = None) -> pd.Series:
    """Group name per respondent (jobbspesialist, kvp, ...), from the coded group variable."""
    cb = cb or codebook()
    names = {float(o.code): o.name for o in cb.group_options()}
    return data[cb.group_variable].map(names)


def work_status(data: pd.DataFrame, tp: str, cb: QuestionnaireCodebook | None = None) -> pd.Series:
    """Which routed part each respondent answered at a time point: 'i_arbeid', 'ikke_i_arbeid' or missing."""
    cb = cb or codebook()
    column = cb.column(cb.routing_item, tp)
    if column not in data.columns:
        return pd.Series(pd.NA, index=data.index, dtype="object")
    status = pd.Series(pd.NA, index=data.index, dtype="object")
    for part in cb.parts:
        if part.asked_if is not None:
            status[data[column].isin(part.asked_if.codes)] = part.id
    return status


# -- scale scores --------------------------------------------------------------------------------------------
def scale_items(data: pd.DataFrame, scale: Scale, tp: str, cb: QuestionnaireCodebook | None = None) -> pd.DataFrame:
    """Item values ready to combine: reversed where the codebook says so, 0/1 for keyed (counted) items."""
    cb = cb or codebook()
    out = {}
    for ref in scale.items:
        column = cb.column(ref.item, tp)
        values = data[column].astype(float) if column in data.columns else pd.Series(np.nan, index=data.index)
        if scale.method == "count_keyed":
            values = (values == ref.keyed_code).astype(float).where(values.notna())
        elif ref.reverse:
            lo, hi = cb.item_scale(ref.item).bounds()
            values = lo + hi - values
        out[ref.item] = values
    return pd.DataFrame(out, index=data.index)


def scale_score(data: pd.DataFrame, scale: Scale, tp: str, cb: QuestionnaireCodebook | None = None) -> pd.Series:
    """A scale score per respondent: item mean (or keyed count) when enough items are answered, else missing."""
    items = scale_items(data, scale, tp, cb)
    answered = items.notna().sum(axis=1)
    combined = items.sum(axis=1) if scale.method == "count_keyed" else items.mean(axis=1)
    if scale.method == "count_keyed" and scale.required_items < len(scale.items):
        combined = items.mean(axis=1) * len(scale.items)  # prorate a count over the answered pairs
    return combined.where(answered >= scale.required_items)


def scale_scores(data: pd.DataFrame, tp: str, cb: QuestionnaireCodebook | None = None) -> pd.DataFrame:
    cb = cb or codebook()
    return pd.DataFrame({s.id: scale_score(data, s, tp, cb) for s in cb.scales}, index=data.index)


# -- Tabell 2 -----------------------------------------------------------------------------------------------
def _by_group(data: pd.DataFrame, cb: QuestionnaireCodebook) -> list[tuple[str, pd.DataFrame]]:
    names = groups(data, cb)
    return [(ALL, data)] + [(o.name, data[names == o.name]) for o in cb.group_options() if o.name]


def background_counts(data: pd.DataFrame, cb: QuestionnaireCodebook | None = None, tp: str = "t0") -> pd.DataFrame:
    """Counts and percentages per category and group at one time point, in Tabell 2's long layout.

    Percentages use those who answered the question as denominator (the report mixes group size and
    respondents; see the audit)."""
    cb = cb or codebook()
    rows = []
    # (variable, [(code, category label, column, value meaning "this category")])
    variables: list[tuple[str, list[tuple[int, str, str, int]]]] = []
    sex = next(p for p in cb.person_variables if p.var == "kjonn")
    if sex.scale:
        variables.append(("kjonn", [(o.code, o.label, "kjonn", o.code) for o in cb.response_scale(sex.scale).options]))
    for item in cb.items:
        if item.published_label is None or cb.item_scale(item.id).kind == "numeric":
            continue
        specs = cb.item_columns(item, cb.timepoint(tp))
        labels = cb.item_scale(item.id).labels()
        if item.multiple:
            variables.append((item.var, [(s.option or 0, labels[s.option or 0], s.name, 1) for s in specs]))
        else:
            variables.append((item.var, [(code, label, specs[0].name, code) for code, label in labels.items()]))
    for group, frame in _by_group(data, cb):
        for var, categories in variables:
            present = sorted({c for _, _, c, _ in categories if c in frame.columns})
            answered = int(frame[present].notna().any(axis=1).sum()) if present else 0
            for code, label, column, match in categories:
                if column not in frame.columns:
                    continue
                n = int((frame[column] == match).sum())
                rows.append(
                    {
                        "variable": var,
                        "code": code,
                        "category": label,
                        "group": group,
                        "n": n,
                        "answered": answered,
                        "pct": 100 * n / answered if answered else np.nan,
                    }
                )
    return pd.DataFrame(rows)


def background_means(data: pd.DataFrame, cb: QuestionnaireCodebook | None = None, tp: str = "t0") -> pd.DataFrame:
    """Mean, SD and n of age and work ability per group (the two mini-tables under Tabell 2)."""
    cb = cb or codebook()
    rows = []
    for group, frame in _by_group(data, cb):
        for var, column in (("alder", "alder"), ("q40", cb.column("40", tp))):
            values = frame[column].dropna().astype(float)
            rows.append(
                {"variable": var, "group": group, "n": len(values), "mean": values.mean(), "sd": values.std(ddof=1)}
            )
    return pd.DataFrame(rows)


# -- Tabell 3 -----------------------------------------------------------------------------------------------
def paired_scores(
    data: pd.DataFrame, scale: Scale, group: str = JOB_SPECIALIST, cb: QuestionnaireCodebook | None = None
) -> pd.DataFrame:
    """Scores at inclusion and three months for respondents with both (listwise within this scale)."""
    cb = cb or codebook()
    frame = data[groups(data, cb) == group]
    pairs = pd.DataFrame(
        {
            "id": frame[cb.id_variable],
            "t0": scale_score(frame, scale, "t0", cb),
            "t3": scale_score(frame, scale, "t3", cb),
        }
    )
    return pairs.dropna(subset=["t0", "t3"]).reset_index(drop=True)


def change_table(
    data: pd.DataFrame, group: str = JOB_SPECIALIST, cb: QuestionnaireCodebook | None = None
) -> pd.DataFrame:
    """Tabell 3 recomputed: per scale the paired means/SDs, F(1, n − 1), p and effect sizes."""
    cb = cb or codebook()
    rows = []
    for scale in cb.scales:
        pairs = paired_scores(data, scale, group, cb)
        base = {"variable": scale.id, "label": scale.label, "subgroup": scale.subgroup}
        if len(pairs) < 2:
            rows.append({**base, "n": len(pairs)})
            continue
        rows.append({**base, **repeated_measures(pairs["t0"], pairs["t3"]).as_dict()})
    return pd.DataFrame(rows)


def work_comparison(
    data: pd.DataFrame,
    group: str = JOB_SPECIALIST,
    scales: tuple[str, ...] = COMPARED_SCALES,
    cb: QuestionnaireCodebook | None = None,
) -> pd.DataFrame:
    """Welch t-tests of in-work vs not-in-work respondents at each time point (report: 'not shown')."""
    cb = cb or codebook()
    frame = data[groups(data, cb) == group]
    rows = []
    for tp in cb.timepoints:
        status = work_status(frame, tp.id, cb)
        for scale_id in scales:
            score = scale_score(frame, cb.scale(scale_id), tp.id, cb)
            x, y = score[status == "i_arbeid"].dropna(), score[status == "ikke_i_arbeid"].dropna()
            base = {"variable": scale_id, "label": cb.scale(scale_id).label, "timepoint": tp.id, "tid": tp.label}
            if len(x) < 2 or len(y) < 2:
                rows.append({**base, "n_x": len(x), "n_y": len(y)})
                continue
            rows.append({**base, **welch_test(x, y).as_dict()})
    return pd.DataFrame(rows)


def reliability_table(data: pd.DataFrame, tp: str = "t0", cb: QuestionnaireCodebook | None = None) -> pd.DataFrame:
    """Cronbach's α (95 % CI) for every multi-item scale, over all respondents answering all its items."""
    cb = cb or codebook()
    rows = []
    for scale in cb.scales:
        if len(scale.items) < 2:
            continue
        rel = cronbach(scale_items(data, scale, tp, cb))
        rows.append(
            {
                "variable": scale.id,
                "label": scale.label,
                "items": rel.k,
                "n": rel.n,
                "alpha": rel.alpha,
                "low": rel.low,
                "high": rel.high,
            }
        )
    return pd.DataFrame(rows)
