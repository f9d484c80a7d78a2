"""book/_ext/norwegian_bibliography.py: the reference list and the inline citations speak Norwegian bokmål.

The first tests format every entry of book/references.bib with the site's two styles, without a build, so a
new entry of a type the style does not translate fails here. The last test reads the built pages.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pybtex.plugin
import pytest
from pybtex.database import parse_file
from sphinxcontrib.bibtex.plugin import find_plugin

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import norwegian_bibliography as nb  # noqa: E402 - book/_ext is not a package; its path is added above

BIB = ROOT / "book" / "references.bib"
# English words pybtex's plain style and sphinxcontrib-bibtex's author_year style write into an entry.
ENGLISH = re.compile(
    r"\band\b|\bet al\.|\bothers\b|Master's thesis|PhD thesis|Technical Report|\beditors?\b|\bedition\b"
    r"|\bpages\b|\bIn\b|\bvolume\b"
)


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    nb.register()
    style = pybtex.plugin.find_plugin("pybtex.style.formatting", nb.FORMATTING_STYLE)()
    text = pybtex.plugin.find_plugin("pybtex.backends", "plaintext")()
    return {e.key: e.text.render(text) for e in style.format_entries(parse_file(str(BIB)).entries.values())}


def _cited_as(key: str) -> str:
    nb.register()
    style = find_plugin("sphinxcontrib.bibtex.style.referencing", nb.REFERENCING_STYLE)()
    entry = parse_file(str(BIB)).entries[key]
    node = style.person.author_or_editor_or_title(full=False)
    return str(node.format_data({"entry": entry, "style": style}).render_as("text"))


def test_every_reference_is_written_without_english_words(rendered: dict[str, str]) -> None:
    assert len(rendered) == len(parse_file(str(BIB)).entries)
    # Titles of English-language works keep their own words; everything the style adds must be Norwegian.
    english_titles = {"brown2017", "damschroder2022"}
    for key, text in rendered.items():
        if key not in english_titles:
            assert not ENGLISH.search(text), (key, text)


def test_names_are_joined_the_norwegian_way(rendered: dict[str, str]) -> None:
    assert rendered["wangen003"].startswith("Grete Wangen og Kjetil Frøyland.")
    assert "Widerquist og Julie Lowery." in rendered["damschroder2022"]
    # 004 L1428 leaves out the authors between the sixth and the last: «… og S. A. Lie».
    assert "V. Sveinsdottir, … og S. A. Lie." in rendered["reme2016"]
    assert rendered["thesis002"].split(". ")[2].startswith("Masteroppgave, Universitetet i Bergen")


def test_a_list_cut_short_ends_in_mfl() -> None:
    from pybtex.database import Entry, Person

    nb.register()
    entry = Entry("techreport", fields={"title": "T", "institution": "I", "year": "2020"})
    for name in ("Nordmann, Kari", "Hansen, Ola", "others"):
        entry.add_person(Person(name), "author")
    style = pybtex.plugin.find_plugin("pybtex.style.formatting", nb.FORMATTING_STYLE)()
    text = next(iter(style.format_entries([entry]))).text.render_as("text")
    assert text.startswith("Kari Nordmann, Ola Hansen mfl. T. Rapport, I, 2020.")


def test_inline_citations_name_two_authors_with_og_and_more_with_mfl() -> None:
    nb.register()
    style = find_plugin("sphinxcontrib.bibtex.style.referencing", nb.REFERENCING_STYLE)()
    assert style.bracket_parenthetical.sep == "; "
    assert _cited_as("wangen003") == "Wangen og Frøyland"
    assert _cited_as("reme2016") == "Reme mfl."
    assert _cited_as("norce2020") == "Schönfelder mfl."
    assert _cited_as("thesis002") == "Frangakis"


@pytest.mark.site
def test_the_built_pages_cite_in_norwegian(site_dir: Path) -> None:
    def page_text(name: str) -> str:
        return re.sub(r"<[^>]+>", "", (site_dir / "book" / name).read_text(encoding="utf-8"))

    references, background = page_text("referanser.html"), page_text("bakgrunn.html")
    assert "Masteroppgave, Universitetet i Bergen" in references and "Master's thesis" not in references
    assert "Wangen og Frøyland, 2018" in background and "Wangen and Frøyland" not in background
    assert "Reme mfl., 2016" in background and "et al." not in background
    assert "Frangakis, 2020; Wangen og Frøyland, 2018" in background  # works cited together: «; » between them
