"""Reader-facing tables for the questionnaire chapter: published numbers next to recomputed ones.

When the chapter runs on a user's own file, counts below five and statistics from fewer than five people
are hidden here (analysis.privacy.disclosure) before anything reaches the page. Published numbers are shown as
printed, always.
"""

from __future__ import annotations

import pandas as pd

from analysis.core.check_records import Check
from analysis.core.formatting import fmt_num
from analysis.core.rounding import round_float
from analysis.privacy.disclosure import MIN_N, suppress_small_cells, suppress_small_groups
from analysis.questionnaire.codebook import QuestionnaireCodebook
from analysis.questionnaire.summaries import group_labels, variable_labels

METHOD_TEXT = {"mean": "gjennomsnitt av spørsmålene", "count_keyed": "antall utsagn med indre kontrollplassering"}
RELIABILITY_NOT_SHOWN = (
    "Tabellen vises bare når kapitlet kjøres på en egen fil, fordi α regnet på de syntetiske dataene bare viser "
    "hvordan generatoren fordelte skårene, ikke hvor godt spørsmålene henger sammen."
)
COMPARISON_NOT_SHOWN = (
    "Figuren vises bare når kapitlet kjøres på en egen fil, fordi de syntetiske dataene er laget slik at de ikke "
    "motsier rapporten her, og en test på dem ville bare vise det."
)
"""Why two outputs are not shown on the synthetic file: they would only show what the generator was made to do."""


def people(n: object, *, own_file: bool) -> object:
    """A count of people as shown: on a user's own file, 1 to MIN_N − 1 becomes «under MIN_N»."""
    if pd.isna(n):
        return 0
    count = int(n)  # type: ignore[call-overload]
    return f"under {MIN_N}" if own_file and 0 < count < MIN_N else count


def m_sd(mean: float, sd: float, decimals: int = 1) -> str:
    """'7,0 (2,5)' as in the report, rounded half-up like SPSS."""
    if pd.isna(mean):
        return "–"
    return f"{fmt_num(round_float(mean, decimals), decimals)} ({fmt_num(round_float(sd, decimals), decimals)})"


def response_table(rates: pd.DataFrame, cb: QuestionnaireCodebook) -> pd.DataFrame:
    labels = group_labels(cb)
    out = pd.DataFrame(
        {
            "Gruppe": rates["group"].map(labels),
            "Sendt ut": rates["sent"].astype(int),
            "Svarte": rates["answered"].astype(int),
            "Svarprosent (beregnet her)": [
                fmt_num(100 * a / s, 0) + " %" for a, s in zip(rates["answered"], rates["sent"], strict=True)
            ],
        }
    )
    return out


def instrument_table(cb: QuestionnaireCodebook) -> pd.DataFrame:
    """One row per score in Tabell 3: which questions, which part of the form, which source, how scored."""
    sources = {s.id: s.citation for s in cb.source_instruments}
    parts = {p.id: p.label for p in cb.parts}
    rows = []
    for scale in cb.scales:
        first = cb.item_scale(scale.items[0].item)
        rows.append(
            {
                "Mål": scale.label,
                "Spørsmål nr.": ", ".join(r.item for r in scale.items),
                "Stilles til": parts[scale.subgroup],
                "Svarskala": first.describe()
                if first.kind == "numeric"
                else f"{first.options[0].label} … {first.options[-1].label}",
                "Skåring": METHOD_TEXT[scale.method],
                "Kilde": sources[scale.source_instrument],
            }
        )
    return pd.DataFrame(rows)


def assumption_table(cb: QuestionnaireCodebook) -> pd.DataFrame:
    return pd.DataFrame([{"Antakelse": a.id, "Hva prosjektet har lagt til grunn": a.text} for a in cb.assumptions])


