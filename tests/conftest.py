"""Shared fixtures: the seed texts, the built site and a headless Chromium driven by Playwright.

``seeds_dir`` is the one way a test gets the source documents. When they are missing it fails under CI
(``CI=true``) and skips with the reason locally (shown by ``-ra``); no test needing them passes silently.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_server import HTML, serve

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("SE_IPS_CHROMIUM", "/usr/bin/chromium")
# Flags for a root user on a machine with no network: without the background-networking ones Chromium
# tries to reach Google's services at start and logs refused connections.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def require_seeds() -> Path:
    """The seed texts' folder; fail in CI, skip with a visible reason elsewhere, when they are not here.

    For module-level use in tests that cannot take a fixture; ``seeds_dir`` is the fixture form.
    """
    from analysis.core.sources import SeedsMissing, running_in_ci
    from analysis.core.sources import require_seeds as find

    try:
        return find()
    except SeedsMissing as missing:
        if running_in_ci():
            pytest.fail(f"CI=true and {missing}", pytrace=False)
        pytest.skip(str(missing))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder with the seed texts (../shared/seeds or SE_IPS_SEEDS); see ``require_seeds``."""
    return require_seeds()


def _require_site() -> None:
    if not (HTML / "index.html").is_file():
        message = "the site is not built (run `make book`, or `make test` which builds it first)"
        if os.environ.get("SE_IPS_REQUIRE_SITE"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    _require_site()
    return HTML


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).is_file():
        message = f"Chromium not found at {CHROMIUM} (Debian package 'chromium'; .ci/run installs it)"
        if os.environ.get("SE_IPS_REQUIRE_SITE"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
