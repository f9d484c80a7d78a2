"""Agreement between the first and the blind second coding: the sample, the κ arithmetic, the table."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.errors import InputError
from analysis.factors import load_all
from analysis.factors.agreement import (
    FIELDS,
    SecondCoding,
    agreement_table,
    cohens_kappa,
    landis_koch,
    load_second_coding,
    sample_ids,
)


@pytest.fixture(scope="module")
def data():  # type: ignore[no-untyped-def]
    return load_all()


def test_kappa_of_a_textbook_two_by_two_table() -> None:
    # 50 units: both say yes 20, A yes/B no 5, A no/B yes 10, both no 15 → pₒ = 0.70, pₑ = 0.5·0.6 + 0.5·0.4 = 0.50.
    first = ["ja"] * 20 + ["ja"] * 5 + ["nei"] * 10 + ["nei"] * 15
    second = ["ja"] * 20 + ["nei"] * 5 + ["ja"] * 10 + ["nei"] * 15
    assert cohens_kappa(first, second) == pytest.approx(0.4)


def test_kappa_is_one_for_identical_and_negative_for_systematic_disagreement() -> None:
    assert cohens_kappa(["a", "b", "a"], ["a", "b", "a"]) == 1.0
    assert cohens_kappa(["a", "b", "a", "b"], ["b", "a", "b", "a"]) == pytest.approx(-1.0)
    with pytest.raises(ValueError):
        cohens_kappa(["a"], [])


@pytest.mark.parametrize(
    "kappa, label", [(-0.1, "dårlig"), (0.15, "ubetydelig"), (0.5, "moderat"), (0.95, "nesten perfekt")]
)
def test_landis_koch_labels(kappa: float, label: str) -> None:
    assert landis_koch(kappa) == label


def test_the_second_coding_is_exactly_the_seeded_sample(data) -> None:  # type: ignore[no-untyped-def]
    ids = list(data.factors["factor_id"])
    sample = sample_ids(ids)
    assert len(sample) == -(-len(ids) // 5) and sample == sample_ids(list(reversed(ids)))
    assert sorted(load_second_coding(data).frame["factor_id"]) == sample


def test_a_second_coding_with_unknown_codes_is_refused(data, tmp_path) -> None:  # type: ignore[no-untyped-def]
    frame = load_second_coding(data).frame.copy()
    frame.loc[0, "level"] = "kommune"
    path = tmp_path / "second.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(InputError, match="ukjent kode «kommune»"):
        load_second_coding(data, path)


def test_agreement_table_compares_every_field(data) -> None:  # type: ignore[no-untyped-def]
    second = load_second_coding(data)
    table = agreement_table(data, second)
    assert list(table["felt"]) == list(FIELDS.values())
    assert table["Cohens κ"].between(-1, 1).all() and (table["enheter"] == len(second.frame)).all()
    first = data.factors.set_index("factor_id").loc[second.frame["factor_id"]].reset_index()
    copy = SecondCoding(first[["factor_id", *FIELDS]].copy())
    assert (agreement_table(data, copy)["Cohens κ"] == 1.0).all()
    assert isinstance(table, pd.DataFrame)
