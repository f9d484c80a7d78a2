"""Typed, validated view of the fidelity codebook (data/instruments/se_fidelity_no.yaml).

Scoring code reads every item, option and rule from the YAML file, so a mistake in that file would
silently change every score. The models below refuse anything that is not exactly the documented
structure (unknown keys, dangling references, impossible rules) and report each problem with the
file name and the item/field it concerns, so the file can be fixed in one pass.

Scoring semantics the models encode (the engine applies them; see ``CountScoring``):
- ``rule: position`` (single choice): score = the printed position 1..5 of the chosen option.
- ``rule: count`` (tick all that apply): score = number of counting *units* ticked, where a unit is one
  code of ``counted`` or one whole ``merge`` group (ticked if any of its codes is ticked), capped at
  ``max`` and raised to ``floor``.
- ``variants``: named partial overrides of a count rule; a variant set applies every named override an
  item defines. Two variants never override the same field of one item, so the order does not matter.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PositiveInt, ValidationError, model_validator

from analysis.core.errors import InputError, Problem
from analysis.core.paths import INSTRUMENTS, rel

FIDELITY_CODEBOOK = "se_fidelity_no"
QUESTIONNAIRE_CODEBOOK = "jobbmestring_no"

SCORE_MIN = 0
SCORE_MAX = 5
"""Every item is worth at most five points: 19 items x 5 = the printed maximum of 95."""

SINGLE_OPTION_COUNT = 5

LineRange = tuple[PositiveInt, PositiveInt]
Section = Literal["staffing", "organisation", "services"]


class _Strict(BaseModel):
    """Base for every codebook node: unknown keys are errors, so a typo cannot hide a rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_range(lines: LineRange, field: str) -> None:
    if lines[0] > lines[1]:
        raise ValueError(f"{field}: første linje ({lines[0]}) kommer etter siste linje ({lines[1]})")


class Source(_Strict):
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


class Timepoint(_Strict):
    id: str = Field(min_length=1)
    label: str


class RawFormat(_Strict):
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


class IdentityField(_Strict):
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


class Scale(_Strict):
    n_items: PositiveInt
    max_score: PositiveInt
    source_lines: LineRange


class Band(_Strict):
    """One printed category; ``min`` is the lower bound a total must reach, ``max`` the printed upper bound."""

    id: str
    label: str
    min: float = Field(ge=0)
    max: float
    printed: str
    line: PositiveInt


class BandRule(_Strict):
    assumptions: list[str] = Field(min_length=1)


class TotalRule(_Strict):
    rule: Literal["sum_of_item_means"]
    assumptions: list[str] = Field(min_length=1)


class InferredFields(_Strict):
    fields: list[Literal["section", "original_item"]] = Field(min_length=1)
    assumptions: list[str] = Field(min_length=1)


class Assumption(_Strict):
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    lines: list[PositiveInt] = Field(default_factory=list)


class Variant(_Strict):
    id: str = Field(min_length=1)
    label: str
    assumptions: list[str] = Field(min_length=1)


class Inconsistency(_Strict):
    id: str = Field(min_length=1)
    kind: Literal["count", "range", "duplicate", "gap", "ambiguity", "typo"]
    text: str = Field(min_length=1)
    lines: list[PositiveInt] = Field(min_length=1)


class Option(_Strict):
    code: PositiveInt
    text: str = Field(min_length=1)
    line: PositiveInt | None = None


class PositionScoring(_Strict):
    """Single choice: the score is the chosen option's printed position (options run low to high fidelity)."""

    rule: Literal["position"]
    assumptions: list[str] = Field(default_factory=list)


class CountOverride(_Strict):
    """The fields a named variant may replace in a count rule; unset fields keep the default."""

    counted: list[PositiveInt] | None = None
    merge: list[list[PositiveInt]] | None = None
    max: int | None = None
    floor: int | None = None

    def fields_set(self) -> set[str]:
        return {k for k in ("counted", "merge", "max", "floor") if getattr(self, k) is not None}


