"""Help for where the reader is (issue 23), in the browsers: every page's first screen shows the
emergency number and main crisis line of the reader's country, chosen on the device from its time
zone (and language), with nothing stored until the reader picks a country; the country tabs open on
that country; a pick carries to every page, instant navigation included; without script every
emergency number is listed. In Chromium at 390x844, and the guess and the pick in WebKit too."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from hooks.content.site_data import load_site_data
from hooks.render.local_help import local_help_payload
from tests.support import engines
from tests.support.paths import DATA_DIR
from tests.support.polling import wait_until

PAYLOAD = local_help_payload(load_site_data(DATA_DIR).countries)
LINES = {country["name"]: (country["label"], country["line"]) for country in PAYLOAD["countries"]}
LINES.update({shared["name"]: (shared["name"], shared["line"]) for shared in PAYLOAD["shared"]})
# (time zone, the device's language) -> the country (or the UK's shared line) and the tab it opens.
ZONES = [
    ("Australia/Sydney", "en-AU", "Australia", "Australia"),
    ("Pacific/Auckland", "en-NZ", "New Zealand", "New Zealand"),
    ("America/Toronto", "en-CA", "Canada", "Canada"),
    ("America/Chicago", "en-US", "United States", "United States"),
    ("Europe/Dublin", "en-IE", "Ireland", "Ireland"),
    ("Europe/London", "en-GB", "UK", "England"),  # the four nations share a zone: the tabs open as always
    ("Europe/London", "cy-GB", "Wales", "Wales"),  # Welsh tells
]
OURS = "breathing-room:country"
TAB_PAGE = "safety/"  # a page with country tabs
CHECKED_TABS = """() => [...document.querySelectorAll('.br-countries .tabbed-set > input:checked')]
  .map(input => document.querySelector(`label[for="${input.id}"]`).textContent.trim())"""
STORED = "() => Object.keys(localStorage).filter(key => key === 'breathing-room:country' || key.endsWith('.__tabs'))"


def phone(open_page: Callable[..., Page], zone: str, language: str, scheme: str = "light") -> Page:
    return open_page(viewport={"width": 390, "height": 844}, timezone_id=zone, locale=language, color_scheme=scheme)


def expect_line(page: Page, country: str) -> None:
    """The bar names the country and links its emergency number and main crisis line, in the first screen."""
    label, line = LINES[country]
    bar = page.locator("br-local-help")
    expect(bar.locator(".br-local-help__place")).to_have_text(f"{label}:")
    links = [line["emergency"]["href"], line["crisis"]["href"]]
    assert [bar.locator(f'a[href="{href}"]').count() for href in links] == [1, 1]
    for href in links:
        box = bar.locator(f'a[href="{href}"]').bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844


@pytest.mark.parametrize(("zone", "language", "country", "tab"), ZONES)
def test_the_time_zone_chooses_the_line_and_the_tabs_and_nothing_is_stored(
    open_page, site_url, zone, language, country, tab
):
    page = phone(open_page, zone, language)
    page.goto(site_url + TAB_PAGE)
    expect_line(page, country)
    assert set(page.evaluate(CHECKED_TABS)) == {tab}
    assert page.evaluate(STORED) == []  # no pick yet: neither our key nor Material's tab memory
    page.close()


def test_a_pick_in_a_tab_carries_to_every_page_and_the_bar_follows_it(open_page, site_url):
    page = phone(open_page, "Australia/Sydney", "en-AU")
    page.goto(site_url + TAB_PAGE)
    page.locator(".br-countries .tabbed-labels label").get_by_text("Ireland", exact=True).first.click()
    assert page.evaluate(f"localStorage.getItem('{OURS}')") == "Ireland"
    expect_line(page, "Ireland")
    # A fresh load of another page with tabs, then instant navigation to a third.
    page.goto(site_url + "session/")
    expect_line(page, "Ireland")
    assert set(page.evaluate(CHECKED_TABS)) == {"Ireland"}
    page.evaluate("document.querySelector(\"a[href$='options/']\").click()")
    page.wait_for_url("**/options/")
    expect_line(page, "Ireland")
    wait_until(page, f"({CHECKED_TABS})().every(name => name === 'Ireland')")
    page.close()


def test_a_pick_in_the_bar_is_one_choice_and_every_page_follows_it(open_page, site_url):
    page = phone(open_page, "America/Chicago", "en-US")
    page.goto(site_url)
    assert page.evaluate(STORED) == []
    page.get_by_role("combobox", name="Change your country").select_option("Australia")
    assert page.evaluate(f"localStorage.getItem('{OURS}')") == "Australia"
    expect_line(page, "Australia")
    page.evaluate(f"document.querySelector(\"a[href$='{TAB_PAGE}']\").click()")  # instant navigation
    page.wait_for_url(f"**/{TAB_PAGE}")
    expect_line(page, "Australia")
    wait_until(page, f"({CHECKED_TABS})().every(name => name === 'Australia')")
    page.reload()
    expect_line(page, "Australia")
    assert set(page.evaluate(CHECKED_TABS)) == {"Australia"}
    page.close()


# What a place kept for the chosen country's line says while no country is chosen or guessed.
NO_COUNTRY_YET = "Choose your country at the top to see its crisis line here."


def test_a_zone_no_country_lists_keeps_every_number_and_offers_the_choice(open_page, site_url):
    page = phone(open_page, "Asia/Tokyo", "ja-JP")
    page.goto(site_url)
    bar = page.locator("br-local-help")
    for number in ("999", "112", "911", "000", "111"):
        expect(bar.locator(f'a[href="tel:{number}"]')).to_have_count(1)
    expect(page.get_by_role("combobox", name="Choose your country")).to_be_visible()
    # The room kept in the crisis box for the country's own line says how to fill it, not blank.
    expect(page.locator(".admonition.danger [data-local-line]")).to_have_text(NO_COUNTRY_YET)
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_without_script_every_emergency_number_is_listed_in_the_first_screen(open_page, site_url, scheme):
    page = open_page(viewport={"width": 360, "height": 800}, java_script_enabled=False, color_scheme=scheme)
    for path in ("", "exercises/box/", TAB_PAGE):
        page.goto(site_url + path)
        bar = page.locator("br-local-help")
        for number, places in (("999", "UK"), ("112", "Ireland"), ("911", "US"), ("000", "Australia"), ("111", "NZ")):
            link = bar.locator(f'a[href="tel:{number}"]')
            expect(link).to_have_text(number)
            box = link.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 800, (path, number)
            expect(bar).to_contain_text(f"{number} {places}")
    page.close()


def test_the_bar_keeps_its_height_when_the_script_fills_it(open_page, site_url):
    """The same space before and after the script runs, so nothing below it moves (CLS 0)."""
    heights = {}
    for scripted in (False, True):
        page = open_page(
            viewport={"width": 390, "height": 844}, java_script_enabled=scripted, timezone_id="Europe/Dublin"
        )
        page.emulate_media(media="screen")
        page.goto(site_url + "exercises/box/")
        heights[scripted] = page.locator("br-local-help").bounding_box()["height"]
        page.close()
    assert heights[True] == pytest.approx(heights[False], abs=1)


@pytest.mark.browser
def test_webkit_guesses_from_its_time_zone_and_keeps_a_pick(monkeypatch, site_url):
    monkeypatch.setenv("TZ", "Pacific/Auckland")  # WebKitGTK reads the zone from its environment
    with engines.webkit_page() as page:
        page.goto(site_url + TAB_PAGE)
        engines.wait_for(page, "() => document.querySelector('.br-local-help__change')")  # the script has run
        assert page.run("() => document.querySelector('.br-local-help__place').textContent") == "NZ:"
        checked = page.run(f"() => ({CHECKED_TABS})()")
        assert checked and set(checked) == {"New Zealand"}
        assert page.run(STORED) == []
        page.run(
            """() => [...document.querySelectorAll('.br-countries .tabbed-labels label')]
              .find(label => label.textContent.trim() === 'Canada').id ||= 'br-test-canada'"""
        )
        page.click("#br-test-canada")
        assert page.run("() => localStorage.getItem('breathing-room:country')") == "Canada"
        page.goto(site_url)
        engines.wait_for(page, "() => document.querySelector('.br-local-help__place')?.textContent === 'Canada:'")
        assert page.errors() == []
