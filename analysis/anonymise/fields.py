"""Named places, workplaces and institutions in the fields of forms and referrals, found by the field's label.

A referral form says what a name is by the label before it, not by a type word after it: «Barnehage:
Solsikken», «Skole (barn): Trosterud», «Arbeidsgiver (tidligere): Sjøbris», «Bydel: Grorud». The value of such
a field (the rest of the line, split at commas, «og», «;» and «/») is that kind of entity: «Barnehage 1»,
«Skole 1», «Arbeidsplass 1», «Sted 1». Only capitalised values count (in a lower-case text any value that is
not a common word), never answers such as «ja», «nei», «ingen», and never a value another pass has claimed
(«Haugen skole» is already an institution, «Lindeberglia 14» an address).
"""

from __future__ import annotations

import re

from analysis.anonymise import cues
from analysis.anonymise.letters import fold
from analysis.anonymise.lexicon import Lexicon, phrase_key
from analysis.anonymise.vocabulary import Vocabulary
from analysis.anonymise.workspace import MASK, Registry, Workspace

# Label (its last word, folded) → (kind, pseudonym label for institutions).
FIELD_KINDS: dict[str, tuple[str, str]] = {}
for _kind, _label, _words in (
    ("institution", "Barnehage", "barnehage bhg"),
    ("institution", "Skole", "skole skule barneskole ungdomsskole vgs videregående"),
    ("institution", "Voksenopplæring", "voksenopplæring vaksenopplæring norskopplæring norskkurs"),
    ("institution", "Sykehjem", "sykehjem sjukeheim"),
    ("institution", "Helsetjeneste", "legekontor legesenter"),
    ("employer", "", "arbeidsgiver arbeidsgjevar arbeidsplass bedrift firma praksisplass praksissted"),
    ("place", "", "sted stad bydel bosted bustad hjemkommune heimkommune fødested fødestad oppvekststed"),
):
    for _w in _words.split():
        FIELD_KINDS[_w] = (_kind, _label)

FIELD_RE = re.compile(
    r"^[ \t•*-]*(?P<label>[^\W\d_][\w-]*(?: [^\W\d_][\w-]*){0,2})(?:[ \t]*\([^)\n]{0,30}\))?[ \t]*:[ \t]*"
    r"(?P<value>[^\n]+)$",
    re.M,
)
_ITEM_RE = re.compile(r"[^,;/\n]+")
ANSWERS = frozenset("ja nei ingen ukjent ikke aktuelt nå tidligere se under over".split())
_NOT_VALUES = cues.PRONOUNS | frozenset("hva hvem hvor når den det de en et ei i på til fra for med som".split())


def replace_labelled_fields(
    ws: Workspace,
    lexicon: Lexicon,
    vocabulary: Vocabulary,
    employers: Registry,
    places: Registry,
    institutions: dict[str, Registry],
) -> None:
    text = ws.text
    for m in FIELD_RE.finditer(text):
        label = fold(m.group("label").split()[-1])
        if fold(m.group("label")) in ("sted og dato", "stad og dato"):
            label = "sted"  # «Sted og dato: Bø, 14.02.2025» under a signature: the place, then the date
        if label not in FIELD_KINDS or not (m.group("label")[0].isupper() or ws.lower_case):
            continue
        if len(m.group("value").split()) > 8 or re.search(r"[?!]|\.\s+\w", m.group("value")):
            continue  # «Arbeidsgiver: De har vært på oss …» is a quotation, not a field
        kind, name = FIELD_KINDS[label]
        for item in _ITEM_RE.finditer(m.group("value")):
            for part in re.split(r" og ", item.group()):
                value = part.strip(" \t.()")
                if not value or MASK in value or value.casefold() in ANSWERS or not value[0].isalpha():
                    continue
                if len(value.split()) > 4 or fold(value.split()[0]) in _NOT_VALUES:
                    continue
                if not (value[0].isupper() or (ws.lower_case and not vocabulary.is_ordinary(fold(value.split()[0])))):
                    continue
                start = text.find(value, m.start("value") + item.start())
                if start < 0:
                    continue
                if kind == "place" and not _names_a_place(value, lexicon, vocabulary):
                    continue  # «Sted: NAV-kontoret», «Sted: Teams»: a room or a channel, no place name
                key = " ".join(fold(w) for w in value.split())
                if kind == "employer":
                    pseudonym = employers.name_for(key)
                elif kind == "place":
                    pseudonym = places.name_for(key)
                else:
                    pseudonym = institutions.setdefault(name, Registry(name)).name_for(key)
                ws.add(start, start + len(value), kind, pseudonym, reason=f"verdien i feltet «{m.group('label')}:»")
    ws.commit()


def _names_a_place(value: str, lexicon: Lexicon, vocabulary: Vocabulary) -> bool:
    """A field's value names a place: a known one, or a word no dictionary has («Jonsvatnet»)."""
    if phrase_key(value) in lexicon.places.values:
        return True
    return any(not vocabulary.is_ordinary(fold(w)) and fold(w) not in lexicon.proper_nouns for w in value.split())
