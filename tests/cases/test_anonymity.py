"""The cases' quasi-identifiers and hierarchies, applied through analysis.privacy.kanonymity."""

from __future__ import annotations

from analysis.cases import Case, case_k_anonymity, suggest_case_generalisation
from analysis.cases.anonymity import COARSENING_PREFERENCE, HIERARCHIES, generalise_cases
from analysis.cases.vocabulary import QI_LABELS, QUASI_IDENTIFIERS, REGION_PARENT, SECTOR_GROUP
from analysis.privacy.kanonymity import SUPPRESSED


def rec(
    i: str,
    age: str = "20-29",
    gender: str = "uoppgitt",
    region: str = "uoppgitt",
    size: str = "stor",
    sector: str = "Renhold og drift",
) -> dict[str, str]:
    return {
        "id": i,
        "age_band": age,
        "gender": gender,
        "region_of_origin": region,
        "municipality_size": size,
        "sector": sector,
    }


def test_every_quasi_identifier_has_a_hierarchy_and_a_preference() -> None:
    assert tuple(HIERARCHIES) == QUASI_IDENTIFIERS
    assert sorted(COARSENING_PREFERENCE) == sorted(QUASI_IDENTIFIERS)
    assert {q: h.label for q, h in HIERARCHIES.items()} == QI_LABELS


def test_generalisation_hierarchies() -> None:
    records = [
        rec("a", age="18-29", region="Vest-Afrika", sector="Varehandel og kundeservice"),
        rec("b", age="20-29", region="Øst-Afrika", sector="Renhold og drift"),
    ]
    one = generalise_cases(records, {"age_band": 1, "region_of_origin": 1, "sector": 1})
    assert {r["age_band"] for r in one} == {"15-29"}
    assert {r["region_of_origin"] for r in one} == {"Afrika"}
    assert {r["sector"] for r in one} == {"Privat tjenesteyting"}
    two = generalise_cases(records, {"region_of_origin": 2, "age_band": 2})
    assert {r["region_of_origin"] for r in two} == {"Utenfor Norge"}
    assert {r["age_band"] for r in two} == {"15-66"}
    top = generalise_cases(
        records, {"age_band": 3, "gender": 1, "region_of_origin": 3, "municipality_size": 1, "sector": 2}
    )
    assert all(v == SUPPRESSED for r in top for k, v in r.items() if k != "id")
    assert generalise_cases([rec("u", age="uoppgitt")], {"age_band": 1})[0]["age_band"] == "uoppgitt"
    assert generalise_cases([rec("w", age="25-34")], {"age_band": 1})[0]["age_band"] == "15-49"


def test_every_allowed_region_and_sector_stays_known_when_coarsened() -> None:
    for region in REGION_PARENT:
        first = HIERARCHIES["region_of_origin"].apply(region, 1)
        assert first in REGION_PARENT, region
        assert HIERARCHIES["region_of_origin"].apply(region, 2) in {"Norge", "Utenfor Norge", "uoppgitt"}
    for sector in SECTOR_GROUP:
        assert HIERARCHIES["sector"].apply(sector, 1) in SECTOR_GROUP


def test_unique_records_are_flagged_with_norwegian_columns() -> None:
    result = case_k_anonymity([rec("a"), rec("b"), rec("x", gender="kvinne")])
    assert result.k == 1
    assert result.unique_ids == ("x",)
    frame = result.classes_frame()
    assert list(frame.columns) == [QI_LABELS[q] for q in QUASI_IDENTIFIERS] + ["antall", "caser"]
    assert frame["antall"].tolist() == [1, 2]


def test_suggestion_reaches_target_with_a_hand_checked_path() -> None:
    # a and b differ only in age band (18-29 vs 20-29); c and d only in region (two African regions).
    records = [
        rec("a", age="18-29"),
        rec("b", age="20-29"),
        rec("c", age="30-39", region="Vest-Afrika"),
        rec("d", age="30-39", region="Øst-Afrika"),
    ]
    suggestion = suggest_case_generalisation(records, target_k=2)
    assert suggestion.start.k == 1
    assert suggestion.reached and suggestion.result.k == 2
    # Coarsening region first leaves a, b unique (2 short records); coarsening age first leaves c, d (2):
    # the tie goes to region by COARSENING_PREFERENCE, then age is still needed.
    steps = [(s.quasi_identifier, s.level, s.k) for s in suggestion.steps]
    assert steps == [("region_of_origin", 1, 1), ("age_band", 1, 2)]
    assert suggestion.levels["sector"] == 0
    frame = suggestion.steps_frame()
    assert frame["k etter steget"].tolist() == [1, 2]
    assert frame["kjennetegn"].tolist() == ["opprinnelsesregion", "aldersgruppe"]


def test_suggestion_stops_when_target_exceeds_the_set() -> None:
    suggestion = suggest_case_generalisation([rec("a"), rec("b", gender="kvinne")], target_k=3)
    assert not suggestion.reached
    assert suggestion.result.k == 2  # everything suppressed: one class of two
    assert suggestion.n_suppressed == len(QUASI_IDENTIFIERS)


def test_real_case_set_k_is_reported_with_its_unique_cases(cases: list[Case]) -> None:
    result = case_k_anonymity(cases)
    assert result.n_records == len(cases)
    assert result.k >= 1
    assert (result.k == 1) == bool(result.unique_ids)
    assert suggest_case_generalisation(cases, target_k=2).reached
