"""What must never be in a case's text, checked whenever a case is loaded (the build stops on a finding).

Cases go through the project's privacy gate (:mod:`analysis.privacy.gate`: identity numbers, e-mail addresses,
phone numbers, the project-wide deny list) and two stricter rules of their own: any run of 11 digits, valid
identity number or not, since no case needs one; and a case-only deny list of places and names that are fine
elsewhere on the site. A finding says what kind of thing was found and on which line, never the value.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.core.files import read_text
from analysis.core.identity import find_identity_numbers
from analysis.privacy.gate import hash_term, scan_text, tokens

if TYPE_CHECKING:
    from analysis.cases.model import Case

# Names that may appear elsewhere on the site (places in the method chapter, authors in the references)
# but never in a case: the places where the sources' informants lived and worked, a retail brand, and
# people named in the sources' appendices. SHA-256 of the term as normalised by
# :func:`analysis.privacy.gate.normalise_term`, so this file does not repeat the names. Everything the
# project-wide privacy gate knows (pseudonyms, employers, providers, tools) comes from its own deny list.
CASE_DENYLIST_SHA256: frozenset[str] = frozenset(
    {
        "7c37c9d2f2bb9b2c48294df6036409ee78b1ca60dd1ae47f954114f4db035202",
        "7d24e00367d7fb8bcbe9196ced3eb29a4d797de85c4cb966b50bc0d3ab82174a",
        "30e3d1e2053d54e76c1606c83008e69f8fb8b233b0820f6e392e4e6003926c5e",
        "576c0ac6909a0b5070fcb8a79ae7b6dc26a4a231c490becdd9a7125b2f29d82d",
        "c5a8fb3b29edf44effe4dc858261bce6ce8e6d5ccfb98b5c1d3039e8665bab99",
        "c16d3cbd1ce2fbd7fdb9e12f09f9c24f0a625dc63797960cd68acd874c55aa12",
        "f09708aa4b8678bbdc97c8a1ca9436bbab6849b88f6c36b8aae92f613528d3b2",
        "d13b88230ae308020539722a90a7eaeb9bf4753efd66a6597a1b4c6963c50305",
    }
)

GATE_MESSAGES: dict[str, str] = {
    "identity-number": "inneholder et fødselsnummer eller D-nummer",
    "email": "inneholder en e-postadresse",
    "phone": "inneholder et telefonnummer",
    "deny-list": "inneholder et navn fra kildene (person, virksomhet eller verktøy)",
}
ELEVEN_DIGITS = "inneholder et tall med 11 sifre (mulig fødselsnummer)"
CASE_DENIED = "inneholder et stedsnavn eller personnavn fra kildene"


@dataclass(frozen=True)
class PrivacyFinding:
    line: int
    message: str


def term_hash(term: str) -> str:
    """The hash under which a term is kept in a deny list (same normalisation as the privacy gate)."""
    return hash_term(term)


def privacy_findings(text: str, denylist: Iterable[str] = CASE_DENYLIST_SHA256) -> list[PrivacyFinding]:
    """What the project's privacy gate flags, plus the two stricter rules for cases; values are never echoed."""
    deny = set(denylist)
    found = [
        PrivacyFinding(f.line, GATE_MESSAGES.get(f.kind, f"flagget av personvernkontrollen ({f.kind})"))
        for f in scan_text(text)
    ]
    gate_lines = {(f.line, f.message) for f in found}
    for number, line in enumerate(text.splitlines(), start=1):
        shaped = next(find_identity_numbers(line), None) is not None
        if shaped and (number, GATE_MESSAGES["identity-number"]) not in gate_lines:
            found.append(PrivacyFinding(number, ELEVEN_DIGITS))
        if any(hashlib.sha256(w.encode("utf-8")).hexdigest() in deny for w in tokens(line)):
            found.append(PrivacyFinding(number, CASE_DENIED))
    return sorted(found, key=lambda f: f.line)


def cases_changed_by_anonymiser(cases: Sequence[Case]) -> list[str]:
    """Ids of the cases the project's text anonymiser would still change; expected to be none.

    The anonymiser is the tool NAV staff run on their own texts; running it over the published cases
    during the build shows that they pass the same first check. Imported here, not at the top, so that
    loading cases does not pull in the anonymiser's lexicons.
    """
    from analysis.anonymise.engine import anonymise

    changed = []
    for c in cases:
        text = read_text(c.path)
        if anonymise(text).text != text:
            changed.append(c.id)
    return changed
