"""The built site in a real browser: headless Debian Chromium driven by Playwright.

Every page is opened once, with every request to another origin blocked and recorded. A page passes when it
logs no console error, no request fails, nothing is requested from another origin, every plotly and vega
figure on it has rendered (an SVG or canvas is present) and carries its accessible name, description and
data table, and axe-core (served by the site itself) finds no WCAG 2.0/2.1 A or AA violation. Chapter pages
are screenshotted to _build/screenshots/ for human review.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from site_browsing import SCROLL_TO_FIGURES
from site_server import HTML, site_pages

pytestmark = [pytest.mark.site, pytest.mark.browser]
SCREENSHOTS = HTML.parent / "screenshots"
PAGES = site_pages() if HTML.is_dir() else []
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHAPTERS = ("implementeringsfaktorer", "fidelitet", "sporreskjema", "casefortellinger")

FIGURE_AUDIT = """() => Array.from(document.querySelectorAll('[data-se-plotly],[data-se-vega]')).map(el => {
    const fig = el.closest('figure');
    const caption = fig && fig.querySelector('figcaption');
    const labelled = fig && fig.getAttribute('aria-labelledby');
    const described = fig && fig.getAttribute('aria-describedby');
    const title = labelled && document.getElementById(labelled);
    const desc = described && document.getElementById(described);
    return {
        id: el.id,
        kind: el.hasAttribute('data-se-plotly') ? 'plotly' : 'vega',
        drawn: el.querySelectorAll('svg, canvas').length,
        rendered: el.getAttribute('data-rendered'),
        caption: !!caption && caption.textContent.trim().length > 0,
        name: title ? title.textContent.trim() : '',
        description: desc ? desc.textContent.trim() : '',
        table: !!(fig && fig.querySelector('table caption') && fig.querySelector('th[scope=col]')),
        csv: !!(fig && fig.querySelector('a[download][href^="data:text/csv"]')),
    };
})"""


@dataclass
class Visit:
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    axe: list[dict[str, Any]] = field(default_factory=list)
    lang: str = ""
    content_lang: str = ""
    headings: list[int] = field(default_factory=list)


def open_page(
    browser: Any, base: str, path: str, result: Visit, viewport: dict[str, int] | None = None
) -> tuple[Any, Any]:
    """A fresh context and page on ``path`` with request blocking and error recording wired up."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    page.on("console", lambda m: result.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: result.console_errors.append(f"uncaught: {e}"))
    page.on(
        "requestfailed", lambda r: result.failed.append(f"{r.url} ({r.failure})") if r.url.startswith(base) else None
    )

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith((base, "data:", "blob:")):
            route.continue_()
        else:
            result.foreign.append(url)
            route.abort()

    page.route("**/*", route)
    response = page.goto(base + path, wait_until="networkidle")
    assert response is not None and response.ok, f"{path}: HTTP {response.status if response else 'none'}"
    if page.locator("[data-se-plotly],[data-se-vega]").count():
        # Figures load their library and draw when they approach the viewport, so scroll each into view.
        page.evaluate(SCROLL_TO_FIGURES)
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('[data-se-plotly],[data-se-vega]'))"
            ".every(el => el.getAttribute('data-rendered') === 'true')",
            timeout=20_000,
        )
    return context, page


