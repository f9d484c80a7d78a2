"""The implementation-factor review: coded factors from three studies, checked, summarised and turned into a
readiness checklist.

Data (all in ``data/coded``):

* ``coding_frame.yaml`` – every code a row may use: the five levels of the 000 article, CFIR 2.0 domains and
  constructs, the EUSE stages and the IPS principles.
* ``implementation_factors.csv`` – one row per factor per study, with its source reference.
* ``themes.csv`` – names the underlying factor a row belongs to, so the same factor can be followed across
  studies, and holds the readiness question a barrier theme turns into.
* ``recommendations.csv`` – the recommendations of the 004 report and the themes they answer.

Why so many checks: the chapter's counts, heatmap and checklist are only as good as the coding, and a coding
slip (a construct filed under the wrong domain, a line reference past the end of a document, a quotation that
is not in the source) is invisible in a table. Every problem is collected with file, row and column and
raised together as one :class:`InputError`, so a coder can fix a file in one pass.

What «consistent theme» means here (checked by :func:`theme_problems`):

1. *Levels.* Each theme declares the levels its rows may have. The declared levels are either one level,
   two neighbouring levels on the ladder system – organisation – group – individual, or «instruction» on
   its own; every row of the theme must use a declared level. Two studies may place the same factor one
   step apart (a caseload can be an office decision or a team routine), but a theme spanning the whole
   ladder would be two factors under one name.
2. *Direction.* A theme is «one-sided» or «two-sided». In a one-sided theme no row may be a facilitator
   while another is a barrier (mixed rows are allowed with either). A two-sided theme is one whose factor
   helps where it is present and hinders where it is missing (leadership anchoring, employer contact), so
   facilitator and barrier rows may both occur.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis.core.errors import InputError, Problem
from analysis.core.paths import CODED, GENERATED, rel
from analysis.core.rounding import round_float
from analysis.core.sources import (
    SOURCE_DOCUMENTS,
    SourceRef,
    check_source_ref,
    parse_source_ref,
    quote_in_source,
    seeds_directory,
)
from analysis.privacy.gate import load_deny_hashes, scan_text


class Study(StrEnum):
    S000 = "000"
    S002 = "002"
    S004 = "004"


class Level(StrEnum):
    SYSTEM = "system"
    ORGANISATION = "organisation"
    GROUP = "group"
    INDIVIDUAL = "individual"
    INSTRUCTION = "instruction"


class Direction(StrEnum):
    FACILITATOR = "facilitator"
    BARRIER = "barrier"
    MIXED = "mixed"


class Polarity(StrEnum):
    ONE_SIDED = "one-sided"
    TWO_SIDED = "two-sided"


LADDER: tuple[Level, ...] = (Level.SYSTEM, Level.ORGANISATION, Level.GROUP, Level.INDIVIDUAL)
LEVEL_ORDER: dict[str, int] = {level.value: i for i, level in enumerate((*LADDER, Level.INSTRUCTION))}
MAX_QUOTE_WORDS = 25

STUDY_LABELS: dict[str, str] = {
    "000": "000 Fagartikkel: åtte forsøksprosjekter",
    "002": "002 Masteroppgave: IPS for flyktninger",
    "004": "004 NORCE-rapport: jobbspesialister i NAV",
}
STUDY_SHORT: dict[str, str] = {"000": "000 Fagartikkel", "002": "002 Masteroppgave", "004": "004 NORCE-rapport"}
DIRECTION_LABELS: dict[str, str] = {"facilitator": "Fremmer", "barrier": "Hemmer", "mixed": "Blandet"}

FACTOR_COLUMNS: tuple[str, ...] = (
    "factor_id", "study", "theme_id", "label", "description", "level", "direction", "cfir_domain",
    "cfir_construct", "cfir_role", "euse_stage", "ips_principle", "evidence", "source_ref", "quote", "coding_note",
)
THEME_COLUMNS: tuple[str, ...] = ("theme_id", "label", "description", "levels", "polarity", "readiness_question")
REC_COLUMNS: tuple[str, ...] = ("rec_id", "text", "addressee", "source_ref", "theme_ids", "explicit")
# coding_note: why a row's level/CFIR pair or direction was chosen where a reader could expect another.
OPTIONAL_FACTOR_COLUMNS = frozenset({"cfir_role", "euse_stage", "ips_principle", "quote", "coding_note"})
FREE_TEXT_COLUMNS = ("label", "description", "evidence", "quote", "coding_note")

_FACTOR_ID = re.compile(r"^F(?P<study>\d{3})-\d{2}$")
_THEME_ID = re.compile(r"^T\d{2}$")
_REC_ID = re.compile(r"^R\d{2}$")
_PRIVACY_MESSAGES = {
    "identity-number": "inneholder noe som ligner et fødselsnummer eller D-nummer",
    "email": "inneholder en e-postadresse",
    "phone": "inneholder noe som ligner et telefonnummer",
    "deny-list": "inneholder et navn som ikke skal stå i kodede data (informantpseudonym, arbeidsgiver, tilbyder eller verktøy)",
}


@lru_cache(maxsize=1)
def _deny_hashes() -> dict[str, str]:
    return load_deny_hashes()


def privacy_problems(text: str) -> list[str]:
    """Reasons a free-text cell may identify someone, by the project's privacy gate (analysis/privacy/gate.py)."""
    return sorted({_PRIVACY_MESSAGES[f.kind] for f in scan_text(text, deny_hashes=_deny_hashes())})


