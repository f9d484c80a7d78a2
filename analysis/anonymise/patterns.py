"""Direct identifiers recognised by their shape, and employers recognised by company form or deny-list.

Rules (each is one pass, in this order; see analysis/anonymise/engine.py for the full pipeline):

1. **E-mail**: anything shaped like an e-mail address → «[e-post]».
2. **11-digit numbers** (``DDMMYYIIIKK``, optionally a space after the date): a valid fødselsnummer or
   D-nummer (date + both mod-11 digits, analysis/anonymise/numbers.py) → «[fødselsnummer]» / «[D-nummer]»,
   unless the word *konto* stands just before it, which makes it an account. Otherwise a number passing the
   account check → «[kontonummer]»; otherwise, after a word like *fnr*/*personnummer*, still
   «[fødselsnummer]» (a mistyped number is still somebody's number). Any other 11-digit number is left.
3. **Account numbers in 4.2.5 grouping** (``1234.56.78901`` or with spaces) → «[kontonummer]» whether or
   not the check digit holds: the grouping itself says what it is.
4. **Phone numbers**: ``+47``/``0047`` followed by eight digits (plain or grouped), or eight digits grouped
   ``12 34 56 78`` / ``123 45 678`` / plain ``12345678`` starting with 2–9 (Norwegian numbers never start
   with 0 or 1) → «[telefon]». A group that continues into more digits (a row of figures) is not a phone.
5. **Employers named in the user's deny-list** (case-insensitive, whole words) → «Arbeidsgiver N».
6. **Company-form names**: up to six capitalised words (or numbers, «&», and «og» between capitalised
   words: «Hansen Bygg og Anlegg AS»; a line break may stand for a space, except after a word that opens
   its line or follows a colon, which is a heading or label) before ``AS``, ``ASA``, ``SA``,
   ``ANS``, ``DA`` or ``NUF`` in capitals («Rema Bygg AS», «Fjord Fisk ASA») → «Arbeidsgiver N». Capitalised
   function words that merely open the sentence («I», «Hos», «Etter» ...) are not part of the name, nor are
   person names before «og» («Per Olsen og Fjord Fisk AS»). The name
   without its form is remembered, so a later «Rema Bygg» alone gets the same pseudonym.
7. **Street addresses**: a street name ending in a street word (``…gata``, ``…veien``, ``…vegen``,
   ``…plass``, ``…allé`` ..., or a separate ``gate``/``vei``/``veg`` after one to three capitalised words:
   «Kongens gate», «Olav Tryggvasons gate») followed by a house number with an optional letter → «[adresse]».
   «Postboks 123» too.
8. **Postcode + place**: four digits and a capitalised place (``9008 Tromsø``, ``0150 OSLO``) →
   «[postnummer og sted]». The place must be in the place lexicon or written in capitals; when the four
   digits look like a year (1900–2099) a comma or an address must come just before, so «i 2019 Oslo
   kommune» is not a postcode.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.anonymise.lexicon import Lexicon, phrase_key
from analysis.anonymise.numbers import is_account_number
from analysis.anonymise.workspace import SENTINEL_RE, Registry, Workspace, is_sentence_start
from analysis.core.identity import IdentityMatch, find_identity_numbers

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
ACCOUNT_GROUPED_RE = re.compile(r"(?<![\w.,/+-])\d{4}([. ])\d{2}\1\d{5}(?![\w]|[.,/-]\d)")
_PHONE_BODY = r"(?:\d{8}|\d{2}(?:[ .]\d{2}){3}|\d{3}[ .]\d{2}[ .]\d{3})"
PHONE_RE = re.compile(
    r"(?<![\w+.,/-])(?:(?:\+|00)47[ .-]?" + _PHONE_BODY + r"|(?=[2-9])" + _PHONE_BODY + r")(?![\w]|[ ./-]?\d)"
)
_ID_CONTEXT_RE = re.compile(r"(?:f\.?\s?nr|fødselsn(?:ummer|r)|personn(?:ummer|r)|p\.?nr|d-n(?:ummer|r)|id-n(?:ummer|r))\W*$", re.I)
_ACCOUNT_CONTEXT_RE = re.compile(r"konto\w*\W*(?:n(?:umme)?r\.?\W*)?$", re.I)

_UPPER = "A-ZÆØÅÄÖÜÉ"
COMPANY_RE = re.compile(
    r"(?<![\w-])((?:(?:[" + _UPPER + r"0-9][\w'’.&-]*|&|og(?=[ \n][" + _UPPER + r"]))[ \n]){1,6})(AS|ASA|SA|ANS|DA|NUF)(?![\w-])"
)
_STREET_COMPOUND = r"(?:gata|gaten|gate|veien|vegen|veita|vei|veg|plassen|plass|stien|svingen|tunet|ringen|kroken|torget|brygga|brygge|kaia|kaien|alléen|allé)"
_STREET_WORD = r"(?:gate|gata|gaten|gt\.|vei|veg|veien|vegen|allé|plass|brygge|torg)"
ADDRESS_RE = re.compile(
    r"(?<![\w-])(?:(?:[" + _UPPER + r"][\w'’.-]* ){1,3}" + _STREET_WORD
    + r"|[" + _UPPER + r"][^\W\d_]*?" + _STREET_COMPOUND + r"|Postboks)"
    + r" \d{1,4}(?: ?[A-Za-z](?![\w]))?(?: ?[HU]\d{4}(?!\w))?(?![\w]|[.,]\d)"
)
POSTCODE_RE = re.compile(
    r"(?<![\w.,/+-])(\d{4})[ \u00a0]+([" + _UPPER + r"][\w-]*(?: (?:i|og) [" + _UPPER + r"][\w-]*| [" + _UPPER + r"][\w-]*)?)"
)

# Capitalised words that open a sentence and so end up in front of a company or street name.
LEADING_FUNCTION_WORDS = frozenset(
    "i på hos fra til med ved for og etter før som den det de en et han hun hen vi jeg du da nå der her hvis "
    "når men så mens uten mot under over om av både enten fordi selv alle mange noen flere ny nye også bare "
    "kun nesten dette disse denne jobb jobben ansatt".split()
)


def _trim_leading(text: str, start: int, end: int) -> int:
    """Move ``start`` past capitalised function words («I Rema Bygg AS» → «Rema Bygg AS»)."""
    while True:
        m = re.match(r"([^\s]+)[ \n]", text[start:end])
        if not m or m.group(1).casefold() not in LEADING_FUNCTION_WORDS:
            return start
        start += m.end()


def replace_emails(ws: Workspace) -> None:
    ws.text = EMAIL_RE.sub(lambda m: ws.protect("[e-post]", "email"), ws.text)


def replace_identity_and_account_numbers(ws: Workspace) -> None:
    def replacement(found: IdentityMatch, original: str) -> str:
        before = ws.text[max(0, found.start - 40):found.start]
        number = found.number
        if number.valid and not _ACCOUNT_CONTEXT_RE.search(before):
            return ws.protect("[D-nummer]", "d_number") if number.kind == "dnr" else ws.protect("[fødselsnummer]", "identity_number")
        if is_account_number(number.digits) and " " not in original:
            return ws.protect("[kontonummer]", "account_number")
        if _ID_CONTEXT_RE.search(before):  # a mistyped number after «fnr» is still somebody's number
            return ws.protect("[fødselsnummer]", "identity_number")
        return original

    parts: list[str] = []
    last = 0
    for found in list(find_identity_numbers(ws.text)):
        parts += [ws.text[last:found.start], replacement(found, ws.text[found.start:found.end])]
        last = found.end
    ws.text = "".join(parts) + ws.text[last:]
    ws.text = ACCOUNT_GROUPED_RE.sub(lambda m: ws.protect("[kontonummer]", "account_number"), ws.text)


def replace_phones(ws: Workspace) -> None:
    ws.text = PHONE_RE.sub(lambda m: ws.protect("[telefon]", "phone"), ws.text)


def _term_pattern(terms: Sequence[str], *, ignore_case: bool) -> re.Pattern[str] | None:
    cleaned = sorted({" ".join(t.split()) for t in terms if t.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    body = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in cleaned)
    return re.compile(r"(?<![\w-])(" + body + r")(s|')?(?![\w-])", re.I if ignore_case else 0)


def _employer_key(name: str) -> str:
    return " ".join(phrase_key(name))


def _drop_leading_person(name: str, lexicon: Lexicon) -> str:
    """«Per Olsen og Fjord Fisk» → «Fjord Fisk»: a full name in front of «og» is not the company.

    A single name stays («Hansen og Sønn ANS» is a company name); if it was a person, it is at least removed.
    """
    head, sep, tail = name.partition(" og ")
    if sep and len(head.split()) > 1 and all(lexicon.is_person_word(w) for w in head.split()):
        return tail
    return name


def replace_employers(ws: Workspace, registry: Registry, deny_list: Sequence[str], lexicon: Lexicon) -> None:
    """Deny-list terms, then company-form names, then later mentions of those names without the form."""
    pattern = _term_pattern(deny_list, ignore_case=True)
    if pattern:
        ws.text = pattern.sub(
            lambda m: ws.protect(registry.name_for(_employer_key(m.group(1))) + (m.group(2) or ""), "employer"), ws.text
        )

    learned: list[str] = []
    spans: list[tuple[int, int, str]] = []
    for m in COMPANY_RE.finditer(ws.text):
        start = _trim_leading(ws.text, m.start(1), m.end(1))
        if "\n" in ws.text[start:m.end(1)] and is_sentence_start(ws.text, start):
            # «Sak 1: Oppstart\nHansen og Sønn AS»: a heading or label line does not run into the name.
            start = ws.text.rindex("\n", start, m.end(1)) + 1
        name = ws.text[start:m.end(1)].strip()
        kept = _drop_leading_person(name, lexicon)
        start += len(name) - len(kept)
        name = kept
        if not re.search(r"[^\W\d_]", name):
            continue
        spans.append((start, m.end(), ws.protect(registry.name_for(_employer_key(name)), "employer")))
        if len(name.split()) > 1:
            learned.append(name)
    ws.splice(spans)

    pattern = _term_pattern(learned, ignore_case=False)
    if pattern:
        ws.text = pattern.sub(
            lambda m: ws.protect(registry.name_for(_employer_key(m.group(1))) + (m.group(2) or ""), "employer"), ws.text
        )


def replace_addresses(ws: Workspace) -> None:
    spans = []
    for m in ADDRESS_RE.finditer(ws.text):
        start = _trim_leading(ws.text, m.start(), m.end())
        spans.append((start, m.end(), ws.protect("[adresse]", "street_address")))
    ws.splice(spans)


def replace_postcodes(ws: Workspace, lexicon: Lexicon) -> None:
    def sub(m: re.Match[str]) -> str:
        code, place = m.group(1), m.group(2)
        first = place.split(" ")[0]
        if phrase_key(place) in lexicon.places.values:
            matched = place
        elif (phrase_key(first) in lexicon.places.values) or (first.isupper() and len(first) > 1):
            matched = first
        else:
            return m.group(0)
        if 1900 <= int(code) <= 2099:
            before = ws.text[max(0, m.start() - 3):m.start()]
            if "," not in before and not SENTINEL_RE.search(ws.text[max(0, m.start() - 12):m.start()]):
                return m.group(0)
        rest = place[len(matched):]
        return ws.protect("[postnummer og sted]", "postcode_place") + rest

    ws.text = POSTCODE_RE.sub(sub, ws.text)
