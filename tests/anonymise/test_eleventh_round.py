"""The anonymiser on the kinds of miss its tenth round left on held-out texts (issue 14, eleventh round): a
surname after a given name in lower-case text, a weekday in a chat label, street addresses without a street
word, initials that sign a note and are also an abbreviation, common Norwegian given names the lexicon lacked.
Every example is invented for this test; each rule has uses and traps.
"""

from __future__ import annotations

from analysis.anonymise import anonymise

TAIL = "kari 09:10: ok. takk\nola 09:11: ja. fint\n"


def test_a_rare_word_after_a_given_name_before_a_verb_is_the_surname():
    text = "ingrid 08:54: ok takk. linda bjørnstad er grei, men hun vil ha beskjed før vakta\n" + TAIL
    assert "bjørnstad" not in anonymise(text).text


def test_a_rare_word_after_a_role_noun_and_a_given_name_is_the_surname():
    text = "sms-tråd mellom jobbspesialist ida hegge (nav fauske) og kandidat. kopiert inn\n" + TAIL
    assert "hegge" not in anonymise(text).text


def test_an_adjective_or_a_noun_after_a_given_name_stays():
    text = "jonas 08:55: kari trøtt i dag? amina kantina nå. jobbspesialist ida ringte (igjen)\n" + TAIL
    out = anonymise(text).text
    assert "trøtt i dag" in out and "kantina nå" in out and "ringte (igjen)" in out


def test_a_weekday_after_a_speaker_stays_outside_the_name():
    text = "ida tirs 09:02: hei. ok\nkari tirs 09:05: fint. takk\nida ons 10:00: ok. ses\n"
    out = anonymise(text).text
    assert out.count("tirs ") == 2 and "ons 10:00" in out


def test_a_street_without_a_street_word_after_lower_case_words():
    text = "Onsdag passer ikke. Møt oss på kontoret i Sandvikbeen 35.\n"
    assert "Sandvikbeen" not in anonymise(text).text


def test_a_lower_case_street_after_bor_du_fortsatt_i():
    text = "marte 20:30: jeg kan hente deg. bor du fortsatt i lindeflata 12?\n" + TAIL
    assert "lindeflata" not in anonymise(text).text


def test_a_place_and_a_count_is_no_address():
    text = "Hun er på kontoret i 2 timer. Han var i Bergen 3 dager.\n"
    assert anonymise(text).text == "Hun er på kontoret i 2 timer. Han var i Sted 1 3 dager.\n"


def test_initials_alone_on_the_last_line_sign_the_note_even_when_an_abbreviation():
    text = "Oppfølging på arbeidsplassen.\n\nHun er fornøyd med vaktene.\n\nMS\n"
    assert not anonymise(text).text.rstrip().endswith("MS")


def test_an_abbreviation_alone_on_a_line_in_the_middle_stays():
    text = "Diagnoser:\nMS\n\nHun er fornøyd med vaktene og vil jobbe mer.\n"
    assert "\nMS\n" in anonymise(text).text


def test_common_norwegian_given_names_in_lower_case_chat():
    text = "ingrid 08:53: han skulle ringe linda i dag. og kine kommer i morgen\n" + TAIL
    out = anonymise(text).text
    assert "linda" not in out and "kine" not in out


def test_a_chat_participant_whose_name_is_a_common_word_is_a_name_in_every_label():
    text = (
        "09:02 kjetil: hei nok, det er kjetil fra nav. har du tid i dag?\n"
        "09:40 nok: hei kjetil ja ok. onsdag er fint\n"
        "09:55 nok: ok 👍 jeg tar buss\n"
        "10:49 kjetil: flott. jeg har kaffe nok til oss begge\n"
    )
    out = anonymise(text).text
    assert "09:40 nok:" not in out and "09:55 nok:" not in out
    assert "kaffe nok til oss begge" in out  # the ordinary word and the pronoun stay


def test_a_common_word_in_one_time_label_stays():
    text = "program for dagen. vi starter tidlig.\n09:00 pause: kaffe og frukt\n10:00 kari: hei alle. velkommen\n"
    assert "pause:" in anonymise(text).text


def test_a_writer_introducing_themselves_is_a_name_once_the_word_is_known_as_one():
    text = (
        "ma 07:41 fra gull: hei, det er gull fra ips-teamet på nav. kan vi møtes?\n"
        "ma 07:58 fra leyla: hei. ja. det er langt fra ferdig, men kom\n"
        "ma 08:02 fra gull: supert. det er greit fra min side\n"
    )
    out = anonymise(text).text
    assert "det er gull" not in out
    assert "ips-teamet" in out  # the programme, not a place
    assert "det er langt fra" in out and "det er greit fra" in out
