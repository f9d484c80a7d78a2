"""What the reproduction appendix and the pages about reproduction show: the checks by kind, the findings, a figure.

Every number a page states about the checks is counted here from the checks themselves (``kind_facts``), so
no page types a count. The reproduction appendix leads with the independent evidence (transcription,
consistency, derived) and shows the round trips last, as a test of the code.

A check that passes because it meets a documented disagreement is counted apart from one that finds none
(``<kind>-clean`` against ``<kind>-documented``): a documented discrepancy in the source is a finding, not
agreement. A derived check that holds only under an assumption the source does not state
(:data:`analysis.questionnaire.published_checks.ASSUMED`) is counted apart too.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.core.check_records import KINDS, Check, summary
from analysis.core.formatting import fmt_int, fmt_num, fmt_pct
from analysis.core.render import MARKERS_NOTE, PALETTE, FigureOutput, show_figure
from analysis.fidelity.table1_transcription import BANDS_FILE
from analysis.questionnaire.published_checks import ASSUMED
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
    "derived": "verdien i datafilen følger av andre publiserte tall (p, Λ og η² fra F; antall spørsmål og høyeste "
    "poengsum fra kategorigrensene; utvalgsstørrelsen fra G*Power under en antatt korrelasjon)",
    "round-trip": "de syntetiske dataene gir tabellene tilbake; en test av koden, ikke av kilden",
}
COLUMNS = {
    "quantity": "kontroll",
    "published": "publisert",
    "reproduced": "funnet",
    "note": "merknad",
    "source": "kilde",
}
VALUE_COLUMNS = {
    "transcription": ("i datafilen", "trykt i kilden"),
    "consistency": ("forventet", "funnet"),
    "derived": ("i datafilen", "utledet"),
    "round-trip": ("publisert", "fra syntetiske data"),
}
"""What the two value columns hold for each kind: a derived check compares the data file with a computed value."""
MAX_SHOWN_DECIMALS = 4


def checks_frame(checks: list[Check] | None = None) -> pd.DataFrame:
    checks = collect_checks() if checks is None else checks
    frame = pd.DataFrame([c.as_dict() | {"documented": c.documented is not None} for c in checks])
    frame["table"] = frame["id"].str.extract(r"^([a-z0-9_]+?)(?:[.:-]|$)")[0]
    return frame


def kind_facts(checks: list[Check] | None = None, *, language: str = "nb") -> dict[str, str]:
    """Counts per kind for glue (Norwegian or English digits).

    ``<kind>-n``, ``<kind>-ok`` (passed), ``<kind>-clean`` (passed without meeting a documented disagreement),
    ``<kind>-documented`` (passed as exactly a documented disagreement); for transcription the printed numbers
    and the coverage checks apart; for derived the text's figures, the assumed ones and the band values apart.
    """
    checks = collect_checks() if checks is None else checks
    counts = summary(checks)
    transcription = [c for c in checks if c.kind == "transcription"]
    numbers = [c for c in transcription if not c.id.endswith(".dekning")]
    derived = [c for c in checks if c.kind == "derived"]
    bands = [c for c in derived if c.id.startswith(f"{BANDS_FILE}:")]
    text = [c for c in derived if not c.id.startswith(f"{BANDS_FILE}:")]

    def fmt(n: int) -> str:
        return fmt_int(n) if language == "nb" else f"{n:,}"

    facts = {}
    for kind in KINDS:
        key = kind.replace("-", "")
        part = [c for c in checks if c.kind == kind]
        facts[f"{key}-n"] = fmt(counts[kind]["n"])
        facts[f"{key}-ok"] = fmt(counts[kind]["ok"])
        facts[f"{key}-clean"] = fmt(sum(c.ok and c.documented is None for c in part))
        facts[f"{key}-documented"] = fmt(sum(c.documented is not None for c in part))
    facts["transcription-numbers"] = fmt(len(numbers))
    facts["transcription-numbers-ok"] = fmt(sum(c.ok for c in numbers))
    facts["transcription-coverage"] = fmt(len(transcription) - len(numbers))
    facts["derived-text-n"] = fmt(len(text))
    facts["derived-text-agree"] = fmt(sum(c.ok and c.documented is None and c.id not in ASSUMED for c in text))
    facts["derived-text-documented"] = fmt(sum(c.documented is not None for c in text))
    facts["derived-assumed"] = fmt(sum(c.ok and c.id in ASSUMED for c in derived))
    facts["derived-bands-n"] = fmt(len(bands))
    facts["derived-bands-ok"] = fmt(sum(c.ok for c in bands))
    facts["all-ok"] = (
        ("alle" if language == "nb" else "all")
        if all(c.ok for c in checks)
        else ("ikke alle" if language == "nb" else "not all")
    )
    return facts


def summary_table(checks: pd.DataFrame) -> pd.DataFrame:
    """One row per kind, in report order: what it shows, how many checks, without findings, documented, failed."""
    rows = []
    for kind in KINDS:
        part = checks[checks["kind"] == kind]
        rows.append(
            {
                "type kontroll": KIND_LABELS[kind],
                "hva den viser": KIND_MEANING[kind],
                "kontroller": len(part),
                "uten avvik": int((part["ok"] & ~part["documented"]).sum()),
                "med dokumentert avvik": int(part["documented"].sum()),
                "feil": int((~part["ok"]).sum()),
            }
        )
    return pd.DataFrame(rows)


def by_table(checks: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Checks of one kind grouped by the table or file they concern."""
    part = checks[checks["kind"] == kind].assign(clean=lambda f: f["ok"] & ~f["documented"])
    out = part.groupby("table", sort=False).agg(
        kontroller=("id", "size"), uten_avvik=("clean", "sum"), dokumentert=("documented", "sum")
    )
    return out.reset_index().rename(
        columns={"table": "tabell eller fil", "uten_avvik": "uten avvik", "dokumentert": "med dokumentert avvik"}
    )


