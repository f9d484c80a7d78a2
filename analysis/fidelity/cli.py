"""``python -m analysis fidelity score|template``: fidelity scoring for a NAV team's own answers.

Writes nothing unless the whole input is valid, never overwrites without ``--force``, and writes through a
temporary folder so that an interrupted run leaves no half-written results. Every CSV it writes is safe to
open in a spreadsheet (:mod:`analysis.core.output`); ``--excel`` writes them for Norwegian Excel. The help
and the messages are in Norwegian, like the people who use it.
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
from analysis.core.output import check_output_folder, output_folder, write_csv
from analysis.core.rounding import round_float
from analysis.fidelity.answers import score_file
from analysis.fidelity.codebook import FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.export import csv_headers
from analysis.fidelity.scoring import BAND_SCHEMES
from analysis.fidelity.template import write_templates

OUTPUT_FILES = ("respondent_scores.csv", "team_summary.csv", "fidelity_report.html")
EXCEL_DECIMALS = 1


def _parser(sub: Any, name: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A subcommand's parser; Norwegian because the top-level parser is (argparse passes its class on)."""
    parser: argparse.ArgumentParser = sub.add_parser(name, **kwargs)
    return parser


# -------------------------------------------------------------------------------------- output
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


def excel_frame(frame: pd.DataFrame, book: FidelityCodebook, *, whole_items: bool) -> pd.DataFrame:
    """A scores or summary frame as Norwegian Excel shows it: labels for time points and bands.

    ``whole_items``: item columns hold whole scores (respondents), written without decimals.
    """
    labels = {t.id: t.label for t in book.timepoints}
    bands = {b.id: b.label for b in book.bands["modified"]}
    out = frame.copy()
    out["timepoint"] = out["timepoint"].map(lambda t: labels.get(str(t), str(t)))
    out["band"] = out["band"].map(lambda b: bands.get(str(b), str(b)) if b else "")
    if whole_items:
        for item in book.items:
            out[item.id] = out[item.id].astype("Int64")
    return out


def write_tables(
    folder: Path, scores: pd.DataFrame, summary: pd.DataFrame, book: FidelityCodebook, excel: bool
) -> None:
    """respondent_scores.csv and team_summary.csv, plain or for Norwegian Excel, formulas neutralised."""
    if excel:
        headers = csv_headers(book)
        write_csv(
            excel_frame(scores, book, whole_items=True),
            folder / "respondent_scores.csv",
            dialect="excel_nb",
            decimals=EXCEL_DECIMALS,
            headers=headers,
        )
        write_csv(
            excel_frame(summary, book, whole_items=False),
            folder / "team_summary.csv",
            dialect="excel_nb",
            decimals=EXCEL_DECIMALS,
            headers=headers,
        )
    else:
        write_csv(scores, folder / "respondent_scores.csv")
        write_csv(summary, folder / "team_summary.csv")


def _score(args: argparse.Namespace) -> int:
    book = load_fidelity_codebook()
    variants = book.check_variants(args.variant or [])
    out = Path(args.out)
    if not args.json:
        check_output_folder(out)
        existing = [name for name in OUTPUT_FILES if (out / name).exists()]
        if existing and not args.force:
            raise InputError(
                [Problem(str(out / name), "finnes allerede; bruk --force for å overskrive") for name in existing]
            )
    scored = score_file(Path(args.input), book, variants=variants, band_scheme=args.bands)
    answers, scores, summary = scored.answers, scored.scores, scored.summary
    for warning in answers.warnings:
        print(f"advarsel: {warning}", file=sys.stderr)
    if args.json:
        json.dump(as_json(scores, summary, book), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from analysis.fidelity.report import render_report

    report = render_report(Path(args.input), scored, book, variants=variants, band_scheme=args.bands)
    output_folder(out)
    try:
        with tempfile.TemporaryDirectory(dir=out, prefix=".fidelity-") as tmp:
            staging = Path(tmp)
            write_tables(staging, scores, summary, book, args.excel)
            (staging / "fidelity_report.html").write_text(report, encoding="utf-8")
            for name in OUTPUT_FILES:
                shutil.move(str(staging / name), out / name)
    except OSError as exc:
        raise InputError([Problem(str(out), f"kunne ikke skrive resultatene ({exc.strerror or exc})")]) from None
    kind = " for norsk Excel" if args.excel else ""
    print(f"Skrev {', '.join(OUTPUT_FILES)}{kind} til {out}", file=sys.stderr)
    return 0


def _template(args: argparse.Namespace) -> int:
    written = write_templates(Path(args.out), force=args.force)
    for path in written:
        print(path)
    return 0


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = _parser(
        sub,
        "fidelity",
        help="skår svar på fidelitetsskalaen, eller lag en tom svarmal",
        description="Fidelitetsskalaen (SE Fidelity Scale, norsk utgave med 19 spørsmål): skår et teams svar "
        "eller lag en tom svarmal.",
    )
    commands = parser.add_subparsers(dest="fidelity_command", required=True, metavar="KOMMANDO", title="kommandoer")
    score = _parser(
        commands,
        "score",
        help="skår en svarfil (.csv, .xlsx eller .sav)",
        description="Leser og kontrollerer en svarfil i svarmalens format og skriver respondent_scores.csv, "
        "team_summary.csv og fidelity_report.html. Er noe galt i filen, skrives ingenting, og hvert problem "
        "står på én linje med rad og kolonne. Måletidspunkt kan skrives som i kodeboken (inklusjon, 3mnd, "
        "12mnd, 18mnd) eller som etikettene (Inklusjon, 3 mnd …), med store eller små bokstaver.",
    )
    score.add_argument("input", metavar="SVARFIL", help="svarfil i svarmalens format (.csv, .xlsx eller .sav)")
    score.add_argument(
        "--out", default="fidelity-output", metavar="MAPPE", help="mappe for resultatene (standard: ./fidelity-output)"
    )
    score.add_argument("--force", action="store_true", help="skriv over resultater som finnes fra før")
    score.add_argument(
        "--json",
        action="store_true",
        help="skriv team- og respondentresultater som JSON til skjermen i stedet for filer",
    )
    score.add_argument(
        "--excel",
        action="store_true",
        help="skriv CSV-filene for norsk Excel: semikolon, desimalkomma, norske kolonnenavn, én desimal",
    )
    score.add_argument(
        "--variant",
        action="append",
        metavar="NAVN",
        help="alternativ skåringsregel fra kodeboken (kan gjentas), for eksempel floor_one",
    )
    score.add_argument(
        "--bands",
        choices=BAND_SCHEMES,
        default="modified",
        help="kategorigrenser: som i rapporten (modified, standard) eller proporsjonalt omregnet (proportional)",
    )
    score.set_defaults(func=_score)
    template = _parser(
        commands,
        "template",
        help="lag tomme svarmaler (.csv og .xlsx)",
        description="Skriver fidelitet_svarmal.csv og fidelitet_svarmal.xlsx med kolonnene kodeboken krever og "
        "en forklarende andre rad.",
    )
    template.add_argument("--out", default=".", metavar="MAPPE", help="mappe for svarmalene (standard: .)")
    template.add_argument("--force", action="store_true", help="skriv over svarmaler som finnes fra før")
    template.set_defaults(func=_template)
