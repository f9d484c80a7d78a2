"""Shared machinery of the anonymiser: words, sentence starts, protected replacements, pseudonyms.

How the passes cooperate
------------------------
Each category (e-mail, identity numbers, names, places ...) is one pass over the text. A pass does not
write its replacement into the text directly: it writes a *sentinel*, a short run of private-use
characters that stands for the replacement. Sentinels contain no letters or digits, so later passes can
neither match inside a replacement (a postcode pass must not see the year in «våren 2019») nor take it for
a word; they still break words apart. When all passes have run, the sentinels are swapped for their
replacements in one go.

Sentence starts
---------------
Capitalisation is the main evidence that a word is a name, but a word is also capitalised when it opens a
sentence. A position counts as a sentence start when, skipping spaces, dashes, bullets and brackets, the
text before it is the start of the text, a line break, one of ``. ! ? :``, or an opening quotation mark.
Line breaks always count, which is conservative for hard-wrapped text (an ambiguous name at the start of a
wrapped line then needs more evidence).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from analysis.anonymise.lexicon import PhraseIndex

WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Upper-case letters of the Latin, Latin-1/Extended and Cyrillic blocks: enough for names written in Norway.
UPPER = "".join(re.escape(chr(c)) for c in (*range(0x41, 0x250), *range(0x400, 0x430)) if chr(c).isupper())
# A word (as WORD_RE would cut it) that starts with a capital. Passes that only care about capitalised words
# scan with this and look at neighbouring words on demand, which is what keeps a 300 kB text under a second.
CAP_WORD_RE = re.compile(r"(?<![\w'’-])[" + UPPER + r"][^\W\d_]*(?:[-'’][^\W\d_]+)*(?!\w)")
_PREV_WORD_RE = re.compile(r"([^\W\d_]+(?:[-'’][^\W\d_]+)*)(\.? | ?\n)\Z")

_SENT_OPEN, _SENT_CLOSE, _SENT_DIGIT0 = "\ue000", "\ue001", 0xE100
SENTINEL_RE = re.compile("\ue000([\ue100-\ue109]+)\ue001")
PRIVATE_USE_RE = re.compile("[\ue000-\ue1ff]")

_SKIP_BACK = set(" \t\u00a0-–—•*([")
_SENTENCE_END = set(".!?:")
_OPEN_QUOTES = set("«“\"'‘„")


class Word(NamedTuple):
    """A word of the text with its offsets; ``key`` is the casefolded form used for every lookup."""

    start: int
    end: int
    text: str
    key: str
    capitalised: bool

    @classmethod
    def of(cls, m: re.Match[str]) -> Word:
        t = m.group()
        return cls(m.start(), m.end(), t, t.casefold(), t[0].isupper())


def word_at(text: str, pos: int) -> Word | None:
    m = WORD_RE.match(text, pos)
    return Word.of(m) if m else None


def next_word(text: str, w: Word, gaps: tuple[str, ...] = (" ",)) -> Word | None:
    """The word right after ``w`` when only one of ``gaps`` separates them."""
    for g in gaps:
        if text.startswith(g, w.end):
            nxt = word_at(text, w.end + len(g))
            if nxt is not None:
                return nxt
    return None


def prev_word(text: str, w: Word) -> tuple[Word, str] | None:
    """The word right before ``w`` when one space, «. » or a line break separates them, with that gap."""
    lo = max(0, w.start - 48)
    m = _PREV_WORD_RE.search(text, lo, w.start)
    if not m:
        return None
    start = m.start(1)
    if start > 0 and (text[start - 1].isalpha() or text[start - 1] in "-'’") and start == lo:
        return None  # cut off by the window: not a whole word
    t = m.group(1)
    return Word(start, m.end(1), t, t.casefold(), t[0].isupper()), m.group(2)


def is_sentence_start(text: str, pos: int, *, after_colon: bool = True) -> bool:
    """Whether ``pos`` opens a sentence (see the module docstring).

    ``after_colon=False`` is for deciding whether a *replacement* should be capitalised. Norwegian writes
    «Dato: våren 2019» in lower case, and in hard-wrapped text a line break inside a sentence is no reason
    for a capital, so then a line break counts only after sentence punctuation, a blank line or a heading.
    (For name detection, where a capital at a line start is weak evidence, every line break counts.)
    """
    i = pos - 1
    while i >= 0:
        ch = text[i]
        if ch == ":" and not after_colon:
            return False
        if ch == "\n":
            return after_colon or _line_ends_block(text, i)
        if ch in _SENTENCE_END or ch in _OPEN_QUOTES:
            return True
        if ch not in _SKIP_BACK:
            return False
        i -= 1
    return True


def _line_ends_block(text: str, newline: int) -> bool:
    """True when the line before ``newline`` ends a sentence, is blank, or is the first line (a heading)."""
    j = newline - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] in "\n.!?:":
        return True
    return "\n" not in text[:j]


def capitalise_first(s: str) -> str:
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
    return s


def match_phrase(index: PhraseIndex, text: str, first: Word) -> tuple[Word, tuple[str, ...]] | None:
    """Longest phrase of ``index`` starting at ``first``, words separated by single spaces.

    Returns (last word of the phrase, phrase key) or None. A dot is allowed only after «St»
    («St. Hanshaugen»).
    """
    candidates = index.by_first.get(first.key)
    if not candidates:
        return None
    for key in candidates:
        last = first
        for part in key[1:]:
            gaps = (" ", ". ") if last.key == "st" else (" ",)
            following = next_word(text, last, gaps)
            if following is None or following.key != part:
                break
            last = following
        else:
            return last, key
    return None


def trie_pattern(entries: set[str]) -> str:
    """A regex alternation of ``entries`` factored as a prefix tree, so the engine branches per letter."""
    trie: dict[str, Any] = {}
    for entry in entries:
        node = trie
        for ch in entry:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def pseudonym_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA ... (spreadsheet-style), for «Kandidat A»."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


@dataclass
class Registry:
    """Consistent pseudonyms for one kind of entity (employers, places, NAV offices) within a document."""

    label: str
    keys: dict[str, int] = field(default_factory=dict)

    def name_for(self, key: str) -> str:
        """«Arbeidsgiver 1» for the first key seen, «Arbeidsgiver 2» for the next, the same for a repeat."""
        if key not in self.keys:
            self.keys[key] = len(self.keys)
        return f"{self.label} {self.keys[key] + 1}"

    def __len__(self) -> int:
        return len(self.keys)


@dataclass
class Workspace:
    """The text being anonymised, with its protected replacements and the counts for the report."""

    text: str
    replacements: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    def protect(self, replacement: str, category: str) -> str:
        idx = len(self.replacements)
        self.replacements.append(replacement)
        self.counts[category] += 1
        digits = "".join(chr(_SENT_DIGIT0 + int(d)) for d in str(idx))
        return f"{_SENT_OPEN}{digits}{_SENT_CLOSE}"

    def splice(self, spans: list[tuple[int, int, str]]) -> None:
        """Replace non-overlapping (start, end, new) spans of the current text, in one pass."""
        if not spans:
            return
        spans.sort()
        out, last = [], 0
        for start, end, new in spans:
            if start < last:
                continue
            out.append(self.text[last:start])
            out.append(new)
            last = end
        out.append(self.text[last:])
        self.text = "".join(out)

    def sentinel_value(self, sentinel_match: re.Match[str]) -> str:
        idx = int("".join(str(ord(c) - _SENT_DIGIT0) for c in sentinel_match.group(1)))
        return self.replacements[idx]

    def finish(self) -> str:
        return SENTINEL_RE.sub(self.sentinel_value, self.text)
