"""The list of the kinds most often left, as the site words it."""

from __future__ import annotations

from analysis.anonymise.kindwords import weakest_kinds


def pct(x: float) -> str:
    return f"{100 * x:.1f}".replace(".", ",")


def test_the_lowest_recall_first_and_small_kinds_left_out():
    per_kind = {
        "employer": {"recall": 0.9, "total": 50},
        "place": {"recall": 0.95, "total": 100},
        "age": {"recall": 0.5, "total": 4},  # too few to say anything
        "date": {"recall": 1.0, "total": 100},
        "email": {"recall": 0.8, "total": 30},  # no word for it: a contact detail the page reports on its own
    }
    assert weakest_kinds(per_kind, pct, n=2) == "arbeidsplasser (90,0 prosent) og steder (95,0 prosent)"
    assert weakest_kinds(per_kind, pct, n=1) == "arbeidsplasser (90,0 prosent)"
