"""How far a second, blind coder agrees with the first: Cohen's κ per coded field on a random 20 % sample.

A coded review is only as trustworthy as its codes are reproducible. A second coder, who saw the units
(label, description, source reference), the coding frame, the themes and the source text but not the first
coding, coded a seeded random fifth of the factors again (``data/coded/second_coding.csv``). This module
draws that sample (so anyone can check it was not picked), checks the second coding like the first, and
measures agreement per field.

κ corrects the share of identical codes for the agreement two coders would reach by chance given how often
each used each code: κ = (pₒ − pₑ) / (1 − pₑ). Empty codes (no EUSE stage, no IPS principle) are a category
of their own, because deciding that a factor has no stage is also a coding decision.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.core.errors import InputError, Problem
from analysis.core.files import read_text
from analysis.core.paths import CODED, rel
from analysis.factors.load import FactorData

SECOND_CODING = CODED / "second_coding.csv"
SAMPLE_SHARE = 0.2
SAMPLE_SEED = 2026
FIELDS: dict[str, str] = {
    "level": "Nivå",
    "direction": "Retning",
    "cfir_domain": "CFIR-domene",
    "cfir_construct": "CFIR-konstrukt",
    "euse_stage": "EUSE-trinn",
    "ips_principle": "IPS-prinsipp",
    "theme_id": "Tema",
}
NONE = "(ingen)"


def sample_ids(factor_ids: Sequence[str], share: float = SAMPLE_SHARE, seed: int = SAMPLE_SEED) -> list[str]:
    """The factors drawn for the second coding: ``share`` of them (rounded up), seeded, in id order."""
    ids = sorted(factor_ids)
    return sorted(random.Random(seed).sample(ids, math.ceil(share * len(ids))))


def cohens_kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's κ of two coders' codes for the same units; 1.0 when both used one and the same code throughout."""
    if len(first) != len(second) or not first:
        raise ValueError("kappa needs two equally long, non-empty lists of codes")
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    a_counts, b_counts = Counter(first), Counter(second)
    expected = sum(a_counts[c] * b_counts[c] for c in a_counts) / (n * n)
    if expected == 1.0:
        return 1.0
    return (observed - expected) / (1.0 - expected)


def landis_koch(kappa: float) -> str:
    """The conventional verbal label (Landis & Koch 1977) for a κ, in Norwegian."""
    for limit, label in ((0.0, "dårlig"), (0.2, "ubetydelig"), (0.4, "svak"), (0.6, "moderat"), (0.8, "betydelig")):
        if kappa <= limit:
            return label
    return "nesten perfekt"


@dataclass(frozen=True)
class SecondCoding:
    """The second coder's codes, one row per sampled factor, with the second coder's notes."""

    frame: pd.DataFrame


def load_second_coding(data: FactorData, path: Path = SECOND_CODING) -> SecondCoding:
    """Read the second coding and check it: exactly the seeded sample, and only codes the first coding may use."""
    import io

    file = rel(path)
    frame = pd.read_csv(io.StringIO(read_text(path)), dtype=str, keep_default_na=False)
    problems = [Problem(file, "kolonnen mangler", column=c) for c in ("factor_id", *FIELDS) if c not in frame]
    if problems:
        raise InputError(problems)
    expected = sample_ids(list(data.factors["factor_id"]))
    if sorted(frame["factor_id"]) != expected:
        problems.append(Problem(file, f"radene må være nøyaktig utvalget {', '.join(expected)} (seed {SAMPLE_SEED})"))
    allowed = {field: set(data.factors[field]) | _frame_codes(data, field) for field in FIELDS}
    for row_number, row in enumerate(frame.itertuples(index=False), start=2):
        for field in FIELDS:
            value = getattr(row, field)
            if value and value not in allowed[field]:
                problems.append(Problem(file, f"ukjent kode «{value}»", row=row_number, column=field))
    if problems:
        raise InputError(problems)
    return SecondCoding(frame)


def _frame_codes(data: FactorData, field: str) -> set[str]:
    frame = data.frame
    if field == "level":
        return {c.id for c in frame.levels}
    if field == "direction":
        return {c.id for c in frame.directions}
    if field == "cfir_domain":
        return {d.id for d in frame.domains}
    if field == "cfir_construct":
        return {c.id for d in frame.domains for c in d.constructs}
    if field == "euse_stage":
        return {c.id for c in frame.euse_stages}
    if field == "ips_principle":
        return {c.id for c in frame.ips_principles}
    return set(data.themes["theme_id"])


def agreement_table(data: FactorData, second: SecondCoding) -> pd.DataFrame:
    """Per field: units compared, share with identical codes, Cohen's κ and its conventional label."""
    first = data.factors.set_index("factor_id").loc[second.frame["factor_id"]]
    rows = []
    for field, label in FIELDS.items():
        a = [v or NONE for v in first[field]]
        b = [v or NONE for v in second.frame[field]]
        kappa = cohens_kappa(a, b)
        rows.append(
            {
                "felt": label,
                "enheter": len(a),
                "samme kode (%)": 100 * sum(x == y for x, y in zip(a, b, strict=True)) / len(a),
                "Cohens κ": kappa,
                "vurdering": landis_koch(kappa),
            }
        )
    return pd.DataFrame(rows)


def agreement_facts(table: pd.DataFrame) -> dict[str, str]:
    """The agreement figures the chapter states: sample size, and κ of the weakest and strongest fields."""
    from analysis.core.formatting import decapitalise, fmt_int, fmt_num

    ordered = table.sort_values("Cohens κ")
    low, high = ordered.iloc[0], ordered.iloc[-1]
    return {
        "n-second": fmt_int(int(table["enheter"].iloc[0])),
        "second-share": fmt_int(100 * SAMPLE_SHARE),
        "kappa-low-field": decapitalise(str(low["felt"])),
        "kappa-low": fmt_num(float(low["Cohens κ"]), 2),
        "kappa-low-label": str(low["vurdering"]),
        "kappa-high-field": decapitalise(str(high["felt"])),
        "kappa-high": fmt_num(float(high["Cohens κ"]), 2),
        "kappa-level": fmt_num(float(table.set_index("felt").loc["Nivå", "Cohens κ"]), 2),
        "kappa-direction": fmt_num(float(table.set_index("felt").loc["Retning", "Cohens κ"]), 2),
    }
