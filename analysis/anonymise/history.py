"""The first measurement of every unseen set, kept as a record (data/lexicon/evaluation_history.json).

The site quotes the latest unseen set; a reader should also see how the tool fared on each new set in turn, since
the latest one may be a lucky draw. A first measurement cannot be regenerated (the rules change after it), so it
is written once, when it is made (``python -m analysis.anonymise.evaluate DIR... --record-round N``), and a set
that is already in the record is refused: each set is measured once.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from analysis.anonymise.kindwords import missed_direct
from analysis.core.formatting import fmt_num
from analysis.core.paths import DATA

HISTORY_FILE = DATA / "lexicon" / "evaluation_history.json"
COUNTED_KINDS = ("identity_number", "d_number", "account_number", "phone", "email", "street_address")


def _count(group: dict[str, Any], kind: str) -> dict[str, int]:
    values = group["per_kind"].get(kind)
    return {"found": values["found"], "total": values["total"]} if values else {"found": 0, "total": 0}


def entry_from_report(report: dict[str, Any], sets: list[str], after_round: int) -> dict[str, Any]:
    """The record of one first measurement, from an ``evaluate`` report."""
    entry: dict[str, Any] = {
        "sets": sets,
        "after_round": after_round,
        "texts": report["texts"],
        "identifiers": {"found": report["recall"]["found"], "total": report["recall"]["total"]},
        "person": _count(report["recall"], "person"),
        "person_lower_case_texts": _count(report["recall_lower_case_texts"], "person"),
        "person_capitalised_texts": _count(report["recall_capitalised_texts"], "person"),
    }
    for kind in COUNTED_KINDS:
        entry[kind] = _count(report["recall"], kind)
    entry["role_errors"] = {
        "mentions": report["roles"]["mention_errors"],
        "people": report["roles"]["people_with_errors"],
    }
    entry["ordinary_words"] = {
        "changed": report["ordinary_words"]["changed"],
        "words": report["ordinary_words"]["words"],
    }
    return entry


def load(path: Path = HISTORY_FILE) -> dict[str, Any]:
    history: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return history


def record(report: dict[str, Any], sets: list[str], after_round: int, path: Path = HISTORY_FILE) -> None:
    """Append a first measurement; refuse a set that has been measured before (ValueError, file untouched)."""
    history = load(path)
    measured = {s for m in history["measurements"] for s in m["sets"]}
    again = sorted(measured & set(sets))
    if again:
        raise ValueError(f"{path}: {', '.join(again)} already measured once; a set is measured only once")
    history["measurements"].append(entry_from_report(report, sets, after_round))
    path.write_text(json.dumps(history, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _share(rows: list[dict[str, Any]], group: str) -> float:
    found: int = sum(m[group]["found"] for m in rows)
    total: int = sum(m[group]["total"] for m in rows)
    return found / total


def _pooled(rows: list[dict[str, Any]], group: str) -> str:
    return fmt_num(100 * _share(rows, group), 1)


def _changed(row: dict[str, Any]) -> float:
    return float(row["ordinary_words"]["changed"] / row["ordinary_words"]["words"])


PERSON_GOAL = 0.99  # issue 14: at least 99 % of person names removed on texts nobody tuned on
ORDINARY_GOAL = 0.01  # and at most 1 % of ordinary words changed


def history_facts(path: Path = HISTORY_FILE, prefix: str = "anon_history_") -> dict[str, str]:
    """Person-name recall over every first measurement: how many sets, the range and the pooled share."""
    rows = load(path)["measurements"]
    shares = [m["person"]["found"] / m["person"]["total"] for m in rows]
    found, total = sum(m["person"]["found"] for m in rows), sum(m["person"]["total"] for m in rows)
    facts = {
        "measurements": str(len(rows)),  # digits, like the counts it is compared with («6 av de 15 målingene»)
        "first_round": str(rows[0]["after_round"]),
        "last_round": str(rows[-1]["after_round"]),
        "person_min": fmt_num(100 * min(shares), 1),
        "person_max": fmt_num(100 * max(shares), 1),
        "person_pooled": fmt_num(100 * found / total, 1),
        "person_found": fmt_num(found, 0),
        "person_total": fmt_num(total, 0),
        "wrong_roles": str(sum(m["role_errors"]["mentions"] for m in rows)),
        # the project's goal, ≥ 99 % of person names: in how many first measurements, and over all of them
        "goal": fmt_num(100 * PERSON_GOAL, 0),
        "person_at_goal": str(sum(share >= PERSON_GOAL for share in shares)),
        "pooled_goal": "nådd" if found / total >= PERSON_GOAL else "ikke nådd",
        "person_latest": fmt_num(100 * shares[-1], 1),
        "latest_at_goal": "nådd" if shares[-1] >= PERSON_GOAL else "ikke nådd",
        # lower-case texts against capitalised ones, over every first measurement
        "person_lower_pooled": _pooled(rows, "person_lower_case_texts"),
        "person_capitalised_pooled": _pooled(rows, "person_capitalised_texts"),
        # the other goals: every direct identifier found, no wrong role, at most 1 % ordinary words changed
        "rounds_direct_all_found": str(sum(all(m[k]["found"] == m[k]["total"] for k in COUNTED_KINDS) for m in rows)),
        "rounds_with_wrong_roles": str(sum(m["role_errors"]["mentions"] > 0 for m in rows)),
        "roles_goal": "nådd i alle målingene"
        if all(m["role_errors"]["mentions"] == 0 for m in rows)
        else "ikke nådd i alle målingene",
        "roles_latest": "ingen"
        if rows[-1]["role_errors"]["mentions"] == 0
        else str(rows[-1]["role_errors"]["mentions"]),
        "direct_goal": "nådd i alle målingene"
        if all(all(m[k]["found"] == m[k]["total"] for k in COUNTED_KINDS) for m in rows)
        else "ikke nådd i alle målingene",
        "direct_missed": missed_direct({k: sum(m[k]["found"] < m[k]["total"] for m in rows) for k in COUNTED_KINDS}),
        "ordinary_goal_pct": fmt_num(100 * ORDINARY_GOAL, 0),
        "lower_goal": "nådd"
        if _share(rows, "person_lower_case_texts") >= _share(rows, "person_capitalised_texts")
        else "ikke nådd",
        "ordinary_goal": "nådd i alle målingene"
        if all(_changed(m) <= ORDINARY_GOAL for m in rows)
        else "ikke nådd i alle",
        "ordinary_changed_max": fmt_num(100 * max(_changed(m) for m in rows), 2),
    }
    return {prefix + key: value for key, value in facts.items()}
