"""The self-assessment page «Vurder teamet ditt» in headless Chromium, against the Python engine.

The page scores in JavaScript from the codebook export; the command line scores in Python. These tests feed
both the same files and require the same numbers: over 500 random answer sets (missing answers, tick-all
edge cases, totals exactly on and just below each band bound) through the page's file input, the full
results structure, the validation messages, the CSV exports (byte for byte) and the team report, which
draws with the same renderer. They also check what the issue promises a team leader: no request leaves
the page, nothing is stored unless asked, it works from a folder (file://), by keyboard, at 390 px, in
print, and axe-core finds no WCAG 2.0/2.1 A or AA violation.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fidelity"))
from answer_sets import BOOK, parity_file, respondent
from fakes import synthetic_identity_number

from analysis.core.rounding import round_half_up
from analysis.fidelity.answers import read_answers
from analysis.fidelity.results import results_model
from analysis.fidelity.scoring import score_respondents, team_summary

pytestmark = [pytest.mark.site, pytest.mark.browser]
ROOT = Path(__file__).resolve().parents[2]
PAGE = "book/egenvurdering.html"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
THEME_KEYS = {"theme", "mode"}
ROWS = """() => Array.from(document.querySelectorAll('#sa-results .sa-result-row')).map(r => ({
    team: r.dataset.team, timepoint: r.dataset.timepoint, n: r.dataset.n, total: r.dataset.total,
    band: r.dataset.band}))"""


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def fixed4(value: float) -> str:
    return "" if pd.isna(value) else format(round_half_up(value, 4), "f")


class Session:
    """One browser context on the page, recording console errors and every request it makes."""

    def __init__(self, browser: Any, url: str, viewport: dict[str, int] | None = None) -> None:
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, accept_downloads=True)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url, wait_until="networkidle")
        self.page.wait_for_selector(".sa-app:not([hidden])")
        self.loaded = len(self.requests)

    def _console(self, message: Any) -> None:
        # A fresh browser asks every origin for /favicon.ico; the site has none. That is not this page's doing.
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            self.errors.append(message.text)

    def load(self, path: Path) -> None:
        self.page.set_input_files("input[type=file][name=answers]", str(path))
        self.page.wait_for_function(
            "() => document.querySelector('#sa-import-status').textContent.trim().length > 0", timeout=60_000
        )

    def rows(self) -> list[dict[str, str]]:
        return self.page.evaluate(ROWS)

    def axe(self, base: str | None = None) -> list[dict[str, Any]]:
        if base:
            self.page.add_script_tag(url=base + "_static/vendor/axe.min.js")
        else:
            self.page.add_script_tag(path=str(ROOT / "book" / "_static" / "vendor" / "axe.min.js"))
        return self.page.evaluate(
            """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
                .map(v => ({rule: v.id, nodes: v.nodes.length, where: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
                            why: v.nodes[0].failureSummary}))""",
            AXE_TAGS,
        )

    def download(self, button: str) -> bytes:
        with self.page.expect_download() as caught:
            self.page.click(button)
        return Path(caught.value.path()).read_bytes()

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def session(browser: Any, site_url: str) -> Iterator[Session]:
    s = Session(browser, site_url + PAGE)
    yield s
    s.close()
    assert not s.errors, s.errors
    assert not s.dialogs, s.dialogs
    foreign = [u for u in s.requests if not u.startswith((site_url, "data:", "blob:"))]
    assert not foreign, f"requests to other origins: {foreign}"


@pytest.fixture(scope="module")
def parity(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The parity file, scored by the Python engine."""
    folder = tmp_path_factory.mktemp("parity")
    path = folder / "svar.csv"
    parity_file().to_csv(path, index=False)
    answers = read_answers(path, BOOK)
    scores = score_respondents(answers.frame, BOOK)
    summary = team_summary(scores, BOOK)
    model = results_model(answers.frame, scores, summary, BOOK)
    return {"path": path, "scores": scores, "summary": summary, "model": model, "folder": folder}


