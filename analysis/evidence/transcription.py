"""The figures quoted from running text, checked against the seed lines they cite (kind transcription).

Two files hold numbers that the sources print in sentences rather than tables: ``se_evidence.csv`` (effect
figures for SE and IPS from all four sources) and ``text_figures.csv`` (the NORCE report's Wilks' Λ, F, df,
p, effect size, power settings and the like). Each row carries a short verbatim phrase with the number in
square brackets; the check finds the phrase on the cited lines and reads the marked number from it, so a
changed value and a changed phrase both fail.
"""

from __future__ import annotations

from pathlib import Path

from analysis.core.check_records import Check, transcribed
from analysis.core.paths import PUBLISHED
from analysis.core.sources import (
    TEXT_FIGURES_FILE,
    marked_number_in_source,
    parse_source_ref,
    published_rows,
    seeds_directory,
)

EVIDENCE = "se_evidence.csv"
FILES = ((EVIDENCE, "evidence_id", "source_ref", "claim"), (TEXT_FIGURES_FILE, "figure_id", "source", "quantity"))


def transcription_checks(published: Path = PUBLISHED, seeds: Path | None | str = "auto") -> list[Check]:
    """One check per number of se_evidence.csv and text_figures.csv: phrase on the cited line, number as marked."""
    seeds_dir = seeds_directory() if seeds == "auto" else (Path(seeds) if isinstance(seeds, str) else seeds)
    out = []
    for name, key, source_col, what in FILES:
        for line, row in published_rows(published / name):
            try:
                printed = marked_number_in_source(row["printed"], parse_source_ref(row[source_col]), seeds_dir)
            except ValueError as exc:
                printed = str(exc)
            out.append(
                transcribed(
                    f"{name}:{line}.value",
                    row[source_col],
                    f"{name} linje {line} ({row[key]}): {row[what]}",
                    row["value"],
                    printed,
                )
            )
    return out
