"""A small, valid case file for tests to break one thing at a time (tests/cases/…)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.cases import parse_case
from analysis.core.errors import InputError

GOOD_FRONT = """---
id: {id}
title: En prøvecase
age_band: 20-29
gender: uoppgitt
region_of_origin: uoppgitt
municipality_size: stor
sector: Varehandel og kundeservice
programme: IPS
euse_stages: [1, 3]
ips_principles: [rask-jobbsok]
outcome: fast_jobb
themes: [relasjon]
sources:
  - "004_55431284ded43f19.txt, 3.8.1, L909–921"
basis: kildecase
reidentification:
  draws_on: "en oppdiktet kandidat i en prøvefil"
  kept_episodes: "ingen særpregede episoder"
  why_safe: "Filen er laget for testen og bygger ikke på noen virkelig person."
facilitator_notes: >-
  Prøvefilen har ingen kilde. Notatet skal si hva kilden forteller skjedde og hvorfor, hvilke
  EUSE-trinn casen viser og hvilke faktorer den henger sammen med.
---
"""

GOOD_BODY = """
## Situasjonen

Kandidaten ville jobbe.

## Hva jobbspesialisten gjorde

- **Trinn 1.** Et første møte.

## Utfall

Fast jobb.

## Refleksjonsspørsmål

1. Hva gikk bra?
2. Hva kunne vært gjort annerledes?
"""


def write_case(folder: Path, name: str = "case-99", front: str | None = None, body: str = GOOD_BODY) -> Path:
    path = folder / f"{name}.md"
    path.write_text((front if front is not None else GOOD_FRONT.format(id=name)) + body, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        parse_case(path)
    return [str(p) for p in info.value.problems]


def line_of(path: Path, prefix: str) -> int:
    """1-based line of the first line in the file that starts with ``prefix``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, start=1) if text.startswith(prefix))
