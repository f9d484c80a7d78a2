"""The anonymiser on the kinds of miss its nineteenth round left on held-out texts (issue 14, twentieth round):
Somali names in Somali orthography, a given name that is also a word before a name, initials that are no
initials, «per» in a capitalised text, a kindergarten's head, chat headers with a time in brackets, lower-case
NAV offices and a name listed after another. Every example is invented for this test; each rule has uses and
traps.
"""

from __future__ import annotations

from anonymised_spans import CHAT_OPENING, kinds_and_roles

from analysis.anonymise import anonymise


def test_somali_names_in_somali_orthography():
    text = "Ubahs mann, Cali Maxamed Faarax, jobber turnus. Xaliimo går i barnehagen. Han bodde i Cali i Colombia.\n"
    out = anonymise(text).text
    for name in ("Cali Maxamed", "Faarax", "Xaliimo"):
        assert name not in out
    assert kinds_and_roles(text).get("Cali", ("", None))[0] == "place"


def test_a_given_name_that_is_a_word_before_a_name_mid_sentence():
    text = "Emne: Sommerjobb for Ler Paw? Vi ler av det.\n"
    out = anonymise(text).text
    assert "Ler" not in out and "Vi ler av det" in out


def test_a_department_in_brackets_is_no_initials():
    text = (
        "Til stede: Randi Sletten (HR, Vardal Treindustri AS), Kari Li (KL).\n\nKL tar kontakt. HR-avdelingen ringte.\n"
    )
    out = anonymise(text).text
    assert "(HR, " in out and "KL" not in out and "HR-avdelingen" in out


def test_per_in_lower_case_in_a_capitalised_text_is_the_preposition():
    text = "Fastlege Per Olav Hovland har skrive. Ho skal ha praksis to dagar per veke. Per ringte.\n"
    out = anonymise(text).text
    assert "to dagar per veke" in out and "Per ringte" not in out


def test_a_kindergartens_head_has_no_employer_role():
    text = "Ringte styrer Mona Rygg i Tyttebærlia barnehage; hun kan tilby plass.\n"
    assert kinds_and_roles(text)["Mona Rygg"] == ("person", None)


def test_a_chat_time_in_brackets_is_no_age():
    text = (
        CHAT_OPENING + "hanne (08:42): så leit! hvor gammel er hun nå?\n"
        "claudine (08:45): hun er 6. begynner på skolen til høsten\n"
    )
    out = anonymise(text).text
    assert "(08:45)" in out and "er 6." not in out


def test_a_district_after_nav_in_lower_case():
    text = CHAT_OPENING + "08:14 siri: hei, det er siri fra nav skedsmo. nav sier nei. nav kontaktsenter ringte\n"
    out = anonymise(text).text
    assert "skedsmo" not in out and "nav sier nei" in out and "nav kontaktsenter" in out


def test_a_name_listed_after_another_in_lower_case():
    text = CHAT_OPENING + "09:10 ingrid: spør etter jan-erik eller lena i resepsjonen. ta med mat og liv i dag\n"
    out = anonymise(text).text
    assert "lena" not in out and "mat og liv i dag" in out


def test_a_country_and_a_year_are_no_address():
    text = "Familien bodde i Pakistan fra 2016 og kom til Norge i 2019. Hun bor i Vestvika 12.\n"
    out = anonymise(text).text
    assert "fra 2016" in out and "[adresse]" in out
