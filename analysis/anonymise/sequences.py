"""Known full names (analysis/anonymise/names.py, rule 6).

A name of several words, once found, is remembered as a sequence; every later occurrence of it, or of two or
more of its words in a row, is the same person, in any case and at a sentence start («Ma Ei tok …» after «Ma
Ei Sin Win»), even when each word alone is an ordinary word.
"""

from __future__ import annotations

from analysis.anonymise import cues
from analysis.anonymise.people import Mention
from analysis.anonymise.runs import NameRuns
from analysis.anonymise.runwords import TITLE_WORDS


class KnownNames(NameRuns):
    def remember(self, mention: Mention) -> None:
        """Remember the words of a name of several words, and every run of two or more of them."""
        i = self.by_start.get(mention.start)
        if i is None or self.toks[i].key in cues.TITLES_FULL | cues.TITLES_ABBR:
            return
        words = tuple(self.toks[k].key for k in range(i, mention.last_token + 1))
        if len(words) < 2 or any(len(w) == 1 for w in words):
            return
        for a in range(len(words) - 1):
            for b in range(a + 2, len(words) + 1):
                if all(w in TITLE_WORDS for w in words[a:b]):
                    continue  # «Supported Employment» is no part of a name that propagates
                whole = a == 0 and b == len(words)
                self.people.sequences.setdefault(words[a], {})[words[a:b]] = (mention.parts, whole)

    def sequence_at(self, i: int) -> Mention | None:
        """A known full name, or two or more of its words in a row, starting at token i: in a capitalised text the
        whole name in any case, a part of it only when capitalised."""
        options = self.people.sequences.get(self.toks[i].key)
        if not options:
            return None
        best: tuple[int, tuple[str, ...]] | None = None
        toks = self.toks
        for words, (parts, whole) in options.items():
            j = i + len(words) - 1
            if j >= len(toks) or (best and j <= best[0]):
                continue
            last = len(words) - 1
            if not all(
                (toks[i + n].key == w or (n == last and toks[i + n].key == w + "s"))  # «Kler Htoos»: a genitive
                and (n == 0 or self.gap_before(i + n) == " ")
                for n, w in enumerate(words)
            ):
                continue
            if whole or self.ws.lower_case or all(toks[k].capitalised for k in range(i, j + 1)):
                best = (j, parts)
        if best is None:
            return None
        j, parts = best
        got = self.base(self.toks[j])
        suffix, extra = (got[1], got[2]) if got else ("", 0)
        end = self.toks[j].end + extra
        nxt = self.toks[j + 1] if j + 1 < len(self.toks) and self.gap_before(j + 1) == " " else None
        if (
            not extra
            and nxt is not None
            and len(nxt.text) == 1
            and nxt.text.isupper()
            and self.text[nxt.end : nxt.end + 1] == "."
        ):
            j, end = j + 1, nxt.end + 1  # «Per Arne S.» after «Per Arne Solheim»: the surname's initial goes too
        unlearned = frozenset(p for p in parts if p not in self.people.learned)  # «sin» of «Ma Ei Sin Win» stays a word
        reason = "kjent navn i flere ledd"
        start = self.toks[i].start
        if i > 0 and self.toks[i - 1].key in cues.HONORIFICS and self.gap_before(i) == " ":
            start = self.toks[i - 1].start  # «Saw Kler Htoo» after «Kler Htoo»: the honorific goes with the name
        return Mention(start, end, parts, suffix, None, False, reason, False, j, unlearned)

    def keys(self, i: int, j: int) -> tuple[tuple[str, ...], str, int]:
        """The lookup keys of the name on tokens i..j (particles, honorifics and initials left out), the genitive
        suffix of its last word and how many characters that suffix adds."""
        parts: list[str] = []
        suffix, extra = "", 0
        for k in range(i, j + 1):
            tok = self.toks[k]
            if (tok.key in cues.PARTICLES and k != i) or (tok.key in cues.HONORIFICS and k < j):
                continue
            if len(tok.text) == 1 and k != j:
                continue
            got = self.base(tok)
            if got is None:
                parts.append(tok.key)
                continue
            parts.append(got[0])
            if k == j:
                suffix, extra = got[1], got[2]
        return tuple(parts), suffix, extra
