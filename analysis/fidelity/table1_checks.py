"""Tabell 1 checks: the round trip through the synthetic answers, and the table's consistency with itself.

- ``round_trip_checks``: the synthetic SPSS file, read and scored like a team's own file, gives every printed
  item mean and total back. A test of the reader, the scorer and the generator: the file was calibrated to
  Tabell 1, so passing says nothing about the source.
- ``consistency_checks``: Tabell 1 against itself and the report's text, with no synthetic data: totals as
  sums of the printed means, GRIM feasibility, the bands the text names. Two disagreements are documented
  inconsistencies of the source (``KNOWN``) and pass only as exactly those.

The transcription of Tabell 1 against its seed lines is in :mod:`analysis.fidelity.table1_transcription`.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd

from analysis.core.check_records import Check, Documented, judged, numeric
from analysis.core.files import require_generated
from analysis.core.formatting import fmt_num
from analysis.core.grim import feasible
from analysis.core.paths import GENERATED, PUBLISHED
from analysis.core.rounding import half_unit, round_half_up
from analysis.core.sources import text_figure
from analysis.fidelity.answers import read_answers
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.scoring import band_cuts, classify, max_total, score_respondents, team_summary
from analysis.fidelity.synthetic import MAX_PER_TEAM, PRINTED_DECIMALS, calibrate, published_means

SYNTHETIC_FILE = GENERATED / "fidelity_responses.sav"
TOTALS = PUBLISHED / "fidelity_totals.csv"
SOURCE = "004_55431284ded43f19.txt"

KNOWN: dict[str, Documented] = {
    d.check_id: d
    for d in (
        Documented(
            "fidelity-item-count",
            f"{SOURCE}, L368; Vedlegg 1, L1458–1644; Tabell 1, L1043–1064",
            "19",
            "Metodekapitlet sier at skjemaet hadde 20 spørsmål, men Vedlegg 1 og Tabell 1 har 19 skårede. Det "
            "tjuende feltet er trolig fødselsnummeret skjemaet ber om.",
        ),
        Documented(
            "fidelity-zero-means",
            f"{SOURCE}, Tabell 1, L1049 og L1064",
            "5 celler med 0 (spørsmål 7, 19)",
            "Tabell 1 har gjennomsnitt 0 på spørsmål som skal skåres 1–5; avkrysningsspørsmålene ser ut til å være "
            "skåret som antall kryss (0–5).",
        ),
    )
}
"""Documented inconsistencies of the source: the check passes only when it observes exactly these."""


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


def round_trip_checks(path: Path = SYNTHETIC_FILE) -> list[Check]:
    """Every printed item mean and total against the synthetic file scored like a team's file (a code test)."""
    book = load_fidelity_codebook()
    summary = reproduced_summary(path, book)
    tolerance = half_unit(PRINTED_DECIMALS)
    checks = [
        numeric(
            f"tabell1-q{int(r.item):02d}-team{r.team}-{r.timepoint}",
            "round-trip",
            r.source,
            f"Tabell 1: gjennomsnitt spørsmål {int(r.item)}, team {r.team}, {r.timepoint}",
            float(r.mean),
            None if pd.isna(r.reproduced) else float(r.reproduced),
            tolerance,
        )
        for r in comparison(summary, book).itertuples()
    ]
    items = [i.id for i in book.items]
    indexed = summary.assign(team=summary["team"].astype(str)).set_index(["team", "timepoint"])
    for r in pd.read_csv(TOTALS).itertuples():
        row = indexed.loc[(str(r.team), r.timepoint)]
        checks.append(
            numeric(
                f"tabell1-total-team{r.team}-{r.timepoint}",
                "round-trip",
                r.source,
                f"Tabell 1: totalskår (sum av gjennomsnitt som trykt), team {r.team}, {r.timepoint}",
                float(r.total),
                printed_total(row, items),
                half_unit(int(r.decimals)),
            )
        )
    return checks


def consistency_checks() -> list[Check]:
    """Tabell 1 against itself: totals vs item sums, GRIM feasibility per column, bands, the two known findings."""
    book = load_fidelity_codebook()
    table = published_means()
    totals = pd.read_csv(TOTALS)
    return [
        *_sum_checks(table, totals),
        *_grim_checks(book, table),
        *_band_checks(book, totals),
        *_range_checks(book, table),
    ]


