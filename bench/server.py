"""The built site on a free loopback port under /breathing-room/, as the tests serve it
(tests/support/server.py) plus gzip for text files, as GitHub Pages sends them: without it Lighthouse
would time every stylesheet and script at its raw size over its simulated mobile network."""

from __future__ import annotations

import contextlib
import gzip
import io
from collections.abc import Iterator
from pathlib import Path

from tests.support.paths import SUB_PATH
from tests.support.server import SubPathHandler
from tests.support.server import serve as serve_with

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipSubPathHandler(SubPathHandler):
    """Answers with Content-Encoding: gzip when the browser accepts it and the file is text."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if (
            "gzip" in self.headers.get("Accept-Encoding", "")
            and path.is_file()
            and content_type.startswith(COMPRESSED_TYPES)
        ):
            return self._send_gzipped(path, content_type)
        return super().send_head()  # directories without a slash, 404s, binary files

    def _send_gzipped(self, path: Path, content_type: str):
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path, handler_class: type[GzipSubPathHandler] = GzipSubPathHandler) -> Iterator[str]:
    """Yields the site's base URL, e.g. http://127.0.0.1:PORT/breathing-room/."""
    with serve_with(site, SUB_PATH, handler_class) as url:
        yield url
