"""Local evidence around a name candidate: what stands before and after it (names.py, rule 5).

analysis/anonymise/namewords.py says what kind of word a candidate is; this module reads its neighbourhood:
role nouns before it («jobbspesialist Kari», «kona hans Gul»), header labels («Bruker: …»), titles, greetings
and sign-offs, appositions after it («Kari Nordby, jobbspesialist», «(veileder)»), an age in parentheses, a
verb of speech after it, and a chat speaker's position. :class:`Evidence` says how strong that is and which
role it gives (analysis/anonymise/cues.py lists the words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.anonymise import cues
from analysis.anonymise.namewords import _AGE_AFTER_RE, NameWords
from analysis.anonymise.workspace import Word

_LIST_GOES_ON_RE = re.compile(r"[ \t]*(?:og|eller|,[ \t]*[^\W\d_]+[ \t]+og)\b")
_HEADER_RE = re.compile(r"[ \t•*-]*([^\W\d_][\w ]{0,20}?)\.?[ \t]*:[ \t]*(?:[^\W\d_]+[ \t]+)?")


@dataclass
class Evidence:
    strong: bool = False
    role: str | None = None
    reason: str = ""
    letter_only: bool = False  # a role noun stands right before: render «jobbspesialist A»


class NameEvidence(NameWords):
    def evidence(self, i: int, j: int, key: str) -> Evidence:
        """Local evidence for the name spanning tokens i..j (rule 5)."""
        text, toks = self.text, self.toks
        first, last = toks[i], toks[j]
        if first.start in self.speakers:
            return Evidence(True, None, self.speakers[first.start])
        line_start = text.rfind("\n", 0, first.start) + 1
        head = text[line_start : first.start]
        m = _HEADER_RE.fullmatch(head) if ":" in head else None
        if m and m.group(1).casefold() in cues.HEADER_LABELS:
            label = m.group(1).casefold()
            role = cues.HEADER_LABELS[label]
            rest = head[m.end(1) :].split(":", 1)[1].strip().casefold()
            if rest in cues.ROLE_NOUNS:
                role = cues.ROLE_NOUNS[rest]
            if role is None:
                role = self.apposition_role(last)
            return Evidence(True, role, f"etter «{m.group(1)}:»")
        # before: title, role noun (with fillers), greeting
        k = i - 1
        between = self.gap_before(i)
        if k >= 0 and "\n" not in between:
            prev = toks[k]
            if (prev.key in cues.TITLES_FULL and between == " ") or (
                prev.key in cues.TITLES_ABBR and between.startswith(".")
            ):
                role = cues.LEGE if prev.key in ("dr", "doktor") else None
                return Evidence(True, role, f"etter tittel «{prev.text}»")
            if prev.key in cues.GREETINGS and between.strip() in ("", ","):
                return Evidence(True, None, f"etter «{prev.text}»")
            steps = 0
            while k >= 0 and steps < 3:
                tok = toks[k]
                gap = text[tok.end : toks[k + 1].start]
                if "\n" in gap or gap.strip() not in ("", ",", "(", "—", "-", "–"):
                    break
                two_word = cues.TWO_WORD_ROLES.get((toks[k - 1].key if k > 0 else "", tok.key))
                if two_word and steps == 0:
                    return Evidence(True, two_word, f"etter «{toks[k - 1].text} {tok.text}»", letter_only=False)
                if tok.key in cues.NEUTRAL_PERSON_NOUNS and steps == 0:
                    return Evidence(True, None, f"etter «{tok.text}»")
                if tok.key in cues.ROLE_NOUNS:
                    before = toks[k - 1].key if k > 0 else ""
                    role = cues.TWO_WORD_ROLES.get((before, tok.key), cues.ROLE_NOUNS[tok.key])
                    if role == cues.ARBEIDSGIVER and toks[k + 1].key in cues.POSSESSIVES:
                        role = None  # «kjøkkensjefen min»: the speaker's boss or the speaker's staff
                    if any(t.key in cues.COPULAS for t in toks[k + 1 : i]) and (
                        not cues.CLAUSE_END_RE.match(text, last.end) or self.possessor(j)
                    ):
                        role = None  # «Sjefen var Abdi ikke ukjent for», «Kontaktpersonen er Lars sin nestleder»
                    if "," in gap and _LIST_GOES_ON_RE.match(text, last.end):
                        role = None  # «Tolken, Zainab og jeg»: a list, not an apposition
                    return Evidence(True, role, f"etter «{tok.text}»", letter_only=steps == 0 and gap == " ")
                if tok.key in cues.TWO_WORD_ROLES.values():
                    break
                if tok.key not in cues.ROLE_FILLERS and not (tok.key in ("igjen",) and steps == 0):
                    break
                k -= 1
                steps += 1
        elif k >= 0 and "\n" in between and between.count("\n") <= 2:
            line = text[text.rfind("\n", 0, toks[k].start) + 1 : toks[k].end].strip().casefold().rstrip(",")
            if line in cues.SIGN_OFF_LINES:
                return Evidence(True, None, f"under «{line}»")
        # after: apposition, age, verbs
        after = text[last.end : last.end + 40]
        alone = not text[text.rfind("\n", 0, first.start) + 1 : first.start].strip()
        m = re.match(
            r"(?:,|\s*\(|[ \t]*\n(?=[ \t]*[^\W\d_][\w-]*(?:\s+[^\W\d_]+)?[ \t]*(?:,|\n|$)))\s*"
            r"([^\W\d_][\w-]*)(?:\s+([^\W\d_]+))?",
            after,
        )
        if m and "\n" in m.group(0) and not alone:
            m = None
        if m:
            word = m.group(1).casefold()
            two = (word, (m.group(2) or "").casefold())
            if two in cues.TWO_WORD_ROLES:
                return Evidence(True, cues.TWO_WORD_ROLES[two], f"fulgt av «{m.group(0).strip()}»")
            rest = after[m.end(1) :]
            if word in cues.ROLE_NOUNS and not after.startswith("\n\n") and cues.ends_apposition(word, rest):
                return Evidence(True, cues.ROLE_NOUNS[word], f"fulgt av «{m.group(1)}»")
        if _AGE_AFTER_RE.match(after):
            return Evidence(True, None, "fulgt av alder i parentes")
        if (
            key in self.people.learned
            and re.match(r"\.?[ \t]*(?:\n|$)", text[last.end : last.end + 3])
            and not text[text.rfind("\n", 0, first.start) + 1 : first.start].strip(" \t")
            or key in self.people.learned
            and re.match(r"\.[ \t]*(?:\n|$)", text[last.end : last.end + 3])
        ):
            return Evidence(True, None, "kjent navn alene som signatur")
        nxt = toks[j + 1] if j + 1 < len(toks) and text[last.end : toks[j + 1].start] == " " else None
        if nxt is not None and nxt.key in cues.SPEECH_VERBS and (first.capitalised or not self.ambiguous(key)):
            return Evidence(True, None, f"fulgt av «{nxt.text}»")
        if (
            nxt is not None
            and nxt.key in cues.FINITE_VERBS
            and (key in self.people.confirmed or key in cues.FUNCTION_WORD_NAMES)
        ):
            return Evidence(True, None, f"kjent navn fulgt av «{nxt.text}»")
        if nxt is not None and nxt.key in cues.FINITE_VERBS and self.ws.lower_case:
            return Evidence(False, None, f"fulgt av verbet «{nxt.text}»")
        return Evidence()

    def possessor(self, j: int) -> bool:
        """The name at token j owns what follows («Lars sin nestleder»): it is not what a role noun before names."""
        return j + 1 < len(self.toks) and self.toks[j + 1].key in ("sin", "si", "sitt", "sine")

    def apposition_role(self, last: Word) -> str | None:
        """«Rowena Santos (kandidat)», «Kari Nordby, jobbspesialist»: the role right after a name."""
        after = self.text[last.end : last.end + 40]
        m = re.match(r"(?:,| ?\() ?([^\W\d_][\w-]*)", after)
        if not m or not cues.ends_apposition(m.group(1), after[m.end(1) :]):
            return None
        return cues.ROLE_NOUNS.get(m.group(1).casefold())
