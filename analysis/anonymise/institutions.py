"""Institutions → «Barnehage N», «Skole N», «Voksenopplæring N», «Sykehjem N», «Helsetjeneste N» (rule 5 of
analysis/anonymise/organisations.py).

A name before a kind of institution («Bjørkelia bhg», «Holmlia skole», «Tromsø katedralskole», «lillevik
skolesenter», «Alstahaug sykehjem», «Granvik helse- og velferdssenter», «Moldegård fysioterapi»), a kind with «i/på»
and a place after it («Voksenopplæringen i Gran»), «DPS/VO + place», a Norwegian university or college by its
abbreviation with a campus. The name must not be an ordinary word that merely describes («ny skole», «på
skolen»), a university or college written in English with its place («University of Madras»).
"""

from __future__ import annotations

import re

from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.organisations import (
    DESCRIBING_WORDS,
    INSTITUTION_KINDS,
    _name_words_ok,
    _place_like,
    key_of,
)
from analysis.anonymise.vocabulary import Vocabulary
from analysis.anonymise.workspace import Registry, Workspace, is_sentence_start, match_phrase, trie_pattern, word_at

_W = r"[^\W\d_][\w'’.&-]*"
_KIND_ALT = "|".join(sorted((k for k in INSTITUTION_KINDS if " " not in k and k != "bo-"), key=len, reverse=True))
_N = r"[^\W\d_][\w'’-]*"
# «Solbakken bo- og behandlingssenter», «Lyngheim bu- og omsorgssenter»
_CARE_HOME = r"(?:b[ou]|helse)- og \w+senter"
_KINDS = trie_pattern(set(_KIND_ALT.split("|")))
INSTITUTION_RE = re.compile(
    r"(?<![\w-])((?:(?!videregående )"
    + _N
    + r" ){1,2})(videregående skole|"
    + _CARE_HOME
    + "|"
    + _KINDS
    + r")(?![\w-])",
    re.I,
)
# Norwegian universities and university colleges by their own abbreviation, with a campus («NTNU i Gjøvik», «USN
# på Bø»): the accredited institutions listed by NOKUT / HK-dir. «Nord» and «BI» are left out: ordinary words.
_UNIVERSITY_ACRONYMS = "ntnu|uio|uib|uit|uia|uis|nmbu|oslomet|usn|hvl|hinn|nhh|nla|vid"
INSTITUTION_HEAD_RE = re.compile(
    r"(?<![\w-])(voksenopplæring(?:en|a)?|vaksenopplæringa|læringssenteret|dps|vo|aof|folkeuniversitetet|"
    r"universitetet|høgskolen|høyskolen|høgskulen|fagskolen|fagskulen|university|college|sykehuset|sjukehuset|"
    + _UNIVERSITY_ACRONYMS
    + r") (?:(i|på|of) )?("
    + _W
    + r")",
    re.I,
)
# «Universitetet i Stavanger», «Høgskolen i Innlandet»: a university or college named by its place (a school)
_HIGHER_EDUCATION = frozenset(
    {
        "universitetet",
        "høgskolen",
        "høyskolen",
        "høgskulen",
        "fagskolen",
        "fagskulen",
        "university",
        "college",
        *_UNIVERSITY_ACRONYMS.split("|"),
    }
)


_HOSPITALS = frozenset({"sykehuset", "sjukehuset"})
_PARTS_OF_NORWAY = frozenset("vestlandet østlandet sørlandet nordlandet innlandet trøndelag agder".split())
# «St. Olavs hospital», «Sankt Hans hospital»: a saint's name in the genitive before the kind
SAINT_HOSPITAL_RE = re.compile(r"(?<![\w-])(?:St\.|Sankt) [A-ZÆØÅ][\w'’-]*s (?:hospital|sykehus|sjukehus)(?![\w-])")


def _genitive_of_other_word(text: str, word: str) -> bool:
    """``word`` is a genitive («Mahnoors») of a word the text also writes on its own («Mahnoor»)."""
    stem = word[:-1]
    if not word.endswith("s") or len(stem) < 3:
        return False
    return re.search(rf"(?<![\w-]){re.escape(stem)}(?![\w-])", text) is not None


def _whole_line(text: str, start: int, end: int) -> bool:
    """The span is a line of its own, as an institution's name is in a letterhead or under a signature."""
    before = text.rfind("\n", 0, start) + 1
    after = text.find("\n", end)
    return not text[before:start].strip() and not text[end : len(text) if after < 0 else after].strip(" \t.,")


