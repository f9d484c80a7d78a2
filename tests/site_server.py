"""A static file server for the built site on 127.0.0.1, and the list of its pages.

Shared by the browser, link and privacy tests and by the benchmark, so all of them look at the site the
same way a reader's browser does.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path = HTML) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def site_pages(directory: Path = HTML) -> list[str]:
    """Every content page of the built site, as paths relative to its root."""
    skip = {"genindex.html", "search.html", "py-modindex.html"}
    pages = []
    for path in sorted(directory.rglob("*.html")):
        relative = path.relative_to(directory).as_posix()
        if relative.startswith(("_static/", "_sources/", "_images/")) or path.name in skip:
            continue
        pages.append(relative)
    return pages
