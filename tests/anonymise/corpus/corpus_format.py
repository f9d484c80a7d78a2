"""Reader for the annotated anonymiser corpus (format: see README.md in dev/ and the issue-14 format note).

A corpus text is two files with the same stem: ``NN-name.txt`` holds the fictitious text with inline
annotations, ``NN-name.yaml`` its metadata. Markup:

- ``[[surface|kind]]`` marks one identifier occurrence (kinds in :data:`KINDS`);
- ``[[surface|person:P1]]`` marks a mention of person P1 (described in the metadata's ``people``);
- ``[[surface|keep]]`` marks an ordinary word that looks like a name and must survive unchanged.

Identity numbers, D-numbers, account numbers, phone numbers and e-mail addresses are never written
literally: the surface holds a placeholder such as ``{FNR}``, and :func:`load` replaces it with whatever the
caller's ``fill(placeholder_name) -> str`` returns (one call per occurrence). :func:`synthetic_filler` is a
seeded filler that produces fødselsnumre and D-numbers in the month + 80 test range with valid check digits,
account numbers whose check digit fails, and phone numbers and e-mail addresses that exist only at run time.

Pure Python plus PyYAML; no project imports, so the corpus can be read by any tool under test.
Run ``python corpus_format.py [DIR ...]`` to print counts per kind, or ``--readme DIR`` to print the summary
section that dev/README.md carries.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

KINDS = frozenset(
    {
        "person",
        "identity_number",
        "d_number",
        "account_number",
        "phone",
        "email",
        "street_address",
        "postcode_place",
        "nav_office",
        "employer",
        "institution",
        "place",
        "date",
        "age",
        "origin",
    }
)
KEEP = "keep"
ROLES = frozenset(
    {
        "kandidat",
        "jobbspesialist",
        "veileder",
        "nav-leder",
        "arbeidsgiver",
        "kollega",
        "tolk",
        "lege",
        "laerer",
        "familie",
        "annen",
    }
)
GENRES = frozenset(
    {
        "chat-log",
        "follow-up-notes",
        "journal-note",
        "interview",
        "e-mail",
        "meeting-minutes",
        "case-summary",
        "sms",
        "form",
    }
)
# Which placeholder may stand in which kind of annotation.
PLACEHOLDERS = {
    "FNR": "identity_number",
    "FNR_SPACED": "identity_number",
    "DNR": "d_number",
    "ACCOUNT": "account_number",
    "PHONE": "phone",
    "PHONE_INTL": "phone",
    "EMAIL": "email",
}

_ANNOTATION_RE = re.compile(r"\[\[([^\[\]|\n]*)\|([^\[\]|\n]*)\]\]")
_PLACEHOLDER_RE = re.compile(r"\{([A-Z][A-Z_]*)\}")
_PERSON_LABEL_RE = re.compile(r"person:(P\d+)")
_PERSON_ID_RE = re.compile(r"P\d+")

Filler = Callable[[str], str]


class CorpusFormatError(ValueError):
    """The corpus file breaks the format; the message names file and line."""


@dataclass(frozen=True)
class Span:
    """One annotated stretch of the plain text: ``plain_text[start:end] == text``."""

    start: int
    end: int
    text: str
    kind: str  # one of KINDS, or "keep"
    person_id: str | None = None


@dataclass(frozen=True)
class CorpusText:
    name: str
    plain_text: str
    spans: list[Span]  # identifiers, in text order
    keep: list[Span]  # ordinary words that must survive, in text order
    meta: dict = field(default_factory=dict)

    @property
    def people(self) -> dict[str, dict]:
        return self.meta.get("people") or {}


def _line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def parse(source: str, fill: Filler, name: str = "<string>") -> tuple[str, list[Span], list[Span]]:
    """Strip the markup from ``source``; return (plain text, identifier spans, keep spans).

    Raises :class:`CorpusFormatError` on a malformed annotation, an unknown kind, a placeholder outside an
    annotation or in the wrong kind of annotation, or a stray ``[[``, ``]]`` or ``|`` in running text.
    """

    def fail(offset: int, message: str) -> CorpusFormatError:
        return CorpusFormatError(f"{name}:{_line_of(source, offset)}: {message}")

    plain: list[str] = []
    spans: list[Span] = []
    keep: list[Span] = []
    length = 0
    position = 0

    def add_text(chunk: str, offset: int) -> None:
        nonlocal length
        for token in ("[[", "]]", "|"):
            where = chunk.find(token)
            if where >= 0:
                raise fail(offset + where, f"stray {token!r} outside an annotation")
        found = _PLACEHOLDER_RE.search(chunk)
        if found:
            raise fail(offset + found.start(), f"placeholder {found.group(0)} outside an annotation")
        plain.append(chunk)
        length += len(chunk)

    for match in _ANNOTATION_RE.finditer(source):
        add_text(source[position : match.start()], position)
        surface, label = match.group(1), match.group(2)
        if not surface.strip() or surface != surface.strip():
            raise fail(match.start(), f"empty surface or surface with outer spaces in {match.group(0)!r}")
        person = _PERSON_LABEL_RE.fullmatch(label)
        if person:
            kind, person_id = "person", person.group(1)
        elif label in KINDS and label != "person":
            kind, person_id = label, None
        elif label == KEEP:
            kind, person_id = KEEP, None
        else:
            raise fail(match.start(), f"unknown label {label!r} in {match.group(0)!r}")

        def substitute(found: re.Match[str], kind: str = kind, offset: int = match.start()) -> str:
            placeholder = found.group(1)
            expected = PLACEHOLDERS.get(placeholder)
            if expected is None:
                raise fail(offset, f"unknown placeholder {found.group(0)}")
            if expected != kind:
                raise fail(offset, f"placeholder {found.group(0)} belongs in {expected}, not {kind}")
            return fill(placeholder)

        text = _PLACEHOLDER_RE.sub(substitute, surface)
        span = Span(length, length + len(text), text, kind, person_id)
        (keep if kind == KEEP else spans).append(span)
        plain.append(text)
        length += len(text)
        position = match.end()
    add_text(source[position:], position)
    return "".join(plain), spans, keep


def _check_meta(meta: object, spans: Sequence[Span], name: str) -> dict:
    if not isinstance(meta, dict):
        raise CorpusFormatError(f"{name}: metadata is not a mapping")
    if meta.get("genre") not in GENRES:
        raise CorpusFormatError(f"{name}: genre {meta.get('genre')!r} is not one of {sorted(GENRES)}")
    if not isinstance(meta.get("lower_case"), bool):
        raise CorpusFormatError(f"{name}: lower_case must be true or false")
    if not isinstance(meta.get("notes"), str) or not meta["notes"].strip():
        raise CorpusFormatError(f"{name}: notes (one line on what the text tests) is missing")
    people = meta.get("people") or {}
    if not isinstance(people, dict):
        raise CorpusFormatError(f"{name}: people must be a mapping of person ids")
    for person_id, person in people.items():
        if not _PERSON_ID_RE.fullmatch(str(person_id)):
            raise CorpusFormatError(f"{name}: person id {person_id!r} is not of the form P<number>")
        if not isinstance(person, dict) or person.get("role") not in ROLES:
            raise CorpusFormatError(f"{name}: {person_id} has no known role (one of {sorted(ROLES)})")
        if not isinstance(person.get("background"), str) or not person["background"].strip():
            raise CorpusFormatError(f"{name}: {person_id} has no language background")
    used = {s.person_id for s in spans if s.kind == "person"}
    if used - set(people):
        raise CorpusFormatError(f"{name}: person ids {sorted(used - set(people))} are not in the metadata")
    if set(people) - used:
        raise CorpusFormatError(f"{name}: people {sorted(set(people) - used)} are never mentioned in the text")
    return meta


def load(path: str | Path, fill: Filler) -> CorpusText:
    """Read ``path`` (the .txt file; its .yaml sits beside it) into a :class:`CorpusText`."""
    path = Path(path)
    meta_path = path.with_suffix(".yaml")
    if not meta_path.is_file():
        raise CorpusFormatError(f"{path.name}: metadata file {meta_path.name} is missing")
    plain, spans, keep = parse(path.read_text(encoding="utf-8"), fill, path.name)
    meta = _check_meta(yaml.safe_load(meta_path.read_text(encoding="utf-8")), spans, meta_path.name)
    return CorpusText(path.stem, plain, spans, keep, meta)


def load_dir(directory: str | Path, fill: Filler) -> list[CorpusText]:
    """Every text of a corpus directory, in file-name order."""
    return [load(p, fill) for p in sorted(Path(directory).glob("*.txt"))]


# -- synthetic values for the placeholders ----------------------------------------------------------------

_FNR_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_FNR_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_ACCOUNT_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _mod11(digits: Sequence[int], weights: Sequence[int]) -> int | None:
    check = 11 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
    return 0 if check == 11 else None if check == 10 else check


def synthetic_identity_number(rng: random.Random, d_number: bool = False) -> str:
    """An 11-digit number with valid check digits whose month is in the test range (month + 80)."""
    while True:
        day = rng.randint(1, 28) + (40 if d_number else 0)
        month = rng.randint(1, 12) + 80
        year = rng.randint(0, 99)
        individual = rng.randint(0, 999)
        digits = [int(c) for c in f"{day:02d}{month:02d}{year:02d}{individual:03d}"]
        first = _mod11(digits, _FNR_WEIGHTS_1)
        if first is None:
            continue
        second = _mod11([*digits, first], _FNR_WEIGHTS_2)
        if second is None:
            continue
        return "".join(map(str, [*digits, first, second]))


def synthetic_account_number(rng: random.Random) -> str:
    """A bank account number written «dddd.dd.ddddd» whose check digit is wrong, so no account has it."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(10)]
        right = _mod11(digits, _ACCOUNT_WEIGHTS)
        wrong = rng.choice([d for d in range(10) if d != right])
        number = "".join(map(str, [*digits, wrong]))
        return f"{number[:4]}.{number[4:6]}.{number[6:]}"


