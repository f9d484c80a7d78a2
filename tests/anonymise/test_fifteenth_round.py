"""The anonymiser on the kinds of miss its fourteenth round left on held-out texts (issue 14, fifteenth round):
ages in an item's description and before a bracket, initials written together, «Angel», spellings of peoples
and languages. Every example is invented for this test; each rule has uses and traps.
"""

from __future__ import annotations

from analysis.anonymise import anonymise


def test_ages_in_an_item_of_minutes_and_before_a_bracket():
    text = (
        "Bruker: Berivan Osman, født 03.04.1989, 37 år (ingen tolk).\n\n"
        "b) Turpal Ismailov (Rune). Tsjetsjensk, 27 år, kom fra Grozny.\n"
        "c) Selma Begovic (Dragana). Bosnisk, kom som barn i 1994, nå 38. Langvarig sykmeldt.\n"
    )
    out = anonymise(text).text
    assert "37 år" not in out and "27 år" not in out and "nå 38" not in out
    assert "nå i 30-årene" in out


def test_a_count_or_a_duration_in_an_item_stays():
    text = "d) Møte med Kari Dahl (2. gang), 10 år etter. Hun har 3 barn.\n"
    out = anonymise(text).text
    assert "(2. gang), 10 år etter" in out


def test_initials_written_together_before_a_surname():
    text = "R.B. Awan kommer i morgen. Vi ringer R.B. Awan.\n"
    out = anonymise(text).text
    assert "Awan" not in out and "R." not in out


def test_angel_is_a_given_name_in_lower_case_sms():
    text = "ida 09:02: hei! hvordan går det med angel i barnehagen?\nangel 09:10: bra takk\nida 09:11: fint\n"
    assert "angel" not in anonymise(text).text


def test_norwegian_spellings_of_peoples_and_languages_are_origins():
    text = "Hun snakker kurmandsji. Han er pashtun. Familien er lhotshampa fra Bhutan.\n"
    kinds = {text[s.start : s.end]: s.kind for s in anonymise(text).replacements}
    assert kinds.get("kurmandsji") == "origin" and kinds.get("pashtun") == "origin"
    assert kinds.get("lhotshampa") == "origin"
