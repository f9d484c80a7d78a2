"""Typed, validated view of the candidate questionnaire codebook (data/instruments/jobbmestring_no.yaml).

Every column name, valid code, missing code, routing rule and scale recipe the questionnaire pipeline
uses comes from that file. A typo there would silently change which answers count, so the models refuse
unknown keys and dangling references and report each problem with the file and the field it concerns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from analysis.core.paths import INSTRUMENTS
from analysis.core.validation import StrictModel, duplicate_problems, read_yaml_mapping, validate
from analysis.questionnaire.form import (
    SPSS_NAME_MAX,
    AskedIf,
    Assumption,
    ColumnSpec,
    Inconsistency,
    Item,
    MissingCode,
    Option,
    Part,
    PersonVariable,
    ResponseScale,
    Scale,
    Source,
    SourceInstrument,
    Timepoint,
)

CODEBOOK_ID = "jobbmestring_no"


class QuestionnaireCodebook(StrictModel):
    schema_version: Literal[1]
    id: Literal["jobbmestring_no"]
    title: str
    subtitle: str
    attribution: str = Field(min_length=1)
    source: Source
    id_variable: str
    group_variable: str
    routing_item: str
    layout_assumption: str
    timepoints: list[Timepoint] = Field(min_length=1)
    missing_codes: list[MissingCode] = Field(min_length=1)
    missing_codes_assumption: str
    parts: list[Part] = Field(min_length=1)
    response_scales: list[ResponseScale] = Field(min_length=1)
    person_variables: list[PersonVariable] = Field(min_length=1)
    source_instruments: list[SourceInstrument] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)
    scales: list[Scale] = Field(default_factory=list)
    assumptions: list[Assumption] = Field(default_factory=list)
    inconsistencies: list[Inconsistency] = Field(default_factory=list)

    @model_validator(mode="after")
    def _cross_references(self) -> QuestionnaireCodebook:
        problems = [
            *self._unique_problems(),
            *self._reference_problems(),
            *self._missing_code_problems(),
            *self._scale_problems(),
            *self._column_problems(),
        ]
        if problems:
            raise ValueError("\n".join(problems))
        return self

    # -- lookups -------------------------------------------------------------------------------------
    def item(self, item_id: str) -> Item:
        return self._items[item_id]

    def response_scale(self, scale_id: str) -> ResponseScale:
        return self._response_scales[scale_id]

    def item_scale(self, item_id: str) -> ResponseScale:
        return self._response_scales[self._items[item_id].scale]

    def part(self, part_id: str) -> Part:
        for part in self.parts:
            if part.id == part_id:
                return part
        raise KeyError(f"ukjent del «{part_id}» i kodeboken {self.id}")

    def scale(self, scale_id: str) -> Scale:
        return {s.id: s for s in self.scales}[scale_id]

    def timepoint(self, tp_id: str) -> Timepoint:
        return {t.id: t for t in self.timepoints}[tp_id]

    def missing_for(self, scale: ResponseScale) -> list[MissingCode]:
        return list(scale.missing_codes) if scale.missing_codes is not None else list(self.missing_codes)

    def missing_code(self, scale: ResponseScale, kind: str) -> int:
        return next(m.code for m in self.missing_for(scale) if m.kind == kind)

    def group_options(self) -> list[Option]:
        var = next(p for p in self.person_variables if p.var == self.group_variable)
        assert var.scale is not None
        return self._response_scales[var.scale].options

    def group_names(self) -> list[str]:
        """The comparison groups' names in codebook order (every group option carries one; checked on load)."""
        return [o.name for o in self.group_options() if o.name]

    def item_columns(self, item: Item, timepoint: Timepoint) -> list[ColumnSpec]:
        if item.multiple:
            return [
                ColumnSpec(
                    name=f"{item.var}_{o.code:02d}{timepoint.suffix}",
                    item=item.id,
                    timepoint=timepoint.id,
                    option=o.code,
                )
                for o in self._response_scales[item.scale].options
            ]
        return [ColumnSpec(name=f"{item.var}{timepoint.suffix}", item=item.id, timepoint=timepoint.id)]

    def columns(self) -> list[ColumnSpec]:
        """Every column of a complete file, in file order: person variables, then items per time point."""
        out = [ColumnSpec(name=p.var, person_var=p.var) for p in self.person_variables]
        for tp in self.timepoints:
            for item in self.items:
                out.extend(self.item_columns(item, tp))
        return out

    def asked(self, item_id: str, answers: Mapping[str, float | None]) -> bool | None:
        """Whether the form routes a respondent to an item, given their answers at the same time point.

        ``answers`` maps item ids to valid codes (None or NaN when missing). None means the deciding
        answer is missing, so routing cannot be judged.
        """
        item = self._items[item_id]
        for cond in (self.part(item.part).asked_if, item.asked_if):
            if cond is None:
                continue
            value = answers.get(cond.item)
            if value is None or value != value:
                return None
            if int(value) not in cond.codes:
                return False
        return True

    def column(self, item_id: str, tp_id: str) -> str:
        """Column name of a single-column item at a time point."""
        specs = self.item_columns(self._items[item_id], self.timepoint(tp_id))
        if len(specs) != 1:
            raise ValueError(f"item {item_id} has {len(specs)} columns; ask item_columns() instead")
        return specs[0].name

    @cached_property
    def _items(self) -> dict[str, Item]:
        return {i.id: i for i in self.items}

    @cached_property
    def _response_scales(self) -> dict[str, ResponseScale]:
        return {s.id: s for s in self.response_scales}

    # -- validation helpers --------------------------------------------------------------------------
    def _unique_problems(self) -> list[str]:
        return duplicate_problems(
            (
                ("items", [i.id for i in self.items]),
                ("items (var)", [i.var for i in self.items]),
                ("scales", [s.id for s in self.scales]),
                ("parts", [p.id for p in self.parts]),
                ("response_scales", [s.id for s in self.response_scales]),
                ("timepoints", [t.id for t in self.timepoints]),
                ("timepoints (suffix)", [t.suffix for t in self.timepoints]),
                ("person_variables", [p.var for p in self.person_variables]),
                ("source_instruments", [s.id for s in self.source_instruments]),
                ("assumptions", [a.id for a in self.assumptions]),
                ("inconsistencies", [x.id for x in self.inconsistencies]),
            ),
            "samme id står flere ganger",
        )

    def _reference_problems(self) -> list[str]:
        out: list[str] = []
        scales = {s.id for s in self.response_scales}
        instruments = {s.id for s in self.source_instruments}
        assumptions = {a.id for a in self.assumptions}
        person = {p.var: p for p in self.person_variables}
        parts = {p.id for p in self.parts}

        def known_assumption(where: str, ref: str | None) -> None:
            if ref is not None and ref not in assumptions:
                out.append(f"{where}: antakelsen '{ref}' finnes ikke under assumptions")

        known_assumption("layout_assumption", self.layout_assumption)
        known_assumption("missing_codes_assumption", self.missing_codes_assumption)
        for s in self.response_scales:
            known_assumption(f"response_scales ({s.id}).assumption", s.assumption)
        if missing := sorted({"alle", "i_arbeid", "ikke_i_arbeid"} - parts):
            out.append(f"parts: mangler {missing}")
        for var, kind in ((self.id_variable, "id"), (self.group_variable, "group")):
            if var not in person or person[var].kind != kind:
                out.append(
                    f"{'id' if kind == 'id' else 'group'}_variable: '{var}' må være en person_variable av typen {kind}"
                )
        for p in self.person_variables:
            if p.scale is not None and p.scale not in scales:
                out.append(f"person_variables ({p.var}).scale: svarskalaen '{p.scale}' finnes ikke")
            if p.kind != "id" and p.scale is None:
                out.append(f"person_variables ({p.var}).scale: mangler")
            known_assumption(f"person_variables ({p.var}).assumption", p.assumption)
        group = person.get(self.group_variable)
        if group and group.scale in scales:
            opts = next(s for s in self.response_scales if s.id == group.scale).options
            if any(o.name is None for o in opts):
                out.append(f"response_scales ({group.scale}): hver gruppe trenger et maskinnavn (name)")
        for item in self.items:
            where = f"items ({item.id})"
            if item.scale not in scales:
                out.append(f"{where}.scale: svarskalaen '{item.scale}' finnes ikke")
            if item.source_instrument not in instruments:
                out.append(
                    f"{where}.source_instrument: '{item.source_instrument}' finnes ikke under source_instruments"
                )
            if item.var != f"q{int(item.id):02d}":
                out.append(f"{where}.var: '{item.var}' stemmer ikke med id (ventet 'q{int(item.id):02d}')")
            if item.multiple and item.scale in scales and self.item_scale(item.id).kind == "numeric":
                out.append(f"{where}.multiple: et flervalg trenger alternativer, ikke en numerisk skala")
            if item.asked_if is not None:
                out.extend(self._asked_if_problems(f"{where}.asked_if", item.asked_if))
        for part in self.parts:
            if part.asked_if is not None:
                out.extend(self._asked_if_problems(f"parts ({part.id}).asked_if", part.asked_if))
                if part.asked_if.item != self.routing_item:
                    out.append(f"parts ({part.id}).asked_if: rutingen må bruke routing_item '{self.routing_item}'")
        if self.routing_item not in self._items:
            out.append(f"routing_item: spørsmål '{self.routing_item}' finnes ikke")
        elif self._items[self.routing_item].part != "alle":
            out.append("routing_item: rutingsspørsmålet må stilles til alle")
        return out

    def _asked_if_problems(self, where: str, cond: AskedIf) -> list[str]:
        if cond.item not in self._items:
            return [f"{where}.item: spørsmål '{cond.item}' finnes ikke"]
        target = self._items[cond.item]
        if target.multiple or target.scale not in self._response_scales:
            return [f"{where}.item: spørsmål '{cond.item}' kan ikke styre ruting"]
        bad = sorted(set(cond.codes) - self.item_scale(cond.item).valid_codes())
        return [f"{where}.codes: {bad} er ikke gyldige koder for spørsmål {cond.item}"] if bad else []

    def _missing_code_problems(self) -> list[str]:
        out: list[str] = []
        for scale in self.response_scales:
            missing = self.missing_for(scale)
            codes = [m.code for m in missing]
            kinds = sorted(m.kind for m in missing)
            if kinds != ["no_answer", "not_applicable"]:
                out.append(
                    f"response_scales ({scale.id}): trenger nøyaktig én kode for hver av not_applicable og no_answer"
                )
            clash = sorted(set(codes) & scale.valid_codes())
            if clash:
                out.append(f"response_scales ({scale.id}): kode {clash} er både gyldig svar og manglende-kode")
        return out

    def _scale_problems(self) -> list[str]:
        out: list[str] = []
        assumptions = {a.id for a in self.assumptions}
        instruments = {s.id for s in self.source_instruments}
        for scale in self.scales:
            where = f"scales ({scale.id})"
            if scale.source_instrument not in instruments:
                out.append(f"{where}.source_instrument: '{scale.source_instrument}' finnes ikke")
            for ref in scale.assumptions:
                if ref not in assumptions:
                    out.append(f"{where}.assumptions: '{ref}' finnes ikke under assumptions")
            if scale.required_items > len(scale.items):
                out.append(
                    f"{where}.min_valid: {scale.required_items} er flere enn skalaens {len(scale.items)} spørsmål"
                )
            ids = [s.item for s in scale.items]
            if dup := sorted({i for i, n in Counter(ids).items() if n > 1}):
                out.append(f"{where}.items: samme spørsmål flere ganger: {dup}")
            unknown = [i for i in ids if i not in self._items]
            if unknown:
                out.append(f"{where}.items: spørsmål {unknown} finnes ikke")
                continue
            out.extend(self._scale_item_problems(scale, where))
        return out

    def _scale_item_problems(self, scale: Scale, where: str) -> list[str]:
        out: list[str] = []
        bounds = set()
        for ref in scale.items:
            item = self._items[ref.item]
            rs = self.item_scale(ref.item)
            if item.part != scale.subgroup:
                out.append(
                    f"{where}.items ({ref.item}): spørsmålet hører til del '{item.part}', "
                    f"skalaen til '{scale.subgroup}'"
                )
            if item.multiple:
                out.append(f"{where}.items ({ref.item}): et flervalg kan ikke inngå i en skala")
            if scale.method == "mean":
                if ref.keyed_code is not None:
                    out.append(f"{where}.items ({ref.item}).keyed_code: brukes bare med method count_keyed")
                if rs.kind == "nominal":
                    out.append(f"{where}.items ({ref.item}): et nominelt spørsmål kan ikke gjennomsnittberegnes")
                bounds.add(rs.bounds())
            else:
                if ref.keyed_code is None or ref.keyed_code not in rs.valid_codes():
                    out.append(f"{where}.items ({ref.item}).keyed_code: må være en gyldig kode ({rs.describe()})")
                if ref.reverse:
                    out.append(f"{where}.items ({ref.item}).reverse: snuing gir ikke mening i en telleskala")
        if scale.method == "mean" and len(bounds) == 1:
            lo, hi = bounds.pop()
            if tuple(scale.range) != (lo, hi):
                out.append(f"{where}.range: {list(scale.range)} stemmer ikke med spørsmålenes skala {lo}–{hi}")
        elif scale.method == "mean" and len(bounds) > 1:
            out.append(f"{where}.items: spørsmålene har ulike skalaer {sorted(bounds)}")
        elif scale.method == "count_keyed" and tuple(scale.range) != (0, len(scale.items)):
            out.append(f"{where}.range: en telleskala med {len(scale.items)} spørsmål går fra 0 til {len(scale.items)}")
        return out

    def _column_problems(self) -> list[str]:
        if any(i.scale not in self._response_scales for i in self.items):
            return []  # already reported; columns of multi-response items cannot be listed
        names = [c.name for c in self.columns()]
        out = []
        if dup := sorted({n for n, k in Counter(names).items() if k > 1}):
            out.append(f"kolonnenavn forekommer flere ganger: {dup}")
        if long := [n for n in names if len(n.encode("utf-8")) > SPSS_NAME_MAX]:
            out.append(f"kolonnenavn lengre enn {SPSS_NAME_MAX} byte (SPSS godtar dem ikke): {long}")
        return out


def load_questionnaire_codebook(path: Path | str | None = None) -> QuestionnaireCodebook:
    """Read and validate the questionnaire codebook; every problem found becomes one line of an InputError."""
    raw, file = read_yaml_mapping(
        Path(path) if path is not None else INSTRUMENTS / f"{CODEBOOK_ID}.yaml", what="kodeboken"
    )
    return validate(QuestionnaireCodebook, raw, file)
