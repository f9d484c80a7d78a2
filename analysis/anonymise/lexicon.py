"""The word lists behind the anonymiser, read once from ``data/lexicon/``.

Everything the anonymiser knows about Norwegian names, places and countries is data, not code, so that a
reviewer can see (and extend) what is recognised without reading Python. Every lookup key is folded
(analysis/anonymise/letters.py: case-folded, without the diacritics of other alphabets, «José» → «jose»); a
multi-word entry ("Møre og Romsdal", "Sri Lanka") is kept as a tuple of folded words so that the token-based
matchers can compare word by word.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis.anonymise.letters import fold
from analysis.anonymise.vocabulary import load_vocabulary
from analysis.core.paths import DATA

LEXICON_DIR = DATA / "lexicon"
MONTH_WORDS = (
    "januar februar mars april mai juni juli august september oktober november desember "
    "jan feb mar apr jun jul aug sep sept okt nov des".split()
)


def _lines(path: Path) -> list[str]:
    """Non-empty lines without '#' comments."""
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def _tsv(path: Path) -> list[dict[str, str]]:
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t"))


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in phrase.split())


@dataclass(frozen=True)
class PhraseIndex:
    """Multi-word phrases indexed by their first word, longest first, for greedy token matching."""

    by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    values: dict[tuple[str, ...], str] = field(default_factory=dict)

    @classmethod
    def build(cls, phrases: dict[str, str]) -> PhraseIndex:
        grouped: dict[str, list[tuple[str, ...]]] = {}
        values: dict[tuple[str, ...], str] = {}
        for phrase, value in phrases.items():
            key = phrase_key(phrase)
            values[key] = value
            grouped.setdefault(key[0], []).append(key)
        by_first = {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in grouped.items()}
        return cls(by_first, values)


@dataclass(frozen=True)
class Lexicon:
    given: frozenset[str]
    surnames: frozenset[str]
    places: PhraseIndex  # municipalities, towns, districts, counties; value = canonical name
    countries: PhraseIndex  # value = world region
    adjectives: dict[str, str]  # casefolded adjective base form -> region
    demonyms: dict[str, tuple[str, str]]  # any casefolded demonym form -> (region, replacing noun form)
    languages: dict[str, str]  # folded language name -> region (languages.tsv over languages_cldr.tsv)
    region_adjectives: dict[str, str]
    ambiguous: frozenset[str]
    chains: PhraseIndex  # chain names; value "*" when the name is also an ordinary word
    proper_nouns: frozenset[str]  # capitalised words that name nobody (NAV systems, programmes ...)
    acronyms: frozenset[str] = frozenset()  # capitalised abbreviations that are no initials (NAV, AAP, DPS ...)
    widely_spoken: frozenset[str] = frozenset()  # languages of several world regions: stay (languages.tsv «*»)
    context_languages: frozenset[str] = frozenset()  # language names that count only where a language is named
    months: frozenset[str] = frozenset(MONTH_WORDS)

    def is_person_word(self, word: str) -> bool:
        key = fold(word)
        return key in self.given or key in self.surnames

    def is_person_key(self, key: str) -> bool:
        """:meth:`is_person_word` for a key that is folded already (letters.fold)."""
        return key in self.given or key in self.surnames


def _demonym_inflections(singular: str) -> dict[str, str]:
    """The four forms of a demonym noun, each mapped to the matching form of «person».

    Nouns in -er take -e/-en/-ne (somalier, somaliere, somalieren, somalierne; nynorsk somaliar, somaliarar,
    somaliaren, somaliarane), nouns in -e take -r/-n/-ne (brite), others -er/-en/-ene (polakk).
    """
    if singular.endswith("er"):
        endings = ("", "e", "en", "ne")
    elif singular.endswith("e"):
        endings = ("", "r", "n", "ne")
    else:
        endings = ("", "er", "en", "ene")
    nouns = ("person", "personer", "personen", "personene")
    forms = {singular + ending: noun for ending, noun in zip(endings, nouns, strict=True)}
    if singular.endswith("er"):  # nynorsk writes «syrar», «syrarar», «syraren», «syrarane»
        stem = singular[:-2] + "ar"
        nynorsk = {stem + e: n for e, n in zip(("", "ar", "en", "ane"), nouns, strict=True)}
        forms.update({form: noun for form, noun in nynorsk.items() if form not in forms})
    return forms


@lru_cache(maxsize=4)
def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    """Read every list once per process; the anonymiser calls this on each document."""
    given_raw = [n.casefold() for n in _lines(directory / "given_names.txt")]
    # A multi-word surname («Dela Cruz») is recognised by its last word; the name rules join the rest.
    surnames_raw = [n.split()[-1].casefold() for n in _lines(directory / "surnames.txt")]
    given = frozenset(fold(n) for n in given_raw)
    surnames = frozenset(fold(n) for n in surnames_raw)
    # A name that only folding makes an ordinary word (Lithuanian «Indrė» → «indre», Norwegian for «inner») is an
    # ambiguous name: it needs the evidence an ordinary word needs.
    vocabulary = load_vocabulary()
    fold_clashes = (
        {fold(n) for n in (*given_raw, *surnames_raw) if fold(n) != n and vocabulary.frequency(fold(n)) >= 3.0}
        - set(given_raw)
        - set(surnames_raw)
    )
    place_names = {row["municipality"]: row["municipality"] for row in _tsv(directory / "municipalities.tsv")}
    place_names.update({p: p for p in _lines(directory / "places.txt")})
    place_names.update({p: p for p in _lines(directory / "foreign_places.txt")})
    chains = {c.rstrip("*"): ("*" if c.endswith("*") else "") for c in _lines(directory / "chains.txt")}
    countries: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for row in _tsv(directory / "countries.tsv"):
        countries[row["country"]] = row["region"]
        for adj in row["adjectives"].split(","):
            if adj.strip() not in ("", "-"):
                adjectives[adj.strip().casefold()] = row["region"]
        for dem in row["demonyms"].split(","):
            if dem.strip() not in ("", "-"):
                demonyms[dem.strip().casefold()] = row["region"]
    places = PhraseIndex.build(place_names)
    rows = _tsv(directory / "languages.tsv")
    listed = {fold(row["language"]): row["region"] for row in rows}
    marked = {fold(row["language"]) for row in rows if (row.get("context") or "").strip() == "yes"}
    widely = frozenset(k for k, region in listed.items() if region == "*")
    cldr = {fold(row["language"]): row["region"] for row in _tsv(directory / "languages_cldr.tsv")}
    cldr = {k: r for k, r in cldr.items() if r != "*" and k not in widely}
    # A generated name that is an everyday Norwegian word («kom», «ga», «mari», «fang») would turn «tamil, kom fra»
    # into two languages; the listed names cover the languages of people who come to Norway.
    cldr = {k: r for k, r in cldr.items() if k.endswith("sk") or vocabulary.frequency(k) < 3.0}
    languages = {**cldr, **{k: r for k, r in listed.items() if r != "*"}}
    for language, region in listed.items():
        if language.endswith("sk") and region != "*":
            adjectives.setdefault(language, region)
        elif region != "*" and language not in marked and language[-1:] not in "aeiouyæøå" and len(language) > 3:
            # «tamil» → «tamilsk», «kurmanji» no: the ethnicity adjective of a language named without -sk
            adjectives.setdefault(language + "sk", region)
    # Only where a language is named: the generated names (a few hundred, some of them rare words or names) and the
    # listed names marked so («tigre» is also «tigers»).
    context_languages = frozenset(k for k in languages if k not in listed or k in marked)
    demonym_forms = {
        form: (region, noun)
        for singular, region in demonyms.items()
        for form, noun in _demonym_inflections(singular).items()
    }
    region_adjectives = {row["region"]: row["adjective"] for row in _tsv(directory / "regions.tsv")}
    missing = {r for r in (*countries.values(), *languages.values()) if r not in region_adjectives}
    if missing:
        raise ValueError(f"regions without an adjective in regions.tsv: {sorted(missing)}")
    return Lexicon(
        given=given,
        surnames=surnames,
        places=places,
        countries=PhraseIndex.build(countries),
        adjectives=adjectives,
        demonyms=demonym_forms,
        languages=languages,
        region_adjectives=region_adjectives,
        ambiguous=frozenset(fold(w) for w in _lines(directory / "ambiguous_words.txt")) | fold_clashes,
        chains=PhraseIndex.build(chains),
        proper_nouns=frozenset(fold(w) for w in _lines(directory / "ordinary_proper_nouns.txt")),
        acronyms=frozenset(fold(w) for w in _lines(directory / "acronyms.txt")),
        widely_spoken=widely,
        context_languages=context_languages,
    )
