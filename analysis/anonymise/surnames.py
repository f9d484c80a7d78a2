"""Surnames in lower-case text (analysis/anonymise/runs.py, which decides how far a name reaches).

In a capitalised text a surname shows itself by its capital. In a chat log written in lower case, a surname
after a given name looks like any other word; these rules say when the word after a given name is its surname:
after a double given name a rare word that is no verb form («kari-anne lyng»); a Norwegian farm name
(«kristin berget», «synnøve fjellheim»); or any rare word that is no inflected form where the name's place says
it is a person («jobbspesialist ida sunde (nav fauske)», «linda sætre er grei»). After a Burmese or Karen
honorific, the next word belongs to the name whatever it means alone («saw ler moo»); a given name that is also
a word opens a double name before a name that is none («gul ahmad»).
"""

from __future__ import annotations

from analysis.anonymise import cues
from analysis.anonymise.evidence import _FINITE_ENDING_RE, DETERMINERS, NameEvidence
from analysis.anonymise.runwords import AFTER_HONORIFIC_STOP, RUN_STOP
from analysis.anonymise.workspace import Word, is_sentence_start

# Norwegian surnames that are farm names: landscape nouns in the definite form, and the last elements of
# compounded farm names (Statistics Norway's commonest surnames are mostly such names).
FARM_NOUNS = frozenset(
    "berget skaret bakken haugen lien lia dalen moen nesset neset holmen sletta sletten bråten tangen vollen "
    "volden myra myren lunden heia åsen stranden ruud ruden viken vika engen brekka brekken bekken kleiva "
    "nygård nygaard hovden lia flaten".split()
)
FARM_ELEMENTS = tuple(
    "heim stad rud land dal vik set seth lie haug berg nes holm by ås eng gard gård sæter seter lund strand "
    "vold voll fjell tveit tvedt rød bø stuen bakk hus".split()
)


# English little words that Norwegian does not use, to tell an English message from a Norwegian one
_ENGLISH_LITTLE = frozenset("my your his her our their the is are was were to of and you with".split())


