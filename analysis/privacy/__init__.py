"""Privacy: keeping personal data out of the repository and the site, and measuring what is left.

Where to start:

* :mod:`analysis.privacy.gate` scans text and files for identity numbers, e-mail addresses, phone numbers and
  deny-listed terms (``python -m analysis.privacy.gate scan``).
* :mod:`analysis.privacy.disclosure` hides small cells in tables made from a user's own respondent file.
* :mod:`analysis.privacy.kanonymity` measures k-anonymity over chosen quasi-identifiers and suggests the
  generalisation that would raise it; its names are exported here.
"""

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
    "SUPPRESSED",
    "GeneralisationStep",
    "GeneralisationSuggestion",
    "HasQuasiIdentifiers",
    "Hierarchy",
    "KAnonymityResult",
    "as_records",
    "banded",
    "generalise",
    "k_anonymity",
    "mapped",
    "suggest_generalisation",
    "suppression",
]
