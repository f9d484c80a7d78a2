"""Workplaces named right after a word that says someone works there (analysis/anonymise/organisations.py, rule 7).

«jobber i Matvia på Lysaker», «har praksis på extra», «begynte hos joker», «sommerjobb hos Kantinex»: after a
*workplace cue* («jobber/jobbet/jobb», «praksis», «ansatt», «begynner/startet/sluttet», «vikar»,
«arbeidstrening», «prøvedag», «intervju», optionally «som <yrke>», then «i/på/hos/ved/for») the next name is an
employer when it is

* a chain name, even one that is also an ordinary word and written in lower case («på extra», «hos joker»;
  «handler på joker» has no cue and stays), with a place after it when there is one («rema på Tøyen»);
* a word that is no Norwegian vocabulary and no known place, capitalised (or anywhere in a lower-case text),
  with «på/i» and a place after it when there is one («Matvia på Lysaker» is one workplace), or a place or
  another rare capitalised word right after it («Kantinex Lierstranda»; a name of the lexicon there makes
  a person's full name instead).

→ «Arbeidsplass N», consistent with the other workplaces of the document; such an unknown word is the same
workplace wherever else the document names it («Matvia er en kantine»).

Not a workplace: a kind of institution («begynte i bhg», left to analysis/anonymise/organisations.py rule 5),
a word the document also writes after a given name («hos Rezai» … «Ali Rezai»: a person), and an unknown word
followed by a known name («hos Amare Hansen»: a full name, left to the name rules).
"""

from __future__ import annotations

import re

from analysis.anonymise.letters import WORD_RE
from analysis.anonymise.lexicon import Lexicon, phrase_key
from analysis.anonymise.organisations import INSTITUTION_KINDS
from analysis.anonymise.places import lower_case_place
from analysis.anonymise.vocabulary import Vocabulary
from analysis.anonymise.workspace import Registry, Word, Workspace, match_phrase, prev_word, word_at

_CUES = (
    r"jobb(?:er|et|a|e)?|jobben|arbeid(?:er|et|a)?|praksis(?:en|plass)?|ansatt|ansettelse|begynn(?:er|e)|begynte|"
    r"start(?:er|et|a|e)|slutt(?:er|et|a|e)|vikar(?:ierer|ierte|jobb)?|sommerjobb|deltidsjobb|ekstrajobb|helgejobb|"
    r"fastjobb|arbeidstrening|arbeidsutprøving|prøvedag|prøvedagen|intervju|jobbintervju|lærlingplass|tiltaksplass"
)
WORKPLACE_CUE_RE = re.compile(
    r"(?<![\w-])(?:" + _CUES + r")(?:[ \t]+som[ \t]+[^\W\d_]+)?[ \t]+(?:i|på|hos|ved|for)[ \t]+(?=[^\W\d_])", re.I
)
_PLACE_AFTER_RE = re.compile(r"[ \t]+(?:på|i)[ \t]+(?=[^\W\d_])")


def _place(text: str, pos: int, lexicon: Lexicon, vocabulary: Vocabulary, lower_case: bool) -> int:
    """End of a place name that starts at ``pos`` («Lysaker», «Tøyen»), or -1."""
    tok = word_at(text, pos)
    if tok is None:
        return -1
    hit = match_phrase(lexicon.places, text, tok)
    if hit:
        return hit[0].end
    if tok.capitalised and not tok.text.isupper():
        return tok.end
    if lower_case and (not vocabulary.is_ordinary(tok.key) or lower_case_place(tok.key, vocabulary)):
        return tok.end  # «matvia på lysaker»
    return -1


