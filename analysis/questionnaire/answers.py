"""Read a candidate-questionnaire SPSS file and check it against the codebook before any analysis.

A user's own file reaches this code through ``SE_IPS_CANDIDATES`` or ``python -m analysis validate``.
Whatever is wrong with it (wrong format, a truncated upload, renamed columns, codes outside the scale,
duplicate ids, answers the form's routing makes impossible) must come back as one list of located
problems the user can fix in one pass, never as a traceback.
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.core.errors import InputError, Problem
from analysis.core.identity import looks_like_identity_number
from analysis.core.paths import GENERATED, rel
from analysis.core.tabular import SPREADSHEET_SUFFIXES, read_cells, read_spss
from analysis.questionnaire.codebook import QuestionnaireCodebook, load_questionnaire_codebook
from analysis.questionnaire.form import ColumnSpec

ENV_FILE = "SE_IPS_CANDIDATES"
MAX_PROBLEMS = 500
"""Beyond this, more lines help nobody: the file is probably not this questionnaire at all."""
FOREIGN_SHARE = 0.5
"""If fewer than half the expected columns are present, say so once instead of listing each missing one."""


@dataclass
class CandidateData:
    """A questionnaire file as read: raw codes (user-missing kept), analysis values and SPSS metadata."""

    path: Path
    raw: pd.DataFrame
    data: pd.DataFrame
    column_labels: dict[str, str] = field(default_factory=dict)
    value_labels: dict[str, dict[float, str]] = field(default_factory=dict)
    missing_codes: dict[str, set[float]] = field(default_factory=dict)
    file_label: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def synthetic(self) -> bool:
        return "SYNTHETIC" in (self.file_label or "").upper()


def candidates_path() -> Path:
    """The file the chapter analyses: the user's own (``SE_IPS_CANDIDATES``) or the generated synthetic one."""
    own = os.environ.get(ENV_FILE)
    return Path(own).expanduser() if own else GENERATED / "candidates.sav"


def using_own_file() -> bool:
    return bool(os.environ.get(ENV_FILE))


# -- reading -------------------------------------------------------------------------------------------
def _read(path: Path) -> tuple[pd.DataFrame, Any]:
    """Values and metadata, indexed by the row number the user sees (core.tabular numbers them)."""
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return _spreadsheet_values(read_cells(path).frame), _plain_meta()
    return read_spss(path, user_missing=True)


def _spreadsheet_values(cells: pd.DataFrame) -> pd.DataFrame:
    """A .csv or .xlsx export: the codebook's own missing codes apply, since such files declare none.

    A column becomes numeric only when every filled cell is a number, so text in a code column is
    reported by the type check instead of silently turning into a missing value.
    """
    columns = {}
    for column in cells.columns:
        text = cells[column].astype(str).str.strip().str.replace(",", ".", regex=False)
        numbers = pd.to_numeric(text.where(text != ""), errors="coerce")
        parsed = (text == "") | numbers.notna()
        columns[column] = numbers if parsed.all() else cells[column].where(text != "", np.nan)
    return pd.DataFrame(columns, index=cells.index)


def _plain_meta() -> Any:
    """The part of pyreadstat's metadata the checks read, empty: a spreadsheet declares no labels or codes."""
    from types import SimpleNamespace

    return SimpleNamespace(
        missing_ranges={},
        missing_user_values={},
        column_names=[],
        column_labels=[],
        variable_value_labels={},
        file_label=None,
        notes=[],
    )


def _declared_missing(meta: Any, column: str) -> list[tuple[float, float]]:
    ranges = [
        (float(r["lo"]), float(r["hi"]))
        for r in (meta.missing_ranges or {}).get(column, [])
        if isinstance(r.get("lo"), (int, float))
    ]
    values = [
        (float(v), float(v)) for v in (meta.missing_user_values or {}).get(column, []) if isinstance(v, (int, float))
    ]
    return ranges + values


def _is_in(value: float, ranges: list[tuple[float, float]]) -> bool:
    return any(lo <= value <= hi for lo, hi in ranges)


# -- validation ----------------------------------------------------------------------------------------
def validate_file(path: Path | str, codebook: QuestionnaireCodebook | None = None) -> list[Problem]:
    """Every problem with a user's file, located by row and column; an empty list means it can be analysed."""
    path = Path(path)
    try:
        frame, meta = _read(path)
    except InputError as exc:
        return list(exc.problems)
    cb = codebook or load_questionnaire_codebook()
    return validate_frame(frame, meta, cb, rel(path))


def validate_frame(frame: pd.DataFrame, meta: Any, cb: QuestionnaireCodebook, file: str) -> list[Problem]:
    problems = _column_problems(frame, cb, file)
    if any(p.column == cb.id_variable or p.row is None and "ser ikke ut" in p.message for p in problems):
        return _capped(problems, file)
    specs = {s.name: s for s in cb.columns() if s.name in frame.columns}
    problems += _type_problems(frame, specs, cb, file)
    bad_types: set[str | None] = {p.column for p in problems if p.column}
    problems += _id_problems(frame, cb, file)
    problems += _code_problems(frame, meta, specs, cb, file, skip=bad_types)
    problems += _routing_problems(frame, meta, specs, cb, file, skip=bad_types)
    return _capped(problems, file)


