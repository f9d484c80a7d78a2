"""Synthetic respondent file for the candidate questionnaire, calibrated to the NORCE report's tables.

Why: the report publishes only aggregates (Tabell 2 at inclusion, Tabell 3 for change to three months);
no answers from real people exist in this project. To run and test the real pipeline (an SPSS file with
labels and missing codes → validation → routing → scale scores → tests) the build generates 43 fictitious
respondents whose answers reproduce every Tabell 2 count exactly and every Tabell 3 mean and SD to its
printed decimal, with F values as close as integer answers allow. Nothing in the file describes a person.

Design (each choice is reported in the chapter and in the calibration record):
- The job-specialist group (29) splits into: A in work at both time points (the in-work pairs of
  Tabell 3), B not in work at both (the not-in-work pairs), C in work at inclusion but not at three
  months, and D in work at inclusion without a three-month answer. The comparison groups (KVP, external
  provider) only answer at inclusion, as in the report.
- Tabell 3 pairs per variable = df2 + 1, drawn from the three-month responders (listwise within each
  variable). Where the printed df needs more pairs than the routing allows (17 not-in-work pairs but only
  16 not in work at inclusion), the file keeps the routing and uses the largest possible number.
- Scale scores are calibrated first (analysis.questionnaire.calibration), then split into item answers that average to
  the score, so the codebook's scoring rule gives the calibrated scores back.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.core import spss
from analysis.core.paths import GENERATED
from analysis.questionnaire import published
from analysis.questionnaire import synthetic_answers as answers
from analysis.questionnaire import synthetic_calibration as calibration
from analysis.questionnaire.codebook import QuestionnaireCodebook, load_questionnaire_codebook

SEED = 2020
FILE_NAME = "candidates.sav"
FILE_LABEL = "SYNTHETIC - not real respondents (calibrated to NORCE 1-2020)"


# -- published inputs ---------------------------------------------------------------------------------
# -- entry points -------------------------------------------------------------------------------------
def generate_candidates(seed: int = SEED) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The synthetic respondents and their SPSS metadata; the same seed gives identical output."""
    cb = load_questionnaire_codebook()
    counts, change = published.counts(), published.change().set_index("variable")
    b = answers.people(cb, counts, change, seed)
    answers.inclusion_categoricals(b, counts)
    calibration.calibrate_work_ability(b)
    calibration.calibrate_age(b)
    for scale in cb.scales:
        calibration.calibrate_scale(b, scale, change.loc[scale.id], counts)
    answers.fill_unscaled_items(b)
    answers.apply_routing_codes(b)
    frame = _frame(b)
    return frame, _metadata(cb, frame, seed, b.calibration)


def write_candidates(path: Path | str | None = None, seed: int = SEED) -> Path:
    """Generate and write the .sav file (default data/generated/candidates.sav); returns its path."""
    frame, meta = generate_candidates(seed)
    return write_sav(frame, meta, GENERATED / FILE_NAME if path is None else path)


def write_sav(frame: pd.DataFrame, meta: dict[str, Any], path: Path | str) -> Path:
    """Write generated (or deliberately altered) respondents with their labels and missing codes."""
    return spss.write_sav(
        frame,
        Path(path),
        file_label=meta["file_label"],
        note=meta["note"],
        column_labels={c: meta["column_labels"].get(c) for c in frame.columns},
        variable_value_labels={c: v for c, v in meta["variable_value_labels"].items() if c in frame.columns},
        missing_ranges={c: v for c, v in meta["missing_ranges"].items() if c in frame.columns},
        variable_measure={c: v for c, v in meta["variable_measure"].items() if c in frame.columns},
    )


def _frame(b: answers.Build) -> pd.DataFrame:
    order = list(range(b.n))
    b.rng.shuffle(order)
    order.sort(key=lambda i: [o.name for o in b.cb.group_options()].index(b.group[i]))
    codes = {o.name: o.code for o in b.cb.group_options()}
    data: dict[str, Any] = {
        b.cb.id_variable: [f"syn-{k + 1:03d}" for k in range(b.n)],
        b.cb.group_variable: [float(codes[b.group[i]]) for i in order],
    }
    for spec in b.cb.columns():
        if spec.name in data:
            continue
        column = b.cols.get(spec.name, [math.nan] * b.n)
        data[spec.name] = [column[i] for i in order]
    frame = pd.DataFrame(data)
    frame[b.cb.id_variable] = frame[b.cb.id_variable].astype(object)
    return frame


# -- metadata ----------------------------------------------------------------------------------------------
def _label(text: str, limit: int = 250) -> str:
    """SPSS variable labels are limited in bytes, and Norwegian letters take two."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[: limit - 3].decode("utf-8", errors="ignore") + "..."


def _metadata(
    cb: QuestionnaireCodebook, frame: pd.DataFrame, seed: int, calibration: list[dict[str, Any]]
) -> dict[str, Any]:
    labels: dict[str, str] = {}
    value_labels: dict[str, dict[int | float, str]] = {}
    missing: dict[str, list[int | float | str]] = {}
    measure: dict[str, str] = {}
    for person in cb.person_variables:
        labels[person.var] = person.label
        measure[person.var] = "nominal" if person.kind != "background" or person.scale != "alder" else "scale"
        if person.scale is not None:
            scale = cb.response_scale(person.scale)
            value_labels[person.var] = {float(k): v for k, v in scale.labels().items()} if scale.labels() else {}
            if not value_labels[person.var]:
                del value_labels[person.var]
    for tp in cb.timepoints:
        for item in cb.items:
            scale = cb.item_scale(item.id)
            for spec in cb.item_columns(item, tp):
                text = f"{item.stem} {item.text}".replace("... ...", "...") if item.stem else item.text
                if spec.option is not None:
                    option = next(o.label for o in scale.options if o.code == spec.option)
                    text = f"{text} – {option}"
                    codes = cb.response_scale("avkrysning").labels()
                else:
                    codes = scale.labels()
                labels[spec.name] = _label(f"{item.id}. {text} ({tp.label})")
                all_codes = {**codes, **{m.code: m.label for m in cb.missing_for(scale)}}
                value_labels[spec.name] = {float(k): v for k, v in sorted(all_codes.items())}
                missing[spec.name] = [m.code for m in cb.missing_for(scale)]
                measure[spec.name] = (
                    "nominal"
                    if spec.option is not None or scale.kind == "nominal"
                    else "ordinal"
                    if scale.kind == "ordinal"
                    else "scale"
                )
    return {
        "file_label": FILE_LABEL,
        "note": [  # SPSS document lines hold at most 80 characters each
            "SYNTHETIC DATA: no row describes a real person.",
            f"Generated by analysis/questionnaire/synthetic.py, seed {seed}.",
            "Calibrated to Tabell 2 and Tabell 3 of NORCE report 1-2020.",
            "Codebook: data/instruments/jobbmestring_no.yaml.",
        ],
        "column_labels": {c: labels[c] for c in frame.columns},
        "variable_value_labels": value_labels,
        "missing_ranges": missing,
        "variable_measure": {c: measure[c] for c in frame.columns},
        "seed": seed,
        "calibration": calibration,
    }


def calibration_summary(meta: dict[str, Any]) -> pd.DataFrame:
    """The calibration record as a table (achieved statistics next to the targets they were searched for)."""
    return pd.DataFrame(meta["calibration"])
