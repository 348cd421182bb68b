"""MkDocs adapter: translates MkDocs' objects for hooks/pipeline.py and hooks/finish.py.

Thin on purpose: every rule and every piece of HTML comes from the plain modules beside this
file, which Zensical's build (through markdown_extension.py and `python -m hooks.finish`) uses too.
The build's state lives in one object, made afresh in on_config for each build; under `mkdocs
serve`, from the code as it is on disk then.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

_REPO_ROOT = Path(__file__).resolve().parent.parent
if str(_REPO_ROOT) not in sys.path:  # MkDocs loads hook files by path, not as a package
    sys.path.insert(0, str(_REPO_ROOT))

from hooks.assets.compact import compact, is_own_asset  # noqa: E402 -- needs the lines above
from hooks.finish import FinishError, SiteSettings, finish_site  # noqa: E402 -- needs the lines above
from hooks.markdown_extension import CodeBreaksExtension, TableRolesExtension  # noqa: E402 -- needs the lines above
from hooks.pages.citations import configured_slugify  # noqa: E402 -- needs the lines above
from hooks.pages.shortcodes import body_first_line  # noqa: E402 -- needs the lines above
from hooks.pipeline import Build, BuildError, PageSource, check_page_html, expand_page, start_build  # noqa: E402 -- needs the lines above


def _run_the_code_on_disk() -> None:
    """`mkdocs serve` rebuilds in one process, which keeps every module it has imported. Before each
    of its builds, forget the project's modules and run this file again, in place: its imports
    then read hooks/ as it is on disk now, and the event functions MkDocs registered, which look
    their helpers up in this module's namespace, reach the new code in this very build."""
    for name in [name for name in sys.modules if name == "hooks" or name.startswith("hooks.")]:
        del sys.modules[name]
    this_module = sys.modules[__name__]
    spec = this_module.__spec__
    if spec is None or spec.loader is None:
        raise PluginError(f"{__file__} was not loaded from a file; `make serve` cannot reload hooks/.")
    spec.loader.exec_module(this_module)


class _MkDocsBuild:
    """The events MkDocs calls, around the one Build that on_config makes for each build."""

    def __init__(self, serving: bool) -> None:
        self.serving = serving  # `mkdocs serve`: its live preview must not be cached offline
        self._build: Build | None = None
        self._sources: dict[str, str] = {}  # built page -> its source file, for the last step's messages

    @property
    def build(self) -> Build:
        if self._build is None:
            raise PluginError("on_config did not run: the build has no data.")
        return self._build

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Fail before anything is written when the data files or the repository context have problems."""
        try:
            self._build = start_build(Path(config.config_file_path).parent / "data", config.extra)
        except BuildError as error:
            raise PluginError(str(error)) from None
        self._sources = {}
        config.markdown_extensions.append(TableRolesExtension())  # type: ignore[arg-type]  # Python-Markdown takes instances
        config.markdown_extensions.append(CodeBreaksExtension())  # type: ignore[arg-type]
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Read every page once (pacers, citations) before any is rendered; ship our scripts and styles compacted."""
        sources = {file.src_uri: file.content_string for file in files.documentation_pages()}
        try:
            toc = config.mdx_configs.get("toc") or config.mdx_configs.get("markdown.extensions.toc")
            slugify = configured_slugify(toc)
            self.build.learn_pages(sources, Path(config.docs_dir).name, slugify)
        except BuildError as error:
            raise PluginError(str(error)) from None
        overrides = Path(config.theme.custom_dir or "").resolve()
        for original in [file for file in files if is_own_asset(file.src_uri) and file.abs_src_path]:
            source_path = Path(original.abs_src_path or "").resolve()
            if not source_path.is_relative_to(overrides):
                continue  # the theme's own, already minified
            files.remove(original)
            files.append(File.generated(config, original.src_uri, content=compact(source_path.read_text("utf-8"))))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """One page through the pipeline: its front matter, its text's rules, its shortcodes."""
        name = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        self._sources[page.file.dest_uri] = name

        def link_to(src_uri: str) -> str:
            target = files.get_file_from_path(src_uri)
            return get_relative_url(target.url, page.url) if target else src_uri

        source = PageSource(name, markdown, body_first_line(page.file.content_string), page.meta)
        result = expand_page(self.build, source, link_to)
        if result.problems:
            raise PluginError(result.message)
        return result.markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        problems = check_page_html(f"{Path(config.docs_dir).name}/{page.file.src_uri}", html)
        if problems:
            raise PluginError("\n".join(problems))
        return html

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Check every built page, then write the manifest and the offline copy (hooks/finish.py)."""
        search = config.plugins.get("search")
        languages = (search.config.get("lang") if search else None) or [config.theme.get("language") or "en"]
        settings = SiteSettings(config.site_url, config.site_name, config.site_description or "", tuple(languages))
        try:
            finish_site(
                Path(config.site_dir),
                settings,
                self.build.data,
                sources=self._sources,
                retiring=self.serving,
            )
        except FinishError as error:
            raise PluginError(str(error)) from None


# The command on_startup was given, kept when this file runs again in place (_run_the_code_on_disk):
# MkDocs calls on_startup once for a whole `mkdocs serve` session, before its first build.
_command: str = globals().get("_command", "build")
_events = _MkDocsBuild(serving=_command == "serve")


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`: it rebuilds with the code on disk, and is not cached offline."""
    global _command
    _command = command
    _events.serving = command == "serve"


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    if _command == "serve":
        _run_the_code_on_disk()  # a new _events, and every helper, from the code on disk
    return _events.on_config(config)


# Where MkDocs' Jinja environment keeps the templates it compiled: the system's temporary folder for
# this user (Jinja's own choice, made safe against other users), under names no other program's
# templates share. A template is compiled again whenever its source changes (Jinja compares a checksum).
TEMPLATE_CACHE_PATTERN = "breathing-room-template-%s.cache"


def on_env(env: Environment, *, config: MkDocsConfig, files: Files, **kwargs: Any) -> Environment:
    """Compile the theme's templates once per machine, not once per build: a build spent about a
    sixth of its time compiling them (under the profiler), and the tests, `make serve` and CI build
    many times (issue 26)."""
    env.bytecode_cache = FileSystemBytecodeCache(pattern=TEMPLATE_CACHE_PATTERN)
    return env


def on_files(files: Files, *, config: MkDocsConfig, **kwargs: Any) -> Files:
    return _events.on_files(files, config)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    return _events.on_page_markdown(markdown, page, config, files)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    return _events.on_page_content(html, page, config)


@event_priority(-100)  # last of all, by contract: it reads every file the build and the plugins wrote
def on_post_build(*, config: MkDocsConfig) -> None:
    _events.on_post_build(config)
