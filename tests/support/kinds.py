"""Keeping each test's kind honest: a unit test never builds the site, a test counted as a
build test does build it (or uses a fixture that did), and only a browser test asks for a browser
(`make test` runs the unit and build tests before the browsers are installed).

A build is any process this one starts that runs `mkdocs build`, `mkdocs serve` or Zensical's
`build`/`serve`. Python's audit hook on subprocess.Popen sees each one, whoever starts it, so no
helper has to remember to report itself. tests/conftest.py tells this module which test runs.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

GENERATORS = {"mkdocs", "zensical"}
GENERATOR_COMMANDS = {"build", "serve"}


class UnitTestBuildsError(AssertionError):
    """A test counted as a unit test started a build."""


class NotABrowserTestError(AssertionError):
    """A test not counted as a browser test asked for a browser."""


@dataclass
class Running:
    """The test running now in this process, and how many builds it (or its fixtures) started."""

    test: str = ""
    kind: str = ""
    builds: int = 0


RUNNING = Running()


def is_build(argv: Any) -> bool:
    """Whether a command line runs a site generator's build or serve (`python -m mkdocs build ...`)."""
    if isinstance(argv, bytes):
        argv = argv.decode(errors="replace")
    if isinstance(argv, str):
        words = argv.split()
    elif isinstance(argv, PurePath):
        words = [str(argv)]
    else:
        words = [str(word) for word in argv]
    names = [PurePath(word).name for word in words]
    for position, name in enumerate(names):
        if name in GENERATORS and any(word in GENERATOR_COMMANDS for word in names[position + 1 :]):
            return True
    return False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event != "subprocess.Popen" or not RUNNING.test or not is_build(args[1]):
        return
    RUNNING.builds += 1
    if RUNNING.kind == "unit":
        raise UnitTestBuildsError(
            f"{RUNNING.test} counts as a unit test but starts a build ({' '.join(map(str, args[1]))}): "
            "prove the rule in-process (tests/support/pipeline.py), or mark the test @pytest.mark.build."
        )


def browser_wanted(browser: str) -> None:
    """Called when a test launches `browser` (tests/support/engines.py; Chromium comes from
    pytest-playwright's fixtures, which make a test a browser test): only a browser
    test may. Outside a test (the benches, a lookup) anything goes."""
    if RUNNING.test and RUNNING.kind != "browser":
        raise NotABrowserTestError(
            f"{RUNNING.test} counts as a {RUNNING.kind} test but asks for {browser}: mark it "
            "@pytest.mark.browser (make test runs the others before the browsers are installed)."
        )


_installed = False


def install() -> None:
    """Watch every process this one starts, for the rest of its life (an audit hook cannot be removed)."""
    global _installed
    if not _installed:
        sys.addaudithook(_audit)
        _installed = True


def start_test(test: str, kind: str) -> None:
    RUNNING.test, RUNNING.kind, RUNNING.builds = test, kind, 0


def end_test() -> None:
    RUNNING.test, RUNNING.kind = "", ""
