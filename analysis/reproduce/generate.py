"""``python -m analysis synth``: write every derived data file the book needs into data/generated/.

Synthetic SPSS files (calibrated to the published tables), the blank fidelity answer templates offered for
download, and the calibration record. Deterministic for a seed; the build calls it before the chapters run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.core.output import write_csv
from analysis.core.paths import GENERATED
from analysis.fidelity.synthetic import DEFAULT_SEED, write_fidelity
from analysis.fidelity.template import write_templates
from analysis.questionnaire.synthetic import write_candidates


def generate_all(out: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    calibration = write_fidelity(out / "fidelity_responses.sav", seed)
    write_csv(calibration.table(), out / "fidelity_calibration.csv")
    written += [out / "fidelity_responses.sav", out / "fidelity_calibration.csv"]
    write_candidates(out / "candidates.sav", seed)
    written.append(out / "candidates.sav")
    written += write_templates(out / "templates", force=True)
    return written


def _run(args: argparse.Namespace) -> int:
    for path in generate_all(Path(args.out), args.seed):
        print(path, file=sys.stderr)
    return 0


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("synth", help="lag de syntetiske SPSS-filene og svarmalene i data/generated")
    parser.add_argument("--out", default=str(GENERATED), help="mappe for filene (standard: data/generated)")
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="frø for tilfeldige tall (standard: %(default)s)"
    )
    parser.set_defaults(func=_run)
