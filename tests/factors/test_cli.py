"""``python -m analysis factors check|checklist``."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from factors.coded_copies import copy_coded, edit_csv, set_cell

from analysis.cli import main
from analysis.core.errors import EXIT_BAD_INPUT, InputError
from analysis.factors.cli import register_cli


def test_command_line_checks_and_writes_the_checklist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    register_cli(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["factors", "checklist", "--out", str(tmp_path)])
    assert args.func(args) == 0
    assert (tmp_path / "klar-for-oppstart.md").is_file() and (tmp_path / "klar-for-oppstart.csv").is_file()
    broken = copy_coded(tmp_path)
    edit_csv(broken / "themes.csv", set_cell(0, "polarity", "sometimes"))
    args = parser.parse_args(["factors", "check", "--coded", str(broken)])
    with pytest.raises(InputError):
        args.func(args)


def test_the_command_is_registered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["factors", "check"]) == 0
    assert "kontrollert uten feil" in capsys.readouterr().out
    broken = copy_coded(tmp_path)
    edit_csv(broken / "implementation_factors.csv", set_cell(0, "level", "nowhere"))
    assert main(["factors", "check", "--coded", str(broken)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "feil: " in err and "rad 1, kolonne level" in err
