"""Is a word Norwegian vocabulary? The test behind «unknown-word» name detection.

A name the lexicon does not know («Tesfamariam», «Nshimirimana», «Zarghona») is still found when it stands
where names stand (capitalised mid-sentence, after «tolken», after «hei», as a chat speaker ...) *and* is
not an ordinary Norwegian word. Ordinary means: frequent in written Norwegian bokmål according to the
`wordfreq` package (Robyn Speer et al., frequencies from subtitles, Wikipedia, news, web text and more;
shipped offline inside the wheel, Apache-2.0 code with CC BY-SA 4.0 data), or a compound of such words,
which Norwegian writes as one word («sjåførhjelper», «introduksjonsprogrammet»).

wordfreq counts names as words («kari» is frequent), so it cannot say that a word is *not* a name; it only
says that a rare word is not ordinary vocabulary. That is all this module answers. Thresholds are Zipf
values (log10 of frequency per billion words): 3 is about once per million words.

Norwegian case notes quote English terms («Individual Placement and Support», «Supported Employment»); a
capitalised common English word (wordfreq's English list, Zipf ≥ 4) is therefore not taken for a name on
capitalisation alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from analysis.anonymise.letters import fold

VOCABULARY_ZIPF = 3.0  # at least once per million words: ordinary vocabulary
COMPOUND_PART_ZIPF = 3.3  # each part of a compound must be clearly ordinary
MIN_PART = 4  # shortest part of a compound


# Norwegian words written with a mark Norwegian otherwise does not use: loanwords and stressed forms. Any other
# word so written (wordfreq lists «andré», «josé», «rené» because news text is full of them) is taken for a
# name or a foreign word, not for ordinary vocabulary.
MARKED_WORDS = (
    "én èn én dét òg óg fôr à á é idé kafé komité turné trasé armé diaré moské klisjé trofé allé entré kupé "
    "resymé renommé gründer"
).split()
MARKED_ENDINGS = frozenset({"en", "er", "ene", "et", "a", "ne", "r", "n", "e", "t"})

ENGLISH_ZIPF = 4.0  # common English words: «Supported Employment», «Individual Placement and Support»


@dataclass(frozen=True)
class Vocabulary:
    zipf: dict[str, float]
    english: frozenset[str] = frozenset()
    # Words written with marks Norwegian does not use that are still ordinary in that spelling («idé», «kafé»).
    marked_ordinary: frozenset[str] = frozenset()
    # Per document (:meth:`with_marked`): folded words the document writes with such marks («Grâce», «André»).
    marked: frozenset[str] = frozenset()

    def with_marked(self, marked: frozenset[str]) -> Vocabulary:
        """This vocabulary for a document in which ``marked`` (folded keys) were written with foreign marks: a
        word spelled «Grâce» is no ordinary word even though its folded key «grace» is an English one."""
        return Vocabulary(self.zipf, self.english, self.marked_ordinary, marked) if marked else self

    def frequency(self, word: str) -> float:
        """Zipf value of the folded word (letters.fold; 0.0 when wordfreq does not list it)."""
        return 0.0 if word in self.marked else self.zipf.get(word, 0.0)

    def is_english(self, word: str) -> bool:
        """A common English word (casefolded input): capitalised in an English term, not a name."""
        return word in self.english and word not in self.marked

    def is_ordinary(self, word: str) -> bool:
        """True for a frequent word or a compound of frequent words (casefolded input)."""
        return word not in self.marked and _is_ordinary(self, word)

    def is_derived(self, word: str) -> bool:
        """An inflected form of an ordinary word or a compound of ordinary words («kantina», «lagerarbeid»),
        as common nouns are; a place name («forus») usually is neither, however often wordfreq saw it."""
        if (
            word.endswith("a")
            and len(word) >= 5
            and (self.zipf.get(word[:-1] + "e", 0.0) >= 2.5 or self.zipf.get(word[:-1], 0.0) >= 3.5)
        ):
            return True  # the feminine definite: «kantina» (kantine), «vakta» (vakt)
        bases = [word[: -len(e)] for e in ("ene", "en", "et", "er", "ne", "n", "t") if word.endswith(e)]
        if any(len(b) >= 4 and self.zipf.get(b, 0.0) >= 2.0 for b in bases):
            return True  # «resepsjonen» (resepsjon), a rare noun in a definite or plural form
        return _is_inflected(self, word) or _is_compound(self.zipf, word, 0)

    def is_trade_noun(self, word: str) -> bool:
        """The definite form of a trade's workshop («vaskeriet», «gartneriene»): rare in wordfreq, but a common noun,
        no place or firm."""
        return word.endswith(("eriet", "eriene")) and self.is_derived(word)

    def is_short_compound(self, word: str) -> bool:
        """A compound of a frequent three-letter word and an ordinary one («bilvask», «dagsenter»), which the
        compound rule (four letters a part) does not see."""
        head, tail = word[:3], word[3:]
        return len(tail) >= MIN_PART and self.zipf.get(head, 0.0) >= 4.5 and _is_ordinary(self, tail)

    def is_feminine_definite(self, word: str) -> bool:
        """«mappa», «bakka»: the feminine definite form of a common noun in -e, which wordfreq lists seldom."""
        return word.endswith("a") and len(word) >= 4 and self.zipf.get(word[:-1] + "e", 0.0) >= VOCABULARY_ZIPF


_MEMO: dict[str, bool] = {}


def _is_ordinary(vocab: Vocabulary, word: str) -> bool:
    hit = _MEMO.get(word)
    if hit is not None:
        return hit
    result = _check(vocab, word)
    if len(_MEMO) < 500_000:
        _MEMO[word] = result
    return result


def _check(vocab: Vocabulary, word: str) -> bool:
    z = vocab.zipf
    if z.get(word, 0.0) >= VOCABULARY_ZIPF or _is_inflected(vocab, word):
        return True
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        return bool(parts) and all(_check(vocab, p) for p in parts)
    return _is_compound(z, word, 0) or _is_loan_compound(vocab, word)


def _is_loan_compound(vocab: Vocabulary, word: str) -> bool:
    """An English loanword before a Norwegian word («truckbevis», «teamleder»):
    Norwegian compounds borrowed heads freely, and wordfreq's Norwegian list has few of them."""
    n = len(word)
    return any(
        word[:i] in vocab.english and vocab.zipf.get(word[i:], 0.0) >= COMPOUND_PART_ZIPF
        for i in range(MIN_PART, n - MIN_PART + 1)
    )


