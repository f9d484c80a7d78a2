"""The chapter on a user's own small file: every output about the file applies the minimum cell size.

The file is a small office's worth of answers (a dozen candidates), so most cells hold one to four people.
The functions are the ones chapters/sporreskjema.md calls, run with SE_IPS_CANDIDATES pointing at the file.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

from analysis.privacy.disclosure import MIN_N
from analysis.questionnaire import chapter, display, summaries
from analysis.questionnaire.synthetic import generate_candidates, write_sav

SIGNIFICANT = "mestringstro_ikke_i_arbeid"


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[chapter.ChapterData]:
    frame, meta = generate_candidates()
    small = pd.concat([frame[frame["gruppe"] == 1].head(9), frame[frame["gruppe"] != 1].head(3)], ignore_index=True)
    meta = {**meta, "file_label": "Kontorets egne svar", "note": ["Testfil for egen fil-stien"]}
    path = write_sav(small, meta, tmp_path_factory.mktemp("egen") / "egen.sav")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SE_IPS_CANDIDATES", str(path))
        yield chapter.load()


def _visible_counts(values: pd.Series) -> list[int]:
    return [int(v) for v in values if isinstance(v, (int, float)) and not pd.isna(v)]


def test_the_file_is_the_users_and_not_synthetic(own: chapter.ChapterData) -> None:
    assert own.own_file and not own.candidates.synthetic and len(own.data) == 12


def test_glued_effect_size_is_hidden_below_the_minimum(own: chapter.ChapterData) -> None:
    pairs = int(own.reproduced_change.set_index("variable").loc[SIGNIFICANT, "n"])
    assert pairs < MIN_N  # the case this test is about
    facts = chapter.chapter_facts(own)
    assert facts["data-source"] == "deres egen fil"
    assert (facts["sig-dz"], facts["sig-dz-low"], facts["sig-dz-high"]) == ("–", "–", "–")


def test_tabell2_comparison_shows_no_small_count(own: chapter.ChapterData) -> None:
    table = display.table2_comparison(own.counts, summaries.background_counts(own.data), own.cb, own_file=True)
    mine = [c for c in table.columns if c.endswith("(deres fil)")]
    shown = [v for c in mine for v in _visible_counts(table[c])]
    assert all(v == 0 or v >= MIN_N for v in shown)
    assert (table[mine] == "skjult").to_numpy().any()


def test_tabell3_comparison_hides_statistics_and_counts_of_few_people(own: chapter.ChapterData) -> None:
    table = display.table3_comparison(own.change, own.reproduced_change, own.cb, own_file=True)
    small = table["n (deres fil)"] == f"under {MIN_N}"
    assert small.any()
    for column in ("Inklusjon (deres fil)", "3 mnd (deres fil)", "F (deres fil)", "p (deres fil)"):
        assert (table.loc[small, column] == "–").all(), column
    assert all(v == 0 or v >= MIN_N for v in _visible_counts(table["n (deres fil)"]))


def test_reliability_table_hides_scales_answered_by_few(own: chapter.ChapterData) -> None:
    raw = summaries.reliability_table(own.data)
    view = display.reliability_view(raw, own_file=True)
    few = raw["n"] < MIN_N
    assert few.any()
    assert (view.loc[few, "Cronbachs α"] == "–").all() and (view.loc[few, "95 % KI"] == "–").all()
    assert (view.loc[few, "n"] == f"under {MIN_N}").all()


def test_work_comparison_keeps_only_groups_of_at_least_the_minimum(own: chapter.ChapterData) -> None:
    table = display.publishable_comparison(summaries.work_comparison(own.data), own_file=True)
    assert ((table["n_x"] >= MIN_N) & (table["n_y"] >= MIN_N)).all()
    assert len(table) < len(summaries.work_comparison(own.data))


def test_published_tables_are_still_shown_as_printed(own: chapter.ChapterData) -> None:
    table = display.table3_comparison(own.change, own.reproduced_change, own.cb, own_file=True)
    assert list(table["n (publisert)"]) == list(own.change["df2"].astype(int) + 1)
