"""One validated row of each coded CSV file: themes, implementation factors and the 004 recommendations.

Each row is a pydantic model (:class:`analysis.core.validation.StrictModel`) built from the CSV row's text
cells. Checks that need more than the row itself – that a theme id exists, that a CFIR construct belongs to
the row's domain, that a source reference points at existing lines of a seed text and a quotation stands
there word for word, that free text passes the privacy gate – read a :class:`RowContext` handed over as
pydantic validation context (``model_validate(row, context=...)``). Checks across rows (repeated ids, the
consistency of a theme) are made by :mod:`analysis.factors.load` once every row is valid.

Every message is Norwegian and raised against the field it concerns, so :func:`validate_rows` can locate it by
file, row and column. Rows are numbered as data rows: the first row under the header is row 1.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, Field, InstanceOf, ValidationError, ValidationInfo, field_validator

from analysis.core.errors import Problem
from analysis.core.sources import SourceRef, check_source_ref, parse_source_ref, quote_in_source
from analysis.core.validation import StrictModel, all_of, one_of, problems_from
from analysis.factors.codes import MAX_QUOTE_WORDS, Direction, Level, Polarity, Study, levels_are_neighbours
from analysis.factors.coding_frame import CodingFrame, Filled
from analysis.privacy.gate import load_deny_hashes, scan_text

Row = TypeVar("Row", bound=BaseModel)

_PRIVACY_MESSAGES = {
    "identity-number": "inneholder noe som ligner et fødselsnummer eller D-nummer",
    "email": "inneholder en e-postadresse",
    "phone": "inneholder noe som ligner et telefonnummer",
    "deny-list": (
        "inneholder et navn som ikke skal stå i kodede data (informantpseudonym, arbeidsgiver, tilbyder eller verktøy)"
    ),
}


@lru_cache(maxsize=1)
def project_deny_hashes() -> dict[str, str]:
    """The privacy gate's deny list (hashed names of informants, employers, providers and tools)."""
    return load_deny_hashes()


def privacy_problems(text: str, deny_hashes: Mapping[str, str] | None = None) -> list[str]:
    """Reasons a free-text cell may identify someone, by the project's privacy gate (analysis/privacy/gate.py)."""
    hashes = project_deny_hashes() if deny_hashes is None else deny_hashes
    return sorted({_PRIVACY_MESSAGES[f.kind] for f in scan_text(text, deny_hashes=hashes)})


@dataclass(frozen=True)
class RowContext:
    """What a row is checked against besides itself: the coding frame, the themes, the seeds, the deny list."""

    frame: CodingFrame
    theme_ids: frozenset[str] = frozenset()
    seeds_dir: Path | None = None
    deny_hashes: Mapping[str, str] | None = None  # None: the privacy gate's own deny list


def _context(info: ValidationInfo) -> RowContext:
    if not isinstance(info.context, RowContext):
        raise TypeError("rows are validated with model_validate(row, context=RowContext(...))")
    return info.context


def _raise(problems: list[str]) -> None:
    if problems:
        raise ValueError("\n".join(problems))


def _private(value: str, info: ValidationInfo) -> str:
    _raise(privacy_problems(value, _context(info).deny_hashes))
    return value


def _choice(value: Any, allowed: Sequence[str], what: str) -> Any:
    if not isinstance(value, str):
        return value  # pydantic reports the type
    if not value:
        raise ValueError("er tom")
    return one_of(value, allowed, what)


def _optional_choice(value: Any, allowed: Sequence[str], what: str) -> Any:
    return None if value == "" else _choice(value, allowed, what)


def _split(value: str) -> list[str]:
    return [x.strip() for x in value.split(";") if x.strip()]


def _source_problems(ref: SourceRef, study: str | None, info: ValidationInfo) -> list[str]:
    problems = check_source_ref(ref, _context(info).seeds_dir)
    if study is not None and ref.study != study:
        problems.append(f"henvisningen peker til {ref.file}, men raden er kodet som studie {study}")
    return problems


