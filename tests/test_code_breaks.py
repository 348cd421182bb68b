"""A link written as inline code may wrap before each `&` on a phone, and nowhere inside a word."""

from __future__ import annotations

import markdown

from hooks.markdown_extension import CodeBreaksExtension
from hooks.pages.code_breaks import LONGEST_UNBROKEN


def html_of(text: str) -> str:
    return markdown.markdown(text, extensions=["fenced_code", CodeBreaksExtension()])


def test_a_long_query_in_code_may_wrap_before_each_ampersand():
    assert html_of("For example, `?exercise=gentle&minutes=5&days=14&time=08:00` is a plan.") == (
        "<p>For example, <code>?exercise=gentle<wbr />&amp;minutes=5<wbr />&amp;days=14<wbr />&amp;time=08:00</code>"
        " is a plan.</p>"
    )


def test_short_code_and_code_without_an_ampersand_and_code_blocks_are_left_alone():
    short = "`?in=4&out=6`"
    assert len(short) - 2 <= LONGEST_UNBROKEN
    assert "<wbr>" not in html_of(short)
    assert "<wbr>" not in html_of("`a-long-name-with-no-ampersand-anywhere-in-it`")
    assert "<wbr>" not in html_of("```\n?exercise=gentle&minutes=5&days=14&time=08:00\n```")


def test_the_text_a_reader_copies_is_the_link_unchanged():
    from xml.etree.ElementTree import fromstring

    code = fromstring(html_of("`?in=4&hold=7&out=8&rest=0&breaths=4`").replace("&amp;", "&#38;"))[0]
    assert "".join(code.itertext()) == "?in=4&hold=7&out=8&rest=0&breaths=4"
