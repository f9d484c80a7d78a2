"""Anonymise Norwegian case texts: the pipeline and its result (command line: analysis/anonymise/engine.py).

Case notes, e-mails, chat logs and interview excerpts about job seekers carry identity numbers, phone
numbers and names (direct identifiers) and details that identify in combination: exact dates, ages,
country of origin, workplaces, schools, NAV offices, places (quasi-identifiers). The pipeline removes the
former and coarsens the latter so that a narrative stays readable: «Amina Yusuf (34 år) fra Eritrea
startet hos Fjord Fisk AS 12. mars 2019» becomes «Kandidat A (i 30-årene) fra Øst-Afrika startet hos
Arbeidsplass 1 våren 2019» when the text says Amina is the candidate.

Pipeline (one pass per category, in this order; each module documents its rules):

=====================  ================================================  =====================
pass                   replaced by                                       module
=====================  ================================================  =====================
e-mail                 [e-post]                                          patterns
identity/account nos.  [fødselsnummer] [D-nummer] [kontonummer]          patterns
phone numbers          [telefon]                                         patterns
dates                  våren 2019, vinteren 2018/19 …                    dates
workplaces             Arbeidsplass 1, 2 …                               organisations
institutions           Barnehage 1, Skole 1, Voksenopplæring 1 …         organisations
NAV offices            NAV-kontor 1, 2 …                                 organisations
street addresses       [adresse]                                         patterns
postcode + place       [postnummer og sted]                              patterns
named workplaces       Arbeidsplass 1 («jobber i Matvia på Lysaker»)     workplaces
labelled form fields   Barnehage 1, Arbeidsplass 1, Sted 1 …             fields
person names           Kandidat A, Jobbspesialist A, Person A …          names, people
ages                   i 30-årene …                                      quasi
country of origin      Øst-Afrika, østafrikansk …                        quasi
places                 Sted 1, 2 …                                       places
pronouns (optional)    hen, hens                                         quasi
=====================  ================================================  =====================

Every pass claims spans of the *input* (analysis/anonymise/workspace.py), so the result lists each
replacement with its offsets in the input text: :attr:`AnonymisationResult.replacements`.

Spans the rules were unsure about are collected for a person to check: replacements made on weak
evidence, and name-like words left alone (:attr:`AnonymisationResult.review`; ``--report`` writes them
with line and reason, never with the words themselves). ``strict=True`` (``--strict``) replaces the
uncertain spans that were left alone too.

What it does not do: it cannot know a name that is an ordinary word in an ordinary position, nor a rare
detail that identifies by itself (an unusual job, a named diagnosis, a hotel with 22 rooms). A person still
reads the result before it is published.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.anonymise import cues
from analysis.anonymise.agecues import replace_ages_in_context
from analysis.anonymise.ages import replace_ages
from analysis.anonymise.dates import replace_dates
from analysis.anonymise.fields import replace_labelled_fields
from analysis.anonymise.institutions import replace_institutions
from analysis.anonymise.letters import WORD_RE, nfc_with_offsets
from analysis.anonymise.lexicon import Lexicon, load_lexicon
from analysis.anonymise.names import replace_person_names
from analysis.anonymise.navoffices import replace_nav_offices
from analysis.anonymise.organisations import replace_employers
from analysis.anonymise.patterns import (
    replace_addresses,
    replace_emails,
    replace_identity_and_account_numbers,
    replace_phones,
    replace_postcodes,
)
from analysis.anonymise.people import LABEL_ROLES, People
from analysis.anonymise.places import replace_camps, replace_places
from analysis.anonymise.quasi import replace_compass_countries, replace_origins, replace_pronouns
from analysis.anonymise.vocabulary import Vocabulary, load_vocabulary
from analysis.anonymise.workplaces import replace_workplaces_after_cues
from analysis.anonymise.workspace import MASK, PRIVATE_USE_RE, Registry, Workspace

# The pipeline's own output: pseudonyms and placeholders are left as they are when a text is run twice.
PSEUDONYM_RE = re.compile(
    r"\b(?:(?:Kandidat|Jobbspesialist|Veileder|Leder|Arbeidsgiver|Kollega|Tolk|Lege|Lærer|Familiemedlem|Person)"
    r" [A-Z]{1,2}s?|(?:Arbeidsplass|Sted|NAV-kontor|Barnehage|Skole|Voksenopplæring|Sykehjem|Helsetjeneste|"
    r"Institusjon) \d{1,3}s?)\b|\[(?:e-post|fødselsnummer|D-nummer|kontonummer|telefon|adresse|postnummer og sted|"
    r"navn\?|fjernet)\]|\b\d0–\d9-årige?\b|\bi \d0-årene\b|\bi tenårene\b|\bunder 10 år\b"
)

# «jobbspesialist A», «tolken A»: the letter-only pseudonym after a role noun (the role noun is checked in code).
LETTER_AFTER_WORD_RE = re.compile(r"([^\W\d_]+) [A-Z]{1,2}s?(?![\w-])")


def _shield_letters_after_role_nouns(ws: Workspace) -> None:
    spans = [m.span() for m in LETTER_AFTER_WORD_RE.finditer(ws.text) if m.group(1).casefold() in cues.ROLE_NOUNS]
    if spans:
        chars = list(ws.text)
        for start, end in spans:
            chars[start:end] = MASK * (end - start)
        ws.text = "".join(chars)


_REGION_PATTERNS: dict[int, re.Pattern[str]] = {}


def _region_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """World regions, the origin pass's own output («fra Sør-Asia»), left alone on a second run."""
    pattern = _REGION_PATTERNS.get(id(lexicon))
    if pattern is None:
        names = sorted(lexicon.region_adjectives, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")s?(?![\w-])")
        _REGION_PATTERNS[id(lexicon)] = pattern
    return pattern


