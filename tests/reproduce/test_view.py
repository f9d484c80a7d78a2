"""What the reproduction pages say about the checks: findings are not counted as agreement, values show as printed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.fidelity.table1_checks import KNOWN as FIDELITY_KNOWN
from analysis.questionnaire.published_checks import ASSUMED, DERIVED_FINDINGS
from analysis.questionnaire.published_consistency import KNOWN as QUESTIONNAIRE_KNOWN
from analysis.reproduce import view
from analysis.reproduce.report import collect_checks

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def checks(seeds_dir: Path) -> list:
    return collect_checks()


@pytest.fixture(scope="module")
def facts(checks: list) -> dict[str, str]:
    return view.kind_facts(checks)


def test_a_documented_discrepancy_is_not_counted_as_agreement(facts: dict[str, str]) -> None:
    for kind in ("transcription", "consistency", "derived", "roundtrip"):
        assert int(facts[f"{kind}-clean"]) + int(facts[f"{kind}-documented"]) == int(facts[f"{kind}-ok"]), kind
    # Every documented finding in the source is a consistency check: two in Tabell 1, the rest in Tabell 2 and 3.
    assert int(facts["consistency-documented"]) == len(FIDELITY_KNOWN) + len(QUESTIONNAIRE_KNOWN)
    assert int(facts["consistency-clean"]) < int(facts["consistency-n"])


def test_derived_values_are_split_into_the_texts_figures_and_our_own(facts: dict[str, str]) -> None:
    # The band values the project derived are the cells named in the «derived» column of fidelity_bands.csv.
    bands = pd.read_csv(ROOT / "data" / "published" / "fidelity_bands.csv", dtype=str, keep_default_na=False)
    own = sum(len(cell.split()) for cell in bands["derived"])
    assert int(facts["derived-bands-n"]) == own and facts["derived-bands-ok"] == facts["derived-bands-n"]
    assert int(facts["derived-text-n"]) + own == int(facts["derived-n"])
    assert int(facts["derived-text-documented"]) == len(DERIVED_FINDINGS)
    assert int(facts["derived-assumed"]) == len(ASSUMED)
    text = int(facts["derived-text-agree"]) + int(facts["derived-text-documented"]) + int(facts["derived-assumed"])
    assert text == int(facts["derived-text-n"])


def test_transcription_counts_numbers_and_coverage_apart(facts: dict[str, str]) -> None:
    numbers, coverage = int(facts["transcription-numbers"]), int(facts["transcription-coverage"])
    assert coverage >= 1 and numbers + coverage == int(facts["transcription-n"])


def test_values_show_as_printed_not_at_two_decimals() -> None:
    assert view.shown(2.595) == "2,595" and view.shown(2.6115107913669062) == "2,6115"
    assert view.shown(30.0) == "30" and view.shown(0.027) == "0,027" and view.shown("≤ 16") == "≤ 16"
    assert view.shown(None) == "–" and view.shown(float("nan")) == "–"


def test_the_derived_table_names_what_its_columns_hold(checks: list) -> None:
    frame = view.kind_frame(view.checks_frame(checks), "derived")
    assert list(frame.columns)[:3] == ["kontroll", "i datafilen", "utledet"] and "publisert" not in frame.columns
    assumed = frame[frame["resultat"] == "i orden under en antakelse"]
    assert len(assumed) == len(ASSUMED) and assumed["merknad"].str.startswith("Antakelse:").all()


def test_the_round_trip_figure_counts_the_calibration_limit_apart(checks: list) -> None:
    frame = view.checks_frame(checks)
    numeric = frame[frame["kind"] == "round-trip"].copy()
    numeric = numeric[pd.to_numeric(numeric["reproduced"], errors="coerce").notna()]
    numeric["published"] = numeric["published"].astype(float)
    numeric["reproduced"] = numeric["reproduced"].astype(float)
    numeric["difference"] = numeric["reproduced"] - numeric["published"]
    n, limits = len(numeric), int(numeric["documented"].sum())
    text = view.difference_description(numeric)
    assert limits == 1 and f"{n - limits} av {n} ligger innenfor toleransen" in text
    # The printed F of Tabell 3 is 2.595 (004, L1210); it must not be shown rounded to 2,60.
    assert "mot trykt 2,595" in text and "2,60 " not in text
