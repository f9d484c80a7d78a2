"""Typed, validated view of the fidelity codebook (data/instruments/se_fidelity_no.yaml).

Scoring code reads every item, option and rule from the YAML file, so a mistake in that file would
silently change every score. The models below refuse anything that is not exactly the documented
structure (unknown keys, dangling references, impossible rules) and report each problem with the
file name and the item/field it concerns, so the file can be fixed in one pass.

The items and their scoring rules are modelled in :mod:`analysis.fidelity.rules`; this module holds the
codebook around them (scales, bands, time points, assumptions, the raw file format) and its cross-checks.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import Field, PositiveInt, model_validator

from analysis.core.errors import InputError, Problem
from analysis.core.paths import INSTRUMENTS
from analysis.core.validation import StrictModel, duplicate_problems, read_yaml_mapping, validate
from analysis.fidelity.rules import (
    SINGLE_OPTION_COUNT,
    CountScoring,
    Item,
    LineRange,
    PositionScoring,
    WorkedExample,
    worked_example_problems,
)

CODEBOOK_ID = "se_fidelity_no"
TIMEPOINT_IGNORED = r"[\s._\-/]+"
"""What does not count when a time point is matched: white space, dots, underscores, hyphens and slashes.

The self-assessment page applies the same pattern (it is exported with the codebook), so «12 MND», «12mnd»
and «12. mnd» mean the same in the browser as on the command line.
"""
_TIMEPOINT_IGNORED = re.compile(TIMEPOINT_IGNORED)


def timepoint_key(text: str) -> str:
    """The form a time point is compared in: lower case, without what ``TIMEPOINT_IGNORED`` matches."""
    return _TIMEPOINT_IGNORED.sub("", str(text).lower())


def _check_range(lines: LineRange, field: str) -> None:
    if lines[0] > lines[1]:
        raise ValueError(f"{field}: første linje ({lines[0]}) kommer etter siste linje ({lines[1]})")


class Source(StrictModel):
    document: str
    citation_key: str
    appendix: str
    lines: LineRange
    table: str
    table_lines: LineRange

    @model_validator(mode="after")
    def _ranges(self) -> Source:
        _check_range(self.lines, "lines")
        _check_range(self.table_lines, "table_lines")
        return self


class Timepoint(StrictModel):
    id: str = Field(min_length=1)
    label: str


class RawFormat(StrictModel):
    """How one respondent file is laid out: id columns first, then each item's ``columns`` in item order."""

    id_columns: list[str] = Field(min_length=1)
    single_values: list[int]
    multi_values: list[int]
    missing: Literal["blank"]
    note: str

    @model_validator(mode="after")
    def _values(self) -> RawFormat:
        if self.single_values != list(range(1, SINGLE_OPTION_COUNT + 1)):
            raise ValueError(f"single_values: må være 1–{SINGLE_OPTION_COUNT} (alternativets plassering)")
        if sorted(self.multi_values) != [0, 1]:
            raise ValueError("multi_values: må være [0, 1] (ikke krysset av / krysset av)")
        return self


class IdentityField(StrictModel):
    """The form's national-ID question: described so that loaders can drop it, never so it can be used."""

    column: str
    repeat_column: str | None = None
    prompt: str
    repeat_prompt: str | None = None
    digits: PositiveInt
    source_lines: LineRange
    allowed_in_output: Literal[False]
    note: str

    def columns(self) -> list[str]:
        return [c for c in (self.column, self.repeat_column) if c]


class Scale(StrictModel):
    n_items: PositiveInt
    max_score: PositiveInt
    source_lines: LineRange


class Band(StrictModel):
    """One printed category; ``min`` is the lower bound a total must reach, ``max`` the printed upper bound."""

    id: str
    label: str
    min: float = Field(ge=0)
    max: float
    printed: str
    line: PositiveInt


class BandRule(StrictModel):
    assumptions: list[str] = Field(min_length=1)


class TotalRule(StrictModel):
    rule: Literal["sum_of_item_means"]
    assumptions: list[str] = Field(min_length=1)


class InferredFields(StrictModel):
    fields: list[Literal["section", "original_item"]] = Field(min_length=1)
    assumptions: list[str] = Field(min_length=1)


class Assumption(StrictModel):
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    lines: list[PositiveInt] = Field(default_factory=list)


class Variant(StrictModel):
    id: str = Field(min_length=1)
    label: str
    assumptions: list[str] = Field(min_length=1)


class Inconsistency(StrictModel):
    id: str = Field(min_length=1)
    kind: Literal["count", "range", "duplicate", "gap", "ambiguity", "typo"]
    text: str = Field(min_length=1)
    lines: list[PositiveInt] = Field(min_length=1)


