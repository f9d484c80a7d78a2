"""Fixes to the stock Jupyter Book 1 theme stack, made in the project instead of patched in site-packages.

- sphinx-thebe adds its configuration script on every ``env-before-read-docs`` event, so a build that reads
  pages twice declares ``const THEBE_JS_URL`` twice and every page logs a SyntaxError; it also names a CDN
  URL. Thebe (live code through Binder) is off on this site, so its page scripts are not registered at all.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

_THEBE_HANDLERS = {"init_thebe_core"}


def _drop_thebe(app: Sphinx) -> None:
    thebe_on = bool(app.config.html_theme_options.get("launch_buttons", {}).get("thebe"))
    if thebe_on:
        return
    listeners = app.events.listeners.get("env-before-read-docs", [])
    for listener in list(listeners):
        handler = listener.handler
        if getattr(handler, "__module__", "") == "sphinx_thebe" and handler.__name__ in _THEBE_HANDLERS:
            app.disconnect(listener.id)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _drop_thebe)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
