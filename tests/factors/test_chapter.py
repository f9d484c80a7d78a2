"""The chapter's glued facts: every name the prose uses exists, and each value agrees with the coded rows."""

from __future__ import annotations

import re
from collections import Counter

from analysis.core.paths import ROOT
from analysis.factors import Direction, FactorData, Level, Study, chapter_facts, readiness_checklist
from analysis.factors.chapter import headline_numbers, headline_texts
from analysis.factors.summaries import recurring_themes

CHAPTER = ROOT / "chapters" / "implementeringsfaktorer.md"


def _number(text: str) -> float:
    return float(text.replace("\u00a0", "").replace(",", "."))


def test_headline_numbers_agree_with_the_tables(data: FactorData) -> None:
    numbers = headline_numbers(data)
    assert numbers["n_factors"] == numbers["n_000"] + numbers["n_002"] + numbers["n_004"]
    assert numbers["n_barrier"] + numbers["n_facilitator"] + numbers["n_mixed"] == numbers["n_factors"]
    assert numbers["n_recurring"] == len(recurring_themes(data))
    assert numbers["n_barrier_themes_answered"] + numbers["n_barrier_themes_open"] == numbers["n_barrier_themes"]
    assert numbers["n_checklist"] == len(readiness_checklist(data))
    texts = headline_texts(data)
    assert texts["top_cell"].startswith(("fremmende", "hemmende", "blandede"))


def test_every_glue_name_in_the_chapter_is_a_fact(data: FactorData) -> None:
    used = set(re.findall(r"\{glue:text\}`([a-z0-9_]+)`", CHAPTER.read_text(encoding="utf-8")))
    facts = chapter_facts(data)
    assert used, "the chapter glues its facts"
    assert used <= set(facts), sorted(used - set(facts))
    assert all(isinstance(text, str) and text for text in facts.values())


def test_chapter_facts_agree_with_the_typed_records(data: FactorData) -> None:
    facts = chapter_facts(data)
    records = data.records()
    by_study = Counter(r.study for r in records)
    for study in Study:
        assert facts[f"if_n_{study.value}"] == str(by_study[study])
    barriers = [r for r in records if r.direction is Direction.BARRIER]
    assert _number(facts["if_n_barrier"]) == len(barriers)
    for level in (Level.SYSTEM, Level.INDIVIDUAL):
        on_level = [r for r in records if r.level is level]
        share = 100 * sum(r.direction is Direction.BARRIER for r in on_level) / len(on_level)
        assert abs(_number(facts[f"if_pct_barrier_{level.value}"]) - share) <= 0.05
    facilitators = [r for r in records if r.direction is Direction.FACILITATOR]
    share = 100 * sum(r.level is Level.INDIVIDUAL for r in facilitators) / len(facilitators)
    assert abs(_number(facts["if_pct_facilitator_individual"]) - share) <= 0.05
    assert _number(facts["if_n_quotes"]) == sum(r.quote is not None for r in records)


def test_counts_have_no_decimals_and_shares_one(data: FactorData) -> None:
    """Shares keep one decimal even when whole (69,0), so the prose never mixes 74,2 with 69."""
    facts = chapter_facts(data)
    for name in headline_numbers(data):
        text = facts[f"if_{name}"]
        if name.startswith("pct_"):
            assert re.fullmatch(r"\d+,\d", text), (name, text)
        else:
            assert re.fullmatch(r"\d+", text.replace("\u00a0", "")), (name, text)


def test_open_recurring_themes_are_recurring_and_unanswered(data: FactorData) -> None:
    named = re.findall(r"«([^»]+)»", chapter_facts(data)["if_open_recurring"])
    labels = dict(zip(data.themes["label"], data.themes["theme_id"], strict=True))
    answered = {t for ids in data.recommendations["theme_ids"] for t in ids.split(";")}
    hindering = data.factors[data.factors["direction"] != "facilitator"]
    studies = hindering.groupby("theme_id")["study"].nunique()
    assert named, "the chapter names the open themes"
    for label in named:
        theme_id = labels[label]
        assert studies[theme_id] >= 2 and theme_id not in answered, label
    # And every open theme two studies found hindering is named (T08, T23 and T27 hinder in one study only).
    unnamed = set(studies[studies >= 2].index) - answered - {labels[label] for label in named}
    assert not unnamed


def test_chapter_facts_load_the_data_themselves(data: FactorData) -> None:
    assert chapter_facts() == chapter_facts(data)
