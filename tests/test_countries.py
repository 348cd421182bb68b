"""Help where the reader lives: data/countries.yml is checked like the exercises (a mistake names the
file, the country, the service and the field, and stops the build), every number becomes a tel: or
sms: link, and the country tabs are the markup Material links, so a choice made once carries to
every page and survives a reload (checked in Chromium)."""

from __future__ import annotations

import copy
import dataclasses
import datetime

import markdown
import pytest
import yaml
from playwright.sync_api import Page, expect

from hooks.content.countries import TOPICS, dial, text_only_numbers, validate_countries
from hooks.content.problems import DataError
from hooks.content.site_data import load_site_data
from hooks.pages.shortcode_renderers import SHORTCODE_PROBLEMS
from hooks.render.countries import parse_topics, render_country_tabs
from tests.support.build import build_copy, copy_site
from tests.support.html import read_markup, read_page
from tests.support.paths import REPO_ROOT
from tests.support.pipeline import expand, replaced, site_pages, start

SOURCE = "data/countries.yml"
RAW = yaml.safe_load((REPO_ROOT / SOURCE).read_text(encoding="utf-8"))
COUNTRIES = validate_countries(RAW, SOURCE)
# Pages that show country tabs, and which kinds of help each shows.
TAB_PAGES = {
    "safety/index.html": 2,  # emergency, crisis and urgent; sexual assault
    "session/index.html": 1,  # sexual assault
    "options/index.html": 1,  # therapy and side effects
}


def problems_in(raw: object) -> list[str]:
    with pytest.raises(DataError) as caught:
        validate_countries(raw, SOURCE)
    return caught.value.messages


def broken(change) -> dict:
    raw = copy.deepcopy(RAW)
    change(raw)
    return raw


# The data ------------------------------------------------------------------------------------


def test_the_data_covers_the_countries_the_issue_names():
    names = [country.name for country in COUNTRIES]
    assert names == [
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "Ireland",
        "United States",
        "Canada",
        "Australia",
        "New Zealand",
        "Elsewhere",
    ]
    for country in COUNTRIES[:-1]:
        assert country.help.get("emergency"), country.name
        assert country.help.get("crisis"), country.name


def test_every_service_has_a_source_and_the_date_it_was_read():
    for country in COUNTRIES:
        for items in country.help.values():
            for item in items:
                assert item.source.startswith(("https://", "http://")), (country.name, item.service)
                read_on = {datetime.date(2026, 11, 30), datetime.date(2026, 12, 6)}
                assert item.read in read_on, (country.name, item.service)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda raw: raw["countries"][0]["crisis"][0].update(call="116 1two3"),
            'data/countries.yml: country "England" (entry 1), field "crisis[1].call": found "116 1two3" (text); '
            'allowed: a phone number written with digits, spaces or hyphens, e.g. "116 123".',
        ),
        (
            lambda raw: raw["countries"][4]["crisis"][1].pop("source"),
            'data/countries.yml: country "Ireland" (entry 5), field "crisis[2].source": '
            "found nothing (the field is missing); allowed: a value (this field is required).",
        ),
        (
            lambda raw: raw["countries"][7]["crisis"][0].update(read="30 November 2026"),
            'data/countries.yml: country "Australia" (entry 8), field "crisis[1].read": found "30 November 2026" '
            "(text); allowed: a date written as YYYY-MM-DD, e.g. 2026-11-30.",
        ),
        (
            lambda raw: raw["countries"][1]["urgent"][0].update(note="Call <b>now</b>"),
            'data/countries.yml: country "Scotland" (entry 2), field "urgent[1].note": found "Call <b>now</b>" '
            "(text); allowed: plain words, with no Markdown or HTML.",
        ),
        (
            lambda raw: raw["countries"][5].update(hotlines=[]),
            'data/countries.yml: country "United States" (entry 6), field "hotlines": found an empty list; '
            "allowed: only the known fields name, emergency, crisis, urgent, therapy, side_effects, "
            "sexual_assault, short_name, time_zones, languages, shared_zone_name, missing.",
        ),
        (
            lambda raw: raw["countries"][2]["urgent"][0].pop("call"),
            None,  # still valid: it has a note
        ),
        (
            lambda raw: [raw["countries"][6]["crisis"][0].pop(name, None) for name in ("call", "text", "note")],
            'data/countries.yml: country "Canada" (entry 7), field "crisis[1].call": found nothing (the field is '
            "missing); "
            'allowed: a number to call, a "text" number or a "note" (an entry needs one).',
        ),
        (
            lambda raw: raw["countries"][8].update(name="Australia"),
            'data/countries.yml: country "Australia" (entry 9), field "name": found "Australia" (text); '
            "allowed: a name no other country uses (entry 8 has it).",
        ),
        (
            lambda raw: raw["countries"][0]["crisis"][1].update(source="https://giveusashout.org/?utm_source=x"),
            'data/countries.yml: country "England" (entry 1), field "crisis[2].source": found '
            '"https://giveusashout.org/?utm_source=x" (text); allowed: the address without tracking tags '
            "(utm_..., gclid, fbclid): a reader's click must not carry them.",
        ),
        (
            lambda raw: raw["countries"][0]["crisis"][1].update(source="giveusashout.org/about-us/faq"),
            'data/countries.yml: country "England" (entry 1), field "crisis[2].source": found '
            '"giveusashout.org/about-us/faq" (text); allowed: the full http(s):// address of the page the '
            "facts were read on.",
        ),
    ],
)
def test_each_mistake_is_reported_with_file_country_service_and_field(change, expected):
    raw = broken(change)
    if expected is None:
        validate_countries(raw, SOURCE)
        return
    assert expected in problems_in(raw)


