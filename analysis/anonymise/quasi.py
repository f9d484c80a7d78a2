"""Quasi-identifiers, generalised rather than deleted: dates, ages, country of origin, gendered pronouns.

A quasi-identifier is harmless alone and identifying in combination («a 34-year-old Eritrean woman who
started on 12 March 2019 at NAV Harstad»). Deleting them would ruin the narrative, so they are coarsened:

1. **Exact dates**: see analysis/anonymise/dates.py.
2. **Ages** → decade: «34 år gammel», «er/var/blir/ble/fylte 34 år», «Kandidat A (34 år)», «alder: 34» →
   «i 30-årene»; under 10 → «under 10 år», 10–19 → «i tenårene». «en 34-åring» → «en person i 30-årene»,
   «34-åringen» → «personen i 30-årene», «34-årige» → «30–39-årige». Durations («i 34 år», «34 år
   siden», «etter 3 år») are not ages and stay; only the listed age contexts are touched. Also a bare
   number in parentheses after a name («Hodan (9)» → «(under 10 år)»), a bare number after «er», «fylte»,
   «nettopp» that ends the clause («han er 29, ikke 31»), and a list of children's ages («tre barn, 9, 12
   og 15 år»).
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

import re

from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.workspace import MASK, Word, Workspace, capitalise_first, match_phrase, prev_word, trie_pattern

_AGE_VERB = r"(?:er|var|blir|ble|fyller|fylte|fylt|nå|som)"
_ADVERB = r"(?:(?:nå|forresten|bare|nettopp|faktisk|snart|ca\.?|omtrent|cirka|allerede|egentlig)\s+)?"
AGE_VERB_RE = re.compile(
    r"(?<![\w])(" + _AGE_VERB + r"\s+" + _ADVERB + r")(\d{1,3})\s+år(?:\s+gam(?:mel|le))?(?![\w])", re.I
)
AGE_GAMMEL_RE = re.compile(r"(?<![\w.,])(\d{1,3})\s+år\s+gam(?:mel|le)(?![\w])", re.I)
AGE_NOUN_RE = re.compile(r"(?<![\w.,])(en\s+)?(\d{1,3})-åring(en|er|ene)?(?![\w])", re.I)
AGE_ADJ_RE = re.compile(r"(?<![\w.,])(\d{1,3})-årig(e)?(?![\w])", re.I)
AGE_ALDER_RE = re.compile(r"(?<![\w])(alder\s*:?\s*)(\d{1,3})(?:\s+år)?(?![\w]|[.,]\d)", re.I)
AGE_APPOSITION_RE = re.compile(r"([,(] ?)(\d{1,3}) år(?= ?[,).;]|\s*$)", re.M)
AGE_PAREN_RE = re.compile(r"(?<=[\w\ue000] )\((\d{1,2})\)(?!\w)")
# «han er 29, ikke 31», «Hun er 39.», «nettopp 30», «fylte 40 i februar», «er 12, han …»
AGE_BARE_RE = re.compile(
    r"(?<![\w])((?:er|var|blir|ble|fyller|fylte|fylt|nettopp|bare|snart)\s+(?:nå\s+|nettopp\s+|bare\s+)?)"
    r"(\d{1,2})(?=[,.;)]|\s*$|\s+(?:nå|og|ikke|i\s+(?:januar|februar|mars|april|mai|juni|juli|august|september|"
    r"oktober|november|desember|fjor|år|dag|går|høst|vår|sommer|vinter)))",
    re.I | re.M,
)
AGE_NOT_RE = re.compile(r"(,?\s*ikke\s+)(\d{1,2})(?![\w%])(?!\s*(?:%|prosent|kr|timer|dager|uker|år\s+siden))", re.I)
AGE_LIST_RE = re.compile(r"barn,\s+((?:\d{1,2},\s+)*\d{1,2})\s+og\s+(\d{1,2})( år)?", re.I)
_WORD_BEFORE_RE = re.compile(r"(\S+) ?\Z")
PERSON_NOUNS = frozenset(
    "kvinne kvinnen mann mannen kandidat kandidaten deltaker deltakeren søker søkeren person personen jente "
    "jenta gutt gutten sønn sønnen datter datteren mor moren far faren bruker brukeren".split()
)

LANGUAGE_CONTEXT = frozenset(
    "snakker snakket snakke snakk forstår forsto forstå lærer lærte lære på morsmål morsmålet morsmålene "
    "tolk tolken tolker språket språk litt godt flytende kan kunne".split()
)
SUBJECT_NOUNS = frozenset(
    "lærer lærar lærerutdanning undervisning undervisningen kurs kurset eksamen opplæring "
    "opplæringen timer karakter utdanning".split()
)
PRONOUNS = {"han": "hen", "hun": "hen", "ham": "hen", "henne": "hen", "hans": "hens", "hennes": "hens"}
PRONOUN_RE = re.compile(r"(?<![\w'’-])(?:han|hun|ham|henne|hans|hennes)(?![\w'’-])", re.I)


def decade(age: int) -> str:
    if age < 10:
        return "under 10 år"
    if age < 20:
        return "i tenårene"
    return f"i {age // 10 * 10}-årene"


def _age(ws: Workspace, start: int, end: int, age: int, template: str = "{decade}", reason: str = "alder") -> None:
    if age > 110:
        return
    text = template.format(decade=decade(age), lo=age // 10 * 10, hi=age // 10 * 10 + 9)
    ws.add(start, end, "age", text, reason=reason)


def replace_ages(ws: Workspace) -> None:
    for m in AGE_VERB_RE.finditer(ws.text):
        _age(ws, m.start(2), m.end(), int(m.group(2)), reason="alder etter verb")
    ws.commit()
    for m in AGE_GAMMEL_RE.finditer(ws.text):
        _age(ws, m.start(), m.end(), int(m.group(1)), reason="alder («år gammel»)")
    ws.commit()
    for m in AGE_NOUN_RE.finditer(ws.text):
        article, age, ending = m.group(1), int(m.group(2)), (m.group(3) or "").casefold()
        template = {"en": "personen {decade}", "ene": "personene {decade}", "er": "personer {decade}"}.get(
            ending, ("en " if article else "") + "person {decade}"
        )
        _age(ws, m.start(), m.end(), age, template, reason="«-åring»")
    ws.commit()
    for m in AGE_ADJ_RE.finditer(ws.text):
        _age(ws, m.start(), m.end(), int(m.group(1)), "{lo}–{hi}-årig" + (m.group(2) or ""), reason="«-årig»")
    ws.commit()
    for m in AGE_ALDER_RE.finditer(ws.text):
        _age(ws, m.start(2), m.end(), int(m.group(2)), reason="«alder»")
    ws.commit()
    for m in AGE_APPOSITION_RE.finditer(ws.text):
        before = _WORD_BEFORE_RE.search(ws.text, max(0, m.start() - 40), m.start())
        word = before.group(1) if before else ""
        if ws.kind_before(m.start()) == "person" or word.casefold() in PERSON_NOUNS or word.endswith(MASK):
            _age(ws, m.start(2), m.end(), int(m.group(2)), reason="alder som innskudd")
    ws.commit()
    for m in AGE_PAREN_RE.finditer(ws.text):
        if ws.kind_before(m.start()) == "person" or ws.text[max(0, m.start() - 2) : m.start()].strip()[-1:].isalpha():
            _age(ws, m.start(), m.end(), int(m.group(1)), "({decade})", reason="tall i parentes etter navn")
    ws.commit()
    for m in AGE_BARE_RE.finditer(ws.text):
        _age(ws, m.start(2), m.end(2), int(m.group(2)), reason="tall som alder etter «er»/«fylte»")
    ws.commit()
    for m in AGE_NOT_RE.finditer(ws.text):
        if ws.kind_before(m.start()) == "age":
            _age(ws, m.start(2), m.end(2), int(m.group(2)), reason="rettet alder («ikke 31»)")
    ws.commit()
    for m in AGE_LIST_RE.finditer(ws.text):
        for g in re.finditer(r"\d{1,2}", m.group(1)):
            _age(ws, m.start(1) + g.start(), m.start(1) + g.end(), int(g.group()), reason="liste over barns alder")
        last = m.group(2)
        _age(ws, m.start(2), m.end(2) + (len(" år") if m.group(3) else 0), int(last), reason="liste over barns alder")
    ws.commit()


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


_COMPASS = r"(?:nord|sør|øst|vest|nordøst|nordvest|sørøst|sørvest|midt|sentral)"
# «somalisk-norsk», «arabisktalende»: an origin word glued to a hyphenated tail or to «talende».
ORIGIN_COMPOUND_RE = re.compile(r"(?<![\w-])([^\W\d_]+?)(-[^\W\d_]+|talende)(?![\w-])", re.I)


def _replace_origin_compounds(ws: Workspace, lexicon: Lexicon) -> None:
    """«Nord-Irak», «øst-Sudan» → the region; «somalisk-norsk» → «østafrikansk-norsk»; «arabisktalende»."""
    for m in re.finditer(r"(?<![\w-])" + _COMPASS + r"-([^\W\d_]+)(?![\w-])", ws.text, re.I):
        region = lexicon.countries.values.get((m.group(1).casefold(),))
        if region:
            ws.add(m.start(), m.end(), "origin", region, reason="landsdel i et annet land", capitalise=False)
    for m in ORIGIN_COMPOUND_RE.finditer(ws.text):
        key = m.group(1).casefold()
        region = lexicon.adjectives.get(key) or lexicon.languages.get(key)
        if region and key not in ("norsk", "engelsk"):
            adjective = lexicon.region_adjectives[region]
            new = adjective + m.group(2)
            ws.add(
                m.start(),
                m.end(),
                "origin",
                capitalise_first(new) if m.group(1)[0].isupper() else new,
                reason="sammensatt opprinnelsesord",
                capitalise=False,
            )
    ws.commit()


def replace_origins(ws: Workspace, lexicon: Lexicon) -> None:
    _replace_origin_compounds(ws, lexicon)
    text = ws.text
    consumed = 0
    for m in _origin_pattern(lexicon).finditer(text):
        if m.start() < consumed:
            continue
        tok = Word.of(m)
        found = _origin_at(text, tok, lexicon, ws.lower_case)
        if found is None:
            continue
        end, replacement, is_country = found
        if tok.capitalised:
            replacement = capitalise_first(replacement)
        ws.add(tok.start, end, "origin", replacement, reason="land, språk eller nasjonalitet", capitalise=False)
        consumed = end
    ws.commit()


def _origin_at(text: str, tok: Word, lexicon: Lexicon, lower_case: bool) -> tuple[int, str, bool] | None:
    """(end offset, replacement, whether it was a country name) for an origin word at ``tok``."""
    key = tok.key
    if tok.capitalised or lower_case:
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
        if (
            before is not None
            and not before[1].startswith(".")
            and (before[0].key in LANGUAGE_CONTEXT or _teaches_in(text, before[0]))
        ):
            return tok.end, f"et {adjective} språk", False
        return tok.end, adjective, False
    if key.endswith("e") and key[:-1] in lexicon.adjectives:
        return tok.end, lexicon.region_adjectives[lexicon.adjectives[key[:-1]]] + "e", False
    if key in lexicon.demonyms:
        region, noun = lexicon.demonyms[key]
        return tok.end, f"{noun} fra {region}", False
    return None


def _teaches_in(text: str, before: Word) -> bool:
    """«lærer i arabisk», «undervisning i polsk»: the adjective names a school subject, a language."""
    if before.key != "i":
        return False
    two_back = prev_word(text, before)
    return two_back is not None and two_back[0].key in SUBJECT_NOUNS


def replace_pronouns(ws: Workspace) -> None:
    for m in PRONOUN_RE.finditer(ws.text):
        word = m.group(0)
        new = PRONOUNS[word.casefold()]
        if word.isupper() and len(word) > 1:
            new = new.upper()
        elif word[0].isupper():
            new = capitalise_first(new)
        ws.add(m.start(), m.end(), "pronoun", new, reason="kjønnet pronomen")
    ws.commit()