def replace_institutions(
    ws: Workspace, registries: dict[str, Registry], lexicon: Lexicon, vocabulary: Vocabulary
) -> None:
    def reg(label: str) -> Registry:
        return registries.setdefault(label, Registry(label))

    text = ws.text
    for m in INSTITUTION_RE.finditer(text):
        words = m.group(1).split()
        while words and words[0].casefold() in DESCRIBING_WORDS:
            words = words[1:]
        kind = m.group(2).casefold()
        while (
            len(words) > 1
            and vocabulary.is_ordinary(words[0].casefold())
            and (words[0].casefold(),) not in lexicon.places.values
            and not (
                words[0][:1].isupper()
                and words[1][:1].isupper()
                and not is_sentence_start(text, m.end(1) - len(" ".join(words)) - 1)
            )
        ):
            words = words[1:]  # «ringe buggeland barnehage»; but «Ulsberg Nye skole» keeps both
        if not words or not _name_words_ok(words, lexicon, vocabulary, kind in ("vo", "dps", "aks")):
            continue
        if len(words) == 1 and _genitive_of_other_word(text, words[0]):
            continue  # «nær Mahnoors skole» where the text names Mahnoor: her school, named on its own elsewhere
        first = m.end(1) - len(" ".join(words)) - 1
        if (
            not ws.lower_case
            and is_sentence_start(text, first)
            and text[:first].rstrip()[-1:] != ":"  # «Skole: Haugen skole» after a field label is a name
            and not _whole_line(text, first, m.end())  # «Sandvika videregående skole» under a signature
            and vocabulary.is_ordinary(words[0].casefold())
            and (words[0].casefold(),) not in lexicon.places.values
        ):
            continue
        start = m.end(1) - len(" ".join(words)) - 1
        label = INSTITUTION_KINDS.get(kind.split()[0] if kind != "videregående skole" else "vgs", "Institusjon")
        if kind.startswith(("bo-", "bu-")):
            label = "Sykehjem"
        elif kind.startswith("helse-"):
            label = "Helsetjeneste"  # «Tonstad helse- og velferdssenter»
        ws.add(
            start,
            m.end(),
            "institution",
            reg(label).name_for(key_of(text[start : m.end()])),
            reason="navn og institusjonstype",
        )
    ws.commit()
    for m in SAINT_HOSPITAL_RE.finditer(ws.text):
        ws.add(m.start(), m.end(), "institution", reg("Helsetjeneste").name_for(key_of(m.group())), reason="sykehus")
    ws.commit()
    text = ws.text
    for m in INSTITUTION_HEAD_RE.finditer(text):
        tok = word_at(text, m.start(3))
        if tok is None:
            continue
        named = m.group(1).casefold() in ("aof", "folkeuniversitetet") and not m.group(2)
        if named and (tok.key in DESCRIBING_WORDS or (not tok.capitalised and vocabulary.frequency(tok.key) >= 4.0)):
            continue  # «AOF har kurs», «aof tilbyr»: a verb, not the region of the branch
        if not (named or _place_like(tok, text, lexicon, vocabulary) or tok.key in _PARTS_OF_NORWAY):
            continue  # «Høgskulen på Vestlandet»: a college named by its part of the country
        head = m.group(1).casefold()
        if head in _HIGHER_EDUCATION and not m.group(2):
            continue  # «universitetet Bergen» is no way to write it; «høgskolen Anna gikk på» is no name
        named_region = ws.lower_case and (tok.key in _PARTS_OF_NORWAY or match_phrase(lexicon.places, text, tok))
        if head in _HOSPITALS and not (m.group(1)[0].isupper() and tok.capitalised or named_region):
            continue  # «Sykehuset i Vestfold», «sykehuset innlandet» in a chat; «sykehuset i byen» is any hospital
        if head in ("dps", "vo") and not tok.capitalised and not match_phrase(lexicon.places, text, tok):
            continue
        hit = match_phrase(lexicon.places, text, tok)
        end = hit[0].end if hit else tok.end
        label = INSTITUTION_KINDS.get(m.group(1).casefold().rstrip("aen") or "vo", "Voksenopplæring")
        label = (
            "Helsetjeneste"
            if head == "dps" or head in _HOSPITALS
            else "Skole"
            if head in _HIGHER_EDUCATION
            else "Voksenopplæring"
        )
        ws.add(
            m.start(),
            end,
            "institution",
            reg(label).name_for(key_of(text[m.start(3) : end])),
            reason="institusjon og sted",
        )
    ws.commit()
