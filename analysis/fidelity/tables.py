"""The fidelity chapter's tables, as frames with Norwegian column names ready for ``show_table``.

Each function builds one table from the codebook or from :class:`analysis.fidelity.chapter.ChapterData`;
rendering (captions, number format, accessibility) is the core renderer's job.
"""

from __future__ import annotations

import pandas as pd

from analysis.core.rounding import round_float
from analysis.fidelity.chapter import LOWEST_SHOWN, ChapterData
from analysis.fidelity.codebook import FidelityCodebook
from analysis.fidelity.figures import SECTION_LABELS
from analysis.fidelity.scoring import BandScheme, band_cuts

INCONSISTENCY_KINDS = {
    "count": "antall",
    "range": "verdiområde",
    "duplicate": "duplikat",
    "gap": "hull i intervall",
    "ambiguity": "tvetydig",
    "typo": "skrivefeil",
}
AUDIT_COLUMNS = {"quantity": "Kontroll", "published": "Forventet", "reproduced": "Funnet", "note": "Merknad"}


def _rounded(values: pd.Series, decimals: int = 2) -> pd.Series:
    """Half-up rounding for display; ``+ 0.0`` turns a rounded −0.0 into 0.0."""
    return values.map(lambda v: round_float(v, decimals) + 0.0)


def bands(book: FidelityCodebook) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Kategori": m.label,
                "Opprinnelig skala (trykt)": o.printed,
                "Norsk skala (trykt)": m.printed,
                "Grensene flyttet (poeng)": o.max - m.max,
            }
            for o, m in zip(book.bands["original"], book.bands["modified"], strict=True)
        ]
    )


def items(book: FidelityCodebook) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Nr.": i.number,
                "Spørsmål": i.label,
                "Svarform": "ett svar" if i.type == "single" else "kryss av for alle",
                "Mulig skår": "–".join(str(v) for v in i.score_range()),
                "Del": SECTION_LABELS[i.section],
                "Tilsvarer i Dartmouth-skalaen": i.original_item,
            }
            for i in book.items
        ]
    )


def inconsistencies(book: FidelityCodebook) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"Type": INCONSISTENCY_KINDS[x.kind], "Hva": x.text, "Linjer i kilden": ", ".join(map(str, x.lines))}
            for x in book.inconsistencies
        ]
    )


def audit(data: ChapterData, *, failed_only: bool) -> pd.DataFrame:
    """The consistency checks of Tabell 1: only the findings (documented or failing), or all with a yes/no column."""
    frame = pd.DataFrame([a.as_dict() | {"finding": a.documented is not None or not a.ok} for a in data.audit])
    if failed_only:
        return frame.loc[frame["finding"], list(AUDIT_COLUMNS)].rename(columns=AUDIT_COLUMNS)
    frame["ok"] = ~frame["finding"]
    return frame[[*AUDIT_COLUMNS, "ok"]].rename(columns=AUDIT_COLUMNS | {"ok": "Går opp"})


def assumptions(book: FidelityCodebook) -> pd.DataFrame:
    """The scoring assumptions and what each applies to (variant assumptions are listed with the variants)."""
    uses: dict[str, list[str]] = {}
    for item in book.items:
        for a in item.scoring.assumptions:
            uses.setdefault(a, []).append(str(item.number))
    rest = {a: "kategoriene" for a in book.band_rule.assumptions} | {a: "totalskåren" for a in book.total.assumptions}
    rest |= {a: "del og Dartmouth-spørsmål" for a in book.inferred_fields.assumptions}
    variant_ids = {a for v in book.variants for a in v.assumptions}
    return pd.DataFrame(
        [
            {
                "Antakelse": a.id,
                "Hva vi har lagt til grunn": a.text,
                "Gjelder": f"spørsmål {', '.join(uses[a.id])}" if a.id in uses else rest.get(a.id, ""),
                "Linjer i kilden": ", ".join(map(str, a.lines)),
            }
            for a in book.assumptions
            if a.id not in variant_ids
        ]
    )


def variants(book: FidelityCodebook) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Variant (--variant)": v.id,
                "Hva den endrer": v.label,
                "Beskrivelse": " ".join(book.assumption(a).text for a in v.assumptions),
            }
            for v in book.variants
        ]
    )


def calibration(data: ChapterData) -> pd.DataFrame:
    """Inferred respondents per team and time point, with how many items each candidate n explains."""
    labels = data.timepoint_labels
    rows = []
    for (team, timepoint), cell in data.cells.items():
        fewer = ", ".join(f"nr. {int(i[1:])} ({cell.item_n[i]} svar)" for i in cell.items_with_missing) or "–"
        rows.append(
            {
                "Team": f"Team {team}",
                "Tidspunkt": labels[timepoint],
                "Antatt antall svar": cell.n,
                "Spørsmål som passer": cell.fits_at_n,
                "Spørsmål med færre svar": fewer,
                "Spørsmål mulige med 1 … 5 svar": " · ".join(f"{k}: {v}" for k, v in cell.candidates.items()),
            }
        )
    return pd.DataFrame(rows)


