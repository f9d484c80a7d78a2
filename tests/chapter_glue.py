"""Helper for chapter tests: the glue names a chapter's prose uses."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def glue_names(page: str) -> set[str]:
    """Every ``{glue:text}`name``` the page's prose refers to."""
    text = (ROOT / page).read_text(encoding="utf-8")
    return set(re.findall(r"\{glue:text\}`([^`]+)`", text))


def glued_in_cells(page: str) -> set[str]:
    """Names a page glues directly in a code cell (``glue_text("name", …)``) rather than through chapter_facts."""
    text = (ROOT / page).read_text(encoding="utf-8")
    return set(re.findall(r'glue_text\("([^"]+)"', text))
