"""The anonymiser on kinds of text its first round missed on held-out texts (issue 14, second round).

One group of tests per kind of miss, each with examples invented for the test (no name here comes from a
corpus text): multi-part names with short or ordinary-word parts, diacritics and combining marks, initials,
institution types and employers with «og», ages in words, lower-case places and NAV offices, short forms of a
name, and roles that only a person's own cues may give.
"""

from __future__ import annotations

import unicodedata

import pytest

from analysis.anonymise import anonymise
from analysis.anonymise.letters import fold, nfc_with_offsets


def persons(text: str) -> list[tuple[str, str]]:
    """(surface in the input, pseudonym) of every person replacement."""
    result = anonymise(text)
    return [(text[s.start : s.end], s.replacement) for s in result.replacements if s.kind == "person"]


def entities(text: str) -> dict[str, set[int | None]]:
    """Which person entities each replaced surface (case-folded) was given."""
    out: dict[str, set[int | None]] = {}
    for s in anonymise(text).replacements:
        if s.kind == "person":
            out.setdefault(fold(text[s.start : s.end]), set()).add(s.entity)
    return out


# -- 2. diacritics and combining marks ------------------------------------------------------------------------


def test_fold_keeps_norwegian_letters_and_drops_other_marks():
    assert fold("PÅ") == "på" and fold("Bjørnæs") == "bjørnæs"
    assert fold("Àbẹ̀kẹ́") == "abeke"  # Yoruba: dot below and a tone mark with no precomposed letter
    assert fold("Þuríður") == "thuridur" and fold("Trần") == "tran" and fold("Łucja") == "lucja"
    assert fold(unicodedata.normalize("NFD", "Åsgård")) == "åsgård"


def test_decomposed_text_maps_back_to_input_offsets():
    text = unicodedata.normalize("NFD", "på Ìkẹ́jà")
    composed, origin = nfc_with_offsets(text)
    assert composed == unicodedata.normalize("NFC", text)
    assert len(origin) == len(composed) + 1 and origin[-1] == len(text)
    assert nfc_with_offsets("allerede sammensatt") is None


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_names_with_combining_marks_are_replaced_whole(form):
    text = unicodedata.normalize(
        form, "Datteren Mọ́rẹ̀mí begynte i barnehagen. Vi møtte Àbẹ̀kẹ́ Ọlátúndé i går, og Àbẹ̀kẹ́ ringte på fredag."
    )
    result = anonymise(text)
    for name in ("Mọ́rẹ̀mí", "Àbẹ̀kẹ́", "Ọlátúndé"):
        assert unicodedata.normalize("NFC", name) not in unicodedata.normalize("NFC", result.text), result.text
    assert "begynte i barnehagen" in result.text and unicodedata.normalize(form, "ringte på fredag.") in result.text


def test_icelandic_letters_and_a_name_written_without_its_marks_are_one_person():
    text = (
        "Þuríður Hrafnsdóttir er ny jobbspesialist i teamet. Hun kom fra Akureyri i fjor. "
        "Thuridur Hrafnsdottir står fortsatt oppført med gammel adresse i Modia."
    )
    found = entities(text)
    assert "Þuríður" not in anonymise(text).text and "Thuridur" not in anonymise(text).text
    assert len(found["thuridur hrafnsdottir"]) == 1


# -- 8. roles only when every cue agrees -----------------------------------------------------------------------


def roles(text: str) -> dict[str, set[str | None]]:
    """The role each replaced surface was labelled with (None for «Person X»)."""
    out: dict[str, set[str | None]] = {}
    for s in anonymise(text).replacements:
        if s.kind == "person":
            out.setdefault(text[s.start : s.end], set()).add(s.role)
    return out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jobbspesialisten ringte Yerlan i går. Yerlan var syk.", "Yerlan"),
        ("Møtet ble holdt på kontoret. Zainab, sjefen og jeg satt i en time.", "Zainab"),
        ("Til stede var Oyelaran, tolken og veilederen.", "Oyelaran"),
        ("Kontaktpersonen er Torbjørg sin nestleder.", "Torbjørg"),
        ("Sjefen var Keoni ikke ukjent for: han har handlet der lenge.", "Keoni"),
        ("Tolken, Oyelaran og jeg møttes i dag.", "Oyelaran"),
        ("Til stede var veilederen, Keoni og Zainab.", "Keoni"),
    ],
)
def test_a_person_near_another_persons_role_noun_does_not_take_it(text, name):
    assert roles(text)[name] == {None}, anonymise(text).text


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Kontaktperson er Gunnvald.", "Gunnvald", "arbeidsgiver"),
        ("Vi møtte Torbjørg, sjefen, i går.", "Torbjørg", "arbeidsgiver"),
        ("Hun ringte Eldbjørg, veilederen hennes på NAV.", "Eldbjørg", "veileder"),
        ("Kandidaten og jobbspesialist Randulf Hov møttes.", "Randulf Hov", "jobbspesialist"),
        ("Kandidaten, Oyelaran, var fornøyd.", "Oyelaran", "kandidat"),
    ],
)
def test_a_persons_own_role_cue_still_counts(text, name, role):
    assert roles(text)[name] == {role}, anonymise(text).text


