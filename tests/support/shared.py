"""What every pytest worker needs and only one should make: the built site, the Zensical copy, the
site built for each published address.

With pytest-xdist each worker is a process of its own, so a session fixture would run once per
worker, building the same site twice on a 2-core machine. The first worker to ask makes the folder
under a lock in the run's shared temporary folder; the others wait, then use it. A folder is
marked done only once it is whole, so a failed make is tried again (and fails again, with its own
message) by the next worker that asks, and never half-used.

`make test` runs pytest twice, the unit and build tests and then the browser tests, and names one
folder for both (TEST_RUN_FOLDER, emptied as the run starts): the browser tests load the site the
first run built instead of building it again."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

RUN_FOLDER_VARIABLE = "TEST_RUN_FOLDER"


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder every worker of this run shares: the one named in TEST_RUN_FOLDER, or else this
    run's shared temporary folder (this session's own without xdist), so nothing carries over
    from an earlier run."""
    named = os.environ.get(RUN_FOLDER_VARIABLE)
    if named:
        folder = Path(named).resolve()  # builds run elsewhere, and find their sources by this path
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name` in the run's shared folder, made by `make(folder)` by the first worker that asks."""
    root = run_folder(tmp_path_factory)
    folder, done = root / name, root / f"{name}.done"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir(parents=True)
                make(folder)
                done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder
