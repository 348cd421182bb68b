"""The build, whatever the generator: its state, made once when it starts, and one page through it.

Both adapters (mkdocs_hooks.py for MkDocs, markdown_extension.py for any Python-Markdown
generator such as Zensical) only translate their generator's objects into the plain values
below, call these functions, and turn the problems returned into their generator's error. So a
page passes or fails the same rules, with the same messages, under either generator.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks.content.editors import editor_names
from hooks.content.problems import DataError
from hooks.content.repository import Repository, repository_from
from hooks.content.site_data import DATA_PROBLEMS, REFERENCES_PAGE, SiteData, load_site_data
from hooks.pages.citations import CITATION_PROBLEMS, DEFAULT_SLUGIFY, CitationIndex, Slugify, index_citations
from hooks.pages.front_matter import front_matter_problems
from hooks.pages.number_rule import ALLOWED_FOR_NOW, NUMBER_PROBLEMS, number_problems
from hooks.pages.page_rules import citation_problems, heading_problems
from hooks.pages.review_dates import REVIEW_DATE_PROBLEMS, review_date_problems
from hooks.pages.shortcode_renderers import (
    SHORTCODE_PROBLEMS,
    options_pages,
    options_shown,
    pacer_pages,
    shortcode_renderers,
)
from hooks.pages.shortcodes import ShortcodeError, expand_shortcodes


class BuildError(Exception):
    """The build cannot go on; the message is ready to show, located by file, entry and field."""


@dataclass
class Build:
    """What one build knows before it renders any page: the checked data, the repository the
    site is published from (None for a local build), its editors, and which page shows each
    exercise's pacer (exercise id -> the page's source path, relative to the docs folder)."""

    data: SiteData
    repository: Repository | None = None
    editors: tuple[str, ...] = ()
    pacer_pages: dict[str, str] = field(default_factory=dict)
    citations: CitationIndex = field(default_factory=CitationIndex)
    options_pages: dict[str, str] = field(default_factory=dict)  # reason id -> the page showing its cards

    def learn_pages(
        self, markdown_by_page: Mapping[str, str], docs_name: str = "docs", slugify: Slugify = DEFAULT_SLUGIFY
    ) -> None:
        """Read every page's source once, before any is rendered: which page shows each pacer (so a
        caution can link to the exercises without holds), and where each finding is cited (so the
        references page can link back to the section, whose id `slugify` makes as the site's toc
        extension does), and which page shows each reason's option cards (for its table's
        links). BuildError lists every citation that lands on no finding, every finding nothing
        cites, and every citation of a source read after the citing page's last review."""
        self.pacer_pages = pacer_pages(markdown_by_page)
        self.options_pages = options_pages(markdown_by_page)
        self.citations = index_citations(
            markdown_by_page,
            self.data.references,
            self.data.exercises,
            docs_name,
            slugify,
            options_shown(self.data.options),
        )
        if self.citations.problems:
            raise BuildError(CITATION_PROBLEMS + "\n" + "\n".join(self.citations.problems))
        late = review_date_problems(markdown_by_page, self.citations, self.data.references, docs_name)
        if late:
            raise BuildError(REVIEW_DATE_PROBLEMS + "\n" + "\n".join(late))


def start_build(data_dir: Path, extra: Mapping[str, Any], shown_as: str = "data") -> Build:
    """Check the data files and the site's `extra` settings; BuildError lists every problem."""
    try:
        data = load_site_data(data_dir, shown_as)
        editors = editor_names(extra.get("editors"))
    except DataError as error:
        raise BuildError(DATA_PROBLEMS + "\n" + str(error)) from None
    return Build(data, repository_of(extra), editors)


def repository_of(extra: Mapping[str, Any]) -> Repository | None:
    """The repository named in the site's `extra` (server_url and repository), if any."""
    try:
        return repository_from(str(extra.get("server_url") or ""), str(extra.get("repository") or ""))
    except ValueError as error:
        raise BuildError(f"The build's repository context is malformed: {error}") from None


@dataclass(frozen=True)
class PageSource:
    """One page as the generator hands it over.

    `name` is how messages show it ("docs/exercises/box.md"); `markdown` is the body after the
    front matter, which starts on source line `first_line`; `meta` is the front matter, or None
    when the generator does not give it to us.
    """

    name: str
    markdown: str
    first_line: int = 1
    meta: Mapping[str, Any] | None = None


# From a source path relative to the docs folder ("exercises/box.md") to a link from this page.
LinkTo = Callable[[str], str]


@dataclass(frozen=True)
class PageResult:
    markdown: str
    problems: list[str]

    @property
    def message(self) -> str:
        return "\n".join(self.problems)


def docs_relative(name: str) -> str:
    """ "docs/options/stress.md" -> "options/stress.md": a page's source path from the docs folder,
    for the Markdown links the options write ("the page" when a generator does not say: "")."""
    folder, slash, rest = name.partition("/")
    return rest if slash and folder and " " not in folder else ""


def expand_page(build: Build, page: PageSource, link_to: LinkTo) -> PageResult:
    """Check one page's front matter and text, and expand its shortcodes.

    Returns the Markdown to render and the problems found, each group headed as a maintainer
    reads it; any problem means the page must not be published.
    """
    name = page.name
    problems: list[str] = []
    if page.meta is not None:
        found = front_matter_problems(page.meta)
        if found:
            problems.append(f"{name}: front matter problems:\n" + "\n".join(f"{name}: {item}" for item in found))
    found = citation_problems(page.markdown, page.first_line)
    if found:
        problems.append(f"{name}: citation problems:\n" + "\n".join(f"{name}, {item}" for item in found))
    allowed = ALLOWED_FOR_NOW.get(name.partition("/")[2], frozenset())
    found = number_problems(page.markdown, page.first_line, allowed)
    if found:
        problems.append(f"{name}: {NUMBER_PROBLEMS}:\n" + "\n".join(f"{name}, {item}" for item in found))
    exercise_urls = {
        exercise_id: f"{link_to(shown_on)}#exercise-{exercise_id}"
        for exercise_id, shown_on in build.pacer_pages.items()
    }
    renderers = shortcode_renderers(
        build.data,
        link_to(REFERENCES_PAGE),
        build.repository,
        exercise_urls=exercise_urls,
        editors=build.editors,
        cited_by=build.citations.back_links(link_to),
        page=docs_relative(name),
        cards_pages=build.options_pages,
    )
    try:
        markdown = expand_shortcodes(page.markdown, renderers, name, page.first_line)
    except ShortcodeError as error:
        problems.append(SHORTCODE_PROBLEMS + "\n" + str(error))
        markdown = page.markdown
    return PageResult(markdown, problems)


def check_page_html(name: str, content_html: str) -> list[str]:
    """Rules for a page's rendered content (before the theme wraps it)."""
    found = heading_problems(content_html)
    if not found:
        return []
    return [f"{name}: heading problems:\n" + "\n".join(f"{name}: {item}" for item in found)]
