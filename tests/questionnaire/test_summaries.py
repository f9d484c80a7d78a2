"""The candidate questionnaire pipeline: codebook, reading/validation, routing, scoring and statistics.

Statistics are checked against formulas worked out here with numpy/scipy on small made-up data, not
against the wrappers' own libraries' defaults. Broken files are real files written into tmp_path.
"""

from __future__ import annotations

import copy
import math
import random
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import yaml
from fakes import synthetic_identity_number as fake_identity_number
from scipy import stats

from analysis.core.errors import InputError, Problem
from analysis.core.paths import INSTRUMENTS
from analysis.questionnaire import summaries as q
from analysis.questionnaire.answers import load_candidates, validate_file
from analysis.questionnaire.codebook import QuestionnaireCodebook, load_questionnaire_codebook
from analysis.questionnaire.statistics import cronbach, paired_effect_size, repeated_measures, welch_test
from analysis.questionnaire.synthetic import generate_candidates, write_sav

CODEBOOK = INSTRUMENTS / "jobbmestring_no.yaml"
FOREIGN = Path(__file__).resolve().parents[3] / "shared" / "foreign-data" / "pyreadstat"


@pytest.fixture(scope="module")
def cb() -> QuestionnaireCodebook:
    return load_questionnaire_codebook()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, dict[str, Any], Path]:
    frame, meta = generate_candidates()
    path = write_sav(frame, meta, tmp_path_factory.mktemp("synth") / "candidates.sav")
    return frame, meta, path


def _write(frame: pd.DataFrame, meta: dict[str, Any], path: Path) -> Path:
    """A deliberately broken copy, written with the same labels and missing codes as the real file."""
    return write_sav(
        frame, {**meta, "column_labels": {c: meta["column_labels"].get(c, c) for c in frame.columns}}, path
    )


# -- codebook --------------------------------------------------------------------------------------------
def test_codebook_describes_the_form(cb: QuestionnaireCodebook) -> None:
    assert [i.id for i in cb.items] == [str(n) for n in range(2, 41)]
    assert cb.routing_item == "2"
    assert len(cb.scales) == 13
    qps = cb.scale("qps_sjef")
    assert [r.item for r in qps.items] == ["12", "14", "16"]
    locus = cb.scale("kontrollplassering_indre")
    assert {r.item: r.keyed_code for r in locus.items} == {"35": 2, "36": 1, "37": 1, "38": 2, "39": 1}
    assert cb.item("23").part == "ikke_i_arbeid" and cb.item("12").part == "i_arbeid"
    assert "q06_11_t3" in [c.name for c in cb.columns()]


def _broken(tmp_path: Path, change: Any) -> list[Problem]:
    raw = copy.deepcopy(yaml.safe_load(CODEBOOK.read_text(encoding="utf-8")))
    change(raw)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_questionnaire_codebook(path)
    assert all(p.file.endswith("broken.yaml") for p in info.value.problems)
    return info.value.problems


def test_unknown_key_is_refused(tmp_path: Path) -> None:
    problems = _broken(tmp_path, lambda raw: raw["items"][0].update(colour="blue"))
    assert any("items[0] (2).colour" in p.message and "ukjent felt" in p.message for p in problems)


def test_scale_referring_to_missing_item_is_refused(tmp_path: Path) -> None:
    problems = _broken(tmp_path, lambda raw: raw["scales"][0]["items"].append({"item": "99"}))
    assert any("scales (forventning_tid).items" in p.message and "99" in p.message for p in problems)


def test_duplicate_item_id_and_bad_keyed_code_are_both_reported(tmp_path: Path) -> None:
    def change(raw: dict[str, Any]) -> None:
        raw["items"][1]["id"] = "2"
        locus = next(s for s in raw["scales"] if s["id"] == "kontrollplassering_indre")
        locus["items"][0]["keyed_code"] = 7

    text = " | ".join(p.message for p in _broken(tmp_path, change))
    assert "samme id" in text and "keyed_code" in text


def test_missing_code_clashing_with_valid_code_is_refused(tmp_path: Path) -> None:
    def change(raw: dict[str, Any]) -> None:
        scale = next(s for s in raw["response_scales"] if s["id"] == "prosent")
        scale["missing_codes"][0]["code"] = 50

    assert any("både gyldig svar og manglende-kode" in p.message for p in _broken(tmp_path, change))


# -- scoring and routing ----------------------------------------------------------------------------------
def _frame(cb: QuestionnaireCodebook, rows: list[dict[str, float]]) -> pd.DataFrame:
    columns = [c.name for c in cb.columns()]
    data = pd.DataFrame([{c: row.get(c, np.nan) for c in columns} for row in rows])
    data["id"] = [f"t{k}" for k in range(len(rows))]
    return data