# ------------------------------------------------------------------------------------ coding frame
@dataclass(frozen=True)
class Code:
    id: str
    label: str
    definition: str
    parent: str | None = None


@dataclass(frozen=True)
class Domain:
    id: str
    label: str
    definition: str
    constructs: tuple[Code, ...]
    roles: tuple[Code, ...] = ()

    def construct_ids(self) -> set[str]:
        return {c.id for c in self.constructs}


@dataclass(frozen=True)
class CodingFrame:
    levels: tuple[Code, ...]
    directions: tuple[Code, ...]
    domains: tuple[Domain, ...]
    euse_stages: tuple[Code, ...]
    ips_principles: tuple[Code, ...]

    def domain(self, domain_id: str) -> Domain | None:
        return next((d for d in self.domains if d.id == domain_id), None)

    def domain_of(self, construct_id: str) -> str | None:
        return next((d.id for d in self.domains if construct_id in d.construct_ids()), None)

    @property
    def role_ids(self) -> set[str]:
        return {r.id for d in self.domains for r in d.roles}

    def level_label(self, level: str) -> str:
        return next((c.label for c in self.levels if c.id == level), level)

    def domain_label(self, domain_id: str) -> str:
        d = self.domain(domain_id)
        return d.label if d else domain_id

    def construct_label(self, construct_id: str) -> str:
        for d in self.domains:
            for c in d.constructs:
                if c.id == construct_id:
                    return c.label
        return construct_id


def _codes(items: Sequence[dict[str, Any]] | None, path: Path, key: str, problems: list[Problem]) -> tuple[Code, ...]:
    codes = []
    for i, item in enumerate(items or [], start=1):
        if not isinstance(item, dict) or "id" not in item or not item.get("label") or not item.get("definition"):
            problems.append(Problem(rel(path), f"{key} nr. {i} mangler id, label eller definition"))
            continue
        codes.append(Code(str(item["id"]), str(item["label"]), str(item["definition"]), item.get("parent")))
    ids = [c.id for c in codes]
    for dup in sorted({x for x in ids if ids.count(x) > 1}):
        problems.append(Problem(rel(path), f"{key}: id «{dup}» er brukt mer enn én gang"))
    return tuple(codes)


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is much faster where available


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError([Problem(rel(path), f"kan ikke lese kodeskjemaet: {exc}")]) from exc
    if not isinstance(raw, dict):
        raise InputError([Problem(rel(path), "kodeskjemaet må være en YAML-mapping på øverste nivå")])
    return raw


def load_coding_frame(path: Path = CODED / "coding_frame.yaml") -> CodingFrame:
    """Read and check the coding frame: the codes must match the enumerations the analysis relies on."""
    return _coding_frame(read_yaml(path), path)


def _coding_frame(raw: dict[str, Any], path: Path) -> CodingFrame:
    problems: list[Problem] = []
    levels = _codes(raw.get("levels"), path, "levels", problems)
    if {c.id for c in levels} != {lv.value for lv in Level}:
        problems.append(Problem(rel(path), f"levels må være nøyaktig {', '.join(lv.value for lv in Level)}"))
    directions = _codes(raw.get("directions"), path, "directions", problems)
    if {c.id for c in directions} != {d.value for d in Direction}:
        problems.append(Problem(rel(path), f"directions må være nøyaktig {', '.join(d.value for d in Direction)}"))
    domains = []
    for item in (raw.get("cfir") or {}).get("domains", []):
        constructs = _codes(item.get("constructs"), path, f"cfir.{item.get('id')}.constructs", problems)
        roles = _codes(item.get("roles"), path, f"cfir.{item.get('id')}.roles", problems)
        ids = {c.id for c in constructs}
        for c in constructs:
            if c.parent and c.parent not in ids:
                problems.append(Problem(rel(path), f"konstruktet {c.id} har ukjent parent {c.parent}"))
        domains.append(Domain(str(item.get("id")), str(item.get("label")), str(item.get("definition")), constructs, roles))
    if len(domains) != 5:
        problems.append(Problem(rel(path), f"CFIR 2.0 har fem domener, kodeskjemaet har {len(domains)}"))
    seen: dict[str, str] = {}
    for d in domains:
        for c in d.constructs:
            if c.id in seen and seen[c.id] != d.id:
                problems.append(Problem(rel(path), f"konstruktet {c.id} står i både {seen[c.id]} og {d.id}"))
            seen[c.id] = d.id
    euse = _codes(raw.get("euse_stages"), path, "euse_stages", problems)
    ips = _codes(raw.get("ips_principles"), path, "ips_principles", problems)
    if [c.id for c in euse] != [str(i) for i in range(1, 6)]:
        problems.append(Problem(rel(path), "euse_stages må være trinn 1–5 i rekkefølge"))
    if [c.id for c in ips] != [str(i) for i in range(1, 9)]:
        problems.append(Problem(rel(path), "ips_principles må være prinsipp 1–8 i rekkefølge"))
    if problems:
        raise InputError(problems)
    return CodingFrame(levels, directions, tuple(domains), euse, ips)