class CountScoring(_Strict):
    """Tick all that apply: count ticked units (``counted`` codes, ``merge`` groups once), clamp to [floor, max]."""

    rule: Literal["count"]
    counted: list[PositiveInt] = Field(min_length=1)
    merge: list[list[PositiveInt]] = Field(default_factory=list)
    max: int
    floor: int = 0
    assumptions: list[str] = Field(default_factory=list)
    variants: dict[str, CountOverride] = Field(default_factory=dict)

    def units(self) -> list[tuple[int, ...]]:
        """Counting units in option order: each merge group once, every other counted code alone."""
        grouped = {code: tuple(sorted(group)) for group in self.merge for code in group}
        seen: list[tuple[int, ...]] = []
        for code in self.counted:
            unit = grouped.get(code, (code,))
            if unit not in seen:
                seen.append(unit)
        return seen

    def with_overrides(self, overrides: Sequence[CountOverride]) -> CountScoring:
        """The rule with the given overrides applied; the result carries no variants of its own."""
        data = self.model_dump(exclude={"variants"})
        for override in overrides:
            data.update({k: getattr(override, k) for k in override.fields_set()})
        return CountScoring.model_validate(data)

    def problems(self, codes: set[int]) -> list[str]:
        """What is wrong with this rule for an item whose options have ``codes`` (empty list = fine)."""
        out: list[str] = []
        unknown = sorted(set(self.counted) - codes)
        if unknown:
            out.append(f"counted: viser til alternativ som ikke finnes: {unknown} (finnes: {sorted(codes)})")
        dup = sorted(c for c, n in Counter(self.counted).items() if n > 1)
        if dup:
            out.append(f"counted: samme kode står flere ganger: {dup}")
        merged: list[int] = []
        for group in self.merge:
            if len(set(group)) < 2:
                out.append(f"merge: en gruppe må slå sammen minst to ulike koder, fant {group}")
            missing = sorted(set(group) - codes)
            if missing:
                out.append(f"merge: viser til alternativ som ikke finnes: {missing}")
            outside = sorted(set(group) & (codes - set(self.counted)))
            if outside:
                out.append(f"merge: kode {outside} slås sammen, men telles ikke (mangler i counted)")
            merged.extend(set(group))
        again = sorted(c for c, n in Counter(merged).items() if n > 1)
        if again:
            out.append(f"merge: kode {again} står i mer enn én gruppe")
        n_units = len(self.units())
        if not 1 <= self.max <= SCORE_MAX:
            out.append(f"max: må være mellom 1 og {SCORE_MAX}, fant {self.max}")
        elif self.max > n_units:
            out.append(f"max: {self.max} kan ikke nås med {n_units} tellende enheter")
        if not SCORE_MIN <= self.floor <= min(self.max, 1):
            out.append(f"floor: må være 0 eller 1 og ikke over max, fant {self.floor}")
        return out


Scoring = Annotated[PositionScoring | CountScoring, Field(discriminator="rule")]


