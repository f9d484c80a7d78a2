"""Short forms, initials and genitives of a name: when two written forms stand for one person.

Case notes name the same person in several ways: «Oleksandr» and «Sasha», «Abdirisaq» and «Abdi»,
«Olúwaségun» and «Olu» or «Ségun», «Jean-Claude» and «JC», «Marte Engebretsen» and «ME», a surname before the
full name is given. analysis/anonymise/people.py joins such forms into one person once the whole document has
been read; this module says which forms may be joined:

1. a **known short form** (data/lexicon/short_forms.tsv: «Sasha» for Oleksandr, «Gosia» for Małgorzata; a
   full name ending in «*» covers a family of names: «Abdi» for every «Abd…»);
2. a **prefix** of three letters or more («Olu» – «Oluwaseun», «Abdi» – «Abdirisaq»), such a prefix with a vowel
   added («Tsegi» – «Tsegereda»), or a **suffix** of four
   or more («Segun» – «Oluwasegun»), when the full form is at least two letters longer, or a prefix of what
   follows a compound name's first element («Dami» – «Oluwa-damilare», «Rahman» – «Abdul-rahman»);
3. the **initials** of a hyphenated given name («jc» – «Jean-Claude») or of a full name («ME» – «Marte
   Engebretsen»);
4. a **genitive** «-s» («Marie-Thérèses» – «Marie-Thérèse»);
5. a **transliteration variant**: the same after dropping the «h» of «gh», «kh», «th», «dh» and doubled letters
   («Kalid» – «Khalid», «Hasan» – «Hassan»), unless both are in the given-name list.

Rule 2 is not used between two names that are both in the given-name list («Kari» and «Karin», «Tor» and
«Torill» are different names), except for the Arabic theophoric compounds («Sami» – «Samiullah»,
«Nasir» – «Nasiruddin»), where the short form is the name's first element.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.anonymise.letters import fold
from analysis.anonymise.lexicon import LEXICON_DIR

THEOPHORIC_TAILS = frozenset({"ullah", "ollah", "allah", "ullahi", "uddin", "eddin", "addin", "udin", "din"})
# First elements of compound given names that a short form leaves out: Yoruba «Olúwa-dámiláre» → «Dami»,
# Tigrinya «Gebre-kidan» → «Kidan», Arabic «Abdul-rahman» → «Rahman».
NAME_HEADS = ("oluwa", "olu", "abdul", "abdel", "abdi", "gebre", "wolde", "habte", "tekle", "haile")


@dataclass(frozen=True)
class ShortForms:
    exact: dict[str, frozenset[str]]
    families: tuple[tuple[str, frozenset[str]], ...]  # (prefix of the full name, short forms)

    def known(self, short: str, full: str) -> bool:
        if short in self.exact.get(full, ()):
            return True
        return any(full.startswith(prefix) and short in shorts for prefix, shorts in self.families)


@lru_cache(maxsize=2)
def load_short_forms(path: Path = LEXICON_DIR / "short_forms.tsv") -> ShortForms:
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    exact: dict[str, frozenset[str]] = {}
    families: list[tuple[str, frozenset[str]]] = []
    for row in csv.DictReader(rows, delimiter="\t"):
        shorts = frozenset(fold(s.strip()) for s in row["short forms"].split(",") if s.strip())
        full = fold(row["full"].strip())
        if full.endswith("*"):
            families.append((full[:-1], shorts))
        else:
            exact[full] = exact.get(full, frozenset()) | shorts
    return ShortForms(exact, tuple(families))


def _spelling_key(name: str) -> str:
    """A name with the «h» of «gh», «kh», «th», «dh» dropped and doubled letters single."""
    name = re.sub(r"([gktd])h", r"\1", name)
    return re.sub(r"(.)\1+", r"\1", name)


def is_short_form(short: str, full: str, forms: ShortForms, *, both_listed: bool, short_listed: bool = False) -> bool:
    """Whether the folded name part ``short`` can stand for the folded name part ``full`` (rules 1–4)."""
    if short == full or len(short) < 2:
        return False
    if short == full + "s" or (full.endswith(("s", "x", "z")) and short == full + "'"):
        return True  # a genitive the name finder did not strip
    if forms.known(short, full):
        return True
    if "-" in full and len(short) <= 3 and short == "".join(p[0] for p in full.split("-") if p):
        return True  # «jc» for «jean-claude»
    if not both_listed and len(short) >= 4 and _spelling_key(short) == _spelling_key(full):
        return True  # «Kalid» – «Khalid», «Hasan» – «Hassan»: two transliterations of one name
    if len(full) < len(short) + 2:
        return False
    if both_listed:
        return full.startswith(short) and full[len(short) :] in THEOPHORIC_TAILS
    if (len(short) >= 3 and full.startswith(short)) or (len(short) >= 4 and full.endswith(short)):
        return True
    if (
        not short_listed
        and len(short) >= 4
        and short[-1] in "aeiouy"
        and full.startswith(short[:-1])
        and full[len(short) - 1] != short[-1]
    ):
        return True  # «Tsegi» for «Tsegereda»: the first syllables and a vowel (not «Lina», a name of its own)
    head = next((h for h in NAME_HEADS if full.startswith(h) and len(full) - len(h) >= 4), "")
    return bool(head) and len(short) >= 3 and full[len(head) :].startswith(short)


def initials_of(name: tuple[str, ...]) -> set[str]:
    """The initials a multi-part name is abbreviated to: «marte engebretsen» → me; «jean-claude x» → jcx, jx."""
    if len(name) < 2:
        return set()
    every = "".join(piece[0] for part in name for piece in part.split("-") if piece)
    per_part = "".join(part[0] for part in name if part)
    return {every, per_part}
