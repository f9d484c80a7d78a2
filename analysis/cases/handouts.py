"""Printable handouts of the training cases: one A4 page per case, and one bundle with every case.

A handout is a standalone HTML document (inline stylesheet, no script, no network) that
``scripts/print_handouts.mjs`` prints to PDF with the Debian Chromium at build time; the trainer's kit page
(``book/kursopplegg.md``) links the PDFs from ``_downloads/kurs/``. Each handout holds what a participant
needs at the table: the case's title and generalised context, the narrative sections, the reflection
questions, and a footer saying where the case comes from and that rules are as they were in the study
periods. The facilitator notes and the re-identification check stay on the site: they are for the trainer.

Names are fixed here once, for the writer, the printer and the page: ``case-NN.html`` prints to
``case-NN.pdf`` and the bundle ``alle-casene.html`` to ``alle-casene.pdf``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from analysis.cases.cards import case_heading, render_markdown
from analysis.cases.model import Case
from analysis.cases.vocabulary import BASIS_LABELS, EUSE_STAGES, OUTCOME_LABELS
from analysis.core.sources import SOURCE_DOCUMENTS

DOWNLOAD_DIR = "_downloads/kurs"
"""Where the printed handouts live in the built site, relative to its root."""
BUNDLE_STEM = "alle-casene"
SITE_TITLE = "SE og IPS for innvandrere og andre med sammensatte behov"
NARRATIVE = ("Situasjonen", "Hva jobbspesialisten gjorde", "Utfall")

# One A4 page: 210 × 297 mm less the margins is the box a handout may fill. The printer
# (scripts/print_handouts.mjs) lays the page out at --handout-width, shrinks the text of a handout that would
# overflow --handout-height (in small steps, not below 8.5 pt) and refuses a PDF that still has more than one
# page per case. At the sizes below the longest case fills about nine tenths of the page with the Liberation
# fonts that Debian's Chromium uses, so the shrinking is a safeguard for other fonts, not the rule.
PAGE_MARGINS_MM = (13, 15, 12)  # top, sides, bottom
BASE_FONT_PT = 10
_STYLE = f"""
@page {{ size: A4; margin: {PAGE_MARGINS_MM[0]}mm {PAGE_MARGINS_MM[1]}mm {PAGE_MARGINS_MM[2]}mm; }}
:root {{ --handout-width: {210 - 2 * PAGE_MARGINS_MM[1]}mm;
         --handout-height: {297 - PAGE_MARGINS_MM[0] - PAGE_MARGINS_MM[2]}mm; }}
