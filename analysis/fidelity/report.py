"""The self-contained HTML report a team gets from ``fidelity score``: profile, trajectory and summary table."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.core.render import data_table_html, standalone_html
from analysis.fidelity.codebook import FidelityCodebook
from analysis.fidelity.figures import heatmap, profile, trajectory


def render_report(input_path: Path, summary: pd.DataFrame, book: FidelityCodebook, warnings: list[str]) -> str:
    """One offline page: all scripts inlined, no request to any other origin."""
    sources = [input_path.resolve()]
    latest = str(summary["timepoint"].iloc[-1]) if not summary.empty else ""
    parts: list[object] = [
        "<h1>Fidelitetsprofil for teamet</h1>",
        f"<p>Beregnet {date.today().isoformat()} fra <code>{html.escape(input_path.name)}</code> med kodeboken "
        f"<code>{book.id}</code>. Teamets totalskåre er summen av gjennomsnittet per spørsmål, slik rapporten "
        "regner den. Med få svar per team er tallene beskrivende, ikke statistiske anslag.</p>",
    ]
    if warnings:
        parts.append("<ul>" + "".join(f"<li>{html.escape(w)}</li>" for w in warnings) + "</ul>")
    table = summary[["team", "timepoint", "n", "items_with_answers", "total", "band"]].rename(
        columns={
            "timepoint": "tidspunkt",
            "items_with_answers": "spørsmål med svar",
            "total": "totalskåre",
            "band": "kategori",
        }
    )
    parts.append("<h2>Oppsummering</h2>")
    parts.append(data_table_html(table, caption="Totalskåre og kategori per team og tidspunkt"))
    parts.append("<h2>Utvikling over tid</h2>")
    parts.append(trajectory(summary, book, fig_id="team-trajectory", sources=sources, synthetic=False))
    parts.append("<h2>Spørsmålsprofil</h2>")
    parts.append(profile(summary, book, latest, fig_id="team-profile", sources=sources, synthetic=False))
    parts.append(heatmap(summary, book, fig_id="team-heatmap", sources=sources, synthetic=False))
    return standalone_html("Fidelitetsprofil", parts)  # type: ignore[arg-type]
