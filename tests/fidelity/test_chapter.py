"""The fidelity chapter's facts: complete for its prose, and right where the source states the number."""

from __future__ import annotations

import pytest
from chapter_glue import glue_names, glued_in_cells

from analysis.fidelity import chapter, tables

PAGE = "chapters/fidelitet.md"


@pytest.fixture(scope="module")
def data() -> chapter.ChapterData:
    return chapter.load()


@pytest.fixture(scope="module")
def facts(data: chapter.ChapterData) -> dict[str, str]:
    return chapter.chapter_facts(data)


def test_every_glue_name_in_the_prose_is_provided(facts: dict[str, str]) -> None:
    missing = glue_names(PAGE) - set(facts) - glued_in_cells(PAGE)
    assert not missing, f"the chapter's prose uses glue names nobody provides: {sorted(missing)}"


def test_scale_facts_match_what_the_report_prints(facts: dict[str, str]) -> None:
    # 004: 19 scored items in Vedlegg 1, maximum 95 (L364–366); the Dartmouth scale has 25 items and 125 points.
    assert facts["n-items"] == "19" and facts["max-modified"] == "95"
    assert facts["n-items-original"] == "25" and facts["max-original"] == "125"
    assert facts["points-removed"] == "30" and facts["n-columns"] == "8"


def test_the_audit_reports_the_two_known_inconsistencies(data: chapter.ChapterData, facts: dict[str, str]) -> None:
    # The methods section says 20 questions (004, L368) and Tabell 1 prints means of 0 on items 7 and 19
    # (L1049: two cells, L1064: three, all team 1) though items are scored 1–5.
    assert facts["printed-question-count"] == "20"
    assert facts["zero-cells"] == "5 celler med 0 (spørsmål 7, 19)"
    findings = {a.id for a in data.audit if a.documented is not None}
    assert findings == {"fidelity-item-count", "fidelity-zero-means"} and all(a.ok for a in data.audit)


def test_transcription_facts_count_every_printed_number(facts: dict[str, str], seeds_dir: object) -> None:
    # 152 item means + 8 totals + 14 band limits + 2 printed maxima, all read again at their lines.
    assert facts["tr-n"] == "176" and facts["tr-ok"] == "176" and facts["tr-all-ok"] == "alle"


def test_lowest_items_are_named_with_their_printed_means(data: chapter.ChapterData, facts: dict[str, str]) -> None:
    lowest = tables.lowest_items(data)
    assert len(lowest) == chapter.LOWEST_SHOWN
    assert list(lowest["Snitt over kolonnene"]) == sorted(lowest["Snitt over kolonnene"])
    assert facts["lowest-items"].count("nr.") == chapter.LOWEST_SHOWN


def test_band_recoding_is_computed_from_printed_totals(facts: dict[str, str]) -> None:
    # Worked by hand from the printed totals (004, L1068): the proportional 'godt' limit is 100 × 95/125 = 76;
    # only team 2 at 12 and 18 months (72.4 and 71.8) lie between the report's limit 70 and 76.
    assert facts["n-changed-a"] == "2"
    assert facts["prop-factor"] == "0,76"


def test_example_file_has_four_specialists_at_two_time_points(data: chapter.ChapterData) -> None:
    example = chapter.example_answers(data)
    assert len(example) == 8 and set(example["timepoint"]) == set(chapter.EXAMPLE_TIMEPOINTS)
    assert example["respondent_id"].str.fullmatch(r"L0[1-4]").all() and (example["team"] == "Vårt team").all()
