"""The Frictionless data package: one resource per committed data file, with schema, source and licence.

``python -m analysis datapackage`` rewrites data/datapackage.json from the files present (CSV schemas are
inferred by Frictionless, then given Norwegian descriptions of their origin); the test suite checks that
the committed descriptor still matches the files and validates. The provenance page reads it too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.core.paths import CASES, DATA, ROOT, rel

DESCRIPTOR = DATA / "datapackage.json"
SKIP_DIRS = {"generated", "__pycache__"}
SKIP_NAMES = {"datapackage.json", ".gitkeep"}

PROJECT_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
SOURCE_TERMS = {
    "name": "source-terms",
    "title": "Tall gjengitt fra kildedokumentene med kildehenvisning; kildenes vilkår gjelder: artikkel 000 er "
    "publisert under CC BY-NC 4.0 (000_f6fcbf565525b510.txt, L693), de øvrige kildene oppgir ingen lisens "
    "(se LICENSE-CONTENT.md)",
}
QUOTED_LICENCE = {
    "name": "quotation",
    "title": "Sitert ordrett med kildehenvisning (åndsverkloven § 29); "
    "rettighetene til spørsmålsteksten ligger hos opphavspersonene",
}


@dataclass(frozen=True)
class Origin:
    prefix: str
    title: str
    sources: tuple[str, ...]
    quoted: bool = False


# Longest matching prefix wins. Source titles name the documents in ../shared/seeds (book/references.bib).
ORIGINS: tuple[Origin, ...] = (
    Origin("published/fidelity_", "Tabell 1 og kategorier, NORCE Rapport 1-2020", ("004_55431284ded43f19.txt",)),
    Origin("published/background_", "Tabell 2, NORCE Rapport 1-2020", ("004_55431284ded43f19.txt",)),
    Origin("published/change_3m", "Tabell 3, NORCE Rapport 1-2020", ("004_55431284ded43f19.txt",)),
    Origin("published/response_rates", "Svarprosent, NORCE Rapport 1-2020", ("004_55431284ded43f19.txt",)),
    Origin(
        "published/text_figures",
        "Tall fra rapportteksten (Wilks' Λ, p, effektstørrelse, styrkeberegning), NORCE Rapport 1-2020",
        ("004_55431284ded43f19.txt",),
    ),
    Origin(
        "published/se_evidence",
        "Publiserte effekttall for SE og IPS",
        (
            "000_f6fcbf565525b510.txt",
            "002_c49df0a3034d7db7.txt",
            "003_c2171f8d69ff8a00.txt",
            "004_55431284ded43f19.txt",
        ),
    ),
    Origin(
        "published/", "Publiserte tall fra kildedokumentene", ("003_c2171f8d69ff8a00.txt", "004_55431284ded43f19.txt")
    ),
    Origin(
        "instruments/se_fidelity_no",
        "Vedlegg 1, NORCE Rapport 1-2020 (norsk SE Fidelity Scale)",
        ("004_55431284ded43f19.txt",),
        quoted=True,
    ),
    Origin(
        "instruments/jobbmestring_no",
        "Vedlegg 2, NORCE Rapport 1-2020 (spørreskjema jobbmestring)",
        ("004_55431284ded43f19.txt",),
        quoted=True,
    ),
    Origin(
        "coded/",
        "Prosjektets koding av implementeringsfaktorer",
        ("000_f6fcbf565525b510.txt", "002_c49df0a3034d7db7.txt", "004_55431284ded43f19.txt"),
    ),
    Origin(
        "cases/",
        "Prosjektets anonymiserte casefortellinger",
        (
            "000_f6fcbf565525b510.txt",
            "001_2cb399e6877cdbe6.txt",
            "002_c49df0a3034d7db7.txt",
            "004_55431284ded43f19.txt",
        ),
    ),
    Origin("lexicon/", "Navne- og stedslister for anonymisering (se data/lexicon/README.md)", ()),
    Origin(
        "lexicon/evaluation_",
        "Anonymiseringsverktøyet målt på merkede, oppdiktede testtekster (tests/anonymise/corpus/)",
        (),
    ),
    Origin("privacy/", "Prosjektets liste over identifiserende detaljer (som SHA-256)", ()),
    Origin("", "Prosjektets egne data", ()),
)


def origin_for(relative: str) -> Origin:
    return max((o for o in ORIGINS if relative.startswith(o.prefix)), key=lambda o: len(o.prefix))


def data_files() -> list[Path]:
    files = []
    for path in sorted(DATA.rglob("*")):
        parts = set(path.relative_to(DATA).parts)
        if path.is_file() and not parts & SKIP_DIRS and path.name not in SKIP_NAMES:
            files.append(path)
    return files


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _resource_name(relative: str) -> str:
    stem = relative.rsplit(".", 1)[0]
    return "".join(c if c.isalnum() else "-" for c in stem.lower()).strip("-")


def _schema(path: Path) -> dict[str, Any]:
    from frictionless import Resource

    resource = Resource(path=str(path))
    resource.infer()
    return resource.schema.to_descriptor()


def licence_for(relative: str, origin: Origin) -> dict[str, str]:
    """Instrument wording is quoted, transcribed numbers keep their sources' terms, the rest is the project's."""
    if origin.quoted:
        return QUOTED_LICENCE
    if relative.startswith("published/"):
        return SOURCE_TERMS
    return PROJECT_LICENCE


def build_descriptor() -> dict[str, Any]:
    resources = []
    for path in data_files():
        relative = path.relative_to(DATA).as_posix()
        origin = origin_for(relative)
        resource: dict[str, Any] = {
            "name": _resource_name(relative),
            "path": relative,
            "title": origin.title,
            "format": path.suffix.lstrip(".").lower() or "txt",
            "sources": [{"title": s, "path": f"../shared/seeds/{s}"} for s in origin.sources]
            or [{"title": "Prosjektets eget arbeid"}],
            "licenses": [licence_for(relative, origin)],
        }
        if path.suffix == ".csv":
            resource["type"] = "table"
            resource["profile"] = "tabular-data-resource"
            resource["schema"] = _schema(path)
            resource["encoding"] = "utf-8"
        else:
            resource["type"] = "file"
        resources.append(resource)
    return {
        "name": "se-ips-rapport-data",
        "title": "Data bak rapportnettstedet om SE og IPS for innvandrere",
        "profile": "data-package",
        "licenses": [PROJECT_LICENCE],
        "resources": resources,
    }


def write_descriptor(path: Path = DESCRIPTOR) -> None:
    text = json.dumps(build_descriptor(), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")


def provenance_table() -> list[dict[str, Any]]:
    """Every data file the book uses, committed or generated: path, rows, SHA-256, source."""
    rows = []
    descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    titles = {r["path"]: r for r in descriptor["resources"]}
    generated = sorted(p for p in (DATA / "generated").rglob("*") if p.is_file() and not p.name.startswith("."))
    for path in [*data_files(), *generated]:
        relative = path.relative_to(DATA).as_posix()
        resource = titles.get(relative)
        rows.append(
            {
                "fil": rel(path),
                "rader": _row_count(path),
                "sha256": sha256(path)[:16],
                "kilde": resource["title"] if resource else "Generert av byggingen (python -m analysis synth)",
                "kildedokument": _source_documents(path, resource),
            }
        )
    return rows


def _source_documents(path: Path, resource: dict[str, Any] | None) -> str:
    """The seed documents a file draws on: a case's own ``sources`` in its front matter, else its resource's."""
    if path.parent == CASES and path.suffix == ".md":
        from analysis.cases.parse import parse_case

        refs = parse_case(path).meta.source_refs
        return ", ".join(dict.fromkeys(ref.file for ref in refs))
    return ", ".join(s["title"] for s in resource["sources"]) if resource else "–"


def _row_count(path: Path) -> int | str:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8") as handle:
            return max(sum(1 for _ in handle) - 1, 0)
    if path.suffix == ".sav":
        import pyreadstat

        _, meta = pyreadstat.read_sav(str(path), metadataonly=True)
        return int(meta.number_rows or 0)
    return "–"


def _run(args: argparse.Namespace) -> int:
    write_descriptor()
    print(f"wrote {rel(DESCRIPTOR)}")
    return 0


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("datapackage", help="skriv data/datapackage.json på nytt ut fra datafilene")
    parser.set_defaults(func=_run)


__all__ = ["ROOT", "build_descriptor", "data_files", "provenance_table", "write_descriptor"]