def table2_comparison(
    published: pd.DataFrame, reproduced: pd.DataFrame, cb: QuestionnaireCodebook, *, own_file: bool
) -> pd.DataFrame:
    """Tabell 2 counts as printed next to the counts in the analysed file (hidden below five for own files)."""
    labels = group_labels(cb)
    counts = reproduced.pivot_table(index=["variable", "code"], columns="group", values="n", aggfunc="sum")
    groups = list(labels)
    if own_file:
        flat = counts.reset_index()
        safe = suppress_small_cells(flat, groups, MIN_N, block_col="variable", total_col="alle")
        counts = safe.set_index(["variable", "code"])
    mine = "deres fil" if own_file else "gjenskapt"
    rows = []
    for row in published[published["group"] == "alle"].itertuples(index=False):
        out = {"Spørsmål": variable_labels(cb)[row.variable], "Kategori": row.category}
        for g in groups:
            pub = published[
                (published["variable"] == row.variable) & (published["code"] == row.code) & (published["group"] == g)
            ]["n"].iloc[0]
            out[f"{labels[g]} (publisert)"] = int(pub)
            value = counts.loc[(row.variable, row.code), g] if (row.variable, row.code) in counts.index else pd.NA
            out[f"{labels[g]} ({mine})"] = "skjult" if pd.isna(value) else int(value)
        rows.append(out)
    return pd.DataFrame(rows)


def table3_comparison(
    published: pd.DataFrame, reproduced: pd.DataFrame, cb: QuestionnaireCodebook, *, own_file: bool
) -> pd.DataFrame:
    """Tabell 3 as printed next to the same statistics from the analysed file."""
    rep = reproduced.set_index("variable")
    if own_file:
        stats_cols = ["mean_before", "sd_before", "mean_after", "sd_after", "F", "p"]
        rep = suppress_small_groups(rep, "n", [c for c in stats_cols if c in rep.columns], MIN_N)
    mine = "deres fil" if own_file else "gjenskapt"
    rows = []
    for row in published.itertuples(index=False):
        r = rep.loc[row.variable] if row.variable in rep.index else pd.Series(dtype=float)
        rows.append(
            {
                "Mål": cb.scale(row.variable).label,
                "n (publisert)": int(row.df2) + 1,
                f"n ({mine})": people(r.get("n", 0), own_file=own_file),
                "Inklusjon (publisert)": m_sd(row.mean_incl, row.sd_incl),
                f"Inklusjon ({mine})": m_sd(r.get("mean_before"), r.get("sd_before")),
                "3 mnd (publisert)": m_sd(row.mean_3m, row.sd_3m),
                f"3 mnd ({mine})": m_sd(r.get("mean_after"), r.get("sd_after")),
                "F (publisert)": fmt_num(row.F, 3) + ("*" if str(row.marked_significant).lower() == "true" else ""),
                f"F ({mine})": "–" if pd.isna(r.get("F")) else fmt_num(r.get("F"), 3),
                f"p ({mine})": "–" if pd.isna(r.get("p")) else fmt_num(round_float(r.get("p"), 3), 3),
            }
        )
    return pd.DataFrame(rows)


def publishable_comparison(table: pd.DataFrame, *, own_file: bool) -> pd.DataFrame:
    """In-work vs not-in-work tests; on a user's own file, only those where both groups have at least MIN_N."""
    if "d" not in table.columns:
        return table.iloc[0:0].assign(d=pd.Series(dtype=float))
    if not own_file:
        return table
    return table[(table["n_x"] >= MIN_N) & (table["n_y"] >= MIN_N)].reset_index(drop=True)


def reliability_view(table: pd.DataFrame, *, own_file: bool = True) -> pd.DataFrame:
    """Cronbach's α with its interval; on a user's own file, scales answered by fewer than MIN_N are hidden."""
    small = table["n"].astype(float) < MIN_N if own_file else pd.Series(False, index=table.index)
    return pd.DataFrame(
        {
            "Mål": table["label"],
            "Spørsmål": table["items"],
            "n": [people(n, own_file=own_file) for n in table["n"]],
            "Cronbachs α": ["–" if hide else fmt_num(a, 2) for a, hide in zip(table["alpha"], small, strict=True)],
            "95 % KI": [
                "–" if hide else f"{fmt_num(lo, 2)} til {fmt_num(hi, 2)}"
                for lo, hi, hide in zip(table["low"], table["high"], small, strict=True)
            ],
        }
    )


def audit_view(results: list[Check]) -> pd.DataFrame:
    """The findings a reader should know about: documented disagreements in the source, and any failed check."""
    return pd.DataFrame(
        [
            {"Kontroll": r.quantity, "Ventet": r.published, "Funnet": r.reproduced, "Merknad": r.note}
            for r in results
            if r.documented is not None or not r.ok
        ]
    )
