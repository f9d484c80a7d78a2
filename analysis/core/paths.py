"""Where the project's files are, wherever the code is run from.

Chapters run with their own folder as working directory, downloaded notebooks may run from anywhere
inside a clone, and tests run from the root; all of them resolve paths through this module.
"""

from __future__ import annotations

import os
from pathlib import Path

_MARKER = "datapackage.json"


def project_root() -> Path:
    """Return the repository root: ``SE_IPS_ROOT`` if set, else the first parent holding data/datapackage.json."""
    env = os.environ.get("SE_IPS_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve().parents[2]  # analysis/core/paths.py → the repository root
    for candidate in (Path.cwd().resolve(), *Path.cwd().resolve().parents, here):
        if (
            (candidate / "data" / _MARKER).is_file()
            or (candidate / "pyproject.toml").is_file()
            and (candidate / "analysis").is_dir()
        ):
            return candidate
    return here


ROOT = project_root()
DATA = ROOT / "data"
PUBLISHED = DATA / "published"
INSTRUMENTS = DATA / "instruments"
CODED = DATA / "coded"
CASES = DATA / "cases"
GENERATED = DATA / "generated"


def rel(path: Path | str) -> str:
    """Path relative to the project root with forward slashes, for provenance lines and reports."""
    p = Path(path).resolve()
    try:
        return p.relative_to(ROOT).as_posix()
    except ValueError:
        return p.as_posix()
