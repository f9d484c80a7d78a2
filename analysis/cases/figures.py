"""The case chapter's overview figure: which EUSE stages the cases illustrate, by outcome.

The figure is drawn here and shown through :func:`analysis.core.render.show_figure`, which makes it offline,
accessible and traceable to the case files it was computed from.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from analysis.cases.model import Case
from analysis.cases.overview import stage_outcome_counts
from analysis.cases.vocabulary import EUSE_STAGES, OUTCOME_LABELS
from analysis.core.formatting import fmt_num
from analysis.core.paths import rel
from analysis.core.render import SEQUENTIAL, FigureOutput, show_figure


def stage_outcome_grid(cases: Sequence[Case]) -> pd.DataFrame:
    """Every stage × outcome combination that could occur, zeros included, so the table shows gaps too."""
    counts = stage_outcome_counts(cases)
    outcomes = [OUTCOME_LABELS[o] for o in OUTCOME_LABELS if any(c.meta.outcome == o for c in cases)]
    grid = pd.MultiIndex.from_product([list(EUSE_STAGES), outcomes], names=["trinn", "utfall"]).to_frame(index=False)
    grid["trinnnavn"] = grid["trinn"].map(EUSE_STAGES)
    merged = grid.merge(counts, on=["trinn", "trinnnavn", "utfall"], how="left").fillna({"antall caser": 0})
    merged["antall caser"] = merged["antall caser"].astype(int)
    return merged[["trinn", "trinnnavn", "utfall", "antall caser"]]


def describe_stage_coverage(cases: Sequence[Case]) -> str:
    """Text alternative computed from the cases: most and least illustrated stage, and the spread."""
    per_stage = {s: sum(s in c.meta.euse_stages for c in cases) for s in EUSE_STAGES}
    most = max(per_stage, key=lambda s: (per_stage[s], -s))
    least = min(per_stage, key=lambda s: (per_stage[s], s))
    n = fmt_num(len(cases), 0)
    return (
        f"Rutenettet viser hvor mange av de {n} casene som belyser hvert trinn i femtrinnsprosessen, "
        f"fordelt på utfall. Flest caser belyser trinn {most} ({EUSE_STAGES[most].lower()}, "
        f"{fmt_num(per_stage[most], 0)} caser); færrest belyser trinn {least} "
        f"({EUSE_STAGES[least].lower()}, {fmt_num(per_stage[least], 0)} caser)."
    )


def stage_outcome_heatmap(cases: Sequence[Case]) -> FigureOutput:
    """Heatmap of stages by outcome; each case counts once for every stage it illustrates."""
    grid = stage_outcome_grid(cases)
    outcomes = list(dict.fromkeys(grid["utfall"]))
    stages = [f"Trinn {s}" for s in EUSE_STAGES]
    counts = grid.set_index(["trinn", "utfall"])["antall caser"]
    z = [[int(counts[(s, o)]) for o in outcomes] for s in EUSE_STAGES]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=outcomes,
            y=stages,
            colorscale=SEQUENTIAL,
            zmin=0,
            texttemplate="%{z}",
            hovertemplate="%{y} · %{x}: %{z} caser<extra></extra>",
            colorbar={"title": {"text": "Caser"}},
            xgap=2,
            ygap=2,
        )
    )
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=None, tickangle=-30)
    return show_figure(
        fig,
        fig_id="case-stage-outcome",
        title="Casene etter trinn i femtrinnsprosessen og utfall",
        sources=[rel(c.path) for c in cases],
        data=grid,
        description=describe_stage_coverage(cases),
        height=380,
    )
