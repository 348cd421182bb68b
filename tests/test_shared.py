"""Folders made once and shared (tests/support/shared.py): by every worker of a pytest run, and by
both of `make test`'s pytest runs when it names a folder for them (TEST_RUN_FOLDER)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.shared import RUN_FOLDER_VARIABLE, made_once


class Maker:
    """Counts its calls; writes a file into the folder it is given, or fails if told to."""

    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail

    def __call__(self, folder: Path) -> None:
        self.calls += 1
        (folder / "index.html").write_text("<h1>built</h1>", encoding="utf-8")
        if self.fail:
            raise RuntimeError("the build failed")


def test_a_folder_named_by_make_test_is_made_there_once_for_both_runs(tmp_path_factory, tmp_path, monkeypatch):
    monkeypatch.setenv(RUN_FOLDER_VARIABLE, str(tmp_path / "run"))
    first_run, second_run = Maker(), Maker()
    folder = made_once(tmp_path_factory, "site", first_run)
    assert folder == tmp_path / "run/site"
    assert made_once(tmp_path_factory, "site", second_run) == folder  # as the browser tests' run asks
    assert (first_run.calls, second_run.calls) == (1, 0)
    assert (folder / "index.html").read_text(encoding="utf-8") == "<h1>built</h1>"


def test_without_a_named_folder_each_run_makes_its_own(tmp_path_factory, monkeypatch):
    monkeypatch.delenv(RUN_FOLDER_VARIABLE, raising=False)
    folder = made_once(tmp_path_factory, "shared-test-site", Maker())
    assert folder.is_relative_to(tmp_path_factory.getbasetemp().parent)


def test_a_failed_make_is_not_taken_as_made(tmp_path_factory, tmp_path, monkeypatch):
    monkeypatch.setenv(RUN_FOLDER_VARIABLE, str(tmp_path / "run"))
    with pytest.raises(RuntimeError, match="the build failed"):
        made_once(tmp_path_factory, "site", Maker(fail=True))
    again = Maker()
    made_once(tmp_path_factory, "site", again)
    assert again.calls == 1


def test_a_relative_folder_is_made_absolute(tmp_path_factory, tmp_path, monkeypatch):
    """Builds run in the folder they build, so the path they are given must not depend on where
    pytest runs (a relative one sent the Zensical build looking for its sources in the wrong place)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(RUN_FOLDER_VARIABLE, "run")
    folder = made_once(tmp_path_factory, "site", Maker())
    assert folder.is_absolute() and folder == tmp_path / "run/site"
