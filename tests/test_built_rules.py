"""The rules every built page keeps for its reader (hooks/pages/built_rules.py), each shown on a
few lines of HTML with the exact message the build prints: crisis numbers you can tap, texts
that open a text message, one wording of the light-headedness rule, no "practitioners say"
without a source, crisis help in every footer. The rules are the site's own, made from data/ as
the build makes them. tests/test_trust.py shows one real build refusing pages that break them."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.content.countries import text_only_numbers, written_numbers_in
from hooks.content.site_data import load_site_data
from hooks.finish import BUILT_PAGE_PROBLEMS, FinishError, SiteSettings, built_page_problems, finish_site
from hooks.pages.built_rules import page_rules
from hooks.pages.html_tree import parse_html
from hooks.render.cautions import light_headed_rule
from tests.support.paths import DATA_DIR

DATA = load_site_data(DATA_DIR)
COUNTRIES = list(DATA.countries)
RULES = page_rules(
    parse_html(light_headed_rule(DATA.cautions)).text(),
    written_numbers_in(COUNTRIES),
    frozenset(text_only_numbers(COUNTRIES)),
)
LIGHT_HEADED = parse_html(light_headed_rule(DATA.cautions)).text()
FOOTER = '<footer><a class="br-footer-help__crisis" href="../safety/#crisis-help">In crisis?</a></footer>'


def page(article: str, footer: str = FOOTER) -> str:
    return f"<html><body><article>{article}</article>{footer}</body></html>"


def problems(article: str, name: str = "faq/index.html", footer: str = FOOTER) -> list[str]:
    root = parse_html(page(article, footer))
    return [problem for rule in RULES for problem in rule(name, root)]


@pytest.mark.parametrize(
    "article",
    [
        '<p>Call <a href="tel:999">999</a> or <a href="tel:112">112</a>.</p>',
        '<p>Samaritans: <a href="tel:116123">116 123</a>.</p>',
        '<p><a href="sms:85258?body=SHOUT">Text SHOUT to 85258</a></p>',
        '<p><a href="tel:988">988</a> or <a href="sms:988">Text 988</a></p>',
        "<p>Ring NHS 111 online.</p>",
        '<p>Call <a href="tel:1800111888">1800 111 888</a>.</p>',
        f"<p>{LIGHT_HEADED}</p>",
        '<p>Practitioners say it helps (<a href="../references/#x-2020-y">X 2020</a>).</p>',
        "<script>const emergency = '999';</script>",
    ],
    ids=["tel", "spaced-tel", "sms", "call-or-text", "nhs-111", "long-number", "light-headed", "cited", "script"],
)
def test_a_page_within_every_rule_has_no_problems(article):
    assert problems(article) == []


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (
            "<p>Call 911 any time.</p>",
            '"911" is not a tel: link to that number (in "Call 911 any time.")',
        ),
        (
            '<p><a href="tel:999">911</a></p>',
            '"911" is not a tel: link to that number (in "911")',
        ),
        (
            "<p>NHS 111 on 111.</p>",
            '"111" is not a tel: link to that number (in "NHS 111 on 111.")',
        ),
        (
            "<p>Lifeline: 13 11 14.</p>",
            '"13 11 14" is not a tel: or sms: link to that number (in "Lifeline: 13 11 14.")',
        ),
        (
            '<p><a href="sms:988">Text 988</a></p>',
            "sms:988 has no tel: link to the same number on the page, for readers who cannot text",
        ),
        (
            "<p>Practitioners say it helps.</p>",
            '"practitioners say" with no citation in the same paragraph: "Practitioners say it helps."',
        ),
        (
            "<p>Stop if you are light-headed and breathe normally.</p>",
            'light-headedness worded differently from data/cautions.yml: "Stop if you are light-headed and breathe '
            'normally."',
        ),
    ],
    ids=["not-a-link", "wrong-number", "nhs-111", "country-number", "lone-sms", "practitioners", "wording"],
)
def test_each_broken_rule_is_named_with_what_was_found(article, expected):
    assert problems(article) == [expected]


def test_a_number_in_the_country_data_is_held_to_both_rules():
    """85258 is a text-only line and a number data/countries.yml writes: each rule names it."""
    assert problems('<p>Shout: <a href="https://giveusashout.org">85258</a></p>') == [
        '"85258" is not a tel: or sms: link to that number (in "85258")',
        '"85258" is not an sms: link to that number (in "85258")',
    ]


def test_an_offer_to_text_that_is_a_web_link_is_refused():
    assert problems('<p><a href="tel:988">988</a>, <a href="https://988lifeline.org">Text 988</a></p>') == [
        '"988" is not a tel: link to that number (in "Text 988")',
        'the link "Text 988" offers a text but is not an sms: link (href "https://988lifeline.org")',
    ]


def test_a_page_without_crisis_help_in_its_footer_is_refused():
    assert problems("<p>Words.</p>", footer='<footer><a class="x" href="../safety/#crisis-help">Help</a></footer>') == [
        'no link to crisis help (safety page, #crisis-help) in the footer (class "br-footer-help__crisis")'
    ]
    wrong_target = '<footer><a class="br-footer-help__crisis" href="../safety/">Help</a></footer>'
    assert len(problems("<p>Words.</p>", footer=wrong_target)) == 1


def test_the_references_page_quotes_its_sources_as_they_are():
    """Titles of sources there ("Shout 85258. FAQ.") and quoted words are not offers to call."""
    article = '<ul class="br-references"><li>Shout 85258. FAQ. Practitioners say so. Some felt light-headed.</li></ul>'
    assert problems(article, name="references/index.html") == []


def test_the_last_step_names_each_page_and_its_source_and_publishes_nothing(tmp_path: Path):
    """finish_site (the build's last step, under either generator) runs every rule on every page."""
    (tmp_path / "faq").mkdir()
    (tmp_path / "faq/index.html").write_text(page("<p>Call 911.</p>"), encoding="utf-8")
    (tmp_path / "index.html").write_text(page("<p>Practitioners say so.</p>"), encoding="utf-8")
    expected = [
        'faq/index.html (from docs/faq.md): "911" is not a tel: link to that number (in "Call 911.")',
        'index.html: "practitioners say" with no citation in the same paragraph: "Practitioners say so."',
    ]
    assert built_page_problems(tmp_path, DATA, {"faq/index.html": "docs/faq.md"}) == expected
    with pytest.raises(FinishError) as refused:
        finish_site(tmp_path, SiteSettings(None, "Site", "About it."), DATA, sources={"faq/index.html": "docs/faq.md"})
    assert str(refused.value) == "\n".join([BUILT_PAGE_PROBLEMS, *expected])
    assert not (tmp_path / "sw.js").exists()
