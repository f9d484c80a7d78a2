"""k-anonymity and generalisation on hand-made records, with k worked out by hand for each set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from analysis.privacy import (
    SUPPRESSED,
    Hierarchy,
    as_records,
    banded,
    generalise,
    k_anonymity,
    mapped,
    suggest_generalisation,
    suppression,
)

QI = ("age", "town")


def rec(i: str, age: str = "20-29", town: str = "A", **extra: Any) -> dict[str, Any]:
    return {"id": i, "age": age, "town": town, **extra}


def test_k_is_the_smallest_class_computed_by_hand() -> None:
    records = [rec("a"), rec("b"), rec("c", age="30-39"), rec("d", age="30-39"), rec("e", age="30-39")]
    result = k_anonymity(records, QI)
    assert result.k == 2  # classes {a, b} and {c, d, e}
    assert result.n_classes == 2
    assert result.unique_ids == ()
    assert result.classes[0][1] == ("a", "b")


def test_unique_records_are_flagged_and_tabulated_smallest_first() -> None:
    result = k_anonymity([rec("b"), rec("a"), rec("x", town="B")], QI, labels={"age": "alder"})
    assert result.k == 1
    assert result.unique_ids == ("x",)
    frame = result.classes_frame()
    assert list(frame.columns) == ["alder", "town", "antall", "caser"]
    assert frame["antall"].tolist() == [1, 2]
    assert frame["caser"].tolist() == ["x", "a, b"]


def test_k_depends_on_the_chosen_quasi_identifiers() -> None:
    records = [rec("a"), rec("b", town="B"), rec("c", town="B")]
    assert k_anonymity(records, QI).k == 1
    assert k_anonymity(records, ("age",)).k == 3


def test_empty_set_has_k_zero_and_missing_fields_are_an_error() -> None:
    assert k_anonymity([], QI).k == 0
    with pytest.raises(ValueError, match="post 1 mangler town"):
        k_anonymity([{"id": "a", "age": "20-29"}], QI)


@dataclass
class Person:
    """A domain object that is not a mapping: it describes itself, as analysis.cases.Case does."""

    ident: str
    age: str

    @property
    def id(self) -> str:
        return self.ident

    def quasi_identifiers(self, names: Any) -> dict[str, str]:
        return {n: {"age": self.age, "town": "A"}[n] for n in names}


def test_objects_that_describe_themselves_count_like_records() -> None:
    mixed = [Person("p", "20-29"), rec("q"), Person("r", "40-49")]
    assert as_records(mixed, QI) == [rec("p"), rec("q"), rec("r", age="40-49")]
    assert k_anonymity(mixed, QI).unique_ids == ("r",)


def test_hierarchy_builders() -> None:
    gone = suppression("kjønn")
    assert (gone.apply("kvinne", 0), gone.apply("kvinne", 1), gone.max_level) == ("kvinne", SUPPRESSED, 1)
    towns = mapped("by", [("fylke", {"A": "Øst", "B": "Øst", "C": "Vest"})])
    assert [towns.apply(t, 1) for t in ("A", "C", "Z")] == ["Øst", "Vest", "Z"]  # an unlisted value stays
    assert towns.apply("A", 2) == SUPPRESSED and towns.levels == ("som publisert", "fylke", "fjernet")
    ages = banded("alder", [("tiår", ((20, 29), (30, 39))), ("voksen", ((18, 99),))])
    assert ages.apply("25-34", 1) == "20-39"  # widened from the bin of its lower end to that of its upper end
    assert ages.apply("25-34", 2) == "18-99"
    assert ages.apply("ukjent", 2) == "ukjent" and ages.apply("25-34", 3) == SUPPRESSED
    assert ages.max_level == 3


HIERARCHIES: dict[str, Hierarchy] = {
    "age": banded("alder", [("tiår", ((20, 39), (40, 59)))]),
    "town": mapped("by", [("fylke", {"A": "Øst", "B": "Øst", "C": "Vest"})]),
}


def test_generalise_coarsens_each_quasi_identifier_to_its_level() -> None:
    out = generalise([rec("a", age="20-29", town="B", name="not copied")], {"town": 1}, HIERARCHIES)
    assert out == [{"id": "a", "age": "20-29", "town": "Øst"}]


def test_suggestion_takes_the_step_that_raises_k_most() -> None:
    # Towns A and B merge into Øst (k 1 → 2); ages alone would leave c unique in its own band.
    records = [rec("a", town="A"), rec("b", town="B"), rec("c", town="A", age="40-49"), rec("d", town="B", age="40-49")]
    suggestion = suggest_generalisation(records, HIERARCHIES, target_k=2)
    assert suggestion.start.k == 1 and suggestion.reached
    assert [(s.quasi_identifier, s.level, s.k, s.n_unique) for s in suggestion.steps] == [("town", 1, 2, 0)]
    assert suggestion.levels == {"age": 0, "town": 1} and suggestion.n_suppressed == 0
    assert [r["town"] for r in suggestion.records] == ["Øst"] * 4
    frame = suggestion.steps_frame()
    assert frame.iloc[0].tolist() == [1, "by", "fylke", 2, 0]


def test_ties_follow_the_preference() -> None:
    # a, b differ only in age (one decade apart), c, d only in town (A and B, both Øst). Coarsening either
    # attribute alone pairs one couple and leaves the other two unique: k = 1 and two short records both ways.
    records = [rec("a", age="20-29"), rec("b", age="30-39"), rec("c", age="40-49"), rec("d", age="40-49", town="B")]
    for preferred, other in (("age", "town"), ("town", "age")):
        suggestion = suggest_generalisation(records, HIERARCHIES, preference=(preferred,))
        assert [(s.quasi_identifier, s.k, s.n_unique) for s in suggestion.steps] == [(preferred, 1, 2), (other, 2, 0)]


def test_suggestion_that_is_already_satisfied_takes_no_steps() -> None:
    suggestion = suggest_generalisation([rec("a"), rec("b")], HIERARCHIES, target_k=2)
    assert suggestion.steps == () and suggestion.reached


def test_suggestion_stops_when_everything_is_suppressed() -> None:
    suggestion = suggest_generalisation([rec("a"), rec("b", town="C")], HIERARCHIES, target_k=3)
    assert not suggestion.reached and suggestion.result.k == 2
    assert suggestion.n_suppressed == 2


def test_target_k_must_be_positive() -> None:
    with pytest.raises(ValueError, match="minst 1"):
        suggest_generalisation([rec("a")], HIERARCHIES, target_k=0)
