"""The self-contained HTML report a team gets from ``fidelity score``.

The report and the site's self-assessment page (book/egenvurdering.md) share one renderer: the results
structure of :mod:`analysis.fidelity.results` is written into the page as JSON and drawn by
``book/_static/egenvurdering.js``, which the report inlines: overview per team and time point, the profile
beside the team's earlier time points and the published teams, advice for low items, missing answers per
respondent and item, and inconsistent ticking. Tables, not figures, carry the numbers, so a report for a
thousand teams stays readable, and a phone at 390 px shows every label whole.

For a few teams the three figures of the fidelity chapter follow (trajectory, profile, heatmap); above
``MAX_FIGURE_TEAMS`` they are left out, because one figure cannot show that many teams legibly.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from analysis.core.render import data_table_html, standalone_html
from analysis.core.render.figure import FigureOutput
from analysis.fidelity.answers import ScoredFile
from analysis.fidelity.codebook import FidelityCodebook
from analysis.fidelity.export import PAGE_DATA_ID, page_data, script_json
from analysis.fidelity.figures import heatmap, profile, trajectory
from analysis.fidelity.results import results_model
from analysis.fidelity.scoring import BandScheme

MAX_FIGURE_TEAMS = 6
MODEL_ID = "se-fidelity-model"


def render_report(
    input_path: Path,
    scored: ScoredFile,
    book: FidelityCodebook,
    *,
    variants: Sequence[str] = (),
    band_scheme: BandScheme = "modified",
) -> str:
    """One offline page: all scripts inlined, no request to any other origin."""
    summary = scored.summary
    model = results_model(
        scored.answers.frame, scored.scores, summary, book, variants=variants, band_scheme=band_scheme
    )
    labels = {t.id: t.label for t in book.timepoints}
    teams = summary["team"].nunique()
    parts: list[FigureOutput | str] = [
        "<h1>Fidelitetsprofil for teamet</h1>",
        f"<p>Beregnet {date.today().isoformat()} fra <code>{html.escape(input_path.name)}</code> med kodeboken "
        f"<code>{book.id}</code>. Teamets totalskår er summen av gjennomsnittet per spørsmål, slik NORCE-rapporten "
        "regner den. Med få svar per team er tallene beskrivende, ikke statistiske anslag. Rapporten henter "
        "ingenting fra nettet.</p>",
    ]
    if scored.answers.warnings:
        parts.append("<ul>" + "".join(f"<li>{html.escape(w)}</li>" for w in scored.answers.warnings) + "</ul>")
    table = summary[["team", "timepoint", "n", "items_with_answers", "total", "band"]].assign(
        timepoint=summary["timepoint"].map(labels)
    )
    table = table.rename(
        columns={
            "team": "Team",
            "timepoint": "Tidspunkt",
            "n": "Antall svar",
            "items_with_answers": "Spørsmål med svar",
            "total": "Totalskår",
            "band": "Kategori",
        }
    )
    parts.append(
        f'<div class="sa sa-report" data-se-report data-model="{MODEL_ID}" data-level="2">'
        "<noscript><p>Detaljene (profil, råd, manglende svar) vises når JavaScript er slått på. "
        "Oppsummeringen:</p>"
        + data_table_html(table, caption="Totalskår og kategori per team og tidspunkt", decimals={"Totalskår": 1})
        + "</noscript></div>"
    )
    sources = [input_path.resolve()]
    if teams <= MAX_FIGURE_TEAMS:
        latest = str(summary["timepoint"].iloc[-1])
        parts.append("<h2>Figurer</h2>")
        parts.append(trajectory(summary, book, fig_id="team-trajectory", sources=sources, synthetic=False))
        parts.append(profile(summary, book, latest, fig_id="team-profile", sources=sources, synthetic=False))
        parts.append(heatmap(summary, book, fig_id="team-heatmap", sources=sources, synthetic=False))
    else:
        parts.append(
            f"<p>Filen har {teams} team. Figurene er utelatt, fordi så mange team ikke kan vises lesbart i én "
            "figur; tabellene over har alle tallene.</p>"
        )
    parts.append(f'<script type="application/json" id="{PAGE_DATA_ID}">{script_json(page_data(book))}</script>')
    parts.append(f'<script type="application/json" id="{MODEL_ID}">{script_json(model)}</script>')
    return standalone_html("Fidelitetsprofil", parts, scripts=["egenvurdering.js"], styles=["egenvurdering.css"])
