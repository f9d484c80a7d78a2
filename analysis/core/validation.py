"""The one validation style: pydantic models, with every error turned into a located Norwegian Problem.

Codebooks, coded factor rows, case front matter and any other structured input are described by pydantic
models that forbid unknown keys. A model's own checks raise ``ValueError`` with Norwegian text (one problem
per line); everything pydantic finds by itself is translated here, so a user never sees English or a
traceback, and every problem names the file and, where known, the row and field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from analysis.core.errors import InputError, Problem
from analysis.core.files import read_text, shown_name

Model = TypeVar("Model", bound=BaseModel)


class StrictModel(BaseModel):
    """Base for validated structures: an unknown key is an error, so a typo cannot hide a rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is much faster where available

MESSAGES: dict[str, str] = {
    "missing": "påkrevd felt mangler",
    "extra_forbidden": "ukjent felt (ikke en del av formatet)",
    "string_type": "må være tekst",
    "int_type": "må være et heltall",
    "int_parsing": "må være et heltall",
    "int_from_float": "må være et heltall",
    "float_type": "må være et tall",
    "float_parsing": "må være et tall",
    "bool_type": "må være true eller false",
    "bool_parsing": "må være true eller false",
    "list_type": "må være en liste",
    "tuple_type": "må være en liste",
    "dict_type": "må være en tabell (nøkkel: verdi)",
    "model_type": "må være en tabell (nøkkel: verdi) med egne felt",
    "greater_than": "må være større enn 0",
    "greater_than_equal": "kan ikke være negativ",
    "too_short": "er tom eller for kort",
    "string_too_short": "er for kort",
    "string_too_long": "er for lang",
}
_SHOW_INPUT = frozenset(MESSAGES) - {"missing", "extra_forbidden"}


def message(error: Any) -> str:
    """One pydantic error in Norwegian, naming the offending value where that helps."""
    kind = error["type"]
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind == "literal_error":
        return f"ugyldig verdi «{error.get('input')}»; tillatt: {error.get('ctx', {}).get('expected', '')}"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        expected = error.get("ctx", {}).get("expected_tags", "")
        return f"ukjent type; tillatt: {expected}" if expected else "ukjent type"
    if kind == "string_pattern_mismatch":
        return f"«{error.get('input')}» har feil form (ventet mønster {error.get('ctx', {}).get('pattern', '')})"
    if kind in MESSAGES:
        text = MESSAGES[kind]
        return f"{text} (fikk «{error.get('input')}»)" if kind in _SHOW_INPUT else text
    return str(error["msg"])


def describe_location(loc: Sequence[Any], raw: Any) -> str:
    """Readable location, e.g. ``items[3] (q04).options``, naming list entries by their ``id`` where they have one."""
    parts: list[str] = []
    node = raw
    for key in loc:
        if isinstance(key, int):
            label = f"[{key}]"
            if isinstance(node, list) and 0 <= key < len(node):
                node = node[key]
                if isinstance(node, dict) and "id" in node:
                    label += f" ({node['id']})"
            else:
                node = None
            if parts:
                parts[-1] += label
            else:
                parts.append(label)
            continue
        if isinstance(node, dict) and key not in node and node.get("rule") == key:
            continue  # pydantic's discriminator tag, not a key in the file
        parts.append(str(key))
        node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts)


def problems_from(
    exc: ValidationError, raw: Any, file: str, *, row_of: Callable[[Sequence[Any]], int | None] | None = None
) -> list[Problem]:
    """Every error of a failed validation as a Problem; ``row_of`` maps a location to a line in the file."""
    problems: list[Problem] = []
    for error in exc.errors():
        where = describe_location(error["loc"], raw)
        row = row_of(error["loc"]) if row_of else None
        for line in message(error).splitlines():
            if row_of is not None:
                problems.append(Problem(file, line, row=row, column=where or None))
                continue
            # A model's own checks start each line with the field they concern: join it with a dot.
            sep = "." if error["type"] == "value_error" else ": "
            problems.append(Problem(file, f"{where}{sep}{line}" if where else line))
    return problems


def validate(
    model: type[Model], raw: Any, file: str, *, row_of: Callable[[Sequence[Any]], int | None] | None = None
) -> Model:
    """``model`` built from ``raw``, or an InputError listing every problem with file (and row, if known)."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise InputError(problems_from(exc, raw, file, row_of=row_of)) from None


def parse_yaml(text: str, file: str, *, what: str = "filen") -> Any:
    """YAML text parsed safely; a syntax error names the line."""
    try:
        return yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (linje {mark.line + 1})" if mark is not None else ""
        raise InputError([Problem(file, f"ugyldig YAML i {what}{where}: {getattr(exc, 'problem', exc)}")]) from None


def read_yaml_mapping(path: Path, *, what: str = "filen") -> tuple[dict[str, Any], str]:
    """A YAML file whose top level is a mapping, and the name to use for it in messages."""
    file = shown_name(path)
    raw = parse_yaml(read_text(path), file, what=what)
    if not isinstance(raw, dict):
        raise InputError([Problem(file, f"{what} må være en YAML-tabell med nøkler øverst")])
    return raw, file


def duplicate_problems(
    groups: Iterable[tuple[str, Sequence[Any]]], text: str = "samme verdi brukt mer enn én gang"
) -> list[str]:
    """One line per field whose values repeat (ids, numbers, labels)."""
    out = []
    for field, values in groups:
        dup = sorted({str(x) for x, n in Counter(values).items() if n > 1})
        if dup:
            out.append(f"{field}: {text}: {', '.join(dup)}")
    return out


def one_of(value: str, allowed: Iterable[str], what: str) -> str:
    """``value`` if it is allowed, else a ValueError listing what is."""
    options = sorted(allowed)
    if value not in options:
        raise ValueError(f"ukjent {what} «{value}»; tillatt: {', '.join(options)}")
    return value


def all_of(values: Iterable[str], allowed: Iterable[str], what: str) -> tuple[str, ...]:
    """``values`` if every one is allowed and none repeats, else a ValueError."""
    chosen = tuple(values)
    options = sorted(allowed)
    bad = [v for v in chosen if v not in options]
    if bad:
        raise ValueError(f"ukjent {what}: {', '.join(bad)}; tillatt: {', '.join(options)}")
    if len(set(chosen)) != len(chosen):
        raise ValueError(f"samme {what} står flere ganger")
    return chosen
