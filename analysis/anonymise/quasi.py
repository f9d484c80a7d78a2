"""Quasi-identifiers, generalised rather than deleted: dates, ages, country of origin, gendered pronouns.

A quasi-identifier is harmless alone and identifying in combination («a 34-year-old Eritrean woman who
started on 12 March 2019 at NAV Harstad»). Deleting them would ruin the narrative, so they are coarsened:

1. **Exact dates** («12. mars 2019», «mandag 12.03.2019», «2019-03-12», «12/3-2019», «den 12. mars») →
   season and year: «våren 2019» (March–May), «sommeren», «høsten»; winter spans two years, so January
   and February 2019 give «vinteren 2018/19» and December 2019 «vinteren 2019/20». A day and month without a
   year give the season alone. A preceding weekday or «den» goes with the date. Two-digit years are read as
   20xx when not in the future, else 19xx. Impossible dates (31.02.) are left as they are.
2. **Ages** → decade: «34 år gammel», «er/var/blir/ble/fylte 34 år», «Kandidat A (34 år)», «alder: 34» →
   «i 30-årene»; under 10 → «under 10 år», 10–19 → «i tenårene». «en 34-åring» → «en person i 30-årene»,
   «34-åringen» → «personen i 30-årene», «34-årige» → «30–39-årige». Durations («i 34 år», «34 år
   siden», «etter 3 år») are not ages and stay; only the listed age contexts are touched.
3. **Country of origin** → world region (data/lexicon/countries.tsv, regions.tsv): country names
   («fra Eritrea» → «fra Øst-Afrika»), adjectives («somalisk», «eritreiske» → «østafrikansk(e)»),
   demonyms («somalier», «eritreerne» → «person/personene fra Øst-Afrika») and languages
   («snakker tigrinja», «på polsk» → «snakker et østafrikansk språk», «på et østeuropeisk språk»). An
   adjective counts as a language after words like «snakker», «på», «morsmål», «tolk». Norwegian, English
   and Sámi are not touched.
4. **Gendered pronouns** (optional, ``gender_neutral=True`` / ``--hen``): han/hun/ham/henne → hen,
   hans/hennes → hens. Runs after names, so «Hans» the person is already a pseudonym.
"""

from __future__ import annotations

import datetime as dt
import re

from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.workspace import (
    Word,
    Workspace,
    capitalise_first,
    is_sentence_start,
    match_phrase,
    prev_word,
    trie_pattern,
)

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "desember": 12, "des": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_PREFIX = r"(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:en)?\s+)?(?:den\s+)?"
DATE_TEXT_RE = re.compile(
    r"(?<![\w])" + _PREFIX + r"(\d{1,2})\.\s*(" + _MONTH_ALT + r")\.?(?:\s+(\d{4}))?(?![\w])", re.I
)
DATE_NUMERIC_RE = re.compile(r"(?<![\w.,/-])" + _PREFIX + r"(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\w]|[.,/]\d)", re.I)
DATE_SLASH_DASH_RE = re.compile(r"(?<![\w.,/-])" + _PREFIX + r"(\d{1,2})/(\d{1,2})-(\d{4}|\d{2})(?![\w]|[.,/-]\d)", re.I)
DATE_ISO_RE = re.compile(r"(?<![\w.,/-])(\d{4})-(\d{2})-(\d{2})(?![\w]|[.,/-]\d)")

_AGE_VERB = r"(?:er|var|blir|ble|fyller|fylte|fylt|nå)"
AGE_VERB_RE = re.compile(r"(?<![\w])(" + _AGE_VERB + r"\s+(?:nå\s+)?)(\d{1,3})\s+år(?:\s+gam(?:mel|le))?(?![\w])", re.I)
AGE_GAMMEL_RE = re.compile(r"(?<![\w.,])(\d{1,3})\s+år\s+gam(?:mel|le)(?![\w])", re.I)
AGE_NOUN_RE = re.compile(r"(?<![\w.,])(en\s+)?(\d{1,3})-åring(en|er|ene)?(?![\w])", re.I)
AGE_ADJ_RE = re.compile(r"(?<![\w.,])(\d{1,3})-årig(e)?(?![\w])", re.I)
AGE_ALDER_RE = re.compile(r"(?<![\w])(alder\s*:?\s*)(\d{1,3})(?:\s+år)?(?![\w]|[.,]\d)", re.I)
AGE_APPOSITION_RE = re.compile(r"([,(] ?)(\d{1,3}) år(?= ?[,)])")
_WORD_BEFORE_RE = re.compile(r"(\S+) ?\Z")
PERSON_NOUNS = frozenset(
    "kvinne kvinnen mann mannen kandidat kandidaten deltaker deltakeren søker søkeren person personen jente "
    "jenta gutt gutten sønn sønnen datter datteren mor moren far faren bruker brukeren".split()
)

