"""The anonymiser on the kinds of miss its eighth round left on held-out texts (issue 14, ninth round): given
names that are English words, Karen names with honorifics and word-like syllables, foreign letters that fold
into a Norwegian ending, initials after a one-person label or before a particle, weekday abbreviations in dates,
sms senders that are ordinary words, ages in a description, nicknames. Every example is invented for this
test; each rule has uses and traps.
"""

from __future__ import annotations

import random
import re

from analysis.anonymise import anonymise
from analysis.anonymise.companyforms import COMPANY_RE, company_matches
from analysis.anonymise.workspace import scan


def people(text: str) -> list[tuple[str, str]]:
    """(surface, pseudonym) of every person replacement."""
    return [(text[s.start : s.end], s.replacement) for s in anonymise(text).replacements if s.kind == "person"]


def kinds(text: str) -> dict[str, str]:
    """surface -> kind of every replacement."""
    return {text[s.start : s.end]: s.kind for s in anonymise(text).replacements}


# -- given names that are English words ----------------------------------------------------------------------


def test_an_english_word_found_in_a_full_name_is_replaced_wherever_it_stands_alone():
    text = (
        "Emne: Precious Habonimana – praksis\n\nJeg følger opp Precious Habonimana i klassen. "
        "Precious har sagt ja til praksis. I morgen ringer jeg Precious igjen."
    )
    out = anonymise(text).text
    assert "Precious" not in out
    assert len({p for _, p in people(text)}) == 1  # one person, one pseudonym


def test_a_short_english_word_of_a_name_run_is_not_propagated():
    text = "Kollega Ma Ei Sin Win hjelper til. Vi må win-win tenke, sa sjefen, og sin egen plan har hun."
    out = anonymise(text).text
    assert "win-win" in out and "sin egen plan" in out


# -- Karen and Burmese names ----------------------------------------------------------------------------------


def test_a_karen_name_with_an_honorific_and_a_verb_syllable_is_replaced_whole():
    text = "Det var en kollega, Saw Ler Mu, som jobbet der fra før. Ler Mu forklarte alt på karen. (ler)"
    out = anonymise(text).text
    assert "Saw" not in out and "Ler Mu" not in out
    assert out.endswith("(ler)")  # the transcript's laugh stays


def test_two_people_sharing_an_honorific_stay_two_people():
    text = (
        "Min bror Saw Gay Doh bor i Bergen. En kollega, Saw Ler Mu, hjalp meg. "
        "Saw Ler Mu er snill. Saw Gay Doh er student."
    )
    got = people(text)
    by_surface = {s: p for s, p in got}
    assert by_surface["Saw Ler Mu"] != by_surface["Saw Gay Doh"]
    assert "Familiemedlem" not in by_surface["Saw Ler Mu"]  # the colleague is no relative


def test_a_capitalised_verb_alone_is_no_name_bridge():
    text = "Sjefen Ola Dahl ler. Ler du? Han sa Ler ikke."
    out = anonymise(text).text
    assert "Ler du?" in out


def test_karen_in_lower_case_in_a_capitalised_text_is_an_origin_not_a_person():
    text = "Jeg er karen, fra Myanmar. Jeg snakker karen og litt engelsk."
    assert set(kinds(text).values()) == {"origin"}
    assert kinds("Kollegaen min, Karen, kommer fra Bergen.").get("Karen") == "person"


# -- foreign letters --------------------------------------------------------------------------------------------


def test_a_surname_with_foreign_marks_is_no_norwegian_inflected_form():
    text = (
        "kari 08:31: har du hørt fra rasa vaitkienė?\n"
        "ola 08:33: ja, vaitkienė har jobbet på et hotell før. hun er klar\n"
    )
    out = anonymise(text).text
    assert "vaitkien" not in out


def test_a_norwegian_definite_plural_stays():
    text = "kari 08:31: har du sett søknadene?\nola 08:33: ja, søknadene er sendt\n"
    assert "søknadene" in anonymise(text).text


# -- initials -----------------------------------------------------------------------------------------------------


def test_initials_after_a_one_person_label_are_a_person_even_when_an_abbreviation():
    text = "Referat\n\nTil stede: Kari Dahl, Ola Lie\nReferent: HR\n\nHR-avdelingen hos Bakeriet AS er orientert.\n"
    out = anonymise(text).text
    assert "Referent: HR" not in out
    assert "HR-avdelingen" in out  # the department is no person


def test_an_abbreviation_in_an_attendance_list_of_several_stays():
    text = "Til stede: HR, NAV og kandidaten\n\nHR sender kontrakten.\n"
    assert "HR sender" in anonymise(text).text


def test_an_initial_before_a_particle_name_takes_the_whole_name():
    text = "Veileder Joost van der Wal har henvist. Signatur henvisende veileder: J. van der Wal\n"
    out = anonymise(text).text
    assert "Wal" not in out and "van der" not in out


def test_initials_before_an_ordinary_word_stay_initials_only():
    text = "Til stede: T.E., M.T.\n\nT.E. den andre saken tar vi neste uke.\n"
    out = anonymise(text).text
    assert "den andre saken" in out


def test_initials_of_a_full_name_in_the_document_are_that_person():
    text = "a) D.K. (følges opp av MT). Dawit Kidane har praksis på lageret. Dawit trives godt.\n"
    got = dict(people(text))
    assert got["D.K."] == got["Dawit Kidane"]


def test_initials_two_people_share_are_left_to_the_other_rules():
    text = "Dawit Kidane og Dina Karlsen var på møtet. D.K. kommer tilbake til saken."
    got = dict(people(text))
    assert got.get("D.K.") not in (got["Dawit Kidane"], got["Dina Karlsen"])


