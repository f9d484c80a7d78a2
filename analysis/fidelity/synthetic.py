"""Synthetic job-specialist answers that reproduce Tabell 1 of the NORCE report.

The report publishes only team means per item and time point; the answers behind them were never
published. To run the real pipeline (SPSS file → validation → scoring → team summary) we generate one
answer row per job specialist and time point such that scoring it with the codebook gives every printed
mean back to the printed precision. How many specialists answered is inferred from the decimals
(analysis.core.grim); which specialist gave which score is drawn from a seeded generator.

Tabell 1 prints item means with one decimal and drops a trailing ",0" (totals keep it: "68.0"), so a mean
printed as "5" is read as 5.0 ± 0.05, not as 5 ± 0.5.

The generator builds tick patterns from the codebook's data (``counted``, ``merge``, ``max``) with its own
logic and does not call the scorer's counting rule (``analysis.fidelity.rules``): when the scored file gives
Tabell 1 back, two separate readings of the codebook agree. Whether the codebook's rules are right is
checked against hand-worked examples from Vedlegg 1 (``worked_examples`` in the codebook), not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from analysis.core import spss
from analysis.core.grim import CellInference, infer_respondents, sums_for
from analysis.core.paths import PUBLISHED
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook

if TYPE_CHECKING:  # the type only: the generator does not use the scorer's rules
    from analysis.fidelity.rules import Item

TABLE1 = PUBLISHED / "fidelity_item_means.csv"
PRINTED_DECIMALS = 1
MAX_PER_TEAM = 5  # «fem fra hvert team» (004, L1072; transcribed in data/published/text_figures.csv)
DEFAULT_SEED = 2020
MISSING_CODE = 9  # declared user-missing in the .sav for unanswered single-choice items
FILE_LABEL = "SYNTETISKE DATA kalibrert til Tabell 1, NORCE 1-2020"  # SPSS allows 64 characters
FILE_NOTE = [  # SPSS document lines hold at most 80 characters each
    "Syntetiske data: ikke svar fra virkelige personer.",
    "Generert av analysis/fidelity/synthetic.py slik at skaaring med kodeboken",
    "se_fidelity_no gir hvert gjennomsnitt i Tabell 1 (NORCE Rapport 1-2020).",
]


@dataclass(frozen=True)
class Calibration:
    """The inferred respondent counts per team × time point, for the chapter and the provenance page."""

    cells: dict[tuple[int, str], CellInference]

    def table(self) -> pd.DataFrame:
        rows = []
        for (team, timepoint), cell in self.cells.items():
            rows.append(
                {
                    "team": team,
                    "timepoint": timepoint,
                    "n": cell.n,
                    "items_fitting_n": cell.fits_at_n,
                    "items_with_fewer": ", ".join(f"{i} ({cell.item_n[i]})" for i in cell.items_with_missing) or "–",
                }
            )
        return pd.DataFrame(rows)


def published_means(path: Path = TABLE1) -> pd.DataFrame:
    table = pd.read_csv(path)
    table["item_id"] = table["item"].map(lambda i: f"q{int(i):02d}")
    return table


def calibrate(codebook: FidelityCodebook, table: pd.DataFrame) -> Calibration:
    """Infer respondents per column of Tabell 1 (see analysis.core.grim.infer_respondents for the rule)."""
    ranges = {item.id: score_range(item) for item in codebook.items}
    cells = {}
    for (team, timepoint), group in table.groupby(["team", "timepoint"], sort=False):
        means = {row.item_id: (float(row.mean), PRINTED_DECIMALS, *ranges[row.item_id]) for row in group.itertuples()}
        cells[(int(team), str(timepoint))] = infer_respondents(means, MAX_PER_TEAM)
    return Calibration(cells)


def _spread(total: int, n: int, lo: int, hi: int, rng: np.random.Generator) -> list[int]:
    """n integer scores in [lo, hi] summing to ``total``: as even as possible, then jittered by ±1 swaps."""
    base, extra = divmod(total, n)
    scores = [base + 1] * extra + [base] * (n - extra)
    for _ in range(n):  # a few sum-preserving swaps so specialists differ, staying in range
        i, j = rng.integers(0, n, size=2)
        if i != j and scores[i] + 1 <= hi and scores[j] - 1 >= lo:
            scores[i] += 1
            scores[j] -= 1
    rng.shuffle(scores)
    return scores


def score_range(item: Item) -> tuple[int, int]:
    """Lowest and highest score of an item under the default rule, read from the codebook's fields."""
    scoring = item.scoring
    if scoring.rule == "count":
        return scoring.floor, scoring.max
    return 1, len(item.options)