def _parsed_ref(value: Any) -> Any:
    return parse_source_ref(value) if isinstance(value, str) else value  # a bad form raises ValueError


class ThemeRow(StrictModel):
    """A row of themes.csv: the factor rows of several studies share a theme when they name the same factor."""

    theme_id: str = Field(pattern=r"^T\d{2}$")
    label: Filled
    description: Filled
    levels: tuple[Level, ...]
    polarity: Polarity
    readiness_question: str = ""

    @field_validator("levels", mode="before")
    @classmethod
    def _levels(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        levels = list(all_of(_split(value), [lv.value for lv in Level], "nivå"))
        if not levels:
            raise ValueError("er tom; oppgi ett nivå eller to nabonivåer, skilt med «;»")
        if not levels_are_neighbours(levels):
            raise ValueError(
                "et tema kan ha ett nivå, to nabonivåer (system–organisasjon–gruppe–individ) eller bare «instruction»"
            )
        return levels

    @field_validator("polarity", mode="before")
    @classmethod
    def _polarity(cls, value: Any) -> Any:
        return _choice(value, [p.value for p in Polarity], "polaritet")

    @field_validator("label", "description", "readiness_question")
    @classmethod
    def _free_text(cls, value: str, info: ValidationInfo) -> str:
        return _private(value, info)


class FactorRow(StrictModel):
    """A row of implementation_factors.csv: one factor as one study describes it, with its codes as types.

    ``study`` is declared before ``factor_id`` so that the id can be checked against it (fields are validated
    in the order they are declared, and a field's validator sees the fields validated before it).
    """

    study: Study
    factor_id: str = Field(pattern=r"^F\d{3}-\d{2}$")
    theme_id: Filled
    label: Filled
    description: Filled
    level: Level
    direction: Direction
    cfir_domain: Filled
    cfir_construct: Filled
    cfir_role: str | None = None
    euse_stage: int | None = None
    ips_principle: int | None = None
    evidence: Filled
    source_ref: InstanceOf[SourceRef]
    quote: str | None = None
    coding_note: str | None = None

    @field_validator("study", mode="before")
    @classmethod
    def _study(cls, value: Any) -> Any:
        return _choice(value, [s.value for s in Study], "studie")

    @field_validator("factor_id")
    @classmethod
    def _id_names_the_study(cls, value: str, info: ValidationInfo) -> str:
        study = info.data.get("study")
        if study is not None and value[1:4] != study:
            raise ValueError(f"id-en viser til studie {value[1:4]}, men raden er kodet som studie {study}")
        return value

    @field_validator("theme_id")
    @classmethod
    def _theme(cls, value: str, info: ValidationInfo) -> str:
        if value not in _context(info).theme_ids:
            raise ValueError(f"temaet «{value}» finnes ikke i themes.csv")
        return value

    @field_validator("level", mode="before")
    @classmethod
    def _level(cls, value: Any) -> Any:
        return _choice(value, [lv.value for lv in Level], "nivå")

    @field_validator("direction", mode="before")
    @classmethod
    def _direction(cls, value: Any) -> Any:
        return _choice(value, [d.value for d in Direction], "retning")

    @field_validator("cfir_domain")
    @classmethod
    def _domain(cls, value: str, info: ValidationInfo) -> str:
        return str(one_of(value, [d.id for d in _context(info).frame.domains], "CFIR-domene"))

    @field_validator("cfir_construct")
    @classmethod
    def _construct(cls, value: str, info: ValidationInfo) -> str:
        frame = _context(info).frame
        domain = frame.domain(info.data.get("cfir_domain", ""))
        if domain is not None and value not in domain.construct_ids():
            home = frame.domain_of(value)
            where = f"; det hører til domenet {home}" if home else " og finnes ikke i kodeskjemaet"
            raise ValueError(f"konstruktet «{value}» hører ikke til domenet {domain.id}{where}")
        return value

    @field_validator("cfir_role", mode="before")
    @classmethod
    def _role(cls, value: Any, info: ValidationInfo) -> Any:
        return _optional_choice(value, sorted(_context(info).frame.role_ids), "CFIR-rolle")

    @field_validator("euse_stage", mode="before")
    @classmethod
    def _euse(cls, value: Any, info: ValidationInfo) -> Any:
        return _optional_choice(value, [c.id for c in _context(info).frame.euse_stages], "EUSE-trinn")

    @field_validator("ips_principle", mode="before")
    @classmethod
    def _ips(cls, value: Any, info: ValidationInfo) -> Any:
        return _optional_choice(value, [c.id for c in _context(info).frame.ips_principles], "IPS-prinsipp")

    @field_validator("source_ref", mode="before")
    @classmethod
    def _source(cls, value: Any, info: ValidationInfo) -> Any:
        ref = _parsed_ref(value)
        study = info.data.get("study")
        _raise(_source_problems(ref, None if study is None else str(study), info))
        return ref

    @field_validator("quote", mode="before")
    @classmethod
    def _quote(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str) or value == "":
            return None if value == "" else value
        words = len(value.split())
        problems = [f"sitatet har {words} ord; høyst {MAX_QUOTE_WORDS} er tillatt"] if words > MAX_QUOTE_WORDS else []
        ref = info.data.get("source_ref")
        if ref is not None and quote_in_source(value, ref, _context(info).seeds_dir) is False:
            problems.append(f"sitatet står ikke ordrett i {ref.file} på de oppgitte linjene")
        _raise(problems + privacy_problems(value, _context(info).deny_hashes))
        return value

    @field_validator("coding_note", mode="before")
    @classmethod
    def _note(cls, value: Any) -> Any:
        return None if value == "" else value

    @field_validator("label", "description", "evidence", "coding_note")
    @classmethod
    def _free_text(cls, value: str | None, info: ValidationInfo) -> str | None:
        return value if value is None else _private(value, info)


class RecommendationRow(StrictModel):
    """A row of recommendations.csv: one recommendation of the 004 report and the themes it answers."""

    rec_id: str = Field(pattern=r"^R\d{2}$")
    text: Filled
    addressee: Filled
    source_ref: InstanceOf[SourceRef]
    theme_ids: tuple[str, ...]
    explicit: bool

    @field_validator("source_ref", mode="before")
    @classmethod
    def _source(cls, value: Any, info: ValidationInfo) -> Any:
        ref = _parsed_ref(value)
        problems = _source_problems(ref, None, info)
        if ref.study != Study.S004:
            problems.append("anbefalingene kommer fra 004-rapporten")
        _raise(problems)
        return ref

    @field_validator("theme_ids", mode="before")
    @classmethod
    def _themes(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str):
            return value
        ids = _split(value)
        if not ids:
            raise ValueError("en anbefaling må svare på minst ett tema")
        known = _context(info).theme_ids
        problems = [f"temaet «{theme_id}» finnes ikke i themes.csv" for theme_id in ids if theme_id not in known]
        if len(set(ids)) != len(ids):
            problems.append("samme tema står flere ganger")
        _raise(problems)
        return tuple(ids)

    @field_validator("explicit", mode="before")
    @classmethod
    def _explicit(cls, value: Any) -> Any:
        return _choice(value, ("yes", "no"), "verdi") == "yes" if isinstance(value, str) else value

    @field_validator("text", "addressee")
    @classmethod
    def _free_text(cls, value: str, info: ValidationInfo) -> str:
        return _private(value, info)


def _row_number(i: int) -> Callable[[Sequence[Any]], int]:
    def row_of(_location: Sequence[Any]) -> int:
        return i

    return row_of


def validate_rows(
    model: type[Row], rows: Sequence[Mapping[str, str]], file: str, context: RowContext
) -> tuple[list[Row], list[Problem]]:
    """Every row built as ``model``, and every problem of every row located by file, row and column."""
    records: list[Row] = []
    problems: list[Problem] = []
    for i, row in enumerate(rows, start=1):
        try:
            records.append(model.model_validate(row, context=context))
        except ValidationError as exc:
            problems.extend(problems_from(exc, row, file, row_of=_row_number(i)))
    return records, problems