def test_a_given_name_with_an_initial_is_a_name_even_when_the_name_is_a_word():
    text = "Oppfølging på arbeidsplassen i dag.\n\nHilsen\nSiv R.\n\nVi snakket om tone og tempo."
    out = anonymise(text).text
    assert "Siv R" not in out
    assert "tone og tempo" in out


def test_a_signing_label_with_a_role_gives_the_role():
    text = "Henvisning til IPS.\n\nUnderskrift veileder: B. Lie\n"
    got = dict(people(text))
    assert got["B. Lie"].startswith("Veileder")


# -- dates and sms headers ---------------------------------------------------------------------------------------


def test_a_two_letter_weekday_before_a_date_goes_with_it():
    text = "ma 10.3 kl 08:12\nkan vi møtes on 12.3?\n"
    out = anonymise(text).text
    assert "ma " not in out and " on " not in out


def test_a_two_letter_word_before_something_else_stays():
    text = "Han har to barn. Vi sees on the way, sa hun.\n"
    assert anonymise(text).text == text


def test_a_weekday_before_an_sms_time_is_no_sender_and_an_ordinary_word_after_fra_is():
    text = (
        "ma 07:41 fra gull: hei, det er gull fra teamet. kan vi møtes i dag?\n"
        "ma 07:58 fra leyla: hei. ok. kom etter 12\n"
        "ma 08:02 fra gull: supert. sees!\n"
    )
    out = anonymise(text).text
    assert out.count("ma ") == 3  # the weekday stays; nobody is called «ma»
    assert "fra gull" not in out and "fra leyla" not in out


def test_a_capital_after_a_dates_dot_starts_a_new_sentence():
    text = "Han får fast stilling fra 1. april. KL spurte om det passer.\nVi møtes 14.09. kl 8.\n"
    out = anonymise(text).text
    assert re.search(r"våren\. ", out)
    assert "høsten kl 8" in out


# -- ages and nicknames -------------------------------------------------------------------------------------------


def test_an_age_in_a_description_of_a_person_is_replaced():
    text = (
        "Han er eritreisk, stille, rundt 35 år, og liker å jobbe ute.\n"
        "b) Dawit Kidane (følges opp av Kari): Eritreisk, 45 år, kom som kvoteflyktning.\n"
    )
    out = anonymise(text).text
    assert "35" not in out and "45" not in out and "i 30-årene" in out


def test_a_duration_in_a_description_stays():
    text = "Kurset, 2 år, er fullt. Hun har bodd i Norge, 12 år, og trives.\n"
    assert "2 år" in anonymise(text).text


def test_a_nickname_someone_goes_by_is_a_name():
    text = "Oppfølging.\n\nTuti, som hun kaller seg, forteller om smerter. Møtet, som vi kaller det, gikk fint.\n"
    out = anonymise(text).text
    assert "Tuti" not in out and "Møtet, som vi kaller det" in out


def test_a_refugee_camp_is_a_place():
    text = "Han er født i Mae La, leiren i Thailand, og bodde senere i Nakivale."
    got = kinds(text)
    assert got["Mae La"] == "place" and got["Nakivale"] == "place"


# -- the faster scans give what the full scans gave ------------------------------------------------------------


def test_company_matches_equals_a_full_scan_on_random_text():
    rng = random.Random(9)
    words = "Bakeri og & Co. AS as ASA Nord Rør 12 ved Sand DA Co ANS NUF Hansen i".split()
    gaps = [" ", " ", " ", "\n", ", ", "-", ". "]
    for _ in range(2000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(3, 60)))
        assert [m.span() for m in company_matches(text)] == [m.span() for m in COMPANY_RE.finditer(text)], text


def test_scan_skips_only_when_no_needle_occurs():
    rx = re.compile(r"alder (\d+)")
    text = "Alder 34"
    assert [m.group(1) for m in scan(re.compile(r"(?i)alder (\d+)"), text, text.casefold(), ("alder",))] == ["34"]
    assert list(scan(rx, "ingenting her", "ingenting her", ("alder",))) == []


# -- farm-name surnames in lower case ---------------------------------------------------------------------------


def test_a_farm_name_surname_after_a_given_name_in_lower_case_goes_with_it():
    text = (
        "kari 09:01: har du snakket med reidulf skaret? skaret sa at kristin berget er syk\n"
        "ola 09:03: ja. synnøve fjellheim ringte også. vi tar det i morgen\n"
        "kari 09:05: greit. jeg sier fra til dem. ha en fin dag\n"
    )
    out = anonymise(text).text
    for word in ("skaret", "berget", "fjellheim"):
        assert word not in out


def test_a_given_name_before_a_verb_or_an_adverb_in_lower_case_takes_no_surname():
    text = (
        "kari 09:01: kristin hjelper til i dag. amina kommer etterpå\n"
        "ola 09:03: ok. jonas hjemme i dag? vi ser på bakken utenfor\n"
        "kari 09:05: ja. ha en fin dag\n"
    )
    out = anonymise(text).text
    assert "hjelper til" in out and "hjemme i dag" in out and "på bakken" in out


# -- kinship to somebody else claims no family role ---------------------------------------------------------------


def test_a_parent_of_somebody_named_is_not_labelled_a_family_member():
    text = "Hei Anne,\n\nJamal Omar, far til Sara i klassen min, ba meg skrive. Jamal jobber på lageret.\n"
    got = dict(people(text))
    assert not got["Jamal Omar"].startswith("Familiemedlem")


def test_a_relative_of_the_candidate_is_still_family():
    text = "Kandidaten Jamal Omar kom med kona, Sara Ali. Sara Ali var med som støtte."
    got = dict(people(text))
    assert got["Sara Ali"].startswith("Familiemedlem")
