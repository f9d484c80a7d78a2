"""Words as name candidates: the word classes and the local evidence the name finder reads.

analysis/anonymise/names.py decides *whether* a word is a name; this module says *what kind of word* it is
and *what stands around it*:

* **word classes**: a lexicon name (data/lexicon/), an ambiguous lexicon name that is also an ordinary
  word, an unknown word (not Norwegian vocabulary, analysis/anonymise/vocabulary.py), a word this document
  has already used as a name, a capitalised word mid-sentence that is no known non-name;
* **speaker positions** in chat logs and SMS threads («kari 08:12: …», «08.58 tuan: …», «bjørn-erik →
  ragnhild», «14:00 fra gul (…):»);
* **local evidence** around a word (:meth:`NameWords.evidence`): role nouns, header labels, titles,
  greetings and sign-offs, appositions, an age in parentheses, verbs of speech (analysis/anonymise/cues.py).
"""

from __future__ import annotations

import re
from collections import Counter

from analysis.anonymise import cues
from analysis.anonymise.foreignshape import FOREIGN_ENDINGS
from analysis.anonymise.letters import FOREIGN_RE, WORD_RE, fold
from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.people import People
from analysis.anonymise.positions import speaker_starts
from analysis.anonymise.variants import SpellingVariants
from analysis.anonymise.vocabulary import Vocabulary
from analysis.anonymise.workspace import Word, Workspace, is_sentence_start

MAX_NAME_WORDS = 5
# Words that say a name is near are not names themselves.
NOT_NAMES = frozenset(
    {
        *cues.ROLE_NOUNS,
        *cues.HEADER_LABELS,
        *cues.GREETINGS,
        *cues.TITLES_FULL,
        *cues.TITLES_ABBR,
        *cues.SPEECH_VERBS,
        *cues.FINITE_VERBS,
        *cues.STREET_WORDS,
        *cues.PLACE_NOUNS,
        *cues.NEUTRAL_PERSON_NOUNS,
        *cues.PRONOUNS,
        *cues.WEEKDAY_ABBREVIATIONS,
    }
)
DEFINITE_ENDINGS = cues.DEFINITE_ENDINGS
# Endings of Norwegian nouns, adjectives and participles: a word with one is not taken for an unknown name.
WORD_ENDINGS = tuple(
    "ene erne ane sjon sjonen het heten ing ingen ingene else elsen skap itet iteten isme ende lig lige ige "
    "isk iske tiv tive ert erte vis messig aktig bar ning ninga ens ets enes ernes".split()
)
# Endings that names share with Norwegian words («Blessing», «Xiaoming», «Robert», «Akbar», «Owens»): only on a
# Norwegian stem do they make a Norwegian word.
NAME_LIKE_ENDINGS = frozenset({"ing", "ning", "ninga", "ert", "erte", "bar", "ens", "ets", "tiv", "tive", "vis"})
_AGE_AFTER_RE = re.compile(r" ?\(\d{1,2}(?: år)?\)")


_MEASURES = frozenset("dag døgn uke veke måned månad år time gang natt kveld person stk side kurs".split())
# Words that follow a person in a sentence (a verb, a preposition, «og»), not a noun that a little word describes
_AFTER_A_NAME = cues.LOCATIVE | cues.FINITE_VERBS | cues.SPEECH_VERBS | frozenset({"og", "eller"})


