"""The bookkeeping that keeps each test's kind honest (tests/support/kinds.py): `make test` runs the
unit and build tests before the browsers are installed, so only a browser test may launch one. And
the order in which the browser test files go to the workers (tests/conftest.py)."""

from __future__ import annotations

import re
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


def test_the_files_that_share_firefox_and_webkit_are_one_unit_of_work_and_the_others_one_each(
    pytestconfig, monkeypatch
):
    for name, value in {"dist": "loadfile", "tx": ["3*popen"]}.items():
        monkeypatch.setattr(pytestconfig.option, name, value, raising=False)  # as under -p no:xdist
    split = conftest.pytest_xdist_make_scheduler(pytestconfig, None)._split_scope
    engines = {
        split("tests/test_pacer_engines.py::test_pause_resume_and_reset[firefox]"),
        split("tests/test_csp_browser.py::test_an_injected_inline_script_is_refused[webkit-mkdocs]"),
        split("tests/test_phone_fit_browser.py::test_every_page_fits_a_phone_in_webkit"),
    }
    assert engines == {conftest.SHARED_ENGINES_UNIT}
    assert split("tests/test_browser_pages.py::test_missing_page_gets_the_404_under_the_sub_path[chromium]") == (
        "tests/test_browser_pages.py"
    )
    monkeypatch.setattr(pytestconfig.option, "dist", "load")
    assert conftest.pytest_xdist_make_scheduler(pytestconfig, None) is None  # pytest-xdist's own


def test_every_file_that_shares_firefox_and_webkit_is_in_the_unit():
    """A file that starts to share them, left out, would launch them again in another process."""
    tests = Path(conftest.__file__).parent
    uses = re.compile(r"\bshared_engines\b|def test_\w+\([^)]*\bengine\b")
    sharing = {path.name for path in tests.glob("test_*.py") if uses.search(path.read_text(encoding="utf-8"))}
    assert sharing == set(conftest.SHARED_ENGINE_FILES)