# ------------------------------------------------------------------------------------------- files
def _read_csv(path: Path, columns: Sequence[str], problems: list[Problem]) -> list[dict[str, str]]:
    """Rows as dicts of stripped strings; a missing or extra column is reported, not guessed around."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            rows = [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]
    except OSError as exc:
        problems.append(Problem(rel(path), f"kan ikke lese filen: {exc}"))
        return []
    missing = [c for c in columns if c not in header]
    extra = [c for c in header if c not in columns]
    if missing:
        problems.append(Problem(rel(path), f"mangler kolonnene {', '.join(missing)}"))
    if extra:
        problems.append(Problem(rel(path), f"har ukjente kolonner {', '.join(extra)}"))
    return rows if not missing else []


def _unique(rows: list[dict[str, str]], key: str, pattern: re.Pattern[str], path: Path, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for i, row in enumerate(rows, start=1):
        value = row.get(key, "")
        if not pattern.match(value):
            problems.append(Problem(rel(path), f"«{value}» har feil form (ventet {pattern.pattern})", i, key))
        elif value in seen:
            problems.append(Problem(rel(path), f"«{value}» finnes allerede i rad {seen[value]}", i, key))
        else:
            seen[value] = i


def _levels_ok(levels: list[str]) -> bool:
    if levels == [Level.INSTRUCTION.value]:
        return True
    if Level.INSTRUCTION.value in levels or not 1 <= len(levels) <= 2:
        return False
    steps = sorted(LEVEL_ORDER[lv] for lv in levels)
    return steps[-1] - steps[0] == len(levels) - 1


def _check_themes(rows: list[dict[str, str]], path: Path, problems: list[Problem]) -> None:
    _unique(rows, "theme_id", _THEME_ID, path, problems)
    valid_levels = {lv.value for lv in Level}
    for i, row in enumerate(rows, start=1):
        for col in ("label", "description"):
            if not row.get(col):
                problems.append(Problem(rel(path), "er tom", i, col))
        levels = [x.strip() for x in row.get("levels", "").split(";") if x.strip()]
        unknown = [lv for lv in levels if lv not in valid_levels]
        if unknown or not levels:
            problems.append(Problem(rel(path), f"ukjente nivåer {unknown or '(ingen)'}; bruk {', '.join(sorted(valid_levels))}", i, "levels"))
        elif not _levels_ok(levels):
            problems.append(Problem(
                rel(path),
                "et tema kan ha ett nivå, to nabonivåer (system–organisasjon–gruppe–individ) eller bare «instruction»",
                i, "levels"))
        if row.get("polarity") not in {p.value for p in Polarity}:
            problems.append(Problem(rel(path), f"«{row.get('polarity')}» er ikke one-sided eller two-sided", i, "polarity"))
        for reason in privacy_problems(" ".join(row.get(c, "") for c in ("label", "description", "readiness_question"))):
            problems.append(Problem(rel(path), reason, i))


def _check_factor_row(i: int, row: dict[str, str], frame: CodingFrame, themes: set[str], path: Path,
                      seeds_dir: Path | None, problems: list[Problem]) -> None:
    p = rel(path)

    def bad(message: str, column: str) -> None:
        problems.append(Problem(p, message, i, column))

    for col in FACTOR_COLUMNS:
        if col not in OPTIONAL_FACTOR_COLUMNS and not row.get(col):
            bad("er tom", col)
    study = row.get("study", "")
    if study not in {s.value for s in Study}:
        bad(f"«{study}» er ikke en av studiene {', '.join(s.value for s in Study)}", "study")
    id_match = _FACTOR_ID.match(row.get("factor_id", ""))
    if id_match and id_match["study"] != study:
        bad(f"id-en viser til studie {id_match['study']}, men raden er kodet som studie {study}", "factor_id")
    if row.get("theme_id") and row["theme_id"] not in themes:
        bad(f"temaet «{row['theme_id']}» finnes ikke i themes.csv", "theme_id")
    if row.get("level") and row["level"] not in {lv.value for lv in Level}:
        bad(f"«{row['level']}» er ikke et nivå ({', '.join(lv.value for lv in Level)})", "level")
    if row.get("direction") and row["direction"] not in {d.value for d in Direction}:
        bad(f"«{row['direction']}» er ikke en retning ({', '.join(d.value for d in Direction)})", "direction")
    domain = frame.domain(row.get("cfir_domain", ""))
    construct = row.get("cfir_construct", "")
    if row.get("cfir_domain") and domain is None:
        bad(f"«{row['cfir_domain']}» er ikke et CFIR-domene i kodeskjemaet", "cfir_domain")
    elif domain is not None and construct and construct not in domain.construct_ids():
        home = frame.domain_of(construct)
        where = f"; det hører til domenet {home}" if home else " og finnes ikke i kodeskjemaet"
        bad(f"konstruktet «{construct}» hører ikke til domenet {domain.id}{where}", "cfir_construct")
    if row.get("cfir_role") and row["cfir_role"] not in frame.role_ids:
        bad(f"«{row['cfir_role']}» er ikke en rolle i CFIR-domenet individuals", "cfir_role")
    if row.get("euse_stage") and row["euse_stage"] not in {c.id for c in frame.euse_stages}:
        bad("EUSE-trinn må være 1–5 eller tomt", "euse_stage")
    if row.get("ips_principle") and row["ips_principle"] not in {c.id for c in frame.ips_principles}:
        bad("IPS-prinsipp må være 1–8 eller tomt", "ips_principle")
    quote = row.get("quote", "")
    if len(quote.split()) > MAX_QUOTE_WORDS:
        bad(f"sitatet har {len(quote.split())} ord; høyst {MAX_QUOTE_WORDS} er tillatt", "quote")
    ref_text = row.get("source_ref", "")
    if ref_text:
        try:
            ref = parse_source_ref(ref_text)
        except ValueError as exc:
            bad(str(exc), "source_ref")
        else:
            for reason in check_source_ref(ref, seeds_dir):
                bad(reason, "source_ref")
            if study and ref.study != study:
                bad(f"henvisningen peker til {ref.file}, men raden er kodet som studie {study}", "source_ref")
            if quote and not check_source_ref(ref, seeds_dir) and quote_in_source(quote, ref, seeds_dir) is False:
                bad(f"sitatet står ikke ordrett i {ref.file} på de oppgitte linjene", "quote")
    for col in FREE_TEXT_COLUMNS:
        for reason in privacy_problems(row.get(col, "")):
            bad(reason, col)


def theme_problems(factors: pd.DataFrame, themes: pd.DataFrame, path: Path) -> list[Problem]:
    """Rows that break their theme's declared levels or polarity (see the module docstring)."""
    problems = []
    declared = {t.theme_id: (set(t.levels.split(";")), t.polarity) for t in themes.itertuples()}
    for i, row in enumerate(factors.itertuples(), start=1):
        levels, _ = declared.get(row.theme_id, (None, None))
        if levels is not None and row.level not in levels:
            problems.append(Problem(rel(path), (
                f"nivået «{row.level}» passer ikke med temaet {row.theme_id}, som er avgrenset til "
                f"{', '.join(sorted(levels))}"), i, "level"))
    for theme_id, group in factors.groupby("theme_id"):
        _, polarity = declared.get(str(theme_id), (None, None))
        directions = set(group["direction"])
        if polarity == Polarity.ONE_SIDED and {"facilitator", "barrier"} <= directions:
            rows = [int(i) + 1 for i in group.index]
            problems.append(Problem(rel(path), (
                f"temaet {theme_id} er ensidig, men har både fremmende og hemmende rader ({rows}); "
                "merk temaet two-sided i themes.csv eller del det"), None, "direction"))
    return problems


