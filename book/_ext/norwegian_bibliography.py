"""Citations and the reference list in Norwegian bokmål: «Wangen og Frøyland, 2018», «Reme mfl., 2016», «Masteroppgave».

sphinxcontrib-bibtex formats in two steps, each with a plugin it looks up by name (its documentation, «Custom
formatting, sorting, and labelling» and «Custom inline citation references»):

- the *formatting style* of the reference list is a pybtex style (``bibtex_default_style``). ``plain_nb`` is
  pybtex's ``plain`` with Norwegian words where ``plain`` writes English ones: «og» between the last two
  names, «mfl.» for a list the source cut short («and others» in the .bib file) and «…» where it left out
  names in the middle, «Masteroppgave», «Doktorgradsavhandling» and «Rapport» as the default kinds of
  document. Only the entry types the site uses are translated; tests/site/test_bibliography.py formats every
  entry of book/references.bib and fails on an English word, so a new entry type cannot slip through.
- the *referencing style* of the inline citations is a sphinxcontrib-bibtex style
  (``bibtex_reference_style``). ``author_year_nb`` is the stock ``author_year`` with «og» and «mfl.», and
  «; » between works cited together.

Both are registered when this extension is loaded, which is before sphinxcontrib-bibtex looks them up (it
does so when the builder starts), so _config.yml can name them like the stock styles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pybtex.plugin
from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import field as bib_field
from pybtex.style.template import first_of, join, node, optional_field, sentence, words
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

FORMATTING_STYLE = "plain_nb"
REFERENCING_STYLE = "author_year_nb"
AND = " og "
OTHERS = "mfl."  # «med flere»: the list of names is cut short
GAP = "…"  # names left out between others
DEFAULT_KIND = {"mastersthesis": "Masteroppgave", "phdthesis": "Doktorgradsavhandling", "techreport": "Rapport"}


def _is_others(person: Any) -> bool:
    """BibTeX writes a cut-short author list as «… and others»; pybtex reads «others» as a person."""
    return str(person).strip().lower() == "others"


@node
def names_nb(children: list[Any], context: dict[str, Any], role: str) -> Any:
    """The persons of ``role`` joined the Norwegian way: «A, B og C», «A, B mfl.», «A, B, … og Z»."""
    assert not children
    persons = context["entry"].persons[role]
    style = context["style"]
    parts: list[Any] = []
    cut_short = False
    for i, person in enumerate(persons):
        if not _is_others(person):
            parts.append(style.format_name(person, style.abbreviate_names))
        elif i == len(persons) - 1:
            cut_short = True
        else:
            parts.append(GAP)
    if cut_short:
        return join[join(sep=", ")[parts], " ", OTHERS].format_data(context)
    return join(sep=", ", sep2=AND, last_sep=AND)[parts].format_data(context)


class NorwegianPlainStyle(PlainStyle):
    """pybtex's ``plain`` (sorted by author, year, title) with Norwegian words for the types the site uses."""

    def format_names(self, role: str, as_sentence: bool = True) -> Any:
        formatted = names_nb(role)
        return sentence[formatted] if as_sentence else formatted

    def _thesis(self, e: Any, default: str) -> Any:
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[
                first_of[optional_field("type"), default],
                bib_field("school"),
                optional_field("address"),
                words[optional_field("month"), bib_field("year")],
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_mastersthesis_template(self, e: Any) -> Any:
        return self._thesis(e, DEFAULT_KIND["mastersthesis"])

    def get_phdthesis_template(self, e: Any) -> Any:
        return self._thesis(e, DEFAULT_KIND["phdthesis"])

    def get_techreport_template(self, e: Any) -> Any:
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[
                words[first_of[optional_field("type"), DEFAULT_KIND["techreport"]], optional_field("number")],
                bib_field("institution"),
                optional_field("address"),
                words[optional_field("month"), bib_field("year")],
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]


def _norwegian_person() -> PersonStyle:
    return PersonStyle(sep2=AND, last_sep=AND, other=Text(" ", OTHERS))


@dataclass
class NorwegianAuthorYearReferenceStyle(AuthorYearReferenceStyle):
    """The stock author-year citations with «og» between two authors and «mfl.» after the first of three or
    more; several works in one citation are separated by «; », so «[Frangakis, 2020; Wangen og Frøyland, 2018]»
    cannot be read as one list of names."""

    bracket_parenthetical: BracketStyle = field(default_factory=lambda: BracketStyle(sep="; "))
    person: PersonStyle = field(default_factory=_norwegian_person)


def register() -> None:
    """Make both styles known under their names (idempotent: a second build in one process re-registers)."""
    pybtex.plugin.register_plugin("pybtex.style.formatting", FORMATTING_STYLE, NorwegianPlainStyle, force=True)
    register_plugin(
        "sphinxcontrib.bibtex.style.referencing", REFERENCING_STYLE, NorwegianAuthorYearReferenceStyle, force=True
    )


def setup(app: Sphinx) -> dict[str, Any]:
    register()
    return {"parallel_read_safe": True, "parallel_write_safe": True}
