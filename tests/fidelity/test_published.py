"""The transcribed fidelity tables: complete, well-formed, and each value found where its source says."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from analysis.core.paths import PUBLISHED
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="source documents (../shared/seeds) not available")

TIMEPOINTS = ["inklusjon", "3mnd", "12mnd", "18mnd"]
SOURCE = re.compile(r"^(?P<doc>\d{3}_[0-9a-f]{16}\.txt), (?P<where>[^,]+), L(?P<line>\d+)$")
PRINTED = re.compile(r"^\d+(\.\d)?$")


def _read(name: str) -> pd.DataFrame:
    """Read as text so the printed form (e.g. '68.0', '5') survives; numbers are converted where needed."""
    return pd.read_csv(PUBLISHED / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def means() -> pd.DataFrame:
    return _read("fidelity_item_means.csv")


@pytest.fixture(scope="module")
def totals() -> pd.DataFrame:
    return _read("fidelity_totals.csv")


@pytest.fixture(scope="module")
def bands() -> pd.DataFrame:
    return _read("fidelity_bands.csv")


@pytest.fixture(scope="module")
def codebook() -> FidelityCodebook:
    return load_fidelity_codebook()


@cache
def _seed_lines(document: str) -> list[str]:
    return (SEEDS / document).read_text(encoding="utf-8").splitlines()


def _decimals(printed: str) -> int:
    return len(printed.split(".")[1]) if "." in printed else 0


# -- item means ---------------------------------------------------------------------------------------
def test_item_means_columns(means: pd.DataFrame) -> None:
    assert list(means.columns) == ["item", "label", "team", "timepoint", "mean", "decimals", "source"]


def test_item_means_cover_every_cell_once(means: pd.DataFrame) -> None:
    assert len(means) == 152
    keys = list(zip(means["item"].astype(int), means["team"].astype(int), means["timepoint"], strict=True))
    expected = {(i, t, tp) for i in range(1, 20) for t in (1, 2) for tp in TIMEPOINTS}
    assert len(set(keys)) == len(keys)
    assert set(keys) == expected


def test_item_means_are_printed_values_in_range(means: pd.DataFrame) -> None:
    for row in means.itertuples():
        assert PRINTED.match(row.mean), row
        assert 0 <= float(row.mean) <= 5, row
        assert int(row.decimals) == _decimals(row.mean), row
        assert int(row.decimals) in (0, 1), row


def test_item_labels_come_from_the_codebook(means: pd.DataFrame, codebook: FidelityCodebook) -> None:
    for row in means.itertuples():
        assert row.label == codebook.items[int(row.item) - 1].label, row


def test_item_means_sum_to_printed_totals(means: pd.DataFrame, totals: pd.DataFrame) -> None:
    # The report's total is the sum of the item means (L1070); the transcription must reproduce it.
    sums = means.assign(mean=means["mean"].astype(float)).groupby(["team", "timepoint"])["mean"].sum()
    for row in totals.itertuples():
        assert sums[(row.team, row.timepoint)] == pytest.approx(float(row.total), abs=1e-9), row


# -- totals -------------------------------------------------------------------------------------------
def test_totals_cover_every_column_once(totals: pd.DataFrame) -> None:
    assert list(totals.columns) == ["team", "timepoint", "total", "decimals", "source"]
    keys = list(zip(totals["team"].astype(int), totals["timepoint"], strict=True))
    assert sorted(keys) == sorted((t, tp) for t in (1, 2) for tp in TIMEPOINTS)
    for row in totals.itertuples():
        assert PRINTED.match(row.total) and int(row.decimals) == _decimals(row.total), row
        assert 0 <= float(row.total) <= 95, row


# -- bands --------------------------------------------------------------------------------------------
def test_bands_match_the_codebook(bands: pd.DataFrame, codebook: FidelityCodebook) -> None:
    assert list(bands.columns) == ["scale", "band", "band_id", "lower", "upper", "n_items", "max_score", "source"]
    assert len(bands) == 8
    for scheme, group in bands.groupby("scale"):
        coded = codebook.bands[str(scheme)]
        assert list(group["band_id"]) == [b.id for b in coded]
        assert list(group["band"]) == [b.label for b in coded]
        assert [int(u) for u in group["upper"]] == [int(b.max) for b in coded]
        # The lowest band is printed as "... og under": no lower bound in the source, none in the CSV.
        assert list(group["lower"])[-1] == ""
        assert [int(x) for x in list(group["lower"])[:-1]] == [int(b.min) for b in coded[:-1]]
        scale = codebook.scales[str(scheme)]
        assert set(group["n_items"].astype(int)) == {scale.n_items}
        assert set(group["max_score"].astype(int)) == {scale.max_score}


def test_bands_are_descending_and_disjoint(bands: pd.DataFrame) -> None:
    for _, group in bands.groupby("scale"):
        uppers = [int(u) for u in group["upper"]]
        lowers = [int(x) for x in group["lower"] if x]
        assert all(lo < up for lo, up in zip(lowers, uppers, strict=False))
        assert all(uppers[k + 1] < lowers[k] for k in range(len(lowers)))


# -- sources ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["fidelity_item_means.csv", "fidelity_totals.csv", "fidelity_bands.csv"])
def test_every_row_has_a_well_formed_source(name: str) -> None:
    for row in _read(name).itertuples():
        assert SOURCE.match(row.source), (name, row.source)


@needs_seeds
def test_item_means_are_printed_on_their_source_line(means: pd.DataFrame) -> None:
    for row in means.itertuples():
        m = SOURCE.match(row.source)
        assert m is not None and m["where"] == "Tabell 1"
        lines = _seed_lines(m["doc"])
        line = int(m["line"])
        assert 1 <= line <= len(lines), row
        cells = lines[line - 1].split("\t")
        # Row label "N. text", then Team 1 / Team 2 for each time point in printed order.
        assert cells[0].startswith(f"{row.item}. "), row
        column = 1 + 2 * TIMEPOINTS.index(row.timepoint) + (int(row.team) - 1)
        assert cells[column] == row.mean, row


@needs_seeds
def test_totals_are_printed_on_their_source_line(totals: pd.DataFrame) -> None:
    for row in totals.itertuples():
        m = SOURCE.match(row.source)
        assert m is not None
        cells = _seed_lines(m["doc"])[int(m["line"]) - 1].split("\t")
        column = 1 + 2 * TIMEPOINTS.index(row.timepoint) + (int(row.team) - 1)
        assert cells[column] == row.total, row


@needs_seeds
def test_bands_are_printed_on_their_source_line(bands: pd.DataFrame) -> None:
    for row in bands.itertuples():
        m = SOURCE.match(row.source)
        assert m is not None
        text = _seed_lines(m["doc"])[int(m["line"]) - 1]
        numbers = re.findall(r"\d+", text.split("=")[0])
        expected = [row.upper] if not row.lower else sorted([row.lower, row.upper], key=int)
        assert sorted(numbers, key=int) == expected, row
        assert f"= {row.band}" in text, row


@needs_seeds
def test_table_header_order_is_as_assumed() -> None:
    # The column arithmetic above relies on this printed header order.
    lines = _seed_lines("004_55431284ded43f19.txt")
    for header in (1041, 1052, 1066):
        assert lines[header - 1].split("\t")[1::2] == ["Inklusjon", "3 mnd", "12 mnd", "18 mnd"]
        assert lines[header].split("\t")[1:] == ["Team 1", "Team 2"] * 4