DEFINITE_ENDINGS = ("ene", "en", "et")
AFTER_E_ENDINGS = ("ne", "n", "t")  # a stem in -e takes a shorter ending: case → casen, casene
MIN_BASE = 4  # «Karen» is not «kar» + «-en»; a base of four letters or more is a real stem


def _is_inflected(vocab: Vocabulary, word: str) -> bool:
    """A definite form of an ordinary noun, loanwords included: «casen», «teamet», «casene», «jobbsøkerne».

    wordfreq lists inflected forms it has seen; Norwegian writes English loanwords with Norwegian endings
    («casen»), which it may not have. Only definite endings are stripped, never the genitive -s, so a name in
    the genitive («Tesfamariams») is still unknown.
    """
    bases = [word[: -len(e)] for e in DEFINITE_ENDINGS if word.endswith(e)]
    bases += [b for b in (word[: -len(e)] for e in AFTER_E_ENDINGS if word.endswith(e)) if b.endswith("e")]
    if word.endswith("erne"):  # plural definite of an agent noun: jobbsøkerne → jobbsøker
        bases.append(word[:-2])
    return any(len(base) >= MIN_BASE and (vocab.is_english(base) or _is_ordinary(vocab, base)) for base in bases)


def _is_compound(z: dict[str, float], word: str, depth: int) -> bool:
    """``word`` splits into a frequent head and a frequent (or compound) tail, with an optional linking s/e."""
    n = len(word)
    if depth > 2 or n < 2 * MIN_PART:
        return False
    for i in range(n - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:i], word[i:]
        if z.get(tail, 0.0) < COMPOUND_PART_ZIPF and not (depth < 2 and _is_compound(z, tail, depth + 1)):
            continue
        if z.get(head, 0.0) >= COMPOUND_PART_ZIPF:
            return True
        if len(head) > MIN_PART and head[-1] in "se" and z.get(head[:-1], 0.0) >= COMPOUND_PART_ZIPF:
            return True
    return False


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """Norwegian bokmål word frequencies from wordfreq's large list (read once per process)."""
    from wordfreq import get_frequency_dict

    freqs = get_frequency_dict("nb", wordlist="large")
    zipf = {w: math.log10(f) + 9 for w, f in freqs.items() if f > 0 and (w.isalpha() or "-" in w)}
    # The anonymiser looks words up by their folded key («idé» → «ide»); wordfreq's keys are lower case.
    marked_ordinary = set()
    for w in [w for w in zipf if fold(w) != w]:
        z = zipf.pop(w)
        key = fold(w)
        zipf[key] = max(z, zipf.get(key, 0.0))
        if any(w == m or (w.startswith(m) and w[len(m) :] in MARKED_ENDINGS) for m in MARKED_WORDS):
            marked_ordinary.add(w)
    english = frozenset(
        w for w, f in get_frequency_dict("en", wordlist="small").items() if f > 0 and math.log10(f) + 9 >= ENGLISH_ZIPF
    )
    return Vocabulary(zipf, english, frozenset(marked_ordinary))
