"""`make serve` tells the truth: after saving a file under hooks/, data/ or overrides/, the page
the server gives is rebuilt with the code and data now on disk. Runs `mkdocs serve` on a copy of
the site (never the real tree) on a free port, edits the copy, and reads the served page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.build import copy_site, replace_in

pytestmark = pytest.mark.build

REBUILD_PATIENCE_S = 60  # a rebuild takes about a second; the machine may be busy


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    """The page, or "" while the server is not answering (starting, or busy rebuilding: a read that
    times out is asked again by the caller's loop, like a refused connection)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for_text(url: str, text: str, server: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + REBUILD_PATIENCE_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')}", pytrace=False)
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.25)
    pytest.fail(f"{url} never showed {text!r}; server log:\n{log.read_text(encoding='utf-8')}", pytrace=False)


@pytest.fixture
def served_copy(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen, Path]]:
    (tmp_path / "site-copy").mkdir()
    root = copy_site(tmp_path / "site-copy")
    port = free_port()
    log = tmp_path / "serve.log"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("SITE_URL", None)
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=environment,
        )
    try:
        yield root, f"http://127.0.0.1:{port}/breathing-room/", server, log
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_saving_hooks_data_or_overrides_rebuilds_with_what_is_on_disk(served_copy):
    root, site, server, log = served_copy
    box, four_seven_eight = site + "exercises/box/", site + "exercises/4-7-8/"
    wait_for_text(box, "Step by step", server, log)

    # A module the hook imports (rendering code), and a template it fills.
    replace_in(root / "hooks/content/exercises/render.py", 'rhythm = " · ".join(', 'rhythm = " / ".join(')
    wait_for_text(box, "In 4 / Hold 4 / Out 4", server, log)
    replace_in(
        root / "hooks/templates/exercises/pacer.html",
        "<summary>Step by step</summary>",
        "<summary>Step after step</summary>",
    )
    wait_for_text(box, "<summary>Step after step</summary>", server, log)

    # The hook file itself, which MkDocs would otherwise keep from the first build.
    replace_in(
        root / "hooks/mkdocs_hooks.py",
        "        return config\n",
        '        config.site_name = "Edited Room"\n        return config\n',
    )
    wait_for_text(box, "<title>Box breathing - Edited Room</title>", server, log)

    # The data.
    replace_in(
        root / "data/exercises.yml",
        "      - action: hold-full\n        seconds: 7",
        "      - action: hold-full\n        seconds: 6.5",
    )
    wait_for_text(four_seven_eight, "In 4 / Hold 6.5 / Out 8", server, log)

    # The theme overrides.
    replace_in(root / "overrides/main.html", "Page last reviewed:", "Page last checked:")
    page = wait_for_text(box, "Page last checked:", server, log)

    # Every edit is still there: each rebuild used all of the current files.
    assert "<summary>Step after step</summary>" in page
    assert "In 4 / Hold 4 / Out 4" in page
    assert "Edited Room" in page
