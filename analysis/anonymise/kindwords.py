"""Norwegian words for the identifier kinds, for sentences on the site that single some of them out."""

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
