"""Shared machinery of the anonymiser: the text under work, its words, sentence starts, and replacements.

How the passes cooperate
------------------------
The input text is never edited while the passes run. Each pass (e-mail, identity numbers, employers, names
...) *claims* spans of the input: a :class:`Replacement` records the start and end offsets in the input, the
kind, and the text that will stand there. Claimed characters are then *masked* in a working copy of the
text (``Workspace.text``): they become the private-use character ``MASK``, which is neither a letter, a
digit nor a space, so later passes can neither match inside a replacement nor take it for a word, while
every offset stays the offset of the input. At the end the replacements are written into the input in one
go (:meth:`Workspace.render`). Because offsets never move, the replacements with their spans *are* the
record of what happened: the evaluation compares them with annotated spans exactly.

A person's replacement is not fixed when it is found: the role label («Jobbspesialist A», «Person B») is
chosen when the whole document has been read (analysis/anonymise/people.py), so the replacement holds a
callable that is asked for its text at render time.

Sentence starts
---------------
Capitalisation is evidence that a word is a name, but a word is also capitalised when it opens a
sentence. A position counts as a sentence start when, skipping spaces, dashes, bullets and brackets, the
text before it is the start of the text, a line break, one of ``. ! ? :``, or an opening quotation mark.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from analysis.anonymise.letters import FOLDED as _FOLDED
from analysis.anonymise.letters import WORD_PATTERN, WORD_RE, fold
from analysis.anonymise.lexicon import PhraseIndex

MASK = "\ue000"
PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
_PREV_WORD_RE = re.compile("(" + WORD_PATTERN + r")(\.? | ?\n|, )\Z")

_SKIP_BACK = set(" \t\u00a0-–—•*([#>")
_SENTENCE_END = set(".!?:")
_OPEN_QUOTES = set("«“\"'‘„")
_LINE_PREFIX = set(MASK + "/)")
_LINE_LABELS = frozenset({"sak", "punkt", "pkt", "kl", "uke", "dag", "del"})


class Word(NamedTuple):
    """A word of the text with its offsets; ``key`` is the folded form used for every lookup (letters.fold)."""

    start: int
    end: int
    text: str
    key: str
    capitalised: bool

    @classmethod
    def of(cls, m: re.Match[str]) -> Word:
        t = m.group()
        return cls(m.start(), m.end(), t, _FOLDED.get(t) or fold(t), t[0].isupper())


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


def prev_word(text: str, w: Word | int) -> tuple[Word, str] | None:
    """The word right before ``w`` when one space, «. », «, » or a line break separates them, with that gap."""
    pos = w if isinstance(w, int) else w.start
    lo = max(0, pos - 48)
    m = _PREV_WORD_RE.search(text, lo, pos)
    if not m:
        return None
    start = m.start(1)
    if start > 0 and (text[start - 1].isalpha() or text[start - 1] in "-'’"):
        return None  # cut off by the window, or glued to something: not a whole word
    t = m.group(1)
    return Word(start, m.end(1), t, fold(t), t[0].isupper()), m.group(2)


def is_sentence_start(text: str, pos: int, *, after_colon: bool = True) -> bool:
    """Whether ``pos`` opens a sentence (see the module docstring).

    ``after_colon=False`` is for deciding whether a *replacement* should be capitalised: Norwegian writes
    «Dato: våren 2019» in lower case, and in hard-wrapped text a line break inside a sentence is no reason
    for a capital, so then a line break counts only after sentence punctuation, a blank line or a heading.
    """
    i = pos - 1
    while i >= 0:
        ch = text[i]
        if ch.isdigit() or ch in _LINE_PREFIX:
            # «Sak 41/24 Godkjenning», «08.04.2024 Telefon»: only numbers (or replaced spans) before it on its line
            j = i
            while j >= 0 and (text[j].isdigit() or text[j] in _LINE_PREFIX or text[j] in " \t.:-–"):
                j -= 1
            if j < 0 or text[j] == "\n":
                return True
            if not text[j].isalpha():
                return False
            k = j
            while k >= 0 and text[k].isalpha():
                k -= 1
            if (k < 0 or text[k] == "\n") and text[k + 1 : j + 1].casefold() in _LINE_LABELS:
                return True
            return False
        if ch == ":" and not after_colon:
            return False
        if ch == "\n":
            return after_colon or _line_ends_block(text, i)
        if ch in _SENTENCE_END or ch in _OPEN_QUOTES:
            return True
        if ch == "," and text[max(0, i - 4) : i] in (".txt", ".pdf"):
            return True  # «004_….txt, Faktorer på systemnivå, L344»: a section title in a source reference
        if ch not in _SKIP_BACK:
            return False
        i -= 1
    return True


def _line_ends_block(text: str, newline: int) -> bool:
    j = newline - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] in "\n.!?:":
        return True
    return "\n" not in text[:j]


def capitalise_first(s: str) -> str:
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1 :]
    return s


def match_phrase(index: PhraseIndex, text: str, first: Word) -> tuple[Word, tuple[str, ...]] | None:
    """Longest phrase of ``index`` starting at ``first``, words separated by single spaces (or «St. »)."""
    candidates = index.by_first.get(first.key)
    if not candidates:
        return None
    for key in candidates:
        last = first
        for part in key[1:]:
            gaps = (" ", ". ") if last.key == "st" else (" ",)
            if part.isdigit():  # «Apotek 1», «Sport 1»: a number is no word of the text
                if not re.match(" " + part + r"(?![\w-])", text[last.end : last.end + len(part) + 2]):
                    break
                last = Word(last.end + 1, last.end + 1 + len(part), part, part, False)
                continue
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
    """Consistent numbered pseudonyms for one kind of entity (workplaces, places, NAV offices) in a document."""

    label: str
    keys: dict[str, int] = field(default_factory=dict)

    def name_for(self, key: str) -> str:
        """«Sted 1» for the first key seen, «Sted 2» for the next, the same for a repeat."""
        if key not in self.keys:
            self.keys[key] = max(self.keys.values(), default=-1) + 1
        return f"{self.label} {self.keys[key] + 1}"

    def alias(self, key: str, same_as: str) -> None:
        """``key`` names the same entity as ``same_as`` («Vestvik Fisk» and «Vestvik Fisk Harstad»)."""
        if same_as in self.keys:
            self.keys.setdefault(key, self.keys[same_as])

    def __len__(self) -> int:
        return len(set(self.keys.values()))


Text = str | Callable[[], str]


@dataclass
class Replacement:
    """One claimed span of the input: ``text[start:end]`` becomes ``replacement``.

    ``reason`` says on what evidence (for the review list); ``weak`` marks a replacement made on weak
    evidence, which the review list shows for a person to check.
    """

    start: int
    end: int
    kind: str
    replacement: Text
    reason: str = ""
    weak: bool = False
    entity: int | None = None  # a person's index (analysis/anonymise/people.py)
    capitalise: bool = True  # capitalise the replacement at a sentence start

    def value(self) -> str:
        return self.replacement() if callable(self.replacement) else self.replacement


@dataclass
class Uncertain:
    """A name-like span left alone, for the review list (``--report``) or for ``--strict`` to replace."""

    start: int
    end: int
    kind: str
    reason: str


@dataclass
class Workspace:
    """The input, its masked working copy, the replacements made so far and the uncertain spans."""

    original: str
    text: str = ""
    replacements: list[Replacement] = field(default_factory=list)
    uncertain: list[Uncertain] = field(default_factory=list)
    pending: list[Replacement] = field(default_factory=list)
    lower_case: bool = False
    _newlines: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.original

    # -- claiming ---------------------------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        """No character of [start, end) is claimed yet."""
        return MASK not in self.text[start:end]

    def add(
        self,
        start: int,
        end: int,
        kind: str,
        replacement: Text,
        *,
        reason: str = "",
        weak: bool = False,
        entity: int | None = None,
        capitalise: bool = True,
    ) -> Replacement | None:
        """Propose a replacement; it takes effect (and masks its span) at :meth:`commit`."""
        if start >= end or not self.free(start, end):
            return None
        rep = Replacement(start, end, kind, replacement, reason, weak, entity, capitalise)
        self.pending.append(rep)
        return rep

    def commit(self) -> None:
        """Apply the pending replacements (the earliest wins where two overlap) and mask their spans."""
        if not self.pending:
            return
        self.pending.sort(key=lambda r: (r.start, -r.end))
        parts: list[str] = []
        last = 0
        for rep in self.pending:
            if rep.start < last:
                continue
            parts.append(self.text[last : rep.start])
            parts.append(MASK * (rep.end - rep.start))
            last = rep.end
            self.replacements.append(rep)
        parts.append(self.text[last:])
        self.text = "".join(parts)
        self.pending = []

    def shield(self, pattern: re.Pattern[str]) -> None:
        """Mask what ``pattern`` finds without replacing it (the anonymiser's own pseudonyms, when run twice)."""
        self.text = pattern.sub(lambda m: MASK * len(m.group()), self.text)

    def note_uncertain(self, start: int, end: int, kind: str, reason: str) -> None:
        self.uncertain.append(Uncertain(start, end, kind, reason))

    def kind_before(self, pos: int) -> str | None:
        """The kind of the replacement that ends right at ``pos`` (skipping one space), if any."""
        while pos > 0 and self.text[pos - 1] == " ":
            pos -= 1
        if pos == 0 or self.text[pos - 1] != MASK:
            return None
        for rep in reversed(self.replacements):
            if rep.end == pos:
                return rep.kind
        return None

    def kind_at(self, pos: int) -> str | None:
        """The kind of the replacement that starts right at ``pos``, if any."""
        if self.text[pos : pos + 1] != MASK:
            return None
        return next((rep.kind for rep in self.replacements if rep.start == pos), None)

    def map_offsets(self, origin: list[int], original: str) -> None:
        """The passes ran on a composed copy of ``original``: move every span to the input's offsets."""
        items: list[Replacement | Uncertain] = [*self.replacements, *self.uncertain]
        for item in items:
            item.start, item.end = origin[item.start], origin[item.end]
        self.original, self._newlines = original, []

    # -- output -----------------------------------------------------------------------------------------
    def counts(self) -> Counter[str]:
        return Counter(r.kind for r in self.replacements)

    def sorted_replacements(self) -> list[Replacement]:
        return sorted(self.replacements, key=lambda r: r.start)

    def render(self) -> str:
        out: list[str] = []
        last = 0
        for rep in self.sorted_replacements():
            out.append(self.original[last : rep.start])
            value = rep.value()
            if rep.capitalise and value[:1] != "[" and is_sentence_start(self.original, rep.start, after_colon=False):
                value = capitalise_first(value)
            out.append(value)
            last = rep.end
        out.append(self.original[last:])
        return "".join(out)

    def line_of(self, pos: int) -> int:
        if not self._newlines:
            self._newlines = [i for i, ch in enumerate(self.original) if ch == "\n"] or [len(self.original)]
        return bisect.bisect_left(self._newlines, pos) + 1


def scan(rx: re.Pattern[str], text: str, folded: str, needles: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``, skipped when none of the words every match must contain occurs in ``folded`` (the
    document, casefolded): most notes have no «alder», no «-åring», and a regex scan costs milliseconds."""
    if any(n in folded for n in needles):
        yield from rx.finditer(text)
