"""Numbered figures and tables, and references to them by name: «Figur 3.2», «Tabell A.1», {figur}`label`.

The scheme
    Every figure the rendering core makes (``show_figure``) and every table it makes outside a figure
    (``show_table``, ``show_collapsed_table``, ``data_table_html``) is numbered per chapter, figures and
    tables each from 1: «Figur 3.2» is the second figure of chapter 3, «Tabell 3.2» its second table. The
    chapter number is the one the table of contents gives the page (the «Kapitler» part of _toc.yml is
    numbered). The pages after the numbered chapters (the «Vedlegg» part) are appendices, lettered A, B, C …
    in the order of the table of contents whether or not they hold figures, and number their own: «Tabell
    A.1» is the first table of the first appendix. The pages before the chapters (the front page and «Om
    rapporten») have no number or letter; a figure or table there is a build error, to be moved or given a
    scheme of its own here.

How it works
    The rendering core marks each numbered element in its HTML (see analysis/core/render/numbering.py).
    While a page is read, this extension puts an invisible target node in front of each such cell output,
    registered with Sphinx as a figure or a table («enumerable node») under the element's anchor, and under
    its name when it has one (``fig_id``, ``table_id``). Sphinx's own numbering (``numfig``, one level of
    chapter number) then numbers the targets in every page under the numbered toctree; this extension
    re-letters the appendices, whose numbers Sphinx would otherwise run on across pages. Before a page is
    written, «Figur 3.2:» is written into the figure's title and the table's caption (and the summary line
    of a folded table), so the numbers are in the page, its search text, the PDF and the offline copy.

References
    ``{figur}`fidelitet-varmekart``` and ``{tabell}`fidelitet-kategorier``` write «figur 3.2» and «tabell
    3.1» as links; ``{figur}`Figur %s <fidelitet-varmekart>``` starts a sentence. Sphinx's own
    ``{numref}`fidelitet-varmekart``` writes «Figur 3.2». A name that does not exist is a warning, so the
    strict build (-W) fails on it; so is a {figur} that names a table or a {tabell} that names a figure.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

KINDS = ("figure", "table")
ROLES = {"figur": ("figure", "figur %s"), "tabell": ("table", "tabell %s")}
_NUMBERED_TAG = re.compile(r'<([a-zA-Z][\w-]*)\b([^<>]*\bdata-se-numbered="[^"]*"[^<>]*)>')
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_TABLE_CAPTION = re.compile(r'<table\b([^<>]*\bdata-se-numbered="table"[^<>]*)>(\s*<caption\b[^<>]*>)')
_SLOT = re.compile(r'<[a-zA-Z][\w-]*\b[^<>]*\bdata-se-number-of="([^"]+)"[^<>]*>')
Number = tuple[int | str, ...]


@dataclass(frozen=True)
class Numbered:
    """A numbered figure or table in a cell's HTML output."""

    kind: str
    anchor: str
    title: str
    label: str | None


def numbered_in(markup: str) -> list[Numbered]:
    """The numbered figures and tables in an HTML fragment, in document order."""
    found = []
    for match in _NUMBERED_TAG.finditer(markup):
        attributes = {k: html.unescape(v) for k, v in _ATTRIBUTE.findall(match.group(2))}
        kind, anchor, title = attributes["data-se-numbered"], attributes.get("id"), attributes.get("data-se-title")
        if kind not in KINDS or not anchor or not title:
            raise ValueError(f"numbered element without kind, id or title: {match.group(0)[:200]}")
        found.append(Numbered(kind, anchor, title, attributes.get("data-se-label") or None))
    return found


def number_text(kind: str, number: Number, formats: dict[str, str]) -> str:
    """«Figur 3.2» from (3, 2) with the book's ``numfig_format``."""
    joined = ".".join(map(str, number))
    fmt = formats[kind]
    return fmt.format(number=joined) if "{number}" in fmt else fmt % joined


def write_numbers(markup: str, numbers: dict[str, str]) -> tuple[str, list[str]]:
    """``markup`` with each number (by anchor) written at the start of its caption and slots; anchors not found."""
    missing: list[str] = []

    def label(anchor: str) -> str:
        if anchor not in numbers:
            missing.append(anchor)
            return ""
        return f'<span class="se-number">{html.escape(numbers[anchor])}:</span> '

    def caption(match: re.Match[str]) -> str:
        anchor = dict(_ATTRIBUTE.findall(match.group(1))).get("id", "")
        return match.group(0) + label(anchor)

    def slot(match: re.Match[str]) -> str:
        return match.group(0) + label(match.group(1))

    return _SLOT.sub(slot, _TABLE_CAPTION.sub(caption, markup)), missing


