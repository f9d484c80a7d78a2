"""Norwegian bokmål for the engine and the theme stack, through their own message catalogs.

``language: nb_NO`` is a locale Sphinx knows (``nb`` alone is not: it falls back to English), and
``html_search_language: "no"`` gives the search the Norwegian stemmer and stop words. What the stock catalogs
lack is supplied from ``book/_locale/nb_NO/LC_MESSAGES``:

- ``sphinx.po`` holds Sphinx and pydata-sphinx-theme strings (pydata ships no Norwegian catalog and merges
  its strings into Sphinx's). Sphinx itself reads it before its own nb_NO catalog (``locale_dirs``). Sphinx's
  search page takes its strings from a separate JavaScript catalog; this extension writes that catalog
  (``sphinx.js``: Sphinx's own nb_NO messages overlaid with ``sphinx.po``) so the two cannot drift apart.
- ``booktheme.po`` replaces sphinx-book-theme's catalog: the theme ships one only as ``no``, which Sphinx
  does not look up for ``nb_NO``, and its wording is machine-like ("åpent nummer" for "open issue").
- sphinx-copybutton carries its messages inside its script, keyed by ``<html lang>``; a bokmål entry is
  added to the written script.

Compiled catalogs go to ``_build/locale`` (Sphinx writes ``sphinx.mo`` next to ``sphinx.po``; that file is
ignored by git). Strings that no catalog covers are translated in the written pages by ``theme_fixes``;
tests/site/test_norwegian.py fails on any English interface string left in a page or in the search results.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx import package_dir
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError

LOCALE_SOURCE = Path(__file__).resolve().parent.parent / "_locale"
_TRANSLATIONS_JS = re.compile(r"Documentation\.addTranslations\((\{.*\})\);?\s*$", re.S)

COPYBUTTON_NB = {
    "copy": "Kopier",
    "copy_to_clipboard": "Kopier til utklippstavlen",
    "copy_success": "Kopiert!",
    "copy_failure": "Kunne ikke kopiere",
}
TOGGLEBUTTON_NB = {"Toggle hidden content": "Vis eller skjul innholdet"}


def _generated_dir(app: Sphinx) -> Path:
    return Path(app.outdir).parent / "locale"


def _read_po(path: Path) -> Any:
    with path.open("rb") as handle:
        return read_po(handle)


def _messages(catalog: Any) -> dict[str, str]:
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str) and m.string}


def _compile(language: str, generated: Path) -> None:
    source = LOCALE_SOURCE / language / "LC_MESSAGES"
    target = generated / language / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    theme_po = source / "booktheme.po"
    if theme_po.is_file():
        with (target / "booktheme.mo").open("wb") as handle:
            write_mo(handle, _read_po(theme_po))
    sphinx_po = source / "sphinx.po"
    if sphinx_po.is_file():
        stock = Path(package_dir) / "locale" / language / "LC_MESSAGES" / "sphinx.js"
        base: dict[str, Any] = {"locale": language, "messages": {}, "plural_expr": "(n != 1)"}
        if stock.is_file():
            match = _TRANSLATIONS_JS.search(stock.read_text(encoding="utf-8"))
            if not match:
                raise ExtensionError(f"cannot read Sphinx's JavaScript catalog {stock}")
            base = json.loads(match.group(1))
        messages = {k: v for k, v in base.get("messages", {}).items() if v}
        messages.update(_messages(_read_po(sphinx_po)))
        base["messages"] = dict(sorted(messages.items()))
        text = "Documentation.addTranslations(" + json.dumps(base, ensure_ascii=False, indent=1) + ");\n"
        (target / "sphinx.js").write_text(text, encoding="utf-8")


def _config_inited(app: Sphinx, config: Config) -> None:
    # Sphinx looks for the JavaScript catalog in locale_dirs relative to the working directory; absolute
    # paths make the build independent of where it is started from.
    generated = _generated_dir(app)
    _compile(config.language, generated)
    dirs = [str(Path(app.srcdir) / d) for d in config.locale_dirs]
    config.locale_dirs = [*dirs, str(generated)]
    app.add_message_catalog("booktheme", str(generated))


def _patch_scripts(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    lang = app.builder.globalcontext.get("language") if hasattr(app.builder, "globalcontext") else None
    copybutton = static / "copybutton.js"
    if lang and copybutton.is_file():
        text = copybutton.read_text(encoding="utf-8")
        if f"'{lang}':" not in text:
            entry = f"  '{lang}': {json.dumps(COPYBUTTON_NB, ensure_ascii=False)},\n"
            text = text.replace("const messages = {\n", "const messages = {\n" + entry, 1)
            if f"'{lang}':" not in text:
                raise ExtensionError("sphinx-copybutton's script changed shape; add the Norwegian messages anew")
            copybutton.write_text(text, encoding="utf-8")
    toggle = static / "togglebutton.js"
    if toggle.is_file():
        text = toggle.read_text(encoding="utf-8")
        for english, norwegian in TOGGLEBUTTON_NB.items():
            text = text.replace(f'"{english}"', f'"{norwegian}"')
        toggle.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _config_inited, priority=100)
    app.connect("build-finished", _patch_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
