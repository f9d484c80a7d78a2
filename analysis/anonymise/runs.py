"""How far a name reaches: the words that join a name part, to the right and to the left (known full names:
analysis/anonymise/sequences.py).

analysis/anonymise/names.py decides that a word is (part of) a name; this module decides which neighbours
belong to the same name (names.py, rule 6), so that a name is replaced whole:

* **Name parts** to the right: lexicon names, unknown words, initials («J.»), particles (van der, bin, al, da
  …) before a capitalised part, and in a capitalised text a capitalised surname that is an ordinary word
  («Trine Holmstad», «Åsmund Rue») or a place name («Astrid Sande»); in a lower-case text a surname by the rules
  of analysis/anonymise/surnames.py («kari-anne lyng», «kristin berget»). To the left, particles and the given
  name before them
  («Ine van der Broek»). The words that end a run are listed in analysis/anonymise/runwords.py.
* **Capitalised runs.** In a capitalised text, words capitalised in the middle of a sentence are proper
  nouns, and adjacent ones belong together. Once a run holds a name part, every adjacent capitalised word
  joins it, whatever it means on its own: «Ei Mon Sin Aye», «Saw Ka Paw», «Ana Rosa Lima» (Burmese, Karen and
  Portuguese names whose parts are also words). To the left a word joins when it is capitalised in the middle
  of a sentence, or when it opens the sentence and is itself a name candidate («Åsmund Rue.»). Words that
  are never part of a name end a run: role nouns and other cue words, prepositions and conjunctions,
  pronouns, months and weekdays, acronyms, NAV's own proper nouns. A run of two capitalised words needs one
  that is not common Norwegian (Zipf below 4); a longer run one that is below 5 or not Norwegian at all.
"""

from __future__ import annotations

import re

from analysis.anonymise import cues
from analysis.anonymise.namewords import MAX_NAME_WORDS, NOT_NAMES
from analysis.anonymise.runwords import OPENERS, RUN_STOP, TITLE_WORDS, is_job_title
from analysis.anonymise.surnames import LowerCaseSurnames
from analysis.anonymise.workspace import Word, is_sentence_start, match_phrase

_INITIAL_END_RE = re.compile(r"\.(?: |[ \t]*(?:\n|$))")  # «Per S. Hansen», and «Marte A.» closing a signature
_SHORT_PARTICLE_RE = re.compile(r"(?:v\. ?d\.|v/d|v\.d) ?(?=[A-ZÆØÅ])")