def synthetic_phone(rng: random.Random, international: bool = False) -> str:
    """A Norwegian mobile number in one of the usual spellings (exists only at run time, never stored)."""
    digits = f"{rng.choice('49')}{rng.randint(0, 9_999_999):07d}"
    spelled = rng.choice(
        [
            digits,
            f"{digits[:3]} {digits[3:5]} {digits[5:]}",
            f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}",
        ]
    )
    return f"+47 {spelled}" if international else spelled


_LOCAL_PARTS = ("post", "kontakt", "jobb", "hei", "epost", "mail", "bruker", "navn")
_DOMAINS = ("nav.no", "gmail.com", "hotmail.com", "online.no", "outlook.com", "firma.no")


def synthetic_email(rng: random.Random) -> str:
    local = f"{rng.choice(_LOCAL_PARTS)}.{rng.choice(_LOCAL_PARTS)}{rng.randint(1, 999)}"
    return f"{local}@{rng.choice(_DOMAINS)}"


def synthetic_filler(seed: int = 14) -> Filler:
    """A seeded ``fill(placeholder_name)``: the same seed gives the same values in the same call order."""
    rng = random.Random(seed)

    def fill(placeholder: str) -> str:
        if placeholder == "FNR":
            return synthetic_identity_number(rng)
        if placeholder == "FNR_SPACED":
            number = synthetic_identity_number(rng)
            return f"{number[:6]} {number[6:]}"
        if placeholder == "DNR":
            return synthetic_identity_number(rng, d_number=True)
        if placeholder == "ACCOUNT":
            return synthetic_account_number(rng)
        if placeholder == "PHONE":
            return synthetic_phone(rng)
        if placeholder == "PHONE_INTL":
            return synthetic_phone(rng, international=True)
        if placeholder == "EMAIL":
            return synthetic_email(rng)
        raise KeyError(placeholder)

    return fill


# -- counts and the README summary ------------------------------------------------------------------------

NAME_KINDS = ("person", "nav_office", "employer", "institution", "place")
KIND_ORDER = (
    "person",
    "place",
    "employer",
    "institution",
    "nav_office",
    "street_address",
    "postcode_place",
    "date",
    "age",
    "origin",
    "phone",
    "email",
    "identity_number",
    "d_number",
    "account_number",
)


def kind_counts(texts: Iterable[CorpusText]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(s.kind for s in text.spans)
        counts[KEEP] += len(text.keep)
    return counts


def backgrounds(texts: Iterable[CorpusText]) -> set[str]:
    return {p["background"] for t in texts for p in t.people.values()}


def summary_markdown(texts: Sequence[CorpusText]) -> str:
    """The per-text table and the totals that the corpus README carries (regenerate with --readme)."""
    short = {
        "person": "pers",
        "place": "place",
        "employer": "empl",
        "institution": "inst",
        "nav_office": "nav",
        "street_address": "addr",
        "postcode_place": "pc",
        "date": "date",
        "age": "age",
        "origin": "orig",
        "phone": "tel",
        "email": "mail",
        "identity_number": "fnr",
        "d_number": "dnr",
        "account_number": "acct",
    }
    head = ["text", "genre", "lc", "words", "ids", *(short[k] for k in KIND_ORDER), "keep", "people", "backgrounds"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for text in texts:
        counts = Counter(s.kind for s in text.spans)
        rows.append(
            "| "
            + " | ".join(
                [
                    text.name,
                    text.meta["genre"],
                    "yes" if text.meta["lower_case"] else "no",
                    str(len(text.plain_text.split())),
                    str(len(text.spans)),
                    *(str(counts[k]) for k in KIND_ORDER),
                    str(len(text.keep)),
                    str(len(text.people)),
                    ", ".join(sorted({p["background"] for p in text.people.values()})),
                ]
            )
            + " |"
        )
    totals = kind_counts(texts)
    roles = Counter(p["role"] for t in texts for p in t.people.values())
    lines = [
        *rows,
        "",
        (
            f"Totals: {len(texts)} texts, {sum(len(t.spans) for t in texts)} identifier annotations, "
            f"{totals[KEEP]} keep spans, {sum(len(t.people) for t in texts)} people, "
            f"{len(backgrounds(texts))} language backgrounds, "
            f"{sum(1 for t in texts if t.meta['lower_case'])} lower-case texts."
        ),
        "",
        "Per kind: " + ", ".join(f"{k} {totals[k]}" for k in KIND_ORDER) + ".",
        "",
        "People per role: " + ", ".join(f"{r} {roles[r]}" for r in sorted(roles)) + ".",
        "",
        "Language backgrounds: " + ", ".join(sorted(backgrounds(texts))) + ".",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str]) -> int:
    readme = "--readme" in argv
    directories = [a for a in argv if a != "--readme"] or [str(Path(__file__).parent / "dev")]
    for directory in directories:
        texts = load_dir(directory, synthetic_filler())
        if readme:
            sys.stdout.write(summary_markdown(texts))
        else:
            totals = kind_counts(texts)
            print(f"{directory}: {len(texts)} texts, {sum(len(t.spans) for t in texts)} identifiers")
            for kind in (*KIND_ORDER, KEEP):
                print(f"  {kind:16} {totals[kind]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