CATEGORIES = (
    "identity_number",
    "d_number",
    "account_number",
    "phone",
    "email",
    "street_address",
    "postcode_place",
    "person",
    "employer",
    "institution",
    "nav_office",
    "place",
    "date",
    "age",
    "origin",
    "pronoun",
)


@dataclass(frozen=True)
class Span:
    """One replacement in the *input* text: ``input[start:end]`` became ``replacement``."""

    start: int
    end: int
    kind: str
    replacement: str
    reason: str
    weak: bool = False
    role: str | None = None  # for a person: the role its label claims (None for «Person A»)
    entity: int | None = None  # for a person: which person of the document


@dataclass(frozen=True)
class ReviewItem:
    """A span a person should look at: replaced on weak evidence, or name-like and left alone."""

    start: int
    end: int
    line: int
    kind: str
    reason: str
    replaced: bool


@dataclass(frozen=True)
class AnonymisationResult:
    text: str
    report: dict[str, Any]
    replacements: list[Span] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)

    def report_json(self) -> str:
        return json.dumps(self.report, ensure_ascii=False, indent=2) + "\n"


_SENTENCE_BEFORE_RE = re.compile(r"(?:[.!?][ \t\n]+|\A\s*)\Z")


def _opens_sentence(text: str, pos: int) -> bool:
    """After «. », «! », «? » or at the start: not after a line break alone (hard-wrapped text, headings)."""
    return _SENTENCE_BEFORE_RE.search(text, max(0, pos - 6), pos) is not None


def is_lower_case_text(text: str) -> bool:
    """Most sentences open in lower case: a chat log or hasty notes, where capitals say nothing."""
    opened = capital = 0
    for m in WORD_RE.finditer(text):
        if len(m.group()) > 1 and _opens_sentence(text, m.start()):
            opened += 1
            capital += m.group()[0].isupper()
            if opened >= 400:
                break
    return opened >= 3 and capital < 0.5 * opened


