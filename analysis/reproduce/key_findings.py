"""Every number the «Hovedfunn» page (book/hovedfunn.md) states, taken from the domains that back each finding.

The page sums up the chapters, so its numbers must be the chapters' numbers: each comes from the same
tested function the chapter itself glues (the domains' ``chapter_facts`` parts), or is counted here from the
same data in the same way, never typed. The module sits in ``reproduce`` because that is the one layer
above the domains, allowed to read all of them (as :mod:`analysis.reproduce.report` does for the checks).

What kind of number each finding is, the page says in words; here it is a rule the tests hold the code to:
no value on the page depends on a synthetic file. Fidelity findings use Tabell 1 as printed (not the
calibrated answers), questionnaire findings the printed Tabell 2 and 3 and the report's response counts
(not the candidate file), effect figures the published evidence table, factor findings the coded factors
and case findings the case files.

Glue names are ``hf_<domain>_<name>``; :func:`key_findings` returns them all, formatted for Norwegian prose.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from analysis.cases import Case, case_set_facts, load_cases
from analysis.cases.vocabulary import OUTCOME_LABELS, THEMES
from analysis.core.formatting import decapitalise, fmt_count_opening, fmt_count_word, fmt_int, fmt_num
from analysis.evidence import load_se_evidence, value
from analysis.factors import chapter_facts as factor_chapter_facts
from analysis.factors.load import FactorData, load_all
from analysis.factors.summaries import theme_summary
from analysis.fidelity import chapter as fidelity_chapter
from analysis.fidelity.scoring import band_cuts
from analysis.questionnaire import chapter as questionnaire_chapter

PREFIX = "hf_"
FIDELITY_KEYS = ("n-columns", "max-per-team", "q18-below3", "q18-v3", "max-modified")
QUESTIONNAIRE_KEYS = (
    "js-answered",
    "js-sent",
    "js-sat-js",
    "js-sat-nav",
    "n-scales",
    "sig-n",
    "pairs-min",
    "pairs-max",
    "power-at-min",
    "power-at-max",
    "power-rho-default",
)
FACTOR_KEYS = (
    "if_n_factors",
    "if_n_barrier",
    "if_n_facilitator",
    "if_n_system",
    "if_pct_barrier_system",
    "if_pct_facilitator_individual",
    "if_n_all_three",
    "if_n_themes",
    "if_kappa-level",
    "if_n-second",
)
CASE_KEYS = (
    "cases_n",
    "cases_failure",
    "cases_basis_hovedforlop",
    "cases_basis_felles_trekk",
    "cases_basis_monstre",
)
SATISFIED = ("q11", 1)
"""Tabell 2: «helt fornøyd» with the contact person in the programme (job specialist or supervisor)."""
LOWEST_NAMED = 3
"""How many of the lowest-scoring fidelity items the page names."""
REVIEWED = date(2026, 11, 30)
"""When «Hovedfunn» was last reviewed for content; the English summary, which sums it up, shows the same date."""
_MONTHS = {
    "nb": "januar februar mars april mai juni juli august september oktober november desember".split(),
    "en": "January February March April May June July August September October November December".split(),
}


def _join(parts: Sequence[str]) -> str:
    """«a», «a og b», «a, b og c»."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} og {parts[-1]}"


def _timepoints(labels: Sequence[str]) -> str:
    """Time points as prose: «12 og 18 måneder» for month labels, «inklusjon og 3 måneder» for mixed ones."""
    months = [label.removesuffix(" mnd") for label in labels if label.endswith(" mnd")]
    if len(months) == len(labels):
        return f"{_join(months)} måneder"
    return _join(
        [f"{label.removesuffix(' mnd')} måneder" if label.endswith(" mnd") else label.lower() for label in labels]
    )


def fidelity_findings(data: fidelity_chapter.ChapterData | None = None) -> dict[str, str]:
    """Tabell 1 as printed: which team reached «godt» when, the lowest items, the 40 % item, the caveats."""
    data = data or fidelity_chapter.load()
    facts = {**fidelity_chapter.scale_facts(data), **fidelity_chapter.findings_facts(data)}
    bands, labels = data.published_bands, data.timepoint_labels
    order = {tp.id: i for i, tp in enumerate(data.book.timepoints)}
    good = bands[bands["modified"] == "godt"].assign(order=lambda f: f["timepoint"].map(order))
    good = good.sort_values(["team", "order"])
    where = [
        f"team {team} ved {_timepoints([labels[tp] for tp in group['timepoint']])}"
        for team, group in good.groupby("team", sort=True)
    ]
    others = bands[bands["modified"] != "godt"]["modified"]
    # The count of band changes under proportional limits uses the printed totals only (part a of the chapter).
    moved = int((bands["modified"] != bands["proportional"]).sum())
    limit = next(cut.min for cut in band_cuts(data.book, "modified") if cut.id == "godt")
    lowest = data.item_stats.nsmallest(LOWEST_NAMED, "mean").index
    book = data.book
    return {
        **{key: facts[key] for key in FIDELITY_KEYS},
        "n-changed-a": fmt_int(moved),
        "n-good": fmt_int(len(good)),
        "good-limit": fmt_num(limit, 0 if float(limit).is_integer() else 1),
        "total-min": fmt_num(data.totals["total"].min(), 1),
        "total-max": fmt_num(data.totals["total"].max(), 1),
        "good-where": "; ".join(where) if where else "ingen måling",
        # Counts inside sentences are words up to twelve («de øvrige seks målingene», «høyst fem jobbspesialister»).
        "n-other": fmt_count_word(len(others)),
        "max-per-team-word": fmt_count_word(int(facts["max-per-team"])),
        "other-bands": " eller ".join(f"«{b}»" for b in sorted(set(others))),
        "lowest-named": _join([f"{book.item(i).label.lower()} (spørsmål {book.item(i).number})" for i in lowest]),
    }


