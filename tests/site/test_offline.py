"""The offline copy: `make dist`'s zip, unzipped and opened from the folder (file://) in Chromium.

Every page of the copy (found generically, so pages added to the table of contents are covered), with no
server and every request that is not a file of the copy blocked: no console error, no failed or outside
request, every figure drawn. The search page finds pages from file:// too.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from site_browsing import draw_all_figures, open_recorded
from site_server import HTML, site_pages

pytestmark = [pytest.mark.site, pytest.mark.browser]
ZIP = HTML.parent / "rapport-nettsted.zip"


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory, site_dir: Path) -> Path:
    if not ZIP.is_file():
        message = f"{ZIP} is missing (run `make dist`; `make test` builds it)"
        if os.environ.get("SE_IPS_REQUIRE_SITE"):
            pytest.fail(message)
        pytest.skip(message)
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(ZIP) as archive:
        archive.extractall(target)
    folders = [p for p in target.iterdir() if p.is_dir()]
    assert len(folders) == 1, "the zip should hold one folder"
    return folders[0]


def test_the_copy_holds_every_page_and_the_pdf(copy: Path, site_dir: Path) -> None:
    assert (copy / "index.html").is_file() and (copy / "LES-MEG.txt").is_file()
    assert (copy / "_downloads" / "rapport.pdf").is_file()
    assert site_pages(copy) == site_pages(site_dir)
    assert not list(copy.rglob("*.map")), "source maps are not needed offline"


def test_every_page_works_from_the_folder(browser: Any, copy: Path) -> None:
    root = copy.as_uri() + "/"
    problems = []
    pages = site_pages(copy)
    for path in pages:
        context, page, record = open_recorded(browser, root + path, (root,))
        page.wait_for_load_state("load")
        try:
            draw_all_figures(page)
        except Exception as exc:  # report every page, not only the first one that fails
            problems.append(f"{path}: figures not drawn ({type(exc).__name__})")
        page.wait_for_timeout(200)
        context.close()
        for kind, found in (
            ("console errors", record.console_errors),
            ("failed requests", record.failed),
            ("requests outside the copy", record.foreign),
        ):
            if found:
                problems.append(f"{path}: {kind}: {found[:5]}")
    assert len(pages) >= 10
    assert not problems, "\n".join(problems)


def test_index_html_opens_the_front_page(browser: Any, copy: Path) -> None:
    context, page, record = open_recorded(browser, (copy / "index.html").as_uri(), (copy.as_uri() + "/",))
    page.wait_for_url("**/book/intro.html", timeout=10_000)
    assert page.locator("h1").first.inner_text().strip()
    context.close()
    assert not record.console_errors


@pytest.mark.parametrize("query", ["fidelitet", "arbeidsgiveren"])
def test_search_works_from_the_folder(browser: Any, copy: Path, query: str) -> None:
    root = copy.as_uri() + "/"
    context, page, record = open_recorded(browser, f"{root}search.html?q={query}", (root,))
    page.wait_for_function("() => document.querySelectorAll('#search-results ul.search li').length > 0", timeout=20_000)
    first = page.locator("#search-results ul.search li a").first
    first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(root) and page.locator("article h1").count() == 1
    context.close()
    assert not record.console_errors and not record.failed and not record.foreign, (
        record.console_errors,
        record.failed,
        record.foreign,
    )
