"""A page's "last reviewed" date is on or after the read date of every source it cites, counting
links in its text and the findings its shortcodes show (an option's card or table, an exercise's
pacer). Proven in-process on small pages; then each build-stopping rule of issue 24 (this one, and
a number in an option's answer that its quote does not hold) shown stopping a MkDocs build and a
Zensical build of a copy broken on purpose, with the same located message."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from hooks.content.references import validate_references
from hooks.content.site_data import DATA_PROBLEMS, load_site_data
from hooks.pages.citations import index_citations
from hooks.pages.review_dates import REVIEW_DATE_PROBLEMS, review_date_problems
from hooks.pages.shortcode_renderers import options_shown
from tests.support.build import build_copy, build_with_zensical, copy_site, replace_in
from tests.support.paths import DATA_DIR, DOCS_DIR

SOURCES = {
    ref.key: ref
    for ref in validate_references(
        {
            "references": [
                {
                    "key": "web-page",
                    "citation": "A Service. (n.d.). A page.",
                    "url": "https://example.org/page",
                    "read": "2026-12-06",
                    "findings": [{"id": "claim", "quote": "It says so.", "where": "Top"}],
                },
                {
                    "key": "paper-2020",
                    "citation": "Author, A. (2020). A paper.",
                    "url": "https://doi.org/10.1000/x",
                    "findings": [{"id": "result", "quote": "It found so.", "where": "Abstract"}],
                },
            ]
        },
        "data/references.yml",
    )
}


def page(reviewed: str, body: str) -> str:
    return f"---\ndescription: x\nreviewed: {reviewed}\nnext_review: 2027-05-01\n---\n\n# Title\n\n{body}\n"


def problems(pages: dict[str, str]) -> list[str]:
    index = index_citations(pages, SOURCES, {})
    return review_date_problems(pages, index, SOURCES)


def test_a_page_reviewed_before_a_source_it_cites_was_read_is_named_by_page_and_line():
    pages = {
        "late.md": page("2026-11-30", "Intro.\n\nIt says so ([A](references.md#web-page-claim)).\n"),
        "fine.md": page("2026-12-06", "It says so ([A](references.md#web-page-claim))."),
        "doi.md": page("2020-01-01", "A paper has no read date ([B](references.md#paper-2020-result))."),
    }
    assert problems(pages) == [
        'docs/late.md, line 11: cites "web-page-claim", from a page read on 2026-12-06 (web-page), after the '
        'page\'s last review (reviewed: 2026-11-30); allowed: a "reviewed" date on or after 2026-12-06: check '
        "the page against its sources, then change the date."
    ]


def test_findings_shown_by_an_options_shortcode_count_at_its_line():
    """The options' cards cite findings from data/options.yml: a page showing them is held to their read dates."""
    data = load_site_data(DATA_DIR)
    text = (DOCS_DIR / "options/stress.md").read_text(encoding="utf-8")
    broken = text.replace("reviewed: 2026-12-06", "reviewed: 2026-12-05")
    line = next(n for n, row in enumerate(broken.split("\n"), 1) if row == "<!-- md:options-cards stress -->")
    pages = {"options/stress.md": broken}
    index = index_citations(pages, data.references, data.exercises, shown_by=options_shown(data.options))
    found = review_date_problems(pages, index, data.references)
    assert found, "the card's sources read on 2026-12-06 must be caught"
    assert f'docs/options/stress.md, line {line}: cites "nice-cg113-step-2", from a page read on 2026-12-06' in (
        "\n".join(found)
    )
    fixed = {"options/stress.md": text}
    index = index_citations(fixed, data.references, data.exercises, shown_by=options_shown(data.options))
    assert review_date_problems(fixed, index, data.references) == []


def test_every_page_of_the_site_keeps_the_rule():
    data = load_site_data(DATA_DIR)
    pages = {p.relative_to(DOCS_DIR).as_posix(): p.read_text(encoding="utf-8") for p in DOCS_DIR.rglob("*.md")}
    index = index_citations(pages, data.references, data.exercises, shown_by=options_shown(data.options))
    assert review_date_problems(pages, index, data.references) == []
    latest = max(ref.read for ref in data.references.values() if ref.read is not None)
    assert latest <= datetime.date(2026, 12, 6)


