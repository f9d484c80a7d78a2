"""Training case narratives: load and validate ``data/cases/*.md``, measure k-anonymity, tabulate.

Each case is a Markdown file with YAML front matter. The front matter holds only *generalised*
attributes (age bands, world regions, broad sectors), so that the privacy properties of the case set
can be measured rather than asserted: :func:`k_anonymity` reports the smallest group of cases that
share every quasi-identifier, and :func:`suggest_generalisation` shows how far the attributes would
have to be coarsened to reach a target k. The narrative itself is checked for the personal data a
privacy gate flags (e-mail addresses, phone and identity numbers, names from the sources).

Bad files raise :class:`analysis.core.errors.InputError` listing every problem with file, line and field.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from analysis.core.errors import InputError, Problem
from analysis.core.identity import find_identity_numbers
from analysis.core.paths import CASES, rel

# --------------------------------------------------------------------------------------------------
# Vocabularies. Labels are what readers see; ids are what the front matter holds.
# --------------------------------------------------------------------------------------------------

UNKNOWN = "uoppgitt"
SUPPRESSED = "*"

Gender = Literal["kvinne", "mann", "uoppgitt"]
MunicipalitySize = Literal["liten", "mellomstor", "stor", "uoppgitt"]
Programme = Literal[
    "Introduksjonsprogrammet",
    "Jobbsjansen",
    "KVP",
    "Utvidet oppfølging (jobbspesialist)",
    "IPS",
]
Outcome = Literal[
    "fast_jobb",
    "midlertidig_jobb",
    "i_praksis",
    "i_oppfolging",
    "utdanning",
    "annet_tiltak",
    "avbrutt",
]

OUTCOME_LABELS: dict[str, str] = {
    "fast_jobb": "Fast jobb",
    "midlertidig_jobb": "Midlertidig jobb",
    "i_praksis": "I praksis eller arbeidstrening",
    "i_oppfolging": "Fortsatt i oppfølging, uten jobb",
    "utdanning": "Utdanning",
    "annet_tiltak": "Annet tiltak",
    "avbrutt": "Avbrutt eller skrevet ut",
}

# The five stages of the EUSE process, in the wording of the site's glossary (book/ordliste.md).
EUSE_STAGES: dict[int, str] = {
    1: "Innledende kontakt og avtale",
    2: "Kartlegging av yrkesønsker og muligheter",
    3: "Å finne en passende jobb",
    4: "Samarbeid med arbeidsgiveren",
    5: "Opplæring og støtte på og utenfor arbeidsplassen",
}

# The eight IPS principles as listed by the 002 thesis (Figur 1, after Drake et al. 2012).
IPS_PRINCIPLES: dict[str, str] = {
    "ingen-eksklusjon": "Ingen eksklusjonskriterier",
    "ordinaert-arbeid": "Ordinært lønnet arbeid",
    "integrert-behandling": "Integrert med behandling",
    "okonomisk-veiledning": "Økonomisk veiledning",
    "rask-jobbsok": "Jobbsøk starter raskt",
    "systematisk-jobbutvikling": "Systematisk jobbutvikling",
    "tidsubegrenset-oppfolging": "Oppfølging uten tidsgrense",
    "brukerens-preferanser": "Brukerens preferanser",
}

THEMES: dict[str, str] = {
    "arbeidsgiverkontakt": "Kontakt og forhandling med arbeidsgiver",
    "avslutning": "Avslutning og utskriving",
    "egenmobilisering": "Kandidatens eget ansvar",
    "fravaer": "Fravær og oppmøte",
    "forventninger": "Forventninger og informasjon",
    "helsesamarbeid": "Samarbeid med helsetjenesten",
    "jobbmatch": "Jobbmatch og preferanser",
    "kapasitet": "Kapasitet og portefølje",
    "kvalifikasjoner": "Fagbrev og formell kompetanse",
    "ledelse": "Ledelse og forankring",
    "mentor": "Mentor og naturlig bistand",
    "mestringstro": "Tro på egen mestring",
    "oppfolging-arbeidsplass": "Oppfølging på arbeidsplassen",
    "praksisfelle": "Praksisfellen",
    "relasjon": "Relasjon og tillit",
    "rolleavklaring": "Rolleavklaring i teamet",
    "skjult-helse": "Helseplager som kommer fram underveis",
    "spraak": "Norsk språk i jobben",
    "tilrettelegging": "Tilrettelegging av arbeidstid og oppgaver",
    "uskrevne-regler": "Uskrevne regler i arbeidslivet",
    "varig-jobb": "Veien til varig ansettelse",
    "virkemidler": "Lønnstilskudd og andre virkemidler",
}

# Generalisation hierarchies. Level 0 is what a case may say; each further level is coarser.
REGION_PARENT: dict[str, str] = {
    "Norge": "Norge",
    "Norden": "Europa",
    "Vest-Europa": "Europa",
    "Sør-Europa": "Europa",
    "Øst-Europa": "Europa",
    "Europa": "Europa",
    "Nord-Afrika": "Afrika",
    "Vest-Afrika": "Afrika",
    "Øst-Afrika": "Afrika",
    "Sentral-Afrika": "Afrika",
    "Sørlige Afrika": "Afrika",
    "Afrika": "Afrika",
    "Midtøsten": "Asia",
    "Sentral-Asia": "Asia",
    "Sør-Asia": "Asia",
    "Sørøst-Asia": "Asia",
    "Øst-Asia": "Asia",
    "Asia": "Asia",
    "Nord-Amerika": "Amerika",
    "Latin-Amerika": "Amerika",
    "Amerika": "Amerika",
    "Oseania": "Oseania",
    "Utenfor Europa": "Utenfor Europa",
    "Utenfor Norge": "Utenfor Norge",
    UNKNOWN: UNKNOWN,
}

SECTOR_GROUP: dict[str, str] = {
    "Varehandel og kundeservice": "Privat tjenesteyting",
    "Overnatting og servering": "Privat tjenesteyting",
    "Renhold og drift": "Privat tjenesteyting",
    "Transport og lager": "Privat tjenesteyting",
    "Kultur og kreative næringer": "Privat tjenesteyting",
    "Industri, bygg og anlegg": "Produksjon og bygg",
    "Primærnæringer": "Produksjon og bygg",
    "Helse, omsorg og oppvekst": "Velferd, utdanning og forvaltning",
    "Kontor og forvaltning": "Velferd, utdanning og forvaltning",
    # Broad groups may be published directly when the finer sector would say too much.
    "Privat tjenesteyting": "Privat tjenesteyting",
    "Produksjon og bygg": "Produksjon og bygg",
    "Velferd, utdanning og forvaltning": "Velferd, utdanning og forvaltning",
    "Ikke avklart": "Ikke avklart",
    UNKNOWN: UNKNOWN,
}

QUASI_IDENTIFIERS: tuple[str, ...] = ("age_band", "gender", "region_of_origin", "municipality_size", "sector")
QI_LABELS: dict[str, str] = {
    "age_band": "aldersgruppe",
    "gender": "kjønn",
    "region_of_origin": "opprinnelsesregion",
    "municipality_size": "kommunestørrelse",
    "sector": "sektor",
}

REQUIRED_SECTIONS: tuple[str, ...] = ("Situasjonen", "Hva jobbspesialisten gjorde", "Utfall", "Refleksjonsspørsmål")
MIN_REFLECTION_QUESTIONS = 2

_AGE_BAND = re.compile(r"^(\d{2})-(\d{2})$")
_SOURCE = re.compile(r"^(?P<doc>\d{3}_[0-9a-f]{16}\.txt), (?P<section>[^,]+), L(?P<start>\d+)(?:[–-](?P<end>\d+))?$")
_ID = re.compile(r"^case-\d{2}$")


# --------------------------------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------------------------------


class ReidentificationCheck(BaseModel):
    """A written check, per case, of whether a reader who knows the sources could single out one person."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)

    draws_on: str = Field(min_length=10)  # which source persons or groups the case draws on
    kept_episodes: str = Field(min_length=5)  # which distinctive episodes it keeps, or that it keeps none
    why_safe: str = Field(min_length=20)  # why no reader who knows the source can single out one person


