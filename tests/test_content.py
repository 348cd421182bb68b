"""Content checks on the built site: plain English, navigation, citations, front matter, anchors.

Reading ease is measured on each page's own content, rendered in-process as the build renders
it (tests/support/pipeline.py); the rest reads the strict build that conftest.py's `built_site`
fixture makes, so what is checked is what a reader gets. HTML is parsed with lxml
(tests/support/html.py).

See the reading-ease figures per page with:

    .venv/bin/pytest tests/test_content.py -q -s -k reading_ease
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
import textstat
import yaml
from lxml.html import HtmlElement

from tests.support.html import classes, element_ids, link_hrefs, link_target, read_markup, read_page
from tests.support.paths import DOCS_DIR, REPO_ROOT, site_config
from tests.support.pipeline import render, start

DOCS = DOCS_DIR
BUILD = start()
REFERENCES_YML = REPO_ROOT / "data" / "references.yml"

# Every Markdown page of the site, as a path relative to docs/ (e.g. "exercises/box.md").
SOURCE_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))

# ---------------------------------------------------------------------------------------------
# Reading ease
# ---------------------------------------------------------------------------------------------
#
# Flesch Reading Ease runs from about 0 (very hard) to 100 (very easy). 60 to 70 is "plain
# English", the level most adults read without effort; 70 to 80 is "fairly easy", about a
# reading age of 12 to 13. Our target is a reading age of 9 to 11, but the site cannot avoid
# some long names that the formula punishes for their syllables ("Somatic Emotional Release",
# "practitioner", "CranioSacral Therapy", "diaphragmatic").
#
# The floor is 70 ("fairly easy"), ten points above the bottom of plain English. When this test
# was written every page scored between about 77 and 95, so 70 leaves room for a hard but
# needed sentence while catching a page that drifts towards officialese. A floor of 60 would
# let a page lose most of its plainness before anyone noticed.
READING_EASE_MIN = 70.0

# The references page is mostly a list of citations: author names, journal titles and DOIs.
# That list is excluded (it is not prose and nobody reads it as a sentence), so the page is
# judged on its short introduction only, with the same threshold as every other page.
#
# The about page is held to the same floor as every other page: it explains policy and
# licences, but it is written for the same readers, so it gets no special treatment.
READING_EASE_MIN_BY_PAGE: dict[str, float] = {}

# What is left out of the measured text, and why:
#   pre, code                 code is not prose
#   table                     cells are fragments, not sentences ("No", "3 to 5 minutes")
#   h1-h6                     headings are labels, often without a verb
#   .br-exercise              the pacer widget: cues, the cautions list and the written steps
#                             (exercise data owned by data/exercises.yml, not page prose)
#   .br-references            the generated citation list (names, journals, DOIs)
#   .footnote                 footnote text, if any
#   .admonition-title         box titles are labels ("Before you start"); the box body is kept
#   .headerlink               the pilcrow after each heading
#   script, style, svg        not text
#   nav, form, button         navigation and controls inside the article, if any
EXCLUDED_TAGS = {
    "pre",
    "code",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "script",
    "style",
    "svg",
    "nav",
    "form",
    "button",
    "template",
}
EXCLUDED_CLASSES = {"br-exercise", "br-references", "footnote", "admonition-title", "headerlink"}

# Each of these blocks is read as a unit: a list item such as "tears" is a line on its own, not
# part of the next sentence. textstat only starts a new sentence after . ! or ? followed by a
# capital letter, so each block gets a full stop if it has none and a capital first letter.
BLOCK_TAGS = {
    "p",
    "li",
    "dt",
    "dd",
    "blockquote",
    "summary",
    "figcaption",
    "div",
    "aside",
    "details",
    "section",
    "article",
}


@dataclass
class ParsedPage:
    """What the tests need from one built HTML page."""

    ids: set[str] = field(default_factory=set)
    hrefs: list[str] = field(default_factory=list)
    meta_description: str | None = None
    headings: list[tuple[str, str | None, str]] = field(default_factory=list)  # (tag, id, text)
    prose_blocks: list[str] = field(default_factory=list)


def sentence(parts: list[str]) -> str | None:
    """One block's text as textstat needs it: a capital first letter and a closing full stop."""
    text = " ".join("".join(parts).split())
    if not text:
        return None
    if text[-1] not in ".!?:":
        text += "."
    elif text[-1] == ":":
        # A lead-in such as "Ask these before you book:" is followed by a list, so it ends
        # there for a reader.
        text = text[:-1] + "."
    return text[0].upper() + text[1:]


def prose_blocks(element: HtmlElement, blocks: list[str], current: list[str] | None = None) -> None:
    """Append the prose of `element` to `blocks`, one entry per block, inner blocks first."""
    if not isinstance(element.tag, str) or element.tag in EXCLUDED_TAGS or classes(element) & EXCLUDED_CLASSES:
        return  # a comment, or an excluded subtree; its tail belongs to the parent
    own: list[str] | None = [] if element.tag in BLOCK_TAGS else current
    if own is not None and element.text:
        own.append(element.text)
    for child in element:
        prose_blocks(child, blocks, own)
        if own is not None and child.tail:
            own.append(child.tail)
    if element.tag in BLOCK_TAGS and own is not None:
        text = sentence(own)
        if text:
            blocks.append(text)