def _check_recommendations(rows: list[dict[str, str]], themes: set[str], path: Path, seeds_dir: Path | None,
                           problems: list[Problem]) -> None:
    _unique(rows, "rec_id", _REC_ID, path, problems)
    for i, row in enumerate(rows, start=1):
        if not row.get("text"):
            problems.append(Problem(rel(path), "er tom", i, "text"))
        ids = [x.strip() for x in row.get("theme_ids", "").split(";") if x.strip()]
        if not ids:
            problems.append(Problem(rel(path), "en anbefaling må svare på minst ett tema", i, "theme_ids"))
        for theme_id in ids:
            if theme_id not in themes:
                problems.append(Problem(rel(path), f"temaet «{theme_id}» finnes ikke i themes.csv", i, "theme_ids"))
        if row.get("explicit") not in {"yes", "no"}:
            problems.append(Problem(rel(path), "explicit må være yes eller no", i, "explicit"))
        try:
            ref = parse_source_ref(row.get("source_ref", ""))
        except ValueError as exc:
            problems.append(Problem(rel(path), str(exc), i, "source_ref"))
        else:
            for reason in check_source_ref(ref, seeds_dir):
                problems.append(Problem(rel(path), reason, i, "source_ref"))
            if ref.study != "004":
                problems.append(Problem(rel(path), "anbefalingene kommer fra 004-rapporten", i, "source_ref"))


