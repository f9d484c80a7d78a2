"""Tabell 1 and the fidelity bands as transcribed, checked against the seed lines they cite.

Every item mean, total and band limit in ``data/published/fidelity_*.csv`` is read again from the line its
``source`` names, by a parser of that line: Tabell 1's columns come from the nearest printed header above
the line («Inklusjon … 18 mnd» over «Team 1 Team 2 …»), an item row must start with its number, a band line
reads «95–85 = eksemplarisk». Nothing is compared with a copy of the value. Each row's check also fails
when its key (item, team, time point) occurs twice in the file, and one check per file fails when a
printed cell is missing from it, so a changed key cannot hide behind an equal neighbour.

Values that are not printed where the row points (the bands' ``max_score`` and ``n_items``) are marked
``derived`` in the file, with the lines they follow from, and checked as derived values.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from analysis.core.check_records import Check, judged, not_run, printed_value, transcribed
from analysis.core.paths import PUBLISHED
from analysis.core.sources import (
    SourceRef,
    cited_lines,
    parse_source_ref,
    printed_number,
    published_rows,
    seed_lines,
    seeds_directory,
    seeds_missing_message,
    table_cells,
)
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook

MEANS_FILE = "fidelity_item_means.csv"
TOTALS_FILE = "fidelity_totals.csv"
BANDS_FILE = "fidelity_bands.csv"
TOTAL_LABEL = "Skårer for samsvar"
"""How Tabell 1 labels its row of totals (004, L1068)."""
POINTS_PER_ITEM = 5
"""«hvert delt inn i fem verdier» (004, L368): the maximum is five points per item."""
DERIVED_NOTES = {
    "max_score": "Prosjektets egen utledning: kilden trykker ikke maksimum på denne linjen; det er den øverste "
    "grensen i den øverste kategorien.",
    "n_items": f"Prosjektets egen utledning: kilden trykker ikke antallet; maks / {POINTS_PER_ITEM}, fordi "
    "metodekapitlet sier at hvert spørsmål har fem verdier (L368).",
}
"""What the derived band values are: the project's own, not numbers the source prints (the check says so)."""
HEADER_SEARCH = 40


def transcription_checks(published: Path = PUBLISHED, seeds: Path | None | str = "auto") -> list[Check]:
    """Every number of Tabell 1 and of the band table against its seed line, plus one coverage check per file."""
    seeds_dir = seeds_directory() if seeds == "auto" else (Path(seeds) if isinstance(seeds, str) else seeds)
    book = load_fidelity_codebook()
    return [
        *_table1_checks(published / MEANS_FILE, book, seeds_dir, totals=False),
        *_table1_checks(published / TOTALS_FILE, book, seeds_dir, totals=True),
        *_band_checks(published / BANDS_FILE, seeds_dir),
    ]


def column_map(lines: Sequence[str], line_no: int, book: FidelityCodebook) -> dict[tuple[int, str], int]:
    """Tabell 1's (team, time point) → cell index, read from the nearest printed header above ``line_no``."""
    labels = {t.label: t.id for t in book.timepoints}
    for n in range(line_no - 1, max(1, line_no - HEADER_SEARCH), -1):
        header = table_cells(lines[n - 1])
        printed = [c for c in header[1:] if c]
        if not printed or any(c not in labels for c in printed) or n >= len(lines):
            continue
        teams = table_cells(lines[n])
        columns: dict[tuple[int, str], int] = {}
        timepoint = ""
        for k in range(1, len(teams)):
            if k < len(header) and header[k]:
                timepoint = labels[header[k]]
            found = re.fullmatch(r"Team (\d+)", teams[k])
            if found and timepoint:
                columns[(int(found.group(1)), timepoint)] = k
        return columns
    return {}


