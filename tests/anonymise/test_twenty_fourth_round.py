"""The anonymiser on the kinds of miss its twenty-third round left on held-out texts (issue 14, twenty-fourth
round): relatives who share a surname, a double surname and a farm-name surname in lower case, congratulations, and
a name after a colon in the middle of a line. Every example is invented for this test; each rule has uses and
traps.
"""

from __future__ import annotations

from anonymised_spans import CHAT_OPENING, pseudonyms

from analysis.anonymise import anonymise


def test_a_relative_with_the_same_surname_is_another_person():
    text = "Navn: Rosalie Dela Cruz Santos\nSøsteren Lorna Dela Cruz bor i Hamar. Rosalie Dela Cruz ringte.\n"
    found = pseudonyms(text)
    assert found["Rosalie Dela Cruz Santos"][0] != found["Lorna Dela Cruz"][0]
    assert (
        found["Rosalie Dela Cruz Santos"][1] is None
        and found["Rosalie Dela Cruz"][0] == found["Rosalie Dela Cruz Santos"][0]
    )


def test_a_double_surname_in_lower_case():
    text = (
        CHAT_OPENING
        + "09:45 hilde: det er anette. anette berg-olsen. veldig hyggelig\n15:20 hilde: berg-olsen ringte meg nå\n"
    )
    assert "berg-olsen" not in anonymise(text).text


def test_a_farm_name_surname_after_a_naming_verb_and_its_later_mentions():
    text = CHAT_OPENING + "15:22 hilde: lederen heter stig rønningen\nrønningen sa ja. vi gikk opp bakken\n"
    out = anonymise(text).text
    assert "rønningen" not in out and "opp bakken" in out


def test_the_person_congratulated():
    text = CHAT_OPENING + "15:20 hilde: så bra!!! gratulerer kabamba 🎉 gratulerer med dagen!\n"
    out = anonymise(text).text
    assert "kabamba" not in out and "gratulerer med dagen" in out


def test_a_name_after_a_colon_in_the_middle_of_a_line():
    text = "To barn, 8 og 5 år: Althea går på skolen, Jericho i barnehagen.\nNeste samtale: Oppfølging går fint.\n"
    out = anonymise(text).text
    assert "Althea" not in out and "Neste samtale: Oppfølging går fint." in out