# ------------------------------------------------------------------------------------------ loading
@dataclass(frozen=True)
class Factor:
    """One checked row of implementation_factors.csv, with its codes as types rather than strings."""

    factor_id: str
    study: Study
    theme_id: str
    label: str
    description: str
    level: Level
    direction: Direction
    cfir_domain: str
    cfir_construct: str
    cfir_role: str | None
    euse_stage: int | None
    ips_principle: int | None
    evidence: str
    source_ref: SourceRef
    quote: str | None

    @classmethod
    def from_row(cls, row: dict[str, str]) -> Factor:
        """Build from a row that has passed the checks in :func:`load_all` (it raises on anything else)."""
        return cls(
            factor_id=row["factor_id"], study=Study(row["study"]), theme_id=row["theme_id"], label=row["label"],
            description=row["description"], level=Level(row["level"]), direction=Direction(row["direction"]),
            cfir_domain=row["cfir_domain"], cfir_construct=row["cfir_construct"], cfir_role=row["cfir_role"] or None,
            euse_stage=int(row["euse_stage"]) if row["euse_stage"] else None,
            ips_principle=int(row["ips_principle"]) if row["ips_principle"] else None,
            evidence=row["evidence"], source_ref=parse_source_ref(row["source_ref"]), quote=row["quote"] or None,
        )


@dataclass(frozen=True)
class FactorData:
    """Everything the chapter needs, checked together so that cross-file references hold.

    ``factors`` keeps the CSV's string columns (what the summaries group on); :meth:`records` gives the same
    rows as typed :class:`Factor` objects.
    """

    frame: CodingFrame
    factors: pd.DataFrame
    themes: pd.DataFrame
    recommendations: pd.DataFrame
    interplay: pd.DataFrame = field(default_factory=pd.DataFrame)

    def records(self) -> list[Factor]:
        return [Factor.from_row(row) for row in self.factors.to_dict("records")]


def _interplay(raw: dict[str, Any], path: Path, factor_ids: set[str], problems: list[Problem]) -> pd.DataFrame:
    """000's links between levels (L625–635) as edges between coded factors."""
    edges = []
    for i, edge in enumerate(raw.get("interplay", []), start=1):
        for end in ("from", "to"):
            if edge.get(end) not in factor_ids:
                problems.append(Problem(rel(path), f"interplay nr. {i}: «{edge.get(end)}» er ikke en kodet faktor", None, end))
        edges.append({"from": edge.get("from"), "to": edge.get("to"), "source_ref": edge.get("source_ref", ""),
                      "note": edge.get("note", "")})
    return pd.DataFrame(edges, columns=["from", "to", "source_ref", "note"])


def load_all(directory: Path = CODED, *, seeds_dir: Path | None | str = "auto") -> FactorData:
    """Load and check the coding frame, themes, factors and recommendations; raise one InputError for all."""
    seeds = seeds_directory() if seeds_dir == "auto" else seeds_dir
    seeds = Path(seeds) if isinstance(seeds, str) else seeds
    frame_path = directory / "coding_frame.yaml"
    raw_frame = read_yaml(frame_path)
    frame = _coding_frame(raw_frame, frame_path)
    problems: list[Problem] = []
    theme_path = directory / "themes.csv"
    theme_rows = _read_csv(theme_path, THEME_COLUMNS, problems)
    _check_themes(theme_rows, theme_path, problems)
    theme_ids = {r["theme_id"] for r in theme_rows}

    factor_path = directory / "implementation_factors.csv"
    factor_rows = _read_csv(factor_path, FACTOR_COLUMNS, problems)
    _unique(factor_rows, "factor_id", _FACTOR_ID, factor_path, problems)
    for i, row in enumerate(factor_rows, start=1):
        _check_factor_row(i, row, frame, theme_ids, factor_path, seeds, problems)

    rec_path = directory / "recommendations.csv"
    rec_rows = _read_csv(rec_path, REC_COLUMNS, problems)
    _check_recommendations(rec_rows, theme_ids, rec_path, seeds, problems)

    factors = pd.DataFrame(factor_rows, columns=list(FACTOR_COLUMNS))
    themes = pd.DataFrame(theme_rows, columns=list(THEME_COLUMNS))
    if not problems:
        problems.extend(theme_problems(factors, themes, factor_path))
        barrier_themes = set(factors.loc[factors["direction"] != "facilitator", "theme_id"])
        for i, row in enumerate(theme_rows, start=1):
            if row["theme_id"] in barrier_themes and not row.get("readiness_question"):
                problems.append(Problem(rel(theme_path), (
                    "temaet har hemmende eller blandede faktorer og trenger et spørsmål til sjekklisten"),
                    i, "readiness_question"))
    interplay = _interplay(raw_frame, frame_path, set(factors["factor_id"]), problems)
    if problems:
        raise InputError(problems)
    return FactorData(frame, factors, themes, pd.DataFrame(rec_rows, columns=list(REC_COLUMNS)), interplay)


