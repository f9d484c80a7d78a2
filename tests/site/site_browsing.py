"""Helpers shared by the site tests: open a page in Chromium with its errors and requests recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FIGURES = "[data-se-plotly],[data-se-vega]"
SCROLL_TO_FIGURES = """async () => {
    // One figure at a time: scroll it into view and wait until it is drawn (it loads its library first).
    for (const el of document.querySelectorAll('[data-se-plotly],[data-se-vega]')) {
        el.scrollIntoView({block: 'center'});
        const started = Date.now();
        while (el.getAttribute('data-rendered') !== 'true' && Date.now() - started < 20000) {
            await new Promise(resolve => setTimeout(resolve, 50));
        }
    }
    window.scrollTo(0, 0);
}"""
ALL_DRAWN = (
    "() => Array.from(document.querySelectorAll('[data-se-plotly],[data-se-vega]'))"
    ".every(el => el.getAttribute('data-rendered') === 'true' && el.querySelector('svg, canvas'))"
)
LOADED = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    return {bytes: nav.decodedBodySize + res.reduce((s, r) => s + r.decodedBodySize, 0),
            requests: res.length + 1, urls: res.map(r => r.name)};
}"""


@dataclass
class Record:
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)


def open_recorded(
    browser: Any, url: str, own: tuple[str, ...], viewport: dict[str, int] | None = None
) -> tuple[Any, Any, Record]:
    """A fresh context and page on ``url``; requests outside ``own`` (URL prefixes) are blocked and recorded."""
    record = Record()
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    page.on("console", lambda m: record.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: record.console_errors.append(f"uncaught: {e}"))
    page.on("requestfailed", lambda r: record.failed.append(f"{r.url} ({r.failure})"))

    def route(route: Any) -> None:
        request_url = route.request.url
        record.requested.append(request_url)
        if request_url.startswith(own) or request_url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            record.foreign.append(request_url)
            route.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="load")
    return context, page, record


def draw_all_figures(page: Any, timeout: int = 30_000) -> int:
    """Scroll every figure into view (figures load their library when they approach) and wait until drawn."""
    count = page.locator(FIGURES).count()
    if count:
        page.evaluate(SCROLL_TO_FIGURES)
        page.wait_for_function(ALL_DRAWN, timeout=timeout)
    return count