class Item(_Strict):
    number: PositiveInt
    id: str = Field(pattern=r"^q\d{2}$")
    label: str = Field(min_length=1)
    label_printed: str = Field(min_length=1)
    table_line: PositiveInt
    wording: str = Field(min_length=1)
    instruction: str | None = None
    type: Literal["single", "multi"]
    section: Section
    original_item: str
    source_lines: LineRange
    options: list[Option] = Field(min_length=1)
    columns: list[str] = Field(min_length=1)
    scoring: Scoring

    @model_validator(mode="after")
    def _consistent(self) -> Item:
        problems: list[str] = []
        if self.id != f"q{self.number:02d}":
            problems.append(f"id: '{self.id}' stemmer ikke med number {self.number} (ventet 'q{self.number:02d}')")
        if self.source_lines[0] > self.source_lines[1]:
            problems.append("source_lines: første linje kommer etter siste linje")
        codes = [o.code for o in self.options]
        if codes != list(range(1, len(codes) + 1)):
            problems.append(f"options: kodene må være fortløpende fra 1 i trykt rekkefølge, fant {codes}")
        expected: list[str]
        if self.type == "single":
            expected = [self.id]
            if len(self.options) != SINGLE_OPTION_COUNT:
                problems.append(
                    f"options: et enkeltvalgspørsmål må ha nøyaktig {SINGLE_OPTION_COUNT} alternativer, "
                    f"fant {len(self.options)}"
                )
            if not isinstance(self.scoring, PositionScoring):
                problems.append(f"scoring.rule: et enkeltvalgspørsmål skåres med 'position', ikke '{self.scoring.rule}'")
        else:
            expected = [f"{self.id}_{code}" for code in codes]
            if len(self.options) < 2:
                problems.append("options: et avkrysningsspørsmål må ha minst to alternativer")
            if not isinstance(self.scoring, CountScoring):
                problems.append(f"scoring.rule: et avkrysningsspørsmål skåres med 'count', ikke '{self.scoring.rule}'")
            else:
                problems.extend(self._count_problems(set(codes)))
        if self.columns != expected:
            problems.append(f"columns: ventet {expected} for type '{self.type}', fant {self.columns}")
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def _count_problems(self, codes: set[int]) -> list[str]:
        assert isinstance(self.scoring, CountScoring)
        base = self.scoring.problems(codes)
        out = [f"scoring.{p}" for p in base]
        touched = Counter(f for o in self.scoring.variants.values() for f in o.fields_set())
        for field, n in sorted(touched.items()):
            if n > 1:
                out.append(f"scoring.variants: {n} varianter endrer '{field}'; da ville rekkefølgen avgjort skåren")
        for name, override in self.scoring.variants.items():
            if not override.fields_set():
                out.append(f"scoring.variants.{name}: varianten endrer ingenting")
                continue
            try:
                rule = self.scoring.with_overrides([override])
            except ValidationError as exc:
                out.append(f"scoring.variants.{name}: {exc.errors()[0]['msg']}")
                continue
            # A problem the default rule already has is reported once, not again for every variant.
            out.extend(f"scoring.variants.{name}.{p}" for p in rule.problems(codes) if p not in base)
        return out

    def score_range(self, variants: Iterable[str] = ()) -> tuple[int, int]:
        """Lowest and highest score the item can get under the given variant set."""
        rule = self.resolved_scoring(variants)
        if isinstance(rule, PositionScoring):
            return 1, len(self.options)
        return rule.floor, rule.max

    def resolved_scoring(self, variants: Iterable[str] = ()) -> PositionScoring | CountScoring:
        """The item's rule after applying every named variant it defines.

        Names the item does not define are skipped here (they concern other items); use
        ``FidelityCodebook.scoring_for`` to reject names that no item knows.
        """
        if isinstance(self.scoring, PositionScoring):
            return self.scoring
        return self.scoring.with_overrides([self.scoring.variants[v] for v in variants if v in self.scoring.variants])


class FidelityCodebook(_Strict):
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
        ]
        if problems:
            raise ValueError("\n".join(problems))
        return self

    # -- validation helpers -------------------------------------------------------------------------
    def _unique_problems(self) -> list[str]:
        return duplicate_problems((
            ("items.id", [i.id for i in self.items]),
            ("items.number", [i.number for i in self.items]),
            ("items.label", [i.label for i in self.items]),
            ("assumptions.id", [a.id for a in self.assumptions]),
            ("variants.id", [v.id for v in self.variants]),
            ("inconsistencies.id", [x.id for x in self.inconsistencies]),
            ("timepoints.id", [t.id for t in self.timepoints]),
        ), "samme verdi brukt mer enn én gang")

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
                out.append(f"{where}[0] ({bands[0].id}): max {bands[0].max:g} stemmer ikke med max_score {scale.max_score}")
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

    def variant_ids(self) -> list[str]:
        return [v.id for v in self.variants]

    def check_variants(self, variants: Iterable[str]) -> list[str]:
        """Validate a user-chosen variant set; returns it as a list, raises InputError on unknown names."""
        chosen = list(variants)
        unknown = [v for v in chosen if v not in self.variant_ids()]
        if unknown:
            raise InputError([
                Problem(
                    file=f"{self.id}.yaml",
                    message=f"ukjent skåringsvariant '{v}' (kjente varianter: {', '.join(self.variant_ids())})",
                )
                for v in unknown
            ])
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


# -- loading ----------------------------------------------------------------------------------------
def duplicate_problems(groups: Iterable[tuple[str, Sequence[Any]]], message: str) -> list[str]:
    """One line per field whose values repeat (ids, numbers, labels), shared by both codebook models."""
    out = []
    for field, values in groups:
        dup = sorted({str(x) for x, n in Counter(values).items() if n > 1})
        if dup:
            out.append(f"{field}: {message}: {', '.join(dup)}")
    return out



