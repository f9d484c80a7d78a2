"""The allowed front-matter values hang together: every coarser value is itself allowed, labels cover ids."""

from __future__ import annotations

from typing import get_args

from analysis.cases.vocabulary import (
    OUTCOME_LABELS,
    QI_LABELS,
    QUASI_IDENTIFIERS,
    REGION_PARENT,
    SECTOR_GROUP,
    UNKNOWN,
    Outcome,
)


def test_every_parent_region_and_sector_group_is_an_allowed_value() -> None:
    assert set(REGION_PARENT.values()) <= set(REGION_PARENT)
    assert set(SECTOR_GROUP.values()) <= set(SECTOR_GROUP)
    assert REGION_PARENT[UNKNOWN] == UNKNOWN and SECTOR_GROUP[UNKNOWN] == UNKNOWN


def test_labels_cover_every_id() -> None:
    assert set(OUTCOME_LABELS) == set(get_args(Outcome))
    assert set(QI_LABELS) == set(QUASI_IDENTIFIERS)
