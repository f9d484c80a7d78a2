"""``python -m analysis fidelity score|template``: fidelity scoring for a NAV team's own answers.

Writes nothing unless the whole input is valid, never overwrites without ``--force``, and writes through a
temporary folder so that an interrupted run leaves no half-written results.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.core.errors import InputError, Problem
from analysis.core.rounding import round_float
from analysis.fidelity.answers import score_file
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.scoring import BAND_SCHEMES
from analysis.fidelity.template import write_templates

OUTPUT_FILES = ("respondent_scores.csv", "team_summary.csv", "fidelity_report.html")


def _number(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return round_float(value, 4) if isinstance(value, float) else value


def as_json(scores: pd.DataFrame, summary: pd.DataFrame, book: FidelityCodebook) -> dict[str, Any]:
    """The documented --json shape: teams with item means, respondents with totals (never identity data)."""
    items = [i.id for i in book.items]
    teams = [
        {
            "team": _number(row["team"]),
            "timepoint": str(row["timepoint"]),
            "n": int(row["n"]),
            "items": {i: _number(row[i]) for i in items},
            "total": _number(row["total"]),
            "band": row["band"] or None,
        }
        for _, row in summary.iterrows()
    ]
    respondents = [
        {
            "respondent_id": str(row["respondent_id"]),
            "team": _number(row["team"]),
            "timepoint": str(row["timepoint"]),
            "total": _number(row["total"]),
            "items_answered": int(row["items_answered"]),
            "band": row["band"] or None,
        }
        for _, row in scores.iterrows()
    ]
    return {"teams": teams, "respondents": respondents}


def _report(input_path: Path, summary: pd.DataFrame, book: FidelityCodebook, warnings: list[str]) -> str:
    from analysis.fidelity.report import render_report

    return render_report(input_path, summary, book, warnings)


def _score(args: argparse.Namespace) -> int:
    book = load_fidelity_codebook()
    variants = book.check_variants(args.variant or [])
    scored = score_file(Path(args.input), book, variants=variants, band_scheme=args.bands)
    answers, scores, summary = scored.answers, scored.scores, scored.summary
    for warning in answers.warnings:
        print(f"advarsel: {warning}", file=sys.stderr)
    if args.json:
        json.dump(as_json(scores, summary, book), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    out = Path(args.out)
    existing = [name for name in OUTPUT_FILES if (out / name).exists()]
    if existing and not args.force:
        raise InputError(
            [Problem(str(out / name), "finnes allerede; bruk --force for å overskrive") for name in existing]
        )
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out, prefix=".fidelity-") as tmp:
        staging = Path(tmp)
        scores.to_csv(staging / "respondent_scores.csv", index=False)
        summary.to_csv(staging / "team_summary.csv", index=False)
        (staging / "fidelity_report.html").write_text(
            _report(Path(args.input), summary, book, answers.warnings), encoding="utf-8"
        )
        for name in OUTPUT_FILES:
            shutil.move(str(staging / name), out / name)
    print(f"Skrev {', '.join(OUTPUT_FILES)} til {out}", file=sys.stderr)
    return 0


def _template(args: argparse.Namespace) -> int:
    written = write_templates(Path(args.out), force=args.force)
    for path in written:
        print(path)
    return 0


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("fidelity", help="score SE fidelity answers or write a blank answer template")
    commands = parser.add_subparsers(dest="fidelity_command", required=True, metavar="SUBCOMMAND")
    score = commands.add_parser("score", help="score an answer file (.csv, .xlsx or .sav)")
    score.add_argument("input", metavar="INPUT", help="answer file in the raw format of the codebook")
    score.add_argument("--out", default="fidelity-output", help="output folder (default: ./fidelity-output)")
    score.add_argument("--force", action="store_true", help="overwrite existing output files")
    score.add_argument("--json", action="store_true", help="print team and respondent results as JSON, write no files")
    score.add_argument(
        "--variant",
        action="append",
        metavar="NAME",
        help="alternative scoring rule from the codebook (repeatable), e.g. all_six_capped",
    )
    score.add_argument(
        "--bands",
        choices=BAND_SCHEMES,
        default="modified",
        help="band cut-offs: as published (original minus 30) or proportionally rescaled",
    )
    score.set_defaults(func=_score)
    template = commands.add_parser("template", help="write blank answer templates (.csv and .xlsx)")
    template.add_argument("--out", default=".", help="folder for the templates")
    template.add_argument("--force", action="store_true", help="overwrite existing templates")
    template.set_defaults(func=_template)
