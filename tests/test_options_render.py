"""The at-a-glance tables and the option cards, rendered from the same data, say the same thing:
each row's cells are the card's short answers, its label lands on the card, and every finding a
cell rests on is cited in the card's answer to the same question. The comparison is shown
catching a table written by hand beside the cards, as the overview once was. Also: data text
cannot become markup, and links are made for the page that shows them."""

from __future__ import annotations

import markdown
import pytest
from lxml.html import HtmlElement

from hooks.content.options import GLANCE, Condition, Option, Statement
from hooks.content.site_data import load_site_data
from hooks.render.options import page_link, render_cards, render_glance, statement_markdown
from tests.support.html import read_markup
from tests.support.paths import DATA_DIR

DATA = load_site_data(DATA_DIR)
SOURCES = {finding.anchor: key for key, ref in DATA.references.items() for finding in ref.findings}
LABELS = dict(DATA.options.labels)
# The question each table column shortens, as the card words it.
ASKED = {"benefit": "What studies show", "cost": "Cost and how to get it", "time": "How long before it helps"}


def to_html(text: str) -> HtmlElement:
    """Markdown as the site renders it (the extensions the options need), parsed."""
    converter = markdown.Markdown(extensions=["tables", "def_list", "attr_list", "md_in_html"])
    return read_markup(f"<div>{converter.convert(text)}</div>")


def cards_html(condition: Condition) -> HtmlElement:
    return to_html(render_cards(condition, f"options/{condition.id}.md", LABELS, SOURCES))


def table_html(condition: Condition, page: str = "options/index.md") -> HtmlElement:
    return to_html(render_glance(condition, f"options/{condition.id}.md", page))


def disagreements(condition: Condition, table: HtmlElement, cards: HtmlElement) -> list[str]:
    """Where the table and the cards part: a row that does not say what its card's data says, links
    nowhere, or rests on a finding its card does not cite for that question."""
    found: list[str] = []
    rows = table.xpath("//table/tbody/tr")
    if len(rows) != len(condition.options):
        found.append(f"{condition.id}: {len(rows)} rows for {len(condition.options)} options")
    for row, option in zip(rows, condition.options, strict=False):
        cells = [" ".join(cell.text_content().split()) for cell in row.xpath("td")]
        href = (row.xpath("td[1]/a/@href") or [""])[0]
        if not href.endswith(f"#{option.id}") or not cards.xpath(f"//*[@id='{option.id}']"):
            found.append(f"{option.id}: the row's link {href!r} does not land on the card")
        for column, cell in zip(GLANCE, cells[1:], strict=False):
            if cell != option.glance[column].text:
                found.append(
                    f"{option.id}, {column}: the table says {cell!r}, the card's data {option.glance[column].text!r}"
                )
            answer = card_answer(cards, option, column)
            for anchor in option.glance[column].cites:
                if not answer.xpath(f".//a[contains(@href, '#{anchor}')]"):
                    found.append(f"{option.id}, {column}: the card does not cite {anchor}")
    return found


def card_answer(cards: HtmlElement, option: Option, column: str) -> HtmlElement:
    """The card's answer to the question a column shortens: its <dd>s after that <dt>, in one element."""
    answer = read_markup("<div></div>")
    for dt in cards.xpath(f"//section[h3[@id='{option.id}']]//dt"):
        if dt.text_content().strip() == ASKED[column]:
            sibling = dt.getnext()
            while sibling is not None and sibling.tag == "dd":
                answer.append(read_markup(f"<div>{_html(sibling)}</div>"))
                sibling = sibling.getnext()
    return answer


def _html(element: HtmlElement) -> str:
    from lxml import html

    return html.tostring(element, encoding="unicode")


@pytest.mark.parametrize("condition_id", ["stress", "pain", "ptsd"])
def test_each_table_says_what_its_cards_say(condition_id):
    condition = DATA.options.conditions[condition_id]
    assert disagreements(condition, table_html(condition), cards_html(condition)) == []


def test_a_table_written_by_hand_beside_the_cards_is_caught():
    """The overview's old rows: '8 to 12 sessions' beside a card with no such figure, '114 trials' for two therapies."""
    condition = DATA.options.conditions["ptsd"]
    table = _html(table_html(condition))
    table = table.replace("EMDR: often about 12 weekly sessions (one NHS service)", "8 to 12 sessions")
    table = table.replace('href="ptsd.md#ptsd-ser"', 'href="ptsd.md#ptsd-sre"')
    assert disagreements(condition, read_markup(table), cards_html(condition)) == [
        "ptsd-guideline, time: the table says '8 to 12 sessions', the card's data "
        "'EMDR: often about 12 weekly sessions (one NHS service)'",
        "ptsd-ser: the row's link 'ptsd.md#ptsd-sre' does not land on the card",
    ]


def test_a_card_that_drops_a_finding_its_cell_rests_on_is_caught():
    condition = DATA.options.conditions["stress"]
    cards = _html(cards_html(condition)).replace("#mcavoy-2007-nnt-5", "#mcavoy-2007-gone")
    assert disagreements(condition, table_html(condition), read_markup(cards)) == [
        "stress-guideline, benefit: the card does not cite mcavoy-2007-nnt-5"
    ]


def test_every_card_answers_the_questions_in_the_same_order_and_names_what_is_unknown_once():
    for condition in DATA.options.conditions.values():
        cards = cards_html(condition)
        for option in condition.options:
            asked = [dt.text_content() for dt in cards.xpath(f"//section[h3[@id='{option.id}']]//dt")]
            expected = [
                words
                for question, words in zip(
                    ("what", "how", "benefit", "risks", "cost", "time", "daily"),
                    (
                        "What it is",
                        "How it works",
                        "What studies show",
                        "Risks",
                        "Cost and how to get it",
                        "How long before it helps",
                        "Effect on daily life",
                    ),
                    strict=True,
                )
                if question not in option.unknown
            ] + (["Not known"] if option.unknown else [])
            assert asked == expected, option.id


def test_links_are_made_for_the_page_that_shows_them():
    assert page_link("options/stress.md", "options/index.md", "#stress-guideline") == "stress.md#stress-guideline"
    assert page_link("options/stress.md", "options/stress.md", "#stress-guideline") == "#stress-guideline"
    assert page_link("references.md", "options/pain.md") == "../references.md"
    said = Statement("Read [a session](session.md) or call [NHS 111](tel:111).", ("haller-2020-safety",))
    assert statement_markdown(said, "options/pain.md", LABELS, SOURCES) == (
        "Read [a session](../session.md) or call [NHS 111](tel:111) "
        "([Haller 2020](../references.md#haller-2020-safety))."
    )


def test_data_text_cannot_become_markup():
    said = Statement('<script>alert(1)</script> {: onclick="x" } # not a heading', ())
    rendered = to_html(f"Risks\n:   {statement_markdown(said, 'options/pain.md', LABELS, SOURCES)}\n")
    assert not rendered.xpath("//script | //*[@onclick] | //h1")
    assert "<script>alert(1)</script>" in rendered.text_content()
    title = Option("x", "stress", "A | B", "Title # [x](y)", {}, {c: Statement("a | b", ()) for c in GLANCE})
    table = table_html(Condition("stress", "Stress <b>", (title,)), "options/stress.md")
    assert table.xpath("//tbody/tr/td")[1].text_content() == "a | b"
    assert not table.xpath("//b")
