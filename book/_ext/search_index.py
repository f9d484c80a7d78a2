"""Index the words a reader searches for: prose, captions and table text, not code or figure data.

Sphinx indexes raw HTML by deleting the tags, so the cells of a table run together into one "word"
(``<td>Jobbspesialist</td><td>5502</td>`` becomes «jobbspesialist5502»), and it indexes the source of every
code cell. On this site the figure and table output of every chapter is raw HTML, so before this extension
about one term in six in ``searchindex.js`` was such a fragment. Here each page's document tree is copied
before it is indexed (the page itself is written from the untouched tree), and in the copy

- code-cell sources and plain-text cell outputs are dropped (they are code, not text for readers);
- raw HTML becomes its text with every tag a word boundary, leaving out scripts (figure specifications),
  styles and figure provenance lines (file paths and SHA-256 digests).

Headings, captions, table headers and cells, figure titles and descriptions stay searchable. Tables that
list data files print their SHA-256 digests; the Norwegian search language is extended so that such hex
digests (optionally prefixed like ``004_55431284ded43f19``) never become search terms.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.search.no import SearchNorwegian

_DIGEST = re.compile(r"(?:\w{1,8}_)?(?=[0-9a-f]*\d)[0-9a-f]{12,64}")

SKIP_TAGS = {"script", "style", "template", "svg"}
SKIP_CLASSES = {"se-figure-provenance"}
# Elements that never have an end tag, so they must not open a skipped region.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip: list[str] = []  # stack of open tags inside a skipped region

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" ")
        if tag in _VOID:
            return
        if self._skip:
            self._skip.append(tag)
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag in SKIP_TAGS or classes & SKIP_CLASSES:
            self._skip.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip and tag in self._skip:
            while self._skip and self._skip.pop() != tag:
                pass
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The readable text of an HTML fragment, with a space wherever a tag was."""
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    return " ".join("".join(parser.parts).split())


def _is_code_source(node: nodes.Element) -> bool:
    return node.get("nb_element") == "cell_code_source" or "cell_input" in node.get("classes", [])


def _is_cell_output(node: nodes.Element) -> bool:
    return node.get("nb_element") == "cell_code_output" or "cell_output" in node.get("classes", [])


def searchable(doctree: nodes.document) -> nodes.document:
    """A copy of ``doctree`` holding only what the search should see."""
    tree = doctree.deepcopy()
    for container in list(tree.findall(nodes.container)):
        if _is_code_source(container) and container.parent is not None:
            container.parent.remove(container)
    for container in list(tree.findall(nodes.container)):
        if _is_cell_output(container):
            for block in list(container.findall(nodes.literal_block)):
                block.parent.remove(block)
    for raw in list(tree.findall(nodes.raw)):
        if "html" in raw.get("format", "").split():
            raw.replace_self(nodes.paragraph("", html_text(raw.astext())))
    return tree


def _wrap_indexer(app: Sphinx) -> None:
    builder = app.builder
    original = getattr(builder, "index_page", None)
    if original is None or getattr(original, "_se_searchable", False):
        return

    def index_page(pagename: str, doctree: nodes.document, title: str) -> None:
        original(pagename, searchable(doctree), title)

    index_page._se_searchable = True  # type: ignore[attr-defined]
    builder.index_page = index_page  # type: ignore[method-assign]


class SearchNorwegianReport(SearchNorwegian):
    """Sphinx's Norwegian search (stemmer, stop words) without hex digests as terms."""

    def word_filter(self, word: str) -> bool:
        return bool(word) and super().word_filter(word) and not _DIGEST.fullmatch(word)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_search_language(SearchNorwegianReport)
    app.connect("builder-inited", _wrap_indexer)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
