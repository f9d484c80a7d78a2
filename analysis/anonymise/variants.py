"""Misspelt names: «mukenda» in a text that names «mukendi» is the same person (analysis/anonymise/names.py,
rule 7).

Hasty notes and chat logs spell a name two ways («de skrev mukendi feil, mukenda»). A word that is no
dictionary word and differs from a name part the document has already found by one letter (left out, added,
changed, or two letters swapped) is taken for that part, and so is the first part of a name used as its short
form («sabi» for «sabitra»: four letters or more, two or more left out). Only parts of five letters or more
count: short names sit one letter away from too many words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

MIN_LENGTH = 5
MIN_PREFIX = 4  # a short form keeps at least four letters of the name and leaves out two or more


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


class SpellingVariants:
    """The name parts found so far, indexed so that a word one edit away from one of them is found fast."""

    def __init__(self, parts: Iterable[str]) -> None:
        self.index: dict[str, str] = {}
        for part in parts:
            if len(part) >= MIN_LENGTH and part.isalpha():
                self.index.setdefault(part, part)
                for d in _deletions(part):
                    self.index.setdefault(d, part)
        self.parts = frozenset(self.index.values())
        self.edges = {p[:2] for p in self.parts} | {p[-2:] for p in self.parts}
        # «sabi» for «sabitra», «abdi» for «abdirahman»: the first four letters or more of a longer part
        self.prefixes: dict[str, str] = {}
        for part in sorted(self.parts):
            for n in range(MIN_PREFIX, len(part) - 1):
                self.prefixes.setdefault(part[:n], part)

    def part_for(self, word: str, is_candidate: Callable[[str], bool]) -> str | None:
        """The known part ``word`` is a spelling of, or None; ``is_candidate(word)``: may it be a name at all
        (no dictionary word)? Checked last, since most words fail the cheaper tests."""
        if len(word) < MIN_PREFIX or not self.index or word in self.parts:
            return None
        if word[:2] not in self.edges and word[-2:] not in self.edges:
            return None  # one edit leaves the first two or the last two letters as they were
        hit = self.index.get(word) or self.prefixes.get(word)
        if hit is not None and hit.startswith(word):
            return hit if is_candidate(word) else None
        if hit is None and len(word) >= MIN_LENGTH:
            hit = next((self.index[d] for d in _deletions(word) if d in self.index), None)
        if hit is None or abs(len(hit) - len(word)) > 1 or not is_candidate(word):
            return None
        return hit
