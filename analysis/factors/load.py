"""Reading the coded data in ``data/coded`` and checking it as a whole: :func:`load_all` gives a FactorData.

Files (the coding frame is described in :mod:`analysis.factors.coding_frame`, the rows in
:mod:`analysis.factors.rows`):

* ``themes.csv`` – names the underlying factor a row belongs to, so the same factor can be followed across
  studies, and holds the readiness question a barrier theme turns into.
* ``implementation_factors.csv`` – one row per factor per study, with its source reference; the column
  ``coding_note`` (the coder's free-text note) may be absent.
* ``recommendations.csv`` – the recommendations of the 004 report and the themes they answer.

Why so many checks: the chapter's counts, heatmap and checklist are only as good as the coding, and a coding
slip (a construct filed under the wrong domain, a line reference past the end of a document, a quotation that
is not in the source) is invisible in a table. Every problem is collected with file, row and column and
raised together as one :class:`InputError`, so a coder can fix the files in one pass.

What «consistent theme» means here (checked by :func:`theme_problems` once every row is valid):

1. *Levels.* Each theme declares the levels its rows may have: one level, two neighbouring levels on the
   ladder system – organisation – group – individual, or «instruction» on its own (checked per theme row).
   Every factor row of the theme must use a declared level.
2. *Direction.* A theme is «one-sided» or «two-sided». In a one-sided theme no row may be a facilitator
   while another is a barrier (mixed rows are allowed with either). A two-sided theme is one whose factor
   helps where it is present and hinders where it is missing (leadership anchoring, employer contact), so
   facilitator and barrier rows may both occur.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.core.errors import InputError, Problem
from analysis.core.files import read_text, shown_name
from analysis.core.paths import CODED
from analysis.core.sources import seeds_directory
from analysis.factors.codes import Direction, Polarity
from analysis.factors.coding_frame import FRAME_FILE, CodingFrame, load_coding_frame
from analysis.factors.rows import (
    FactorRow,
    RecommendationRow,
    Row,
    RowContext,
    ThemeRow,
    validate_rows,
)

FACTOR_FILE = "implementation_factors.csv"
THEME_FILE = "themes.csv"
REC_FILE = "recommendations.csv"

FACTOR_COLUMNS: tuple[str, ...] = (
    "factor_id",
    "study",
    "theme_id",
    "label",
    "description",
    "level",
    "direction",
    "cfir_domain",
    "cfir_construct",
    "cfir_role",
    "euse_stage",
    "ips_principle",
    "evidence",
    "source_ref",
    "quote",
    "coding_note",
)
FACTOR_COLUMNS_MAY_BE_ABSENT = frozenset({"coding_note"})
THEME_COLUMNS: tuple[str, ...] = ("theme_id", "label", "description", "levels", "polarity", "readiness_question")
REC_COLUMNS: tuple[str, ...] = ("rec_id", "text", "addressee", "source_ref", "theme_ids", "explicit")
INTERPLAY_COLUMNS: tuple[str, ...] = ("from", "to", "source_ref", "note")


@dataclass(frozen=True)
class FactorData:
    """Everything the chapter needs, checked together so that cross-file references hold.

    The frames keep the CSV's text cells (what the summaries group on; ``factors`` always has every column of
    :data:`FACTOR_COLUMNS`); :meth:`records` gives the factor rows as typed :class:`FactorRow` objects.
    """

    frame: CodingFrame
    factors: pd.DataFrame
    themes: pd.DataFrame
    recommendations: pd.DataFrame
    interplay: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(INTERPLAY_COLUMNS)))
    factor_rows: tuple[FactorRow, ...] = ()

    def records(self) -> list[FactorRow]:
        return list(self.factor_rows)


def read_rows(
    path: Path, columns: Sequence[str], problems: list[Problem], *, may_be_absent: Collection[str] = ()
) -> list[dict[str, str]]:
    """A CSV file's rows as dicts of stripped text; a missing or unknown column is reported, not guessed around.

    Columns in ``may_be_absent`` are filled with empty text when the header lacks them. Problems are added to
    ``problems``; when a required column is missing no rows are returned (every row would be wrong).
    """
    file = shown_name(path)
    try:
        text = read_text(path)
    except InputError as exc:
        problems.extend(exc.problems)
        return []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = list(reader.fieldnames or [])
    missing = [c for c in columns if c not in header and c not in may_be_absent]
    unknown = [c for c in header if c not in columns]
    if missing:
        problems.append(Problem(file, f"mangler kolonnene {', '.join(missing)}"))
    if unknown:
        problems.append(Problem(file, f"har ukjente kolonner {', '.join(unknown)}"))
    rows = []
    for i, row in enumerate(reader, start=1):
        if None in row:
            problems.append(Problem(file, "raden har flere celler enn det er kolonner i overskriften", i))
        rows.append({c: (row.get(c) or "").strip() for c in columns})
    return [] if missing else rows


def repeated_values(rows: Sequence[Mapping[str, str]], column: str, file: str) -> list[Problem]:
    """A value that must be unique (an id) but stands in more than one row, reported at each repetition."""
    seen: dict[str, int] = {}
    problems = []
    for i, row in enumerate(rows, start=1):
        value = row.get(column, "")
        if value and value in seen:
            problems.append(Problem(file, f"«{value}» finnes allerede i rad {seen[value]}", i, column))
        seen.setdefault(value, i)
    return problems


def theme_problems(factors: pd.DataFrame, themes: pd.DataFrame, path: Path) -> list[Problem]:
    """Rows that break their theme's declared levels or polarity (see the module docstring)."""
    file = shown_name(path)
    problems = []
    declared = {t.theme_id: (set(t.levels.split(";")), t.polarity) for t in themes.itertuples()}
    for i, row in enumerate(factors.itertuples(), start=1):
        levels, _ = declared.get(row.theme_id, (None, None))
        if levels is not None and row.level not in levels:
            problems.append(
                Problem(
                    file,
                    (
                        f"nivået «{row.level}» passer ikke med temaet {row.theme_id}, som er avgrenset til "
                        f"{', '.join(sorted(levels))}"
                    ),
                    i,
                    "level",
                )
            )
    for theme_id, group in factors.groupby("theme_id"):
        _, polarity = declared.get(str(theme_id), (None, None))
        directions = set(group["direction"])
        if polarity == Polarity.ONE_SIDED and {Direction.FACILITATOR, Direction.BARRIER} <= directions:
            rows = [int(i) + 1 for i in group.index]
            problems.append(
                Problem(
                    file,
                    (
                        f"temaet {theme_id} er ensidig, men har både fremmende og hemmende rader ({rows}); "
                        "merk temaet two-sided i themes.csv eller del det"
                    ),
                    None,
                    "direction",
                )
            )
    return problems


