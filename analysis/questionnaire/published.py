"""The questionnaire's published tables as transcribed into data/published/ (real aggregates, not synthetic).

Tabell 2 (background at inclusion: counts and means), Tabell 3 (change to three months) and the response
rates from the report's text. Figures the text states about Tabell 3 (Wilks' Λ, p, effect size) and the power
calculation are in data/published/text_figures.csv (``analysis.core.sources.text_figures``). Every module
that needs them reads them here, so the file names and column types are written once.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.core.paths import PUBLISHED

COUNTS_FILE = PUBLISHED / "background_inclusion.csv"
MEANS_FILE = PUBLISHED / "background_inclusion_means.csv"
CHANGE_FILE = PUBLISHED / "change_3m.csv"
RATES_FILE = PUBLISHED / "response_rates.csv"
FILES: tuple[Path, ...] = (COUNTS_FILE, MEANS_FILE, CHANGE_FILE, RATES_FILE)


def counts() -> pd.DataFrame:
    """Tabell 2, categorical rows: n and percent per variable, code and group."""
    return pd.read_csv(COUNTS_FILE, dtype={"code": int, "n": int})


def means() -> pd.DataFrame:
    """Tabell 2, numeric rows: mean and SD per variable and group."""
    return pd.read_csv(MEANS_FILE)


def change() -> pd.DataFrame:
    """Tabell 3: means and SDs at both time points, F, df and the printed significance mark per scale."""
    return pd.read_csv(CHANGE_FILE)


def response_rates() -> pd.DataFrame:
    """Forms sent and answered per group at inclusion."""
    return pd.read_csv(RATES_FILE)