def test_mean_scale_needs_every_item(cb: QuestionnaireCodebook) -> None:
    data = _frame(cb, [{"q28_t0": 5, "q31_t0": 4, "q34_t0": 3}, {"q28_t0": 5, "q31_t0": np.nan, "q34_t0": 3}])
    scores = q.scale_score(data, cb.scale("indre_motivasjon"), "t0", cb)
    assert scores.iloc[0] == pytest.approx(4.0)
    assert math.isnan(scores.iloc[1])


def test_reverse_scored_item_is_mirrored_on_its_scale(cb: QuestionnaireCodebook) -> None:
    scale = cb.scale("qps_kolleger")
    reversed_first = scale.model_copy(
        update={"items": [scale.items[0].model_copy(update={"reverse": True}), scale.items[1]]}
    )
    data = _frame(cb, [{"q13_t0": 1, "q15_t0": 4}, {"q13_t0": 5, "q15_t0": 5}])
    assert list(q.scale_score(data, reversed_first, "t0", cb)) == [4.5, 3.0]  # (5+1−1 + 4)/2, (1 + 5)/2
    assert list(q.scale_score(data, scale, "t0", cb)) == [2.5, 5.0]


def test_locus_of_control_counts_internal_statements(cb: QuestionnaireCodebook) -> None:
    internal = {"q35_t0": 2, "q36_t0": 1, "q37_t0": 1, "q38_t0": 2, "q39_t0": 1}
    external = {k: 3 - v for k, v in internal.items()}
    mixed = {**external, "q35_t0": 2, "q39_t0": 1}
    data = _frame(cb, [internal, external, mixed])
    assert list(q.scale_score(data, cb.scale("kontrollplassering_indre"), "t0", cb)) == [5, 0, 2]


def test_missing_codes_become_missing_and_routing_decides_the_part(
    cb: QuestionnaireCodebook, synthetic: Any, tmp_path: Path
) -> None:
    frame, meta, path = synthetic
    data = load_candidates(path, cb)
    raw_codes = set(data.raw["q04_t0"].dropna())
    assert {998.0} <= raw_codes  # not applicable kept in the raw frame ...
    assert not set(data.data["q04_t0"].dropna()) & {998.0, 999.0}  # ... and missing for analysis
    status = q.work_status(data.data, "t0", cb)
    in_work = data.data["q02_t0"] == 1
    assert (status[in_work] == "i_arbeid").all() and (status[~in_work] == "ikke_i_arbeid").all()
    # nobody not in work has an in-work score, and vice versa
    scores = q.scale_scores(data.data, "t0", cb)
    assert scores.loc[~in_work, "qps_sjef"].isna().all()
    assert scores.loc[in_work, "mestringstro_ikke_i_arbeid"].isna().all()


def test_item_six_counts_ticks_per_option(cb: QuestionnaireCodebook, synthetic: Any) -> None:
    data = load_candidates(synthetic[2], cb).data
    counts = q.background_counts(data, cb).set_index(["variable", "code", "group"])
    assert counts.loc[("q06", 2, "alle"), "n"] == (data["q06_02_t0"] == 1).sum()


# -- statistics against hand formulas ---------------------------------------------------------------------
BEFORE = np.array([7.0, 8, 6, 9, 5, 6])
AFTER = np.array([5.0, 6, 6, 7, 3, 5])


def test_repeated_measures_matches_paired_t_by_hand() -> None:
    d = AFTER - BEFORE
    n = len(d)
    t = d.mean() / (d.std(ddof=1) / math.sqrt(n))
    result = repeated_measures(BEFORE, AFTER)
    assert result.n == n and (result.df1, result.df2) == (1, n - 1)
    assert result.F == pytest.approx(t**2)
    assert result.p == pytest.approx(2 * stats.t.sf(abs(t), n - 1))
    assert result.eta_p2 == pytest.approx(t**2 / (t**2 + n - 1))
    assert result.wilks_lambda == pytest.approx(1 / (1 + t**2 / (n - 1)))
    assert result.d_z == pytest.approx(d.mean() / d.std(ddof=1))


def test_repeated_measures_drops_incomplete_pairs() -> None:
    before = np.r_[BEFORE, np.nan, 4]
    after = np.r_[AFTER, 5, np.nan]
    assert repeated_measures(before, after).n == len(BEFORE)


