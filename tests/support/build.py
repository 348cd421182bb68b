"""Building the site as CI and GitHub Pages do, in place or from a throwaway copy that a test
may break on purpose."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.paths import REPO_ROOT

# What a build reads; a copy of these is a whole site.
SITE_PARTS = ("mkdocs.yml", "zensical.yml", "hooks", "overrides", "data", "docs")
ZENSICAL = REPO_ROOT / ".venv-zensical/bin/zensical"
NO_ZENSICAL = f"{ZENSICAL} is missing: run `make .venv-zensical/.installed` (make test does it for you)."
# Named on the About page of the copy the Zensical build tests use (tests/conftest.py): front
# matter is text, so it must show as typed.
REVIEWER = "A. Reviewer <b>& team</b>"
# The build's context from CI, which a Zensical build of a copy runs without.
BUILD_CONTEXT = ("SITE_URL", "GITHUB_REPOSITORY", "GITHUB_SERVER_URL")


def build_site(
    destination: Path, cwd: Path = REPO_ROOT, env: dict[str, str | None] | None = None
) -> subprocess.CompletedProcess[str]:
    """Build strictly into `destination` from the site rooted at `cwd`; returns the finished process.

    `env` sets build variables (SITE_URL, GITHUB_REPOSITORY ...) or, with None as the value, unsets them.
    Never with --quiet: MkDocs then stops counting warnings, and --strict lets a broken link pass.
    """
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def copy_site(destination: Path) -> Path:
    """Copy the site's sources into `destination` (which may exist) and return it."""
    for part in SITE_PARTS:
        source = REPO_ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def build_copy(root: Path) -> subprocess.CompletedProcess[str]:
    """Build a copy made by copy_site strictly into root/site."""
    return build_site(root / "site", cwd=root)


def replace_in(path: Path, old: str, new: str) -> int:
    """Break a copy on purpose: replace the first `old` in `path`; return the line it was on (1-based)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def build_with_zensical(root: Path) -> subprocess.CompletedProcess[str]:
    """Build the copy at `root` as `make build-zensical` does, into root/site-zensical."""
    if not ZENSICAL.is_file():
        raise AssertionError(NO_ZENSICAL)
    environment = {**os.environ, "PYTHONPATH": str(root), "ZENSICAL_SITE_DIR": "site-zensical"}
    for name in BUILD_CONTEXT:
        environment.pop(name, None)
    built = subprocess.run(
        [str(ZENSICAL), "build", "--clean", "--strict", "-f", "zensical.yml"],
        cwd=root,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    if built.returncode != 0:
        return built
    # Zensical runs no MkDocs hooks: the offline copy and the manifest come from the same last step.
    return subprocess.run(
        [sys.executable, "-m", "hooks.finish", "site-zensical"],
        cwd=root,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
