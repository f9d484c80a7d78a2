"""What the reproduction appendix and the pages about reproduction show: the checks by kind, the findings, a figure.

Every number a page states about the checks is counted here from the checks themselves (``kind_facts``), so
no page types a count. The reproduction appendix leads with the independent evidence (transcription,
consistency, derived) and shows the round trips last, as a test of the code.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.core.check_records import KINDS, Check, summary
from analysis.core.formatting import fmt_int, fmt_num
from analysis.core.render import MARKERS_NOTE, PALETTE, FigureOutput, show_figure
from analysis.reproduce.report import collect_checks

KIND_LABELS = {
    "transcription": "Transkripsjon",
    "consistency": "Konsistens",
    "derived": "Utledet",
    "round-trip": "Rundtur (test av koden)",
}
KIND_MEANING = {
    "transcription": "tallet i data/published/ står slik det er trykt på kildelinjen raden viser til",
    "consistency": "de publiserte tabellene stemmer med seg selv (summer, prosenter, GRIM, frihetsgrader, p)",
    "derived": "tallet følger av andre publiserte tall alene (p, Λ og η² fra F, utvalgsstørrelse fra G*Power)",
    "round-trip": "de syntetiske dataene gir tabellene tilbake; en test av koden, ikke av kilden",
}
COLUMNS = {
    "quantity": "kontroll",
    "published": "publisert",
    "reproduced": "funnet",
    "note": "merknad",
    "source": "kilde",
}


def checks_frame(checks: list[Check] | None = None) -> pd.DataFrame:
    checks = collect_checks() if checks is None else checks
    frame = pd.DataFrame([c.as_dict() | {"documented": c.documented is not None} for c in checks])
    frame["table"] = frame["id"].str.extract(r"^([a-z0-9_]+?)(?:[.:-]|$)")[0]
    return frame


def kind_facts(checks: list[Check] | None = None, *, language: str = "nb") -> dict[str, str]:
    """Counts per kind for glue: ``<kind>-n``, ``<kind>-ok``, ``<kind>-documented`` (Norwegian or English digits)."""
    checks = collect_checks() if checks is None else checks
    counts = summary(checks)
    numbers = [c for c in checks if c.kind == "transcription" and not c.id.endswith(".dekning")]

    def fmt(n: int) -> str:
        return fmt_int(n) if language == "nb" else f"{n:,}"

    facts = {}
    for kind in KINDS:
        key = kind.replace("-", "")
        facts[f"{key}-n"] = fmt(counts[kind]["n"])
        facts[f"{key}-ok"] = fmt(counts[kind]["ok"])
        facts[f"{key}-documented"] = fmt(sum(c.documented is not None for c in checks if c.kind == kind))
    facts["transcription-numbers"] = fmt(len(numbers))
    facts["transcription-numbers-ok"] = fmt(sum(c.ok for c in numbers))
    facts["all-ok"] = (
        ("alle" if language == "nb" else "all")
        if all(c.ok for c in checks)
        else ("ikke alle" if language == "nb" else "not all")
    )
    return facts


def summary_table(checks: pd.DataFrame) -> pd.DataFrame:
    """One row per kind, in report order: what it shows, how many checks, how many in order, how many findings."""
    rows = []
    for kind in KINDS:
        part = checks[checks["kind"] == kind]
        rows.append(
            {
                "type kontroll": KIND_LABELS[kind],
                "hva den viser": KIND_MEANING[kind],
                "kontroller": len(part),
                "i orden": int(part["ok"].sum()),
                "av dem dokumenterte avvik": int(part["documented"].sum()),
            }
        )
    return pd.DataFrame(rows)


def by_table(checks: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Checks of one kind grouped by the table or file they concern."""
    part = checks[checks["kind"] == kind]
    out = part.groupby("table", sort=False).agg(kontroller=("id", "size"), i_orden=("ok", "sum")).reset_index()
    return out.rename(columns={"table": "tabell eller fil", "i_orden": "i orden"})


def findings_frame(checks: pd.DataFrame, kinds: tuple[str, ...] = KINDS) -> pd.DataFrame:
    """Documented disagreements (in the source, or limits of the calibration) and any failed check."""
    part = checks[(checks["documented"] | ~checks["ok"]) & checks["kind"].isin(kinds)].copy()
    part["type"] = part["kind"].map(KIND_LABELS)
    part["resultat"] = part["ok"].map({True: "dokumentert avvik", False: "feil"})
    return part[["type", "quantity", "published", "reproduced", "resultat", "note", "source"]].rename(columns=COLUMNS)


def kind_frame(checks: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Every check of one kind as a reader sees it: what, printed, found, verdict, note, where."""
    part = checks[checks["kind"] == kind].copy()
    part["resultat"] = [
        "dokumentert avvik" if d else ("i orden" if ok else "feil")
        for d, ok in zip(part["documented"], part["ok"], strict=True)
    ]
    return part[["quantity", "published", "reproduced", "resultat", "note", "source"]].rename(columns=COLUMNS)


def failed_frame(checks: pd.DataFrame) -> pd.DataFrame:
    return checks.loc[~checks["ok"], ["id", "kind", "quantity", "note"]]


def difference_figure(checks: pd.DataFrame, sources: list[str]) -> FigureOutput:
    """Round trips only: published against regenerated values; on the diagonal means regenerated exactly."""
    numeric = checks[(checks["kind"] == "round-trip")].copy()
    numeric = numeric[pd.to_numeric(numeric["reproduced"], errors="coerce").notna()]
    numeric["published"] = numeric["published"].astype(float)
    numeric["reproduced"] = numeric["reproduced"].astype(float)
    numeric["difference"] = numeric["reproduced"] - numeric["published"]
    fig = go.Figure()
    symbols = ("circle", "diamond", "square", "triangle-up")
    for index, (table, part) in enumerate(numeric.groupby("table", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=part["published"],
                y=part["reproduced"],
                mode="markers",
                name=table,
                marker={"color": PALETTE[index % len(PALETTE)], "symbol": symbols[index % len(symbols)], "size": 8},
                text=part["quantity"],
                hovertemplate="%{text}<br>publisert %{x}<br>fra syntetiske data %{y:.3f}<extra></extra>",
            )
        )
    top = float(max(numeric["published"].max(), numeric["reproduced"].max()))
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
    fig.update_yaxes(title="Fra de syntetiske dataene")
    worst = numeric.loc[(numeric["difference"] / numeric["tolerance"]).abs().idxmax()]
    description = (
        f"Spredningsplott av {len(numeric)} publiserte tall mot de samme tallene regnet fra de syntetiske dataene, "
        f"som er kalibrert til tabellene. {int(numeric['ok'].sum())} av {len(numeric)} ligger innenfor toleransen. "
        f"Størst avvik i forhold til toleransen har {worst['quantity']} ({fmt_num(float(worst['difference']), 3)})."
    )
    data = numeric[["id", "quantity", "published", "reproduced", "tolerance", "ok"]]
    return show_figure(
        fig,
        fig_id="reproduction-scatter",
        title="Rundtur: publisert mot regnet fra syntetiske data",
        sources=sources,
        data=data,
        description=description,
        note=MARKERS_NOTE,
        height=520,
    )