class CaseMeta(BaseModel):
    """The generalised attributes of one case; anything finer does not belong in the front matter."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)

    id: str = Field(pattern=_ID.pattern)
    title: str = Field(min_length=3, max_length=120)
    age_band: str
    gender: Gender
    region_of_origin: str
    municipality_size: MunicipalitySize
    sector: str
    programme: Programme
    euse_stages: tuple[int, ...] = Field(min_length=1)
    ips_principles: tuple[str, ...] = Field(min_length=1)
    outcome: Outcome
    themes: tuple[str, ...] = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)
    composite: bool
    reidentification: ReidentificationCheck
    facilitator_notes: str = Field(min_length=100)  # for trainers: what happened and why, EUSE stages, factor ids

    @field_validator("composite", mode="before")
    @classmethod
    def _strict_bool(cls, value: object) -> object:
        # YAML turns `composite: yes` into True but `composite: "ja"` would silently coerce; be strict.
        if not isinstance(value, bool):
            raise ValueError("må være true eller false")
        return value

    @field_validator("age_band")
    @classmethod
    def _age_band(cls, value: str) -> str:
        if value == UNKNOWN:
            return value
        m = _AGE_BAND.match(value)
        if not m:
            raise ValueError(f"aldersgruppe må skrives som «20-29» eller «{UNKNOWN}», ikke «{value}»")
        lo, hi = int(m.group(1)), int(m.group(2))
        if not 15 <= lo < hi <= 99:
            raise ValueError(f"aldersgruppen «{value}» må gå fra lav til høy alder mellom 15 og 99")
        if hi - lo < 9:
            raise ValueError(f"aldersgruppen «{value}» er for smal; bruk minst ti år for å unngå eksakte aldre")
        return value

    @field_validator("region_of_origin")
    @classmethod
    def _region(cls, value: str) -> str:
        return _one_of(value, REGION_PARENT, "verdensregion")

    @field_validator("sector")
    @classmethod
    def _sector(cls, value: str) -> str:
        return _one_of(value, SECTOR_GROUP, "sektor")

    @field_validator("euse_stages")
    @classmethod
    def _stages(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        bad = [s for s in value if s not in EUSE_STAGES]
        if bad:
            raise ValueError(f"EUSE-trinn må være 1–5, fikk {bad}")
        if len(set(value)) != len(value):
            raise ValueError("samme trinn står flere ganger")
        return tuple(sorted(value))

    @field_validator("ips_principles")
    @classmethod
    def _principles(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _all_of(value, IPS_PRINCIPLES, "IPS-prinsipp")

    @field_validator("themes")
    @classmethod
    def _themes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _all_of(value, THEMES, "tema")

    @field_validator("sources")
    @classmethod
    def _sources(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for s in value:
            m = _SOURCE.match(s)
            if not m:
                raise ValueError(f"kilden «{s}» må ha formen «004_….txt, 3.8, L898–920»")
            if m.group("end") and int(m.group("end")) < int(m.group("start")):
                raise ValueError(f"linjeområdet i «{s}» slutter før det begynner")
        return value


def _one_of(value: str, allowed: Mapping[str, str], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"ukjent {what} «{value}»; tillatt: {', '.join(sorted(allowed))}")
    return value


def _all_of(values: Iterable[str], allowed: Mapping[str, str], what: str) -> tuple[str, ...]:
    values = tuple(values)
    bad = [v for v in values if v not in allowed]
    if bad:
        raise ValueError(f"ukjent {what}: {', '.join(bad)}; tillatt: {', '.join(sorted(allowed))}")
    if len(set(values)) != len(values):
        raise ValueError(f"samme {what} står flere ganger")
    return values


@dataclass(frozen=True)
class Case:
    """One validated case: front matter plus the Markdown of each required section."""

    meta: CaseMeta
    sections: Mapping[str, str]
    path: Path

    @property
    def id(self) -> str:
        return self.meta.id

    def reflection_questions(self) -> list[str]:
        return list_items(self.sections["Refleksjonsspørsmål"])

    def quasi_identifiers(self, names: Sequence[str] = QUASI_IDENTIFIERS) -> dict[str, str]:
        return {name: str(getattr(self.meta, name)) for name in names}


# --------------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------------

_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+\S")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


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


def _line_of_key(yaml_text: str, key: str, offset: int = 2) -> int | None:
    """1-based file line where a front-matter key is written (front matter starts on line 2)."""
    for i, line in enumerate(yaml_text.splitlines()):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return i + offset
    return None


def parse_case(path: Path, text: str | None = None) -> Case:
    """Parse and validate one case file; every problem found is raised together."""
    path = Path(path)
    where = rel(path)
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(where, f"kan ikke leses: {exc}")]) from exc
    try:
        yaml_text, body, body_line = split_front_matter(text)
        raw = yaml.safe_load(yaml_text) or {}
    except (ValueError, yaml.YAMLError) as exc:
        raise InputError([Problem(where, f"ugyldig front matter: {exc}", row=1)]) from exc
    if not isinstance(raw, dict):
        raise InputError([Problem(where, "front matter må være en YAML-tabell med nøkler og verdier", row=1)])

    problems: list[Problem] = []
    meta: CaseMeta | None = None
    try:
        meta = CaseMeta.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            loc = err["loc"]
            key = str(loc[0]) if loc else None
            message = _pydantic_message(err)
            if len(loc) > 1 and isinstance(loc[1], str):  # a field of a nested table, e.g. reidentification.why_safe
                message = f"{loc[1]}: {message}"
            problems.append(Problem(where, message, row=_line_of_key(yaml_text, key) if key else None, column=key))

    if meta is not None and meta.id != path.stem:
        problems.append(Problem(where, f"id «{meta.id}» må være lik filnavnet «{path.stem}»", row=_line_of_key(yaml_text, "id"), column="id"))

    sections, stray = split_sections(body)
    problems += [Problem(where, msg, row=body_line + offset - 1) for offset, msg in stray]
    for name in REQUIRED_SECTIONS:
        if not sections.get(name):
            problems.append(Problem(where, f"avsnittet «## {name}» mangler eller er tomt", column=name))
    extra = [s for s in sections if s not in REQUIRED_SECTIONS]
    if extra:
        problems.append(Problem(where, f"ukjente avsnitt: {', '.join(extra)}; tillatt: {', '.join(REQUIRED_SECTIONS)}"))
    order = [s for s in sections if s in REQUIRED_SECTIONS]
    if order != [s for s in REQUIRED_SECTIONS if s in sections]:
        problems.append(Problem(where, f"avsnittene må komme i rekkefølgen {', '.join(REQUIRED_SECTIONS)}"))
    questions = list_items(sections.get("Refleksjonsspørsmål", ""))
    if sections.get("Refleksjonsspørsmål") and len(questions) < MIN_REFLECTION_QUESTIONS:
        problems.append(
            Problem(where, f"minst {MIN_REFLECTION_QUESTIONS} refleksjonsspørsmål som liste, fant {len(questions)}", column="Refleksjonsspørsmål")
        )

    for finding in privacy_findings(text):
        problems.append(Problem(where, finding.message, row=finding.line))

    if problems:
        raise InputError(problems)
    assert meta is not None
    return Case(meta=meta, sections={k: sections[k] for k in REQUIRED_SECTIONS}, path=path)


_PYDANTIC_NORWEGIAN: dict[str, str] = {
    "missing": "påkrevd felt mangler",
    "extra_forbidden": "ukjent felt; bare de avtalte, generaliserte feltene er tillatt",
    "string_type": "må være tekst",
    "int_type": "må være et heltall",
    "int_parsing": "må være et heltall",
    "int_from_float": "må være et heltall",
    "tuple_type": "må være en liste",
    "list_type": "må være en liste",
    "too_short": "kan ikke være tom",
    "string_too_short": "er for kort",
    "string_too_long": "er for lang",
    "string_pattern_mismatch": "har feil form (for eksempel «case-07»)",
    "model_type": "må være en YAML-tabell med egne felt",
}


def _pydantic_message(err: Mapping[str, Any]) -> str:
    """Pydantic's error in Norwegian, naming the offending value where that helps."""
    kind = err["type"]
    if kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        return f"ugyldig verdi «{err.get('input')}»; tillatt: {allowed}"
    if kind in _PYDANTIC_NORWEGIAN:
        text = _PYDANTIC_NORWEGIAN[kind]
        if kind not in ("missing", "extra_forbidden"):
            text += f" (fikk «{err.get('input')}»)"
        return text
    return str(err["msg"]).removeprefix("Value error, ")


