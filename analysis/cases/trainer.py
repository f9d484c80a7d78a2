"""What the trainer's kit page (``book/kursopplegg.md``) shows about the cases: downloads and facilitator notes.

Everything here is generated from the case files, so the page never retypes a title, a note or a stage:

* :func:`handout_downloads` – the list of printed handouts (one A4 page per case, and the bundle), as links
  to the PDFs the build prints into ``_downloads/kurs/`` (:mod:`analysis.cases.handouts`);
* :func:`facilitator_notes` – one section per case for the trainer: the case's ``facilitator_notes`` (what
  the source says happened and why), the EUSE stages it shows, the coded factors its note names (with the
  factor's label, passed in by the page from :mod:`analysis.factors`, which this package may not import),
  and links to the handout and to the full case on the case chapter.

Download links carry the class ``se-download-only``: the PDF edition of the report leaves them out (paper
cannot download).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from analysis.cases.cards import Html, case_heading, case_number
from analysis.cases.handouts import handout_href
from analysis.cases.model import Case
from analysis.cases.vocabulary import EUSE_STAGES, OUTCOME_LABELS

FACTOR_ID = re.compile(r"\bF\d{3}-\d{2}\b")
NOTES_ID_PREFIX = "kurs-"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def notes_anchor(case: Case) -> str:
    """The id of a case's facilitator section on the trainer's page («kurs-case-07»)."""
    return f"{NOTES_ID_PREFIX}{case.id}"


def factors_named(case: Case) -> list[str]:
    """The coded factor ids a case's facilitator note names, in the order it names them, each once."""
    return list(dict.fromkeys(FACTOR_ID.findall(case.meta.facilitator_notes)))


def handout_downloads(cases: Sequence[Case], *, base: str) -> Html:
    """Links to every printed handout and to the bundle; ``base`` leads from the page to the site root."""
    items = "".join(
        f'<li><a href="{_e(handout_href(c, base))}" download>{_e(case_heading(c))}</a> '
        f'<span class="kurs-meta">({_e(OUTCOME_LABELS[c.meta.outcome].lower())})</span></li>'
        for c in cases
    )
    return Html(
        '<div class="se-download-only kurs-downloads">'
        f'<p><a href="{_e(handout_href(None, base))}" download><strong>Alle casene i én PDF</strong></a> '
        f"– {len(cases)} sider, én case per side.</p>"
        f'<ul class="kurs-handouts">{items}</ul></div>'
    )


def _factor_list(case: Case, factor_labels: Mapping[str, str]) -> str:
    items = "".join(
        f"<li>{_e(fid)}: {_e(factor_labels[fid])}</li>" if fid in factor_labels else f"<li>{_e(fid)}</li>"
        for fid in factors_named(case)
    )
    return f"<ul>{items}</ul>" if items else "<p>Notatet nevner ingen kodede faktorer.</p>"


def facilitator_section(
    case: Case, factor_labels: Mapping[str, str], *, base: str, case_page: str, heading_level: int = 3
) -> Html:
    """One case for the trainer: note, stages, factors, and links to the handout and the full case."""
    h = f"h{heading_level}"
    m = case.meta
    stages = "".join(f"<li>Trinn {s}: {_e(EUSE_STAGES[s])}</li>" for s in m.euse_stages)
    return Html(
        f'<section class="kurs-case" id="{_e(notes_anchor(case))}" aria-labelledby="{_e(notes_anchor(case))}-title">'
        f'<{h} id="{_e(notes_anchor(case))}-title">{_e(case_heading(case))}</{h}>'
        f'<p class="kurs-meta">{_e(m.programme)} · utfall: {_e(OUTCOME_LABELS[m.outcome].lower())}</p>'
        f"<p><strong>Hva kilden forteller, og hvorfor:</strong> {_e(m.facilitator_notes)}</p>"
        '<dl class="case-mapping">'
        f"<dt>EUSE-trinn casen viser</dt><dd><ul>{stages}</ul></dd>"
        f"<dt>Kodede faktorer notatet viser til</dt><dd>{_factor_list(case, factor_labels)}</dd>"
        "</dl>"
        f'<p class="kurs-links"><span class="se-download-only"><a href="{_e(handout_href(case, base))}" download>'
        f"Arbeidsark for case {case_number(case)} (PDF, én side)</a> · </span>"
        f'<a href="{_e(case_page)}#{_e(case.id)}">Hele casen med kontekst og kilder</a></p>'
        "</section>"
    )


def facilitator_notes(
    cases: Sequence[Case], factor_labels: Mapping[str, str], *, base: str, case_page: str, heading_level: int = 3
) -> Html:
    """Every case's facilitator section, in case order."""
    return Html(
        "".join(
            facilitator_section(c, factor_labels, base=base, case_page=case_page, heading_level=heading_level)
            for c in cases
        )
    )
