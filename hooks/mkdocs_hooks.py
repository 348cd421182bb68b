"""MkDocs glue: load the data when the build starts, check front matter, expand shortcodes.

Thin on purpose: the work happens in plain modules beside this file, tested alone.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

_REPO_ROOT = Path(__file__).resolve().parent.parent
if str(_REPO_ROOT) not in sys.path:  # MkDocs loads hook files by path, not as a package
    sys.path.insert(0, str(_REPO_ROOT))

from hooks.front_matter import front_matter_problems  # noqa: E402 -- needs the sys.path line above
from hooks.problems import DataError  # noqa: E402 -- needs the sys.path line above
from hooks.shortcodes import ShortcodeError, expand_shortcodes  # noqa: E402 -- needs the sys.path line above
from hooks.site_data import SiteData, load_site_data, shortcode_renderers  # noqa: E402 -- needs the sys.path line above

REFERENCES_PAGE = "references.md"
_site_data: SiteData | None = None


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    """Fail before anything is written when the data files have problems."""
    global _site_data
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        _site_data = load_site_data(data_dir)
    except DataError as error:
        raise PluginError("The site data has problems; nothing was built:\n" + str(error)) from None
    return config


def _body_first_line(page: Page, markdown: str) -> int:
    """The source line where the Markdown body starts, i.e. after the front matter."""
    source = page.file.content_string
    if not source.endswith(markdown):
        return 1
    return source[: len(source) - len(markdown)].count("\n") + 1


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    """Refuse a page without its dates or with a bad shortcode; otherwise expand its shortcodes."""
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    problems = front_matter_problems(page.meta)
    if problems:
        raise PluginError(
            f"{source}: front matter problems:\n" + "\n".join(f"{source}: {problem}" for problem in problems)
        )
    references_file = files.get_file_from_path(REFERENCES_PAGE)
    references_url = get_relative_url(references_file.url, page.url) if references_file else REFERENCES_PAGE
    assert _site_data is not None, "on_config loads the data first"
    try:
        return expand_shortcodes(
            markdown, shortcode_renderers(_site_data, references_url), source, _body_first_line(page, markdown)
        )
    except ShortcodeError as error:
        raise PluginError("Shortcode problems:\n" + str(error)) from None
