"""Is an origin word used as the name of a language? The question behind «snakker tigrinja og arabisk».

A language's name is generalised to its world region as «et østafrikansk språk» (analysis/anonymise/quasi.py)
only where it names a language, and that decides the grammar too: «snakker arabisk» is a language («et
midtøstlig språk» would be the replacement), «arabisk bakgrunn» an adjective. A word names a language:

* after a word that speaks of language, maybe with a filler between: «snakker (litt, godt, både) X», «forstår
  X», «på X», «tolk (på) X», «morsmål X», «lærer i X»; after a label «Språk:», «Morsmål:»;
* before «som morsmål», «er morsmålet», «-tolk», «språket»; as the subject's complement of «morsmålet er X»;
* as the next item of a list whose first item names a language («snakker tigrinja, arabisk og engelsk»).

Policy (data/lexicon/languages.tsv, region «*»; the corpus README says the same): the widely spoken languages
(engelsk, fransk, spansk, portugisisk, arabisk, russisk, swahili) stay where they name a language: they are
spoken in many countries of several world regions, so they identify little, and generalising them would make
a note hard to read. A generated CLDR language name, or one that is also an ordinary word or a name («tigre»,
«ewe»), counts only where it names a language.
"""

from __future__ import annotations

import re

from analysis.anonymise.workspace import Word, prev_word

LANGUAGE_CONTEXT = frozenset(
    "snakker snakket snakke snakk snakka snakkar prater pratet snakkes forstår forsto forstod forstå lærer lærte "
    "lære på morsmål morsmålet morsmålene tolk tolken tolker tolking språket språk språkene kan kunne skriver "
    "skrev leser behersker mestrer".split()
)
# Words that may stand between «snakker» and the language: «snakker litt/godt/både/også arabisk».
FILLERS = frozenset(
    "litt godt flytende både også bare mest noe dårlig gebrokkent perfekt veldig mye lite helst best nesten kun "
    "ganske svært bra mer mindre jo".split()
)
SUBJECT_NOUNS = frozenset(
    "lærer lærar lærerutdanning undervisning undervisningen kurs kurset eksamen opplæring "
    "opplæringen timer karakter utdanning".split()
)
LANGUAGE_SUBJECTS = frozenset("morsmål morsmålet morsmåla morsmålene språket språk førstespråket førstespråk".split())
COPULAS = frozenset("er var blir ble".split())
_LABEL_RE = re.compile(r"(?:språk|morsmål|tolkespråk|språk/tolk|tolk)[ \t]*:[ \t]*\Z", re.I)
_AFTER_RE = re.compile(r"(?:[ \t]+som[ \t]+morsmål|[ \t]+er[ \t]+morsmålet|-?tolk\b|[ \t]+språket\b)", re.I)
_AFTER_LANGUAGE_RE = re.compile(r"språk(?:[ \t]*[,/][ \t]*|[ \t]+(?:og|eller)[ \t]+)\Z")
_LIST_GAP_RE = re.compile(
    r"(?:[ \t]*[,/(][ \t]*|[ \t]+(?:og|eller)[ \t]+)(?:(?:litt|noe|også|godt|eventuelt|evt\.|alternativt)[ \t]+)?"
)


def teaches_in(text: str, before: Word) -> bool:
    """«lærer i arabisk», «undervisning i polsk»: the adjective names a school subject, a language."""
    if before.key != "i":
        return False
    two_back = prev_word(text, before)
    return two_back is not None and two_back[0].key in SUBJECT_NOUNS


def after_copula(text: str, tok: Word) -> Word | None:
    """The word before «er/var» right before ``tok`` («kona er oromo» → «kona»), when there is one."""
    before = prev_word(text, tok)
    if before is None or before[1] != " " or before[0].key not in COPULAS:
        return None
    subject = prev_word(text, before[0])
    return subject[0] if subject is not None and subject[1] == " " else None


def names_language(text: str, tok: Word, last_language_end: int) -> bool:
    """Whether the origin word ``tok`` names a language (module docstring). ``last_language_end``: where the
    previous word that named a language ended (-1 if none), for lists."""
    if 0 <= last_language_end < tok.start and _LIST_GAP_RE.fullmatch(text, last_language_end, tok.start):
        return True
    if _AFTER_LANGUAGE_RE.search(text, max(0, tok.start - 16), tok.start):
        return True  # «et sentralafrikansk språk/fransk»: after a generalised language (a text run twice)
    before = prev_word(text, tok)
    steps = 0
    while before is not None and before[1] == " " and before[0].key in FILLERS and steps < 2:
        before = prev_word(text, before[0])
        steps += 1
    if (
        before is not None
        and not before[1].startswith(".")
        and (before[0].key in LANGUAGE_CONTEXT or teaches_in(text, before[0]))
    ):
        return True
    if _LABEL_RE.search(text, max(0, tok.start - 24), tok.start) or _AFTER_RE.match(text, tok.end):
        return True
    subject = after_copula(text, tok)
    return subject is not None and subject.key in LANGUAGE_SUBJECTS