def load_cases(directory: Path | str = CASES) -> list[Case]:
    """All cases in a folder, sorted by id; problems in every file are reported in one InputError."""
    directory = Path(directory)
    files = sorted(directory.glob("*.md"))
    if not files:
        raise InputError([Problem(rel(directory), "fant ingen casefiler (*.md)")])
    cases: list[Case] = []
    problems: list[Problem] = []
    for f in files:
        try:
            cases.append(parse_case(f))
        except InputError as exc:
            problems += exc.problems
    seen = Counter(c.id for c in cases)
    problems += [Problem(rel(directory), f"id «{i}» brukes av flere filer", column="id") for i, n in seen.items() if n > 1]
    if problems:
        raise InputError(problems)
    return sorted(cases, key=lambda c: c.id)


# --------------------------------------------------------------------------------------------------
# Privacy findings in the text itself
# --------------------------------------------------------------------------------------------------

# Names that may appear elsewhere on the site (places in the method chapter, authors in the references)
# but never in a case: the places where the sources' informants lived and worked, a retail brand, and
# people named in the sources' appendices. SHA-256 of the term as normalised by
# :func:`analysis.privacy.gate.normalise_term`, so this file does not repeat the names. Everything the
# project-wide privacy gate knows (pseudonyms, employers, providers, tools) comes from its own deny list.
_CASE_DENYLIST_SHA256: frozenset[str] = frozenset(
    {
        "7c37c9d2f2bb9b2c48294df6036409ee78b1ca60dd1ae47f954114f4db035202",
        "7d24e00367d7fb8bcbe9196ced3eb29a4d797de85c4cb966b50bc0d3ab82174a",
        "30e3d1e2053d54e76c1606c83008e69f8fb8b233b0820f6e392e4e6003926c5e",
        "576c0ac6909a0b5070fcb8a79ae7b6dc26a4a231c490becdd9a7125b2f29d82d",
        "c5a8fb3b29edf44effe4dc858261bce6ce8e6d5ccfb98b5c1d3039e8665bab99",
        "c16d3cbd1ce2fbd7fdb9e12f09f9c24f0a625dc63797960cd68acd874c55aa12",
        "f09708aa4b8678bbdc97c8a1ca9436bbab6849b88f6c36b8aae92f613528d3b2",
        "d13b88230ae308020539722a90a7eaeb9bf4753efd66a6597a1b4c6963c50305",
    }
)