def _name_word(tok: Word, text: str, lexicon: Lexicon, vocabulary: Vocabulary, lower_case: bool) -> bool:
    """An unknown company word: no vocabulary, no known place, country, person name or proper noun of NAV."""
    key = tok.key
    if not (tok.capitalised or lower_case) or tok.text.isupper() or len(key) < 3:
        return False
    return not (
        vocabulary.is_ordinary(key)
        or vocabulary.is_english(key)
        or vocabulary.is_trade_noun(key)
        or vocabulary.is_short_compound(key)  # «jobber på bilvask på ryen»
        or match_phrase(lexicon.places, text, tok)
        or match_phrase(lexicon.countries, text, tok)
        or lexicon.is_person_key(key)
        or key in lexicon.proper_nouns
        or key in lexicon.months
        or key in INSTITUTION_KINDS
    )


def _after_a_given_name(text: str, tok: Word, lexicon: Lexicon) -> bool:
    """The document writes the word right after a given name somewhere («Ali Rezai»): a surname. Occurrences are
    compared by folded key, so «Wąsowicz» after «Krzysztof» counts although its key is «wasowicz»."""
    for m in WORD_RE.finditer(text):
        if len(m.group()) != len(tok.text) or Word.of(m).key != tok.key:
            continue
        before = prev_word(text, m.start())
        if before is not None and before[1] == " " and lexicon.is_person_key(before[0].key):
            return True
    return False


def replace_workplaces_after_cues(ws: Workspace, registry: Registry, lexicon: Lexicon, vocabulary: Vocabulary) -> None:
    text = ws.text
    unknown: dict[str, tuple[str, str]] = {}  # an unknown workplace word → its surface, the key of its first mention
    surname: dict[str, bool] = {}
    for m in WORKPLACE_CUE_RE.finditer(text):
        tok = word_at(text, m.end())
        if tok is None:
            continue
        chain = match_phrase(lexicon.chains, text, tok)
        if chain is not None:
            end = chain[0].end
        elif _name_word(tok, text, lexicon, vocabulary, ws.lower_case):
            if tok.key not in surname:  # one scan of the document per word
                surname[tok.key] = _after_a_given_name(text, tok, lexicon)
            if surname[tok.key]:
                continue
            end = tok.end
        else:
            continue
        after = _PLACE_AFTER_RE.match(text, end)
        nxt = word_at(text, end + 1) if text[end : end + 1] == " " else None
        if after is not None:
            place_end = _place(text, after.end(), lexicon, vocabulary, ws.lower_case)
            if place_end > 0:
                end = place_end  # «Matvia på Lysaker», «rema på Tøyen»: one workplace
        elif nxt is not None and nxt.capitalised and not ws.lower_case and not nxt.text.isupper():
            hit = match_phrase(lexicon.places, text, nxt)
            if hit is not None:
                end = hit[0].end  # «Eurest Tøyen»
            elif chain is None and lexicon.is_person_key(nxt.key):
                continue  # «hos Amare Hansen»: a full name, for the name rules
            elif not vocabulary.is_ordinary(nxt.key) or vocabulary.frequency(nxt.key) < 4.0:
                end = nxt.end  # «Kantinex Lierstranda»: a place the lexicon does not know, not left behind
        key = " ".join(phrase_key(text[tok.start : end]))
        ws.add(tok.start, end, "employer", registry.name_for(key), reason="navn etter «jobber i», «praksis på» …")
        if chain is None:
            unknown.setdefault(tok.key, (tok.text, key))
    ws.commit()
    _repeat(ws, registry, unknown)


def _repeat(ws: Workspace, registry: Registry, unknown: dict[str, tuple[str, str]]) -> None:
    """An unknown workplace word found after a cue is that workplace wherever the document names it again
    («Matvia er en kantine»), under the pseudonym of its first mention."""
    if not unknown:
        return
    alternation = "|".join(re.escape(t) for t, _ in sorted(unknown.values(), key=lambda v: -len(v[0])))
    for m in re.finditer(r"(?<![\w-])(?:" + alternation + r")(?![\w-])", ws.text, re.I):
        key = Word.of(m).key
        if key in unknown:
            ws.add(m.start(), m.end(), "employer", registry.name_for(unknown[key][1]), reason="arbeidsplass sett før")
    ws.commit()
