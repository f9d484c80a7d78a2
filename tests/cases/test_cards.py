"""The offline overview table, the printable case cards and how sources are named for readers."""

from __future__ import annotations

import html
import re
from pathlib import Path

from fake_cases import GOOD_BODY, GOOD_FRONT, write_case

from analysis.cases import Case, parse_case
from analysis.cases.cards import (
    REIDENTIFICATION_SUMMARY,
    case_filter_table,
    describe_source,
    reidentification_check,
    render_case_card,
    render_case_cards,
)
from analysis.cases.chapter import combinations_table
from analysis.cases.vocabulary import MIN_REFLECTION_QUESTIONS, REQUIRED_SECTIONS
from analysis.core.sources import SOURCE_DOCUMENTS, SourceRef


def test_filter_table_is_labelled_offline_and_complete(cases: list[Case]) -> None:
    html = case_filter_table(cases)
    selects = re.findall(r'<select id="([^"]+)"', html)
    assert len(selects) == 4
    for sid in selects:
        assert f'<label for="{sid}">' in html
    assert html.count("<tr data-stages=") == len(cases)
    assert 'role="status"' in html and 'aria-live="polite"' in html
    assert "http" not in html and "src=" not in html, "no external requests"
    for c in cases:
        assert f'href="#{c.id}"' in html


def test_case_card_is_a_printable_section_with_escaped_text(tmp_path: Path, cases: list[Case]) -> None:
    card = render_case_card(cases[0])
    assert card.startswith(f'<section class="case-card" id="{cases[0].id}"')
    for name in REQUIRED_SECTIONS:
        assert f"<h4>{name}</h4>" in card
    assert card.count("<li>") >= MIN_REFLECTION_QUESTIONS
    hostile = GOOD_BODY.replace("Kandidaten ville jobbe.", "<script>alert(1)</script>")
    rendered = render_case_card(parse_case(write_case(tmp_path, body=hostile)))
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    everything = render_case_cards(cases)
    assert everything.count('class="case-card"') == len(cases)
    assert everything.count("<script>") == 1


def test_sources_are_described_for_readers() -> None:
    text = describe_source("004_55431284ded43f19.txt, 3.8.1, L909–921")
    assert text.startswith("NORCE-rapport om jobbspesialister i NAV (004_55431284ded43f19.txt)")
    assert "avsnitt 3.8.1" in text and "linje 909–921" in text


def test_named_sections_single_lines_and_several_ranges() -> None:
    ref = SourceRef("000_f6fcbf565525b510.txt", "Faktorer på systemnivå", ((344, 344), (384, 394)))
    text = describe_source(ref)
    assert text.startswith("Fagartikkel om implementeringsfaktorer")
    assert "«Faktorer på systemnivå»" in text and text.endswith("linje 344; 384–394")


def test_every_card_names_its_documents_from_the_source_registry(cases: list[Case]) -> None:
    for case in cases:
        footer = render_case_card(case).split('<footer class="case-sources">')[1]
        assert footer.count("<li>") == len(case.meta.sources), case.id
        for ref in case.meta.source_refs:
            assert f"({ref.file})" in footer and SOURCE_DOCUMENTS[ref.file].short[1:] in footer, case.id


def test_every_card_shows_its_reidentification_check_folded(cases: list[Case]) -> None:
    for case in cases:
        card = render_case_card(case)
        folded = re.search(r'<details class="case-reidentification">(.*?)</details>', card, re.S)
        assert folded, f"{case.id}: the card does not show its re-identification check"
        body = folded.group(1)
        assert f"<summary>{REIDENTIFICATION_SUMMARY}</summary>" in body
        check = case.meta.reidentification
        for text in (check.draws_on, check.kept_episodes, check.why_safe):
            assert html.escape(text, quote=True) in body, case.id
        assert " open" not in folded.group(0).split(">", 1)[0], "the check starts folded"


def test_reidentification_check_is_escaped(tmp_path: Path) -> None:
    hostile = GOOD_FRONT.format(id="case-99").replace(
        'why_safe: "Filen er laget for testen og bygger ikke på noen virkelig person."',
        'why_safe: "Filen er laget for testen <img src=x onerror=alert(1)> og bygger ikke på noen."',
    )
    check = reidentification_check(parse_case(write_case(tmp_path, front=hostile)))
    assert "<img" not in check and "&lt;img src=x" in check


def test_age_bands_are_shown_with_an_en_dash_as_in_the_prose(tmp_path: Path, cases: list[Case]) -> None:
    # Review D16: the front matter writes «20-29»; the context table and the combinations table show «20–29».
    card = render_case_card(parse_case(write_case(tmp_path)))
    assert "<td>20\u201329</td>" in card and "20-29" not in card
    combos = combinations_table(cases)
    banded = [c.meta.age_band for c in cases if c.meta.age_band != "uoppgitt"]
    assert banded, "some case gives an age band"
    assert all(band.replace("-", "\u2013") in combos and band not in combos for band in banded)