def parse_html(path: Path) -> ParsedPage:
    return parse_root(read_page(path))


@functools.cache
def rendered(source_page: str) -> ParsedPage:
    """A page's own content, rendered in-process as the build renders it into the theme's
    <article> (tests/support/pipeline.py): its prose, without the theme's frame around it."""
    return parse_root(read_markup(f"<article>{render(BUILD, source_page)}</article>"))


def parse_root(root: HtmlElement) -> ParsedPage:
    page = ParsedPage(ids=element_ids(root), hrefs=link_hrefs(root))
    descriptions = root.xpath("//meta[@name='description']/@content")
    page.meta_description = str(descriptions[-1]) if descriptions else None
    for article in root.xpath("//article[not(ancestor::article)]"):
        for heading in article.iter("h1", "h2", "h3", "h4", "h5", "h6"):
            text = " ".join(heading.text_content().replace("\u00b6", "").split())
            page.headings.append((heading.tag, heading.get("id"), text))
        prose_blocks(article, page.prose_blocks)
    return page


def built_path(source_page: str) -> str:
    """docs/exercises/box.md -> exercises/box/index.html; docs/index.md -> index.html."""
    source = PurePosixPath(source_page)
    if source.name == "index.md":
        return (source.parent / "index.html").as_posix()
    return (source.parent / source.stem / "index.html").as_posix()


def prose_of(page: ParsedPage) -> str:
    return " ".join(page.prose_blocks)


def reading_ease(text: str) -> float:
    return textstat.flesch_reading_ease(text)


@pytest.fixture(scope="session")
def parsed(built_site: Path):
    """Parse each built page once: a dict from site-relative HTML path to ParsedPage."""
    cache: dict[str, ParsedPage] = {}

    def get(relative: str) -> ParsedPage:
        if relative not in cache:
            cache[relative] = parse_html(built_site / relative)
        return cache[relative]

    return get


def test_source_pages_found():
    assert "index.md" in SOURCE_PAGES and "safety.md" in SOURCE_PAGES, SOURCE_PAGES


@pytest.mark.parametrize("source_page", SOURCE_PAGES)
def test_reading_ease(source_page):
    """Measured on the page's own prose: the theme's frame (say, the notice of an overdue review) is not the page's."""
    text = prose_of(rendered(source_page))
    assert len(text.split()) >= 20, f"{source_page}: almost no prose found to measure: {text!r}"
    score = reading_ease(text)
    minimum = READING_EASE_MIN_BY_PAGE.get(source_page, READING_EASE_MIN)
    print(
        f"\n  reading ease {source_page}: {score:.1f} (min {minimum:.0f}, "
        f"{textstat.lexicon_count(text)} words, {textstat.sentence_count(text)} sentences)"
    )
    assert score >= minimum, (
        f"{source_page}: Flesch reading ease {score:.1f} is below {minimum:.0f}. "
        "Use shorter sentences and everyday words."
    )


def test_prose_extraction_leaves_out_widgets_and_lists():
    """Guard the measurement itself: pacer steps and citation lists must not be scored."""
    box = prose_of(rendered("exercises/box.md"))
    assert "Hold with empty lungs for a count of 4" not in box  # a written step, inside .br-exercise
    assert "Box breathing has four equal steps" in box
    references = prose_of(rendered("references.md"))
    assert "Balban, M. Y." not in references  # a citation, inside .br-references
    assert "sources we use" in references


def test_the_theme_frame_is_left_out_of_the_measured_prose_of_the_built_page_too(built_site, parsed):
    """The built page's prose is the page's own prose plus only what the theme adds around it."""
    own = rendered("about.md").prose_blocks
    built = parsed("about/index.html").prose_blocks
    assert [block for block in built if block not in own] == [
        block for block in built if block.startswith("It was due for review on")
    ]


# ---------------------------------------------------------------------------------------------
# Navigation
# ---------------------------------------------------------------------------------------------


def nav_pages(entries) -> list[str]:
    pages: list[str] = []
    for entry in entries or []:
        if isinstance(entry, str):
            pages.append(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                if isinstance(value, str):
                    pages.append(value)
                elif isinstance(value, list):
                    pages.extend(nav_pages(value))
    return pages


def test_home_comes_first_in_the_nav():
    config = site_config()
    assert nav_pages(config["nav"])[0] == "index.md"


# ---------------------------------------------------------------------------------------------
# Links, anchors and citations
# ---------------------------------------------------------------------------------------------


def site_path() -> str:
    """The sub-path the site is served under, from site_url (e.g. "/breathing-room/")."""
    config = site_config()
    path = urlsplit(config.get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


SITE_PATH = site_path()


def built_html_pages(built_site: Path) -> list[str]:
    return sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))