LANGUAGE_CONTEXT = frozenset(
    "snakker snakket snakke snakk forstår forsto forstå lærer lærte lære på morsmål morsmålet morsmålene "
    "tolk tolken tolker språket språk litt godt flytende kan kunne".split()
)
PRONOUNS = {"han": "hen", "hun": "hen", "ham": "hen", "henne": "hen", "hans": "hens", "hennes": "hens"}
PRONOUN_RE = re.compile(r"(?<![\w'’-])(?:han|hun|ham|henne|hans|hennes)(?![\w'’-])", re.I)


def season(year: int | None, month: int) -> str:
    if month in (3, 4, 5):
        name = "våren"
    elif month in (6, 7, 8):
        name = "sommeren"
    elif month in (9, 10, 11):
        name = "høsten"
    else:
        if year is None:
            return "vinteren"
        first = year - 1 if month <= 2 else year
        return f"vinteren {first}/{(first + 1) % 100:02d}"
    return name if year is None else f"{name} {year}"


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        now = dt.date.today().year % 100
        year += 2000 if year <= now else 1900
    return year


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _date_replacement(ws: Workspace, m: re.Match[str], year: int | None, month: int, day: int) -> str:
    if not _valid(year, month, day):
        return m.group(0)
    text = season(year, month)
    if is_sentence_start(ws.text, m.start(), after_colon=False):
        text = capitalise_first(text)
    return ws.protect(text, "date")


def replace_dates(ws: Workspace) -> None:
    ws.text = DATE_ISO_RE.sub(
        lambda m: _date_replacement(ws, m, int(m.group(1)), int(m.group(2)), int(m.group(3))), ws.text
    )
    ws.text = DATE_NUMERIC_RE.sub(
        lambda m: _date_replacement(ws, m, _full_year(m.group(4)), int(m.group(3)), int(m.group(1))), ws.text
    )
    ws.text = DATE_SLASH_DASH_RE.sub(
        lambda m: _date_replacement(ws, m, _full_year(m.group(3)), int(m.group(2)), int(m.group(1))), ws.text
    )
    ws.text = DATE_TEXT_RE.sub(
        lambda m: _date_replacement(
            ws, m, int(m.group(3)) if m.group(3) else None, MONTHS[m.group(2).casefold()], int(m.group(1))
        ),
        ws.text,
    )


def decade(age: int) -> str:
    if age < 10:
        return "under 10 år"
    if age < 20:
        return "i tenårene"
    return f"i {age // 10 * 10}-årene"


