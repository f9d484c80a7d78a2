"""The Norwegian and the English account of what «reproduced» means quote the same check counts.

Review D found the English summary still counting documented discrepancies as passes after the Norwegian pages
had been corrected; both pages glue from analysis.reproduce.view.kind_facts, so the guard is on which counts
they quote.
"""

from __future__ import annotations

import re

import pytest

from analysis.core.paths import ROOT
from analysis.reproduce.view import kind_facts

GLUE = re.compile(r"\{glue:text\}`([a-z-]+)`")
PAGES = {"nb": ROOT / "book" / "reproduser.md", "en": ROOT / "book" / "english-summary.md"}
# Counts that lump a documented discrepancy in with the clean checks: a reader takes them for «all passed».
LUMPED = {"consistency-ok", "derived-ok", "roundtrip-ok"}


def _count_keys(page: str) -> set[str]:
    known = set(kind_facts([], language="en"))
    return {key for key in GLUE.findall(PAGES[page].read_text(encoding="utf-8")) if key in known}


def test_both_pages_quote_the_same_counts():
    assert _count_keys("nb") == _count_keys("en")


@pytest.mark.parametrize("page", sorted(PAGES))
def test_no_page_counts_a_discrepancy_as_a_pass(page):
    keys = _count_keys(page)
    assert not keys & LUMPED, f"{PAGES[page].name} quotes {sorted(keys & LUMPED)}"
    assert {"consistency-clean", "consistency-documented", "roundtrip-clean", "roundtrip-documented"} <= keys
