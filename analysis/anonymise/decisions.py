"""Whether a candidate is a name: the decision of analysis/anonymise/names.py's rules 1–5 and 7 for a span of
words, given what kind of word it is (lexicon name, ambiguous, unknown, ordinary), where it stands and the
evidence around it (analysis/anonymise/evidence.py).
"""

from __future__ import annotations

from analysis.anonymise import cues
from analysis.anonymise.evidence import Evidence
from analysis.anonymise.foreignshape import FOREIGN_ENDINGS, foreign_shape
from analysis.anonymise.namewords import NameWords
from analysis.anonymise.people import after_surname_label
from analysis.anonymise.positions import SENDER_AFTER_FRA
from analysis.anonymise.sequences import KnownNames
from analysis.anonymise.workspace import is_sentence_start

# Evidence strong enough to take even an ordinary word for a name (rule 4).
STRONG_REASONS = ("etter «", "under «", "etter tittel", "fulgt av alder", "fulgt av «som hun kaller seg»")
# Words the anonymiser writes itself (a date's season, a pseudonym's label): never a name when a text it has
# already anonymised is run again («Høsten 19.12 Person A:»)
OWN_WORDS = frozenset("våren sommeren høsten vinteren person sted kandidat".split())
# A naming verb before or after: the capitalised word is what someone is called, however common the word
NAMING_REASONS = (
    "etter «heter»",
    "etter «het»",
    "etter «kalles»",
    "etter «heiter»",
    "fulgt av «som hun kaller seg»",
    "etter «kall",  # «alle kaller meg nok»
)
# Cues that place a word where a person stands (evidence.py): enough for a known name written in lower case.
PLACING_CUES = ("slot", "speaker", "role", "speech", "position")
CUE_WORDS = frozenset(
    {*cues.ROLE_NOUNS, *cues.NEUTRAL_PERSON_NOUNS, *cues.GREETINGS, *cues.TITLES_FULL, *cues.TITLES_ABBR}
)


def suffix_of(finder: NameWords, j: int) -> str:
    got = finder.base(finder.toks[j])
    return got[1] if got else ""


# Words right before a language's name (with «på» between or not) that say it is the language: «tolk på karen»
_NAMES_A_LANGUAGE = frozenset("tolk tolken tolker tolking snakker snakket snakke snakkar morsmål morsmålet".split())


