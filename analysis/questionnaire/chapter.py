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

from analysis.core.check_records import AuditResult, Check
from analysis.core.formatting import fmt_int, fmt_num, fmt_pct
from analysis.core.paths import rel
from analysis.privacy.disclosure import MIN_N
from analysis.questionnaire import published, summaries
from analysis.questionnaire.answers import CandidateData, using_own_file
from analysis.questionnaire.codebook import QuestionnaireCodebook
from analysis.questionnaire.power import rm_within_power, rm_within_sample_size
from analysis.questionnaire.published_checks import POWER_SETTINGS, audit_checks, reproduction_checks
from analysis.questionnaire.statistics import CONFIDENCE, from_f

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
        return reproduction_checks()

    @cached_property
    def audit(self) -> list[AuditResult]:
        return audit_checks()

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
        "power-alpha": fmt_pct(100 * POWER_SETTINGS["alpha"]),
    }


def reproduction_facts(d: ChapterData) -> dict[str, str]:
    f_rows = [c for c in d.checks if c.id.startswith("tabell3.") and c.id.endswith(".F")]
    exact = sum(c.reproduced is not None and abs(c.reproduced - c.published) <= 0.0005 for c in f_rows)
    return {
        "n-checks": fmt_int(len(d.checks)),
        "n-checks-ok": fmt_int(sum(c.ok for c in d.checks)),
        "n-f-rows": fmt_int(len(f_rows)),
        "n-f-exact": fmt_int(exact),
    }


def background_facts(d: ChapterData) -> dict[str, str]:
    """Tabell 2 for the job-specialist group, as printed (real numbers)."""
    js = d.counts[d.counts["group"] == "jobbspesialist"].set_index(["variable", "code"])["pct"]
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
    alpha = POWER_SETTINGS["alpha"]
    return {
        "n-scales": fmt_int(len(d.change)),
        "pairs-min": fmt_int(d.pairs.min()),
        "pairs-max": fmt_int(d.pairs.max()),
        "sig-df1": fmt_int(sig["df1"]),
        "sig-df2": fmt_int(sig["df2"]),
        "sig-n": fmt_int(sig["df2"] + 1),
        "sig-f": fmt_num(sig["F"], 2),
        "sig-p": fmt_num(sig["p"], 3),
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
    """d_z and its interval for the significant row, from the loaded file; hidden below the minimum pairs."""
    row = d.reproduced_change.set_index("variable").loc[SIGNIFICANT]
    hidden = d.own_file and not row["n"] >= MIN_N
    return {
        key: ("–" if hidden else fmt_num(row[column], 2))
        for key, column in (("sig-dz", "d_z"), ("sig-dz-low", "d_z_low"), ("sig-dz-high", "d_z_high"))
    }


def power_facts(d: ChapterData) -> dict[str, str]:
    settings = {k: v for k, v in POWER_SETTINGS.items() if k != "power"}
    return {
        "power-n-4": fmt_int(rm_within_sample_size(measurements=4, **POWER_SETTINGS).n),
        "power-n-2": fmt_int(rm_within_sample_size(measurements=2, **POWER_SETTINGS).n),
        "power-f": fmt_num(POWER_SETTINGS["f"], 2),
        "power-target": fmt_pct(100 * POWER_SETTINGS["power"]),
        "power-at-min": fmt_pct(100 * rm_within_power(int(d.pairs.min()), measurements=2, **settings)),
        "power-at-max": fmt_pct(100 * rm_within_power(int(d.pairs.max()), measurements=2, **settings)),
    }


def audit_facts(d: ChapterData) -> dict[str, str]:
    return {"n-audit": fmt_int(len(d.audit)), "n-audit-off": fmt_int(sum(not a.ok for a in d.audit))}


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
