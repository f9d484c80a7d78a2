"""Places → «Sted N», consistently within a document, in any case.

Rules:

1. **Known places**: a word or phrase («Mo i Rana», «Møre og Romsdal», «Chiang Mai», «Addis Abeba») that is a
   municipality (all 357 of 2024), a Sámi/Kven parallel name, a county, a town, a city district, a
   traditional district (data/lexicon/places.txt) or a city or region abroad (foreign_places.txt).
   Possessive «Tromsøs» → «Sted 1s»; a compound with a lower-case tail «Tromsø-regionen» → «Sted 1-regionen».
2. A known place that is also an ordinary word («Time», «Moss», «Ski», «Sola», «Hole», «Son») counts when
   capitalised mid-sentence, after a locative preposition, or before «kommune»/«fylke»; in lower case only
   after a locative preposition.
3. **Unknown places**: a word that is not ordinary Norwegian after a locative preposition («på Rud», «fra
   hølen», «i Follebu»), capitalised or not, when it is not a name this document has used for a person;
   a capitalised second word joins it («Segalstad bru» stays two words only when the second is capitalised).
4. Norway itself and the broad parts of the country (Nord-Norge, Vestlandet ...) are not listed, so they
   stay: they do not narrow down where anybody lives.

Names pass before this one, so a place that is also a person's name («Frøya», «Lund») has already been
decided by the name rules.
"""

from __future__ import annotations

import re

from analysis.anonymise import cues
from analysis.anonymise.letters import WORD_RE
from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.vocabulary import Vocabulary
from analysis.anonymise.workspace import (
    Registry,
    Word,
    Workspace,
    is_sentence_start,
    match_phrase,
    next_word,
    prev_word,
)

_LOCATIVE_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(cues.LOCATIVE, key=len, reverse=True)) + r") \Z", re.I)
PLACE_TAIL_RE = re.compile(r" (?:senter|sentrum|bru|stasjon|torg|brygge)(?![\w-])", re.I)
PLACE_PREFIX_RE = re.compile(
    r"(?<![\w-])(?:vestre|østre|nordre|søndre|øvre|nedre|indre|ytre|store|lille|nye|gamle) \Z", re.I
)
PLACE_NOUNS = frozenset({"kommune", "kommunes", "fylke", "fylkes", "fylkeskommune"})
# Endings of Norwegian place names («Tromsdalen», «Fjellhamar», «Lierbyen»): a rare word after «i/på/fra» with one
# of them is a place even when it is made of ordinary words.
TOPONYM_ENDINGS = (
    "dalen",
    "dal",
    "vika",
    "vik",
    "viken",
    "haug",
    "heim",
    "rud",
    "stad",
    "sund",
    "fjord",
    "nes",
    "bu",
    "by",
    "byen",
    "lia",
    "åsen",
    "moen",
    "hamar",
    "øy",
    "øya",
    "holm",
    "sand",
    "stua",
    "foss",
    "våg",
    "vågen",
    "strand",
    "seter",
    "voll",
    "gard",
    "rød",
    "tangen",
    "odden",
    "bru",
    "hølen",
    "torp",
    "set",
    "eid",
    "land",
    "sjøen",
    "berg",
    "fjell",
    "kleiva",
    "sletta",
    "jordet",
)
NOT_PLACES = frozenset(
    "jobb jobben arbeid arbeidet skole skolen kurs kurset møte møtet praksis lageret kontoret "
    "butikken kjøkkenet telefon telefonen teams kafé kafe kafeen biblioteket legevakta ferie "
    "sykehjemmet helsehuset besøk skift turnus dugnad akkord vent intro sikt deltid heltid nattskift dagskift "
    "permisjon karantene tiltak prøve trening sfo intervju jobbintervju kveldsskift timebasis byrå bemanningsbyrå "
    "morra mårra morgo kveld natt perm permisjon".split()
)
_NOT_PLACE_TAILS = tuple(w for w in NOT_PLACES if len(w) >= 4)
# Definite and bare endings of Norwegian toponyms with a first element («sandviken», «fyllingsdalen», «laksevåg»):
# in a lower-case text such a word after «i», «på», «fra» is a place even when wordfreq knows it (it knows places).
DISTRICT_ENDINGS = (
    "viken",
    "vika",
    "dalen",
    "åsen",
    "moen",
    "haugen",
    "haug",
    "tangen",
    "odden",
    "sletta",
    "vågen",
    "våg",
    "holmen",
    "fjord",
    "sund",
    "nes",
    "stad",
    "heim",
    "rud",
    "bakken",
    "lia",
    "jordet",
    "kollen",
)


