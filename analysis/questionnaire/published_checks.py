"""Published numbers of the candidate survey against what this project computes, and their internal consistency.

Reproduction checks (``Check``) set each printed Tabell 2 count and mean/SD and each Tabell 3 mean, SD and
F against the value recomputed from the synthetic file through the same pipeline a user's file would take.
Tolerances: counts exact (half a unit of a whole number, so only equal integers pass); means, SDs and F half a
unit of the last printed decimal. One exception, decided from the data rather than listed by name: where the
printed df cannot be met (readiness among those not in work prints df (1, 16), i.e. 17 pairs, while Tabell 2
and the form's routing allow at most 16), the F check allows 1 % of the printed value; the nearest
attainable F there differs by 0.6 % with p unchanged to three decimals, and the audit reports the row.
The text's "multivariate effect size" 0.75 is SPSS's .745 rounded a second time, so that check allows
half a unit at three decimals on top of the printed two.

Audit results (``AuditResult``) test the printed tables against each other without any synthetic data:
sums, percentages, GRIM feasibility of means, degrees of freedom against group sizes, the F/mean/SD
triangle, and the power calculation.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import Any

import pandas as pd
from scipy import stats

from analysis.core.check_records import AuditResult, Check
from analysis.core.files import require_generated
from analysis.core.formatting import fmt_num
from analysis.core.grim import feasible
from analysis.core.paths import GENERATED
from analysis.core.rounding import half_unit, round_float
from analysis.questionnaire import published
from analysis.questionnaire import summaries as q
from analysis.questionnaire.form import Scale
from analysis.questionnaire.power import rm_within_sample_size
from analysis.questionnaire.statistics import from_f

F_DECIMALS = 3
F_RELATIVE = 0.01
"""F tolerance: 1 % of the printed F, at least half a unit of its third decimal (see module docstring)."""
SOURCE = "004_55431284ded43f19.txt"
POWER_SOURCE = f"{SOURCE}, Analyser av det kvantitative materialet og styrkeberegning, L426"
SIGNIFICANT_SOURCE = f"{SOURCE}, Endring i jobbspesialistgruppen, L1206"
PUBLISHED_WILKS, PUBLISHED_EFFECT, PUBLISHED_P = 0.26, 0.75, 0.027
POWER_SETTINGS: dict[str, Any] = {"f": 0.25, "alpha": 0.05, "power": 0.90}
PUBLISHED_POWER_N = 30
LINE = r"L(\d+)"
STAT_NAMES = {"mean": "gjennomsnitt", "sd": "standardavvik"}
TEXT_LABELS = {"p": "p-verdi", "wilks_lambda": "Wilks' Λ", "effect_size": "multivariat effektstørrelse"}


def _variable_label(variable: str) -> str:
    return q.variable_labels()[variable]


def _group_label(group: str) -> str:
    return q.group_labels()[group]


# -- reproduction -------------------------------------------------------------------------------------------
def reproduction_checks(path: Path | str | None = None) -> list[Check]:
    """Published numbers against the synthetic file (never a user's file: these checks test calibration)."""
    data = q.load(Path(path)).data if path is not None else _synthetic()
    return [*_table2_checks(data), *_table3_checks(data), *_power_checks()]


def _synthetic() -> pd.DataFrame:
    return q.load(require_generated(GENERATED / "candidates.sav")).data


def _table2_checks(data: pd.DataFrame) -> list[Check]:
    counts = q.background_counts(data).set_index(["variable", "code", "group"])
    out = []
    for row in published.counts().itertuples(index=False):
        key = (row.variable, int(row.code), row.group)
        reproduced = float(counts.loc[key, "n"]) if key in counts.index else None
        out.append(
            Check(
                id=f"tabell2.{row.variable}.{row.code}.{row.group}",
                source=row.source,
                quantity=(
                    f"Tabell 2: {_variable_label(row.variable)} – {row.category} ({_group_label(row.group)}), antall"
                ),
                published=float(row.n),
                reproduced=reproduced,
                tolerance=half_unit(0),
                basis="synthetic",
            )
        )
    means = q.background_means(data).set_index(["variable", "group"])
    for row in published.means().itertuples(index=False):
        for stat in ("mean", "sd"):
            out.append(
                Check(
                    id=f"tabell2.{row.variable}.{row.group}.{stat}",
                    source=row.source,
                    quantity=(
                        f"Tabell 2: {_variable_label(row.variable)} ({_group_label(row.group)}), {STAT_NAMES[stat]}"
                    ),
                    published=float(getattr(row, stat)),
                    reproduced=float(means.loc[(row.variable, row.group), stat]),
                    tolerance=half_unit(int(row.decimals)),
                    basis="synthetic",
                )
            )
    return out


TABLE3_FIELDS = (
    ("mean_incl", "mean_before", "gjennomsnitt inklusjon", 1),
    ("sd_incl", "sd_before", "standardavvik inklusjon", 1),
    ("mean_3m", "mean_after", "gjennomsnitt 3 mnd", 1),
    ("sd_3m", "sd_after", "standardavvik 3 mnd", 1),
    ("F", "F", "F (tidseffekt)", F_DECIMALS),
)


def _table3_checks(data: pd.DataFrame) -> list[Check]:
    table = q.change_table(data).set_index("variable")
    out = []
    for row in published.change().itertuples(index=False):
        label = q.codebook().scale(row.variable).published
        name = label.label if label else row.variable
        for published_col, col, what, decimals in TABLE3_FIELDS:
            value = table.loc[row.variable].get(col)
            out.append(
                Check(
                    id=f"tabell3.{row.variable}.{published_col}",
                    source=row.source,
                    quantity=f"Tabell 3: {name}, {what}",
                    published=float(getattr(row, published_col)),
                    reproduced=None if value is None or pd.isna(value) else float(value),
                    tolerance=_tolerance(
                        published_col,
                        float(getattr(row, published_col)),
                        decimals,
                        pairs_match=int(table.loc[row.variable, "n"]) == int(row.df2) + 1,
                    ),
                    basis="synthetic",
                )
            )
    significant = table.loc["mestringstro_ikke_i_arbeid"]
    for key, printed, value, decimals in (
        ("p", PUBLISHED_P, significant["p"], 3),
        ("wilks_lambda", PUBLISHED_WILKS, significant["wilks_lambda"], 2),
        ("effect_size", PUBLISHED_EFFECT, significant["eta_p2"], 2),
    ):
        # The text rounds SPSS's three-decimal output once more (.745 → .75): allow for that double rounding.
        tolerance = half_unit(decimals) + (half_unit(3) if key == "effect_size" else 0.0)
        out.append(
            Check(
                id=f"tabell3.mestringstro_ikke_i_arbeid.{key}",
                source=SIGNIFICANT_SOURCE,
                quantity=f"Teksten: jobbrelatert mestringstro (ikke i arbeid), {TEXT_LABELS[key]}",
                published=printed,
                reproduced=float(value),
                tolerance=tolerance,
                basis="synthetic",
            )
        )
    return out


def _tolerance(column: str, published: float, decimals: int, *, pairs_match: bool = True) -> float:
    """Half a unit of the printed decimal; for an F whose printed df cannot be met, 1 % of the printed F.

    The wider band applies only where the synthetic data cannot have the printed number of pairs (the
    audit reports that row as an inconsistency in the source); every other F must match to three decimals.
    """
    if column != "F" or pairs_match:
        return half_unit(decimals)
    return max(half_unit(decimals), F_RELATIVE * published)


def _power_checks() -> list[Check]:
    planned = rm_within_sample_size(measurements=4, **POWER_SETTINGS)
    return [
        Check(
            id="styrkeberegning.n.fire_malinger",
            source=POWER_SOURCE,
            quantity="Styrkeberegning (G*Power, gjentatte målinger): nødvendig N med fire målepunkter",
            published=float(PUBLISHED_POWER_N),
            reproduced=float(planned.n),
            tolerance=half_unit(0),
            basis="published",
        )
    ]


# -- audit ----------------------------------------------------------------------------------------------------
def audit_checks() -> list[AuditResult]:
    return [*_table2_audit(), *_table2_means_audit(), *_response_audit(), *_table3_audit(), *_power_audit()]


def _group_sizes() -> dict[str, int]:
    rates = published.response_rates()
    return dict(zip(rates["group"], rates["answered"].astype(int), strict=True))


def _table2_audit() -> list[AuditResult]:
    counts = published.counts()
    sizes = _group_sizes()
    out = []
    for (variable, group), block in counts.groupby(["variable", "group"], sort=False):
        total, size = int(block["n"].sum()), sizes[group]
        lines = block["source"].str.extract(LINE)[0]
        src = f"{SOURCE}, Tabell 2, L{lines.iloc[0]}–L{lines.iloc[-1]}"
        note = ""
        if variable == "q06" and total == size:
            note = (
                "Skjemaet tillater flere kryss, men tallene summerer til n: hver deltaker har krysset av for én ytelse."
            )
        elif total != size:
            note = f"{size - total} i gruppen svarte ikke (Tabell 2: «Ikke alle deltakerne svarte på alle spørsmål»)."
        out.append(
            AuditResult(
                id=f"tabell2.sum.{variable}.{group}",
                source=src,
                description=(
                    f"Tabell 2: antallene for «{_variable_label(variable)}» summerer til gruppens n "
                    f"({_group_label(group)})"
                ),
                expected=str(size),
                observed=str(total),
                ok=bool(total == size),
                note=note,
            )
        )
        out.append(_percent_audit(variable, group, block, size, total, src))
    for variable, block in counts.groupby("variable", sort=False):
        wide = block.pivot_table(index="code", columns="group", values="n", aggfunc="sum")
        parts = wide.drop(columns="alle").sum(axis=1)
        bad = [int(c) for c in wide.index if int(parts[c]) != int(wide.loc[c, "alle"])]
        out.append(
            AuditResult(
                id=f"tabell2.helhet.{variable}",
                source=f"{SOURCE}, Tabell 2",
                description=f"Tabell 2: «Hele utvalget» er summen av de tre gruppene for «{_variable_label(variable)}»",
                expected="alle rader stemmer",
                observed="alle rader stemmer" if not bad else f"avvik i kode {bad}",
                ok=bool(not bad),
            )
        )
    return out


def _percent_audit(variable: str, group: str, block: pd.DataFrame, size: int, answered: int, src: str) -> AuditResult:
    """Printed % against n/N with N the group size, and, failing that, against those who answered."""
    wrong_size, wrong_both = [], []
    for row in block.itertuples(index=False):
        tol = half_unit(int(row.decimals)) + 1e-9
        by_size = 100 * row.n / size
        by_answered = 100 * row.n / answered if answered else math.nan
        if abs(by_size - row.pct) > tol:
            wrong_size.append(row)
            if not abs(by_answered - row.pct) <= tol:
                wrong_both.append(row)
    if not wrong_size:
        observed, note = "alle stemmer med n/N", ""
    elif not wrong_both:
        observed = f"{len(wrong_size)} av {len(block)} stemmer bare med antall som svarte ({answered}) som nevner"
        note = "Kolonnen bruker de som svarte som nevner, mens andre kolonner bruker hele gruppen."
    else:
        observed = "; ".join(
            f"{r.category}: trykt {fmt_num(r.pct, int(r.decimals))}, beregnet {fmt_num(100 * r.n / size, 1)}"
            for r in wrong_both
        )
        note = "Avrundingen i kilden følger ikke vanlig avrunding for disse radene."
    return AuditResult(
        id=f"tabell2.prosent.{variable}.{group}",
        source=src,
        description=(
            f"Tabell 2: prosentene for «{_variable_label(variable)}» ({_group_label(group)}) stemmer med antallene"
        ),
        expected=f"prosent = 100 · antall / {size}, avrundet som trykt",
        observed=observed,
        ok=bool(not wrong_size),
        note=note,
    )


def _table2_means_audit() -> list[AuditResult]:
    """Is the whole-sample mean/SD reachable from the three groups' printed means and SDs?"""
    means = published.means().set_index(["variable", "group"])
    sizes = _group_sizes()
    groups = [g for g in sizes if g != "alle"]
    out = []
    for variable in ("alder", "q40"):
        h = half_unit(1)
        lows_highs = []
        for signs in itertools.product((-h, h), repeat=2 * len(groups)):
            m = {g: means.loc[(variable, g), "mean"] + signs[2 * k] for k, g in enumerate(groups)}
            s = {g: means.loc[(variable, g), "sd"] + signs[2 * k + 1] for k, g in enumerate(groups)}
            n = sum(sizes[g] for g in groups)
            grand = sum(sizes[g] * m[g] for g in groups) / n
            ss = sum((sizes[g] - 1) * s[g] ** 2 + sizes[g] * (m[g] - grand) ** 2 for g in groups)
            lows_highs.append((grand, math.sqrt(ss / (n - 1))))
        for k, stat in enumerate(("mean", "sd")):
            lo, hi = min(v[k] for v in lows_highs), max(v[k] for v in lows_highs)
            printed = means.loc[(variable, "alle"), stat]
            ok = lo - h <= printed <= hi + h
            out.append(
                AuditResult(
                    id=f"tabell2.{variable}.alle.{stat}",
                    source=str(means.loc[(variable, "alle"), "source"]),
                    description=f"Tabell 2: «Hele utvalget» sitt {STAT_NAMES[stat]} for "
                    f"«{_variable_label(variable)}» følger av gruppenes tall (alle svarte)",
                    expected=f"{fmt_num(lo, 2)}–{fmt_num(hi, 2)}",
                    observed=fmt_num(printed, 1),
                    ok=bool(ok),
                )
            )
    return out


def _response_audit() -> list[AuditResult]:
    rates = published.response_rates().set_index("group")
    parts = rates.drop(index="alle")
    out = []
    for col, what in (("sent", "sendt ut"), ("answered", "svarte")):
        out.append(
            AuditResult(
                id=f"svarprosent.sum.{col}",
                source=str(rates.loc["alle", f"source_{col}"]),
                description=f"Antall {what} i de tre gruppene summerer til totalen",
                expected=str(int(rates.loc["alle", col])),
                observed=str(int(parts[col].sum())),
                ok=bool(int(parts[col].sum()) == int(rates.loc["alle", col])),
            )
        )
    return out


def _table3_audit() -> list[AuditResult]:
    counts = published.counts()
    js = counts[(counts["variable"] == "q02") & (counts["group"] == q.JOB_SPECIALIST)].set_index("code")["n"]
    available = {"alle": int(_group_sizes()[q.JOB_SPECIALIST]), "i_arbeid": int(js[1]), "ikke_i_arbeid": int(js[2])}
    out = []
    for row in published.change().itertuples(index=False):
        scale = q.codebook().scale(row.variable)
        n = int(row.df2) + 1
        out.append(_grim(row, scale, n))
        out.append(
            AuditResult(
                id=f"tabell3.df.{row.variable}",
                source=row.source,
                description=(
                    f"Tabell 3: F({row.df1}, {row.df2}) for «{scale.label}» krever {n} par; så mange fantes "
                    "i gruppen ved inklusjon"
                ),
                expected=f"≤ {available[row.subgroup]} ({q.codebook().part(row.subgroup).label.lower()})",
                observed=str(n),
                ok=bool(n <= available[row.subgroup]),
                note=""
                if n <= available[row.subgroup]
                else "Tabell 2 har bare 16 i jobbspesialistgruppen som ikke var i arbeid ved inklusjon; med rutingen "
                "i skjemaet kan høyst 16 ha svart på disse spørsmålene begge ganger.",
            )
        )
        out.append(_correlation_triangle(row, n))
        p = float(stats.f.sf(row.F, row.df1, row.df2))
        flagged = str(row.marked_significant).lower() == "true"
        out.append(
            AuditResult(
                id=f"tabell3.stjerne.{row.variable}",
                source=row.source,
                description=f"Tabell 3: stjernen (p < .05) for «{scale.label}» stemmer med F og df",
                expected="stjerne" if p < 0.05 else "ingen stjerne",
                observed="stjerne" if flagged else "ingen stjerne",
                ok=bool((p < 0.05) == flagged),
                note=f"p = {fmt_num(p, 3)} beregnet fra F({row.df1}, {row.df2}) = {fmt_num(row.F, 3)}",
            )
        )
    out.extend(_significant_text_audit())
    return out


def _grim(row: Any, scale: Scale, n: int) -> AuditResult:
    """GRIM: can n people's scores on the scale's grid (1/k for a k-item mean) give each printed mean?"""
    unit = len(scale.items) if scale.method == "mean" else 1
    lo, hi = (int(scale.range[0]), int(scale.range[1]))
    bad = [col for col in ("mean_incl", "mean_3m") if not feasible(float(getattr(row, col)), 1, n * unit, lo, hi)]
    return AuditResult(
        id=f"tabell3.grim.{scale.id}",
        source=row.source,
        description=f"Tabell 3: gjennomsnittene for «{scale.label}» er mulige med {n} personer på skalaen (GRIM)",
        expected="begge mulige",
        observed="begge mulige" if not bad else f"umulig: {bad}",
        ok=bool(not bad),
        note=f"Rutenett: 1/{n * unit} skalapoeng.",
    )


def _correlation_triangle(row: Any, n: int) -> AuditResult:
    """F, the two means and SDs imply a correlation between time points; it must lie within [−1, 1]."""
    h1, h3 = half_unit(1), half_unit(F_DECIMALS)
    values = []
    for dm0, ds0, dm3, ds3, df in itertools.product((-h1, h1), (-h1, h1), (-h1, h1), (-h1, h1), (-h3, h3)):
        m0, s0 = row.mean_incl + dm0, row.sd_incl + ds0
        m3, s3 = row.mean_3m + dm3, row.sd_3m + ds3
        f = max(row.F + df, 1e-9)
        var_d = n * (m3 - m0) ** 2 / f
        values.append((s0**2 + s3**2 - var_d) / (2 * s0 * s3))
    lo, hi = min(values), max(values)
    ok = hi >= -1 and lo <= 1
    return AuditResult(
        id=f"tabell3.korrelasjon.{row.variable}",
        source=row.source,
        description="Tabell 3: F, gjennomsnitt og standardavvik gir en mulig korrelasjon mellom målepunktene",
        expected="en korrelasjon mellom −1 og 1",
        observed=(
            f"{fmt_num(max(lo, -1.0), 2)} til {fmt_num(min(hi, 1.0), 2)}"
            if ok
            else f"{fmt_num(lo, 2)} til {fmt_num(hi, 2)}"
        ),
        ok=bool(ok),
        note="Intervallet følger av avrundingen av de trykte tallene.",
    )


def _significant_text_audit() -> list[AuditResult]:
    """Wilks' Λ, p and the 'multivariate effect size' in the text against F(1, 4) = 11.663 from the table."""
    row = published.change().set_index("variable").loc["mestringstro_ikke_i_arbeid"]
    f, df2 = float(row["F"]), int(row["df2"])
    implied = from_f(f, df2)
    wilks, p, effect = implied.wilks_lambda, implied.p, implied.eta_p2
    twice = round_float(round_float(effect, 3), 2)
    results = []
    for key, what, value, printed, decimals in (
        ("wilks", "Wilks' Λ", wilks, PUBLISHED_WILKS, 2),
        ("p", "p", p, PUBLISHED_P, 3),
        ("effekt", "multivariat effektstørrelse (1 − Λ = partiell η²)", effect, PUBLISHED_EFFECT, 2),
    ):
        ok = round_float(value, decimals) == printed
        note = ""
        if key == "effekt" and not ok and twice == printed:
            note = (
                f"1 − Λ = {fmt_num(effect, 4)} gir {fmt_num(round_float(effect, 2), 2)}; trykt {fmt_num(printed, 2)} "
                f"får man ved å runde SPSS-verdien {fmt_num(round_float(effect, 3), 3)} én gang til."
            )
        results.append(
            AuditResult(
                id=f"tabell3.tekst.{key}",
                source=SIGNIFICANT_SOURCE,
                description=f"Teksten: {what} følger av F(1, {df2}) = {fmt_num(f, 3)} i Tabell 3",
                expected=fmt_num(printed, decimals),
                observed=fmt_num(value, decimals + 2),
                ok=bool(ok),
                note=note,
            )
        )
    return results


def _power_audit() -> list[AuditResult]:
    planned = rm_within_sample_size(measurements=4, **POWER_SETTINGS)
    analysed = rm_within_sample_size(measurements=2, **POWER_SETTINGS)
    pairs = published.change()["df2"].astype(int) + 1
    return [
        AuditResult(
            id="styrkeberegning.fire_malinger",
            source=POWER_SOURCE,
            description=(
                "Styrkeberegningen (f = 0,25, α = 0,05, styrke 0,90, korrelasjon 0,5) gir N = 30 med fire målepunkter"
            ),
            expected=str(PUBLISHED_POWER_N),
            observed=f"{planned.n} (styrke {fmt_num(planned.power, 3)})",
            ok=bool(planned.n == PUBLISHED_POWER_N),
            note="Korrelasjonen 0,5 er standardverdien i G*Power; rapporten oppgir den ikke.",
        ),
        AuditResult(
            id="styrkeberegning.to_malinger",
            source=POWER_SOURCE,
            description="N = 30 er nok for sammenligningen som faktisk ble gjort (inklusjon mot tre måneder)",
            expected=str(PUBLISHED_POWER_N),
            observed=f"{analysed.n} trengs med to målepunkter",
            ok=bool(analysed.n <= PUBLISHED_POWER_N),
            note=f"Analysene i Tabell 3 har {pairs.min()}–{pairs.max()} par.",
        ),
    ]
