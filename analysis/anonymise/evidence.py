"""Local evidence around a name candidate: what stands before and after it (names.py, rule 5).

analysis/anonymise/namewords.py says what kind of word a candidate is; this module reads its neighbourhood:
role nouns before it («jobbspesialist Kari», «kona hans Gul»), header labels («Bruker: …»), titles, greetings
and sign-offs, appositions after it («Kari Nordby, jobbspesialist», «(veileder)»), an age in parentheses, a
verb of speech after it, and a chat speaker's position. :class:`Evidence` says how strong that is, which
role it gives (analysis/anonymise/cues.py lists the words) and what kind of cue it is.

**A person's place in the sentence** («position» cues) is evidence for a word the document already uses as a
name, or for a word capitalised in the middle of a sentence («Fall», «Gul», «Dato»): the object of
«ringte», «møtte», «spurte» …, of «snakket/samtale/møte med»; a list with a replaced or known name, a person
noun or a personal pronoun («ask og bo», «Fall, sjefen og jeg»); «gul her» opening a message; a copula and a
role noun after it («ask er veilederen min», strong, but no role). Never after a determiner («et fall»), and
the particle names «jo», «per», «hans» count as an object only when the clause ends there («møtte jo.», not
«ringte jo i går»), or after «med».
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.anonymise import cues
from analysis.anonymise.letters import fold
from analysis.anonymise.namewords import _AGE_AFTER_RE, NOT_NAMES, NameWords
from analysis.anonymise.workspace import MASK, Word, is_sentence_start

_LIST_GOES_ON_RE = re.compile(r"[ \t]*(?:og|eller|,[ \t]*[^\W\d_]+[ \t]+og)\b")
_HEADER_RE = re.compile(r"[ \t•*-]*([^\W\d_][\w ]{0,20}?)\.?[ \t]*:[ \t]*(?:[^\W\d_]+[ \t]+)?")
_LABEL_END_RE = re.compile(r"[ \t]*(?:[:(→]|\d)")
_TITLE_BEFORE_NAME_RE = re.compile(r"\.? ?[A-ZÆØÅ]")
_CLAUSE_END_RE = re.compile(r"[ \t]*(?:[.,;:!?)\n]|$)")
# The neighbour in a list: «Kari og bo», «bo, sjefen og jeg».
_LIST_BEFORE_RE = re.compile(r"(\S+?)(?:,| og| eller) \Z")
_LIST_AFTER_RE = re.compile(r"(?:,| og| eller) (\S+?)(?=[\s,.;:!?)]|$)")
PERSON_PRONOUNS = frozenset("jeg eg du han hun ho vi me dere de dei meg deg ham henne oss".split())
# Words that stand before a noun, never before a name: «et fall», «den gule», «ingen sol».
DETERMINERS = frozenset("en ei et ett eit den det dei de denne dette disse noen noe ingen inga hver hvert".split())
# A present or past tense by its ending («kontakter», «ønskjer», «beskriver», «ringte», «avklarte»): after a name
# the document has confirmed and written with a capital, a verb is what follows a subject.
_FINITE_ENDING_RE = re.compile(r"[a-zæøå]{3,}(?:er|ar|te|de)")


# «far til Rahila», «mor til to»: a kinship noun relating the person to somebody other than the writer's candidate
_RELATIVE_OF_RE = re.compile(r"[ \t]+(?:til|av|for)[ \t]+(?:[A-ZÆØÅ\ue000]|to\b|tre\b|fire\b|fem\b|\d)")


def _looks_finite(word: str) -> bool:
    return _FINITE_ENDING_RE.fullmatch(word) is not None


# «fall her.» at the start of a message (a line, a quotation, or after a greeting to the reader: «takk henrik,»).
_SELF_NAMED_RE = re.compile(r" her\b[ \t]*[.,!:]")
_MESSAGE_OPENS_RE = re.compile(r"(?:^|[\n«\"“:]|" + MASK + r",)[ \t]*\Z")


@dataclass
class Evidence:
    strong: bool = False
    role: str | None = None
    reason: str = ""
    letter_only: bool = False  # a role noun stands right before: render «jobbspesialist A»
    # What kind of cue: "slot" (header label, title, greeting, sign-off), "speaker", "role" (a role noun before or
    # after), "age", "signature", "speech" (a verb of speech after), "finite" (a finite verb after a known name),
    # "position" (a person's place in the sentence: object of «ringte», next to another name, «… er veilederen»).
    cue: str = ""


class NameEvidence(NameWords):
    def evidence(self, i: int, j: int, key: str) -> Evidence:
        """Local evidence for the name spanning tokens i..j (rule 5)."""
        text, toks = self.text, self.toks
        first, last = toks[i], toks[j]
        if first.start in self.speakers:
            return Evidence(True, None, self.speakers[first.start], cue="speaker")
        line_start = text.rfind("\n", 0, first.start) + 1
        head = text[line_start : first.start]
        m = _HEADER_RE.fullmatch(head) if ":" in head else None
        label, _, label_role = m.group(1).casefold().partition(" ") if m else ("", "", "")
        if m and (m.group(1).casefold() in cues.HEADER_LABELS or label in cues.HEADER_LABELS):
            # «Underskrift veileder:», «Signatur jobbspesialist:»: a signing label with the signer's role
            label = m.group(1).casefold() if m.group(1).casefold() in cues.HEADER_LABELS else label
            role = cues.HEADER_LABELS[label]
            if role is None and label_role in cues.ROLE_NOUNS and label != m.group(1).casefold():
                role = cues.ROLE_NOUNS[label_role]
            rest = head[m.end(1) :].split(":", 1)[1].strip().casefold()
            if rest in cues.ROLE_NOUNS:
                role = cues.ROLE_NOUNS[rest]
            if role is None:
                role = self.apposition_role(last)
            return Evidence(True, role, f"etter «{m.group(1)}:»", cue="slot")
        # before: title, role noun (with fillers), greeting
        k = i - 1
        between = self.gap_before(i)
        if k >= 0 and "\n" not in between:
            prev = toks[k]
            if (prev.key in cues.TITLES_FULL and between == " ") or (
                prev.key in cues.TITLES_ABBR and between.startswith(".")
            ):
                quoted = text[max(0, prev.start - 1) : prev.start] in ("«", '"', "“")
                role = cues.LEGE if prev.key in ("dr", "doktor") and not quoted else None  # «doktor Rahimi» for fun
                # «dr. Ødegård» → «dr. A», «fru Larsen» → «fru A»: the title stays, the name becomes its letter
                return Evidence(True, role, f"etter tittel «{prev.text}»", letter_only=True, cue="slot")
            if prev.key in cues.GREETINGS and between.strip() in ("", ","):
                return Evidence(True, None, f"etter «{prev.text}»", cue="slot")
            if cues.thanked(text, first.start, last.end, key):
                return Evidence(True, None, "den det takkes («takk for i dag …»)", cue="slot")
            if (
                prev.key in cues.CALLED_PRONOUNS
                and k > 0
                and toks[k - 1].key in cues.CALLING_VERBS
                and between.strip() in ("", "«", '"')
            ):
                return Evidence(True, None, f"etter «{toks[k - 1].text} {prev.text}»", cue="slot")  # «kaller meg «Abu»»
            if (
                prev.key in cues.NAMING_VERBS
                and between == " "
                and k > 0
                and toks[k - 1].key not in cues.QUESTION_WORDS
                and key not in cues.PRONOUNS
                and key not in DETERMINERS
            ):
                return Evidence(True, None, f"etter «{prev.text}»", cue="slot")  # «hun heter linda aspeli»
            steps = 0
            while k >= 0 and steps < 3:
                tok = toks[k]
                gap = text[tok.end : toks[k + 1].start]
                if "\n" in gap or gap.strip() not in ("", ",", "(", "—", "-", "–"):
                    break
                two_word = cues.TWO_WORD_ROLES.get((toks[k - 1].key if k > 0 else "", tok.key))
                if two_word and steps == 0:
                    return Evidence(True, two_word, f"etter «{toks[k - 1].text} {tok.text}»", cue="role")
                if tok.key in cues.NEUTRAL_PERSON_NOUNS and (
                    steps == 0 or steps == 1 and toks[k + 1].key in cues.ROLE_FILLERS - cues.COPULAS
                ):
                    return Evidence(True, None, f"etter «{tok.text}»", cue="role")  # «kollegaen min jo»
                if tok.key in cues.ROLE_NOUNS:
                    before = toks[k - 1].key if k > 0 else ""
                    if tok.key in cues.ROLE_VERB_FORMS and before in cues.PRONOUNS:
                        break  # «hun bruker Ilses lapp»: the verb, not the role noun «bruker»
                    role = cues.TWO_WORD_ROLES.get((before, tok.key), cues.ROLE_NOUNS[tok.key])
                    if role == cues.ARBEIDSGIVER and toks[k + 1].key in cues.POSSESSIVES:
                        role = None  # «kjøkkensjefen min»: the speaker's boss or the speaker's staff
                    if tok.key in cues.PLAIN_MEANING_FAMILY and not (
                        before in cues.OWNERS or toks[k + 1].key in cues.OWNERS
                    ):
                        role = None  # «en ung mann, Bishnu»: a man, not somebody's husband
                    if any(t.key in cues.COPULAS for t in toks[k + 1 : i]) and (
                        not cues.CLAUSE_END_RE.match(text, last.end) or self.possessor(j)
                    ):
                        role = None  # «Sjefen var Abdi ikke ukjent for», «Kontaktpersonen er Lars sin nestleder»
                    if "," in gap and (
                        _LIST_GOES_ON_RE.match(text, last.end) or not cues.APPOSITION_ENDS_RE.match(text, last.end)
                    ):
                        role = None  # «Tolken, Zainab og jeg», «med bruker, Halvor fra arbeidsgiver»: a list
                    return Evidence(
                        True, role, f"etter «{tok.text}»", letter_only=steps == 0 and gap == " ", cue="role"
                    )
                if tok.key in cues.TWO_WORD_ROLES.values():
                    break
                if tok.key not in cues.ROLE_FILLERS and not (tok.key in ("igjen",) and steps == 0):
                    break
                k -= 1
                steps += 1
        elif k >= 0 and "\n" in between and between.count("\n") <= 2:
            line = text[text.rfind("\n", 0, toks[k].start) + 1 : toks[k].end].strip().casefold().rstrip(",")
            if line in cues.SIGN_OFF_LINES:
                return Evidence(True, None, f"under «{line}»", cue="slot")
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
                return Evidence(True, cues.TWO_WORD_ROLES[two], f"fulgt av «{m.group(0).strip()}»", cue="role")
            rest = after[m.end(1) :]
            if (
                word in cues.ROLE_NOUNS
                and not after.startswith("\n\n")
                and cues.ends_apposition(word, rest)
                and not (word in cues.TITLES_ABBR | cues.TITLES_FULL and _TITLE_BEFORE_NAME_RE.match(rest))
            ):  # «Fastlegen til Ali, dr. Lund»: the title belongs to the next name
                role = cues.ROLE_NOUNS[word]
                if role == cues.FAMILIE and _RELATIVE_OF_RE.match(rest):
                    role = (
                        None  # «Gul Bayani, far til Rahila i klassen»: a parent of somebody else, maybe the candidate
                    )
                return Evidence(True, role, f"fulgt av «{m.group(1)}»", cue="role")
        if self.at_nav(last.end) and not (i > 0 and toks[i - 1].key in DETERMINERS):  # «lise på nav frogner»
            return Evidence(True, None, "fulgt av «på NAV …»", cue="position")  # «fra lise på nav frogner»
        if _AGE_AFTER_RE.match(after):
            return Evidence(True, None, "fulgt av alder i parentes", cue="age")
        if last.capitalised and key[-1:] in ("s", "x", "z") and text[last.end : last.end + 2] in ("' ", "’ "):
            return Evidence(True, None, "genitiv med apostrof", cue="position")  # «Foss' ønske»: only names take it
        if self.introduces_self(i, j):
            return Evidence(True, None, "presenterer seg («det er … fra»)", cue="position")  # «det er dato fra nav»
        if self.possessor(j) and self.gap_before(j + 1) == " " and not self.vocab.is_ordinary(key):
            return Evidence(True, None, f"eier etter «{toks[j + 1].text}»", cue="position")  # «hesen sine to gutter»
        if cues.CALLED_AFTER_RE.match(text, last.end):
            return Evidence(True, None, "fulgt av «som hun kaller seg»", cue="slot")  # «Rupa, som hun kaller seg»
        fallback = Evidence()
        if key in self.people.learned and re.match(r"\.?[ \t]*(?:\n|$)", text[last.end : last.end + 3]):
            if not text[text.rfind("\n", 0, first.start) + 1 : first.start].strip(" \t"):
                return Evidence(True, None, "kjent navn alene som signatur", cue="signature")
            if text[last.end : last.end + 1] == ".":
                fallback = Evidence(True, None, "kjent navn sist på linjen", cue="signature")
        nxt = toks[j + 1] if j + 1 < len(toks) and text[last.end : toks[j + 1].start] == " " else None
        if (
            nxt is not None
            and nxt.key in cues.SPEECH_VERBS
            and (first.capitalised or not self.ambiguous(key) or key in self.people.confirmed)
        ):
            return Evidence(True, None, f"fulgt av «{nxt.text}»", cue="speech")
        predicate = self.predicate(last)
        if predicate is not None:
            return predicate
        if (
            nxt is not None
            and (key in self.people.confirmed or key in cues.FUNCTION_WORD_NAMES)
            and (
                nxt.key in cues.FINITE_VERBS
                or (first.capitalised and key not in cues.FUNCTION_WORD_NAMES and _looks_finite(nxt.text))
            )
        ):  # «Berg kontakter …», «Eide ønskjer …» once «Siv Berg», «Marit Eide» are known
            return Evidence(True, None, f"kjent navn fulgt av «{nxt.text}»", cue="finite")
        if self.ws.lower_case and i == j and self.is_lex(key) and self.object_slot(i):
            return Evidence(True, None, f"etter «{toks[i - 1].text}»", cue="position")  # «ringe lise og spørre»
        mid_sentence = first.capitalised and not self.ws.lower_case and not is_sentence_start(text, first.start)
        if self.learned_only or mid_sentence:
            position = self.position(i, j, key)
            if position is not None:
                return position
        if nxt is not None and nxt.key in cues.FINITE_VERBS and self.ws.lower_case and not fallback.strong:
            return Evidence(False, None, f"fulgt av verbet «{nxt.text}»")
        return fallback

    def person_word(self, word: str, key: str, *, start: int = -1, end: int = -1) -> bool:
        """A neighbour in a list that is a person: a replaced name (``start`` or ``end`` is its offset), a name this
        document uses, a listed name, a person noun or a personal pronoun."""
        if MASK in word:
            edges = self._person_edges()
            return (start in edges[0]) if start >= 0 else (end in edges[1] or end - 1 in edges[1])
        k = fold(word)
        if k == key:
            return False
        return (
            k in self.people.learned
            or (word[:1].isupper() and self.is_lex(k) and k not in self.lex.ambiguous)
            or k in cues.ROLE_NOUNS
            or k in cues.NEUTRAL_PERSON_NOUNS
            or k in PERSON_PRONOUNS
        )

    def _person_edges(self) -> tuple[set[int], set[int]]:
        """Offsets where replaced names start and end (the replacements do not change during one run)."""
        if self.edges is None or self.edges[2] != len(self.ws.replacements):
            people = [r for r in self.ws.replacements if r.kind == "person"]
            self.edges = ({r.start for r in people}, {r.end for r in people}, len(self.ws.replacements))
        return self.edges[0], self.edges[1]

    def label_end(self, i: int) -> int:
        """Last token of the speaker label that starts at token i («jo hage: …», «kari 08:12: …»)."""
        line_end = self.text.find("\n", self.toks[i].start)
        stop = _LABEL_END_RE.search(self.text, self.toks[i].start, len(self.text) if line_end < 0 else line_end)
        end = stop.start() if stop else self.toks[i].end
        j = i
        while j + 1 < len(self.toks) and self.toks[j + 1].end <= end and self.gap_before(j + 1) == " ":
            key = self.toks[j + 1].key
            if key in NOT_NAMES or key in cues.WEEKDAYS or key in cues.SHORT_WEEKDAYS or key in self.lex.months:
                break  # «siv tirsdag 09:15», «ida tirs 09:02»
            j += 1
        return j

    def slot_before(self, k: int) -> bool:
        """Token k opens a name's slot: right after a header label («Fra: Dato Beridze»), a greeting or title («Hei
        Jo Hage», «fru Storm Eide»), or first on the line under a sign-off («Mvh» / «Jo Hage»)."""
        text, tok = self.text, self.toks[k]
        line_start = text.rfind("\n", 0, tok.start) + 1
        head = text[line_start : tok.start]
        if ":" in head:
            m = _HEADER_RE.fullmatch(head)
            return m is not None and m.group(1).casefold() in cues.HEADER_LABELS and head.rstrip().endswith(":")
        if not head.strip() and line_start > 0:
            above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
            return above.strip().casefold().rstrip(",") in cues.SIGN_OFF_LINES
        if k > 0 and self.gap_before(k) in (" ", ". "):
            prev = self.toks[k - 1].key
            return prev in cues.GREETINGS or prev in cues.TITLES_FULL or prev in cues.TITLES_ABBR
        return False

    def object_slot(self, i: int) -> bool:
        """Token i is the object of a verb of contact or of «si fra til», or listed after a person, and the clause
        goes on with a little word or ends: «ringe lise og spørre», «sagt fra til roar på lageret», «spør etter
        jan-erik eller lena i resepsjonen» (not «ringe per telefon»)."""
        if i == 0 or self.gap_before(i) != " ":
            return False
        tok, prev = self.toks[i], self.toks[i - 1]
        told = cues.TOLD_RE.search(self.text, max(0, tok.start - 20), tok.start) is not None
        before = self.toks[i - 2] if i > 1 and self.gap_before(i - 1) == " " else None
        listed = (  # «jan-erik eller lena»: after a name that is no word
            prev.key in ("og", "eller")
            and before is not None
            and (before.key in self.people.learned or self.is_lex(before.key) and not self.ambiguous(before.key))
        )
        return (told or listed or prev.key in cues.OBJECT_VERBS) and cues.OBJECT_ENDS_RE.match(
            self.text, tok.end
        ) is not None

    def at_nav(self, pos: int) -> bool:
        """«på nav», «fra NAV-kontor 1» (a NAV office already replaced), «(nav …» follows ``pos``."""
        if self.text[pos : pos + 1] not in (" ", "\t", "("):
            return False
        m = cues.AT_RE.match(self.text, pos)
        if m is None:
            return False
        return self.text[m.end() : m.end() + 4].casefold() in ("nav", "nav ", "nav-") or (
            self.ws.kind_at(m.end()) == "nav_office"
        )

    def ordinary_in_name_position(self, i: int) -> bool:
        """A capitalised ordinary word mid-sentence where a person stands («møtte Fall», «Gul sa»): worth deciding."""
        tok = self.toks[i]
        if not tok.capitalised or self.ws.lower_case or is_sentence_start(self.text, tok.start):
            return False
        if not self.cap_ordinary(tok) or self.text[tok.end : tok.end + 1] == "-":
            return False
        return self.evidence(i, i, tok.key).cue in ("position", "speech", "role", "slot")

    # -- a person's place in the sentence (for a name known in the document, or capitalised mid-sentence) ------
    def predicate(self, last: Word) -> Evidence | None:
        """«Ask er veilederen min», «Bo er kollegaen hennes»: a person is what a role noun after a copula says. Evidence
        that the word is a name, but no role: «Veileder A er veileder» would say nothing, and the sentence keeps it."""
        m = cues.PREDICATE_RE.match(self.text, last.end)
        if m is None:
            return None
        word = m.group(1).casefold()
        if word in cues.ROLE_NOUNS or word in cues.NEUTRAL_PERSON_NOUNS:
            return Evidence(True, None, f"fulgt av «{m.group(0).strip()}»", cue="role")
        return None

    def position(self, i: int, j: int, key: str) -> Evidence | None:
        """The object of «ringte», «møtte», «snakket med»; next to another name («ask og bo»); «fall her» opening a
        message. Only for a word the document uses as a name, or one capitalised in the middle of a sentence."""
        text, toks = self.text, self.toks
        first, last = toks[i], toks[j]
        before = text[max(0, first.start - 60) : first.start]
        after = text[last.end : last.end + 40]
        if i > 0 and self.gap_before(i) == " " and toks[i - 1].key in DETERMINERS:
            return None  # «et fall og jeg …»: a noun
        if i > 1 and toks[i - 1].key == "med" and self.gap_before(i) == " " and self.gap_before(i - 1) == " ":
            if toks[i - 2].key in cues.WITH_WORDS:  # «snakket med jo»: no particle stands after a preposition
                return Evidence(True, None, f"etter «{toks[i - 2].text} med»", cue="position")
        if key in cues.FUNCTION_WORD_NAMES and _CLAUSE_END_RE.match(after) is None:
            return None  # «jeg ringte jo i går»: the particle, not the person
        if i > 0 and self.gap_before(i) == " " and toks[i - 1].key in cues.OBJECT_VERBS:
            return Evidence(True, None, f"etter «{toks[i - 1].text}»", cue="position")
        m = _LIST_BEFORE_RE.search(before)
        n = _LIST_AFTER_RE.match(after)
        if (m and self.person_word(m.group(1), key, end=first.start - len(m.group()) + len(m.group(1)))) or (
            n and self.person_word(n.group(1), key, start=last.end + n.start(1))
        ):
            return Evidence(True, None, "i en liste med personer", cue="position")
        if _SELF_NAMED_RE.match(after) and _MESSAGE_OPENS_RE.search(before):
            return Evidence(True, None, "«… her» i starten av en melding", cue="position")
        return None

    def introduces_self(self, i: int, j: int) -> bool:
        """«hei, det er dato fra ips-teamet», «dette er Kari fra NAV»: a writer naming themselves, then where they
        are from. Evidence for a word that is a name elsewhere too, never enough for an ordinary word alone («det
        er langt fra»: decisions.py does not count this reason for those)."""
        toks = self.toks
        if i < 2 or j + 1 >= len(toks) or toks[j + 1].key not in ("fra", "frå") or self.gap_before(j + 1) != " ":
            return False
        return (
            toks[i - 1].key == "er"
            and toks[i - 2].key in ("det", "dette", "her")
            and self.gap_before(i) == " "
            and self.gap_before(i - 1) == " "
        )

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
