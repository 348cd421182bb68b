"""The built site as a visitor and GitHub Pages meet it: safety on every page, nothing third-party,
and a build that refuses bad data or bad pages before anything is published."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import markdown
import pytest
from lxml.html import HtmlElement

from hooks.content.site_data import load_site_data
from hooks.pages.shortcode_renderers import SHORTCODE_PROBLEMS
from hooks.pipeline import check_page_html
from tests.support.build import build_copy, copy_site, replace_in
from tests.support.html import link_hrefs, read_page
from tests.support.paths import DATA_DIR, DOCS_DIR
from tests.support.pipeline import expand, replaced, site_pages, start, with_front_matter

RESOURCE_ATTRIBUTES = {"link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}
# <link> relations that only name a page and never make the browser fetch anything.
NON_FETCHING_LINK_RELATIONS = {"canonical", "alternate", "author", "license", "next", "prev", "me"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


@dataclass
class PageParts:
    """Just what the checks need from a page: resource URLs, links, inline styles, pacers."""

    resources: list[str]
    links: list[str]
    inline_css: list[str]
    pacers: list[str]


def fetches(element: HtmlElement) -> bool:
    """Whether the browser loads this element's resource (a <link> may only name a page)."""
    return element.tag != "link" or not set((element.get("rel") or "").split()) <= NON_FETCHING_LINK_RELATIONS


def parse_page(path: Path) -> PageParts:
    root = read_page(path)
    resources = [
        str(element.get(attribute))
        for tag, attribute in RESOURCE_ATTRIBUTES.items()
        for element in root.iter(tag)
        if element.get(attribute) and fetches(element)
    ]
    resources += [part.split()[0] for srcset in root.xpath("//img/@srcset") for part in str(srcset).split(",")]
    inline_css = [str(style) for style in root.xpath("//@style")] + [style.text or "" for style in root.iter("style")]
    return PageParts(
        resources=resources,
        links=link_hrefs(root),
        inline_css=inline_css,
        pacers=[str(value) for value in root.xpath("//@data-pacer")],
    )


def is_third_party(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def content_pages(built_site: Path) -> list[Path]:
    return sorted(built_site.rglob("index.html"))


def test_every_page_carries_the_safety_notice_and_crisis_link(built_site, built_pages):
    for page in built_pages:
        text = page.read_text(encoding="utf-8")
        assert "Information only, not medical advice." in text, page
        parser = parse_page(page)
        page_url = "/breathing-room/" + page.relative_to(built_site).as_posix()
        crisis = [urljoin(page_url, link) for link in parser.links if link.endswith("#crisis-help")]
        assert "/breathing-room/safety/#crisis-help" in crisis, page


def test_every_page_has_a_title_of_its_own(built_site, built_pages):
    """A tab, a bookmark and a screen reader name a page by its <title> (WCAG 2.4.2): two sections'
    "Overview" pages must not both be "Overview - Breathing Room"."""
    titles: dict[str, list[str]] = {}
    for page in built_pages:
        title = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)
        assert title is not None, page
        titles.setdefault(title.group(1).strip(), []).append(page.relative_to(built_site).as_posix())
    assert {title: pages for title, pages in titles.items() if len(pages) > 1} == {}


def test_every_content_page_shows_its_review_dates(built_site):
    for page in content_pages(built_site):
        text = page.read_text(encoding="utf-8")
        reviewed = re.search(r'Page last reviewed: <time datetime="(\d{4}-\d\d-\d\d)">', text)
        due = re.search(r'Next review due: <time datetime="(\d{4}-\d\d-\d\d)">', text)
        assert reviewed and due, page
        assert due.group(1) > reviewed.group(1), page
        assert text.index("Page last reviewed") > text.index('<footer class="md-footer">'), page


def test_no_page_loads_anything_from_another_host(built_site, built_pages):
    offenders = []
    for page in built_pages:
        parser = parse_page(page)
        urls = parser.resources + [url for css in parser.inline_css for url in CSS_URL.findall(css)]
        offenders += [(page.name, url) for url in urls if is_third_party(url)]
    for stylesheet in built_site.rglob("*.css"):
        offenders += [
            (stylesheet.name, url)
            for url in CSS_URL.findall(stylesheet.read_text(encoding="utf-8"))
            if is_third_party(url)
        ]
    assert offenders == []


