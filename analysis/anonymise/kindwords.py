"""Norwegian words and sentences for the site's report on the anonymiser, worded so that a count of 0 or 1
reads well."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Norwegian plural names of the kinds the page may single out as the ones most often left
KIND_WORDS = {
    "employer": "arbeidsplasser",
    "place": "steder",
    "age": "aldre",
    "institution": "institusjoner",
    "origin": "opprinnelser",
    "date": "datoer",
    "nav_office": "NAV-kontorer",
    "person": "personnavn",
}


def weakest_kinds(per_kind: dict[str, Any], pct: Callable[[float], str], n: int = 3, least: int = 20) -> str:
    """The ``n`` kinds with the lowest recall among those with at least ``least`` identifiers, as a Norwegian
    list («arbeidsplasser (90,9 prosent), steder (96,6 prosent) og aldre (98,2 prosent)»)."""
    counted = [(v["recall"], kind) for kind, v in per_kind.items() if kind in KIND_WORDS and v["total"] >= least]
    ranked = sorted(counted)[:n]
    items = [f"{KIND_WORDS[kind]} ({pct(recall)} prosent)" for recall, kind in ranked]
    return ", ".join(items[:-1]) + " og " + items[-1] if len(items) > 1 else "".join(items)


def role_sentence(mentions: int, people: int) -> str:
    """«Ingen navn fikk en rolle teksten ikke gir.», or how many mentions of how many people did."""
    if mentions == 0:
        return "Ingen navn fikk en rolle teksten ikke gir."
    times = "én forekomst" if mentions == 1 else f"{mentions} forekomster"
    who = "én person" if people == 1 else f"{people} personer"
    return f"I {times} fikk et navn en rolle teksten ikke gir (gjaldt {who})."


def merge_sentence(merged: int) -> str:
    """How many pseudonyms stood for more than one person."""
    if merged == 0:
        return "Ingen stedfortredernavn ble brukt om mer enn én person."
    names = "Ett stedfortredernavn" if merged == 1 else f"{merged} stedfortredernavn"
    return f"{names} ble brukt om mer enn én person."


# The direct identifiers the record of first measurements counts, in Norwegian
DIRECT_WORDS = {
    "identity_number": "fødselsnumre",
    "d_number": "D-numre",
    "account_number": "kontonumre",
    "phone": "telefonnumre",
    "email": "e-postadresser",
    "street_address": "gateadresser",
}


def missed_direct(rounds_missing: dict[str, int]) -> str:
    """«gateadresser i 3 målinger og fødselsnumre i 1 måling», or «ingenting» when every one was always found."""
    items = [
        f"{DIRECT_WORDS[kind]} i {n} {'måling' if n == 1 else 'målinger'}"
        for kind, n in sorted(rounds_missing.items(), key=lambda item: -item[1])
        if n
    ]
    if not items:
        return "ingenting"
    return ", ".join(items[:-1]) + " og " + items[-1] if len(items) > 1 else items[0]
