"""What the fidelity chapter says, computed in one place: its data and every number glued into its prose.

The chapter (chapters/fidelitet.md) holds narrative and short calls; each finding it states is computed here
and tested, so a reviewer can re-run one function instead of reading notebook cells. Tables and figures for
the same chapter come from :mod:`analysis.fidelity.tables` and :mod:`analysis.fidelity.figures`.

Two kinds of data meet in this chapter and must never be confused: Tabell 1 as printed (``published``,
``totals``: real numbers from the report) and the same table recomputed from the synthetic answer file
(``summary``, ``answers``: calibrated to Tabell 1, so agreeing with it tests the code, not the source).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from analysis.core.check_records import Check
from analysis.core.formatting import fmt_int, fmt_num
from analysis.core.grim import CellInference, feasible
from analysis.core.rounding import round_float, round_half_up
from analysis.fidelity.answers import read_answers
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.scoring import band_cuts, classify, max_total, sensitivity
from analysis.fidelity.synthetic import MAX_PER_TEAM, PRINTED_DECIMALS, calibrate, published_means
from analysis.fidelity.table1_checks import (
    SYNTHETIC_FILE,
    TOTALS,
    comparison,
    consistency_checks,
    printed_total,
    reproduced_summary,
    round_trip_checks,
)
from analysis.fidelity.table1_transcription import transcription_checks

LOWEST_SHOWN = 5
"""How many of the lowest-scoring items the chapter lists."""


@dataclass(frozen=True)
class ChapterData:
    """Everything the chapter draws on, read once."""

    book: FidelityCodebook
    published: pd.DataFrame  # Tabell 1 as printed: one row per item × team × time point
    totals: pd.DataFrame  # the eight printed totals
    summary: pd.DataFrame  # Tabell 1 recomputed from the synthetic SPSS file

    @property
    def items(self) -> list[str]:
        return [i.id for i in self.book.items]

    @property
    def timepoint_labels(self) -> dict[str, str]:
        return {t.id: t.label for t in self.book.timepoints}

    @cached_property
    def comparison(self) -> pd.DataFrame:
        """Published against reproduced item means, with the reproduced mean rounded as the report prints."""
        comp = comparison(self.summary, self.book)
        comp["rounded"] = comp["reproduced"].map(lambda v: float(round_half_up(v, 1)))
        return comp

    @cached_property
    def cells(self) -> dict[tuple[int, str], CellInference]:
        return calibrate(self.book, self.published).cells

    @cached_property
    def audit(self) -> list[Check]:
        """Tabell 1 against itself (kind consistency): no synthetic data, no seed text."""
        return consistency_checks()

    @cached_property
    def checks(self) -> list[Check]:
        """Tabell 1 regenerated from the synthetic file (kind round-trip): a test of the code, not of the source."""
        return round_trip_checks()

    @cached_property
    def transcription(self) -> list[Check]:
        """Tabell 1 and the bands against their seed lines (kind transcription; derived for the bands' maxima)."""
        return transcription_checks()

    @cached_property
    def answers(self) -> pd.DataFrame:
        return read_answers(SYNTHETIC_FILE, self.book).frame

    @cached_property
    def sensitivity(self) -> pd.DataFrame:
        """Totals and bands under every rule variant and both band rescalings (synthetic answers)."""
        return sensitivity(self.answers, self.book)

    @cached_property
    def column_totals(self) -> pd.DataFrame:
        """Per team and time point: exact and printed-style reproduced totals beside the published one."""
        summary, items = self.summary, self.items
        cols = summary.assign(
            exact=summary[items].sum(axis=1), rounded=summary.apply(lambda r: printed_total(r, items), axis=1)
        )
        published = self.totals.assign(team=self.totals["team"].astype(str))[["team", "timepoint", "total"]]
        cols = cols.merge(published.rename(columns={"total": "published"}), on=["team", "timepoint"])
        comp = self.comparison
        cols["max_cell"] = [
            comp.loc[(comp["team"] == r.team) & (comp["timepoint"] == r.timepoint), "difference"].abs().max()
            for r in cols.itertuples()
        ]
        cols["exact_diff"] = (cols["exact"] - cols["published"]).map(lambda v: round_float(v, 2) + 0.0)
        return cols

    @cached_property
    def published_bands(self) -> pd.DataFrame:
        """The printed totals classified under the report's band limits and under proportional ones."""
        return self.totals.assign(
            **{s: classify(self.totals["total"], band_cuts(self.book, s)) for s in ("modified", "proportional")}
        )

    @cached_property
    def item_stats(self) -> pd.DataFrame:
        """Mean, lowest and highest printed mean per item over the columns of Tabell 1."""
        return self.published.groupby("item_id")["mean"].agg(["mean", "min", "max"])


def load() -> ChapterData:
    """Read the codebook, Tabell 1 as printed and as recomputed from the synthetic file."""
    book = load_fidelity_codebook()
    return ChapterData(book, published_means(), pd.read_csv(TOTALS), reproduced_summary(book=book))


def scale_facts(data: ChapterData) -> dict[str, str]:
    book = data.book
    orig, mod = book.scales["original"], book.scales["modified"]
    q19 = book.item("q19").score_range()
    return {
        "n-items": fmt_int(mod.n_items),
        "n-items-original": fmt_int(orig.n_items),
        "max-original": fmt_int(orig.max_score),
        "max-modified": fmt_int(mod.max_score),
        "n-removed": fmt_int(orig.n_items - mod.n_items),
        "points-removed": fmt_int(orig.max_score - mod.max_score),
        "n-timepoints": fmt_int(len(book.timepoints)),
        "max-per-team": fmt_int(MAX_PER_TEAM),
        "max-respondents": fmt_int(MAX_PER_TEAM * data.totals["team"].nunique()),
        "n-columns": fmt_int(len(data.totals)),
        "n-inconsistencies": fmt_int(len(book.inconsistencies)),
        "q19-range": "–".join(map(str, q19)),
        "q19-max": fmt_int(q19[1]),
        "multi-items": ", ".join(str(i.number) for i in book.items if i.type == "multi"),
        "prop-factor": fmt_num(mod.max_score / orig.max_score, 2),
        "max-standard": fmt_int(max_total(book)),
        "max-variants": " eller ".join(v.id for v in book.variants if max_total(book, [v.id]) == mod.max_score)
        or "ingen",
    }


def audit_facts(data: ChapterData) -> dict[str, str]:
    audit = pd.DataFrame([a.as_dict() for a in data.audit])
    group = audit["id"].str.replace(r"-team\d+-.*$", "", regex=True)
    facts = {}
    for prefix, name in (("tabell1-sum", "sum"), ("tabell1-grim", "grim"), ("tabell1-band", "band")):
        part = audit[group == prefix]
        facts[f"audit-{name}-n"] = fmt_int(len(part))
        facts[f"audit-{name}-ok"] = fmt_int(int(part["ok"].sum()))
    by_id = audit.set_index("id")
    facts["zero-cells"] = str(by_id.loc["fidelity-zero-means", "reproduced"])
    facts["printed-question-count"] = str(by_id.loc["fidelity-item-count", "published"])
    facts["audit-n"] = fmt_int(len(audit))
    facts["audit-ok"] = fmt_int(int(audit["ok"].sum()))
    facts["audit-clean"] = fmt_int(sum(a.ok and a.documented is None for a in data.audit))
    facts["audit-documented"] = fmt_int(sum(a.documented is not None for a in data.audit))
    return facts


def transcription_facts(data: ChapterData) -> dict[str, str]:
    """How many numbers of Tabell 1 and the bands were read again at their seed lines, and how many agree."""
    checks = [c for c in data.transcription if c.kind == "transcription"]
    cells = [c for c in checks if not c.id.endswith(".dekning")]
    derived = [c for c in data.transcription if c.kind == "derived"]
    return {
        "tr-n": fmt_int(len(cells)),
        "tr-ok": fmt_int(sum(c.ok for c in cells)),
        "tr-all-ok": "alle" if all(c.ok for c in checks) else "ikke alle",
        "der-n": fmt_int(len(derived)),
        "der-ok": fmt_int(sum(c.ok for c in derived)),
        "n-worked-examples": fmt_int(len(data.book.worked_examples)),
    }


def counted(n: int, singular: str, plural: str, *, one: str = "én") -> str:
    """A count with its noun for prose: «én kolonne», «ett svar», «3 kolonner», «ingen kolonner»."""
    if n == 0:
        return f"ingen {plural}"
    return f"{one} {singular}" if n == 1 else f"{fmt_int(n)} {plural}"


def fewest_possible(data: ChapterData) -> dict[tuple[int, str], int]:
    """Per column of Tabell 1: the fewest answers with which every printed mean in it is possible (GRIM).

    A lower bound that needs no choice between candidates: each item needs at least the smallest n that can
    give its printed mean, so the column needs the largest of those.
    """
    out = {}
    for (team, timepoint), part in data.published.groupby(["team", "timepoint"], sort=False):
        needs = [
            min(
                (
                    n
                    for n in range(1, MAX_PER_TEAM + 1)
                    if feasible(float(r.mean), PRINTED_DECIMALS, n, *data.book.item(r.item_id).score_range())
                ),
                default=MAX_PER_TEAM + 1,
            )
            for r in part.itertuples()
        ]
        out[(int(team), str(timepoint))] = max(needs)
    return out


def calibration_facts(data: ChapterData) -> dict[str, str]:
    """How many answered, as the decimals of Tabell 1 suggest, set against what the report says (L165, L1072)."""
    n = pd.Series([cell.n for cell in data.cells.values()])
    first = data.book.timepoints[0].id
    at_start = {team: k for (team, timepoint), k in fewest_possible(data).items() if timepoint == first}
    start_needs = sorted(set(at_start.values()))
    return {
        "n-rows": fmt_int(int(n.sum())),
        "n-small-columns": fmt_int(int((n < MAX_PER_TEAM).sum())),
        "min-n": fmt_int(int(n.min())),
        "min-n-answers": counted(int(n.min()), "svar", "svar", one="ett"),
        "n-single-respondent": fmt_int(int((n == 1).sum())),
        "single-columns": counted(int((n == 1).sum()), "kolonne", "kolonner"),
        "one-or-two-n": counted(int((n <= 2).sum()), "", "").strip(),
        "first-timepoint": data.book.timepoints[0].label.lower(),
        "start-min-n": " og ".join(fmt_int(k) for k in start_needs),
    }


def reproduction_facts(data: ChapterData) -> dict[str, str]:
    comp, cols, checks = data.comparison, data.column_totals, data.checks
    labels = data.timepoint_labels
    worst = cols.loc[cols["exact_diff"].abs().idxmax()]
    example = comp[comp["difference"].abs() > 1e-9].merge(data.summary[["team", "timepoint", "n"]]).iloc[0]
    n = int(example["n"])
    cut = band_cuts(data.book, "modified")
    moved = int((classify(cols["exact"], cut) != classify(cols["published"], cut)).sum())
    return {
        "max-raw-diff": fmt_num(comp["difference"].abs().max(), 2),
        "max-rounded-diff": fmt_num((comp["rounded"] - comp["mean"]).abs().max(), 1),
        "n-checks": fmt_int(len(checks)),
        "n-checks-ok": fmt_int(sum(c.ok for c in checks)),
        "n-cells": fmt_int(len(comp)),
        "n-exact-differs": fmt_int(int((cols["exact_diff"].abs() > 0.001).sum())),
        "max-exact-diff": fmt_num(cols["exact_diff"].abs().max(), 2),
        "max-exact-diff-where": f"team {worst['team']}, {labels[worst['timepoint']]}",
        "ex-printed": fmt_num(example["mean"], 1),
        "ex-n": fmt_int(n),
        "ex-fraction": f"{fmt_int(example['reproduced'] * n)}/{n} = {fmt_num(example['reproduced'], 2)}",
        "exact-band-sentence": (
            "Ingen av avvikene flytter en total til en annen kategori."
            if moved == 0
            else f"{fmt_int(moved)} av totalene havner i en annen kategori med eksakt sum."
        ),
    }


def profile_timepoint(data: ChapterData) -> str:
    """The time point where the two teams' printed totals lie furthest apart (the profile shown)."""
    gap = data.totals.pivot(index="timepoint", columns="team", values="total").diff(axis=1).iloc[:, -1].abs()
    return str(gap.idxmax())


def findings_facts(data: ChapterData) -> dict[str, str]:
    book, stats = data.book, data.item_stats
    lowest = stats.nsmallest(LOWEST_SHOWN, "mean")
    gap = data.totals.pivot(index="timepoint", columns="team", values="total").diff(axis=1).iloc[:, -1].abs()
    q18 = {o.code: o.text.rstrip(".") for o in book.item("q18").options}
    q18_means = data.published.loc[data.published["item_id"] == "q18", "mean"]

    def lowered(label: str) -> str:
        return label[0].lower() + label[1:]

    return {
        "profile-tp": data.timepoint_labels[profile_timepoint(data)].lower(),
        "profile-gap": fmt_num(gap.max(), 1),
        "lowest-items": "; ".join(
            f"nr. {book.item(i).number} {lowered(book.item(i).label)} ({fmt_num(r['mean'], 1)})"
            for i, r in lowest.iterrows()
        ),
        "n-lowest": fmt_int(len(lowest)),
        "q11-mean": fmt_num(stats.loc["q11", "mean"], 1),
        "q12-mean": fmt_num(stats.loc["q12", "mean"], 1),
        "q18-v3": q18[3],
        "q18-v5": q18[5],
        "q18-min": fmt_num(q18_means.min(), 1),
        "q18-max": fmt_num(q18_means.max(), 1),
        "q18-below3": fmt_int(int((q18_means < 3).sum())),
    }


def band_facts(data: ChapterData) -> dict[str, str]:
    """Part a (band limits recalculated) and part b (scoring-rule variants) of the sensitivity section."""
    bands, labels = data.published_bands, data.timepoint_labels
    changed = bands[bands["modified"] != bands["proportional"]]
    godt = {s: next(c.min for c in band_cuts(data.book, s) if c.id == "godt") for s in ("modified", "proportional")}
    changes = data.sensitivity
    base = changes[changes["rule"] == "standard"].set_index(["team", "timepoint", "band_scheme"])
    alt = changes[changes["rule"] != "standard"].merge(
        base[["total", "band"]].reset_index(), on=["team", "timepoint", "band_scheme"], suffixes=("", "_std")
    )
    same_scheme = alt[alt["band_scheme"] == "modified"]
    shift = (alt["total"] - alt["total_std"]).abs()
    return {
        "n-changed-a": fmt_int(len(changed)),
        "changed-a-where": " og ".join(
            f"team {r.team} ved {labels[r.timepoint]} ({r.modified} → {r.proportional})" for r in changed.itertuples()
        ),
        "godt-prop": fmt_num(godt["proportional"], 0 if float(godt["proportional"]).is_integer() else 2),
        "godt-mod": fmt_num(godt["modified"], 0 if float(godt["modified"]).is_integer() else 2),
        "n-rule-combos": fmt_int(len(same_scheme)),
        "n-changed-b": fmt_int(int((same_scheme["band"] != same_scheme["band_std"]).sum())),
        "max-rule-shift": fmt_num(shift.max(), 1),
        "max-rule-name": next(v.label for v in data.book.variants if v.id == alt.loc[shift.idxmax(), "rule"]),
        "n-changed-any": fmt_int(int((changes.groupby(["team", "timepoint"])["band"].nunique() > 1).sum())),
    }


def chapter_facts(data: ChapterData | None = None) -> dict[str, str]:
    """Every number and phrase the chapter glues into its prose, formatted for Norwegian text."""
    data = data or load()
    return {
        **scale_facts(data),
        **audit_facts(data),
        **transcription_facts(data),
        **calibration_facts(data),
        **reproduction_facts(data),
        **findings_facts(data),
        **band_facts(data),
    }


EXAMPLE_TIMEPOINTS = ("inklusjon", "12mnd")


def example_answers(data: ChapterData, *, team: str = "2", size: int = 4) -> pd.DataFrame:
    """A small team file as a NAV team might fill it in: ``size`` specialists at two time points.

    Drawn from the synthetic answers (seeded) and given running numbers, so the chapter can show the
    command line's output on a file of the user's kind.
    """
    answers = data.answers
    picks = [
        answers[(answers["team"] == team) & (answers["timepoint"] == tp)].sample(size, random_state=7)
        for tp in EXAMPLE_TIMEPOINTS
    ]
    ids = [f"L{i:02d}" for i in range(1, size + 1)] * len(EXAMPLE_TIMEPOINTS)
    return pd.concat(picks).assign(respondent_id=ids, team="Vårt team")