def test_every_mistake_in_the_file_is_reported_at_once():
    def two_mistakes(raw: dict) -> None:
        raw["countries"][0]["crisis"][0]["call"] = "x"
        raw["countries"][9]["crisis"][0]["web"] = "http://findahelpline.com"

    messages = problems_in(broken(two_mistakes))
    assert len(messages) == 2
    assert 'country "Elsewhere" (entry 10), field "crisis[1].web"' in messages[1]


def test_more_countries_than_the_tab_styles_cover_are_refused():
    def thirteen(raw: dict) -> None:
        extra = copy.deepcopy(raw["countries"][0])
        raw["countries"] += [{**extra, "name": f"Place {n}"} for n in range(3)]

    assert problems_in(broken(thirteen)) == [
        'data/countries.yml, field "countries": found a list of 13; allowed: a list of 1 to 12 countries (the '
        "chosen tab's underline in overrides/assets/stylesheets/site.css is written for at most 12)."
    ]


def test_a_file_without_countries_is_refused():
    assert problems_in({"country": []}) == [
        'data/countries.yml, field "countries": found nothing (the field is missing); '
        "allowed: a value (this field is required).",
        'data/countries.yml, field "country": found an empty list; allowed: only the known fields countries.',
    ]


# Rendering -----------------------------------------------------------------------------------


def tabs_html(topics: tuple[str, ...]) -> str:
    """The country tabs' Markdown as the site's Markdown extensions render it."""
    return markdown.markdown(
        render_country_tabs(COUNTRIES, topics),
        extensions=["attr_list", "md_in_html", "pymdownx.tabbed"],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},
    )


def test_numbers_are_tel_and_sms_links_to_the_digits():
    html = tabs_html(("crisis", "sexual_assault"))
    assert '<a href="tel:116123">116 123</a>' in html
    assert '<a href="sms:85258?body=SHOUT">85258</a>' in html
    assert '<a href="tel:18006564673">1-800-656-4673</a>' in html
    assert '<a href="sms:0458737732">0458 737 732</a>' in html
    assert dial("+44 20 7946 0000") == "+442079460000"


def test_every_number_in_the_data_is_a_link_in_the_tabs():
    html = tabs_html(tuple(TOPICS))
    for country in COUNTRIES:
        for items in country.help.values():
            for item in items:
                if item.call:
                    assert f'href="tel:{dial(item.call)}"' in html, item.service
                if item.text:
                    assert f'href="sms:{dial(item.text)}' in html, item.service


def test_tabs_are_material_linked_tabs_labelled_with_country_names():
    root = read_markup(tabs_html(("crisis",)))
    (tab_set,) = root.xpath("./div[@class='br-countries']/div[@class='tabbed-set tabbed-alternate']")
    assert [label.text_content() for label in tab_set.xpath("./div[@class='tabbed-labels']/label")] == [
        country.name for country in COUNTRIES
    ]
    inputs = tab_set.xpath("./input[@type='radio']")
    assert len(inputs) == len(COUNTRIES) and inputs[0].get("checked") is not None
    assert len(tab_set.xpath(".//div[@class='tabbed-block']")) == len(COUNTRIES)
    # One kind of help: no heading; several: one heading each, in the order asked for.
    assert not tab_set.xpath(".//p[@class='br-country-topic']")
    headings = read_markup(tabs_html(("urgent", "crisis"))).xpath("(//div[@class='tabbed-block'])[1]/p/text()")
    assert headings == [TOPICS["urgent"], TOPICS["crisis"]]


def test_text_from_the_data_is_shown_as_written_never_as_markup():
    hostile = "Help <b>now</b> *free* [x](javascript:alert(1)) {: .x } 1. _y_ `z`"
    country = dataclasses.replace(COUNTRIES[0], name="Land *one* <i>", help={}, missing=hostile)
    html = markdown.markdown(
        render_country_tabs([country], ("crisis",)),
        extensions=["attr_list", "md_in_html", "pymdownx.tabbed"],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},
    )
    root = read_markup(html)
    assert root.xpath("//label")[0].text_content() == "Land *one* <i>"
    assert root.xpath("//li")[0].text_content() == hostile
    assert not root.xpath("//b | //i | //em | //code | //a | //ol")


def test_a_country_without_a_checked_source_says_so():
    html = tabs_html(("therapy",))
    assert "We have not yet checked a source for this country. Your family doctor can tell you." in html
    assert "We cannot list every country here." in html


