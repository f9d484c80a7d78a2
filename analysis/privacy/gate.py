"""Privacy gate: find identity numbers, e-mail addresses, phone numbers and deny-listed terms in files.

The repository and the built site must hold no personal data (DESIGN.md, «Privacy»). This module is the
check; tests/privacy/test_gate.py runs it over every git-tracked file and over ``_build/html``, and anyone can
run it over a folder::

    python -m analysis.privacy.gate scan [PATH ...]          # default: the repository's tracked files
    python -m analysis.privacy.gate hash-term "term" [--category CATEGORY] [--add]

What counts as a finding (precise on purpose: the data files are full of line references, ISBNs, DOIs
and project numbers, and a gate that cries wolf gets switched off):

* **identity-number**: 11 digits, optionally with a space after the six date digits, not part of a longer
  number, that pass the fødselsnummer/D-nummer date and both mod-11 checks (analysis/anonymise/numbers.py).
* **email**: anything shaped like an e-mail address except at example.org / example.com, the domains
  reserved for documentation.
* **phone**: a Norwegian number written as one: ``+47``/``0047`` followed by eight digits; eight digits
  grouped ``12 34 56 78`` or ``123 45 678`` (first digit 2–9, not continuing into further groups of
  digits, which is how tables of figures look); or eight plain digits (first digit 2–9) within 30
  characters after *tlf*, *telefon*, *mobil*, *mob*, *tel*, *phone*, *ring*, *sms*.
* **deny-list**: any 1- to 4-word sequence whose SHA-256 (of the casefolded words joined by single
  spaces, see :func:`normalise_term`) is in ``data/privacy/deny_list.sha256``. The file stores hashes so the
  identifying terms themselves never enter the repository.

Exemptions are few, named and explained (:data:`REPOSITORY_EXEMPTIONS`, :data:`SITE_EXEMPTIONS`): the word
lists under ``data/lexicon/`` skip the deny-list check (a name among thousands in a list ties it to
nobody), so do the fictitious annotated texts under ``tests/anonymise/corpus/`` (the employer chains they
plant are what the anonymiser must catch; numbers and addresses there are placeholders), and third-party
JavaScript and CSS copied into the site skip the deny-list check (minified code, not our prose), the vendored
npm libraries also the e-mail check (their licence headers name their authors).

A finding reports where and what kind, never the full value, so CI logs do not republish what they catch.
"""

from __future__ import annotations

import bisect
import fnmatch
import hashlib
import re
import subprocess
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.core.identity import find_identity_numbers
from analysis.core.paths import DATA, ROOT

DENY_LIST = DATA / "privacy" / "deny_list.sha256"
ALLOWED_EMAIL_DOMAINS = ("example.org", "example.com")
MAX_NGRAM = 4

# The patterns start with a digit (or «+»/«00») so the regex engine can skip ahead to candidates quickly;
# what may stand *before* a match is checked in Python (:func:`_matches`) instead of a slow look-behind.
PHONE_PREFIXED_RE = re.compile(
    r"(?:\+|00)47[ .-]?(?:\d{8}|\d{2}(?:[ .]\d{2}){3}|\d{3}[ .]\d{2}[ .]\d{3})(?![\w]|[ .]?\d)"
)
PHONE_GROUPED_RE = re.compile(r"(?:[2-9]\d(?: \d{2}){3}|[2-9]\d{2} \d{2} \d{3})(?![\w]| \d|[.,]\d)")
PHONE_PLAIN_RE = re.compile(r"[2-9]\d{7}(?![\w]|[.,]\d)")
PHONE_CONTEXT_RE = re.compile(r"(?:tlf|telefon\w*|mobil\w*|mob|tel|phone|ring\w*|sms)\b[^\n]{0,30}\Z", re.I)
EMAIL_LOCAL_RE = re.compile(r"[\w.+-]+\Z")
EMAIL_DOMAIN_RE = re.compile(r"([\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,})(?![\w-])")
TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’.@][^\W_]+)*")
KINDS = ("identity-number", "email", "phone", "deny-list")
MARKUP_TAG_RE = re.compile(r"<[^<>]*>")
MARKUP_SUFFIXES = frozenset({".html", ".htm", ".xml", ".svg", ".xhtml"})


@dataclass(frozen=True)
class Exemption:
    """Files matching ``pattern`` (a glob relative to the scanned root) skip the checks in ``kinds``."""

    pattern: str
    kinds: frozenset[str]
    reason: str

    def __post_init__(self) -> None:
        if not self.kinds <= set(KINDS):
            raise ValueError(f"unknown finding kinds {sorted(self.kinds - set(KINDS))}")

    def applies(self, rel: str) -> bool:
        return fnmatch.fnmatchcase(rel, self.pattern)