class LowerCaseSurnames(NameEvidence):
    def double_given_surname(self, cur: Word, nxt: Word) -> bool:
        """In a lower-case text, a word after a hyphenated given name of two lexicon names that is no common
        word, no verb form and no little word: the surname («kari-anne lyng»), not «kari-anne ringte»."""
        parts = cur.key.split("-")
        return (
            self.ws.lower_case
            and len(parts) == 2
            and all(p in self.lex.given for p in parts)
            and not nxt.capitalised
            and nxt.key not in RUN_STOP
            and self.vocab.frequency(nxt.key) < 4.0
            and _FINITE_ENDING_RE.fullmatch(nxt.key) is None
        )

    def farm_surname(self, i: int, nxt: Word) -> bool:
        """In a lower-case text, the surname after a given name of the lexicon that is no ordinary word (or after an
        unknown word taken for one): a landscape noun in the definite form («kristin berget», «reidulf skaret»), a
        rarer word built on a farm-name element («synnøve fjellheim»), or any rare word that is no inflected
        form when the name's place says it is a person: a role noun or greeting before it, a verb after it
        («jobbspesialist ida sunde», «linda sætre er grei»). Verb forms and little words are never taken."""
        cur, key = self.toks[i], nxt.key
        given = cur.key in self.lex.given or (self.is_unknown(cur.key) and not self.vocab.is_english(cur.key))
        if not self.ws.lower_case or nxt.capitalised or not given:
            return False
        if key in RUN_STOP:
            return False
        if "-" in key and all(self.lex.is_person_key(p) for p in key.split("-") if p):
            return True  # «anette berg-olsen»: a double surname of two names
        # a given name that is also a word («lise», «liv») takes a surname only where a verb follows the pair
        ambiguous = self.ambiguous(cur.key)
        verb_like = _FINITE_ENDING_RE.fullmatch(key) is not None
        if (
            not verb_like
            and not ambiguous
            and (
                key in FARM_NOUNS or (len(key) >= 5 and key.endswith(FARM_ELEMENTS) and self.vocab.frequency(key) < 4.0)
            )
        ):
            return True
        before = self.toks[i - 1] if i > 0 and self.gap_before(i) in (" ", ", ") else None
        if before is not None and before.key in cues.NAMING_VERBS and not verb_like:
            if cues.APPOSITION_ENDS_RE.match(self.text, nxt.end):
                return True  # «lederen heter stig rønningen»: the whole name after the naming verb
        k = self.by_start[nxt.start]
        after = self.toks[k + 1] if k + 1 < len(self.toks) and self.gap_before(k + 1) == " " else None
        verb_after = after is not None and (after.key in cues.FINITE_VERBS or after.key in cues.SPEECH_VERBS)
        if ambiguous and verb_after and key in FARM_NOUNS:
            return True  # «lise berget sa ja»
        if self.vocab.frequency(key) >= 4.0 or self.vocab.is_derived(key) or self.vocab.is_english(key):
            return False
        if verb_after:
            return True  # «linda sætre er grei»: a verb after the name, so the word before it is no verb («sunde»)
        return (  # «jobbspesialist ida sunde (nav fauske)»: a rare word between a role noun's name and a bracket
            not ambiguous
            and before is not None
            and (before.key in cues.ROLE_NOUNS or before.key in cues.GREETINGS)
            and self.text[nxt.end : nxt.end + 2] in (" (", ", ", " o", "\n")
        )

    def honorific_opens(self, k: int) -> bool:
        """Token k is one word after a Burmese or Karen honorific in lower-case text («saw ler moo»): the honorific
        opens a name, so the word belongs to it whatever it means alone."""
        return (
            k > 0
            and self.toks[k - 1].key in cues.HONORIFICS
            and self.gap_before(k) == " "
            and self.toks[k].key not in AFTER_HONORIFIC_STOP
            and not is_sentence_start(self.text, self.toks[k - 1].start)
        )

    def given_before_name(self, k: int) -> bool:
        """In lower case, token k is a given name that is also a word, right before a name that is none («gul
        ahmad»): a double name, unless a little word before it makes it the word («i dag ahmad», «en gul ahmad»)."""
        toks = self.toks
        if k + 1 >= len(toks) or toks[k].key not in self.lex.given or toks[k].key in cues.FUNCTION_WORD_NAMES:
            return False
        nxt = self.base(toks[k + 1])
        if nxt is None or self.ambiguous(nxt[0]) or self.gap_before(k + 1) != " ":
            return False
        before = toks[k - 1].key if k > 0 and self.gap_before(k) == " " else ""
        return before not in DETERMINERS and before not in cues.LOCATIVE and before not in cues.OWNERS

    def english_in_chat(self, tok: Word) -> bool:
        """In a lower-case text, a common English word beside another one, that is no name of the lexicon and none
        the text has used: a message written in English («my husband rodel»), not a part of the name beside it
        («alle kaller meg bank» is Norwegian around the word)."""
        if not self.ws.lower_case or not self.vocab.is_english(tok.key) or self.is_lex(tok.key):
            return False
        if tok.key in self.people.learned:
            return False
        k = self.by_start.get(tok.start)
        if k is None:
            return False
        near = [self.toks[n] for n in (k - 1, k + 1) if 0 <= n < len(self.toks)]
        return any(
            t.key in _ENGLISH_LITTLE or self.vocab.is_english(t.key) and self.vocab.frequency(t.key) < 4.0 for t in near
        )

    def capital_given_before(self, i: int) -> bool:
        """In a capitalised text, the word before token i is a given name of the lexicon that is also a word,
        capitalised in the middle of a sentence right before a name: «Sommerjobb for Ler Htoo», not «ler»."""
        if self.ws.lower_case or i < 1 or self.gap_before(i) != " ":
            return False
        prev, tok = self.toks[i - 1], self.toks[i]
        return (
            prev.capitalised
            and tok.capitalised
            and prev.key in self.lex.given
            and self.is_lex(tok.key)
            and not self.ambiguous(tok.key)
            and not is_sentence_start(self.text, prev.start)
        )
