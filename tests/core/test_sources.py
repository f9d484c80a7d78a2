"""Numbers as the sources print them, marked phrases, and what happens when the seed texts are missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.core.sources import (
    SeedsMissing,
    marked_number_in_source,
    parse_marked,
    parse_source_ref,
    printed_number,
    require_seeds,
    running_in_ci,
)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("151,5", (151.5, 1)),
        ("11.5", (11.5, 1)),
        ("37%", (37.0, 0)),
        ("fem", (5.0, 0)),
        ("Dobbelt", (2.0, 0)),
        ("0.810", (0.81, 3)),
        ("68.0", (68.0, 1)),
        ("ca.", None),
        ("", None),
    ],
)
def test_printed_numbers(token: str, expected: tuple[float, int] | None) -> None:
    assert printed_number(token) == expected


def test_a_phrase_marks_exactly_one_number() -> None:
    marked = parse_marked("hvorav [29] svarte")
    assert (marked.phrase, marked.token) == ("hvorav 29 svarte", "29")
    with pytest.raises(ValueError, match="nøyaktig ett tall"):
        parse_marked("fem av fem")
    with pytest.raises(ValueError, match="nøyaktig ett tall"):
        parse_marked("[fem] av [fem]")


def test_marked_number_is_read_from_the_cited_line_only(seeds_dir: Path) -> None:
    ref = parse_source_ref("004_55431284ded43f19.txt, Resultater, L1111")
    assert marked_number_in_source("hvorav [29] svarte", ref, seeds_dir) == (29.0, 0)
    elsewhere = parse_source_ref("004_55431284ded43f19.txt, Deltakere, L386")
    assert "står ikke på L386" in str(marked_number_in_source("hvorav [29] svarte", elsewhere, seeds_dir))
    assert "kildetekstene finnes ikke" in str(marked_number_in_source("hvorav [29] svarte", ref, None))


def test_missing_seeds_raise_one_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SE_IPS_SEEDS", str(tmp_path / "nowhere"))
    with pytest.raises(SeedsMissing, match="SE_IPS_SEEDS"):
        require_seeds()


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("1", True), ("", False), ("false", False)])
def test_ci_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("CI", value)
    assert running_in_ci() is expected


def test_the_seeds_helper_fails_under_ci_and_skips_locally(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from conftest import require_seeds as seeds_for_tests

    monkeypatch.setenv("SE_IPS_SEEDS", str(tmp_path / "nowhere"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true and kildetekstene finnes ikke"):
        seeds_for_tests()
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception, match="kildetekstene finnes ikke"):
        seeds_for_tests()