def test_an_unknown_topic_is_refused_with_the_known_ones():
    with pytest.raises(LookupError, match=r'unknown topic "hotline".*crisis, urgent, therapy, side-effects'):
        parse_topics("crisis,hotline")
    assert parse_topics("sexual-assault") == ("sexual_assault",)


def test_text_only_numbers_are_those_with_no_call_to_the_same_number():
    numbers = text_only_numbers(COUNTRIES)
    assert {"85258", "50808", "51444", "686868", "07860077333", "0477131114", "0458737732", "4334"} == numbers


# The built site ------------------------------------------------------------------------------


@pytest.mark.parametrize(("tab_page", "sets"), TAB_PAGES.items())
def test_pages_show_country_tabs_with_every_number_linked(built_site, tab_page, sets):
    root = read_page(built_site / tab_page)
    tab_sets = root.xpath("//div[contains(concat(' ', @class, ' '), ' br-countries ')]")
    assert len(tab_sets) == sets
    ids = root.xpath("//input/@id")
    assert len(ids) == len(set(ids)), "two inputs share an id"
    labels = [label.text_content().strip() for label in tab_sets[0].xpath(".//label")]
    assert labels == [country.name for country in COUNTRIES]
    hrefs = set(root.xpath("//div[contains(@class, 'br-countries')]//a/@href"))
    numbers = [item for country in COUNTRIES for items in country.help.values() for item in items]
    shown = [f"tel:{dial(item.call)}" for item in numbers if item.call]
    assert any(href in hrefs for href in shown)
    for link in root.xpath("//div[contains(@class, 'br-countries')]//ul//a"):
        text = link.text_content().strip()
        if text[:1].isdigit():
            assert link.get("href").split("?")[0] in {f"tel:{dial(text)}", f"sms:{dial(text)}"}, text


@pytest.mark.build
def test_the_build_stops_on_bad_country_data_with_a_located_message(tmp_path):
    site = copy_site(tmp_path)
    data = site / "data/countries.yml"
    data.write_text(
        data.read_text(encoding="utf-8").replace('call: "1737"', 'call: "one seven three seven"'), encoding="utf-8"
    )
    result = build_copy(site)
    assert result.returncode != 0
    assert (
        'data/countries.yml: country "New Zealand" (entry 9), field "crisis[1].call": found "one seven three seven"'
        in result.stderr
    )
    assert not (site / "site/index.html").exists()


def test_an_unknown_topic_in_a_page_is_refused_with_its_line():
    pages = site_pages()
    line = replaced(pages, "session.md", "md:countries sexual-assault", "md:countries assault")
    assert expand(start(), "session.md", pages["session.md"]).problems == [
        f'{SHORTCODE_PROBLEMS}\ndocs/session.md, line {line}: unknown topic "assault" in <!-- md:countries -->; '
        "name one or more, separated by commas, from: emergency, crisis, urgent, therapy, side-effects, "
        "sexual-assault (e.g. <!-- md:countries crisis,urgent -->)."
    ]


def test_the_site_data_loader_includes_the_countries():
    assert [country.name for country in load_site_data(REPO_ROOT / "data").countries] == [
        country.name for country in COUNTRIES
    ]


# In the browser ------------------------------------------------------------------------------


def _chosen(page: Page) -> list[str]:
    """The label of the checked tab in every country tab set on the page."""
    return page.eval_on_selector_all(
        ".br-countries",
        "sets => sets.map(set => set.querySelector(`label[for='${set.querySelector(':scope > .tabbed-set > input:checked').id}']`)"
        ".innerText.trim())",
    )


def test_a_chosen_country_carries_across_pages_and_survives_a_reload(open_page, site_url: str):
    page = open_page()
    page.goto(site_url + "safety/", wait_until="load")
    assert set(_chosen(page)) == {"England"}
    first = page.locator(".br-countries").first
    first.get_by_text("New Zealand", exact=True).click()
    # Every set on the page follows at once, the sexual-assault line included.
    expect(page.locator(".br-countries").last.locator("a[href='tel:0800044334']")).to_be_visible()
    assert set(_chosen(page)) == {"New Zealand"}
    # Another page, reached by a link (instant navigation), shows New Zealand too.
    page.locator(".md-content a[href$='options/']").first.click()
    page.wait_for_url("**/options/")
    expect(page.locator(".br-countries a[href='tel:0800044334']")).to_have_count(0)
    assert _chosen(page) == ["New Zealand"]
    # A fresh load of a third page, and a reload, still remember the choice.
    page.goto(site_url + "session/", wait_until="load")
    assert _chosen(page) == ["New Zealand"]
    page.reload(wait_until="load")
    assert _chosen(page) == ["New Zealand"]
    expect(page.locator(".br-countries a[href='tel:0800044334']")).to_be_visible()


def test_without_script_the_tabs_still_switch(open_page, site_url: str):
    page = open_page(java_script_enabled=False)
    page.goto(site_url + "session/", wait_until="load")
    tabs = page.locator(".br-countries")
    tabs.get_by_text("Australia", exact=True).click()
    expect(tabs.locator("a[href='tel:1800737732']")).to_be_visible()
