"""Check records: the report's fields, and when a disagreement counts as the documented one."""

from __future__ import annotations

import math

from analysis.core.check_records import FIELDS, Documented, judged, not_run, numeric, summary, transcribed

KNOWN = {"x": Documented("x", "004.txt, L368", "19", "the text says 20, the appendix has 19")}


def test_a_check_writes_exactly_the_report_fields_as_plain_json_types() -> None:
    check = numeric("a", "derived", "s", "q", 0.26, math.nan, 0.005)
    row = check.as_dict()
    assert tuple(row) == FIELDS
    assert row["reproduced"] is None and row["ok"] is False


def test_documented_disagreement_passes_only_as_exactly_the_registered_value() -> None:
    met = judged("x", "consistency", "s", "q", "20", "19", agrees=False, known=KNOWN)
    assert met.ok and met.documented is KNOWN["x"] and met.note.startswith("Dokumentert avvik (004.txt, L368)")
    other = judged("x", "consistency", "s", "q", "20", "18", agrees=False, known=KNOWN)
    assert not other.ok and other.documented is None and "et annet enn det dokumenterte (19" in other.note
    undocumented = judged("y", "consistency", "s", "q", "20", "19", agrees=False, known=KNOWN)
    assert not undocumented.ok


def test_documented_number_is_compared_at_the_registered_decimals() -> None:
    known = {"f": Documented("f", "s", "2.6115", "calibration limit")}
    assert numeric("f", "round-trip", "s", "q", 2.595, 2.611538, 0.0005, known=known).ok
    assert not numeric("f", "round-trip", "s", "q", 2.595, 2.6125, 0.0005, known=known).ok


def test_tolerance_is_half_a_unit_and_no_wider() -> None:
    assert numeric("a", "round-trip", "s", "q", 2.8, 2.8499, 0.05).ok
    assert not numeric("a", "round-trip", "s", "q", 2.8, 2.8501, 0.05).ok


def test_transcription_compares_value_and_printed_decimals() -> None:
    assert transcribed("t", "s", "q", "68.0", (68.0, 1), decimals=1).ok
    wrong_decimals = transcribed("t", "s", "q", "5", (5.0, 0), decimals=1)
    assert not wrong_decimals.ok and "desimal" in wrong_decimals.note
    assert not transcribed("t", "s", "q", "2.8", (2.9, 1)).ok
    missing = transcribed("t", "s", "q", "2.8", "kildetekstene finnes ikke")
    assert not missing.ok and missing.reproduced is None and missing.note == "kildetekstene finnes ikke"
    assert not transcribed("t", "s", "q", "2.8", (2.8, 1), problems=["L12 er en annen rad"]).ok


def test_summary_counts_every_kind_in_order() -> None:
    checks = [numeric("a", "derived", "s", "q", 1.0, 1.0, 0.0), not_run("b", "transcription", "s", "q", "why")]
    assert summary(checks) == {
        "transcription": {"n": 1, "ok": 0},
        "consistency": {"n": 0, "ok": 0},
        "derived": {"n": 1, "ok": 1},
        "round-trip": {"n": 0, "ok": 0},
    }
