"""Letters and words in any script the anonymiser meets: combining marks, decomposed text, folded keys.

Names reach Norwegian case notes in many spellings: Yoruba «Fọ̀láṣadé» carries a tone mark that has no
precomposed letter (``ọ`` + U+0300 COMBINING GRAVE), Vietnamese «Nguyễn» stacks two marks, Icelandic
«Þórdís» uses letters Norwegian lacks, and text pasted from some systems is decomposed (NFD: «å» as «a» +
U+030A). The same person is often written without the marks too («Oluwasegun» beside «Olúwaségun»).

* :data:`WORD_RE` takes combining marks as part of a word, so no name is cut in two at a mark.
* :func:`fold` is the key every lookup uses: case-folded, composed, with the marks of other alphabets
  removed («Àjàyí» → «ajayi», «Þórdís» → «thordis», «Małgorzata» → «malgorzata»). The Norwegian letters
  æ, ø and å are kept, so «på» and «pa» stay different words.
* :func:`nfc_with_offsets` composes a decomposed input and says where each composed character came from,
  so the pipeline can work on composed text and still report spans of the input.
"""

from __future__ import annotations

import re
import unicodedata

# Combining diacritical marks (and their extensions and supplements, the half marks, the marks for symbols).
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_L = r"[^\W\d_]"
_WORD = _L + r"+(?:[" + MARKS + r"]+" + _L + r"*)*"
# A word: letters with any combining marks, joined by hyphens or apostrophes («al-Hassan», «O'Neill»).
WORD_PATTERN = _WORD + r"(?:[-'’]" + _WORD + r")*"
WORD_RE = re.compile(WORD_PATTERN)
HAS_MARK_RE = re.compile("[" + MARKS + "]")

# Letters outside Norwegian that do not decompose into a base letter and a mark.
_SPECIAL = {"ð": "d", "đ": "d", "þ": "th", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n", "ß": "ss"}
_RING = "\u030a"


FOREIGN_RE = re.compile("[^\x00-\x7fæøåÆØÅ]")
_CACHE: dict[str, str] = {}
FOLDED = _CACHE  # read-only view for hot loops: ``FOLDED.get(word) or fold(word)``


def fold(word: str) -> str:
    """The lookup key of a word: case-folded, composed, without the diacritics of other alphabets."""
    key = _CACHE.get(word)
    if key is None:
        key = word.lower() if word.isascii() or not FOREIGN_RE.search(word) else _fold(word)
        if len(_CACHE) < 500_000:
            _CACHE[word] = key
    return key


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    out: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            if ch == _RING and out and out[-1] in "aA":
                out.append(ch)  # «å» is a Norwegian letter, not «a» with a mark
            continue
        out.append(_SPECIAL.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(out))


def nfc_with_offsets(text: str) -> tuple[str, list[int]] | None:
    """``(composed, origin)`` for a text that is not in NFC, else None.

    ``origin[i]`` is the offset in ``text`` of the cluster that composed character ``i`` belongs to, and
    ``origin[len(composed)] == len(text)``, so a span ``[a, b)`` of the composed text is
    ``[origin[a], origin[b])`` of the input. Clusters are a character without a combining class and the marks
    after it; if composing cluster by cluster does not give the text's NFC (scripts that compose across
    clusters), None is returned and the text is used as it is.
    """
    if unicodedata.is_normalized("NFC", text):
        return None
    parts: list[str] = []
    origin: list[int] = []
    start = 0
    n = len(text)
    while start < n:
        end = start + 1
        while end < n and unicodedata.combining(text[end]):
            end += 1
        composed = unicodedata.normalize("NFC", text[start:end])
        parts.append(composed)
        origin.extend([start] * len(composed))
        start = end
    joined = "".join(parts)
    if joined != unicodedata.normalize("NFC", text):
        return None
    origin.append(n)
    return joined, origin
