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


def site_config(config_file: Path = MKDOCS_YML) -> dict[str, Any]:
    """mkdocs.yml as MkDocs itself reads it (its loader resolves !ENV from the environment)."""
    from mkdocs.utils.yaml import yaml_load

    with config_file.open(encoding="utf-8") as stream:
        return yaml_load(stream)
