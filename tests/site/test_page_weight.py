"""Lighter pages, measured in Chromium: the budgets of issue 16, and the levers that meet them.

Weights are decoded bytes of the document and everything it loaded (Resource Timing), as `make bench`
reports them. "At load" is the page after the network is idle without scrolling; "read through" is the
page after every figure has been scrolled into view and drawn, which loads plotly.js or vega.
"""

from __future__ import annotations

from typing import Any

import pytest
from site_browsing import FIGURES, LOADED, draw_all_figures, open_recorded
from site_server import HTML, site_pages

pytestmark = [pytest.mark.site, pytest.mark.browser]
PAGES = site_pages() if HTML.is_dir() else []
TEXT_PAGE_BYTES = 500_000
TEXT_PAGE_REQUESTS = 15
HEAVIEST_PAGE_BYTES = 2_500_000


def measure(browser: Any, site_url: str, path: str) -> dict[str, Any]:
    context, page, record = open_recorded(browser, site_url + path, (site_url,))
    page.wait_for_load_state("networkidle")
    at_load = page.evaluate(LOADED)
    figures = draw_all_figures(page)
    page.wait_for_load_state("networkidle")
    read = page.evaluate(LOADED)
    context.close()
    return {"load": at_load, "read": read, "figures": figures, "record": record}


@pytest.fixture(scope="module")
def weights(browser: Any, site_url: str) -> dict[str, dict[str, Any]]:
    return {path: measure(browser, site_url, path) for path in PAGES}


@pytest.mark.parametrize("path", PAGES)
def test_page_budget(weights: dict[str, dict[str, Any]], path: str) -> None:
    w = weights[path]
    if not w["figures"]:
        assert w["read"]["bytes"] <= TEXT_PAGE_BYTES, f"text page {path}: {w['read']['bytes']:,} bytes"
        assert w["read"]["requests"] <= TEXT_PAGE_REQUESTS, f"text page {path}: {w['read']['requests']} requests"
    assert w["read"]["bytes"] <= HEAVIEST_PAGE_BYTES, f"{path} read through: {w['read']['bytes']:,} bytes"


def test_no_web_fonts_and_no_search_index_outside_search(weights: dict[str, dict[str, Any]]) -> None:
    for path, w in weights.items():
        urls = w["read"]["urls"]
        fonts = [u for u in urls if u.split("?")[0].endswith((".woff", ".woff2", ".ttf", ".otf")) or "fontawesome" in u]
        assert not fonts, f"{path} loads fonts: {fonts}"
        search = [u for u in urls if u.split("?")[0].endswith(("searchindex.js", "searchtools.js", "language_data.js"))]
        assert not search, f"{path} loads the search machinery: {search}"
        sheets = [u for u in urls if u.split("?")[0].endswith(".css")]
        assert len(sheets) == 1, f"{path} loads {len(sheets)} stylesheets: {sheets}"


def test_figure_libraries_wait_until_a_figure_approaches(browser: Any, site_url: str) -> None:
    """On a page whose first figure is far below the fold, plotly/vega load only when the reader scrolls to it."""
    viewport = {"width": 1280, "height": 700}
    checked = 0
    for path in PAGES:
        context, page, record = open_recorded(browser, site_url + path, (site_url,), viewport)
        page.wait_for_load_state("networkidle")
        first = page.evaluate(
            f"() => {{ const el = document.querySelector('{FIGURES}'); "
            "return el ? el.getBoundingClientRect().top : null; }"
        )
        if first is None or first < 3 * viewport["height"]:
            context.close()
            continue
        libraries = [u for u in record.requested if "/_static/vendor/" in u]
        assert not libraries, f"{path}: loaded {libraries} before any figure was near"
        drawn = draw_all_figures(page)
        libraries = [u for u in record.requested if "/_static/vendor/" in u]
        assert drawn and libraries, f"{path}: scrolling to the figures loaded no library"
        assert not record.console_errors, record.console_errors
        context.close()
        checked += 1
    assert checked >= 2, "fewer than two pages have a figure far enough down to show the lazy loading"
