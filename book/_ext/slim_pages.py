"""Lighter pages with the same look: one purged stylesheet, inline SVG icons, only the scripts a page uses.

A text page used to load 1.2 MB in 28 requests: the pydata theme's 0.4 MB stylesheet and eight more
stylesheets, two Font Awesome web fonts (0.27 MB) for a dozen icons, the search index and its scripts, and
scripts for features no page uses. After the build has written every page, this extension

- replaces every stylesheet link with one bundle, ``_static/se-site.css``: the same stylesheets in the same
  cascade order, with the rules no page or script can match removed by PurgeCSS (scripts/slim_css.mjs,
  npm ``purgecss``), and the icons the theme draws with the web font in pseudo-elements redrawn as CSS
  masks of the same glyphs;
- replaces every Font Awesome ``<i class="fa-…">`` with the glyph as inline SVG, taken from the theme's own
  copy of Font Awesome Free (icons CC BY 4.0), so no web font is loaded;
- leaves out scripts a page does not use: sphinx-design's tabs (no page has tabs), the toggle-button script
  (no page has toggle admonitions) and the copy button (on pages without code blocks).

The search index and its scripts are loaded only on the search page (book/_templates/layout.html); plotly.js
and the vega stack only when a figure approaches the viewport (book/_static/figures.js).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

BUNDLE = "_static/se-site.css"
# Stylesheets the theme links from its own template macro (book/_templates/static/webpack-macros.html now
# links none); they come first in the cascade, as they did.
THEME_CSS = ("_static/basic.css", "_static/styles/pydata-sphinx-theme.css")
ROOT = Path(__file__).resolve().parent.parent.parent
NODE_SCRIPT = ROOT / "scripts" / "slim_css.mjs"
_CSS_ORDER: list[str] = []

# script file name -> what a page body must contain for the script to be needed
CONDITIONAL_SCRIPTS = {
    "design-tabs.js": re.compile(r'class="[^"]*\bsd-tab'),
    "togglebutton.js": re.compile(r'class="[^"]*\btoggle\b'),
    "clipboard.min.js": re.compile(r"<pre\b"),
    "copybutton.js": re.compile(r"<pre\b"),
}
_ICON = re.compile(r'<(i|span) class="((?:[^"]*\s)?(?:fa-[a-z0-9-]+|fa[srb])(?:\s[^"]*)?)"([^>]*)>\s*</\1>')
_PACK_CLASSES = {"fa-solid": "fas", "fas": "fas", "fa-regular": "far", "far": "far", "fa-brands": "fab", "fab": "fab"}
_FA_ENTRY = re.compile(r'"?([a-z0-9-]+)"?:\[(\d+),(\d+),\[([^\]]*)\],"([0-9a-f]+)","([^"]+)"\]')
_FA_ALIAS = re.compile(r'"([a-z0-9-]+)"')
_PACK_END = re.compile(r'd\("(fa[srb])",p\)')
_CSS_VERSION = re.compile(r"(se-site\.css)\?v=[0-9a-z]+")


def _fontawesome_js() -> Path:
    import pydata_sphinx_theme

    path = (
        Path(pydata_sphinx_theme.__file__).parent
        / "theme"
        / "pydata_sphinx_theme"
        / "static"
        / "scripts"
        / "fontawesome.js"
    )
    if not path.is_file():
        raise ExtensionError(f"the theme's Font Awesome script is missing: {path}")
    return path


@lru_cache(maxsize=1)
def font_awesome() -> dict[str, dict[str, tuple[int, int, str, str]]]:
    """Every glyph of the theme's Font Awesome Free, by pack (fas, far, fab) and icon name.

    The bundled script defines each pack as ``var p={name:[width,height,[aliases],"code point","path"],…}``
    followed by ``d("fas",p)``; the glyph data are read from there, under the name and its aliases.
    """
    text = _fontawesome_js().read_text(encoding="utf-8")
    packs: dict[str, dict[str, tuple[int, int, str, str]]] = {}
    start = 0
    for end in _PACK_END.finditer(text):
        begin = text.rfind("var p={", start, end.start())
        if begin < 0:
            raise ExtensionError("unexpected layout of the theme's Font Awesome script")
        body = text[begin : end.start()]
        pack: dict[str, tuple[int, int, str, str]] = {}
        for m in _FA_ENTRY.finditer(body):
            glyph = (int(m.group(2)), int(m.group(3)), m.group(5), m.group(6))
            for name in [m.group(1), *_FA_ALIAS.findall(m.group(4))]:  # older names such as pencil-alt
                pack.setdefault(name, glyph)
        packs[end.group(1)] = pack
        start = end.end()
    if not all(packs.get(p) for p in ("fas", "fab")):
        raise ExtensionError("could not read the Font Awesome packs from the theme's script")
    return packs


def inline_svg(classes: str, tag: str = "i") -> str:
    """The Font Awesome icon named by ``classes`` as inline SVG inside the same element, hidden from assistive tech.

    The ``<i>`` (or ``<span>``) element stays, so the theme's rules for icons in buttons and labels (margins,
    sizes) still apply; its Font Awesome classes go, so nothing asks for the web font.
    """
    names = classes.split()
    pack = next((_PACK_CLASSES[n] for n in names if n in _PACK_CLASSES), "fas")
    icons = [n[3:] for n in names if n.startswith("fa-") and n not in _PACK_CLASSES and n[3:] not in {"lg", "fw"}]
    if len(icons) != 1 or icons[0] not in font_awesome().get(pack, {}):
        raise ExtensionError(f'no Font Awesome icon for <i class="{classes}">')
    width, height, _, path = font_awesome()[pack][icons[0]]
    keep = [n for n in names if not (n.startswith("fa-") or n in _PACK_CLASSES)]
    css = " ".join(["se-icon", *(["se-icon-lg"] if "fa-lg" in names else []), *keep])
    return (
        f'<{tag} class="{css}" aria-hidden="true"><svg class="se-glyph" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" '
        f'width="{width / height:.4g}em" height="1em" focusable="false">'
        f'<path fill="currentColor" d="{html.escape(path)}"/></svg></{tag}>'
    )


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    css_files = context.get("css_files") or []
    for css in [*THEME_CSS, *(getattr(c, "filename", c) for c in css_files)]:
        name = str(css).split("?")[0]
        if not name.startswith("_static/"):
            name = "_static/" + name
        if name not in _CSS_ORDER and name != BUNDLE:
            _CSS_ORDER.append(name)
    context["css_files"] = [f"{BUNDLE}?v=0"]
    body = context.get("body") or ""
    kept = []
    for script in context.get("script_files") or []:
        name = str(getattr(script, "filename", script) or "").split("?")[0].rsplit("/", 1)[-1]
        needed = CONDITIONAL_SCRIPTS.get(name)
        if needed is not None and not needed.search(body):
            continue
        kept.append(script)
    context["script_files"] = kept


def _written_pages(outdir: Path) -> list[Path]:
    return [
        p
        for p in sorted(outdir.rglob("*.html"))
        if not {"_static", "_sources", "_images"} & set(p.relative_to(outdir).parts)
    ]


def _purge_css(outdir: Path, pages: list[Path], order: list[str]) -> str:
    node = shutil.which("node")
    if node is None:
        raise ExtensionError("Node.js is needed to build the site's stylesheet (npm ci installs PurgeCSS)")
    css = [c for c in order if (outdir / c).is_file()]
    missing = [c for c in order if not (outdir / c).is_file()]
    if missing:
        raise ExtensionError(f"stylesheets linked by the pages are missing from the output: {missing}")
    static = outdir / "_static"
    scripts = [p for p in static.rglob("*.js") if "vendor" not in p.parts and p.name != "fontawesome.js"]
    glyphs = {
        code: [w, h, path] for pack in ("fab", "far", "fas") for w, h, code, path in font_awesome()[pack].values()
    }
    job = {
        "root": str(outdir),
        "out": BUNDLE,
        "css": css,
        "content": [str(p) for p in [*pages, *scripts]],
        "icons": glyphs,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(job, handle)
    try:
        result = subprocess.run([node, str(NODE_SCRIPT), handle.name], cwd=ROOT, capture_output=True, text=True)
    finally:
        Path(handle.name).unlink(missing_ok=True)
    if result.returncode != 0:
        raise ExtensionError(f"building the stylesheet failed:\n{result.stderr[-3000:]}")
    stats = json.loads(result.stdout.strip().splitlines()[-1])
    logger.info(
        "[slim_pages] stylesheet: %d -> %d bytes, %d icon rules redrawn as SVG masks",
        stats["bytesIn"],
        stats["bytesOut"],
        stats["rulesMasked"],
    )
    return hashlib.sha256((outdir / BUNDLE).read_bytes()).hexdigest()[:12]


def _sync_project_static(app: Sphinx, outdir: Path) -> None:
    """Copy changed files of the project's own static folders into the output.

    When no page is out of date Sphinx skips writing altogether, static files included, so an edit of
    site.css or figures.js alone would never reach the site (Make does rerun the build for it).
    """
    for folder in app.config.html_static_path:
        source = Path(app.srcdir) / folder
        for path in source.rglob("*"):
            if not path.is_file():
                continue
            target = outdir / "_static" / path.relative_to(source)
            if not target.is_file() or target.read_bytes() != path.read_bytes():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)


def _css_order(outdir: Path) -> list[str]:
    """The stylesheets the pages link, in cascade order; kept next to the output for builds that write no page."""
    state = outdir.parent / "slim_pages.json"
    if _CSS_ORDER:
        state.write_text(json.dumps(_CSS_ORDER), encoding="utf-8")
        return list(_CSS_ORDER)
    if state.is_file():
        return list(json.loads(state.read_text(encoding="utf-8")))
    raise ExtensionError("no page was rendered and no earlier build recorded its stylesheets; run a clean build")


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    _sync_project_static(app, outdir)
    pages = _written_pages(outdir)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        new = _ICON.sub(lambda m: inline_svg(m.group(2), m.group(1)), text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    version = _purge_css(outdir, pages, _css_order(outdir))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        new = _CSS_VERSION.sub(rf"\1?v={version}", text)
        if new != text:
            page.write_text(new, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", _page_context, priority=900)
    app.connect("build-finished", _finish, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": False, "version": "1"}
