"""NAV offices → «NAV-kontor N» and Norwegian places → «Sted N», consistently within a document.

Rules:

1. **NAV offices**: «NAV» or «Nav» followed by a place from the lexicon («NAV Harstad», «Nav Grünerløkka»,
   «NAV Nord-Odal»), or «NAV-kontoret i/på <place>». The office is keyed by its place, so both spellings of
   the same office get the same number. NAV units that are not local offices («NAV Arbeidslivssenter») are
   not places and are left alone.
2. **Places**: a capitalised word (or phrase: «Mo i Rana», «Møre og Romsdal», «St. Hanshaugen») that is a
   municipality (all 357 of 2024), a Sámi/Kven parallel name, a county, a town, a city district or a
   traditional district (data/lexicon/). Possessive «Tromsøs» → «Sted 1s»; a compound with a lower-case tail
   «Tromsø-regionen» → «Sted 1-regionen».
3. A place name that is also an ordinary word («Time», «Moss», «Ski», «Sola», «Ås», «Vik» ...) is not a
   place when capitalised only because it opens a sentence, unless «kommune»/«fylke» follows.
4. Norway itself and the broad parts of the country (Nord-Norge, Vestlandet ...) are not listed, so they
   stay: they do not narrow down where anybody lives.

Names pass before this one, so a place that is also a person's name («Frøya», «Lund») has already been
decided by the name rules (places after a locative preposition, names otherwise).
"""

from __future__ import annotations

import re

from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.workspace import (
    CAP_WORD_RE,
    Registry,
    Word,
    Workspace,
    is_sentence_start,
    match_phrase,
    next_word,
    word_at,
)

NAV_RE = re.compile(r"(?<![\w-])(?:NAV|Nav)(?:-kontor(?:et|ene)? (?:i|på))? ")
PLACE_NOUNS = frozenset({"kommune", "kommunes", "fylke", "fylkes", "fylkeskommune"})


def _place_at(text: str, tok: Word, lexicon: Lexicon) -> tuple[int, str, str] | None:
    """(end offset, key, suffix kept after the pseudonym) for a place starting at the capitalised ``tok``."""
    hit = match_phrase(lexicon.places, text, tok)
    if hit:
        last, key = hit
        return last.end, " ".join(key), ""
    word = tok.key
    if word.endswith("s") and (word[:-1],) in lexicon.places.values:
        return tok.end, word[:-1], "s"
    if "-" in word:
        head, _, tail = tok.text.partition("-")
        if (head.casefold(),) in lexicon.places.values and tail[:1].islower():
            return tok.end, head.casefold(), "-" + tail
    return None


def replace_nav_offices(ws: Workspace, lexicon: Lexicon, registry: Registry) -> None:
    text = ws.text
    spans = []
    for m in NAV_RE.finditer(text):
        tok = word_at(text, m.end())
        if tok is None or not tok.capitalised:
            continue
        place = _place_at(text, tok, lexicon)
        if place is None:
            continue
        end, key, suffix = place
        spans.append((m.start(), end, ws.protect(registry.name_for(key) + suffix, "nav_office")))
    ws.splice(spans)


def replace_places(ws: Workspace, lexicon: Lexicon, registry: Registry) -> None:
    text = ws.text
    spans = []
    consumed = 0
    for m in CAP_WORD_RE.finditer(text):
        if m.start() < consumed:
            continue
        tok = Word.of(m)
        place = _place_at(text, tok, lexicon)
        if place is None:
            continue
        end, key, suffix = place
        if end == tok.end and key in lexicon.ambiguous and is_sentence_start(text, tok.start):
            nxt = next_word(text, tok)
            if nxt is None or nxt.key not in PLACE_NOUNS:
                continue
        spans.append((tok.start, end, ws.protect(registry.name_for(key) + suffix, "place")))
        consumed = end
    ws.splice(spans)
