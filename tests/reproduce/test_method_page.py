"""The «Metode og kilder» page: the design numbers a data file holds are glued, and they are the chapters' numbers."""

from __future__ import annotations

from chapter_glue import glue_names, glued_in_cells

from analysis.fidelity import chapter as fidelity_chapter
from analysis.questionnaire import chapter as questionnaire_chapter
from analysis.reproduce.method import method_facts

PAGE = "book/metode.md"


def test_every_glue_name_on_the_page_is_provided() -> None:
    used = glue_names(PAGE)
    assert used, "the page glues the numbers a data file holds"
    assert not glued_in_cells(PAGE)
    assert used <= set(method_facts()), sorted(used - set(method_facts()))


def test_numbers_are_the_chapters_numbers() -> None:
    facts = method_facts()
    fidelity = fidelity_chapter.scale_facts(fidelity_chapter.load())
    assert (facts["metode_n-timepoints"], facts["metode_max-per-team"]) == (
        fidelity["n-timepoints"],
        fidelity["max-per-team"],
    )
    rates = questionnaire_chapter.response_facts(questionnaire_chapter.load())
    assert (facts["metode_all-sent"], facts["metode_all-answered"]) == (rates["all-sent"], rates["all-answered"])
    # 004, L386 and Tabell 2 (L1123): 82 job seekers signed up, 43 answered at inclusion.
    assert (facts["metode_all-sent"], facts["metode_all-answered"]) == ("82", "43")


def test_small_design_counts_read_as_words_and_are_the_chapters_numbers() -> None:
    # Review E 7: «ved fire måletidspunkter», «opptil fem respondenter» – words in running text, same numbers.
    words = "ingen én to tre fire fem seks sju åtte ni ti elleve tolv".split()
    facts = method_facts()
    fidelity = fidelity_chapter.scale_facts(fidelity_chapter.load())
    used = glue_names(PAGE)
    for key in ("n-timepoints", "max-per-team"):
        assert f"metode_{key}-word" in used and f"metode_{key}" not in used, key
        word = facts[f"metode_{key}-word"]
        number = int(fidelity[key])
        assert (words.index(word) if word in words else int(word)) == number, (key, word, number)
