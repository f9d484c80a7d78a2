"""Tabell 2 and 3 and the response rates checked against themselves, with no synthetic data (kind consistency).

Sums against group sizes, percentages against counts, the whole sample against its three groups, GRIM
feasibility of the Tabell 3 means, degrees of freedom against the group they come from, the F/mean/SD
triangle, significance marks against p, and the text's F against the table's. The power calculation is not
here: the report leaves out the correlation it needs, so its N is a derived value under an assumption
(:func:`analysis.questionnaire.published_checks.derived_checks`), not a check of the source against itself.

Two rules keep "finding" honest. A disagreement the source itself explains passes with that explanation in
its note: counts summing to less than n where the table's note says not everyone answered (L1200), and a
column of percentages taken consistently of those who answered. A disagreement the source does not explain
is a documented finding (``KNOWN``): the check passes only when it observes exactly the registered value,
so a changed digit anywhere in these numbers still fails.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import pandas as pd
from scipy import stats

from analysis.core.check_records import Check, Documented, judged, numeric
from analysis.core.formatting import fmt_num
from analysis.core.grim import feasible
from analysis.core.rounding import half_unit, round_float
from analysis.core.sources import text_figures
from analysis.questionnaire import published
from analysis.questionnaire import summaries as q
from analysis.questionnaire.form import Scale
from analysis.questionnaire.power import (
    GPOWER_DEFAULT_CORRELATION,
    PowerResult,
    correlation_for_sample_size,
    rm_within_sample_size,
)

SOURCE = "004_55431284ded43f19.txt"
TABLE2_NOTE = f"{SOURCE}, Tabell 2, L1200"
SIGNIFICANT_SOURCE = f"{SOURCE}, Endring i jobbspesialistgruppen, L1206"
POWER_SOURCE = f"{SOURCE}, Analyser av det kvantitative materialet og styrkeberegning, L426"
SIGNIFICANT = "mestringstro_ikke_i_arbeid"
LINE = r"L(\d+)"
STAT_NAMES = {"mean": "gjennomsnitt", "sd": "standardavvik"}
F_DECIMALS = 3


def _rounding(check_id: str, lines: str, observed: str, why: str) -> Documented:
    return Documented(check_id, f"{SOURCE}, Tabell 2, {lines}", observed, why)


KNOWN: dict[str, Documented] = {
    d.check_id: d
    for d in (
        _rounding(
            "tabell2.prosent.q05.alle",
            "L1133 og L1138",
            "Ja, skriving: trykt 11,5, beregnet 11,6; Ja, begge deler: trykt 11,5, beregnet 11,6",
            "5 av 43 er 11,63 %, som avrundes til 11,6; kilden trykker 11,5 i hver rad med 5 av 43.",
        ),
        _rounding(
            "tabell2.prosent.q06.alle",
            "L1144, L1146 og L1150",
            "Dagpenger ved arbeidsledighet: trykt 11,5, beregnet 11,6; Kvalifiseringsstønad: trykt 11,5, "
            "beregnet 11,6; Nei, ingen av disse: trykt 11,5, beregnet 11,6",
            "5 av 43 er 11,63 %, som avrundes til 11,6; kilden trykker 11,5 i hver rad med 5 av 43.",
        ),
        _rounding(
            "tabell2.prosent.q08.jobbspesialist",
            "L1182",
            "Mer enn vanlig: trykt 35, beregnet 34,5",
            "10 av 29 er 34,5 %, som avrundes til 34; med 35 summerer kolonnen til 100.",
        ),
        _rounding(
            "tabell2.prosent.q09.ekstern_tiltaksarrangor",
            "L1186",
            "Ikke verre enn vanlig: trykt 45, beregnet 44,4",
            "4 av 9 er 44,4 %, som avrundes til 44; med 45 summerer kolonnen til 100.",
        ),
        _rounding(
            "tabell2.prosent.q11.ekstern_tiltaksarrangor",
            "L1171",
            "Helt fornøyd: trykt 45, beregnet 44,4",
            "4 av 9 er 44,4 %, som avrundes til 44; med 45 summerer kolonnen til 100.",
        ),
        Documented(
            "tabell3.df.forventning_ikke_i_arbeid",
            f"{SOURCE}, Tabell 3, L1217; Tabell 2, L1130",
            "17",
            "F(1, 16) krever 17 par, men Tabell 2 har bare 16 i jobbspesialistgruppen som ikke var i arbeid ved "
            "inklusjon, og med rutingen i skjemaet kan bare de ha svart på disse spørsmålene begge ganger.",
        ),
    )
}
"""Disagreements the source does not explain, each with the lines that show it and the value observed."""


def consistency_checks() -> list[Check]:
    return [
        *_table2_checks(),
        *_table2_means_checks(),
        *_response_checks(),
        *_table3_checks(),
        *_text_checks(),
    ]


def group_sizes() -> dict[str, int]:
    rates = published.response_rates()
    return dict(zip(rates["group"], rates["answered"].astype(int), strict=True))


def _label(variable: str) -> str:
    return q.variable_labels()[variable]


def _group(group: str) -> str:
    return q.group_labels()[group]


def _table2_checks() -> list[Check]:
    counts, sizes, out = published.counts(), group_sizes(), []
    for (variable, group), block in counts.groupby(["variable", "group"], sort=False):
        total, size = int(block["n"].sum()), sizes[group]
        lines = block["source"].str.extract(LINE)[0]
        src = f"{SOURCE}, Tabell 2, L{lines.iloc[0]}–{lines.iloc[-1]}"
        note = ""
        if variable == "q06" and total == size:
            note = (
                "Skjemaet tillater flere kryss. Summen er lik n, som tyder på ett kryss per deltaker."
            )
        elif total < size:
            note = (
                f"{size - total} i gruppen svarte ikke; tabellens merknad ({TABLE2_NOTE}) sier at ikke alle "
                "svarte på alle spørsmål."
            )
        out.append(
            judged(
                f"tabell2.sum.{variable}.{group}",
                "consistency",
                src,
                f"Tabell 2: antallene for «{_label(variable)}» summerer til høyst gruppens n ({_group(group)})",
                f"≤ {size}",
                str(total),
                agrees=total <= size,
                note=note,
            )
        )
        out.append(_percent_check(variable, group, block, size, total, src))
    for variable, block in counts.groupby("variable", sort=False):
        wide = block.pivot_table(index="code", columns="group", values="n", aggfunc="sum")
        parts = wide.drop(columns="alle").sum(axis=1)
        bad = [int(c) for c in wide.index if int(parts[c]) != int(wide.loc[c, "alle"])]
        out.append(
            judged(
                f"tabell2.helhet.{variable}",
                "consistency",
                f"{SOURCE}, Tabell 2",
                f"Tabell 2: «Hele utvalget» er summen av de tre gruppene for «{_label(variable)}»",
                "alle rader stemmer",
                "alle rader stemmer" if not bad else f"avvik i kode {bad}",
                agrees=not bad,
            )
        )
    return out


def _percent_check(variable: str, group: str, block: pd.DataFrame, size: int, answered: int, src: str) -> Check:
    """Printed % against n/N, with N the group size or, for a whole column, those who answered."""
    by_size, by_answered = [], []
    for row in block.itertuples(index=False):
        tol = half_unit(int(row.decimals)) + 1e-9
        if abs(100 * row.n / size - row.pct) > tol:
            by_size.append(row)
        if not answered or abs(100 * row.n / answered - row.pct) > tol:
            by_answered.append(row)
    note = ""
    if not by_size:
        observed = "alle stemmer med n/N"
    elif not by_answered and answered < size:
        observed = f"alle stemmer med antall som svarte ({answered}) som nevner"
        note = f"Kolonnen regner prosent av dem som svarte; tabellens merknad ({TABLE2_NOTE}) sier at ikke alle svarte."
    else:
        observed = "; ".join(
            f"{r.category}: trykt {fmt_num(r.pct, int(r.decimals))}, beregnet {fmt_num(100 * r.n / size, 1)}"
            for r in by_size
        )
    return judged(
        f"tabell2.prosent.{variable}.{group}",
        "consistency",
        src,
        f"Tabell 2: prosentene for «{_label(variable)}» ({_group(group)}) stemmer med antallene",
        f"prosent = 100 · antall / {size} (eller / antall som svarte), avrundet som trykt",
        observed,
        agrees=not by_size or (not by_answered and answered < size),
        note=note,
        known=KNOWN,
    )


def _table2_means_checks() -> list[Check]:
    """Is the whole-sample mean/SD reachable from the three groups' printed means and SDs?"""
    means, sizes = published.means().set_index(["variable", "group"]), group_sizes()
    groups = [g for g in sizes if g != "alle"]
    out = []
    for variable in means.index.get_level_values("variable").unique():
        h = half_unit(1)
        corners = []
        for signs in itertools.product((-h, h), repeat=2 * len(groups)):
            m = {g: means.loc[(variable, g), "mean"] + signs[2 * k] for k, g in enumerate(groups)}
            s = {g: means.loc[(variable, g), "sd"] + signs[2 * k + 1] for k, g in enumerate(groups)}
            n = sum(sizes[g] for g in groups)
            grand = sum(sizes[g] * m[g] for g in groups) / n
            ss = sum((sizes[g] - 1) * s[g] ** 2 + sizes[g] * (m[g] - grand) ** 2 for g in groups)
            corners.append((grand, math.sqrt(ss / (n - 1))))
        for k, stat in enumerate(("mean", "sd")):
            lo, hi = min(v[k] for v in corners), max(v[k] for v in corners)
            printed = float(means.loc[(variable, "alle"), stat])
            out.append(
                judged(
                    f"tabell2.helhet.{variable}.{stat}",
                    "consistency",
                    str(means.loc[(variable, "alle"), "source"]),
                    f"Tabell 2: «Hele utvalget» sitt {STAT_NAMES[stat]} for «{_label(variable)}» følger av gruppenes "
                    "tall (alle svarte)",
                    f"{fmt_num(lo, 2)}–{fmt_num(hi, 2)}",
                    printed,
                    agrees=lo - h <= printed <= hi + h,
                )
            )
    return out


