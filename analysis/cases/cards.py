"""Offline HTML for the case chapter: a filterable overview table and one printable card per case.

The overview and the cards are plain HTML with a small inline script, so they work on a static page
with no network: filters are native ``<select>`` elements with labels (keyboard-operable, read by
screen readers), the row count is announced in a live region, and without JavaScript every row stays
visible. Each case sits in a ``<section class="case-card">`` so that ``book/_static/print.css`` can
start it on a new page; a per-card button prints that case alone. Under its sources each card carries the
case's written re-identification check, folded («Slik er casen anonymisert»), so readers can see why the
case is safe to publish. Figures are not made here: they go through :mod:`analysis.core.render`.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from markdown_it import MarkdownIt

from analysis.cases.model import Case
from analysis.cases.vocabulary import (
    BASIS_LABELS,
    EUSE_STAGES,
    IPS_PRINCIPLES,
    OUTCOME_LABELS,
    THEMES,
    age_band_label,
)
from analysis.core.formatting import capitalise
from analysis.core.render.numbering import TABLE, numbered_attributes
from analysis.core.sources import SOURCE_DOCUMENTS, SourceRef, parse_source_ref

_MD = MarkdownIt("commonmark", {"html": False, "typographer": False})


class Html(str):
    """A string Jupyter shows as HTML, with a short plain-text repr to keep notebooks small."""

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"<HTML, {len(self)} tegn>"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def case_number(case: Case) -> int:
    return int(case.id.rsplit("-", 1)[-1])


def case_heading(case: Case) -> str:
    return f"Case {case_number(case)}: {case.meta.title}"


# --------------------------------------------------------------------------------------------------
# Overview table with filters
# --------------------------------------------------------------------------------------------------

_FILTER_SCRIPT = """
(function () {
  var box = document.getElementById(__BOX_ID__);
  if (!box) { return; }
  var form = box.querySelector("form");
  var rows = Array.prototype.slice.call(box.querySelectorAll("tbody tr"));
  var status = box.querySelector("[role=status]");
  function has(list, value) { return (" " + list + " ").indexOf(" " + value + " ") !== -1; }
  function apply() {
    var stage = form.elements.stage.value, outcome = form.elements.outcome.value,
        theme = form.elements.theme.value, programme = form.elements.programme.value, shown = 0;
    rows.forEach(function (row) {
      var ok = (!stage || has(row.dataset.stages, stage)) &&
               (!outcome || row.dataset.outcome === outcome) &&
               (!theme || has(row.dataset.themes, theme)) &&
               (!programme || row.dataset.programme === programme);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    status.textContent = shown === 0 ? "Ingen caser passer til filteret." :
      "Viser " + shown + " av " + rows.length + " caser.";
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.hidden = false;
  apply();
})();
"""


def _options(pairs: Sequence[tuple[str, str]], all_label: str) -> str:
    opts = [f'<option value="">{_e(all_label)}</option>']
    opts += [f'<option value="{_e(v)}">{_e(label)}</option>' for v, label in pairs]
    return "".join(opts)


def _select(box_id: str, name: str, label: str, pairs: Sequence[tuple[str, str]], all_label: str) -> str:
    sid = f"{box_id}-{name}"
    return (
        f'<div class="case-filter-field"><label for="{sid}">{_e(label)}</label>'
        f'<select id="{sid}" name="{name}">{_options(pairs, all_label)}</select></div>'
    )


TABLE_CAPTION = (
    "Casene etter EUSE-trinn, utfall og tema. Trinnene er de casen viser, også når et trinn mangler i forløpet."
)


def case_filter_table(cases: Sequence[Case], *, box_id: str = "case-filter") -> Html:
    """The overview of all cases by stage, outcome and theme, with offline filters.

    Only values that occur in the case set are offered, so no filter choice can be empty by design.
    """
    stages = sorted({s for c in cases for s in c.meta.euse_stages})
    outcomes = [o for o in OUTCOME_LABELS if any(c.meta.outcome == o for c in cases)]
    themes = sorted({t for c in cases for t in c.meta.themes}, key=lambda t: THEMES[t])
    programmes = sorted({c.meta.programme for c in cases})

    controls = "".join(
        [
            _select(
                box_id, "stage", "EUSE-trinn", [(str(s), f"Trinn {s}: {EUSE_STAGES[s]}") for s in stages], "Alle trinn"
            ),
            _select(box_id, "outcome", "Utfall", [(o, OUTCOME_LABELS[o]) for o in outcomes], "Alle utfall"),
            _select(box_id, "theme", "Tema", [(t, THEMES[t]) for t in themes], "Alle tema"),
            _select(box_id, "programme", "Program", [(p, p) for p in programmes], "Alle program"),
            '<div class="case-filter-field"><button type="reset">Nullstill filter</button></div>',
        ]
    )
    rows = []
    for c in cases:
        m = c.meta
        rows.append(
            f'<tr data-stages="{" ".join(str(s) for s in m.euse_stages)}" data-outcome="{_e(m.outcome)}" '
            f'data-themes="{_e(" ".join(m.themes))}" data-programme="{_e(m.programme)}">'
            f'<th scope="row"><a href="#{_e(c.id)}">{_e(case_heading(c))}</a></th>'
            f"<td>{_e(m.programme)}</td>"
            f"<td>{_e(', '.join(str(s) for s in m.euse_stages))}</td>"
            f"<td>{_e(OUTCOME_LABELS[m.outcome])}</td>"
            f"<td>{_e('; '.join(THEMES[t] for t in m.themes))}</td>"
            "</tr>"
        )
    help_id = f"{box_id}-help"
    return Html(
        f'<div class="case-filter" id="{_e(box_id)}">'
        f'<form class="case-filter-controls" hidden aria-describedby="{help_id}">'
        f'<p id="{help_id}" class="case-filter-help">Velg trinn, utfall, tema eller program for å snevre inn '
        "tabellen. Filteret virker i nettleseren, også uten nett.</p>"
        f"{controls}</form>"
        f'<p class="case-filter-status" role="status" aria-live="polite">Viser alle {len(cases)} caser.</p>'
        f'<div class="case-table-wrapper"><table class="case-table"'
        f"{numbered_attributes(TABLE, f'{box_id}-tabell', TABLE_CAPTION, f'{box_id}-tabell')}>"
        f"<caption>{TABLE_CAPTION}</caption>"
        '<thead><tr><th scope="col">Case</th><th scope="col">Program</th><th scope="col">EUSE-trinn</th>'
        '<th scope="col">Utfall</th><th scope="col">Tema</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></div>"
        f"<script>{_FILTER_SCRIPT.replace('__BOX_ID__', json.dumps(box_id))}</script>"
    )


# --------------------------------------------------------------------------------------------------
# Case cards
# --------------------------------------------------------------------------------------------------

_CONTEXT_ROWS: tuple[tuple[str, str], ...] = (
    ("age_band", "Aldersgruppe"),
    ("gender", "Kjønn"),
    ("region_of_origin", "Opprinnelsesregion"),
    ("municipality_size", "Kommunestørrelse"),
    ("sector", "Sektor"),
    ("programme", "Program"),
)

_PRINT_SCRIPT = """
(function () {
  if (window.casePrintReady) { return; }
  window.casePrintReady = true;
  var root = document.documentElement;
  function clear() {
    root.classList.remove("case-print-single");
    document.querySelectorAll(".case-print-keep, .case-print-target").forEach(function (el) {
      el.classList.remove("case-print-keep", "case-print-target");
    });
  }
  document.querySelectorAll(".case-card .case-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      clear();
      var card = button.closest(".case-card");
      card.classList.add("case-print-target");
      for (var el = card.parentElement; el && el !== root; el = el.parentElement) {
        el.classList.add("case-print-keep");
      }
      root.classList.add("case-print-single");
      window.print();
    });
  });
  window.addEventListener("afterprint", clear);
})();
"""


def describe_source(source: SourceRef | str) -> str:
    """A source reference as readers see it: document name (from the source registry), section and lines."""
    ref = parse_source_ref(source) if isinstance(source, str) else source
    document = SOURCE_DOCUMENTS.get(ref.file)
    name = capitalise(document.short) if document else ref.file
    where = f"avsnitt {ref.section}" if ref.section[:1].isdigit() else f"«{ref.section}»"
    lines = "; ".join(str(start) if start == end else f"{start}–{end}" for start, end in ref.ranges)
    return f"{name} ({ref.file}), {where}, linje {lines}"


def render_markdown(text: str) -> str:
    """A case section's Markdown as HTML; raw HTML in the text is escaped, not passed through."""
    return str(_MD.render(text)).strip()


