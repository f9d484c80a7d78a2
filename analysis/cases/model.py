"""One training case as the code sees it: :class:`CaseMeta` (the checked front matter) and :class:`Case`.

The front matter holds only generalised attributes, each checked against :mod:`analysis.cases.vocabulary`.
Checks follow the project's one validation style (:mod:`analysis.core.validation`): a strict pydantic model
whose own rules raise ``ValueError`` with Norwegian text; :mod:`analysis.cases.parse` turns every error into
a Problem located at its front-matter line. Source citations are the project's one reference form
(:mod:`analysis.core.sources`) and must point at lines that exist.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from pydantic import Field, field_validator

from analysis.cases.markdown import list_items
from analysis.cases.vocabulary import (
    EUSE_STAGES,
    IPS_PRINCIPLES,
    QUASI_IDENTIFIERS,
    REGION_PARENT,
    SECTOR_GROUP,
    THEMES,
    UNKNOWN,
    Basis,
    Gender,
    MunicipalitySize,
    Outcome,
    Programme,
)
from analysis.core.sources import SourceRef, check_source_ref, parse_source_ref
from analysis.core.validation import StrictModel, all_of, one_of

_ID = re.compile(r"^case-\d{2}$")
_AGE_BAND = re.compile(r"^(\d{2})-(\d{2})$")
MIN_AGE, MAX_AGE, MIN_BAND_WIDTH = 15, 99, 10  # a band narrower than ten years comes close to an exact age


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("kan ikke være tom")
    return value.strip()


class Reidentification(StrictModel):
    """The written re-identification check of one case: what it draws on, what it keeps, and why that is safe."""

    draws_on: str = Field(min_length=10)  # which source persons or groups the case draws on
    kept_episodes: str = Field(min_length=5)  # which distinctive episodes it keeps, or that it keeps none
    why_safe: str = Field(min_length=20)  # why no reader who knows the source can single out one person

    @field_validator("draws_on", "kept_episodes", "why_safe")
    @classmethod
    def _filled(cls, value: str) -> str:
        return _not_blank(value)


class CaseMeta(StrictModel):
    """The generalised attributes of one case; anything finer does not belong in the front matter."""

    id: str
    title: str = Field(min_length=3, max_length=120)
    age_band: str
    gender: Gender
    region_of_origin: str
    municipality_size: MunicipalitySize
    sector: str
    programme: Programme
    euse_stages: tuple[int, ...] = Field(min_length=1)
    ips_principles: tuple[str, ...] = Field(min_length=1)
    outcome: Outcome
    themes: tuple[str, ...] = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)
    # What the case rests on (see vocabulary.BASIS_LABELS): the source's own case, mainly one course it tells,
    # traits several persons shared, or patterns only.
    basis: Basis
    reidentification: Reidentification
    # For trainers: what the source says happened and why, which EUSE stages and which factors it shows.
    facilitator_notes: str = Field(min_length=100)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"id må ha formen «case-07», ikke «{value}»")
        return value

    @field_validator("age_band")
    @classmethod
    def _age_band(cls, value: str) -> str:
        if value == UNKNOWN:
            return value
        m = _AGE_BAND.match(value)
        if not m:
            raise ValueError(f"aldersgruppe må skrives som «20-29» eller «{UNKNOWN}», ikke «{value}»")
        lo, hi = int(m.group(1)), int(m.group(2))
        if not MIN_AGE <= lo < hi <= MAX_AGE:
            raise ValueError(f"aldersgruppen «{value}» må gå fra lav til høy alder mellom {MIN_AGE} og {MAX_AGE}")
        if hi - lo < MIN_BAND_WIDTH - 1:
            raise ValueError(f"aldersgruppen «{value}» er for smal; bruk minst ti år for å unngå eksakte aldre")
        return value

    @field_validator("region_of_origin")
    @classmethod
    def _region(cls, value: str) -> str:
        return one_of(value, REGION_PARENT, "verdensregion")

    @field_validator("sector")
    @classmethod
    def _sector(cls, value: str) -> str:
        return one_of(value, SECTOR_GROUP, "sektor")

    @field_validator("euse_stages")
    @classmethod
    def _stages(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        bad = [s for s in value if s not in EUSE_STAGES]
        if bad:
            raise ValueError(f"EUSE-trinn må være 1–5, fikk {bad}")
        if len(set(value)) != len(value):
            raise ValueError("samme trinn står flere ganger")
        return tuple(sorted(value))

    @field_validator("ips_principles")
    @classmethod
    def _principles(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return all_of(value, IPS_PRINCIPLES, "IPS-prinsipp")

    @field_validator("themes")
    @classmethod
    def _themes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return all_of(value, THEMES, "tema")

    @field_validator("sources")
    @classmethod
    def _sources(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # Checked against the line counts in the source registry, so loading a case never needs the seed texts.
        reasons = []
        for text in value:
            try:
                reasons += check_source_ref(parse_source_ref(text), None)
            except ValueError as exc:
                reasons.append(f"«{text}»: {exc}")
        if reasons:
            raise ValueError("\n".join(reasons))
        return value

    @field_validator("facilitator_notes")
    @classmethod
    def _notes(cls, value: str) -> str:
        return _not_blank(value)

    @property
    def source_refs(self) -> tuple[SourceRef, ...]:
        """The source citations, parsed (they were checked when the case was loaded)."""
        return tuple(parse_source_ref(s) for s in self.sources)


@dataclass(frozen=True)
class Case:
    """One validated case: front matter plus the Markdown of each required section."""

    meta: CaseMeta
    sections: Mapping[str, str]
    path: Path

    @property
    def id(self) -> str:
        return self.meta.id

    def reflection_questions(self) -> list[str]:
        return list_items(self.sections["Refleksjonsspørsmål"])

    def quasi_identifiers(self, names: Sequence[str] = QUASI_IDENTIFIERS) -> dict[str, str]:
        """The case as a record for :mod:`analysis.privacy.kanonymity` (values as text)."""
        return {name: str(getattr(self.meta, name)) for name in names}


def vocabulary_values(name: str) -> tuple[str, ...]:
    """Allowed front-matter values for a Literal-typed field, for documentation and tests."""
    return get_args(CaseMeta.model_fields[name].annotation)
