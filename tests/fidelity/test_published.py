"""The transcribed fidelity tables: complete, well-formed, and each value found where its source says.

The seed-line comparison itself is the transcription check of ``python -m analysis reproduce``
(analysis.fidelity.table1_transcription); here it runs against the real seeds and against broken copies.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.core.paths import PUBLISHED
from analysis.core.sources import text_figure
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.synthetic import MAX_PER_TEAM
from analysis.fidelity.table1_transcription import transcription_checks

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
    assert list(bands.columns) == [
        "scale",
        "band",
        "band_id",
        "lower",
        "upper",
        "n_items",
        "max_score",
        "source",
        "derived",
        "derived_from",
    ]
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


def test_every_number_is_printed_at_its_cited_line(seeds_dir: Path) -> None:
    checks = transcription_checks(seeds=seeds_dir)
    failed = [(c.id, c.note) for c in checks if not c.ok]
    assert not failed, failed[:5]
    # 152 item means, 8 totals, 14 printed band limits and 2 printed maxima; one coverage check per Tabell 1 file.
    assert sum(c.kind == "transcription" for c in checks) == 152 + 8 + 14 + 2 + 2


def test_derived_band_values_are_checked_as_derived(seeds_dir: Path) -> None:
    derived = [c for c in transcription_checks(seeds=seeds_dir) if c.kind == "derived"]
    # n_items on all 8 rows; max_score on the 6 rows whose own line does not print it (issue 12).
    assert len(derived) == 8 + 6 and all(c.ok for c in derived)


@pytest.mark.parametrize(
    ("file", "row", "column", "value"),
    [
        ("fidelity_item_means.csv", 1, "mean", "3.5"),  # 3.4 → 3.5
        ("fidelity_item_means.csv", 1, "item", "3"),  # another item's row, now twice in the file
        ("fidelity_item_means.csv", 1, "decimals", "0"),
        ("fidelity_totals.csv", 2, "total", "66.3"),
        ("fidelity_bands.csv", 5, "lower", "86"),
        ("fidelity_bands.csv", 5, "max_score", "96"),
    ],
)
def test_a_changed_digit_fails_its_row(
    tmp_path: Path, seeds_dir: Path, file: str, row: int, column: str, value: str
) -> None:
    shutil.copytree(PUBLISHED, tmp_path, dirs_exist_ok=True)
    frame = pd.read_csv(tmp_path / file, dtype=str, keep_default_na=False)
    if file == "fidelity_item_means.csv":
        row = int(frame.index[(frame["item"] == "4") & (frame["team"] == "1")][0])  # item 4, team 1, inklusjon: 3.4
    frame.loc[row, column] = value
    frame.to_csv(tmp_path / file, index=False)
    failed = {c.id for c in transcription_checks(tmp_path, seeds=seeds_dir) if not c.ok}
    assert f"{file}:{row + 2}.{column if column in ('lower', 'max_score', 'total') else 'mean'}" in failed, failed


def test_without_seed_texts_every_transcription_check_fails() -> None:
    checks = transcription_checks(seeds=None)
    assert checks and not any(c.ok for c in checks)
    assert all("kildetekstene finnes ikke" in c.note for c in checks)


def test_the_generator_uses_the_transcribed_team_size() -> None:
    # «fem fra hvert team» (004, L1072), transcribed in text_figures.csv and checked there.
    assert text_figure("fidelity_per_team") == MAX_PER_TEAM


def test_table_header_order_is_as_assumed(seeds_dir: Path) -> None:
    # The column map reads these printed headers; they are where the transcription check looks.
    lines = (seeds_dir / "004_55431284ded43f19.txt").read_text(encoding="utf-8").split("\n")
    for header in (1041, 1052, 1066):
        assert lines[header - 1].split("\t")[1::2] == ["Inklusjon", "3 mnd", "12 mnd", "18 mnd"]
        assert lines[header].split("\t")[1:] == ["Team 1", "Team 2"] * 4