def anonymise(
    text: str, *, deny_list: Sequence[str] = (), gender_neutral: bool = False, strict: bool = False
) -> AnonymisationResult:
    """Anonymise one document; pseudonyms are consistent within it and start afresh for the next.

    ``deny_list``: names of employers, providers or anything else that must go, matched case-insensitively
    as whole words. ``strict``: also replace the name-like spans the rules left alone. The report holds
    counts, and line numbers with reasons for the review list, never an original value.
    """
    lexicon, vocabulary = load_lexicon(), load_vocabulary()
    # Decomposed input («å» as «a» + ring) is composed for the passes; spans are mapped back at the end.
    composed = nfc_with_offsets(text)
    work = composed[0] if composed else text
    ws = Workspace(work, lower_case=is_lower_case_text(work))
    if PRIVATE_USE_RE.search(work):
        # The pipeline masks claimed spans with a private-use character: blank out any in the working copy
        # (same length, so offsets stay those of the input; the output keeps them).
        ws.text = PRIVATE_USE_RE.sub("\ufffd", work)
    people = People()
    ws.shield(PSEUDONYM_RE)
    _shield_letters_after_role_nouns(ws)
    ws.shield(_region_pattern(lexicon))
    registries = _run_passes(ws, lexicon, vocabulary, people, deny_list, gender_neutral)
    if strict:
        for item in ws.uncertain:
            ws.add(
                item.start,
                item.end,
                item.kind,
                "[navn?]" if item.kind == "person" else "[fjernet]",
                reason="streng modus: " + item.reason,
            )
        ws.commit()
    if composed:
        ws.map_offsets(composed[1], text)
    out = ws.render()
    spans = [
        Span(
            r.start,
            r.end,
            r.kind,
            r.value(),
            r.reason,
            r.weak,
            LABEL_ROLES.get(people.label(r.entity).rsplit(" ", 1)[0]) if r.entity is not None else None,
            people.canonical(r.entity) if r.entity is not None else None,
        )
        for r in ws.sorted_replacements()
    ]
    claimed = {(r.start, r.end) for r in ws.replacements}
    review = [ReviewItem(s.start, s.end, ws.line_of(s.start), s.kind, s.reason, True) for s in spans if s.weak]
    review += [
        ReviewItem(u.start, u.end, ws.line_of(u.start), u.kind, u.reason, False)
        for u in ws.uncertain
        if (u.start, u.end) not in claimed and ws.free(u.start, u.end)
    ]
    review.sort(key=lambda r: r.start)
    counts = ws.counts()
    report = {
        "replacements": {c: counts.get(c, 0) for c in CATEGORIES},
        "pseudonyms": {"person": len(people), **{k: len(v) for k, v in registries.items()}},
        "lower_case_text": ws.lower_case,
        "gender_neutral": gender_neutral,
        "strict": strict,
        "deny_list_terms": len({t for t in deny_list if t.strip()}),
        "review": [{"line": r.line, "kind": r.kind, "replaced": r.replaced, "reason": r.reason} for r in review],
        "characters": {"input": len(text), "output": len(out)},
    }
    return AnonymisationResult(out, report, spans, review)


def _run_passes(
    ws: Workspace,
    lexicon: Lexicon,
    vocabulary: Vocabulary,
    people: People,
    deny_list: Sequence[str],
    gender_neutral: bool,
) -> dict[str, Registry]:
    registries = {"employer": Registry("Arbeidsplass"), "nav_office": Registry("NAV-kontor"), "place": Registry("Sted")}
    institutions: dict[str, Registry] = {}
    replace_emails(ws)
    replace_identity_and_account_numbers(ws)
    replace_phones(ws)
    replace_dates(ws)
    replace_employers(ws, registries["employer"], deny_list, lexicon, vocabulary)
    replace_institutions(ws, institutions, lexicon, vocabulary)
    replace_nav_offices(ws, lexicon, vocabulary, registries["nav_office"])
    replace_addresses(ws, lexicon, vocabulary)
    replace_postcodes(ws, lexicon, vocabulary)
    replace_workplaces_after_cues(ws, registries["employer"], lexicon, vocabulary)
    replace_labelled_fields(ws, lexicon, vocabulary, registries["employer"], registries["place"], institutions)
    replace_compass_countries(ws, lexicon)
    replace_camps(ws, vocabulary, registries["place"])  # before names: «leiren Mae La» is no person
    replace_person_names(ws, lexicon, vocabulary, people)
    replace_ages(ws)
    replace_ages_in_context(ws)
    replace_origins(ws, lexicon)
    replace_places(ws, lexicon, vocabulary, registries["place"], people.learned)
    if gender_neutral:
        replace_pronouns(ws)
    keys = [k for r in institutions.values() for k in r.keys]
    registries["institution"] = Registry("Institusjon", {k: n for n, k in enumerate(keys)})
    return registries
