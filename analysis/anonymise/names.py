"""Person names → «Kandidat A», «Kandidat B» ..., consistently within a document.

The rule set (small on purpose, so a reviewer can predict what happens):

1. **Lower case is never a name.** «liv», «per uke», «en dag», «åsen» are left alone.
2. **A name word** is a word in the given-name or surname lexicon (data/lexicon/), a hyphenated word whose
   parts are all such names («Anne-Lise»), an ``al-``/``el-`` prefixed name, or a word this document has
   already shown to be part of a name (see rule 7). Possessives count: «Aminas», «Per Olsens», «Idris'».
3. **Capitalised mid-sentence** a name word is a name. (Sentence start is defined in anonymise_text.py.)
4. **At a sentence start**, a name word that is *not* also an ordinary word is a name. One that is
   («Per», «Liv», «Dag», «Sol», «Stein», «Bo», «Vår», «Hans» ...: data/lexicon/ambiguous_words.txt) is a name
   only with local evidence: another name word follows («Per Olsen»), a title precedes it, it is in
   possessive form, a verb of speech follows («Dag sa»), a finite verb follows and the same word was
   used as a name elsewhere in the document («Liv har ...» after «... sa Liv») or is a name whose ordinary
   use is a function word and so never a subject («Per bor ...», unlike «Per uke»), or a word learned from a
   full name in this document stands alone as a sentence or line (a signature: «Lund.»).
5. **Titles** («fru», «herr», «hr.», «frk.», «dr.», «doktor», «prof.», «professor») make the next capitalised
   word(s) a name even if unknown; the title goes with the name (it reveals gender or profession).
6. **Multi-word names**: after a name word, further capitalised name words join the name, and so do
   unknown capitalised words when the name has a given name («Kari Sæthersdal»), as do the particles
   bin/ibn/al/el/abu/van/von/dos/del/di/thi between two capitalised words and initials («Bente H. Johansen»).
   Words in capitals (acronyms) and known places/countries do not join unless they are names too. A line
   break may separate two name words of the lexicon (hard-wrapped text), not an unknown one. A word in
   capitals («PER») is an acronym unless another name word in capitals follows («KARI HANSEN»).
7. **Learning**: every word of a multi-word name is remembered; a second run over the document then
   replaces those words wherever they stand alone, so «Sæthersdal» later gets the same pseudonym. The
   second run also catches a sentence-initial ambiguous name used before the mention that confirmed it.
8. **Places that are also names** («Frøya», «Lund», «Rana») are places after a locative preposition
   (i, på, fra, til, ved, ...) or before «kommune»/«fylke»; otherwise names. A name word followed by a street
   word («Olav Kyrres gate») is part of a street name and left to the address rules.

Pseudonyms: one person = one letter. A surname or given name alone maps to the most recent person
mentioned with it; a full name maps to an earlier person whose known name parts it contains, so «Amina»
followed later by «Amina Yusuf» is the same Kandidat.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.workspace import (
    CAP_WORD_RE,
    Word,
    Workspace,
    is_sentence_start,
    match_phrase,
    next_word,
    prev_word,
    pseudonym_letters,
)

TITLES_FULL = frozenset({"fru", "frue", "herr", "frøken", "doktor", "professor"})
TITLES_ABBR = frozenset({"hr", "frk", "dr", "prof"})
# Joined only between two capitalised words; «thi»/«van» are Vietnamese middle names («Nguyen Thi Lan»).
PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "abu", "van", "von", "dos", "del", "di", "thi"})
LOCATIVE = frozenset(
    {"i", "på", "fra", "til", "ved", "utenfor", "nær", "rundt", "mot", "gjennom", "via", "innenfor", "nord", "sør", "øst", "vest"}
)
PLACE_NOUNS = frozenset({"kommune", "kommunes", "fylke", "fylkes", "sentrum", "havn", "lufthavn", "stasjon"})
STREET_WORDS = frozenset({"gate", "gata", "gaten", "gt", "vei", "veien", "veg", "vegen", "allé", "plass", "brygge", "torg"})
SPEECH_VERBS = frozenset(
    "sa sier si forteller fortalte forklarer forklarte mener mente spør spurte svarer svarte uttaler uttalte "
    "påpeker påpekte understreker understreket skriver skrev opplyser opplyste sukker sukket ler lo smiler "
    "smilte tenker tenkte husker husket innrømmer innrømmet legger la ringte ringer roper ropte".split()
)
FINITE_VERBS = frozenset(
    "har hadde er var blir ble fikk får kan kunne vil ville skal skulle må måtte bør burde begynte begynner "
    "startet starter jobber jobbet møtte møter ønsker ønsket trenger trengte synes syntes tror trodde gikk går "
    "bor bodde tok tar fant finner kom kommer reiste flyttet søkte søker fullførte deltok deltar gjorde gjør "
    "virket virker opplevde opplever klarte klarer prøvde prøver viste viser lærte lærer snakket snakker "
    "følger fulgte holder holdt sender sendte kjenner kjente vet visste liker likte ser hører hørte leser "
    "leste lager laget gir ga hjelper hjalp nevnte nevner minnet minner foreslo foreslår avtalte avtaler "
    "meldte melder fortsetter fortsatte slutter sluttet venter ventet trives trivdes".split()
)
# Ambiguous names whose ordinary use is a preposition, pronoun or particle: those are never the subject of a
# verb, so a finite verb right after them («Per bor i ...») is evidence enough.
FUNCTION_WORD_NAMES = frozenset({"per", "hans", "jo"})
MAX_NAME_WORDS = 5


@dataclass
class People:
    """Who is who in one document: known name parts per person, and which person a part last meant."""

    parts: list[set[str]] = field(default_factory=list)
    full: dict[tuple[str, ...], int] = field(default_factory=dict)
    last_with_part: dict[str, int] = field(default_factory=dict)
    recency: dict[int, int] = field(default_factory=dict)
    learned: set[str] = field(default_factory=set)
    confirmed: set[str] = field(default_factory=set)
    _clock: int = 0

    def resolve(self, key: tuple[str, ...]) -> int:
        idx = self.full.get(key)
        if idx is None and len(key) == 1:
            idx = self.last_with_part.get(key[0])
        if idx is None and len(key) > 1:
            owners = [i for i, known in enumerate(self.parts) if known and known <= set(key)]
            if owners:
                idx = max(owners, key=lambda i: self.recency.get(i, -1))
        if idx is None:
            idx = len(self.parts)
            self.parts.append(set())
        self.parts[idx].update(key)
        self.full[key] = idx
        for part in key:
            self.last_with_part[part] = idx
        self._clock += 1
        self.recency[idx] = self._clock
        self.confirmed.update(key)
        if len(key) > 1:
            self.learned.update(key)
        return idx

    @staticmethod
    def pseudonym(idx: int) -> str:
        return f"Kandidat {pseudonym_letters(idx)}"

    def __len__(self) -> int:
        return len(self.parts)


class _NameFinder:
    """One run over the text: visits capitalised words only and looks at their neighbours on demand."""

    def __init__(self, ws: Workspace, lexicon: Lexicon, people: People, *, learned_only: bool) -> None:
        self.ws, self.lex, self.people, self.learned_only = ws, lexicon, people, learned_only
        self.text = ws.text

    # -- word classes -------------------------------------------------------------------------------------
    def is_name_key(self, key: str) -> bool:
        if key in self.people.learned:
            return True
        if self.learned_only:
            return key in self.people.confirmed
        if self.lex.is_person_word(key):
            return True
        if "-" in key:
            head, _, rest = key.partition("-")
            if head in ("al", "el") and self.lex.is_person_word(rest):
                return True
            return all(self.lex.is_person_word(p) for p in key.split("-"))
        return False

    def is_given(self, key: str) -> bool:
        return key in self.lex.given or ("-" in key and all(p in self.lex.given for p in key.split("-")))

    def base_and_suffix(self, tok: Word) -> tuple[str, str, int] | None:
        """(name key, possessive suffix to keep, extra chars consumed) if the word is a name word."""
        key = tok.key
        for apostrophe_s in ("'s", "’s"):
            if key.endswith(apostrophe_s) and self.is_name_key(key[:-2]):
                return key[:-2], "s", 0
        if self.is_name_key(key):
            nxt = self.text[tok.end:tok.end + 1]
            if nxt in ("'", "’") and key[-1] in "sxz" and not self.text[tok.end + 1:tok.end + 2].isalpha():
                return key, "s", 1
            return key, "", 0
        if len(key) > 3 and key.endswith("s") and self.is_name_key(key[:-1]):
            return key[:-1], "s", 0
        return None

    def is_place_word(self, tok: Word) -> bool:
        """Whether a known place or country (possibly of several words) starts at ``tok``."""
        return match_phrase(self.lex.places, self.text, tok) is not None or \
            match_phrase(self.lex.countries, self.text, tok) is not None

    def joins_as_particle_name(self, tok: Word) -> bool:
        """«al-Hassan», «el-Amin»: lower-case particle glued to a capitalised name."""
        head, dash, rest = tok.text.partition("-")
        return bool(dash) and head.casefold() in ("al", "el") and rest[:1].isupper()

    # -- context ------------------------------------------------------------------------------------------
    def title_before(self, tok: Word) -> Word | None:
        found = prev_word(self.text, tok)
        if found is None:
            return None
        prev, between = found
        if prev.key in TITLES_FULL and not between.startswith("."):
            return prev
        if prev.key in TITLES_ABBR and between.startswith("."):
            return prev
        return None

    # -- spans --------------------------------------------------------------------------------------------
    def extend(self, first: Word, has_given: bool) -> list[Word]:
        """The words of the name that starts at ``first`` (rule 6)."""
        text = self.text
        name = [first]
        while len(name) < MAX_NAME_WORDS:
            cur = name[-1]
            if len(cur.text) == 1 and cur.text.isupper():
                nxt = next_word(text, cur, (". ",))
                if nxt is not None and nxt.capitalised:
                    name.append(nxt)
                    continue
            nxt = next_word(text, cur)
            if nxt is None:
                wrapped = next_word(text, cur, ("\n",))
                if wrapped is not None and wrapped.capitalised and self.base_and_suffix(wrapped):
                    nxt = wrapped  # a name wrapped onto the next line
                else:
                    break
            if nxt.key in PARTICLES:
                after = next_word(text, nxt)
                if after is not None and after.capitalised:
                    name.extend((nxt, after))
                    continue
                break
            if not nxt.capitalised:
                if self.joins_as_particle_name(nxt):
                    name.append(nxt)
                    continue
                break
            if len(nxt.text) == 1:
                if next_word(text, nxt, (". ",)) is not None:
                    name.append(nxt)
                    continue
                break
            named = self.base_and_suffix(nxt)
            if named:
                name.append(nxt)
                if named[1]:
                    break
                continue
            if has_given and not self.learned_only and not nxt.text.isupper() and not self.is_place_word(nxt):
                name.append(nxt)
                continue
            break
        return name

    def find(self) -> list[tuple[int, int, str]]:
        spans: list[tuple[int, int, str]] = []
        consumed = 0
        for m in CAP_WORD_RE.finditer(self.text):
            if m.start() < consumed:
                continue
            found = self.match_at(Word.of(m))
            if found is None:
                continue
            start, end, key, suffix = found
            idx = self.people.resolve(key)
            spans.append((start, end, self.ws.protect(People.pseudonym(idx) + suffix, "person")))
            consumed = end
        return spans

    def match_at(self, tok: Word) -> tuple[int, int, tuple[str, ...], str] | None:
        text = self.text
        title = None if self.learned_only else self.title_before(tok)
        named = self.base_and_suffix(tok)
        if named is None and title is None:
            return None
        if title is None and len(tok.text) > 1 and tok.text.isupper():
            after = next_word(text, tok)  # acronyms are not names; «KARI HANSEN» in a form header is
            if after is None or not after.text.isupper() or not self.base_and_suffix(after):
                return None
        if named is not None and title is None and self.is_place_word(tok):
            before = prev_word(text, tok)
            nxt = next_word(text, tok)
            if (before is not None and not before[1].startswith(".") and before[0].key in LOCATIVE) or (
                nxt is not None and nxt.key in PLACE_NOUNS
            ):
                return None
        has_given = (named is not None and self.is_given(named[0])) or title is not None
        name = [tok] if (named and named[1]) else self.extend(tok, has_given)
        last = name[-1]
        after = next_word(text, last)
        if after is not None and after.key in STREET_WORDS:
            return None
        key_words, suffix, extra = [], "", 0
        for k, w in enumerate(name):
            if w.key in PARTICLES or (len(w.text) == 1 and k != 0):
                continue
            got = self.base_and_suffix(w)
            if got is not None:
                key_words.append(got[0])
                if w is last:
                    suffix, extra = got[1], got[2]
            else:
                key_words.append(w.key)
        if not key_words:
            return None
        if title is None and len(key_words) == 1 and key_words[0] in self.lex.ambiguous \
                and is_sentence_start(text, tok.start) and not self.has_evidence(tok, last, key_words[0], suffix):
            return None
        start = title.start if title is not None else tok.start
        return start, last.end + extra, tuple(key_words), suffix

    def has_evidence(self, first: Word, last: Word, key: str, suffix: str) -> bool:
        if suffix and first.key not in self.lex.ambiguous:
            return True
        if key in self.people.learned and self.text[last.end:last.end + 1] in (".", "!", "?", "\n", ""):
            return True  # a known name part standing alone as a sentence or a line: a signature («Lund.»)
        nxt = next_word(self.text, last)
        if nxt is None:
            return False
        if nxt.key in SPEECH_VERBS:
            return True
        return nxt.key in FINITE_VERBS and (key in self.people.confirmed or key in FUNCTION_WORD_NAMES)


def replace_person_names(ws: Workspace, lexicon: Lexicon, people: People) -> None:
    """Two runs: lexicon and context rules, then the name parts this document taught us (rule 7)."""
    for learned_only in (False, True):
        if learned_only and not (people.learned or people.confirmed):
            break
        finder = _NameFinder(ws, lexicon, people, learned_only=learned_only)
        ws.splice(finder.find())
