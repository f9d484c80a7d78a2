"""The anonymiser on the kinds of miss its fifteenth round left on held-out texts (issue 14, sixteenth round):
Karen names after an honorific or a relative in lower case, the person thanked at the end of a chat message, a
workplace cue before a surname with foreign marks, «mann» as a man rather than a husband, hospitals, ages in a
bracket of descriptions, company names in lower case, and a few ordinary words the rules used to take. Every
example is invented for this test; each rule has uses and traps.
"""

from __future__ import annotations

from anonymised_spans import CHAT_OPENING, kinds, roles

from analysis.anonymise import anonymise


def test_a_common_word_after_a_karen_honorific_is_part_of_the_name_in_lower_case():
    text = CHAT_OPENING + "sms mellom lise og naw ler poe\n08:55 naw: ok takk lise. ler poe her. jeg kommer\n"
    out = anonymise(text).text
    assert " ler" not in out and "poe" not in out


def test_a_karen_name_whose_last_part_is_found_first():
    text = (
        "sms-tråd mellom jobbspesialist lise (nav vik) og naw ler poe\n\n"
        "man 2/3 08:41 lise: hei naw! minner om møtet\nman 2/3 08:55 naw: ok takk lise. jeg kommer. tolk?\n"
    )
    assert " ler" not in anonymise(text).text


def test_a_common_word_after_a_karen_honorific_alone_stays():
    text = CHAT_OPENING + "08:55 lise: saw ler av vitsen. han ler mye\n"
    assert "han ler mye" in anonymise(text).text


def test_karen_names_that_are_also_words():
    text = "Vi kom til Norge, meg og mamma og lillebror Eh Blay. Senere sa Eh Blay at han likte skolen.\n"
    out = anonymise(text).text
    assert "Blay" not in out and "Eh " not in out


def test_the_hesitation_eh_is_never_taken_for_a_name():
    text = "I: Og broren din?\nR: Han heter Eh Say. Eh, jeg vet ikke hva han gjør nå. Eh, kanskje skole.\n"
    out = anonymise(text).text
    assert "Say" not in out
    assert out.count("Eh, ") == 2


def test_the_person_thanked_at_the_end_of_a_message():
    text = CHAT_OPENING + "12:15 vegard: takk for i dag pim 😊 jeg ringer hotellet\n12:20 vegard: ses\n"
    assert "pim" not in anonymise(text).text


def test_thanks_to_everybody_or_a_phrase_stays():
    text = CHAT_OPENING + "12:15 vegard: takk for i dag alle. takk for sist!\n12:16 vegard: takk for i dag\n"
    out = anonymise(text).text
    assert "takk for i dag alle." in out and "takk for sist!" in out


def test_a_surname_with_foreign_marks_after_a_workplace_cue_is_the_person():
    text = "Driftsleder Grzegorz Błaszczyk ba om CV. Intervju hos Błaszczyk i dag. Błaszczyks firma har ledig.\n"
    found = kinds(text)
    assert "employer" not in found.values()
    assert "Błaszczyk" not in anonymise(text).text


def test_a_man_is_not_a_husband_without_a_possessive():
    text = "R: En ung mann, Dil Bahadur, fra Nepal. Dil Bahadur ville bli elektriker.\n"
    assert set(roles(text).values()) == {None}


def test_a_husband_is_family():
    text = "Mannen hennes, Tekle Haile, har fått jobb. Hun kom med mannen sin Yonas Ghebre.\n"
    assert set(roles(text).values()) == {"familie"}


def test_hospitals_and_care_homes_by_their_name():
    text = (
        "Hun er henvist fra St. Olavs hospital og var innlagt på Sykehuset i Vestfold og på Sykehuset Innlandet. "
        "Nå jobber hun på Vinje sjukehjem.\n"
    )
    out = anonymise(text).text
    for name in ("Olavs", "Vestfold", "Innlandet", "Vinje"):
        assert name not in out
    assert "Helsetjeneste 1" in out and "Sykehjem 1" in out


def test_any_hospital_stays():
    text = "Han var på sykehuset i byen en uke. Sykehuset ringte i går.\n"
    assert anonymise(text).text == text


def test_an_age_among_the_words_of_a_bracket_after_a_name():
    text = "Sara følger opp Maricel Santos (filippinsk, 34) og Ruslan Daudov (41, tsjetsjensk).\n"
    out = anonymise(text).text
    assert "34" not in out and "41" not in out
    assert "(sørøstasiatisk, i 30-årene)" in out


def test_numbers_in_a_bracket_after_a_thing_stay():
    text = "Vi brukte skjema (side 3, 12) og rom (A, 4).\n"
    assert anonymise(text).text == text


def test_a_company_in_lower_case_that_joins_two_trades():
    text = CHAT_OPENING + "14:02 saw: jeg har snakket med ole på tanum lager og logistikk as. han er grei\n"
    out = anonymise(text).text
    assert "logistikk" not in out and "tanum" not in out


def test_a_trade_workshop_is_no_place_in_lower_case():
    text = CHAT_OPENING + "12:00 ole: du får prøve på vaskeriet fra mandag. hun jobber i gartneriet nå\n"
    out = anonymise(text).text
    assert "på vaskeriet" in out and "i gartneriet" in out


def test_a_compound_of_a_course_is_no_place_in_lower_case():
    text = CHAT_OPENING + "12:00 ole: husk å si fra at du er borte fra norskkurset. hun bor i sandviken\n"
    out = anonymise(text).text
    assert "fra norskkurset" in out and "sandviken" not in out


def test_der_alone_opens_no_name():
    text = "Henvist til IPS-teamet, der Jon Erik Kolstad har kapasitet. Hun møtte Pieter van der Berg.\n"
    out = anonymise(text).text
    assert "IPS-teamet, der Person" in out
    assert "Berg" not in out and "van der" not in out


def test_a_street_name_holds_no_preposition():
    text = CHAT_OPENING + "08:41 tone: minner om møtet kl 13 på kontoret i christies gate 3. tolk er bestilt\n"
    out = anonymise(text).text
    assert "på kontoret i [adresse]" in out


def test_a_compass_point_after_a_nav_office_belongs_to_it():
    text = "Jobbspesialist: Sigrid Hauge (NAV Bergen nord). NAV Trondheim Sør har ledig plass.\n"
    out = anonymise(text).text
    assert "nord" not in out and "Sør" not in out


def test_nynorsk_demonyms_are_origins():
    text = "Han er ein syrar frå Homs. Somaliarane i byen har eit eige lag.\n"
    found = kinds(text)
    assert found.get("syrar") == "origin" and found.get("Somaliarane") == "origin"


def test_an_arena_or_a_works_after_a_name_is_a_workplace():
    text = "Mannen har fått jobb på Brumunddal bruk og hun søker på Tangen Arena. Det er til daglig bruk.\n"
    found = kinds(text)
    assert found.get("Brumunddal bruk") == "employer" and found.get("Tangen Arena") == "employer"
    assert "til daglig bruk" in anonymise(text).text