def _capped(problems: list[Problem], file: str) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return problems[:MAX_PROBLEMS] + [Problem(file, f"… og {rest} problemer til (samme slag som over)")]


def _column_problems(frame: pd.DataFrame, cb: QuestionnaireCodebook, file: str) -> list[Problem]:
    expected = cb.columns()
    names = {s.name for s in expected}
    present = [c for c in frame.columns if c in names]
    unknown = [c for c in frame.columns if c not in names]
    problems = [Problem(file, f"ukjent kolonne (finnes ikke i kodeboken {cb.id})", column=c) for c in unknown]
    required = [s.name for s in expected if _required(s, cb, frame)]
    missing = [c for c in required if c not in frame.columns]
    if len(present) < FOREIGN_SHARE * len(required):
        example = ", ".join(required[:4])
        problems.insert(
            0,
            Problem(
                file,
                (
                    f"filen ser ikke ut til å være skjemaet {cb.id}: {len(missing)} av {len(required)} "
                    "påkrevde kolonner "
                    f"mangler (for eksempel {example}). Se kodeboken data/instruments/{cb.id}.yaml for kolonnenavnene."
                ),
            ),
        )
        return problems
    problems += [Problem(file, "mangler påkrevd kolonne", column=c) for c in missing]
    return problems


def _required(spec: ColumnSpec, cb: QuestionnaireCodebook, frame: pd.DataFrame) -> bool:
    """Person variables and inclusion items are required; a later time point only once any of its columns exist."""
    if spec.timepoint is None:
        return True
    tp = cb.timepoint(spec.timepoint)
    return tp.required or any(str(c).endswith(tp.suffix) for c in frame.columns)


def _type_problems(
    frame: pd.DataFrame, specs: dict[str, ColumnSpec], cb: QuestionnaireCodebook, file: str
) -> list[Problem]:
    out = []
    for name in specs:
        if name == cb.id_variable:
            continue
        if pd.api.types.is_numeric_dtype(frame[name]):
            continue
        texts = frame[name].dropna().astype(str).str.strip()
        bad = texts[(texts != "") & pd.to_numeric(texts.str.replace(",", ".", regex=False), errors="coerce").isna()]
        if bad.empty or len(bad) == len(texts):  # a text column through and through (an SPSS string variable)
            out.append(Problem(file, "forventet tallkoder, fant tekst", column=name))
            continue
        for index, value in bad.items():  # a number column with a few text cells (typed in a spreadsheet)
            shown = "«skjult tallrekke»" if any(c.isdigit() for c in value) else f"«{value[:30]}»"
            out.append(Problem(file, f"{shown} er ikke en tallkode", row=int(index), column=name))
    return out


def _id_problems(frame: pd.DataFrame, cb: QuestionnaireCodebook, file: str) -> list[Problem]:
    out = []
    ids = frame[cb.id_variable]
    seen: dict[str, int] = {}
    for row, value in zip(frame.index, ids, strict=True):
        text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()
        if text.endswith(".0") and text[:-2].isdigit():
            text = text[:-2]
        if not text:
            out.append(Problem(file, "mangler id", row=row, column=cb.id_variable))
            continue
        if looks_like_identity_number(text):  # valid or mistyped: a form id never needs one
            out.append(
                Problem(
                    file,
                    "id ser ut som et fødselsnummer; bruk et prosjekt-ID uten personopplysninger",
                    row=row,
                    column=cb.id_variable,
                )
            )
        if text in seen:
            out.append(Problem(file, f"id '{text}' står også i rad {seen[text]}", row=row, column=cb.id_variable))
        else:
            seen[text] = row
    return out


def _allowed(spec: ColumnSpec, cb: QuestionnaireCodebook) -> tuple[set[int], set[int], str]:
    """Valid codes, missing codes and a readable description of both for one column."""
    if spec.person_var is not None:
        var = next(p for p in cb.person_variables if p.var == spec.person_var)
        scale = cb.response_scale(var.scale) if var.scale else None
    else:
        assert spec.item is not None
        scale = cb.item_scale(spec.item)
        if spec.option is not None:
            scale = cb.response_scale("avkrysning")
            missing = {m.code for m in cb.missing_for(cb.item_scale(spec.item))}
            return scale.valid_codes(), missing, f"gyldige: {scale.describe()}; manglende: {sorted(missing)}"
    if scale is None:
        return set(), set(), ""
    missing = {m.code for m in cb.missing_for(scale)} if spec.item is not None else set()
    extra = f"; manglende: {sorted(missing)}" if missing else ""
    return scale.valid_codes(), missing, f"gyldige: {scale.describe()}{extra}"


