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
digests (optionally prefixed like ``004_55431284ded43f19``) never become search terms, and so that more
inflected forms of a word share one stem (see ``SearchNorwegianReport``).
"""

from __future__ import annotations

import atexit
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import sphinx
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
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
    # One text per paragraph, heading or cell: a word split over inline nodes (the bibliography writes
    # «F» and «ølgeforskning» apart for a BibTeX accent) is indexed whole.
    for element in list(tree.findall(nodes.TextElement)):
        if len(element.children) > 1 and not isinstance(element, nodes.FixedTextElement):
            text = element.astext()
            element.clear()
            element += nodes.Text(text)
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


_MINIFIED_JS = Path(sphinx.__file__).parent / "search" / "minified-js"


def _js_stemmer() -> str:
    base = (_MINIFIED_JS / "base-stemmer.js").read_text(encoding="utf-8")
    norwegian = (_MINIFIED_JS / "norwegian-stemmer.js").read_text(encoding="utf-8")
    return f"""{base}
{norwegian}
/* The report's Norwegian stemmer (book/_ext/search_index.py): the same steps as the Python side. */
var Stemmer = function () {{
  var snowball = new NorwegianStemmer();
  this.stemWord = function (word) {{
    var w = word.toLowerCase().replace(/erne(s?)$/, "ere$1");
    return snowball.stemWord(snowball.stemWord(w));
  }};
}};
"""


_STEM_SERVER = r"""
const vm = require('vm'); const fs = require('fs');
vm.runInThisContext(fs.readFileSync(process.argv[1], 'utf8'));
const stemmer = new Stemmer();
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  let end;
  while ((end = pending.indexOf('\n')) >= 0) {
    const word = pending.slice(0, end);
    pending = pending.slice(end + 1);
    process.stdout.write(stemmer.stemWord(word) + '\n');
  }
});
"""


class _JavaScriptStemmer:
    """The search page's stemmer (``js_stemmer_code``) run in Node.js, one word per line."""

    def __init__(self, code: str) -> None:
        node = shutil.which("node")
        if node is None:
            raise ExtensionError("Node.js is needed to build the search index (the same stemmer as the search page)")
        handle = tempfile.NamedTemporaryFile("w", suffix=".js", delete=False, encoding="utf-8")
        with handle:
            handle.write(code)
        self._file = Path(handle.name)
        self._process = subprocess.Popen(
            [node, "-e", _STEM_SERVER, str(self._file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self._cache: dict[str, str] = {}
        atexit.register(self.close)

    def stem(self, word: str) -> str:
        if word not in self._cache:
            assert self._process.stdin is not None and self._process.stdout is not None
            self._process.stdin.write(word.replace("\n", " ") + "\n")
            self._process.stdin.flush()
            answer = self._process.stdout.readline()
            if not answer:
                raise ExtensionError("the Node.js stemmer stopped")
            self._cache[word] = answer.rstrip("\n")
        return self._cache[word]

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=5)
        self._file.unlink(missing_ok=True)


class SearchNorwegianReport(SearchNorwegian):
    """Sphinx's Norwegian search (Snowball stemmer, stop words), made to join more forms of a noun.

    The Snowball stemmer alone files «arbeidsgiver» under ``arbeidsgiv`` but «arbeidsgiveren» under
    ``arbeidsgiver`` and «arbeidsgiverne» under ``arbeidsgivern``, so a search for one form misses pages that
    use another. Stemming twice joins the first two; -erne/-ernes (definite plural of nouns in -er, which
    Snowball does not know) is read as -ere/-eres first.

    The index must be stemmed exactly as the search page stems the query. Stock Sphinx does not manage
    that for Norwegian: its Python stemmer (snowballstemmer 3.1) and the JavaScript one it ships (an older
    Snowball) differ on words such as «hinders» and «overse». So the index is stemmed by the page's own
    JavaScript stemmer, run in Node.js (which the build needs anyway); tests/site/test_search.py checks that
    both agree on every word of the site. Hex digests never become terms.
    """

    js_stemmer_rawcode = ""
    js_stemmer_code = _js_stemmer()

    def init(self, options: dict[str, str]) -> None:
        super().init(options)
        self._javascript: _JavaScriptStemmer | None = None

    def stem(self, word: str) -> str:
        if self._javascript is None:
            self._javascript = _JavaScriptStemmer(self.js_stemmer_code)
        return self._javascript.stem(word.lower())

    def word_filter(self, word: str) -> bool:
        # Lower case first: Sphinx offers the unstemmed word when the stem is a stop word, so «De» and «At»
        # at the start of a sentence would otherwise become terms.
        return bool(word) and super().word_filter(word.lower()) and not _DIGEST.fullmatch(word)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_search_language(SearchNorwegianReport)
    app.connect("builder-inited", _wrap_indexer)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
