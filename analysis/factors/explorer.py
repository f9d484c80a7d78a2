"""HTML for the implementation-factor chapter's tables: a filterable list of every factor and the printable
readiness checklist.

Why plain HTML with a few lines of inline JavaScript: both must work offline, be usable by keyboard and
screen reader, and still show everything when scripts do not run (the filters are hidden until the script
has wired them up, so nobody meets a control that does nothing). Figures are not made here; only
analysis/core/render/__init__.py turns charts into page output.
"""

from __future__ import annotations

import html
import json
import re
import urllib.parse

import pandas as pd

from analysis.core.render.numbering import TABLE, numbered_attributes
from analysis.factors.checklist import checklist_csv, checklist_markdown
from analysis.factors.codes import DIRECTION_LABELS, STUDY_LABELS
from analysis.factors.coding_frame import CodingFrame

_ID = re.compile(r"^[a-z][a-z0-9-]{2,40}$")

_FOCUS_CSS = (
    "{root} :is(input,select,button,a):focus-visible{{outline:3px solid #0B5394;outline-offset:2px}}"
    "{root} .se-button{{display:inline-block;padding:.35rem .8rem;border:1px solid #0B5394;border-radius:4px;"
    "background:#fff;color:#0B5394;font:inherit;cursor:pointer;text-decoration:none;margin:.2rem .4rem .2rem 0}}"
    "{root} .se-button:hover{{background:#eef4fb}}"
)

_BROWSER_CSS = (
    "{root} .se-fb-controls{{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.6rem 1rem;"
    "margin:.5rem 0}}"
    "{root} .se-fb-controls label{{display:block;font-weight:600;font-size:.9rem}}"
    "{root} .se-fb-controls :is(input,select){{width:100%;font:inherit;padding:.25rem;border:1px solid #767676;"
    "border-radius:3px;background:#fff;color:#1f1f1f}}"
    "{root} table{{border-collapse:collapse;font-size:.88rem}}"
    "{root} caption{{text-align:left;font-weight:600;caption-side:top;padding-bottom:.25rem}}"
    "{root} th,{root} td{{border:1px solid #c8c8c8;padding:.3rem .45rem;text-align:left;vertical-align:top}}"
    "{root} thead th{{background:#f3f3f3}}"
    "{root} .se-fb-desc{{display:block;color:#3a3a3a}}"
    "{root} .se-fb-quote{{display:block;margin-top:.3rem;font-style:italic}}"
    "{root} .se-fb-ref{{display:block;margin-top:.3rem;font-size:.8rem;color:#4a4a4a;overflow-wrap:anywhere}}"
    "{root} .se-fb-code{{display:block;font-size:.82rem}}"
    "{root} tbody th{{white-space:nowrap}}"
    "{root} td:nth-child(2){{min-width:14rem}}{root} td:nth-child(3){{min-width:11rem}}"
    "{root} td:nth-child(4){{min-width:16rem}}"
    "{root} .se-dir-barrier{{color:#9A3408;font-weight:600}}"
    "{root} .se-dir-facilitator{{color:#0B5394;font-weight:600}}"
    "{root} .se-dir-mixed{{color:#4a4a4a;font-weight:600}}"
)

_BROWSER_JS = """(function () {
  "use strict";
  var root = document.getElementById(%(id)s);
  if (!root) { return; }
  var controls = root.querySelector(".se-fb-controls");
  var reset = root.querySelector(".se-fb-reset");
  var rows = Array.prototype.slice.call(root.querySelectorAll("tbody tr"));
  var search = root.querySelector("input[data-filter]");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var count = root.querySelector(".se-fb-count");
  function norm(s) { return (s || "").toLocaleLowerCase("nb").trim(); }
  function apply() {
    var text = norm(search.value), shown = 0;
    rows.forEach(function (row) {
      var ok = !text || row.getAttribute("data-text").indexOf(text) >= 0;
      selects.forEach(function (s) {
        if (s.value && row.getAttribute("data-" + s.getAttribute("data-filter")) !== s.value) { ok = false; }
      });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = "Viser " + shown + " av " + rows.length + " faktorer.";
  }
  search.addEventListener("input", apply);
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  reset.addEventListener("click", function () {
    search.value = "";
    selects.forEach(function (s) { s.value = ""; });
    apply();
    search.focus();
  });
  controls.hidden = false;
  reset.hidden = false;
  apply();
})();"""