# ------------------------------------------------------------------------------------------ parity
def test_random_answer_sets_score_the_same_in_the_page_and_in_python(session: Session, parity: dict) -> None:
    session.load(parity["path"])
    shown = session.rows()
    summary = parity["summary"]
    assert len(shown) == len(summary) >= 500
    expected = [
        {"team": r.team, "timepoint": r.timepoint, "n": str(r.n), "total": fixed4(r.total), "band": r.band}
        for r in summary.itertuples()
    ]
    mismatches = [(a, b) for a, b in zip(shown, expected, strict=True) if a != b]
    assert not mismatches, mismatches[:5]
    bands = {r["band"] for r in shown}
    assert {"ikke_se", "rimelig", "godt", "eksemplarisk", ""} <= bands  # every band, and groups without a total
    # Both sides of every bound, at team sizes whose means are repeating fractions.
    for bound in (b for b in BOOK.bands["modified"] if b.min > 0):
        on = [r for r in shown if r["team"].startswith(f"Grense {int(bound.min)} ") and "under" not in r["team"]]
        below = [r for r in shown if r["team"].startswith(f"Grense {int(bound.min)} ") and "under" in r["team"]]
        assert on and below and all(r["band"] == bound.id for r in on) and all(r["band"] != bound.id for r in below)


def test_the_whole_results_structure_is_the_same_in_the_page_and_in_python(session: Session, parity: dict) -> None:
    text = parity["path"].read_text(encoding="utf-8")
    js = session.page.evaluate(
        """(text) => {
            const data = SelfAssess.data();
            const read = SelfAssess.readAnswers(text, 'svar.csv', data);
            const engine = new SelfAssess.Engine(data);
            return {problems: read.problems.map(p => p.text), model: engine.results(read.rows),
                    respondents: read.rows.map(r => engine.scoreRow(r))};
        }""",
        text,
    )
    assert js["problems"] == []
    py = parity["model"]
    assert len(py["groups"]) >= 500 and len(js["model"]["groups"]) == len(py["groups"])
    for a, b in zip(js["model"]["groups"], py["groups"], strict=True):
        for key in (
            "team",
            "timepoint",
            "n",
            "n_complete",
            "answered",
            "items_with_answers",
            "band",
            "missing",
            "missing_count",
            "flags",
            "flag_count",
        ):
            assert a[key] == b[key], (key, a["team"], a["timepoint"], a[key], b[key])
        for item, mean in b["means"].items():
            assert (a["means"][item] is None) == (mean is None) and (
                mean is None or abs(a["means"][item] - mean) < 1e-12
            )
        assert (a["total"] is None) == (b["total"] is None)
        assert b["total"] is None or fixed4(a["total"]) == fixed4(b["total"])
    assert js["model"]["several_teams"] == py["several_teams"]
    assert sum(g["flag_count"] for g in py["groups"]) > 0 and sum(g["missing_count"] for g in py["groups"]) > 0
    # Every respondent: partial sum, total and band.
    scores = parity["scores"]
    assert len(js["respondents"]) == len(scores)
    for a, (_, b) in zip(js["respondents"], scores.iterrows(), strict=True):
        assert a["items_answered"] == b["items_answered"] and (a["band"] or "") == b["band"]
        assert (a["total"] is None) == pd.isna(b["total"]) and (a["total"] is None or a["total"] == b["total"])


