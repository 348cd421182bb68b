"""The built site on a free loopback port under /breathing-room/, exactly as the tests serve it
(same handler, imported), so Lighthouse and the browser benches see what GitHub Pages serves."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import SUB_PATH, SubPathHandler


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Yields the site's base URL, e.g. http://127.0.0.1:PORT/breathing-room/."""
    handler = functools.partial(SubPathHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()
