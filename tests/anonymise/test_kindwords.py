"""The list of the kinds most often left, as the site words it."""

from __future__ import annotations

from analysis.anonymise.kindwords import merge_sentence, missed_direct, role_sentence, weakest_kinds


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


def test_role_and_merge_sentences_read_well_for_zero_one_and_many():
    assert role_sentence(0, 0) == "Ingen navn fikk en rolle teksten ikke gir."
    assert role_sentence(1, 1) == "I én forekomst fikk et navn en rolle teksten ikke gir (gjaldt én person)."
    assert role_sentence(4, 2) == "I 4 forekomster fikk et navn en rolle teksten ikke gir (gjaldt 2 personer)."
    assert merge_sentence(0) == "Ingen stedfortredernavn ble brukt om mer enn én person."
    assert merge_sentence(1) == "Ett stedfortredernavn ble brukt om mer enn én person."
    assert merge_sentence(3) == "3 stedfortredernavn ble brukt om mer enn én person."


def test_the_direct_identifiers_missed_most_often_come_first():
    assert missed_direct({"phone": 0, "identity_number": 1, "street_address": 3}) == (
        "gateadresser i 3 målinger og fødselsnumre i 1 måling"
    )
    assert missed_direct({"phone": 0}) == "ingenting"