# -- 1. multi-part names whose parts are short or ordinary words -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vi har hatt samtale med Naw Eh Say om praksis. Naw Eh Say har aldri hatt lønnet arbeid.",
        "Kandidaten Hla Sin Ei møtte presis. Sin Ei sa at hun vil jobbe på kjøkken.",
        "Hun bor sammen med Bal Bahadur Thapa og tre barn. Bal Bahadur kjører buss.",
        "Jobbspesialisten ringte Luz Maria Flores. Maria Flores var syk.",
        "Rosa Lima Duarte kom sammen med tolken i dag.",
    ],
)
def test_every_part_of_a_multi_part_name_is_replaced(text):
    out = anonymise(text).text
    name_words = {
        "Naw",
        "Eh",
        "Say",
        "Hla",
        "Sin",
        "Ei",
        "Bal",
        "Bahadur",
        "Thapa",
        "Luz",
        "Maria",
        "Flores",
        "Rosa",
        "Lima",
        "Duarte",
    }
    assert not name_words & set(out.replace(".", " ").split()), out


def test_a_known_full_name_is_replaced_in_lower_case_and_at_a_sentence_start():
    text = (
        "Møte med Hla Sin Ei og tolken. Hun vil jobbe med mat. Sin Ei har to barn. I journalen står "
        "hla sin ei med små bokstaver. Sin mor bor i Norge."
    )
    out = anonymise(text).text
    assert "Sin Ei" not in out and "hla sin ei" not in out
    assert "Sin mor bor" in out  # the possessive at a sentence start is still a word


def test_multi_part_names_in_a_lower_case_chat():
    text = (
        "kandidat: htee ka moo\n"
        "08:12 jobbspes: hei! htee ka moo kom ikke på praksis i dag. ringte ka moo men fikk ikke svar.\n"
        "08:15 veileder: ok. kona hans, nan ei pyo, sa at han var syk. nan ei pyo ringer meg i morgen.\n"
        "08:20 jobbspes: greit. moo har time hos fastlegen på fredag.\n"
    )
    out = anonymise(text).text
    for word in ("htee", " ka ", "moo", "pyo"):
        assert word not in out, out
    assert len({e for ids in entities(text).values() for e in ids}) == 2, out


def test_ordinary_capitalised_words_are_not_a_name_run():
    for text in (
        "Hun deltok på kurset Supported Employment i fjor.",
        "Møtet handlet om Individual Placement and Support.",
    ):
        assert anonymise(text).text == text
    for text in ("Ring Naw Eh Say i morgen.", "Hos Naw Eh Say var alt i orden.", "Samtale Naw Eh Say\nHun kom."):
        assert anonymise(text).text.split()[0] == text.split()[0], anonymise(text).text


# -- 7. short forms: one person, one pseudonym ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("Vi møtte Oluwadamilare i dag. Etterpå ringte Damilare og sa takk.", ("oluwadamilare", "damilare")),
        ("Kandidat: Temesghen Habte. Temes møtte presis.", ("temesghen habte", "temes")),  # prefix
        ("Hun heter Katarzyna Wrona. Kasia har to barn.", ("katarzyna wrona", "kasia")),  # known short form
        ("Innvandret i 2015: Jean-Pascal Mugabo. Senere skrev JP en søknad.", ("jean-pascal mugabo", "jp")),
        ("Rapporten er skrevet av Sunniva Brekke. Spørsmål kan rettes til SB.", ("sunniva brekke", "sb")),
        ("Habte ringte. Senere kom Temesghen Habte selv.", ("habte", "temesghen habte")),  # surname first
        ("Vi snakket med Marie-Josée Kanku. Marie-Josées sønn var med.", ("marie-josee kanku", "marie-josee")),
    ],
)
def test_short_forms_join_the_full_name(text, forms):
    found = entities(text)
    ids = {e for f in found if any(f == form or f.startswith(form) for form in forms) for e in found[f]}
    assert len(ids) == 1, (anonymise(text).text, found)


