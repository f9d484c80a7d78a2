"""The printable case handouts as HTML: what each page holds, the bundle, the files written, the command.

Whether they print on one A4 page each is checked on the PDFs the build prints (tests/site/test_handouts.py).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from fake_cases import GOOD_BODY, write_case

from analysis.cases import Case, parse_case
from analysis.cases.cards import case_heading
from analysis.cases.handouts import (
    BUNDLE_STEM,
    DOWNLOAD_DIR,
    NARRATIVE,
    bundle_html,
    handout_href,
    handout_html,
    write_handouts,
)
from analysis.cli import main


def _text(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def test_each_handout_holds_its_case_and_questions_and_nothing_for_the_trainer(cases: list[Case]) -> None:
    for case in cases:
        page = handout_html(case)
        text = _text(page)
        assert page.startswith("<!DOCTYPE html>") and '<html lang="nb-NO">' in page
        assert f"<title>{html.escape(case_heading(case))} – arbeidsark</title>" in page
        assert f"<h1>{html.escape(case_heading(case))}</h1>" in page
        for name in NARRATIVE:
            assert f"<h2>{name}</h2>" in page, (case.id, name)
        questions = case.reflection_questions()
        assert questions and page.count("<li>") >= len(questions)
        for question in questions:
            assert _text(question) in text, (case.id, question)
        # The facilitator notes and the re-identification check are for the trainer's page, not the table.
        assert _text(case.meta.facilitator_notes)[:60] not in text, case.id
        assert _text(case.meta.reidentification.why_safe)[:60] not in text, case.id


def test_handouts_are_self_contained_a4_pages(cases: list[Case]) -> None:
    page = handout_html(cases[0])
    assert "<script" not in page and "http" not in page and "src=" not in page and "<link" not in page
    assert "size: A4" in page and "--handout-height:" in page and "--handout-width:" in page


def test_the_bundle_has_every_case_once_in_order(cases: list[Case]) -> None:
    bundle = bundle_html(cases)
    ids = re.findall(r'<article class="handout" id="([^"]+)">', bundle)
    assert ids == [c.id for c in cases]
    assert bundle.count("<!DOCTYPE html>") == 1 and bundle.count("<style>") == 1
    titles = [m.start() for c in cases for m in [re.search(re.escape(html.escape(case_heading(c))), bundle)] if m]
    assert len(titles) == len(cases) and titles == sorted(titles)


def test_case_text_is_escaped(tmp_path: Path) -> None:
    hostile = GOOD_BODY.replace("Kandidaten ville jobbe.", "<script>alert(1)</script>")
    page = handout_html(parse_case(write_case(tmp_path, body=hostile)))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_writer_makes_one_page_per_case_and_the_bundle_and_drops_stale_pages(tmp_path: Path, cases: list[Case]) -> None:
    out = tmp_path / "kurs"
    out.mkdir()
    (out / "case-99.html").write_text("gammel", encoding="utf-8")
    written = write_handouts(cases, out)
    names = sorted(p.name for p in out.glob("*.html"))
    assert names == sorted([f"{c.id}.html" for c in cases] + [f"{BUNDLE_STEM}.html"])
    assert sorted(p.name for p in written) == names
    assert (out / f"{cases[0].id}.html").read_text(encoding="utf-8") == handout_html(cases[0])


def test_links_point_where_the_printer_writes(cases: list[Case]) -> None:
    assert handout_href(cases[0], "../") == f"../{DOWNLOAD_DIR}/{cases[0].id}.pdf"
    assert handout_href(None, "") == f"{DOWNLOAD_DIR}/{BUNDLE_STEM}.pdf"


def test_command_line_writes_the_handouts(tmp_path: Path) -> None:
    folder = tmp_path / "caser"
    folder.mkdir()
    write_case(folder, "case-01")
    write_case(folder, "case-02")
    assert main(["handouts", "--out", str(tmp_path / "ut"), "--cases", str(folder)]) == 0
    assert sorted(p.name for p in (tmp_path / "ut").iterdir()) == ["alle-casene.html", "case-01.html", "case-02.html"]