# --------------------------------------------------------------------------------------- summaries
def _labelled(data: FactorData) -> pd.DataFrame:
    f = data.factors.copy()
    f["nivå"] = f["level"].map(data.frame.level_label)
    f["domene"] = f["cfir_domain"].map(data.frame.domain_label)
    f["konstrukt"] = f["cfir_construct"].map(data.frame.construct_label)
    f["retning"] = f["direction"].map(DIRECTION_LABELS)
    f["tema"] = f["theme_id"].map(dict(zip(data.themes["theme_id"], data.themes["label"])))
    return f


def counts_by_level_domain_direction(data: FactorData) -> pd.DataFrame:
    """Counts for every level × CFIR domain × direction, zeros included, so an empty cell is a real zero."""
    levels = [c.id for c in data.frame.levels]
    domains = [d.id for d in data.frame.domains]
    grid = pd.MultiIndex.from_product([levels, domains, [d.value for d in Direction]],
                                      names=["level", "cfir_domain", "direction"])
    counts = data.factors.groupby(["level", "cfir_domain", "direction"]).size().reindex(grid, fill_value=0)
    out = counts.rename("antall").reset_index()
    out["nivå"] = out["level"].map(data.frame.level_label)
    out["domene"] = out["cfir_domain"].map(data.frame.domain_label)
    out["retning"] = out["direction"].map(DIRECTION_LABELS)
    return out


def study_comparison(data: FactorData) -> pd.DataFrame:
    """One row per study: how many factors, the direction split and how they spread over the levels."""
    f = data.factors
    rows = []
    for study in Study:
        part = f[f["study"] == study.value]
        row: dict[str, Any] = {"studie": STUDY_LABELS[study.value], "faktorer": len(part)}
        for d in Direction:
            row[DIRECTION_LABELS[d.value].lower()] = int((part["direction"] == d.value).sum())
        row["andel hemmer (%)"] = round_float(100 * row["hemmer"] / len(part), 1) if len(part) else float("nan")
        for level in data.frame.levels:
            row[level.label.lower()] = int((part["level"] == level.id).sum())
        rows.append(row)
    return pd.DataFrame(rows)


def theme_summary(data: FactorData) -> pd.DataFrame:
    """Per theme: the studies it occurs in and its direction split (the basis for recurrence and checklist)."""
    f = data.factors
    rows = []
    for theme in data.themes.itertuples():
        part = f[f["theme_id"] == theme.theme_id]
        studies = sorted(part["study"].unique())
        rows.append({
            "theme_id": theme.theme_id, "tema": theme.label, "studier": ", ".join(studies),
            "antall studier": len(studies), "faktorer": len(part),
            "hemmer": int((part["direction"] == "barrier").sum()),
            "fremmer": int((part["direction"] == "facilitator").sum()),
            "blandet": int((part["direction"] == "mixed").sum()),
            "nivåer": ", ".join(data.frame.level_label(lv) for lv in sorted(part["level"].unique(), key=LEVEL_ORDER.__getitem__)),
            "faktor-id": ", ".join(part["factor_id"]),
        })
    return pd.DataFrame(rows)


def recurring_themes(data: FactorData, min_studies: int = 2) -> pd.DataFrame:
    """Themes coded in at least ``min_studies`` of the three studies, most widespread first."""
    summary = theme_summary(data)
    out = summary[summary["antall studier"] >= min_studies]
    return out.sort_values(["antall studier", "faktorer", "theme_id"], ascending=[False, False, True]).reset_index(drop=True)


def recommendations_for_themes(data: FactorData) -> dict[str, list[str]]:
    """Theme id → the 004 recommendations that address it."""
    out: dict[str, list[str]] = {}
    for rec in data.recommendations.itertuples():
        for theme_id in rec.theme_ids.split(";"):
            out.setdefault(theme_id.strip(), []).append(rec.rec_id)
    return out


def barrier_coverage(data: FactorData) -> pd.DataFrame:
    """Each theme with hemmende or blandede factors and the 004 recommendations that answer it (if any)."""
    summary = theme_summary(data)
    summary = summary[(summary["hemmer"] + summary["blandet"]) > 0].copy()
    recs = recommendations_for_themes(data)
    summary["anbefalinger (004)"] = summary["theme_id"].map(lambda t: ", ".join(recs.get(t, [])))
    summary["besvart av 004"] = summary["anbefalinger (004)"] != ""
    return summary.reset_index(drop=True)


def interplay_table(data: FactorData) -> pd.DataFrame:
    """000's links between levels with the labels and levels of both ends."""
    f = _labelled(data).set_index("factor_id")
    rows = []
    for edge in data.interplay.to_dict("records"):
        a, b = edge["from"], edge["to"]
        rows.append({
            "fra": f"{a} {f.at[a, 'label']}", "fra nivå": f.at[a, "nivå"],
            "til": f"{b} {f.at[b, 'label']}", "til nivå": f.at[b, "nivå"],
            "kilde": edge["source_ref"],
        })
    return pd.DataFrame(rows, columns=["fra", "fra nivå", "til", "til nivå", "kilde"])


