"""The coding frame (data/coded/coding_frame.yaml): every code a coded row may use, as a validated model.

The frame holds the five levels of the 000 article, the CFIR 2.0 domains with their constructs (and the
roles of the «individuals» domain), the EUSE stages, the IPS principles and the 000 article's links between
levels (``interplay``). The models refuse unknown keys and check what the analysis relies on: the levels and
directions are exactly those of :mod:`analysis.factors.codes`, CFIR has five domains and no construct sits in
two of them, a sub-construct's parent exists, the EUSE stages are 1–5 and the IPS principles 1–8 in order.
Whether the interplay links join coded factors is checked with the factors, in :mod:`analysis.factors.load`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, field_validator, model_validator

from analysis.core.paths import CODED
from analysis.core.sources import parse_source_ref
from analysis.core.validation import StrictModel, duplicate_problems, read_yaml_mapping, validate
from analysis.factors.codes import LEVEL_ORDER, Direction, Level

FRAME_FILE = "coding_frame.yaml"


def _filled(value: str) -> str:
    if not value.strip():
        raise ValueError("er tom")
    return value


def _as_text(value: object) -> object:
    # YAML reads the EUSE stages and IPS principles (`id: 1`) as numbers; the codes are compared as text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Filled = Annotated[str, AfterValidator(_filled)]
"""Text that must not be empty (a label, a definition, a required CSV cell)."""
CodeId = Annotated[str, BeforeValidator(_as_text), AfterValidator(_filled)]


class Code(StrictModel):
    """One code with its Norwegian label and one-line definition; ``parent`` marks a CFIR sub-construct."""

    id: CodeId
    label: Filled
    definition: Filled
    parent: str | None = None
    order: int | None = None
    source: str | None = None
    note: str | None = None


class Domain(StrictModel):
    id: Filled
    label: Filled
    definition: Filled
    constructs: tuple[Code, ...] = Field(min_length=1)
    roles: tuple[Code, ...] = ()

    @model_validator(mode="after")
    def _constructs(self) -> Domain:
        problems = duplicate_problems(
            (("constructs.id", [c.id for c in self.constructs]), ("roles.id", [r.id for r in self.roles])),
            "id brukt mer enn én gang",
        )
        ids = self.construct_ids()
        problems += [
            f"constructs: konstruktet {c.id} har ukjent parent {c.parent}"
            for c in self.constructs
            if c.parent and c.parent not in ids
        ]
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def construct_ids(self) -> set[str]:
        return {c.id for c in self.constructs}


class Cfir(StrictModel):
    version: str
    citation: str
    domains: tuple[Domain, ...]

    @model_validator(mode="after")
    def _five_domains(self) -> Cfir:
        problems = duplicate_problems((("domains.id", [d.id for d in self.domains]),), "id brukt mer enn én gang")
        if len(self.domains) != 5:
            problems.append(f"domains: CFIR 2.0 har fem domener, kodeskjemaet har {len(self.domains)}")
        seen: dict[str, str] = {}
        for d in self.domains:
            for c in d.constructs:
                if c.id in seen and seen[c.id] != d.id:
                    problems.append(f"domains: konstruktet {c.id} står i både {seen[c.id]} og {d.id}")
                seen[c.id] = d.id
        if problems:
            raise ValueError("\n".join(problems))
        return self


class InterplayEdge(StrictModel):
    """One of 000's links between levels: the factor ``from`` influences the factor ``to``."""

    from_: Filled = Field(alias="from")
    to: Filled
    source_ref: Filled
    note: str = ""

    @field_validator("source_ref")
    @classmethod
    def _reference(cls, value: str) -> str:
        parse_source_ref(value)  # raises ValueError with the Norwegian reason
        return value


class CodingFrame(StrictModel):
    version: Literal[1]
    levels: tuple[Code, ...]
    directions: tuple[Code, ...]
    cfir: Cfir
    euse_stages: tuple[Code, ...]
    ips_principles: tuple[Code, ...]
    interplay: tuple[InterplayEdge, ...] = ()

    @model_validator(mode="after")
    def _matches_the_analysis(self) -> CodingFrame:
        problems = duplicate_problems(
            (("levels.id", [c.id for c in self.levels]), ("directions.id", [c.id for c in self.directions])),
            "id brukt mer enn én gang",
        )
        if {c.id for c in self.levels} != {lv.value for lv in Level}:
            problems.append(f"levels må være nøyaktig {', '.join(lv.value for lv in Level)}")
        problems += [
            f"levels: {c.id} må ha order {LEVEL_ORDER[c.id]}, ikke {c.order}"
            for c in self.levels
            if c.order is not None and c.id in LEVEL_ORDER and c.order != LEVEL_ORDER[c.id]
        ]
        if {c.id for c in self.directions} != {d.value for d in Direction}:
            problems.append(f"directions må være nøyaktig {', '.join(d.value for d in Direction)}")
        if [c.id for c in self.euse_stages] != [str(i) for i in range(1, 6)]:
            problems.append("euse_stages må være trinn 1–5 i rekkefølge")
        if [c.id for c in self.ips_principles] != [str(i) for i in range(1, 9)]:
            problems.append("ips_principles må være prinsipp 1–8 i rekkefølge")
        if problems:
            raise ValueError("\n".join(problems))
        return self

    @property
    def domains(self) -> tuple[Domain, ...]:
        return self.cfir.domains

    def domain(self, domain_id: str) -> Domain | None:
        return next((d for d in self.domains if d.id == domain_id), None)

    def domain_of(self, construct_id: str) -> str | None:
        return next((d.id for d in self.domains if construct_id in d.construct_ids()), None)

    @property
    def role_ids(self) -> set[str]:
        return {r.id for d in self.domains for r in d.roles}

    def level_label(self, level: str) -> str:
        return next((c.label for c in self.levels if c.id == level), level)

    def domain_label(self, domain_id: str) -> str:
        d = self.domain(domain_id)
        return d.label if d else domain_id

    def construct_label(self, construct_id: str) -> str:
        for d in self.domains:
            for c in d.constructs:
                if c.id == construct_id:
                    return c.label
        return construct_id


def load_coding_frame(path: Path = CODED / FRAME_FILE) -> CodingFrame:
    """Read and check the coding frame; every problem is raised together as one InputError."""
    raw, file = read_yaml_mapping(path, what="kodeskjemaet")
    return validate(CodingFrame, raw, file)
