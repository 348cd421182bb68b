"""The shortcodes as a plain Python-Markdown extension (what Zensical loads), and the contact
text that comes from the build's repository context."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
from markdown.extensions.toc import TocExtension

from hooks.content.repository import repository_from
from hooks.markdown_extension import PageShortcodeError, SiteDataError, makeExtension, relative_url, toc_slugify
from tests.support.paths import REPO_ROOT

DATA = REPO_ROOT / "data"


def convert(text: str, **options) -> str:
    return markdown.Markdown(extensions=[makeExtension(data_dir=str(DATA), **options)]).convert(text)


def test_any_python_markdown_expands_the_shortcodes():
    html = convert("# Box\n\n<!-- md:pacer box -->\n\nAfter.", references_url="../refs/")
    assert '<br-pacer data-pacer="box"' in html
    assert 'href="../refs/#balban-2023-cyclic-sighing-best" data-preview' in html
    assert "<p>After.</p>" in html


def test_a_shortcode_in_a_fence_is_shown_not_expanded():
    html = markdown.Markdown(extensions=["pymdownx.superfences", makeExtension(data_dir=str(DATA))]).convert(
        "```markdown\n<!-- md:pacer box -->\n```"
    )
    assert "br-pacer" not in html
    assert "md:pacer box" in html


def test_unknown_shortcode_names_the_line():
    with pytest.raises(PageShortcodeError) as raised:
        convert("Intro\n\n<!-- md:pacers box -->")
    assert (
        'the page, line 3: unknown shortcode "md:pacers"; known shortcodes are md:caution, md:contact, '
        "md:countries, md:editors, md:options-cards, md:options-glance, md:pacer" in str(raised.value)
    )


def test_bad_data_fail_when_the_extension_is_made(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    exercises = data / "exercises.yml"
    exercises.write_text(exercises.read_text(encoding="utf-8").replace("seconds: 7", "seconds: 0", 1), encoding="utf-8")
    with pytest.raises(SiteDataError) as raised:
        makeExtension(data_dir=str(data))
    assert str(raised.value).startswith("The site data has problems; nothing was built:\n")
    assert 'field "phases[2].seconds": found 0; allowed: a number from 1 to 20.' in str(raised.value)


def test_contact_links_the_issue_tracker_only_when_the_repository_is_known():
    assert 'href="https://github.com/someone/calm/issues"' in convert(
        "<!-- md:contact -->", repository="someone/calm", server_url="https://github.com"
    )
    without = convert("<!-- md:contact -->")
    assert "built without a link to its source repository" in without
    assert "href" not in without


@pytest.mark.parametrize(
    ("server", "name", "problem"),
    [
        ("https://github.com", "someone", 'repository "someone"'),
        ("https://github.com", "a/b/c", 'repository "a/b/c"'),
        ("github.com", "someone/calm", 'server "github.com"'),
        ("https://github.com", 'x"/y', 'repository "x"/y"'),
    ],
)
def test_a_malformed_repository_context_is_refused(server, name, problem):
    with pytest.raises(ValueError, match=problem):
        repository_from(server, name)


def test_no_repository_context_is_no_repository():
    assert repository_from("https://github.com", "") is None
    assert repository_from(None, None) is None
    assert repository_from("", "someone/calm").issues_url == "https://github.com/someone/calm/issues"


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("references.md", "about.md", "references.md"),
        ("references.md", "exercises/box.md", "../references.md"),
        ("references/", "exercises/box/", "../../references/"),
        ("references/", "", "references/"),
        ("references/", "references/", "./"),
    ],
)
def test_relative_url(target, page, expected):
    assert relative_url(target, page) == expected


def test_the_extension_registers_itself_and_resets_between_documents():
    """As pymdown-extensions do: md.reset() reaches the extension, so nothing carries over."""
    extension = makeExtension(data_dir=str(DATA))
    md = markdown.Markdown(extensions=[extension])
    assert extension in md.registeredExtensions
    md.convert("<!-- md:caution light-headed -->")
    assert extension.pages_seen == ["the page"]
    md.reset()
    assert extension.pages_seen == []


def test_front_matter_is_checked_from_the_source_file(tmp_path: Path):
    """Zensical hands over the body alone: the extension reads the front matter from the file."""
    docs = tmp_path / "docs"
    shutil.copytree(REPO_ROOT / "docs", docs)  # the whole site: every finding is cited somewhere
    about = docs / "about.md"
    text = about.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    about.write_text("---\ndescription: Short.\n---\n" + body, encoding="utf-8")

    class Page:
        path, url = "about.md", "about/"

    class Context(markdown.preprocessors.Preprocessor):
        page, config = Page(), {"docs_dir": str(docs), "extra": {}}

        def run(self, lines: list[str]) -> list[str]:
            return lines

    md = markdown.Markdown(extensions=[makeExtension(data_dir=str(DATA))])
    md.preprocessors.register(Context(md), "generator_context", 100)
    with pytest.raises(PageShortcodeError) as raised:
        md.convert(body)
    message = str(raised.value)
    assert message.startswith("docs/about.md: front matter problems:\n")
    assert 'docs/about.md: field "description": found 6 characters; allowed: 50 to 160.' in message
    assert 'docs/about.md: field "reviewed": found nothing (empty)' in message


def test_heading_ids_come_from_the_toc_extension_this_markdown_runs():
    """Zensical configures toc as MkDocs does; the citations' section ids must use its slugify."""

    def shouting(text: str, separator: str) -> str:
        return text.upper().replace(" ", separator)

    configured = markdown.Markdown(extensions=[TocExtension(slugify=shouting, separator="_")])
    assert toc_slugify(configured)("What the trials show") == "WHAT_THE_TRIALS_SHOW"
    assert toc_slugify(markdown.Markdown(extensions=["toc"]))("What the trials show") == "what-the-trials-show"
    assert toc_slugify(markdown.Markdown())("Études") == "etudes"