def lower_case_place(key: str, vocabulary: Vocabulary) -> bool:
    """A lower-case word after a locative that is a place although wordfreq lists it («på forus», «i
    sandviken»): rare with a toponym ending, a district ending after a first element, or a word of moderate
    frequency that is neither an inflected form nor a compound of ordinary words (common nouns are)."""
    if key.endswith(_NOT_PLACE_TAILS) and any(key.endswith(t) and len(key) - len(t) >= 3 for t in _NOT_PLACE_TAILS):
        return False  # «norskkurset», «språkpraksisen»: a compound whose head word is no place
    f = vocabulary.frequency(key)
    if f < 3.0 and key.endswith(TOPONYM_ENDINGS):
        return True
    if f < 4.0 and any(key.endswith(e) and len(key) - len(e) >= 3 for e in DISTRICT_ENDINGS):
        return True
    return f < 3.6 and not vocabulary.is_derived(key) and not vocabulary.is_english(key)


def _place_at(text: str, tok: Word, lexicon: Lexicon) -> tuple[int, str, str] | None:
    """(end offset, key, suffix kept after the pseudonym) for a known place starting at ``tok``."""
    hit = match_phrase(lexicon.places, text, tok)
    if hit:
        last, key = hit
        return last.end, " ".join(key), ""
    word = tok.key
    if word.endswith("s") and (word[:-1],) in lexicon.places.values and word not in cues.PRONOUNS:
        return tok.end, word[:-1], "s"  # «Tromsøs»; but «oss» is no genitive of Os
    if "-" in word:
        head, _, tail = tok.text.partition("-")
        if (head.casefold(),) in lexicon.places.values and tail[:1].islower():
            return tok.start + len(head), head.casefold(), ""  # «Beldangi-leiren»: the common noun stays as written
    return None


# A refugee camp named after its cue: «leiren Mae La», «flyktningleiren Kakuma», «i leir i Dadaab»: the name is the
# capitalised words that follow (one to three), whatever they are; in lower-case text one word that is not ordinary.
CAMP_RE = re.compile(
    r"\b(?<!-)(?:(?:flyktning|flyktninge|mottaks|transitt)?leiren|leir(?:en)?[ \t]+i|camp)[ \t]+"
    r"(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,2})",
    re.I,
)


def replace_camps(ws: Workspace, vocabulary: Vocabulary, registry: Registry) -> None:
    for m in CAMP_RE.finditer(ws.text):
        words = list(WORD_RE.finditer(m.group("name")))
        if ws.lower_case:
            words = words[:1] if words and not vocabulary.is_ordinary(words[0].group().casefold()) else []
        else:
            taken = []
            for w in words:
                if not w.group()[0].isupper():
                    break
                taken.append(w)
            words = taken
        if not words or (not ws.lower_case and vocabulary.frequency(words[0].group().casefold()) >= 5.0):
            continue  # «leiren Der», «leiren Han bodde i»: a sentence without its full stop
        start, end = m.start("name"), m.start("name") + words[-1].end()
        ws.add(start, end, "place", registry.name_for(ws.text[start:end].casefold()), reason="navn etter «leiren»")
    ws.commit()