def _context_table(case: Case) -> str:
    m = case.meta
    shown = {"age_band": age_band_label(m.age_band)}
    rows = [
        f'<tr><th scope="row">{_e(label)}</th><td>{_e(shown.get(key, getattr(m, key)))}</td></tr>'
        for key, label in _CONTEXT_ROWS
    ]
    rows.append(f'<tr><th scope="row">Utfall</th><td>{_e(OUTCOME_LABELS[m.outcome])}</td></tr>')
    rows.append(f'<tr><th scope="row">Bygger på</th><td>{_e(BASIS_LABELS[m.basis])}</td></tr>')
    return (
        '<table class="case-context"><caption>Kontekst (generaliserte opplysninger)</caption>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _mapping(case: Case) -> str:
    m = case.meta
    stages = "".join(f"<li>Trinn {s}: {_e(EUSE_STAGES[s])}</li>" for s in m.euse_stages)
    principles = "".join(f"<li>{_e(IPS_PRINCIPLES[p])}</li>" for p in m.ips_principles)
    themes = "".join(f"<li>{_e(THEMES[t])}</li>" for t in m.themes)
    return (
        '<dl class="case-mapping">'
        f"<dt>EUSE-trinn casen viser</dt><dd><ul>{stages}</ul></dd>"
        f"<dt>IPS-prinsipper casen berører</dt><dd><ul>{principles}</ul></dd>"
        f"<dt>Tema</dt><dd><ul>{themes}</ul></dd>"
        "</dl>"
    )


REIDENTIFICATION_SUMMARY = "Slik er casen anonymisert"
_REIDENTIFICATION_ROWS: tuple[tuple[str, str], ...] = (
    ("draws_on", "Bygger på"),
    ("kept_episodes", "Særpregede episoder som er beholdt"),
    ("why_safe", "Hvorfor ingen kan pekes ut"),
)


def reidentification_check(case: Case) -> Html:
    """The case's written re-identification check, folded: what it draws on, what it keeps, why that is safe."""
    check = case.meta.reidentification
    rows = "".join(f"<dt>{_e(label)}</dt><dd>{_e(getattr(check, key))}</dd>" for key, label in _REIDENTIFICATION_ROWS)
    return Html(
        f'<details class="case-reidentification"><summary>{_e(REIDENTIFICATION_SUMMARY)}</summary>'
        f"<dl>{rows}</dl></details>"
    )


def render_case_card(case: Case, *, heading_level: int = 3) -> Html:
    """One case as a self-contained, printable section; headings start at ``heading_level``."""
    h, h2 = f"h{heading_level}", f"h{heading_level + 1}"
    title_id = f"{case.id}-title"
    s = case.sections
    sources = "".join(f"<li>{_e(describe_source(ref))}</li>" for ref in case.meta.source_refs)
    return Html(
        f'<section class="case-card" id="{_e(case.id)}" aria-labelledby="{title_id}">'
        f'<{h} id="{title_id}">{_e(case_heading(case))}</{h}>'
        f"{_context_table(case)}"
        f"<{h2}>Situasjonen</{h2}>{render_markdown(s['Situasjonen'])}"
        f"<{h2}>Hva jobbspesialisten gjorde</{h2}>{render_markdown(s['Hva jobbspesialisten gjorde'])}{_mapping(case)}"
        f"<{h2}>Utfall</{h2}>{render_markdown(s['Utfall'])}"
        f"<{h2}>Refleksjonsspørsmål</{h2}>{render_markdown(s['Refleksjonsspørsmål'])}"
        '<footer class="case-sources"><p>Bygger på (dokument, avsnitt, linjer):</p>'
        f"<ul>{sources}</ul></footer>"
        f"{reidentification_check(case)}"
        f'<p class="case-print-row"><button type="button" class="case-print" hidden '
        f'aria-describedby="{title_id}">Skriv ut denne casen</button></p>'
        "</section>"
    )


def render_case_cards(cases: Sequence[Case], *, heading_level: int = 3) -> Html:
    """All cases in order, followed by the one script that wires up the print buttons."""
    cards = "".join(render_case_card(c, heading_level=heading_level) for c in cases)
    return Html(f'<div class="case-cards">{cards}</div><script>{_PRINT_SCRIPT}</script>')
