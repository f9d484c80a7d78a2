"""The built site in a real browser: headless Debian Chromium driven by Playwright.

Every page is opened with every request to another origin blocked and recorded. A page passes when it logs
no console error, no request fails, nothing is requested from another origin, and every plotly and vega
figure on it has actually rendered (an SVG or canvas is present). Chapter pages are screenshotted to
_build/screenshots/ for human review.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_server import HTML, site_pages  # noqa: E402

pytestmark = [pytest.mark.site, pytest.mark.browser]
SCREENSHOTS = HTML.parent / "screenshots"
PAGES = site_pages() if HTML.is_dir() else []


@dataclass
class Visit:
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)


def visit(browser: Any, base: str, path: str, screenshot: Path | None = None) -> Visit:
    result = Visit()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("console", lambda m: result.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: result.console_errors.append(f"uncaught: {e}"))

    def on_failed(request: Any) -> None:
        if request.url.startswith(base):
            result.failed.append(f"{request.url} ({request.failure})")

    page.on("requestfailed", on_failed)

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(base) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            result.foreign.append(url)
            route.abort()

    page.route("**/*", route)
    response = page.goto(base + path, wait_until="networkidle")
    assert response is not None and response.ok, f"{path}: HTTP {response.status if response else 'none'}"
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('[data-se-plotly],[data-se-vega]'))"
        ".every(el => el.getAttribute('data-rendered') === 'true')",
        timeout=20_000,
    ) if page.locator("[data-se-plotly],[data-se-vega]").count() else None
    result.figures = page.evaluate(
        """() => {
            const out = {};
            document.querySelectorAll('[data-se-plotly]').forEach(el => {
                out[el.id] = {kind: 'plotly', svg: el.querySelectorAll('svg.main-svg').length,
                              rendered: el.getAttribute('data-rendered')};
            });
            document.querySelectorAll('[data-se-vega]').forEach(el => {
                out[el.id] = {kind: 'vega', svg: el.querySelectorAll('svg, canvas').length,
                              rendered: el.getAttribute('data-rendered')};
            });
            return out;
        }"""
    )
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
    context.close()
    return result


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_offline_without_errors(browser: Any, site_url: str, path: str) -> None:
    shot = SCREENSHOTS / (path.replace("/", "__").removesuffix(".html") + ".png") if path.startswith("chapters/") else None
    result = visit(browser, site_url, path, shot)
    assert not result.foreign, f"requests to other origins: {result.foreign}"
    assert not result.failed, f"failed requests: {result.failed}"
    assert not result.console_errors, f"console errors: {result.console_errors}"
    for fig_id, info in result.figures.items():
        assert info["svg"] > 0 and info["rendered"] == "true", f"figure {fig_id} did not render: {info}"


def test_every_chapter_has_a_rendered_figure(browser: Any, site_url: str) -> None:
    chapters = [p for p in PAGES if p.startswith("chapters/") and p.split("/")[-1] in {
        "implementeringsfaktorer.html", "fidelitet.html", "sporreskjema.html", "casefortellinger.html"}]
    assert len(chapters) == 4, chapters
    for path in chapters:
        figures = visit(browser, site_url, path).figures
        assert figures, f"{path} has no interactive figure"
        assert all(f["svg"] > 0 for f in figures.values())
