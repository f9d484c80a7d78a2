"""Workplaces named right after a workplace cue (analysis/anonymise/workplaces.py): «X på Y» with an unknown
company word, chain names in lower case after «jobber på/hos» or «praksis på», and the words after such a cue
that are no workplace. Every example is invented for this test.
"""

from __future__ import annotations

import pytest

from analysis.anonymise import anonymise


def kinds(text: str) -> dict[str, list[str]]:
    """The surfaces of the input replaced, by kind."""
    out: dict[str, list[str]] = {}
    for s in anonymise(text).replacements:
        out.setdefault(s.kind, []).append(text[s.start : s.end])
    return out


# A lower-case chat: most sentences open in lower case, so capitals say nothing here.
LOWER = "hei. ok det. ja takk. {} vi snakkes."


@pytest.mark.parametrize(
    ("text", "employer"),
    [
        ("Han jobber hos Eurest på Skøyen nå.", "Eurest på Skøyen"),
        ("Han har tidligere jobbet i Kantinex på Lysaker.", "Kantinex på Lysaker"),
        ("Hun har prøvedag hos Lyreco i Lierstranda.", "Lyreco i Lierstranda"),
        ("Hun har sommerjobb hos Kantinex.", "Kantinex"),
        ("Kandidaten jobber som kokk hos Kantinex på Fornebu.", "Kantinex på Fornebu"),
        ("Han begynte på Fremtind i mars.", "Fremtind"),
        ("Han jobber på Eurest Tøyen.", "Eurest Tøyen"),
        ("Han jobber hos Kantinex Lierstranda.", "Kantinex Lierstranda"),  # a rare capitalised word: its place
        ("Han har praksis på rema.", "rema"),
        ("Hun begynte hos meny i fjor.", "meny"),
        ("Han jobber på joker på Tøyen.", "joker på Tøyen"),
    ],
)
def test_a_workplace_after_a_cue_is_one_employer(text, employer):
    assert kinds(text).get("employer") == [employer]


@pytest.mark.parametrize(
    ("sentence", "employer"),
    [
        ("hun har praksis på extra.", "extra"),
        ("han jobber på extra på storo nå.", "extra på storo"),
        ("han jobber i kantinex på lysaker.", "kantinex på lysaker"),
        ("hun jobba hos fretex før.", "fretex"),
    ],
)
def test_a_workplace_after_a_cue_in_a_lower_case_text(sentence, employer):
    assert kinds(LOWER.format(sentence)).get("employer") == [employer]


def test_an_unknown_workplace_is_the_same_workplace_when_named_again():
    text = "Hun jobber på Kantinex på Fornebu. Kantinex er en kantine, og hun trives på Kantinex."
    out = anonymise(text)
    assert [text[s.start : s.end] for s in out.replacements] == ["Kantinex på Fornebu", "Kantinex", "Kantinex"]
    assert out.text == "Hun jobber på Arbeidsplass 1. Arbeidsplass 1 er en kantine, og hun trives på Arbeidsplass 1."
    text = "Hun jobber på Kantinøx på Fornebu. KANTINØX er fin."  # any case, letters of other alphabets too
    assert anonymise(text).text == "Hun jobber på Arbeidsplass 1. Arbeidsplass 1 er fin."


@pytest.mark.parametrize(
    "text",
    [
        "Han handler på joker ved siden av der han bor.",  # a chain name, also a word, without a workplace cue
        "Hun jobber i barnehagen tre dager i uka.",
        "Han har praksis på skolen i vår.",
        "Hun begynte på kurs i januar.",
        "Han jobber på kveldstid nå.",
        "Hun startet i januar og slutter i juni.",
        "Han jobber i turnus og på lager.",
        "Hun har intervju hos NAV på fredag.",
        "Han startet på introduksjonsprogrammet.",
        "Hun begynte på Sfo.",
    ],
)
def test_ordinary_words_after_a_workplace_cue_stay(text):
    assert anonymise(text).text == text


@pytest.mark.parametrize(
    "sentence",
    [
        "han handler på spar hver dag.",
        "hun jobber i butikk og har praksis på lageret.",
        "han begynte på nytt og startet på igjen etter ferien.",
        "intervju på teams i morgen, eller på zoom.",
        "hun jobber for tida ved sida av skolen.",
        "han jobber i retail og vil jobbe i logistikk.",
        "intervju hos nav på fredag.",
    ],
)
def test_ordinary_words_after_a_workplace_cue_stay_in_a_lower_case_text(sentence):
    text = LOWER.format(sentence)
    assert anonymise(text).text == text


def test_a_known_place_after_a_cue_is_a_place_not_a_workplace():
    assert kinds("Han jobber i Oslo nå.") == {"place": ["Oslo"]}
    assert anonymise("Han jobber i Oslo nå.").text == "Han jobber i Sted 1 nå."


def test_a_kind_of_institution_after_a_cue_is_no_workplace():
    assert "employer" not in kinds("Han begynte i Bhg i august.")
    assert "employer" not in kinds(LOWER.format("hun startet i bhg i går."))


def test_a_surname_after_a_cue_stays_a_person():
    # «Rezai» is unknown, but the document writes it after a given name: a person, not a company
    assert kinds("Hun jobber hos Rezai i butikken. Ali Rezai eier butikken.") == {"person": ["Rezai", "Ali Rezai"]}
    # a known name after the unknown word makes a full name, for the name rules
    assert kinds("Hun har praksis hos Amare Hansen.") == {"person": ["Amare Hansen"]}
    assert kinds("Han startet hos Hamid i går.") == {"person": ["Hamid"]}