def reproduced_totals(data: ChapterData) -> pd.DataFrame:
    cols, labels = data.column_totals, data.timepoint_labels
    return pd.DataFrame(
        {
            "Team": "Team " + cols["team"],
            "Tidspunkt": cols["timepoint"].map(labels),
            "Antall svar": cols["n"],
            "Publisert total": cols["published"],
            "Gjenskapt total": cols["rounded"],
            "Differanse": _rounded(cols["rounded"] - cols["published"]),
            "Eksakt sum": _rounded(cols["exact"]),
            "Eksakt sum − publisert": cols["exact_diff"],
            "Største avvik i et gjennomsnitt (før avrunding)": _rounded(cols["max_cell"]),
        }
    )


def reproduced_cells(data: ChapterData) -> pd.DataFrame:
    comp = data.comparison
    return pd.DataFrame(
        {
            "Spørsmål": comp["item"],
            "Team": "Team " + comp["team"],
            "Tidspunkt": comp["timepoint"].map(data.timepoint_labels),
            "Publisert": comp["mean"],
            "Gjenskapt (eksakt)": _rounded(comp["reproduced"]),
            "Gjenskapt (avrundet)": comp["rounded"],
            "Differanse før avrunding": _rounded(comp["difference"]),
        }
    )


def published_wide(data: ChapterData) -> pd.DataFrame:
    """Tabell 1 as printed, one row per team and time point (time points in codebook order)."""
    order = {t.id: i for i, t in enumerate(data.book.timepoints)}
    wide = data.published.pivot_table(index=["team", "timepoint"], columns="item_id", values="mean")
    return (
        wide.rename_axis(columns=None)
        .reset_index()
        .sort_values(["team", "timepoint"], key=lambda s: s.map(order) if s.name == "timepoint" else s)
    )


def lowest_items(data: ChapterData) -> pd.DataFrame:
    book, lowest = data.book, data.item_stats.nsmallest(LOWEST_SHOWN, "mean")
    return pd.DataFrame(
        {
            "Spørsmål": [f"{book.item(i).number}. {book.item(i).label}" for i in lowest.index],
            "Mulig skår": ["–".join(map(str, book.item(i).score_range())) for i in lowest.index],
            "Snitt over kolonnene": _rounded(lowest["mean"]),
            "Lavest": lowest["min"],
            "Høyest": lowest["max"],
        }
    )


def band_limits(book: FidelityCodebook) -> pd.DataFrame:
    """Lower bound of each band on the original scale, as the report moved it, and proportionally rescaled."""
    orig, mod = book.scales["original"], book.scales["modified"]
    schemes: dict[BandScheme, str] = {
        "original": f"Opprinnelig (maks {orig.max_score})",
        "modified": f"Minus {orig.max_score - mod.max_score} (rapporten)",
        "proportional": f"Proporsjonal (× {mod.max_score}/{orig.max_score})",
    }
    return pd.DataFrame(
        {"Kategori": [b.label for b in book.bands["modified"]]}
        | {label: [c.min for c in band_cuts(book, s)] for s, label in schemes.items()}
    )


def recoded_bands(data: ChapterData) -> pd.DataFrame:
    bands = data.published_bands
    return pd.DataFrame(
        {
            "Team": "Team " + bands["team"].astype(str),
            "Tidspunkt": bands["timepoint"].map(data.timepoint_labels),
            "Publisert total": bands["total"],
            "Kategori (rapportens grenser)": bands["modified"],
            "Kategori (proporsjonal)": bands["proportional"],
            "Endret": bands["modified"] != bands["proportional"],
        }
    )


def team_totals(summary: pd.DataFrame, book: FidelityCodebook) -> pd.DataFrame:
    """A team summary (from ``team_summary``) as the command line's team_summary.csv shows it, in Norwegian."""
    labels = {t.id: t.label for t in book.timepoints}
    return (
        summary[["team", "timepoint", "n", "items_with_answers", "total", "band"]]
        .assign(timepoint=summary["timepoint"].map(labels), total=_rounded(summary["total"]))
        .rename(
            columns={
                "team": "Team",
                "timepoint": "Tidspunkt",
                "n": "Antall svar",
                "items_with_answers": "Spørsmål med svar",
                "total": "Totalskår",
                "band": "Kategori",
            }
        )
    )


def item_change(summary: pd.DataFrame, book: FidelityCodebook, first: str, last: str) -> pd.DataFrame:
    """Item means at two time points side by side, with the change between them."""
    labels = {t.id: t.label for t in book.timepoints}
    items = [i.id for i in book.items]
    per_item = summary.set_index("timepoint")[items].T.rename(columns=labels).apply(_rounded)
    per_item.insert(0, "Spørsmål", [f"{i.number}. {i.label}" for i in book.items])
    per_item["Endring"] = _rounded(per_item[labels[last]] - per_item[labels[first]])
    return per_item