_CHECKLIST_CSS = (
    "{root} fieldset{{border:1px solid #c8c8c8;border-radius:4px;margin:.8rem 0;padding:.4rem .9rem}}"
    "{root} legend{{font-weight:600;padding:0 .3rem}}"
    "{root} ol{{margin:.3rem 0 .3rem 1.2rem;padding:0}}"
    "{root} li{{margin:.45rem 0}}"
    "{root} li input{{margin-right:.45rem;transform:scale(1.15)}}"
    "{root} .se-cl-why{{display:block;margin-left:1.6rem;font-size:.85rem;color:#4a4a4a}}"
    "@media print{{.se-print-hide{{display:none!important}}"
    "{root} .se-cl-actions{{display:none}}{root} fieldset{{break-inside:avoid}}}}"
)

_CHECKLIST_JS = """(function () {
  "use strict";
  var root = document.getElementById(%(id)s);
  if (!root) { return; }
  var button = root.querySelector(".se-cl-print");
  var hidden = [];
  function isolate() {
    for (var node = root; node && node !== document.body; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling !== node && !sibling.classList.contains("se-print-hide")) {
          sibling.classList.add("se-print-hide");
          hidden.push(sibling);
        }
      });
    }
  }
  function restore() {
    hidden.forEach(function (el) { el.classList.remove("se-print-hide"); });
    hidden = [];
  }
  button.addEventListener("click", function () {
    isolate();
    window.addEventListener("afterprint", restore, { once: true });
    window.print();
  });
  button.hidden = false;
})();"""


def _check_id(element_id: str) -> None:
    if not _ID.match(element_id):
        raise ValueError(f"element id {element_id!r} must be kebab-case and start with a letter")


def _css(template: str, element_id: str) -> str:
    return "<style>" + template.format(root=f"#{element_id}") + "</style>"


def _options(values: list[tuple[str, str]]) -> str:
    return '<option value="">Alle</option>' + "".join(
        f'<option value="{html.escape(v)}">{html.escape(label)}</option>' for v, label in values
    )


def _select(element_id: str, key: str, label: str, values: list[tuple[str, str]]) -> str:
    ident = f"{element_id}-{key}"
    return (
        f'<div><label for="{ident}">{html.escape(label)}</label>'
        f'<select id="{ident}" data-filter="{key}">{_options(values)}</select></div>'
    )


