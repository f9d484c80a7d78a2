"""G*Power's repeated-measures (within factors) sample size, re-implemented and checked against known values."""

from __future__ import annotations

import math

import pytest
from scipy import stats

from analysis.questionnaire.power import correlation_for_sample_size, rm_within_power, rm_within_sample_size
from analysis.questionnaire.published_checks import ASSUMED, POWER_CHECK, derived_checks
from analysis.questionnaire.published_consistency import consistency_checks

REPORT = {"f": 0.25, "alpha": 0.05, "power": 0.90}


def test_report_setting_gives_thirty_with_four_measurements() -> None:
    result = rm_within_sample_size(measurements=4, **REPORT)
    assert result.n == 30
    assert result.power == pytest.approx(0.9037, abs=5e-4)  # G*Power: actual power 0.9036567


def test_two_measurements_need_forty_four() -> None:
    result = rm_within_sample_size(measurements=2, **REPORT)
    assert result.n == 44
    assert rm_within_power(43, f=0.25, alpha=0.05, measurements=2) < 0.90 <= result.power


def test_two_measurements_equal_a_paired_t_test() -> None:
    """With m = 2 and ρ = 0.5 the design is a paired t-test with d_z = f·√(m/(1−ρ)) = 0.5 (independent formula)."""
    n, d_z = 44, 0.5
    df = n - 1
    critical = stats.t.ppf(0.975, df)
    ncp = d_z * math.sqrt(n)
    paired = stats.nct.sf(critical, df, ncp) + stats.nct.cdf(-critical, df, ncp)
    assert rm_within_power(n, f=0.25, alpha=0.05, measurements=2) == pytest.approx(paired, abs=1e-6)


def test_power_rises_with_n_and_correlation() -> None:
    powers = [rm_within_power(n, f=0.25, alpha=0.05, measurements=2) for n in (5, 10, 20, 44)]
    assert powers == sorted(powers)
    assert rm_within_power(20, f=0.25, alpha=0.05, measurements=2, correlation=0.7) > powers[2]


def test_the_analysed_pairs_are_underpowered() -> None:
    assert rm_within_power(5, f=0.25, alpha=0.05, measurements=2) < 0.2
    assert rm_within_power(20, f=0.25, alpha=0.05, measurements=2) < 0.6


@pytest.mark.parametrize(
    "kwargs",
    [{"n": 1, "measurements": 2}, {"n": 10, "measurements": 1}, {"n": 10, "measurements": 2, "correlation": 1.0}],
)
def test_impossible_designs_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        rm_within_power(f=0.25, alpha=0.05, **kwargs)  # type: ignore[arg-type]


def test_two_measurements_need_thirty_only_at_a_higher_correlation() -> None:
    """The interval of ρ where N = 30 for m = 2, checked against the paired t-test (d_z = f·√(2/(1−ρ)))."""
    low, high = correlation_for_sample_size(30, measurements=2, **REPORT)
    assert 0.5 < low < high < 0.75
    for rho, n in ((low + 1e-4, 30), (high - 1e-4, 30), (low - 1e-3, 31), (high + 1e-3, 29)):
        assert rm_within_sample_size(measurements=2, correlation=rho, **REPORT).n == n, rho
    rho = (low + high) / 2
    d_z = 0.25 * math.sqrt(2 / (1 - rho))

    def paired(n: int) -> float:
        critical, ncp = stats.t.ppf(0.975, n - 1), d_z * math.sqrt(n)
        return stats.nct.sf(critical, n - 1, ncp) + stats.nct.cdf(-critical, n - 1, ncp)

    assert paired(29) < 0.90 <= paired(30)


def test_the_printed_n_is_a_derived_value_under_a_stated_assumption() -> None:
    """30 (004, L426) is not a finding about the source: the report gives no correlation, so it is derived under one."""
    assert not [c.id for c in consistency_checks() if c.id.startswith("styrkeberegning")]
    check = next(c for c in derived_checks() if c.id == POWER_CHECK)
    assert check.kind == "derived" and check.ok and check.documented is None
    assert check.published == 30 and check.reproduced == 30
    assert check.note.startswith(f"Antakelse: {ASSUMED[POWER_CHECK]}") and "0,5" in ASSUMED[POWER_CHECK]
    assert "44" in check.note
