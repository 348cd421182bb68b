"""What the offline tests and the offline benchmark share: a private copy of the site for the
address it is served at, and a server that logs every request and can be taken down (so a page
that still shows while it is down can only have come from the service worker's cache)."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from tests.support.build import build_site, copy_site
from tests.support.csp import serve_sitemap_from
from tests.support.paths import SUB_PATH
from tests.support.polling import wait_until
from tests.support.server import SubPathHandler


class RecordingHandler(SubPathHandler):
    """The tests' sub-path handler, under any sub-path, logging each request; while the server is
    down it closes every connection unanswered, as an unreachable host would look to a browser."""

    server: SiteServer.Server

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        self.server.owner.record(self.path)
        if self.server.owner.down:
            self.close_connection = True
            return False
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if not self.server.owner.down:
            super().send_error(code, message, explain)


class SiteServer:
    """Serves `directory` at http://127.0.0.1:PORT{sub_path}; the port is chosen before anything is
    served, so the site can be built, or copied, for its own address."""

    class Server(http.server.ThreadingHTTPServer):
        owner: SiteServer

    def __init__(self, directory: Path, sub_path: str = SUB_PATH) -> None:
        self.directory = directory
        self.sub_path = sub_path
        self.down = False
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._server = SiteServer.Server(
            ("127.0.0.1", 0), functools.partial(RecordingHandler, directory=str(directory), sub_path=sub_path)
        )
        self._server.owner = self
        self.url = f"http://127.0.0.1:{self._server.server_port}{sub_path}"
        self._thread: threading.Thread | None = None

    def record(self, path: str) -> None:
        with self._lock:
            self.requests.append(path)

    def take_requests(self) -> list[str]:
        """The paths asked for since the last call."""
        with self._lock:
            taken, self.requests = self.requests, []
        return taken

    def take_requests_except_update_checks(self) -> list[str]:
        """What reached the server since the last call, less the browser's own checks for a newer
        sw.js: Chromium (156) makes those outside Playwright's offline mode, unlike the worker's
        fetches; while the server is down they get no answer, so they cannot serve a page."""
        worker = self.sub_path + "sw.js"
        return [path for path in self.take_requests() if path.split("?", 1)[0] != worker]

    def start(self) -> SiteServer:
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def build_for(root: Path, site_url: str) -> Path:
    """Build the copy of the site in `root` (made by copy_site) for `site_url`, into root/site,
    replacing an earlier build only once the new one has succeeded."""
    result = build_site(root / "site.new", cwd=root, env={"SITE_URL": site_url})
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    site = root / "site"
    if site.exists():
        for child in site.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        for child in (root / "site.new").iterdir():
            child.rename(site / child.name)
        (root / "site.new").rmdir()
    else:
        (root / "site.new").rename(site)
    return site


def serve_fresh_copy(root: Path, sub_path: str = SUB_PATH) -> SiteServer:
    """A copy of the repository's site in `root`, built for and served at its own address."""
    copy_site(root)
    (root / "site").mkdir()
    server = SiteServer(root / "site", sub_path)
    build_for(root, server.url)
    return server.start()


def serve_copy_of(site: Path, root: Path) -> SiteServer:
    """A copy of the built `site` in root/site, served at its own address without a build of its
    own (a build costs seconds of CPU; issue 26). Of what a build for that address would write
    differently, the sitemap is rewritten (Material's instant navigation takes over only the links
    it lists), and so is the service worker, by the build's own code (its revisions follow the
    files); the canonical links, which nothing offline reads, keep the build's address."""
    shutil.copytree(site, root / "site")
    server = SiteServer(root / "site", SUB_PATH)
    serve_sitemap_from(root / "site", server.url)
    return server.start()


def worker_settings_in(worker: Path) -> dict[str, Any]:
    """The settings hooks/offline/service_worker.py wrote into a built sw.js: base, cache, notFound, entries."""
    source = worker.read_text(encoding="utf-8")
    found = re.search(r"const OFFLINE = /\*\* @type .*? \*/ \((\{.*?\n\})\);", source, re.DOTALL)
    if found is None:
        raise AssertionError(f"{worker} carries no settings")
    settings: dict[str, Any] = json.loads(found.group(1))
    return settings


def wait_until_offline_ready(page: Page) -> None:
    """Until the service worker has finished its first install and controls the page."""
    wait_until(
        page, "navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller.state === 'activated'"
    )


def visit_then_go_offline(page: Page, server: SiteServer) -> None:
    """Load the home page until the service worker holds the site, then take the server and the
    browser's network away: what a reader has after one visit, with no connection."""
    page.goto(server.url)
    wait_until_offline_ready(page)
    server.take_requests()
    server.down = True
    page.context.set_offline(True)


def cached_bytes(page: Page) -> dict[str, int]:
    """Every entry in the site's offline cache: address (with its revision) -> body size in bytes."""
    sizes: dict[str, int] = page.evaluate(
        """async () => {
            const sizes = {};
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                    sizes[request.url] = (await (await cache.match(request)).arrayBuffer()).byteLength;
                }
            }
            return sizes;
        }"""
    )
    return sizes
