"""Tabell 1 checks: the reproduction from synthetic answers, and the table's consistency with itself."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd

from analysis.core.check_records import AuditResult, Check
from analysis.core.files import require_generated
from analysis.core.formatting import fmt_num
from analysis.core.grim import feasible
from analysis.core.paths import GENERATED, PUBLISHED
from analysis.core.rounding import half_unit, round_half_up
from analysis.fidelity.answers import read_answers
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.scoring import band_cuts, classify, score_respondents, team_summary
from analysis.fidelity.synthetic import MAX_PER_TEAM, PRINTED_DECIMALS, calibrate, published_means

SYNTHETIC_FILE = GENERATED / "fidelity_responses.sav"
TOTALS = PUBLISHED / "fidelity_totals.csv"


def reproduced_summary(path: Path = SYNTHETIC_FILE, book: FidelityCodebook | None = None) -> pd.DataFrame:
    """Team summary computed from the synthetic SPSS file through the same reader a team's file goes through."""
    codebook = book or load_fidelity_codebook()
    answers = read_answers(require_generated(path), codebook)
    return team_summary(score_respondents(answers.frame, codebook), codebook)


def printed_total(summary_row: pd.Series, items: list[str]) -> float:
    """The total as the report forms it: the sum of the item means as printed (rounded to one decimal)."""
    return float(sum(round_half_up(float(summary_row[i]), PRINTED_DECIMALS) for i in items))


def comparison(summary: pd.DataFrame, book: FidelityCodebook | None = None) -> pd.DataFrame:
    """Published vs reproduced item means, one row per item × team × time point."""
    codebook = book or load_fidelity_codebook()
    items = [i.id for i in codebook.items]
    long = summary.assign(team=summary["team"].astype(str)).melt(
        id_vars=["team", "timepoint"], value_vars=items, var_name="item_id", value_name="reproduced"
    )
    table = published_means().assign(team=lambda t: t["team"].astype(str))
    merged = table.merge(long, on=["team", "timepoint", "item_id"], how="left")
    merged["difference"] = merged["reproduced"] - merged["mean"]
    return merged


def reproduction_checks(path: Path = SYNTHETIC_FILE) -> list[Check]:
    book = load_fidelity_codebook()
    summary = reproduced_summary(path, book)
    tolerance = half_unit(PRINTED_DECIMALS)
    checks = [
        Check(
            id=f"tabell1-q{int(r.item):02d}-team{r.team}-{r.timepoint}",
            source=r.source,
            quantity=f"Tabell 1: gjennomsnitt spørsmål {int(r.item)}, team {r.team}, {r.timepoint}",
            published=float(r.mean),
            reproduced=None if pd.isna(r.reproduced) else float(r.reproduced),
            tolerance=tolerance,
            basis="synthetic",
        )
        for r in comparison(summary, book).itertuples()
    ]
    items = [i.id for i in book.items]
    indexed = summary.assign(team=summary["team"].astype(str)).set_index(["team", "timepoint"])
    for r in pd.read_csv(TOTALS).itertuples():
        row = indexed.loc[(str(r.team), r.timepoint)]
        checks.append(
            Check(
                id=f"tabell1-total-team{r.team}-{r.timepoint}",
                source=r.source,
                quantity=f"Tabell 1: totalskåre (sum av gjennomsnitt som trykt), team {r.team}, {r.timepoint}",
                published=float(r.total),
                reproduced=printed_total(row, items),
                tolerance=half_unit(int(r.decimals)),
                basis="synthetic",
            )
        )
    return checks


