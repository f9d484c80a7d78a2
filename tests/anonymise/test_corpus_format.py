"""The annotated anonymiser corpus is well formed, consistent and as large as issue 14 asks.

Parses every text under tests/anonymise/corpus/dev/ (and holdout/ when it exists) with corpus_format, and
checks what the parser cannot see on its own: no literal identifiers in the tracked files, every occurrence
of an annotated name annotated, lower-case texts really lower case, synthetic placeholder values in the test
range, the README summary current. Counts per kind are printed (run with -s to see them).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"
DEV = CORPUS / "dev"


def _import_corpus_format():
    spec = importlib.util.spec_from_file_location("corpus_format", CORPUS / "corpus_format.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_format", module)
    spec.loader.exec_module(module)
    return module


cf = _import_corpus_format()

# The dev set and every hold-out set (holdout, holdout2, …): a new set is checked as soon as it is added.
DIRECTORIES = sorted(d for d in CORPUS.iterdir() if d.is_dir() and (d.name == "dev" or d.name.startswith("holdout")))
FILES = [p for d in DIRECTORIES for p in sorted(d.glob("*.txt"))]
FILE_IDS = [f"{p.parent.name}/{p.stem}" for p in FILES]


def _load(path: Path):
    return cf.load(path, cf.synthetic_filler(seed=len(path.name)))


# -- the parser -------------------------------------------------------------------------------------------------


def _fill_marked(name: str) -> str:
    return f"<{name}>"


def test_parse_strips_markup_and_keeps_offsets():
    source = "Hei [[Amina|person:P1]], [[Vår|keep]] plan: [[NAV Gran|nav_office]]."
    plain, spans, keep = cf.parse(source, _fill_marked)
    assert plain == "Hei Amina, Vår plan: NAV Gran."
    assert [(s.text, s.kind, s.person_id) for s in spans] == [
        ("Amina", "person", "P1"),
        ("NAV Gran", "nav_office", None),
    ]
    assert [(k.text, k.kind) for k in keep] == [("Vår", "keep")]
    assert all(plain[s.start : s.end] == s.text for s in (*spans, *keep))


def test_parse_fills_each_placeholder_by_its_own_call():
    calls = []

    def fill(name: str) -> str:
        calls.append(name)
        return f"{name.lower()}{len(calls)}"

    plain, spans, _ = cf.parse("tlf [[{PHONE}|phone]] / [[{PHONE_INTL}|phone]], fnr [[{FNR}|identity_number]]", fill)
    assert calls == ["PHONE", "PHONE_INTL", "FNR"]
    assert plain == "tlf phone1 / phone_intl2, fnr fnr3"
    assert [s.text for s in spans] == ["phone1", "phone_intl2", "fnr3"]


@pytest.mark.parametrize(
    "source, message",
    [
        ("Hei [[Amina|person]]", "unknown label"),
        ("Hei [[Amina|name]]", "unknown label"),
        ("Hei [[Amina|person:X1]]", "unknown label"),
        ("Hei [[ Amina|person:P1]]", "outer spaces"),
        ("Hei [[Amina|person:P1]", "stray '[['"),
        ("Hei Amina]] og", "stray ']]'"),
        ("Hei [[Amina [[Hirsi|person:P1]]|person:P1]]", "stray"),
        ("Ring {PHONE} i dag", "outside an annotation"),
        ("Fnr [[{PHONE}|identity_number]]", "belongs in phone"),
        ("Fnr [[{SSN}|identity_number]]", "unknown placeholder"),
        ("linje én\nlinje to [[Amina|keep]] og | her", "stray '|'"),
    ],
)
def test_parse_rejects_malformed_markup(source, message):
    with pytest.raises(cf.CorpusFormatError, match=re.escape(message)):
        cf.parse(source, _fill_marked, "x.txt")


def test_error_names_the_line():
    with pytest.raises(cf.CorpusFormatError, match=r"x\.txt:3:"):
        cf.parse("a\nb\nc [[d|nonsense]]", _fill_marked, "x.txt")


def _write_pair(tmp_path: Path, text: str, meta: str) -> Path:
    (tmp_path / "01-t.txt").write_text(text, encoding="utf-8")
    (tmp_path / "01-t.yaml").write_text(meta, encoding="utf-8")
    return tmp_path / "01-t.txt"


META_OK = "genre: sms\nlower_case: false\npeople:\n  P1: {role: kandidat, background: somali}\nnotes: test\n"


def test_load_reads_text_and_metadata(tmp_path):
    text = cf.load(_write_pair(tmp_path, "Hei [[Amina|person:P1]].", META_OK), _fill_marked)
    assert text.name == "01-t" and text.plain_text == "Hei Amina." and text.people["P1"]["role"] == "kandidat"


@pytest.mark.parametrize(
    "text, meta, message",
    [
        ("Hei [[Amina|person:P2]].", META_OK, "not in the metadata"),
        ("Hei Amina.", META_OK, "never mentioned"),
        ("Hei [[Amina|person:P1]].", META_OK.replace("kandidat", "sjef"), "no known role"),
        ("Hei [[Amina|person:P1]].", META_OK.replace(", background: somali", ""), "no language background"),
        ("Hei [[Amina|person:P1]].", META_OK.replace("sms", "novel"), "genre"),
        ("Hei [[Amina|person:P1]].", META_OK.replace("lower_case: false", "lower_case: maybe"), "lower_case"),
        ("Hei [[Amina|person:P1]].", META_OK.replace("notes: test", "notes: ''"), "notes"),
    ],
)
def test_load_rejects_inconsistent_metadata(tmp_path, text, meta, message):
    with pytest.raises(cf.CorpusFormatError, match=message):
        cf.load(_write_pair(tmp_path, text, meta), _fill_marked)


# -- the synthetic filler ---------------------------------------------------------------------------------------


def _mod11_ok(number: str) -> bool:
    digits = [int(c) for c in number]
    w1, w2 = (3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    k1 = (11 - sum(a * b for a, b in zip(digits[:9], w1, strict=True)) % 11) % 11
    k2 = (11 - sum(a * b for a, b in zip(digits[:10], w2, strict=True)) % 11) % 11
    return digits[9] == k1 and digits[10] == k2


@pytest.mark.parametrize("placeholder, day_low, day_high", [("FNR", 1, 31), ("FNR_SPACED", 1, 31), ("DNR", 41, 71)])
def test_identity_numbers_are_valid_and_in_the_test_range(placeholder, day_low, day_high):
    fill = cf.synthetic_filler(seed=3)
    for _ in range(200):
        value = fill(placeholder)
        assert re.fullmatch(r"\d{6} \d{5}" if placeholder == "FNR_SPACED" else r"\d{11}", value), value
        number = value.replace(" ", "")
        assert day_low <= int(number[:2]) <= day_high and 81 <= int(number[2:4]) <= 92, value
        assert _mod11_ok(number), value


def test_account_numbers_fail_their_check_digit():
    fill = cf.synthetic_filler(seed=4)
    weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    for _ in range(200):
        value = fill("ACCOUNT")
        assert re.fullmatch(r"\d{4}\.\d{2}\.\d{5}", value), value
        digits = [int(c) for c in value.replace(".", "")]
        right = (11 - sum(a * b for a, b in zip(digits[:10], weights, strict=True)) % 11) % 11
        assert digits[10] != right, value


def test_phones_and_emails_look_real():
    fill = cf.synthetic_filler(seed=5)
    for _ in range(100):
        assert re.fullmatch(r"[49]\d{7}|[49]\d\d \d\d \d{3}|[49]\d( \d\d){3}", fill("PHONE"))
        assert re.fullmatch(r"\+47 ([49]\d{7}|[49]\d\d \d\d \d{3}|[49]\d( \d\d){3})", fill("PHONE_INTL"))
        assert re.fullmatch(r"[a-z]+\.[a-z]+\d+@[a-z]+\.(no|com)", fill("EMAIL"))


def test_same_seed_same_values():
    a, b = cf.synthetic_filler(seed=9), cf.synthetic_filler(seed=9)
    names = ["FNR", "DNR", "PHONE", "EMAIL", "ACCOUNT"] * 3
    assert [a(n) for n in names] == [b(n) for n in names]


# -- every corpus file ------------------------------------------------------------------------------------------

pytestmark_files = pytest.mark.skipif(not FILES, reason="no corpus texts yet")

# Literal identifiers that must never be in a tracked corpus file (they are written as placeholders).
LITERAL_PATTERNS = {
    "11-digit number": re.compile(r"(?<![\d.])\d{6} ?\d{5}(?![\d])"),
    "account number": re.compile(r"\b\d{4}[. ]\d{2}[. ]\d{5}\b"),
    "e-mail address": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
    "phone number": re.compile(
        r"(?:\+|\b00)47|(?<![\d.,:/-])(?:[2-9]\d{7}|[2-9]\d(?: \d{2}){3}|[2-9]\d{2} \d{2} \d{3})(?![\d])"
    ),
}


@pytestmark_files
@pytest.mark.parametrize("path", FILES, ids=FILE_IDS)
def test_no_literal_identity_numbers_phones_or_emails(path):
    for suffix in (".txt", ".yaml"):
        raw = path.with_suffix(suffix).read_text(encoding="utf-8")
        for what, pattern in LITERAL_PATTERNS.items():
            found = [(raw.count("\n", 0, m.start()) + 1, m.group(0)) for m in pattern.finditer(raw)]
            assert not found, f"{path.stem}{suffix}: literal {what} at (line, text) {found}"


@pytestmark_files
@pytest.mark.parametrize("path", FILES, ids=FILE_IDS)
def test_text_parses_and_spans_match_the_plain_text(path):
    text = _load(path)
    for span in (*text.spans, *text.keep):
        assert text.plain_text[span.start : span.end] == span.text
    assert "[[" not in text.plain_text and "]]" not in text.plain_text
    words = len(text.plain_text.split())
    assert 150 <= words <= 600, f"{path.stem}: {words} words (150–600 asked)"


# Parts of a multi-word name that are not names by themselves («Pieter van der Berg», «bin»).
PARTICLES = {
    "van",
    "der",
    "den",
    "de",
    "del",
    "la",
    "le",
    "du",
    "von",
    "al",
    "el",
    "bin",
    "binti",
    "ibn",
    "abu",
    "y",
    "da",
    "dos",
    "das",
    "di",
    "ter",
    "ten",
    "thi",
    "og",
}
# Kinds whose whole surface, once annotated, must be annotated wherever else it occurs.
WHOLE_SURFACE_KINDS = {"nav_office", "employer", "institution", "place", "origin", "street_address", "postcode_place"}


def _covered(text, start: int, end: int) -> bool:
    return any(s.start <= start and end <= s.end for s in (*text.spans, *text.keep))


def _uncovered_occurrences(text, needle: str) -> list[str]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(needle)}(?![\w])", re.IGNORECASE)
    return [m.group(0) for m in pattern.finditer(text.plain_text) if not _covered(text, m.start(), m.end())]


@pytestmark_files
@pytest.mark.parametrize("path", FILES, ids=FILE_IDS)
def test_every_occurrence_of_an_annotated_name_is_annotated(path):
    """A person's name part, or a place/employer/institution name, left unannotated elsewhere in the same text
    would count a leak as ordinary text; an ordinary use of the same word must be a keep span."""
    text = _load(path)
    needles = set()
    for span in text.spans:
        if span.kind == "person":
            needles.update(t for t in re.findall(r"[\w'’-]+", span.text) if len(t) > 1 and t.lower() not in PARTICLES)
        elif span.kind in WHOLE_SURFACE_KINDS:
            needles.add(span.text)
        if span.kind == "nav_office":  # «NAV Lillehammer-Gausdal»: «Gausdal» is a place wherever it stands
            # («NAV Eiganes og Tasta»: «og» is no place)
            needles.update(t for t in re.findall(r"[\w'’]+", span.text) if t.lower() not in ("nav", "og", "i", "på"))
        if span.kind == "postcode_place":  # «2380 Brumunddal»: so is «Brumunddal»
            needles.add(span.text.split(maxsplit=1)[-1])
    missed = {n: found for n in sorted(needles) if (found := _uncovered_occurrences(text, n))}
    assert not missed, f"{path.stem}: annotated elsewhere but not here: {missed}"


@pytestmark_files
@pytest.mark.parametrize("path", FILES, ids=FILE_IDS)
def test_one_surface_names_one_person(path):
    """Within a text the same written form never points at two people (the corpus avoids namesakes)."""
    text = _load(path)
    ids: dict[str, set[str]] = {}
    for span in text.spans:
        if span.kind == "person":
            ids.setdefault(span.text.lower(), set()).add(span.person_id)
    assert {k: v for k, v in ids.items() if len(v) > 1} == {}


@pytestmark_files
@pytest.mark.parametrize("path", FILES, ids=FILE_IDS)
def test_people_have_roles_and_the_lower_case_flag_fits(path):
    text = _load(path)
    assert text.people, f"{path.stem}: no people"
    named = [s for s in text.spans if s.kind in cf.NAME_KINDS]
    lower = sum(1 for s in named if s.text == s.text.lower())
    if text.meta["lower_case"]:
        assert lower >= 0.9 * len(named), f"{path.stem}: lower_case but only {lower}/{len(named)} names lower-case"
    else:
        assert lower <= 0.5 * len(named), f"{path.stem}: not lower_case but {lower}/{len(named)} names lower-case"


# -- the development corpus as a whole --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dev_texts():
    if not DEV.is_dir() or not any(DEV.glob("*.txt")):
        pytest.skip("no development corpus")
    return cf.load_dir(DEV, cf.synthetic_filler())


def test_dev_corpus_counts_meet_issue_14(dev_texts):
    counts = cf.kind_counts(dev_texts)
    identifiers = sum(len(t.spans) for t in dev_texts)
    print(
        f"\ndev corpus: {len(dev_texts)} texts, {identifiers} identifiers, {counts['keep']} keep spans, "
        f"{len(cf.backgrounds(dev_texts))} backgrounds"
    )
    for kind in (*cf.KIND_ORDER, "keep"):
        print(f"  {kind:16} {counts[kind]}")
    genres = Counter(t.meta["genre"] for t in dev_texts)
    lower_chats = sum(1 for t in dev_texts if t.meta["lower_case"] and t.meta["genre"] in {"chat-log", "sms"})
    roles = {p["role"] for t in dev_texts for p in t.people.values()}
    assert len(dev_texts) >= 22
    assert identifiers >= 440
    assert counts["keep"] >= 60
    assert len(cf.backgrounds(dev_texts) - {"norsk"}) >= 12
    assert lower_chats >= 4
    assert genres["follow-up-notes"] >= 4 and genres["journal-note"] >= 3 and genres["interview"] >= 3
    assert genres["e-mail"] >= 3 and genres["meeting-minutes"] >= 1 and genres["form"] >= 1
    assert genres["case-summary"] >= 1
    assert cf.ROLES - {"annen"} <= roles, f"roles missing: {sorted(cf.ROLES - {'annen'} - roles)}"
    assert all(counts[k] > 0 for k in cf.KIND_ORDER), [k for k in cf.KIND_ORDER if not counts[k]]


def test_interviews_are_turn_based(dev_texts):
    for text in dev_texts:
        if text.meta["genre"] == "interview":
            turns = re.findall(r"^(I|R)\s*:", text.plain_text, re.MULTILINE)
            assert {"I", "R"} <= set(turns) and len(turns) >= 8, f"{text.name}: {len(turns)} I:/R: turns"


def test_readme_summary_is_current(dev_texts):
    readme = (DEV / "README.md").read_text(encoding="utf-8")
    summary = cf.summary_markdown(dev_texts)
    assert summary in readme, (
        "dev/README.md is out of date: regenerate its summary with "
        "`python tests/anonymise/corpus/corpus_format.py --readme tests/anonymise/corpus/dev`"
    )


def test_identifier_spans_do_not_start_or_end_in_the_middle_of_a_word(dev_texts):
    problems = []
    for text in dev_texts:
        for span in (*text.spans, *text.keep):
            before = text.plain_text[span.start - 1 : span.start] if span.start else ""
            after = text.plain_text[span.end : span.end + 1]
            if (before.isalnum() and span.text[0].isalnum()) or (after.isalnum() and span.text[-1].isalnum()):
                problems.append((text.name, span.text, before + "|" + after))
    assert not problems, problems