def questionnaire_findings(d: questionnaire_chapter.ChapterData | None = None) -> dict[str, str]:
    """The report's response counts, Tabell 2 and Tabell 3 as printed, and the power they imply."""
    d = d or questionnaire_chapter.load()
    facts = {
        **questionnaire_chapter.response_facts(d),
        **questionnaire_chapter.background_facts(d),
        **questionnaire_chapter.change_facts(d),
        **questionnaire_chapter.power_facts(d),
    }
    # The count behind the printed share (Tabell 2, L1171: 22 of the 29 who answered in the job-specialist group).
    counts = d.counts.set_index(["group", "variable", "code"])["n"]
    satisfied = counts.loc[("jobbspesialist", *SATISFIED)]
    return {**{key: facts[key] for key in QUESTIONNAIRE_KEYS}, "js-sat-js-n": fmt_int(int(satisfied))}


def factor_findings(data: FactorData | None = None) -> dict[str, str]:
    """The coded factors: where the barriers sit, and the themes all three studies share."""
    data = data or load_all()
    facts = factor_chapter_facts(data)
    summary = theme_summary(data)
    shared = summary.loc[summary["antall studier"] == 3, "tema"].tolist()
    barriers = data.factors[data.factors["direction"] == "barrier"]
    facilitators = data.factors[data.factors["direction"] == "facilitator"]
    return {
        **{key.removeprefix("if_"): facts[key] for key in FACTOR_KEYS},
        "n_system_barrier": fmt_int(int((barriers["level"] == "system").sum())),
        "n_organisation_barrier": fmt_int(int((barriers["level"] == "organisation").sum())),
        # The count behind if_pct_facilitator_individual, so the page can give «12 av de 30 … (40,0 prosent)».
        "n_individual_facilitator": fmt_int(int((facilitators["level"] == "individual").sum())),
        "themes-all-three": _join([f"«{decapitalise(theme)}»" for theme in shared]),
    }


def case_findings(cases: Sequence[Case] | None = None) -> dict[str, str]:
    """The case set: how many, what they rest on, and how many touch the workplace, lasting jobs and each outcome."""
    cases = load_cases() if cases is None else cases
    counts = case_set_facts(cases)

    def with_theme(theme: str) -> int:
        if theme not in THEMES:
            raise KeyError(f"{theme} is not a case theme")
        return sum(theme in c.meta.themes for c in cases)

    def ending(outcome: str) -> int:
        if outcome not in OUTCOME_LABELS:
            raise KeyError(f"{outcome} is not a case outcome")
        return sum(c.meta.outcome == outcome for c in cases)

    permanent = ending("fast_jobb")
    return {
        **{key.removeprefix("cases_"): fmt_int(counts[key]) for key in CASE_KEYS},
        "n-workplace": fmt_int(with_theme("oppfolging-arbeidsplass")),
        "n-lasting": fmt_int(with_theme("varig-jobb")),
        "n-temporary": fmt_int(ending("midlertidig_jobb")),
        # The same count where it opens a sentence («Fire ender med …»).
        "n-temporary-opening": fmt_count_opening(ending("midlertidig_jobb")),
        # These follow «Fire ender med …» in the same sentence, so they are words too («to i jobb», «én med …»).
        "n-in-work": fmt_count_word(ending("i_jobb")),
        "n-at-workplace": fmt_count_word(ending("pa_arbeidsplass_uavklart")),
        "n-permanent": fmt_int(permanent),
        "permanent": f"{fmt_count_word(permanent)} ender med fast jobb",
    }


def evidence_findings(evidence: pd.DataFrame | None = None) -> dict[str, str]:
    """The published effect figures the background page quotes (kunnskapsstatus per 2019–2020)."""
    evidence = load_se_evidence() if evidence is None else evidence

    def number(evidence_id: str) -> str:
        v = value(evidence, evidence_id)
        return fmt_num(v, 0 if v.is_integer() else 1)

    return {
        "ips-odds": number("E01"),
        "ips-trial": number("E02"),
        "ips-control": number("E03"),
        "ips-diff": fmt_num(value(evidence, "E02") - value(evidence, "E03"), 0),
        "immigrants-n": number("E11"),
        "immigrants-work": number("E12"),
        "immigrants-pct": fmt_num(100 * value(evidence, "E12") / value(evidence, "E11"), 0),
    }


def reviewed_on(language: str = "nb") -> str:
    """The date of the last content review as the page's language writes it: «30. november 2026», «30 November 2026»."""
    month = _MONTHS[language][REVIEWED.month - 1]
    return f"{REVIEWED.day}. {month} {REVIEWED.year}" if language == "nb" else f"{REVIEWED.day} {month} {REVIEWED.year}"


def key_findings() -> dict[str, str]:
    """Every glue name the «Hovedfunn» page uses, with its formatted value."""
    parts = {
        "ev": evidence_findings(),
        "if": factor_findings(),
        "fid": fidelity_findings(),
        "q": questionnaire_findings(),
        "case": case_findings(),
        "page": {"reviewed": reviewed_on("nb")},
    }
    return {f"{PREFIX}{domain}_{name}": text for domain, facts in parts.items() for name, text in facts.items()}
