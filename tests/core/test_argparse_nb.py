"""The command line speaks Norwegian at every level, argparse's own words included."""

from __future__ import annotations

import pytest

from analysis.cli import build_parser
from analysis.core.argparse_nb import norwegian_error


def test_help_at_the_top_and_in_a_subcommand_is_norwegian(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["fidelity", "score", "--help"], ["reproduce", "--help"]):
        with pytest.raises(SystemExit) as done:
            build_parser().parse_args(argv)
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("bruk: ") and "valg:" in out and "show this help" not in out and "usage:" not in out


def test_usage_errors_are_norwegian_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["reproduce", "--bogus"])
    assert done.value.code == 2
    assert "feil: ukjente argumenter: --bogus" in capsys.readouterr().err


@pytest.mark.parametrize(
    "english, norwegian",
    [
        ("the following arguments are required: SVARFIL", "dette mangler: SVARFIL"),
        ("argument --bands: invalid choice: 'x' (choose from 'a', 'b')", "--bands: ugyldig valg 'x' (velg 'a', 'b')"),
        ("something argparse never says", "something argparse never says"),
    ],
)
def test_argparse_messages_are_translated(english: str, norwegian: str) -> None:
    assert norwegian_error(english) == norwegian
