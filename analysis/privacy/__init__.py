"""Keeping personal data out of the repository and the site, and measuring what is left.

- ``gate``: finds identity numbers, e-mail addresses, phone numbers and deny-listed terms in text and files
  (run over every tracked file and the built site by the tests); ``cli``: ``python -m analysis privacy``.
- ``disclosure``: suppression of small cells and groups in tables computed from a user's own data.
- ``kanonymity``: k-anonymity over chosen quasi-identifiers, and the generalisation that would raise it.
"""

from analysis.privacy.disclosure import MIN_N, suppress_small_cells, suppress_small_groups
from analysis.privacy.gate import hash_term, load_deny_hashes, scan_paths, scan_text, tokens
from analysis.privacy.kanonymity import (
    SUPPRESSED,
    GeneralisationStep,
    GeneralisationSuggestion,
    HasQuasiIdentifiers,
    Hierarchy,
    KAnonymityResult,
    as_records,
    banded,
    generalise,
    k_anonymity,
    mapped,
    suggest_generalisation,
    suppression,
)

__all__ = [
    "MIN_N",
    "SUPPRESSED",
    "GeneralisationStep",
    "GeneralisationSuggestion",
    "HasQuasiIdentifiers",
    "Hierarchy",
    "KAnonymityResult",
    "as_records",
    "banded",
    "generalise",
    "hash_term",
    "k_anonymity",
    "load_deny_hashes",
    "mapped",
    "scan_paths",
    "scan_text",
    "suggest_generalisation",
    "suppress_small_cells",
    "suppress_small_groups",
    "suppression",
    "tokens",
]
