"""The self-assessment page's markup, generated from the codebook at build time (book/egenvurdering.md).

Every item becomes a ``<fieldset>`` with its number and wording as ``<legend>``: radio buttons for a
single-choice item (with «Ikke besvart» first, so an answer can be taken back), checkboxes for a tick-all
item (with «Ingen av disse» to say "none ticked", which scores 0, as opposed to leaving the item
unanswered). The page data (:func:`analysis.fidelity.export.page_data`) rides along in a
``<script type="application/json">`` element, so the page works from a folder on disk (file://), where a
script may not fetch anything. ``book/_static/egenvurdering.js`` does the rest in the browser.
"""

from __future__ import annotations

import html
from typing import Any

from analysis.core.formatting import fmt_int, fmt_num
from analysis.fidelity.export import PAGE_DATA_ID, page_data, script_json

ROOT_ID = "se-egenvurdering"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _item(item: dict[str, Any]) -> str:
    qid, number = item["id"], item["number"]
    legend = f'<legend><span class="sa-num">{number}.</span> {_e(item["wording"])}</legend>'
    help_id = f"sa-{qid}-help"
    instruction = item["instruction"] or (
        "Velg det alternativet som passer best." if item["type"] == "single" else "Kryss av for alle som stemmer."
    )
    parts = [f'<p class="sa-instruction" id="{help_id}">{_e(instruction)}</p>', '<div class="sa-options">']
    if item["type"] == "single":
        parts.append(
            f'<label class="sa-option sa-none"><input type="radio" name="{qid}" value="" checked> Ikke besvart</label>'
        )
        for option in item["options"]:
            parts.append(
                f'<label class="sa-option"><input type="radio" name="{qid}" value="{option["code"]}"> '
                f'<span class="sa-code">{option["code"]}</span> {_e(option["text"])}</label>'
            )
    else:
        for option, column in zip(item["options"], item["columns"], strict=True):
            parts.append(
                f'<label class="sa-option"><input type="checkbox" name="{column}" value="1"> '
                f"{_e(option['text'])}</label>"
            )
        parts.append(
            f'<label class="sa-option sa-none"><input type="checkbox" name="{qid}_ingen" value="1" '
            f'data-none-of="{qid}"> Ingen av disse stemmer (gir skår 0)</label>'
        )
    parts.append("</div>")
    return (
        f'<fieldset class="sa-item" id="sa-{qid}" data-item="{qid}" data-type="{item["type"]}" '
        f'aria-describedby="{help_id}">{legend}{"".join(parts)}</fieldset>'
    )


