"""Write data/lexicon/languages_cldr.tsv: the Norwegian (bokmål) names of languages and the world region their
speakers come from, from the Unicode CLDR data that ships with Babel (offline).

Run from the repository root with the project's environment: ``.venv/bin/python scripts/build_language_gazetteer.py``.
The anonymiser reads only the TSV (analysis/anonymise/lexicon.py); Babel is needed only to regenerate it.

How a language gets a region: CLDR's territory-language table (``territory_languages``) says in which territories
a language is spoken, by what share of the population and whether it is official. The territories where the
language is official, or spoken by at least 10 % of the population (for a minority language that is nowhere,
the territory of its largest share), are mapped to the regions of
data/lexicon/regions.tsv (through the country names of countries.tsv, and :data:`OTHER_TERRITORIES` for
territories that file does not list). A language whose territories all lie in one region gets that region; a
language spoken in several regions is written with region ``*`` (it points to no one region: English, French,
Spanish, Arabic …) and is not generalised. Languages whose CLDR name has a space, that no territory lists, or
that Norwegian case notes name otherwise (the hand-written languages.tsv wins) are left out or overridden at
load time.

Sources and licences: Babel (BSD-3-Clause) and the CLDR data it bundles (Unicode License v3); see
data/lexicon/README.md.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from babel import Locale, __version__
from babel.core import get_global

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "data" / "lexicon"
OUT = LEXICON / "languages_cldr.tsv"
MIN_SHARE = 10.0  # per cent of a territory's population
OFFICIAL = {"official", "de_facto_official"}
# Territories that countries.tsv does not list by their CLDR name (UN M49, adapted as in countries.tsv).
OTHER_TERRITORIES = {
    "CG": "Sentral-Afrika", "GQ": "Sentral-Afrika", "ST": "Sentral-Afrika", "GW": "Vest-Afrika",
    "CV": "Vest-Afrika", "EH": "Nord-Afrika", "KM": "Øst-Afrika", "MU": "Øst-Afrika", "SC": "Øst-Afrika",
    "YT": "Øst-Afrika", "RE": "Øst-Afrika", "LS": "det sørlige Afrika", "SZ": "det sørlige Afrika",
    "PS": "Midtøsten", "MM": "Sørøst-Asia", "TL": "Sørøst-Asia", "BN": "Sørøst-Asia", "SG": "Sørøst-Asia",
    "MV": "Sør-Asia", "HK": "Øst-Asia", "MO": "Øst-Asia", "PY": "Latin-Amerika", "UY": "Latin-Amerika",
    "PA": "Latin-Amerika", "CR": "Latin-Amerika", "HT": "Latin-Amerika", "BZ": "Latin-Amerika",
    "GY": "Latin-Amerika", "SR": "Latin-Amerika", "JM": "Latin-Amerika", "TT": "Latin-Amerika",
    "PR": "Latin-Amerika", "GF": "Latin-Amerika", "GP": "Latin-Amerika", "MQ": "Latin-Amerika",
    "BS": "Latin-Amerika", "BB": "Latin-Amerika", "FJ": "Oseania", "PG": "Oseania", "SB": "Oseania",
    "VU": "Oseania", "WS": "Oseania", "TO": "Oseania", "KI": "Oseania", "NC": "Oseania", "PF": "Oseania",
    "LU": "Vest-Europa", "LI": "Vest-Europa", "MC": "Vest-Europa", "AD": "Sør-Europa", "SM": "Sør-Europa",
    "VA": "Sør-Europa", "GI": "Sør-Europa", "GL": "Norden", "AX": "Norden", "FO": "Norden",
}
# Never an origin in Norwegian case notes: the languages of the country itself and the national minorities.
SKIP = {"nb", "nn", "no", "se", "smj", "sma", "smn", "sms", "fkv", "rom", "rmn"}


def _tsv(path: Path) -> list[dict[str, str]]:
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t"))


def territory_regions() -> dict[str, str]:
    nb = Locale("nb")
    by_name = {row["country"]: row["region"] for row in _tsv(LEXICON / "countries.tsv")}
    out = dict(OTHER_TERRITORIES)
    for code, name in nb.territories.items():
        if name in by_name:
            out[code] = by_name[name]
    return out


def language_regions() -> dict[str, tuple[str, str]]:
    """Language code → (region or «*», the territory where the language has its largest share)."""
    regions = territory_regions()
    strong: dict[str, list[tuple[float, str, str]]] = {}
    weak: dict[str, list[tuple[float, str, str]]] = {}
    for territory, languages in get_global("territory_languages").items():
        region = regions.get(territory)
        if region is None:
            continue
        for code, info in languages.items():
            share = float(info.get("population_percent") or 0.0)
            place = (share, territory, region)
            if share >= MIN_SHARE or info.get("official_status") in OFFICIAL:
                strong.setdefault(code.split("_")[0], []).append(place)
            elif share > 0 or info.get("official_status"):
                weak.setdefault(code.split("_")[0], []).append(place)
    out = {}
    for code in strong.keys() | weak.keys():
        # Where the language is official or spoken by many; else (a minority language: «jola-fonyi» in Senegal,
        # «kabylsk» in Algeria) where it has its largest share.
        places = strong.get(code) or [max(weak[code])]
        found = {region for _, _, region in places}
        out[code] = ("*" if len(found) > 1 else found.pop(), max(places)[1])
    return out


def main() -> int:
    nb = Locale("nb")
    rows = []
    for code, (region, territory) in sorted(language_regions().items()):
        name = nb.languages.get(code)
        if not name or " " in name or code in SKIP:
            continue
        rows.append((name.casefold(), code, region, territory))
    rows.sort()
    lines = [
        f"# Generated by scripts/build_language_gazetteer.py from Unicode CLDR {get_global('cldr')['version']} "
        f"(© Unicode, Inc., Unicode License v3; via Babel {__version__}): bokmål name of",
        "# a language, ISO 639 code, world region of its speakers («*»: spoken in several regions, not generalised),",
        "# the territory where it has its largest share. Do not edit by hand; languages.tsv overrides it.",
        "language\tcode\tregion\tterritory",
        *("\t".join(r) for r in rows),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} languages, {sum(r[2] == '*' for r in rows)} in several regions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
