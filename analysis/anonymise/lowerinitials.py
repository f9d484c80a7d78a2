"""Initials written in lower case at the start of a chat message («jb må hente den yngste», «ks tar kontakt»).

A colleague's initials are written in capitals in minutes (analysis/anonymise/positions.py); in a chat typed in
lower case they lose the capitals. Two or three consonants are no Norwegian word, but they are often an
abbreviation («kl», «tlf», «mvh»), so only consonant clusters that open a message or a sentence and are followed by a
task verb («tar», «ringer») or a modal and a task infinitive («må hente», «skal ringe»), or that are the object of a
message or a call at the end of a clause («skriver til jp nå», «en prat om jp og …»), count as a person.
"""

from __future__ import annotations

import re

from analysis.anonymise.lexicon import Lexicon
from analysis.anonymise.people import Mention, People
from analysis.anonymise.positions import NOTE_VERBS, TASK_INFINITIVES
from analysis.anonymise.workspace import Workspace

_CONSONANTS = "[b-df-hj-np-tv-zæø]{2,3}"
_LOWER_INITIALS_RE = re.compile(r"(?:^|(?<=[:.!?] ))(" + _CONSONANTS + r")(?= )", re.M)
# «skriver til jp nå», «en prat om jp og mireille», «ringte jp.»: initials as the object, before a clause end
_OBJECT_INITIALS_RE = re.compile(
    r"(?<![\w-])(?:til|med|om|ringte|ringer|ring|spør|spurte|kontakt|hos|fra) (" + _CONSONANTS + r")"
    r"(?=[.,!?]|$| og | nå\b| i dag\b| i morgen\b)",
    re.M,
)
_MODALS = frozenset("må skal kan vil bør".split())
# Consonant clusters that are abbreviations in Norwegian case notes and chats
ABBREVIATIONS = frozenset("kl nb jf tlf mvh pga mht dvs bl ps mnd stk nr vgs sfo nrk tv pc cv mm hm pr ft".split())


def find_lower_initials(ws: Workspace, people: People, lexicon: Lexicon) -> list[Mention]:
    """Lower-case initials that are the subject of a task in a lower-case text."""
    if not ws.lower_case:
        return []
    found = []
    for m in _LOWER_INITIALS_RE.finditer(ws.text):
        letters = m.group(1)
        if letters in ABBREVIATIONS or letters in lexicon.acronyms or letters in lexicon.proper_nouns:
            continue
        after = re.match(r" ([^\W\d_]+)(?: ([^\W\d_]+))?", ws.text[m.end() : m.end() + 40])
        if after is None:
            continue
        verb, infinitive = after.group(1), after.group(2) or ""
        if verb in NOTE_VERBS or (verb in _MODALS and infinitive in TASK_INFINITIVES):
            people.initials.add(letters)
            reason = "initialer med små bokstaver som subjekt"
            found.append(Mention(m.start(1), m.end(1), (letters,), "", None, False, reason, False, -1))
    for m in _OBJECT_INITIALS_RE.finditer(ws.text):
        letters = m.group(1)
        if letters in ABBREVIATIONS or letters in lexicon.acronyms or letters in lexicon.proper_nouns:
            continue
        people.initials.add(letters)
        reason = "initialer med små bokstaver som objekt"
        found.append(Mention(m.start(1), m.end(1), (letters,), "", None, False, reason, False, -1))
    return found
