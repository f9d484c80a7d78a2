"""The pip lock file and the conda environment install the same versions, and the design's pins hold."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from write_environment_yml import locked_pins  # noqa: E402 - scripts/ is not a package; its path is added above

DESIGN_PINS = {
    "jupyter-book": "1.0.4.post1",
    "sphinx": "7.4.7",
    "myst-nb": "1.4.0",
    "myst-parser": "3.0.1",
    "sphinx-book-theme": "1.3.0",
    "pydata-sphinx-theme": "0.17.1",
    "jupyter-cache": "1.0.1",
}


def _conda_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    pins = {}
    for line in pip_section:
        match = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==(\S+)$", line)
        if match:
            pins[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return pins


def test_conda_and_pip_pin_the_same_versions() -> None:
    lock = locked_pins(ROOT / "requirements.lock")
    conda = _conda_pins()
    assert lock, "requirements.lock has no exact pins"
    assert conda == lock


def test_every_locked_requirement_carries_a_hash() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[a-z0-9])", text)
    pinned = [b for b in blocks if re.match(r"^[A-Za-z0-9_.\-\[\]]+==", b)]
    assert pinned and all("--hash=sha256:" in b for b in pinned)


def test_design_pins_hold() -> None:
    lock = locked_pins(ROOT / "requirements.lock")
    for name, version in DESIGN_PINS.items():
        assert lock.get(name) == version, f"{name} must be pinned to {version}"


def test_python_version_matches_lock_target() -> None:
    assert sys.version_info[:2] == (3, 11), "the lock file is compiled for Python 3.11"
