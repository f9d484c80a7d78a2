"""The site speaks Norwegian bokmål in every interface string, on every page and in the search results.

Each built page (and the search page with results, and with none) is opened in Chromium after its scripts
have run and its figures are drawn, so strings that scripts write (copy buttons, tooltips, search status)
are seen too. Every text node and every label-like attribute outside parts marked with another language
(the English summary's content) and outside code is compared with the maintained list
english_ui_strings.txt. The scanner is first shown a page with known English strings, so it cannot pass by
seeing nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from site_browsing import draw_all_figures, open_recorded
from site_server import HTML, site_pages

pytestmark = [pytest.mark.site, pytest.mark.browser]
LIST = Path(__file__).with_name("english_ui_strings.txt")
PAGES = site_pages() + ["search.html", "genindex.html"] if HTML.is_dir() else []

SCAN = """(list) => {
    const exact = new Set(list.exact), phrases = list.phrases, starts = list.starts;
    const attrs = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription',
                   'data-tooltip', 'data-bs-title', 'data-bs-original-title', 'value', 'label'];
    const skip = el => el.closest('script, style, code, pre, kbd, [lang]:not([lang^="nb"]):not(html)');
    const hits = [];
    const check = (text, where) => {
        const t = (text || '').replace(/\\s+/g, ' ').trim();
        if (!t) return;
        if (exact.has(t)) hits.push(`${where}: "${t}"`);
        for (const p of phrases) if (t.includes(p)) hits.push(`${where}: "${t.slice(0, 120)}" (contains "${p}")`);
        for (const s of starts) {
            if (t === s || t.startsWith(s + ' ')) hits.push(`${where}: "${t.slice(0, 120)}" (starts with "${s}")`);
        }
    };
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (parent && !skip(parent)) check(node.data, `<${parent.tagName.toLowerCase()}>`);
    }
    for (const el of document.querySelectorAll('*')) {
        if (skip(el)) continue;
        for (const a of attrs) if (el.hasAttribute(a)) check(el.getAttribute(a), `<${el.tagName.toLowerCase()} ${a}>`);
    }
    check(document.title, '<title>');
    return hits;
}"""


def english_strings() -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {"=": [], "~": [], "^": []}
    for line in LIST.read_text(encoding="utf-8").splitlines():
        if line[:2] in ("= ", "~ ", "^ "):
            kinds[line[0]].append(line[2:].strip())
    return {"exact": kinds["="], "phrases": kinds["~"], "starts": kinds["^"]}


def scan(page: Any) -> list[str]:
    return page.evaluate(SCAN, english_strings())


def test_the_scanner_finds_english_strings(browser: Any) -> None:
    page = browser.new_page()
    page.set_content(
        '<html lang="nb"><body><nav aria-label="Site navigation"><a title="next page">neste</a></nav>'
        "<p>Search finished, found 3 page(s) matching the search query.</p><button>Copy</button>"
        '<p>By Someone</p><div lang="en"><p>Contents</p></div><code>Search</code></body></html>'
    )
    hits = "\n".join(scan(page))
    page.close()
    for planted in (
        'aria-label>: "Site navigation"',
        'title>: "next page"',
        "Search finished",
        '<button>: "Copy"',
        'starts with "By"',
    ):
        assert planted in hits, hits
    # The English-language part and the code are not interface strings.
    assert '"Contents"' not in hits and "<code>" not in hits, hits


@pytest.mark.parametrize("path", PAGES)
def test_no_english_interface_strings(browser: Any, site_url: str, path: str) -> None:
    context, page, record = open_recorded(browser, site_url + path, (site_url,))
    page.wait_for_load_state("networkidle")
    draw_all_figures(page)
    hits = scan(page)
    context.close()
    assert not hits, f"{path}: English interface strings:\n" + "\n".join(hits[:40])


@pytest.mark.parametrize("query", ["arbeidsgiveren", "qxzqxzqxz"])
def test_search_results_speak_norwegian(browser: Any, site_url: str, query: str) -> None:
    context, page, record = open_recorded(browser, f"{site_url}search.html?q={query}", (site_url,))
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results .search-summary, "
        "#search-results p'); return s && s.textContent.trim().length > 0; }",
        timeout=20_000,
    )
    page.wait_for_load_state("networkidle")
    status = page.locator("#search-results").inner_text()
    hits = scan(page)
    context.close()
    assert not hits, f"search for {query!r}: English strings:\n" + "\n".join(hits[:40])
    assert not record.console_errors, record.console_errors
    assert "Søk" in status or "treff" in status, status
