"""The anonymiser on the kinds of miss its twelfth round left on held-out texts (issue 14, thirteenth round):
an identity number whose individual number the register never gives, roles taken from a verb, a joke title or
«informant», a surname-first name after a field label, a nickname that is a common word, short forms and
initials. Every example is invented for this test; each rule has uses and traps.
"""

from __future__ import annotations

from analysis.anonymise import anonymise


def people(text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.replacement for s in anonymise(text).replacements if s.kind == "person"}


# -- identity and account numbers ----------------------------------------------------------------------------------


def test_a_spaced_identity_number_with_an_impossible_individual_number_is_still_replaced():
    # day 22, month 87 (the test range), year 50, individual number 796: no century gives 796 with year 50
    for text in ("Bruker: Kari Hansen, 228750 79690\n", "Bruker: Kari Hansen, 22875079690\n"):
        out = anonymise(text).text
        assert "79690" not in out and "[fødselsnummer]" in out


def test_an_eleven_digit_number_that_is_no_date_stays_unless_it_follows_konto():
    assert "12345678901" in anonymise("Saksnr 12345678901.\n").text
    assert "[kontonummer]" in anonymise("Konto 15031234568 er oppgitt.\n").text


# -- roles ------------------------------------------------------------------------------------------------------------


def test_a_verb_after_a_pronoun_is_no_role_noun():
    got = people("Hiwot Gebreyes er kandidat. Men Ingvild sa: du lærer, Hiwot. Og hun lærte.\n")
    assert not got["Hiwot"].startswith("Lærer")


def test_a_title_in_quotation_marks_claims_no_role():
    got = people("Kandidat: Parisa Rahimi\n\nSjefen kaller henne «doktor Rahimi» for spøk.\n")
    assert not got["Rahimi"].startswith("Lege")


def test_an_informant_is_no_candidate_by_the_word_alone():
    got = people("Intervju 4, jobbspesialist. I = intervjuer, R = informant (Bente Lysberg).\n")
    assert not got["Bente Lysberg"].startswith("Kandidat")


def test_a_surname_first_name_after_a_field_label_is_one_person_and_a_relative_another():
    text = "Bruker: Sharifi, Mohammad Nasir\n\nSharifi møtte med nevøen Jawed Sharifi, som tolket. Jawed er 19 år.\n"
    got = people(text)
    assert got["Sharifi, Mohammad Nasir"] == got["Sharifi"]
    assert got["Jawed Sharifi"] != got["Sharifi"]


# -- nicknames, short forms, initials ------------------------------------------------------------------------------


def test_a_nickname_that_is_a_common_word_is_a_name_where_it_is_called_so():
    text = "Navn: Siriporn Chaiyawat (kalles Nok)\n\nNok ønsker arbeid på kjøkken. Det er nok av ledige jobber.\n"
    out = anonymise(text).text
    assert "Nok ønsker" not in out and "kalles Nok" not in out
    assert "Det er nok av" in out
    got = people(text)
    assert got["Nok"] == got["Siriporn Chaiyawat"]


def test_a_nickname_named_by_som_hun_kalles():
    text = "Kan hun gå med Agnieszka noen dager? Nok, som hun kalles, er flink. Agnieszka tar Nok med ut. Det er nok.\n"
    out = anonymise(text).text
    assert "Nok" not in out and out.endswith("Det er nok.\n")


def test_the_first_letters_of_a_found_name_are_its_short_form():
    text = "eline 09:12: hei sabitra! husker du intervjuet?\nsabitra 09:40: ja\neline 19:30: GRATULERER sabi!! 🎉\n"
    assert "sabi" not in anonymise(text).text


def test_initials_as_the_subject_of_har_and_a_participle():
    text = "Hei igjen, fredag passer fint. JB har bekreftet, og Divine kommer også.\n"
    assert "JB" not in anonymise(text).text


def test_a_known_full_name_with_the_initial_of_its_surname():
    text = "Saksbehandler: Per Arne Solheim\n\nVi møtes igjen.\n\nPer Arne S.\n"
    assert not anonymise(text).text.rstrip().endswith("S.")
