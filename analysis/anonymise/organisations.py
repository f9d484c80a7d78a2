"""Workplaces, institutions and NAV offices: named organisations that point to a person's life.

Rules (one pass each, in this order):

1. **Deny-list** terms of the user (case-insensitive, whole words) → «Arbeidsplass N».
2. **Company forms**: up to six name words before ``AS``, ``ASA``, ``SA``, ``ANS``, ``DA``, ``NUF``
   («Brødrene Aasheim Transport AS», «ishavsfisk as») → «Arbeidsplass N»; the name without its form is
   remembered, so a later «Vestvik Fisk» gets the same pseudonym.
3. **Business nouns**: a name word before a business noun («Fjellro Hotell», «gausdal landhandleri»,
   «Bryn Snekkeri») → «Arbeidsplass N».
4. **Chains** (data/lexicon/chains.txt) with a place, a street or a district after them, with or without
   «på»/«i» («Meny Mortensrud», «rema storgata», «Bunnpris på Brumunddal», «Posten Alnabru») → «Arbeidsplass
   N», and a chain alone when capitalised mid-sentence («på Meny»). A chain name that is also an ordinary
   word («spar», «meny») counts in lower case only with a place-like word after it.
5. **Institutions** (analysis/anonymise/institutions.py): a name before a kind of institution («Bjørkelia
   bhg», «Holmlia skole», «Hamar voksenopplæringssenter», «Alstahaug sykehjem», «Sandvika legesenter», «Kuben
   vgs», «Tveita SFO») or a kind with «i/på» and a place after it («Voksenopplæringen i Gran»), and «DPS/VO +
   place» → «Barnehage N», «Skole N», «Voksenopplæring N», «Sykehjem N» … by kind, so the text keeps
   its sense. The name must not be an ordinary word that merely describes («ny skole», «på skolen»).
6. **NAV offices**: see analysis/anonymise/navoffices.py.
7. **After a workplace cue** («jobber i Matvia på Lysaker», «praksis på extra»), once institutions, NAV
   offices and addresses are known: see analysis/anonymise/workplaces.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.anonymise import cues
from analysis.anonymise.companyforms import WORD, company_matches
from analysis.anonymise.letters import fold
from analysis.anonymise.lexicon import Lexicon, phrase_key
from analysis.anonymise.vocabulary import Vocabulary
from analysis.anonymise.workspace import (
    Registry,
    Word,
    Workspace,
    is_sentence_start,
    match_phrase,
    prev_word,
    trie_pattern,
    word_at,
)

_W = WORD
BUSINESS_NOUNS = (
    "hotell hotel landhandleri bakeri gartneri snekkeri renhold vaskeri sag sagbruk transport bygg fisk "
    "elektro rør maling regnskap verksted bilverksted kafé kafe restaurant pizzeria frisør kiosk trevare "
    "trelast mek mekaniske verft slakteri meieri catering byrå tannlegesenter energi kraft eiendom entreprenør "
    "consult consulting revisjon rengjøring bilservice auto dekk blikk maskin betong anlegg graving interiør "
    "blomster frisørsalong systue skredder sveis mekanikk logistikk spedisjon trykkeri bruk arena"
).split()
BUSINESS_RE = re.compile(
    r"(?<![\w-])(" + _W + r"(?: " + _W + r")?) (" + trie_pattern(set(BUSINESS_NOUNS)) + r")(?![\w-])", re.I
)
INSTITUTION_KINDS: dict[str, str] = {}
for _label, _words in {
    "Barnehage": "barnehage bhg barnehagen",
    "Skole": "universitet skole skule barneskole barneskule ungdomsskole ungdomsskule vgs videregående skole sfo aks "
    "folkehøgskole folkehøgskule montessoriskole steinerskole skolesenter skulesenter katedralskole katedralskule",
    "Voksenopplæring": "voksenopplæring voksenopplæringssenter læringssenter vaksenopplæring vo opplæringssenter "
    "vaksenopplæringssenter kompetansesenter",
    "Sykehjem": "sykehjem sjukehjem sjukeheim sykeheim aldersheim aldershjem omsorgssenter seniorsenter bo- helsehus "
    "omsorgsbolig bosenter behandlingssenter omsorgsheim helsetun",
    "Helsetjeneste": "legesenter legekontor helsesenter sykehus sjukehus universitetssykehus universitetssjukehus "
    "sentralsykehus sentralsjukehus hospital dps helsestasjon rehabiliteringssenter fysioterapi fysioterapeutene",
}.items():
    for _w in _words.split():
        INSTITUTION_KINDS[_w] = _label
DESCRIBING_WORDS = frozenset(
    "i på til fra ved hos med en ei et den det de denne dette disse ny nye gamle gammel samme annen andre egen "
    "eget hennes hans sin sitt sine min mitt vår deres norsk norske ordinær ordinære vanlig vanlige offentlig "
    "offentlige privat private kommunal kommunale lokal lokale nærmeste ei stor store lita lille liten god "
    "videregående grunnskole og eller som går gikk startet begynte har hadde i en via om mot etter gjennom under "
    "over uten mellom innen fram frem bak rundt ut inn opp ned et eget vårt sitt".split()
)

# Describing adjectives that, capitalised before a capitalised name word, are part of a company's name.
NAME_ADJECTIVES = frozenset("norsk norske nordisk nordiske ny nye gamle store lille vestlandske".split())


def key_of(name: str) -> str:
    """The registry key of an organisation name (folded words, single spaces)."""
    return " ".join(phrase_key(name))


_VERB_FORM_RE = re.compile(r"[a-zæøå]{3,}erer")  # «kombinerer», «studerer»: verbs; «hauger», «tiller» may be places


def _name_words_ok(words: list[str], lexicon: Lexicon, vocabulary: Vocabulary, capitalised_needed: bool) -> bool:
    """The words before a business noun or institution kind make a name, not a description."""
    if not words or any(w.casefold() in DESCRIBING_WORDS for w in words):
        return False
    first = words[0]
    if first[0].isupper():
        return True
    if capitalised_needed:
        return False
    return any(not vocabulary.is_ordinary(w.casefold()) or (w.casefold(),) in lexicon.places.values for w in words) or (
        len(words) == 1
        and vocabulary.frequency(words[0].casefold()) < 4.0
        and not (vocabulary.is_ordinary(words[0].casefold()) and _VERB_FORM_RE.fullmatch(words[0]))
    )  # «kuben vgs», «buggeland barnehage»; not «ledig barnehage», «som kombinerer skole og jobb»


def _company_words(words: list[str], lower_form: bool, lexicon: Lexicon, vocabulary: Vocabulary) -> list[str]:
    """The name words right before a company form, walking back from it («… på Vestvik Fisk AS»)."""
    kept: list[str] = []
    for w in reversed(words):
        key = w.casefold()
        if key == "og" and kept and (kept[-1][:1].isupper() or lower_form):
            kept.append(w)  # «Hansen og Sønn AS», «vvs og rør sandnes as»
            continue
        if key in NAME_ADJECTIVES and w[:1].isupper() and kept and kept[-1][:1].isupper():
            kept.append(w)  # «Nordisk Vask AS», «Nye Vestvik Bygg AS»: a capitalised adjective opens the name
            continue
        if key in DESCRIBING_WORDS or key in {"jobb", "jobbe", "hos", "for"}:
            break
        if key in cues.OBJECT_VERBS or key in cues.SPEECH_VERBS:
            break  # «Ringde Naustdal Sveis AS.»: the verb that opens the sentence is no part of the name
        capital = w[:1].isupper() or w[:1].isdigit() or w == "&"
        if not capital and not lower_form:
            break
        if lower_form and len(kept) >= (4 if "og" in kept else 3):
            break
        coordinated = kept and kept[-1].casefold() == "og" and fold(kept[0]) in BUSINESS_NOUNS
        known_place = (fold(key),) in lexicon.places.values  # «oslo renholdsservice as»
        if (
            lower_form
            and vocabulary.frequency(key) >= 4.5
            and not lexicon.is_person_word(key)
            and not coordinated
            and not known_place
        ):
            break  # «… jobber i rørlegger hansen as»: a surname is part of the name, «jobber» is not; «lager og
            # logistikk as» joins two trades
        kept.append(w)
    while kept and kept[-1].casefold() == "og":
        kept.pop()
    if "og" in (w.casefold() for w in kept):
        cut = [w.casefold() for w in kept].index("og")  # kept is reversed: the words after «og» come first
        head = kept[cut + 1 :]
        if len(head) > 1 and all(lexicon.is_person_word(w) for w in head):
            kept = kept[:cut]  # «Per Olsen og Fjord Fisk AS»: the person is not part of the company
    if (
        lower_form
        and kept
        and all(vocabulary.is_ordinary(fold(w)) and not lexicon.is_person_word(w) for w in kept)
        and len(kept) < 2  # «fana lager og logistikk as», «thai garden as»: two words and the form make a name
    ):
        return []
    return list(reversed(kept))


_CAP_WORD = r"[A-ZÆØÅ][\w'’&-]*"
OG_NAME_RE = re.compile(rf"(?<![\w-])((?:{_CAP_WORD} ){{1,3}}og(?: {_CAP_WORD}){{1,3}})(?![\w-])")
_OG_RE = re.compile(r"(?<=[\w'’&-]) og (?=[A-ZÆØÅ])")  # where such a name can be: found fast, then widened
EMPLOYER_CUES = frozenset("hos i på ved for fra til".split())


def _replace_names_with_og(ws: Workspace, registry: Registry, lexicon: Lexicon, vocabulary: Vocabulary) -> list[str]:
    """«Tråd og Nål Stavanger», «Sjoa Rafting og Fritid»: capitalised ordinary words joined by «og», after a
    workplace cue or before a place, are a company name; «Kari og Per» (names) is not. Returns the names."""
    if ws.lower_case:
        return []
    text, found = ws.text, []

    def ordinary(k: str) -> bool:
        return vocabulary.is_ordinary(k) or vocabulary.is_english(k)

    def placename(k: str) -> bool:
        return (k,) in lexicon.places.values or (k,) in lexicon.countries.values

    for og in _OG_RE.finditer(text):
        m = OG_NAME_RE.search(text, max(0, og.start() - 100), min(len(text), og.end() + 100))
        while m is not None and m.end() <= og.start():
            m = OG_NAME_RE.search(text, m.end(), min(len(text), og.end() + 100))
        if m is None or not (m.start() < og.start() and og.end() <= m.end()):
            continue
        words = m.group(1).split()
        cut = words.index("og")
        left, right = [fold(w) for w in words[:cut]], [fold(w) for w in words[cut + 1 :]]
        if is_sentence_start(text, m.start()) or any(
            (lexicon.is_person_word(k) and k not in lexicon.ambiguous) or k in lexicon.proper_nouns
            for k in (*left, *right)
        ):
            continue  # «Kari og Per»
        if not (len(left) > 1 or any(ordinary(k) or placename(k) for k in left)) or not any(map(ordinary, right)):
            continue
        if placename(left[-1]) or placename(right[0]):
            continue  # «Cali og Valencia», «Sande og Kvammen»
        end = m.end()
        place = word_at(text, end + 1) if text[end : end + 1] == " " else None
        hit = match_phrase(lexicon.places, text, place) if place is not None and place.capitalised else None
        if hit:
            end = hit[0].end
        before = prev_word(text, m.start())
        if not hit and not (before and before[1] == " " and before[0].key in EMPLOYER_CUES):
            continue
        name = text[m.start() : end]
        ws.add(m.start(), end, "employer", registry.name_for(key_of(name)), reason="firmanavn med «og»")
        found.append(name)
    ws.commit()
    return found


def replace_employers(
    ws: Workspace, registry: Registry, deny_list: Sequence[str], lexicon: Lexicon, vocabulary: Vocabulary
) -> None:
    terms = sorted({" ".join(t.split()) for t in deny_list if t.strip()}, key=len, reverse=True)
    if terms:
        body = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in terms)
        for m in re.finditer(r"(?<![\w-])(" + body + r")(s|')?(?![\w-])", ws.text, re.I):
            ws.add(m.start(), m.end(1), "employer", registry.name_for(key_of(m.group(1))), reason="avvisningsliste")
        ws.commit()

    learned: list[str] = []
    text = ws.text
    for m in company_matches(text):
        words = _company_words(text[m.start(1) : m.end(1)].split(), m.group(2).islower(), lexicon, vocabulary)
        if not words or not re.search(r"[^\W\d_]", " ".join(words)):
            continue
        name = " ".join(words)
        start = text.rfind(words[0], m.start(1), m.end(1))
        ws.add(start, m.end(), "employer", registry.name_for(key_of(name)), reason="firmanavn med selskapsform")
        if len(words) > 1:
            learned.append(name)
    ws.commit()
    learned += _replace_names_with_og(ws, registry, lexicon, vocabulary)
    for name in list(learned):  # «Vestvik Fisk Harstad» is «Vestvik Fisk» too
        *head, last = name.split()
        if len(head) > 1 and (fold(last),) in lexicon.places.values:
            learned.append(" ".join(head))
            registry.alias(key_of(" ".join(head)), key_of(name))
    names = sorted(set(learned), key=len, reverse=True)
    if names:
        alternation = "|".join(re.escape(n) for n in names)
        for m in re.finditer(r"(?<![\w-])(?:" + alternation + r")(?![\w-])", ws.text, re.I):
            if not ws.lower_case and m.group() not in names and all(map(vocabulary.is_ordinary, phrase_key(m.group()))):
                continue  # «Nordisk Vask» is the company, «nordisk vask» in a capitalised text is not
            ws.add(m.start(), m.end(), "employer", registry.name_for(key_of(m.group())), reason="firmanavn sett før")
    ws.commit()

    text = ws.text
    for m in BUSINESS_RE.finditer(text):
        words = m.group(1).split()
        while words and words[0].casefold() in DESCRIBING_WORDS:
            words = words[1:]
        if not words or words[-1].casefold().rstrip("e") in lexicon.adjectives:
            continue  # «en thailandsk restaurant»
        if len(words) == 1 and words[0].casefold() in lexicon.chains.by_first:
            continue  # «radisson hotel fornebu»: a chain, its kind and its place are the chain pass's
        if (
            not _name_words_ok(words, lexicon, vocabulary, not ws.lower_case)
            or is_sentence_start(text, m.start(1))
            and vocabulary.is_ordinary(words[0].casefold())
        ):
            continue
        start = m.end(1) - len(" ".join(words))
        name = registry.name_for(key_of(text[start : m.end()]))
        ws.add(start, m.end(), "employer", name, reason="navn og bransjeord")
    ws.commit()
    for m in KIND_FIRST_RE.finditer(ws.text):
        before = prev_word(ws.text, m.start())
        if before is not None and before[1] == " " and before[0].capitalised:
            continue  # «Thon Hotel Drammen»: a chain's hotel, for the chain pass
        if m.group(1).casefold() not in DESCRIBING_WORDS:
            ws.add(m.start(), m.end(), "employer", registry.name_for(key_of(m.group())), reason="bransjeord og navn")
    ws.commit()
    _replace_business_compounds(ws, registry, lexicon)
    _replace_chains(ws, registry, lexicon, vocabulary)


# «Hotel Bragernes», «Restaurant Sjøbua»: the kind first, then a capitalised name
KIND_FIRST_RE = re.compile(r"(?<![\w-])(?:Hotel|Hotell|Restaurant|Kafé|Kafe|Café) ([A-ZÆØÅ][\w'’-]+)(?![\w-])")


# «Blomsterhuset på Tangen», «Rørhuset i Lom»: a compound that opens with a business noun, capitalised in the
# middle of a sentence, with «på»/«i» and a capitalised place after it.
BUSINESS_COMPOUND_RE = re.compile(
    r"(?<![\w-])((?:" + trie_pattern({n.capitalize() for n in BUSINESS_NOUNS}) + r")[a-zæøå]{4,}) (?:på|i) "
    r"([A-ZÆØÅ][\w-]+)(?![\w-])"
)


def _replace_business_compounds(ws: Workspace, registry: Registry, lexicon: Lexicon) -> None:
    if ws.lower_case:
        return
    text = ws.text
    for m in BUSINESS_COMPOUND_RE.finditer(text):
        if is_sentence_start(text, m.start()) or text[max(0, m.start() - 2) : m.start()].strip() in (":", "-"):
            continue
        if m.group(2).casefold() in lexicon.months or m.group(2).casefold() in DESCRIBING_WORDS:
            continue
        name = registry.name_for(key_of(m.group()))
        ws.add(m.start(), m.end(), "employer", name, reason="bransjeord i sammensetning og sted")
    ws.commit()


def _place_like(tok: Word | None, text: str, lexicon: Lexicon, vocabulary: Vocabulary) -> bool:
    if tok is None or tok.key in DESCRIBING_WORDS or tok.key in lexicon.months:
        return False
    if match_phrase(lexicon.places, text, tok):
        return True
    return tok.capitalised or not vocabulary.is_ordinary(tok.key) or tok.key.endswith(("gata", "veien", "vegen"))


_CHAIN_PATTERNS: dict[int, re.Pattern[str]] = {}


def _chain_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """The first words of every chain name as one case-insensitive regex (whole words)."""
    pattern = _CHAIN_PATTERNS.get(id(lexicon))
    if pattern is None:
        pattern = re.compile(r"(?<![\w'’-])(?:" + trie_pattern(set(lexicon.chains.by_first)) + r")(?![\w'’-])", re.I)
        _CHAIN_PATTERNS[id(lexicon)] = pattern
    return pattern


_SHOP_NOUN_RE = re.compile(r" (?:apotek|butikk|butikken|hotell|hotel|senter|varehus|lager)(?= [^\W\d_])", re.I)


def _replace_chains(ws: Workspace, registry: Registry, lexicon: Lexicon, vocabulary: Vocabulary) -> None:
    text = ws.text
    for m in _chain_pattern(lexicon).finditer(text):
        tok = Word.of(m)
        hit = match_phrase(lexicon.chains, text, tok)
        if hit is None:
            continue
        last, key = hit
        ordinary_word = lexicon.chains.values[key] == "*"
        end = chain_end = last.end
        shop = _SHOP_NOUN_RE.match(text, end)
        if shop and text[shop.end() : shop.end() + 1] == " " and word_at(text, shop.end() + 1) is not None:
            end = shop.end()  # «Boots apotek Linderud»: the kind of shop between chain and place
        after = text[end : end + 4]
        gap = (
            4 if after.startswith((" på ", " i ")) and after.startswith(" på ") else 3 if after.startswith(" i ") else 1
        )
        place = word_at(text, end + gap) if text[end : end + 1] == " " else None
        if place is not None and (
            _place_like(place, text, lexicon, vocabulary)
            or (ws.lower_case and place.key not in DESCRIBING_WORDS and vocabulary.frequency(place.key) < 4.5)
        ):
            hit2 = match_phrase(lexicon.places, text, place)
            place_end = hit2[0].end if hit2 else place.end
            ws.add(
                tok.start,
                place_end,
                "employer",
                registry.name_for(key_of(text[tok.start : place_end])),
                reason="kjede og sted",
            )
            continue
        end = chain_end
        if tok.capitalised and not tok.text.isupper() or (tok.text.isupper() and len(tok.text) > 2):
            if ordinary_word and is_sentence_start(text, tok.start):
                ws.note_uncertain(tok.start, end, "employer", "kjedenavn som også er et vanlig ord")
                continue
            ws.add(tok.start, end, "employer", registry.name_for(" ".join(key)), reason="kjedenavn")
        elif not ordinary_word:
            ws.add(tok.start, end, "employer", registry.name_for(" ".join(key)), reason="kjedenavn", weak=True)
    ws.commit()