def test_two_listed_names_that_share_a_prefix_stay_two_people():
    found = entities("Kari Lunde og Karin Vold møttes. Kari ringte Karin etterpå.")
    assert found["kari"] != found["karin"]


# -- 3. initials in person positions, never acronyms -----------------------------------------------------------

MINUTES = """Referat fra teammøte
Til stede: RB, H.S., ØK, Gunnvor Lie (referent)
Forfall: TMJ

Sak 1: RB sa at AAP-saken må avklares før jul. NAV og DPS er orientert.
Sak 2: H.S. følger opp praksisplassen. Ansvarlig: ØK
- TMJ og RB tar kontakt med arbeidsgiver.
Kandidaten Yasmin Farah (ØK) har levert CV. IPS-teamet møtes igjen i uke 3.
"""


def test_initials_in_minutes_are_people():
    out = anonymise(MINUTES).text
    for initials in ("RB", "H.S.", "ØK", "TMJ"):
        assert initials not in out.replace("Person", ""), out
    for word in ("AAP-saken", "NAV og DPS", "CV", "IPS-teamet"):
        assert word in out, out


@pytest.mark.parametrize(
    "text",
    [
        "NAV sa at saken er under behandling.",
        "Til stede: NAV, DPS og SFO.",
        "Ansvarlig: NAV\nKVP sendes til vedtak.",
        "AAP og KVP drøftes. CV sendes i dag.",
        "Kapittel II handler om IPS.",
        "Vi brukte Work Ability Index (WAI) i studien. WAI viser bedring.",  # defined in the text
        "Skjemaet følger CFIR. CFIR sier lite om brukerne.",  # four capitals in running text
        "KVP er et program. KVP skal hjelpe folk i arbeid.",  # copula and auxiliary without a task verb
    ],
)
def test_acronyms_are_not_initials(text):
    assert anonymise(text).text == text


def test_initials_of_a_full_name_are_that_person():
    text = "Notatet er skrevet av Eivind Rønning.\nSpørsmål: kontakt ER.\nER følger opp neste uke."
    found = entities(text)
    assert len({e for ids in found.values() for e in ids}) == 1, (anonymise(text).text, found)


# -- 4. institutions by type words, employers with «og», charities + place, «as» in lower case ----------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Faren bor på Lindelia bo- og behandlingssenter.", "Sykehjem 1"),
        ("Hun tar norsk på Sletten opplæringssenter.", "Voksenopplæring 1"),
        ("Han var innlagt på Nordfjord universitetssjukehus.", "Helsetjeneste 1"),
        ("Hun var innlagt på Vestvik universitetssykehus i mars.", "Helsetjeneste 1"),
        ("Fastlegen holder til på Solvang helsesenter.", "Helsetjeneste 1"),
        ("Mora er på Heiane sjukeheim.", "Sykehjem 1"),
        ("Han følger kurs ved Storås læringssenter.", "Voksenopplæring 1"),
    ],
)
def test_institutions_named_by_their_type(text, label):
    out = anonymise(text).text
    assert label in out and not any(
        w in out for w in ("Lindelia", "Sletten", "Nordfjord", "Vestvik", "Solvang", "Heiane", "Storås")
    ), out


@pytest.mark.parametrize(
    "text",
    [
        "Hun har praksis hos Lys og Lampe Gjøvik.",
        "Han søkte jobb i Glass og Ramme, og de svarte fort.",
        "Hun er frivillig i Kirkens Bymisjon Hamar to dager i uka.",
        "Han har jobbet i Frelsesarmeen Moss siden mai.",
        "hun jobber hos rørlegger nilsen as nå, og trives der.",
    ],
)
def test_employers_with_og_charities_and_lower_case_company_forms(text):
    out = anonymise(text).text
    assert "Arbeidsplass 1" in out, out
    assert not any(w in out for w in ("Lampe", "Ramme", "Bymisjon", "Frelsesarmeen", "nilsen")), out


