"""What the questionnaire chapter says, computed in one place: its data and every number glued into its prose.

The chapter (chapters/sporreskjema.md) runs on the synthetic candidate file by default and on a user's own
file when ``SE_IPS_CANDIDATES`` names one. Numbers about the report come from the published tables
(Tabell 2, Tabell 3, response rates); numbers about "the data" come from whichever file is loaded, and on a
user's own file every figure, table and glued value about it applies the minimum cell size.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from analysis.core.check_records import Check
from analysis.core.formatting import fmt_int, fmt_num, fmt_pct
from analysis.core.paths import rel
from analysis.core.sources import text_figures
from analysis.privacy.disclosure import MIN_N
from analysis.questionnaire import published, summaries
from analysis.questionnaire.answers import CandidateData, using_own_file
from analysis.questionnaire.codebook import QuestionnaireCodebook
from analysis.questionnaire.power import GPOWER_DEFAULT_CORRELATION, rm_within_power
from analysis.questionnaire.published_checks import ASSUMED, derived_checks, round_trip_checks
from analysis.questionnaire.published_consistency import (
    consistency_checks,
    correlation_for_printed_n,
    planned_sample_size,
    power_settings,
)
from analysis.questionnaire.published_transcription import transcription_checks
from analysis.questionnaire.statistics import CONFIDENCE, d_z_from_f, from_f

SIGNIFICANT = "mestringstro_ikke_i_arbeid"
"""The one Tabell 3 row the report marks significant."""
READINESS = "forventning_ikke_i_arbeid"
"""The row whose printed df needs more pairs than the routing allows (see the audit)."""
RATE_GROUPS = {"jobbspesialist": "js", "kvp": "kvp", "ekstern_tiltaksarrangor": "ext", "alle": "all"}


@dataclass(frozen=True)
class ChapterData:
    """The codebook, the file analysed and the published tables it is set against."""

    cb: QuestionnaireCodebook
    candidates: CandidateData
    own_file: bool
    counts: pd.DataFrame
    means: pd.DataFrame
    change: pd.DataFrame
    rates: pd.DataFrame

    @property
    def data(self) -> pd.DataFrame:
        return self.candidates.data

    @property
    def data_file(self) -> str:
        return rel(self.candidates.path)

    @property
    def pairs(self) -> pd.Series:
        """Printed pairs per Tabell 3 row (df2 + 1)."""
        return self.change["df2"].astype(int) + 1

    @cached_property
    def checks(self) -> list[Check]:
        """Tabell 2 and 3 regenerated from the synthetic file (round-trip): a test of the code, not the source."""
        return round_trip_checks()

    @cached_property
    def audit(self) -> list[Check]:
        """The printed tables against themselves and what follows from them (consistency and derived)."""
        return [*consistency_checks(), *derived_checks()]

    @cached_property
    def transcription(self) -> list[Check]:
        """Tabell 2, Tabell 3 and the response rates read again at their seed lines."""
        return transcription_checks()

    @cached_property
    def reproduced_change(self) -> pd.DataFrame:
        """Tabell 3 recomputed from the loaded file (synthetic, or the user's own)."""
        return summaries.change_table(self.data)


def load() -> ChapterData:
    """The synthetic candidate file, or the user's own (``SE_IPS_CANDIDATES``), with the published tables."""
    return ChapterData(
        summaries.codebook(),
        summaries.load(),
        using_own_file(),
        published.counts(),
        published.means(),
        published.change(),
        published.response_rates(),
    )


def response_facts(d: ChapterData) -> dict[str, str]:
    rate = d.rates.set_index("group")
    facts: dict[str, str] = {}
    for group, key in RATE_GROUPS.items():
        sent, answered = rate.loc[group, "sent"], rate.loc[group, "answered"]
        facts |= {
            f"{key}-sent": fmt_int(sent),
            f"{key}-answered": fmt_int(answered),
            f"{key}-rate": fmt_pct(100 * answered / sent),
        }
    return facts | {
        "data-source": "deres egen fil" if d.own_file else "de syntetiske dataene",
        "min-n": fmt_int(MIN_N),
        "ci-level": fmt_pct(100 * CONFIDENCE),
        "power-alpha": fmt_pct(100 * power_settings()["alpha"]),
    }


def reproduction_facts(d: ChapterData) -> dict[str, str]:
    """What each kind of check shows for this chapter's tables, counted from the checks themselves."""
    f_rows = [c for c in d.checks if c.id.startswith("tabell3.") and c.id.endswith(".F")]
    limited = [c for c in d.checks if c.documented is not None]
    cells = [c for c in d.transcription if not c.id.endswith(".dekning")]
    derived = [c for c in d.audit if c.kind == "derived"]
    consistency = [c for c in d.audit if c.kind == "consistency"]
    limit = limited[0] if limited else None
    return {
        "n-checks": fmt_int(len(d.checks)),
        "n-checks-ok": fmt_int(sum(c.ok for c in d.checks)),
        "n-checks-clean": fmt_int(sum(c.ok and c.documented is None for c in d.checks)),
        "n-f-rows": fmt_int(len(f_rows)),
        "n-f-exact": fmt_int(sum(c.ok and c.documented is None for c in f_rows)),
        "n-calibration-limits": fmt_int(len(limited)),
        "limit-f-published": fmt_num(float(limit.published), 3) if limit and limit.published is not None else "–",
        "limit-f-reached": fmt_num(float(limit.reproduced), 4) if limit and limit.reproduced is not None else "–",
        "tr-n": fmt_int(len(cells)),
        "tr-ok": fmt_int(sum(c.ok for c in cells)),
        "derived-n": fmt_int(len(derived)),
        "derived-ok": fmt_int(sum(c.ok for c in derived)),
        "derived-agree": fmt_int(sum(c.ok and c.documented is None and c.id not in ASSUMED for c in derived)),
        "derived-documented": fmt_int(sum(c.documented is not None for c in derived)),
        "derived-assumed": fmt_int(sum(c.ok and c.id in ASSUMED for c in derived)),
        "consistency-n": fmt_int(len(consistency)),
        "consistency-clean": fmt_int(sum(c.ok and c.documented is None for c in consistency)),
        "consistency-documented": fmt_int(sum(c.documented is not None for c in consistency)),
    }


def background_facts(d: ChapterData) -> dict[str, str]:
    """Tabell 2 for the job-specialist group, as printed (real numbers)."""
    js = d.counts[d.counts["group"] == "jobbspesialist"].set_index(["variable", "code"])["pct"]
    kvp = d.counts[d.counts["group"] == "kvp"].set_index(["variable", "code"])["pct"]
    js_means = d.means[d.means["group"] == "jobbspesialist"].set_index("variable")
    work_ability = d.cb.scale("arbeidsevne").range
    time_answered = d.counts[d.counts["variable"] == "q07"].groupby("group")["n"].sum()
    return {
        "js-men": fmt_pct(js[("kjonn", 2)]),
        "js-in-work": fmt_pct(js[("q02", 1)]),
        "js-aap": fmt_pct(js[("q06", 2)]),
        "js-unsure": fmt_pct(js[("q07", 8)]),
        "js-concentration": fmt_pct(js[("q08", 3)] + js[("q08", 4)]),
        "js-sat-js": fmt_pct(js[("q11", 1)]),
        "js-sat-nav": fmt_pct(js[("q10", 1)]),
        "kvp-sat-nav": fmt_pct(kvp[("q10", 1)]),
        "kvp-sat-contact": fmt_pct(kvp[("q11", 1)]),
        "js-age": fmt_num(js_means.loc["alder", "mean"], 1),
        "js-work-ability": fmt_num(js_means.loc["q40", "mean"], 1),
        "js-work-ability-sd": fmt_num(js_means.loc["q40", "sd"], 1),
        "wa-min": fmt_int(work_ability[0]),
        "wa-max": fmt_int(work_ability[1]),
        "time-answered-js": fmt_int(time_answered["jobbspesialist"]),
        "time-answered-all": fmt_int(time_answered["alle"]),
    }


def change_facts(d: ChapterData) -> dict[str, str]:
    """Tabell 3 as printed and what its one significant row implies by itself (derived, not from data)."""
    rows = d.change.set_index("variable")
    sig, readiness = rows.loc[SIGNIFICANT], rows.loc[READINESS]
    self_efficacy = d.cb.scale(SIGNIFICANT).range
    not_in_work = d.counts.set_index(["group", "variable", "code"]).loc[("jobbspesialist", "q02", 2), "n"]
    alpha = power_settings()["alpha"]
    return {
        "n-scales": fmt_int(len(d.change)),
        "pairs-min": fmt_int(d.pairs.min()),
        "pairs-max": fmt_int(d.pairs.max()),
        "sig-df1": fmt_int(sig["df1"]),
        "sig-df2": fmt_int(sig["df2"]),
        "sig-n": fmt_int(sig["df2"] + 1),
        "sig-f": fmt_num(sig["F"], 2),
        "sig-p": fmt_num(text_figures()["p"], 3),
        "sig-m0": fmt_num(sig["mean_incl"], 1),
        "sig-sd0": fmt_num(sig["sd_incl"], 1),
        "sig-m3": fmt_num(sig["mean_3m"], 1),
        "sig-sd3": fmt_num(sig["sd_3m"], 1),
        "se-min": fmt_int(self_efficacy[0]),
        "se-max": fmt_int(self_efficacy[1]),
        "sig-wilks": fmt_num(from_f(float(sig["F"]), int(sig["df2"])).wilks_lambda, 2),
        "js-not-in-work": fmt_int(not_in_work),
        "familywise": fmt_pct(100 * (1 - (1 - alpha) ** len(d.change))),
        "readiness-df2": fmt_int(readiness["df2"]),
        "readiness-pairs": fmt_int(readiness["df2"] + 1),
    }


def effect_size_facts(d: ChapterData) -> dict[str, str]:
    """d_z and its interval for the significant row.

    From the report's own numbers (F, df and the direction of the means in Tabell 3) unless a user's file is
    loaded; then from that file, hidden below the minimum number of pairs. Never from the synthetic file, which
    was calibrated to this F and would only give it back.
    """
    if d.own_file:
        row = d.reproduced_change.set_index("variable").loc[SIGNIFICANT]
        hidden = not row["n"] >= MIN_N
        values = {key: "–" if hidden else fmt_num(row[col], 2) for key, col in EFFECT_KEYS}
        return values | {"dz-basis": "Regnet på deres egen fil"}
    sig = d.change.set_index("variable").loc[SIGNIFICANT]
    effect = d_z_from_f(float(sig["F"]), int(sig["df2"]), float(sig["mean_3m"]) - float(sig["mean_incl"]))
    values = {key: fmt_num(value, 2) for (key, _), value in zip(EFFECT_KEYS, effect, strict=True)}
    return values | {"dz-basis": "Regnet ut fra de trykte tallene alene (d_z = ±√(F/n), fortegnet fra gjennomsnittene)"}


EFFECT_KEYS = (("sig-dz", "d_z"), ("sig-dz-low", "d_z_low"), ("sig-dz-high", "d_z_high"))


def power_facts(d: ChapterData) -> dict[str, str]:
    """The report's G*Power N re-derived: it fits the settings only under an assumed correlation (not given)."""
    target = power_settings()
    low, high = correlation_for_printed_n(2)

    def power_at(n: int) -> float:
        return rm_within_power(n, f=target["f"], alpha=target["alpha"], measurements=2)

    return {
        "power-n-printed": fmt_int(text_figures()["power_n"]),
        "power-n-4": fmt_int(planned_sample_size(4).n),
        "power-n-2": fmt_int(planned_sample_size(2).n),
        "power-rho-default": fmt_num(GPOWER_DEFAULT_CORRELATION, 1),
        "power-rho-2": fmt_num((low + high) / 2, 2),
        "power-f": fmt_num(target["f"], 2),
        "power-target": fmt_pct(100 * target["power"]),
        "power-at-min": fmt_pct(100 * power_at(int(d.pairs.min()))),
        "power-at-max": fmt_pct(100 * power_at(int(d.pairs.max()))),
    }


def audit_facts(d: ChapterData) -> dict[str, str]:
    consistency = [a for a in d.audit if a.kind == "consistency"]
    return {
        "n-audit": fmt_int(len(consistency)),
        "n-audit-off": fmt_int(sum(a.documented is not None or not a.ok for a in consistency)),
        "n-audit-failed": fmt_int(sum(not a.ok for a in consistency)),
    }


def chapter_facts(d: ChapterData | None = None) -> dict[str, str]:
    """Every number and phrase the chapter glues into its prose, formatted for Norwegian text."""
    d = d or load()
    return {
        **response_facts(d),
        **reproduction_facts(d),
        **background_facts(d),
        **change_facts(d),
        **effect_size_facts(d),
        **power_facts(d),
        **audit_facts(d),
    }