_GATE_MESSAGES: dict[str, str] = {
    "identity-number": "inneholder et fødselsnummer eller D-nummer",
    "email": "inneholder en e-postadresse",
    "phone": "inneholder et telefonnummer",
    "deny-list": "inneholder et navn fra kildene (person, virksomhet eller verktøy)",
}


@dataclass(frozen=True)
class PrivacyFinding:
    line: int
    message: str


def term_hash(term: str) -> str:
    """The hash under which a term is kept in a deny list (same normalisation as the privacy gate)."""
    from analysis.privacy.gate import hash_term

    return hash_term(term)


def privacy_findings(text: str, denylist: Iterable[str] = _CASE_DENYLIST_SHA256) -> list[PrivacyFinding]:
    """What the project's privacy gate flags, plus two stricter rules for cases; values are never echoed.

    Cases add (1) any run of 11 digits, valid identity number or not, since no case needs one, and
    (2) the case-only deny list above (places and names that are fine elsewhere on the site).
    """
    from analysis.privacy.gate import scan_text, tokens

    deny = set(denylist)
    found = [PrivacyFinding(f.line, _GATE_MESSAGES.get(f.kind, f"flagget av personvernkontrollen ({f.kind})")) for f in scan_text(text)]
    gate_lines = {(f.line, f.message) for f in found}
    for number, line in enumerate(text.splitlines(), start=1):
        shaped = next(find_identity_numbers(line), None) is not None
        if shaped and (number, _GATE_MESSAGES["identity-number"]) not in gate_lines:
            found.append(PrivacyFinding(number, "inneholder et tall med 11 sifre (mulig fødselsnummer)"))
        if any(hashlib.sha256(w.encode("utf-8")).hexdigest() in deny for w in tokens(line)):
            found.append(PrivacyFinding(number, "inneholder et stedsnavn eller personnavn fra kildene"))
    return sorted(found, key=lambda f: f.line)


