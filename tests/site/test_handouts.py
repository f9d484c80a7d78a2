"""The trainer's kit as built: printed handouts read back with poppler, the pages that link them, the offline zip.

The expectations come from the case files, not from the printer: each case's handout must be one A4 page
holding its title and every reflection question; the bundle one page per case, in order, each page with
its case; «Kursopplegg» links every PDF; «Hovedfunn» backs each finding with a dated link into a chapter;
the case chapter shows every case's re-identification check folded.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from analysis.cases import Case, load_cases
from analysis.cases.cards import REIDENTIFICATION_SUMMARY, case_heading
from analysis.cases.handouts import BUNDLE_STEM, DOWNLOAD_DIR, handout_href, handout_stem

pytestmark = pytest.mark.site


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} (Debian package poppler-utils; .ci/run installs it) is needed to read the handouts back"
        if os.environ.get("SE_IPS_REQUIRE_SITE"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _info(pdf: Path) -> dict[str, str]:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run([_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [_flat(page) for page in text.split("\f") if page.strip()]


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases()


@pytest.fixture(scope="module")
def kurs(site_dir: Path) -> Path:
    folder = site_dir / DOWNLOAD_DIR
    assert folder.is_dir(), f"{folder} is missing (make book prints the handouts)"
    return folder


def test_every_case_handout_is_one_a4_page_with_its_title_and_questions(kurs: Path, cases: list[Case]) -> None:
    for case in cases:
        pdf = kurs / f"{handout_stem(case)}.pdf"
        assert pdf.is_file(), f"{pdf.name} is missing"
        info = _info(pdf)
        assert info["Pages"] == "1", f"{pdf.name} has {info['Pages']} pages"
        assert "A4" in info["Page size"] and info["Tagged"] == "yes"
        assert info["Title"].startswith(case_heading(case)), info["Title"]
        (text,) = _pages(pdf)
        assert case_heading(case) in text, f"{pdf.name} does not show its title"
        for question in case.reflection_questions():
            assert _flat(question) in text, f"{pdf.name} lacks the question {question!r}"


def test_the_bundle_has_one_page_per_case_in_order(kurs: Path, cases: list[Case]) -> None:
    pdf = kurs / f"{BUNDLE_STEM}.pdf"
    assert _info(pdf)["Pages"] == str(len(cases))
    pages = _pages(pdf)
    assert len(pages) == len(cases)
    for case, text in zip(cases, pages, strict=True):
        assert case_heading(case) in text, f"page for {case.id} does not start with its case"
        assert _flat(case.reflection_questions()[-1]) in text, f"{case.id}: the last question is not on its page"


def test_no_stale_handouts(kurs: Path, cases: list[Case]) -> None:
    expected = {f"{handout_stem(c)}.pdf" for c in cases} | {f"{BUNDLE_STEM}.pdf"}
    assert {p.name for p in kurs.glob("*.pdf")} == expected


def test_trainer_page_links_every_handout_and_every_case_note(site_dir: Path, cases: list[Case]) -> None:
    page = (site_dir / "book" / "kursopplegg.html").read_text(encoding="utf-8")
    for case in [None, *cases]:
        assert f'href="{handout_href(case, "../")}"' in page, case.id if case else "bundle"
    for case in cases:
        assert f'id="kurs-{case.id}"' in page
        assert html.escape(case.meta.facilitator_notes[:80]) in page, case.id


def test_key_findings_are_dated_and_linked_into_the_chapters(site_dir: Path) -> None:
    page = (site_dir / "book" / "hovedfunn.html").read_text(encoding="utf-8")
    article = re.search(r"<article[^>]*bd-article[^>]*>(.*?)</article>", page, re.S).group(1)
    chunks = re.findall(r'<section id="([^"]+)"[^>]*>(.*?)(?=<section id="|$)', article, re.S)
    # The numbered findings are the sections whose heading starts with «1.», «2.» …
    findings = [(sid, body) for sid, body in chunks if re.match(r"\s*<h2>\d+\.", body)]
    assert len(findings) >= 5, [sid for sid, _ in chunks]
    backed = set()
    for section_id, body in findings:
        links = re.findall(r'href="((?:\.\./chapters/[a-z]+|bakgrunn)\.html(?:#[^"]+)?)"', body)
        assert links, f"finding {section_id} links to no chapter"
        assert re.search(r"\b(?:19|20)\d{2}\b", html.unescape(re.sub(r"<[^>]+>", " ", body))), (
            f"finding {section_id} does not say when its evidence is from"
        )
        backed.update(link.split(".html")[0].rsplit("/", 1)[-1] for link in links)
    assert {"bakgrunn", "implementeringsfaktorer", "fidelitet", "sporreskjema", "casefortellinger"} <= backed
    # One way of dating the knowledge across the site («per 2019–2020», as the background page writes it).
    assert "Kunnskapsstatus per 2019–2020" in article and "2019/2020" not in article
    assert "Sist faglig gjennomgått" in article
    assert "Syntetiske data" in article, "the page says what is synthetic"


def test_case_chapter_shows_each_reidentification_check(site_dir: Path, cases: list[Case]) -> None:
    page = (site_dir / "chapters" / "casefortellinger.html").read_text(encoding="utf-8")
    folded = re.findall(r'<details class="case-reidentification">(.*?)</details>', page, re.S)
    assert len(folded) == len(cases)
    for case, body in zip(cases, folded, strict=True):
        assert f"<summary>{REIDENTIFICATION_SUMMARY}</summary>" in body
        assert html.escape(case.meta.reidentification.why_safe, quote=True) in body, case.id


def test_the_offline_zip_carries_the_handouts(site_dir: Path, cases: list[Case]) -> None:
    archive = site_dir.parent / "rapport-nettsted.zip"
    if not archive.is_file():
        message = f"{archive} is missing (run `make dist`; `make test` builds it)"
        if os.environ.get("SE_IPS_REQUIRE_SITE"):
            pytest.fail(message)
        pytest.skip(message)
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
    for stem in [BUNDLE_STEM, *(handout_stem(c) for c in cases)]:
        assert f"rapport-nettsted/{DOWNLOAD_DIR}/{stem}.pdf" in names, stem
