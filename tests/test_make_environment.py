"""What the Makefile gives the commands it runs, whatever the shell it is started from says."""

from __future__ import annotations

import os
import subprocess

from tests.support.paths import REPO_ROOT

# A target of the test's own, added on make's command line: it prints Python's bytecode flag as a
# recipe of the Makefile sees it.
SHOW_BYTECODE_FLAG = 'show-bytecode-flag: ; @python3 -c "import sys; print(sys.flags.dont_write_bytecode)"'


def test_python_keeps_its_bytecode_under_make_where_the_shell_turns_that_off() -> None:
    """With PYTHONDONTWRITEBYTECODE set (this kind of machine sets it), every build and test process
    would compile every module it imports from source, each time (issue 26)."""
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", "--eval", SHOW_BYTECODE_FLAG, "show-bytecode-flag"],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0", "make passes PYTHONDONTWRITEBYTECODE on to Python"
