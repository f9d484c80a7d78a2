"""Opening a file a user or the project supplied, with one set of Norwegian messages for what can go wrong.

Every reader in ``analysis`` (codebooks, coded data, cases, answer files, free text) goes through here, so a
missing file is «fant ikke filen» everywhere and a reader never invents its own wording.
"""

from __future__ import annotations

from pathlib import Path

from analysis.core.errors import InputError, Problem
from analysis.core.paths import rel

MISSING = "fant ikke filen"
DIRECTORY = "er en mappe, ikke en fil"
EMPTY = "filen er tom"
NOT_UTF8 = "teksten er ikke UTF-8 (lagre filen som UTF-8, i Excel: «CSV UTF-8»)"


def shown_name(path: Path) -> str:
    """How a file is named in messages: relative to the project when inside it, else as given."""
    return rel(path) if Path(path).is_absolute() or Path(path).exists() else str(path)


def check_readable(path: Path, *, allow_empty: bool = False) -> None:
    """Raise InputError naming the file when it is missing, a folder or (unless allowed) empty."""
    name = shown_name(path)
    if not path.exists():
        raise InputError([Problem(name, MISSING)])
    if path.is_dir():
        raise InputError([Problem(name, DIRECTORY)])
    if not allow_empty and path.stat().st_size == 0:
        raise InputError([Problem(name, EMPTY)])


def require_generated(path: Path) -> Path:
    """A file the build generates (``make data``): its path, or an InputError that says how to make it.

    Readers never create their own input: a missing synthetic file is reported, not silently regenerated.
    """
    if not path.exists():
        raise InputError(
            [
                Problem(
                    shown_name(path),
                    f"{MISSING}; lag de genererte dataene med «make data» (eller «python -m analysis synth»)",
                )
            ]
        )
    return path


def read_text(path: Path, *, allow_empty: bool = False) -> str:
    """The file as UTF-8 text (a byte-order mark is dropped); problems become an InputError naming the file."""
    check_readable(path, allow_empty=allow_empty)
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError([Problem(shown_name(path), NOT_UTF8)]) from None
    except OSError as exc:
        raise InputError([Problem(shown_name(path), f"kunne ikke leses ({exc.strerror or exc})")]) from None
