"""The stage-by-outcome figure: its grid keeps empty cells, and its text alternative is computed."""

from __future__ import annotations

from analysis.cases import Case
from analysis.cases.figures import describe_stage_coverage, stage_outcome_grid
from analysis.cases.overview import stage_outcome_counts
from analysis.cases.vocabulary import EUSE_STAGES


def test_grid_has_every_stage_for_every_outcome_that_occurs(cases: list[Case]) -> None:
    grid = stage_outcome_grid(cases)
    outcomes = set(grid["utfall"])
    assert len(grid) == len(EUSE_STAGES) * len(outcomes)
    assert grid["antall caser"].sum() == stage_outcome_counts(cases)["antall caser"].sum()


def test_text_alternative_names_the_most_and_least_illustrated_stage(cases: list[Case]) -> None:
    per_stage = {s: sum(s in c.meta.euse_stages for c in cases) for s in EUSE_STAGES}
    text = describe_stage_coverage(cases)
    most = max(per_stage.values())
    assert f"Flest caser belyser trinn {min(s for s, n in per_stage.items() if n == most)} " in text
