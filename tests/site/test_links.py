"""Offline internal-link check over the built HTML: every local href/src resolves, every #anchor exists.

External links are not followed (no internet here); they are only counted.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.site


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.resources: list[str] = []  # what the page loads (not what it merely links to)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name"):
                self.ids.add(value)
            if name in ("href", "src") and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.links.append(value)
            if name == "src" or (tag == "link" and name == "href" and attributes.get("rel") != "canonical"):
                self.resources.append(value)


def _parse(path: Path, cache: dict[Path, _Collector]) -> _Collector:
    if path not in cache:
        collector = _Collector()
        collector.feed(path.read_text(encoding="utf-8", errors="replace"))
        cache[path] = collector
    return cache[path]


def test_internal_links_resolve(site_dir: Path) -> None:
    cache: dict[Path, _Collector] = {}
    broken: list[str] = []
    checked = 0
    for page in sorted(site_dir.rglob("*.html")):
        if "_static" in page.parts or "_sources" in page.parts:
            continue
        for link in _parse(page, cache).links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto", "data", "javascript", "tel") or link.startswith("//"):
                continue
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(site_dir)} -> {link} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                if unquote(parts.fragment) not in _parse(target, cache).ids:
                    broken.append(f"{page.relative_to(site_dir)} -> {link} (no such anchor)")
    assert checked > 100, "suspiciously few links checked; is the site complete?"
    assert not broken, "broken internal links:\n" + "\n".join(broken[:50])


def test_no_page_loads_anything_from_another_origin(site_dir: Path) -> None:
    """A static complement to the browser test: no script, style, image or frame points off-site."""
    cache: dict[Path, _Collector] = {}
    offenders = []
    for page in sorted(site_dir.rglob("*.html")):
        if "_static" in page.parts:
            continue
        for resource in _parse(page, cache).resources:
            if urlsplit(resource).scheme in ("http", "https") or resource.startswith("//"):
                offenders.append(f"{page.relative_to(site_dir)}: {resource}")
    assert not offenders, "resources from another origin:\n" + "\n".join(offenders[:30])


def test_build_log_has_no_warnings(site_dir: Path) -> None:
    log = site_dir.parent / "build.log"
    assert log.is_file(), "the build log _build/build.log is missing (build with `make book`)"
    text = log.read_text(encoding="utf-8", errors="replace")
    sphinx_warnings = [line for line in text.splitlines() if ": WARNING:" in line or ": ERROR:" in line]
    assert not sphinx_warnings, "\n".join(sphinx_warnings[:30])
    assert "build succeeded" in text and "with problems" not in text