def _response_checks() -> list[Check]:
    rates = published.response_rates().set_index("group")
    parts = rates.drop(index="alle")
    return [
        numeric(
            f"svarprosent.sum.{col}",
            "consistency",
            str(rates.loc["alle", f"source_{col}"]),
            f"Antall {what} i de tre gruppene summerer til totalen",
            float(rates.loc["alle", col]),
            float(parts[col].sum()),
            0.0,
        )
        for col, what in (("sent", "sendt ut"), ("answered", "svarte"))
    ]


def _table3_checks() -> list[Check]:
    counts = published.counts()
    js = counts[(counts["variable"] == "q02") & (counts["group"] == q.JOB_SPECIALIST)].set_index("code")["n"]
    available = {"alle": group_sizes()[q.JOB_SPECIALIST], "i_arbeid": int(js[1]), "ikke_i_arbeid": int(js[2])}
    out = []
    for row in published.change().itertuples(index=False):
        scale = q.codebook().scale(row.variable)
        n = int(row.df2) + 1
        out.append(_grim(row, scale, n))
        out.append(
            judged(
                f"tabell3.df.{row.variable}",
                "consistency",
                row.source,
                f"Tabell 3: F({row.df1}, {row.df2}) for «{scale.label}» krever {n} par; så mange fantes i gruppen",
                f"≤ {available[row.subgroup]} ({q.codebook().part(row.subgroup).label.lower()})",
                str(n),
                agrees=n <= available[row.subgroup],
                known=KNOWN,
            )
        )
        out.append(_correlation_triangle(row, n))
        p = float(stats.f.sf(row.F, row.df1, row.df2))
        flagged = str(row.marked_significant).lower() == "true"
        out.append(
            judged(
                f"tabell3.stjerne.{row.variable}",
                "consistency",
                row.source,
                f"Tabell 3: stjernen (p < .05) for «{scale.label}» stemmer med F og df",
                "stjerne" if p < 0.05 else "ingen stjerne",
                "stjerne" if flagged else "ingen stjerne",
                agrees=(p < 0.05) == flagged,
                note=f"p = {fmt_num(p, 3)} beregnet fra F({row.df1}, {row.df2}) = {fmt_num(row.F, 3)}",
            )
        )
    return out


