"""Privacy gate: no personal data in the repository or in the built site (DESIGN.md, «Privacy»).

(a) every file git tracks, plus untracked files .gitignore does not exclude (so the gate also sees work
    that is not committed yet), and (b) every file of the built site in _build/html, are scanned with
    analysis.privacy.gate for valid-looking identity numbers, e-mail addresses other than example.org/.com,
    Norwegian phone numbers and terms on the project deny-list. Findings name file, line and kind only.

The unit tests below pin down what the scanner does and does not flag, with identifiers generated at run
time: this file must itself pass the gate.
"""

from __future__ import annotations

import hashlib
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fakes import phone_number as fake_phone_number
from fakes import synthetic_identity_number as fake_identity_number

from analysis.privacy.gate import (
    DENY_LIST,
    REPOSITORY_EXEMPTIONS,
    SITE_EXEMPTIONS,
    hash_term,
    load_deny_hashes,
    normalise_term,
    repository_files,
    scan_paths,
    scan_text,
)

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"


def _report(findings) -> str:
    lines = [str(f) for f in findings[:50]]
    if len(findings) > 50:
        lines.append(f"... and {len(findings) - 50} more")
    return "\n".join(lines)


# -- the gate -------------------------------------------------------------------------------------------------

def test_repository_files_hold_no_personal_data():
    files = repository_files(ROOT)
    assert any(p.name == "test_gate.py" for p in files), "git ls-files found nothing: is this a clone?"
    findings = scan_paths(files, root=ROOT, exemptions=REPOSITORY_EXEMPTIONS)
    assert not findings, "personal data in the repository:\n" + _report(findings)


@pytest.mark.site
def test_built_site_holds_no_personal_data():
    if not SITE.is_dir():
        pytest.skip("_build/html does not exist: build the site first (make book)")
    findings = scan_paths([SITE], root=SITE, exemptions=SITE_EXEMPTIONS)
    assert not findings, "personal data in the built site:\n" + _report(findings)


# -- identity numbers -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("d_number", [False, True])
@pytest.mark.parametrize("spaced", [False, True])
def test_valid_identity_numbers_are_found(d_number, spaced):
    rng = random.Random(41)
    for _ in range(20):
        number = fake_identity_number(rng, d_number=d_number)
        written = number[:6] + " " + number[6:] if spaced else number
        findings = scan_text(f"Kandidatens nummer er {written}.", deny_hashes={})
        assert [f.kind for f in findings] == ["identity-number"]
        assert number not in str(findings[0]) and number[:6] not in str(findings[0])


def test_numbers_that_fail_the_checks_are_not_identity_numbers():
    rng = random.Random(3)
    number = fake_identity_number(rng)
    broken = number[:9] + str((int(number[9]) + 1) % 10) + number[10]
    text = "\n".join([
        f"Nummer med feil kontrollsiffer: {broken}.",
        "ISBN 978-82-8408-060-4 (pdf), doi 10.1080/13691457.2017.1297774, L1121–1200.",
        "Prosjektnummer 597665, rapport 1-2020, n = 43, 12345678901234567890.",
    ])
    assert [f for f in scan_text(text, deny_hashes={}) if f.kind == "identity-number"] == []


def test_identity_number_inside_a_longer_number_is_not_flagged():
    number = fake_identity_number(random.Random(9))
    assert scan_text(f"ref {number}123 og 9{number}", deny_hashes={}) == []


# -- e-mail ---------------------------------------------------------------------------------------------------

def test_email_addresses_except_documentation_domains():
    private = "kari.nordmann" + "@" + "online.no"
    text = f"Skriv til {private}, post@example.org, test@sub.example.com eller @brukernavn."
    findings = scan_text(text, deny_hashes={})
    assert [(f.kind, f.detail) for f in findings] == [("email", "e-mail address at @online.no")]


def test_decorators_and_package_scopes_are_not_emails():
    text = "@pytest.mark.parametrize\n\"node_modules/@types/node\": {}\nnpm i vega-embed" + "@6.26.0"
    assert scan_text(text, deny_hashes={}) == []


# -- phone numbers --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("form", ["+47", "+47 grouped", "0047", "2222", "323", "tlf", "mobil:"])
def test_phone_numbers_are_found(form):
    n = fake_phone_number(random.Random(17))
    written = {
        "+47": "+47" + n,
        "+47 grouped": "+47 " + " ".join(n[i:i + 2] for i in range(0, 8, 2)),
        "0047": "0047 " + n,
        "2222": "ring " + " ".join(n[i:i + 2] for i in range(0, 8, 2)),
        "323": f"ring {n[:3]} {n[3:5]} {n[5:]}",
        "tlf": "tlf. " + n,
        "mobil:": "Mobil: " + n,
    }[form]
    findings = scan_text(f"Du når meg på {written} i dag.", deny_hashes={})
    assert [f.kind for f in findings] == ["phone"]
    assert n not in str(findings[0])


