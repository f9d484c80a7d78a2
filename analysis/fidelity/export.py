"""What the browser gets from Python: the codebook and everything around it as one JSON document.

The self-assessment page (book/egenvurdering.md) and the command line's team report score and show answers
in JavaScript. They must not carry a second copy of any rule, so everything that decides a number or a
word is exported from here at build time: items, options and their scoring rules (with the variants), the
bands and their tolerance, time points and how their spelling is matched, the raw file format and what the
reader drops or refuses, the published Tabell 1, the advice per item, the CSV-safety rule and the
Norwegian column names. The JavaScript interprets this document; it knows no item, code or bound of its own.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from analysis.core import output
from analysis.core.identity import SHAPE as IDENTITY_SHAPE
from analysis.fidelity.advice import full_score, load_advice
from analysis.fidelity.answers import COMMENT_PREFIX, IDENTITY_ALIASES, MAX_PROBLEMS, PATTERNS
from analysis.fidelity.codebook import TIMEPOINT_IGNORED, FidelityCodebook, load_fidelity_codebook
from analysis.fidelity.figures import SECTION_LABELS
from analysis.fidelity.results import LISTED, SCHEMA_VERSION, identical_options
from analysis.fidelity.rules import CountScoring
from analysis.fidelity.scoring import BAND_SCHEMES, BAND_TOLERANCE, band_cuts
from analysis.fidelity.synthetic import TABLE1, published_means
from analysis.fidelity.table1_checks import TOTALS

PAGE_DATA_ID = "se-egenvurdering-data"
"""The id of the ``<script type="application/json">`` element that carries the export on a page."""


def csv_headers(book: FidelityCodebook) -> dict[str, str]:
    """Norwegian column names for the CSV files a team opens in Excel (``--excel`` and the page's export)."""
    return {
        "respondent_id": "Løpenummer",
        "team": "Team",
        "timepoint": "Tidspunkt",
        "n": "Antall svar",
        "n_complete": "Svar med alle spørsmål besvart",
        "items_with_answers": "Spørsmål med svar",
        "items_answered": "Besvarte spørsmål",
        "partial_total": "Delsum for besvarte spørsmål",
        "total": "Totalskår",
        "band": "Kategori",
        **{i.id: f"Spm. {i.number} {i.label}" for i in book.items},
    }


def _scoring(item_rule: Any) -> dict[str, Any]:
    if isinstance(item_rule, CountScoring):
        return {
            "rule": "count",
            "counted": list(item_rule.counted),
            "merge": [list(g) for g in item_rule.merge],
            "max": item_rule.max,
            "floor": item_rule.floor,
        }
    return {"rule": "position"}


def _items(book: FidelityCodebook) -> list[dict[str, Any]]:
    out = []
    for item in book.items:
        rule = item.scoring
        variants = (
            {name: override.model_dump(exclude_none=True) for name, override in rule.variants.items()}
            if isinstance(rule, CountScoring)
            else {}
        )
        out.append(
            {
                "id": item.id,
                "number": item.number,
                "label": item.label,
                "wording": item.wording,
                "instruction": item.instruction,
                "type": item.type,
                "section": SECTION_LABELS[item.section],
                "options": [{"code": o.code, "text": o.text} for o in item.options],
                "columns": list(item.columns),
                "scoring": _scoring(item.resolved_scoring()),
                "variants": variants,
                "score_range": list(item.score_range()),
                "identical_options": identical_options(item),
                "full_score": full_score(book, item.id),
            }
        )
    return out


def _published(book: FidelityCodebook) -> dict[str, Any]:
    means = published_means()
    totals = pd.read_csv(TOTALS)
    teams = []
    for (team, timepoint), part in means.groupby(["team", "timepoint"], sort=False):
        total = totals.loc[(totals["team"] == team) & (totals["timepoint"] == timepoint), "total"]
        teams.append(
            {
                "team": f"Team {team}",
                "timepoint": str(timepoint),
                "means": {row.item_id: float(row.mean) for row in part.itertuples()},
                "total": float(total.iloc[0]),
            }
        )
    order = book.timepoint_order()
    teams.sort(key=lambda t: (str(t["team"]), order[str(t["timepoint"])]))
    source = book.source
    return {
        "teams": teams,
        "note": (
            f"Tabell 1 i NORCE-rapporten ({source.citation_key}): gjennomsnitt per spørsmål for de to teamene i "
            "studien, som trykt med én desimal. Høyst fem jobbspesialister per team svarte, noen ganger én eller to."
        ),
        "files": [str(TABLE1.name), str(TOTALS.name)],
    }


def page_data(book: FidelityCodebook | None = None) -> dict[str, Any]:
    """Everything the page and the report's renderer need, as plain JSON-able data."""
    codebook = book or load_fidelity_codebook()
    advice = load_advice(book=codebook)
    fmt = codebook.raw_format
    return {
        "schema": SCHEMA_VERSION,
        "codebook": {
            "id": codebook.id,
            "title": codebook.title,
            "attribution": codebook.attribution,
            "max_score": codebook.scales["modified"].max_score,
            "items": _items(codebook),
            "timepoints": [{"id": t.id, "label": t.label} for t in codebook.timepoints],
            "timepoint_ignored": TIMEPOINT_IGNORED,
            "variants": [{"id": v.id, "label": v.label} for v in codebook.variants],
            "bands": {
                scheme: [
                    {"id": c.id, "label": codebook.band_label(c.id), "min": c.min} for c in band_cuts(codebook, scheme)
                ]
                for scheme in BAND_SCHEMES
            },
            "band_tolerance": BAND_TOLERANCE,
        },
        "raw_format": {
            "id_columns": list(fmt.id_columns),
            "columns": codebook.raw_columns(),
            "single_values": list(fmt.single_values),
            "multi_values": list(fmt.multi_values),
            "comment_prefix": COMMENT_PREFIX,
            "identity_columns": sorted(IDENTITY_ALIASES),
            "identity_shape": IDENTITY_SHAPE.pattern,
            "max_problems": MAX_PROBLEMS,
            "patterns": {name: pattern.pattern for name, pattern in PATTERNS.items()},
            "blank_header": "(tom overskrift i kolonne {letters})",
        },
        "published": _published(codebook),
        "advice": {
            "low_share": advice.low_share,
            "note": advice.low_share_note,
            "items": {
                k: {"text": v.text, "source": f"{codebook.source.citation_key}, linje {', '.join(map(str, v.lines))}"}
                for k, v in advice.items.items()
            },
        },
        "csv": {
            "formula_prefixes": list(output.FORMULA_PREFIXES),
            "neutraliser": output.NEUTRALISER,
            "excel": {"separator": output.EXCEL_SEPARATOR, "decimal": output.EXCEL_DECIMAL, "decimals": 1},
            "headers": csv_headers(codebook),
            "rounding_noise": output.BINARY_NOISE,
        },
        "limits": {"listed": LISTED},
    }


def script_json(data: Any) -> str:
    """JSON safe inside a ``<script type="application/json">`` element (no ``</script`` or comment can open)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