def test_paired_effect_size_interval_inverts_the_noncentral_t() -> None:
    d, low, high = paired_effect_size(BEFORE, AFTER)
    n = len(BEFORE)
    t_obs = d * math.sqrt(n)
    grid = np.linspace(-15, 5, 20001)  # brute force: ncp values whose t distribution keeps t_obs in the middle 95 %
    cdf = stats.nct.cdf(t_obs, n - 1, grid)
    inside = grid[(cdf <= 0.975) & (cdf >= 0.025)] / math.sqrt(n)
    assert low == pytest.approx(inside.min(), abs=2e-3)
    assert high == pytest.approx(inside.max(), abs=2e-3)
    assert low < d < high


def test_welch_matches_hand_formula() -> None:
    x = np.array([3.0, 4, 5, 4, 4.5, 3.5])
    y = np.array([2.0, 3, 2.5, 4, 1.5])
    vx, vy = x.var(ddof=1) / len(x), y.var(ddof=1) / len(y)
    t = (x.mean() - y.mean()) / math.sqrt(vx + vy)
    dof = (vx + vy) ** 2 / (vx**2 / (len(x) - 1) + vy**2 / (len(y) - 1))
    pooled = math.sqrt(((len(x) - 1) * x.var(ddof=1) + (len(y) - 1) * y.var(ddof=1)) / (len(x) + len(y) - 2))
    result = welch_test(x, y)
    assert result.T == pytest.approx(t) and result.dof == pytest.approx(dof)
    assert result.p == pytest.approx(2 * stats.t.sf(abs(t), dof))
    assert result.d == pytest.approx((x.mean() - y.mean()) / pooled)
    assert result.d_low < result.d < result.d_high
    assert welch_test(y, x).d == pytest.approx(-result.d)


def test_cronbach_matches_hand_formula() -> None:
    items = pd.DataFrame({"a": [1, 2, 3, 4, 5, 3], "b": [2, 2, 3, 5, 4, 3], "c": [1, 3, 3, 4, 5, 2]}, dtype=float)
    k = items.shape[1]
    alpha = k / (k - 1) * (1 - items.var(ddof=1).sum() / items.sum(axis=1).var(ddof=1))
    result = cronbach(pd.concat([items, pd.DataFrame({"a": [np.nan], "b": [1.0], "c": [1.0]})], ignore_index=True))
    assert result.alpha == pytest.approx(alpha) and result.n == len(items) and result.low < alpha < result.high


# -- validation of users' files ---------------------------------------------------------------------------
def test_synthetic_file_is_valid(synthetic: Any) -> None:
    assert validate_file(synthetic[2]) == []
    assert q.validate_file(synthetic[2]) == []


def test_wrong_columns_are_listed(synthetic: Any, tmp_path: Path) -> None:
    frame, meta, _ = synthetic
    broken = frame.drop(columns=["q10_t0"]).rename(columns={"q11_t0": "fornoyd_t0"})
    problems = validate_file(_write(broken, meta, tmp_path / "cols.sav"))
    where = {(p.column, p.message.split(" (")[0]) for p in problems}
    assert ("q10_t0", "mangler påkrevd kolonne") in where
    assert ("q11_t0", "mangler påkrevd kolonne") in where
    assert ("fornoyd_t0", "ukjent kolonne") in where


def test_out_of_range_codes_duplicate_ids_and_impossible_routing(synthetic: Any, tmp_path: Path) -> None:
    frame, meta, _ = synthetic
    broken = frame.copy()
    broken.loc[2, "q08_t0"] = 7
    broken.loc[4, "q40_t0"] = 11.5
    broken.loc[5, "id"] = broken.loc[1, "id"]
    not_in_work = broken.index[broken["q02_t0"] == 2][0]
    broken.loc[not_in_work, "q12_t0"] = 4  # an in-work item answered by someone not in work
    problems = validate_file(_write(broken, meta, tmp_path / "bad.sav"))
    located = {(p.row, p.column) for p in problems}
    assert (3, "q08_t0") in located and (5, "q40_t0") in located
    assert (6, "id") in located
    routing = [p for p in problems if p.column == "q12_t0"]
    assert routing and routing[0].row == not_in_work + 1 and "ruting" in routing[0].message
    assert all(p.row is not None for p in problems)


def test_national_id_as_respondent_id_is_flagged(synthetic: Any, tmp_path: Path) -> None:
    frame, meta, _ = synthetic
    broken = frame.copy()
    broken.loc[0, "id"] = fake_identity_number(random.Random(4))  # made at run time, never stored
    problems = validate_file(_write(broken, meta, tmp_path / "fnr.sav"))
    assert any(p.row == 1 and "fødselsnummer" in p.message for p in problems)


