"""The bookkeeping that keeps each test's kind honest (tests/support/kinds.py): `make test` runs the
unit and build tests before the browsers are installed, so only a browser test may launch one. And
the order in which the browser test files go to the workers (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import conftest
from tests.support import kinds


@pytest.mark.parametrize("kind", ["unit", "build"])
def test_a_test_of_another_kind_may_not_launch_a_browser(monkeypatch, kind):
    monkeypatch.setattr(kinds, "RUNNING", kinds.Running(test="tests/test_x.py::test_y", kind=kind))
    with pytest.raises(kinds.NotABrowserTestError) as raised:
        kinds.browser_wanted("WebKit")
    assert str(raised.value) == (
        f"tests/test_x.py::test_y counts as a {kind} test but asks for WebKit: mark it @pytest.mark.browser "
        "(make test runs the others before the browsers are installed)."
    )


def test_a_browser_test_and_code_outside_a_test_may(monkeypatch):
    for running in (kinds.Running(test="tests/test_x.py::test_y", kind="browser"), kinds.Running()):
        monkeypatch.setattr(kinds, "RUNNING", running)
        kinds.browser_wanted("Firefox")


@pytest.mark.parametrize(
    ("argv", "builds"),
    [
        (["/usr/bin/python3", "-m", "mkdocs", "build", "--strict"], True),
        ("zensical serve -f zensical.yml", True),
        (["node", "tests/support/firefox_bridge.mjs"], False),
        (["mkdocs", "--version"], False),
    ],
)
def test_a_build_is_a_generator_building_or_serving(argv, builds):
    assert kinds.is_build(argv) is builds


def test_the_files_sent_first_to_the_browser_workers_are_browser_test_files():
    """A file renamed or gone from LONGEST_FIRST would lose its head start without a word."""
    for name in conftest.LONGEST_FIRST:
        path = Path(conftest.__file__).parent / name
        assert path.is_file(), f"tests/conftest.py: LONGEST_FIRST names {name}, which is not in tests/"
        assert "pytest.mark.browser" in path.read_text(encoding="utf-8"), f"{name} is not a browser test file"
