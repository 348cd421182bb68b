"""MkDocs glue: load the data when the build starts, check front matter, expand shortcodes,
and write the offline copy's service worker and the web app manifest once the site is built.

Thin on purpose: the work happens in plain modules beside this file, tested alone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

_REPO_ROOT = Path(__file__).resolve().parent.parent
if str(_REPO_ROOT) not in sys.path:  # MkDocs loads hook files by path, not as a package
    sys.path.insert(0, str(_REPO_ROOT))

# `mkdocs serve` runs every rebuild in one process. MkDocs executes this file afresh for each
# build (see _load_this_file_afresh_next_build), and dropping the project's modules here makes
# the imports below read the code as it is on disk now, not as it was when the server started.
for _name in [name for name in sys.modules if name == "hooks" or name.startswith("hooks.")]:
    del sys.modules[_name]

from hooks.compact_assets import COMPACTED, compact  # noqa: E402 -- needs the lines above
from hooks.csp import PolicyError, write_content_security_policy  # noqa: E402 -- needs the lines above
from hooks.editors import editor_names  # noqa: E402 -- needs the lines above
from hooks.front_matter import front_matter_problems  # noqa: E402 -- needs the lines above
from hooks.offline import OfflineError, base_path_of, write_service_worker  # noqa: E402 -- needs the lines above
from hooks.page_rules import citation_problems, heading_problems  # noqa: E402 -- needs the lines above
from hooks.problems import DataError  # noqa: E402 -- needs the lines above
from hooks.repository import Repository, repository_from  # noqa: E402 -- needs the lines above
from hooks.shortcodes import ShortcodeError, body_first_line, expand_shortcodes  # noqa: E402 -- needs the lines above
from hooks.site_data import (  # noqa: E402 -- needs the lines above
    DATA_PROBLEMS,
    REFERENCES_PAGE,
    SHORTCODE_PROBLEMS,
    SiteData,
    load_site_data,
    pacer_pages,
    shortcode_renderers,
)
from hooks.web_manifest import write_web_manifest  # noqa: E402 -- needs the lines above

_site_data: SiteData | None = None
_repository: Repository | None = None
_editors: tuple[str, ...] = ()
_pacer_pages: dict[str, str] = {}  # exercise id -> source path of the page showing its pacer


def _load_this_file_afresh_next_build() -> None:
    """MkDocs 1.6 caches each hook module for the life of the process (an lru_cache on
    Hooks._load_hook), so under `mkdocs serve` an edit to this file would never be seen.
    Forgetting the cache makes the next configuration load execute this file again."""
    load_hook = getattr(config_options.Hooks, "_load_hook", None)
    if load_hook is None or not hasattr(load_hook, "cache_clear"):
        raise PluginError("MkDocs no longer caches hooks as 1.6 does; `make serve` would not reload hooks/.")
    load_hook.cache_clear()


# Which MkDocs command runs: kept in the process environment because under `mkdocs serve` this
# file is executed afresh for every rebuild (see above) while on_startup runs only once.
_COMMAND_VARIABLE = "BREATHING_ROOM_MKDOCS_COMMAND"


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`: its live preview must not be cached offline."""
    os.environ[_COMMAND_VARIABLE] = command


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    """Fail before anything is written when the data files or the repository context have problems."""
    global _site_data, _repository, _editors
    _load_this_file_afresh_next_build()
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        _site_data = load_site_data(data_dir)
        _editors = editor_names(config.extra.get("editors"))
    except DataError as error:
        raise PluginError(DATA_PROBLEMS + "\n" + str(error)) from None
    try:
        _repository = repository_from(config.extra.get("server_url"), config.extra.get("repository"))
    except ValueError as error:
        raise PluginError(f"The build's repository context is malformed: {error}") from None
    return config


def _ship_compacted(files: Files, config: MkDocsConfig) -> None:
    """Our scripts and styles go to the site compacted (see hooks/compact_assets.py)."""
    for src_uri in COMPACTED:
        original = files.get_file_from_path(src_uri)
        if original is None:
            raise PluginError(f"{src_uri} is missing from the theme overrides; hooks/compact_assets.py lists it")
        files.remove(original)
        source = Path(original.abs_src_path or "").read_text("utf-8")
        files.append(File.generated(config, src_uri, content=compact(source)))


def on_files(files: Files, *, config: MkDocsConfig, **kwargs: Any) -> Files:
    """Learn which page shows each pacer, so cautions can link to the exercises without holds;
    ship our scripts and styles compacted."""
    global _pacer_pages
    _pacer_pages = pacer_pages({file.src_uri: file.content_string for file in files.documentation_pages()})
    _ship_compacted(files, config)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    """Refuse a page without its dates or with a bad shortcode; otherwise expand its shortcodes."""
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    problems = front_matter_problems(page.meta)
    if problems:
        raise PluginError(
            f"{source}: front matter problems:\n" + "\n".join(f"{source}: {problem}" for problem in problems)
        )
    citations = citation_problems(markdown, body_first_line(page.file.content_string))
    if citations:
        raise PluginError(
            f"{source}: citation problems:\n" + "\n".join(f"{source}, {problem}" for problem in citations)
        )
    references_file = files.get_file_from_path(REFERENCES_PAGE)
    references_url = get_relative_url(references_file.url, page.url) if references_file else REFERENCES_PAGE
    exercise_urls = {
        exercise_id: f"{get_relative_url(shown_on.url, page.url)}#exercise-{exercise_id}"
        for exercise_id, src_uri in _pacer_pages.items()
        if (shown_on := files.get_file_from_path(src_uri)) is not None
    }
    assert _site_data is not None, "on_config loads the data first"
    renderers = shortcode_renderers(
        _site_data, references_url, _repository, exercise_urls=exercise_urls, editors=_editors
    )
    try:
        return expand_shortcodes(
            markdown,
            renderers,
            source,
            body_first_line(page.file.content_string),
        )
    except ShortcodeError as error:
        raise PluginError(SHORTCODE_PROBLEMS + "\n" + str(error)) from None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    """Refuse a page with more than one title."""
    problems = heading_problems(html)
    if problems:
        source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        raise PluginError(f"{source}: heading problems:\n" + "\n".join(f"{source}: {problem}" for problem in problems))
    return html


def on_post_build(*, config: MkDocsConfig) -> None:
    """Last step of the build: the manifest and the pages' security policy first, so the service
    worker lists them as published."""
    site_dir = Path(config.site_dir)
    base_path = base_path_of(config.site_url)
    search = config.plugins.get("search")
    languages = (search.config.get("lang") if search else None) or [config.theme.get("language") or "en"]
    serving = os.environ.get(_COMMAND_VARIABLE) == "serve"
    try:
        write_web_manifest(site_dir, config.site_name, config.site_description or "", base_path)
        if not serving:  # the preview's live-reload script is inline and would be refused
            write_content_security_policy(site_dir)
        write_service_worker(site_dir, base_path, languages, retiring=serving)
    except PolicyError as error:
        raise PluginError(f"The content security policy could not be added; the site is not ready: {error}") from None
    except (OfflineError, OSError) as error:
        raise PluginError(f"The offline copy could not be made; the site is not ready to publish: {error}") from None
