"""The anonymiser on the kinds of miss its thirteenth round left on held-out texts (issue 14, fourteenth round):
Karen names without a cue, their short and genitive forms, Nepali and Karen names in the lexicon, a letter that
names a kind, a Lithuanian surname written without its mark. Every example is invented for this test; each rule
has uses and traps.
"""

from __future__ import annotations

from analysis.anonymise import anonymise

TAIL = "kari 09:10: ok. takk\nola 09:11: ja. fint\n"


def test_a_name_with_a_karen_honorific_is_a_name_without_any_other_cue():
    text = "Tre nye henvisninger, blant dem Saw Eh Doh (33), som bor på Fjell. Eh Doh fordeles til Kari.\n"
    out = anonymise(text).text
    assert "Saw" not in out and "Eh Doh" not in out


def test_a_known_karen_name_with_its_honorific_before_and_a_genitive_after():
    text = "Navn: Kler Wah\n\nSaw Kler Wah sier at han vil jobbe. Kler Wahs motivasjon er tydelig.\n"
    out = anonymise(text).text
    assert "Saw" not in out and "Kler" not in out and "Wah" not in out


def test_nepali_and_karen_given_names_in_lower_case_chat():
    text = "jorunn 08:31: du skal være med ashok første dag. og htoo paw kommer i morgen\n" + TAIL
    out = anonymise(text).text
    assert "ashok" not in out and "htoo" not in out


def test_a_letter_that_names_a_kind_is_no_initial():
    text = "Han ønsker førerkort klasse B. Hans kone har førerkort og kjører barna.\n"
    assert anonymise(text).text == text


def test_a_lithuanian_surname_without_its_mark_is_no_norwegian_plural():
    text = "[08:44] siri: flott. petrauskiene er jo ferdig med kurset, tror hun er klar\n" + TAIL
    assert "petrauskiene" not in anonymise(text).text
