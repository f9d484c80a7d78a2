"""Writing SPSS files that are the same byte for byte every time they are generated.

An SPSS system file records the date and time it was written in its header. The synthetic files under
data/generated/ are regenerated on every build, and the site prints their SHA-256 beside each figure as
provenance; with a clock in the header that hash changed on every build although not one value did. The
header's timestamp is therefore set to a fixed date here, after the file is written, so that the hash says
what it should: these are the same data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

# The file header (SPSS system file format): record type, product name (60 bytes), layout code, case size,
# compression, weight index, number of cases, bias (8 bytes), then creation date «dd mmm yy» and time
# «hh:mm:ss».
_DATE_AT, _TIME_AT = 92, 101
FIXED_DATE = b"01 Jan 20"
FIXED_TIME = b"00:00:00"


def write_sav(frame: pd.DataFrame, path: Path, **metadata: Any) -> Path:
    """Write ``frame`` with pyreadstat (``metadata``: labels, missing codes …), atomically, with a fixed timestamp."""
    import pyreadstat

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    pyreadstat.write_sav(frame, str(tmp), **metadata)
    fix_timestamp(tmp)
    tmp.replace(path)
    return path


def fix_timestamp(path: Path) -> None:
    """Overwrite the creation date and time in an SPSS file's header with fixed values."""
    with path.open("r+b") as handle:
        if handle.read(4) not in (b"$FL2", b"$FL3"):
            raise ValueError(f"{path} is not an SPSS system file")
        handle.seek(_DATE_AT)
        handle.write(FIXED_DATE)
        handle.seek(_TIME_AT)
        handle.write(FIXED_TIME)
