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
from markdown.preprocessors import Preprocessor

from hooks.citations import CitationIndex, index_citations
from hooks.editors import editor_names
from hooks.problems import DataError
from hooks.repository import Repository, repository_from
from hooks.shortcodes import ShortcodeError, body_first_line, expand_shortcodes
from hooks.site_data import (
    CITATION_PROBLEMS,
    DATA_PROBLEMS,
    REFERENCES_PAGE,
    SHORTCODE_PROBLEMS,
    SiteData,
    load_site_data,
    pacer_pages,
    shortcode_renderers,
)

# After Python-Markdown tidies whitespace (priority 30), before it stashes raw HTML (20), which
# would otherwise swallow the shortcode comments.
PRIORITY = 25


class SiteDataError(ValueError):
    """The data files have problems; the message lists each, located by file, entry and field."""


class PageShortcodeError(ValueError):
    """A page has shortcodes that cannot be expanded; the message names the page and line of each."""


class CitationError(ValueError):
    """A citation lands on no finding, or a finding is cited nowhere; each is named by page and line or entry."""


def relative_url(target: str, page_url: str) -> str:
    """`target` as seen from the page at `page_url` (both site-relative; a trailing / marks a folder)."""
    page_dir = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    relative = posixpath.relpath(target or ".", page_dir or ".")
    if relative == ".":
        return "./"
    return relative + "/" if target.endswith("/") else relative


def _generator_context(md: Markdown) -> tuple[Any, dict[str, Any]] | None:
    """The page being rendered and the site configuration, when the generator registered them."""
    for processor in md.preprocessors:
        page, config = getattr(processor, "page", None), getattr(processor, "config", None)
        if page is not None and hasattr(page, "path") and hasattr(page, "url") and isinstance(config, dict):
            return page, config
    return None


class ShortcodePreprocessor(Preprocessor):
    """Runs expand_shortcodes over a page's Markdown, with the page's name and line numbers."""

    def __init__(self, md: Markdown, extension: ShortcodeExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        extension = self.extension
        page_name, first_line = "the page", 1
        references_url = extension.getConfig("references_url")
        repository = extension.repository
        exercise_urls: dict[str, str] = {}
        editors: tuple[str, ...] = ()
        cited_by = None
        context = _generator_context(self.md)
        if context is not None:
            page, config = context
            docs_dir = Path(config.get("docs_dir") or extension.getConfig("docs_dir"))
            page_name = f"{docs_dir.name}/{page.path}"
            source = docs_dir / page.path
            if source.is_file():
                first_line = body_first_line(source.read_text(encoding="utf-8"))
            if not references_url:
                # Zensical resolves links in the rendered HTML, raw HTML included, from the page's
                # source file, as written in Markdown: "../references.md" from exercises/box.md.
                references_url = relative_url(REFERENCES_PAGE, page.path)
            extra = config.get("extra") or {}
            if repository is None:
                repository = _repository(extra.get("server_url"), extra.get("repository"))
            # Links to the exercises without holds, written like references_url: as Markdown
            # paths from this page's source file, which the generator turns into page links.
            exercise_urls = {
                exercise_id: f"{relative_url(shown_on, page.path)}#exercise-{exercise_id}"
                for exercise_id, shown_on in extension.pacer_pages(docs_dir).items()
            }
            cited_by = extension.citations(docs_dir).back_links(lambda cited_on: relative_url(cited_on, page.path))
            try:
                editors = editor_names(extra.get("editors"))
            except DataError as error:
                raise SiteDataError(DATA_PROBLEMS + "\n" + str(error)) from None
        try:
            expanded = expand_shortcodes(
                "\n".join(lines),
                shortcode_renderers(
                    extension.site_data,
                    references_url or REFERENCES_PAGE,
                    repository,
                    exercise_urls=exercise_urls,
                    editors=editors,
                    cited_by=cited_by,
                ),
                page_name,
                first_line,
            )
        except ShortcodeError as error:
            raise PageShortcodeError(SHORTCODE_PROBLEMS + "\n" + str(error)) from None
        return expanded.split("\n")


def _repository(server_url: Any, name: Any) -> Repository | None:
    try:
        return repository_from(str(server_url or ""), str(name or ""))
    except ValueError as error:
        raise SiteDataError(f"The build's repository context is malformed: {error}") from None


class ShortcodeExtension(Extension):
    """<!-- md:pacer ID -->, <!-- md:steps ID -->, <!-- md:references --> and the rest of
    site_data.shortcode_renderers, for any Python-Markdown generator."""

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
        try:
            self.site_data: SiteData = load_site_data(data_dir, shown_as=data_dir.as_posix())
        except DataError as error:
            raise SiteDataError(DATA_PROBLEMS + "\n" + str(error)) from None
        self.repository = _repository(self.getConfig("server_url"), self.getConfig("repository"))
        self._pacer_pages: dict[Path, dict[str, str]] = {}
        self._citations: dict[Path, CitationIndex] = {}

    def pacer_pages(self, docs_dir: Path) -> dict[str, str]:
        """Exercise id -> the page showing its pacer, read once per docs folder."""
        if docs_dir not in self._pacer_pages:
            pages = sorted(docs_dir.rglob("*.md"))
            self._pacer_pages[docs_dir] = pacer_pages(
                {page.relative_to(docs_dir).as_posix(): page.read_text(encoding="utf-8") for page in pages}
            )
        return self._pacer_pages[docs_dir]

    def citations(self, docs_dir: Path) -> CitationIndex:
        """Where each finding is cited, checked once per docs folder; CitationError lists every problem."""
        if docs_dir not in self._citations:
            pages = {
                page.relative_to(docs_dir).as_posix(): page.read_text(encoding="utf-8")
                for page in sorted(docs_dir.rglob("*.md"))
            }
            index = index_citations(pages, self.site_data.references, self.site_data.exercises, docs_dir.name)
            if index.problems:
                raise CitationError(CITATION_PROBLEMS + "\n" + "\n".join(index.problems))
            self._citations[docs_dir] = index
        return self._citations[docs_dir]

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(ShortcodePreprocessor(md, self), "breathing_room_shortcodes", PRIORITY)


def makeExtension(**kwargs: Any) -> ShortcodeExtension:  # noqa: N802 (Python-Markdown's name)
    """Python-Markdown's entry point: `markdown_extensions: [hooks.markdown_extension]`."""
    return ShortcodeExtension(**kwargs)
