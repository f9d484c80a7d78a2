"""data/datapackage.json describes every committed data file and validates with Frictionless."""

from __future__ import annotations

import json

from frictionless import validate

from analysis.core.paths import DATA
from analysis.reproduce.datapackage import DESCRIPTOR, build_descriptor, data_files


def test_descriptor_is_current() -> None:
    committed = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    assert committed == build_descriptor(), "data/datapackage.json is stale: run `python -m analysis datapackage`"


def test_every_data_file_is_a_resource_with_source_and_licence() -> None:
    committed = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    paths = {r["path"] for r in committed["resources"]}
    assert paths == {p.relative_to(DATA).as_posix() for p in data_files()}
    for resource in committed["resources"]:
        assert resource["sources"] and resource["licenses"], resource["path"]
        if resource["path"].endswith(".csv"):
            assert resource["schema"]["fields"], resource["path"]


def test_package_validates() -> None:
    report = validate(str(DESCRIPTOR))
    problems = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    assert report.valid, problems[:10]


def test_transcribed_numbers_keep_their_sources_terms_and_the_project_licences_its_own_work() -> None:
    descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    by_path = {r["path"]: r["licenses"][0]["name"] for r in descriptor["resources"]}
    assert {by_path[p] for p in by_path if p.startswith("published/")} == {"source-terms"}
    assert {by_path[p] for p in by_path if p.startswith("instruments/")} == {"quotation"}
    assert {by_path[p] for p in by_path if p.startswith(("coded/", "cases/"))} == {"CC-BY-4.0"}


def test_each_case_lists_the_sources_its_own_front_matter_cites() -> None:
    """The provenance table names, for a case, only the seed documents in its «sources» (not every case's)."""
    import yaml

    from analysis.reproduce.datapackage import provenance_table

    rows = {r["fil"]: r["kildedokument"] for r in provenance_table() if r["fil"].startswith("data/cases/")}
    assert rows
    for path in sorted((DATA / "cases").glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        cited = {entry.split(",", 1)[0] for entry in front["sources"]}
        assert set(rows[f"data/cases/{path.name}"].split(", ")) == cited, path.name
    assert len(set(rows.values())) > 1
