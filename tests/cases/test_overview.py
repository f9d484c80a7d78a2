"""Tables and counts over the case set, checked on a hand-made folder and on the real one."""

from __future__ import annotations

from pathlib import Path

from fake_cases import GOOD_FRONT, write_case

from analysis.cases import Case, case_overview, case_set_facts, load_cases
from analysis.cases.overview import is_failure_case, source_group, stage_outcome_counts
from analysis.cases.vocabulary import BASIS_LABELS

NORCE_FAILURE = '"004_55431284ded43f19.txt, 3.8.1, L909–921"'
NORCE_OTHER = '"004_55431284ded43f19.txt, 3.5.2, L744–760"'
THESIS = '"002_c49df0a3034d7db7.txt, 5.3.1.1, L3561–3632"'
PILOT = '"001_2cb399e6877cdbe6.txt, Sammendrag, L35"'


def front(
    case_id: str, *sources: str, basis: str = "felles_trekk", stages: str = "[1, 3]", outcome: str = "fast_jobb"
) -> str:
    text = GOOD_FRONT.format(id=case_id).replace(f"  - {NORCE_FAILURE}", "\n".join(f"  - {s}" for s in sources))
    text = text.replace("euse_stages: [1, 3]", f"euse_stages: {stages}")
    text = text.replace("outcome: fast_jobb", f"outcome: {outcome}")
    return text.replace("basis: kildecase", f"basis: {basis}")


def small_set(folder: Path) -> list[Case]:
    """Five cases: one NORCE failure case retold, one other NORCE case built on one course, two thesis cases
    of shared traits, one mixed pilot/thesis case of patterns."""
    write_case(
        folder, "case-01", front("case-01", NORCE_FAILURE, basis="kildecase", stages="[4, 5]", outcome="avbrutt")
    )
    write_case(folder, "case-02", front("case-02", NORCE_OTHER, basis="hovedforlop"))
    write_case(folder, "case-03", front("case-03", THESIS, stages="[2]"))
    write_case(folder, "case-04", front("case-04", THESIS))
    write_case(folder, "case-05", front("case-05", PILOT, THESIS, basis="monstre", stages="[3]"))
    return load_cases(folder)


def test_source_groups_and_failure_cases(tmp_path: Path) -> None:
    cases = small_set(tmp_path)
    assert [source_group(c) for c in cases] == ["norce", "norce", "thesis", "thesis", "mixed"]
    assert [is_failure_case(c) for c in cases] == [True, False, False, False, False]


def test_case_set_facts_count_a_hand_made_set(tmp_path: Path) -> None:
    facts = case_set_facts(small_set(tmp_path))
    assert facts["cases_n"] == 5
    bases = ("kildecase", "hovedforlop", "felles_trekk", "monstre")
    assert [facts[f"cases_basis_{b}"] for b in bases] == [1, 1, 2, 1]
    assert (facts["cases_one_person"], facts["cases_failure"]) == (2, 1)
    assert (facts["cases_norce"], facts["cases_thesis"], facts["cases_pilot"]) == (2, 2, 0)
    # All five share every context attribute: one class of five, already k = 5 ≥ 2, nothing to coarsen.
    assert (facts["qi_n"], facts["k_published"], facts["k_classes"], facts["k_unique"]) == (5, 5, 1, 0)
    assert (facts["k_target"], facts["k_generalised"], facts["k_steps"], facts["k_suppressed"]) == (2, 5, 0, 0)


def test_stage_outcome_counts_count_each_stage_of_each_case(tmp_path: Path) -> None:
    counts = stage_outcome_counts(small_set(tmp_path))
    as_dict = {(r[0], r[2]): r[3] for r in counts.itertuples(index=False)}
    assert as_dict == {
        (1, "Fast jobb"): 2,
        (2, "Fast jobb"): 1,
        (3, "Fast jobb"): 3,
        (4, "Avbrutt eller skrevet ut"): 1,
        (5, "Avbrutt eller skrevet ut"): 1,
    }


def test_case_overview_has_one_row_per_case(cases: list[Case]) -> None:
    frame = case_overview(cases)
    assert list(frame.columns) == ["id", "title", "programme", "stages", "outcome", "themes", "basis"]
    assert frame["id"].tolist() == [c.id for c in cases]
    assert frame["basis"].tolist() == [BASIS_LABELS[c.meta.basis] for c in cases]
    assert case_overview().shape == frame.shape  # default: the project's own case folder
    counts = stage_outcome_counts(cases)
    assert counts["antall caser"].sum() == sum(len(c.meta.euse_stages) for c in cases)
