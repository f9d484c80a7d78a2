"""Charts for the implementation-factor chapter, as altair objects plus the numbers and text that go with them.

The charts are handed to :func:`analysis.core.render.show_figure`, which alone turns them into page output.
Each builder returns a :class:`ChartParts` so a chapter cell passes the chart, its data table and a
description computed from the same numbers, and no figure text is typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from analysis.core.formatting import fmt_num
from analysis.core.render import DIVERGING, PALETTE
from analysis.factors.codes import DIRECTION_LABELS, STUDY_SHORT
from analysis.factors.load import FactorData
from analysis.factors.summaries import counts_by_level_domain_direction, factor_listing, recurring_themes

DIRECTION_ORDER = [DIRECTION_LABELS[d] for d in ("facilitator", "barrier", "mixed")]
DIRECTION_COLOURS = [DIVERGING[0], DIVERGING[1], PALETTE[4]]
SOURCES = ("data/coded/implementation_factors.csv", "data/coded/coding_frame.yaml", "data/coded/themes.csv")


@dataclass(frozen=True)
class ChartParts:
    chart: alt.TopLevelMixin
    data: pd.DataFrame
    description: str


def _direction_scale() -> alt.Scale:
    return alt.Scale(domain=DIRECTION_ORDER, range=DIRECTION_COLOURS)


def level_domain_heatmap(data: FactorData) -> ChartParts:
    """Level × CFIR domain, one panel per direction; clicking a cell lists its factors underneath.

    The list is the linked view: a vega selection on level, domain and direction filters the factor rows.
    The same filtering is available by keyboard in the factor table further down the chapter.
    """
    counts = counts_by_level_domain_direction(data)
    levels = [c.label for c in data.frame.levels]
    domains = [d.label for d in data.frame.domains]
    listing = factor_listing(data)
    listing = listing.assign(tekst=listing["factor_id"] + "  " + listing["label"])[
        ["factor_id", "level", "cfir_domain", "direction", "nivå", "domene", "retning", "tekst"]
    ]
    cell = alt.selection_point(
        name="celle", fields=["level", "cfir_domain", "direction"], on="click", clear="dblclick", empty=False
    )
    top = int(counts["antall"].max())
    base = alt.Chart(counts).encode(
        x=alt.X("domene:N", sort=domains, title="CFIR 2.0-domene", axis=alt.Axis(labelAngle=-35, labelLimit=220)),
        y=alt.Y("nivå:N", sort=levels, title=None),
    )
    empty = base.mark_rect(color="#f2f2f2", stroke="#c8c8c8", strokeWidth=0.5).add_params(cell)
    rect = (
        base.mark_rect(stroke="#1f1f1f")
        .transform_filter(alt.datum.antall > 0)
        .encode(
            color=alt.Color("antall:Q", title="Antall faktorer", scale=alt.Scale(scheme="cividis", domain=[1, top])),
            strokeWidth=alt.condition(cell, alt.value(3), alt.value(0.25)),
            tooltip=[
                alt.Tooltip("nivå:N", title="Nivå"),
                alt.Tooltip("domene:N", title="Domene"),
                alt.Tooltip("retning:N", title="Retning"),
                alt.Tooltip("antall:Q", title="Antall"),
            ],
        )
    )
    text = (
        base.mark_text(fontSize=12)
        .transform_filter(alt.datum.antall > 0)
        .encode(
            text=alt.Text("antall:Q"),
            color=alt.condition(alt.datum.antall >= top / 2, alt.value("#1f1f1f"), alt.value("#ffffff")),
            tooltip=[
                alt.Tooltip("nivå:N", title="Nivå"),
                alt.Tooltip("domene:N", title="Domene"),
                alt.Tooltip("retning:N", title="Retning"),
                alt.Tooltip("antall:Q", title="Antall"),
            ],
        )
    )
    panels = (
        alt.layer(empty, rect, text, data=counts)
        .properties(width=150, height=170)
        .facet(
            column=alt.Column(
                "retning:N",
                sort=DIRECTION_ORDER,
                title=None,
                header=alt.Header(labelFontSize=14, labelFontWeight="bold"),
            ),
        )
    )
    linked = (
        alt.Chart(listing)
        .transform_filter(cell)
        .transform_window(rad="row_number()")
        .mark_text(align="left", baseline="middle", fontSize=12, limit=720)
        .encode(x=alt.value(4), y=alt.Y("rad:O", axis=None), text="tekst:N")
        .properties(
            width=640,
            height=alt.Step(17),
            title=alt.Title(
                "Faktorene i ruten du har valgt",
                subtitle="Klikk en rute for å vise faktorene; dobbeltklikk for å tømme listen.",
            ),
        )
    )
    chart = alt.vconcat(panels, linked, spacing=24).resolve_scale(color="shared")
    nonempty = counts[counts["antall"] > 0]
    biggest = counts.loc[counts["antall"].idxmax()]
    description = (
        f"Figuren fordeler de {len(data.factors)} kodede faktorene på nivå og CFIR-domene, i ett panel for "
        f"hver retning. {len(nonempty)} av {len(counts)} ruter har minst én faktor. Den største ruten er "
        f"{biggest['nivå'].lower()} × {biggest['domene'].lower()} med {int(biggest['antall'])} faktorer som "
        f"{biggest['retning'].lower()}."
    )
    table = counts[counts["antall"] > 0][["nivå", "domene", "retning", "antall"]].reset_index(drop=True)
    return ChartParts(chart, table, description)


def study_profile_chart(data: FactorData) -> ChartParts:
    """Per study: factors by level, stacked by direction – where each study found its facilitators and barriers."""
    f = factor_listing(data)
    levels = [c.label for c in data.frame.levels]
    table = f.groupby(["studie_kort", "nivå", "retning"]).size().rename("antall").reset_index()
    table = table.rename(columns={"studie_kort": "studie"})
    chart = (
        alt.Chart(table)
        .mark_bar()
        .encode(
            y=alt.Y("nivå:N", sort=levels, title=None),
            x=alt.X("antall:Q", title="Antall faktorer", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("retning:N", scale=_direction_scale(), sort=DIRECTION_ORDER, title="Retning"),
            order=alt.Order("retning_sort:Q"),
            tooltip=[
                alt.Tooltip("studie:N", title="Studie"),
                alt.Tooltip("nivå:N", title="Nivå"),
                alt.Tooltip("retning:N", title="Retning"),
                alt.Tooltip("antall:Q", title="Antall"),
            ],
        )
        .transform_calculate(retning_sort=f"indexof({DIRECTION_ORDER!r}, datum.retning)")
        .properties(width=200, height=170)
        .facet(
            column=alt.Column(
                "studie:N",
                sort=list(STUDY_SHORT.values()),
                title=None,
                header=alt.Header(labelFontSize=13, labelFontWeight="bold"),
            )
        )
    )
    by_study = f.groupby("studie_kort").agg(
        n=("factor_id", "size"), hemmer=("direction", lambda s: int((s == "barrier").sum()))
    )
    share = (by_study["hemmer"] / by_study["n"]).sort_values()
    lowest, highest = share.index[0], share.index[-1]
    description = (
        f"Figuren viser hver studies faktorer fordelt på nivå og retning. Andelen hemmende faktorer er høyest i "
        f"{highest} ({fmt_num(100 * share[highest], 1)} prosent) og lavest i {lowest} "
        f"({fmt_num(100 * share[lowest], 1)} prosent)."
    )
    return ChartParts(chart, table, description)


def recurring_theme_matrix(data: FactorData, min_studies: int = 2) -> ChartParts:
    """Themes found in two or three studies: one mark per theme and study, coloured by direction."""
    recurring = recurring_themes(data, min_studies)
    order = list(recurring["tema"])
    f = factor_listing(data)
    f = f[f["theme_id"].isin(recurring["theme_id"])]

    def balance(directions: pd.Series) -> str:
        kinds = set(directions)
        if kinds == {"barrier"}:
            return "Bare hemmende"
        if kinds == {"facilitator"}:
            return "Bare fremmende"
        return "Både fremmende og hemmende"

    table = (
        f.groupby(["tema", "studie_kort"])
        .agg(antall=("factor_id", "size"), retning=("direction", balance))
        .reset_index()
        .rename(columns={"studie_kort": "studie"})
    )
    kinds = ["Bare fremmende", "Bare hemmende", "Både fremmende og hemmende"]
    chart = (
        alt.Chart(table)
        .mark_square(size=420, opacity=1)
        .encode(
            x=alt.X(
                "studie:N",
                sort=list(STUDY_SHORT.values()),
                title=None,
                axis=alt.Axis(labelAngle=0, labelLimit=160, orient="top"),
            ),
            y=alt.Y("tema:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)),
            color=alt.Color(
                "retning:N", scale=alt.Scale(domain=kinds, range=DIRECTION_COLOURS), title="Funn i studien"
            ),
            tooltip=[
                alt.Tooltip("tema:N", title="Tema"),
                alt.Tooltip("studie:N", title="Studie"),
                alt.Tooltip("antall:Q", title="Antall faktorer"),
                alt.Tooltip("retning:N", title="Retning"),
            ],
        )
        .properties(width=420, height=alt.Step(24))
    )
    # dark digits on the orange square, white on the dark ones: both keep at least 4.5:1 contrast
    labels = (
        alt.Chart(table)
        .mark_text(fontSize=11, fontWeight="bold")
        .encode(
            x=alt.X("studie:N", sort=list(STUDY_SHORT.values())),
            y=alt.Y("tema:N", sort=order),
            text="antall:Q",
            color=alt.condition(alt.datum.retning == kinds[1], alt.value("#1f1f1f"), alt.value("#ffffff")),
        )
    )
    all_three = int((recurring["antall studier"] == 3).sum())
    description = (
        f"{len(recurring)} av {len(data.themes)} temaer er kodet i minst to av de tre studiene, og {all_three} "
        f"av dem i alle tre. Tallet i hver rute er antall faktorer; fargen viser om studien fant temaet "
        f"hemmende, fremmende eller begge deler."
    )
    return ChartParts(alt.layer(chart, labels), table, description)
