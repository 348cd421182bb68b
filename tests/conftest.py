"""Shared fixtures: one strict build of the site, served on loopback under /breathing-room/,
and the Chromium that the browser tests drive.

The build and the server are session-scoped so the whole suite pays for them once.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

# The pacer tests' fixtures (pacer_urls) live with their helpers; load them for every test file.
pytest_plugins = ["tests.pacer_helpers"]

REPO_ROOT = Path(__file__).resolve().parent.parent
SUB_PATH = "/breathing-room/"

# Flags that keep Debian's Chromium quiet on a machine with no network but loopback.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

NO_BROWSER_HELP = (
    "No Chromium found for the browser tests. Set CHROMIUM=/path/to/chromium, or install one: "
    "on Debian/Ubuntu `sudo apt-get install chromium`; elsewhere "
    "`.venv/bin/python -m playwright install chromium`. `make test` does this for you."
)


def build_site(destination: Path, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess:
    """Build the site the way CI and GitHub Pages do: strict, from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(destination)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return destination


@pytest.fixture(scope="session")
def built_pages(built_site: Path) -> list[Path]:
    """Every HTML page of the built site, 404 included."""
    return sorted(built_site.rglob("*.html"))


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under /breathing-room/ and answers other paths like GitHub Pages:
    status 404 with the site's 404.html."""

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + clean[len(SUB_PATH) :])

    def send_error(self, code, message=None, explain=None):
        not_found_page = Path(self.directory) / "404.html"
        if code != 404 or not not_found_page.is_file():
            return super().send_error(code, message, explain)
        body = not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site on a free loopback port, e.g. http://127.0.0.1:PORT/breathing-room/."""
    handler = functools.partial(SubPathHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> list[str]:
    """Site-relative URL of every content page (directory URLs), 404 excluded."""
    paths = []
    for html in sorted(built_site.rglob("index.html")):
        relative = html.parent.relative_to(built_site).as_posix()
        paths.append("" if relative == "." else relative + "/")
    return paths


def find_chromium() -> str | None:
    """A Chromium executable path, or None to use Playwright's own download if it has one."""
    named = os.environ.get("CHROMIUM")
    if named:
        if not (Path(named).is_file() and os.access(named, os.X_OK)):
            raise pytest.UsageError(f"CHROMIUM={named} is not an executable file. {NO_BROWSER_HELP}")
        return named
    for candidate in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def playwright_has_own_chromium() -> bool:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path).is_file()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    executable = find_chromium()
    if executable is None and not playwright_has_own_chromium():
        pytest.fail(NO_BROWSER_HELP, pytrace=False)
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if executable:
        args["executable_path"] = executable
    return args