def factor_listing(data: FactorData) -> pd.DataFrame:
    """Every factor with Norwegian labels, in the order the chapter's table shows them."""
    f = _labelled(data)
    f["studie"] = f["study"].map(STUDY_LABELS)
    f["studie_kort"] = f["study"].map(STUDY_SHORT)
    f["_order"] = f["level"].map(LEVEL_ORDER)
    return f.sort_values(["_order", "theme_id", "study", "factor_id"]).drop(columns="_order").reset_index(drop=True)


# ---------------------------------------------------------------------------------------- checklist
def _count_phrase(n: int) -> str:
    return "1 hemmende eller blandet faktor" if n == 1 else f"{n} hemmende eller blandede faktorer"


def readiness_checklist(data: FactorData | None = None) -> pd.DataFrame:
    """«Klar for oppstart?»: one question per theme that hindered implementation in at least one study.

    The questions are written in themes.csv; which themes get one, their order and the reasons given are
    derived from the coded barriers. Items are grouped by the highest level at which the theme hindered
    (system first: what an office cannot fix alone must be known before start), and within a level the
    themes that hindered in more studies come first.
    """
    data = data or load_all()
    summary = barrier_coverage(data)
    recs = dict(zip(summary["theme_id"], summary["anbefalinger (004)"]))
    themes = data.themes.set_index("theme_id")
    f = data.factors
    rows = []
    for s in summary[["theme_id", "tema"]].itertuples():
        part = f[(f["theme_id"] == s.theme_id) & (f["direction"] != "facilitator")]
        studies = sorted(part["study"].unique())
        level = min(part["level"], key=LEVEL_ORDER.__getitem__)
        rows.append({
            "theme_id": s.theme_id,
            "område": data.frame.level_label(level),
            "spørsmål": themes.at[s.theme_id, "readiness_question"],
            "tema": s.tema,
            "hvorfor": (f"{_count_phrase(len(part))} i "
                        f"{'studie' if len(studies) == 1 else 'studiene'} {', '.join(studies)}"),
            "studier": ", ".join(studies),
            "antall studier": len(studies),
            "faktorer": ", ".join(part["factor_id"]),
            "anbefalinger (004)": recs.get(s.theme_id, ""),
            "_level": LEVEL_ORDER[level],
        })
    out = pd.DataFrame(rows)
    out = out.sort_values(["_level", "antall studier", "theme_id"], ascending=[True, False, True]).drop(columns="_level")
    out.insert(0, "nr", range(1, len(out) + 1))
    return out.reset_index(drop=True)


def checklist_markdown(checklist: pd.DataFrame, *, title: str = "Klar for oppstart?") -> str:
    """The checklist as a printable Markdown document with tick boxes, grouped by area."""
    lines = [
        f"# {title}",
        "",
        "Sjekkliste for NAV-kontor og kommuner som skal starte Supported Employment (SE) eller IPS for",
        "innvandrere. Spørsmålene er utledet av hemmende faktorer i tre norske studier (000, 002 og 004).",
        "",
    ]
    for area, part in checklist.groupby("område", sort=False):
        lines += [f"## {area}", ""]
        for row in part.to_dict("records"):
            recs = row.get("anbefalinger (004)", "")
            refs = f"faktorer {row['faktorer']}" + (f"; anbefalinger i 004: {recs}" if recs else "")
            lines.append(f"- [ ] **{row['nr']}. {row['spørsmål']}**")
            lines.append(f"  _{row['tema']}: {row['hvorfor']} ({refs})._")
        lines.append("")
    lines.append("Kilde: kodede implementeringsfaktorer i rapportnettstedet, data/coded/implementation_factors.csv.")
    return "\n".join(lines) + "\n"


def checklist_csv(checklist: pd.DataFrame) -> str:
    """The checklist as CSV text (semicolon-free columns stay readable in spreadsheet programs)."""
    buffer = io.StringIO()
    checklist.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def write_checklist(checklist: pd.DataFrame, out_dir: Path = GENERATED) -> dict[str, Path]:
    """Write the checklist as Markdown and CSV for people running the analysis outside the site.

    The site itself offers the same files as data: URIs (analysis.factors.explorer.checklist_html): a build must
    not write into data/, whose fingerprint decides when chapters are re-executed.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"md": out_dir / "klar-for-oppstart.md", "csv": out_dir / "klar-for-oppstart.csv"}
    paths["md"].write_text(checklist_markdown(checklist), encoding="utf-8")
    paths["csv"].write_text(checklist_csv(checklist), encoding="utf-8")
    return paths


def source_documents_used(data: FactorData) -> list[str]:
    """The seed files the coded factors cite, for the chapter's provenance note."""
    files = {parse_source_ref(ref).file for ref in data.factors["source_ref"]}
    return [f for f in SOURCE_DOCUMENTS if f in files]


