"""Re-execute chapters when the data or the analysis code they depend on changes.

Sphinx only re-reads a page when its own source changes, and jupyter-cache only looks at the notebook's
code; neither notices an edit in data/ or analysis/. This extension fingerprints those trees (paths, sizes
and content hashes) and, when the fingerprint differs from the one stored in the build environment, marks
every executable page outdated so it is read, and so executed, again. The project's own templates, extensions
and message catalogs are watched too: Sphinx does not notice a change in a template that another one imports,
nor in a catalog.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)
WATCHED = ("data", "analysis", "book/_templates", "book/_ext", "book/_locale")
SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints"}
SKIP_SUFFIXES = {".mo"}  # compiled by Sphinx from the .po files during the build


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for top in WATCHED:
        base = root / top
        if not base.is_dir():
            continue
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            if SKIP_PARTS.intersection(path.parts) or path.suffix in SKIP_SUFFIXES:
                continue
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _is_executable(env: BuildEnvironment, docname: str) -> bool:
    path = Path(env.doc2path(docname))
    if path.suffix == ".ipynb":
        return True
    try:
        head = path.read_text(encoding="utf-8")[:600]
    except OSError:
        return False
    return "jupytext:" in head or "kernelspec:" in head


def _outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    current = fingerprint(Path(app.srcdir))
    previous = getattr(env, "se_input_fingerprint", None)
    env.se_input_fingerprint = current  # type: ignore[attr-defined]
    if previous is None or previous == current:
        return []
    pages = [d for d in env.found_docs if d not in added and d not in changed]
    logger.info("[input_hash] data/, analysis/ or the templates changed: re-reading %d pages", len(pages))
    return pages


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-get-outdated", _outdated)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1, "version": "1"}
