"""The shortcodes as a Python-Markdown extension, so any generator that runs Python-Markdown expands them.

Zensical ignores MkDocs hooks but loads the extensions listed under `markdown_extensions`
(see zensical.yml). The data are checked when the extension is created, which happens before
the first page is rendered, so bad data stop the build with the messages the MkDocs hook gives.
MkDocs itself does not load this: its hook (mkdocs_hooks.py) expands the same shortcodes.

The page a block of Markdown belongs to is only known when the generator says so. Zensical
registers a preprocessor that carries the page (its `path` and `url`) and the site
configuration; this extension reads those by duck typing, so nothing here imports Zensical.
Without such a context (plain Python-Markdown), messages name the page "the page" and links
to the references page use the `references_url` option.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.toc import TocExtension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from hooks.content.editors import editor_names
from hooks.content.problems import DataError
from hooks.content.site_data import DATA_PROBLEMS
from hooks.pages.citations import Slugify, configured_slugify
from hooks.pages.code_breaks import add_code_breaks
from hooks.pages.front_matter import read_front_matter
from hooks.pages.shortcodes import body_first_line
from hooks.pages.table_roles import label_tables
from hooks.pipeline import Build, BuildError, PageSource, expand_page, repository_of, start_build

# After Python-Markdown tidies whitespace (priority 30), before it stashes raw HTML (20), which
# would otherwise swallow the shortcode comments.
PRIORITY = 25
# After inline Markdown (20: a header's links and emphasis are elements by then), before the
# placeholders are unescaped (0).
TABLE_ROLES_PRIORITY = 5


class SiteDataError(ValueError):
    """The data files have problems; the message lists each, located by file, entry and field."""


class CitationError(ValueError):
    """A citation lands on no finding, or a finding is cited nowhere; each is named by page and line or entry."""


class PageShortcodeError(ValueError):
    """A page breaks the build's rules; the message names the page and line of each problem."""


def relative_url(target: str, page_url: str) -> str:
    """`target` as seen from the page at `page_url` (both site-relative; a trailing / marks a folder)."""
    page_dir = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    relative = posixpath.relpath(target or ".", page_dir or ".")
    if relative == ".":
        return "./"
    return relative + "/" if target.endswith("/") else relative


def toc_slugify(md: Markdown) -> Slugify:
    """How the toc extension this Markdown runs makes heading ids (its default when there is none)."""
    settings = next((ext.getConfigs() for ext in md.registeredExtensions if isinstance(ext, TocExtension)), None)
    return configured_slugify(settings)


def _generator_context(md: Markdown) -> tuple[Any, dict[str, Any]] | None:
    """The page being rendered and the site configuration, when the generator registered them."""
    for processor in md.preprocessors:
        page, config = getattr(processor, "page", None), getattr(processor, "config", None)
        if page is not None and hasattr(page, "path") and hasattr(page, "url") and isinstance(config, dict):
            return page, config
    return None