class NameWords:
    def __init__(self, ws: Workspace, lexicon: Lexicon, vocabulary: Vocabulary, people: People) -> None:
        self.ws, self.lex, self.vocab, self.people = ws, lexicon, vocabulary, people
        self.text = ws.text
        self.toks = [Word.of(m) for m in WORD_RE.finditer(self.text)]
        self.by_start = {t.start: i for i, t in enumerate(self.toks)}
        self.doc_keys = {t.key for t in self.toks}
        self.key_counts = Counter(t.key for t in self.toks)
        # «Grâce», «André»: written with marks Norwegian does not use, so not the ordinary word «grace», «andre».
        # Not when the text also writes the word without marks, nor for the most common words («för» → «for»).
        marked = frozenset(
            t.key
            for t in self.toks
            if not t.text.isascii()
            and FOREIGN_RE.search(t.text)
            and t.key != t.text.casefold()
            and t.text.casefold() not in vocabulary.marked_ordinary
            and vocabulary.frequency(t.key) < 5.0
        )
        if marked:
            plain = {t.key for t in self.toks if t.key in marked and t.text.casefold() == t.key}
            marked = marked - plain
        self.vocab = vocabulary.with_marked(marked)
        self.speakers = speaker_starts(self.text, self.name_label)
        # How often each word stands in a speaker's position: a chat participant writes on many lines
        self.speaker_uses = Counter(self.toks[self.by_start[pos]].key for pos in self.speakers if pos in self.by_start)
        self.learned_only = False
        self.edges: tuple[set[int], set[int], int] | None = None  # where replaced names start and end
        self.resume = 0  # the next token a run may look at
        self.skip_to = 0
        self.variants = SpellingVariants(())  # spellings of the name parts found so far (names.py, rule 7)

    # -- word classes -------------------------------------------------------------------------------------
    def is_lex(self, key: str) -> bool:
        if self.lex.is_person_key(key):
            return True
        if "-" in key:
            head, _, rest = key.partition("-")
            if head in ("al", "el") and self.lex.is_person_word(rest):
                return True
            parts = key.split("-")
            return parts[0] in self.lex.given and all(len(p) > 1 and p not in NOT_NAMES for p in parts)
        return False

    def is_unknown(self, key: str) -> bool:
        return (
            len(key) > 1
            and key not in self.lex.proper_nouns
            and key not in self.lex.months
            and not self.vocab.is_ordinary(key)
            and not self.is_place_key(key)
            and not self.norwegian_form(key)
        )

    def _short_compound(self, head: str, tail: str) -> bool:
        """``head`` + ``tail`` is a compound whose short part (three or four letters, below the compound rule of
        vocabulary.py) is a common word and whose other part is ordinary."""
        freq, ordinary = self.vocab.frequency, self.vocab.is_ordinary
        return (freq(head) >= 4.5 and ordinary(tail)) or (len(tail) <= 4 and freq(tail) >= 4.5 and ordinary(head))

    def repeated_unknown(self, key: str) -> bool:
        """In a lower-case text, a word no dictionary knows that the text writes more than once («wanchai …
        wanchais sjef»): a name, not a typo (typos are seldom repeated the same way). Long enough not to be an
        interjection («hææ»)."""
        if len(key) < 5 or self.vocab.frequency(key) > 0 or not key.isalpha() or self.vocab.is_english(key):
            return False
        if self.vocab.is_derived(key) or any(
            key.endswith(e) and self.vocab.is_ordinary(key[: -len(e)]) for e in ("er", "ene", "e", "a")
        ):
            return False  # the plural or definite form of a word wordfreq does not list
        if any(self._short_compound(key[:n], key[n:]) for n in range(3, len(key) - 2)):
            return False  # «dagvakter», «nattskift», «prøvedag»: a short common word and an ordinary word
        stem = key[:-1] if key.endswith("s") and self.key_counts.get(key[:-1]) else key
        return self.key_counts.get(stem, 0) + self.key_counts.get(stem + "s", 0) >= 2

    def norwegian_form(self, key: str) -> bool:
        """A word built like a Norwegian noun or adjective that wordfreq happens not to list («arbeidsutprøving»,
        «jobbsøking»): a Norwegian ending on a Norwegian stem, or a long compound. «Blessing», «Hlaing»,
        «Xiaoming» end the same way on no Norwegian stem, and are names."""
        if len(key) <= 5 or not key.endswith(WORD_ENDINGS) or key in self.vocab.marked:
            return False  # «Jankauskienė»: a Norwegian ending only once its foreign mark is folded away
        if key.endswith(FOREIGN_ENDINGS):
            return False  # «petrauskiene» written without its mark: a Lithuanian surname, not «-ene»
        ending = max((e for e in WORD_ENDINGS if key.endswith(e)), key=len)
        if ending not in NAME_LIKE_ENDINGS:
            return True  # «-sjon», «-het», «-skap», «-isme» …: no name ends so
        stem = key[: -len(ending)]
        return (
            len(key) > 10
            or self.vocab.frequency(stem) >= 3.0
            or self.vocab.is_ordinary(stem)
            or self.vocab.is_ordinary(stem + "e")
        )

    def name_label(self, label: str, times: int) -> bool:
        """A line-start label «X:» that names a speaker: a listed name, or a word that is no Norwegian vocabulary
        used as a label on two lines or more («Hawo:»); never a header label («Bruker:», «Merknad:»)."""
        keys = [fold(w) for w in label.split()]
        if any(k in cues.HEADER_LABELS or k in NOT_NAMES or len(k) < 2 for k in keys):
            return False
        if any(k in self.lex.acronyms for k in keys):
            return False  # «OBS:», «NAV:»: an abbreviation, not a speaker
        if all(k in self.people.learned for k in keys):
            return True  # «dato:» in a chat where «Dato Beridze» has been found
        if (
            times >= 2
            and len(keys) == 2
            and keys[0] in self.lex.given
            and keys[0] not in cues.POSSESSIVES
            and (self.is_lex(keys[1]) or self.vocab.frequency(keys[1]) < 4.5)
        ):
            return True  # «jo hage:» on two lines: a given name and a surname, however ordinary the words
        listed = all(self.is_lex(k) and k not in self.lex.ambiguous for k in keys)
        return listed or (times >= 2 and all(self.is_unknown(k) or self.is_lex(k) for k in keys))

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
        if (
            key.endswith("s")
            and len(key) > 2
            and self.is_lex(key[:-1])
            and not self.is_lex(key)
            and self.vocab.frequency(key) < 4.0
            and (tok.capitalised or (self.ws.lower_case and key[:-1] not in self.lex.ambiguous))
        ):
            return key[:-1], "s", 0  # «Pers kone», «Aminas mål»
        for ap in ("'s", "’s"):
            if key.endswith(ap) and self.candidate_key(key[:-2]):
                return key[:-2], "s", 0
        if self.candidate_key(key):
            if (
                key.endswith("s")
                and len(key) > 3
                and key[:-1] in self.doc_keys
                and self.candidate_key(key[:-1])
                and not self.is_lex(key)
            ):
                return key[:-1], "s", 0  # «Sultanis» beside «Sultani»
            nxt = self.text[tok.end : tok.end + 1]
            if nxt in ("'", "’") and key[-1] in "sxz" and not self.text[tok.end + 1 : tok.end + 2].isalpha():
                return key, "s", 1
            return key, "", 0
        if len(key) > 3 and key.endswith("s") and self.candidate_key(key[:-1]) and not self.vocab.is_ordinary(key):
            return key[:-1], "s", 0
        return None

    def _acronym_compound(self, tok: Word) -> bool:
        """«IPS-teamet», «NAV-kontoret»: a compound that starts with an acronym or a known service name."""
        if "-" not in tok.text:
            return False
        head = tok.text.partition("-")[0]
        return head.isupper() or fold(head) in self.lex.proper_nouns

    def _known_non_name(self, key: str) -> bool:
        """Capitalised words that are never a person: listed non-names, proper nouns, months, weekdays, feasts."""
        return (
            key in NOT_NAMES
            or key in self.lex.proper_nouns
            or key in self.lex.months
            or key in cues.WEEKDAYS
            or key in cues.HOLIDAYS
        )

    def cap_name_like(self, tok: Word, *, english: bool = False) -> bool:
        """A capitalised word mid-sentence in a capitalised text: a proper noun unless it is a known non-name.

        ``english=True`` accepts common English words too (a surname after a given name: «Grace Hope»)."""
        key = tok.key
        return (
            tok.capitalised
            and not tok.text.isupper()
            and not self._known_non_name(key)
            and not self._acronym_compound(tok)
            and (self.vocab.frequency(key) < (5.0 if english else 4.0) or self.is_lex(key))
            and (english or self.is_lex(key) or not self.vocab.is_english(key))
            and (english or not self.norwegian_form(key))
            and self.text[tok.end : tok.end + 1] != "-"
            and not self.is_place_key(key)
        )

    def cap_ordinary(self, tok: Word) -> bool:
        """A capitalised ordinary word that may be a name when a person's position says so («møtte Fall», «at Gul
        sa»): a base form (not «Husbanken», «Fastlegen»), no place, month, weekday, feast or known non-name."""
        key = tok.key
        return (
            tok.capitalised
            and len(key) > 1
            and not tok.text.isupper()
            and not self._known_non_name(key)
            and "-" not in key
            and self.vocab.frequency(key) < 6.0
            and not self.is_place_key(key)
            and not self.vocab.is_derived(key)
        )

    def name_position(self, i: int) -> bool:
        """Cheap test: could an ordinary word at token i be a name (capitalised mid-sentence, after a cue)?"""
        tok = self.toks[i]
        if tok.key in NOT_NAMES or len(tok.key) < 2 or self._acronym_compound(tok):
            return False
        if tok.start in self.speakers or cues.thanked(self.text, tok.start, tok.end, tok.key):
            return True
        if (
            i > 1
            and self.toks[i - 1].key in cues.CALLED_PRONOUNS
            and self.toks[i - 2].key in cues.CALLING_VERBS
            and tok.key not in cues.NOT_CALLED | cues.LOCATIVE
        ):
            return True  # «alle kaller meg nok»: what someone is called, however common the word
        if tok.capitalised and not self.ws.lower_case and self.cap_name_like(tok):
            return True
        if _AGE_AFTER_RE.match(self.text, tok.end) and self.vocab.frequency(tok.key) < 4.5:
            return True  # «Grace (7)»: a child named with an age
        if (
            tok.capitalised
            and not self.ws.lower_case
            and (
                (i > 0 and self.toks[i - 1].key in cues.NAMING_VERBS) or cues.CALLED_AFTER_RE.match(self.text, tok.end)
            )
        ):
            return True  # «(kalles Nok)», «Nok, som hun kalles,»: what someone is called, however common the word
        if i > 0 and self.vocab.frequency(tok.key) < 4.5:
            prev = self.toks[i - 1].key
            if (prev in cues.ROLE_NOUNS or prev in cues.NEUTRAL_PERSON_NOUNS) and prev.endswith(DEFINITE_ENDINGS):
                return False  # «kandidaten beskrev», «jobbspesialisten skaffet»: a verb follows a definite noun
            return (
                prev in cues.ROLE_NOUNS
                or prev in cues.NEUTRAL_PERSON_NOUNS
                or prev in cues.GREETINGS
                or prev in cues.TITLES_ABBR
                or prev in cues.TITLES_FULL
                or (prev in cues.NAMING_VERBS and i > 1 and self.toks[i - 2].key not in cues.QUESTION_WORDS)
            )
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
    def adverbial_after_preposition(self, i: int) -> bool:
        """In a lower-case text, an ordinary word that is also a given name, right after a locative preposition
        and before another word («i dag», «på ro»), is a fixed phrase, not the first part of a name."""
        tok = self.toks[i]
        return (
            self.ws.lower_case
            and i > 0
            and tok.start not in self.speakers
            and tok.key in self.lex.ambiguous
            and tok.key not in self.people.learned
            and self.toks[i - 1].key in cues.STRONG_LOCATIVE
            and self.gap_before(i) == " "
        )

    def given_name_follows(self, i: int) -> bool:
        """A capitalised given name of the lexicon follows token i, which no locative precedes: «mann, Cali Maxamed
        Nuur» is a name whose first word is also a city («i Cali Maria …» is not)."""
        toks = self.toks
        if i + 1 >= len(toks) or self.gap_before(i + 1) != " " or not toks[i].capitalised:
            return False
        nxt = toks[i + 1]
        before = toks[i - 1].key if i > 0 and self.gap_before(i) == " " else ""
        return (
            nxt.capitalised
            and nxt.key in self.lex.given
            and nxt.key not in self.lex.ambiguous
            and before not in cues.LOCATIVE
            and not is_sentence_start(self.text, toks[i].start)
        )

    def function_word_before_noun(self, i: int) -> bool:
        """In a capitalised text, token i is «per», «hans» or «jo» in lower case before a common word: the
        preposition, possessive or particle («per veke», «hans bil»), not the person («møtte jo i dag»). In a
        lower-case text only before a unit of time or count («per dag»), where it cannot be a name."""
        tok = self.toks[i]
        if tok.capitalised or tok.key not in cues.FUNCTION_WORD_NAMES:
            return False
        if i + 1 >= len(self.toks) or self.gap_before(i + 1) != " ":
            return False
        nxt = self.toks[i + 1]
        if self.ws.lower_case:
            return nxt.key in _MEASURES  # «mer norsk per dag» in a chat: no «Per Dag»
        return not nxt.capitalised and nxt.key not in _AFTER_A_NAME

    def owner_after_role(self, i: int) -> bool:
        """Token i is a lower-case possessive right after a role noun («kona hans», «sjefen hennes»)."""
        tok = self.toks[i]
        return (
            not tok.capitalised
            and tok.key in cues.OWNERS
            and i > 0
            and self.toks[i - 1].key in cues.ROLE_NOUNS
            and self.gap_before(i) == " "
        )

    def gap_before(self, i: int) -> str:
        return self.text[self.toks[i - 1].end : self.toks[i].start] if i > 0 else self.text[: self.toks[i].start]

    def after_locative(self, i: int) -> str | None:
        if i == 0 or self.gap_before(i) != " ":
            return None
        prev = self.toks[i - 1].key
        return prev if prev in cues.LOCATIVE else None
