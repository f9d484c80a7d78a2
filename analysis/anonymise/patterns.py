"""Direct identifiers recognised by their shape: e-mail, identity and account numbers, phones, addresses.

Rules (each is one pass; see analysis/anonymise/engine.py for the order):

1. **E-mail**: anything shaped like an e-mail address → «[e-post]».
2. **11-digit numbers** (``DDMMYYIIIKK``, optionally a space after the date), found by the project's one
   identity-number detector (analysis/core/identity.py): a valid fødselsnummer or D-nummer →
   «[fødselsnummer]» / «[D-nummer]», unless the word *konto* stands just before it. Otherwise a number
   passing the account check → «[kontonummer]»; otherwise, after a word like *fnr*/*personnummer*, still
   «[fødselsnummer]» (a mistyped number is still somebody's number).
3. **Account numbers in 4.2.5 grouping** (``1234.56.78901`` or with spaces) → «[kontonummer]» whether or
   not the check digit holds: the grouping itself says what it is.
4. **Phone numbers**: ``+47``/``0047`` and eight digits (plain or grouped), or eight digits grouped
   ``12 34 56 78`` / ``123 45 678`` / plain, starting with 2–9 → «[telefon]».
5. **Street addresses** → «[adresse]», in any case: a street name ending in a street word («…gata»,
   «…veien», «…vegen», «…svingen», «…terrasse» …, or a separate «gate»/«vei»/«terrasse» after one to three
   words: «Kongens gate», «bjørnstjerne bjørnsons gate») and a house number with an optional letter
   («12B», «12 b»). A name *without* a street word («Vestvika 12», «Tokerudberget 18») counts when a
   postcode follows, or when an address cue stands shortly before («adresse», «bor i», «bur i»,
   «flyttet til», «leilighet i»), or, for a capitalised name that is not ordinary vocabulary, after «i»/«på».
   «Postboks 123» too.
6. **Postcode + place**: four digits and a place («9008 Tromsø», «1473 lørenskog», «0150 OSLO») →
   «[postnummer og sted]». The place must be in the place lexicon, written in capitals, or not ordinary
   vocabulary; when the digits look like a year (1900–2099) a comma or an address must come just before.
"""

from __future__ import annotations

import re

from analysis.anonymise.lexicon import Lexicon, phrase_key
from analysis.anonymise.numbers import is_account_number
from analysis.anonymise.vocabulary import Vocabulary
from analysis.anonymise.workspace import MASK, Workspace
from analysis.core.identity import find_identity_numbers

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
ACCOUNT_GROUPED_RE = re.compile(r"(?<![\w.,/+-])\d{4}([. ])\d{2}\1\d{5}(?![\w]|[.,/-]\d)")
_PHONE_BODY = r"(?:\d{8}|\d{2}(?:[ .]\d{2}){3}|\d{3}[ .]\d{2}[ .]\d{3})"
PHONE_RE = re.compile(
    r"(?<![\w+.,/-])(?:(?:\+|00)47[ .-]?" + _PHONE_BODY + r"|(?=[2-9])" + _PHONE_BODY + r")(?![\w]|[ ./-]?\d)"
)
_ID_CONTEXT_RE = re.compile(
    r"(?:f\.?\s?nr|fødselsn(?:ummer|r)|personn(?:ummer|r)|p\.?nr|d-n(?:ummer|r)|id-n(?:ummer|r))\W*$", re.I
)
_ACCOUNT_CONTEXT_RE = re.compile(r"konto\w*\W*(?:n(?:umme)?r\.?\W*)?$", re.I)

