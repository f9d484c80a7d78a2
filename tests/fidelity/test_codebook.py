"""The fidelity codebook: the real file loads and matches its source; broken copies are refused clearly."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from analysis.core.errors import InputError
from analysis.core.paths import INSTRUMENTS
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.rules import CountScoring, PositionScoring

CODEBOOK_PATH = INSTRUMENTS / "se_fidelity_no.yaml"


@pytest.fixture(scope="module")
def codebook() -> FidelityCodebook:
    return load_fidelity_codebook()


@pytest.fixture()
def raw() -> dict[str, Any]:
    """A fresh, mutable copy of the real codebook for building broken variants."""
    return copy.deepcopy(yaml.safe_load(CODEBOOK_PATH.read_text(encoding="utf-8")))


@pytest.fixture()
def problems_of(tmp_path: Path) -> Callable[[dict[str, Any]], list[str]]:
    """Write a codebook to tmp_path, load it, and return the problem lines it was rejected with."""

    def run(data: dict[str, Any]) -> list[str]:
        path = tmp_path / "broken_codebook.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        with pytest.raises(InputError) as info:
            load_fidelity_codebook(path)
        lines = str(info.value).splitlines()
        assert lines, "InputError without problems"
        for line in lines:
            assert "broken_codebook.yaml" in line
            assert "pydantic" not in line.lower() and "Traceback" not in line
        return lines

    return run


def _item(data: dict[str, Any], item_id: str) -> dict[str, Any]:
    return next(i for i in data["items"] if i["id"] == item_id)


# -- the real codebook --------------------------------------------------------------------------------
def test_real_codebook_loads_with_19_items(codebook: FidelityCodebook) -> None:
    assert [i.id for i in codebook.items] == [f"q{n:02d}" for n in range(1, 20)]
    assert {i.id for i in codebook.items if i.type == "multi"} == {"q03", "q07", "q08", "q19"}
    assert codebook.scales["modified"].max_score == 95
    assert codebook.scales["original"].max_score == 125


def test_raw_columns_follow_the_documented_answer_format(codebook: FidelityCodebook) -> None:
    expected = (
        ["respondent_id", "team", "timepoint", "q01", "q02"]
        + [f"q03_{k}" for k in range(1, 7)]
        + ["q04", "q05", "q06"]
        + [f"q07_{k}" for k in range(1, 6)]
        + [f"q08_{k}" for k in range(1, 6)]
        + [f"q{n:02d}" for n in range(9, 19)]
        + [f"q19_{k}" for k in range(1, 6)]
    )
    assert codebook.raw_columns() == expected


def test_identity_field_is_described_but_never_an_answer_column(codebook: FidelityCodebook) -> None:
    ident = codebook.identity_field
    assert ident.column == "personnummer"
    assert ident.digits == 11
    assert ident.allowed_in_output is False
    assert not set(ident.columns()) & set(codebook.raw_columns())


def test_default_scoring_rules(codebook: FidelityCodebook) -> None:
    for item in codebook.items:
        if item.type == "single":
            assert isinstance(item.scoring, PositionScoring)
            assert item.score_range() == (1, 5)
    q03 = codebook.scoring_for("q03")
    assert isinstance(q03, CountScoring)
    assert q03.counted == [2, 3, 4, 5, 6] and q03.max == 5 and q03.floor == 0
    q19 = codebook.scoring_for("q19")
    assert isinstance(q19, CountScoring)
    assert q19.units() == [(1,), (2,), (3,), (4, 5)]
    assert codebook.item("q19").score_range() == (0, 4)
    for item_id in ("q07", "q08"):
        rule = codebook.scoring_for(item_id)
        assert isinstance(rule, CountScoring) and rule.counted == [1, 2, 3, 4, 5] and rule.merge == []


def test_variants_compose_into_rules(codebook: FidelityCodebook) -> None:
    everything = ["all_six_capped", "count_duplicates", "floor_one"]
    q03 = codebook.scoring_for("q03", everything)
    assert isinstance(q03, CountScoring)
    assert q03.counted == [1, 2, 3, 4, 5, 6] and q03.max == 5 and q03.floor == 1
    q19 = codebook.scoring_for("q19", ["count_duplicates"])
    assert isinstance(q19, CountScoring) and q19.merge == [] and q19.max == 5 and q19.floor == 0
    for item_id in ("q03", "q07", "q08", "q19"):
        assert codebook.item(item_id).score_range(["floor_one"])[0] == 1
    # Order of the variant set does not matter.
    assert codebook.scoring_for("q03", everything[::-1]) == q03
    # Single-choice items ignore variants.
    assert codebook.scoring_for("q01", everything) == codebook.item("q01").scoring


def test_unknown_variant_is_an_input_error(codebook: FidelityCodebook) -> None:
    with pytest.raises(InputError, match="no_such_variant"):
        codebook.scoring_for("q03", ["no_such_variant"])


def test_every_referenced_assumption_exists(codebook: FidelityCodebook) -> None:
    known = {a.id for a in codebook.assumptions}
    for item in codebook.items:
        assert item.scoring.assumptions and set(item.scoring.assumptions) <= known
    assert {"single_position", "multi_count", "q03_referral_excluded", "q19_duplicate_once"} <= known


def test_inconsistencies_recorded(codebook: FidelityCodebook) -> None:
    ids = {x.id for x in codebook.inconsistencies}
    assert {"twenty_questions", "zero_means", "q19_identical_options", "q02_anchor_gap", "typos"} <= ids


@pytest.mark.parametrize(
    ("total", "scheme", "band"),
    [
        (95, "modified", "eksemplarisk"),
        (85, "modified", "eksemplarisk"),
        (84.9, "modified", "godt"),
        (70, "modified", "godt"),
        (69.5, "modified", "rimelig"),  # between the printed integer ranges
        (44, "modified", "rimelig"),
        (43.9, "modified", "ikke_se"),
        (0, "modified", "ikke_se"),
        (115, "original", "eksemplarisk"),
        (114.5, "original", "godt"),
        (74, "original", "rimelig"),
        (73, "original", "ikke_se"),
    ],
)
def test_band_for_uses_lower_bounds(codebook: FidelityCodebook, total: float, scheme: str, band: str) -> None:
    assert codebook.band_for(total, scheme) == band


@pytest.mark.parametrize("bad", [math.nan, -1, 95.5, math.inf])
def test_band_for_rejects_impossible_totals(codebook: FidelityCodebook, bad: float) -> None:
    with pytest.raises(ValueError):
        codebook.band_for(bad)


def test_band_for_rejects_unknown_scheme(codebook: FidelityCodebook) -> None:
    with pytest.raises(ValueError, match="ukjent skala"):
        codebook.band_for(50, "dartmouth2011")


def test_item_lookup(codebook: FidelityCodebook) -> None:
    assert codebook.item("q18").number == 18
    with pytest.raises(KeyError):
        codebook.item("q20")


# -- the real codebook against its source document ---------------------------------------------------
def _lines(seeds_dir: Path, codebook: FidelityCodebook) -> list[str]:
    return (seeds_dir / codebook.source.document).read_text(encoding="utf-8").split("\n")


def test_wording_and_options_are_verbatim(codebook: FidelityCodebook, seeds_dir: Path) -> None:
    lines = _lines(seeds_dir, codebook)
    for item in codebook.items:
        first, last = item.source_lines
        block = lines[first - 1 : last]
        assert lines[first - 1] == item.wording, item.id
        if item.instruction is not None:
            assert item.instruction in block, item.id
        for option in item.options:
            assert option.line is not None and first <= option.line <= last, (item.id, option.code)
            assert lines[option.line - 1] == f"- {option.text}", (item.id, option.code)
        assert [ln for ln in block if ln.startswith("- ")] == [f"- {o.text}" for o in item.options], item.id
        assert lines[item.table_line - 1].startswith(f"{item.number}. {item.label_printed}\t"), item.id


def test_band_lines_match_source(codebook: FidelityCodebook, seeds_dir: Path) -> None:
    lines = _lines(seeds_dir, codebook)
    for bands in codebook.bands.values():
        for band in bands:
            line = lines[band.line - 1]
            assert line.startswith(f"{band.printed} = {band.label}"), band


def test_worked_examples_cite_the_options_they_use(codebook: FidelityCodebook, seeds_dir: Path) -> None:
    lines = _lines(seeds_dir, codebook)
    for example in codebook.worked_examples:
        item = codebook.item(example.item)
        used = [example.choice] if example.choice is not None else list(example.ticked or [])
        for code in used:
            option = item.options[code - 1]
            assert option.line in example.lines and lines[option.line - 1] == f"- {option.text}", (example.id, code)
        assert all(item.source_lines[0] <= n <= item.source_lines[1] or n == 1082 for n in example.lines), example.id


def test_worked_examples_cover_every_tick_all_item_and_both_kinds(codebook: FidelityCodebook) -> None:
    covered = {e.item for e in codebook.worked_examples}
    assert {i.id for i in codebook.items if i.type == "multi"} <= covered
    assert any(codebook.item(e.item).type == "single" for e in codebook.worked_examples)
    assert {v for e in codebook.worked_examples for v in e.variants} == set(codebook.variant_ids())


# -- broken codebooks ---------------------------------------------------------------------------------
def test_duplicate_item_id_is_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    raw["items"].append(copy.deepcopy(raw["items"][0]))
    problems = problems_of(raw)
    assert any("items.id: samme verdi brukt mer enn én gang: q01" in p for p in problems)


def test_unknown_assumption_reference_is_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q07")["scoring"]["assumptions"] = ["multi_count", "made_up_rule"]
    problems = problems_of(raw)
    assert any("(q07).scoring.assumptions" in p and "made_up_rule" in p for p in problems)


def test_worked_example_with_a_missing_option_is_rejected(
    raw: dict[str, Any], problems_of: Callable[..., list[str]]
) -> None:
    raw["worked_examples"][0]["choice"] = 9
    problems = problems_of(raw)
    assert any("worked_examples[0]" in p and "[9]" in p for p in problems)


def test_counted_code_that_does_not_exist_is_rejected(
    raw: dict[str, Any], problems_of: Callable[..., list[str]]
) -> None:
    _item(raw, "q03")["scoring"]["counted"] = [2, 3, 4, 5, 6, 7]
    problems = problems_of(raw)
    assert any("(q03)" in p and "counted" in p and "[7]" in p for p in problems)


def test_merge_code_that_does_not_exist_is_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q19")["scoring"]["merge"] = [[5, 6]]
    problems = problems_of(raw)
    assert any("(q19)" in p and "merge" in p and "[6]" in p for p in problems)


def test_single_item_with_four_options_is_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q04")["options"].pop()
    problems = problems_of(raw)
    assert any("(q04)" in p and "nøyaktig 5 alternativer" in p and "fant 4" in p for p in problems)


def test_unknown_key_is_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q01")["weight"] = 2
    raw["colour"] = "blue"
    problems = problems_of(raw)
    assert any("(q01).weight: ukjent felt" in p for p in problems)
    assert any("colour: ukjent felt" in p for p in problems)


def test_unknown_key_inside_scoring_is_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q08")["scoring"]["cap"] = 5
    problems = problems_of(raw)
    assert any("(q08).scoring.cap: ukjent felt" in p for p in problems)


def test_option_codes_must_be_consecutive(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q05")["options"][2]["code"] = 7
    problems = problems_of(raw)
    assert any("(q05)" in p and "fortløpende" in p for p in problems)


def test_columns_must_match_type(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q07")["columns"] = ["q07"]
    problems = problems_of(raw)
    assert any("(q07)" in p and "columns" in p for p in problems)


def test_rule_must_match_type(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q02")["scoring"] = {"rule": "count", "counted": [1, 2], "max": 2, "assumptions": ["multi_count"]}
    problems = problems_of(raw)
    assert any("(q02)" in p and "'position'" in p for p in problems)


def test_unknown_rule_name_is_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q02")["scoring"]["rule"] = "mean"
    problems = problems_of(raw)
    assert any("(q02).scoring" in p and "'position'" in p and "'count'" in p for p in problems)


def test_undeclared_variant_is_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q07")["scoring"]["variants"]["halve_it"] = {"max": 3}
    problems = problems_of(raw)
    assert any("(q07).scoring.variants" in p and "halve_it" in p for p in problems)


def test_variant_that_breaks_the_rule_is_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q07")["scoring"]["variants"]["floor_one"] = {"counted": [1, 9]}
    problems = problems_of(raw)
    assert any("(q07)" in p and "variants.floor_one" in p and "[9]" in p for p in problems)


def test_conflicting_variants_are_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q03")["scoring"]["variants"]["floor_one"] = {"floor": 1, "max": 4}
    problems = problems_of(raw)
    assert any("(q03)" in p and "'max'" in p for p in problems)


def test_max_above_reachable_count_is_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q19")["scoring"]["max"] = 5  # four units once 4 and 5 are merged
    problems = problems_of(raw)
    assert any("(q19)" in p and "max" in p for p in problems)


def test_overlapping_bands_are_rejected(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    raw["bands"]["modified"][1]["max"] = 90
    problems = problems_of(raw)
    assert any("bands.modified[1] (godt)" in p and "overlapp" in p for p in problems)


def test_bands_must_descend(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    raw["bands"]["original"].reverse()
    problems = problems_of(raw)
    assert any(p.count("bands.original") for p in problems)


def test_band_rule_reference_must_exist(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    raw["band_rule"]["assumptions"] = ["nope"]
    problems = problems_of(raw)
    assert any("band_rule.assumptions" in p and "nope" in p for p in problems)


def test_item_id_must_match_number(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q11")["id"] = "q12"
    problems = problems_of(raw)
    assert any("q12" in p and "number 11" in p for p in problems)


def test_all_problems_are_reported_in_one_pass(raw: dict[str, Any], problems_of: Callable[..., list[str]]) -> None:
    _item(raw, "q04")["options"].pop()
    _item(raw, "q09")["extra"] = True
    problems = problems_of(raw)
    assert any("(q04)" in p for p in problems) and any("(q09).extra" in p for p in problems)


def test_invalid_yaml_gives_line(tmp_path: Path) -> None:
    path = tmp_path / "syntax.yaml"
    path.write_text("id: se_fidelity_no\nitems: [1, 2\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"syntax\.yaml.*ugyldig YAML i kodeboken \(linje \d+\)"):
        load_fidelity_codebook(path)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="fant ikke"):
        load_fidelity_codebook(tmp_path / "absent.yaml")


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(InputError, match="YAML-tabell"):
        load_fidelity_codebook(path)
