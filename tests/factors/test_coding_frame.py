"""The coding frame: CFIR 2.0 as published, and clear, located errors for a broken copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from factors.coded_copies import copy_coded

from analysis.core.errors import InputError
from analysis.factors import FactorData, load_all, load_coding_frame


def test_coding_frame_holds_cfir_2(data: FactorData) -> None:
    domains = {d.id: d for d in data.frame.domains}
    assert list(domains) == ["innovation", "outer_setting", "inner_setting", "individuals", "implementation_process"]
    top_level = {d: [c for c in dom.constructs if not c.parent] for d, dom in domains.items()}
    # Damschroder et al. 2022: 8 innovation constructs, 7 outer, 11 inner, 9 roles + 4 characteristics, 9 process.
    assert len(top_level["innovation"]) == 8
    assert len(top_level["outer_setting"]) == 7
    assert len(top_level["inner_setting"]) == 11
    assert len(domains["individuals"].roles) == 9 and len(top_level["individuals"]) == 13
    assert len(top_level["implementation_process"]) == 9
    assert [c.id for c in data.frame.euse_stages] == ["1", "2", "3", "4", "5"]
    assert len(data.frame.ips_principles) == 8


def _broken_frame(tmp_path: Path, old: str, new: str) -> Path:
    directory = copy_coded(tmp_path)
    path = directory / "coding_frame.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return directory


def _frame_problems(directory: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_all(directory, seeds_dir=None)
    assert all(p.file.endswith("coding_frame.yaml") for p in caught.value.problems)
    return [p.message for p in caught.value.problems]


def test_bad_coding_frame_is_reported(tmp_path: Path) -> None:
    directory = _broken_frame(tmp_path, "  - id: instruction\n", "  - id: manual\n")
    assert any("levels må være" in m for m in _frame_problems(directory))


def test_unknown_key_is_refused_and_located(tmp_path: Path) -> None:
    directory = _broken_frame(tmp_path, '{id: cost, label: "Kostnad",', '{id: cost, colour: red, label: "Kostnad",')
    messages = _frame_problems(directory)
    assert any("cfir.domains[0] (innovation).constructs[7] (cost).colour" in m and "ukjent felt" in m
               for m in messages), messages


def test_sub_construct_needs_a_known_parent(tmp_path: Path) -> None:
    directory = _broken_frame(tmp_path, "parent: external_pressure,", "parent: no_such_parent,")
    messages = _frame_problems(directory)
    assert any("outer_setting" in m and "ukjent parent no_such_parent" in m for m in messages), messages


def test_construct_in_two_domains_is_refused(tmp_path: Path) -> None:
    directory = _broken_frame(tmp_path, "{id: space, label:", "{id: cost, label:")
    messages = _frame_problems(directory)
    assert any("konstruktet cost står i både innovation og inner_setting" in m for m in messages), messages


def test_missing_definition_is_located(tmp_path: Path) -> None:
    directory = _broken_frame(tmp_path, '{id: trialability, label: "Utprøvbarhet", definition:',
                              '{id: trialability, label: "Utprøvbarhet", note:')
    messages = _frame_problems(directory)
    assert any("(trialability).definition" in m and "påkrevd felt mangler" in m for m in messages), messages


def test_interplay_reference_must_have_the_documented_form(tmp_path: Path) -> None:
    directory = _broken_frame(tmp_path, "source_ref: 000_f6fcbf565525b510.txt, Drøfting, L625–629",
                              "source_ref: Drøfting i artikkelen")
    messages = _frame_problems(directory)
    assert any(m.startswith("interplay[0].source_ref") and "kildehenvisningen må ha formen" in m
               for m in messages), messages


def test_missing_frame_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_coding_frame(tmp_path / "coding_frame.yaml")
    assert [p.message for p in caught.value.problems] == ["fant ikke filen"]