def _sum_checks(table: pd.DataFrame, totals: pd.DataFrame) -> list[Check]:
    out = []
    for r in totals.itertuples():
        cells = table[(table["team"] == r.team) & (table["timepoint"] == r.timepoint)]
        item_sum = sum(Decimal(str(v)) for v in cells["mean"])
        out.append(
            numeric(
                f"tabell1-sum-team{r.team}-{r.timepoint}",
                "consistency",
                r.source,
                f"Tabell 1: totalen for team {r.team}, {r.timepoint} er summen av de {len(cells)} trykte snittene",
                float(r.total),
                float(item_sum),
                half_unit(int(r.decimals)),
            )
        )
    return out


def _grim_checks(book: FidelityCodebook, table: pd.DataFrame) -> list[Check]:
    ranges = {item.id: item.score_range() for item in book.items}
    out = []
    for (team, timepoint), cell in calibrate(book, table).cells.items():
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
        out.append(
            judged(
                f"tabell1-grim-team{team}-{timepoint}",
                "consistency",
                f"{SOURCE}, Tabell 1, team {team}, {timepoint}; L1072 (høyst {MAX_PER_TEAM} per team)",
                f"GRIM: kan gjennomsnittene for team {team}, {timepoint} komme fra høyst {MAX_PER_TEAM} svar?",
                f"alle {len(group)} mulige med 1–{MAX_PER_TEAM} svar",
                f"antatt n = {cell.n}; {cell.fits_at_n} av {len(group)} passer med alle n svar",
                agrees=not impossible,
                note=note if not impossible else f"Umulige verdier: {', '.join(impossible)}",
            )
        )
    return out


def _band_checks(book: FidelityCodebook, totals: pd.DataFrame) -> list[Check]:
    bands = classify(totals["total"], band_cuts(book, "modified"))
    claimed_good = {(2, "12mnd"), (2, "18mnd")}  # «team 2 … skårer innenfor «godt» samsvar» (004, L1070)
    out = []
    for r, band in zip(totals.itertuples(), bands, strict=True):
        expected = "godt" if (r.team, r.timepoint) in claimed_good else "rimelig"
        out.append(
            judged(
                f"tabell1-band-team{r.team}-{r.timepoint}",
                "consistency",
                f"{SOURCE}, L360–366 og L1070",
                f"Kategorien til totalen for team {r.team}, {r.timepoint} stemmer med rapportens omtale",
                expected,
                str(band),
                agrees=band == expected,
            )
        )
    return out


def _range_checks(book: FidelityCodebook, table: pd.DataFrame) -> list[Check]:
    """The two documented inconsistencies: «20 spørsmål» against 19 scored items, and means of 0."""
    printed_count = int(text_figure("fidelity_questions"))
    n_items = len(book.items)
    printed_max = book.scales["modified"].max_score
    reaching = [v.id for v in book.variants if max_total(book, [v.id]) == printed_max]
    maximum = (
        f"Det trykte maksimum {printed_max} tilsvarer {n_items} spørsmål à fem poeng. Med prosjektets standardregel "
        f"er høyeste mulige total {max_total(book)}"
        + (
            f"; {printed_max} nås med varianten {' eller '.join(reaching)}."
            if reaching and max_total(book) != printed_max
            else "."
        )
    )
    zero_cells = table[(table["mean"] == 0)]
    zero_items = ", ".join(str(i) for i in sorted({int(i) for i in zero_cells["item"]}))
    observed_zero = f"{len(zero_cells)} celler med 0 (spørsmål {zero_items})" if len(zero_cells) else "0 celler"
    return [
        judged(
            "fidelity-item-count",
            "consistency",
            f"{SOURCE}, L368 og Vedlegg 1",
            "Metodekapitlets antall spørsmål i skjemaet mot de skårede spørsmålene i Vedlegg 1 og Tabell 1",
            str(printed_count),
            str(n_items),
            agrees=n_items == printed_count,
            note=maximum,
            known=KNOWN,
        ),
        judged(
            "fidelity-zero-means",
            "consistency",
            f"{SOURCE}, Tabell 1, L1049 og L1064",
            "Ingen gjennomsnitt under 1 på en skala der hvert spørsmål skåres 1–5",
            "0 celler",
            observed_zero,
            agrees=zero_cells.empty,
            known=KNOWN,
        ),
    ]
