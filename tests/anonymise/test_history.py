"""The record of first measurements (analysis/anonymise/history.py): consistent with the result the site quotes,
measured once, and summed as the page says."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from analysis.anonymise.evaluate import RESULT_SETS, main
from analysis.anonymise.history import COUNTED_KINDS, HISTORY_FILE, entry_from_report, history_facts, load, record


def test_the_unseen_result_the_site_quotes_is_the_last_first_measurement():
    """The committed unseen result is scored by today's rules, and the record holds what they scored the first
    time: the two agree only if nobody changed the rules after measuring (the rule for «unseen»)."""
    folders, path = RESULT_SETS["unseen"]
    last = load()["measurements"][-1]
    report = json.loads(path.read_text(encoding="utf-8"))
    assert last["sets"] == list(folders)
    assert entry_from_report(report, list(folders), last["after_round"]) == last


def test_every_set_is_measured_once_and_earlier_sets_are_earlier():
    measured = [s for m in load()["measurements"] for s in m["sets"]]
    assert len(measured) == len(set(measured))
    earlier = set(RESULT_SETS["earlier"][0])
    for m in load()["measurements"][:-1]:
        assert set(m["sets"]) <= earlier, m["sets"]


def test_a_second_measurement_of_a_set_is_refused_and_the_file_left_as_it_was(tmp_path: Path):
    copy = tmp_path / "history.json"
    shutil.copy(HISTORY_FILE, copy)
    before = copy.read_bytes()
    report = json.loads(RESULT_SETS["unseen"][1].read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match="already measured once"):
        record(report, list(RESULT_SETS["unseen"][0]), 99, path=copy)
    assert copy.read_bytes() == before


def test_the_command_line_refuses_a_set_measured_before(capsys: pytest.CaptureFixture[str]):
    folder = str(Path("tests/anonymise/corpus") / RESULT_SETS["unseen"][0][0])
    assert main([folder, "--record-round", "99"]) == 2
    assert "already measured once" in capsys.readouterr().err


def test_the_pooled_share_is_the_sum_of_found_over_the_sum_of_totals(tmp_path: Path):
    def row(n: int, found: int, total: int, wrong: int, lower: tuple[int, int], phones: int, changed: int) -> dict:
        direct = {k: {"found": 2, "total": 2} for k in COUNTED_KINDS}
        direct["phone"] = {"found": phones, "total": 2}
        return {
            "after_round": n,
            "person": {"found": found, "total": total},
            "person_lower_case_texts": {"found": lower[0], "total": lower[1]},
            "person_capitalised_texts": {"found": found - lower[0], "total": total - lower[1]},
            "role_errors": {"mentions": wrong, "people": min(wrong, 1)},
            "ordinary_words": {"changed": changed, "words": 1000},
            **direct,
        }

    rows = [row(1, 9, 10, 1, (2, 2), 1, 5), row(2, 99, 100, 0, (19, 20), 2, 2)]
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"about": "", "measurements": rows}), encoding="utf-8")
    facts = history_facts(path)
    assert facts["anon_history_person_pooled"] == "98,2"  # 108/110, not the mean of 90 and 99
    assert (facts["anon_history_person_min"], facts["anon_history_person_max"]) == ("90,0", "99,0")
    assert facts["anon_history_measurements"] == "2" and facts["anon_history_wrong_roles"] == "1"
    assert facts["anon_history_person_at_goal"] == "1" and facts["anon_history_pooled_goal"] == "ikke nådd"
    assert facts["anon_history_person_latest"] == "99,0" and facts["anon_history_latest_at_goal"] == "nådd"
    assert facts["anon_history_person_lower_pooled"] == "95,5"  # (2 + 19) / (2 + 20)
    assert facts["anon_history_person_capitalised_pooled"] == "98,9"  # (7 + 80) / (8 + 80)
    assert facts["anon_history_rounds_direct_all_found"] == "1" and facts["anon_history_rounds_with_wrong_roles"] == "1"
    assert facts["anon_history_ordinary_changed_max"] == "0,50"
    assert (
        facts["anon_history_lower_goal"] == "ikke nådd"
        and facts["anon_history_ordinary_goal"] == "nådd i alle målingene"
    )
