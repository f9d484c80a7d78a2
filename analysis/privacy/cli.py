"""``python -m analysis privacy scan|hash-term``: the privacy gate from the command line.

``scan`` lists every finding (kind and place, never the value) in files or folders, by default the
repository's files, with ``--site`` the built site under its exemptions; it exits 1 when anything is found.
``hash-term`` prints the deny-list line for a term so the term itself never enters the repository.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.core.paths import ROOT
from analysis.privacy.gate import (
    DENY_LIST,
    MAX_NGRAM,
    SITE_EXEMPTIONS,
    hash_term,
    load_deny_hashes,
    normalise_term,
    repository_files,
    scan_paths,
)


def _hash_term(args: argparse.Namespace) -> int:
    normalised = normalise_term(args.term)
    if not normalised:
        print("feil: termen har ingen ord", file=sys.stderr)
        return 2
    if len(normalised.split()) > MAX_NGRAM:
        print(f"feil: termen har mer enn {MAX_NGRAM} ord og ville aldri bli funnet", file=sys.stderr)
        return 2
    line = f"{hash_term(args.term)}\t{args.category}"
    if args.add:
        if hash_term(args.term) in load_deny_hashes():
            print("finnes allerede i listen", file=sys.stderr)
        else:
            with DENY_LIST.open("a", encoding="utf-8") as fh:
                fh.write(line + "\n")
    print(line)
    return 0


def _scan(args: argparse.Namespace) -> int:
    if args.site:
        findings = scan_paths([args.site], root=args.site, exemptions=SITE_EXEMPTIONS)
    else:
        findings = scan_paths(args.paths or repository_files())
    for f in findings:
        print(f)
    print(f"{len(findings)} funn", file=sys.stderr)
    return 1 if findings else 0


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("privacy", help="personvernkontroll: let etter personopplysninger i filer")
    commands = parser.add_subparsers(dest="privacy_command", required=True, metavar="UNDERKOMMANDO")
    h = commands.add_parser("hash-term", help="skriv linjen til sperrelisten for en term (og legg den til med --add)")
    h.add_argument("term")
    h.add_argument("--category", default="unspecified", help="hva slags detalj det er (se data/privacy/README.md)")
    h.add_argument("--add", action="store_true", help=f"legg til i {DENY_LIST.relative_to(ROOT)} hvis den mangler")
    h.set_defaults(func=_hash_term)
    s = commands.add_parser("scan", help="søk gjennom filer eller mapper (standard: repositoriets filer)")
    s.add_argument("paths", nargs="*")
    s.add_argument(
        "--site",
        type=Path,
        metavar="MAPPE",
        help="søk gjennom et bygd nettsted (f.eks. _build/html) med nettstedets unntak",
    )
    s.set_defaults(func=_scan)