def _grim(row: Any, scale: Scale, n: int) -> Check:
    """GRIM: can n people's scores on the scale's grid (1/k for a k-item mean) give each printed mean?"""
    unit = len(scale.items) if scale.method == "mean" else 1
    lo, hi = (int(scale.range[0]), int(scale.range[1]))
    bad = [col for col in ("mean_incl", "mean_3m") if not feasible(float(getattr(row, col)), 1, n * unit, lo, hi)]
    return judged(
        f"tabell3.grim.{scale.id}",
        "consistency",
        row.source,
        f"Tabell 3: gjennomsnittene for «{scale.label}» er mulige med {n} personer på skalaen (GRIM)",
        "begge mulige",
        "begge mulige" if not bad else f"umulig: {bad}",
        agrees=not bad,
        note=f"Rutenett: 1/{n * unit} skalapoeng.",
    )


def _correlation_triangle(row: Any, n: int) -> Check:
    """F, the two means and SDs imply a correlation between time points; it must lie within [−1, 1]."""
    h1, h3 = half_unit(1), half_unit(F_DECIMALS)
    values = []
    for dm0, ds0, dm3, ds3, df in itertools.product((-h1, h1), (-h1, h1), (-h1, h1), (-h1, h1), (-h3, h3)):
        m0, s0 = row.mean_incl + dm0, row.sd_incl + ds0
        m3, s3 = row.mean_3m + dm3, row.sd_3m + ds3
        var_d = n * (m3 - m0) ** 2 / max(row.F + df, 1e-9)
        values.append((s0**2 + s3**2 - var_d) / (2 * s0 * s3))
    lo, hi = min(values), max(values)
    ok = hi >= -1 and lo <= 1
    return judged(
        f"tabell3.korrelasjon.{row.variable}",
        "consistency",
        row.source,
        "Tabell 3: F, gjennomsnitt og standardavvik gir en mulig korrelasjon mellom målepunktene",
        "en korrelasjon mellom −1 og 1",
        f"{fmt_num(max(lo, -1.0), 2)} til {fmt_num(min(hi, 1.0), 2)}"
        if ok
        else f"{fmt_num(lo, 2)} til {fmt_num(hi, 2)}",
        agrees=ok,
        note="Intervallet følger av avrundingen av de trykte tallene.",
    )


