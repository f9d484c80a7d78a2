"""One setting for the public repository; without it, no page shows a repository, issue or edit button.

The URL is read from the environment variable ``SE_IPS_REPOSITORY_URL`` and, when that is unset or empty,
from the Sphinx setting ``se_repository_url`` in _config.yml (empty as committed: the repository is not
public yet). With a URL the book theme shows its repository, issue and edit buttons; without one, every
button is off and no page links to a repository, so no reader is sent to an address that does not exist.
The footer names the licences (book/_templates/extra-footer.html reads ``se_repository_url``).
"""

from __future__ import annotations

import os
import re
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

ENV_VAR = "SE_IPS_REPOSITORY_URL"
_URL = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~-]+)+$")
BUTTONS = ("use_repository_button", "use_issues_button", "use_edit_page_button")


def repository_url(config_value: str, environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """The repository URL in force: the environment variable wins over the configuration; '' means none."""
    url = (environ.get(ENV_VAR) or "").strip() or (config_value or "").strip()
    url = url.rstrip("/")
    if url.endswith(".git"):
        url = url[: -len(".git")]
    if url and not _URL.match(url):
        raise ConfigError(
            f"repository URL {url!r} ({ENV_VAR} or se_repository_url) must be an https:// address "
            "of a repository, such as https://github.com/owner/name"
        )
    return url


def theme_options(options: dict[str, Any], url: str, branch: str) -> dict[str, Any]:
    """The theme options with the repository buttons on (and pointing at ``url``) or all off."""
    updated = dict(options)
    if url:
        updated.update(
            repository_url=url, repository_branch=branch, path_to_docs="", **{button: True for button in BUTTONS}
        )
    else:
        updated.update(repository_url="", use_source_button=False, **{button: False for button in BUTTONS})
    return updated


def _configure(app: Sphinx, config: Config) -> None:
    url = repository_url(config.se_repository_url)
    config.se_repository_url = url
    config.html_theme_options = theme_options(config.html_theme_options, url, config.se_repository_branch)
    context = dict(config.html_context or {})
    context["se_repository_url"] = url
    config.html_context = context


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("se_repository_url", "", "html", types=[str])
    app.add_config_value("se_repository_branch", "main", "html", types=[str])
    app.connect("config-inited", _configure, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
