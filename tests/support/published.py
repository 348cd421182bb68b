"""The site as GitHub Pages would publish it at two other addresses: a project site under /calm/
and a user site at the host's root. Each is built once for the whole of `make test`
(tests/support/shared.py), for the address tests (tests/test_site_address.py) and the offline
copy's scope (tests/test_offline_browser.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.build import build_site
from tests.support.shared import made_once

REPOSITORY = {"GITHUB_REPOSITORY": "someone/calm", "GITHUB_SERVER_URL": "https://github.com"}
# name -> (SITE_URL the build gets, the path GitHub Pages serves it under)
ADDRESSES = {
    "project-site": ("https://example.github.io/calm/", "/calm/"),
    "user-site": ("https://example.github.io/", "/"),
}


def build_or_fail(destination: Path, env: dict[str, str | None]) -> None:
    result = build_site(destination, env=env)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed with {env}:\n{result.stdout}\n{result.stderr}", pytrace=False)


def published_build(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """The site built for the address named `name` in ADDRESSES, with a repository context."""
    site_url, _ = ADDRESSES[name]
    env: dict[str, str | None] = {"SITE_URL": site_url, **REPOSITORY}
    return made_once(tmp_path_factory, f"published-{name}", lambda folder: build_or_fail(folder, env))