def audit_checks() -> list[AuditResult]:
    """Tabell 1 against itself: totals vs item sums, GRIM feasibility per column, bands of printed totals."""
    book = load_fidelity_codebook()
    table = published_means()
    totals = pd.read_csv(TOTALS)
    results: list[AuditResult] = []
    for r in totals.itertuples():
        cells = table[(table["team"] == r.team) & (table["timepoint"] == r.timepoint)]
        item_sum = sum(Decimal(str(v)) for v in cells["mean"])
        ok = abs(float(item_sum) - float(r.total)) <= half_unit(int(r.decimals))
        results.append(
            AuditResult(
                id=f"tabell1-sum-team{r.team}-{r.timepoint}",
                source=r.source,
                description=f"Totalen for team {r.team}, {r.timepoint} er summen av de 19 trykte gjennomsnittene",
                expected=fmt_num(float(r.total), 1),
                observed=fmt_num(float(item_sum), 1),
                ok=ok,
            )
        )
    ranges = {item.id: item.score_range() for item in book.items}
    calibration = calibrate(book, table)
    for (team, timepoint), cell in calibration.cells.items():
        group = table[(table["team"] == team) & (table["timepoint"] == timepoint)]
        impossible = [
            f"{r.item_id} ({fmt_num(float(r.mean), 1)})"
            for r in group.itertuples()
            if not any(
                feasible(float(r.mean), PRINTED_DECIMALS, n, *ranges[r.item_id]) for n in range(1, MAX_PER_TEAM + 1)
            )
        ]
        note = (
            "Alle gjennomsnitt er hele tall; ett svar er den enkleste forklaringen."
            if cell.n == 1
            else f"Spørsmål med færre svar: {', '.join(cell.items_with_missing) or 'ingen'}."
        )
        results.append(
            AuditResult(
                id=f"tabell1-grim-team{team}-{timepoint}",
                source=f"004_55431284ded43f19.txt, Tabell 1, team {team}, {timepoint}",
                description=(
                    f"GRIM: kan gjennomsnittene for team {team}, {timepoint} komme fra høyst {MAX_PER_TEAM} svar?"
                ),
                expected=f"alle 19 mulige med 1–{MAX_PER_TEAM} svar",
                observed=f"antatt n = {cell.n}; {cell.fits_at_n} av 19 passer med alle n svar",
                ok=not impossible,
                note=note if not impossible else f"Umulige verdier: {', '.join(impossible)}",
            )
        )
    bands = classify(totals["total"], band_cuts(book, "modified"))
    claimed_good = {(2, "12mnd"), (2, "18mnd")}  # «team 2 … skårer innenfor «godt» samsvar» (004, L1070)
    for r, band in zip(totals.itertuples(), bands, strict=True):
        expected = "godt" if (r.team, r.timepoint) in claimed_good else "rimelig"
        results.append(
            AuditResult(
                id=f"tabell1-band-team{r.team}-{r.timepoint}",
                source="004_55431284ded43f19.txt, L360–366 og L1070",
                description=f"Kategorien til totalen for team {r.team}, {r.timepoint} stemmer med rapportens omtale",
                expected=expected,
                observed=str(band),
                ok=band == expected,
            )
        )
    n_items = len(book.items)
    results.append(
        AuditResult(
            id="fidelity-item-count",
            source="004_55431284ded43f19.txt, L368 og Vedlegg 1",
            description="Metodedelen sier at skjemaet hadde 20 spørsmål; Vedlegg 1 og Tabell 1 har 19 skårede",
            expected="20",
            observed=str(n_items),
            ok=n_items == 20,
            note="Det tjuende feltet er trolig fødselsnummeret skjemaet ber om; maksimum 95 = 19 × 5 stemmer med 19.",
        )
    )
    zero_cells = table[(table["mean"] == 0)]
    zero_items = ", ".join(str(i) for i in sorted({int(i) for i in zero_cells["item"]}))
    results.append(
        AuditResult(
            id="fidelity-zero-means",
            source="004_55431284ded43f19.txt, Tabell 1, L1049 og L1064",
            description="Ingen gjennomsnitt under 1 på en skala der hvert spørsmål skåres 1–5",
            expected="0 celler",
            observed=f"{len(zero_cells)} celler med 0 (spørsmål {zero_items})",
            ok=zero_cells.empty,
            note="Avkrysningsspørsmålene ser ut til å være skåret som antall kryss (0–5), ikke 1–5.",
        )
    )
    return results