def _code_problems(
    frame: pd.DataFrame,
    meta: Any,
    specs: dict[str, ColumnSpec],
    cb: QuestionnaireCodebook,
    file: str,
    skip: set[str | None],
) -> list[Problem]:
    out = []
    for name, spec in specs.items():
        if name == cb.id_variable or name in skip:
            continue
        valid, missing, describe = _allowed(spec, cb)
        declared = _declared_missing(meta, name)
        values = frame[name].to_numpy(dtype=float)
        for row, value in zip(frame.index, values, strict=True):
            if math.isnan(value) or value in missing or _is_in(value, declared):
                continue
            if value != int(value) or int(value) not in valid:
                shown = int(value) if value == int(value) else value
                out.append(Problem(file, f"ugyldig kode {shown} ({describe})", row=row, column=name))
    return out


def _routing_problems(
    frame: pd.DataFrame,
    meta: Any,
    specs: dict[str, ColumnSpec],
    cb: QuestionnaireCodebook,
    file: str,
    skip: set[str | None],
) -> list[Problem]:
    """Answers the form could not have produced: an in-work item answered by someone not in work, and so on."""
    out = []
    by_tp: dict[str, list[ColumnSpec]] = defaultdict(list)
    for spec in specs.values():
        if spec.timepoint is not None and spec.name not in skip:
            by_tp[spec.timepoint].append(spec)
    for tp_specs in by_tp.values():
        singles = {s.item: s.name for s in tp_specs if s.option is None}
        valid_answers = {item: _valid_values(frame, name, cb, item, meta) for item, name in singles.items()}
        for spec in tp_specs:
            item = cb.item(spec.item or "")
            if cb.part(item.part).asked_if is None and item.asked_if is None:
                continue
            scale = cb.item_scale(item.id)
            na_code = cb.missing_code(scale, "not_applicable")
            declared = _declared_missing(meta, spec.name)
            for position, row in enumerate(frame.index):
                answers = {k: float(v[position]) for k, v in valid_answers.items() if k is not None}
                asked = cb.asked(item.id, answers)
                value = float(frame[spec.name].iat[position])
                if asked is None or math.isnan(value):
                    continue
                answered = value not in {m.code for m in cb.missing_for(scale)} and not _is_in(value, declared)
                if asked is False and answered:
                    out.append(Problem(file, _routing_message(cb, item.id, answers), row=int(row), column=spec.name))
                elif asked is True and value == na_code:
                    out.append(
                        Problem(
                            file,
                            f"kodet {na_code} (ikke aktuell), men rutingen sier at spørsmålet gjelder",
                            row=int(row),
                            column=spec.name,
                        )
                    )
    return out


def _valid_values(frame: pd.DataFrame, name: str, cb: QuestionnaireCodebook, item: str | None, meta: Any) -> np.ndarray:
    """Valid codes of an item as floats, NaN where the answer is missing or out of range."""
    valid = cb.item_scale(item or "").valid_codes()
    values: np.ndarray = frame[name].to_numpy(dtype=float).copy()
    mask = np.array([not (v == v and v in valid) for v in values])
    values[mask] = np.nan
    return values


def _routing_message(cb: QuestionnaireCodebook, item_id: str, answers: dict[str, float]) -> str:
    item = cb.item(item_id)
    for cond in (cb.part(item.part).asked_if, item.asked_if):
        if cond is not None and answers.get(cond.item) not in cond.codes:
            given = answers.get(cond.item)
            label = (
                cb.item_scale(cond.item).labels().get(int(given), str(given))
                if given is not None and given == given
                else "?"
            )
            return (
                f"besvart, men skjemaet hopper over spørsmål {item_id} når spørsmål {cond.item} er "
                f"«{label}» (ruting: {cb.part(item.part).label.lower()})"
            )
    return f"besvart, men rutingen hopper over spørsmål {item_id}"


# -- loading for analysis ------------------------------------------------------------------------------
def load_candidates(path: Path | str | None = None, codebook: QuestionnaireCodebook | None = None) -> CandidateData:
    """Read, validate and prepare a file: raises InputError listing every problem, else returns the data."""
    path = Path(path) if path is not None else candidates_path()
    cb = codebook or load_questionnaire_codebook()
    frame, meta = _read(path)
    problems = validate_frame(frame, meta, cb, rel(path))
    if problems:
        raise InputError(problems)
    data = frame.copy()
    missing: dict[str, set[float]] = {}
    for spec in cb.columns():
        if spec.name not in data.columns or spec.name == cb.id_variable:
            continue
        _, codes, _ = _allowed(spec, cb)
        declared = _declared_missing(meta, spec.name)
        values = data[spec.name].astype(float)
        is_missing = values.isin(list(codes)) | values.map(lambda v, ranges=declared: _is_in(v, ranges))
        data[spec.name] = values.mask(is_missing)
        missing[spec.name] = set(map(float, codes)) | {lo for lo, hi in declared if lo == hi}
    data[cb.id_variable] = data[cb.id_variable].astype(str)
    return CandidateData(
        path=path,
        raw=frame,
        data=data,
        column_labels=dict(zip(meta.column_names, meta.column_labels, strict=False)),
        value_labels=dict(meta.variable_value_labels or {}),
        missing_codes=missing,
        file_label=meta.file_label,
        notes=list(meta.notes or []),
    )
