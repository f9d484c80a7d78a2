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
   header label («Bruker: …»), a title («dr.»), a greeting or sign-off — «fra gul (på samis telefon):»; after
   a header label or sign-off the whole capitalised name is taken («Fra: Dato Beridze»). Capitalised in the
   middle of a sentence it is a name where a person stands («møtte Fall», «at Gul sa», «Fall, sjefen og
   jeg»; analysis/anonymise/evidence.py), never as a title word, feast or inflected noun («Husbanken»).
5. **Local evidence**: a role noun before («jobbspesialist», «tolken», «kona», «kontaktperson er»), an
   apposition after («, jobbspesialist», «(veileder)», an age «(16)»), a title, a header label, a greeting or
   sign-off, a chat speaker position («kari 08:12:», «08.58 tuan:», «bjørn-erik → ragnhild», «fra X:»), a
   verb of speech after («Dag sa»), or, for a word this document has already used as a name, a finite verb
   after («Liv har …»).
6. **Multi-part names** are replaced whole: further name parts (lexicon names, unknown words, initials
   «J.») and particles (van der, bin, al, de …) join the first part; «al-Hassan» is one word. In a capitalised
   text every adjacent capitalised word joins a name part, to the right and to the left («Ei Mon Sin Aye»),
   and a run of capitalised words mid-sentence is a name on its own when one of them is not common Norwegian
   (analysis/anonymise/runs.py).
