"""Reading case files: :func:`parse_case` for one file, :func:`load_cases` for the folder ``data/cases``.

A case file is Markdown with YAML front matter (:mod:`analysis.cases.markdown`). Every problem in a file is
collected, front matter, sections and privacy findings alike, and raised together as one
:class:`analysis.core.errors.InputError` whose problems name the file, the line and the field, so a writer
can fix a file in one pass. Files are read through :mod:`analysis.core.files` and front-matter errors are
worded by :mod:`analysis.core.validation`, as every other reader in the project does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from analysis.cases.markdown import FRONT_MATTER_FIRST_LINE, list_items, split_front_matter, split_sections
from analysis.cases.model import Case, CaseMeta
from analysis.cases.privacy_checks import privacy_findings
from analysis.cases.vocabulary import MIN_REFLECTION_QUESTIONS, REQUIRED_SECTIONS
from analysis.core.errors import InputError, Problem
from analysis.core.files import read_text, shown_name
from analysis.core.paths import CASES
from analysis.core.validation import parse_yaml, problems_from


def front_matter_line(yaml_text: str, loc: Sequence[Any]) -> int | None:
    """File line where the field at ``loc`` is written: the top-level key, or a key nested under it.

    ``loc`` is a pydantic error location such as ``("reidentification", "why_safe")``; list positions are
    ignored (a list is written on its key's line or just below it). None when the key is not in the file.
    """
    keys = [str(k) for k in loc if isinstance(k, str)]
    if not keys:
        return None
    lines = yaml_text.splitlines()
    top = next((i for i, line in enumerate(lines) if re.match(rf"^{re.escape(keys[0])}\s*:", line)), None)
    if top is None:
        return None
    found = top
    if len(keys) > 1:
        for i in range(top + 1, len(lines)):
            if lines[i] and not lines[i][0].isspace():
                break  # the next top-level key: the nested key is not written
            if re.match(rf"^\s+{re.escape(keys[1])}\s*:", lines[i]):
                found = i
                break
    return found + FRONT_MATTER_FIRST_LINE


def _section_problems(file: str, sections: dict[str, str]) -> list[Problem]:
    problems = [
        Problem(file, f"avsnittet «## {name}» mangler eller er tomt", column=name)
        for name in REQUIRED_SECTIONS
        if not sections.get(name)
    ]
    extra = [s for s in sections if s not in REQUIRED_SECTIONS]
    if extra:
        problems.append(Problem(file, f"ukjente avsnitt: {', '.join(extra)}; tillatt: {', '.join(REQUIRED_SECTIONS)}"))
    order = [s for s in sections if s in REQUIRED_SECTIONS]
    if order != [s for s in REQUIRED_SECTIONS if s in sections]:
        problems.append(Problem(file, f"avsnittene må komme i rekkefølgen {', '.join(REQUIRED_SECTIONS)}"))
    reflection = sections.get("Refleksjonsspørsmål")
    questions = list_items(reflection or "")
    if reflection and len(questions) < MIN_REFLECTION_QUESTIONS:
        problems.append(
            Problem(
                file,
                f"minst {MIN_REFLECTION_QUESTIONS} refleksjonsspørsmål som liste, fant {len(questions)}",
                column="Refleksjonsspørsmål",
            )
        )
    return problems


def parse_case(path: Path, text: str | None = None) -> Case:
    """Parse and validate one case file; every problem found is raised together."""
    path = Path(path)
    file = shown_name(path)
    text = read_text(path) if text is None else text
    try:
        yaml_text, body, body_line = split_front_matter(text)
    except ValueError as exc:
        raise InputError([Problem(file, f"ugyldig front matter: {exc}", row=1)]) from None
    # A blank line in front keeps YAML's line numbers equal to the file's (the front matter starts on line 2).
    raw = parse_yaml("\n" * (FRONT_MATTER_FIRST_LINE - 1) + yaml_text, file, what="front matter")
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise InputError([Problem(file, "front matter må være en YAML-tabell med nøkler og verdier", row=1)])

    problems: list[Problem] = []
    meta: CaseMeta | None = None
    try:
        meta = CaseMeta.model_validate(raw)
    except ValidationError as exc:
        problems += problems_from(exc, raw, file, row_of=lambda loc: front_matter_line(yaml_text, loc))
    if meta is not None and meta.id != path.stem:
        problems.append(
            Problem(
                file,
                f"id «{meta.id}» må være lik filnavnet «{path.stem}»",
                row=front_matter_line(yaml_text, ("id",)),
                column="id",
            )
        )

    sections, stray = split_sections(body)
    problems += [Problem(file, message, row=body_line + offset - 1) for offset, message in stray]
    problems += _section_problems(file, sections)
    problems += [Problem(file, finding.message, row=finding.line) for finding in privacy_findings(text)]
    if problems:
        raise InputError(problems)
    assert meta is not None
    return Case(meta=meta, sections={k: sections[k] for k in REQUIRED_SECTIONS}, path=path)


def load_cases(directory: Path | str = CASES) -> list[Case]:
    """All cases in a folder, sorted by id; problems in every file are reported in one InputError."""
    directory = Path(directory)
    files = sorted(directory.glob("*.md"))
    if not files:
        raise InputError([Problem(shown_name(directory), "fant ingen casefiler (*.md)")])
    cases: list[Case] = []
    problems: list[Problem] = []
    for f in files:
        try:
            cases.append(parse_case(f))
        except InputError as exc:
            problems += exc.problems
    seen = Counter(c.id for c in cases)
    problems += [
        Problem(shown_name(directory), f"id «{i}» brukes av flere filer", column="id") for i, n in seen.items() if n > 1
    ]
    if problems:
        raise InputError(problems)
    return sorted(cases, key=lambda c: c.id)
