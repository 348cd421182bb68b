"""A health number on a page cites a finding or says it is our own (hooks/pages/number_rule.py).

The rule is proven on small pages in-process, with its exact messages; one copy of the site,
broken on purpose, shows that both generators stop with the page and line.
"""

from __future__ import annotations

import pytest

from hooks.pages.number_rule import ALLOWED_FOR_NOW, health_number, number_problems
from hooks.pipeline import PageSource, expand_page, start_build
from tests.support.build import build_copy, build_with_zensical, copy_site, replace_in
from tests.support.paths import DOCS_DIR, REPO_ROOT

ALLOWED = (
    'allowed: a citation of a finding in the same {kind}, e.g. [Ma 2017](references.md#ma-2017-design), or the words "our own" in it, '
    'e.g. "Our own advice: ..."'
)


def message(line: int, kind: str, text: str, number: str) -> str:
    return f'line {line}: {kind} "{text}" states the health number "{number}" with no citation; ' + ALLOWED.format(
        kind=kind
    )


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("A study of 43 young adults.", "43 young adults"),
        ("Across 12 trials with 785 adults.", "12 trials"),
        ("Forty-two studies were included.", "Forty-two studies"),
        ("It took 20 sessions over 8 weeks.", "20 sessions"),
        ("Usually three to ten sessions.", "three to ten sessions"),
        ("About 44% were well.", "44%"),
        ("About 44 per cent were well.", "44 per cent"),
        ("1 extra person in every 5 treated.", "1 extra person in every 5"),
        ("One in five people.", "One in five"),
        ("81,642 participants took part.", "81,642 participants"),
        ("In 2000 people, it did nothing.", "2000 people"),
    ],
)
def test_a_health_number_is_found(text, number):
    assert health_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "A 2020 review of people with pain.",  # a year, not a count
        "Keep going for 3 to 5 minutes.",  # the exercise's own instruction
        "You do 4 breaths, at six breaths a minute.",
        "One study in 2023 looked at this.",
        "No two sessions are the same.",
        "This was one small study.",
    ],
)
def test_years_times_and_single_things_are_not_health_numbers(text):
    assert health_number(text) is None


def test_a_block_with_an_uncited_number_is_named_with_its_line():
    page = "# Title\n\nSome text.\n\nA study had 40 adults.\nIt went well.\n"
    assert number_problems(page, first_line=5) == [
        message(9, "paragraph", "A study had 40 adults. It went well.", "40 adults")
    ]


def test_the_line_is_the_one_holding_the_number():
    page = "It went well for everyone\nin a study of 40 adults.\n"
    assert number_problems(page) == [
        message(2, "paragraph", "It went well for everyone in a study of 40 adults.", "40 adults")
    ]


def test_a_citation_or_our_own_in_the_same_block_satisfies_the_rule():
    page = (
        "A study had 40 adults ([Ma 2017](../references.md#ma-2017-design)).\n\n"
        "Our own advice: try it for 2 weeks.\n\n"
        "- 3 sessions, in our own view\n"
    )
    assert number_problems(page) == []


def test_a_citation_in_the_next_paragraph_does_not_count():
    page = "A study had 40 adults.\n\nIt was small ([Ma 2017](references.md#ma-2017-design)).\n"
    assert number_problems(page) == [message(1, "paragraph", "A study had 40 adults.", "40 adults")]


def test_list_items_table_cells_and_definitions_are_blocks_of_their_own():
    page = (
        "Lead-in ([Ma 2017](references.md#ma-2017-design)):\n\n"
        "- one item with 12 trials\n"
        "  that goes on\n"
        "- [cited](references.md#ma-2017-design) 5 trials\n\n"
        "| Choice | Time |\n"
        "| --- | --- |\n"
        "| A ([Ma 2017](references.md#ma-2017-design)) | 8 to 12 sessions |\n\n"
        "What studies show\n"
        ":   Across 10 trials.\n"
    )
    assert number_problems(page) == [
        message(3, "list item", "one item with 12 trials that goes on", "12 trials"),
        message(9, "table cell", "8 to 12 sessions", "8 to 12 sessions"),
        message(12, "definition", "Across 10 trials.", "10 trials"),
    ]


def test_a_lead_in_that_says_our_own_marks_its_list():
    page = "This is our own commitment:\n\n- a reply within 2 weeks\n  - nested, within 3 months\n\nThen 4 weeks.\n"
    assert number_problems(page) == [message(6, "paragraph", "Then 4 weeks.", "4 weeks")]


def test_code_headings_shortcodes_and_html_lines_are_left_alone():
    page = (
        "## 12 trials in a heading\n\n"
        "```markdown\nA study had 40 adults.\n```\n\n"
        "<!-- md:pacer box -->\n\n"
        '<div class="x" markdown>\n\n'
        "!!! warning 12 trials\n"
    )
    assert number_problems(page) == []


def test_an_allowed_block_passes_and_no_other():
    page = "| 5 to 15 sessions | 8 to 12 sessions |\n"
    assert number_problems(page, allowed={"5 to 15 sessions"}) == [
        message(1, "table cell", "8 to 12 sessions", "8 to 12 sessions")
    ]


def test_the_pipeline_names_the_page_and_line():
    build = start_build(REPO_ROOT / "data", {})
    result = expand_page(build, PageSource("docs/x.md", "# X\n\nA study had 40 adults.\n", first_line=6), str)
    assert result.problems == [
        "docs/x.md: uncited health numbers (each cites a finding in the same block, or says it is our own):\n"
        "docs/x.md, " + message(8, "paragraph", "A study had 40 adults.", "40 adults")
    ]


def test_the_options_pages_are_checked_and_only_their_listed_blocks_are_allowed():
    """The allowance is the options pages' state when the rule came in (issue 24); it shrinks as
    those pages are rendered from data. Every allowed block must still fail without it, so an
    entry nothing needs any more shows here and is removed."""
    for page, blocks in ALLOWED_FOR_NOW.items():
        source = (DOCS_DIR / page).read_text(encoding="utf-8")
        failing = {problem.split('"')[1] for problem in number_problems(source)}
        assert failing == set(blocks), page


@pytest.mark.build
def test_both_generators_stop_on_an_uncited_number_with_the_page_and_line(tmp_path):
    root = copy_site(tmp_path)
    old = (
        "Many people describe things like these. They are everyday experiences, not findings from the studies we cite:"
    )
    line = replace_in(root / "docs/mind-body.md", old, "Most of 40 people do.")
    expected = "docs/mind-body.md, " + message(line, "paragraph", "Most of 40 people do.", "40 people")
    mkdocs, zensical = build_copy(root), build_with_zensical(root)
    assert mkdocs.returncode != 0
    assert zensical.returncode != 0
    assert expected in mkdocs.stderr
    assert expected in zensical.stdout + zensical.stderr