def factor_browser_html(
    listing: pd.DataFrame,
    frame: CodingFrame,
    *,
    element_id: str = "faktoroversikt",
    caption: str = "Alle kodede implementeringsfaktorer",
) -> str:
    """A searchable, filterable table of every factor with its evidence, quotation and source.

    ``listing`` is :func:`analysis.factors.summaries.factor_listing`; the filters offer the values that occur in it.
    """
    _check_id(element_id)
    e = html.escape
    themes = sorted(set(zip(listing["theme_id"], listing["tema"], strict=True)))
    levels = [(c.id, c.label) for c in frame.levels if c.id in set(listing["level"])]
    domains = [(d.id, d.label) for d in frame.domains if d.id in set(listing["cfir_domain"])]
    studies = [(s, STUDY_LABELS[s]) for s in sorted(set(listing["study"]))]
    directions = [(d, DIRECTION_LABELS[d]) for d in DIRECTION_LABELS if d in set(listing["direction"])]
    controls = (
        f'<div class="se-fb-controls" role="search" aria-label="Filtrer faktorene" hidden>'
        f'<div><label for="{element_id}-q">Søk i tekst</label>'
        f'<input type="search" id="{element_id}-q" data-filter="q" autocomplete="off" '
        f'aria-describedby="{element_id}-count"></div>'
        + _select(element_id, "study", "Studie", studies)
        + _select(element_id, "level", "Nivå", levels)
        + _select(element_id, "direction", "Retning", directions)
        + _select(element_id, "domain", "CFIR-domene", domains)
        + _select(element_id, "theme", "Tema", [(t, f"{t} {label}") for t, label in themes])
        + "</div>"
        f'<button type="button" class="se-button se-fb-reset" hidden>Nullstill filtrene</button>'
        f'<p class="se-fb-count" id="{element_id}-count" aria-live="polite">Viser {len(listing)} av '
        f"{len(listing)} faktorer.</p>"
    )
    head = "".join(f'<th scope="col">{h}</th>' for h in ("ID", "Faktor", "Koding", "Hva studien fant"))
    body = []
    for r in listing.to_dict("records"):
        searchable = " ".join(
            str(r[c])
            for c in (
                "factor_id",
                "label",
                "description",
                "evidence",
                "quote",
                "tema",
                "nivå",
                "retning",
                "domene",
                "konstrukt",
                "source_ref",
            )
        )
        quote = f'<span class="se-fb-quote">Sitat: <q lang="nb">{e(r["quote"])}</q></span>' if r["quote"] else ""
        body.append(
            f'<tr data-study="{e(r["study"])}" data-level="{e(r["level"])}" data-direction="{e(r["direction"])}" '
            f'data-domain="{e(r["cfir_domain"])}" data-theme="{e(r["theme_id"])}" '
            f'data-text="{e(searchable.casefold())}">'
            f'<th scope="row">{e(r["factor_id"])}</th>'
            f'<td><strong>{e(r["label"])}</strong><span class="se-fb-desc">{e(r["description"])}</span></td>'
            f'<td><span class="se-dir-{e(r["direction"])}">{e(r["retning"])}</span>'
            f'<span class="se-fb-code">{e(r["nivå"])}</span>'
            f'<span class="se-fb-code">CFIR: {e(r["domene"])} – {e(r["konstrukt"])}</span>'
            f'<span class="se-fb-code">Tema {e(r["theme_id"])}: {e(r["tema"])}</span>'
            f'<span class="se-fb-code">{e(r["studie"])}</span></td>'
            f'<td>{e(r["evidence"])}{quote}<span class="se-fb-ref">Kilde: {e(r["source_ref"])}</span></td></tr>'
        )
    table = (
        f'<div class="se-table-wrap" tabindex="0" role="region" aria-label="{e(caption)}">'
        f"<table{numbered_attributes(TABLE, f'{element_id}-tabell', caption, f'{element_id}-tabell')}>"
        f"<caption>{e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )
    script = _BROWSER_JS % {"id": json.dumps(element_id)}
    return (
        f'<section class="se-factor-browser" id="{element_id}" aria-label="{e(caption)}">'
        f"{_css(_FOCUS_CSS + _BROWSER_CSS, element_id)}{controls}{table}<script>{script}</script></section>"
    )


def _data_uri(text: str, mime: str) -> str:
    return f"data:{mime};charset=utf-8," + urllib.parse.quote(text)


def checklist_html(
    checklist: pd.DataFrame, *, element_id: str = "klar-for-oppstart-liste", filename: str = "klar-for-oppstart"
) -> str:
    """The readiness checklist with tick boxes, two downloads (Markdown, CSV) and a print button.

    The downloads are data: URIs built from the same table, so they work offline and the build writes no
    files; the print button prints the checklist alone.
    """
    _check_id(element_id)
    e = html.escape
    markdown_uri = _data_uri(checklist_markdown(checklist), "text/markdown")
    csv_uri = _data_uri(checklist_csv(checklist), "text/csv")
    actions = (
        '<div class="se-cl-actions">'
        f'<a class="se-button" download="{filename}.md" href="{markdown_uri}">'
        "Last ned sjekklisten (Markdown)</a>"
        f'<a class="se-button" download="{filename}.csv" href="{csv_uri}">'
        "Last ned sjekklisten (CSV)</a>"
        '<button type="button" class="se-button se-cl-print" hidden>Skriv ut sjekklisten</button></div>'
    )
    groups = []
    for area, part in checklist.groupby("område", sort=False):
        items = []
        for r in part.to_dict("records"):
            ident = f"{element_id}-{r['nr']}"
            recs = f"; anbefalinger i 004: {r['anbefalinger (004)']}" if r["anbefalinger (004)"] else ""
            items.append(
                f'<li value="{r["nr"]}"><input type="checkbox" id="{ident}" aria-describedby="{ident}-why">'
                f'<label for="{ident}">{e(r["spørsmål"])}</label>'
                f'<span class="se-cl-why" id="{ident}-why">{e(r["tema"])}: {e(r["hvorfor"])} '
                f"(faktorer {e(r['faktorer'])}{e(recs)}).</span></li>"
            )
        groups.append(f"<fieldset><legend>{e(area)}</legend><ol>{''.join(items)}</ol></fieldset>")
    script = _CHECKLIST_JS % {"id": json.dumps(element_id)}
    return (
        f'<section class="se-checklist" id="{element_id}" aria-label="Sjekkliste: Klar for oppstart?">'
        f"{_css(_FOCUS_CSS + _CHECKLIST_CSS, element_id)}{actions}{''.join(groups)}<script>{script}</script></section>"
    )