class NameRuns(LowerCaseSurnames):
    # -- which words may stand in a capitalised run ----------------------------------------------------------
    def run_word(self, tok: Word) -> bool:
        """A capitalised word that may be part of a multi-word name (see the module docstring)."""
        key = tok.key
        return (
            tok.capitalised
            and not (tok.text.isupper() and len(tok.text) > 1)
            and key not in RUN_STOP
            and key not in OPENERS
            and key not in self.lex.proper_nouns
            and key not in self.lex.months
            and key not in cues.PARTICLES
            and not is_job_title(key)
            and not self._acronym_compound(tok)
            and self.text[tok.end : tok.end + 1] != "-"
        )

    def run_at(self, i: int, *, long: bool = False) -> bool:
        """A capitalised run that is a name starts at token i; ``long``: of three words or more, or of two with a
        lexicon name («på Bir Prasad»), so that a locative before it does not make it a place."""
        if self.ws.lower_case or not self.toks[i].capitalised:
            return False
        run = self.run_end(i)
        if run == i or not self.run_is_name(i, run):
            return False
        return not long or run > i + 1 or any(self.is_lex(self.toks[k].key) for k in range(i, run + 1))

    def run_end(self, i: int) -> int:
        """Last token of the capitalised run that starts at token i (i itself when it is not in one)."""
        toks, j = self.toks, i
        if self.ws.lower_case or not self.run_word(toks[i]):
            return i
        while j - i < MAX_NAME_WORDS - 1 and j + 1 < len(toks) and self.gap_before(j + 1) == " ":
            nxt = toks[j + 1]
            if not self.run_word(nxt) or is_sentence_start(self.text, nxt.start):
                break
            j += 1
        return j

    def run_is_name(self, i: int, j: int) -> bool:
        """The run i..j holds enough of a name (see the module docstring) and is not a known place or term."""
        if j <= i or self.ws.lower_case:
            return False
        toks = self.toks
        keys = [toks[k].key for k in range(i, j + 1)]
        if all(self.vocab.is_english(k) for k in keys) or match_phrase(self.lex.countries, self.text, toks[i]):
            return False
        if is_sentence_start(self.text, toks[i].start) and self.base(toks[i]) is None:
            # The first word opens the sentence: the rest must make the name, and a common word may not join it.
            if self.vocab.frequency(keys[0]) >= (4.0 if j == i + 1 else 5.0):
                return False
            keys = keys[1:]
        elif match_phrase(self.lex.places, self.text, toks[i]):
            return False
        limit = 4.0 if len(keys) <= 2 and j == i + 1 else 5.0
        return any(
            self.is_lex(k) or k in self.people.learned or self.vocab.frequency(k) < limit or self.is_unknown(k)
            for k in keys
        )

    def second_of_place_pair(self, i: int) -> bool:
        """Token i is the second of two capitalised words after a locative, neither of them a known name."""
        if i < 2 or self.ws.lower_case or self.toks[i - 2].key not in cues.STRONG_LOCATIVE:
            return False
        if self.gap_before(i) != " " or self.gap_before(i - 1) != " ":
            return False
        first = self.toks[i - 1]
        return (
            self.toks[i].capitalised
            and self.run_word(first)
            and self.run_end(i - 1) == i
            and not any(self.is_lex(k) or k in self.people.learned for k in (first.key, self.toks[i].key))
        )

    # -- spans --------------------------------------------------------------------------------------------
    def extend(self, i: int) -> int:
        """Index of the last token of the name that starts at token i (rule 6)."""
        toks, text = self.toks, self.text
        j = i
        lower = not toks[i].capitalised
        while j - i < MAX_NAME_WORDS - 1 and j + 1 < len(toks):
            cur, nxt = toks[j], toks[j + 1]
            gap = text[cur.end : nxt.start]
            if (
                len(cur.text) == 1
                and cur.text.isupper()
                and gap in (".", ".-")
                and len(nxt.text) == 1
                and nxt.text.isupper()
            ):
                j += 1  # «J.E. Fossum», «J.-B. Niyonzima»: initials written together
                continue
            if len(cur.text) == 1 and cur.text.isupper() and gap == ". ":
                if nxt.capitalised:
                    j += 1
                    continue
                behind = self.after_particles(j + 1)
                if behind is None:
                    break  # «T.E. den andre»: initials, and an ordinary word after them
                j = behind  # «M. van der Steeg»
                continue
            if gap != " ":
                break
            if self.base(cur) and self.base(cur)[1]:  # type: ignore[index]
                break  # a genitive ends the name
            short = _SHORT_PARTICLE_RE.match(text, nxt.start)
            if short and (k := self.by_start.get(short.end())) is not None and toks[k].capitalised:
                j = k  # «Marieke v.d. Heuvel»: «van der» written short
                continue
            if nxt.key in cues.PARTICLES and j + 2 < len(toks) and text[nxt.end : toks[j + 2].start] == " ":
                after = toks[j + 2]
                if after.key in cues.PARTICLES and j + 3 < len(toks):
                    after = toks[j + 3]
                if after.capitalised or (lower and self.base(after) and not self.vocab.is_ordinary(after.key)):
                    j = self.by_start[after.start]
                    continue
                break
            if len(nxt.text) == 1 and nxt.text.isupper() and _INITIAL_END_RE.match(text, nxt.end):
                j += 1
                continue
            if j == i and self.ws.lower_case and self.honorific_opens(j + 1) and self.name_part_after(j + 1):
                j += 2  # «saw ler moo»: the honorific, a common word and a name part are one name
                continue
            if j == i and self.initial_at_end(cur, nxt):
                j += 1  # «hilsen jørgen h», «silje b:»: a given name and the first letter of the surname
                continue
            if self.joins_run(i, j, nxt) or self.capital_bridge(j + 1):
                j += 1
                continue
            glued = nxt.key.startswith(("al-", "el-")) and nxt.text[3:4].isupper()
            if (
                not glued
                and nxt.capitalised != (not lower)
                and not (lower and self.ws.lower_case and nxt.capitalised and self.is_lex(nxt.key))
            ):
                break
            if nxt.text.isupper() and len(nxt.text) > 1 and not cur.text.isupper():
                break
            got = self.base(nxt)
            if (
                got is None
                and not lower
                and not self.ws.lower_case
                and self.cap_name_like(nxt, english=True)
                and not match_phrase(self.lex.places, text, nxt)
            ):
                got = (nxt.key, "", 0)  # «Trine Holmstad», «Åsmund Rue»: surnames that are ordinary words
            if got is None and self.learned_only and self.unknown_neighbour(nxt, lower):
                got = (nxt.key, "", 0)  # «blessing nwosu» once «blessing» is known: the surname comes along
            if got is None and j == i and (self.double_given_surname(cur, nxt) or self.farm_surname(i, nxt)):
                j += 1  # «kari-anne lyng», «kristin berget»: the surname after a given name in lower case
                continue
            if got is None and self.bridges(j + 1):
                j += 1  # «saw ka paw» in lower case: a short rare word between two name parts
                continue
            if got is None or nxt.key in NOT_NAMES or nxt.key in TITLE_WORDS or self.english_in_chat(nxt):
                break
            if (
                self.ambiguous(got[0])
                and got[0] not in self.people.learned
                and not self.is_lex(got[0])
                and not (nxt.capitalised and not self.ws.lower_case and self.cap_name_like(nxt, english=True))
            ):
                break
            if (
                not self.is_lex(got[0])
                and match_phrase(self.lex.places, text, nxt)
                and not (j == i and self.farm_surname(i, nxt))
            ) or nxt.key in cues.STREET_WORDS:
                break
            j += 1
        return j

    def after_particles(self, k: int) -> int | None:
        """Index of the capitalised name part after one or two particles that start at token k («van der
        Steeg»), or None when token k is no particle or no capitalised part follows."""
        toks, n = self.toks, k
        while n < len(toks) and n - k < 2 and toks[n].key in cues.PARTICLES and not toks[n].capitalised:
            n += 1
        if n == k or n >= len(toks) or any(self.gap_before(m) != " " for m in range(k + 1, n + 1)):
            return None
        return n if toks[n].capitalised and self.run_word(toks[n]) else None

    def initial_at_end(self, cur: Word, nxt: Word) -> bool:
        """One letter after a given name of the lexicon, closing the line or the sentence: a surname's initial
        written without its full stop. Not «i» or «å» (words), not a capital letter (rule for «J.» elsewhere)."""
        return (
            len(nxt.text) == 1
            and nxt.text.islower()
            and nxt.key not in ("i", "å", "e", "o")
            and cur.key in self.lex.given
            and not self.ambiguous(cur.key)
            and re.match(r"[ \t]*(?:$|[.,!?:)\n])", self.text[nxt.end : nxt.end + 2]) is not None
        )

    def joins_run(self, i: int, j: int, nxt: Word) -> bool:
        """In a capitalised text, a capitalised word after a name part joins it (module docstring), a place name
        too when it is a surname («Astrid Sande»), unless «kommune» or «fylke» follows."""
        if self.ws.lower_case or not self.toks[i].capitalised or not self.run_word(nxt):
            return False
        if is_sentence_start(self.text, nxt.start) or nxt.key in cues.STREET_WORDS:
            return False
        after = self.toks[j + 2] if j + 2 < len(self.toks) and self.gap_before(j + 2) == " " else None
        if after is not None and after.key in cues.PLACE_NOUNS | cues.STREET_WORDS:
            return False
        if match_phrase(self.lex.countries, self.text, nxt):
            return False
        place = match_phrase(self.lex.places, self.text, nxt)
        if place is not None:
            return place[0].end == nxt.end and (self.is_lex(self.toks[j].key) or j > i)
        return True

    def capital_bridge(self, k: int) -> bool:
        """In a capitalised text, token k is a verb written with a capital in the middle of a sentence between two
        parts of a name: «Saw Ler Htoo» («ler» laughs), «Ei Mon Sa Aye». A verb is never capitalised there."""
        toks = self.toks
        if self.ws.lower_case or k < 1 or k + 1 >= len(toks):
            return False
        tok, before, after = toks[k], toks[k - 1], toks[k + 1]
        if not (tok.capitalised and before.capitalised and after.capitalised) or tok.text.isupper():
            return False
        if tok.key not in cues.SPEECH_VERBS and tok.key not in cues.FINITE_VERBS:
            return False
        if self.gap_before(k) != " " or self.gap_before(k + 1) != " " or is_sentence_start(self.text, tok.start):
            return False
        return (self.run_word(before) or before.key in cues.HONORIFICS) and self.run_word(after)

    def name_part_after(self, k: int) -> bool:
        """Token k + 1 follows token k after one space and is a name part: known, or no common word."""
        if k + 1 >= len(self.toks) or self.gap_before(k + 1) != " ":
            return False
        tok = self.toks[k + 1]
        return tok.key not in RUN_STOP and (self.base(tok) is not None or self.unknown_neighbour(tok))

    def unknown_neighbour(self, tok: Word, lower: bool = True) -> bool:
        """A word next to a known name that is no Norwegian or English word: another part of that name (in a
        capitalised text only when it is capitalised, or the name is written in lower case too)."""
        if not self.ws.lower_case and not (tok.capitalised or lower):
            return False
        return self.is_unknown(tok.key) and not self.vocab.is_english(tok.key) and tok.key not in RUN_STOP

    def bridges(self, k: int) -> bool:
        """In a lower-case text, token k is a word that is not common Norwegian between two name parts."""
        toks = self.toks
        if not self.ws.lower_case or k + 1 >= len(toks) or self.gap_before(k + 1) != " ":
            return False
        word, after = toks[k], toks[k + 1]
        got = self.base(after)
        return (
            word.key not in RUN_STOP
            and self.vocab.frequency(word.key) < 4.0
            and not self.english_in_chat(word)
            and got is not None
            and not self.ambiguous(got[0])
            and after.key not in RUN_STOP
        )

    def extend_left(self, i: int, j: int) -> int:
        """First token of the name whose first found part is token i (module docstring, capitalised runs): a
        capitalised word in the middle of a sentence, or at its start a name candidate, a word that is not
        common Norwegian, or the first word of a name known from before."""
        toks, first = self.toks, i
        if not toks[i].capitalised and not self.ws.lower_case:
            return i
        if self.ws.lower_case:
            # Lower case: a name candidate right before a name part is part of it («blessing okafor»).
            while i > 0 and j - i < MAX_NAME_WORDS - 1 and self.gap_before(i) == " " and not toks[i - 1].capitalised:
                prev = toks[i - 1]
                if self.english_in_chat(prev):
                    break  # «my husband rodel»: English words before a name in an English message
                got = self.base(prev) or ((prev.key, "", 0) if self.unknown_neighbour(prev) else None)
                if ":" in self.text[self.text.rfind("\n", 0, prev.start) + 1 : prev.start] and self.slot_before(i - 1):
                    got = (prev.key, "", 0)  # «fra: dato beridze»: the name after a header label, whatever its words
                if got is None and self.honorific_opens(i - 1) and j - i < MAX_NAME_WORDS - 2:
                    return i - 2  # «saw ler moo»: after an honorific even a common word is part of the name
                if got is None or got[1] or prev.key in RUN_STOP or prev.key in OPENERS:
                    break
                if self.ambiguous(got[0]) and not self.slot_before(i - 1) and not self.given_before_name(i - 1):
                    break
                i -= 1
            return i
        while i > 0 and j - i < MAX_NAME_WORDS - 1 and self.gap_before(i) == " ":
            prev = toks[i - 1]
            if self.capital_bridge(i - 1) or self.capital_given_before(i):
                i -= 1
                continue
            if not self.run_word(prev) or not toks[i].capitalised:
                break
            if match_phrase(self.lex.countries, self.text, prev):
                break
            place = match_phrase(self.lex.places, self.text, prev)
            if (
                place is not None
                and not self.given_name_follows(i - 1)
                and not (
                    place[0].end == prev.end
                    and i - 1 > 0
                    and self.gap_before(i - 1) == " "
                    and self.run_word(toks[i - 2])
                    and not is_sentence_start(self.text, prev.start)
                )
            ):
                break  # a place ends a run unless more of the name stands before it («Rosa Lima Duarte»)
            if (
                is_sentence_start(self.text, prev.start)
                and (self.base(prev) is None or self.ambiguous(prev.key))
                and self.vocab.frequency(prev.key) >= (5.0 if j - first >= 1 or first - i >= 1 else 4.0)
                and (prev.key, toks[i].key) not in self.people.sequences.get(prev.key, {})
                and not self.slot_before(i - 1)
                and not (self.cap_ordinary(prev) and self.vocab.frequency(prev.key) < 5.5 and self.verb_after(i))
            ):
                break  # «Hos Kari», «Ring Kari»; but «Ana Rosa», «Saw Ka Paw», «Gul Tekle sa», and known names
            i -= 1
        return i

    def particle_head(self, i: int) -> int:
        """First token of the name with the particles before token i («van der Berg»), and the given name before
        the particles when it is capitalised in the middle of a sentence or a name candidate («Ine van den
        Broek», «ine van den broek» with «ine» in the lexicon)."""
        toks, k = self.toks, i
        while k > 0 and toks[k - 1].key in cues.PARTICLES and self.gap_before(k) == " ":
            k -= 1
        while k < i and toks[k].key in cues.SECOND_PARTICLES and not toks[k].capitalised:
            k += 1  # «IPS-teamet, der Jon Erik Kolstad»: «der» opens no name
        if k == i or k == 0 or self.gap_before(k) != " ":
            return k
        prev = toks[k - 1]
        got = self.base(prev)
        lower = not toks[k].capitalised and not toks[i].capitalised
        if lower and toks[k].key in cues.PRONOUNS and (got is None or prev.key in RUN_STOP):
            return i  # «tar du warsame-saken»: the pronoun «du», not the particle of «du Plessis»
        if prev.key in RUN_STOP or prev.key in OPENERS or is_job_title(prev.key):
            return k
        if prev.capitalised and not self.ws.lower_case:
            sstart = is_sentence_start(self.text, prev.start)
            if self.run_word(prev) and (not sstart or got is not None or self.vocab.frequency(prev.key) < 4.0):
                return k - 1
        elif got is not None and not got[1] and not self.ambiguous(got[0]):
            return k - 1
        return k

    def name_follows(self, i: int) -> bool:
        """A capitalised name word follows: «til Frøya Dahl» is a person, «til Frøya» a place."""
        toks = self.toks
        return (
            i + 1 < len(toks)
            and self.gap_before(i + 1) == " "
            and toks[i + 1].capitalised
            and toks[i + 1].key in self.people.learned
        )

    def verb_after(self, i: int) -> bool:
        """The name that token i is part of is the subject of a finite verb or a verb of speech right after it."""
        j = self.extend(i)
        return (
            j + 1 < len(self.toks)
            and self.gap_before(j + 1) == " "
            and (self.toks[j + 1].key in cues.FINITE_VERBS or self.toks[j + 1].key in cues.SPEECH_VERBS)
        )
