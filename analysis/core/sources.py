"""References into the source documents (the seed texts), checked rather than trusted.

Coded data in ``data/coded`` and ``data/published`` point into the source documents with references such
as ``000_f6fcbf565525b510.txt, Faktorer på systemnivå, L315–328; L572–574``. A reference that names a file
that does not exist or a line beyond its end is a silent error a reader cannot catch, so every reference is
parsed and checked here. The seed texts themselves live outside the repository (``../shared/seeds`` next to
a clone); where they are absent, the checks fall back to the line counts recorded below, and the checks that
need the text (quotations) are skipped by the caller.
"""

from __future__ import annotations

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


def seeds_directory() -> Path | None:
    """Where the seed texts are: ``SE_IPS_SEEDS`` if set, else ``../shared/seeds`` beside the clone, else None."""
    env = os.environ.get("SE_IPS_SEEDS")
    candidates = [Path(env)] if env else [ROOT.parent / "shared" / "seeds"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


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
