"""The chapter's HTML tables: the factor browser and the checklist work by keyboard and offline."""

from __future__ import annotations

import re

import pytest

from analysis.factors import FactorData, readiness_checklist
from analysis.factors.explorer import checklist_html, factor_browser_html
from analysis.factors.summaries import factor_listing


def _labels_match_controls(markup: str) -> None:
    ids = set(re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', markup))
    labelled = set(re.findall(r'<label for="([^"]+)"', markup))
    assert ids and ids <= labelled, ids - labelled


def test_factor_browser_is_accessible_and_offline(data: FactorData) -> None:
    markup = factor_browser_html(factor_listing(data), data.frame)
    assert "<caption>" in markup and 'scope="col"' in markup
    assert markup.count('<th scope="row">') == len(data.factors)
    _labels_match_controls(markup)
    assert "http" not in markup and "src=" not in markup
    assert ":focus-visible" in markup
    # filters start hidden and are revealed by the script, so without JavaScript nothing is a dead control
    assert 'class="se-fb-controls" role="search" aria-label="Filtrer faktorene" hidden' in markup


def test_checklist_html_has_labels_downloads_and_print(data: FactorData) -> None:
    checklist = readiness_checklist(data)
    markup = checklist_html(checklist)
    _labels_match_controls(markup)
    assert markup.count('type="checkbox"') == len(checklist)
    assert 'href="data:text/markdown;charset=utf-8,' in markup and 'href="data:text/csv;charset=utf-8,' in markup
    assert "window.print()" in markup and "<legend>" in markup
    assert "http" not in markup


def test_element_ids_are_checked(data: FactorData) -> None:
    with pytest.raises(ValueError):
        factor_browser_html(factor_listing(data), data.frame, element_id="Not valid")
