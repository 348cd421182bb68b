"""A throwaway copy of the whole site, for build tests that break something on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REPO_ROOT, build_site

SITE_PARTS = ("mkdocs.yml", "hooks", "overrides", "data", "docs")


def copy_site(destination: Path) -> Path:
    for part in SITE_PARTS:
        source = REPO_ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def build_copy(root: Path):
    """Build a copy strictly into root/site; returns the finished process."""
    return build_site(root / "site", cwd=root)