def _age_sub(ws: Workspace, m: re.Match[str], age: int, template: str) -> str:
    text = template.format(decade=decade(age), lo=age // 10 * 10, hi=age // 10 * 10 + 9)
    if is_sentence_start(ws.text, m.start(), after_colon=False):
        text = capitalise_first(text)
    return ws.protect(text, "age")


def replace_ages(ws: Workspace) -> None:
    ws.text = AGE_VERB_RE.sub(lambda m: m.group(1) + ws.protect(decade(int(m.group(2))), "age"), ws.text)
    ws.text = AGE_GAMMEL_RE.sub(lambda m: _age_sub(ws, m, int(m.group(1)), "{decade}"), ws.text)

    def noun(m: re.Match[str]) -> str:
        article, age, ending = m.group(1), int(m.group(2)), (m.group(3) or "").casefold()
        if ending == "en":
            return _age_sub(ws, m, age, "personen {decade}")
        if ending == "ene":
            return _age_sub(ws, m, age, "personene {decade}")
        if ending == "er":
            return _age_sub(ws, m, age, "personer {decade}")
        return _age_sub(ws, m, age, ("en " if article else "") + "person {decade}")

    ws.text = AGE_NOUN_RE.sub(noun, ws.text)
    ws.text = AGE_ADJ_RE.sub(lambda m: _age_sub(ws, m, int(m.group(1)), "{lo}–{hi}-årig" + (m.group(2) or "")), ws.text)
    ws.text = AGE_ALDER_RE.sub(lambda m: m.group(1) + ws.protect(decade(int(m.group(2))), "age"), ws.text)

    def apposition(m: re.Match[str]) -> str:
        before = _WORD_BEFORE_RE.search(ws.text, max(0, m.start() - 40), m.start())
        word = before.group(1) if before else ""
        if not (word.endswith("\ue001") or word.casefold() in PERSON_NOUNS):
            return m.group(0)
        return m.group(1) + ws.protect(decade(int(m.group(2))), "age")

    ws.text = AGE_APPOSITION_RE.sub(apposition, ws.text)


_ORIGIN_PATTERNS: dict[int, re.Pattern[str]] = {}


def _origin_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """One case-insensitive prefix-tree regex for every origin word, built once per lexicon."""
    pattern = _ORIGIN_PATTERNS.get(id(lexicon))
    if pattern is None:
        entries = {*lexicon.languages, *lexicon.demonyms, *(a + e for a in lexicon.adjectives for e in ("", "e"))}
        entries |= {first for first in lexicon.countries.by_first}
        entries |= {first + "s" for first in lexicon.countries.by_first}
        pattern = re.compile(r"(?<![^\W\d_'’-])(?:" + trie_pattern(entries) + r")(?![^\W\d_'’-])", re.I)
        _ORIGIN_PATTERNS[id(lexicon)] = pattern
    return pattern


def replace_origins(ws: Workspace, lexicon: Lexicon) -> None:
    text = ws.text
    spans: list[tuple[int, int, str]] = []
    consumed = 0
    for m in _origin_pattern(lexicon).finditer(text):
        if m.start() < consumed:
            continue
        tok = Word.of(m)
        found = _origin_at(text, tok, lexicon)
        if found is None:
            continue
        end, replacement, is_country = found
        if (is_country and is_sentence_start(text, tok.start, after_colon=False)) or (not is_country and tok.capitalised):
            replacement = capitalise_first(replacement)
        spans.append((tok.start, end, ws.protect(replacement, "origin")))
        consumed = end
    ws.splice(spans)


def _origin_at(text: str, tok: Word, lexicon: Lexicon) -> tuple[int, str, bool] | None:
    """(end offset, replacement, whether it was a country name) for an origin word at ``tok``."""
    key = tok.key
    if tok.capitalised:
        hit = match_phrase(lexicon.countries, text, tok)
        if hit:
            last, phrase = hit
            return last.end, lexicon.countries.values[phrase], True
        if key.endswith("s") and (key[:-1],) in lexicon.countries.values:
            return tok.end, lexicon.countries.values[(key[:-1],)] + "s", True
    if key in lexicon.languages and not key.endswith("sk"):
        return tok.end, f"et {lexicon.region_adjectives[lexicon.languages[key]]} språk", False
    if key in lexicon.adjectives:
        adjective = lexicon.region_adjectives[lexicon.adjectives[key]]
        before = prev_word(text, tok)
        if before is not None and not before[1].startswith(".") and before[0].key in LANGUAGE_CONTEXT:
            return tok.end, f"et {adjective} språk", False
        return tok.end, adjective, False
    if key.endswith("e") and key[:-1] in lexicon.adjectives:
        return tok.end, lexicon.region_adjectives[lexicon.adjectives[key[:-1]]] + "e", False
    if key in lexicon.demonyms:
        region, noun = lexicon.demonyms[key]
        return tok.end, f"{noun} fra {region}", False
    return None


def replace_pronouns(ws: Workspace) -> None:
    def sub(m: re.Match[str]) -> str:
        word = m.group(0)
        new = PRONOUNS[word.casefold()]
        if word.isupper() and len(word) > 1:
            new = new.upper()
        elif word[0].isupper():
            new = capitalise_first(new)
        return ws.protect(new, "pronoun")

    ws.text = PRONOUN_RE.sub(sub, ws.text)