# ------------------------------------------------------------------------------------------- the scheme
def toc_order(root: str, includes: dict[str, list[str]]) -> list[str]:
    """Every page under ``root`` in reading order (depth first through the toctrees)."""
    order: list[str] = []

    def walk(doc: str) -> None:
        if doc not in order:
            order.append(doc)
            for child in includes.get(doc, []):
                walk(child)

    walk(root)
    return order


def appendix_letters(order: Sequence[str], numbered: Iterable[str]) -> dict[str, str]:
    """A, B, C … for the unnumbered pages after the first numbered chapter, in reading order."""
    chapters = set(numbered)
    letters: dict[str, str] = {}
    after_chapters = False
    for doc in order:
        if doc in chapters:
            after_chapters = True
        elif after_chapters:
            if len(letters) == len(string.ascii_uppercase):
                raise ValueError("more than 26 appendices")
            letters[doc] = string.ascii_uppercase[len(letters)]
    return letters


def apply_scheme(
    fignumbers: dict[str, dict[str, dict[str, Number]]], order: Sequence[str], numbered: Iterable[str]
) -> dict[str, dict[str, dict[str, Number]]]:
    """Sphinx's numbers with the appendices lettered and the front matter left without numbers.

    Sphinx numbers the figures of every page outside the numbered chapters in one run (1, 2, 3 …) across
    those pages; in its order within a page, the appendix's letter replaces that (A.1, A.2 …).
    """
    chapters = set(numbered)
    letters = appendix_letters(order, chapters)
    result: dict[str, dict[str, dict[str, Number]]] = {}
    for doc, by_kind in fignumbers.items():
        if doc in chapters:
            result[doc] = by_kind
        elif doc in letters:
            result[doc] = {
                kind: {anchor: (letters[doc], n) for n, anchor in enumerate(sorted(ids, key=ids.__getitem__), 1)}
                for kind, ids in by_kind.items()
            }
    return result


# ------------------------------------------------------------------------------------------- reading
class numbered_figure(nodes.General, nodes.Element):
    """The target of a numbered figure in a cell's HTML output (the HTML itself is the raw node after it)."""


class numbered_table(nodes.General, nodes.Element):
    """The target of a numbered table in a cell's HTML output."""


NODES: dict[str, type[nodes.Element]] = {"figure": numbered_figure, "table": numbered_table}


def _title(node: nodes.Element) -> str:
    return str(node["se_title"])


