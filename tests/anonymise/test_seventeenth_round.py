"""The anonymiser on the kinds of miss its sixteenth round left on held-out texts (issue 14, seventeenth round):
hyphenated initials and a particle written short, nicknames that are common words, a given name that is also a
word before a surname in lower case, «kona hans …» in lower case, a person placed at a NAV office, names before a
common noun with a hyphen, and ordinary words the rules used to take («kom», «fortsatt», «mappa», «Farmasøyt»).
Every example is invented for this test; each rule has uses and traps.
"""

from __future__ import annotations

from anonymised_spans import CHAT_OPENING, kinds

from analysis.anonymise import anonymise


def test_hyphenated_initials_and_a_short_particle_go_with_the_name():
    text = "Vi møtte J.-P. Ndayisaba og Anouk v.d. Linden i går.\n\nMvh\nAnouk v.d. Linden\n"
    out = anonymise(text).text
    assert "Ndayisaba" not in out and "Linden" not in out and "J.-" not in out and "v.d." not in out


def test_a_nickname_that_is_a_common_word_after_kaller_meg():
    text = (
        CHAT_OPENING + "ja det går fint. jeg har penger i banken. alle kaller meg bank 😊\n"
        "hei bank, minner om møtet i morgen\ntakk for i dag bank! ses. jeg ringer banken\n"
    )
    out = anonymise(text).text
    assert "meg bank" not in out and "hei bank" not in out and "dag bank" not in out
    assert "i banken." in out and "ringer banken" in out


def test_a_common_word_after_kaller_meg_is_a_name_but_a_preposition_is_not():
    text = CHAT_OPENING + "de kaller meg tip. gido som de kaller ham på lageret er populær\n"
    out = anonymise(text).text
    assert "tip" not in out and "ham på lageret" in out


def test_a_given_name_that_is_a_word_before_a_surname_in_lower_case():
    text = CHAT_OPENING + "[09:12] gunn: jeg har tatt over gul rahimi fra torstein. bilen er gul\n"
    out = anonymise(text).text
    assert "over Person" in out and "bilen er gul" in out


def test_a_possessive_after_a_role_noun_in_lower_case_stays():
    text = CHAT_OPENING + "[09:04] espen: kona hans rukhsana jobber tidligvakt så han måtte være hjemme\n"
    assert "kona hans " in anonymise(text).text


def test_a_person_placed_at_a_nav_office_in_lower_case():
    text = CHAT_OPENING + "hei, dette er kim. jeg fikk nummeret ditt fra trine på nav sagene. hun sier du kan hjelpe\n"
    assert "trine" not in anonymise(text).text


def test_a_word_with_an_article_before_nav_stays():
    text = "Det var en lise på NAV i går, sa hun.\n"
    assert "en lise på" in anonymise(text).text


def test_a_name_before_a_common_noun_keeps_the_noun():
    text = "Ifrah Warsame kom. Vi ble enige om at hele Warsame-familien får informasjon. Paul-Henri Moreau kom.\n"
    out = anonymise(text).text
    assert "-familien" in out and "Warsame" not in out
    assert "Henri" not in out


def test_a_known_place_before_a_hyphen_stays_a_place():
    text = "Hun kom som flyktning fra Kakuma-leiren i Kenya.\n"
    found = kinds(text)
    assert found.get("Kakuma") == "place" and "person" not in found.values()


def test_an_everyday_word_is_no_language_in_a_list():
    text = "Hun er tamil, kom fra Jaffna via India. Han snakker lingala og ga hjem.\n"
    out = anonymise(text).text
    assert "kom fra" in out and "ga hjem" in out


def test_an_unknown_foreign_word_opening_a_sentence_before_a_verb():
    text = "Désiré har fått tilbud om praksis. Caseload er høy i år.\n"
    out = anonymise(text).text
    assert "Désiré" not in out and "Caseload er høy" in out


def test_a_title_before_a_name_stays():
    text = "Vi var på apoteket. Farmasøyt Kristin Vea er veileder der. Sosionom Per Lien ringte.\n"
    out = anonymise(text).text
    assert out.startswith("Vi var på apoteket. Farmasøyt ") and "Sosionom " in out
    assert "Vea" not in out and "Lien" not in out


def test_a_possessive_before_an_institution_is_the_person():
    text = "Vi snakket med Mahnoor. Vi vil flytte nær Mahnoors skole, Gjøvik videregående skole.\n"
    found = kinds(text)
    assert found.get("Mahnoors") == "person" and found.get("Gjøvik videregående skole") == "institution"


def test_common_nouns_in_lower_case_are_no_places():
    text = CHAT_OPENING + "[09:14] gunn: står pashto i mappa? han er i perm nå. han bor i tveita\n"
    out = anonymise(text).text
    assert "i mappa?" in out and "i perm" in out and "tveita" not in out


def test_an_adverb_is_no_part_of_a_street_name():
    text = CHAT_OPENING + "21:18 lise: adressen din er fortsatt aksla gate 3, 6002 ålesund? må sende brev\n"
    assert "er fortsatt [adresse]" in anonymise(text).text


def test_ages_in_chat_after_jo_before_a_pronoun_and_in_a_series():
    text = (
        CHAT_OPENING + "09:14 espen: han er jo 58, men sterk som en okse\n"
        "09:33 siri: de to andre er 5 og 8. og maya er 4 hun går i barnehagen\n"
        "09:40 siri: klokka er 7 og vi er 4 i bilen\n"
    )
    out = anonymise(text).text
    assert "58" not in out and "5 og 8" not in out and "er 4 hun" not in out
    assert "klokka er 7" in out


def test_a_weekday_with_den_before_the_day_is_a_date():
    text = "Torsdag den 22. passer fint for oss.\n"
    assert "22" not in anonymise(text).text


def test_two_words_before_a_lower_case_company_form():
    text = CHAT_OPENING + "12:00 ole: her er info til gylne drage as som vi snakka om. det er fint as\n"
    out = anonymise(text).text
    assert "drage" not in out and "det er fint as" in out


def test_hospitals_colleges_and_hotels_named_by_their_kind():
    text = (
        "Hun er innlagt på Levanger sentralsykehus. Han studerte ved Kampala universitet og jobber på Hotel "
        "Strømsø. Kona går på høgskulen på vestlandet. Thon Hotel Opera ringte.\n"
    )
    out = anonymise(text).text
    for name in ("Levanger", "Kampala", "Strømsø", "vestlandet"):
        assert name not in out
    assert "Thon Hotel" not in out or "Arbeidsplass" in out
