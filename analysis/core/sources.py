"""References into the source documents (the seed texts), checked rather than trusted.

Coded data in ``data/coded`` and ``data/published`` point into the source documents with references such
as ``000_f6fcbf565525b510.txt, Faktorer på systemnivå, L315–328; L572–574``. A reference that names a file
that does not exist or a line beyond its end is a silent error a reader cannot catch, so every reference is
parsed and checked here. The seed texts themselves live outside the repository (``../shared/seeds`` next to
a clone, or ``SE_IPS_SEEDS``); where they are absent, line references fall back to the line counts recorded
below, and whatever needs the text itself must say so: :func:`require_seeds` raises :class:`SeedsMissing`
with one clear message, which the reproduction report turns into failed transcription checks and the test
suite into a failure under CI (``CI=true``) or a skip with that reason on a developer's machine.

A number as the sources print it («151,5», «11.5», «37%», «fem», «Dobbelt») is read by
:func:`printed_number`; a number in running text is located by a short verbatim phrase with the number in
square brackets («hvorav [29] svarte»), checked by :func:`marked_number_in_source`.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.core.paths import ROOT


@dataclass(frozen=True)
class SourceDocument:
    """One seed text: which study it is, how long it is, and its key in book/references.bib."""

    file: str
    study: str
    lines: int
    bibkey: str
    short: str


# Line counts as the files were delivered (a last line without a newline counts); checked against the real
# files whenever they are present.
SOURCE_DOCUMENTS: dict[str, SourceDocument] = {
    d.file: d
    for d in (
        SourceDocument("000_f6fcbf565525b510.txt", "000", 984, "faktorer000", "fagartikkel om implementeringsfaktorer"),
        SourceDocument("001_2cb399e6877cdbe6.txt", "001", 35, "rapport001", "sammendrag av prosjektrapport"),
        SourceDocument("002_c49df0a3034d7db7.txt", "002", 6356, "thesis002", "masteroppgave om IPS for flyktninger"),
        SourceDocument("003_c2171f8d69ff8a00.txt", "003", 770, "wangen003", "foredrag om hvorfor SE virker"),
        SourceDocument("004_55431284ded43f19.txt", "004", 1871, "norce2020", "NORCE-rapport om jobbspesialister i NAV"),
    )
}

_REF = re.compile(r"^(?P<file>[0-9]{3}_[0-9a-f]{16}\.txt), (?P<section>.+?), (?P<ranges>L\d.*)$")
_RANGE = re.compile(r"^L(?P<start>\d+)(?:[–-](?P<end>\d+))?$")


@dataclass(frozen=True)
class SourceRef:
    """A parsed reference: file, free-text section name and one or more inclusive line ranges."""

    file: str
    section: str
    ranges: tuple[tuple[int, int], ...]

    @property
    def study(self) -> str:
        return self.file[:3]


def parse_source_ref(text: str) -> SourceRef:
    """Parse ``<file>, <section>, L<a>–<b>[; L<c>–<d> ...]``; raise ValueError with a Norwegian reason."""
    match = _REF.match(text.strip())
    if not match:
        raise ValueError(
            "kildehenvisningen må ha formen «<fil>.txt, <avsnitt>, L<fra>–<til>» (flere spenn skilles med «; »)"
        )
    ranges = []
    for part in match["ranges"].split(";"):
        found = _RANGE.match(part.strip())
        if not found:
            raise ValueError(f"linjespennet «{part.strip()}» må se ut som L12–34 eller L12")
        start = int(found["start"])
        end = int(found["end"] or start)
        if start < 1 or end < start:
            raise ValueError(f"linjespennet «{part.strip()}» må starte på 1 eller mer og ikke slutte før det starter")
        ranges.append((start, end))
    return SourceRef(match["file"], match["section"].strip(), tuple(ranges))


SEEDS_ENV = "SE_IPS_SEEDS"


class SeedsMissing(RuntimeError):
    """The seed texts are needed and not on this machine."""


def _seed_candidate() -> Path:
    env = os.environ.get(SEEDS_ENV)
    return Path(env) if env else ROOT.parent / "shared" / "seeds"


def seeds_directory() -> Path | None:
    """Where the seed texts are: ``SE_IPS_SEEDS`` if set, else ``../shared/seeds`` beside the clone, else None."""
    candidate = _seed_candidate()
    return candidate if candidate.is_dir() else None


def seeds_missing_message() -> str:
    """One message, in Norwegian, for every place that needs the seed texts and cannot find them."""
    return (
        f"kildetekstene finnes ikke på denne maskinen (lette i {_seed_candidate()}); legg dem i ../shared/seeds "
        f"ved siden av kopien av repositoriet, eller sett {SEEDS_ENV} til mappen de ligger i"
    )


def require_seeds() -> Path:
    """The seeds directory; raises :class:`SeedsMissing` with :func:`seeds_missing_message` when it is absent."""
    found = seeds_directory()
    if found is None:
        raise SeedsMissing(seeds_missing_message())
    return found


def running_in_ci() -> bool:
    """``CI=true`` (GitHub Actions, GitLab CI and .ci/run set it): missing seeds are a failure there, not a skip."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


