"""Where things are in the repository, named once for tests and benches."""

from __future__ import annotations

from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS_DIR = REPO_ROOT / "docs"
DATA_DIR = REPO_ROOT / "data"
MKDOCS_YML = REPO_ROOT / "mkdocs.yml"
PACER_SCRIPTS_DIR = REPO_ROOT / "overrides/assets/javascripts"
PACER_JS = PACER_SCRIPTS_DIR / "pacer.js"  # registers the element
PACER_ELEMENT_JS = PACER_SCRIPTS_DIR / "pacer-element.js"
PACER_SCHEDULE_JS = PACER_SCRIPTS_DIR / "pacer-schedule.js"
PACER_AUDIO_JS = PACER_SCRIPTS_DIR / "pacer-audio.js"
PACER_TRACK_JS = PACER_SCRIPTS_DIR / "pacer-track.js"
PACER_SPEECH_JS = PACER_SCRIPTS_DIR / "pacer-speech.js"
TAB_ORDER_JS = REPO_ROOT / "overrides/assets/javascripts/tab-order.js"
PACER_CSS = REPO_ROOT / "overrides/assets/stylesheets/pacer.css"

# The sub-path the tests serve the built site under, as GitHub Pages serves a project site.
SUB_PATH = "/breathing-room/"

# One page of each kind, each kind with its own scripts or markup (the pages in between differ
# only in their words, under the same templates and policy): home, a pacer with holds, a pattern
# from a link, the practice log, the practice plan, the references with their previews, country
# tabs, crisis links.
# Chromium crawls every page once (tests/test_browser_pages.py); the other engines, the other
# addresses and the offline copy crawl these.
REPRESENTATIVE_PAGES = (
    "",
    "exercises/4-7-8/",
    "exercises/your-own/",
    "practice/",
    "practice/plan/",
    "references/",
    "options/stress/",
    "safety/",
)


def page_addresses(site: Path) -> list[str]:
    """Site-relative address of every content page of a built `site` (directory URLs, the 404 page
    left out), home first."""
    return sorted(
        "" if html.parent == site else html.parent.relative_to(site).as_posix() + "/"
        for html in site.rglob("index.html")
    )


def representative(paths: list[str], base: str = "") -> list[str]:
    """The representative pages among `paths` (each `base` + a site-relative address), in their
    order; fails if one is gone, so a renamed page cannot quietly shrink the crawl."""
    chosen = [path for path in paths if path.removeprefix(base) in REPRESENTATIVE_PAGES]
    if len(chosen) != len(REPRESENTATIVE_PAGES):
        raise AssertionError(f"a representative page is gone: {REPRESENTATIVE_PAGES} among {paths}")
    return chosen


def site_config(config_file: Path = MKDOCS_YML) -> dict[str, Any]:
    """mkdocs.yml as MkDocs itself reads it (its loader resolves !ENV from the environment)."""
    from mkdocs.utils.yaml import yaml_load

    with config_file.open(encoding="utf-8") as stream:
        return yaml_load(stream)
