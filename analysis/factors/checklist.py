"""«Klar for oppstart?»: the readiness checklist derived from the coded barriers, and its printable forms.

The questions themselves are written in themes.csv; which themes get one, their order and the reason given
under each question are derived here from the coded factors, so the checklist changes with the coding.
The chapter shows it with :func:`analysis.factors.explorer.checklist_html`; ``python -m analysis factors
checklist`` writes the Markdown and CSV files for use outside the site.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.core.output import csv_text
from analysis.core.paths import GENERATED
from analysis.factors.codes import LEVEL_ORDER
from analysis.factors.load import FactorData, load_all
from analysis.factors.summaries import barrier_coverage


def _count_phrase(n: int) -> str:
    return "1 hemmende eller blandet faktor" if n == 1 else f"{n} hemmende eller blandede faktorer"


def readiness_checklist(data: FactorData | None = None) -> pd.DataFrame:
    """«Klar for oppstart?»: one question per theme that hindered implementation in at least one study.

    Items are grouped by the highest level at which the theme hindered (system first: what an office cannot
    fix alone must be known before start), and within a level the themes that hindered in more studies come
    first.
    """
    data = data or load_all()
    summary = barrier_coverage(data)
    recs = dict(zip(summary["theme_id"], summary["anbefalinger (004)"], strict=True))
    themes = data.themes.set_index("theme_id")
    f = data.factors
    rows = []
    for s in summary[["theme_id", "tema"]].itertuples():
        part = f[(f["theme_id"] == s.theme_id) & (f["direction"] != "facilitator")]
        studies = sorted(part["study"].unique())
        level = min(part["level"], key=LEVEL_ORDER.__getitem__)
        rows.append(
            {
                "theme_id": s.theme_id,
                "område": data.frame.level_label(level),
                "spørsmål": themes.at[s.theme_id, "readiness_question"],
                "tema": s.tema,
                "hvorfor": (
                    f"{_count_phrase(len(part))} i {'studie' if len(studies) == 1 else 'studiene'} {', '.join(studies)}"
                ),
                "studier": ", ".join(studies),
                "antall studier": len(studies),
                "faktorer": ", ".join(part["factor_id"]),
                "anbefalinger (004)": recs.get(s.theme_id, ""),
                "_level": LEVEL_ORDER[level],
            }
        )
    out = pd.DataFrame(rows)
    out = out.sort_values(["_level", "antall studier", "theme_id"], ascending=[True, False, True])
    out = out.drop(columns="_level")
    out.insert(0, "nr", range(1, len(out) + 1))
    return out.reset_index(drop=True)


def checklist_markdown(checklist: pd.DataFrame, *, title: str = "Klar for oppstart?") -> str:
    """The checklist as a printable Markdown document with tick boxes, grouped by area."""
    lines = [
        f"# {title}",
        "",
        "Sjekkliste for NAV-kontor og kommuner som skal starte Supported Employment (SE) eller IPS for",
        "innvandrere. Spørsmålene er utledet av hemmende faktorer i tre norske studier (000, 002 og 004).",
        "",
    ]
    for area, part in checklist.groupby("område", sort=False):
        lines += [f"## {area}", ""]
        for row in part.to_dict("records"):
            recs = row.get("anbefalinger (004)", "")
            refs = f"faktorer {row['faktorer']}" + (f"; anbefalinger i 004: {recs}" if recs else "")
            lines.append(f"- [ ] **{row['nr']}. {row['spørsmål']}**")
            lines.append(f"  _{row['tema']}: {row['hvorfor']} ({refs})._")
        lines.append("")
    lines.append("Kilde: kodede implementeringsfaktorer i rapportnettstedet, data/coded/implementation_factors.csv.")
    return "\n".join(lines) + "\n"


def checklist_csv(checklist: pd.DataFrame) -> str:
    """The checklist as spreadsheet-safe CSV text (core.output: no cell can start a formula)."""
    return csv_text(checklist)


def write_checklist(checklist: pd.DataFrame, out_dir: Path = GENERATED) -> dict[str, Path]:
    """Write the checklist as Markdown and CSV for people running the analysis outside the site.

    The site itself offers the same files as data: URIs (analysis.factors.explorer.checklist_html): a build must
    not write into data/, whose fingerprint decides when chapters are re-executed.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"md": out_dir / "klar-for-oppstart.md", "csv": out_dir / "klar-for-oppstart.csv"}
    paths["md"].write_text(checklist_markdown(checklist), encoding="utf-8")
    paths["csv"].write_text(checklist_csv(checklist), encoding="utf-8")
    return paths
