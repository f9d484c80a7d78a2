"""The search covers the words readers see, in Norwegian, and finds other forms of a word.

- Every term in searchindex.js is a word (or the stem of a word) that a reader sees in some page's article:
  prose, headings, captions, table text. Glued fragments of table cells («jobbspesialist5502») and words
  that only occur in code cells or figure specifications fail this.
- The search page (its language_data.js) stems every word of the site as the stemmer that built the index
  does (book/_ext/search_index.py).
- In Chromium, searching for «jobbspesialistene» and «arbeidsgiveren» lists every page that holds another
  form of the word but not the one searched for.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from site_browsing import open_recorded

pytestmark = pytest.mark.site
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from search_index import SearchNorwegianReport  # noqa: E402

PARADIGMS = {
    "jobbspesialistene": [
        "jobbspesialist",
        "jobbspesialisten",
        "jobbspesialister",
        "jobbspesialistene",
        "jobbspesialists",
        "jobbspesialistens",
        "jobbspesialisters",
        "jobbspesialistenes",
    ],
    "arbeidsgiveren": [
        "arbeidsgiver",
        "arbeidsgiveren",
        "arbeidsgivere",
        "arbeidsgiverne",
        "arbeidsgivers",
        "arbeidsgiverens",
        "arbeidsgiveres",
        "arbeidsgivernes",
    ],
}
NOT_READER_TEXT = {"cell_input", "se-figure-provenance"}


INLINE = {
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "cite",
    "code",
    "data",
    "dfn",
    "em",
    "i",
    "kbd",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "var",
}


class _ArticleWords(HTMLParser):
    """Words of the page's article as a reader sees them: no scripts, styles, code cells or provenance lines.

    Whether an inline element (``<sub>``, a styled ``<span>``) separates words depends on the styles, so
    with ``inline_breaks`` every tag separates words and without it only block-level tags do; a reader's
    words are the union of both readings.
    """

    def __init__(self, inline_breaks: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_breaks = inline_breaks
        self.depth = 0  # inside <article>
        self.skip: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "article":
            self.depth += 1
        if tag in {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "source"}:
            self.text.append(" ")
            return
        if self.skip or tag in {"script", "style"} or classes & NOT_READER_TEXT:
            self.skip.append(tag)
        if self.inline_breaks or tag not in INLINE:
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skip and tag == self.skip[-1]:
            self.skip.pop()
        if tag == "article":
            self.depth -= 1
        if self.inline_breaks or tag not in INLINE:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.text.append(data)


def reader_words(page: Path) -> list[str]:
    words: list[str] = []
    markup = page.read_text(encoding="utf-8")
    for inline_breaks in (True, False):
        parser = _ArticleWords(inline_breaks)
        parser.feed(markup)
        words += re.findall(r"\w+", "".join(parser.text).lower())
    return words


@pytest.fixture(scope="module")
def index(site_dir: Path) -> dict[str, Any]:
    text = (site_dir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


@pytest.fixture(scope="module")
def words(site_dir: Path, index: dict[str, Any]) -> dict[str, list[str]]:
    return {doc: reader_words(site_dir / f"{doc}.html") for doc in index["docnames"]}


def test_every_index_term_is_a_word_readers_see(index: dict[str, Any], words: dict[str, list[str]]) -> None:
    stemmer = SearchNorwegianReport({})
    seen: dict[int, set[str]] = {}
    for number, doc in enumerate(index["docnames"]):
        raw = set(words[doc])
        seen[number] = raw | {stemmer.stem(w) for w in raw}
    strays = []
    for kind in ("terms", "titleterms"):
        for term, docs in index[kind].items():
            docs = docs if isinstance(docs, list) else [docs]
            for number in docs:
                if term.lower() not in seen[number]:
                    strays.append(f"{term!r} ({kind}, {index['docnames'][number]})")
    assert len(index["terms"]) > 1000, "suspiciously small index"
    assert not strays, f"{len(strays)} index terms are no word of their page:\n" + "\n".join(strays[:40])


def test_javascript_and_python_stem_alike(site_dir: Path, words: dict[str, list[str]], tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed (the site build needs it too)"
    vocabulary = sorted({w for ws in words.values() for w in ws if not w.isdigit()})
    assert len(vocabulary) > 2000
    (tmp_path / "words.json").write_text(json.dumps(vocabulary), encoding="utf-8")
    script = tmp_path / "stem.js"
    script.write_text(
        "const fs = require('fs'); const vm = require('vm');\n"
        f"vm.runInThisContext(fs.readFileSync({json.dumps(str(site_dir / '_static' / 'language_data.js'))}, 'utf8'));\n"
        "const stemmer = new Stemmer();\n"
        f"const words = JSON.parse(fs.readFileSync({json.dumps(str(tmp_path / 'words.json'))}, 'utf8'));\n"
        "process.stdout.write(JSON.stringify(words.map(w => stemmer.stemWord(w))));\n",
        encoding="utf-8",
    )
    result = subprocess.run([node, str(script)], capture_output=True, text=True, check=True)
    js = json.loads(result.stdout)
    stemmer = SearchNorwegianReport({})
    differ = [(w, j, stemmer.stem(w)) for w, j in zip(vocabulary, js, strict=False) if j != stemmer.stem(w)]
    assert not differ, f"{len(differ)} words stem differently in the browser: {differ[:20]}"


@pytest.mark.browser
@pytest.mark.parametrize("query", sorted(PARADIGMS))
def test_search_finds_other_forms(browser: Any, site_url: str, words: dict[str, list[str]], query: str) -> None:
    forms = set(PARADIGMS[query])
    holding = {doc: forms & set(ws) for doc, ws in words.items()}
    other_only = sorted(doc for doc, found in holding.items() if found and query not in found)
    assert other_only, f"no page holds another form of {query!r} without {query!r} itself; the test proves nothing"

    context, page, record = open_recorded(browser, f"{site_url}search.html?q={query}", (site_url,))
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results p.search-summary'); "
        "return s && s.textContent.trim().length > 0; }",
        timeout=20_000,
    )
    hrefs = page.evaluate(
        "() => Array.from(document.querySelectorAll('#search-results ul.search li > a'))"
        ".map(a => a.getAttribute('href'))"
    )
    context.close()
    found = {re.sub(r"\.html.*$", "", h) for h in hrefs}
    missed = [doc for doc in other_only if doc not in found]
    assert not missed, f"searching {query!r} misses pages holding only {[sorted(holding[d]) for d in missed]}: {missed}"
    unrelated = sorted(found - {doc for doc, f in holding.items() if f})
    assert not unrelated, f"searching {query!r} lists pages with no form of the word: {unrelated}"
    assert not record.console_errors, record.console_errors
