"""Every number and phrase the chapter «Hva fremmer og hemmer SE og IPS for innvandrere?» takes from the data.

chapters/implementeringsfaktorer.md glues :func:`chapter_facts` in one call (``glue_all``) and refers to each
fact as ``{glue:text}`if_<name>```; nothing in its prose is typed by hand. :func:`headline_numbers` and
:func:`headline_texts` hold the computations, :func:`chapter_facts` only formats them.
"""

from __future__ import annotations

import pandas as pd

from analysis.core.formatting import fmt_num
from analysis.core.rounding import round_float
from analysis.factors.agreement import agreement_facts, agreement_table, load_second_coding
from analysis.factors.checklist import readiness_checklist
from analysis.factors.codes import DIRECTION_ADJECTIVES, Level, Study
from analysis.factors.load import FactorData, load_all
from analysis.factors.summaries import barrier_coverage, counts_by_level_domain_direction, theme_summary

GLUE_PREFIX = "if_"


def headline_numbers(data: FactorData) -> dict[str, float]:
    """Every number the chapter's prose quotes, computed here so that none is typed by hand."""
    f = data.factors

    def pct(part: int, whole: int) -> float:
        return round_float(100 * part / whole, 1) if whole else float("nan")

    def n(mask: pd.Series) -> int:
        return int(mask.sum())

    numbers: dict[str, float] = {
        "n_factors": len(f),
        "n_themes": len(data.themes),
        "n_quotes": n(f["quote"] != ""),
        "n_barrier": n(f["direction"] == "barrier"),
        "n_facilitator": n(f["direction"] == "facilitator"),
        "n_mixed": n(f["direction"] == "mixed"),
        "pct_barrier": pct(n(f["direction"] == "barrier"), len(f)),
    }
    for study in Study:
        part = f[f["study"] == study.value]
        numbers[f"n_{study.value}"] = len(part)
        numbers[f"pct_barrier_{study.value}"] = pct(n(part["direction"] == "barrier"), len(part))
        numbers[f"n_facilitator_{study.value}"] = n(part["direction"] == "facilitator")
    for level in Level:
        part = f[f["level"] == level.value]
        numbers[f"n_{level.value}"] = len(part)
        numbers[f"pct_barrier_{level.value}"] = pct(n(part["direction"] == "barrier"), len(part))
    facilitators = f[f["direction"] == "facilitator"]
    numbers["pct_facilitator_individual"] = pct(n(facilitators["level"] == "individual"), len(facilitators))
    numbers["n_outer_setting"] = n(f["cfir_domain"] == "outer_setting")
    numbers["n_system_outer_barrier"] = n(
        (f["level"] == "system") & (f["cfir_domain"] == "outer_setting") & (f["direction"] == "barrier")
    )
    summary = theme_summary(data)
    numbers["n_recurring"] = n(summary["antall studier"] >= 2)
    numbers["n_all_three"] = n(summary["antall studier"] == 3)
    coverage = barrier_coverage(data)
    numbers["n_barrier_themes"] = len(coverage)
    numbers["n_barrier_themes_answered"] = n(coverage["besvart av 004"])
    numbers["n_barrier_themes_open"] = len(coverage) - numbers["n_barrier_themes_answered"]
    numbers["n_recs"] = len(data.recommendations)
    numbers["n_recs_explicit"] = n(data.recommendations["explicit"] == "yes")
    numbers["n_recs_implicit"] = n(data.recommendations["explicit"] == "no")
    numbers["n_checklist"] = len(readiness_checklist(data))
    numbers["n_interplay"] = len(data.interplay)
    return numbers


def headline_texts(data: FactorData) -> dict[str, str]:
    """Phrases the chapter's prose takes from the data (which cell is largest, which themes stand open)."""
    counts = counts_by_level_domain_direction(data)
    top = counts.loc[counts["antall"].idxmax()]
    coverage = barrier_coverage(data)
    # Open themes that at least two studies found hindering (not merely mentioned).
    open_recurring = coverage.loc[~coverage["besvart av 004"] & (coverage["antall studier med hindring"] >= 2), "tema"]
    n_hindered, n_themes = len(coverage), len(data.themes)
    return {
        "barrier_themes_all": (
            f"Alle de {fmt_num(n_themes, 0)} temaene har"
            if n_hindered == n_themes
            else f"{fmt_num(n_hindered, 0)} av de {fmt_num(n_themes, 0)} temaene har"
        ),
        "top_cell": (
            f"{DIRECTION_ADJECTIVES[top['direction']]} faktorer på {top['nivå'].lower()} "
            f"i domenet {top['domene'].lower()}"
        ),
        "open_recurring": ", ".join(f"«{theme}»" for theme in open_recurring),
    }


def chapter_facts(data: FactorData | None = None) -> dict[str, str]:
    """Glue name → formatted text for every fact in the chapter: counts without decimals, shares with one."""
    data = data or load_all()
    # A share keeps its one decimal even when it is whole («69,0»), so shares never mix precisions in prose.
    facts = {
        f"{GLUE_PREFIX}{name}": fmt_num(value, 1 if name.startswith("pct_") else 0)
        for name, value in headline_numbers(data).items()
    }
    facts.update({f"{GLUE_PREFIX}{name}": text for name, text in headline_texts(data).items()})
    agreement = agreement_table(data, load_second_coding(data))
    facts.update({f"{GLUE_PREFIX}{name}": text for name, text in agreement_facts(agreement).items()})
    return facts