def test_two_people_joined_by_og_are_not_a_company():
    out = anonymise("Etter møtet snakket hun med Torgeir og Sunniva om vaktene.").text
    assert "Arbeidsplass" not in out and "Torgeir" not in out, out


def test_a_company_name_with_og_is_found_again_without_its_place():
    out = anonymise("Hun har praksis hos Lys og Lampe Gjøvik. Lys og Lampe vil ansette henne.").text
    assert out.count("Arbeidsplass 1") == 2 and "Lampe" not in out, out


# -- 5. ages in number words and compounds; ages after age cues; durations stay --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Han er en trettisyvåring fra Sandnes.", "en person i 30-årene"),
        ("En sekstiåring søkte jobb i fjor.", "En person i 60-årene"),
        ("Hun er førtini år gammel.", "Hun er i 40-årene"),
        ("Ho er tjueein år gammal.", "Ho er i 20-årene"),
        ("Han er femtito år og har aldri hatt fast jobb.", "Han er i 50-årene og"),
        ("Sønnen er 12 år og går på ungdomsskolen.", "Sønnen er i tenårene"),
        ("De har en datter på fire år.", "en datter på under 10 år"),  # «på» stays where it reads (third round)
        ("Hun har tre barn på 3, 8 og 14 år.", "tre barn under 10 år og i tenårene"),
        ("Kona hans er trettiåtte.", "er i 30-årene"),
        ("En femtiårig mann møtte.", "En 50–59-årig mann"),
    ],
)
def test_ages_in_words_and_after_age_cues(text, expected):
    assert expected in anonymise(text).text, anonymise(text).text


@pytest.mark.parametrize(
    "text",
    [
        "Han har bodd i Norge i 10 år.",
        "Hun har vært 12 år i Norge og snakker godt norsk.",
        "Utdanningen er tre år, og praksisen er to år.",
        "Klokka er sju når møtet starter.",
        "Han gikk ned femten kilo på et halvt år.",
        "Det er et toårig program.",
        "Praksisen på tre år var lang.",
    ],
)
def test_durations_and_other_numbers_stay(text):
    assert anonymise(text).text == text


# -- 6. lower-case NAV offices with hyphenated places, lower-case districts after locatives -------------------

LOWER_NOTES = """notater fra oppfølging, skrevet på mobil
møtte kandidaten på kafeen. hun bor på forus og tar bussen til jobben.
ringte veileder på nav nord-fron-sel i dag. hun sier ytelsen er i orden.
kandidaten vil flytte til fyllingsdalen der søsteren bor. vi snakket om jobb på lageret.
neste møte på nav gjesdal-time. hun jobber skift i kantina på sykehjemmet.
"""


def test_lower_case_nav_offices_and_districts():
    out = anonymise(LOWER_NOTES).text
    for word in ("forus", "nord-fron-sel", "fyllingsdalen", "gjesdal-time"):
        assert word not in out, out
    assert out.count("NAV-kontor") == 2, out
    for words in ("på lageret", "i kantina på sykehjemmet", "jobber skift", "på kafeen"):
        assert words in out, out


def test_two_unknown_capitalised_words_after_i_are_a_place():
    out = anonymise("Hun sydde klær i Hà Nội i ti år, og senere i Dire Dawa.").text
    assert "Person" not in out and out.count("Sted") == 2, out


# -- found on texts written after the rules (dev texts 32–34) ---------------------------------------------------


def test_initials_with_full_stops_are_initials_even_when_the_letters_are_an_acronym():
    out = anonymise("Til stede: K.S., Trude Ask\nK.S. sa at planen holder. KS har sendt brev.").text
    assert "K.S." not in out and "KS har sendt" in out, out


def test_a_surname_that_ends_like_a_norwegian_noun_propagates():
    out = anonymise("Til stede: Thida Min Aung, Zaw Htaing. Senere sa Htaing at han var fornøyd.").text
    assert "Htaing" not in out, out


