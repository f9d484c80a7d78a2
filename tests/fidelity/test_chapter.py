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


def test_the_printed_maximum_needs_the_duplicate_options_counted_apart(
    data: chapter.ChapterData, facts: dict[str, str]
) -> None:
    # Worked by hand from Vedlegg 1: 18 items can give 5 at most; item 19's options 4 and 5 have the same text
    # (004, L1641–1642) and count once under the standard rule, so item 19 gives 4 and the scale 18·5 + 4 = 94.
    # The report's 95 (L360) is reached only when the two count separately.
    assert facts["max-standard"] == "94" and facts["max-variants"] == "count_duplicates"
    item_count = next(a for a in data.audit if a.id == "fidelity-item-count")
    assert "94" in item_count.note and "count_duplicates" in item_count.note


def test_documented_findings_are_not_counted_as_agreement(data: chapter.ChapterData, facts: dict[str, str]) -> None:
    assert int(facts["audit-clean"]) + int(facts["audit-documented"]) == int(facts["audit-n"])
    assert facts["audit-documented"] == "2" and int(facts["audit-clean"]) < int(facts["audit-ok"])
    derived = [c for c in data.transcription if c.kind == "derived"]
    assert derived and all(c.note.startswith("Prosjektets egen utledning") for c in derived)


def test_the_decimals_at_inclusion_need_five_answers_in_each_team(
    data: chapter.ChapterData, facts: dict[str, str]
) -> None:
    # Team 1 prints 3.4 for item 4 and team 2 prints 3.4 for item 10 at inclusion (004, L1043, L1051). With
    # 1–4 integer answers a mean ends in ,0 ,25 ,33 ,5 ,67 or ,75, which never prints as 3.4; 17/5 does. The
    # teams started with three job specialists each (L165), so the report's numbers do not explain this.
    fewest = chapter.fewest_possible(data)
    assert fewest[(1, "inklusjon")] == 5 and fewest[(2, "inklusjon")] == 5
    assert facts["start-min-n"] == "5"
    # A lower bound can never exceed the number of answers the calibration settled on.
    assert set(fewest) == set(data.cells) and all(fewest[key] <= data.cells[key].n for key in fewest)


def test_one_or_two_answers_fit_only_the_column_of_whole_numbers(facts: dict[str, str]) -> None:
    # The report says one or two answered from each team at some time points (004, L1072); only one column of
    # Tabell 1 (team 1 at 18 months, L1040–1060) has nothing but whole numbers, and every other needs three or more.
    assert facts["one-or-two-n"] == "én" and facts["single-columns"] == "én kolonne"
    assert facts["min-n-answers"] == "ett svar"


def test_the_trajectory_figure_quotes_the_published_totals(data: chapter.ChapterData) -> None:
    # Printed totals (004, L1068): team 1 67.6 → 68.0, team 2 66.2 → 71.8; the synthetic exact sum for team 2 at
    # 18 months is 71.5 and must not be presented as the report's number.
    from analysis.fidelity import figures
    from analysis.fidelity.table1_checks import TOTALS

    figure = figures.trajectory(
        data.summary, data.book, fig_id="test-trajectory", sources=[TOTALS], synthetic=True, published=data.totals
    )
    html = figure._repr_html_()
    assert "67,6 (rimelig)" in html and "68,0 (rimelig)" in html and "71,8 (godt)" in html
    assert "71,5" not in html.split("Linjediagram", 1)[1].split("</", 1)[0]
    assert "eksakt sum ved antatt antall svar" in html
