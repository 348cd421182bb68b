"""The bookkeeping that keeps each test's kind honest (tests/support/kinds.py): `make test` runs the
unit and build tests before the browsers are installed, so only a browser test may launch one."""

from __future__ import annotations

import pytest

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