def form_html(data: dict[str, Any] | None = None) -> str:
    """The whole interactive block: data, import, the form, the answer list and the results area."""
    data = data or page_data()
    book = data["codebook"]
    timepoints = "".join(f'<option value="{_e(t["id"])}">{_e(t["label"])}</option>' for t in book["timepoints"])
    sections: dict[str, list[str]] = {}
    for item in book["items"]:
        sections.setdefault(item["section"], []).append(_item(item))
    items = "".join(f'<h4 class="sa-section">{_e(name)}</h4>{"".join(parts)}' for name, parts in sections.items())
    return f"""<div id="{ROOT_ID}" class="sa" data-se-egenvurdering>
<script type="application/json" id="{PAGE_DATA_ID}">{script_json(data)}</script>
<noscript><p class="sa-warning">Skjemaet trenger JavaScript. Du kan i stedet laste ned svarmalen og bruke
kommandolinjen (se fidelitetskapitlet).</p></noscript>
<div class="sa-app" hidden>
<section class="sa-panel" aria-labelledby="sa-import-h">
<h3 id="sa-import-h">Hent svar fra en fil</h3>
<p>En CSV-fil i svarmalens format (samme format som kommandolinjen leser og som «Last ned svarene» under
skriver). Filen leses bare i nettleseren din.</p>
<p><label for="sa-file">Velg CSV-fil med svar</label>
<input type="file" id="sa-file" name="answers" accept=".csv,text/csv"></p>
<div id="sa-import-status" class="sa-status" role="status" aria-live="polite"></div>
</section>
<section class="sa-panel" aria-labelledby="sa-form-h">
<h3 id="sa-form-h">Fyll inn et skjema</h3>
<p>Ett skjema per jobbspesialist og måletidspunkt. Bruk et løpenummer, ikke navn eller fødselsnummer.</p>
<form id="sa-form" novalidate>
<fieldset class="sa-who"><legend>Hvem og når</legend>
<p class="sa-field"><label for="sa-team">Team</label>
<input type="text" id="sa-team" name="team" required autocomplete="off" aria-describedby="sa-team-help">
<span class="sa-hint" id="sa-team-help">Navn eller nummer på teamet, likt hver gang.</span></p>
<p class="sa-field"><label for="sa-timepoint">Måletidspunkt</label>
<select id="sa-timepoint" name="timepoint">{timepoints}</select></p>
<p class="sa-field"><label for="sa-respondent">Løpenummer</label>
<input type="text" id="sa-respondent" name="respondent_id" required autocomplete="off"
aria-describedby="sa-respondent-help">
<span class="sa-hint" id="sa-respondent-help">For eksempel L01. Samme løpenummer for samme person ved hvert
tidspunkt.</span></p>
</fieldset>
{items}
<div class="sa-actions">
<button type="submit" id="sa-save">Lagre skjemaet</button>
<button type="button" id="sa-reset">Tøm skjemaet</button>
</div>
<div id="sa-form-status" class="sa-status" role="status" aria-live="polite"></div>
</form>
</section>
<section class="sa-panel" aria-labelledby="sa-list-h">
<h3 id="sa-list-h">Skjemaene som er lagt inn</h3>
<div id="sa-list"></div>
<div class="sa-actions">
<button type="button" id="sa-export-answers">Last ned svarene (CSV)</button>
<button type="button" id="sa-clear">Slett alle svarene</button>
</div>
<p class="sa-field sa-check"><input type="checkbox" id="sa-remember" aria-describedby="sa-remember-help">
<label for="sa-remember">Husk svarene på denne maskinen</label>
<span class="sa-hint" id="sa-remember-help">Uten dette hakes av forsvinner svarene når du lukker siden.
Med hake lagres de bare i denne nettleseren (localStorage), aldri på nettet.</span></p>
</section>
<section class="sa-panel sa-results-panel" aria-labelledby="sa-results-h">
<h3 id="sa-results-h">Resultater</h3>
<div class="sa-actions sa-result-actions">
<button type="button" id="sa-export-results">Last ned resultatene (CSV)</button>
<span class="sa-check"><input type="checkbox" id="sa-excel"> <label for="sa-excel">CSV for norsk Excel
(semikolon og desimalkomma)</label></span>
<button type="button" id="sa-print">Skriv ut resultatene</button>
</div>
<div id="sa-results" data-se-results></div>
</section>
</div>
</div>"""


def page_facts(data: dict[str, Any] | None = None) -> dict[str, str]:
    """The numbers the page's prose states, computed from the codebook export (glued into the page)."""
    data = data or page_data()
    book = data["codebook"]
    ranges = {item["type"]: item["score_range"] for item in book["items"] if item["id"] != "q19"}
    q19 = next(item for item in book["items"] if item["id"] == "q19")
    limits = [fmt_num(b["min"], 0) for b in book["bands"]["modified"] if b["min"] > 0]
    return {
        "sa-n-items": fmt_int(len(book["items"])),
        "sa-single-range": "–".join(map(str, ranges["single"])),
        "sa-multi-range": "–".join(map(str, ranges["multi"])),
        "sa-q19-max": fmt_int(q19["score_range"][1]),
        "sa-band-limits": ", ".join(limits[:-1]) + " eller " + limits[-1],
    }


def show_form() -> Any:
    """The form as a notebook cell's output (the page is an executed MyST page with one hidden cell)."""
    from analysis.core.render import show_html

    return show_html(form_html())
