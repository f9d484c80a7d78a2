"""The anonymiser on the kinds of miss its third round left on held-out texts (issue 14, fourth round): names
after a naming verb, lower-case names repeated in a chat, shared surnames of relatives, date ranges, refugee
camps, universities and adult-education centres, bare ages in a person's place. Every example is invented for
this test; each rule has uses and traps.
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


CHAT_HEAD = "09:01 tone: hei. ja.\n09:02 geir: ok. takk.\n"


# -- a name after a naming verb («heter», «het», «kalles») ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (CHAT_HEAD + "09:03 geir: hun heter sara lindqvist. sara er hyggelig\n", ["sara lindqvist", "sara"]),
        (CHAT_HEAD + "09:03 geir: sjefen heter linda moe. jeg ringer linda\n", ["linda moe", "linda"]),
        ("Kontaktpersonen heter Kristoffer Vangsnes.", ["Kristoffer Vangsnes"]),
    ],
)
def test_name_after_naming_verb(text, names):
    assert [n for n in replaced(text).get("person", []) if n not in ("tone", "geir")] == names


@pytest.mark.parametrize(
    "text",
    [
        CHAT_HEAD + "09:03 geir: hva heter sjefen der?\n",
        CHAT_HEAD + "09:03 geir: hvordan heter det skjemaet?\n",
        CHAT_HEAD + "09:03 geir: det heter ikke det lenger\n",
        CHAT_HEAD + "09:03 geir: kurset heter jobbsjansen\n",
    ],
)
def test_naming_verb_traps(text):
    assert [n for n in replaced(text).get("person", []) if n not in ("tone", "geir")] == []


# -- a lower-case word no dictionary knows, written more than once in a chat -----------------------------------


def test_repeated_unknown_word_in_lower_case_is_a_name():
    text = CHAT_HEAD + (
        "09:03 geir: er det phuttipong som har vakta nå?\n09:04 tone: ja phuttipong. han er ny\n"
        "09:05 geir: ring phuttipongs leder\n"
    )
    assert replaced(text)["person"].count("phuttipong") == 2
    assert "phuttipongs" in replaced(text)["person"]


@pytest.mark.parametrize(
    "text",
    [
        # once only: a typo or a rare word, left for the review list
        CHAT_HEAD + "09:03 geir: er det phuttipong som har vakta nå?\n",
        # a compound or plural wordfreq does not list, written twice
        CHAT_HEAD + "09:03 geir: hun vil ha dagvakter\n09:04 tone: dagvakter er greit\n",
        # an interjection
        CHAT_HEAD + "09:03 geir: hææ\n09:04 tone: hææ?\n",
    ],
)
def test_repeated_unknown_word_traps(text):
    assert [n for n in replaced(text).get("person", []) if n not in ("tone", "geir")] == []


# -- relatives who share a surname; titles that say nothing of the employer --------------------------------------


def _labels(text: str) -> dict[str, str]:
    r = anonymise(text)
    return {text[s.start : s.end]: s.replacement for s in r.replacements if s.kind == "person"}


def test_shared_surname_alone_is_the_person_introduced_first():
    text = (
        "Navn: Leyla Darwish\nNærmeste pårørende: Omar Darwish (ektemann)\n\n"
        "Darwish kom til Norge i 2015. Leyla ønsker seg jobb i butikk."
    )
    labels = _labels(text)
    assert labels["Darwish"] == labels["Leyla"] == labels["Leyla Darwish"]
    assert labels["Omar Darwish"] != labels["Darwish"]


def test_given_name_shared_by_two_people_still_goes_to_the_last_one_named():
    # the surname rule leaves given names alone: «Ali» is the Ali just mentioned
    text = "Ali Hassan møtte i dag. Senere ringte Ali Warsame. Ali sa at han kommer i morgen."
    labels = _labels(text)
    assert labels["Ali"] == labels["Ali Warsame"] != labels["Ali Hassan"]


def test_avdelingsleder_claims_no_role():
    text = "Til stede: avdelingsleder Hege Brattli, NAV Gjøvik, og jobbspesialist Anne Lund."
    roles = {text[s.start : s.end]: s.role for s in anonymise(text).replacements if s.kind == "person"}
    assert roles == {"Hege Brattli": None, "Anne Lund": "jobbspesialist"}


# -- a range of days is one date ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kurs i motiverende intervju 2.–3. mai.", "Kurs i motiverende intervju våren."),
        ("Samlingen er 14.-15. mars 2024 på hotellet.", "Samlingen er våren 2024 på hotellet."),
        ("Hun er borte 2–3 uker i mai.", "Hun er borte 2–3 uker i mai."),  # a duration and a bare month stay
    ],
)
def test_date_range(text, expected):
    assert anonymise(text).text == expected


# -- universities, colleges and adult-education organisations named by their place --------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Han har droppet ut av Universitetet i Tromsø to ganger.", "Universitetet i Tromsø"),
        ("Hun tar bachelor ved Høgskolen i Molde.", "Høgskolen i Molde"),
        ("Norskkurset holdes av AOF Hedmarken.", "AOF Hedmarken"),
        ("Hun går på kurs hos Folkeuniversitetet Innlandet.", "Folkeuniversitetet Innlandet"),
    ],
)
def test_higher_and_adult_education(text, span):
    assert replaced(text).get("institution") == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Hun studerte på universitetet i fjor.",
        "Han vil søke høgskolen i år.",
        "AOF har kurs i norsk.",
    ],
)
def test_higher_and_adult_education_traps(text):
    assert anonymise(text).text == text


# -- the ethnicity adjective of a language named without -sk --------------------------------------------------


def test_ethnicity_adjective_from_language_name():
    assert replaced("Han er tamilsk og har bodd i Norge lenge.").get("origin") == ["tamilsk"]
    assert replaced("Hun har tamilsk bakgrunn.").get("origin") == ["tamilsk"]


def test_widely_spoken_language_stays():
    assert "origin" not in replaced("Hun snakker arabisk og litt norsk.")


def test_speaker_after_a_bracketed_time():
    text = "[09:02] trine: morn!\n[09:03] audun: hei. ja.\n[09:04] trine: ok\n"
    assert replaced(text)["person"] == ["trine", "audun", "trine"]
