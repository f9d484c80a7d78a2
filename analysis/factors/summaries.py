"""Tables computed from the checked factors: counts, study profiles, themes, recommendations, interplay.

Every function takes a :class:`~analysis.factors.load.FactorData` and returns a pandas DataFrame with
Norwegian column names, ready for :func:`analysis.core.render.show_table` or for a chart; nothing here reads
files. The frame tables at the end describe the coding frame itself (the background page shows them).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.core.rounding import round_float
from analysis.core.sources import SOURCE_DOCUMENTS, parse_source_ref
from analysis.factors.codes import DIRECTION_LABELS, LEVEL_ORDER, STUDY_LABELS, STUDY_SHORT, Direction, Study
from analysis.factors.coding_frame import CodingFrame
from analysis.factors.load import FactorData


def _labelled(data: FactorData) -> pd.DataFrame:
    f = data.factors.copy()
    f["nivå"] = f["level"].map(data.frame.level_label)
    f["domene"] = f["cfir_domain"].map(data.frame.domain_label)
    f["konstrukt"] = f["cfir_construct"].map(data.frame.construct_label)
    f["retning"] = f["direction"].map(DIRECTION_LABELS)
    f["tema"] = f["theme_id"].map(dict(zip(data.themes["theme_id"], data.themes["label"], strict=True)))
    return f


def counts_by_level_domain_direction(data: FactorData) -> pd.DataFrame:
    """Counts for every level × CFIR domain × direction, zeros included, so an empty cell is a real zero."""
    levels = [c.id for c in data.frame.levels]
    domains = [d.id for d in data.frame.domains]
    grid = pd.MultiIndex.from_product(
        [levels, domains, [d.value for d in Direction]], names=["level", "cfir_domain", "direction"]
    )
    counts = data.factors.groupby(["level", "cfir_domain", "direction"]).size().reindex(grid, fill_value=0)
    out = counts.rename("antall").reset_index()
    out["nivå"] = out["level"].map(data.frame.level_label)
    out["domene"] = out["cfir_domain"].map(data.frame.domain_label)
    out["retning"] = out["direction"].map(DIRECTION_LABELS)
    return out


def study_comparison(data: FactorData) -> pd.DataFrame:
    """One row per study: how many factors, the direction split and how they spread over the levels."""
    f = data.factors
    rows = []
    for study in Study:
        part = f[f["study"] == study.value]
        row: dict[str, Any] = {"studie": STUDY_LABELS[study.value], "faktorer": len(part)}
        for d in Direction:
            row[DIRECTION_LABELS[d.value].lower()] = int((part["direction"] == d.value).sum())
        row["andel hemmer (%)"] = round_float(100 * row["hemmer"] / len(part), 1) if len(part) else float("nan")
        for level in data.frame.levels:
            # «systemnivå» … but «SE-instruksen» keeps its capitals.
            name = level.label if level.label[:2].isupper() else level.label.lower()
            row[name] = int((part["level"] == level.id).sum())
        rows.append(row)
    return pd.DataFrame(rows)


def theme_summary(data: FactorData) -> pd.DataFrame:
    """Per theme: the studies it occurs in and its direction split (the basis for recurrence and checklist)."""
    f = data.factors
    rows = []
    for theme in data.themes.itertuples():
        part = f[f["theme_id"] == theme.theme_id]
        studies = sorted(part["study"].unique())
        rows.append(
            {
                "theme_id": theme.theme_id,
                "tema": theme.label,
                "studier": ", ".join(studies),
                "antall studier": len(studies),
                "faktorer": len(part),
                "hemmer": int((part["direction"] == "barrier").sum()),
                "fremmer": int((part["direction"] == "facilitator").sum()),
                "blandet": int((part["direction"] == "mixed").sum()),
                "nivåer": ", ".join(
                    data.frame.level_label(lv) for lv in sorted(part["level"].unique(), key=LEVEL_ORDER.__getitem__)
                ),
                "faktor-id": ", ".join(part["factor_id"]),
            }
        )
    return pd.DataFrame(rows)


def recurring_themes(data: FactorData, min_studies: int = 2) -> pd.DataFrame:
    """Themes coded in at least ``min_studies`` of the three studies, most widespread first."""
    summary = theme_summary(data)
    out = summary[summary["antall studier"] >= min_studies]
    out = out.sort_values(["antall studier", "faktorer", "theme_id"], ascending=[False, False, True])
    return out.reset_index(drop=True)


def recommendations_for_themes(data: FactorData) -> dict[str, list[str]]:
    """Theme id → the 004 recommendations that address it."""
    out: dict[str, list[str]] = {}
    for rec in data.recommendations.itertuples():
        for theme_id in rec.theme_ids.split(";"):
            out.setdefault(theme_id.strip(), []).append(rec.rec_id)
    return out


def barrier_coverage(data: FactorData) -> pd.DataFrame:
    """Each theme with hemmende or blandede factors, the studies that found it hindering, and the 004
    recommendations that answer it (if any).

    «studier med hindring» lists only the studies with a barrier or mixed factor in the theme: a theme one
    study found hindering and another helpful is not a hindrance «in two studies».
    """
    summary = theme_summary(data)
    summary = summary[(summary["hemmer"] + summary["blandet"]) > 0].copy()
    hindering = data.factors[data.factors["direction"] != "facilitator"]
    by_theme = hindering.groupby("theme_id")["study"].agg(lambda s: sorted(set(s)))
    summary["studier med hindring"] = summary["theme_id"].map(lambda t: ", ".join(by_theme.get(t, [])))
    summary["antall studier med hindring"] = summary["theme_id"].map(lambda t: len(by_theme.get(t, [])))
    recs = recommendations_for_themes(data)
    summary["anbefalinger (004)"] = summary["theme_id"].map(lambda t: ", ".join(recs.get(t, [])))
    summary["besvart av 004"] = summary["anbefalinger (004)"] != ""
    return summary.reset_index(drop=True)


COVERAGE_COLUMNS = ["theme_id", "tema", "studier med hindring", "hemmer", "blandet", "anbefalinger (004)"]


def coverage_table(data: FactorData) -> pd.DataFrame:
    """The chapter's table of :func:`barrier_coverage`: the theme, where it hindered, and the answers in 004."""
    return barrier_coverage(data)[COVERAGE_COLUMNS].rename(columns={"theme_id": "temakode"})


