"""Fidelity figures, shared by the chapter and the command-line team report so both show the same thing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.core.formatting import fmt_num
from analysis.core.render import PALETTE, SEQUENTIAL, FigureOutput, show_figure
from analysis.fidelity.codebook import FidelityCodebook
from analysis.fidelity.scoring import BandScheme, band_cuts, classify

SECTION_LABELS = {"staffing": "Bemanning", "organisation": "Organisering", "services": "Tjenester"}
BAND_SHADES = {"eksemplarisk": "#d9ead3", "godt": "#e8f1fa", "rimelig": "#fdf3d8", "ikke_se": "#f4dcdc"}
MARKERS = ("circle", "diamond", "square", "triangle-up", "x", "star")


def _team_name(team: object) -> str:
    text = str(team)
    return f"Team {text}" if text.isdigit() else text


def _timepoint_labels(book: FidelityCodebook) -> dict[str, str]:
    return {t.id: t.label for t in book.timepoints}


def item_long(summary: pd.DataFrame, book: FidelityCodebook) -> pd.DataFrame:
    """Team summary in long form: one row per team × time point × item, with labels and section."""
    items = [i.id for i in book.items]
    long = summary.melt(id_vars=["team", "timepoint"], value_vars=items, var_name="item", value_name="mean")
    info = {i.id: (i.number, i.label, SECTION_LABELS[i.section]) for i in book.items}
    long["nr"] = long["item"].map(lambda i: info[i][0])
    long["spørsmål"] = long["item"].map(lambda i: f"{info[i][0]}. {info[i][1]}")
    long["del"] = long["item"].map(lambda i: info[i][2])
    long["tidspunkt"] = long["timepoint"].map(lambda t: _timepoint_labels(book).get(str(t), str(t)))
    long["team"] = long["team"].map(_team_name)
    return long


def heatmap(
    summary: pd.DataFrame,
    book: FidelityCodebook,
    *,
    fig_id: str,
    sources: Sequence[str | Path],
    synthetic: bool,
    title: str = "Gjennomsnittsskår per spørsmål, team og måletidspunkt",
) -> FigureOutput:
    """Item × time point heatmap per team; every cell is labelled with its value (colour is never alone)."""
    long = item_long(summary, book)
    teams = list(dict.fromkeys(long["team"]))
    fig = make_subplots(rows=1, cols=len(teams), shared_yaxes=True, subplot_titles=teams, horizontal_spacing=0.03)
    order = [f"{i.number}. {i.label}" for i in book.items]
    for col, team in enumerate(teams, start=1):
        part = long[long["team"] == team]
        grid = part.pivot(index="spørsmål", columns="tidspunkt", values="mean").reindex(order)
        grid = grid[[c for c in dict.fromkeys(part["tidspunkt"])]]
        fig.add_trace(
            go.Heatmap(
                z=grid.to_numpy(),
                x=list(grid.columns),
                y=list(grid.index),
                zmin=0,
                zmax=5,
                colorscale=SEQUENTIAL,
                texttemplate="%{z:.1f}",
                showscale=col == len(teams),
                colorbar={"title": "Skår"},
                hovertemplate="%{y}<br>%{x}: %{z:.2f}<extra>" + team + "</extra>",
            ),
            row=1,
            col=col,
        )
    fig.update_yaxes(autorange="reversed", row=1, col=1)
    height = 160 + 26 * len(order)
    lowest = long.dropna(subset=["mean"]).nsmallest(3, "mean")
    description = (
        f"Varmekart med {len(order)} spørsmål for {len(teams)} team. Lavest skårer "
        + "; ".join(
            f"{r['spørsmål']} ({r['team']}, {r['tidspunkt']}: {fmt_num(r['mean'], 1)})" for _, r in lowest.iterrows()
        )
        + "."
    )
    data = long[["team", "tidspunkt", "spørsmål", "del", "mean"]].rename(columns={"mean": "gjennomsnitt"})
    numbers = [str(i.number) for i in book.items]
    compact = {"yaxis.tickmode": "array", "yaxis.tickvals": order, "yaxis.ticktext": numbers}
    return show_figure(
        fig,
        fig_id=fig_id,
        title=title,
        sources=sources,
        data=data,
        description=description,
        synthetic=synthetic,
        height=height,
        compact=compact,
    )


def trajectory(
    summary: pd.DataFrame,
    book: FidelityCodebook,
    *,
    fig_id: str,
    sources: Sequence[str | Path],
    synthetic: bool,
    published: pd.DataFrame | None = None,
    band_scheme: BandScheme = "modified",
    title: str = "Totalskår over tid med kategoriene skyggelagt",
) -> FigureOutput:
    """Team totals over time on the 95-point scale, bands shaded and named, published totals as open markers."""
    labels = _timepoint_labels(book)
    frame = summary[["team", "timepoint", "n", "total", "band"]].copy()
    frame["team"] = frame["team"].map(_team_name)
    frame["tidspunkt"] = frame["timepoint"].map(lambda t: labels.get(str(t), str(t)))
    line_name = "eksakt sum ved antatt antall svar" if published is not None else "beregnet"
    fig = go.Figure()
    cuts = sorted(band_cuts(book, band_scheme), key=lambda c: c.min)
    top = book.scales["modified"].max_score
    for lower, upper in zip(cuts, [*cuts[1:], None], strict=True):
        y1 = upper.min if upper else top
        fig.add_hrect(
            y0=lower.min,
            y1=y1,
            fillcolor=BAND_SHADES.get(lower.id, "#eeeeee"),
            opacity=1,
            layer="below",
            line_width=0,
            annotation_text=lower.label,
            annotation_position="top left",
            annotation_font={"size": 12, "color": "#333333"},
        )
    for index, (team, part) in enumerate(frame.groupby("team", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=part["tidspunkt"],
                y=part["total"],
                name=f"{team} ({line_name})",
                mode="lines+markers" if published is not None else "lines+markers+text",
                line={"color": PALETTE[index % len(PALETTE)], "width": 3, "dash": ["solid", "dash", "dot"][index % 3]},
                marker={"symbol": MARKERS[index % len(MARKERS)], "size": 10},
                text=[fmt_num(v, 1) for v in part["total"]],
                textposition="top center",
                customdata=part[["n"]].to_numpy(),
                hovertemplate="%{x}: %{y:.1f} (n = %{customdata[0]})<extra>" + team + "</extra>",
            )
        )
    total_name = "eksakt sum (syntetisk)" if published is not None else "totalskår"
    data = frame[["team", "tidspunkt", "n", "total", "band"]].rename(
        columns={"n": "antall svar", "total": total_name, "band": "kategori"}
    )
    if published is not None:
        pub = published.copy()
        pub["team"] = pub["team"].map(_team_name)
        pub["tidspunkt"] = pub["timepoint"].map(lambda t: labels.get(str(t), str(t)))
        for index, (team, part) in enumerate(pub.groupby("team", sort=False)):
            fig.add_trace(
                go.Scatter(
                    x=part["tidspunkt"],
                    y=part["total"],
                    name=f"{team} (publisert)",
                    mode="markers",
                    marker={
                        "symbol": MARKERS[index % len(MARKERS)] + "-open",
                        "size": 16,
                        "color": PALETTE[index % len(PALETTE)],
                        "line": {"width": 2},
                    },
                    hovertemplate="%{x}: %{y:.1f} publisert<extra>" + team + "</extra>",
                )
            )
        data = data.merge(
            pub[["team", "tidspunkt", "total"]].rename(columns={"total": "publisert"}),
            on=["team", "tidspunkt"],
            how="left",
        )
    lo = max(0.0, min(40.0, float(frame["total"].min(skipna=True) or 40) - 5))
    fig.update_yaxes(range=[lo, top], title=f"Totalskår (maks {top:g} slik skalaen er trykt)")
    fig.update_xaxes(title=None)
    description = _trajectory_description(frame, published, book, band_scheme)
    return show_figure(
        fig,
        fig_id=fig_id,
        title=title,
        sources=sources,
        data=data,
        description=description,
        synthetic=synthetic,
        height=440,
    )


def _trajectory_description(
    frame: pd.DataFrame, published: pd.DataFrame | None, book: FidelityCodebook, band_scheme: BandScheme
) -> str:
    """First and last total per team: the published totals when given (the lines are then only a test of the code)."""
    labels = _timepoint_labels(book)
    if published is not None:
        shown = published.assign(
            team=published["team"].map(_team_name),
            tidspunkt=published["timepoint"].map(lambda t: labels.get(str(t), str(t))),
            band=classify(published["total"], band_cuts(book, band_scheme)),
        )
    else:
        shown = frame
    parts = []
    for team, part in shown.dropna(subset=["total"]).groupby("team", sort=False):
        first, last = part.iloc[0], part.iloc[-1]
        parts.append(
            f"{team} går fra {fmt_num(first['total'], 1)} ({first['band']}) ved {first['tidspunkt']} "
            f"til {fmt_num(last['total'], 1)} ({last['band']}) ved {last['tidspunkt']}"
        )
    if published is None:
        return "Linjediagram over totalskåren. " + "; ".join(parts) + "."
    return (
        "Linjediagram over totalskåren. Publiserte totaler: " + "; ".join(parts) + ". Linjene er eksakt sum ved "
        "antatt antall svar, regnet fra syntetiske data, og viser hvor mye avrundingen i rapporten betyr."
    )


def profile(
    summary: pd.DataFrame,
    book: FidelityCodebook,
    timepoint: str,
    *,
    fig_id: str,
    sources: Sequence[str | Path],
    synthetic: bool,
    title: str | None = None,
) -> FigureOutput:
    """Item profile at one time point, items grouped by the section of the original scale they come from."""
    long = item_long(summary[summary["timepoint"].astype(str) == str(timepoint)], book)
    order = [f"{i.number}. {i.label}" for i in book.items]
    fig = go.Figure()
    for index, (team, part) in enumerate(long.groupby("team", sort=False)):
        fig.add_trace(
            go.Bar(
                y=part["spørsmål"],
                x=part["mean"],
                orientation="h",
                name=team,
                marker={"color": PALETTE[index % len(PALETTE)], "pattern": {"shape": ["", "/", "."][index % 3]}},
                text=[fmt_num(v, 1) for v in part["mean"]],
                textposition="outside",
                customdata=part[["del"]].to_numpy(),
                hovertemplate="%{y} (%{customdata[0]}): %{x:.2f}<extra>" + team + "</extra>",
            )
        )
    # The sections of the original scale, in item order, divided by dotted lines (one category axis, so that
    # a narrow screen can swap the labels for the item numbers, as the heatmap does).
    sections = [SECTION_LABELS[i.section] for i in book.items]
    for k in range(1, len(sections)):
        if sections[k] != sections[k - 1]:
            fig.add_shape(
                type="line",
                xref="paper",
                x0=0,
                x1=1,
                yref="y",
                y0=k - 0.5,
                y1=k - 0.5,
                line={"color": "#767676", "width": 1, "dash": "dot"},
            )
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_traces(cliponaxis=False)
    fig.update_xaxes(range=[0, 5.9], title="Gjennomsnittsskår (0–5)")
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=order, type="category")
    label = _timepoint_labels(book).get(str(timepoint), str(timepoint))
    means = long.groupby("del", sort=False)["mean"].mean()
    spans = []
    for name in dict.fromkeys(sections):
        numbers = [i.number for i in book.items if SECTION_LABELS[i.section] == name]
        spans.append(f"{name.lower()} {numbers[0]}–{numbers[-1]}")
    description = (
        f"Stolpediagram over spørsmålene ved {label}, i rekkefølge etter del av den opprinnelige skalaen "
        f"({', '.join(spans)}; skilt med stiplede linjer). Gjennomsnitt per del: "
        + ", ".join(f"{k} {fmt_num(v, 1)}" for k, v in means.items())
        + "."
    )
    data = long[["team", "del", "spørsmål", "mean"]].rename(columns={"mean": "gjennomsnitt"})
    compact = {
        "yaxis.tickmode": "array",
        "yaxis.tickvals": order,
        "yaxis.ticktext": [str(i.number) for i in book.items],
    }
    return show_figure(
        fig,
        fig_id=fig_id,
        title=title or f"Spørsmålsprofil ved {label}",
        sources=sources,
        data=data,
        description=description,
        synthetic=synthetic,
        height=180 + 44 * len(book.items),
        compact=compact,
    )


SCHEME_LABELS = {"modified": "som i rapporten", "proportional": "proporsjonal", "original": "opprinnelig skala"}
STANDARD_RULE = "standard"


def band_changes_figure(
    changes: pd.DataFrame,
    book: FidelityCodebook,
    *,
    fig_id: str,
    sources: Sequence[str | Path],
    synthetic: bool = False,
) -> FigureOutput:
    """Totals under each scoring rule, one panel per band rescaling; the band is written beside each point."""
    labels = _timepoint_labels(book)
    rule_labels = {STANDARD_RULE: "standardregel"} | {v.id: f"{v.id} ({v.label})" for v in book.variants}
    frame = changes.copy()
    frame["kolonne"] = frame["team"].map(_team_name) + " · " + frame["timepoint"].map(lambda t: labels.get(t, t))
    frame["rule"] = frame["rule"].map(lambda r: rule_labels.get(r, r))
    schemes = list(dict.fromkeys(frame["band_scheme"]))
    titles = {"modified": "Grenser som i rapporten (−30)", "proportional": "Proporsjonalt omregnet"}
    fig = make_subplots(
        rows=1,
        cols=len(schemes),
        shared_yaxes=True,
        horizontal_spacing=0.04,
        subplot_titles=[titles.get(s, s) for s in schemes],
    )
    rules = list(dict.fromkeys(frame["rule"]))
    for col, scheme in enumerate(schemes, start=1):
        for index, rule in enumerate(rules):
            part = frame[(frame["band_scheme"] == scheme) & (frame["rule"] == rule)]
            fig.add_trace(
                go.Scatter(
                    x=part["total"],
                    y=part["kolonne"],
                    mode="markers",
                    name=rule,
                    legendgroup=rule,
                    showlegend=col == 1,
                    marker={
                        "color": PALETTE[index % len(PALETTE)],
                        "symbol": MARKERS[index % len(MARKERS)],
                        "size": 10,
                    },
                    customdata=part[["band"]].to_numpy(),
                    hovertemplate="%{y}: %{x:.1f} (%{customdata[0]})<extra>" + rule + "</extra>",
                ),
                row=1,
                col=col,
            )
    fig.update_yaxes(autorange="reversed", row=1, col=1)
    fig.update_xaxes(title="Totalskår")
    by_scheme = frame[frame["rule"] == rules[0]].pivot(index="kolonne", columns="band_scheme", values="band")
    scheme_changes = int((by_scheme.nunique(axis=1) > 1).sum()) if len(schemes) > 1 else 0
    by_rule = frame.groupby(["kolonne", "band_scheme"])["band"].nunique()
    rule_changes = int((by_rule > 1).sum())
    description = (
        f"Totalskår for {len(by_scheme)} kombinasjoner av team og tidspunkt under {len(rules)} skåringsregler, "
        f"med to omregninger av grensene. Omregningen endrer kategorien for {scheme_changes} kombinasjoner; "
        f"skåringsreglene endrer kategorien i {rule_changes} tilfeller."
    )
    return show_figure(
        fig,
        fig_id=fig_id,
        title="Følsomhet: kategori under alternative regler",
        sources=sources,
        data=pd.DataFrame(
            {
                "team": frame["team"].map(_team_name),
                "tidspunkt": frame["timepoint"].map(lambda t: labels.get(t, t)),
                "skåringsregel": frame["rule"],
                "grenser": frame["band_scheme"].map(lambda s: SCHEME_LABELS.get(s, s)),
                "totalskår": frame["total"].round(2),
                "kategori": frame["band"],
            }
        ),
        description=description,
        synthetic=synthetic,
        height=160 + 36 * len(by_scheme),
    )