class ShortcodePreprocessor(Preprocessor):
    """Hands a page's Markdown to hooks/pipeline.py with what the generator says about the page."""

    def __init__(self, md: Markdown, extension: ShortcodeExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        extension = self.extension
        references_url = extension.getConfig("references_url")
        source = PageSource("the page", "\n".join(lines))
        page_path = ""
        context = _generator_context(self.md)
        if context is not None:
            page, config = context
            docs_dir = Path(config.get("docs_dir") or extension.getConfig("docs_dir"))
            page_path = page.path
            file = docs_dir / page.path
            text = file.read_text(encoding="utf-8") if file.is_file() else ""
            # Zensical hands over the body only: the front matter is read from the source file.
            source = PageSource(
                f"{docs_dir.name}/{page.path}",
                source.markdown,
                body_first_line(text) if text else 1,
                read_front_matter(text) if text else None,
            )
            build = extension.build_for(docs_dir, config.get("extra") or {}, toc_slugify(self.md))
        else:
            build = extension.build_for(None, {})

        def link_to(src_path: str) -> str:
            # Zensical resolves links in the rendered HTML, raw HTML included, from the page's
            # source file, as written in Markdown: "../references.md" from exercises/box.md.
            if src_path == "references.md" and references_url:
                return str(references_url)
            return relative_url(src_path, page_path) if page_path else src_path

        result = expand_page(build, source, link_to)
        extension.pages_seen.append(source.name)
        if result.problems:
            raise PageShortcodeError(result.message)
        return result.markdown.split("\n")


class ShortcodeExtension(Extension):
    """<!-- md:pacer ID -->, <!-- md:steps ID -->, <!-- md:references --> and the rest of
    hooks/pages/shortcode_renderers.py, with the page rules of hooks/pipeline.py, for any
    Python-Markdown generator."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "data_dir": ["data", "Folder holding exercises.yml and references.yml, relative to the working folder."],
            "docs_dir": ["docs", "Folder of the pages, used when the generator does not say."],
            "references_url": ["", "Link to the references page; empty: worked out from the page's address."],
            "repository": ["", "OWNER/NAME of the source repository; empty: taken from the site's extra, if any."],
            "server_url": ["", "The repository's server, e.g. https://github.com."],
        }
        super().__init__(**kwargs)
        data_dir = Path(self.getConfig("data_dir"))
        own = {"repository": self.getConfig("repository"), "server_url": self.getConfig("server_url")}
        try:
            self.build = start_build(data_dir, own, shown_as=data_dir.as_posix())
        except BuildError as error:
            raise SiteDataError(str(error)) from None
        self._pages_read: set[Path] = set()
        self._extra_read: tuple[object, ...] = ()
        self.pages_seen: list[str] = []  # the documents converted since the last reset

    def build_for(self, docs_dir: Path | None, extra: dict[str, Any], slugify: Slugify | None = None) -> Build:
        """The build's state, completed from the generator's settings the first time they are seen:
        the repository (unless given as an option), the editors, which page shows each pacer, and
        where each finding is cited (section ids made by `slugify`, the toc extension's)."""
        build = self.build
        settings = (repr(extra.get("editors")), extra.get("repository"), extra.get("server_url"))
        if extra and settings != self._extra_read:
            self._extra_read = settings
            try:
                build.editors = editor_names(extra.get("editors"))
            except DataError as error:
                raise SiteDataError(DATA_PROBLEMS + "\n" + str(error)) from None
            if not self.getConfig("repository"):
                try:
                    build.repository = repository_of(extra)
                except BuildError as error:
                    raise SiteDataError(str(error)) from None
        if docs_dir is not None and docs_dir not in self._pages_read:
            self._pages_read.add(docs_dir)
            pages = sorted(docs_dir.rglob("*.md"))
            build.learn_pages(
                {page.relative_to(docs_dir).as_posix(): page.read_text(encoding="utf-8") for page in pages},
                slugify=slugify or configured_slugify(None),
            )
        return build

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)  # so md.reset() reaches reset() below, between documents
        md.preprocessors.register(ShortcodePreprocessor(md, self), "breathing_room_shortcodes", PRIORITY)
        TableRolesExtension().extendMarkdown(md)
        CodeBreaksExtension().extendMarkdown(md)

    def reset(self) -> None:
        """Between documents, as pymdown-extensions do: forget the pages converted so far."""
        self.pages_seen = []


class TableRolesTreeprocessor(Treeprocessor):
    """Every table of the page, with its roles and column names (hooks/pages/table_roles.py)."""

    def run(self, root: Any) -> None:
        label_tables(root)


class TableRolesExtension(Extension):
    """Tables that stay tables for screen readers when a phone shows them as cards. MkDocs gets it
    from its hook (mkdocs_hooks.py adds it in on_config); Zensical through ShortcodeExtension."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(TableRolesTreeprocessor(md), "breathing_room_table_roles", TABLE_ROLES_PRIORITY)


class CodeBreaksTreeprocessor(Treeprocessor):
    """Long inline code that may wrap before each `&` (hooks/pages/code_breaks.py)."""

    def run(self, root: Any) -> None:
        add_code_breaks(root)


class CodeBreaksExtension(Extension):
    """A link written as code wraps between its names on a phone. MkDocs gets it from its hook
    (mkdocs_hooks.py adds it in on_config); Zensical through ShortcodeExtension."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(CodeBreaksTreeprocessor(md), "breathing_room_code_breaks", TABLE_ROLES_PRIORITY)


def makeExtension(**kwargs: Any) -> ShortcodeExtension:  # noqa: N802 (Python-Markdown's name)
    """Python-Markdown's entry point: `markdown_extensions: [hooks.markdown_extension]`."""
    return ShortcodeExtension(**kwargs)