def shown(value: object) -> object:
    """A value as the tables show it: a number with the decimals it needs (up to four), so 2,595 is not «2,60»."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "–" if value is None else value
    number = float(value)
    if number != number:
        return "–"
    decimals = next(
        (d for d in range(MAX_SHOWN_DECIMALS + 1) if abs(number - round(number, d)) < 1e-9), MAX_SHOWN_DECIMALS
    )
    return fmt_num(number, decimals)


def _verdict(documented: bool, ok: bool, check_id: str) -> str:
    if documented:
        return "dokumentert avvik"
    if not ok:
        return "feil"
    return "i orden under en antakelse" if check_id in ASSUMED else "i orden"


def _verdicts(part: pd.DataFrame) -> list[str]:
    verdicts = [_verdict(d, ok, i) for d, ok, i in zip(part["documented"], part["ok"], part["id"], strict=True)]
    # A round trip that meets its documented disagreement is a limit of the calibration, not a finding.
    return [
        "dokumentert kalibreringsgrense" if kind == "round-trip" and v == "dokumentert avvik" else v
        for v, kind in zip(verdicts, part["kind"], strict=True)
    ]


def _value_columns(kinds: tuple[str, ...]) -> tuple[str, str]:
    """Names of the two value columns: what they hold when the table has one kind, generic otherwise."""
    return VALUE_COLUMNS[kinds[0]] if len(kinds) == 1 else (COLUMNS["published"], COLUMNS["reproduced"])


def _readable(part: pd.DataFrame, kinds: tuple[str, ...]) -> pd.DataFrame:
    """Checks as a reader sees them: what, the two values, verdict, note, where."""
    published, found = _value_columns(kinds)
    verdicts = _verdicts(part)
    return pd.DataFrame(
        {
            "type": part["kind"].map(KIND_LABELS),
            COLUMNS["quantity"]: part["quantity"],
            published: part["published"].map(shown),
            found: part["reproduced"].map(shown),
            "resultat": verdicts,
            COLUMNS["note"]: part["note"],
            COLUMNS["source"]: part["source"],
        }
    )


def findings_frame(checks: pd.DataFrame, kinds: tuple[str, ...] = KINDS) -> pd.DataFrame:
    """Documented disagreements (in the source, or limits of the calibration) and any failed check."""
    return _readable(checks[(checks["documented"] | ~checks["ok"]) & checks["kind"].isin(kinds)], kinds)


def kind_frame(checks: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Every check of one kind as a reader sees it (without the type column: the table has one kind)."""
    return _readable(checks[checks["kind"] == kind], (kind,)).drop(columns="type")


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
    data = pd.DataFrame(
        {
            "tabell": numeric["table"],
            "kontroll": numeric["quantity"],
            "publisert": numeric["published"],
            "fra syntetiske data": numeric["reproduced"],
            "toleranse": numeric["tolerance"],
            "resultat": _verdicts(numeric),
        }
    )
    return show_figure(
        fig,
        fig_id="reproduction-scatter",
        title="Rundtur: publisert mot regnet fra syntetiske data",
        sources=sources,
        data=data,
        description=difference_description(numeric),
        note=MARKERS_NOTE,
        height=520,
    )


def difference_description(numeric: pd.DataFrame) -> str:
    """How many round trips lie within tolerance, which pass only as a documented limit, and the largest other gap."""
    within = numeric[numeric["ok"] & ~numeric["documented"]]
    limits = numeric[numeric["documented"]]
    text = (
        f"Spredningsplott av {len(numeric)} publiserte tall mot de samme tallene regnet fra de syntetiske dataene, "
        f"som er kalibrert til tabellene. {len(within)} av {len(numeric)} ligger innenfor toleransen"
    )
    if len(limits):
        named = "; ".join(
            f"{r.quantity}: {shown(float(r.reproduced))} mot trykt {shown(float(r.published))}"
            for r in limits.itertuples()
        )
        which = (
            "den siste er en dokumentert grense"
            if len(limits) == 1
            else f"de siste {len(limits)} er dokumenterte grenser"
        )
        text += f"; {which} for kalibreringen ({named})"
    text += "."
    if len(within):
        share = (within["difference"].abs() / within["tolerance"]).fillna(0.0)
        worst = within.loc[share.idxmax()]
        text += (
            f" Det største avviket blant dem er {fmt_pct(100 * float(share.max()))} av toleransen "
            f"({worst['quantity']}: {shown(float(worst['reproduced']))} mot trykt {shown(float(worst['published']))})."
        )
    return text
