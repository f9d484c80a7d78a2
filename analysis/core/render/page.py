"""Self-contained HTML documents (the team report of ``fidelity score``): everything inlined, nothing fetched."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from analysis.core.paths import ROOT, rel
from analysis.core.render.figure import FigureOutput
from analysis.core.render.style import FONT_FAMILY, TEXT_COLOUR


def vendor_file(name: str) -> Path:
    """A vendored JavaScript file as copied in by the build (``make vendor``)."""
    path = ROOT / "book" / "_static" / "vendor" / name
    if not path.is_file():
        raise FileNotFoundError(f"{rel(path)} is missing: run `make vendor` (it copies the files from node_modules)")
    return path


def standalone_html(
    title: str,
    body_parts: Sequence[FigureOutput | str],
    *,
    lang: str = "nb",
    scripts: Sequence[str] = (),
    styles: Sequence[str] = (),
) -> str:
    """A self-contained HTML document: scripts and styles inlined, so it works offline with no requests.

    ``scripts`` and ``styles`` name further files in book/_static to inline (the team report adds the
    self-assessment renderer, which the site's page «Vurder teamet ditt» uses too).
    """
    kinds = {part.kind for part in body_parts if isinstance(part, FigureOutput)}
    inline: list[str] = []
    if "plotly" in kinds:
        inline.append(vendor_file("plotly-cartesian.min.js").read_text(encoding="utf-8"))
    if "vega" in kinds:
        for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"):
            inline.append(vendor_file(name).read_text(encoding="utf-8"))
    static = ROOT / "book" / "_static"
    inline.append((static / "figures.js").read_text(encoding="utf-8"))
    inline.extend((static / name).read_text(encoding="utf-8") for name in scripts)
    css = "\n".join((static / name).read_text(encoding="utf-8") for name in ("site.css", *styles))
    body = "\n".join(part.html if isinstance(part, FigureOutput) else part for part in body_parts)
    script_tags = "\n".join("<script>" + s.replace("</script", "<\\/script") + "</script>" for s in inline)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{css}\nbody{{max-width:60rem;margin:1rem auto;padding:0 1rem;"
        f"font-family:{FONT_FAMILY};color:{TEXT_COLOUR}}}</style></head>"
        f"<body><main>{body}</main>{script_tags}</body></html>"
    )