def readiness_question_problems(factors: pd.DataFrame, themes: pd.DataFrame, path: Path) -> list[Problem]:
    """A theme with hindering or mixed factors becomes a checklist question, so it must have one."""
    barrier_themes = set(factors.loc[factors["direction"] != Direction.FACILITATOR, "theme_id"])
    message = "temaet har hemmende eller blandede faktorer og trenger et spørsmål til sjekklisten"
    return [
        Problem(shown_name(path), message, i, "readiness_question")
        for i, row in enumerate(themes.itertuples(), start=1)
        if row.theme_id in barrier_themes and not row.readiness_question
    ]


def interplay_problems(frame: CodingFrame, factor_ids: set[str], path: Path) -> list[Problem]:
    """000's links between levels must join factors that are coded."""
    return [
        Problem(shown_name(path), f"interplay nr. {i}: «{end}» er ikke en kodet faktor", None, column)
        for i, edge in enumerate(frame.interplay, start=1)
        for column, end in (("from", edge.from_), ("to", edge.to))
        if end not in factor_ids
    ]


def _checked(
    model: type[Row],
    raw: Sequence[Mapping[str, str]],
    path: Path,
    key: str,
    context: RowContext,
    problems: list[Problem],
) -> list[Row]:
    """The file's rows as ``model``; their problems and repeated ``key`` values are added to ``problems``."""
    file = shown_name(path)
    records, found = validate_rows(model, raw, file, context)
    problems += found + repeated_values(raw, key, file)
    return records


def load_all(
    directory: Path = CODED, *, seeds_dir: Path | None | str = "auto", deny_hashes: Mapping[str, str] | None = None
) -> FactorData:
    """Load and check the coding frame, themes, factors and recommendations; raise one InputError for all.

    ``seeds_dir`` is where the seed texts are (``"auto"``: :func:`analysis.core.sources.seeds_directory`;
    ``None``: check line numbers against the registry only, and quotations not at all). ``deny_hashes``
    replaces the privacy gate's deny list (tests use a stand-in name).
    """
    seeds = seeds_directory() if seeds_dir == "auto" else seeds_dir
    seeds = Path(seeds) if isinstance(seeds, str) else seeds
    frame = load_coding_frame(directory / FRAME_FILE)
    problems: list[Problem] = []
    paths = {name: directory / name for name in (THEME_FILE, FACTOR_FILE, REC_FILE)}
    theme_raw = read_rows(paths[THEME_FILE], THEME_COLUMNS, problems)
    factor_raw = read_rows(paths[FACTOR_FILE], FACTOR_COLUMNS, problems, may_be_absent=FACTOR_COLUMNS_MAY_BE_ABSENT)
    rec_raw = read_rows(paths[REC_FILE], REC_COLUMNS, problems)
    context = RowContext(frame, frozenset(r["theme_id"] for r in theme_raw), seeds, deny_hashes)

    _checked(ThemeRow, theme_raw, paths[THEME_FILE], "theme_id", context, problems)
    factor_rows = _checked(FactorRow, factor_raw, paths[FACTOR_FILE], "factor_id", context, problems)
    _checked(RecommendationRow, rec_raw, paths[REC_FILE], "rec_id", context, problems)

    factors = pd.DataFrame(factor_raw, columns=list(FACTOR_COLUMNS))
    themes = pd.DataFrame(theme_raw, columns=list(THEME_COLUMNS))
    if not problems:
        problems += theme_problems(factors, themes, paths[FACTOR_FILE])
        problems += readiness_question_problems(factors, themes, paths[THEME_FILE])
    problems += interplay_problems(frame, set(factors["factor_id"]), directory / FRAME_FILE)
    if problems:
        raise InputError(problems)
    interplay = pd.DataFrame(
        [{"from": e.from_, "to": e.to, "source_ref": e.source_ref, "note": e.note} for e in frame.interplay],
        columns=list(INTERPLAY_COLUMNS),
    )
    return FactorData(
        frame, factors, themes, pd.DataFrame(rec_raw, columns=list(REC_COLUMNS)), interplay, tuple(factor_rows)
    )