@lru_cache(maxsize=16)
def _seed_lines(path: Path) -> tuple[str, ...]:
    # split on "\n" only, as `sed -n` and editors number lines; str.splitlines would also split on form
    # feeds and other separators that PDF exports contain, and shift every later line number.
    lines = path.read_text(encoding="utf-8").split("\n")
    return tuple(lines[:-1] if lines and lines[-1] == "" else lines)


def seed_lines(file: str, seeds_dir: Path | None) -> tuple[str, ...] | None:
    """The seed's lines, or None when the seed texts are not available on this machine."""
    if seeds_dir is None:
        return None
    path = seeds_dir / file
    return _seed_lines(path) if path.is_file() else None


def line_count(file: str, seeds_dir: Path | None) -> int | None:
    """Number of lines in a seed: from the file when present, else from the registry; None if unknown."""
    lines = seed_lines(file, seeds_dir)
    if lines is not None:
        return len(lines)
    document = SOURCE_DOCUMENTS.get(file)
    return document.lines if document else None


def check_source_ref(ref: SourceRef, seeds_dir: Path | None) -> list[str]:
    """Reasons the reference does not point at existing lines (empty when it does)."""
    total = line_count(ref.file, seeds_dir)
    if total is None:
        return [f"{ref.file} er ikke et kjent kildedokument ({', '.join(sorted(SOURCE_DOCUMENTS))})"]
    return [f"L{start}–{end} går utover {ref.file}, som har {total} linjer" for start, end in ref.ranges if end > total]


def canonical(text: str) -> str:
    """Letters and digits only, lower-cased: line breaks, end-of-line hyphens and quotation marks drop out.

    The seeds are PDF exports with words split across lines («Hove-/dutfordringene»); comparing canonical
    forms lets a quotation be checked word for word without caring how the export broke the lines.
    """
    return re.sub(r"[\W_]+", "", text.casefold())


def quote_in_source(quote: str, ref: SourceRef, seeds_dir: Path | None) -> bool | None:
    """Whether the quotation occurs in the referenced lines; None when the seed text is not available."""
    lines = seed_lines(ref.file, seeds_dir)
    if lines is None:
        return None
    text = "\n".join("\n".join(lines[start - 1 : end]) for start, end in ref.ranges)
    return canonical(quote) in canonical(text)


# -- numbers as printed ----------------------------------------------------------------------------------
NUMBER_WORDS = {
    "null": 0,
    "en": 1,
    "én": 1,
    "ett": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "sju": 7,
    "syv": 7,
    "åtte": 8,
    "ni": 9,
    "ti": 10,
    "dobbelt": 2,
}
"""Number words the sources use for counts and ratios («fem av fem», «Dobbelt så stor sjanse»)."""

