"""The anonymiser on the kinds of miss its eleventh round left on held-out texts (issue 14, twelfth round): a
farm-name surname used alone, a found name written in lower case once, an apostrophe genitive, foreign-shaped
words in lower-case chat, an initial without its full stop, Polish diminutives. Every example is invented for
this test; each rule has uses and traps.
"""

from __future__ import annotations

from analysis.anonymise import anonymise
from analysis.anonymise.foreignshape import common_abroad, foreign_shape

TAIL = "kari 09:10: ok. takk\nola 09:11: ja. fint\n"


def test_a_farm_name_surname_of_a_listed_name_is_the_name_before_a_verb():
    text = "Veileder: Anders Bråtelien\n\nTiltak:\n1. Bråtelien kontakter arbeidsgiver.\n2. Vi møtes igjen.\n"
    assert "Bråtelien" not in anonymise(text).text


def test_an_initial_and_a_surname_alone_on_the_last_line_sign_the_note():
    text = "Veileder: Anders Bråtelien\n\nVi møtes igjen neste uke.\n\nA. Bråtelien\n"
    assert "Bråtelien" not in anonymise(text).text


def test_a_found_rare_name_written_in_lower_case_once_is_replaced():
    text = "Kandidat: Omid Nabizai\n\nNabizai er fornøyd. Det var en god uke. nabizai var redd for løftene.\n"
    assert "nabizai" not in anonymise(text).text.casefold()


def test_an_apostrophe_genitive_marks_a_name_at_a_sentence_start():
    text = "Kjøkkensjef Pål Foss ringte i dag. Kontrakten er signert. Foss' ønske er fagbrev.\n"
    assert "Foss'" not in anonymise(text).text


def test_a_noun_with_its_own_genitive_stays():
    text = "Vi gikk til fossen. Fossens brus var høy.\n"
    assert anonymise(text).text == text


def test_foreign_shaped_words_in_lower_case_chat_are_names():
    text = "[08:07] sunniva: kan du ta zawadi på torsdag?\n[09:07] eirik: hæ, wiśniewski? han med sertifikat?\n"
    out = anonymise(text + TAIL).text
    assert "zawadi" not in out and "wiśniewski" not in out


def test_foreign_greetings_and_interjections_stay():
    text = "[08:07] amina: merci! wallah det gikk bra. bonjour til alle\n"
    out = anonymise(text + TAIL).text
    assert "merci" in out and "wallah" in out and "bonjour" in out


def test_foreign_shape_rules():
    assert foreign_shape("zmarai") and foreign_shape("kowalczyk") and foreign_shape("zilinskas")
    assert not foreign_shape("prøvevakt") and not foreign_shape("sjekke") and not foreign_shape("zoo")
    assert common_abroad("merci") and common_abroad("wallah") and not common_abroad("zmarai")


def test_a_lower_case_initial_closing_a_signature_goes_with_the_given_name():
    text = "jobbspesialist 11:05: gratulerer! jeg ringer deg i morgen. hilsen jørgen h\n" + TAIL
    out = anonymise(text).text
    assert not out.splitlines()[0].endswith(" h")


def test_a_preposition_after_a_given_name_stays():
    text = "jobbspesialist 11:05: ring kari i morgen. møt ola i\n" + TAIL
    assert "i morgen" in anonymise(text).text


def test_polish_diminutives_are_given_names_in_lower_case():
    text = "[09:03] eirik: jeg har kasia på 58 år som fikk fast jobb. gosia kommer i morgen\n" + TAIL
    out = anonymise(text).text
    assert "kasia" not in out and "gosia" not in out and "58" not in out
