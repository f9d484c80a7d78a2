"""Quasi-identifiers, generalised rather than deleted: dates, ages, country of origin, gendered pronouns.

A quasi-identifier is harmless alone and identifying in combination («a 34-year-old Eritrean woman who
started on 12 March 2019 at NAV Harstad»). Deleting them would ruin the narrative, so they are coarsened:

1. **Exact dates**: see analysis/anonymise/dates.py.
2. **Ages** → decade («34 år», «en førtiåtteåring» → «i 30-årene», «en person i 40-årene»): see
   analysis/anonymise/ages.py.
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

from analysis.anonymise.languages import after_copula, names_language
from analysis.anonymise.letters import fold
from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.workspace import Word, Workspace, capitalise_first, match_phrase, trie_pattern

PRONOUNS = {"han": "hen", "hun": "hen", "ham": "hen", "henne": "hen", "hans": "hens", "hennes": "hens"}
PRONOUN_RE = re.compile(r"(?<![\w'’-])(?:han|hun|ham|henne|hans|hennes)(?![\w'’-])", re.I)


_ORIGIN_PATTERNS: dict[int, re.Pattern[str]] = {}


def _origin_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """One case-insensitive prefix-tree regex for every origin word, built once per lexicon."""
    pattern = _ORIGIN_PATTERNS.get(id(lexicon))
    if pattern is None:
        entries = {*lexicon.languages, *lexicon.widely_spoken, *lexicon.demonyms}
        entries |= {a + e for a in lexicon.adjectives for e in ("", "e")}
        entries |= {first for first in lexicon.countries.by_first}
        entries |= {first + "s" for first in lexicon.countries.by_first}
        pattern = re.compile(r"(?<![^\W\d_'’-])(?:" + trie_pattern(entries) + r")(?![^\W\d_'’-])", re.I)
        _ORIGIN_PATTERNS[id(lexicon)] = pattern
    return pattern


_COMPASS = r"(?:nord|sør|øst|vest|nordøst|nordvest|sørøst|sørvest|midt|sentral)"
# «somalisk-norsk», «arabisktalende»: an origin word glued to a hyphenated tail or to «talende».
ORIGIN_COMPOUND_RE = re.compile(r"(?<![\w-])([^\W\d_]+?)(-[^\W\d_]+|talende)(?![\w-])", re.I)


_COMPASS_RE = re.compile(r"\b(?<!-)" + _COMPASS + r"-([^\W\d_]+)(?![\w-])", re.I)


def replace_compass_countries(ws: Workspace, lexicon: Lexicon) -> None:
    """«Nord-Irak», «øst-Sudan» → the region. Runs before the name pass, which would take a capitalised
    compound that is no Norwegian word for a name; «Sør-Sudan» is a country of its own."""
    for m in _COMPASS_RE.finditer(ws.text):
        whole = lexicon.countries.values.get((m.group(0).casefold(),))
        region = whole or lexicon.countries.values.get((m.group(1).casefold(),))
        if region:
            ws.add(m.start(), m.end(), "origin", region, reason="landsdel i et annet land", capitalise=False)
    ws.commit()


_WHOLE_WORD_RE = re.compile(r"[\w-]+")


def _replace_origin_compounds(ws: Workspace, lexicon: Lexicon) -> None:
    """«somalisk-norsk» → «østafrikansk-norsk»; «arabisktalende» (compass compounds went before the names)."""
    for m in ORIGIN_COMPOUND_RE.finditer(ws.text):
        key = m.group(1).casefold()
        if m.group(0).casefold() in lexicon.languages:
            continue  # «jola-fonyi»: a language's own name
        if (fold(m.group(0)),) in lexicon.places.values:
            continue  # «Karen-staten»: a place, for the place rules
        if key in lexicon.widely_spoken and m.group(2) == "talende":
            continue  # «fransktalende»: a widely spoken language stays (policy)
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
    last_language = -1  # where the last word that named a language ended (lists: «tigrinja, arabisk og oromo»)
    for m in _origin_pattern(lexicon).finditer(text):
        if m.start() < consumed:
            continue
        tok = Word.of(m)
        whole = _WHOLE_WORD_RE.match(text, tok.start)
        if whole and "-" in whole.group() and (fold(whole.group()),) in lexicon.places.values:
            continue  # «Karen-staten»: a place, for the place rules
        language = tok.key in lexicon.languages or tok.key in lexicon.widely_spoken or tok.key.endswith("sk")
        named = language and names_language(text, tok, last_language)
        if (named and (tok.key in lexicon.languages or tok.key in lexicon.widely_spoken)) or (
            tok.key in lexicon.languages and not tok.key.endswith("sk") and tok.key not in lexicon.context_languages
        ):
            last_language = tok.end  # «(lingala/fransk)»: a language's name opens a list of languages
        found = _origin_at(text, tok, lexicon, ws.lower_case, named)
        if found is None:
            continue
        end, replacement, is_country = found
        if tok.capitalised:
            replacement = capitalise_first(replacement)
        ws.add(tok.start, end, "origin", replacement, reason="land, språk eller nasjonalitet", capitalise=False)
        consumed = end
    ws.commit()


def _origin_at(text: str, tok: Word, lexicon: Lexicon, lower_case: bool, named: bool) -> tuple[int, str, bool] | None:
    """(end offset, replacement, whether it was a country name) for an origin word at ``tok``; ``named``: the
    word names a language here (analysis/anonymise/languages.py)."""
    key = tok.key
    if tok.capitalised or lower_case:
        hit = match_phrase(lexicon.countries, text, tok)
        if hit:
            last, phrase = hit
            return last.end, lexicon.countries.values[phrase], True
        if key.endswith("s") and (key[:-1],) in lexicon.countries.values:
            return tok.end, lexicon.countries.values[(key[:-1],)] + "s", True
    if key in lexicon.widely_spoken and (named or key not in lexicon.adjectives):
        return None  # «snakker arabisk», «fransk og engelsk»: widely spoken languages stay (policy)
    if key in lexicon.languages and (named or not key.endswith("sk")):
        if key in lexicon.context_languages and not named:
            return None  # «tigre», «ewe» only where a language is named
        region = lexicon.languages[key]
        subject = after_copula(text, tok)
        if not named and subject is not None:
            return tok.end, f"fra {region}", False  # «kona er oromo»: a people, not a language
        return tok.end, f"et {lexicon.region_adjectives[region]} språk", False
    if key in lexicon.adjectives:
        return tok.end, lexicon.region_adjectives[lexicon.adjectives[key]], False
    if key.endswith("e") and key[:-1] in lexicon.adjectives:
        return tok.end, lexicon.region_adjectives[lexicon.adjectives[key[:-1]]] + "e", False
    if key in lexicon.demonyms:
        region, noun = lexicon.demonyms[key]
        if after_copula(text, tok) is not None:
            return tok.end, f"fra {region}", False  # «han er eritreer» → «han er fra Øst-Afrika»
        return tok.end, f"{noun} fra {region}", False
    return None


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
