"""NAV offices → «NAV-kontor N»: the local office a person belongs to points to where the person lives.

«NAV»/«Nav»/«nav» and a place or district, hyphenated too, in any case («NAV Lillehammer-Gausdal», «nav
grünerløkka», «nav øyer-tretten»: one known part is enough), or «NAV-kontoret i/på <place>». A place that is not
known counts when it is capitalised, or in lower case after «nav» when it is not an ordinary word. NAV units
that are not local offices («NAV Arbeidslivssenter», «NAV Familie- og pensjonsytelser») are left.
"""

from __future__ import annotations

import re

from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.organisations import DESCRIBING_WORDS, key_of
from analysis.anonymise.vocabulary import Vocabulary
from analysis.anonymise.workspace import Registry, Workspace, is_sentence_start, match_phrase, word_at

NAV_RE = re.compile(r"(?<![\w-])(?:NAV|Nav|nav)(?:-kontor(?:et|ene)? (?:i|på))? ")
NAV_UNITS = frozenset(
    "arbeidslivssenter hjelpemiddelsentral kontaktsenter klageinstans drift kontroll forvaltning "
    "innkreving økonomitjenester ytelseslinjen familie pensjon og".split()
)

_COMPASS_AFTER_RE = re.compile(r" (?:nord|sør|syd|øst|vest|sentrum)(?![\w-])", re.I)
# Words that name the part of a district before its name («Indre Fosen», «Søndre Land», «Nordre Follo»).
AREA_PREFIXES = frozenset("nedre øvre søndre nordre vestre østre indre ytre midtre".split())


def replace_nav_offices(ws: Workspace, lexicon: Lexicon, vocabulary: Vocabulary, registry: Registry) -> None:
    text = ws.text
    for m in NAV_RE.finditer(text):
        tok = word_at(text, m.end())
        if tok is None or tok.key in NAV_UNITS:
            continue
        hit = match_phrase(lexicon.places, text, tok)
        nxt = word_at(text, tok.end + 1) if text[tok.end : tok.end + 1] == " " else None
        if hit is None and tok.key in AREA_PREFIXES and tok.capitalised and nxt is not None and nxt.capitalised:
            ws.add(
                m.start(),
                nxt.end,
                "nav_office",
                registry.name_for(key_of(text[tok.start : nxt.end])),
                reason="NAV og sted",
            )
            continue  # «NAV Indre Fosen», «NAV Søndre Land»: a part of a district and its name
        if tok.key in DESCRIBING_WORDS and hit is None:
            continue  # «NAV gamle ytelser»; but «NAV Gamle Oslo» is a known place
        parts = tok.key.split("-")
        known = hit is not None or any((p,) in lexicon.places.values for p in parts if len(parts) > 1)
        # «nav skedsmo» in a chat: a district that wordfreq knows, but no common word
        district = ws.lower_case and not tok.capitalised and vocabulary.frequency(tok.key) < 4.0 and len(tok.key) > 3
        if not known and not (tok.capitalised and not tok.text.isupper()) and vocabulary.is_ordinary(tok.key):
            if not (district and not vocabulary.is_derived(tok.key) and tok.key not in DESCRIBING_WORDS):
                continue
        if not known and not tok.capitalised and not m.group(0).startswith("nav"):
            continue
        end = hit[0].end if hit else tok.end
        nxt = word_at(text, end + 1) if text[end : end + 1] == " " else None
        if nxt is not None and nxt.capitalised and not hit and (nxt.key,) in lexicon.places.values:
            end = nxt.end  # «NAV Søndre Nordstrand»
        elif (
            nxt is not None
            and nxt.capitalised
            and not is_sentence_start(text, nxt.start)
            and tok.capitalised
            and not vocabulary.is_ordinary(nxt.key)
        ):
            end = nxt.end
        joined = word_at(text, end + 4) if text.startswith(" og ", end) and tok.capitalised else None
        if joined is not None and joined.capitalised and match_phrase(lexicon.places, text, joined):
            end = joined.end  # «NAV Eiganes og Tasta», «NAV Os og Askøy»: an office of two districts
        compass = _COMPASS_AFTER_RE.match(text, end)
        if compass:
            end = compass.end()  # «NAV Bergen nord», «Nav Trondheim Sør»: the compass point is part of the office
        ws.add(m.start(), end, "nav_office", registry.name_for(key_of(text[tok.start : end])), reason="NAV og sted")
    ws.commit()