def interplay_table(data: FactorData) -> pd.DataFrame:
    """000's links between levels with the labels and levels of both ends, and the coder's note on each."""
    f = _labelled(data).set_index("factor_id")
    rows = []
    for edge in data.interplay.to_dict("records"):
        a, b = edge["from"], edge["to"]
        rows.append(
            {
                "fra": f"{a} {f.at[a, 'label']}",
                "fra nivå": f.at[a, "nivå"],
                "til": f"{b} {f.at[b, 'label']}",
                "til nivå": f.at[b, "nivå"],
                "merknad": edge["note"],
                "kilde": edge["source_ref"],
            }
        )
    return pd.DataFrame(rows, columns=["fra", "fra nivå", "til", "til nivå", "merknad", "kilde"])


def factor_listing(data: FactorData) -> pd.DataFrame:
    """Every factor with Norwegian labels, in the order the chapter's table shows them."""
    f = _labelled(data)
    f["studie"] = f["study"].map(STUDY_LABELS)
    f["studie_kort"] = f["study"].map(STUDY_SHORT)
    f["_order"] = f["level"].map(LEVEL_ORDER)
    return f.sort_values(["_order", "theme_id", "study", "factor_id"]).drop(columns="_order").reset_index(drop=True)


def source_documents_used(data: FactorData) -> list[str]:
    """The seed files the coded factors cite, for the chapter's provenance note."""
    files = {parse_source_ref(ref).file for ref in data.factors["source_ref"]}
    return [f for f in SOURCE_DOCUMENTS if f in files]


def euse_stage_table(frame: CodingFrame) -> pd.DataFrame:
    """The five EUSE stages as the coding frame words them, for the background page."""
    return pd.DataFrame([{"trinn": int(c.id), "navn": c.label, "hva skjer": c.definition} for c in frame.euse_stages])


def ips_principle_table(frame: CodingFrame) -> pd.DataFrame:
    """The eight IPS principles as the coding frame words them, for the background page."""
    return pd.DataFrame(
        [{"nr.": int(c.id), "prinsipp": c.label, "hva det betyr": c.definition} for c in frame.ips_principles]
    )
