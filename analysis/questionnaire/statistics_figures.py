"""Figures of the statistical tests: candidates in and not in work compared, and the power the pairs allowed.

Both are drawn from a respondent file (the synthetic one, or a user's own) or from the printed pair counts of
Tabell 3; the published tables' own figures are in :mod:`analysis.questionnaire.figures`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.core.formatting import fmt_num
from analysis.core.render import PALETTE, FigureOutput, show_figure
from analysis.questionnaire.power import GPOWER_DEFAULT_CORRELATION, rm_within_power


def comparison_figure(
    table: pd.DataFrame, *, fig_id: str, sources: Sequence[str | Path], synthetic: bool
) -> FigureOutput:
    """Cohen's d (in work minus not in work) with 95 % CI per score and time point."""
    rows = table.dropna(subset=["d"]).copy() if "d" in table.columns else table.iloc[0:0].copy()
    if rows.empty:
        raise ValueError("no comparison has two or more people in each group; nothing to draw")
    rows["rad"] = rows["label"] + " – " + rows["tid"]
    fig = go.Figure()
    for k, tid in enumerate(dict.fromkeys(rows["tid"])):
        part = rows[rows["tid"] == tid]
        fig.add_scatter(
            x=part["d"],
            y=part["rad"],
            mode="markers",
            name=tid,
            marker={"color": PALETTE[k], "size": 10},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": part["d_high"] - part["d"],
                "arrayminus": part["d"] - part["d_low"],
                "color": PALETTE[k],
            },
            customdata=np.stack([part["n_x"], part["n_y"], part["p"]], axis=-1),
            hovertemplate="%{y}<br>d = %{x:.2f} (i arbeid n = %{customdata[0]}, ikke i arbeid n = %{customdata[1]}, "
            "p = %{customdata[2]:.2f})<extra></extra>",
        )
    fig.add_vline(x=0, line_color="#767676")
    fig.update_layout(
        height=420, yaxis={"autorange": "reversed"}, xaxis_title="Cohens d: i arbeid minus ikke i arbeid (95 % KI)"
    )
    covers_zero = int(((rows["d_low"] <= 0) & (rows["d_high"] >= 0)).sum())
    description = (
        f"{len(rows)} sammenligninger; den minste p-verdien er {fmt_num(rows['p'].min(), 2)}, og "
        f"{covers_zero} av {len(rows)} konfidensintervaller omfatter null (ingen forskjell)."
    )
    data = rows[["label", "tid", "n_x", "n_y", "mean_x", "mean_y", "T", "dof", "p", "d", "d_low", "d_high"]].rename(
        columns={
            "label": "mål",
            "n_x": "n i arbeid",
            "n_y": "n ikke i arbeid",
            "mean_x": "snitt i arbeid",
            "mean_y": "snitt ikke i arbeid",
            "dof": "df (Welch)",
            "d_low": "d nedre",
            "d_high": "d øvre",
        }
    )
    return show_figure(
        fig,
        fig_id=fig_id,
        title="Kandidater i arbeid og ikke i arbeid (Welch t-test)",
        sources=sources,
        data=data.round(3),
        description=description,
        synthetic=synthetic,
    )


def power_figure(
    pairs: Sequence[int],
    *,
    f: float,
    alpha: float,
    target: float,
    fig_id: str,
    sources: Sequence[str | Path],
    correlation: float = GPOWER_DEFAULT_CORRELATION,
) -> FigureOutput:
    """Power against sample size for two and four measurements, with the pair counts Tabell 3 actually had.

    Every curve assumes one correlation between the measurements (the report gives none); the description
    says which.
    """
    ns = list(range(3, 61))

    def power(n: int, m: int) -> float:
        return rm_within_power(n, f=f, alpha=alpha, measurements=m, correlation=correlation)

    curves = pd.DataFrame([{"N": n, "målepunkter": m, "styrke": power(n, m)} for m in (2, 4) for n in ns])
    fig = go.Figure()
    for k, m in enumerate((2, 4)):
        part = curves[curves["målepunkter"] == m]
        fig.add_scatter(
            x=part["N"],
            y=part["styrke"],
            mode="lines",
            name=f"{m} målepunkter",
            line={"color": PALETTE[k], "width": 3},
            hovertemplate="N = %{x}: styrke %{y:.2f}<extra></extra>",
        )
    analysed = sorted(set(int(p) for p in pairs))
    fig.add_scatter(
        x=analysed,
        y=[power(n, 2) for n in analysed],
        mode="markers",
        name="par i Tabell 3",
        marker={"color": PALETTE[1], "size": 11, "symbol": "diamond"},
        hovertemplate="%{x} par: styrke %{y:.2f}<extra></extra>",
    )
    fig.add_hline(y=target, line_dash="dash", line_color="#767676")
    fig.update_layout(
        height=420,
        xaxis_title="Antall personer med svar ved begge tidspunkt",
        yaxis={"title": f"Styrke (sannsynlighet for å oppdage f = {fmt_num(f, 2)})", "range": [0, 1]},
    )
    low, high = power(min(analysed), 2), power(max(analysed), 2)
    description = (
        f"Styrken stiger med antall deltakere. Kurvene forutsetter en korrelasjon på {fmt_num(correlation, 1)} "
        "mellom målingene (standardverdien i G*Power; rapporten oppgir ingen), og en høyere korrelasjon gir høyere "
        f"styrke. Med {min(analysed)}–{max(analysed)} par, som i Tabell 3, er styrken "
        f"{fmt_num(low, 2)}–{fmt_num(high, 2)}, langt under målet på {fmt_num(target, 2)}."
    )
    return show_figure(
        fig,
        fig_id=fig_id,
        title="Styrkeberegning for gjentatte målinger",
        sources=sources,
        data=curves.round(4),
        description=description,
    )
