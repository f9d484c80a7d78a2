"""The readiness checklist «Klar for oppstart?» and its Markdown and CSV forms."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from analysis.factors import FactorData, readiness_checklist
from analysis.factors.checklist import checklist_csv, checklist_markdown, write_checklist
from analysis.factors.codes import LEVEL_ORDER


def test_checklist_covers_every_barrier_theme(data: FactorData) -> None:
    checklist = readiness_checklist(data)
    barrier_themes = set(data.factors.loc[data.factors["direction"] != "facilitator", "theme_id"])
    assert set(checklist["theme_id"]) == barrier_themes
    assert list(checklist["nr"]) == list(range(1, len(checklist) + 1))
    assert checklist["spørsmål"].str.endswith("?").all()
    # grouped by area, system first
    levels = checklist["område"].map({c.label: LEVEL_ORDER[c.id] for c in data.frame.levels})
    assert levels.is_monotonic_increasing


def test_checklist_exports(data: FactorData, tmp_path: Path) -> None:
    checklist = readiness_checklist(data)
    markdown = checklist_markdown(checklist)
    assert markdown.count("- [ ] ") == len(checklist)
    assert all(q in markdown for q in checklist["spørsmål"])
    back = pd.read_csv(io.StringIO(checklist_csv(checklist)), dtype=str, keep_default_na=False)
    assert list(back["spørsmål"]) == list(checklist["spørsmål"])
    paths = write_checklist(checklist, tmp_path)
    assert paths["md"].read_text(encoding="utf-8") == markdown
