"""The closed code lists and the rule for a theme's levels."""

from __future__ import annotations

import pytest

from analysis.factors.codes import LADDER, LEVEL_ORDER, Level, levels_are_neighbours


@pytest.mark.parametrize("levels", [["system"], ["system", "organisation"], ["individual", "group"], ["instruction"]])
def test_neighbouring_levels_are_accepted(levels: list[str]) -> None:
    assert levels_are_neighbours(levels)


@pytest.mark.parametrize("levels", [[], ["system", "group"], ["system", "organisation", "group"],
                                    ["instruction", "individual"], ["group", "group"]])
def test_other_level_sets_are_refused(levels: list[str]) -> None:
    assert not levels_are_neighbours(levels)


def test_the_ladder_runs_from_system_to_individual() -> None:
    assert [LEVEL_ORDER[level] for level in LADDER] == [0, 1, 2, 3]
    assert set(LEVEL_ORDER) == {level.value for level in Level}