def test_search_dialog_has_an_accessible_name(built_site):
    assert 'role="dialog" aria-label="Search this site"' in (built_site / "index.html").read_text(encoding="utf-8")


def test_every_exercise_appears_and_no_shortcode_is_left(built_site, built_pages):
    shown: set[str] = set()
    for page in built_pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<!--\s*md:", text), page
        shown.update(parse_page(page).pacers)
    assert shown == set(load_site_data(DATA_DIR).exercises)


# The build refuses to publish when something is wrong ---------------------------------------
# Each rule is proven in-process (tests/support/pipeline.py) with its exact message; one real build
# per family shows the generator runs the family and publishes nothing.


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    return copy_site(tmp_path)


@pytest.mark.build
def test_bad_data_stops_the_build_before_anything_is_written(site_copy):
    replace_in(
        site_copy / "data/exercises.yml",
        "      - action: hold-full\n        seconds: 7",
        "      - action: hold-full\n        seconds: -7",
    )
    result = build_copy(site_copy)
    assert result.returncode != 0
    assert (
        'data/exercises.yml: exercise "4-7-8" (entry 2), field "phases[2].seconds": found -7; allowed: a number from 1 to 20.'
        in result.stderr
    )
    assert not (site_copy / "site").exists()


@pytest.mark.build
def test_a_page_breaking_the_page_rules_stops_the_build_with_every_problem_located(site_copy):
    """Front matter, a DOI link and a shortcode on one page, and a page left out of the nav
    (mkdocs.yml's validation and strict mode): one build reports them all and writes nothing."""
    page = site_copy / "docs/faq.md"
    set_front_matter(page, "description", "Too long. " * 21)
    lines = page.read_text(encoding="utf-8").split("\n")
    page.write_text(
        "\n".join([*lines, "", "A claim ([Ma 2017](https://doi.org/10.3389/x)).", "", "<!-- md:pacer boxx -->", ""]),
        encoding="utf-8",
    )
    (site_copy / "docs/orphan.md").write_text(
        (DOCS_DIR / "about.md").read_text(encoding="utf-8").split("\n---\n", 1)[0] + "\n---\n\n# Orphan\n",
        encoding="utf-8",
    )
    result = build_copy(site_copy)
    assert result.returncode != 0
    assert 'not included in the "nav" configuration:\n  - orphan.md' in result.stderr
    assert 'docs/faq.md: field "description": found 209 characters; allowed: 50 to 160.' in result.stderr
    assert f"docs/faq.md, line {len(lines) + 2}: found a link straight to a DOI;" in result.stderr
    assert f'docs/faq.md, line {len(lines) + 4}: unknown exercise "boxx" in <!-- md:pacer -->' in result.stderr
    assert not (site_copy / "site").exists()


@pytest.mark.build
def test_a_second_title_fails_the_build(site_copy):
    """The rule on a page's rendered content runs at another step of the build than the rules above."""
    page = site_copy / "docs/faq.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n# A second title\n", encoding="utf-8")
    result = build_copy(site_copy)
    assert result.returncode != 0
    assert "docs/faq.md: found 2 top-level headings (# Title); allowed: one" in result.stderr


def set_front_matter(page: Path, field: str, value: str) -> None:
    """Rewrite one field's line in a page's front matter, whatever it held before."""
    page.write_text(with_front_matter(page.read_text(encoding="utf-8"), field, value), encoding="utf-8")


# The same rules in-process, one failure each ------------------------------------------------


def test_unknown_exercise_id_names_page_and_line():
    pages = site_pages()
    line = replaced(pages, "exercises/box.md", "<!-- md:pacer box -->", "<!-- md:pacer boxx -->")
    result = expand(start(), "exercises/box.md", pages["exercises/box.md"])
    assert result.problems == [
        f"{SHORTCODE_PROBLEMS}\n"
        f'docs/exercises/box.md, line {line}: unknown exercise "boxx" in <!-- md:pacer -->; '
        f"data/exercises.yml defines {', '.join(sorted(load_site_data(DATA_DIR).exercises))}."
    ]


