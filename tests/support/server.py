"""The built site on a free loopback port under a sub-path, answering other paths like GitHub
Pages does (status 404 with the site's 404.html), so relative and sub-path links are tested."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from tests.support.paths import SUB_PATH

SEARCH_INDEX = "search/search_index.json"
# Sent by a browser context (as extra_http_headers) that wants the site's search index with no page
# in it: same configuration, so Material's search starts as usual, and finds nothing. On every page
# load Material's search worker indexes the whole site's text, about 0.22 of the 0.58 CPU-s a settled
# load costs here (issue 26), for tests about a pacer or a plan that never search. The light crawl of
# every page, the address crawls, the Zensical crawl and the offline copy's tests get the real index.
WITHOUT_SEARCH_INDEX = {"X-Test-Search-Index": "empty"}


def empty_search_index(index: bytes) -> bytes:
    """The search index `index` with its configuration and no documents."""
    return json.dumps({**json.loads(index), "docs": []}).encode()


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` under `sub_path` ("/breathing-room/", or "/" for a site at the root)."""

    def __init__(self, *args: Any, sub_path: str = SUB_PATH, **kwargs: Any) -> None:
        self.sub_path = sub_path
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.sub_path):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + clean[len(self.sub_path) :])

    def send_head(self) -> BinaryIO | None:
        """As the standard handler, except for the search index a context asks to get empty."""
        index = Path(self.directory) / SEARCH_INDEX
        asked = all(self.headers.get(name) == value for name, value in WITHOUT_SEARCH_INDEX.items())
        if not (asked and Path(self.translate_path(self.path)) == index and index.is_file()):
            return super().send_head()
        body = empty_search_index(index.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found_page = Path(self.directory) / "404.html"
        if code != 404 or not not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a test run's output is the test results."""


@contextlib.contextmanager
def serve(site: Path, sub_path: str = SUB_PATH, handler: type[SubPathHandler] = SubPathHandler) -> Iterator[str]:
    """Serve `site` until the block ends; yields its base URL, e.g. http://127.0.0.1:PORT/breathing-room/."""
    if not (sub_path.startswith("/") and sub_path.endswith("/")):
        raise ValueError(f"sub_path must start and end with '/': {sub_path!r}")
    bound = functools.partial(handler, directory=str(site), sub_path=sub_path)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), bound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{sub_path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