_STREET_COMPOUND = (
    r"(?:gata|gaten|gate|veien|vegen|veita|vei|veg|plassen|plass|stien|stie|svingen|tunet|ringen|"
    r"kroken|torget|brygga|brygge|kaia|kaien|alléen|allé|terrassen|lia|lii|bakken|haugen|åsen|"
    r"jordet|løkka|løkken|tunet|grenda|skogen|haugen|berget|vika|viken|stubben|haven|sletta|flata|flaten|"
    r"been|myra|moen|tangen|vollen|lunden|enga|engen)"
)
_STREET_WORD = r"(?:gate|gata|gaten|gt\.|vei|veg|veien|vegen|allé|plass|brygge|torg|terrasse|ring|vie|stien|sving)"
_HOUSE = r" (?!0)\d{1,4}(?: ?[A-Za-z](?![\w]))?(?: ?[HU]\d{4}(?!\w))?(?![\w]|[.,]\d)"
_NAME = r"[^\W\d_][\w'’.-]*"
ADDRESS_RE = re.compile(
    r"(?<![\w-])(?:(?:"
    + _NAME
    + r" ){1,3}"
    + _STREET_WORD
    + r"|[^\W\d_][^\W\d_]*?"
    + _STREET_COMPOUND
    + r"|[Pp]ostboks)"
    + _HOUSE,
    re.I,
)
# A name and a house number, without a street word: needs a postcode after or an address cue before. The name
# words hold no full stop, so no sentence boundary lies inside («… i Oslo. Barna er 4»).
_BARE_NAME = r"[^\W\d_][\w'’-]*"
BARE_ADDRESS_RE = re.compile(r"(?<![\w-])((?:" + _BARE_NAME + r" ){0,2}" + _BARE_NAME + r")" + _HOUSE)
_ADDRESS_CUE_RE = re.compile(
    r"(?<![\w-])(?:adresse\w*(?: er| blir)?|bor(?: nå)?(?: i| på)|bur(?: i| på)|bodde(?: i| på)|"
    r"flytt\w*(?: inn)? (?:til|i)|leilighet(?:en)? i|står som|skrev|holder til i|post til|sendes til)\W{0,3}\Z",
    re.I,
)
# A number of something after the name is no house number: «bor i Oslo 3 dager i uka», «på Nydalen 2 ganger».
_COUNTED_AFTER_RE = re.compile(
    r"\s+(?:dager|dag|uker|uke|måneder|mnd|år|timer|time|ganger|gang|barn|personer|kr|kroner|prosent|av|til|"
    r"eller|og\s+\d)\b|\.\s*(?:jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)",
    re.I,
)
_POSTCODE_AFTER_RE = re.compile(r", ?\d{4} ")
POSTCODE_RE = re.compile(
    r"(?<![\w.,/+-])(\d{4})[ \u00a0]+([^\W\d_][\w-]*(?: (?:i|og) [^\W\d_][\w-]*| [^\W\d_][\w-]*)?)"
)
# Words that end a street name's run backwards: they open the sentence or the clause, not the name.
LEADING_FUNCTION_WORDS = frozenset(
    "i på hos fra til med ved for og etter før som den det de en et han hun hen vi jeg du da nå der her hvis "
    "når men så mens uten mot under over om av både enten fordi selv alle mange noen flere ny nye også bare "
    "kun nesten dette disse denne jobb jobben ansatt er var bor bur adresse adressen adressa ny gammel gamle "
    "skrev står sak uke kl rom kontor side vg klasse trinn nr tlf mob fortsatt fremdeles framleis ennå enda kanskje "
    "visst jo vel ikke nok".split()
)
NOT_STREET_NAMES = frozenset(
    "sak uke kl rom kontor side vg klasse trinn nr tlf mob tabell figur kapittel vedlegg punkt linje buss "
    "trikk bane rute runde dag år alder måned time timer versjon fase steg nivå del siden sidan sia fra frå til "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


_INNER_PREPOSITION_RE = re.compile(r"(?<![\w-])(?:i|på|hos|fra|til|ved|mot)[ \n]", re.I)


_AREA_PREFIX_RE = re.compile(r"(?<![\w-])(?:Vestre|Østre|Søndre|Nordre|Øvre|Nedre|Store|Lille|Gamle|Nye) \Z")


def _trim_leading(text: str, start: int, end: int) -> int:
    """Move ``start`` past function words («I Storgata 3» → «Storgata 3»), and past the last preposition inside
    («på kontoret i christies gate 3» → «christies gate 3»): a street's name holds none."""
    inner = [m.end() for m in _INNER_PREPOSITION_RE.finditer(text, start, end)]
    if inner:
        start = inner[-1]
    while True:
        m = re.match(r"([^\s]+)[ \n]", text[start:end])
        if not m or m.group(1).casefold() not in LEADING_FUNCTION_WORDS:
            return start
        start += m.end()


def replace_emails(ws: Workspace) -> None:
    for m in EMAIL_RE.finditer(ws.text):
        ws.add(m.start(), m.end(), "email", "[e-post]", reason="e-postadresse")
    ws.commit()


def _birth_date_like(digits: str) -> bool:
    """The first six digits read as a day and month the way identity numbers write them (D-number day + 40,
    H-number or test month + 40 / + 80), whatever the year."""
    day, month = int(digits[:2]), int(digits[2:4])
    day -= 40 if day > 40 else 0
    month -= 80 if month > 80 else 40 if month > 40 else 0
    return 1 <= day <= 31 and 1 <= month <= 12


def replace_identity_and_account_numbers(ws: Workspace) -> None:
    for found in find_identity_numbers(ws.text):
        before = ws.text[max(0, found.start - 40) : found.start]
        number, original = found.number, ws.text[found.start : found.end]
        if number.valid and not _ACCOUNT_CONTEXT_RE.search(before):
            if number.kind == "dnr":
                ws.add(found.start, found.end, "d_number", "[D-nummer]", reason="gyldig D-nummer")
            else:
                ws.add(found.start, found.end, "identity_number", "[fødselsnummer]", reason="gyldig fødselsnummer")
        elif _birth_date_like(number.digits) and (" " in original or number.checksum_valid):
            # «228750 79690»: written as a fødselsnummer, or with its check digits right, but with an individual
            # number the register never gives in that century (a typo, or a test number): still somebody's
            kind, label = ("d_number", "[D-nummer]") if number.kind == "dnr" else ("identity_number", "[fødselsnummer]")
            ws.add(found.start, found.end, kind, label, reason="11 sifre som begynner med en dato")
        elif is_account_number(number.digits) and " " not in original:
            ws.add(found.start, found.end, "account_number", "[kontonummer]", reason="kontrollsiffer for konto")
        elif _ID_CONTEXT_RE.search(before):
            ws.add(found.start, found.end, "identity_number", "[fødselsnummer]", reason="11 sifre etter fnr")
        elif _ACCOUNT_CONTEXT_RE.search(before):
            ws.add(found.start, found.end, "account_number", "[kontonummer]", reason="11 sifre etter «konto»")
    ws.commit()
    for m in ACCOUNT_GROUPED_RE.finditer(ws.text):
        ws.add(m.start(), m.end(), "account_number", "[kontonummer]", reason="kontonummer (4.2.5)")
    ws.commit()


def replace_phones(ws: Workspace) -> None:
    for m in PHONE_RE.finditer(ws.text):
        ws.add(m.start(), m.end(), "phone", "[telefon]", reason="telefonnummer")
    ws.commit()


_STREET_ENDINGS = tuple(
    {w.replace("\\", "") for w in (*_STREET_COMPOUND[3:-1].split("|"), *_STREET_WORD[3:-1].split("|"))} | {"postboks"}
)
_BEFORE_NUMBER_RE = re.compile(r"(?<=[^\W\d_])\.? (?=\d)")


def _street_addresses(text: str) -> list[re.Match[str]]:
    """What ADDRESS_RE finds, found fast: look for a street word right before a number first («…gata 12»), and
    run the full pattern only around those."""
    found: dict[int, re.Match[str]] = {}
    for hint in _BEFORE_NUMBER_RE.finditer(text):
        end = hint.start()
        start = end
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        word = text[start:end].casefold() + ("." if text[end] == "." else "")
        if not word.endswith(_STREET_ENDINGS):
            continue
        for m in ADDRESS_RE.finditer(text, max(0, start - 120), min(len(text), hint.end() + 40)):
            full = ADDRESS_RE.match(text, m.start())  # the window's end must not cut the match short
            if full is not None and full.start() <= end < full.end():
                found.setdefault(full.start(), full)
    return [found[k] for k in sorted(found)]


def replace_addresses(ws: Workspace, lexicon: Lexicon, vocabulary: Vocabulary) -> None:
    text = ws.text
    for m in _street_addresses(text):
        start = _trim_leading(text, m.start(), m.end())
        first = text[start : m.end()].split(" ", 1)[0].casefold()
        if first in NOT_STREET_NAMES:
            continue
        prefix = _AREA_PREFIX_RE.search(text, max(0, start - 10), start)
        if prefix:
            start = prefix.start()  # «Vestre Elvbakken 9», «Øvre Slottsgate 3»: the prefix is part of the name
        ws.add(start, m.end(), "street_address", "[adresse]", reason="gatenavn og husnummer")
    ws.commit()
    text = ws.text
    for m in BARE_ADDRESS_RE.finditer(text):
        start = _trim_leading(text, m.start(1), m.end(1))
        for w in re.finditer(r"\S+ ", text[start : m.end(1)]):  # «flyttet til Sjølyststranda 3B»: after the cue
            if _ADDRESS_CUE_RE.search(text, max(0, start - 40), start + w.end()):
                start += w.end()
                break
        start = _trim_leading(text, start, m.end(1))
        if not ws.lower_case:  # «på kontoret i Forusbeen 35»: a street's name opens with a capital
            while start < m.end(1) and text[start].islower() and " " in text[start : m.end(1)]:
                start = text.index(" ", start) + 1
        if start >= m.end(1):
            continue
        words = text[start : m.end(1)].split(" ")
        if any(w.casefold() in NOT_STREET_NAMES or w.casefold() in lexicon.months for w in words):
            continue
        postcode_after = _POSTCODE_AFTER_RE.match(text, m.end()) is not None
        if _COUNTED_AFTER_RE.match(text, m.end()) or (
            phrase_key(" ".join(words)) in lexicon.places.values and not postcode_after
        ):
            continue  # «bor i Oslo 3 dager», «flyttet til Sandvika 1. mai»: a place and a number, no address
        before = text[max(0, start - 40) : start]
        cue = _ADDRESS_CUE_RE.search(before) is not None
        loc = re.search(r"(?:^|\s)(?:i|på)\s\Z", before) is not None
        name_like = (words[0][0].isupper() or ws.lower_case) and not vocabulary.is_ordinary(words[-1].casefold())
        if postcode_after or cue or (loc and name_like):
            ws.add(
                start,
                m.end(),
                "street_address",
                "[adresse]",
                reason="navn og husnummer" + (" før postnummer" if postcode_after else " etter adresse-ord"),
            )
    ws.commit()


def replace_postcodes(ws: Workspace, lexicon: Lexicon, vocabulary: Vocabulary) -> None:
    text = ws.text
    for m in POSTCODE_RE.finditer(text):
        code, place = m.group(1), m.group(2)
        first = place.split(" ")[0]
        words = place.split(" ")
        if phrase_key(place) in lexicon.places.values:
            matched = place
        elif (
            len(words) == 3
            and words[1] == "i"
            and words[2][:1].isupper()
            and phrase_key(words[2]) in lexicon.places.values
        ):
            matched = place  # «3800 Bø i Telemark»: a post town named with its county
        elif phrase_key(first) in lexicon.places.values or (first.isupper() and len(first) > 1):
            matched = first
        elif not vocabulary.is_ordinary(first.casefold()) and first.casefold() not in lexicon.months:
            matched = first
        elif re.search(MASK + r",? ?\Z", text[max(0, m.start() - 3) : m.start()]):
            matched = first  # «[adresse], 9020 tromsdalen»: a postcode after an address names its place
        else:
            continue
        if 1900 <= int(code) <= 2099:
            before = text[max(0, m.start() - 3) : m.start()]
            if "," not in before and MASK not in text[max(0, m.start() - 4) : m.start()]:
                continue
        ws.add(
            m.start(), m.start(2) + len(matched), "postcode_place", "[postnummer og sted]", reason="postnummer og sted"
        )
    ws.commit()
