"""Words built as no Norwegian word is: the spelling of a foreign name («zazai», «zmarai», «zilinskas»).

In a lower-case chat a name has no capital to show it. A word that no dictionary knows (the caller checks that)
may be a typo or a name; a typo keeps the letters of Norwegian, a foreign name often does not. Norwegian writes
z, w, q and x only in loanwords (which wordfreq knows), c only as «ch» or «ck», and has no words ending like
Lithuanian, Polish, Ukrainian, Georgian or Persian surnames do. Greetings and interjections borrowed from
other languages («merci», «gracias», «wallah») are foreign words, not names: a word common in one of the
languages wordfreq covers (Zipf 4.5, a few times in every ten thousand words) is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Letters Norwegian vocabulary does not use outside loanwords, and «c» that is not «ch»/«ck»
_FOREIGN_LETTERS_RE = re.compile(r"[zwqx]|c(?![hk])")
# Surname endings of the largest East European and Caucasian groups in Norway, and the Persian «-zadeh»
FOREIGN_ENDINGS = (
    "auskas",
    "iauskas",
    "inskas",
    "iene",
    "aite",
    "yte",
    "iute",
    "aitis",
    "evicius",
    "avicius",
    "enas",
    "owski",
    "owska",
    "ewski",
    "ewska",
    "inski",
    "inska",
    "czyk",
    "wicz",
    "enko",
    "chuk",
    "shvili",
    "dze",
    "zadeh",
    "poor",
    "pour",
)


def foreign_shape(key: str) -> bool:
    """``key`` (folded, lower case) is spelt as no Norwegian word is: z, w, q, x, a «c» outside «ch»/«ck», or a
    foreign surname ending. Four letters at least, letters only."""
    if len(key) < 4 or not key.isalpha():
        return False
    shaped = _FOREIGN_LETTERS_RE.search(key) is not None or key.endswith(FOREIGN_ENDINGS)
    return shaped and not common_abroad(key)


# Interjections from Arabic that Norwegian chat borrows, written in Latin letters: no wordlist has them
INTERJECTIONS = frozenset("wallah walla wallahi inshallah inshalla mashallah yalla habibi khalas".split())
_OTHER_LANGUAGES = ("fr", "de", "es", "it", "pt", "pl", "sv", "nl", "tr")
COMMON_ABROAD_ZIPF = 4.5


@lru_cache(maxsize=4096)
def common_abroad(key: str) -> bool:
    """A common word of another language («merci», «danke») or a borrowed interjection, not a name."""
    if key in INTERJECTIONS:
        return True
    from wordfreq import zipf_frequency

    return any(zipf_frequency(key, lang) >= COMMON_ABROAD_ZIPF for lang in _OTHER_LANGUAGES)