_DIGITS = re.compile(r"^-?\d+(?:[.,]\d+)?$")
_MARK = re.compile(r"\[([^\[\]]+)\]")


def printed_number(token: str) -> tuple[float, int] | None:
    """Value and printed decimals of a number as printed («151,5», «11.5», «37%», «fem»); None if it is not one."""
    text = token.strip().replace("\u2212", "-").rstrip("%").strip()
    word = NUMBER_WORDS.get(text.casefold())
    if word is not None:
        return float(word), 0
    if not _DIGITS.match(text):
        return None
    text = text.replace(",", ".")
    return float(text), len(text.split(".")[1]) if "." in text else 0


def table_cells(line: str) -> list[str]:
    """The tab-separated cells of a table line as the seed prints it, each stripped of surrounding space."""
    return [cell.strip() for cell in line.split("\t")]


def cited_lines(ref: SourceRef, seeds_dir: Path | None) -> list[tuple[int, str]] | None:
    """(line number, text) of every line the reference cites; None when the seed text is not available."""
    lines = seed_lines(ref.file, seeds_dir)
    if lines is None:
        return None
    return [(n, lines[n - 1]) for start, end in ref.ranges for n in range(start, min(end, len(lines)) + 1)]


@dataclass(frozen=True)
class MarkedNumber:
    """A short verbatim phrase with one number marked: ``hvorav [29] svarte``."""

    phrase: str
    token: str


def parse_marked(printed: str) -> MarkedNumber:
    """Split ``… [n] …`` into the phrase as printed and the marked token; ValueError unless exactly one mark."""
    marks = _MARK.findall(printed)
    if len(marks) != 1:
        raise ValueError(f"«{printed}» må ha nøyaktig ett tall i hakeparentes, for eksempel «hvorav [29] svarte»")
    return MarkedNumber(_MARK.sub(lambda m: m.group(1), printed), marks[0])


def marked_number_in_source(printed: str, ref: SourceRef, seeds_dir: Path | None) -> tuple[float, int] | str:
    """The marked number's value and decimals if the phrase stands in the cited lines, else the reason it fails.

    The phrase is matched word for word on letters and digits (:func:`canonical`), so line breaks and
    hyphenation in the PDF export do not matter; the marked token must read as a number.
    """
    try:
        marked = parse_marked(printed)
    except ValueError as exc:
        return str(exc)
    found = quote_in_source(marked.phrase, ref, seeds_dir)
    if found is None:
        return seeds_missing_message()
    if not found:
        return f"«{marked.phrase}» står ikke på {', '.join(f'L{a}–{b}' for a, b in ref.ranges)} i {ref.file}"
    number = printed_number(marked.token)
    return number if number is not None else f"«{marked.token}» er ikke et tall"


# -- figures from the sources' running text ---------------------------------------------------------------
TEXT_FIGURES_FILE = "text_figures.csv"
"""In data/published/: numbers the reports state in running text (Λ, p, power settings …), each with its phrase."""


def text_figures(published_dir: Path | None = None) -> dict[str, float]:
    """Every figure of data/published/text_figures.csv by id (the transcription checks verify each one)."""
    path = (published_dir or ROOT / "data" / "published") / TEXT_FIGURES_FILE
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["figure_id"]: float(row["value"]) for row in csv.DictReader(handle)}


def text_figure(figure_id: str, published_dir: Path | None = None) -> float:
    """One figure by id; an unknown id is an error, never a silent default."""
    figures = text_figures(published_dir)
    if figure_id not in figures:
        raise KeyError(f"{figure_id} finnes ikke i data/published/{TEXT_FIGURES_FILE}")
    return figures[figure_id]


def published_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a published CSV as printed text, each with its line number in the file (header = line 1).

    Text, not numbers: «68.0» and «5» must keep the form they were transcribed in, and a check that names
    ``fidelity_totals.csv:5`` points the reader at the line to fix.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = []
        for row in reader:
            rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}))
    return rows
