"""Repository links only to a real, configured repository; licences stated in the repository and on every page."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from repository import ENV_VAR, repository_url, theme_options  # noqa: E402
from site_server import site_pages  # noqa: E402
from sphinx.errors import ConfigError  # noqa: E402

CODE_HOSTS = re.compile(r'href="(https?://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)[^"]*)"')


def configured_url() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return repository_url(config["sphinx"]["config"].get("se_repository_url", ""))


def test_environment_wins_over_configuration_and_is_checked() -> None:
    assert repository_url("", {}) == ""
    assert repository_url("https://example.org/a/b", {}) == "https://example.org/a/b"
    assert (
        repository_url("https://example.org/a/b", {ENV_VAR: "https://github.com/o/r.git"}) == "https://github.com/o/r"
    )
    assert repository_url("https://example.org/a/b", {ENV_VAR: "  "}) == "https://example.org/a/b"
    assert repository_url("", {ENV_VAR: "https://github.com/o/r/"}) == "https://github.com/o/r"
    for bad in ("http://github.com/o/r", "github.com/o/r", "https://github.com", "https://github.com/o r"):
        with pytest.raises(ConfigError):
            repository_url(bad, {})


def test_buttons_follow_the_url() -> None:
    off = theme_options({"use_repository_button": True, "repository_url": "https://old.example/x"}, "", "main")
    assert off["repository_url"] == "" and not any(
        off[k] for k in ("use_repository_button", "use_issues_button", "use_edit_page_button")
    )
    on = theme_options({}, "https://github.com/o/r", "main")
    assert (
        on["repository_url"] == "https://github.com/o/r"
        and on["use_issues_button"]
        and on["repository_branch"] == "main"
    )


@pytest.mark.site
def test_no_page_links_to_a_repository_that_is_not_configured(site_dir: Path) -> None:
    url = (os.environ.get(ENV_VAR) or "").strip().rstrip("/") or configured_url()
    offenders = []
    for path in [*site_pages(site_dir), "search.html", "genindex.html"]:
        text = (site_dir / path).read_text(encoding="utf-8")
        for link in CODE_HOSTS.findall(text):
            if not url or not link.startswith(url):
                offenders.append(f"{path}: {link}")
        if not url and re.search(r'class="[^"]*btn-source-(?:repository|issues|edit)-button', text):
            offenders.append(f"{path}: a repository button without a repository")
    assert not offenders, "\n".join(offenders[:20])


@pytest.mark.site
def test_every_page_states_the_licences(site_dir: Path) -> None:
    for path in [*site_pages(site_dir), "search.html"]:
        text = (site_dir / path).read_text(encoding="utf-8")
        if 'http-equiv="Refresh"' in text:
            continue
        footer = re.search(r'<p class="se-licence">(.*?)</p>', text, re.S)
        assert footer, f"{path} has no licence statement"
        statement = re.sub(r"<[^>]+>", "", footer.group(1))
        assert "MIT" in statement and "CC BY 4.0" in statement and "kildenes egne vilkår" in statement


def test_licence_files_and_citation() -> None:
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    content = (ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in content and "keeps the sources' terms" in content
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["title"] and citation["authors"] and set(citation["license"]) == {"MIT", "CC-BY-4.0"}
    assert "repository-code" not in citation or citation["repository-code"] == configured_url()