def _table1_checks(path: Path, book: FidelityCodebook, seeds_dir: Path | None, *, totals: bool) -> list[Check]:
    rows = published_rows(path)
    value_col = "total" if totals else "mean"
    keys = [(r.get("item", "total"), r["team"], r["timepoint"]) for _, r in rows]
    repeated = {k for k, n in Counter(keys).items() if n > 1}
    out = []
    for (line, row), key in zip(rows, keys, strict=True):
        what = "totalskår" if totals else f"spørsmål {row.get('item')}"
        check_id = f"{path.name}:{line}.{value_col}"
        quantity = f"{path.name} linje {line}: Tabell 1, {what}, team {row['team']}, {row['timepoint']}"
        try:
            ref = parse_source_ref(row["source"])
        except ValueError as exc:
            out.append(not_run(check_id, "transcription", row["source"], quantity, str(exc)))
            continue
        problems = [f"raden for {', '.join(key)} står flere ganger i filen"] if key in repeated else []
        printed = _table1_cell(ref, row, book, seeds_dir, problems, totals=totals)
        decimals = int(row["decimals"]) if row["decimals"].isdigit() else -1
        out.append(
            transcribed(
                check_id, row["source"], quantity, row[value_col], printed, decimals=decimals, problems=problems
            )
        )
    out.append(_coverage(path, book, seeds_dir, keys, totals=totals))
    return out


def _table1_cell(
    ref: SourceRef,
    row: dict[str, str],
    book: FidelityCodebook,
    seeds_dir: Path | None,
    problems: list[str],
    *,
    totals: bool,
) -> tuple[float, int] | str:
    lines = seed_lines(ref.file, seeds_dir)
    if lines is None:
        return seeds_missing_message()
    line_no = ref.ranges[0][0]
    if line_no > len(lines):
        return f"L{line_no} finnes ikke i {ref.file}"
    cells = table_cells(lines[line_no - 1])
    label = TOTAL_LABEL if totals else f"{row['item']}. "
    if not cells[0].startswith(label):
        problems.append(f"L{line_no} er ikke raden «{label.strip()}» i Tabell 1, men «{cells[0][:40]}»")
    team = int(row["team"]) if row["team"].isdigit() else -1
    column = column_map(lines, line_no, book).get((team, row["timepoint"]))
    if column is None or column >= len(cells):
        return f"fant ingen kolonne for team {row['team']}, {row['timepoint']} over L{line_no}"
    return printed_number(cells[column]) or f"«{cells[column]}» på L{line_no} er ikke et tall"


def _coverage(
    path: Path, book: FidelityCodebook, seeds_dir: Path | None, keys: list[tuple[str, str, str]], *, totals: bool
) -> Check:
    """Every cell Tabell 1 prints (item rows, or the row of totals) is in the file exactly once."""
    check_id, source = f"{path.name}.dekning", f"{book.source.document}, Tabell 1, L{book.source.table_lines[0]}–"
    source += f"{book.source.table_lines[1]}"
    quantity = f"{path.name}: hver trykte celle i Tabell 1 står én gang i filen"
    lines = seed_lines(book.source.document, seeds_dir)
    if lines is None:
        return not_run(check_id, "transcription", source, quantity, seeds_missing_message())
    printed: set[tuple[str, str, str]] = set()
    row_lines = [book.source.table_lines[1]] if totals else [i.table_line for i in book.items]
    for line_no, item in zip(row_lines, ["total"] if totals else [str(i.number) for i in book.items], strict=True):
        for (team, timepoint), k in column_map(lines, line_no, book).items():
            if k < len(table_cells(lines[line_no - 1])):
                printed.add((item, str(team), timepoint))
    missing, extra = printed - set(keys), set(keys) - printed
    problems = [f"mangler {sorted(missing)[:3]}" if missing else "", f"ukjent {sorted(extra)[:3]}" if extra else ""]
    if len(keys) != len(set(keys)):
        problems.append("noen celler står flere ganger")
    return judged(
        check_id,
        "transcription",
        source,
        quantity,
        float(len(printed)),
        float(len(set(keys) & printed)),
        agrees=not any(problems),
        tolerance=0.0,
        note="; ".join(p for p in problems if p),
    )


