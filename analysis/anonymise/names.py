"""Person names, found by lexicon, by context and as «not Norwegian vocabulary», in any case.

A word is a **candidate** when it is a name of the lexicon (data/lexicon/), a word this document has already
shown to be part of a name, or a word that is not ordinary Norwegian (analysis/anonymise/vocabulary.py).
Whether a candidate *is* a name depends on what kind it is and where it stands:

1. **A lexicon name that is not also an ordinary word** («Kari», «amina», «Tesfay» if listed) is a name in
   any case, anywhere — unless it is a known place after a locative preposition («i Lund») or opens a street
   name («Olav Kyrres gate»).
2. **A lexicon name that is also an ordinary word** («Per», «Liv», «Dag», «Stein», «Ask»;
   data/lexicon/ambiguous_words.txt) is a name when capitalised mid-sentence in a capitalised text, when
   another name part joins it («Liv Hansen»), or with local evidence (rule 5). In lower case it needs rule 5.
3. **An unknown word** capitalised mid-sentence is a name (after «i», «på» … it is left to the place
   rules). At a sentence start, or in lower case, it needs local evidence (rule 5); without it, it goes on
   the review list.
4. **An ordinary word** is a name only in the strongest positions: a chat speaker or message header, a
   header label («Bruker: …»), a title («dr.»), a greeting or sign-off — «fra gul (på samis telefon):».
5. **Local evidence**: a role noun before («jobbspesialist», «tolken», «kona», «kontaktperson er»), an
   apposition after («, jobbspesialist», «(veileder)», an age «(16)»), a title, a header label, a greeting or
   sign-off, a chat speaker position («kari 08:12:», «08.58 tuan:», «bjørn-erik → ragnhild», «fra X:»), a
   verb of speech after («Dag sa»), or, for a word this document has already used as a name, a finite verb
   after («Liv har …»).
6. **Multi-part names** are replaced whole: further name parts (lexicon names, unknown words, initials
   «J.») and particles (van der, bin, al, de …) join the first part; «al-Hassan» is one word.
7. **Propagation**: every part of every name found is remembered; a second run replaces each other
   occurrence in any case, as a genitive («Aminas», «Idris'») or as the first part of a compound
   («warsame-saken» → «Person A-saken»). A remembered part that is also an ordinary word (rule 2 and 4)
   still needs the evidence of rules 2 and 5 there.

Which pseudonym a name gets is decided in analysis/anonymise/people.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.anonymise import cues
from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.people import Mention, People
from analysis.anonymise.vocabulary import Vocabulary
from analysis.anonymise.workspace import WORD_RE, Word, Workspace, is_sentence_start, match_phrase

MAX_NAME_WORDS = 5
# Words that say a name is near are not names themselves.
WEEKDAYS = frozenset("mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tysdag laurdag sundag".split())
NOT_NAMES = frozenset({*cues.ROLE_NOUNS, *cues.HEADER_LABELS, *cues.GREETINGS, *cues.TITLES_FULL, *cues.TITLES_ABBR,
                       *cues.SPEECH_VERBS, *cues.FINITE_VERBS, *cues.STREET_WORDS, *cues.PLACE_NOUNS,
                       *cues.NEUTRAL_PERSON_NOUNS})
_TIME = r"\d{1,2}[:.]\d{2}"
_DATE = r"(?:\d{1,2}[./]\d{1,2}\.?|\w{2,8}\.? \d{1,2}[./]\d{1,2}\.?|\ue000+)"
# Chat and SMS speaker positions, matched on the masked line (names may be partly masked already).
SPEAKER_RES = (
    re.compile(r"^[ \t]*(?P<n>[^\W\d_][\w'’ -]{0,40}?)[ \t]+" + _TIME + r"\b"),  # «kari 08:12: …»
    re.compile(r"^[ \t]*(?:" + _DATE + r"[ \t]+)?" + _TIME + r"[ \t]+(?:fra|til|frå)[ \t]+(?P<n>[^\W\d_][\w'’ -]{0,40}?)"
               r"[ \t]*(?::|\(|$)", re.M),
    re.compile(r"^[ \t]*(?:" + _DATE + r"[ \t]+)?" + _TIME + r"[ \t]+(?P<n>[^\W\d_][\w'’ -]{0,40}?)[ \t]*:"),
    re.compile(r"^[ \t]*(?P<n>[^\W\d_][\w'’ -]{0,40}?)[ \t]*→[ \t]*(?P<m>[^\W\d_][\w'’ -]{0,40}?)[ \t]*(?:,|$|\d)"),
)
INITIALS_RES = (
    re.compile(r"(?<=/)[A-ZÆØÅ]{2,3}(?=[ \t]*$)", re.M),  # «… /ME» at a line end
    re.compile(r"^[ \t]*((?:[A-ZÆØÅ]\.){2,3})[ \t]*$", re.M),  # «S.R.» alone on a line
)


@dataclass
class Evidence:
    strong: bool = False
    role: str | None = None
    reason: str = ""
    letter_only: bool = False  # a role noun stands right before: render «jobbspesialist A»


class NameFinder:
    def __init__(self, ws: Workspace, lexicon: Lexicon, vocabulary: Vocabulary, people: People) -> None:
        self.ws, self.lex, self.vocab, self.people = ws, lexicon, vocabulary, people
        self.text = ws.text
        self.toks = [Word.of(m) for m in WORD_RE.finditer(self.text)]
        self.by_start = {t.start: i for i, t in enumerate(self.toks)}
        self.doc_keys = {t.key for t in self.toks}
        self.speakers = self._speaker_starts()
        self.learned_only = False

    # -- word classes -------------------------------------------------------------------------------------
    def is_lex(self, key: str) -> bool:
        if self.lex.is_person_word(key):
            return True
        if "-" in key:
            head, _, rest = key.partition("-")
            if head in ("al", "el") and self.lex.is_person_word(rest):
                return True
            parts = key.split("-")
            return parts[0] in self.lex.given and all(len(p) > 1 and p not in NOT_NAMES for p in parts)
        return False

    def is_unknown(self, key: str) -> bool:
        return (len(key) > 1 and key not in self.lex.proper_nouns and key not in self.lex.months
                and not self.vocab.is_ordinary(key) and not self.is_place_key(key))

    def is_place_key(self, key: str) -> bool:
        return (key,) in self.lex.places.values or (key,) in self.lex.countries.values

    def ambiguous(self, key: str) -> bool:
        """A name part that is also an ordinary word: it needs evidence wherever it stands."""
        return key in self.lex.ambiguous or (not self.is_lex(key) and self.vocab.is_ordinary(key))

    def base(self, tok: Word) -> tuple[str, str, int] | None:
        """(name key, suffix kept after the pseudonym, extra characters) when ``tok`` is a name candidate."""
        key = tok.key
        if key in NOT_NAMES or self._acronym_compound(tok):
            return None
        for ap in ("'s", "’s"):
            if key.endswith(ap) and self.candidate_key(key[:-2]):
                return key[:-2], "s", 0
        if self.candidate_key(key):
            if key.endswith("s") and len(key) > 3 and key[:-1] in self.doc_keys and self.candidate_key(key[:-1]) \
                    and not self.is_lex(key):
                return key[:-1], "s", 0  # «Sultanis» beside «Sultani»
            nxt = self.text[tok.end:tok.end + 1]
            if nxt in ("'", "’") and key[-1] in "sxz" and not self.text[tok.end + 1:tok.end + 2].isalpha():
                return key, "s", 1
            return key, "", 0
        if len(key) > 3 and key.endswith("s") and self.candidate_key(key[:-1]):
            return key[:-1], "s", 0
        return None

    def _acronym_compound(self, tok: Word) -> bool:
        """«IPS-teamet», «NAV-kontoret»: a compound that starts with an acronym or a known service name."""
        head, dash, _ = tok.text.partition("-")
        return bool(dash) and (head.isupper() or head.casefold() in self.lex.proper_nouns)

    def cap_name_like(self, tok: Word) -> bool:
        """A capitalised word mid-sentence in a capitalised text: a proper noun unless it is a known non-name."""
        key = tok.key
        return (tok.capitalised and not tok.text.isupper() and key not in NOT_NAMES and key not in self.lex.proper_nouns
                and key not in self.lex.months and key not in WEEKDAYS and not self._acronym_compound(tok)
                and (self.vocab.frequency(key) < 5.0 or self.is_lex(key)) and not self.is_place_key(key))

    def name_position(self, i: int) -> bool:
        """Cheap test: could an ordinary word at token i be a name (capitalised mid-sentence, after a cue)?"""
        tok = self.toks[i]
        if tok.key in NOT_NAMES or len(tok.key) < 2 or self._acronym_compound(tok):
            return False
        if tok.start in self.speakers:
            return True
        if tok.capitalised and not self.ws.lower_case and self.cap_name_like(tok):
            return True
        if i > 0 and self.vocab.frequency(tok.key) < 4.5:
            prev = self.toks[i - 1].key
            return prev in cues.ROLE_NOUNS or prev in cues.NEUTRAL_PERSON_NOUNS or prev in cues.GREETINGS or prev in cues.TITLES_ABBR or prev in cues.TITLES_FULL
        return False

    def candidate_key(self, key: str) -> bool:
        if key in NOT_NAMES:
            return False
        if key in self.people.learned:
            return True
        if self.learned_only:
            return False
        return self.is_lex(key) or self.is_unknown(key)

    # -- context ------------------------------------------------------------------------------------------
    def _speaker_starts(self) -> dict[int, str]:
        """Offsets of words in chat-speaker positions, with the reason."""
        found: dict[int, str] = {}
        pos = 0
        for line in self.text.split("\n"):
            for rx in SPEAKER_RES:
                m = rx.match(line)
                if m:
                    for g in ("n", "m"):
                        if g in m.groupdict() and m.group(g):
                            found[pos + m.start(g)] = "avsender i chat/SMS"
            pos += len(line) + 1
        return found

    def gap_before(self, i: int) -> str:
        return self.text[self.toks[i - 1].end:self.toks[i].start] if i > 0 else self.text[:self.toks[i].start]

    def evidence(self, i: int, j: int, key: str) -> Evidence:
        """Local evidence for the name spanning tokens i..j (rule 5)."""
        text, toks = self.text, self.toks
        first, last = toks[i], toks[j]
        if first.start in self.speakers:
            return Evidence(True, None, self.speakers[first.start])
        line_start = text.rfind("\n", 0, first.start) + 1
        head = text[line_start:first.start]
        m = re.fullmatch(r"[ \t•*-]*([^\W\d_][\w ]{0,20}?)\.?[ \t]*:[ \t]*(?:[^\W\d_]+[ \t]+)?", head)
        if m and m.group(1).casefold() in cues.HEADER_LABELS:
            label = m.group(1).casefold()
            role = cues.HEADER_LABELS[label]
            rest = head[m.end(1):].split(":", 1)[1].strip().casefold()
            if rest in cues.ROLE_NOUNS:
                role = cues.ROLE_NOUNS[rest]
            return Evidence(True, role, f"etter «{m.group(1)}:»")
        # before: title, role noun (with fillers), greeting
        k = i - 1
        between = self.gap_before(i)
        if k >= 0 and "\n" not in between:
            prev = toks[k]
            if (prev.key in cues.TITLES_FULL and between == " ") or (prev.key in cues.TITLES_ABBR and between.startswith(".")):
                role = cues.LEGE if prev.key in ("dr", "doktor") else None
                return Evidence(True, role, f"etter tittel «{prev.text}»")
            if prev.key in cues.GREETINGS and between.strip() in ("", ","):
                return Evidence(True, None, f"etter «{prev.text}»")
            steps = 0
            while k >= 0 and steps < 3:
                tok = toks[k]
                gap = text[tok.end:toks[k + 1].start]
                if "\n" in gap or gap.strip() not in ("", ",", "(", "—", "-", "–"):
                    break
                if tok.key in cues.NEUTRAL_PERSON_NOUNS and steps == 0:
                    return Evidence(True, None, f"etter «{tok.text}»")
                if tok.key in cues.ROLE_NOUNS:
                    before = toks[k - 1].key if k > 0 else ""
                    role = cues.TWO_WORD_ROLES.get((before, tok.key), cues.ROLE_NOUNS[tok.key])
                    if role == cues.ARBEIDSGIVER and toks[k + 1].key in cues.POSSESSIVES:
                        role = None  # «kjøkkensjefen min»: the speaker's boss or the speaker's staff
                    return Evidence(True, role, f"etter «{tok.text}»", letter_only=steps == 0 and gap == " ")
                if tok.key in cues.TWO_WORD_ROLES.values():
                    break
                if tok.key not in cues.ROLE_FILLERS and not (tok.key in ("igjen",) and steps == 0):
                    break
                k -= 1
                steps += 1
        elif k >= 0 and "\n" in between and between.count("\n") <= 2:
            line = text[text.rfind("\n", 0, toks[k].start) + 1:toks[k].end].strip().casefold().rstrip(",")
            if line in cues.SIGN_OFF_LINES:
                return Evidence(True, None, f"under «{line}»")
        # after: apposition, age, verbs
        after = text[last.end:last.end + 40]
        alone = not text[text.rfind("\n", 0, first.start) + 1:first.start].strip()
        m = re.match(r"(?:,|\s*\(|[ \t]*\n(?=[ \t]*[^\W\d_][\w-]*(?:\s+[^\W\d_]+)?[ \t]*(?:,|\n|$)))\s*"
                     r"([^\W\d_][\w-]*)(?:\s+([^\W\d_]+))?", after)
        if m and "\n" in m.group(0) and not alone:
            m = None
        if m:
            word = m.group(1).casefold()
            two = (word, (m.group(2) or "").casefold())
            if two in cues.TWO_WORD_ROLES:
                return Evidence(True, cues.TWO_WORD_ROLES[two], f"fulgt av «{m.group(0).strip()}»")
            if word in cues.ROLE_NOUNS and not after.startswith("\n\n"):
                return Evidence(True, cues.ROLE_NOUNS[word], f"fulgt av «{m.group(1)}»")
        if re.match(r" ?\(\d{1,2}(?: år)?\)", after):
            return Evidence(True, None, "fulgt av alder i parentes")
        nxt = toks[j + 1] if j + 1 < len(toks) and text[last.end:toks[j + 1].start] == " " else None
        if nxt is not None and nxt.key in cues.SPEECH_VERBS and (first.capitalised or not self.ambiguous(key)):
            return Evidence(True, None, f"fulgt av «{nxt.text}»")
        if nxt is not None and nxt.key in cues.FINITE_VERBS and (key in self.people.confirmed or key in cues.FUNCTION_WORD_NAMES):
            return Evidence(True, None, f"kjent navn fulgt av «{nxt.text}»")
        if nxt is not None and nxt.key in cues.FINITE_VERBS and self.ws.lower_case:
            return Evidence(False, None, f"fulgt av verbet «{nxt.text}»")
        return Evidence()

    def after_locative(self, i: int) -> str | None:
        if i == 0 or self.gap_before(i) != " ":
            return None
        prev = self.toks[i - 1].key
        return prev if prev in cues.LOCATIVE else None

    # -- spans --------------------------------------------------------------------------------------------
    def extend(self, i: int) -> int:
        """Index of the last token of the name that starts at token i (rule 6)."""
        toks, text = self.toks, self.text
        j = i
        lower = not toks[i].capitalised
        while j - i < MAX_NAME_WORDS - 1 and j + 1 < len(toks):
            cur, nxt = toks[j], toks[j + 1]
            gap = text[cur.end:nxt.start]
            if len(cur.text) == 1 and cur.text.isupper() and gap == ". ":
                j += 1
                continue
            if gap != " ":
                break
            if self.base(cur) and self.base(cur)[1]:  # type: ignore[index]
                break  # a genitive ends the name
            if nxt.key in cues.PARTICLES and j + 2 < len(toks) and text[nxt.end:toks[j + 2].start] == " ":
                after = toks[j + 2]
                if after.key in cues.PARTICLES and j + 3 < len(toks):
                    after = toks[j + 3]
                if after.capitalised or (lower and self.base(after) and not self.vocab.is_ordinary(after.key)):
                    j = self.by_start[after.start]
                    continue
                break
            if len(nxt.text) == 1 and nxt.text.isupper() and text.startswith(". ", nxt.end):
                j += 1
                continue
            if nxt.capitalised != (not lower) and not (lower and nxt.capitalised and self.is_lex(nxt.key)):
                break
            if nxt.text.isupper() and len(nxt.text) > 1 and not cur.text.isupper():
                break
            got = self.base(nxt)
            if got is None and not lower and not self.ws.lower_case and self.cap_name_like(nxt) \
                    and not match_phrase(self.lex.places, text, nxt):
                got = (nxt.key, "", 0)  # «Trine Holmstad», «Åsmund Rue»: surnames that are ordinary words
            if got is None or nxt.key in NOT_NAMES:
                break
            if self.ambiguous(got[0]) and got[0] not in self.people.learned and not self.is_lex(got[0]) \
                    and not (nxt.capitalised and not self.ws.lower_case and self.cap_name_like(nxt)):
                break
            if (not self.is_lex(got[0]) and match_phrase(self.lex.places, text, nxt)) or nxt.key in cues.STREET_WORDS:
                break
            j += 1
        return j

    def keys(self, i: int, j: int) -> tuple[tuple[str, ...], str, int]:
        parts: list[str] = []
        suffix, extra = "", 0
        for k in range(i, j + 1):
            tok = self.toks[k]
            if tok.key in cues.PARTICLES and k != i:
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

    # -- the runs -----------------------------------------------------------------------------------------
    def run(self, learned_only: bool) -> list[Mention]:
        self.learned_only = learned_only
        found: list[Mention] = []
        i = 0
        n = len(self.toks)
        while i < n:
            mention = self.match_at(i)
            if mention is None:
                i += 1
                continue
            found.append(mention)
            i = mention.last_token + 1
        return found

    def match_at(self, i: int) -> Mention | None:
        tok = self.toks[i]
        text = self.text
        if len(tok.text) == 1 and not (tok.text.isupper() and text.startswith(". ", tok.end)):
            return None
        key = tok.key
        head, dash, tail = tok.text.partition("-")
        compound_tail = ""
        if dash and head.casefold() in self.people.learned and tail[:1].islower() and not self.is_lex(key):
            key, compound_tail = head.casefold(), dash + tail  # «warsame-saken»
        got = self.base(tok) if not compound_tail else (key, "", 0)
        if got is None and not self.learned_only and self.name_position(i):
            got = (key, "", 0)
        if got is None and not (len(tok.text) == 1 and tok.text.isupper()):
            return None
        if tok.text.isupper() and len(tok.text) > 1 and tok.start not in self.speakers:
            nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
            if key not in self.people.learned and not (nxt and nxt.text.isupper() and self.is_lex(key)
                                                       and self.is_lex(nxt.key)):
                return None  # acronyms are not names; «KARI HANSEN» in a form header is
        key0 = got[0] if got else key
        if tok.start not in self.speakers and key0 not in self.people.learned and not self.is_lex(key0) \
                and match_phrase(self.lex.places, text, tok) and key0 not in self.lex.ambiguous:
            return None  # a known place is a place, whatever stands before it
        loc = self.after_locative(i)
        if loc and key0 not in self.people.learned and match_phrase(self.lex.places, text, tok):
            return None
        if loc in cues.STRONG_LOCATIVE and not self.is_lex(key0) and key0 not in self.people.learned:
            return None  # «på Rud», «i Follebu»: the place rules decide
        j = i if compound_tail else self.extend(i)
        if j + 1 < len(self.toks) and self.toks[j + 1].key in cues.STREET_WORDS and text[self.toks[j].end] == " ":
            return None
        parts, suffix, extra = self.keys(i, j)
        if compound_tail:
            parts, suffix, extra = (key,), "", 0
        ev = self.evidence(i, j, parts[0])
        decision = self.decide(i, j, parts, ev)
        if decision is None:
            return None
        reason, weak = decision
        while i > 0 and self.toks[i - 1].key in cues.PARTICLES and self.gap_before(i) == " " and (
                self.toks[i - 1].capitalised or self.toks[i].capitalised is False):
            i -= 1  # «Van der Berg»: the particles go with the name
        tok = self.toks[i]
        end = self.toks[j].end + extra if not compound_tail else tok.start + len(head)
        return Mention(tok.start, end, parts, suffix, ev.role, ev.letter_only, reason, weak, j)

    def decide(self, i: int, j: int, parts: tuple[str, ...], ev: Evidence) -> tuple[str, bool] | None:
        tok = self.toks[i]
        cap = tok.capitalised
        lower_doc = self.ws.lower_case
        sstart = is_sentence_start(self.text, tok.start)
        known = [p for p in parts if p in self.people.learned]
        lex_plain = [p for p in parts if self.is_lex(p) and p not in self.lex.ambiguous]
        multi = j > i and sum(1 for p in parts if self.is_lex(p) or self.is_unknown(p) or p in self.people.learned) >= 2
        multi_cap = j > i and not lower_doc and all(self.cap_name_like(self.toks[k]) or self.toks[k].key in cues.PARTICLES
                                                   or len(self.toks[k].text) == 1 for k in range(i, j + 1)) \
            and any(self.is_lex(p) or self.is_unknown(p) for p in parts)
        if self.learned_only:
            if all(p not in self.people.learned for p in parts):
                return None
            if any(not self.ambiguous(p) for p in known) or multi:
                return "navn kjent fra før i dokumentet", False
            if cap and not sstart and not lower_doc:
                return "kjent navn, stor forbokstav", False
            if ev.strong:
                return "kjent navn " + ev.reason, False
            return None
        if lex_plain:
            return "navneliste", False
        if multi and (cap or lower_doc or ev.strong) and not (cap and sstart and j == i + 1 and not ev.strong
                                                              and not all(self.candidate_key(p) for p in parts)):
            return "navn i flere ledd", False
        key = parts[0]
        if cap and not sstart and not lower_doc and not self.is_lex(key) and self.cap_name_like(tok):
            return "stor forbokstav midt i setningen", False
        if self.is_lex(key):  # ambiguous lexicon name («Per», «Liv»)
            if cap and not sstart and not lower_doc:
                return "navneliste, stor forbokstav midt i setningen", False
            if ev.strong:
                return "navneliste " + ev.reason, False
            if cap or lower_doc:
                self.ws.note_uncertain(tok.start, self.toks[j].end, "person", "navn som også er et vanlig ord")
            return None
        if self.is_unknown(key):
            if cap and not sstart and not lower_doc:
                return "ukjent ord med stor forbokstav midt i setningen", False
            if ev.strong and (cap or lower_doc):
                return "ukjent ord " + ev.reason, False
            if ev.reason and lower_doc:
                return "ukjent ord " + ev.reason, True
            if cap or lower_doc:
                self.ws.note_uncertain(tok.start, self.toks[j].end, "person", "ukjent ord som kan være et navn")
            return None
        if cap and not lower_doc and self.cap_name_like(tok) and (multi_cap or (ev.strong and not sstart)):
            return "stor forbokstav " + (ev.reason or "i navn i flere ledd"), not ev.strong
        if ev.strong and (cap or lower_doc) and (tok.start in self.speakers or ev.reason.startswith(
                ("etter «", "under «", "etter tittel"))) and self.vocab.frequency(key) < 4.5:
            return "vanlig ord " + ev.reason, True
        return None


def find_initials(ws: Workspace, people: People) -> list[Mention]:
    """Signatures by initials: «… /ME» at a line end, «S.R.» alone on a line."""
    found = []
    for rx in INITIALS_RES:
        for m in rx.finditer(ws.text):
            g = 1 if rx.groups else 0
            letters = re.sub(r"\W", "", m.group(g)).casefold()
            people.initials.add(letters)
            found.append(Mention(m.start(g), m.end(g), (letters,), "", None, False, "initialer som signatur", False, -1))
    return found


def replace_person_names(ws: Workspace, lexicon: Lexicon, vocabulary: Vocabulary, people: People) -> None:
    """Initials, then the lexicon and context run, then propagation of the learned name parts (rule 7)."""
    for mention in find_initials(ws, people):
        people.add(ws, mention)
    ws.commit()
    finder = NameFinder(ws, lexicon, vocabulary, people)
    for mention in finder.run(learned_only=False):
        people.add(ws, mention)
    ws.commit()
    if people.learned:
        finder = NameFinder(ws, lexicon, vocabulary, people)
        for mention in finder.run(learned_only=True):
            people.add(ws, mention)
        ws.commit()
