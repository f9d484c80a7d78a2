"""The few published numbers the background page (book/bakgrunn.md) quotes about SE and IPS.

Each row of ``data/published/se_evidence.csv`` is one number as a source gives it, with its line reference
and a short verbatim phrase that locates it there (``printed``, the number in square brackets; checked
against the seed text by :mod:`analysis.evidence.transcription`), so the page can glue it into prose and
draw its figure from the file rather than from typed-in values. The same number given by two sources is
kept twice: that is how the page can show that they agree (or not).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import altair as alt
import pandas as pd

from analysis.core.errors import InputError, Problem
from analysis.core.formatting import fmt_num
from analysis.core.paths import PUBLISHED, rel
from analysis.core.render import DIVERGING
from analysis.core.sources import check_source_ref, parse_marked, parse_source_ref, seeds_directory

EVIDENCE_FILE = PUBLISHED / "se_evidence.csv"
COLUMNS = ("evidence_id", "study", "claim", "group", "value", "unit", "source_ref", "printed", "note")
UNITS = frozenset({"prosent", "personer", "årsverk", "ganger så stor sjanse"})


def load_se_evidence(path: Path = EVIDENCE_FILE, *, seeds_dir: Path | None | str = "auto") -> pd.DataFrame:
    """Read and check the evidence file: numeric values, known units, references to real lines."""
    seeds = seeds_directory() if seeds_dir == "auto" else seeds_dir
    seeds = Path(seeds) if isinstance(seeds, str) else seeds
    problems: list[Problem] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        rows = [{k: (v or "").strip() for k, v in r.items() if k is not None} for r in reader]
    if missing:
        raise InputError([Problem(rel(path), f"mangler kolonnene {', '.join(missing)}")])
    seen: set[str] = set()
    for i, row in enumerate(rows, start=1):
        if row["evidence_id"] in seen or not row["evidence_id"]:
            problems.append(Problem(rel(path), "id-en mangler eller er brukt før", i, "evidence_id"))
        seen.add(row["evidence_id"])
        try:
            value = float(row["value"])
            if not math.isfinite(value) or value < 0:
                raise ValueError
        except ValueError:
            problems.append(Problem(rel(path), f"«{row['value']}» er ikke et ikke-negativt tall", i, "value"))
        if row["unit"] not in UNITS:
            problems.append(Problem(rel(path), f"ukjent enhet «{row['unit']}» ({', '.join(sorted(UNITS))})", i, "unit"))
        elif row["unit"] == "prosent" and row["value"].replace(".", "", 1).isdigit() and float(row["value"]) > 100:
            problems.append(Problem(rel(path), "en prosentandel kan ikke være over 100", i, "value"))
        try:
            parse_marked(row["printed"])
        except ValueError as exc:
            problems.append(Problem(rel(path), str(exc), i, "printed"))
        try:
            ref = parse_source_ref(row["source_ref"])
        except ValueError as exc:
            problems.append(Problem(rel(path), str(exc), i, "source_ref"))
        else:
            problems.extend(Problem(rel(path), reason, i, "source_ref") for reason in check_source_ref(ref, seeds))
    if problems:
        raise InputError(problems)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["value"] = frame["value"].astype(float)
    return frame


def value(evidence: pd.DataFrame, evidence_id: str) -> float:
    """One number by id; a missing id is an error, not a silent NaN in the prose."""
    match = evidence.loc[evidence["evidence_id"] == evidence_id, "value"]
    if match.empty:
        raise KeyError(f"{evidence_id} is not in {rel(EVIDENCE_FILE)}")
    return float(match.iloc[0])


def trial_chart(evidence: pd.DataFrame, ids: tuple[str, str] = ("E02", "E03")) -> tuple[alt.Chart, pd.DataFrame, str]:
    """Bars for the two arms of the Norwegian IPS trial, with a Norwegian description from the same rows."""
    rows = evidence[evidence["evidence_id"].isin(ids)][["group", "value", "study", "source_ref"]]
    table = rows.rename(
        columns={"group": "gruppe", "value": "prosent i arbeid", "study": "kilde", "source_ref": "kildehenvisning"}
    ).reset_index(drop=True)
    chart = (
        alt.Chart(table)
        .mark_bar(size=46)
        .encode(
            x=alt.X("gruppe:N", title=None, sort=list(table["gruppe"]), axis=alt.Axis(labelAngle=0, labelFontSize=14)),
            y=alt.Y("prosent i arbeid:Q", title="Prosent i arbeid etter 18 måneder", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "gruppe:N", scale=alt.Scale(domain=list(table["gruppe"]), range=list(DIVERGING)), legend=None
            ),
            tooltip=[
                alt.Tooltip("gruppe:N", title="Gruppe"),
                alt.Tooltip("prosent i arbeid:Q", title="Prosent i arbeid"),
            ],
        )
        .properties(width=260, height=260)
    )
    labels = chart.mark_text(dy=-10, fontSize=14, fontWeight="bold", color="#1f1f1f").encode(
        text=alt.Text("prosent i arbeid:Q", format=".0f")
    )
    a, b = table.iloc[0], table.iloc[1]
    description = (
        f"Søylene viser andelen i arbeid etter 18 måneder: {a['gruppe']} "
        f"{fmt_num(a['prosent i arbeid'], 0)} prosent og "
        f"{b['gruppe'].lower()} {fmt_num(b['prosent i arbeid'], 0)} prosent, en forskjell på "
        f"{fmt_num(a['prosent i arbeid'] - b['prosent i arbeid'], 0)} prosentpoeng."
    )
    return alt.layer(chart, labels), table, description  # type: ignore[return-value]
