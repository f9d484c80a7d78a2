"""Scoring engine for the Norwegian SE Fidelity Scale.

Every rule comes from the codebook (data/instruments/se_fidelity_no.yaml): which options a tick-all item
counts, which printed duplicates count once, the bands. This module only applies them, vectorised over
whole columns so that a million answer rows score in seconds.

Two totals exist and must not be confused:
- a respondent's total, which exists only when all 19 items are answered (otherwise we report the partial
  sum together with the number of items answered, never a silently deflated total);
- a team's total, which the NORCE report defines as the sum of the team's item means (each mean over those
  who answered the item). That is what Tabell 1 prints and what ``team_summary`` computes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from analysis.core.rounding import round_float
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.rules import CountScoring

ID_COLUMNS = ("respondent_id", "team", "timepoint")
BandScheme = Literal["modified", "proportional", "original"]
BAND_SCHEMES: tuple[BandScheme, ...] = ("modified", "proportional")


# ----------------------------------------------------------------------------------------- bands
@dataclass(frozen=True)
class BandCut:
    id: str
    label: str
    min: float


def band_cuts(codebook: FidelityCodebook, scheme: BandScheme = "modified") -> list[BandCut]:
    """Lower bounds of the bands on the 95-point scale under a rescaling convention.

    ``modified`` is what the report prints: the original 125-point cut-offs minus the 30 points of the six
    removed items. ``proportional`` rescales the original cut-offs by 95/125 instead, which keeps each band
    the same share of the maximum. ``original`` is the 125-point scale itself.
    """
    if scheme in ("modified", "original"):
        return [BandCut(b.id, b.label, float(b.min)) for b in codebook.bands[scheme]]
    if scheme == "proportional":
        factor = codebook.scales["modified"].max_score / codebook.scales["original"].max_score
        return [BandCut(b.id, b.label, round_float(b.min * factor, 2)) for b in codebook.bands["original"]]
    raise ValueError(f"unknown band scheme {scheme!r}; choose one of modified, proportional, original")


BAND_TOLERANCE = 1e-9
"""How far below a band's lower bound a total may lie and still reach it: binary noise, not a real difference.

