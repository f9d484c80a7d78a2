"""The questionnaire chapter's facts: complete for its prose, and right where the report prints the number."""

from __future__ import annotations

import pytest
from chapter_glue import glue_names, glued_in_cells

from analysis.questionnaire import chapter

PAGE = "chapters/sporreskjema.md"


@pytest.fixture(scope="module")
def facts() -> dict[str, str]:
    return chapter.chapter_facts()


def test_every_glue_name_in_the_prose_is_provided(facts: dict[str, str]) -> None:
    missing = glue_names(PAGE) - set(facts) - glued_in_cells(PAGE)
    assert not missing, f"the chapter's prose uses glue names nobody provides: {sorted(missing)}"


def test_response_rates_come_from_the_published_counts(facts: dict[str, str]) -> None:
    # 004 reports 29 answers from the 61 job-specialist candidates asked at inclusion (L1111, Tabell 2 header L1123).
    assert facts["js-answered"] == "29" and facts["js-sent"] == "61"
    assert facts["js-rate"] == "48\u00a0%"


def test_text_figures_follow_from_the_printed_f(facts: dict[str, str]) -> None:
    # F(1, 4) = 11.663 in Tabell 3 implies Wilks' Λ = 4/(4 + 11.663) = 0.255…, printed 0.26 (004, L1206).
    assert facts["sig-df2"] == "4" and facts["sig-n"] == "5"
    assert facts["sig-wilks"] == "0,26"
    assert facts["sig-f"] == "11,66"


def test_power_figures_match_the_report(facts: dict[str, str]) -> None:
    # G*Power, f = 0.25, α = 0.05, power 0.90, repeated measures: 30 candidates (004, L426). The report gives
    # no correlation; with G*Power's default 0.5 four measurements need 30 and two need 44, and two
    # measurements need 30 only at ρ ≈ 0.67 (tests/questionnaire/test_power.py checks the interval).
    assert facts["power-n-4"] == "30" and facts["power-n-2"] == "44"
    assert facts["power-rho-default"] == "0,5" and facts["power-rho-2"] == "0,67"


def test_findings_and_assumptions_are_not_counted_as_agreement(facts: dict[str, str]) -> None:
    from analysis.questionnaire.published_checks import ASSUMED, DERIVED_FINDINGS
    from analysis.questionnaire.published_consistency import KNOWN

    assert facts["consistency-documented"] == str(len(KNOWN)) == facts["n-audit-off"]
    assert int(facts["consistency-clean"]) + len(KNOWN) == int(facts["consistency-n"])
    assert facts["derived-documented"] == str(len(DERIVED_FINDINGS)) and facts["derived-assumed"] == str(len(ASSUMED))
    parts = int(facts["derived-agree"]) + int(facts["derived-documented"]) + int(facts["derived-assumed"])
    assert parts == int(facts["derived-n"])
    assert int(facts["n-checks-clean"]) + int(facts["n-calibration-limits"]) == int(facts["n-checks-ok"])


def test_effect_size_is_derived_from_the_printed_f_not_from_the_synthetic_file(facts: dict[str, str]) -> None:
    # Tabell 3: F(1, 4) = 11.663 and the mean fell from 7.0 at inclusion to 5.5 at three months (004, L1221–1222). Five
    # pairs, |d_z| = √(11.663 / 5) = 1.527, negative because the mean fell.
    assert facts["sig-dz"] == "−1,53" and "trykte tallene" in facts["dz-basis"]
    low, high = (float(facts[k].replace("−", "-").replace(",", ".")) for k in ("sig-dz-low", "sig-dz-high"))
    assert low < -1.53 < high < 0
    # The synthetic file was calibrated to this F, so a paired analysis of it (another route: the data, pingouin
    # and the noncentral t on the observed pairs) must land on the same rounded values.
    row = chapter.load().reproduced_change.set_index("variable").loc[chapter.SIGNIFICANT]
    assert [f"{v:.2f}".replace("-", "−").replace(".", ",") for v in row[["d_z", "d_z_low", "d_z_high"]]] == [
        facts["sig-dz"],
        facts["sig-dz-low"],
        facts["sig-dz-high"],
    ]


def test_satisfaction_is_reversed_in_the_kvp_group(facts: dict[str, str]) -> None:
    # Tabell 2, KVP (n = 5): 3 «helt fornøyd» with the NAV case worker (004, L1165), 2 with the contact person
    # in the programme (L1171); the job-specialist group is the other way round (38 % against 76 %).
    assert facts["kvp-sat-nav"] == "60\u00a0%" and facts["kvp-sat-contact"] == "40\u00a0%"
    assert facts["js-sat-nav"] == "38\u00a0%" and facts["js-sat-js"] == "76\u00a0%"
