"""The parts behind the self-assessment page and the report: safe CSV, the results structure, the export."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from fidelity.answer_sets import BOOK, boundary_group, respondent

from analysis.core.errors import InputError
from analysis.core.output import FORMULA_PREFIXES, csv_bytes, csv_text, output_folder, round_half_up_array
from analysis.core.render import csv_data_uri
from analysis.core.rounding import round_half_up
from analysis.fidelity.answers import read_answers
from analysis.fidelity.export import page_data
from analysis.fidelity.results import LISTED, identical_options, results_model
from analysis.fidelity.scoring import score_respondents, team_summary

ROOT = Path(__file__).resolve().parents[2]


# ------------------------------------------------------------------------------------------- CSV
def test_every_formula_prefix_is_neutralised_and_numbers_are_left_alone() -> None:
    texts = [p + "1+1" for p in FORMULA_PREFIXES] + ["L01", "Team 2", ""]
    frame = pd.DataFrame({"text": texts, "mean": np.linspace(-1.5, 3.5, len(texts)), "n": range(len(texts))})
    frame.loc[0, "mean"] = np.nan
    back = pd.read_csv(io.StringIO(csv_text(frame)), dtype={"text": str}, keep_default_na=False)
    assert len(back) == len(texts)  # a carriage return inside a cell does not split the row
    for written, original in zip(back["text"], texts, strict=True):
        expected = "'" + original if original[:1] in "".join(FORMULA_PREFIXES) and original else original
        assert written == expected.replace("\r", "\n")
    assert np.allclose(back["mean"].replace("", np.nan).astype(float), frame["mean"], equal_nan=True)
    assert back["mean"].astype(str).str.startswith("-").any()  # a negative number stays a number
    mixed = pd.DataFrame({"team": [1, "-1", "=A1"]})
    assert csv_text(mixed).splitlines()[1:] == ["1", "'-1", "'=A1"]


def test_the_plain_dialect_reads_back_exactly() -> None:
    values = [1 / 3, 2.25, 67.6, 1e-7, 71.83333333333333]
    back = pd.read_csv(io.StringIO(csv_text(pd.DataFrame({"x": values}))))
    assert back["x"].tolist() == values


def test_excel_dialect_rounds_half_up_like_the_rounding_module() -> None:
    rng = np.random.default_rng(15)
    values = pd.Series(np.concatenate([rng.integers(0, 950, 4000) / 20, rng.random(4000) * 95, [1.15, 2.25, -0.04]]))
    for decimals in (1, 2):
        fast = round_half_up_array(values, decimals)
        exact = [float(round_half_up(v, decimals)) for v in values]
        assert np.array_equal(fast.to_numpy(), np.array(exact) + 0.0)
    data = csv_bytes(pd.DataFrame({"Totalskår": [1.15, 2.25, -0.04, 68.0], "n": [1, 2, 3, 4]}), dialect="excel_nb")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").split("\r\n") == ["Totalskår;n", "1,2;1", "2,3;2", "0,0;3", "68,0;4", ""]


def test_figure_downloads_are_neutralised() -> None:
    uri = csv_data_uri(pd.DataFrame({"team": ["=HYPERLINK(1)"], "total": [-1.0]}))
    assert "%27%3DHYPERLINK" in uri and "-1.0" in uri


def test_output_folder_refuses_files_and_paths_through_files(tmp_path: Path) -> None:
    target = tmp_path / "fil.csv"
    target.write_text("x")
    for path in (target, target / "under"):
        with pytest.raises(InputError) as caught:
            output_folder(path)
        assert len(caught.value.problems) == 1 and "fil" in caught.value.problems[0].message
    assert output_folder(tmp_path / "ny" / "mappe").is_dir()


# ------------------------------------------------------------------------------- results structure
def scored(rows: list[dict], tmp_path: Path) -> tuple[dict, pd.DataFrame]:
    path = tmp_path / "svar.csv"
    pd.DataFrame(rows, columns=BOOK.raw_columns()).to_csv(path, index=False)
    answers = read_answers(path, BOOK)
    scores = score_respondents(answers.frame, BOOK)
    summary = team_summary(scores, BOOK)
    return results_model(answers.frame, scores, summary, BOOK), summary


def test_identical_options_come_from_the_codebook_wording() -> None:
    found = {i.id: identical_options(i) for i in BOOK.items if identical_options(i)}
    texts = {i.id: [o.text for o in i.options] for i in BOOK.items}
    assert found == {"q19": [[4, 5]]}
    assert texts["q19"][3] == texts["q19"][4]


@pytest.mark.parametrize(
    ("target", "below"), [(44, False), (44, True), (70, False), (70, True), (85, False), (85, True)]
)
def test_totals_on_a_band_boundary_reach_it_despite_binary_noise(target: int, below: bool, tmp_path: Path) -> None:
    """Means such as 10/3 add up to 69.99999999999999 in floating point; the band must still be «godt» at 70."""
    rng = random.Random(target)
    rows = []
    for n in (3, 6, 7):
        rows += boundary_group(f"T{n}", "inklusjon", target, n, below, rng, len(rows))
    model, summary = scored(rows, tmp_path)
    cut = {int(b.min): b.id for b in BOOK.bands["modified"]}
    lower = {44: "ikke_se", 70: "rimelig", 85: "godt"}
    for group in model["groups"]:
        assert group["band"] == (lower[target] if below else cut[target]), group["total"]
        n = group["n"]
        assert abs(group["total"] - (target - (1 / n if below else 0))) < 1e-9


def test_teams_in_natural_order_and_respondents_in_several_teams(tmp_path: Path) -> None:
    rng = random.Random(3)
    full = {i.id: i.score_range()[1] for i in BOOK.items}
    rows = [
        respondent("L1", team, tp, full, rng)
        for team, tp in (("Team 10", "12mnd"), ("Team 2", "3mnd"), ("team 1", "inklusjon"))
    ]
    rows.append(respondent("L2", "Team 2", "inklusjon", full, rng))
    model, summary = scored(rows, tmp_path)
    assert [(g["team"], g["timepoint"]) for g in model["groups"]] == [
        ("Team 2", "inklusjon"),
        ("Team 2", "3mnd"),
        ("Team 10", "12mnd"),
        ("team 1", "inklusjon"),
    ]
    assert summary["team"].tolist() == ["Team 2", "Team 2", "Team 10", "team 1"]
    assert model["several_teams"] == [{"respondent_id": "L1", "teams": ["Team 2", "Team 10", "team 1"]}]


def test_missing_answers_are_listed_up_to_the_limit_and_counted_beyond_it(tmp_path: Path) -> None:
    rng = random.Random(4)
    scores = {i.id: i.score_range()[0] for i in BOOK.items} | {"q05": None}
    rows = [respondent(f"L{k:03d}", "A", "3mnd", scores, rng) for k in range(LISTED + 7)]
    model, _ = scored(rows, tmp_path)
    group = model["groups"][0]
    assert group["missing_count"] == LISTED + 7 and len(group["missing"]) == LISTED
    assert group["missing"][0] == {"respondent_id": "L000", "items": ["q05"]}
    assert group["total"] is None and group["items_with_answers"] == len(BOOK.items) - 1 and group["band"] is None


# -------------------------------------------------------------------------------------- the export
def test_the_export_carries_the_codebook_rules_unchanged() -> None:
    data = page_data(BOOK)
    items = {i["id"]: i for i in data["codebook"]["items"]}
    assert list(items) == [i.id for i in BOOK.items]
    for item in BOOK.items:
        exported = items[item.id]
        assert exported["columns"] == item.columns and [o["text"] for o in exported["options"]] == [
            o.text for o in item.options
        ]
        assert exported["score_range"] == list(item.score_range())
        rule = item.resolved_scoring()
        if item.type == "multi":
            assert exported["scoring"]["counted"] == rule.counted and exported["scoring"]["max"] == rule.max
            assert set(exported["variants"]) == set(item.scoring.variants)
    assert [b["min"] for b in data["codebook"]["bands"]["modified"]] == [b.min for b in BOOK.bands["modified"]]
    assert data["raw_format"]["columns"] == BOOK.raw_columns()
    assert set(data["advice"]["items"]) <= set(items)


def test_the_browser_script_holds_no_rule_of_its_own() -> None:
    """One source of truth: the page's script may not name an item, a code column, a band or a time point."""
    script = (ROOT / "book" / "_static" / "egenvurdering.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    assert not re.findall(r"\bq\d\d(?:_\d)?\b", code)
    for band in BOOK.bands["modified"]:
        assert f'"{band.id}"' not in code and f"'{band.id}'" not in code
        assert not re.search(rf"(?<![\w.]){int(band.min)}(?![\w.])", code) or band.min in (0,), band.min
    for tp in BOOK.timepoints:
        assert f'"{tp.id}"' not in code
