"""The trainer's kit page: handout downloads and facilitator notes, generated from the case files."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fake_cases import GOOD_FRONT, write_case
from own_words import RUN, copied_runs

from analysis.cases import Case, parse_case
from analysis.cases.cards import case_heading
from analysis.cases.handouts import handout_href
from analysis.cases.trainer import facilitator_notes, factors_named, handout_downloads, notes_anchor
from analysis.cases.vocabulary import EUSE_STAGES
from analysis.core.paths import ROOT
from analysis.factors import load_all

PAGE = ROOT / "book" / "kursopplegg.md"


def test_downloads_link_every_handout_and_the_bundle(cases: list[Case]) -> None:
    block = handout_downloads(cases, base="../")
    hrefs = re.findall(r'<a href="([^"]+)" download>', block)
    assert hrefs == [handout_href(None, "../")] + [handout_href(c, "../") for c in cases]
    for case in cases:
        assert f">{html.escape(case_heading(case))}</a>" in block
    assert block.startswith('<div class="se-download-only'), "the PDF edition leaves download links out"


def test_each_case_gets_its_notes_stages_factors_and_links(cases: list[Case]) -> None:
    labels = {"F004-16": "En faktor <med> tegn"}
    notes = facilitator_notes(cases, labels, base="../", case_page="../chapters/casefortellinger.html")
    sections = re.findall(r'<section class="kurs-case" id="([^"]+)"', notes)
    assert sections == [notes_anchor(c) for c in cases]
    for case in cases:
        part = notes.split(f'id="{notes_anchor(case)}"', 1)[1].split("</section>", 1)[0]
        assert html.escape(case.meta.facilitator_notes) in part, case.id
        for stage in case.meta.euse_stages:
            assert f"<li>Trinn {stage}: {html.escape(EUSE_STAGES[stage])}</li>" in part, case.id
        for fid in factors_named(case):
            assert f"<li>{fid}" in part, (case.id, fid)
        assert f'href="{handout_href(case, "../")}"' in part
        assert f'href="../chapters/casefortellinger.html#{case.id}"' in part
    assert "F004-16: En faktor &lt;med&gt; tegn" in notes


def test_factor_ids_are_read_from_the_note_once_each(tmp_path: Path) -> None:
    front = GOOD_FRONT.format(id="case-98").replace(
        "hvilke faktorer den henger sammen med.",
        "hvilke faktorer den henger sammen med: F002-31, F000-04 og igjen F002-31, men ikke XF002-310.",
    )
    assert factors_named(parse_case(write_case(tmp_path, "case-98", front=front))) == ["F002-31", "F000-04"]


def test_every_factor_a_note_names_is_a_coded_factor(cases: list[Case]) -> None:
    coded = set(load_all().factors["factor_id"])
    named = {(c.id, fid) for c in cases for fid in factors_named(c)}
    assert named, "the notes name the factors their cases show"
    assert not {pair for pair in named if pair[1] not in coded}


def test_the_session_plans_point_at_cases_that_exist(cases: list[Case]) -> None:
    text = PAGE.read_text(encoding="utf-8")
    linked = re.findall(r'<a href="#(kurs-case-\d{2})">case (\d+)</a>', text)
    assert len(linked) >= 4, "the plans link the cases they use"
    anchors = {notes_anchor(c): c for c in cases}
    for anchor, number in linked:
        assert anchor in anchors, anchor
        assert int(number) == int(anchors[anchor].id[-2:]), f"«case {number}» links to {anchor}"


def test_the_page_is_in_our_own_words() -> None:
    runs = copied_runs(PAGE)
    if runs is None:
        pytest.skip("the seed texts are not on this machine")
    assert not runs, f"{PAGE.name} copies runs of {RUN} words from the sources: {runs[:3]}"
