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
   known name of several words is replaced wherever two or more of its words stand in a row
   (analysis/anonymise/sequences.py); a word of it that is common alone («Say» of «Saw Kler Say») only as
   the capitalised subject of a verb. A word that is no dictionary word and one letter away from a found
   part («mukenda» after «mukendi») is another spelling of it (analysis/anonymise/variants.py).
8. **Initials** in a person's position (analysis/anonymise/positions.py) are people too, and once the whole
   document is read, short forms, initials and a part mentioned before the full name join that person
   (analysis/anonymise/aliases.py).

Which pseudonym a name gets is decided in analysis/anonymise/people.py.
"""

from __future__ import annotations

import re

from analysis.anonymise import cues
from analysis.anonymise.aliases import load_short_forms
from analysis.anonymise.decisions import CUE_WORDS, NameDecisions
from analysis.anonymise.letters import fold
from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.lowerinitials import find_lower_initials
from analysis.anonymise.namewords import NOT_NAMES
from analysis.anonymise.people import Mention, People, after_surname_label, join_nicknames, join_surname_first
from analysis.anonymise.positions import (
    find_initials,
    find_initials_in_positions,
    propagate_initials,
    speaker_starts,
)
from analysis.anonymise.runwords import is_job_title
from analysis.anonymise.variants import SpellingVariants
from analysis.anonymise.vocabulary import Vocabulary
from analysis.anonymise.workspace import MASK, Word, Workspace, match_phrase

_PEOPLE_NOUNS = frozenset("folket folk folkegruppen språket språk kulturen miljøet samfunnet området".split())
_DEFINITE_ENDINGS = ("en", "et", "a", "ene", "ne")  # «Jama-familien», «Ali-saka», «Hassan-barna»
_JOINED_INITIAL_RE = re.compile(r"\.-?[A-ZÆØÅ]\. [A-ZÆØÅ]")  # «R.B. Awan», «J.-B. Niyonzima»


class NameFinder(NameDecisions):
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
            sequences, weak = self.people.sequences, self.people.weak
            self.variants = SpellingVariants(p for p in learned if self.trusted_part(p) and not self.ambiguous(p))
            return [
                i
                for i, t in enumerate(toks)
                if t.key in learned
                or t.key[:-1] in learned
                or t.key[:-2] in learned
                or t.key.partition("-")[0] in learned
                or t.key in sequences
                or (t.capitalised and t.key in weak)
                or self.variants.part_for(t.key, self.variant_candidate) is not None
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

    def variant_candidate(self, key: str) -> bool:
        """A word that may be another spelling of a name: no dictionary word, no English word, no place."""
        return self.is_unknown(key) and not self.vocab.is_english(key) and not self.is_lex(key)

    def weak_part_at(self, i: int) -> Mention | None:
        """«Say har selv sjekket» after «Saw Kler Say»: a common word of a known name, capitalised and followed by a
        finite verb or a verb of speech, is that name; anywhere else it is the word."""
        tok = self.toks[i]
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) and self.gap_before(i + 1) == " " else None
        if not tok.capitalised or tok.text.isupper() or nxt is None or tok.key in NOT_NAMES:
            return None
        if nxt.key not in cues.FINITE_VERBS and nxt.key not in cues.SPEECH_VERBS:
            return None
        reason = "del av kjent navn fulgt av verb"
        return Mention(tok.start, tok.end, (tok.key,), "", None, False, reason, False, i, frozenset({tok.key}))

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
        if self.learned_only and tok.key in self.people.weak and tok.key not in self.people.learned:
            return self.weak_part_at(i)
        if self.learned_only and tok.key not in self.people.learned:
            part = self.variants.part_for(tok.key, self.variant_candidate)
            if part is not None:  # «mukenda» after «mukendi»; «Wąsowiczs» after «Wąsowicz» keeps its genitive
                suffix = "s" if tok.key == part + "s" else ""
                reason = "annen skrivemåte av kjent navn"
                return Mention(tok.start, tok.end, (part,), suffix, None, False, reason, False, i)
        if self.quick_reject(tok) and not (i > 0 and self.toks[i - 1].key in CUE_WORDS):
            return None
        if text[tok.end : tok.end + 1].isdigit() or (tok.start and text[tok.start - 1].isdigit()):
            return None  # «Vg1», «B1», «A2», «i 8B.»: a level, a class or a code, never a name
        if not tok.capitalised and (
            self.function_word_before_noun(i)  # «to dagar per veke» in a text that names Per Olav: the preposition
            or self.owner_after_role(i)  # «kona hans ruta»: the possessive after a role noun, not the name «Hans»
            or (self.english_in_chat(tok) and tok.start not in self.speakers)  # «my husband rodel»: English
        ):
            return None
        if (
            len(tok.text) == 1
            and i > 0
            and self.toks[i - 1].key in cues.DESIGNATION_NOUNS
            and self.gap_before(i) == " "
        ):
            return None  # «førerkort klasse B. Hans kone …»: a kind named by a letter, not an initial
        head, dash, tail = tok.text.partition("-")
        if dash and tail[:1].islower() and (fold(head),) in self.lex.places.values and not self.is_lex(fold(head)):
            return None  # «fra Beldangi-leiren»: a known place before a common noun, for the place rules
        if dash and fold(head) in self.lex.languages and tail.casefold() in _PEOPLE_NOUNS:
            return None  # «karen-folket», «Karen-språket»: the people, for the origin rules
        if tok.key in self.lex.countries.by_first or tok.key in self.lex.places.by_first:
            country = match_phrase(self.lex.countries, text, tok) or match_phrase(self.lex.places, text, tok)
            if (
                country
                and tok.start not in self.speakers
                and (country[0].end > tok.end or match_phrase(self.lex.countries, text, tok))
            ):
                self.skip_to = self.by_start[country[0].start]
                return None  # «Sri Lanka», «Eritrea», «Chiang Mai»: the origin and place rules decide
        joined = _JOINED_INITIAL_RE.match(text, tok.end) is not None  # «R.B. Awan»
        if (len(tok.text) == 1 and not (tok.text.isupper() and (text.startswith(". ", tok.end) or joined))) or (
            is_job_title(tok.key) and tok.start not in self.speakers and not self.is_lex(tok.key)
        ):
            return None  # one letter; «Avdelingsleiar Marit Eide»: the title before a name is no part of it (runs.py)
        key = tok.key
        compound_tail = ""
        acronym_head = head.isupper() and head.casefold() in self.lex.acronyms  # «HR-avdelingen», «NAV-kontoret»
        # «Jama-familien»: a name of the lexicon before an ordinary noun, which stays as written
        noun_tail = (
            self.is_lex(fold(head))
            and fold(head) not in self.lex.languages  # «Karen-staten»: the people's state, for the place rules
            and not self.is_place_key(fold(head))
            and tail.endswith(_DEFINITE_ENDINGS)
            and self.vocab.is_ordinary(tail)
            and not self.is_lex(fold(tail))
        )
        if (
            dash
            and tail[:1].islower()
            and (head.casefold() in self.people.learned and not self.is_lex(key) or noun_tail)
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
            and not self.given_name_follows(i)
        ):
            return None  # a known place is a place, whatever stands before it («Cali Maxamed Nuur» is a name)
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
        head_start = tok.start
        i = self.particle_head(i)  # «Van der Berg», «Ine van den Broek»: the particles go with the name
        tok = self.toks[i]
        end = self.toks[j].end + extra if not compound_tail else head_start + len(head)
        unlearned: frozenset[str] = frozenset()
        if reason.startswith("navn i flere ledd med stor forbokstav"):
            # «Ma Ei Sin Win»: common words («sin», «ei») are part of this name, not names wherever they stand
            unlearned = frozenset(p for p in parts if self.common_in_run(p))
        unlearned |= frozenset(p for p in parts if p in cues.HESITATION_PARTS and len(parts) > 1)
        return Mention(tok.start, end, parts, suffix, ev.role, ev.letter_only, reason, weak, j, unlearned)


def replace_person_names(ws: Workspace, lexicon: Lexicon, vocabulary: Vocabulary, people: People) -> None:
    """Initials, then the lexicon and context run, then propagation of the learned name parts (rule 7)."""
    found_initials = (
        *find_initials(ws, people, lexicon),
        *find_initials_in_positions(ws, people, lexicon),
        *find_lower_initials(ws, people, lexicon),
    )
    for mention in found_initials:
        people.add(ws, mention)
    ws.commit()
    finder = NameFinder(ws, lexicon, vocabulary, people)
    for mention in join_nicknames(ws.text, join_surname_first(ws.text, finder.run(learned_only=False), lexicon.given)):
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