def test_import_checks_give_the_command_lines_messages(browser: Any, site_url: str, tmp_path: Path) -> None:
    frame = parity_file(seed=1, random_groups=3)
    cases = {
        "ukjent.csv": frame.assign(ekstra="x"),
        "mangler.csv": frame.drop(columns=["q05", "q19_2"]),
        "koder.csv": frame.astype(object).assign(
            q02=["7", "2;3", "ja", "3,0", " 4 "] * (len(frame) // 5) + ["1"] * (len(frame) % 5)
        ),
        "tidspunkt.csv": frame.assign(
            timepoint=["15.09.2024", "12 MND", "Inklusjon", "etter ferien"] * (len(frame) // 4)
            + ["3mnd"] * (len(frame) % 4)
        ),
        "duplikat.csv": pd.concat([frame, frame.head(2)], ignore_index=True),
        "fnr.csv": frame.astype(object).assign(
            respondent_id=[
                synthetic_identity_number(random.Random(k)) if k == 1 else f"L{k}" for k in range(len(frame))
            ]
        ),
        "tom_overskrift.csv": frame.assign(**{"": "x"}),
    }
    s = Session(browser, site_url + PAGE)
    try:
        for name, broken in cases.items():
            path = tmp_path / name
            broken.to_csv(path, index=False)
            expected = [
                line.removeprefix("feil: ")
                for line in cli("fidelity", "score", str(path), "--json").stderr.splitlines()
            ]
            assert expected, name
            shown = s.page.evaluate(
                "(a) => SelfAssess.readAnswers(a.text, a.name, SelfAssess.data()).problems.map(p => p.text)",
                {"text": path.read_text(encoding="utf-8"), "name": str(path)},
            )
            assert shown == expected, name
    finally:
        s.close()


# ----------------------------------------------------------------------------- exports and the report
def test_exports_match_the_command_line_byte_for_byte(session: Session, parity: dict, tmp_path: Path) -> None:
    session.load(parity["path"])
    plain, excel = tmp_path / "plain", tmp_path / "excel"
    assert cli("fidelity", "score", str(parity["path"]), "--out", str(plain)).returncode == 0
    assert cli("fidelity", "score", str(parity["path"]), "--out", str(excel), "--excel").returncode == 0
    assert session.download("#sa-export-results") == (plain / "team_summary.csv").read_bytes()
    session.page.check("#sa-excel")
    assert session.download("#sa-export-results") == (excel / "team_summary.csv").read_bytes()
    answers = tmp_path / "fidelitet_svar.csv"
    answers.write_bytes(session.download("#sa-export-answers"))
    again = tmp_path / "again"
    assert cli("fidelity", "score", str(answers), "--out", str(again)).returncode == 0
    assert (again / "team_summary.csv").read_bytes() == (plain / "team_summary.csv").read_bytes()


def test_the_report_draws_what_the_page_draws(browser: Any, site_url: str, tmp_path: Path) -> None:
    rows = []
    rng = random.Random(7)
    for k, timepoint in enumerate(["Inklusjon", "3 mnd", "12 MND"]):
        for person in range(4):
            scores = {i.id: rng.randint(*i.score_range()) for i in BOOK.items}
            if person == 2 and k == 1:
                scores.update({i.id: None for i in BOOK.items[10:]})  # answered 10 of 19
            rows.append(respondent(f"L{person + 1}", "Team Nord", timepoint, scores, rng))
    path = tmp_path / "svar.csv"
    pd.DataFrame(rows, columns=BOOK.raw_columns()).to_csv(path, index=False)
    out = tmp_path / "ut"
    assert cli("fidelity", "score", str(path), "--out", str(out)).returncode == 0
    page_session = Session(browser, site_url + PAGE, viewport={"width": 390, "height": 844})
    page_session.load(path)
    overview = "() => document.querySelector('#sa-overview tbody').innerText"
    profile = "() => Array.from(document.querySelectorAll('.sa-timepoint')).map(s => s.innerText)"
    in_page = (page_session.rows(), page_session.page.evaluate(overview), page_session.page.evaluate(profile))
    page_session.close()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    report = context.new_page()
    requests: list[str] = []
    report.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith("file://") else (requests.append(r.request.url), r.abort()),
    )
    report.goto((out / "fidelity_report.html").as_uri(), wait_until="load")
    report.wait_for_selector("[data-se-report][data-sa-rendered=true]")
    in_report = (report.evaluate(ROWS.replace("#sa-results ", "")), report.evaluate(overview), report.evaluate(profile))
    overflow = report.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    label = report.locator(".sa-profile th[scope=row]", has_text="19. ").first.bounding_box()
    context.close()
    assert not requests
    assert overflow <= 0 and label and label["x"] >= 0 and label["x"] + label["width"] <= 390, (overflow, label)
    assert in_report == in_page
    assert in_page[0][1]["n"] == "4" and "L3" in in_page[2][1] and "10 av 19" in in_page[2][1]


# ------------------------------------------------------------------------------------ the form
def test_a_form_filled_in_with_the_keyboard_alone(session: Session) -> None:
    page = session.page
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "sa-team":
            break
    else:
        pytest.fail("the team field cannot be reached with Tab")
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") not in ("", "none")
    page.keyboard.type("Team Sør")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the second time point
    page.keyboard.press("Tab")
    page.keyboard.type("L07")
    page.keyboard.press("Tab")  # into item 1: arrows move through its options, «Ikke besvart» first
    for _ in range(5):
        page.keyboard.press("ArrowDown")
    answered = page.evaluate("() => document.querySelector('input[name=q01]:checked').value")
    assert answered == "5"
    page.keyboard.press("Tab")  # item 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # item 3, a tick-all item: Space ticks the focused statement
    page.keyboard.press("Space")
    page.focus("#sa-save")
    page.keyboard.press("Enter")
    page.wait_for_selector("#sa-results .sa-result-row")
    status = page.inner_text("#sa-form-status")
    assert "L07" in status and "3 av 19" in status
    rows = session.rows()
    assert rows == [{"team": "Team Sør", "timepoint": BOOK.timepoints[1].id, "n": "1", "total": "", "band": ""}]
    assert page.evaluate("() => document.activeElement.id") == "sa-respondent"  # ready for the next person
    missing = page.inner_text(".sa-missing")
    assert "L07" in missing and "3 av 19" in missing


def test_nothing_is_requested_or_stored_unless_asked(browser: Any, site_url: str, parity: dict) -> None:
    s = Session(browser, site_url + PAGE)
    s.load(parity["path"])
    s.page.fill("#sa-team", "Team Øst")
    s.page.fill("#sa-respondent", "L99")
    s.page.click("#sa-save")
    s.page.locator("details.sa-team").first.evaluate("d => d.open = true")
    assert s.requests[s.loaded :] == [], "the page made requests while in use"
    # The site's theme keeps its colour mode ("theme", "mode") in localStorage on every page; nothing else may be there.
    stored = s.page.evaluate("() => [...Object.entries(localStorage), ...Object.entries(sessionStorage)]")
    assert {key for key, _ in stored} <= THEME_KEYS and not any("L99" in value for _, value in stored), stored
    assert s.page.evaluate("() => document.cookie") == ""
    s.page.check("#sa-remember")
    stored = json.loads(s.page.evaluate("() => localStorage.getItem('se-egenvurdering-svar')"))
    assert len(stored["rows"]) == len(parity["scores"]) + 1
    s.page.reload(wait_until="networkidle")
    s.page.wait_for_selector("#sa-results .sa-result-row")
    assert s.page.is_checked("#sa-remember") and len(s.rows()) == len(parity["summary"]) + 1
    s.page.uncheck("#sa-remember")
    assert set(s.page.evaluate("() => Object.keys(localStorage)")) <= THEME_KEYS
    s.close()
    assert not s.errors


def test_the_page_works_from_a_folder_on_disk(browser: Any, site_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    parity_file(seed=5, random_groups=8).to_csv(path, index=False)
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith(("file://", "data:", "blob:"))
            else (outside.append(r.request.url), r.abort())
        ),
    )
    page.goto((site_dir / PAGE).as_uri(), wait_until="load")
    page.wait_for_selector(".sa-app:not([hidden])")
    page.set_input_files("input[type=file][name=answers]", str(path))
    page.wait_for_selector("#sa-results .sa-result-row")
    assert page.locator("#sa-results .sa-result-row").count() >= 8
    context.close()
    assert not outside and not errors, (outside, errors)