* {{ box-sizing: border-box; }}
html {{ font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif; font-size: {BASE_FONT_PT}pt;
       line-height: 1.32; color: #1a1a1a; }}
body {{ margin: 0; }}
.handout {{ break-after: page; display: flow-root; }}
.handout:last-child {{ break-after: auto; }}
.handout-kicker {{ font-size: 0.86em; color: #4a4a4a; margin: 0 0 1mm; text-transform: uppercase;
                  letter-spacing: 0.04em; }}
h1 {{ font-size: 1.6em; line-height: 1.15; margin: 0 0 1.5mm; }}
h2 {{ font-size: 1.15em; margin: 3mm 0 1mm; }}
p, ul, ol {{ margin: 0 0 1.6mm; }}
ul, ol {{ padding-left: 5mm; }}
li {{ margin: 0 0 0.8mm; }}
.handout-context {{ font-size: 0.94em; color: #333; border-top: 0.4mm solid #0b5394;
                   border-bottom: 0.2mm solid #b0b0b0; padding: 1.2mm 0; margin: 0 0 2mm; }}
.handout-questions {{ border: 0.3mm solid #0b5394; border-radius: 1.5mm; padding: 1.5mm 3mm 0.5mm;
                     margin-top: 3mm; break-inside: avoid; }}
.handout-questions h2 {{ margin-top: 0.5mm; color: #0b5394; }}
.handout-footer {{ font-size: 0.82em; color: #4a4a4a; margin-top: 2.5mm; border-top: 0.2mm solid #b0b0b0;
                  padding-top: 1mm; }}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def handout_stem(case: Case) -> str:
    """The file name (without suffix) of a case's handout: its id, «case-07»."""
    return case.id


def handout_href(case: Case | None, base: str) -> str:
    """The link to a case's printed handout (None: the bundle), from a page at ``base`` from the site root."""
    stem = BUNDLE_STEM if case is None else handout_stem(case)
    return f"{base}{DOWNLOAD_DIR}/{stem}.pdf"


def _stages(case: Case) -> str:
    return "; ".join(f"{s} {EUSE_STAGES[s].lower()}" for s in case.meta.euse_stages)


def _sources(case: Case) -> str:
    """The documents the case rests on, named for participants (the site gives sections and lines)."""
    names = []
    for ref in case.meta.source_refs:
        document = SOURCE_DOCUMENTS.get(ref.file)
        name = document.short if document else ref.file
        if name not in names:
            names.append(name)
    return "; ".join(names)


def handout_article(case: Case) -> str:
    """One case as a page-sized article: context line, narrative, reflection questions, footer."""
    m = case.meta
    kind = BASIS_LABELS[m.basis].lower()
    narrative = "".join(f"<h2>{_e(name)}</h2>{render_markdown(case.sections[name])}" for name in NARRATIVE)
    return (
        f'<article class="handout" id="{_e(case.id)}">'
        '<p class="handout-kicker">Casefortelling til opplæring · arbeidsark</p>'
        f"<h1>{_e(case_heading(case))}</h1>"
        f'<p class="handout-context"><strong>Program:</strong> {_e(m.programme)} · '
        f"<strong>Utfall:</strong> {_e(OUTCOME_LABELS[m.outcome])} · "
        f"<strong>EUSE-trinn:</strong> {_e(_stages(case))}</p>"
        f"{narrative}"
        '<section class="handout-questions"><h2>Refleksjonsspørsmål</h2>'
        f"{render_markdown(case.sections['Refleksjonsspørsmål'])}</section>"
        '<p class="handout-footer">'
        f"Casen er anonymisert og skrevet med egne ord ({_e(kind)}). Kilder: {_e(_sources(case))}. "
        "Regler og ordninger er slik de var i studieperiodene (2016–2020) og kan være endret. "
        f"Fra nettstedet «{_e(SITE_TITLE)}», kapitlet «Casefortellinger til opplæring».</p>"
        "</article>"
    )


def _document(title: str, articles: Sequence[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nb-NO">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)}</title>\n"
        f'<meta name="author" content="{_e(SITE_TITLE)}">\n'
        f"<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{''.join(articles)}\n</body>\n</html>\n"
    )


def handout_html(case: Case) -> str:
    """A standalone HTML document holding one case's handout."""
    return _document(f"{case_heading(case)} – arbeidsark", [handout_article(case)])


def bundle_html(cases: Sequence[Case]) -> str:
    """Every case's handout in one document, one case per page, in case order."""
    return _document(f"Alle casene – arbeidsark ({SITE_TITLE})", [handout_article(c) for c in cases])


def write_handouts(cases: Sequence[Case], out: Path) -> list[Path]:
    """Write ``case-NN.html`` for every case and ``alle-casene.html`` into ``out``; returns the files written.

    Old handouts in ``out`` are removed first, so a renamed or deleted case leaves no stale page behind.
    """
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.html"):
        old.unlink()
    written = []
    for case in cases:
        path = out / f"{handout_stem(case)}.html"
        path.write_text(handout_html(case), encoding="utf-8")
        written.append(path)
    bundle = out / f"{BUNDLE_STEM}.html"
    bundle.write_text(bundle_html(cases), encoding="utf-8")
    return [*written, bundle]