def test_truncated_file(synthetic: Any, tmp_path: Path) -> None:
    data = synthetic[2].read_bytes()
    path = tmp_path / "cut.sav"
    path.write_bytes(data[: len(data) * 3 // 4])
    problems = validate_file(path)
    assert len(problems) == 1 and "kunne ikke leses som SPSS-fil" in problems[0].message


def test_text_file_renamed_to_sav(tmp_path: Path) -> None:
    path = tmp_path / "renamed.sav"
    path.write_text("id;gruppe\n1;1\n", encoding="utf-8")
    problems = validate_file(path)
    assert len(problems) == 1 and "kunne ikke leses som SPSS-fil" in problems[0].message


@pytest.mark.parametrize(
    "name,expected",
    [
        ("empty.txt", "støttes ikke"),
        ("empty.csv", "filen er tom"),
        ("empty.sav", "filen er tom"),
        ("missing.sav", "fant ikke filen"),
    ],
)
def test_empty_and_missing_files(tmp_path: Path, name: str, expected: str) -> None:
    path = tmp_path / name
    if name != "missing.sav":
        path.write_bytes(b"")
    problems = validate_file(path)
    assert len(problems) == 1 and expected in problems[0].message


def test_load_raises_one_error_with_every_problem(synthetic: Any, tmp_path: Path) -> None:
    frame, meta, _ = synthetic
    broken = frame.copy()
    broken.loc[0, "q08_t0"] = 9
    broken.loc[1, "q09_t0"] = 9
    with pytest.raises(InputError) as info:
        load_candidates(_write(broken, meta, tmp_path / "two.sav"))
    assert {(p.row, p.column) for p in info.value.problems} == {(1, "q08_t0"), (2, "q09_t0")}


FOREIGN_FILES = sorted(FOREIGN.glob("*")) if FOREIGN.is_dir() else []


@pytest.mark.skipif(not FOREIGN_FILES, reason="foreign test files not available")
@pytest.mark.parametrize("path", FOREIGN_FILES, ids=lambda p: p.name)
def test_foreign_files_get_a_clear_validation_error(path: Path) -> None:
    problems = validate_file(path)
    assert problems, f"{path.name} should not validate"
    assert all(isinstance(p, Problem) and p.file for p in problems)
    first = problems[0].message
    assert any(key in first for key in ("ser ikke ut til å være skjemaet", "støttes ikke", "kunne ikke leses"))


# -- tables --------------------------------------------------------------------------------------------------
def test_change_table_has_one_row_per_scale_with_listwise_n(cb: QuestionnaireCodebook, synthetic: Any) -> None:
    data = load_candidates(synthetic[2], cb).data
    table = q.change_table(data, cb=cb).set_index("variable")
    assert list(table.index) == [s.id for s in cb.scales]
    for scale in cb.scales:
        pairs = q.paired_scores(data, scale, cb=cb)
        assert table.loc[scale.id, "n"] == len(pairs)
        assert table.loc[scale.id, "df2"] == len(pairs) - 1


def test_reliability_table_covers_multi_item_scales(cb: QuestionnaireCodebook, synthetic: Any) -> None:
    data = load_candidates(synthetic[2], cb).data
    table = q.reliability_table(data, cb=cb)
    assert set(table["variable"]) == {s.id for s in cb.scales if len(s.items) > 1}
    assert ((table["alpha"] > -1) & (table["alpha"] <= 1)).all()


def test_csv_and_xlsx_exports_validate_like_the_sav(tmp_path) -> None:
    """`validate --instrument jobbmestring_no` takes .csv and .xlsx too, with spreadsheet row numbers."""
    import pyreadstat

    from analysis.questionnaire.answers import validate_file
    from analysis.questionnaire.synthetic import write_candidates

    sav = tmp_path / "c.sav"
    write_candidates(sav)
    frame, _ = pyreadstat.read_sav(str(sav))
    frame.to_csv(tmp_path / "c.csv", index=False)
    frame.head(6).to_excel(tmp_path / "c.xlsx", index=False)
    assert validate_file(tmp_path / "c.csv") == []
    assert validate_file(tmp_path / "c.xlsx") == []
    broken = frame.head(3).astype(object)
    broken.loc[1, "kjonn"] = "mann"  # text in a code column
    broken.to_csv(tmp_path / "broken.csv", index=False)
    problems = validate_file(tmp_path / "broken.csv")
    assert problems and all(p.column == "kjonn" for p in problems if p.column)
    assert any(p.row == 3 for p in problems), [str(p) for p in problems]