# --------------------------------------------------------------------------------------------------
# k-anonymity
# --------------------------------------------------------------------------------------------------

Record = Mapping[str, object]


@dataclass(frozen=True)
class KAnonymityResult:
    """k and the equivalence classes behind it, so a report can say *which* cases stand out."""

    k: int
    quasi_identifiers: tuple[str, ...]
    n_records: int
    classes: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (values, ids), smallest first
    unique_ids: tuple[str, ...]

    @property
    def n_classes(self) -> int:
        return len(self.classes)

    def classes_frame(self) -> pd.DataFrame:
        """One row per combination, smallest group first, with Norwegian column names for display."""
        names = [QI_LABELS.get(q, q) for q in self.quasi_identifiers]
        rows = [{**dict(zip(names, values)), "antall": len(ids), "caser": ", ".join(ids)} for values, ids in self.classes]
        return pd.DataFrame(rows, columns=[*names, "antall", "caser"])


def _to_records(cases: Iterable[Case | Record], quasi_identifiers: Sequence[str]) -> list[dict[str, str]]:
    records: list[dict[str, str]] = []
    for i, c in enumerate(cases):
        if isinstance(c, Case):
            records.append({"id": c.id, **c.quasi_identifiers(quasi_identifiers)})
            continue
        missing = [q for q in ("id", *quasi_identifiers) if q not in c]
        if missing:
            raise ValueError(f"post {i + 1} mangler {', '.join(missing)}")
        records.append({"id": str(c["id"]), **{q: str(c[q]) for q in quasi_identifiers}})
    return records


