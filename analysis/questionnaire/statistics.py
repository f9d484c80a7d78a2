"""Statistical wrappers for the questionnaire chapter: one function per test the report ran (or should have).

Each returns a plain dataclass, so chapters can tabulate results and tests can compare them with values
worked out by hand. pingouin does the standard tests; the paired effect size's confidence interval is
computed here exactly (noncentral t) because pingouin's interval for paired d is a normal approximation.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy import optimize, stats

CONFIDENCE = 0.95


@contextmanager
def _quiet() -> Iterator[None]:
    """pingouin warns about pandas deprecations inside its own code; a chapter build treats any warning on
    stderr as an error, and these say nothing about the data."""
    with warnings.catch_warnings():
        for category in (RuntimeWarning, FutureWarning, DeprecationWarning):
            warnings.simplefilter("ignore", category)
        yield


@dataclass(frozen=True)
class RepeatedMeasures:
    """Two time points, listwise within the variable: the report's 'ANOVA med repeterte målinger'."""

    n: int
    mean_before: float
    sd_before: float
    mean_after: float
    sd_after: float
    F: float
    df1: int
    df2: int
    p: float
    eta_p2: float
    wilks_lambda: float
    d_z: float
    d_z_low: float
    d_z_high: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _pairs(before: pd.Series | np.ndarray, after: pd.Series | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(before, dtype=float)
    y = np.asarray(after, dtype=float)
    keep = ~(np.isnan(x) | np.isnan(y))
    return x[keep], y[keep]


@dataclass(frozen=True)
class FromF:
    """What a within-subject F with one numerator degree of freedom implies by itself.

    With two time points F = t² of the paired t-test, partial η² = F/(F + df2), and Wilks' Λ of SPSS's
    multivariate test is 1 − partial η². So a printed F and df determine p, η² and Λ: the report's text
    figures can be checked from Tabell 3 alone, without any respondent data.
    """

    p: float
    eta_p2: float
    wilks_lambda: float


def from_f(f_value: float, df2: int) -> FromF:
    """p, partial η² and Wilks' Λ of F(1, df2); an infinite F (no within-pair variance) gives η² = 1."""
    if not math.isfinite(f_value):
        return FromF(0.0, 1.0, 0.0)
    eta = f_value / (f_value + df2)
    return FromF(float(stats.f.sf(f_value, 1, df2)), eta, 1.0 - eta)


def repeated_measures(before: pd.Series | np.ndarray, after: pd.Series | np.ndarray) -> RepeatedMeasures:
    """Repeated-measures ANOVA with one two-level factor (pingouin), plus the effect sizes the report used.

    With two levels, F = t² of the paired t-test, partial η² = F/(F + df2) and Wilks' Λ = 1 − partial η²,
    which is how SPSS's multivariate test reports the same effect.
    """
    import pingouin as pg

    x, y = _pairs(before, after)
    n = len(x)
    if n < 2:
        raise ValueError(f"need at least two complete pairs, got {n}")
    long = pd.DataFrame({"subject": np.tile(np.arange(n), 2), "time": ["t0"] * n + ["t3"] * n, "value": np.r_[x, y]})
    with _quiet():
        table = pg.rm_anova(data=long, dv="value", within="time", subject="subject", detailed=True, effsize="np2")
    row = table.iloc[0]
    f_value = float(row["F"]) if pd.notna(row["F"]) else math.inf
    p_value = float(row["p_unc"]) if pd.notna(row["p_unc"]) else 0.0
    df2 = n - 1
    eta = from_f(f_value, df2).eta_p2
    d, low, high = paired_effect_size(x, y)
    return RepeatedMeasures(
        n=n,
        mean_before=float(x.mean()),
        sd_before=float(x.std(ddof=1)),
        mean_after=float(y.mean()),
        sd_after=float(y.std(ddof=1)),
        F=f_value,
        df1=1,
        df2=df2,
        p=p_value,
        eta_p2=eta,
        wilks_lambda=1.0 - eta,
        d_z=d,
        d_z_low=low,
        d_z_high=high,
    )


def paired_effect_size(
    before: np.ndarray, after: np.ndarray, confidence: float = CONFIDENCE
) -> tuple[float, float, float]:
    """Cohen's d_z (mean change / SD of change) with an exact CI from the noncentral t distribution."""
    x, y = _pairs(before, after)
    n = len(x)
    diff = y - x
    sd = diff.std(ddof=1)
    if n < 2 or sd == 0:
        return math.nan, math.nan, math.nan
    d = float(diff.mean() / sd)
    t_obs = d * math.sqrt(n)
    low, high = noncentral_t_interval(t_obs, n - 1, confidence)
    return d, low / math.sqrt(n), high / math.sqrt(n)


def d_z_from_f(
    f_value: float, df2: int, direction: float, confidence: float = CONFIDENCE
) -> tuple[float, float, float]:
    """Cohen's d_z and its exact CI implied by a printed F(1, df2) for two time points, without any data.

    With two time points F = t² of the paired t-test on n = df2 + 1 pairs and d_z = t/√n; the sign is the
    direction of the change (later mean minus earlier), which F does not carry.
    """
    n = df2 + 1
    t_obs = math.copysign(math.sqrt(f_value), direction)
    low, high = noncentral_t_interval(t_obs, df2, confidence)
    root = math.sqrt(n)
    return t_obs / root, low / root, high / root


def noncentral_t_interval(t_obs: float, df: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Noncentrality parameters whose t distributions put t_obs at the upper and lower tail quantiles."""
    alpha = 1 - confidence

    def gap(ncp: float, tail: float) -> float:
        return float(stats.nct.cdf(t_obs, df, ncp)) - tail

    def solve(tail: float) -> float:
        # The CDF falls as the noncentrality grows; widen a unit bracket step by step rather than guessing a
        # wide one, because scipy's nct.cdf returns NaN far out in the tails for small df.
        lo, hi = t_obs - 1.0, t_obs + 1.0
        while gap(lo, tail) < 0:
            lo -= 1.0
        while gap(hi, tail) > 0:
            hi += 1.0
        return float(optimize.brentq(gap, lo, hi, args=(tail,)))

    return solve(1 - alpha / 2), solve(alpha / 2)


@dataclass(frozen=True)
class WelchResult:
    n_x: int
    n_y: int
    mean_x: float
    mean_y: float
    T: float
    dof: float
    p: float
    d: float
    d_low: float
    d_high: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def welch_test(x: pd.Series | np.ndarray, y: pd.Series | np.ndarray) -> WelchResult:
    """Two independent groups without assuming equal variances (pingouin), with Cohen's d and its approximate CI."""
    import pingouin as pg

    a = np.asarray(x, dtype=float)
    b = np.asarray(y, dtype=float)
    a, b = a[~np.isnan(a)], b[~np.isnan(b)]
    if len(a) < 2 or len(b) < 2:
        raise ValueError(f"need at least two values in each group, got {len(a)} and {len(b)}")
    with _quiet():
        res = pg.ttest(a, b, correction=True).iloc[0]
        d = abs(float(res["cohen_d"]))
        low, high = pg.compute_esci(stat=d, nx=len(a), ny=len(b), eftype="cohen", confidence=CONFIDENCE, decimals=6)
    sign = 1.0 if a.mean() >= b.mean() else -1.0  # pingouin's d is unsigned; keep the direction of x − y
    ci = sorted((sign * float(low), sign * float(high)))
    return WelchResult(
        len(a),
        len(b),
        float(a.mean()),
        float(b.mean()),
        float(res["T"]),
        float(res["dof"]),
        float(res["p_val"]),
        sign * d,
        ci[0],
        ci[1],
    )


@dataclass(frozen=True)
class Reliability:
    n: int
    k: int
    alpha: float
    low: float
    high: float


def cronbach(items: pd.DataFrame) -> Reliability:
    """Cronbach's α with its 95 % CI over respondents who answered every item (listwise)."""
    import pingouin as pg

    complete = items.dropna()
    k = items.shape[1]
    if k < 2 or len(complete) < 3 or (complete.var(ddof=1) == 0).all():
        return Reliability(len(complete), k, math.nan, math.nan, math.nan)
    with _quiet():
        alpha, ci = pg.cronbach_alpha(data=complete, nan_policy="listwise", ci=CONFIDENCE)
    return Reliability(len(complete), k, float(alpha), float(ci[0]), float(ci[1]))
