"""The Markdown layout of a case file: front matter, level-2 sections and list items.

Plain text in, plain structures out; what the parts must contain is checked in :mod:`analysis.cases.parse`.
"""

from __future__ import annotations

import re

_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+\S")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")

FRONT_MATTER_FIRST_LINE = 2  # the file's line 1 is the opening «---»


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (yaml, body, first body line); front matter must open the file, as Jupyter Book expects."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError("filen må begynne med YAML-front matter mellom to linjer «---»")
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    raise ValueError("front matter mangler avsluttende «---»")


def split_sections(body: str) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """Split the body at level-2 headings; other headings and stray text come back as (line, message)."""
    sections: dict[str, list[str]] = {}
    stray: list[tuple[int, str]] = []
    current: str | None = None
    for number, line in enumerate(body.splitlines(), start=1):
        m = _HEADING.match(line)
        if m and len(m.group(1)) == 2:
            current = m.group(2).strip()
            if current in sections:
                stray.append((number, f"avsnittet «## {current}» står to ganger"))
            sections[current] = []
            continue
        if m:
            stray.append((number, f"overskriften «{line.strip()}» er ikke tillatt; bruk bare de fire «##»-avsnittene"))
            continue
        if current is None:
            if line.strip():
                stray.append((number, "tekst før første «##»-avsnitt"))
            continue
        sections[current].append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}, stray


def list_items(markdown: str) -> list[str]:
    """Top-level list items (numbered or bulleted) in a section, continuation lines joined."""
    items: list[str] = []
    for line in markdown.splitlines():
        if _LIST_ITEM.match(line) and not line.startswith("    "):
            items.append(re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip())
        elif items and line.strip():
            items[-1] += " " + line.strip()
    return items