def _text_checks() -> list[Check]:
    """The text's F(1, 4) = 11.66 (L1206) against Tabell 3's 11.663 (1, 4) for the same result."""
    row = published.change().set_index("variable").loc[SIGNIFICANT]
    text = text_figures()
    return [
        numeric(
            "tabell3.tekst.F",
            "consistency",
            f"{SIGNIFICANT_SOURCE}; {row['source']}",
            "Teksten og Tabell 3 gir samme F for jobbrelatert mestringstro (ikke i arbeid), avrundet som i teksten",
            text["f_text"],
            round_float(float(row["F"]), 2),
            0.0,
        ),
        judged(
            "tabell3.tekst.df",
            "consistency",
            f"{SIGNIFICANT_SOURCE}; {row['source']}",
            "Teksten og Tabell 3 gir samme frihetsgrader for det signifikante resultatet",
            f"({text['df1_text']:g}, {text['df2_text']:g})",
            f"({row['df1']}, {row['df2']})",
            agrees=(text["df1_text"], text["df2_text"]) == (row["df1"], row["df2"]),
        ),
    ]


def power_settings() -> dict[str, float]:
    """The report's G*Power settings as its text prints them (L426): f, α and the target power as fractions."""
    text = text_figures()
    return {"f": text["power_f"], "alpha": text["power_alpha"] / 100, "power": text["power_target"] / 100}


def planned_sample_size(measurements: int, correlation: float = GPOWER_DEFAULT_CORRELATION) -> PowerResult:
    """G*Power's N for the report's settings (L426) with the given number of measurements and correlation."""
    s = power_settings()
    return rm_within_sample_size(
        f=s["f"], alpha=s["alpha"], power=s["power"], measurements=measurements, correlation=correlation
    )


def correlation_for_printed_n(measurements: int) -> tuple[float, float]:
    """The correlations at which G*Power gives the printed N (L426) for the given number of measurements."""
    s = power_settings()
    return correlation_for_sample_size(
        int(text_figures()["power_n"]), f=s["f"], alpha=s["alpha"], power=s["power"], measurements=measurements
    )