@pytest.fixture(scope="module")
def late_review(tmp_path_factory) -> tuple[Path, int]:
    """A copy whose options overview says it was reviewed the day before a source it shows was read."""
    root = copy_site(tmp_path_factory.mktemp("late"))
    overview = root / "docs/options/index.md"
    replace_in(
        overview, "reviewed: 2026-12-06\nnext_review: 2027-06-06", "reviewed: 2026-12-05\nnext_review: 2027-06-05"
    )
    line = next(
        n
        for n, row in enumerate(overview.read_text(encoding="utf-8").split("\n"), 1)
        if row == "<!-- md:options-glance stress -->"
    )
    return root, line


def late_message(line: int) -> str:
    return (
        f'docs/options/index.md, line {line}: cites "nhs-gad-treatment-more-intensive", from a page read on '
        "2026-12-06 (nhs-gad-treatment), after the page's last review (reviewed: 2026-12-05)"
    )


@pytest.mark.build
def test_mkdocs_stops_on_a_late_review_with_the_page_and_line(late_review):
    root, line = late_review
    result = build_copy(root)
    assert result.returncode != 0
    assert REVIEW_DATE_PROBLEMS in result.stderr
    assert late_message(line) in result.stderr
    assert not (root / "site").exists()


@pytest.mark.build
def test_zensical_stops_on_a_late_review_with_the_mkdocs_message(late_review):
    root, line = late_review
    result = build_with_zensical(root)
    assert result.returncode != 0
    assert late_message(line) in result.stdout + result.stderr


@pytest.fixture(scope="module")
def unsupported_number(tmp_path_factory) -> tuple[Path, int]:
    """A copy whose PTSD table puts back the overview's old '8 to 12 sessions', on the EMDR finding."""
    root = copy_site(tmp_path_factory.mktemp("number"))
    line = replace_in(
        root / "data/options.yml",
        'text: "EMDR: often about 12 weekly sessions (one NHS service)"',
        'text: "8 to 12 sessions"',
    )
    return root, line


def number_message(line: int) -> str:
    return (
        'data/options.yml: option "ptsd-guideline" (entry 9), field "glance.time.text": found the number 8, which '
        "no quote of the findings it cites holds (rdash-emdr-sessions); allowed: a number in the quote of a "
        f"finding the sentence cites, or own: true when it is our own. (line {line})"
    )


@pytest.mark.build
def test_mkdocs_stops_on_a_number_its_quote_does_not_hold(unsupported_number):
    root, line = unsupported_number
    result = build_copy(root)
    assert result.returncode != 0
    assert DATA_PROBLEMS in result.stderr
    assert number_message(line) in result.stderr


@pytest.mark.build
def test_zensical_stops_on_a_number_its_quote_does_not_hold(unsupported_number):
    root, line = unsupported_number
    result = build_with_zensical(root)
    assert result.returncode != 0
    assert number_message(line) in result.stdout + result.stderr


def test_a_tables_cells_count_for_the_review_but_get_no_link_back():
    """The references page links back to the card, which shows the citation, not to the table."""
    data = load_site_data(DATA_DIR)
    pages = {name: (DOCS_DIR / name).read_text(encoding="utf-8") for name in ("options/index.md", "options/stress.md")}
    index = index_citations(pages, data.references, data.exercises, shown_by=options_shown(data.options))
    places = {(c.page, c.linked) for c in index.cited_at["nhs-gad-treatment-more-intensive"]}
    assert places == {("options/index.md", False), ("options/stress.md", False), ("options/stress.md", True)}
    links = index.back_links(lambda page: page.replace(".md", "/"))["nhs-gad-treatment-more-intensive"]
    assert [link.href for link in links] == ["options/stress/#stress-guideline"]