def _skip(translator: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _depart(translator: Any, node: nodes.Element) -> None:
    pass


def _state(env: BuildEnvironment) -> dict[str, dict[str, Any]]:
    if not hasattr(env, "se_numbering"):
        env.se_numbering = {"items": {}, "refs": {}, "numbers": {}}  # type: ignore[attr-defined]
    return env.se_numbering  # type: ignore[attr-defined, no-any-return]


class CollectNumbered(SphinxTransform):
    """Put a target in front of each cell output holding a numbered figure or table; note the references."""

    default_priority = 840  # before SphinxDomains (850) collects the labels

    def apply(self, **kwargs: Any) -> None:
        state = _state(self.env)
        items: list[tuple[str, str, str | None]] = []
        for raw in list(self.document.findall(nodes.raw)):
            if "html" not in raw.get("format", "").split() or "data-se-numbered" not in raw.astext():
                continue
            before: nodes.Element = raw  # the cell's output as a whole (all its formats), else the HTML itself
            ancestor = raw.parent
            while ancestor is not None:
                if isinstance(ancestor, nodes.container) and ancestor.get("nb_element") == "mime_bundle":
                    before = ancestor
                ancestor = ancestor.parent
            for item in numbered_in(raw.astext()):
                target = NODES[item.kind]()
                target["ids"] = [item.anchor]
                target["se_title"] = item.title
                target.source, target.line = raw.source, raw.line
                if item.label:
                    target["names"] = [item.label]
                    self.document.note_explicit_target(target, target)
                else:
                    self.document.set_id(target, target)
                before.parent.insert(before.parent.index(before), target)
                items.append((item.kind, item.anchor, item.label))
        state["items"][self.env.docname] = items
        state["refs"][self.env.docname] = {
            node["reftarget"]
            for node in self.document.findall(addnodes.pending_xref)
            if node.get("reftype") == "numref"
        }


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    state = _state(env)
    state["items"].pop(docname, None)
    state["refs"].pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    state, theirs = _state(env), _state(other)
    for key in ("items", "refs"):
        for docname in docnames:
            if docname in theirs[key]:
                state[key][docname] = theirs[key][docname]


def _renumber(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Apply the scheme to Sphinx's numbers; pages to write again: those whose numbers or whose links changed."""
    order = toc_order(env.config.root_doc, env.toctree_includes)
    numbered = [doc for doc in order if env.toc_secnumbers.get(doc)]
    # A letter where Sphinx keeps ints: Sphinx only ever joins a number's parts with ".", as strings.
    env.toc_fignumbers = apply_scheme(env.toc_fignumbers, order, numbered)  # type: ignore[arg-type, assignment]
    state = _state(env)
    labels = {label: (doc, kind, anchor) for doc, items in state["items"].items() for kind, anchor, label in items}
    numbers = {
        label: env.toc_fignumbers.get(doc, {}).get(kind, {}).get(anchor)
        for label, (doc, kind, anchor) in labels.items()
    }
    changed = {
        label for label in numbers.keys() | state["numbers"].keys() if numbers.get(label) != state["numbers"].get(label)
    }
    state["numbers"] = numbers
    stale = {doc for doc, targets in state["refs"].items() if targets & changed}
    stale |= {labels[label][0] for label in changed if label in labels}
    return sorted(stale)


# ------------------------------------------------------------------------------------------- writing
def _write(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Write the numbers into the page's figure titles and table captions."""
    by_kind = app.env.toc_fignumbers.get(docname, {})
    for raw in list(doctree.findall(nodes.raw)):
        text = raw.astext()
        if "html" not in raw.get("format", "").split() or "data-se-numbered" not in text:
            continue
        numbers = {}
        for item in numbered_in(text):
            number = by_kind.get(item.kind, {}).get(item.anchor)
            if number is None:
                logger.warning(
                    "%s %r has no number: %s is neither a numbered chapter nor an appendix (book/_ext/numbering.py)",
                    item.kind,
                    item.anchor,
                    docname,
                    location=raw,
                )
                continue
            numbers[item.anchor] = number_text(item.kind, number, app.config.numfig_format)
        filled, missing = write_numbers(text, numbers)
        for anchor in sorted(set(missing) - {i.anchor for i in numbered_in(text)}):
            logger.warning("a number slot names %r, which is not numbered in the same output", anchor, location=raw)
        raw[0] = nodes.Text(filled)


class NumberedReference(XRefRole):
    """``{figur}`label``` / ``{tabell}`label```: Sphinx's numref with the word in lower case, kind checked."""

    def __init__(self, kind: str, title: str) -> None:
        super().__init__(lowercase=True, warn_dangling=True, innernodeclass=nodes.inline)
        self.kind, self.default_title = kind, title

    def process_link(
        self, env: BuildEnvironment, refnode: nodes.Element, has_explicit_title: bool, title: str, target: str
    ) -> tuple[str, str]:
        refnode["refdomain"], refnode["reftype"], refnode["refexplicit"] = "std", "numref", True
        refnode["se_kind"] = self.kind
        return (title if has_explicit_title else self.default_title), target


class CheckReferenceKinds(SphinxPostTransform):
    """A {figur} must name a figure and a {tabell} a table (made by analysis); a wrong one is a warning."""

    default_priority = 5  # before ReferencesResolver (10) replaces the pending references

    def run(self, **kwargs: Any) -> None:
        kinds = {label: kind for items in _state(self.env)["items"].values() for kind, _, label in items if label}
        for node in self.document.findall(addnodes.pending_xref):
            wanted, target = node.get("se_kind"), node.get("reftarget")
            if not wanted or target not in self.env.get_domain("std").labels:  # type: ignore[attr-defined]
                continue  # an unknown name is reported by Sphinx itself (undefined label)
            if kinds.get(target) != wanted:
                found = kinds.get(target, "something that is not a numbered figure or table")
                logger.warning("%r is a %s, not a %s", target, found, wanted, location=node)


def setup(app: Sphinx) -> dict[str, Any]:
    for kind, node in NODES.items():
        app.add_enumerable_node(
            node,
            kind,
            _title,
            html=(_skip, _depart),
            latex=(_skip, _depart),
            text=(_skip, _depart),
            man=(_skip, _depart),
            texinfo=(_skip, _depart),
        )
    for name, (kind, title) in ROLES.items():
        app.add_role(name, NumberedReference(kind, title))
    app.add_transform(CollectNumbered)
    app.add_post_transform(CheckReferenceKinds)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-updated", _renumber, priority=900)  # after Sphinx has numbered (priority 500)
    app.connect("doctree-resolved", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1", "env_version": 1}