def test_a_description_too_long_and_a_review_too_far_off_are_refused():
    text = site_pages()["faq.md"]
    for field, value in [("description", "Too long. " * 21), ("reviewed", "2026-11-28"), ("next_review", "2027-11-28")]:
        text = with_front_matter(text, field, value)
    assert expand(start(), "faq.md", text).problems == [
        "docs/faq.md: front matter problems:\n"
        'docs/faq.md: field "description": found 209 characters; allowed: 50 to 160.\n'
        'docs/faq.md: field "next_review": found 2027-11-28, 365 days after "reviewed"; '
        "allowed: at most 184 days (six months) after it."
    ]


def test_a_page_without_review_dates_is_refused():
    pages = site_pages()
    replaced(pages, "about.md", "next_review:", "next_reviewed:")
    assert expand(start(), "about.md", pages["about.md"]).problems == [
        "docs/about.md: front matter problems:\n"
        'docs/about.md: field "next_review": found nothing (empty); allowed: a date written as YYYY-MM-DD, unquoted.'
    ]


def test_a_link_straight_to_a_doi_is_refused_with_its_line():
    text = site_pages()["faq.md"]
    line = text.count("\n") + 2
    result = expand(start(), "faq.md", text + "\nA claim ([Ma 2017](https://doi.org/10.3389/x)).\n")
    assert result.problems == [
        "docs/faq.md: citation problems:\n"
        f"docs/faq.md, line {line}: found a link straight to a DOI; allowed: a link to the finding on the "
        "references page, e.g. [Ma 2017](references.md#ma-2017-attention) (a new source and its findings go "
        "into data/references.yml)."
    ]


def test_a_doi_link_and_a_shortcode_shown_in_a_four_backtick_fence_pass_as_code():
    """Code is never judged as text: a three-backtick line inside a four-backtick fence stays code."""
    example = "\n````markdown\n```markdown\n[Ma 2017](https://doi.org/10.3389/x)\n<!-- md:pacer nope -->\n```\n````\n"
    result = expand(start(), "about.md", site_pages()["about.md"] + example)
    assert result.problems == []
    html = markdown.markdown(result.markdown, extensions=["pymdownx.superfences"])
    assert "&lt;!-- md:pacer nope --&gt;" in html
    assert check_page_html("docs/about.md", html) == []


def test_a_second_title_is_refused():
    html = markdown.markdown(site_pages()["faq.md"].split("\n---\n", 1)[1] + "\n# A second title\n")
    assert check_page_html("docs/faq.md", html) == [
        "docs/faq.md: heading problems:\n"
        "docs/faq.md: found 2 top-level headings (# Title); allowed: one, the page title (use ## below it)."
    ]


def test_editing_a_number_in_the_data_changes_every_page_that_shows_it(tmp_path):
    data = shutil.copytree(DATA_DIR, tmp_path / "data")
    replace_in(
        data / "exercises.yml",
        "      - action: hold-full\n        seconds: 7",
        "      - action: hold-full\n        seconds: 6.5",
    )
    edited, original = start(data_dir=data), start()
    changed = [page for page in site_pages() if expand(edited, page).markdown != expand(original, page).markdown]
    # The page that shows the 4-7-8 pacer; the your-own page, whose holds are bounded by the data's
    # longest hold (4-7-8's); and the plan page, which carries every exercise's pacer data.
    assert changed == ["exercises/4-7-8.md", "exercises/your-own.md", "practice/plan.md"]
    for page in ("exercises/4-7-8.md", "practice/plan.md"):
        text = expand(edited, page).markdown
        assert "&quot;action&quot;:&quot;hold-full&quot;,&quot;seconds&quot;:6.5" in text, page
    assert "In 4 · Hold 6.5 · Out 8" in expand(edited, "exercises/4-7-8.md").markdown
    assert 'name="hold" type="number" inputmode="decimal" required min="0" max="6.5"' in (
        expand(edited, "exercises/your-own.md").markdown
    )
