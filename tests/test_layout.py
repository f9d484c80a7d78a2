"""The shape the design asks for, checked: small modules, thin chapters, documented packages, mirrored tests.

ruff, mypy and import-linter (run by `make lint`) check style, types and the direction of imports; these
tests check the rest of DESIGN.md's rules that a linter does not know about.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ANALYSIS = ROOT / "analysis"
MAX_MODULE_LINES = 400
MAX_CELL_LINES = 15
PACKAGES = sorted(p.parent for p in ANALYSIS.glob("*/__init__.py"))
PAGES = sorted([*(ROOT / "chapters").glob("*.md"), *(ROOT / "book").glob("*.md")])


def _code_cells(page: Path) -> list[tuple[int, list[str]]]:
    text = page.read_text(encoding="utf-8")
    cells = []
    for match in re.finditer(r"^```\{code-cell\}[^\n]*\n(.*?)^```", text, re.S | re.M):
        lines = [line for line in match.group(1).splitlines() if not re.match(r"^:\w[\w-]*:", line)]
        while lines and not lines[0].strip():
            lines.pop(0)
        cells.append((text[: match.start()].count("\n") + 1, lines))
    return cells


@pytest.mark.parametrize("module", sorted(ANALYSIS.rglob("*.py")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_is_over_400_lines(module: Path) -> None:
    n = len(module.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_MODULE_LINES, f"{module.relative_to(ROOT)} has {n} lines; split it by what it holds"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_code_cell_is_over_15_lines(page: Path) -> None:
    long = [(line, len(body)) for line, body in _code_cells(page) if len(body) > MAX_CELL_LINES]
    assert not long, f"{page.relative_to(ROOT)}: cells over {MAX_CELL_LINES} lines at {long}; move logic to analysis/"


def test_cell_counter_counts_the_code_not_the_options() -> None:
    page = ROOT / "chapters" / "fidelitet.md"
    cells = _code_cells(page)
    assert cells and all(not body or not body[0].startswith(":tags:") for _, body in cells)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.name)
def test_every_package_says_what_it_holds(package: Path) -> None:
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
    assert doc and len(doc.split()) >= 12, f"analysis/{package.name}/__init__.py needs a docstring mapping the package"


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.name)
def test_tests_mirror_the_packages(package: Path) -> None:
    folder = ROOT / "tests" / package.name
    assert folder.is_dir() and any(folder.glob("test_*.py")), f"tests/{package.name}/ is missing"


def test_nothing_in_analysis_reads_the_build_output_or_imports_chapters() -> None:
    offenders = []
    for module in ANALYSIS.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        if re.search(r"""["']_build["'/]|^\s*(?:import|from) chapters\b""", text, re.M):
            offenders.append(module.relative_to(ROOT).as_posix())
    assert not offenders, f"analysis/ must not read _build/ or import chapters/: {offenders}"
