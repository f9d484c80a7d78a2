"""Tabell 2, Tabell 3 and the response rates as transcribed, checked against the seed lines they cite.

A parser reads each cited line again; no value is compared with a copy of itself. Tabell 2: the group of a
column comes from the nearest printed header above the row («Hele utvalget (n=43) … Jobbspesialist …»),
the variable from the block heading above it (the codebook's printed label), the code from the row's
position in that block, the category from the row's label; then the count and the percentage are read.
Tabell 3: the scale's printed label and range, «Inklusjon»/«3 mnd», «m (sd)» at both time points and
«F[*] (df1, df2)». Response rates: a short verbatim phrase with the number marked («hvorav [29] svarte»).
Each row's check also fails when its key occurs twice, and one check per table fails when a printed cell is
missing from the file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from analysis.core.check_records import Check, judged, not_run, transcribed
from analysis.core.paths import PUBLISHED
from analysis.core.sources import (
    marked_number_in_source,
    parse_source_ref,
    printed_number,
    published_rows,
    seed_lines,
    seeds_directory,
    seeds_missing_message,
    table_cells,
)
from analysis.questionnaire import summaries as q

SOURCE = "004_55431284ded43f19.txt"
GROUPS = ("alle", "jobbspesialist", "kvp", "ekstern_tiltaksarrangor")
"""Tabell 2's columns in printed order. The fourth is named in the source (a provider) and not repeated here."""
SEARCH = 40
M_SD = re.compile(r"^(\S+) \((\S+)\)$")
F_DF = re.compile(r"^(\S+?)(\*?) \((\d+),\s*(\d+)\)$")
TABLE3_FIELDS = (("mean_incl", 0, 1), ("sd_incl", 0, 2), ("mean_3m", 1, 1), ("sd_3m", 1, 2))
"""(column, line offset, regex group) of each mean and SD in a Tabell 3 row pair."""


def transcription_checks(published: Path = PUBLISHED, seeds: Path | None | str = "auto") -> list[Check]:
    seeds_dir = seeds_directory() if seeds == "auto" else (Path(seeds) if isinstance(seeds, str) else seeds)
    lines = seed_lines(SOURCE, seeds_dir)
    return [
        *_table2_count_checks(published / "background_inclusion.csv", lines),
        *_table2_mean_checks(published / "background_inclusion_means.csv", lines),
        *_table3_checks(published / "change_3m.csv", lines),
        *_rate_checks(published / "response_rates.csv", seeds_dir),
    ]


def _line_no(source: str) -> int | str:
    try:
        return parse_source_ref(source).ranges[0][0]
    except ValueError as exc:
        return str(exc)


def _is_header(cells: list[str]) -> bool:
    return not cells[0] or cells[0] == "Antall" or cells[0].startswith("-")


def group_columns(lines: Sequence[str], line_no: int) -> dict[str, int]:
    """Tabell 2's group → cell index, from the nearest «Hele utvalget …» header above ``line_no``."""
    labels = q.group_labels()
    for n in range(line_no - 1, max(1, line_no - SEARCH), -1):
        cells = table_cells(lines[n - 1])
        if not any(c.startswith(labels["alle"]) for c in cells):
            continue
        named = [(k, c) for k, c in enumerate(cells) if c]
        if len(named) != len(GROUPS) or any(
            not c.startswith(labels[g]) for (_, c), g in zip(named[:3], GROUPS[:3], strict=True)
        ):
            return {}
        return {g: k for (k, _), g in zip(named, GROUPS, strict=True)}
    return {}


def block_position(lines: Sequence[str], line_no: int) -> tuple[str, int] | None:
    """(heading, 1-based position of the row under it): rows are counted up to the block's heading line."""
    position = 1
    for n in range(line_no - 1, max(1, line_no - SEARCH), -1):
        cells = table_cells(lines[n - 1])
        if not any(cells) or _is_header(cells):
            continue
        if not any(cells[1:]):
            return cells[0], position
        position += 1
    return None


