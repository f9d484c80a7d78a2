"""Executed notebooks offered for download, and the cache invalidation that keeps chapters current."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXECUTABLE = sorted(
    p.relative_to(ROOT).with_suffix("").as_posix()
    for folder in ("chapters", "book")
    for p in (ROOT / folder).glob("*.md")
    if "kernelspec:" in p.read_text(encoding="utf-8")[:600]
)


def _input_hash_module():
    spec = importlib.util.spec_from_file_location("input_hash", ROOT / "book" / "_ext" / "input_hash.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["input_hash"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.site
@pytest.mark.parametrize("docname", EXECUTABLE)
def test_each_executable_page_offers_its_executed_notebook(site_dir: Path, docname: str) -> None:
    notebook = site_dir / "_sources" / f"{docname}.ipynb"
    assert notebook.is_file(), f"{notebook} missing"
    data = json.loads(notebook.read_text(encoding="utf-8"))
    code = [c for c in data["cells"] if c["cell_type"] == "code"]
    assert code and all(c.get("execution_count") for c in code), "notebook is not executed"
    assert any(c.get("outputs") for c in code), "executed notebook has no outputs"
    assert data["metadata"]["kernelspec"]["name"] == "python3"
    page = (site_dir / f"{docname}.html").read_text(encoding="utf-8")
    assert re.search(rf'href="[./]*_sources/{re.escape(docname)}\.ipynb"', page), "page has no .ipynb download link"


def test_fingerprint_changes_when_data_or_analysis_change(tmp_path: Path) -> None:
    fingerprint = _input_hash_module().fingerprint
    (tmp_path / "data").mkdir()
    (tmp_path / "analysis").mkdir()
    (tmp_path / "data" / "a.csv").write_text("x\n1\n")
    (tmp_path / "analysis" / "m.py").write_text("X = 1\n")
    first = fingerprint(tmp_path)
    assert fingerprint(tmp_path) == first
    (tmp_path / "data" / "a.csv").write_text("x\n2\n")
    second = fingerprint(tmp_path)
    assert second != first
    (tmp_path / "analysis" / "m.py").write_text("X = 2\n")
    third = fingerprint(tmp_path)
    assert third != second
    (tmp_path / "analysis" / "__pycache__").mkdir()
    (tmp_path / "analysis" / "__pycache__" / "m.pyc").write_bytes(b"\0")
    assert fingerprint(tmp_path) == third, "byte-code caches must not trigger re-execution"
