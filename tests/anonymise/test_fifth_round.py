"""The anonymiser on the kinds of miss its fourth round left on held-out texts (issue 14, fifth round): ages
that only the context marks (answers to a question about age, inverted clauses, corrections, «en sønn på
åtte»), date ranges written d.m.–d.m., chains with a place, country-name variants, universities by
abbreviation, refugee camps named after a cue. Every example is invented for this test; each rule has uses
and traps.
"""

from __future__ import annotations

import pytest

from analysis.anonymise import anonymise


def replaced(text: str) -> dict[str, list[str]]:
    """The surfaces of the input replaced, by kind."""
    out: dict[str, list[str]] = {}
    for s in anonymise(text).replacements:
        out.setdefault(s.kind, []).append(text[s.start : s.end])
    return out


# -- ages that the context marks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("[09:01] lise: hvor gammel er sønnen hennes?\n[09:02] omar: ni år. går på skolen\n", ["ni år"]),
        ("09:01 lise: alder?\n09:03 omar: førtito. han er frisk\n", ["førtito"]),
        ("man 3/2 10:01 ola:\nhvor gammel er du?\n\nman 3/2 10:05 eli:\nja 27. 28 i mai\n", ["27", "28"]),
        ("Arbeidsgiver spurte om alder, og jeg sa 34.", ["34"]),
        ("Nå er han femten år og går på videregående.", ["femten år"]),
        ("Til sommeren fyller datteren 10 år på søndag.", ["10 år"]),
        ("Hun var vel førtito da vi startet.", ["førtito"]),
        ("Ho va trettiåtte da vi begynte.", ["trettiåtte"]),
        ("Han var vel 31 da han kom.", ["31"]),
        ("Han fylte 29 i forrige uke, ikke 31 som det står i henvisningen.", ["29", "31"]),
        ("Hun har en sønn på åtte som går i tredje klasse.", ["åtte"]),
        ("Hun er alene med en gutt på 12 i byen.", ["12"]),
        ("Saman med dottera Zlata, som no er ni og går på skulen.", ["ni"]),
        ("Barna Jana og Karim, 3 og 6 år, går i barnehagen.", ["3 og 6 år"]),
        ("Hun er 34, 2 barn.", ["34"]),  # the count after an age stays
    ],
)
def test_ages_from_context(text, ages):
    assert replaced(text).get("age", []) == ages


@pytest.mark.parametrize(
    "text",
    [
        "[09:01] lise: hvor gammel er bilen?\n[09:02] omar: vet ikke, kl 14 kan jeg sjekke\n",
        "09:01 lise: alder?\n09:03 omar: 3 timer til jeg vet\n",
        "Alderen er ikke viktig, rom 12?",
        "Nå er han to år i Norge.",
        "Nå er det 10 år siden.",
        "Er han 3?",
        "Vi var tre, nå er vi to, etter at en kollega sluttet.",
        "Klokka var 7 da vi kom.",
        "kl 23. 24 personer kom på møtet.",
        "Barnet på 3 kg kom i går.",
        "Vi møttes på 5 som vanlig.",
        "Kurset, 3 og 6 år, går på kveldstid.",
        "Hun har jobbet der i 12 år, ikke 14.",
    ],
)
def test_age_context_traps(text):
    assert replaced(text).get("age", []) == []


# -- date ranges written d.m.–d.m. ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dates", "out"),
    [
        ("Trening 22.4.–16.5., deretter vurdering.", ["22.4.–16.5."], "Trening våren, deretter vurdering."),
        ("Praksis 5.5.-27.6. Hun trives.", ["5.5.-27.6"], "Praksis våren–sommeren. Hun trives."),
        ("Ferie 23.6. – 4.7.2025 for hele teamet.", ["23.6. – 4.7.2025"], "Ferie sommeren 2025 for hele teamet."),
    ],
)
def test_day_month_ranges(text, dates, out):
    assert replaced(text).get("date", []) == dates
    assert anonymise(text).text == out


@pytest.mark.parametrize(
    "text",
    ["Møtet varer 08.30–10.00 i dag.", "Åpent kl. 8.30.–9.45.", "Se kapittel 3.2.–3.4. i boka.", "Versjon 2.1.-2.3."],
)
def test_day_month_range_traps(text):
    assert replaced(text).get("date", []) == []


# -- country-name variants --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "out"),
    [
        ("Hun kom fra DR Kongo via Uganda.", "Hun kom fra Sentral-Afrika via Øst-Afrika."),
        ("Han er fra DRC.", "Han er fra Sentral-Afrika."),
        ("Født i Den demokratiske republikken Kongo.", "Født i Sentral-Afrika."),
        ("Han kommer fra Sør-Sudan.", "Han kommer fra Øst-Afrika."),  # not «Sudan» with a compass prefix
        ("Han kommer fra Nord-Sudan i dag.", "Han kommer fra Nord-Afrika i dag."),
    ],
)
def test_country_name_variants(text, out):
    assert anonymise(text).text == out


# -- universities by abbreviation with a campus; refugee camps after a cue ------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "spans"),
    [
        ("Datteren studerer ved NTNU i Gjøvik, og hun hjelper.", "institution", ["NTNU i Gjøvik"]),
        ("Hun tar master ved UiT i Tromsø.", "institution", ["UiT i Tromsø"]),
        ("Jeg bodde i leiren Mae La i atten år.", "place", ["Mae La"]),
        ("Hun kom via flyktningleiren Nakivale til Norge.", "place", ["Nakivale"]),
        ("vi bodde i leiren kakuma i ti år. hun sa ja. ok så. hei der.", "place", ["kakuma"]),
    ],
)
def test_universities_and_camps(text, kind, spans):
    assert replaced(text).get(kind, []) == spans


@pytest.mark.parametrize(
    "text",
    [
        "Hun søkte NTNU i fjor.",
        "Han studerte ved NTNU.",
        "Vi bodde i leiren. Der var det trangt.",
        "Han bodde i leiren Han likte det ikke.",
        "Det var en leir for barn.",
    ],
)
def test_university_and_camp_traps(text):
    found = replaced(text)
    assert found.get("institution", []) == [] and found.get("place", []) == [] and found.get("person", []) == []


# -- chains with a number or a kind of shop before the place --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Hun har språkpraksis på Apotek 1 Sørlandssenteret fra høsten.", ["Apotek 1 Sørlandssenteret"]),
        ("Hun hadde praksis hos Boots apotek Linderud i fjor.", ["Boots apotek Linderud"]),
        ("hun har praksis på apotek 1 romsås nå. ok. greit. takk.", ["apotek 1 romsås"]),
        ("Han jobber på Sport 1 Moa.", ["Sport 1 Moa"]),
        ("Han jobber på Byggmax Alnabru.", ["Byggmax Alnabru"]),
        ("Hun handler på Boots apotek hver uke.", ["Boots"]),  # the chain alone; «apotek» stays
    ],
)
def test_chains_with_number_or_shop_noun(text, spans):
    assert replaced(text).get("employer", []) == spans


@pytest.mark.parametrize("text", ["Hent medisinen på ditt apotek i morgen.", "Han tok apotek 1 gang i uka."])
def test_chain_traps(text):
    assert replaced(text).get("employer", []) == []


# -- a widely spoken language after «snakker jo» stays (policy) -------------------------------------------------


def test_widely_spoken_language_after_jo():
    assert anonymise("Hun snakker jo fransk og kirundi.").text == "Hun snakker jo fransk og et østafrikansk språk."
    assert anonymise("Han er jo fransk statsborger.").text == "Han er jo vesteuropeisk statsborger."
