"""Write environment.yml (conda/Binder) from requirements.lock so both install the same exact versions.

Run by `make lock`; tests/site/test_environment.py checks the two files agree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s\\;]+)")


def locked_pins(lock: Path) -> dict[str, str]:
    """Exact pins from a pip-compile/uv style lock file, names normalised as PyPI does."""
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            pins[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return pins


def render(pins: dict[str, str]) -> str:
    lines = [
        "# Generated from requirements.lock by scripts/write_environment_yml.py; do not edit by hand.",
        "# The same exact versions as the pip lock file; conda supplies only Python, Node.js and pip.",
        "name: se-ips-rapport",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        "  - python=3.11",
        "  - nodejs=20",
        "  - pip",
        "  - pip:",
    ]
    lines += [f"      - {name}=={version}" for name, version in sorted(pins.items())]
    lines.append("      - -e .")
    return "\n".join(lines) + "\n"


def main() -> int:
    (ROOT / "environment.yml").write_text(render(locked_pins(ROOT / "requirements.lock")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
