"""The parts of the candidate questionnaire as the codebook describes them.

Response scales with their valid and missing codes, the form's parts and routing conditions, items, person
variables, scale recipes and the column names an SPSS file carries. :mod:`analysis.questionnaire.codebook`
holds the codebook that ties them together and checks their cross-references.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from pydantic import Field, PositiveInt, model_validator

from analysis.core.validation import StrictModel

LineRange = tuple[PositiveInt, PositiveInt]
PartId = Literal["alle", "i_arbeid", "ikke_i_arbeid"]
SPSS_NAME_MAX = 64
"""SPSS refuses variable names longer than 64 bytes."""


class Source(StrictModel):
    document: str
    citation_key: str
    appendix: str
    lines: LineRange
    intro: str
    intro_line: PositiveInt


class Timepoint(StrictModel):
    id: str = Field(pattern=r"^t\d+$")
    label: str
    suffix: str = Field(pattern=r"^_[a-z0-9]+$")
    required: bool


class MissingCode(StrictModel):
    code: int
    label: str = Field(min_length=1)
    kind: Literal["not_applicable", "no_answer"]


class Option(StrictModel):
    code: int
    label: str = Field(min_length=1)
    name: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")


class ResponseScale(StrictModel):
    """How answers to an item are coded: listed options (nominal/ordinal) or an integer range (numeric)."""

    id: str = Field(min_length=1)
    kind: Literal["nominal", "ordinal", "numeric"]
    options: list[Option] = Field(default_factory=list)
    min: int | None = None
    max: int | None = None
    anchors: dict[int, str] = Field(default_factory=dict)
    missing_codes: list[MissingCode] | None = None
    dont_know_code: int | None = None
    assumption: str | None = None
    lines: LineRange | None = None

    @model_validator(mode="after")
    def _shape(self) -> ResponseScale:
        problems: list[str] = []
        if self.kind == "numeric":
            if self.options:
                problems.append("options: en numerisk skala har min/max, ikke alternativer")
            if self.min is None or self.max is None or self.min >= self.max:
                problems.append(f"min/max: en numerisk skala trenger min < max, fant {self.min}/{self.max}")
            elif any(not self.min <= a <= self.max for a in self.anchors):
                problems.append(f"anchors: endepunktene {sorted(self.anchors)} ligger utenfor {self.min}–{self.max}")
        else:
            if len(self.options) < 2:
                problems.append("options: en kategorisk skala trenger minst to alternativer")
            dup = sorted(c for c, n in Counter(o.code for o in self.options).items() if n > 1)
            if dup:
                problems.append(f"options: samme kode står flere ganger: {dup}")
            if self.min is not None or self.max is not None or self.anchors:
                problems.append("min/max/anchors: brukes bare på numeriske skalaer")
        if self.dont_know_code is not None and self.dont_know_code not in self.valid_codes():
            problems.append(f"dont_know_code: {self.dont_know_code} er ikke en gyldig kode")
        if problems:
            raise ValueError("\n".join(f"response_scales ({self.id}): {p}" for p in problems))
        return self

    def valid_codes(self) -> set[int]:
        if self.kind == "numeric":
            return set(range(self.min or 0, (self.max or 0) + 1))
        return {o.code for o in self.options}

    def bounds(self) -> tuple[int, int]:
        codes = self.valid_codes()
        return min(codes), max(codes)

    def labels(self) -> dict[int, str]:
        """Value labels for an SPSS file: every option, or the labelled end points of a numeric scale."""
        return {o.code: o.label for o in self.options} if self.options else dict(self.anchors)

    def describe(self) -> str:
        if self.kind == "numeric":
            return f"{self.min}–{self.max}"
        return ", ".join(str(c) for c in sorted(self.valid_codes()))


class AskedIf(StrictModel):
    item: str
    codes: list[int] = Field(min_length=1)


class Part(StrictModel):
    id: PartId
    label: str
    asked_if: AskedIf | None = None
    header: str
    lines: LineRange


class PersonVariable(StrictModel):
    var: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    kind: Literal["id", "group", "background"]
    scale: str | None = None
    in_form: bool
    published_label: str | None = None
    assumption: str | None = None
    lines: LineRange | None = None


class SourceInstrument(StrictModel):
    id: str
    citation: str
    concept: str
    lines: LineRange


class Item(StrictModel):
    id: str = Field(pattern=r"^\d+$")
    var: str = Field(pattern=r"^q\d{2}$")
    text: str = Field(min_length=1)
    stem: str | None = None
    instruction: str | None = None
    statements: dict[Literal["A", "B"], str] | None = None
    part: PartId
    asked_if: AskedIf | None = None
    scale: str
    multiple: bool = False
    source_instrument: str
    lines: LineRange
    published_label: str | None = None
    note: str | None = None


class ScaleItem(StrictModel):
    item: str
    reverse: bool = False
    keyed_code: int | None = None


class PublishedRow(StrictModel):
    table: Literal["Tabell 3"]
    label: str
    range_label: str
    lines: LineRange


class Scale(StrictModel):
    """A score computed from items: their mean (optionally reversing some) or a count of keyed answers."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    subgroup: PartId
    method: Literal["mean", "count_keyed"]
    items: list[ScaleItem] = Field(min_length=1)
    min_valid: PositiveInt | None = None
    range: tuple[float, float]
    higher_means: str
    source_instrument: str
    assumptions: list[str] = Field(default_factory=list)
    published: PublishedRow | None = None

    @property
    def required_items(self) -> int:
        """How many items must be answered for a score; the project's default is all of them."""
        return self.min_valid or len(self.items)


class Assumption(StrictModel):
    id: str
    text: str = Field(min_length=1)
    lines: list[PositiveInt] = Field(default_factory=list)


class Inconsistency(StrictModel):
    id: str
    text: str = Field(min_length=1)
    lines: list[PositiveInt] = Field(min_length=1)


class ColumnSpec(StrictModel):
    """One expected column of a data file and what it holds."""

    name: str
    item: str | None = None
    timepoint: str | None = None
    option: int | None = None
    person_var: str | None = None