def headline_numbers(data: FactorData) -> dict[str, float]:
    """Every number the chapter's prose quotes, computed here so that none is typed by hand."""
    f = data.factors

    def pct(part: int, whole: int) -> float:
        return round_float(100 * part / whole, 1) if whole else float("nan")

    def n(mask: pd.Series) -> int:
        return int(mask.sum())

    numbers: dict[str, float] = {
        "n_factors": len(f),
        "n_themes": len(data.themes),
        "n_quotes": n(f["quote"] != ""),
        "n_barrier": n(f["direction"] == "barrier"),
        "n_facilitator": n(f["direction"] == "facilitator"),
        "n_mixed": n(f["direction"] == "mixed"),
        "pct_barrier": pct(n(f["direction"] == "barrier"), len(f)),
    }
    for study in Study:
        part = f[f["study"] == study.value]
        numbers[f"n_{study.value}"] = len(part)
        numbers[f"pct_barrier_{study.value}"] = pct(n(part["direction"] == "barrier"), len(part))
        numbers[f"n_facilitator_{study.value}"] = n(part["direction"] == "facilitator")
    for level in Level:
        part = f[f["level"] == level.value]
        numbers[f"n_{level.value}"] = len(part)
        numbers[f"pct_barrier_{level.value}"] = pct(n(part["direction"] == "barrier"), len(part))
    facilitators = f[f["direction"] == "facilitator"]
    numbers["pct_facilitator_individual"] = pct(n(facilitators["level"] == "individual"), len(facilitators))
    numbers["n_outer_setting"] = n(f["cfir_domain"] == "outer_setting")
    numbers["n_system_outer_barrier"] = n((f["level"] == "system") & (f["cfir_domain"] == "outer_setting")
                                          & (f["direction"] == "barrier"))
    summary = theme_summary(data)
    numbers["n_recurring"] = n(summary["antall studier"] >= 2)
    numbers["n_all_three"] = n(summary["antall studier"] == 3)
    coverage = barrier_coverage(data)
    numbers["n_barrier_themes"] = len(coverage)
    numbers["n_barrier_themes_answered"] = n(coverage["besvart av 004"])
    numbers["n_barrier_themes_open"] = len(coverage) - numbers["n_barrier_themes_answered"]
    numbers["n_recs"] = len(data.recommendations)
    numbers["n_recs_explicit"] = n(data.recommendations["explicit"] == "yes")
    numbers["n_recs_implicit"] = n(data.recommendations["explicit"] == "no")
    numbers["n_checklist"] = len(readiness_checklist(data))
    numbers["n_interplay"] = len(data.interplay)
    return numbers


def euse_stage_table(frame: CodingFrame) -> pd.DataFrame:
    """The five EUSE stages as the coding frame words them, for the background page."""
    return pd.DataFrame([{"trinn": int(c.id), "navn": c.label, "hva skjer": c.definition} for c in frame.euse_stages])


def ips_principle_table(frame: CodingFrame) -> pd.DataFrame:
    """The eight IPS principles as the coding frame words them, for the background page."""
    return pd.DataFrame([{"nr.": int(c.id), "prinsipp": c.label, "hva det betyr": c.definition}
                         for c in frame.ips_principles])


DIRECTION_ADJECTIVES: dict[str, str] = {"facilitator": "fremmende", "barrier": "hemmende", "mixed": "blandede"}


def headline_texts(data: FactorData) -> dict[str, str]:
    """Phrases the chapter's prose takes from the data (which cell is largest, which themes stand open)."""
    counts = counts_by_level_domain_direction(data)
    top = counts.loc[counts["antall"].idxmax()]
    coverage = barrier_coverage(data)
    open_recurring = coverage.loc[~coverage["besvart av 004"] & (coverage["antall studier"] >= 2), "tema"]
    return {
        "top_cell": (f"{DIRECTION_ADJECTIVES[top['direction']]} faktorer på {top['nivå'].lower()} "
                     f"i domenet {top['domene'].lower()}"),
        "open_recurring": ", ".join(f"«{theme}»" for theme in open_recurring),
    }


# ---------------------------------------------------------------------------------------------- CLI
def _run_cli(args: argparse.Namespace) -> int:
    data = load_all(Path(args.coded))
    if args.action == "check":
        print(f"{len(data.factors)} faktorer, {len(data.themes)} temaer og {len(data.recommendations)} "
              "anbefalinger er kontrollert uten feil.")
        return 0
    for kind, path in write_checklist(readiness_checklist(data), Path(args.out)).items():
        print(f"{kind}: {rel(path)}")
    return 0


def register_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``python -m analysis factors check|checklist``: validate the coded data, or write the checklist files."""
    parser = sub.add_parser("factors", help="check the coded implementation factors or write the readiness checklist")
    parser.add_argument("action", choices=("check", "checklist"))
    parser.add_argument("--coded", default=str(CODED), help="folder with coding_frame.yaml and the CSV files")
    parser.add_argument("--out", default=str(GENERATED), help="where `checklist` writes klar-for-oppstart.md/.csv")
    parser.set_defaults(func=_run_cli)
