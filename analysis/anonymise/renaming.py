"""People in an annotated corpus text renamed to invented nonsense names, to test names without the lexicon.

The anonymiser must find names by context and as «not Norwegian vocabulary», not only because a list knows
them. :func:`rename_people_in` gives every person of a corpus text (corpus_format.CorpusText) invented name
words that are in no name list and no Norwegian dictionary; the evaluation then measures recall again
(``python -m analysis.anonymise.evaluate DIR --rename-people SEED``).
"""

from __future__ import annotations

import functools
import random
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from analysis.anonymise.lexicon import load_lexicon
from analysis.anonymise.vocabulary import load_vocabulary


def renamed(texts: Sequence[Any], seed: int) -> list[Any]:
    """Every text renamed, each with its own seeded generator."""
    return [rename_people_in(t, random.Random(seed * 1000 + i)) for i, t in enumerate(texts)]


_SYLLABLES = (
    "ka",
    "zu",
    "mbe",
    "ri",
    "lo",
    "ta",
    "ngo",
    "vi",
    "she",
    "dra",
    "ku",
    "nye",
    "xo",
    "fe",
    "gri",
    "tsa",
    "bo",
    "mu",
    "wa",
    "qui",
    "ji",
    "dze",
    "pha",
    "lu",
    "so",
    "nkwe",
    "ry",
    "zai",
    "tho",
    "vu",
)


def invented_name(rng: random.Random, taken: set[str], first: str = "") -> str:
    """A word of two to four syllables that is neither Norwegian vocabulary nor in any name or place list; with
    ``first``, it starts with that letter, so that a person's initials still fit the invented name."""
    lexicon, vocabulary = load_lexicon(), load_vocabulary()
    while True:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if first and not word.startswith(first):
            word = first + word
        if (
            word in taken
            or vocabulary.frequency(word) > 0
            or lexicon.is_person_word(word)
            or (word,) in lexicon.places.values
            or word.endswith("s")
        ):
            continue
        taken.add(word)
        return word


def _rename_match(rename_word: Callable[[str, str], str], person: str, m: re.Match[str]) -> str:
    return rename_word(person, m.group())


def _case_like(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word.capitalize()
    return word


def rename_people_in(text: Any, rng: random.Random) -> Any:
    """The same corpus text with every person's name words replaced by invented ones, consistently.

    Each distinct name word of a person (casefolded, without a genitive «s») gets one invented word; case,
    genitive endings, hyphens and particles are kept; initials («ME», «S.R.», «J.») stay as they are, and each
    invented word starts with the letter of the word it replaces, so the initials still belong to the name.
    """
    particles = {"van", "der", "de", "den", "bin", "al", "el", "abu", "thi", "da", "dos", "di", "la", "le"}
    by_person: dict[str, set[str]] = defaultdict(set)
    for s in text.spans:
        if s.kind == "person":
            by_person[s.person_id].update(w.casefold() for w in re.findall(r"[^\W\d_]+", s.text))
    taken: set[str] = set()
    mapping: dict[tuple[str, str], str] = {}

    def rename_word(person: str, word: str) -> str:
        key = word.casefold()
        if len(word) <= 1 or key in particles or (word.isupper() and len(word) <= 3):
            return word
        suffix = ""
        if key.endswith("s") and key[:-1] in by_person[person]:
            key, suffix = key[:-1], word[-1]
        if (person, key) not in mapping:
            mapping[(person, key)] = invented_name(rng, taken, key[0] if key[0].isalpha() else "")
        return _case_like(word, mapping[(person, key)]) + suffix

    pieces: list[str] = []
    shifts: list[tuple[int, int]] = []  # (original offset, cumulative shift after it)
    last, shift = 0, 0
    renamed: dict[int, str] = {}
    plain = text.plain_text
    for s in sorted(text.spans, key=lambda s: s.start):
        if s.kind != "person":
            continue
        new = re.sub(r"[^\W\d_]+", functools.partial(_rename_match, rename_word, s.person_id), s.text)
        renamed[s.start] = new
        pieces.append(plain[last : s.start])
        pieces.append(new)
        shift += len(new) - len(s.text)
        shifts.append((s.end, shift))
        last = s.end
    pieces.append(plain[last:])
    new_plain = "".join(pieces)

    def moved(pos: int) -> int:
        delta = 0
        for end, cumulative in shifts:
            if end <= pos:
                delta = cumulative
        return pos + delta

    def move_span(s: Any) -> Any:
        start = moved(s.start)
        end = moved(s.end) if s.kind != "person" else start + len(renamed[s.start])
        return replace(s, start=start, end=end, text=new_plain[start:end])

    return replace(
        text, plain_text=new_plain, spans=[move_span(s) for s in text.spans], keep=[move_span(s) for s in text.keep]
    )