def _table2_count_checks(path: Path, lines: Sequence[str] | None) -> list[Check]:
    rows = published_rows(path)
    keys = [(r["variable"], r["code"], r["group"]) for _, r in rows]
    repeated = {k for k, n in Counter(keys).items() if n > 1}
    labels = q.variable_labels()
    out: list[Check] = []
    for (line, row), key in zip(rows, keys, strict=True):
        quantity = f"{path.name} linje {line}: Tabell 2, {row['category']} ({row['group']})"
        at = _line_no(row["source"])
        problems = [f"raden for {', '.join(key)} står flere ganger i filen"] if key in repeated else []
        found: dict[str, tuple[float, int] | str] = {}
        if lines is None or isinstance(at, str):
            found = {"n": seeds_missing_message() if lines is None else str(at)}
            found["pct"] = found["n"]
        else:
            cells = table_cells(lines[at - 1])
            if cells[0] != row["category"]:
                problems.append(f"L{at} er raden «{cells[0]}», ikke «{row['category']}»")
            block = block_position(lines, at)
            if block is None or block[0] != labels.get(row["variable"]):
                problems.append(f"L{at} står ikke under «{labels.get(row['variable'])}»")
            elif str(block[1]) != row["code"]:
                problems.append(f"L{at} er rad {block[1]} under overskriften, ikke kode {row['code']}")
            column = group_columns(lines, at).get(row["group"])
            for offset, name in ((0, "n"), (1, "pct")):
                cell = cells[column + offset] if column is not None and column + offset < len(cells) else ""
                found[name] = printed_number(cell) or f"fant ikke kolonnen for {row['group']} på L{at}"
        decimals = {"n": 0, "pct": int(row["decimals"]) if row["decimals"].isdigit() else -1}
        for name in ("n", "pct"):
            out.append(
                transcribed(
                    f"{path.name}:{line}.{name}",
                    row["source"],
                    f"{quantity}, {'antall' if name == 'n' else '%'}",
                    row[name],
                    found[name],
                    decimals=decimals[name],
                    problems=problems,
                )
            )
    out.append(_table2_coverage(path.name, rows, lines))
    return out


def _table2_coverage(name: str, rows: list[tuple[int, dict[str, str]]], lines: Sequence[str] | None) -> Check:
    check_id, quantity = f"{name}.dekning", f"{name}: hver trykte celle i Tabell 2 står én gang i filen"
    source = f"{SOURCE}, Tabell 2"
    if lines is None:
        return not_run(check_id, "transcription", source, quantity, seeds_missing_message())
    cited = [line for line in (_line_no(r["source"]) for _, r in rows) if isinstance(line, int)]
    first, last = min(cited), max(cited)
    printed = set()
    for n in range(first, last + 1):
        cells = table_cells(lines[n - 1])
        if cells[0] and not _is_header(cells) and any(cells[1:]) and len(group_columns(lines, n)) == len(GROUPS):
            printed |= {(n, g) for g in GROUPS}
    recorded = [(_line_no(r["source"]), r["group"]) for _, r in rows]
    missing = printed - set(recorded)
    return judged(
        check_id,
        "transcription",
        f"{source}, L{first}–{last}",
        quantity,
        float(len(printed)),
        float(len(set(recorded) & printed)),
        agrees=not missing and len(recorded) == len(set(recorded)),
        tolerance=0.0,
        note=f"mangler {sorted(missing)[:3]}" if missing else "",
    )


