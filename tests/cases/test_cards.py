"""The offline overview table, the printable case cards and how sources are named for readers."""

from __future__ import annotations

import re
from pathlib import Path

from fake_cases import GOOD_BODY, write_case

from analysis.cases import Case, parse_case
from analysis.cases.cards import case_filter_table, describe_source, render_case_card, render_case_cards
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