def k_anonymity(
    cases: Iterable[Case | Record],
    quasi_identifiers: Sequence[str] = QUASI_IDENTIFIERS,
) -> KAnonymityResult:
    """k = size of the smallest group of cases sharing every quasi-identifier (0 for an empty set).

    Records may be :class:`Case` objects or plain mappings with an ``id`` and the quasi-identifiers,
    so that generalised copies and hand-made test sets go through the same code.
    """
    qi = tuple(quasi_identifiers)
    records = _to_records(cases, qi)
    groups: dict[tuple[str, ...], list[str]] = {}
    for r in records:
        groups.setdefault(tuple(r[q] for q in qi), []).append(r["id"])
    classes = tuple(sorted(((k, tuple(sorted(v))) for k, v in groups.items()), key=lambda kv: (len(kv[1]), kv[0])))
    k = min((len(ids) for _, ids in classes), default=0)
    unique = tuple(sorted(ids[0] for _, ids in classes if len(ids) == 1))
    return KAnonymityResult(k=k, quasi_identifiers=qi, n_records=len(records), classes=classes, unique_ids=unique)


# Generalisation ----------------------------------------------------------------------------------

_AGE_LEVELS: tuple[tuple[tuple[int, int], ...], ...] = (
    ((15, 29), (30, 49), (50, 66), (67, 99)),
    ((15, 66), (67, 99)),
)


def _generalise_age(value: str, level: int) -> str:
    if level == 0:
        return value
    if level > len(_AGE_LEVELS):  # the last level of HIERARCHIES["age_band"]
        return SUPPRESSED
    m = _AGE_BAND.match(value)
    if not m:  # "uoppgitt" stays as it is until the band is suppressed altogether
        return value
    lo, hi = int(m.group(1)), int(m.group(2))
    bins = _AGE_LEVELS[level - 1]
    first = next((b for b in bins if b[0] <= lo <= b[1]), bins[0])
    last = next((b for b in bins if b[0] <= hi <= b[1]), bins[-1])
    return f"{first[0]}-{last[1]}"


def _generalise_region(value: str, level: int) -> str:
    if level == 0:
        return value
    if level >= 3:
        return SUPPRESSED
    if value == UNKNOWN:
        return UNKNOWN
    parent = REGION_PARENT.get(value, value)
    if level == 1:
        return parent
    return "Norge" if parent == "Norge" else "Utenfor Norge"


def _generalise_sector(value: str, level: int) -> str:
    if level == 0:
        return value
    if level >= 2:
        return SUPPRESSED
    return SECTOR_GROUP.get(value, value)


def _suppress_at_one(value: str, level: int) -> str:
    return value if level == 0 else SUPPRESSED


@dataclass(frozen=True)
class Hierarchy:
    """How one quasi-identifier coarsens: ``apply(value, level)``; the last level suppresses it."""

    apply: Callable[[str, int], str]
    label: str
    levels: tuple[str, ...]  # what each level means, for readers; levels[0] is the published value

    @property
    def max_level(self) -> int:
        return len(self.levels) - 1