@pytest.mark.parametrize(
    "text",
    [
        "Sum 41234567 kroner ble utbetalt.",  # 8 plain digits with no phone word nearby
        "Radene 10 12 14 16 18 20 er gjennomsnitt.",  # a row of figures, not a grouped number
        "Tabell 2: 12 34 56 78 90 viser fordelingen.",
        "Linjene L1121 L1200, ISBN 978-82-8408-061-1.",
        "Tallet 12 34 56 78,5 er en desimal.",
        "Datoene 12.03.2019 og 2019-03-12.",
        "Kontonummer 1234.56.78901 er ikke et telefonnummer.",
    ],
)
def test_things_that_are_not_phone_numbers(text):
    assert [f for f in scan_text(text, deny_hashes={}) if f.kind == "phone"] == []


# -- deny-list ------------------------------------------------------------------------------------------------

def test_deny_list_matches_normalised_ngrams_of_one_to_four_words():
    made_up = ["Qzx Vikarbyrå", "Blåbær-Tjenesten", "ytterst hemmelig prosjekt nord"]
    hashes = {hash_term(t): "test" for t in made_up}
    text = "Hun jobbet i QZX  vikarbyrå,\nsenere hos blåbær-tjenesten i Ytterst Hemmelig\nProsjekt Nord."
    findings = scan_text(text, deny_hashes=hashes)
    assert [(f.kind, f.line) for f in findings] == [("deny-list", 1), ("deny-list", 2), ("deny-list", 2)]
    assert "Qzx" not in _report(findings) and "Vikarbyrå" not in _report(findings)


def test_deny_list_sees_through_html_tags(tmp_path):
    hashes = {hash_term("Qzx Vikarbyrå"): "test"}
    page = tmp_path / "side.html"
    page.write_text('<p>Hos <span class="x">Qzx</span>\n<em>Vikarbyrå</em> jobbet hun.</p>', encoding="utf-8")
    findings = scan_paths([page], root=tmp_path, deny_hashes=hashes)
    assert [(f.kind, f.path, f.line) for f in findings] == [("deny-list", "side.html", 1)]


def test_deny_list_does_not_match_inside_words():
    hashes = {hash_term("Qzx"): "test"}
    assert scan_text("Qzxvikar og vikarqzx", deny_hashes=hashes) == []


def test_normalisation_is_casefolded_and_whitespace_normalised():
    assert normalise_term("  Kari\tMari  NORD-HANSEN ") == "kari mari nord-hansen"
    assert hash_term("Kari Mari Nord-Hansen") == hashlib.sha256(b"kari mari nord-hansen").hexdigest()


def test_deny_list_file_is_well_formed_and_documented():
    raw = [line for line in DENY_LIST.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(raw) >= 40
    readme = (DENY_LIST.parent / "README.md").read_text(encoding="utf-8")
    for line in raw:
        digest, _, category = line.partition("\t")
        assert re.fullmatch(r"[0-9a-f]{64}", digest), line
        assert f"`{category}`" in readme, f"category {category!r} is not described in data/privacy/README.md"
    assert len(set(d.partition("\t")[0] for d in raw)) == len(raw), "duplicate hashes"


ORDINARY_WORDS = (
    "liv per dag sol stein bo ask eli mari vår jo tom finn lykke storm vilje hans hun han og i på nav jobb "
    "arbeid kandidat arbeidsgiver jobbspesialist veileder utvikling din kommune bergen tromsø "
    "harstad oslo norge fisk rema bygg butikk hotell restaurant kantine lager bakeri renhold as asa sa "
    "supported employment ips fidelity skåre tabell 2019 2020 1 2 3 norce uib oslomet schönfelder frangakis "
    "sveinsdottir johansen karlsen munkejord arntzen wangen frøyland spjelkavik sannes stø fyhn"
).split()


ORDINARY_PHRASES = ("jobbspesialist 1", "jobbspesialist 2", "jobbspesialist 3", "raskt i jobb", "din jobb",
                    "nav tromsø", "nav harstad", "bergen kommune", "per uke", "en dag")


def test_ordinary_words_and_cited_authors_are_not_on_the_deny_list():
    hashes = load_deny_hashes()
    assert hashes, "deny-list is empty"
    listed = [w for w in (*ORDINARY_WORDS, *ORDINARY_PHRASES) if hash_term(w) in hashes]
    assert listed == [], f"ordinary words or cited authors on the deny-list: {listed}"


def test_exemptions_are_narrow():
    assert all(e.kinds == frozenset({"deny-list"}) for e in REPOSITORY_EXEMPTIONS)
    assert all(e.kinds <= {"deny-list", "email"} for e in SITE_EXEMPTIONS)
    assert all(e.reason for e in (*REPOSITORY_EXEMPTIONS, *SITE_EXEMPTIONS))


def test_hash_term_command_prints_a_deny_list_line():
    command = [sys.executable, "-m", "analysis.privacy.gate", "hash-term", "Qzx Vikarbyrå", "--category", "test"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{hash_term('qzx vikarbyrå')}\ttest\n"
