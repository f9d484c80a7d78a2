"""Helper for page tests: runs of words a page shares with the source documents (own words, DESIGN «Writing»)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from analysis.core.sources import SOURCE_DOCUMENTS, seed_lines, seeds_directory

RUN = 14  # the project's rule: no run of 14 or more words copied from a source


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def copied_runs(page: Path, run: int = RUN) -> list[str] | None:
    """Every run of ``run`` words on the page (Markdown as written) that also occurs in a seed text.

    None when the seed texts are not on this machine. Seed lines are joined first, so a run across a
    line break in the source counts too.
    """
    seeds = seeds_directory()
    if seeds is None:
        return None
    source = _source_runs(seeds, run)
    words = _words(page.read_text(encoding="utf-8"))
    return [" ".join(words[i : i + run]) for i in range(len(words) - run + 1) if tuple(words[i : i + run]) in source]


@lru_cache(maxsize=2)
def _source_runs(seeds: Path, run: int) -> frozenset[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for file in SOURCE_DOCUMENTS:
        lines = seed_lines(file, seeds)
        if lines is not None:
            words = _words(" ".join(lines))
            found.update(tuple(words[i : i + run]) for i in range(len(words) - run + 1))
    return frozenset(found)
