"""The options (data/options.yml) as Markdown for the page: the at-a-glance table of a reason and
its cards, from hooks/templates/options/. Both come from the same checked data.

They are Markdown, not HTML, so the generator renders them like the rest of the page: the cards'
headings are in the page's contents, links to the site's pages and to the references page are
checked by the strict build, and citations get their previews. Text from the data is escaped for
HTML and for anything that could become markup (raw HTML, attribute lists, a block's opening
sign); its links are made relative to the page that shows it.
"""

from __future__ import annotations

import posixpath
import re

from markupsafe import Markup

from hooks.content.options import GLANCE, QUESTIONS, Condition, Option, Paragraph, Statement
from hooks.render.escape import escape
from hooks.render.templates import render

REFERENCES_PAGE = "references.md"
_SITE_LINK = re.compile(r"\]\(\s*<?((?:[a-z0-9-]+/)*[a-z0-9-]+\.md)(#[a-z0-9-]+)?>?\s*\)")
# What could open a block inside a definition (a heading, a quote, a list) when it starts a paragraph.
_BLOCK_START = re.compile(r"^(#|>|[-+*]\s|\d+[.)]\s)")
_ENDING = re.compile(r"([.?!,;:])$")


def page_link(target: str, page: str, fragment: str = "") -> str:
    """A link from the page `page` to the page `target` (both paths from the docs folder)."""
    if target == page:
        return fragment or "#"
    return posixpath.relpath(target, posixpath.dirname(page) or ".") + fragment


def _safe_text(text: str, page: str) -> str:
    """Data text as inline Markdown for `page`: HTML and attribute lists shown as typed, links
    to the site's pages made relative to `page` (the data writes them from the docs folder)."""
    text = str(escape(" ".join(text.split()))).replace("{", "\\{").replace("}", "\\}")
    text = _SITE_LINK.sub(lambda m: "](" + page_link(m.group(1), page, m.group(2) or "") + ")", text)
    return _BLOCK_START.sub(lambda m: "\\" + m.group(1), text)


def citation_links(anchors: tuple[str, ...], labels: dict[str, str], sources: dict[str, str], page: str) -> str:
    """([NICE CG113](../references.md#nice-cg113-step-2); [NHS](...)) for the findings `anchors`."""
    references = page_link(REFERENCES_PAGE, page)
    links = [f"[{_label(labels, sources[anchor])}]({references}#{anchor})" for anchor in anchors]
    return "(" + "; ".join(links) + ")"


def _label(labels: dict[str, str], source_key: str) -> str:
    return str(escape(labels.get(source_key, source_key))).replace("[", "\\[").replace("]", "\\]")


def statement_markdown(statement: Statement, page: str, labels: dict[str, str], sources: dict[str, str]) -> str:
    """One statement with its citations before its last full stop, as the site's pages write them."""
    text = _safe_text(statement.text, page)
    if not statement.cites:
        return text
    cited = citation_links(statement.cites, labels, sources, page)
    ending = _ENDING.search(text)
    if ending:
        return f"{text[: ending.start()]} {cited}{ending.group(1)}"
    return f"{text} {cited}"


def paragraph_markdown(paragraph: Paragraph, page: str, labels: dict[str, str], sources: dict[str, str]) -> Markup:
    return Markup(" ".join(statement_markdown(statement, page, labels, sources) for statement in paragraph))


def render_cards(condition: Condition, page: str, labels: dict[str, str], sources: dict[str, str]) -> str:
    """The reason's cards, each answering the same questions in the same order."""
    cards = [
        {
            "option": option,
            "answers": [
                (question, [paragraph_markdown(p, page, labels, sources) for p in option.answers[question]])
                for question in QUESTIONS
                if question in option.answers
            ],
        }
        for option in condition.options
    ]
    return render("options/cards.md", cards=cards)


def glance_row(option: Option) -> dict[str, str]:
    """The table's cells for one option: its short answers, as plain text."""
    return {column: option.glance[column].text for column in GLANCE}


def render_glance(condition: Condition, cards_page: str, page: str) -> str:
    """The reason's at-a-glance table; each option's label links to its card on `cards_page`."""
    rows = [
        {"label": option.label, "href": page_link(cards_page, page, f"#{option.id}"), **glance_row(option)}
        for option in condition.options
    ]
    return render("options/glance.md", condition=condition, rows=rows)
