"""Tests of the anonymiser (analysis/anonymise*.py) on a corpus of fictitious Norwegian case texts.

The corpus (tests/anonymise/templates/) holds templates: identity numbers, account numbers, phone numbers and
e-mail addresses are placeholders such as ``{FNR}`` that are filled here, at run time, with freshly
generated fake values, so no tracked file ever contains a valid-looking identifier. Each template has a
YAML annotation listing what must disappear, what must appear instead, which ordinary words must survive,
and how many distinct pseudonyms each kind of entity should get.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from fakes import account_number as fake_account_number
from fakes import phone_number as fake_phone_number
from fakes import synthetic_identity_number as fake_identity_number

from analysis.anonymise.engine import anonymise, benchmark_throughput
from analysis.anonymise.lexicon import LEXICON_DIR, load_lexicon
from analysis.anonymise.numbers import is_account_number
from analysis.privacy.gate import scan_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "templates"
TEMPLATES = sorted(CORPUS.glob("[0-9][0-9]-*.txt"))
PLACEHOLDER_RE = re.compile(r"\{([A-Z0-9_]+)\}")
NUMBER_KINDS = ("identity-number", "email", "phone")

# False-positive ceiling on ordinary prose: at most 1 changed word per 100. At that rate a reader meets at
# most about one altered word per paragraph, so anonymised text stays readable and a reviewer can check
# every change; a stricter ceiling would force dropping the «capitalised mid-sentence» rule and so miss
# names. Person, place, NAV-office and employer replacements, which would distort meaning, get a tighter
# ceiling of 1 per 200 words; generalising a country («i USA» → «i Nord-Amerika») is allowed by design.
MAX_FALSE_POSITIVE_RATE = 0.01
MAX_ENTITY_FALSE_POSITIVE_RATE = 0.005


@dataclass
class FilledText:
    name: str
    text: str
    values: list[str]
    annotation: dict


def _fake_value(kind: str, rng: random.Random) -> str:
    if kind.startswith("FNR") or kind.startswith("DNR"):
        value = fake_identity_number(rng, d_number=kind.startswith("DNR"))
        return value[:6] + " " + value[6:] if kind.endswith("_SPACED") else value
    if kind.startswith("ACCOUNT"):
        value = fake_account_number(rng)
        if kind == "ACCOUNT_DOTTED":
            return f"{value[:4]}.{value[4:6]}.{value[6:]}"
        if kind == "ACCOUNT_SPACED":
            return f"{value[:4]} {value[4:6]} {value[6:]}"
        return value
    if kind.startswith("PHONE"):
        value = fake_phone_number(rng)
        return {
            "PHONE": value,
            "PHONE_2222": " ".join(value[i : i + 2] for i in range(0, 8, 2)),
            "PHONE_323": f"{value[:3]} {value[3:5]} {value[5:]}",
            "PHONE_PLUS47": "+47 " + value,
            "PHONE_0047": "0047 " + value,
        }[kind]
    if kind == "EMAIL":
        first = rng.choice(["kari", "ola", "amina", "tesfay", "agnieszka", "lan"])
        domain = rng.choice(["gmail.com", "online.no", "nav.no", "hotmail.com"])
        return f"{first}.{rng.choice(['hansen', 'nordby', 'haile'])}{rng.randint(1, 99)}@{domain}"
    raise KeyError(f"unknown placeholder {{{kind}}}")


def fill_template(path: Path, seed: int | None = None) -> FilledText:
    """Replace every placeholder with a new fake value (each occurrence its own value)."""
    rng = random.Random(zlib.crc32(path.name.encode()) if seed is None else seed)
    values: list[str] = []

    def sub(m: re.Match) -> str:
        values.append(_fake_value(m.group(1), rng))
        return values[-1]

    text = PLACEHOLDER_RE.sub(sub, path.read_text(encoding="utf-8"))
    annotation = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    return FilledText(path.name, text, values, annotation)


def run(filled: FilledText):
    ann = filled.annotation
    return anonymise(filled.text, deny_list=ann.get("deny_list", []), gender_neutral=ann.get("gender_neutral", False))


ROLE_LABEL_RE = re.compile(
    r"\b(?:Kandidat|Jobbspesialist|Veileder|Leder|Arbeidsgiver|Kollega|Tolk|Lege|Lærer|Familiemedlem|Person)"
    r" ([A-Z]{1,2})(?=s?\b)"
)


def role_blind(text: str) -> str:
    """Role labels depend on cues the templates were not written for; compare them as «Person X»."""
    return ROLE_LABEL_RE.sub(r"Person \1", text)


def whole_word(term: str, text: str) -> bool:
    return re.search(r"(?<![\w])" + re.escape(str(term)) + r"(?![\w])", text) is not None


# -- the lexicon ----------------------------------------------------------------------------------------------


def test_lexicon_is_complete_and_consistent():
    lex = load_lexicon()
    rows = [
        line.split("\t")
        for line in (LEXICON_DIR / "municipalities.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ][1:]
    assert len(rows) == 357 and len({tuple(r) for r in rows}) == 357
    assert len({r[1] for r in rows}) == 15  # counties of 2024
    assert len(lex.given) >= 1000 and len(lex.surnames) >= 300
    known = lex.given | lex.surnames | {k[0] for k in lex.places.values} | {k[0] for k in lex.countries.values}
    assert sorted(w for w in lex.ambiguous if w not in known) == []
    assert ("norge",) not in lex.places.values and ("norge",) not in lex.countries.values


# -- the corpus itself ----------------------------------------------------------------------------------------


def test_corpus_is_large_and_varied():
    assert len(TEMPLATES) >= 15
    registers = {yaml.safe_load(p.with_suffix(".yaml").read_text(encoding="utf-8"))["register"] for p in TEMPLATES}
    assert len(registers) >= 4, registers
    placeholders = {m.group(1) for p in TEMPLATES for m in PLACEHOLDER_RE.finditer(p.read_text(encoding="utf-8"))}
    for kind in (
        "FNR",
        "FNR_SPACED",
        "DNR",
        "DNR_SPACED",
        "ACCOUNT",
        "ACCOUNT_DOTTED",
        "PHONE",
        "PHONE_2222",
        "PHONE_323",
        "PHONE_PLUS47",
        "PHONE_0047",
        "EMAIL",
    ):
        assert kind in placeholders, f"no corpus text uses {{{kind}}}"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_templates_hold_no_literal_identifiers(path):
    text = path.read_text(encoding="utf-8")
    assert [f for f in scan_text(text) if f.kind in NUMBER_KINDS] == []


# -- per text -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_corpus_text(path):
    filled = fill_template(path)
    result = run(filled)
    out, ann = result.text, filled.annotation
    problems = []
    problems += [f"generated value survived (placeholder no. {i + 1})" for i, v in enumerate(filled.values) if v in out]
    problems += [f"survived: {t!r}" for t in ann.get("must_disappear", []) if whole_word(t, out)]
    problems += [f"missing: {t!r}" for t in ann.get("must_appear", []) if role_blind(str(t)) not in role_blind(out)]
    problems += [f"mangled: {t!r}" for t in ann.get("must_survive", []) if str(t) not in out]
    for kind, expected in ann.get("pseudonyms", {}).items():
        if result.report["pseudonyms"][kind] != expected:
            problems.append(f"{kind}: {result.report['pseudonyms'][kind]} pseudonyms, expected {expected}")
    assert not problems, "\n".join(problems) + "\n\n" + out


def test_zero_missed_direct_identifiers_across_corpus():
    """Every generated number/address in every text, under several random draws, is gone."""
    missed, total = 0, 0
    for seed in range(5):
        for path in TEMPLATES:
            filled = fill_template(path, seed=seed * 1000 + zlib.crc32(path.name.encode()))
            out = run(filled).text
            total += len(filled.values)
            digits = [re.sub(r"\D", "", v) for v in filled.values if "@" not in v]
            missed += sum(1 for v in filled.values if v in out)
            missed += sum(1 for d in digits if d in out)
            missed += len(scan_text(out, skip={"deny-list"}))
    assert total > 100
    assert missed == 0


def test_report_holds_counts_not_values():
    filled = fill_template(TEMPLATES[0])
    report = run(filled).report
    dumped = json.dumps(report, ensure_ascii=False)
    for value in filled.values:
        assert value not in dumped
    for term in filled.annotation["must_disappear"]:
        assert not whole_word(term, dumped)
    assert all(isinstance(n, int) for n in report["replacements"].values())


# -- false positives ------------------------------------------------------------------------------------------


def test_false_positive_rate_on_ordinary_prose():
    prose = (CORPUS / "ordinary_prose.txt").read_text(encoding="utf-8")
    words = len(re.findall(r"[^\W\d_]+", prose))
    assert words >= 400
    result = anonymise(prose)
    counts = result.report["replacements"]
    changed = sum(counts.values())
    entity_kinds = ("person", "place", "nav_office", "employer", "street_address", "postcode_place")
    entity_changes = sum(counts[k] for k in entity_kinds)
    rate = changed / words
    print(
        f"false positives: {changed} replacements in {words} words = {rate:.2%} ({entity_changes} entity replacements)"
    )
    assert rate <= MAX_FALSE_POSITIVE_RATE
    assert entity_changes / words <= MAX_ENTITY_FALSE_POSITIVE_RATE
    for phrase in (
        "Dag for dag",
        "En dag",
        "Per i dag",
        "per uke",
        "Per definisjon",
        "Liv og helse",
        "livet",
        "Stein på stein",
        "Bo hjemme",
        "Ask og bjørk",
        "toppen av åsen",
        "Ås og dal",
        "Vår erfaring",
        "Finn ut",
        "Lykke til",
        "Vilje",
        "Hans mor",
        "Sola skinte",
        "Time for time",
        "Berg og dal",
        "Strand og sjø",
        "Ski og skøyter",
        "Jo, det",
        "Tom for",
        "Line opp",
        "Storm og uvær",
    ):
        assert phrase in result.text, phrase


@pytest.mark.parametrize(
    "text",
    [
        "Per uke jobber hun tjue timer.",
        "Han jobber tre dager per uke.",
        "Per i dag har vi ingen ledige plasser.",
        "Livet ble bedre, og hun fikk et nytt liv.",
        "En dag i uka møtes de. Dag for dag går det bedre.",
        "På toppen av åsen ligger gården.",
        "Sol og regn skiftet hele dagen.",
        "Stein på stein bygges muren.",
        "Bo hjemme til du er frisk.",
        "Ask og bjørk vokser her.",
        "Vår erfaring er god.",
        "Hans bror kom også.",
        "Det var lik stemning i begge gruppene.",
        "This site is in English. MAX_PER_TEAM = 3.",
    ],
)
def test_ordinary_words_survive(text):
    assert anonymise(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Møtet ble ledet av Liv.", "Møtet ble ledet av Person A."),
        ("Per Olsen kom.", "Person A kom."),
        ("Dag sa at han var fornøyd.", "Person A sa at han var fornøyd."),
        ("Per bor i Mo i Rana.", "Person A bor i Sted 1."),
        ("Pers kone ringte.", "Person As kone ringte."),
        ("Vi snakket med fru Hansen.", "Vi snakket med fru A."),  # the title stays (issue 14, third round)
        ("Resepten kom fra dr. Ali i går.", "Resepten kom fra dr. A i går."),
        ("Hun heter Mari Eriksen.", "Hun heter Person A."),
        ("Hun flyttet til Frøya. Frøya Dahl var veileder.", "Hun flyttet til Sted 1. Person A var veileder."),
        ("Hun bor i Ås og jobber med Stein.", "Hun bor i Sted 1 og jobber med Person A."),
        ("Vi snakket om Idris' søster.", "Vi snakket om Person As søster."),
        ("Skjema: KARI HANSEN, PER UKE: 20 timer.", "Skjema: Person A, PER UKE: 20 timer."),
        ("Hun heter Nguyen Thi Lan. Lan kom i går.", "Hun heter Person A. Person A kom i går."),
        ("Ali al-Hassan og Ahmed bin Salem kom.", "Person A og Person B kom."),
    ],
)
def test_names_in_name_like_context(text, expected):
    assert anonymise(text).text == expected


# -- pseudonym consistency ------------------------------------------------------------------------------------


def test_same_person_same_pseudonym_and_surname_alone():
    text = (
        "Per Olsen møtte Amina Yusuf. Olsen sa at Amina hadde gjort det bra. "
        "Yusuf svarte at Per Olsens råd hjalp. Aminas mål er fast jobb."
    )
    out = anonymise(text).text
    assert out == (
        "Person A møtte Person B. Person A sa at Person B hadde gjort det bra. "
        "Person B svarte at Person As råd hjalp. Person Bs mål er fast jobb."
    )


def test_given_name_first_then_full_name_is_one_person():
    out = anonymise("Amina kom tidlig. Senere presenterte Amina Yusuf seg for lederen.")
    assert out.text == "Person A kom tidlig. Senere presenterte Person A seg for lederen."
    assert out.report["pseudonyms"]["person"] == 1


def test_unknown_surname_learned_from_full_name():
    out = anonymise("Kari Sæthersdal er veileder. Etter møtet ringte Sæthersdal arbeidsgiveren.").text
    assert out == "Person A er veileder. Etter møtet ringte Person A arbeidsgiveren."


def test_two_people_sharing_a_surname_get_different_letters():
    out = anonymise("Per Olsen og Kari Olsen kom. Kari Olsen snakket først.").report
    assert out["pseudonyms"]["person"] == 2


def test_employers_places_and_nav_offices_are_numbered_consistently():
    text = (
        "Hun fikk jobb i Rema Bygg AS i Tromsø. Senere gikk hun til Fjord Fisk ASA. Rema Bygg ville ha henne "
        "tilbake. NAV Harstad og NAV-kontoret i Harstad er samme kontor; Nav Grünerløkka er et annet. "
        "Tromsø er stort."
    )
    out = anonymise(text).text
    assert out == (
        "Hun fikk jobb i Arbeidsplass 1 i Sted 1. Senere gikk hun til Arbeidsplass 2. Arbeidsplass 1 "
        "ville ha henne tilbake. NAV-kontor 1 og NAV-kontor 1 er samme kontor; NAV-kontor 2 er et annet. "
        "Sted 1 er stort."
    )


def test_deny_list_terms_become_employers_case_insensitively():
    out = anonymise(
        "Hun jobber hos Bakeriet i Sentrum. BAKERIET I SENTRUM har lang tradisjon.", deny_list=["Bakeriet i Sentrum"]
    )
    assert out.text == "Hun jobber hos Arbeidsplass 1. Arbeidsplass 1 har lang tradisjon."


@pytest.mark.parametrize(
    "company", ["Rema Bygg AS", "Fjord Fisk ASA", "Kystfisk SA", "Hansen og Sønn ANS", "Berg & Dal DA"]
)
def test_company_forms(company):
    expected = "Kandidaten fikk jobb i Arbeidsplass 1 i fjor."
    assert anonymise(f"Kandidaten fikk jobb i {company} i fjor.").text == expected


def test_company_form_does_not_swallow_sentence_start_or_names():
    assert anonymise("I Rema Bygg AS trives hun.").text == "I Arbeidsplass 1 trives hun."
    assert anonymise("Per Olsen og Fjord Fisk AS samarbeider.").text == "Person A og Arbeidsplass 1 samarbeider."


# -- direct identifiers ---------------------------------------------------------------------------------------


def test_account_numbers_from_the_test_generator_pass_the_account_check():
    rng = random.Random(11)
    assert all(is_account_number(fake_account_number(rng)) for _ in range(200))


@pytest.mark.parametrize("form", ["plain", "spaced"])
@pytest.mark.parametrize("d_number", [False, True])
def test_identity_numbers_are_removed(form, d_number):
    number = fake_identity_number(random.Random(21), d_number=d_number)
    written = number if form == "plain" else number[:6] + " " + number[6:]
    out = anonymise(f"Fnr: {written}.").text
    assert out == ("Fnr: [D-nummer]." if d_number else "Fnr: [fødselsnummer].")


@pytest.mark.parametrize("form", ["plain", "dotted", "spaced"])
def test_account_numbers_are_removed(form):
    number = fake_account_number(random.Random(8))
    written = {
        "plain": number,
        "dotted": f"{number[:4]}.{number[4:6]}.{number[6:]}",
        "spaced": f"{number[:4]} {number[4:6]} {number[6:]}",
    }[form]
    assert anonymise(f"Kontonummer {written} er registrert.").text == "Kontonummer [kontonummer] er registrert."


@pytest.mark.parametrize("form", ["plain", "2222", "323", "+47", "0047", "+47grouped"])
def test_phone_numbers_are_removed(form):
    n = fake_phone_number(random.Random(2))
    pairs = " ".join(n[i : i + 2] for i in range(0, 8, 2))
    written = {
        "plain": n,
        "2222": pairs,
        "323": f"{n[:3]} {n[3:5]} {n[5:]}",
        "+47": "+47" + n,
        "0047": "0047 " + n,
        "+47grouped": "+47 " + pairs,
    }[form]
    assert anonymise(f"Ring {written} i dag.").text == "Ring [telefon] i dag."


def test_numbers_that_are_not_phones_stay():
    text = "Tabellen viser 12 14 16 18 20 og 22. ISBN 978-82-8408-060-4. Saken gjelder 1 234 567 kroner."
    assert anonymise(text).text == text


def test_email_addresses_are_removed():
    private = "ola.nordmann+nav" + "@" + "online.no"  # assembled at run time: no address in a tracked file
    assert anonymise(f"Skriv til {private} eller kari@example.org.").text == "Skriv til [e-post] eller [e-post]."


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("Storgata 12B, 9008 Tromsø", "[adresse], [postnummer og sted]"),
        ("Kongens gate 5, 0153 OSLO", "[adresse], [postnummer og sted]"),
        ("Fjellveien 3", "[adresse]"),
        ("Olav Tryggvasons gate 40 H0201", "[adresse]"),
        ("Postboks 123, 8001 Bodø", "[adresse], [postnummer og sted]"),
    ],
)
def test_addresses(address, expected):
    assert anonymise(f"Adressen er {address}.").text == f"Adressen er {expected}."


def test_year_before_a_place_is_not_a_postcode():
    assert anonymise("Etter 2019 Tromsø fikk nye regler.").text == "Etter 2019 Sted 1 fikk nye regler."


# -- quasi-identifiers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("12. mars 2019", "våren 2019"),
        ("12.03.2019", "våren 2019"),
        ("2019-03-12", "våren 2019"),
        ("12/3-2019", "våren 2019"),
        ("den 3. juli 2020", "sommeren 2020"),
        ("fredag 9.10.21", "høsten 2021"),
        ("15. desember 2020", "vinteren 2020/21"),
        ("2. februar 2021", "vinteren 2020/21"),
        ("12. mars", "våren"),
    ],
)
def test_dates_become_season_and_year(date, expected):
    assert anonymise(f"Hun startet {date} i jobben.").text == f"Hun startet {expected} i jobben."


def test_impossible_date_is_left():
    assert anonymise("Feil dato: 31.02.2019.").text == "Feil dato: 31.02.2019."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun er 34 år.", "Hun er i 30-årene."),
        ("Han var 34 år gammel da han kom.", "Han var i 30-årene da han kom."),
        ("Hun er nå 61 år.", "Hun er nå i 60-årene."),
        ("En 34-åring fikk jobb.", "En person i 30-årene fikk jobb."),
        ("34-åringen fikk jobb.", "Personen i 30-årene fikk jobb."),
        ("Den 34-årige kvinnen fikk jobb.", "Den 30–39-årige kvinnen fikk jobb."),
        ("Kandidaten (17 år) fikk jobb.", "Kandidaten (i tenårene) fikk jobb."),
        ("Sønnen er 7 år.", "Sønnen er under 10 år."),
        ("Alder: 45", "Alder: i 40-årene"),
    ],
)
def test_ages_become_decades(text, expected):
    assert anonymise(text).text == expected


@pytest.mark.parametrize(
    "text",
    ["Hun har bodd her i 34 år.", "For 12 år siden kom hun.", "Etter 3 år fikk han jobb.", "Prosjektet varte (3 år)."],
)
def test_durations_are_not_ages(text):
    assert anonymise(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun kom fra Eritrea.", "Hun kom fra Øst-Afrika."),
        ("Han er fra Syria og snakker arabisk.", "Han er fra Midtøsten og snakker arabisk."),
        ("En somalisk kvinne og eritreiske menn.", "En østafrikansk kvinne og østafrikanske menn."),
        ("Somaliske kvinner deltok.", "Østafrikanske kvinner deltok."),
        ("Tolken snakket tigrinja og dari.", "Tolken snakket et østafrikansk språk og et sørasiatisk språk."),
        ("Hun snakker polsk.", "Hun snakker et østeuropeisk språk."),
        ("Eritreerne i gruppen og en somalier.", "Personene fra Øst-Afrika i gruppen og en person fra Øst-Afrika."),
        ("Hun kom fra Sri Lanka.", "Hun kom fra Sør-Asia."),
        ("Han snakker norsk og engelsk.", "Han snakker norsk og engelsk."),
    ],
)
def test_origin_becomes_world_region(text, expected):
    assert anonymise(text).text == expected


def test_gender_neutral_pronouns_only_on_request():
    text = "Hun sa at han og henne var venner. Hans bror og hennes søster kom. Ham kjenner jeg."
    assert anonymise(text).text == text
    assert anonymise(text, gender_neutral=True).text == (
        "Hen sa at hen og hen var venner. Hens bror og hens søster kom. Hen kjenner jeg."
    )


def test_name_hans_is_not_a_pronoun():
    out = anonymise("Vi møtte Hans Hansen. Hans bror var med.", gender_neutral=True).text
    assert out == "Vi møtte Person A. Hens bror var med."


# -- command line ---------------------------------------------------------------------------------------------


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", "anonymise", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_cli_writes_text_and_counts_only_report(tmp_path):
    filled = fill_template(TEMPLATES[1])
    source = tmp_path / "input.txt"
    source.write_text(filled.text, encoding="utf-8")
    report = tmp_path / "report.json"
    deny = tmp_path / "deny.txt"
    deny.write_text("# arbeidsgivere\nKantina Nord\n", encoding="utf-8")
    done = _cli(str(source), "--report", str(report), "--deny-list", str(deny), "--hen")
    assert done.returncode == 0, done.stderr
    assert done.stdout == anonymise(filled.text, deny_list=["Kantina Nord"], gender_neutral=True).text
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["replacements"]["person"] >= 2 and data["replacements"]["email"] == 2
    dumped = json.dumps(data, ensure_ascii=False)
    for secret in [*filled.values, "Olsen", "Sæthersdal", "Rema Bygg", "Harstad", "Kantina"]:
        assert secret not in dumped


@pytest.mark.parametrize("kind", ["missing", "binary", "latin1", "directory"])
def test_cli_bad_input_exits_2_and_writes_nothing(tmp_path, kind):
    source = tmp_path / "input.txt"
    if kind == "binary":
        source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    elif kind == "latin1":
        source.write_bytes("Søknad fra Åse i Bodø".encode("latin-1"))
    elif kind == "directory":
        source.mkdir()
    report = tmp_path / "report.json"
    done = _cli(str(source), "--report", str(report))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("feil: ") and "Traceback" not in done.stderr
    assert not report.exists()


def test_cli_bad_deny_list_exits_2(tmp_path):
    source = tmp_path / "input.txt"
    source.write_text("Hei.", encoding="utf-8")
    report = tmp_path / "report.json"
    done = _cli(str(source), "--deny-list", str(tmp_path / "none.txt"), "--report", str(report))
    assert done.returncode == 2 and not report.exists()


# -- throughput -----------------------------------------------------------------------------------------------


def test_throughput_benchmark_measures_a_document_of_the_asked_size():
    """The 300 kB/s budget of issue 14 is measured by `make bench` (scripts/bench.py), not asserted here: a
    timed assertion fails on a busy machine and proves nothing about the code. This checks that the benchmark
    runs the real pipeline on a document of the asked size and reports a rate."""
    result = benchmark_throughput(size_kb=50, repeats=1)
    assert result["size_kb"] >= 50
    assert result["cpu_kb_per_s"] > 0 and result["kb_per_s"] > 0, result