def test_names_in_a_file_are_shown_as_text(session: Session, tmp_path: Path) -> None:
    frame = parity_file(seed=2, random_groups=2).astype(object)
    frame["team"] = '<img src=x onerror="alert(1)">'
    path = tmp_path / "svar.csv"
    frame.to_csv(path, index=False)
    session.load(path)
    assert session.page.locator("#sa-results img").count() == 0
    assert '<img src=x onerror="alert(1)">' in session.page.inner_text("#sa-overview")


# ------------------------------------------------------------------------- accessibility and layout
@pytest.mark.parametrize("width", [1280, 390])
def test_no_wcag_violations_empty_and_with_results(browser: Any, site_url: str, parity: dict, width: int) -> None:
    s = Session(browser, site_url + PAGE, viewport={"width": width, "height": 900})
    empty = s.axe(site_url)
    s.load(parity["path"])
    for details in s.page.locator("details.sa-team").all()[:3]:
        details.evaluate("d => d.open = true")
    s.page.locator("details.sa-full").first.evaluate("d => d.open = true")
    filled = s.axe()
    overflow = s.page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    label = s.page.locator(".sa-profile th[scope=row]", has_text="19. ").first.bounding_box()
    s.close()
    report = "\n".join(f"{v['rule']} ({v['nodes']}): {v['where']} — {v['why']}" for v in empty + filled)
    assert not empty and not filled, report
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px at {width} px"
    assert label and label["x"] >= 0 and label["x"] + label["width"] <= width, label
    assert not s.errors


def test_print_view_shows_the_results_without_the_form(session: Session, parity: dict) -> None:
    session.load(parity["path"])
    session.page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    session.page.click("#sa-print")
    assert session.page.evaluate("() => window.__printed === true")
    assert session.page.evaluate("() => Array.from(document.querySelectorAll('details.sa-team')).every(d => d.open)")
    session.page.emulate_media(media="print")
    hidden = session.page.evaluate(
        """() => ['#sa-form', '#sa-file', '#sa-export-results'].map(s => {
            const el = document.querySelector(s); return el.offsetParent === null; })"""
    )
    assert hidden == [True, True, True]
    assert session.page.locator("#sa-overview").is_visible()