def replace_places(
    ws: Workspace, lexicon: Lexicon, vocabulary: Vocabulary, registry: Registry, person_parts: set[str]
) -> None:
    text = ws.text
    consumed = 0
    for m in WORD_RE.finditer(text):
        if m.start() < consumed:
            continue
        word = m.group()
        if (
            not (word[0].isupper() or ws.lower_case)
            and (word.casefold(),) not in lexicon.places.values
            and word.casefold() not in lexicon.places.by_first
        ):
            continue
        tok = Word.of(m)
        place = _place_at(text, tok, lexicon)
        if place is None and not ((tok.capitalised and not ws.lower_case) or (ws.lower_case and len(tok.key) > 2)):
            continue
        if place is None and tok.key in NOT_PLACES:
            continue
        if place is None and not _LOCATIVE_BEFORE.search(text, max(0, tok.start - 12), tok.start):
            continue
        before = prev_word(text, tok)
        locative = before is not None and before[1] == " " and before[0].key in cues.LOCATIVE
        if place is not None:
            end, key, suffix = place
            single = end == tok.end or text[end : end + 1] == "-"  # one word, or the head of a compound
            ordinary = single and key in lexicon.ambiguous
            nxt = next_word(text, tok)
            before_noun = nxt is not None and nxt.key in PLACE_NOUNS
            if ordinary and not locative and not before_noun:
                if not tok.capitalised or is_sentence_start(text, tok.start) or ws.lower_case:
                    continue
            if not tok.capitalised and not ws.lower_case:
                continue  # «på stranda» in a capitalised text is the beach
            tail = PLACE_TAIL_RE.match(text, end) if not suffix else None
            if tail:
                end = tail.end()  # «Stovner senter»
            start = tok.start
            prefix = PLACE_PREFIX_RE.search(text, max(0, start - 10), start)
            if prefix and ws.free(prefix.start(), start):
                start = prefix.start()  # «Vestre Gausdal», «Øvre Eiker»
            ws.add(start, end, "place", registry.name_for(key) + suffix, reason="stedsliste")
            consumed = end
            continue
        if not locative or tok.key in person_parts or tok.key in lexicon.proper_nouns or tok.key in lexicon.months:
            continue
        pair = tok.capitalised and (nxt0 := next_word(text, tok)) is not None and nxt0.capitalised  # «i Hà Nội»
        if (
            (len(tok.key) < 3 and not pair)
            or lexicon.is_person_key(tok.key)
            or tok.key in NOT_PLACES
            or "-" in tok.key
            and (
                tok.text.partition("-")[0].isupper()
                or tok.key.partition("-")[0] in lexicon.acronyms  # «fra ips-teamet» in lower-case text
                or tok.key.partition("-")[0] in lexicon.proper_nouns
            )
        ):
            continue
        if tok.capitalised and not ws.lower_case:
            if is_sentence_start(text, tok.start) or tok.text.isupper() or vocabulary.frequency(tok.key) >= 5.0:
                continue
            if vocabulary.is_english(tok.key):
                continue  # «tro på Supported Employment»: an English term, not a place
        elif not ws.lower_case:
            continue
        elif vocabulary.is_ordinary(tok.key) and not lower_case_place(tok.key, vocabulary):
            continue
        elif (
            vocabulary.is_trade_noun(tok.key)
            or vocabulary.is_feminine_definite(tok.key)
            or vocabulary.is_short_compound(tok.key)  # «på bilvask»
            or tok.key.endswith(_NOT_PLACE_TAILS)  # «til trepartsmøtet»
        ):
            continue  # «på vaskeriet», «står i mappa»: a common noun rare in wordfreq, no place
        end = tok.end
        head, dash, rest = tok.text.rpartition("-")
        if dash and head and rest[:1].islower() and vocabulary.is_ordinary(rest.casefold()):
            end = tok.start + len(head)  # «i Bekaa-dalen», «Shagarab-leiren»: the name, not the common noun after it
        tail = PLACE_TAIL_RE.match(text, end)
        if tail:
            end = tail.end()
        nxt = next_word(text, tok)
        if (
            nxt is not None
            and nxt.capitalised == tok.capitalised
            and tok.capitalised
            and (not vocabulary.is_ordinary(nxt.key) or vocabulary.frequency(nxt.key) < 4.0)  # «i Mae Sot»
        ):
            end = nxt.end
        ws.add(
            tok.start,
            end,
            "place",
            registry.name_for(text[tok.start : end].casefold()),
            reason="ukjent ord etter stedspreposisjon",
            weak=True,
        )
        consumed = end
    ws.commit()
