"""Numbered figures and tables: the markup the site's numbering reads (``book/_ext/numbering.py``).

The numbers themselves («Figur 3.2», «Tabell A.1») depend on where a chapter sits in the book, which only the
site build knows, so the rendering core marks what is to be numbered and the build writes the numbers in:

- the numbered element (a figure's ``<figure>``, a table's ``<table>``) carries its anchor as ``id``,
  ``data-se-numbered="figure"`` or ``"table"``, its caption as ``data-se-title`` and, when it has a name that
  prose can refer to, ``data-se-label`` (a figure's ``fig_id``, a table's ``table_id``);
- the build writes ``<span class="se-number">Figur 3.2:</span>`` at the start of the first ``<caption>`` of a
  numbered table and at the start of every element marked ``data-se-number-of="<anchor>"`` (a figure's
  title, the summary line of a folded table).

Outside the site (the team report of ``fidelity score``) nothing is written in, and nothing shows.
"""

from __future__ import annotations

import html
import re
import unicodedata

FIGURE = "figure"
TABLE = "table"
LABEL_PATTERN = re.compile(r"^[a-z][a-z0-9-]{2,63}$")
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})


def check_label(label: str, what: str) -> str:
    """A name prose can refer to: kebab-case, 3–64 characters, starting with a letter."""
    if not LABEL_PATTERN.match(label):
        raise ValueError(f"{what} {label!r} must be kebab-case, 3–64 characters, starting with a letter")
    return label


def table_anchor(caption: str) -> str:
    """The anchor of a table that has no ``table_id``: ``tab-`` and the caption's words (ASCII, ≤ 64 chars)."""
    folded = unicodedata.normalize("NFKD", caption.lower().translate(_FOLD))
    words = re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode())
    slug = "tab"
    for word in words:
        if len(slug) + 1 + len(word) > 64:
            break
        slug += "-" + word
    return slug if slug != "tab" else "tab-uten-tittel"


def numbered_attributes(kind: str, anchor: str, title: str, label: str | None) -> str:
    """The attributes (with a leading space) that mark an element as numbered, for inside its start tag."""
    if kind not in (FIGURE, TABLE):
        raise ValueError(f"kind {kind!r} is neither {FIGURE!r} nor {TABLE!r}")
    named = f' data-se-label="{label}"' if label else ""
    return f' id="{anchor}" data-se-numbered="{kind}"{named} data-se-title="{html.escape(title)}"'


def number_slot(anchor: str) -> str:
    """The attribute (with a leading space) marking an element whose text starts with the number of ``anchor``."""
    return f' data-se-number-of="{anchor}"'