def resolve(page: str, href: str, built_site: Path) -> tuple[str | None, str]:
    """The site-relative HTML file a link on `page` leads to, and its fragment (None: another site)."""
    return link_target(page, href, built_site, SITE_PATH)


def test_resolve_handles_the_link_forms_the_site_uses(tmp_path):
    (tmp_path / "exercises").mkdir()
    assert resolve("exercises/box/index.html", "../../references/#ref-ma-2017", tmp_path) == (
        "references/index.html",
        "ref-ma-2017",
    )
    assert resolve("ser/index.html", "#evidence", tmp_path) == ("ser/index.html", "evidence")
    assert resolve("index.html", "exercises/", tmp_path) == ("exercises/index.html", "")
    assert resolve("index.html", ".", tmp_path) == ("index.html", "")
    assert resolve("404.html", SITE_PATH + "safety/#crisis-help", tmp_path) == ("safety/index.html", "crisis-help")
    assert resolve("index.html", "https://example.org/#x", tmp_path) == (None, "x")
    assert resolve("index.html", "tel:116123", tmp_path) == (None, "")


def broken_links(built_site: Path, parsed) -> list[str]:
    """Links in the built pages to a page that is not there, or to an id that page lacks."""
    broken = []
    for page in built_html_pages(built_site):
        for href in parsed(page).hrefs:
            target, fragment = resolve(page, href, built_site)
            if target is None:
                continue
            if not (built_site / target).is_file():
                broken.append(f"{page}: {href} -> missing file {target}")
                continue
            if fragment and fragment not in parsed(target).ids:
                broken.append(f"{page}: {href} -> no id {fragment!r} in {target}")
    return broken


def test_anchor_check_catches_a_broken_fragment(tmp_path):
    """The checker finds a made-up id and a missing page, and passes the links that do land."""
    (tmp_path / "safety").mkdir()
    (tmp_path / "safety/index.html").write_text('<h2 id="crisis-help">Help</h2>', encoding="utf-8")
    links = ["safety/#crisis-help", "safety/#no-such-anchor", "nowhere/#x", "#top", "https://example.org/#x"]
    (tmp_path / "index.html").write_text(
        '<p id="top">' + "".join(f'<a href="{href}">x</a>' for href in links) + "</p>", encoding="utf-8"
    )
    assert broken_links(tmp_path, lambda relative: parse_html(tmp_path / relative)) == [
        "index.html: safety/#no-such-anchor -> no id 'no-such-anchor' in safety/index.html",
        "index.html: nowhere/#x -> missing file nowhere/index.html",
    ]


def test_no_broken_anchor_links(built_site, parsed):
    """Every same-page or cross-page #id link in every built page (theme and generated HTML too,
    which MkDocs' own anchor check does not see) lands on an element id."""
    broken = broken_links(built_site, parsed)
    assert not broken, "broken links:\n" + "\n".join(broken)


def finding_anchors() -> list[str]:
    data = yaml.safe_load(REFERENCES_YML.read_text(encoding="utf-8"))
    return [f"{entry['key']}-{finding['id']}" for entry in data["references"] for finding in entry["findings"]]


def cited_findings(built_site: Path, parsed) -> dict[str, set[str]]:
    """Finding anchor -> the built pages (other than the references page) that link to it."""
    citing: dict[str, set[str]] = {}
    for page in built_html_pages(built_site):
        if page == "references/index.html":
            continue
        for href in parsed(page).hrefs:
            target, fragment = resolve(page, href, built_site)
            if target == "references/index.html" and fragment:
                citing.setdefault(fragment, set()).add(page)
    return citing


def test_every_finding_is_cited_somewhere(built_site, parsed):
    """The list holds only findings the site uses: each is linked from at least one page."""
    unused = sorted(set(finding_anchors()) - set(cited_findings(built_site, parsed)))
    assert not unused, f"findings listed but never cited on a page: {unused}"


# ---------------------------------------------------------------------------------------------
# Front matter and page structure
# ---------------------------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


def front_matter(source_page: str) -> dict:
    text = (DOCS / source_page).read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    assert match, f"{source_page}: no YAML front matter at the top"
    return yaml.safe_load(match.group(1)) or {}


@pytest.mark.parametrize("source_page", SOURCE_PAGES)
def test_the_built_page_carries_its_description(source_page, parsed):
    """The theme puts each page's own description in its meta tag (the build checks the field itself)."""
    description = front_matter(source_page)["description"]
    built = parsed(built_path(source_page))
    assert built.meta_description is not None, f"{source_page}: built page has no meta description"
    assert html.unescape(built.meta_description).strip() == description.strip()


def test_crisis_help_is_the_first_section_of_the_safety_page():
    headings = rendered("safety.md").headings
    assert [tag for tag, _, _ in headings][:2] == ["h1", "h2"], headings
    assert headings[1][1] == "crisis-help", f"first section of safety is {headings[1]}"


@pytest.mark.parametrize("number", ["999", "112", "911", "988", "116 123"])
def test_crisis_numbers_are_on_the_safety_page(number):
    assert number in " ".join(rendered("safety.md").prose_blocks)