def test_age_after_a_relative_clause():
    assert "som er under 10 år" in anonymise("Hun har en datter, som er fire.").text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun er født i 1987 og kom hit i 2015.", "Hun er født på 1980-tallet og kom hit i 2015."),
        ("Fødselsår: 1990", "Fødselsår: 1990-tallet"),
        ("Notatet er godkjent (sign. RV).", "Notatet er godkjent (sign. Person A)."),
        ("Hun har jobb hos Pettersen & Co i Moss.", "Hun har jobb hos Arbeidsplass 1 i Sted 1."),
        (
            "Ho jobbar på kafeen. Sjefen hennar, Torunn, er grei.",
            "Ho jobbar på kafeen. Sjefen hennar, Arbeidsgiver A, er grei.",
        ),
    ],
)
def test_birth_years_signatures_company_forms_and_nynorsk_possessives(text, expected):
    assert anonymise(text).text == expected


def test_names_that_end_like_norwegian_nouns_and_lower_case_neighbours():
    text = (
        "notater fra i dag. møtte blessing nwosu på kafeen. blessing har fått praksis. broren xiaoming tolker for "
        "henne. vi snakket om jobbsøking og arbeidsutprøving. tilrettelegging er viktig."
    )
    out = anonymise(text).text
    assert "blessing" not in out and "nwosu" not in out and "xiaoming" not in out, out
    for word in ("jobbsøking", "arbeidsutprøving", "tilrettelegging"):
        assert word in out, out


def test_short_form_with_a_vowel_and_ages_after_a_name():
    text = "Kandidat: Mehretab Ghebreyesus (Mehri), 29 år\nMehri har to barn. Den eldste, Luwam, er tolv."
    out = anonymise(text).text
    assert "29" not in out and "tolv" not in out, out
    found = entities(text)
    assert found["mehri"] == found["mehretab ghebreyesus"], (out, found)


def test_a_listed_name_is_no_short_form_of_a_surname():
    found = entities("Jobbspesialist Åse Lindgren ringte. Datteren Lina (7) er syk. Linas far er bortreist.")
    assert found["lina"] != found["åse lindgren"], found


# -- precision guards for the new rules (real report prose) -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hun har stor tro på Supported Employment som metode.",
        "Tabell 3\tInklusjon\t3 mnd\t12 mnd",
        "Boka heter Bröderna. För barn er den tung. Den er for lang for meg, og for dyr.",
        "Artikkelen om Community Mental Health kom i fjor. Mental Health er et stort felt.",
    ],
)
def test_titles_tables_and_foreign_spellings_stay(text):
    out = anonymise(text).text
    for word in ("Supported Employment", "Inklusjon", "for lang for meg", "Mental Health er"):
        if word in text:
            assert word in out, out


def test_an_abbreviation_defined_after_lower_case_words_is_no_initials():
    out = anonymise("Metoden kalles customized employment (CE). CE sa lite om lønn, men CE passer mange.").text
    assert out.count("CE") == 3, out


# -- forms and transcripts --------------------------------------------------------------------------------------

FORM = """HENVISNING
Navn: Halimo Cilmi Faarax
Arbeidsgiver (tidligere): Sjøbris
Skole (barn): Lindeberg skole og Trosterud
Barnehage: Solsikken
Bydel: Grorud
Tolk: ja, somali
Merknad: ingen
"""


def test_labelled_form_fields_name_their_kind():
    out = anonymise(FORM).text
    assert "Arbeidsgiver (tidligere): Arbeidsplass 1" in out, out
    assert "Skole (barn): Skole 1 og Skole 2" in out and "Barnehage: Barnehage 1" in out, out
    assert "Bydel: Sted 1" in out and "Merknad: ingen" in out, out


def test_a_quotation_after_a_label_is_not_a_field():
    text = "Arbeidsgiver: De har vært på oss hele tiden, og det er bra. Hva mer kan vi ønske oss?"
    assert "Arbeidsplass" not in anonymise(text).text


def test_speaker_labels_in_a_transcript_are_names():
    text = "HAWO: Jeg kom hit i 2014.\nINTERVJUER: Og hva gjorde du da?\nHAWO: Jeg gikk på norskkurs.\nDOI: 10.1000/1"
    out = anonymise(text).text
    assert "HAWO" not in out and "INTERVJUER:" in out and "DOI:" in out, out


def test_more_languages_that_reveal_origin():
    out = anonymise("Tolken snakker nuer, dinka og hazaragi.").text
    assert out == "Tolken snakker et østafrikansk språk, et østafrikansk språk og et sørasiatisk språk.", out
