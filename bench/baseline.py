"""The pacer as it was before it moved its motion to the compositor (issue 11), to measure today's
pacer against in the same run: a copy of the built site whose pacer script and style come from
BASELINE_REF. Both sites carry the same pages and data, so only the pacer differs, and the two
recordings run side by side on the same machine at the same time (see pacer_timing.run)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from bench.environment import WORK_DIR
from tests.support.paths import REPO_ROOT

# The last commit whose pacer drew every frame in a requestAnimationFrame loop.
BASELINE_REF = "83dedf511e8b40c009e08a02977be72547346b3e"
BASELINE_NAME = "rAF pacer (83dedf5)"
# Built file -> its source in the repository at BASELINE_REF.
BASELINE_FILES = {
    "assets/javascripts/pacer.js": "overrides/assets/javascripts/pacer.js",
    "assets/stylesheets/pacer.css": "overrides/assets/stylesheets/pacer.css",
}
# Today's pages name the element <br-pacer>; the baseline registered and styled <breath-pacer>, so its
# script and style are given today's tag. Its settings key, "breath-pacer:ID", is left as it was.
_BASELINE_TAG = re.compile(r"breath-pacer(?!:)")


def source_at(ref: str, path: str) -> str:
    result = subprocess.run(
        ["git", "show", f"{ref}:{path}"], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"the baseline pacer needs git history: `git show {ref}:{path}` failed: {result.stderr}")
    return result.stdout


def baseline_site(site: Path, ref: str = BASELINE_REF) -> Path:
    """bench/.work/site-baseline: `site` with the baseline pacer in place of today's."""
    destination = WORK_DIR / "site-baseline"
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(site, destination)
    for built, source in BASELINE_FILES.items():
        (destination / built).write_text(_BASELINE_TAG.sub("br-pacer", source_at(ref, source)), encoding="utf-8")
    return destination