REPOSITORY_EXEMPTIONS = (
    Exemption("data/lexicon/*", frozenset({"deny-list"}), "name lists: a name among thousands identifies nobody"),
    Exemption(
        "tests/anonymise/corpus/*",
        frozenset({"deny-list"}),
        "fictitious annotated test texts: the employer chains they plant are what the anonymiser must catch",
    ),
)
SITE_EXEMPTIONS = (
    Exemption(
        "_static/vendor/*",
        frozenset({"deny-list", "email"}),
        "third-party libraries copied from npm; licence headers name their authors",
    ),
    Exemption("_static/scripts/*", frozenset({"deny-list"}), "theme JavaScript (third-party, minified)"),
    Exemption("_static/styles/*", frozenset({"deny-list"}), "theme CSS (third-party)"),
    Exemption("_static/locales/*", frozenset({"deny-list"}), "Sphinx translation catalogues (third-party)"),
    Exemption("*.map", frozenset({"deny-list"}), "source maps of third-party code"),
)


@dataclass(frozen=True)
class Finding:
    kind: str
    line: int
    column: int
    detail: str
    path: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:" if self.path else ""
        return f"{where}{self.line}:{self.column}: {self.kind}: {self.detail}"


# -- deny-list hashes ---------------------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(unicodedata.normalize("NFC", text).casefold())


def normalise_term(term: str) -> str:
    """Casefold, Unicode-normalise and reduce to words joined by single spaces («Fjord  Fisk» → «fjord fisk»)."""
    return " ".join(tokens(term))


def hash_term(term: str) -> str:
    return hashlib.sha256(normalise_term(term).encode("utf-8")).hexdigest()


def load_deny_hashes(path: Path = DENY_LIST) -> dict[str, str]:
    """Hash -> category, from lines ``<sha256><TAB><category>``; '#' lines are comments."""
    hashes: dict[str, str] = {}
    if not path.is_file():
        return hashes
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        digest, _, category = line.partition("\t")
        hashes[digest.strip()] = category.strip() or "unspecified"
    return hashes


# -- scanning -----------------------------------------------------------------------------------------------


class _Lines:
    """Offset -> (line, column), 1-based, by binary search over line starts."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def _deny_findings(text: str, deny_hashes: Mapping[str, str], lines: _Lines) -> list[Finding]:
    """Hash every distinct 1- to 4-word sequence once; locate only the (rare) hits."""
    matches = list(TOKEN_RE.finditer(unicodedata.normalize("NFC", text).casefold()))
    words = [m.group() for m in matches]
    grams_by_n = [words]
    for n in range(2, MAX_NGRAM + 1):
        grams_by_n.append([" ".join(t) for t in zip(*(words[k:] for k in range(n)), strict=False)])
    distinct = set().union(*grams_by_n)
    hits = {g: deny_hashes[h] for g in distinct if (h := hashlib.sha256(g.encode("utf-8")).hexdigest()) in deny_hashes}
    findings = []
    if hits:
        for n, grams in enumerate(grams_by_n, start=1):
            for i, gram in enumerate(grams):
                if gram in hits:
                    line, col = lines.at(matches[i].start())
                    findings.append(
                        Finding("deny-list", line, col, f"a {n}-word term on the project deny-list ({hits[gram]})")
                    )
    return findings


def _ok_before(text: str, pos: int, forbidden: str, *, no_digit_group: bool = False) -> bool:
    if pos == 0:
        return True
    prev = text[pos - 1]
    if prev.isalnum() or prev == "_" or prev in forbidden:
        return False
    return not (no_digit_group and prev == " " and pos >= 2 and text[pos - 2].isdigit())


def _matches(
    pattern: re.Pattern[str], text: str, forbidden: str, *, no_digit_group: bool = False
) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` with a look-behind done in Python: retry one character later on a bad start."""
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return
        if _ok_before(text, m.start(), forbidden, no_digit_group=no_digit_group):
            yield m
            pos = m.end()
        else:
            pos = m.start() + 1


def _emails(text: str) -> Iterator[tuple[int, str]]:
    """(start offset, domain) of every e-mail address, found from its «@» outwards."""
    at = text.find("@")
    while at != -1:
        local = EMAIL_LOCAL_RE.search(text, max(0, at - 128), at)
        domain = EMAIL_DOMAIN_RE.match(text, at + 1)
        if local and domain and _ok_before(text, local.start(), ".+-"):
            yield local.start(), domain.group(1)
        at = text.find("@", at + 1)


def blank_markup(text: str) -> str:
    """Tags replaced by spaces of the same length, so «<em>Fjord</em> Fisk» reads as words in place."""
    return MARKUP_TAG_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def scan_text(
    text: str, *, deny_hashes: Mapping[str, str] | None = None, skip: Collection[str] = (), markup: bool = False
) -> list[Finding]:
    """Every finding in ``text``; ``deny_hashes`` defaults to the project's deny-list; ``skip`` names kinds.

    ``markup=True`` (HTML, XML, SVG): numbers and addresses are looked for in the raw text, attributes
    included, and deny-listed terms in the text with its tags blanked out, where markup cannot split them.
    """
    lines = _Lines(text)
    findings: list[Finding] = []
    for found in find_identity_numbers(text) if "identity-number" not in skip else ():
        # Synthetic test numbers (month + 80) are flagged too: tracked files hold placeholders, never numbers.
        if found.number.valid:
            line, col = lines.at(found.start)
            findings.append(
                Finding("identity-number", line, col, f"11 digits that pass the {found.number.label} checks")
            )
    for start, domain in _emails(text) if "email" not in skip else ():
        domain = domain.casefold()
        if any(domain == d or domain.endswith("." + d) for d in ALLOWED_EMAIL_DOMAINS):
            continue
        line, col = lines.at(start)
        findings.append(Finding("email", line, col, f"e-mail address at @{domain}"))
    phone_spans: set[int] = set()
    phone_patterns = (
        ()
        if "phone" in skip
        else ((PHONE_PREFIXED_RE, "+47 number", "+", False), (PHONE_GROUPED_RE, "grouped 8-digit number", ".,+-", True))
    )
    for pattern, what, forbidden, no_group in phone_patterns:
        for m in _matches(pattern, text, forbidden, no_digit_group=no_group):
            if m.start() in phone_spans:
                continue
            phone_spans.add(m.start())
            line, col = lines.at(m.start())
            findings.append(Finding("phone", line, col, f"Norwegian phone number ({what})"))
    for m in _matches(PHONE_PLAIN_RE, text, ".,+-") if "phone" not in skip else ():
        if PHONE_CONTEXT_RE.search(text, max(0, m.start() - 40), m.start()):
            line, col = lines.at(m.start())
            findings.append(Finding("phone", line, col, "8-digit number after a phone word"))
    if "deny-list" not in skip:
        hashes = load_deny_hashes() if deny_hashes is None else deny_hashes
        if hashes:
            findings.extend(_deny_findings(blank_markup(text) if markup else text, hashes, lines))
    return sorted(findings, key=lambda f: (f.line, f.column))


def read_text_or_none(path: Path) -> str | None:
    """The file as text, or None for binary files (images, fonts) that cannot carry readable text."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1") if data.count(b"\n") else None


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def scan_paths(
    paths: Iterable[Path | str],
    *,
    root: Path = ROOT,
    deny_hashes: Mapping[str, str] | None = None,
    exemptions: Sequence[Exemption] = REPOSITORY_EXEMPTIONS,
) -> list[Finding]:
    """Scan files (folders are walked); paths in findings and exemption patterns are relative to ``root``."""
    hashes = load_deny_hashes() if deny_hashes is None else deny_hashes
    findings: list[Finding] = []
    for path in _expand(paths):
        text = read_text_or_none(path)
        if text is None:
            continue
        rel = _relative(path, root)
        skip = {kind for e in exemptions if e.applies(rel) for kind in e.kinds}
        markup = path.suffix.lower() in MARKUP_SUFFIXES
        for f in scan_text(text, deny_hashes=hashes, skip=skip, markup=markup):
            findings.append(Finding(f.kind, f.line, f.column, f.detail, rel))
    return findings


def _expand(paths: Iterable[Path | str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file()))
        elif p.is_file():
            out.append(p)
    return out


def repository_files(root: Path = ROOT) -> list[Path]:
    """Tracked files plus untracked files that .gitignore does not exclude (work not yet committed)."""
    listed: set[str] = set()
    for extra in ([], ["--others", "--exclude-standard"]):
        out = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", *extra], check=True, capture_output=True
        ).stdout.decode("utf-8")
        listed.update(name for name in out.split("\0") if name)
    return [root / name for name in sorted(listed) if (root / name).is_file()]
