"""Offer every executable page as an executed Jupyter notebook (.ipynb) for download.

NAV staff reuse chapters in their own Jupyter. The notebook they get is converted from the page's MyST source
with jupytext and executed with nbconvert at build time, so it opens with all outputs in place and runs
as-is inside a clone of the repository. Conversion and execution start when the builder starts and run in
worker threads (each in its own kernel process) while Sphinx reads the pages, so they cost little wall time.
Results are cached under _build/notebooks, keyed by the page source and the data/analysis fingerprint.
The theme's download menu already knows an ``ipynb_source`` context entry; this extension fills it.
"""

from __future__ import annotations

import hashlib
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from input_hash import fingerprint
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)
_jobs: dict[str, Future[Path]] = {}
_pool: ThreadPoolExecutor | None = None


def _executable_sources(srcdir: Path) -> list[Path]:
    pages = []
    for folder in ("chapters", "book"):
        for path in sorted((srcdir / folder).glob("*.md")):
            head = path.read_text(encoding="utf-8")[:600]
            if "jupytext:" in head and "kernelspec:" in head:
                pages.append(path)
    return pages


def _execute(source: Path, target: Path, key: str, timeout: int) -> Path:
    import jupytext
    import nbformat
    from nbconvert.preprocessors import ExecutePreprocessor

    stamp = target.with_suffix(".key")
    if target.is_file() and stamp.is_file() and stamp.read_text() == key:
        return target
    notebook = jupytext.read(source)
    notebook.metadata.pop("jupytext", None)
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    ExecutePreprocessor(timeout=timeout, kernel_name="python3").preprocess(
        notebook, {"metadata": {"path": str(source.parent)}}
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    nbformat.write(notebook, tmp)
    tmp.replace(target)
    stamp.write_text(key)
    return target


def _start(app: Sphinx) -> None:
    global _pool
    if app.builder.format != "html":
        return
    srcdir = Path(app.srcdir)
    cache = Path(app.outdir).parent / "notebooks"
    data_key = fingerprint(srcdir)
    timeout = int(getattr(app.config, "nb_execution_timeout", 600) or 600)
    _pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="nbconvert")
    for source in _executable_sources(srcdir):
        rel = source.relative_to(srcdir).with_suffix(".ipynb")
        key = hashlib.sha256(source.read_bytes() + data_key.encode()).hexdigest()
        _jobs[rel.with_suffix("").as_posix()] = _pool.submit(_execute, source, cache / rel, key, timeout)


def _context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if pagename in _jobs:
        context["ipynb_source"] = f"{pagename}.ipynb"


def _finish(app: Sphinx, exception: Exception | None) -> None:
    global _pool
    if _pool is None:
        return
    failures = []
    for docname, job in sorted(_jobs.items()):
        try:
            notebook = job.result()
        except Exception as exc:  # the chapter itself failed to run: the build must fail
            failures.append(f"{docname}: {type(exc).__name__}: {str(exc)[-800:]}")
            continue
        if exception is None:
            dest = Path(app.outdir) / "_sources" / f"{docname}.ipynb"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(notebook, dest)
    _pool.shutdown()
    _pool = None
    _jobs.clear()
    if failures and exception is None:
        raise ExtensionError("executing the downloadable notebooks failed:\n" + "\n".join(failures))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _start)
    app.connect("html-page-context", _context, priority=400)
    app.connect("build-finished", _finish)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