def visit(browser: Any, base: str, path: str) -> Visit:
    result = Visit()
    context, page = open_page(browser, base, path, result)
    result.figures = page.evaluate(FIGURE_AUDIT)
    result.lang = page.evaluate("() => document.documentElement.lang")
    result.content_lang = page.evaluate(
        "() => { const el = document.querySelector('article [lang]:not([lang^=nb])'); return el ? el.lang : ''; }"
    )
    result.headings = page.evaluate(
        "() => Array.from(document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6'))"
        ".filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]))"
    )
    page.add_script_tag(url=base + "_static/vendor/axe.min.js")
    result.axe = page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
            .map(v => ({rule: v.id, nodes: v.nodes.length, where: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
                        why: v.nodes[0].failureSummary}))""",
        AXE_TAGS,
    )
    if path.startswith("chapters/"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(SCREENSHOTS / (path.replace("/", "__").removesuffix(".html") + ".png")), full_page=True
        )
    context.close()
    return result


@pytest.fixture(scope="session")
def visits(browser: Any, site_url: str) -> dict[str, Visit]:
    return {path: visit(browser, site_url, path) for path in PAGES}


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_without_errors(visits: dict[str, Visit], path: str) -> None:
    result = visits[path]
    assert not result.foreign, f"requests to other origins: {result.foreign}"
    assert not result.failed, f"failed requests: {result.failed}"
    assert not result.console_errors, f"console errors: {result.console_errors}"


@pytest.mark.parametrize("path", PAGES)
def test_figures_render_with_name_description_and_data(visits: dict[str, Visit], path: str) -> None:
    for fig in visits[path].figures:
        assert fig["drawn"] > 0 and fig["rendered"] == "true", f"figure {fig['id']} did not render: {fig}"
        assert fig["caption"] and fig["name"] and len(fig["description"]) > 20, (
            f"figure {fig['id']} lacks a text alternative"
        )
        assert fig["table"] and fig["csv"], f"figure {fig['id']} lacks its data table or CSV download"


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_violations(visits: dict[str, Visit], path: str) -> None:
    assert not visits[path].axe, "axe-core WCAG 2.0/2.1 A/AA violations:\n" + "\n".join(
        f"{v['rule']} ({v['nodes']}): {v['where']} — {v['why']}" for v in visits[path].axe
    )


@pytest.mark.parametrize("path", PAGES)
def test_headings_form_an_outline(visits: dict[str, Visit], path: str) -> None:
    levels = visits[path].headings
    assert levels and levels[0] == 1 and levels.count(1) == 1, f"one h1 first, got {levels}"
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not skips, f"heading levels skip: {skips}"


def test_page_languages(visits: dict[str, Visit]) -> None:
    """Every page is Norwegian bokmål; the English summary marks its content (not the chrome) as English."""
    langs = {path: v.lang for path, v in visits.items()}
    assert set(langs.values()) == {"nb-NO"}, langs
    english = {path: v.content_lang for path, v in visits.items() if v.content_lang}
    assert english == {"book/english-summary.html": "en"}, english


def test_every_chapter_has_a_rendered_figure(visits: dict[str, Visit]) -> None:
    for name in CHAPTERS:
        figures = visits[f"chapters/{name}.html"].figures
        assert figures, f"chapters/{name}.html has no interactive figure"


def test_factor_filter_works_from_the_keyboard(browser: Any, site_url: str) -> None:
    """Tab to the factor search box, type, and see the visible rows and the live count change."""
    result = Visit()
    context, page = open_page(browser, site_url, "chapters/implementeringsfaktorer.html", result)
    count = page.locator("#faktoroversikt-count")
    rows = (
        "() => Array.from(document.querySelectorAll('table tbody tr'))"
        ".filter(r => r.closest('[id^=faktoroversikt]') && !r.hidden && r.offsetParent !== null).length"
    )
    before_text, before_rows = count.inner_text(), page.evaluate(rows)
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == "faktoroversikt-q":
            break
    else:
        pytest.fail("the factor search box cannot be reached with Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "focused search box shows no focus outline"
    page.keyboard.type("språk")
    page.wait_for_timeout(300)
    after_text, after_rows = count.inner_text(), page.evaluate(rows)
    assert after_text != before_text and 0 < after_rows < before_rows, (
        before_text,
        after_text,
        before_rows,
        after_rows,
    )
    page.keyboard.press("Tab")  # on to the study filter, operated with the arrow keys
    assert page.evaluate("() => document.activeElement.id") == "faktoroversikt-study"
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert count.inner_text() != after_text or page.evaluate(rows) != after_rows
    context.close()
    assert not result.console_errors


def test_team_report_works_offline(browser: Any, tmp_path: Path) -> None:
    """The self-contained fidelity_report.html renders its figures with every network request blocked."""
    import subprocess

    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "out"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "fidelity",
            "score",
            str(root / "data" / "generated" / "fidelity_responses.sav"),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
        cwd=root,
    )
    requests: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(route: Any) -> None:
        if not route.request.url.startswith("file://"):
            requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", route)
    page.goto((out / "fidelity_report.html").as_uri(), wait_until="load")
    page.wait_for_function("() => document.querySelectorAll('[data-rendered=true]').length === 3", timeout=20_000)
    assert page.locator("[data-se-plotly] svg.main-svg").count() >= 3
    context.close()
    assert not requests and not errors
