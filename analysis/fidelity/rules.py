"""Items and their scoring rules in the fidelity codebook: what one answer is worth.

Scoring semantics the models encode (analysis.fidelity.scoring applies them):
- ``rule: position`` (single choice): score = the printed position 1..5 of the chosen option.
- ``rule: count`` (tick all that apply): score = number of counting *units* ticked, where a unit is one
  code of ``counted`` or one whole ``merge`` group (ticked if any of its codes is ticked), capped at
  ``max`` and raised to ``floor``.
- ``variants``: named partial overrides of a count rule; a variant set applies every named override an
  item defines. Two variants never override the same field of one item, so the order does not matter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Annotated, Literal

from pydantic import Field, PositiveInt, ValidationError, model_validator

from analysis.core.validation import StrictModel, duplicate_problems

SCORE_MIN = 0
SCORE_MAX = 5
"""Every item is worth at most five points: 19 items x 5 = the printed maximum of 95."""

SINGLE_OPTION_COUNT = 5

LineRange = tuple[PositiveInt, PositiveInt]
Section = Literal["staffing", "organisation", "services"]


class Option(StrictModel):
    code: PositiveInt
    text: str = Field(min_length=1)
    line: PositiveInt | None = None


class PositionScoring(StrictModel):
    """Single choice: the score is the chosen option's printed position (options run low to high fidelity)."""

    rule: Literal["position"]
    assumptions: list[str] = Field(default_factory=list)


class CountOverride(StrictModel):
    """The fields a named variant may replace in a count rule; unset fields keep the default."""

    counted: list[PositiveInt] | None = None
    merge: list[list[PositiveInt]] | None = None
    max: int | None = None
    floor: int | None = None

    def fields_set(self) -> set[str]:
        return {k for k in ("counted", "merge", "max", "floor") if getattr(self, k) is not None}


class CountScoring(StrictModel):
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


class Item(StrictModel):
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
                problems.append(
                    f"scoring.rule: et enkeltvalgspørsmål skåres med 'position', ikke '{self.scoring.rule}'"
                )
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


class WorkedExample(StrictModel):
    """An answer pattern with the score worked out by hand from Vedlegg 1: the scorer is tested against these.

    ``choice`` (a single-choice item's option code) or ``ticked`` (a tick-all item's ticked codes; every other
    option counts as answered and not ticked), ``variants`` the rule variants in force, ``lines`` the seed
    lines of the options used (and of the report's own statement of the score, where it gives one).
    """

    id: str = Field(min_length=1)
    item: str
    choice: PositiveInt | None = None
    ticked: list[PositiveInt] | None = None
    variants: list[str] = Field(default_factory=list)
    score: int = Field(ge=0)
    lines: list[PositiveInt] = Field(min_length=1)
    reasoning: str = Field(min_length=1)


def worked_example_problems(
    examples: Sequence[WorkedExample], items: Sequence[Item], variant_ids: set[str]
) -> list[str]:
    """What is wrong with the worked examples: unknown items, codes or variants, the wrong answer field."""
    by_id = {i.id: i for i in items}
    out = duplicate_problems((("worked_examples.id", [e.id for e in examples]),), "samme id to ganger")
    for k, example in enumerate(examples):
        where = f"worked_examples[{k}] ({example.id})"
        item = by_id.get(example.item)
        if item is None:
            out.append(f"{where}.item: ukjent spørsmål '{example.item}'")
            continue
        codes = {o.code for o in item.options}
        field, other = ("choice", "ticked") if item.type == "single" else ("ticked", "choice")
        if getattr(example, field) is None or getattr(example, other) is not None:
            out.append(f"{where}: et {item.type}-spørsmål trenger '{field}' (og ikke '{other}')")
        else:
            answer: list[int] = [example.choice] if example.choice is not None else list(example.ticked or [])
            if set(answer) - codes:
                out.append(f"{where}: kodene {sorted(set(answer) - codes)} finnes ikke i {item.id}")
        unknown = set(example.variants) - variant_ids
        if unknown:
            out.append(f"{where}.variants: ukjente varianter {sorted(unknown)}")
    return out
