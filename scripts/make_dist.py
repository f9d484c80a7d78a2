"""`make dist`: the built site as one zip file that works from a folder, with no server and no network.

    python scripts/make_dist.py [--site _build/html] [--out _build/rapport-nettsted.zip]

The zip holds one folder, ``rapport-nettsted/``, with the site and a short Norwegian read-me. Unzipped on a
laptop, double-clicking ``index.html`` opens the report in the browser: every page, figure and the search
work from file:// (tests/site/test_offline.py opens every page of an unzipped copy in Chromium). Files the
pages never load are left out: source maps, the Font Awesome script and web fonts the site no longer uses,
and axe-core (used only by the tests). Entries are sorted and dated 1980-01-01, so the same site gives the
same zip.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "rapport-nettsted"
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
LEAVE_OUT_SUFFIXES = (".map",)
LEAVE_OUT_NAMES = {".buildinfo", "fontawesome.js", "fontawesome.js.LICENSE.txt", "axe.min.js"}
LEAVE_OUT_DIRS = {("_static", "vendor", "fontawesome")}
README = """Rapporten «{title}» som nettsted uten internett
================================================================

Slik åpner du den:
1. Pakk ut hele zip-filen (høyreklikk og velg «Pakk ut alle …» eller tilsvarende).
2. Åpne mappen «{folder}» og dobbeltklikk på index.html.

Alle sider, figurer og søket virker uten nett. Søket viser sidetitler; utdraget under hver tittel vises bare
på nettstedet. Hele rapporten som PDF ligger i _downloads/rapport.pdf, og arbeidsarkene til kursopplegget
(én side per case, og alle casene samlet) i mappen _downloads/kurs.

Lisens: koden er MIT-lisensiert; teksten og prosjektets egne data er lisensiert under CC BY 4.0. Tall og
ordlyd hentet fra kildene følger kildenes egne vilkår (se siden «Dataenes opphav»).
"""


def _left_out(relative: PurePosixPath) -> bool:
    parts = relative.parts
    if relative.name in LEAVE_OUT_NAMES or relative.suffix in LEAVE_OUT_SUFFIXES:
        return True
    return any(parts[: len(prefix)] == prefix for prefix in LEAVE_OUT_DIRS)


def site_title(site: Path) -> str:
    import re

    text = (site / "search.html").read_text(encoding="utf-8")
    match = re.search(r"<title>[^<]*? - ([^<]+)</title>", text)
    return match.group(1).strip() if match else "SE og IPS"


def build_zip(site: Path, out: Path) -> tuple[int, int]:
    if not (site / "index.html").is_file():
        raise SystemExit(f"no built site in {site}: run `make book` first")
    for needed in ("rapport.pdf", "kurs/alle-casene.pdf"):
        if not (site / "_downloads" / needed).is_file():
            raise SystemExit(f"{site}/_downloads/{needed} is missing: run `make book` first")
    files = sorted(
        p for p in site.rglob("*") if p.is_file() and not _left_out(PurePosixPath(p.relative_to(site).as_posix()))
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    total = 0
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:

        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)

        add("LES-MEG.txt", README.format(title=site_title(site), folder=FOLDER).encode("utf-8"))
        for path in files:
            data = path.read_bytes()
            total += len(data)
            add(path.relative_to(site).as_posix(), data)
    tmp.replace(out)
    return len(files), total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "_build" / "html"))
    parser.add_argument("--out", default=str(ROOT / "_build" / "rapport-nettsted.zip"))
    args = parser.parse_args()
    out = Path(args.out)
    count, total = build_zip(Path(args.site), out)
    print(
        f"make_dist: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {count} files, "
        f"{total / 1e6:.1f} MB unpacked, {out.stat().st_size / 1e6:.1f} MB zipped"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
