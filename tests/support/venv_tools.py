"""The linters installed in the project's virtual environment, run from a test (the workflow tests)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.support.paths import REPO_ROOT

VENV_BIN = REPO_ROOT / ".venv/bin"


def run_venv_tool(tool: str, *args: str, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    """`tool` from .venv/bin with `args`, its output captured; a missing tool fails the test with the fix."""
    executable = VENV_BIN / tool
    if not executable.is_file():
        pytest.fail(f"{executable} is missing: run `make .venv/.installed`.", pytrace=False)
    return subprocess.run([str(executable), *args], cwd=cwd, capture_output=True, text=True)
