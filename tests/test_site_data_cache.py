"""The data are read and checked once per set of file contents (Zensical makes the Markdown
extension once per page), and never served stale: an edited file is read again, a broken one fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hooks.content import site_data
from hooks.content.problems import DataError
from hooks.content.site_data import load_site_data
from tests.support.paths import DATA_DIR


def data_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data"))


def test_the_same_files_are_read_and_checked_once(tmp_path):
    data_dir = data_copy(tmp_path)
    assert load_site_data(data_dir) is load_site_data(data_dir)


def test_an_edited_file_is_read_again(tmp_path):
    data_dir = data_copy(tmp_path)
    assert load_site_data(data_dir).exercises["box"].title == "Box breathing"
    exercises = data_dir / "exercises.yml"
    exercises.write_text(
        exercises.read_text(encoding="utf-8").replace("title: Box breathing", "title: Square breathing", 1),
        encoding="utf-8",
    )
    assert load_site_data(data_dir).exercises["box"].title == "Square breathing"


def test_a_file_broken_after_a_good_read_still_fails(tmp_path):
    data_dir = data_copy(tmp_path)
    load_site_data(data_dir)
    exercises = data_dir / "exercises.yml"
    exercises.write_text(
        exercises.read_text(encoding="utf-8").replace("title: Box breathing", "title: ''", 1), encoding="utf-8"
    )
    with pytest.raises(DataError, match='exercise "box"'):
        load_site_data(data_dir)


def test_the_same_files_in_another_folder_are_named_by_that_folder(tmp_path):
    """Messages name the file as `shown_as` says, so a copy's data are not the original's."""
    first, second = data_copy(tmp_path / "one"), data_copy(tmp_path / "two")
    assert load_site_data(first) is not load_site_data(second)
    assert load_site_data(first, "data") is not load_site_data(first, "elsewhere")


def test_the_same_broken_files_give_the_same_problems_without_being_read_again(tmp_path, monkeypatch):
    """Zensical makes the extension once per page: broken data are reported each time, checked once."""
    data_dir = data_copy(tmp_path)
    exercises = data_dir / "exercises.yml"
    exercises.write_text(
        exercises.read_text(encoding="utf-8").replace("title: Box breathing", "title: ''", 1), encoding="utf-8"
    )
    with pytest.raises(DataError) as first:
        load_site_data(data_dir)
    reads = []
    monkeypatch.setattr(site_data, "_read_site_data", lambda *args: reads.append(args))
    with pytest.raises(DataError) as second:
        load_site_data(data_dir)
    assert second.value.messages == first.value.messages
    assert reads == []