A team total is a sum of means such as 10/3 + 11/3 …; summed in floating point, a total that is exactly 70
can come out as 69.99999999999999 and would fall into the band below. Real totals are sums of fractions with
small denominators and lie much further than 1e-9 from a bound unless they sit on it. The self-assessment
page uses the same tolerance (it is exported with the codebook).
"""


def max_total(codebook: FidelityCodebook, variants: Iterable[str] = ()) -> int:
    """The highest total the scale allows under the given rule variants (the sum of each item's maximum)."""
    return sum(item.score_range(variants)[1] for item in codebook.items)


def classify(totals: pd.Series | np.ndarray, cuts: Sequence[BandCut]) -> np.ndarray:
    """Band id for each total (highest band whose lower bound it reaches); empty string where total is NaN."""
    values = np.asarray(totals, dtype=float)
    out = np.full(values.shape, "", dtype=object)
    ordered = sorted(cuts, key=lambda c: c.min)
    for cut in ordered:  # ascending, so higher bands overwrite lower ones
        out[values + BAND_TOLERANCE >= cut.min] = cut.id
    out[np.isnan(values)] = ""
    return out


# -------------------------------------------------------------------------------------- respondents
def _numeric(frame: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    values: np.ndarray = frame.loc[:, list(columns)].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    return values


def _score_count(ticks: np.ndarray, columns: Sequence[str], rule: CountScoring, item_id: str) -> np.ndarray:
    """Score a tick-all item. Blank options of an answered item count as not ticked; all blank = unanswered."""
    answered = ~np.all(np.isnan(ticks), axis=1)
    filled = np.nan_to_num(ticks, nan=0.0)
    index = {int(c.rsplit("_", 1)[1]): i for i, c in enumerate(columns)}
    units = [filled[:, [index[code] for code in unit]].max(axis=1) for unit in rule.units()]
    count = np.sum(units, axis=0) if units else np.zeros(len(ticks))
    score = np.clip(count, rule.floor, rule.max)
    return np.where(answered, score, np.nan)


def item_scores(raw: pd.DataFrame, codebook: FidelityCodebook, variants: Iterable[str] = ()) -> pd.DataFrame:
    """One score column per item (q01…q19), NaN where the item is unanswered."""
    chosen = codebook.check_variants(variants)
    scores: dict[str, np.ndarray] = {}
    for item in codebook.items:
        rule = item.resolved_scoring(chosen)
        values = _numeric(raw, item.columns)
        if isinstance(rule, CountScoring):
            scores[item.id] = _score_count(values, item.columns, rule, item.id)
        else:
            scores[item.id] = values[:, 0]
    return pd.DataFrame(scores, index=raw.index)


def score_respondents(
    raw: pd.DataFrame,
    codebook: FidelityCodebook | None = None,
    *,
    variants: Iterable[str] = (),
    band_scheme: BandScheme = "modified",
) -> pd.DataFrame:
    """Per-respondent item scores, items answered, total (complete answers only), partial total and band."""
    book = codebook or load_fidelity_codebook()
    scores = item_scores(raw, book, variants)
    answered = scores.notna().sum(axis=1).astype(int)
    partial = scores.sum(axis=1, min_count=1)
    complete = answered == len(book.items)
    total = partial.where(complete)
    result = raw.loc[:, list(ID_COLUMNS)].copy()
    result = pd.concat([result, scores], axis=1)
    result["items_answered"] = answered
    result["partial_total"] = partial
    result["total"] = total
    result["band"] = classify(total, band_cuts(book, band_scheme))
    return result


# ------------------------------------------------------------------------------------------- teams
_DIGITS = re.compile(r"(\d+)")


def team_sort_key(team: object) -> tuple[tuple[object, ...], str]:
    """Teams in natural order («Team 2» before «Team 10»); the self-assessment page sorts the same way.

    The name is split into text and digit runs (text first, so the kinds alternate); text runs compare as
    text, digit runs by their value (length without leading zeros, then digits, so any length works), and
    the whole name breaks ties.
    """
    text = str(team)
    parts: list[object] = []
    for k, part in enumerate(_DIGITS.split(text)):
        if k % 2:
            digits = part.lstrip("0")
            parts.append((len(digits), digits))
        else:
            parts.append(part)
    return tuple(parts), text


def team_summary(
    scores: pd.DataFrame,
    codebook: FidelityCodebook | None = None,
    *,
    band_scheme: BandScheme = "modified",
    timepoint_order: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Team × time point: respondents (``n``, ``n_complete`` of them answered every item), item means over those
    who answered, total = sum of item means, band.

    The total is the report's own method (Tabell 1). If some item has no answer at all in a group, its mean
    is missing, the total is left empty and ``items_with_answers`` says how many items the sum would cover.
    """
    book = codebook or load_fidelity_codebook()
    items = [item.id for item in book.items]
    grouped = scores.groupby(["team", "timepoint"], sort=False, observed=True)
    means = grouped[items].mean()
    summary = means.copy()
    summary.insert(0, "n", grouped.size())
    complete = scores[items].notna().all(axis=1).groupby([scores["team"], scores["timepoint"]], sort=False).sum()
    summary.insert(1, "n_complete", complete.reindex(summary.index).astype(int))
    summary["items_with_answers"] = means.notna().sum(axis=1).astype(int)
    summary["total"] = means.sum(axis=1, min_count=len(items)).where(summary["items_with_answers"] == len(items))
    summary["band"] = classify(summary["total"], band_cuts(book, band_scheme))
    summary = summary.reset_index()
    order = {t: k for k, t in enumerate(timepoint_order or [t.id for t in book.timepoints])}
    known = summary["timepoint"].astype(str).map(lambda t: order.get(book.timepoint_id(t) or t))
    if known.isna().any():
        unknown = sorted(set(summary.loc[known.isna(), "timepoint"].astype(str)))
        raise ValueError(
            f"ukjente måletidspunkt {unknown}; bruk {book.timepoint_choices()} (read_answers gjør dette for en fil)"
        )
    teams, orders = summary["team"].tolist(), known.astype(int).tolist()
    summary = summary.iloc[sorted(range(len(summary)), key=lambda k: (team_sort_key(teams[k]), orders[k]))]
    return summary.reset_index(drop=True)


def sensitivity(
    raw: pd.DataFrame, codebook: FidelityCodebook | None = None, variant_sets: dict[str, Sequence[str]] | None = None
) -> pd.DataFrame:
    """Team totals and bands under every combination of tick-all rule variant set and band rescaling.

    Long format: one row per team × time point × rule × band scheme, so the chapter can show which
    classifications change.
    """
    book = codebook or load_fidelity_codebook()
    sets = variant_sets or {"standard": ()} | {v.id: (v.id,) for v in book.variants}
    rows = []
    for rule_name, variants in sets.items():
        scored = score_respondents(raw, book, variants=variants)
        for scheme in BAND_SCHEMES:
            summary = team_summary(scored, book, band_scheme=scheme)
            for record in summary.itertuples(index=False):
                rows.append(
                    {
                        "team": record.team,
                        "timepoint": record.timepoint,
                        "rule": rule_name,
                        "band_scheme": scheme,
                        "total": record.total,
                        "band": record.band,
                    }
                )
    return pd.DataFrame(rows)
