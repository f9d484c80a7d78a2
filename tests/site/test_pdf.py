"""The PDF edition: read back with poppler (pdfinfo, pdftotext), independently of how it was printed.

The expected contents come from the built site: the pages in reading order (following its next-page
links), their headings, figure titles and axis titles, data-table captions and references.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.site


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} (Debian package poppler-utils; .ci/run installs it) is needed to read the PDF back"
        if os.environ.get("SE_IPS_REQUIRE_SITE"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def pdf(site_dir: Path) -> Path:
    path = site_dir / "_downloads" / "rapport.pdf"
    assert path.is_file(), "rapport.pdf is missing (make book prints it)"
    return path


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        [_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _strip_tags(markup: str) -> str:
    return _flat(html.unescape(re.sub(r"<[^>]+>", " ", markup)))


def reading_order(site: Path) -> list[Path]:
    index = (site / "index.html").read_text(encoding="utf-8")
    target = re.search(r'url=([^"]+)"', index)
    page = (site / target.group(1)).resolve() if target else site / "index.html"
    order = []
    while page.is_file() and page not in order:
        order.append(page)
        nxt = re.search(r'<link rel="next"[^>]*href="([^"]+)"', page.read_text(encoding="utf-8"))
        if not nxt:
            break
        page = (page.parent / nxt.group(1)).resolve()
    return order


def article(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*bd-article[^>]*>(.*?)</article>", text, re.S)
    return match.group(1) if match else ""


def heading(markup: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", markup, re.S)
    return _strip_tags(re.sub(r'<a class="headerlink".*?</a>', "", match.group(1), flags=re.S)) if match else ""


def test_tagged_a4_with_title(pdf: Path, site_dir: Path) -> None:
    info = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Tagged"].strip() == "yes"
    assert "A4" in fields["Page size"]
    title = re.search(r"<title>[^<]*? - ([^<]+)</title>", (site_dir / "search.html").read_text(encoding="utf-8")).group(
        1
    )
    assert fields["Title"].strip() == html.unescape(title).strip()
    assert int(fields["Pages"]) >= 30


def test_title_page_contents_and_running_header_footer(pages: list[str], site_dir: Path) -> None:
    title = html.unescape(
        re.search(r"<title>[^<]*? - ([^<]+)</title>", (site_dir / "search.html").read_text(encoding="utf-8")).group(1)
    ).strip()
    assert title in _flat(pages[0]) and "Side 1 av" not in pages[0]
    assert "Innhold" in pages[1]
    total = len(pages)
    for number, text in enumerate(pages[1:], start=2):
        lines = [line for line in text.splitlines() if line.strip()]
        assert title in _flat(lines[0]), f"page {number}: no running header ({lines[0]!r})"
        assert f"Side {number} av {total}" in _flat(lines[-1]), f"page {number}: footer is {lines[-1]!r}"


def test_contents_page_numbers_point_at_the_chapters(pages: list[str], site_dir: Path) -> None:
    toc = "\n".join(p for p in pages[1:6] if "Innhold" in p or re.search(r"\.{3,}|\s\d+\s*$", p, re.M))
    chapters = [heading(article(p)) for p in reading_order(site_dir)]
    assert len(chapters) >= 10 and all(chapters)
    for title in chapters:
        start = re.escape(title[:28])
        entry = re.search(rf"^\s*{start}.*?\s(\d+)\s*$", toc, re.M)
        assert entry, f"the contents do not list {title!r}"
        target = pages[int(entry.group(1)) - 1]
        assert _flat(title)[:40] in _flat(target), f"{title!r} is not on page {entry.group(1)}"


def test_figures_tables_and_references_are_printed(pages: list[str], site_dir: Path) -> None:
    text = _flat(" ".join(pages[2:]))
    figures = tables = 0
    for page in reading_order(site_dir):
        markup = article(page)
        # The title with its number («Figur 3.2: …», written into the title by book/_ext/numbering.py).
        title_spans = r'<span class="se-figure-title"[^>]*>((?:<span class="se-number">[^<]*</span>)?[^<]*)</span>'
        for title in re.findall(title_spans, markup, re.S):
            assert "se-number" in title, f"figure {_strip_tags(title)!r} ({page.name}) has no number"
            assert _strip_tags(title) in text, f"figure {_strip_tags(title)!r} ({page.name}) is not in the PDF"
            figures += 1
        for spec in re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', markup, re.S):
            data = json.loads(spec.replace("<\\/", "</"))
            layout = data.get("layout", {}) if isinstance(data.get("layout"), dict) else {}
            for axis in ("xaxis", "yaxis"):
                title = (layout.get(axis) or {}).get("title") or {}
                label = title.get("text") if isinstance(title, dict) else None
                # The start of each line of the title: plotly does not wrap axis titles by itself (long ones
                # carry an explicit <br>), and a line longer than its plot is cut at the figure's edge.
                for line in re.split(r"<br\s*/?>", label or ""):
                    start = _strip_tags(line).strip()[:30]
                    assert start in text, f"axis title {label!r} ({page.name}) is not drawn in the PDF"
        outside_figures = re.sub(r'<figure class="se-figure.*?</figure>', "", markup, flags=re.S)
        for caption in re.findall(r'<table class="se-data-table"[^>]*><caption>(.*?)</caption>', outside_figures, re.S):
            assert _strip_tags(caption) in text, f"table {_strip_tags(caption)!r} ({page.name}) is not in the PDF"
            tables += 1
    assert figures >= 10 and tables >= 5, (figures, tables)
    assert all(re.match(r"<span class=\"se-number\">", c) for p in reading_order(site_dir) for c in _captions(p))
    references = article(site_dir / "book" / "referanser.html")
    entries = re.findall(r'<div class="citation"[^>]*>(.*?)</div>', references, re.S)
    assert len(entries) >= 5
    for entry in entries:
        body = re.search(r"<p>(.*?)</p>", entry, re.S)
        first_words = _strip_tags(body.group(1) if body else entry)[:40]
        assert first_words in text, f"reference {first_words!r} is not in the PDF"


def _captions(page: Path) -> list[str]:
    outside_figures = re.sub(r'<figure class="se-figure.*?</figure>', "", article(page), flags=re.S)
    return re.findall(r'<table class="se-data-table"[^>]*><caption>(.*?)</caption>', outside_figures, re.S)


def test_references_to_figures_and_tables_lead_to_the_page_that_holds_them(
    pdf: Path, pages: list[str], site_dir: Path
) -> None:
    """A «figur 3.2» in the prose is a link in the PDF too, to the page where «Figur 3.2:» is printed."""
    listing = subprocess.run([_tool("pdfinfo"), "-dests", str(pdf)], capture_output=True, text=True, check=True).stdout
    destinations = {m.group(2): int(m.group(1)) for m in re.finditer(r'^\s*(\d+) \[.*?\] "([^"]+)"$', listing, re.M)}
    checked = 0
    for page in reading_order(site_dir):
        link = r'<a class="reference internal" href="([^"]*)#([^"]+)"><span class="std std-numref">([^<]*)</span>'
        for target, fragment, shown in re.findall(link, article(page)):
            rel = (page.parent / target).resolve().relative_to(site_dir) if target else page.relative_to(site_dir)
            slug = re.sub(r"[^A-Za-z0-9]+", "-", rel.as_posix().removesuffix(".html")).lower()
            name = f"{slug}--{fragment}"
            assert name in destinations, f"{shown!r} in {page.name}: the PDF has no destination {name}"
            number = re.sub(r"^\w", lambda m: m.group(0).upper(), shown) + ":"
            there = _flat(" ".join(pages[destinations[name] - 1 : destinations[name] + 1]))
            assert number in there, f"{shown!r} in {page.name} leads to PDF page {destinations[name]}, without {number}"
            checked += 1
    assert checked >= 5, checked


def test_front_page_links_the_pdf(site_dir: Path) -> None:
    intro = (site_dir / "book" / "intro.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="\.\./_downloads/rapport\.pdf"[^>]*>(.*?)</a>', intro, re.S)
    assert link and _strip_tags(link.group(1)) == "Last ned hele rapporten som PDF"
