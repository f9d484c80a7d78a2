"""Every figure and analysis table on the built site has a number and an anchor, and every reference finds it.

The expected chapter numbers and appendix letters are read from _toc.yml (the «Kapitler» part is numbered
1, 2 …; the pages after it are appendices A, B …), not from Sphinx. On every page each numbered element has
a unique anchor and its number written in its caption (and on a folded table's summary line), figures and
tables each run 1..n in page order under the page's chapter number or letter, and no number occurs twice
on the site. Every {figur}/{tabell}/{numref} link leads to an anchor on the target page whose number it shows.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

pytestmark = pytest.mark.site
ROOT = Path(__file__).resolve().parents[2]
WORDS = {"figure": "Figur", "table": "Tabell"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def chapter_marks() -> dict[str, str]:
    """Page (relative .html path) -> its chapter number or appendix letter, from _toc.yml."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    marks: dict[str, str] = {}
    chapters, letters, after = 0, iter(string.ascii_uppercase), False
    for part in toc["parts"]:
        for entry in part["chapters"]:
            assert "sections" not in entry, "the test reads a flat table of contents; teach it sections"
            page = entry["file"] + ".html"
            if part.get("numbered"):
                chapters += 1
                marks[page], after = str(chapters), True
            elif after:
                marks[page] = next(letters)
    return marks


@dataclass
class Numbered:
    kind: str
    anchor: str
    numbers: list[str] = field(default_factory=list)


@dataclass
class Page:
    numbered: list[Numbered] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, text) of numbered references
    stray: list[str] = field(default_factory=list)  # numbers outside any numbered element


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[tuple[str, dict[str, str]]] = []
        self._text: list[str] | None = None  # collecting a number's or a reference's text
        self._collect: tuple[str, object] | None = None
        self._numbers: list[tuple[object, str]] = []  # (anchor it belongs to, text); a summary precedes its table

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.page.ids.append(a["id"])
        if "data-se-numbered" in a:
            self.page.numbered.append(Numbered(a["data-se-numbered"], a.get("id", "")))
        if tag == "span" and "se-number" in a.get("class", "").split():
            self._text, self._collect = [], ("number", self._owner())
        if tag == "span" and "std-numref" in a.get("class", "").split() and self._stack and self._stack[-1][0] == "a":
            self._text, self._collect = [], ("link", self._stack[-1][1].get("href", ""))
        if tag not in _VOID:
            self._stack.append((tag, a))

    def _owner(self) -> str | None:
        for _, a in reversed(self._stack):
            if "data-se-number-of" in a:
                return a["data-se-number-of"]
            if "data-se-numbered" in a:
                return a.get("id")
        return None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._text is not None and tag == "span" and self._collect:
            text = "".join(self._text).strip()
            what, where = self._collect
            if what == "number":
                self._numbers.append((where, text))
            else:
                self.page.links.append((str(where), text))
            self._text = self._collect = None
        while self._stack:
            if self._stack.pop()[0] == tag:
                break


def read(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    page = reader.page
    for anchor, text in reader._numbers:
        owner = next((n for n in page.numbered if n.anchor == anchor), None)
        (owner.numbers if owner else page.stray).append(text)
    return page


@pytest.fixture(scope="module")
def site(site_dir: Path) -> dict[str, Page]:
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if not relative.startswith(("_static/", "_sources/")):
            pages[relative] = read(path)
    return pages


def test_every_figure_and_table_is_numbered_per_chapter_with_a_unique_anchor(site: dict[str, Page]) -> None:
    marks = chapter_marks()
    seen: dict[str, str] = {}
    counted = {"figure": 0, "table": 0}
    for name, page in site.items():
        assert not page.stray, f"{name}: numbers outside a numbered figure or table: {page.stray}"
        if not page.numbered:
            continue
        assert name in marks, f"{name} holds figures or tables but is neither a chapter nor an appendix"
        for kind, word in WORDS.items():
            items = [n for n in page.numbered if n.kind == kind]
            counted[kind] += len(items)
            for position, item in enumerate(items, 1):
                expected = f"{word} {marks[name]}.{position}:"
                assert item.anchor and page.ids.count(item.anchor) == 1, f"{name}: anchor {item.anchor!r} not unique"
                assert item.numbers and set(item.numbers) == {expected}, f"{name} #{item.anchor}: {item.numbers}"
                assert expected not in seen, f"{expected} on {name} and {seen[expected]}"
                seen[expected] = name
    # The site's chapters hold well over these; the floor catches a build that numbers nothing.
    assert counted["figure"] >= 10 and counted["table"] >= 30, counted


def test_every_reference_leads_to_an_anchor_with_the_number_it_shows(site: dict[str, Page]) -> None:
    checked = 0
    pages_with_references = set()
    for name, page in site.items():
        for href, text in page.links:
            parts = urlsplit(href)
            target_name = (Path(name).parent / unquote(parts.path)).as_posix() if parts.path else name
            target_name = re.sub(r"[^/]+/\.\./", "", target_name)
            assert target_name in site, f"{name}: {text!r} links to a missing page {href}"
            target = next((n for n in site[target_name].numbered if n.anchor == unquote(parts.fragment)), None)
            assert target is not None, f"{name}: {text!r} links to {href}, which is no numbered figure or table"
            assert f"{text.lower()}:" == target.numbers[0].lower(), f"{name}: {text!r} shows {target.numbers[0]!r}"
            checked += 1
            pages_with_references.add(name)
    chapters = {page for page, mark in chapter_marks().items() if mark.isdigit() and site[page].numbered}
    prose = {page for page in chapters if re.search(r"\{(figur|tabell|numref)\}", _source(page))}
    assert checked >= len(prose) and prose <= pages_with_references, (checked, prose - pages_with_references)


def _source(page: str) -> str:
    return (ROOT / page.removesuffix(".html")).with_suffix(".md").read_text(encoding="utf-8")


def test_the_search_finds_a_page_by_the_numbers_of_its_figures_and_tables(
    site_dir: Path, site: dict[str, Page]
) -> None:
    """The numbers are in the text the search indexes: «tabell B.1» finds the appendix that holds it."""
    text = (site_dir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docs = {name: number for number, name in enumerate(index["docnames"])}

    def pages_with(term: str) -> set[int]:
        found: set[int] = set()
        for key in ("terms", "titleterms"):
            hits = index[key].get(term, [])
            found |= {hits} if isinstance(hits, int) else set(hits)
        return found

    for name, page in site.items():
        if not page.numbered:
            continue
        doc = docs[name.removesuffix(".html")]
        for item in page.numbered:
            word, mark, _ = re.match(r"(\w+) (\w+)\.(\d+):", item.numbers[0]).groups()
            for term in (word.lower(), mark.lower()):
                assert doc in pages_with(term), f"searching for {item.numbers[0]!r} does not find {name} ({term!r})"


def test_appendix_titles_carry_the_letter_their_figures_and_tables_use(site_dir: Path) -> None:
    for page, mark in chapter_marks().items():
        if mark.isalpha():
            source = (ROOT / page.removesuffix(".html")).with_suffix(".md").read_text(encoding="utf-8")
            title = next(line for line in source.splitlines() if line.startswith("# "))
            assert title.startswith(f"# Vedlegg {mark}: "), f"{page}: {title!r} should start with «Vedlegg {mark}:»"