def _band_line(ref: SourceRef, seeds_dir: Path | None) -> tuple[list[tuple[float, int]], str] | str:
    """The numbers left of «=» and the label right of it on a band line («95–85 = eksemplarisk»)."""
    found = cited_lines(ref, seeds_dir)
    if found is None:
        return seeds_missing_message()
    if not found:
        return f"linjen {ref.ranges[0][0]} finnes ikke i {ref.file}"
    text = found[0][1]
    if "=" not in text:
        return f"L{found[0][0]} er ikke en kategorilinje («… = kategori»)"
    left, right = text.split("=", 1)
    numbers = [n for n in (printed_number(t) for t in re.findall(r"\d+", left)) if n is not None]
    return numbers, right.strip()


def _band_checks(path: Path, seeds_dir: Path | None) -> list[Check]:
    out: list[Check] = []
    rows = published_rows(path)
    for line, row in rows:
        quantity = f"{path.name} linje {line}: kategorien «{row['band']}» ({row['scale']})"
        parsed = _band_line(parse_source_ref(row["source"]), seeds_dir)
        problems: list[str] = []
        if isinstance(parsed, tuple):
            numbers, label = parsed
            if not label.startswith(row["band"]):
                problems.append(f"linjen gjelder «{label[:30]}», ikke «{row['band']}»")
            ordered = sorted(numbers, key=lambda n: n[0])
            bounds = {"upper": ordered[-1] if ordered else None, "lower": ordered[0] if len(ordered) > 1 else None}
        for column in ("lower", "upper"):
            if not row[column] and column == "lower":
                continue
            printed = parsed if isinstance(parsed, str) else bounds[column] or "ingen nedre grense er trykt"
            out.append(
                transcribed(
                    f"{path.name}:{line}.{column}",
                    row["source"],
                    f"{quantity}, {column}",
                    row[column],
                    printed,
                    problems=problems,
                )
            )
        if "max_score" not in row.get("derived", "").split():
            top = parsed if isinstance(parsed, str) else bounds["upper"] or "ingen øvre grense er trykt"
            out.append(
                transcribed(f"{path.name}:{line}.max_score", row["source"], f"{quantity}, maks", row["max_score"], top)
            )
    out.extend(_derived_band_checks(path, rows, seeds_dir))
    return out


def _derived_band_checks(path: Path, rows: list[tuple[int, dict[str, str]]], seeds_dir: Path | None) -> list[Check]:
    """``max_score`` = the upper limit of the top band on the ``derived_from`` line; ``n_items`` = max / 5 (L368)."""
    out = []
    for line, row in rows:
        derived = row.get("derived", "").split()
        ref = parse_source_ref(row["derived_from"]) if row.get("derived_from") else None
        parsed = _band_line(ref, seeds_dir) if ref else "derived_from mangler"
        top = max((n[0] for n in parsed[0]), default=None) if isinstance(parsed, tuple) else None
        for column in derived:
            recorded = printed_value(row[column])
            computed = top if column == "max_score" else (top / POINTS_PER_ITEM if top is not None else None)
            what = "høyeste poengsum" if column == "max_score" else f"antall spørsmål (maks / {POINTS_PER_ITEM})"
            how = DERIVED_NOTES.get(column, "")
            out.append(
                judged(
                    f"{path.name}:{line}.{column}",
                    "derived",
                    row.get("derived_from", ""),
                    f"{path.name} linje {line}: {what} for «{row['band']}» ({row['scale']}), utledet av øverste grense",
                    recorded,
                    computed,
                    agrees=recorded is not None and recorded == computed,
                    tolerance=0.0,
                    note=parsed if isinstance(parsed, str) else how,
                )
            )
    return out
