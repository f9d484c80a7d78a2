"""A scored answer file as one plain structure: what the team report and the self-assessment page show.

The structure is the contract between Python and the browser. The command line computes it here and
writes it into ``fidelity_report.html``; the self-assessment page computes the same structure in
JavaScript from the same codebook export (``book/_static/egenvurdering.js``); one JavaScript renderer draws
it in both places. The browser tests compare the two computations on the same files.

Per team × time point (teams in natural order, time points in codebook order):

- ``n`` respondents, ``n_complete`` of them with every item answered, ``answered`` per item and the item
  ``means`` over those who answered (``None`` where nobody did);
- ``total`` (the sum of the item means, the report's own method; ``None`` when an item has no answer at all)
  and ``band``;
- ``missing``: the respondents who left items blank, with the items, in file order (the first
  ``LISTED``; ``missing_count`` counts them all);
- ``flags``: answers that contradict themselves, e.g. the two identically worded options of item 19
  answered differently by one person (also capped at ``LISTED``, counted in ``flag_count``).

File-level ``several_teams`` lists respondent ids that appear in more than one team (a typo, or a person
who moved; either way worth a look).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.fidelity.codebook import FidelityCodebook
from analysis.fidelity.rules import Item
from analysis.fidelity.scoring import BandScheme, team_sort_key

SCHEMA_VERSION = 1
LISTED = 50
"""Respondents listed per team and time point for missing answers and flags; the rest are counted."""


def identical_options(item: Item) -> list[list[int]]:
    """Groups of option codes printed with the same wording (spaces normalised): one statement printed twice."""
    by_text: dict[str, list[int]] = {}
    for option in item.options:
        by_text.setdefault(re.sub(r"\s+", " ", option.text.strip()), []).append(option.code)
    return [codes for codes in by_text.values() if len(codes) > 1]


def _number(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _flags(frame: pd.DataFrame, book: FidelityCodebook) -> list[tuple[np.ndarray, dict[str, Any]]]:
    """(rows affected, flag) for every identically worded pair answered differently by one respondent."""
    out = []
    for item in book.items:
        if item.type != "multi":
            continue
        ticks = frame.loc[:, item.columns].to_numpy(dtype=float)
        answered = ~np.all(np.isnan(ticks), axis=1)
        filled = np.nan_to_num(ticks, nan=0.0)
        for group in identical_options(item):
            values = filled[:, [code - 1 for code in group]]
            differ = answered & (values.min(axis=1) != values.max(axis=1))
            out.append((differ, {"kind": "identical_options", "item": item.id, "options": group}))
    return out


def results_model(
    frame: pd.DataFrame,
    scores: pd.DataFrame,
    summary: pd.DataFrame,
    book: FidelityCodebook,
    *,
    variants: Sequence[str] = (),
    band_scheme: BandScheme = "modified",
) -> dict[str, Any]:
    """The results structure for a validated answer frame, its respondent scores and its team summary."""
    items = [i.id for i in book.items]
    ids = scores["respondent_id"].astype(str).to_numpy()
    missing = scores.loc[:, items].isna().to_numpy()
    any_missing = missing.any(axis=1)
    flags = _flags(frame, book)
    flagged = np.zeros(len(frame), dtype=bool)
    for rows, _ in flags:
        flagged |= rows
    positions = scores.groupby(["team", "timepoint"], sort=False).indices
    groups = []
    for row in summary.itertuples(index=False):
        at = np.sort(positions[(row.team, row.timepoint)])
        answered = (~missing[at]).sum(axis=0)
        listed = [
            {"respondent_id": ids[k], "items": [items[j] for j in np.flatnonzero(missing[k])]}
            for k in at[any_missing[at]][:LISTED]
        ]
        found = []
        for k in at[flagged[at]]:
            for rows, flag in flags:
                if rows[k]:
                    found.append({"respondent_id": ids[k], **flag})
        groups.append(
            {
                "team": str(row.team),
                "timepoint": str(row.timepoint),
                "n": int(row.n),
                "n_complete": int((~any_missing[at]).sum()),
                "answered": {i: int(a) for i, a in zip(items, answered, strict=True)},
                "means": {i: _number(getattr(row, i)) for i in items},
                "items_with_answers": int(row.items_with_answers),
                "total": _number(row.total),
                "band": row.band or None,
                "missing": listed,
                "missing_count": int(any_missing[at].sum()),
                "flags": found[:LISTED],
                "flag_count": len(found),
            }
        )
    # Respondent ids in more than one team, in the order they first appear (a million rows: no Python loop).
    pairs = pd.DataFrame({"id": frame["respondent_id"].astype(str), "team": frame["team"].astype(str)})
    pairs = pairs.drop_duplicates()
    several = pairs.loc[pairs["id"].duplicated(keep=False)]
    several_ids = several["id"].drop_duplicates()
    listed_ids = set(several_ids.iloc[:LISTED])
    teams_of = several.loc[several["id"].isin(listed_ids)].groupby("id", sort=False)["team"].agg(list)
    return {
        "schema": SCHEMA_VERSION,
        "codebook": book.id,
        "variants": list(variants),
        "band_scheme": band_scheme,
        "rows": len(frame),
        "groups": groups,
        "several_teams": [
            {"respondent_id": rid, "teams": sorted(teams_of[rid], key=team_sort_key)}
            for rid in several_ids.iloc[:LISTED]
        ],
        "several_teams_count": len(several_ids),
    }
