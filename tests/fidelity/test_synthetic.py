"""The synthetic fidelity file: deterministic, a real SPSS file, calibrated to every Tabell 1 cell."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

from analysis.core.grim import infer_respondents, sums_for
from analysis.fidelity.codebook import load_fidelity_codebook
from analysis.fidelity.scoring import score_respondents, team_summary
from analysis.fidelity.synthetic import FILE_LABEL, MISSING_CODE, generate_fidelity, write_fidelity
from analysis.fidelity.table1_checks import round_trip_checks

BOOK = load_fidelity_codebook()


def test_same_seed_same_frame_and_metadata(tmp_path: Path) -> None:
    a, _ = generate_fidelity(seed=11)
    b, _ = generate_fidelity(seed=11)
    pd.testing.assert_frame_equal(a, b)
    write_fidelity(tmp_path / "a.sav", seed=11)
    write_fidelity(tmp_path / "b.sav", seed=11)
    fa, ma = pyreadstat.read_sav(str(tmp_path / "a.sav"), user_missing=True)
    fb, mb = pyreadstat.read_sav(str(tmp_path / "b.sav"), user_missing=True)
    pd.testing.assert_frame_equal(fa, fb)
    for attr in ("column_names", "column_labels", "variable_value_labels", "missing_ranges", "file_label"):
        assert getattr(ma, attr) == getattr(mb, attr), attr


def test_other_seed_gives_other_answers_with_the_same_means() -> None:
    a, _ = generate_fidelity(seed=1)
    b, _ = generate_fidelity(seed=2)
    assert not a.equals(b)
    ta = team_summary(score_respondents(a, BOOK), BOOK)
    tb = team_summary(score_respondents(b, BOOK), BOOK)
    items = [i.id for i in BOOK.items]
    pd.testing.assert_frame_equal(ta[items], tb[items])


def test_sav_carries_labels_missing_codes_and_the_synthetic_flag(tmp_path: Path) -> None:
    path = tmp_path / "f.sav"
    write_fidelity(path)
    frame, meta = pyreadstat.read_sav(str(path), user_missing=True)
    assert meta.file_label == FILE_LABEL and "SYNTETISKE" in meta.file_label
    assert meta.column_names_to_labels["q01"].startswith("1.")
    assert meta.variable_value_labels["q07_1"] == {0.0: "Ikke krysset av", 1.0: "Krysset av"}
    assert meta.missing_ranges["q09"] == [{"lo": float(MISSING_CODE), "hi": float(MISSING_CODE)}]
    assert (frame["q09"] == MISSING_CODE).sum() >= 1  # item non-response inferred for team 1 at inclusion
    assert not frame["respondent_id"].str.fullmatch(r"\d{11}").any()


def test_a_written_file_scored_like_a_team_file_gives_tabell1_back(tmp_path: Path) -> None:
    """Round trip: the generator's tick patterns (its own reading of the codebook) scored by the scorer."""
    write_fidelity(tmp_path / "f.sav", seed=5)
    checks = round_trip_checks(tmp_path / "f.sav")
    assert len(checks) == 152 + 8 and all(c.kind == "round-trip" for c in checks)
    failed = [c for c in checks if not c.ok]
    assert not failed, failed[:5]


@pytest.mark.parametrize(("printed", "n", "expected"), [(4.3, 3, [13]), (2.3, 4, [9]), (2.8, 5, [14]), (3.4, 4, [])])
def test_grim_sums_with_half_up_rounding(printed: float, n: int, expected: list[int]) -> None:
    assert sums_for(printed, 1, n, 1, 5) == expected


def test_inference_prefers_one_respondent_for_whole_numbers_and_flags_item_nonresponse() -> None:
    whole = infer_respondents({"a": (5, 1, 1, 5), "b": (3, 1, 1, 5)}, 5)
    assert whole.n == 1
    mixed = infer_respondents({"a": (3.4, 1, 1, 5), "b": (2.8, 1, 1, 5), "c": (4.3, 1, 1, 5)}, 5)
    assert mixed.n == 5 and mixed.item_n["c"] == 4 and mixed.items_with_missing == ["c"]