def _table2_mean_checks(path: Path, lines: Sequence[str] | None) -> list[Check]:
    out = []
    labels = q.variable_labels()
    for line, row in published_rows(path):
        quantity = f"{path.name} linje {line}: Tabell 2, {labels.get(row['variable'])} ({row['group']})"
        at = _line_no(row["source"])
        problems: list[str] = []
        found: list[tuple[float, int] | str] = [seeds_missing_message() if lines is None else str(at)] * 2
        if lines is not None and isinstance(at, int):
            block = block_position(lines, at)
            if block is None or block[0] != labels.get(row["variable"]):
                problems.append(f"L{at} står ikke under «{labels.get(row['variable'])}»")
            cells = [c for c in table_cells(lines[at - 1])[1:] if c]
            k = GROUPS.index(row["group"]) if row["group"] in GROUPS else len(cells)
            pair = M_SD.match(cells[k]) if k < len(cells) else None
            found = [
                (printed_number(pair.group(i)) or f"«{pair.group(i)}» er ikke et tall") if pair else "fant ikke m (sd)"
                for i in (1, 2)
            ]
        decimals = int(row["decimals"]) if row["decimals"].isdigit() else -1
        for stat, printed in zip(("mean", "sd"), found, strict=True):
            out.append(
                transcribed(
                    f"{path.name}:{line}.{stat}",
                    row["source"],
                    f"{quantity}, {stat}",
                    row[stat],
                    printed,
                    decimals=decimals,
                    problems=problems,
                )
            )
    return out


def _table3_checks(path: Path, lines: Sequence[str] | None) -> list[Check]:
    out: list[Check] = []
    rows = published_rows(path)
    repeated = {k for k, n in Counter(r["variable"] for _, r in rows).items() if n > 1}
    for line, row in rows:
        quantity = f"{path.name} linje {line}: Tabell 3, {row['variable']}"
        at = _line_no(row["source"])
        problems = [f"{row['variable']} står flere ganger i filen"] if row["variable"] in repeated else []
        found: dict[str, tuple[float, int] | str] = {}
        mark = None
        if lines is None or isinstance(at, str):
            reason = seeds_missing_message() if lines is None else str(at)
            found = dict.fromkeys(("mean_incl", "sd_incl", "mean_3m", "sd_3m", "F", "df1", "df2"), reason)
        else:
            pair = [table_cells(lines[at - 1]), table_cells(lines[at]) + [""] * 4]
            problems.extend(_table3_identity(row, pair[0][0], pair[0][1], pair[1][1], at))
            for column, offset, group in TABLE3_FIELDS:
                m = M_SD.match(pair[offset][2]) if len(pair[offset]) > 2 else None
                found[column] = (printed_number(m.group(group)) if m else None) or f"fant ikke m (sd) på L{at + offset}"
            f = F_DF.match(pair[0][3]) if len(pair[0]) > 3 else None
            for column, group in (("F", 1), ("df1", 3), ("df2", 4)):
                found[column] = (printed_number(f.group(group)) if f else None) or f"fant ikke F (df) på L{at}"
            mark = f.group(2) if f else None
        for column, printed in found.items():
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
        out.append(
            judged(
                f"{path.name}:{line}.marked_significant",
                "transcription",
                row["source"],
                f"{quantity}, stjerne for p < .05",
                row["marked_significant"],
                None if mark is None else ("true" if mark == "*" else "false"),
                agrees=mark is not None and (mark == "*") == (row["marked_significant"] == "true") and not problems,
                tolerance=0.0,
                note="; ".join(problems) or ("" if mark is not None else "fant ikke F på linjen"),
            )
        )
    return out


def _table3_identity(row: dict[str, str], label: str, first: str, second: str, at: int) -> list[str]:
    published = q.codebook().scale(row["variable"]).published
    expected = f"{published.label} ({row['scale']})" if published else row["variable"]
    problems = [] if label == expected else [f"L{at} gjelder «{label[:60]}», ikke «{expected[:60]}»"]
    if (first, second) != ("Inklusjon", "3 mnd"):
        problems.append(f"L{at}–{at + 1} er ikke paret «Inklusjon» / «3 mnd»")
    return problems


def _rate_checks(path: Path, seeds_dir: Path | None) -> list[Check]:
    out = []
    for line, row in published_rows(path):
        for column in ("sent", "answered"):
            source = row[f"source_{column}"]
            try:
                printed = marked_number_in_source(row[f"printed_{column}"], parse_source_ref(source), seeds_dir)
            except ValueError as exc:
                printed = str(exc)
            what = "sendt ut" if column == "sent" else "svarte"
            out.append(
                transcribed(
                    f"{path.name}:{line}.{column}",
                    source,
                    f"{path.name} linje {line}: {row['group']}, {what}",
                    row[column],
                    printed,
                )
            )
    return out
