"""Rules for a page's own text, as plain functions; tests/test_build.py checks the build applies them."""

from __future__ import annotations

import pytest

from hooks.pages.fences import lines_with_code_flag
from hooks.pages.page_rules import citation_problems, heading_problems
from hooks.pages.shortcodes import shortcodes_in

DOI_MESSAGE = (
    "line {}: found a link straight to a DOI; allowed: a link to the finding on the references page, "
    "e.g. [Ma 2017](references.md#ma-2017-attention) (a new source and its findings go into data/references.yml)."
)


@pytest.mark.parametrize(
    "link",
    ["[Ma 2017](https://doi.org/10.3389/x)", "[Ma](http://dx.doi.org/10.1/x)", "[Ma]( <https://DOI.org/10.1/x>)"],
)
def test_a_link_straight_to_a_doi_is_refused_with_its_line(link):
    assert citation_problems(f"# Title\n\nA claim. {link}\n", first_line=5) == [DOI_MESSAGE.format(7)]


def test_a_citation_of_the_references_page_or_a_doi_in_code_is_fine():
    markdown = (
        "A claim ([Ma 2017](references.md#ref-ma-2017)).\n\n"
        "The DOI 10.3389/fpsyg.2017.00874 names the paper.\n\n"
        "```markdown\n[Ma 2017](https://doi.org/10.3389/x)\n```\n"
    )
    assert citation_problems(markdown) == []


def test_one_title_is_allowed_and_a_second_is_refused():
    assert heading_problems('<h1 id="a">A</h1><h2>B</h2>') == []
    assert heading_problems("<p>No title: the theme adds the page title.</p>") == []
    assert heading_problems("<h1>A</h1><p>text</p><h1 class='x'>B</h1>") == [
        "found 2 top-level headings (# Title); allowed: one, the page title (use ## below it)."
    ]


FOUR_BACKTICKS = (
    "Before.\n\n"
    "````markdown\n"
    "```markdown\n"
    "[Ma 2017](https://doi.org/10.3389/x)\n"
    "<!-- md:pacer box -->\n"
    "```\n"
    "````\n\n"
    "After.\n"
)


def test_a_three_backtick_line_inside_a_four_backtick_fence_is_still_code():
    """A correct page must never fail: the DOI link and the shortcode are an example in code."""
    flags = [in_code for _, _, in_code in lines_with_code_flag(FOUR_BACKTICKS)]
    assert flags == [False, False, True, True, True, True, True, True, False, False, False]
    assert citation_problems(FOUR_BACKTICKS) == []
    assert shortcodes_in(FOUR_BACKTICKS) == []


@pytest.mark.parametrize(
    ("markdown", "code_lines"),
    [
        ("~~~\n```\nx\n~~~\ny", [1, 2, 3, 4]),  # a backtick fence does not close a tilde one
        ("```\nx\n``` not a close\n```\ny", [1, 2, 3, 4]),  # a closing fence has nothing after it
        ("```\nx\n````\ny", [1, 2, 3]),  # a longer fence closes a shorter one
        ("``` a`b\nx", []),  # a backtick in a backtick fence's info string: no fence at all
    ],
)
def test_fences_follow_commonmark(markdown, code_lines):
    assert [number for number, _, in_code in lines_with_code_flag(markdown) if in_code] == code_lines
