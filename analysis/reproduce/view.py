"""Tables and the figure for the reproduction appendix: the reproduction report and the audit, as pages show them."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.core.formatting import fmt_num
from analysis.core.render import MARKERS_NOTE, PALETTE, FigureOutput, show_figure
from analysis.reproduce.audit import collect_audit
from analysis.reproduce.report import collect_checks


def checks_frame() -> pd.DataFrame:
    frame = pd.DataFrame([c.as_dict() for c in collect_checks()])
    frame["table"] = frame["id"].str.split("-").str[0]
    frame["difference"] = frame["reproduced"] - frame["published"]
    return frame


def summary_by_table(checks: pd.DataFrame) -> pd.DataFrame:
    grouped = checks.groupby(["table", "basis"], sort=False)
    out = grouped.agg(
        kontroller=("id", "size"),
        innenfor=("ok", "sum"),
        største_avvik=("difference", lambda d: float(d.abs().max())),
        toleranse=("tolerance", "max"),
    ).reset_index()
    return out.rename(columns={"table": "tabell", "basis": "grunnlag"})


def audit_frame() -> pd.DataFrame:
    frame = pd.DataFrame([r.as_dict() for r in collect_audit()])
    frame["resultat"] = frame["ok"].map({True: "stemmer", False: "avvik"})
    return frame[["id", "description", "expected", "observed", "resultat", "note", "source"]].rename(
        columns={
            "description": "kontroll",
            "expected": "ventet",
            "observed": "funnet",
            "note": "merknad",
            "source": "kilde",
        }
    )


def difference_figure(checks: pd.DataFrame, sources: list[str]) -> FigureOutput:
    """Published against reproduced values; points on the diagonal are reproduced exactly."""
    fig = go.Figure()
    symbols = ("circle", "diamond", "square", "triangle-up")
    for index, (table, part) in enumerate(checks.groupby("table", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=part["published"],
                y=part["reproduced"],
                mode="markers",
                name=table,
                marker={"color": PALETTE[index % len(PALETTE)], "symbol": symbols[index % len(symbols)], "size": 8},
                text=part["quantity"],
                hovertemplate="%{text}<br>publisert %{x}<br>reprodusert %{y:.3f}<extra></extra>",
            )
        )
    top = float(max(checks["published"].max(), checks["reproduced"].max()))
    fig.add_trace(
        go.Scatter(
            x=[0, top],
            y=[0, top],
            mode="lines",
            name="lik verdi",
            line={"color": "#5C5C5C", "dash": "dot"},
            hoverinfo="skip",
        )
    )
    fig.update_xaxes(title="Publisert verdi")
    fig.update_yaxes(title="Reprodusert verdi")
    worst = checks.loc[(checks["difference"] / checks["tolerance"]).abs().idxmax()]
    description = (
        f"Spredningsplott av {len(checks)} publiserte tall mot prosjektets beregning. "
        f"{int(checks['ok'].sum())} av {len(checks)} ligger innenfor toleransen. Størst avvik i forhold til "
        f"toleransen har {worst['quantity']} ({fmt_num(float(worst['difference']), 3)})."
    )
    data = checks[["id", "quantity", "published", "reproduced", "tolerance", "ok"]]
    return show_figure(
        fig,
        fig_id="reproduction-scatter",
        title="Publisert mot reprodusert",
        sources=sources,
        data=data,
        description=description,
        note=MARKERS_NOTE,
        height=520,
    )
