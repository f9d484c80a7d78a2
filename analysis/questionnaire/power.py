"""Sample size for a repeated-measures design, computed the way G*Power does it.

The report says G*Power gave N = 30 for 90 % power to detect a moderate effect (f = 0.25, α = 5 %)
"at inclusion and at three months". G*Power's "ANOVA: Repeated measures, within factors" uses the
noncentral F distribution with λ = f²·N·m/(1 − ρ)·ε, df1 = (m − 1)·ε and df2 = (N − 1)(m − 1)·ε for one
group of N people measured m times with correlation ρ between measurements and nonsphericity correction ε.

The report gives f, α and the power but neither ρ nor, unambiguously, m. The published N is therefore a
derived value only under an assumption: with G*Power's default ρ = 0.5 it fits four measurements (two
need 44); with two measurements it fits ρ ≈ 0.67 (``correlation_for_sample_size``). Which one the authors
used cannot be told from the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from scipy import optimize, stats

GPOWER_DEFAULT_CORRELATION = 0.5
"""G*Power's default correlation among repeated measures; the report does not state another."""


@dataclass(frozen=True)
class PowerResult:
    n: int
    measurements: int
    power: float
    effect_f: float
    alpha: float
    correlation: float
    epsilon: float


def rm_within_power(
    n: int,
    *,
    f: float,
    alpha: float,
    measurements: int,
    correlation: float = GPOWER_DEFAULT_CORRELATION,
    epsilon: float = 1.0,
) -> float:
    """Power of the within-subjects F test for n people measured ``measurements`` times."""
    if n < 2 or measurements < 2:
        raise ValueError("need at least two people and two measurements")
    if not 0 <= correlation < 1:
        raise ValueError("correlation must be in [0, 1)")
    m = measurements
    lam = f * f * n * m / (1 - correlation) * epsilon
    df1 = (m - 1) * epsilon
    df2 = (n - 1) * (m - 1) * epsilon
    critical = stats.f.ppf(1 - alpha, df1, df2)
    return float(stats.ncf.sf(critical, df1, df2, lam))


def rm_within_sample_size(
    *,
    f: float,
    alpha: float,
    power: float,
    measurements: int,
    correlation: float = GPOWER_DEFAULT_CORRELATION,
    epsilon: float = 1.0,
    n_max: int = 10_000,
) -> PowerResult:
    """Smallest N whose power reaches the target, with the power actually achieved (as G*Power reports it)."""
    for n in range(2, n_max + 1):
        achieved = rm_within_power(
            n, f=f, alpha=alpha, measurements=measurements, correlation=correlation, epsilon=epsilon
        )
        if achieved >= power:
            return PowerResult(n, measurements, achieved, f, alpha, correlation, epsilon)
    raise ValueError(f"power {power} not reached with N ≤ {n_max}")


def correlation_for_sample_size(
    n: int, *, f: float, alpha: float, power: float, measurements: int, epsilon: float = 1.0
) -> tuple[float, float]:
    """The correlations ρ for which G*Power's required N is exactly ``n``: the interval [low, high).

    The required N falls as ρ rises, so it equals ``n`` from the ρ where n people first reach the target
    power up to the ρ where n − 1 people do.
    """
    if n < 3:
        raise ValueError("need at least three people")

    def reaches(people: int) -> float:
        def gap(rho: float) -> float:
            achieved = rm_within_power(
                people, f=f, alpha=alpha, measurements=measurements, correlation=rho, epsilon=epsilon
            )
            return achieved - power

        if gap(0.0) >= 0:
            return 0.0
        return float(optimize.brentq(gap, 0.0, 1 - 1e-9, xtol=1e-6))

    return reaches(n), reaches(n - 1)
