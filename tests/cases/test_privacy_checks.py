"""What stops a case from loading: the privacy gate's findings and the two stricter rules for cases."""

from __future__ import annotations

import random
from pathlib import Path

from fake_cases import GOOD_BODY, problems_of, write_case
from fakes import synthetic_identity_number

from analysis.cases import parse_case, privacy_findings
from analysis.cases.privacy_checks import cases_changed_by_anonymiser, term_hash
from analysis.privacy.gate import hash_term


def test_privacy_findings_block_loading(tmp_path: Path) -> None:
    rng = random.Random(7)
    phone = " ".join(f"{rng.randint(20, 99)}" for _ in range(4))
    address = "kontakt" + "@" + "eksempel-nav" + ".no"
    body = GOOD_BODY.replace("Kandidaten ville jobbe.", f"Ring {phone} eller skriv til {address}.")
    problems = problems_of(write_case(tmp_path, body=body))
    assert any("telefonnummer" in p for p in problems), problems
    assert any("e-postadresse" in p for p in problems), problems
    assert not any(phone in p or address in p for p in problems), "the finding itself must not be echoed"


def test_privacy_findings_detect_identity_numbers_and_denied_names() -> None:
    rng = random.Random(11)
    # Not a valid identity number (no date starts with 99), yet no case needs an 11-digit number.
    eleven = "99" + "".join(str(rng.randint(0, 9)) for _ in range(9))
    assert [f.message for f in privacy_findings(f"nummer {eleven}")] == [
        "inneholder et tall med 11 sifre (mulig fødselsnummer)"
    ]
    valid = synthetic_identity_number(rng)
    assert [f.message for f in privacy_findings(f"nummer {valid}")] == ["inneholder et fødselsnummer eller D-nummer"]
    invented = "Zyxwovana"
    found = privacy_findings(f"Saken gjelder {invented} i byen.", denylist={term_hash(invented)})
    assert [f.line for f in found] == [1]
    allowed = "kurs" + "@" + "example.org"
    assert privacy_findings(f"Skriv til {allowed}.") == []
    # Source references and ordinary numbers are not phone numbers.
    assert privacy_findings('"004_55431284ded43f19.txt, 3.8.1, L909–921", 50 % lønnstilskudd, 2 av 16') == []


def test_the_case_deny_list_uses_the_gate_normalisation() -> None:
    assert term_hash("  Zyxwovana ") == hash_term("zyxwovana")
    found = privacy_findings("Første linje.\nZYXWOVANA kom inn.", denylist={term_hash("Zyxwovana")})
    assert [(f.line, f.message) for f in found] == [(2, "inneholder et stedsnavn eller personnavn fra kildene")]


def test_the_anonymiser_check_reports_a_case_it_would_change(tmp_path: Path) -> None:
    clean = parse_case(write_case(tmp_path, name="case-01"))
    assert cases_changed_by_anonymiser([clean]) == []
    # A case object whose file has since gained something the anonymiser removes (a phone number after «tlf»).
    phone = random.Random(3).randint(40_000_000, 49_999_999)
    clean.path.write_text(clean.path.read_text(encoding="utf-8") + f"\ntlf {phone}\n", encoding="utf-8")
    assert cases_changed_by_anonymiser([clean]) == ["case-01"]
