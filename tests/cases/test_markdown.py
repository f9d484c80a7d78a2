"""Splitting a case file into front matter, level-2 sections and list items."""

from __future__ import annotations

import pytest

from analysis.cases.markdown import list_items, split_front_matter, split_sections


def test_list_items_joins_continuation_lines() -> None:
    assert list_items("1. Første\n   fortsetter\n2. Andre\n\nTekst") == ["Første fortsetter", "Andre Tekst"]


def test_front_matter_is_split_off_with_the_first_body_line() -> None:
    yaml_text, body, first = split_front_matter("---\nid: case-01\n---\n## Situasjonen\nTekst\n")
    assert yaml_text == "id: case-01"
    assert body.splitlines()[0] == "## Situasjonen"
    assert first == 4


@pytest.mark.parametrize("text", ["id: case-01\n", "---\nid: case-01\n", ""])
def test_front_matter_must_open_and_close(text: str) -> None:
    with pytest.raises(ValueError, match="«---»"):
        split_front_matter(text)


def test_sections_split_at_level_two_and_report_everything_else() -> None:
    body = "Innledning\n## A\ntekst a\n### B\n## A\nigjen\n"
    sections, stray = split_sections(body)
    assert sections == {"A": "igjen"}  # the repeated section replaces the first one, and is reported
    assert [line for line, _ in stray] == [1, 4, 5]
    assert "før første" in stray[0][1] and "«### B»" in stray[1][1] and "to ganger" in stray[2][1]