def _describe_loc(loc: Sequence[Any], raw: Any) -> str:
    """Readable location, e.g. ``items[3] (q04).options``, walking the raw YAML to name list entries by id."""
    parts: list[str] = []
    node = raw
    for key in loc:
        if isinstance(key, int):
            label = f"[{key}]"
            if isinstance(node, list) and 0 <= key < len(node):
                node = node[key]
                if isinstance(node, dict) and "id" in node:
                    label += f" ({node['id']})"
            else:
                node = None
            if parts:
                parts[-1] += label
            else:
                parts.append(label)
            continue
        if isinstance(node, dict) and key not in node and node.get("rule") == key:
            continue  # pydantic's discriminator tag, not a key in the file
        parts.append(str(key))
        node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts)


_MESSAGES = {
    "extra_forbidden": "ukjent nøkkel (ikke en del av kodebokformatet)",
    "missing": "mangler",
    "int_type": "må være et heltall",
    "int_parsing": "må være et heltall",
    "int_from_float": "må være et heltall",
    "string_type": "må være tekst",
    "list_type": "må være en liste",
    "dict_type": "må være en tabell (nøkkel: verdi)",
    "greater_than": "må være større enn 0",
    "greater_than_equal": "kan ikke være negativ",
    "too_short": "er tom eller for kort",
}


def _message(error: Any) -> str:
    kind = error["type"]
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind == "literal_error":
        return f"ugyldig verdi {error['input']!r}; tillatt: {error['ctx']['expected']}"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return "rule må være 'position' (enkeltvalg) eller 'count' (avkrysning)"
    if kind == "string_pattern_mismatch":
        return f"{error['input']!r} har feil form (ventet mønster {error['ctx']['pattern']})"
    return _MESSAGES.get(kind, str(error["msg"]))


def problems_from(exc: ValidationError, raw: Any, file: str) -> list[Problem]:
    problems: list[Problem] = []
    for error in exc.errors():
        where = _describe_loc(error["loc"], raw)
        for line in _message(error).splitlines():
            # Our own checks start each line with the field they concern: join it to the location with a dot.
            # Codebook-level lines (empty location) already name their own item and field.
            sep = "." if error["type"] == "value_error" else ": "
            problems.append(Problem(file=file, message=f"{where}{sep}{line}" if where else line))
    return problems


def read_yaml(path: Path) -> tuple[Any, str]:
    file = rel(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError([Problem(file=file, message="fant ikke kodebokfilen")]) from None
    except UnicodeDecodeError as exc:
        raise InputError([Problem(file=file, message=f"filen er ikke UTF-8 ({exc.reason})")]) from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (linje {mark.line + 1})" if mark is not None else ""
        raise InputError([Problem(file=file, message=f"ugyldig YAML{where}: {getattr(exc, 'problem', exc)}")]) from None
    if not isinstance(raw, dict):
        raise InputError([Problem(file=file, message="kodeboken må være en YAML-tabell med nøkler øverst")])
    return raw, file


def load_fidelity_codebook(path: Path | None = None) -> FidelityCodebook:
    """Read and validate the fidelity codebook; every problem found becomes one line of an InputError."""
    path = Path(path) if path is not None else INSTRUMENTS / f"{FIDELITY_CODEBOOK}.yaml"
    raw, file = read_yaml(path)
    try:
        return FidelityCodebook.model_validate(raw)
    except ValidationError as exc:
        raise InputError(problems_from(exc, raw, file)) from None


def load_codebook(name: str) -> Any:
    """Load a codebook by name; the questionnaire codebook lives in its own module, imported only when asked for."""
    if name == FIDELITY_CODEBOOK:
        return load_fidelity_codebook()
    if name == QUESTIONNAIRE_CODEBOOK:
        from analysis.questionnaire.codebook import load_questionnaire_codebook

        return load_questionnaire_codebook()
    raise InputError([
        Problem(
            file=f"{name}.yaml",
            message=f"ukjent kodebok '{name}' (kjente: {FIDELITY_CODEBOOK}, {QUESTIONNAIRE_CODEBOOK})",
        )
    ])