HIERARCHIES: dict[str, Hierarchy] = {
    "age_band": Hierarchy(
        _generalise_age,
        QI_LABELS["age_band"],
        ("som publisert", "brede aldersgrupper (15–29, 30–49, 50–66, 67+)", "bare yrkesaktiv alder eller ikke", "fjernet"),
    ),
    "gender": Hierarchy(_suppress_at_one, QI_LABELS["gender"], ("som publisert", "fjernet")),
    "region_of_origin": Hierarchy(
        _generalise_region,
        QI_LABELS["region_of_origin"],
        ("som publisert", "verdensdel", "bare Norge eller utenfor Norge", "fjernet"),
    ),
    "municipality_size": Hierarchy(_suppress_at_one, QI_LABELS["municipality_size"], ("som publisert", "fjernet")),
    "sector": Hierarchy(_generalise_sector, QI_LABELS["sector"], ("som publisert", "hovedgruppe av bransjer", "fjernet")),
}

# When two coarsening steps are equally good, give up first what a training case needs least.
COARSENING_PREFERENCE: tuple[str, ...] = ("municipality_size", "region_of_origin", "gender", "age_band", "sector")


def generalise(records: Iterable[Case | Record], levels: Mapping[str, int], quasi_identifiers: Sequence[str] = QUASI_IDENTIFIERS) -> list[dict[str, str]]:
    """Copies of the records with each quasi-identifier coarsened to the given level (0 = unchanged)."""
    out = []
    for r in _to_records(records, quasi_identifiers):
        out.append({"id": r["id"], **{q: HIERARCHIES[q].apply(r[q], levels.get(q, 0)) for q in quasi_identifiers}})
    return out


@dataclass(frozen=True)
class GeneralisationStep:
    quasi_identifier: str
    level: int
    k: int
    n_unique: int


@dataclass(frozen=True)
class GeneralisationSuggestion:
    """A greedy coarsening path from the published attributes to the target k, step by step."""

    target_k: int
    start: KAnonymityResult
    result: KAnonymityResult
    levels: Mapping[str, int]
    steps: tuple[GeneralisationStep, ...]
    records: tuple[Mapping[str, str], ...] = field(repr=False)

    @property
    def reached(self) -> bool:
        return self.result.k >= self.target_k

    def steps_frame(self) -> pd.DataFrame:
        rows = [
            {
                "steg": i,
                "kjennetegn": HIERARCHIES[s.quasi_identifier].label,
                "gjøres om til": HIERARCHIES[s.quasi_identifier].levels[s.level],
                "k etter steget": s.k,
                "unike caser": s.n_unique,
            }
            for i, s in enumerate(self.steps, start=1)
        ]
        return pd.DataFrame(rows, columns=["steg", "kjennetegn", "gjøres om til", "k etter steget", "unike caser"])


def _short_records(k_result: KAnonymityResult, target_k: int) -> int:
    return sum(len(ids) for _, ids in k_result.classes if len(ids) < target_k)


def suggest_generalisation(
    cases: Iterable[Case | Record],
    target_k: int = 2,
    quasi_identifiers: Sequence[str] = QUASI_IDENTIFIERS,
) -> GeneralisationSuggestion:
    """Coarsen one quasi-identifier one level at a time until k reaches ``target_k``.

    Each step takes the coarsening that most raises k, then leaves the fewest cases in groups smaller
    than the target, then follows :data:`COARSENING_PREFERENCE`. Greedy search is not guaranteed to
    find the least coarsening, but it is transparent: every step is reported with its k, which is
    what a trainer anonymising a handful of cases needs to see.
    """
    if target_k < 1:
        raise ValueError("target_k må være minst 1")
    qi = tuple(quasi_identifiers)
    unknown = [q for q in qi if q not in HIERARCHIES]
    if unknown:
        raise ValueError(f"ingen generaliseringsregel for {', '.join(unknown)}")
    base = _to_records(cases, qi)
    levels = {q: 0 for q in qi}
    start = k_anonymity(base, qi)
    current = start
    steps: list[GeneralisationStep] = []
    order = [*COARSENING_PREFERENCE, *(q for q in qi if q not in COARSENING_PREFERENCE)]
    preference = {q: i for i, q in enumerate(order)}
    while current.k < target_k and current.n_records > 0:
        options = []
        for q in qi:
            if levels[q] >= HIERARCHIES[q].max_level:
                continue
            trial = {**levels, q: levels[q] + 1}
            res = k_anonymity(generalise(base, trial, qi), qi)
            options.append((-res.k, _short_records(res, target_k), preference[q], q, res))
        if not options:
            break
        _, _, _, q, res = min(options, key=lambda o: o[:4])
        levels[q] += 1
        current = res
        steps.append(GeneralisationStep(q, levels[q], res.k, len(res.unique_ids)))
    records = tuple(generalise(base, levels, qi))
    return GeneralisationSuggestion(target_k, start, current, dict(levels), tuple(steps), records)


