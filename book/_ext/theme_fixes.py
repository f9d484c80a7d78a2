"""Fixes to the stock Jupyter Book 1 theme stack, made in the project instead of patched in site-packages.

- sphinx-thebe adds its configuration script on every ``env-before-read-docs`` event, so a build that reads
  pages twice declares ``const THEBE_JS_URL`` twice and every page logs a SyntaxError; it also names a CDN
  URL. Thebe (live code through Binder) is off on this site, so its page scripts are not registered at all.
- docutils marks bibliography entries with ``role="doc-biblioentry"`` (deprecated in ARIA 1.3) inside a
  ``role="list"`` whose children are not list items; axe-core reports both. The roles are dropped: the
  entries are plain blocks with their own labels, which is what they are.
- myst-nb labels the show/hide-code toggles "Toggle hidden content" while their visible text says something
  else (WCAG 2.5.3, label in name); without the label the visible, translated prompt is the name.
- Interface strings are translated through message catalogs (book/_ext/norwegian.py). A few strings are
  written by templates or scripts without passing through a catalog; they are translated in the written
  pages (``CHROME_NB``).
- A page may declare the language of its content in front matter (``lang: en``). The page chrome stays
  Norwegian, so ``<html lang>`` stays the site's language and the article body is wrapped in an element
  carrying the page's language: screen readers switch voice for exactly that part (WCAG 3.1.2).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

_THEBE_HANDLERS = {"init_thebe_core"}
_CITATION_ROLES = re.compile(r'\s+role="(?:doc-biblioentry|doc-backlink)"')
_CITATION_LIST = re.compile(r'<div\b[^>]*class="citation-list"[^>]*>')
_TOGGLE_LABEL = re.compile(r'\s+aria-label="Toggle hidden content"')
_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")
# English strings the theme stack writes into every page, as attribute values or element text.
CHROME_NB = {
    "Link to this heading": "Lenke til denne overskriften",
    "previous page": "forrige side",
    "next page": "neste side",
    "Toggle primary sidebar": "Vis eller skjul menyen",
    "Toggle secondary sidebar": "Vis eller skjul innholdsfortegnelsen",
    "Source repositories": "Kildekode",
    "Source repository": "Kildekode",
    "Repository": "Kildekode",
    "Open an issue": "Meld fra om en feil",
    "Open issue": "Meld fra om en feil",
    "Download this page": "Last ned denne siden",
    "Download source file": "Last ned kildefilen",
    "Download notebook file": "Last ned notatboken",
    "Print to PDF": "Skriv ut eller lagre som PDF",
    "Site navigation": "Navigasjon",
    "On this page": "På denne siden",
    "Back to top": "Til toppen",
    "Skip to main content": "Hopp til hovedinnholdet",
    "Version warning": "Versjonsvarsel",
    "Index": "Stikkordregister",
    "Main": "Hovedinnhold",
    "Page": "Side",
    "Contents": "Innhold",
}
_CHROME = re.compile(
    r'((?:aria-label|title|data-bs-title|data-bs-original-title)=")(' + "|".join(map(re.escape, CHROME_NB)) + r')(")'
    r"|(>\s*)(" + "|".join(map(re.escape, CHROME_NB)) + r")(\s*<)"
)


def _drop_thebe(app: Sphinx) -> None:
    thebe_on = bool(app.config.html_theme_options.get("launch_buttons", {}).get("thebe"))
    if thebe_on:
        return
    listeners = app.events.listeners.get("env-before-read-docs", [])
    for listener in list(listeners):
        handler = listener.handler
        if getattr(handler, "__module__", "") == "sphinx_thebe" and handler.__name__ in _THEBE_HANDLERS:
            app.disconnect(listener.id)


def _fix_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    body = context.get("body")
    if body:
        body = _CITATION_ROLES.sub("", body)
        body = _CITATION_LIST.sub(lambda m: m.group(0).replace(' role="list"', ""), body)
        context["body"] = _TOGGLE_LABEL.sub("", body)
    lang = app.env.metadata.get(pagename, {}).get("lang") if app.env else None
    if isinstance(lang, str) and _LANG_CODE.match(lang) and context.get("body"):
        context["body"] = f'<div lang="{lang}" class="se-lang-part">{context["body"]}</div>'


# The book theme pre-fills a new issue with English text; the issue button exists only when a repository is set.
ISSUE_TEXT_NB = {
    "title=Issue%20on%20page%20": "title=Feil%20p%C3%A5%20siden%20",
    "body=Your%20issue%20content%20here.": "body=Beskriv%20feilen%20her.",
}


def translate_chrome(html: str) -> str:
    """Norwegian for the theme's fixed English labels, in attributes and as whole element texts."""

    def swap(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1) + CHROME_NB[match.group(2)] + match.group(3)
        return match.group(4) + CHROME_NB[match.group(5)] + match.group(6)

    for english, norwegian in ISSUE_TEXT_NB.items():
        html = html.replace(english, norwegian)
    return _CHROME.sub(swap, html)


def _translate_pages(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or not str(app.config.language).startswith("nb"):
        return
    out = Path(app.outdir)
    for page in out.rglob("*.html"):
        if "_static" in page.parts or "_sources" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        translated = translate_chrome(text)
        if translated != text:
            page.write_text(translated, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _drop_thebe)
    app.connect("html-page-context", _fix_page)
    app.connect("build-finished", _translate_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "2"}
