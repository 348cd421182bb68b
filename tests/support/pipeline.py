"""The build's own steps run in the test's process, as MdCase does for pymdown-extensions: a
rule is proven on the site's sources, or on a few lines a test writes, with the exact message a
maintainer would read, in milliseconds and without `mkdocs build`.

It goes through hooks/pipeline.py, the code both generators call, so what passes or fails here
passes or fails the build the same way; one real build per family of rules (tests/test_build.py
and the files beside it) shows the generator runs them.
"""

from __future__ import annotations

import functools
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import markdown
import pytest

from hooks.markdown_extension import relative_url
from hooks.pages.front_matter import read_front_matter
from hooks.pages.shortcodes import FRONT_MATTER, body_first_line
from hooks.pipeline import Build, BuildError, PageResult, PageSource, expand_page, start_build
from tests.support.paths import DATA_DIR, DOCS_DIR, site_config

# The site's `extra` with no repository context and the editors of mkdocs.yml (none yet).
LOCAL_EXTRA: Mapping[str, Any] = {"repository": "", "server_url": "https://github.com", "editors": []}


@functools.cache
def _site_pages() -> tuple[tuple[str, str], ...]:
    return tuple(
        (path.relative_to(DOCS_DIR).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(DOCS_DIR.rglob("*.md"))
    )


def site_pages() -> dict[str, str]:
    """Every page of docs/ (path relative to docs/ -> its file's text), a fresh dict to change."""
    return dict(_site_pages())


def replaced(pages: dict[str, str], page: str, old: str, new: str) -> int:
    """Break one page of `pages` on purpose: replace the first `old`; return its line (1-based)."""
    text = pages[page]
    assert old in text, f"{old!r} not in {page}"
    pages[page] = text.replace(old, new, 1)
    return text[: text.index(old)].count("\n") + 1


def line_of(text: str, needle: str) -> int:
    """The line (1-based) `needle` first appears on."""
    assert needle in text, f"{needle!r} not found"
    return text[: text.index(needle)].count("\n") + 1


def start(
    pages: Mapping[str, str] | None = None, data_dir: Path = DATA_DIR, extra: Mapping[str, Any] = LOCAL_EXTRA
) -> Build:
    """What a build knows before it renders a page (start_build, then learn_pages), for these pages
    (the site's own by default); raises BuildError as the build does."""
    build = start_build(data_dir, extra)
    build.learn_pages(site_pages() if pages is None else pages)
    return build


def page_url(source: str) -> str:
    """The address MkDocs gives a page's source, relative to the site: about.md -> about/."""
    path = source.removesuffix(".md")
    if path == "index":
        return ""
    return path.removesuffix("/index") + "/"


def expand(build: Build, page: str, text: str | None = None) -> PageResult:
    """One page through expand_page as MkDocs hands it over: the body without its front matter,
    the line it starts on, the front matter read as YAML, links relative to the page's address."""
    source = site_pages()[page] if text is None else text
    front_matter = FRONT_MATTER.match(source)
    body = source[front_matter.end() :].lstrip("\n") if front_matter else source
    meta = read_front_matter(source)

    def link_to(target: str) -> str:
        return relative_url(page_url(target), page_url(page))

    return expand_page(build, PageSource(f"docs/{page}", body, body_first_line(source), meta), link_to)


def with_front_matter(text: str, field: str, value: str) -> str:
    """A page's text with one front matter field's line rewritten (or added before the closing ---)."""
    front_matter = FRONT_MATTER.match(text)
    assert front_matter, "the page has no front matter"
    head, body = text[: front_matter.end()], text[front_matter.end() :]
    line = re.compile(rf"^{field}:.*$", re.MULTILINE)
    if line.search(head):
        return line.sub(f"{field}: {value}", head, count=1) + body
    closing = head.rstrip("\n").rsplit("\n", 1)
    return f"{closing[0]}\n{field}: {value}\n{closing[1]}\n" + body


def data_problems(tmp_path: Path, file: str, old: str, new: str) -> str:
    """The message start_build gives for a copy of data/ with `old` replaced by `new` in `file`
    (what a build prints, headed "The site data has problems; nothing was built:")."""
    data = shutil.copytree(DATA_DIR, tmp_path / "data")
    text = (data / file).read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in data/{file}"
    (data / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(BuildError) as refused:
        start_build(data, LOCAL_EXTRA)
    return str(refused.value)


def learn_problems(pages: Mapping[str, str]) -> str:
    """The message learn_pages gives for these pages (every citation problem, headed)."""
    with pytest.raises(BuildError) as refused:
        start(pages)
    return str(refused.value)


@functools.cache
def _markdown_extensions() -> tuple[tuple[str, ...], dict[str, dict[str, Any]]]:
    """mkdocs.yml's Markdown extensions and their settings, less Material's own (which need MkDocs)."""
    names: list[str] = []
    settings: dict[str, dict[str, Any]] = {}
    for entry in site_config()["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if not name.startswith("material."):  # previews on links, for MkDocs' own pages only
            names.append(name)
            settings[name] = options or {}
    return tuple(names), settings


def render(build: Build, page: str, text: str | None = None) -> str:
    """A page's content as MkDocs renders it into the theme's <article> (no theme around it):
    expanded by the pipeline, then Python-Markdown with the extensions of mkdocs.yml."""
    result = expand(build, page, text)
    assert result.problems == [], result.message
    names, settings = _markdown_extensions()
    return markdown.Markdown(extensions=list(names), extension_configs=settings).convert(result.markdown)