7. **Propagation**: every part of every name found is remembered; a second run replaces each other
   occurrence in any case, as a genitive («Aminas», «Idris'») or as the first part of a compound
   («warsame-saken» → «Person A-saken»), and repeats while it learns new parts. A remembered part that is
   also an ordinary word (rule 2 and 4) still needs the evidence of rules 2 and 5 there — in lower case in a
   capitalised text a name's place in the sentence: a greeting, a role noun («kollegaen min jo»), a verb of
   speech, the object of «ringte», «møtte», «snakket med», a list with other people, «gul her» opening a
   message, a chat label («dato:»); the ordinary uses («jo, det gjør jeg», «i hagen», «et fall») stay. A
   known name of several words is replaced wherever two or more of its words stand in a row.
8. **Initials** in a person's position (analysis/anonymise/positions.py) are people too, and once the whole
   document is read, short forms, initials and a part mentioned before the full name join that person
   (analysis/anonymise/aliases.py).

Which pseudonym a name gets is decided in analysis/anonymise/people.py.
"""

from __future__ import annotations

from analysis.anonymise import cues
from analysis.anonymise.aliases import load_short_forms
from analysis.anonymise.evidence import Evidence
from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.namewords import NameWords
from analysis.anonymise.people import Mention, People, after_surname_label, join_surname_first
from analysis.anonymise.positions import (
    SENDER_AFTER_FRA,
    find_initials,
    find_initials_in_positions,
    propagate_initials,
    speaker_starts,
)
from analysis.anonymise.runs import NameRuns
from analysis.anonymise.runwords import is_job_title
from analysis.anonymise.vocabulary import Vocabulary
from analysis.anonymise.workspace import MASK, Word, Workspace, is_sentence_start, match_phrase

# Evidence strong enough to take even an ordinary word for a name (rule 4).
STRONG_REASONS = ("etter «", "under «", "etter tittel", "fulgt av alder")
# Cues that place a word where a person stands (evidence.py): enough for a known name written in lower case.
PLACING_CUES = ("slot", "speaker", "role", "speech", "position")
CUE_WORDS = frozenset(
    {*cues.ROLE_NOUNS, *cues.NEUTRAL_PERSON_NOUNS, *cues.GREETINGS, *cues.TITLES_FULL, *cues.TITLES_ABBR}
)


def suffix_of(finder: NameWords, j: int) -> str:
    got = finder.base(finder.toks[j])
    return got[1] if got else ""


class NameFinder(NameRuns):
    """One run over the words of the text: the name rules of the module docstring."""

    # -- the runs -----------------------------------------------------------------------------------------
    def run(self, learned_only: bool) -> list[Mention]:
        self.learned_only = learned_only
        found: list[Mention] = []
        candidates = self.candidate_indices()
        pos = 0
        while pos < len(candidates):
            i = candidates[pos]
            pos += 1
            if i < self.resume:
                continue
            self.skip_to = i
            mention = self.match_at(i)
            if mention is None:
                self.resume = self.skip_to + 1
                continue
            found.append(mention)
            self.remember(mention)
            self.resume = mention.last_token + 1
        self.resume = 0
        return found

    def candidate_indices(self) -> list[int]:
        """Indices of the words worth a closer look; the rest are rejected by dictionary look-ups alone."""
        toks, learned = self.toks, self.people.learned
        given, surnames = self.lex.given, self.lex.surnames
        if self.learned_only:
            sequences = self.people.sequences
            return [
                i
                for i, t in enumerate(toks)
                if t.key in learned
                or t.key[:-1] in learned
                or t.key[:-2] in learned
                or t.key.partition("-")[0] in learned
                or t.key in sequences
            ]
        if self.ws.lower_case:
            return list(range(len(toks)))
        speakers, cue_words = self.speakers, CUE_WORDS
        out = []
        prev = ""
        for i, t in enumerate(toks):
            k = t.key
            if (
                t.capitalised
                or prev in cue_words
                or k in given
                or k in surnames
                or k[:-1] in given
                or k[:-1] in surnames
                or "-" in k
                or k in learned
                or t.start in speakers
            ):
                out.append(i)
            prev = k
        return out

    def quick_reject(self, tok: Word) -> bool:
        """Most words are plainly not names; tell them apart with dictionary look-ups only."""
        key = tok.key
        learned = self.people.learned
        if self.learned_only:
            head = key.partition("-")[0]
            return not (key in learned or key[:-1] in learned or key[:-2] in learned or head in learned)
        if tok.capitalised or self.ws.lower_case or tok.start in self.speakers:
            return False
        if key in learned or key[:-1] in learned or key.partition("-")[0] in learned:
            return False
        return not (self.lex.is_person_key(key) or self.lex.is_person_key(key[:-1]) or "-" in key)

    def match_at(self, i: int) -> Mention | None:
        tok = self.toks[i]
        text = self.text
        if self.people.sequences and (known := self.sequence_at(i)) is not None:
            return known
        if self.quick_reject(tok) and not (i > 0 and self.toks[i - 1].key in CUE_WORDS):
            return None
        if tok.key in self.lex.countries.by_first or tok.key in self.lex.places.by_first:
            country = match_phrase(self.lex.countries, text, tok) or match_phrase(self.lex.places, text, tok)
            if (
                country
                and tok.start not in self.speakers
                and (country[0].end > tok.end or match_phrase(self.lex.countries, text, tok))
            ):
                self.skip_to = self.by_start[country[0].start]
                return None  # «Sri Lanka», «Eritrea», «Chiang Mai»: the origin and place rules decide
        if (len(tok.text) == 1 and not (tok.text.isupper() and text.startswith(". ", tok.end))) or (
            is_job_title(tok.key) and tok.start not in self.speakers and not self.is_lex(tok.key)
        ):
            return None  # one letter; «Avdelingsleiar Marit Eide»: the title before a name is no part of it (runs.py)
        key = tok.key
        head, dash, tail = tok.text.partition("-")
        compound_tail = ""
        acronym_head = head.isupper() and head.casefold() in self.lex.acronyms  # «HR-avdelingen», «NAV-kontoret»
        if (
            dash
            and head.casefold() in self.people.learned
            and tail[:1].islower()
            and not self.is_lex(key)
            and not acronym_head
        ):
            key, compound_tail = head.casefold(), dash + tail  # «warsame-saken»
        got = self.base(tok) if not compound_tail else (key, "", 0)
        if (
            got is None
            and not self.learned_only
            and (self.name_position(i) or self.run_at(i) or self.ordinary_in_name_position(i))
        ):
            got = (key, "", 0)
        if got is None and not (len(tok.text) == 1 and tok.text.isupper()):
            return None
        if self.adverbial_after_preposition(i):
            return None  # «takk for i dag selam»: «i dag» is an adverbial; the name starts after it
        if tok.text.isupper() and len(tok.text) > 1 and key in self.lex.acronyms:
            return None  # «KS har sendt brev» after «K.S.» the colleague: the acronym is no name
        capitals = tok.text.isupper() and len(tok.text) > 1
        if capitals and tok.start not in self.speakers and not after_surname_label(text, tok.start):
            nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
            if key not in self.people.learned and not (
                nxt and nxt.text.isupper() and self.is_lex(key) and self.is_lex(nxt.key)
            ):
                return None  # acronyms are not names; «KARI HANSEN» in a form header is
        key0 = got[0] if got else key
        if (
            tok.start not in self.speakers
            and key0 not in self.people.learned
            and not self.is_lex(key0)
            and match_phrase(self.lex.places, text, tok)
            and key0 not in self.lex.ambiguous
        ):
            return None  # a known place is a place, whatever stands before it
        loc = self.after_locative(i)
        if loc and match_phrase(self.lex.places, text, tok) and not (self.learned_only and self.name_follows(i)):
            return None
        if (
            loc in cues.STRONG_LOCATIVE
            and not self.is_lex(key0)
            and key0 not in self.people.learned
            and not (not compound_tail and self.run_at(i, long=True))
        ):
            return None  # «på Rud», «i Follebu»: the place rules decide; «på Ma Ei Sin Win» is a name
        if self.second_of_place_pair(i):
            return None  # «i Hà Nội», «i Dire Dawa»: two unknown capitalised words after «i» are a place
        seed = i
        if not compound_tail:
            i = self.extend_left(i, i)
        j = i if compound_tail else max(self.extend(i), self.extend(seed) if seed > i else i)
        if tok.start in self.speakers:
            j = max(j, self.label_end(i))  # «jo hage:»: a speaker's label is one name, whatever its words
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
        i = self.particle_head(i)  # «Van der Berg», «Ine van den Broek»: the particles go with the name
        tok = self.toks[i]
        end = self.toks[j].end + extra if not compound_tail else tok.start + len(head)
        unlearned: frozenset[str] = frozenset()
        if reason.startswith("navn i flere ledd med stor forbokstav"):
            # «Ma Ei Sin Win»: common words («sin», «ei») are part of this name, not names wherever they stand
            unlearned = frozenset(p for p in parts if self.common_in_run(p))
        return Mention(tok.start, end, parts, suffix, ev.role, ev.letter_only, reason, weak, j, unlearned)

    def initial_after(self, j: int) -> bool:
        """Token j is one capital letter with its full stop, written right after the word before it."""
        tok = self.toks[j]
        return len(tok.text) == 1 and tok.text.isupper() and self.text[tok.end : tok.end + 1] == "."

    def language_in_lower_case(self, i: int, ev: Evidence) -> bool:
        """«Jeg er karen», «forklarte på karen»: a given name that is also the name of a people or a language,
        written in lower case in a capitalised text, is the language (analysis/anonymise/quasi.py), not a person."""
        tok = self.toks[i]
        return (
            not tok.capitalised
            and not self.ws.lower_case
            and tok.key in self.lex.languages
            and not ev.strong
            and tok.key not in self.people.learned
        )

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
        known = [p for p in parts if p in self.people.learned and self.trusted_part(p)]
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
                and not any(self.is_lex(p) or self.vocab.frequency(p) == 0 for p in known)
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
        if after_surname_label(self.text, tok.start) and (self.is_lex(parts[0]) or self.is_unknown(parts[0])):
            return "navn i navnefelt", False  # «Etternavn, fornavn: HAILEMARIAM, …»
        if (
            j > i
            and ev.cue == "slot"
            and all(self.toks[k].capitalised == cap for k in range(i, j + 1))
            and any(self.is_lex(p) or self.is_unknown(p) or p in self.people.learned for p in parts)
        ):
            return "navn " + ev.reason, False  # «Fra: Dato Beridze», «Mvh Jo Hage»: the whole name after the label
        if j > i and len(tok.text) == 1 and tok.text.isupper() and cap and (known or self.cap_name_like(self.toks[j])):
            return "initial og etternavn", False
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
            if ev.strong:
                return "navneliste " + ev.reason, False
            if cap or lower_doc:
                self.ws.note_uncertain(tok.start, self.toks[j].end, "person", "navn som også er et vanlig ord")
            return None
        if self.is_unknown(key):
            if cap and not sstart and not lower_doc and not self.vocab.is_english(key):
                return "ukjent ord med stor forbokstav midt i setningen", False
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
            and (self.vocab.frequency(key) < 4.5 or ev.reason == SENDER_AFTER_FRA)
            and not (key.endswith("ert") and self.vocab.is_ordinary(key[:-1] + "e"))  # «eksportert»: a participle
        ):
            return "vanlig ord " + ev.reason, True
        return None


def replace_person_names(ws: Workspace, lexicon: Lexicon, vocabulary: Vocabulary, people: People) -> None:
    """Initials, then the lexicon and context run, then propagation of the learned name parts (rule 7)."""
    for mention in (*find_initials(ws, people, lexicon), *find_initials_in_positions(ws, people, lexicon)):
        people.add(ws, mention)
    ws.commit()
    finder = NameFinder(ws, lexicon, vocabulary, people)
    for mention in join_surname_first(ws.text, finder.run(learned_only=False)):
        people.add(ws, mention)
    ws.commit()
    # Propagation; a name found here may teach a new part («Åsmund Rue.» after «Åsmund»), so run again then.
    for _ in range(3):
        if not people.learned:
            break
        known = len(people.learned)
        finder.text = ws.text
        finder.toks = [t for t in finder.toks if ws.text[t.start] != MASK]
        finder.by_start = {t.start: i for i, t in enumerate(finder.toks)}
        finder.speakers |= speaker_starts(ws.text, finder.name_label)  # «dato:» once «Dato Beridze» is known
        found = finder.run(learned_only=True)
        for mention in found:
            people.add(ws, mention)
        ws.commit()
        if not found or len(people.learned) == known:
            break
    for mention in propagate_initials(ws, people, lexicon):
        people.add(ws, mention)
    ws.commit()
    people.consolidate(load_short_forms(), lexicon.given)
