"""Who is who in one document, and the role-aware pseudonym each person gets.

Every name found (analysis/anonymise/names.py) is a :class:`Mention` with its name parts. Mentions are
grouped into people: a full name is one person; a part alone («Amina», «Sæthersdal») is the person most
recently mentioned with that part; a full name seen after a part alone joins that person.

**Roles.** A mention may carry a role cue (analysis/anonymise/cues.py): «jobbspesialist Kari», «Kandidat:
Oksana», «Kari Nordby, jobbspesialist», «tolken Zarghona», «kona Thu». When the whole document has been read,
a person whose cues all name the same role gets that role's label, lettered per role in order of first
mention: «Kandidat A», «Jobbspesialist A», «Veileder A», «Arbeidsgiver A», «Kollega A», «Tolk», «Lege»,
«Lærer A», «Familiemedlem A»; a person without cues, or with cues that disagree, is «Person A», «Person B»
… so that nobody is labelled with a role the text does not give.

**Readable output.** Where a role noun stands right before the name («jobbspesialist Kari Nordby», «tolken
Zarghona») only the letter replaces the name («jobbspesialist A», «tolken A»), so the text does not say
«jobbspesialist Jobbspesialist A». A genitive keeps its «s»: «Kandidat As».
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from analysis.anonymise.aliases import ShortForms, initials_of, is_short_form
from analysis.anonymise.workspace import Workspace, pseudonym_letters

LABELS = {
    "kandidat": "Kandidat",
    "jobbspesialist": "Jobbspesialist",
    "veileder": "Veileder",
    "nav-leder": "Leder",
    "arbeidsgiver": "Arbeidsgiver",
    "kollega": "Kollega",
    "tolk": "Tolk",
    "lege": "Lege",
    "laerer": "Lærer",
    "familie": "Familiemedlem",
    None: "Person",
}
LABEL_ROLES = {label: role for role, label in LABELS.items()}
# A form field that gives the surname before the given name: «Etternavn, fornavn: HAILEMARIAM, Senait».
_SURNAME_FIRST_RE = re.compile(
    r"[ \t]*(?:etter|slekts)na[vm]n[ \t]*[,/][ \t]*(?:for|føre)na[vm]n[^:\n]{0,20}:[ \t]*", re.I
)


@dataclass
class Mention:
    start: int
    end: int
    parts: tuple[str, ...]
    suffix: str
    role: str | None
    letter_only: bool
    reason: str
    weak: bool
    last_token: int
    unlearned: frozenset[str] = frozenset()  # parts replaced here but not propagated alone (common words)


@dataclass
class People:
    parts: list[set[str]] = field(default_factory=list)
    full: dict[tuple[str, ...], int] = field(default_factory=dict)
    last_with_part: dict[str, int] = field(default_factory=dict)
    recency: dict[int, int] = field(default_factory=dict)
    learned: set[str] = field(default_factory=set)
    confirmed: set[str] = field(default_factory=set)
    # Parts of a multi-word name that are common words alone («say» of «Saw Kler Say»): a name only as the
    # capitalised subject of a verb (names.py, rule 7)
    weak: set[str] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)
    listed_initials: set[str] = field(default_factory=set)  # initials from a list that are also an abbreviation
    roles: dict[int, Counter[str]] = field(default_factory=dict)
    parent: dict[int, int] = field(default_factory=dict)  # a person joined to another (consolidate)
    # first word → (words of a known multi-word name or of a run of its words → (name parts, the whole name?))
    sequences: dict[str, dict[tuple[str, ...], tuple[tuple[str, ...], bool]]] = field(default_factory=dict)
    _labels: dict[int, str] = field(default_factory=dict)
    _clock: int = 0

    def resolve(self, key: tuple[str, ...], unlearned: frozenset[str] = frozenset()) -> int:
        idx = self.full.get(key)
        if idx is None and len(key) == 1:
            idx = self.last_with_part.get(key[0])
            owners = sorted({i for k, i in self.full.items() if len(k) > 1 and key[0] in k[1:]})
            if len(owners) > 1 and not any(k[0] == key[0] for k in self.full if len(k) > 1):
                # «Rasha Haddad» … «Ziad Haddad (ektemann)» … «Haddad kom»: a surname two relatives share stands
                # for the one the text introduced first (its subject), not the relative named last
                idx = owners[0]
        if idx is None and len(key) > 1:
            owners = [i for i, known in enumerate(self.parts) if known and known <= set(key)]
            if not owners:
                # two shared parts make the same person, unless they are only the surname of a relative with another
                # given name («Maricel Dela Cruz Bautista» … «søsteren Lorna Dela Cruz»)
                owners = [
                    i
                    for i, known in enumerate(self.parts)
                    if known & set(key) and len(known) > 1 and len(known & set(key)) >= 2 and key[0] in known
                ]
            if owners:
                idx = max(owners, key=lambda i: self.recency.get(i, -1))
        if idx is None and len(key) == 1 and key[0] in self.initials:
            idx = self._owner_of_initials(key[0])
        if idx is None:
            idx = len(self.parts)
            self.parts.append(set())
        self.parts[idx].update(key)
        self.full[key] = idx
        for part in key:
            self.last_with_part[part] = idx
        self._clock += 1
        self.recency[idx] = self._clock
        self.confirmed.update(p for p in key if p not in unlearned)
        self.learned.update(p for p in key if len(p) > 1 and p not in unlearned)
        self.weak.update(p for p in unlearned if len(p) > 1 and p in key)
        return idx

    def _owner_of_initials(self, letters: str) -> int | None:
        for full, idx in self.full.items():
            if len(full) == len(letters) and all(p[:1] == c for p, c in zip(full, letters, strict=True)):
                return idx
        return None

    def add(self, ws: Workspace, mention: Mention) -> None:
        idx = self.resolve(mention.parts, mention.unlearned)
        if mention.role:
            self.roles.setdefault(idx, Counter())[mention.role] += 1
        suffix = mention.suffix

        def text(idx: int = idx, letter_only: bool = mention.letter_only, role: str | None = mention.role) -> str:
            label = self.label(idx)
            # After a role noun or title that says what the label says («tolken A», «dr. A»; «fru A» for «Person A»)
            if letter_only and LABEL_ROLES.get(label.rsplit(" ", 1)[0], "") == role and " " in label:
                return label.rsplit(" ", 1)[1] + suffix
            return label + suffix

        ws.add(mention.start, mention.end, "person", text, reason=mention.reason, weak=mention.weak, entity=idx)

    # -- after the whole document: one person per set of forms ----------------------------------------------
    def canonical(self, idx: int) -> int:
        while idx in self.parent:
            idx = self.parent[idx]
        return idx

    def roots(self) -> list[int]:
        return [i for i in range(len(self.parts)) if i not in self.parent]

    def consolidate(self, forms: ShortForms, listed: frozenset[str]) -> None:
        """Join the forms of one person that the mention-by-mention reading kept apart (analysis/anonymise/aliases.py):
        a part mentioned before the full name, a short form, initials, a genitive. ``listed``: the lexicon's
        given names. A form that could belong to two people is left alone."""
        while True:
            roots = self.roots()
            parts = {r: set[str]() for r in roots}
            names: dict[int, list[tuple[str, ...]]] = {r: [] for r in roots}
            for i, known in enumerate(self.parts):
                parts[self.canonical(i)] |= known
            for key, i in self.full.items():
                names[self.canonical(i)].append(key)
            for e in roots:
                target = self._absorber(e, roots, parts, names, forms, listed)
                if target is not None:
                    keep, gone = min(e, target), max(e, target)
                    self.parent[gone] = keep
                    self.roles.setdefault(keep, Counter()).update(self.roles.pop(gone, Counter()))
                    break
            else:
                return

    @staticmethod
    def _absorber(
        e: int,
        roots: list[int],
        parts: dict[int, set[str]],
        names: dict[int, list[tuple[str, ...]]],
        forms: ShortForms,
        listed: frozenset[str],
    ) -> int | None:
        mine = parts[e]
        if not mine:
            return None
        full = {r for r in roots if r != e and any(len(k) > 1 for k in names[r])}
        wider = [f for f in full if mine < parts[f]]
        if wider:
            return wider[0] if len(wider) == 1 else None
        if len(mine) != 1 or any(len(k) > 1 for k in names[e]) or any(mine & parts[r] for r in roots if r != e):
            return None
        (short,) = mine
        owners = {
            r
            for r in roots
            if r != e
            and any(
                is_short_form(short, q, forms, both_listed=mine <= listed and q in listed, short_listed=mine <= listed)
                for q in {k[0] for k in names[r]}  # a short form stands for a given name, the first part
            )
        }
        if 2 <= len(short) <= 4 and short.isalpha():
            owners |= {r for r in full if any(short in initials_of(k) for k in names[r])}
        return next(iter(owners)) if len(owners) == 1 else None

    def role_of(self, idx: int) -> str | None:
        cues = self.roles.get(self.canonical(idx))
        if not cues or len(cues) != 1:
            return None
        return next(iter(cues))

    def label(self, idx: int) -> str:
        if not self._labels:
            self._assign_labels()
        return self._labels.get(self.canonical(idx), "Person")

    def _assign_labels(self) -> None:
        by_role: dict[str | None, list[int]] = {}
        for idx in self.roots():
            by_role.setdefault(self.role_of(idx), []).append(idx)
        for role, members in by_role.items():
            name = LABELS[role]
            for n, idx in enumerate(members):
                self._labels[idx] = f"{name} {pseudonym_letters(n)}"

    def __len__(self) -> int:
        return len(self.roots())


def after_surname_label(text: str, start: int) -> bool:
    """The value of a surname-first name field starts at ``start`` (even a surname in capitals is a name there)."""
    return _SURNAME_FIRST_RE.fullmatch(text[text.rfind("\n", 0, start) + 1 : start]) is not None


_FIELD_LABEL_RE = re.compile(r"[ \t]*[^\W\d_][\w /-]{0,30}:[ \t]*")


def join_surname_first(text: str, mentions: list[Mention], given: frozenset[str] = frozenset()) -> list[Mention]:
    """«Etternavn, fornavn: HAILEMARIAM, Senait», «Bruker: Sharifi, Mohammad Nasir»: the two names after a
    surname-first label, or after any field label when the part after the comma opens with a listed given name
    (``given``), are one person's full name, so they get one pseudonym (and a relative who shares the surname
    is not taken for that person)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"[ \t]*,[ \t]*", text[prev.end : m.start]):
            line_head = text[text.rfind("\n", 0, prev.start) + 1 : prev.start]
            in_field = _FIELD_LABEL_RE.fullmatch(line_head) is not None and m.parts[0] in given and len(prev.parts) == 1
            if after_surname_label(text, prev.start) or in_field:
                out[-1] = replace(prev, end=m.end, parts=m.parts + prev.parts, suffix=m.suffix, last_token=m.last_token)
                continue
        out.append(m)
    return out


_NICKNAME_GAP_RE = re.compile(r"[ \t]*[(,][ \t]*(?:som[ \t]+)?(?:også[ \t]+)?(?:kalles|kalt|kaller[ \t]+seg)[ \t]+")


def join_nicknames(text: str, mentions: list[Mention]) -> list[Mention]:
    """«Siriporn Chaiyawat (kalles Nok)»: the name someone goes by, right after their full name, is the same person,
    so the nickname carries the full name's parts and gets its pseudonym."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and _NICKNAME_GAP_RE.fullmatch(text[prev.end : m.start]):
            m = replace(m, parts=prev.parts + tuple(p for p in m.parts if p not in prev.parts))
        out.append(m)
    return out
