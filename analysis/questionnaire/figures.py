"""Figures and reader-facing tables for the questionnaire chapter.

Tables of the report (real, published numbers) and tables recomputed from a respondent file (synthetic
by default, a user's own file on request) are drawn by the same functions, so the chapter can show the
two side by side. Everything a reader sees is labelled in Norwegian here, once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from scipy import stats

from analysis.core.formatting import fmt_num
from analysis.core.render import DIVERGING, PALETTE, FigureOutput, show_figure
from analysis.questionnaire.codebook import QuestionnaireCodebook
from analysis.questionnaire.summaries import ALL_LABEL, group_labels, variable_labels

TIME_LABELS = {"t0": "Inklusjon", "t3": "3 mnd"}
SATISFACTION = ("q10", "q11")
SATISFACTION_LABELS = {"q10": "Saksbehandler i NAV", "q11": "Kontaktperson i tiltaket"}


def _tint(hex_colour: str, share: float) -> str:
    """Mix a colour with white; used for the 'partly' categories of a Likert bar."""
    rgb = [int(hex_colour[k : k + 2], 16) for k in (1, 3, 5)]
    mixed = [round(c + (255 - c) * share) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)


# -- Tabell 2 -----------------------------------------------------------------------------------------------
def background_long(published: pd.DataFrame, cb: QuestionnaireCodebook) -> pd.DataFrame:
    """Tabell 2 with readable labels: one row per variable × category × group."""
    out = published.copy()
    out["spørsmål"] = out["variable"].map(variable_labels(cb))
    out["gruppe"] = out["group"].map(group_labels(cb))
    return out


def background_figure(
    published: pd.DataFrame, cb: QuestionnaireCodebook, *, fig_id: str, sources: Sequence[str | Path]
) -> FigureOutput:
    """Grouped bars of Tabell 2's percentages per group; a menu picks the question."""
    long = background_long(published[~published["variable"].isin(SATISFACTION)], cb)
    groups = [g for g in group_labels(cb).values() if g != ALL_LABEL]
    variables = list(dict.fromkeys(long["variable"]))
    fig = go.Figure()
    for v_index, variable in enumerate(variables):
        block = long[long["variable"] == variable]
        for g_index, group in enumerate(groups):
            rows = block[block["gruppe"] == group]
            fig.add_bar(
                y=rows["category"],
                x=rows["pct"],
                orientation="h",
                name=group,
                legendgroup=group,
                marker_color=PALETTE[g_index],
                visible=v_index == 0,
                showlegend=True,
                customdata=np.stack([rows["n"], rows["gruppe"]], axis=-1),
                hovertemplate="%{y}<br>%{customdata[1]}: %{x} % (n = %{customdata[0]})<extra></extra>",
            )
    buttons = []
    for v_index, variable in enumerate(variables):
        visible = [k // len(groups) == v_index for k in range(len(variables) * len(groups))]
        label = variable_labels(cb)[variable]
        buttons.append(
            {
                "label": label if len(label) <= 48 else label[:45] + "…",
                "method": "update",
                "args": [{"visible": visible}],
            }
        )
    fig.update_layout(
        barmode="group",
        height=520,
        xaxis_title="Prosent av gruppen (som trykt)",
        yaxis={"autorange": "reversed"},
        updatemenus=[{"buttons": buttons, "x": 0, "y": 1.18, "xanchor": "left", "yanchor": "top", "showactive": True}],
        margin={"t": 80},
    )
    js = long[long["group"] == "jobbspesialist"]
    top = js.loc[js["pct"].idxmax()]
    description = (
        f"Tabell 2 fra rapporten som stolper: andel i hver gruppe for {len(variables)} bakgrunnsspørsmål; "
        f"velg spørsmål i menyen. Høyeste andel i jobbspesialistgruppen er {fmt_num(top['pct'], 0)} % "
        f"({top['spørsmål']}: {top['category']})."
    )
    table = long[["spørsmål", "category", "gruppe", "n", "pct"]].rename(
        columns={"category": "kategori", "pct": "prosent"}
    )
    return show_figure(
        fig,
        fig_id=fig_id,
        title="Bakgrunnskjennetegn ved inklusjon (Tabell 2)",
        sources=sources,
        data=table,
        description=description,
    )


LIKERT_ORDER = (
    "Helt misfornøyd",
    "Delvis misfornøyd",
    "Verken fornøyd eller misfornøyd",
    "Delvis fornøyd",
    "Helt fornøyd",
)


def satisfaction_figure(
    published: pd.DataFrame, cb: QuestionnaireCodebook, *, fig_id: str, sources: Sequence[str | Path]
) -> FigureOutput:
    """Diverging bars: satisfied to the right, dissatisfied to the left, the neutral share split in the middle."""
    long = background_long(published[published["variable"].isin(SATISFACTION)], cb)
    long = long[long["group"] != "alle"].copy()
    long["rad"] = long["variable"].map(SATISFACTION_LABELS) + " – " + long["gruppe"]
    order = list(dict.fromkeys(long["rad"]))
    colours = {
        "Helt misfornøyd": DIVERGING[1],
        "Delvis misfornøyd": _tint(DIVERGING[1], 0.45),
        "Verken fornøyd eller misfornøyd": "#9E9E9E",
        "Delvis fornøyd": _tint(DIVERGING[0], 0.45),
        "Helt fornøyd": DIVERGING[0],
    }
    fig = go.Figure()
    neutral = "Verken fornøyd eller misfornøyd"
    for category in LIKERT_ORDER:
        rows = long[long["category"] == category].set_index("rad").reindex(order)
        share = rows["pct"].astype(float)
        if category == neutral:
            parts = [(-share / 2, True), (share / 2, False)]
        else:
            negative = category in LIKERT_ORDER[:2]
            parts = [(-share if negative else share, True)]
        for values, first in parts:
            fig.add_bar(
                y=order,
                x=values,
                orientation="h",
                name=category,
                marker_color=colours[category],
                legendgroup=category,
                showlegend=first,
                customdata=np.stack([share, rows["n"]], axis=-1),
                hovertemplate=f"%{{y}}<br>{category}: %{{customdata[0]}} % (n = %{{customdata[1]}})<extra></extra>",
            )
    fig.update_layout(
        barmode="relative",
        height=380,
        yaxis={"autorange": "reversed"},
        xaxis={"title": "Prosent: misfornøyd ← | → fornøyd", "zeroline": True},
    )
    fig.update_xaxes(tickvals=[-100, -50, 0, 50, 100], ticktext=["100", "50", "0", "50", "100"])
    satisfied = long[long["category"] == "Helt fornøyd"].set_index("rad")["pct"]
    description = (
        f"Andelen som er helt fornøyd, varierer fra {fmt_num(satisfied.min(), 0)} % ({satisfied.idxmin()}) "
        f"til {fmt_num(satisfied.max(), 0)} % ({satisfied.idxmax()})."
    )
    table = long[["rad", "category", "n", "pct"]].rename(
        columns={"rad": "spørsmål og gruppe", "category": "svar", "pct": "prosent"}
    )
    return show_figure(
        fig,
        fig_id=fig_id,
        title="Fornøydhet med oppfølgingen ved inklusjon (Tabell 2)",
        sources=sources,
        data=table,
        description=description,
    )


# -- Tabell 3 -----------------------------------------------------------------------------------------------
def change_long(published: pd.DataFrame, cb: QuestionnaireCodebook) -> pd.DataFrame:
    """Tabell 3 in long form with 95 % CIs of each mean (t-based, from the printed SD and n = df2 + 1)."""
    rows = []
    for row in published.itertuples(index=False):
        scale = cb.scale(row.variable)
        n = int(row.df2) + 1
        lo, hi = scale.range
        t = stats.t.ppf(0.975, n - 1)
        for tp, mean, sd in (("t0", row.mean_incl, row.sd_incl), ("t3", row.mean_3m, row.sd_3m)):
            half = t * sd / math.sqrt(n)
            rows.append(
                {
                    "variable": row.variable,
                    "skala": scale.label,
                    "tid": TIME_LABELS[tp],
                    "n": n,
                    "gjennomsnitt": mean,
                    "sd": sd,
                    "ki_lav": mean - half,
                    "ki_høy": mean + half,
                    "skala_min": lo,
                    "skala_max": hi,
                    "F": row.F,
                    "signifikant": str(row.marked_significant).lower() == "true",
                }
            )
    out = pd.DataFrame(rows)
    span = out["skala_max"] - out["skala_min"]
    for col in ("gjennomsnitt", "ki_lav", "ki_høy"):
        out[f"{col}_pst"] = 100 * (out[col] - out["skala_min"]) / span
    return out


def change_figure(
    published: pd.DataFrame, cb: QuestionnaireCodebook, *, fig_id: str, sources: Sequence[str | Path]
) -> FigureOutput:
    """Dumbbells: each scale's mean at inclusion and three months with 95 % CIs, on a common 0–100 % axis."""
    long = change_long(published, cb)
    order = list(dict.fromkeys(long["skala"]))
    labels = {
        s: (f"{s} (n = {n})" + (" *" if sig else ""))
        for s, n, sig in long.drop_duplicates("skala")[["skala", "n", "signifikant"]].itertuples(index=False)
    }
    position = {s: k for k, s in enumerate(order)}
    offset = {"Inklusjon": -0.17, "3 mnd": 0.17}  # the two time points side by side, so their CIs do not overlap
    long = long.assign(y=[position[s] + offset[t] for s, t in zip(long["skala"], long["tid"], strict=True)])
    fig = go.Figure()
    for skala in order:
        pair = long[long["skala"] == skala]
        fig.add_scatter(
            x=pair["gjennomsnitt_pst"],
            y=pair["y"],
            mode="lines",
            line={"color": "#9E9E9E", "width": 2},
            showlegend=False,
            hoverinfo="skip",
        )
    for k, (tp, symbol) in enumerate((("Inklusjon", "circle"), ("3 mnd", "diamond"))):
        rows = long[long["tid"] == tp]
        fig.add_scatter(
            x=rows["gjennomsnitt_pst"],
            y=rows["y"],
            mode="markers",
            name=tp,
            marker={"color": PALETTE[k], "size": 10, "symbol": symbol},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": rows["ki_høy_pst"] - rows["gjennomsnitt_pst"],
                "arrayminus": rows["gjennomsnitt_pst"] - rows["ki_lav_pst"],
                "color": PALETTE[k],
                "width": 3,
            },
            customdata=np.stack(
                [
                    rows["gjennomsnitt"],
                    rows["sd"],
                    rows["ki_lav"],
                    rows["ki_høy"],
                    rows["skala_min"],
                    rows["skala_max"],
                    rows["skala"].map(labels),
                ],
                axis=-1,
            ),
            hovertemplate=(
                f"%{{customdata[6]}}<br>{tp}: %{{customdata[0]:.1f}} (SD %{{customdata[1]:.1f}}), "
                "95 % KI %{customdata[2]:.1f}–%{customdata[3]:.1f} på skala "
                "%{customdata[4]:.0f}–%{customdata[5]:.0f}<extra></extra>"
            ),
        )
    fig.update_layout(
        height=700,
        yaxis={
            "autorange": "reversed",
            "tickmode": "array",
            "tickvals": list(range(len(order))),
            "ticktext": [labels[s] for s in order],
            "showgrid": False,
            "zeroline": False,
        },
        xaxis={"title": "Prosent av skalaens spenn (0 = laveste, 100 = høyeste mulige verdi)", "range": [-5, 105]},
    )
    wide = long.pivot_table(index="skala", columns="tid", values=["gjennomsnitt_pst", "ki_lav", "ki_høy"])
    change = (wide[("gjennomsnitt_pst", "3 mnd")] - wide[("gjennomsnitt_pst", "Inklusjon")]).abs()
    apart = (
        (wide[("ki_lav", "3 mnd")] > wide[("ki_høy", "Inklusjon")])
        | (wide[("ki_høy", "3 mnd")] < wide[("ki_lav", "Inklusjon")])
    ).sum()
    description = (
        f"Gjennomsnitt med 95 % konfidensintervall for {len(order)} mål i jobbspesialistgruppen. Største endring "
        f"er for «{change.idxmax()}» ({fmt_num(change.max(), 0)} prosentpoeng av skalaen). For {len(order) - apart} "
        f"av {len(order)} mål overlapper intervallene ved de to tidspunktene. Stjerne markerer resultatet "
        "rapporten fant signifikant."
    )
    table = long[["skala", "tid", "n", "gjennomsnitt", "sd", "ki_lav", "ki_høy"]].rename(
        columns={"ki_lav": "95 % KI nedre", "ki_høy": "95 % KI øvre"}
    )
    return show_figure(
        fig,
        fig_id=fig_id,
        title="Endring fra inklusjon til tre måneder (Tabell 3)",
        sources=sources,
        data=table,
        description=description,
        note="Konfidensintervallene er beregnet her fra trykt gjennomsnitt, SD og n = df₂ + 1.",
    )