# --------------------------------------------------------------------------------------------------
# Overview
# --------------------------------------------------------------------------------------------------


def case_overview(cases: Sequence[Case] | None = None) -> pd.DataFrame:
    """One row per case (id, title, programme, stages, outcome, themes, composite), labels for display.

    Column names are the front-matter keys so that code can rely on them; values are the readable
    Norwegian labels, lists joined, ready for a table.
    """
    cases = load_cases() if cases is None else cases
    rows = [
        {
            "id": c.id,
            "title": c.meta.title,
            "programme": c.meta.programme,
            "stages": ", ".join(str(s) for s in c.meta.euse_stages),
            "outcome": OUTCOME_LABELS[c.meta.outcome],
            "themes": "; ".join(THEMES[t] for t in c.meta.themes),
            "composite": c.meta.composite,
        }
        for c in cases
    ]
    return pd.DataFrame(rows, columns=["id", "title", "programme", "stages", "outcome", "themes", "composite"])


def stage_outcome_counts(cases: Sequence[Case]) -> pd.DataFrame:
    """Long table: how many cases illustrate each EUSE stage, by outcome (one case counts per stage)."""
    rows = [
        {"trinn": s, "trinnnavn": EUSE_STAGES[s], "utfall": OUTCOME_LABELS[c.meta.outcome]}
        for c in cases
        for s in c.meta.euse_stages
    ]
    frame = pd.DataFrame(rows, columns=["trinn", "trinnnavn", "utfall"])
    return frame.groupby(["trinn", "trinnnavn", "utfall"], as_index=False).size().rename(columns={"size": "antall caser"})


def vocabulary_values(name: str) -> tuple[str, ...]:
    """Allowed front-matter values for a Literal-typed field, for documentation and tests."""
    return get_args(CaseMeta.model_fields[name].annotation)


def source_group(case: Case) -> str:
    """Which body of sources a case rests on: 'norce' (004), 'thesis' (002) or 'pilot' (000/001)."""
    docs = {s[:3] for s in case.meta.sources}
    if docs <= {"004"}:
        return "norce"
    if docs <= {"002"}:
        return "thesis"
    if docs <= {"000", "001"}:
        return "pilot"
    return "mixed"


def case_set_facts(cases: Sequence[Case], target_k: int = 2) -> dict[str, int]:
    """Every count the case chapter states in prose, computed from the case files."""
    published = k_anonymity(cases)
    suggestion = suggest_generalisation(cases, target_k=target_k)
    groups = Counter(source_group(c) for c in cases)
    return {
        "cases_n": len(cases),
        "cases_composite": sum(c.meta.composite for c in cases),
        "cases_single": sum(not c.meta.composite for c in cases),
        "cases_failure": sum(any(", 3.8." in s for s in c.meta.sources) for c in cases),
        "cases_norce": groups["norce"],
        "cases_thesis": groups["thesis"],
        "cases_pilot": groups["pilot"],
        "qi_n": len(published.quasi_identifiers),
        "k_published": published.k,
        "k_classes": published.n_classes,
        "k_unique": len(published.unique_ids),
        "k_target": target_k,
        "k_generalised": suggestion.result.k,
        "k_steps": len(suggestion.steps),
        "k_suppressed": sum(suggestion.levels[q] >= HIERARCHIES[q].max_level for q in suggestion.levels),
    }


def cases_changed_by_anonymiser(cases: Sequence[Case]) -> list[str]:
    """Ids of the cases the project's text anonymiser would still change; expected to be none.

    The anonymiser is the tool NAV staff run on their own texts; running it over the published cases
    during the build shows that they pass the same first check. Imported lazily so that loading cases
    does not pull in the anonymiser's lexicons.
    """
    from analysis.anonymise.engine import anonymise

    changed = []
    for c in cases:
        text = c.path.read_text(encoding="utf-8")
        if anonymise(text).text != text:
            changed.append(c.id)
    return changed