class NameDecisions(KnownNames):
    def listed_surname(self, part: str) -> bool:
        """A part found after a given name of the lexicon («Anders Rønningen»): a surname, even when it is built
        like a Norwegian noun and so is not propagated on its own («Rønningen kontakter …» still is, with a verb)."""
        return any(len(key) > 1 and part in key[1:] and key[0] in self.lex.given for key in self.people.full)

    def rare_name_word(self, part: str) -> bool:
        """A found name part that no dictionary knows, or knows only as a rare word that is no Norwegian or English
        vocabulary («nabi»): a name even when a capitalised text writes it in lower case once."""
        return self.vocab.frequency(part) < 2.5 and not self.vocab.is_ordinary(part) and not self.vocab.is_english(part)

    def alone_on_line(self, i: int, j: int) -> bool:
        """Tokens i..j are all there is on their line (a signature: «A. Rønningen»)."""
        text = self.text
        start = text.rfind("\n", 0, self.toks[i].start) + 1
        end = text.find("\n", self.toks[j].end)
        return not text[start : self.toks[i].start].strip() and not text[
            self.toks[j].end : len(text) if end < 0 else end
        ].strip(" .")

    def chat_participant(self, i: int) -> bool:
        """In a lower-case chat, the word at token i is a speaker who writes on two lines or more («09:40 nok: …»,
        «09:55 nok: …»): a participant, however common the word is otherwise."""
        tok = self.toks[i]
        return (
            self.ws.lower_case
            and tok.start in self.speakers
            and self.speaker_uses[tok.key] >= 2
            and tok.key not in OWN_WORDS
        )

    def after_colon(self, i: int) -> bool:
        """Token i follows a colon in the middle of a line («To barn, 8 og 5 år: Althea går på …»), where a capital
        opens a clause but the line is no header."""
        line_start = self.text.rfind("\n", 0, self.toks[i].start) + 1
        head = self.text[line_start : self.toks[i].start].rstrip()
        return head.endswith(":") and len(head.split()) > 3

    def initial_after(self, j: int) -> bool:
        """Token j is one capital letter with its full stop, written right after the word before it."""
        tok = self.toks[j]
        return len(tok.text) == 1 and tok.text.isupper() and self.text[tok.end : tok.end + 1] == "."

    def language_in_lower_case(self, i: int, ev: Evidence) -> bool:
        """«Jeg er karen», «forklarte på karen»: a given name that is also the name of a people or a language,
        written in lower case in a capitalised text, is the language (analysis/anonymise/quasi.py), not a person.
        In a lower-case text only where a language is plainly named: «tolk på karen», «snakker karen»."""
        tok = self.toks[i]
        if tok.capitalised or tok.key not in self.lex.languages or tok.key in self.people.learned:
            return False
        if self.ws.lower_case:
            k = i - 1
            if k > 0 and self.toks[k].key == "på" and self.gap_before(i) == " ":
                k -= 1
            return k >= 0 and self.gap_before(k + 1) == " " and self.toks[k].key in _NAMES_A_LANGUAGE
        return not ev.strong

    def common_in_run(self, part: str) -> bool:
        """A part of a capitalised run that is a common word of its own («sin», «ei» of «Ma Ei Sin Win», «Win»):
        replaced here, not propagated. A longer English word that is no Norwegian word («Divine», «Precious») is
        a given name in a Norwegian text and is propagated like any other name."""
        if self.vocab.frequency(part) >= 4.5:
            return True
        return self.vocab.is_english(part) and (len(part) <= 3 or self.vocab.is_ordinary(part))

    def trusted_part(self, part: str) -> bool:
        """A learned name part that may be propagated: not a Norwegian word form («Inkluderingskompetanse»)."""
        return (
            self.is_lex(part)
            or not self.norwegian_form(part)
            or not self.vocab.is_ordinary(part)  # «Hlaing», «Xiaoming»: a name that ends like a Norwegian noun
        )

    def decide(self, i: int, j: int, parts: tuple[str, ...], ev: Evidence) -> tuple[str, bool] | None:
        tok = self.toks[i]
        cap = tok.capitalised
        lower_doc = self.ws.lower_case
        sstart = is_sentence_start(self.text, tok.start)
        known = [
            p
            for p in parts
            if p in self.people.learned
            and (
                self.trusted_part(p)
                or ((cap or lower_doc) and ev.strong and ev.cue in (*PLACING_CUES, "finite") and self.listed_surname(p))
            )
        ]
        lex_plain = [p for p in parts if self.is_lex(p) and p not in self.lex.ambiguous]
        multi = (
            j > i
            and sum(
                1
                for p in parts
                if self.is_lex(p) or (self.is_unknown(p) and not self.vocab.is_english(p)) or p in self.people.learned
            )
            >= 2
        )
        multi_cap = (
            j > i
            and not lower_doc
            and all(
                self.cap_name_like(self.toks[k]) or self.toks[k].key in cues.PARTICLES or len(self.toks[k].text) == 1
                for k in range(i, j + 1)
            )
            and any(self.is_lex(p) or self.is_unknown(p) for p in parts)
        )
        if self.learned_only:
            if not known or self.text[self.toks[j].end : self.toks[j].end + 2] in ("- ", "-\n"):
                return None
            if not cap and parts[0] in cues.ROLE_FILLERS:
                return None  # «sonen sin»: a possessive after a role noun, whatever name it is part of
            placed = ev.strong and ev.cue in PLACING_CUES
            if not cap and not lower_doc and all(self.ambiguous(p) for p in parts) and not placed:
                return None  # «i dag», «per uke» in a capitalised text, after «Dag» or «Per» the person
            if (
                not cap
                and not lower_doc
                and not placed
                and not any(self.is_lex(p) or self.rare_name_word(p) for p in known)
            ):
                return None  # lower case in a capitalised text: only names no dictionary has, or a name's place
            if any(not self.ambiguous(p) for p in known) or multi:
                return "navn kjent fra før i dokumentet", False
            if cap and not sstart and not lower_doc:
                return "kjent navn, stor forbokstav", False
            if (cap or lower_doc) and any(p not in self.lex.ambiguous and self.vocab.frequency(p) < 4.2 for p in known):
                return "kjent navn (ikke et vanlig ord)", False
            if ev.strong:
                return "kjent navn " + ev.reason, False
            return None
        if lex_plain and not (len(parts) == 1 and self.language_in_lower_case(i, ev)):
            return "navneliste", False
        if j > i and cap and tok.key in cues.HONORIFICS and all(self.toks[k].capitalised for k in range(i, j + 1)):
            return "navn med æresprefiks («Saw», «Naw»)", False  # «blant dem Saw Ler Htoo (…)»
        if after_surname_label(self.text, tok.start) and (self.is_lex(parts[0]) or self.is_unknown(parts[0])):
            return "navn i navnefelt", False  # «Etternavn, fornavn: HAILEMARIAM, …»
        if (
            j > i
            and ev.cue == "slot"
            and all(self.toks[k].capitalised == cap for k in range(i, j + 1))
            and any(self.is_lex(p) or self.is_unknown(p) or p in self.people.learned for p in parts)
        ):
            return "navn " + ev.reason, False  # «Fra: Dato Beridze», «Mvh Jo Hage»: the whole name after the label
        if (
            j > i
            and len(tok.text) == 1
            and tok.text.isupper()
            and cap
            and (known or self.cap_name_like(self.toks[j]) or self.alone_on_line(i, j))
        ):
            return "initial og etternavn", False  # «J. Hansen»; «A. Rønningen» alone on a line signs a note
        if j == i + 1 and cap and parts[0] in self.lex.given and self.initial_after(j):
            return "fornavn og initial", False  # «Tone B.», «Per S.»: a given name with the initial of a surname
        if (
            multi
            and (cap or lower_doc or ev.strong)
            and not (cap and sstart and j == i + 1 and not ev.strong and not all(self.candidate_key(p) for p in parts))
        ):
            return "navn i flere ledd", False
        if j > i and cap and all(self.run_word(self.toks[k]) for k in range(i, j + 1)) and self.run_is_name(i, j):
            return "navn i flere ledd med stor forbokstav", False
        key = parts[0]
        if cap and not sstart and not lower_doc and not self.is_lex(key) and self.cap_name_like(tok):
            return "stor forbokstav midt i setningen", False
        genitive = suffix_of(self, j)
        if self.is_lex(key) and genitive and self.toks[j].key not in self.lex.ambiguous and (cap or lower_doc):
            return "navneliste i genitiv", False  # «Pers kone»
        if key in cues.ROLE_FILLERS and not cap:
            return None  # «kona hans, Thu»: a possessive after a role noun, not a name
        if self.is_lex(key):  # ambiguous lexicon name («Per», «Liv»)
            if cap and not sstart and not lower_doc:
                return "navneliste, stor forbokstav midt i setningen", False
            if j == i and self.language_in_lower_case(i, ev):
                return None  # «tolk på karen»: the language, for the origin rules
            if lower_doc and j > i and self.verb_after(i):
                return "navneliste, to ledd fulgt av verb", True  # «lise holte vil gjerne …»
            if cap and sstart and j == i and self.vocab.frequency(key) < 4.0 and self.verb_after(i):
                return "navneliste fulgt av verb", True  # «Ny henvisning: Sanne meldte inn …»
            if ev.strong:
                return "navneliste " + ev.reason, False
            if cap or lower_doc:
                self.ws.note_uncertain(tok.start, self.toks[j].end, "person", "navn som også er et vanlig ord")
            return None
        if self.is_unknown(key):
            if cap and not sstart and not lower_doc and not self.vocab.is_english(key):
                return "ukjent ord med stor forbokstav midt i setningen", False
            foreign = key in self.vocab.marked or key.endswith(FOREIGN_ENDINGS) or self.after_colon(i)
            if cap and sstart and foreign and self.verb_after(i):
                return "ukjent ord med utenlandsk form fulgt av verb", True  # «Espérance har fått tilbud»
            if (
                ev.strong
                and (cap or lower_doc)
                and not (self.vocab.is_english(key) and ev.reason.startswith("fulgt av"))
            ):
                return "ukjent ord " + ev.reason, False
            if ev.reason and lower_doc:
                return "ukjent ord " + ev.reason, True
            if lower_doc and not cap and self.repeated_unknown(key):
                return "ukjent ord, brukt flere ganger", True
            if lower_doc and not cap and foreign_shape(key) and not self.vocab.is_english(key):
                return "ukjent ord med utenlandsk form", True  # «zazai», «zilinskas»: no Norwegian word is built so
            if lower_doc and not cap and (pos := self.position(i, j, key)) and pos.reason.startswith("etter «"):
                return "ukjent ord " + pos.reason, True  # «hun henter miya på fredager», «snakket med miya»
            if cap or lower_doc:
                self.ws.note_uncertain(tok.start, self.toks[j].end, "person", "ukjent ord som kan være et navn")
            return None
        if cap and not sstart and not lower_doc and j == i and ev.cue in PLACING_CUES and self.cap_ordinary(tok):
            return "stor forbokstav " + ev.reason, False  # «møtte Fall», «at Gul sa»: an ordinary word as a name
        if cap and not lower_doc and self.cap_name_like(tok) and (multi_cap or (ev.strong and not sstart)):
            return "stor forbokstav " + (ev.reason or "i navn i flere ledd"), not ev.strong
        if (
            ev.strong
            and (cap or lower_doc)
            and (tok.start in self.speakers or ev.reason.startswith(STRONG_REASONS))
            and (
                self.vocab.frequency(key) < 4.5
                or ev.reason == SENDER_AFTER_FRA
                or self.chat_participant(i)
                or ((cap or lower_doc) and ev.reason.startswith(NAMING_REASONS))  # «(kalles Nok)», «kaller meg nok»
            )
            and not (key.endswith("ert") and self.vocab.is_ordinary(key[:-1] + "e"))  # «eksportert»: a participle
        ):
            return "vanlig ord " + ev.reason, True
        return None