def tick_groups(item: Item) -> list[list[int]]:
    """Option codes that count as one statement each: a merged group once, every other counted code alone."""
    scoring = item.scoring
    if scoring.rule != "count":
        return []
    merged = [sorted(group) for group in scoring.merge]
    in_a_group = {code for group in merged for code in group}
    alone = [[code] for code in scoring.counted if code not in in_a_group]
    return alone + merged


def ticks_for(score: int, item: Item, rng: np.random.Generator) -> dict[int, int]:
    """A tick pattern (option code → 0/1) worth ``score`` statements: that many groups ticked, no others."""
    groups = tick_groups(item)
    ticks = {option.code: 0 for option in item.options}
    for index in sorted(rng.choice(len(groups), size=score, replace=False).tolist() if score else []):
        group = groups[int(index)]
        picked = [code for code in group if rng.random() < 0.5] or [group[int(rng.integers(len(group)))]]
        for code in picked:
            ticks[code] = 1
    counted = {code for group in groups for code in group}
    for code in ticks:  # options no statement counts may be ticked freely
        if code not in counted:
            ticks[code] = int(rng.random() < 0.5)
    return ticks


def generate_fidelity(
    seed: int = DEFAULT_SEED, codebook: FidelityCodebook | None = None, table: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, Calibration]:
    """Answer rows in the raw format (respondent_id, team, timepoint, q01 …), deterministic for a seed."""
    book = codebook or load_fidelity_codebook()
    means = table if table is not None else published_means()
    calibration = calibrate(book, means)
    rng = np.random.default_rng(seed)
    rows: list[dict[str, object]] = []
    for (team, timepoint), cell in calibration.cells.items():
        people = sorted(rng.choice(MAX_PER_TEAM, size=cell.n, replace=False) + 1)
        answers: list[dict[str, object]] = [
            {"respondent_id": f"JS{team}-{p:02d}", "team": team, "timepoint": timepoint} for p in people
        ]
        group = means[(means["team"] == team) & (means["timepoint"] == timepoint)].set_index("item_id")
        for item in book.items:
            k = cell.item_n[item.id]
            lo, hi = score_range(item)
            total = sums_for(float(group.loc[item.id, "mean"]), PRINTED_DECIMALS, k, lo, hi)[0]
            scores = _spread(total, k, lo, hi, rng)
            who = sorted(rng.choice(cell.n, size=k, replace=False))
            for person, answer in enumerate(answers):
                score = scores[who.index(person)] if person in who else None
                if item.type == "multi":
                    codes = [o.code for o in item.options]
                    ticks = ticks_for(score, item, rng) if score is not None else dict.fromkeys(codes)
                    for code in codes:
                        answer[f"{item.id}_{code}"] = ticks[code]
                else:
                    answer[item.id] = score
        rows.extend(answers)
    frame = pd.DataFrame(rows, columns=book.raw_columns())
    for column in book.item_columns():
        frame[column] = frame[column].astype("float64")
    return frame, calibration


def sav_metadata(codebook: FidelityCodebook) -> dict[str, Any]:
    """Variable labels, Norwegian value labels and user-missing codes for the .sav file."""
    labels = {"respondent_id": "Respondent (syntetisk løpenummer)", "team": "Team", "timepoint": "Måletidspunkt"}
    value_labels: dict[str, dict[float, str]] = {"team": {1.0: "Team 1", 2.0: "Team 2"}}
    missing: dict[str, list[float]] = {}
    for item in codebook.items:
        if item.type == "single":
            labels[item.id] = f"{item.number}. {item.label}"
            value_labels[item.id] = {float(o.code): o.text[:120] for o in item.options}
            value_labels[item.id][float(MISSING_CODE)] = "Ikke besvart"
            missing[item.id] = [float(MISSING_CODE)]
        else:
            for option in item.options:
                column = f"{item.id}_{option.code}"
                labels[column] = f"{item.number}.{option.code} {option.text[:100]}"
                value_labels[column] = {0.0: "Ikke krysset av", 1.0: "Krysset av"}
    return {"column_labels": labels, "variable_value_labels": value_labels, "missing_ranges": missing}


def write_fidelity(path: Path, seed: int = DEFAULT_SEED) -> Calibration:
    """Write fidelity_responses.sav; unanswered single-choice items carry the declared missing code 9."""
    book = load_fidelity_codebook()
    frame, calibration = generate_fidelity(seed, book)
    meta = sav_metadata(book)
    out = frame.copy()
    for item in book.items:
        if item.type == "single":
            out[item.id] = out[item.id].fillna(MISSING_CODE)
    spss.write_sav(out, path, file_label=FILE_LABEL, note=FILE_NOTE, **meta)
    return calibration