class FidelityCodebook(StrictModel):
    schema_version: Literal[1]
    id: Literal["se_fidelity_no"]
    title: str
    attribution: str = Field(min_length=1)
    source: Source
    respondent: str
    timepoints: list[Timepoint] = Field(min_length=1)
    raw_format: RawFormat
    identity_field: IdentityField
    scales: dict[str, Scale]
    bands: dict[str, list[Band]]
    band_rule: BandRule
    total: TotalRule
    inferred_fields: InferredFields
    assumptions: list[Assumption] = Field(min_length=1)
    variants: list[Variant] = Field(default_factory=list)
    inconsistencies: list[Inconsistency] = Field(default_factory=list)
    worked_examples: list[WorkedExample] = Field(default_factory=list)
    items: list[Item] = Field(min_length=1)

    @model_validator(mode="after")
    def _cross_references(self) -> FidelityCodebook:
        # One ValueError carries every problem, one per line; the loader turns each line into a Problem.
        problems = [
            *self._unique_problems(),
            *self._item_order_problems(),
            *self._band_problems(),
            *self._reference_problems(),
            *self._column_problems(),
            *self._example_problems(),
            *self._timepoint_problems(),
        ]
        if problems:
            raise ValueError("\n".join(problems))
        return self

    # -- validation helpers -------------------------------------------------------------------------
    def _unique_problems(self) -> list[str]:
        return duplicate_problems(
            (
                ("items.id", [i.id for i in self.items]),
                ("items.number", [i.number for i in self.items]),
                ("items.label", [i.label for i in self.items]),
                ("assumptions.id", [a.id for a in self.assumptions]),
                ("variants.id", [v.id for v in self.variants]),
                ("inconsistencies.id", [x.id for x in self.inconsistencies]),
                ("timepoints.id", [t.id for t in self.timepoints]),
            ),
            "samme verdi brukt mer enn én gang",
        )

    def _item_order_problems(self) -> list[str]:
        out = []
        numbers = [i.number for i in self.items]
        if numbers != list(range(1, len(numbers) + 1)):
            out.append(f"items: spørsmålene må stå i rekkefølge 1, 2, 3 …, fant {numbers}")
        if "modified" in self.scales and self.scales["modified"].n_items != len(self.items):
            out.append(
                f"scales.modified.n_items: {self.scales['modified'].n_items} stemmer ikke med "
                f"{len(self.items)} spørsmål i items"
            )
        return out

    def _band_problems(self) -> list[str]:
        out = []
        if "modified" not in self.scales:
            out.append("scales: mangler 'modified' (skalaen rapporten bruker)")
        if set(self.bands) != set(self.scales):
            out.append(f"bands: skalaene {sorted(self.bands)} stemmer ikke med scales {sorted(self.scales)}")
        for scheme, bands in self.bands.items():
            where = f"bands.{scheme}"
            if not bands:
                out.append(f"{where}: ingen kategorier")
                continue
            dup = sorted({b.id for b in bands if [x.id for x in bands].count(b.id) > 1})
            if dup:
                out.append(f"{where}.id: samme verdi brukt mer enn én gang: {', '.join(dup)}")
            for k, band in enumerate(bands):
                if band.min > band.max:
                    out.append(f"{where}[{k}] ({band.id}): min {band.min:g} er større enn max {band.max:g}")
                if k and not band.max < bands[k - 1].min:
                    out.append(
                        f"{where}[{k}] ({band.id}): kategoriene må stå synkende uten overlapp "
                        f"(max {band.max:g} må være under {bands[k - 1].id} sin min {bands[k - 1].min:g})"
                    )
            scale = self.scales.get(scheme)
            if scale is not None and bands[0].max != scale.max_score:
                out.append(
                    f"{where}[0] ({bands[0].id}): max {bands[0].max:g} stemmer ikke med max_score {scale.max_score}"
                )
            if bands[-1].min != 0:
                out.append(f"{where}[{len(bands) - 1}] ({bands[-1].id}): laveste kategori må ha min 0")
        return out

    def _reference_problems(self) -> list[str]:
        known = {a.id for a in self.assumptions}
        declared = {v.id for v in self.variants}
        refs: list[tuple[str, list[str]]] = [
            ("band_rule.assumptions", self.band_rule.assumptions),
            ("total.assumptions", self.total.assumptions),
            ("inferred_fields.assumptions", self.inferred_fields.assumptions),
            *((f"variants ({v.id}).assumptions", v.assumptions) for v in self.variants),
        ]
        out = []
        for k, item in enumerate(self.items):
            where = f"items[{k}] ({item.id}).scoring"
            if not item.scoring.assumptions:
                out.append(f"{where}.assumptions: hver skåringsregel må vise til minst én antakelse")
            refs.append((f"{where}.assumptions", item.scoring.assumptions))
            if isinstance(item.scoring, CountScoring):
                for name in item.scoring.variants:
                    if name not in declared:
                        out.append(f"{where}.variants: variant '{name}' er ikke deklarert i variants")
        for where, ids in refs:
            for ref in ids:
                if ref not in known:
                    out.append(f"{where}: ukjent antakelse '{ref}' (finnes ikke i assumptions)")
        return out

    def _column_problems(self) -> list[str]:
        cols = self.raw_columns() + self.identity_field.columns()
        dup = sorted({c for c, n in Counter(cols).items() if n > 1})
        return [f"columns: kolonnenavn brukt mer enn én gang: {', '.join(dup)}"] if dup else []

    def _example_problems(self) -> list[str]:
        return worked_example_problems(self.worked_examples, self.items, {v.id for v in self.variants})

    def _timepoint_problems(self) -> list[str]:
        """Two time points may not be spelled alike once case and spacing are ignored."""
        seen: dict[str, str] = {}
        out = []
        for tp in self.timepoints:
            for text in {tp.id, tp.label}:
                key = timepoint_key(text)
                if key in seen and seen[key] != tp.id:
                    out.append(f"timepoints: «{text}» ({tp.id}) kan ikke skilles fra {seen[key]}")
                seen[key] = tp.id
            if not timepoint_key(tp.id):
                out.append(f"timepoints: id «{tp.id}» består bare av tegn som ikke teller")
        return out

    # -- API ----------------------------------------------------------------------------------------
    def raw_columns(self) -> list[str]:
        """Columns of a respondent file in order: id columns, then every item's columns."""
        return [*self.raw_format.id_columns, *(c for item in self.items for c in item.columns)]

    def item_columns(self) -> list[str]:
        """Answer columns only (what scoring reads), in raw-file order."""
        return [c for item in self.items for c in item.columns]

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"ukjent spørsmål '{item_id}' i kodeboken {self.id}")

    def timepoint_keys(self) -> dict[str, str]:
        """Every accepted spelling of a time point (see :func:`timepoint_key`) and the id it stands for."""
        keys: dict[str, str] = {}
        for tp in self.timepoints:
            keys[timepoint_key(tp.id)] = tp.id
            keys[timepoint_key(tp.label)] = tp.id
        return keys

    def timepoint_id(self, text: str) -> str | None:
        """The id of the time point ``text`` names as an id or a label in any case and spacing, else None."""
        return self.timepoint_keys().get(timepoint_key(text))

    def timepoint_choices(self) -> str:
        """The allowed time points for a message, in codebook order: «Inklusjon, 3 mnd, … (ids: inklusjon, …)»."""
        labels = ", ".join(f"«{t.label}»" for t in self.timepoints)
        ids = ", ".join(t.id for t in self.timepoints)
        return f"{labels} (eller {ids}; store og små bokstaver og mellomrom spiller ingen rolle)"

    def timepoint_order(self) -> dict[str, int]:
        return {t.id: k for k, t in enumerate(self.timepoints)}

    def variant_ids(self) -> list[str]:
        return [v.id for v in self.variants]

    def check_variants(self, variants: Iterable[str]) -> list[str]:
        """Validate a user-chosen variant set; returns it as a list, raises InputError on unknown names."""
        chosen = list(variants)
        unknown = [v for v in chosen if v not in self.variant_ids()]
        if unknown:
            raise InputError(
                [
                    Problem(
                        file=f"{self.id}.yaml",
                        message=f"ukjent skåringsvariant '{v}' (kjente varianter: {', '.join(self.variant_ids())})",
                    )
                    for v in unknown
                ]
            )
        return chosen

    def scoring_for(self, item_id: str, variants: Iterable[str] = ()) -> PositionScoring | CountScoring:
        """The rule that scores ``item_id`` under a variant set (unknown variant names are an InputError)."""
        return self.item(item_id).resolved_scoring(self.check_variants(variants))

    def assumption(self, assumption_id: str) -> Assumption:
        for a in self.assumptions:
            if a.id == assumption_id:
                return a
        raise KeyError(f"ukjent antakelse '{assumption_id}'")

    def band_for(self, total: float, scheme: str = "modified") -> str:
        """Band id of a total: the highest band whose lower bound the total reaches (assumption band_lower_bound)."""
        if scheme not in self.bands:
            raise ValueError(f"ukjent skala '{scheme}' (kjente: {', '.join(self.bands)})")
        if total is None or not math.isfinite(total):
            raise ValueError(f"totalskåren må være et endelig tall, fikk {total!r}")
        top = self.scales[scheme].max_score
        if not 0 <= total <= top:
            raise ValueError(f"totalskåren {total:g} ligger utenfor 0–{top} for skalaen '{scheme}'")
        for band in self.bands[scheme]:
            if total >= band.min:
                return band.id
        raise AssertionError("unreachable: the lowest band starts at 0")  # pragma: no cover

    def band_label(self, band_id: str, scheme: str = "modified") -> str:
        for band in self.bands[scheme]:
            if band.id == band_id:
                return band.label
        raise KeyError(f"ukjent kategori '{band_id}' i skalaen '{scheme}'")


def load_fidelity_codebook(path: Path | None = None) -> FidelityCodebook:
    """Read and validate the fidelity codebook; every problem found becomes one line of an InputError."""
    raw, file = read_yaml_mapping(
        Path(path) if path is not None else INSTRUMENTS / f"{CODEBOOK_ID}.yaml", what="kodeboken"
    )
    return validate(FidelityCodebook, raw, file)
