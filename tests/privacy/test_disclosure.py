"""Small-cell suppression: small counts hidden, and no hidden count recoverable from printed totals."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.privacy.disclosure import suppress_small_cells, suppress_small_groups


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "variable": ["arbeid", "arbeid", "ytelse", "ytelse", "ytelse"],
            "category": ["ja", "nei", "aap", "dagpenger", "ingen"],
            "alle": [19, 24, 16, 6, 21],
            "a": [13, 16, 9, 5, 15],
            "b": [2, 3, 0, 1, 4],
            "c": [4, 5, 7, 0, 2],
            "pct_b": [40.0, 60.0, 0.0, 20.0, 80.0],
        }
    )


def test_primary_cells_are_hidden_and_zeros_kept() -> None:
    result = suppress_small_cells(
        _table(), ["alle", "a", "b", "c"], 5, block_col="variable", total_col="alle", linked={"b": ["pct_b"]}
    )
    assert result.loc[0, "b"] is pd.NA and result.loc[0, "pct_b"] is pd.NA
    assert result.loc[3, "b"] is pd.NA  # 1 of 5
    zeros = pd.DataFrame({"variable": ["x", "x"], "a": [0, 12]})
    assert suppress_small_cells(zeros, ["a"], 5, block_col="variable")["a"].tolist() == [0, 12]


def test_no_hidden_cell_can_be_recovered_from_block_or_row_totals() -> None:
    result = suppress_small_cells(_table(), ["alle", "a", "b", "c"], 5, block_col="variable", total_col="alle")
    for _, block in result.groupby("variable"):
        for col in ("alle", "a", "b", "c"):
            assert block[col].isna().sum() != 1, f"lone hidden cell in {col}"
    for _, row in result.iterrows():
        assert row[["alle", "a", "b", "c"]].isna().sum() != 1


def test_everything_at_or_above_the_threshold_is_untouched() -> None:
    table = pd.DataFrame({"variable": ["x", "x"], "alle": [10, 12], "a": [5, 6], "b": [5, 6]})
    result = suppress_small_cells(table, ["alle", "a", "b"], 5, block_col="variable", total_col="alle")
    assert result.attrs["suppressed"] == []
    assert result[["alle", "a", "b"]].astype(int).equals(table[["alle", "a", "b"]])


def test_threshold_is_a_parameter() -> None:
    table = pd.DataFrame({"n": [3, 8, 9]})
    assert suppress_small_cells(table, ["n"], 3)["n"].notna().all()
    assert suppress_small_cells(table, ["n"], 4)["n"].isna().sum() == 2  # 3 and, to protect it, 8


def test_small_groups_lose_their_means() -> None:
    table = pd.DataFrame({"group": ["a", "b"], "n": [29, 3], "mean": [27.6, 40.0], "sd": [6.9, 2.0]})
    result = suppress_small_groups(table, "n", ["mean", "sd"], 5)
    assert result.loc[1, ["mean", "sd"]].isna().all() and result.loc[0, "mean"] == pytest.approx(27.6)
