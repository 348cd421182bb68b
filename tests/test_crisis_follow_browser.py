"""The crisis box, the crisis line and safety's "Get help now" follow the reader's country (issue 23):
the country the device's time zone suggests, or the reader's pick in the help line, comes first as
tel:/sms: links, before the general list, with nothing stored until a pick; without script the
general list is all there is. The help line's numbers and chooser are targets at least 24 px tall
(WCAG 2.2, 2.5.8). In Chromium at 390x844, and the Sydney crisis box once in WebKit."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.support import engines
from tests.support.contexts import QUIET

PHONE = {"width": 390, "height": 844}
SYDNEY = ("tel:000", "tel:131114")  # Australia's emergency number and Lifeline
CANADA = ("tel:911", "tel:988")
BOX = ".admonition.danger"  # the home page's crisis box
STORED = "() => Object.keys(localStorage).filter(key => key === 'breathing-room:country' || key.endsWith('.__tabs'))"
GET_HELP = "#crisis-help ~ [data-local-line]"  # safety's "Get help now", before its list


def phone(open_page: Callable[..., Page], zone: str, language: str = "en-AU", script: bool = True) -> Page:
    return open_page(viewport=PHONE, timezone_id=zone, locale=language, java_script_enabled=script)


def expect_local_line(page: Page, selector: str, label: str, hrefs: tuple[str, str]) -> None:
    line = page.locator(selector).locator("[data-local-line]") if selector == BOX else page.locator(selector)
    expect(line.locator(".br-local-help__place")).to_have_text(f"{label}:")
    for href in hrefs:
        expect(line.locator(f'a[href="{href}"]')).to_have_count(1)


def test_sydney_sees_000_and_lifeline_first_in_the_crisis_box_and_get_help_now(open_page, site_url):
    page = phone(open_page, "Australia/Sydney")
    page.goto(site_url)
    expect_local_line(page, BOX, "Australia", SYDNEY)
    box_text = page.locator(BOX).inner_text()
    assert box_text.index("000") < box_text.index("999")  # the reader's country before the general list
    expect(page.locator(BOX).locator("[data-local-line]")).to_contain_text("Australia: call 000 for emergencies")
    expect(page.locator(BOX).locator("[data-local-line]")).to_contain_text("Lifeline 13 11 14")
    page.goto(site_url + "safety/")
    expect_local_line(page, GET_HELP, "Australia", SYDNEY)
    for href in SYDNEY:  # within the first screen
        box = page.locator(GET_HELP).locator(f'a[href="{href}"]').bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], href
    assert page.evaluate(STORED) == []  # no pick: neither our key nor Material's tab memory
    page.close()


def test_a_pick_in_the_help_line_moves_the_crisis_box_to_that_country(open_page, site_url):
    page = phone(open_page, "Australia/Sydney")
    page.goto(site_url)
    expect_local_line(page, BOX, "Australia", SYDNEY)
    page.get_by_role("combobox", name="Change your country").select_option("Canada")
    expect_local_line(page, BOX, "Canada", CANADA)
    page.evaluate("document.querySelector(\"a[href$='safety/']\").click()")  # instant navigation
    page.wait_for_url("**/safety/")
    expect_local_line(page, GET_HELP, "Canada", CANADA)
    page.close()


def test_the_crisis_line_on_other_pages_follows_too(open_page, site_url):
    page = phone(open_page, "Australia/Sydney")
    page.goto(site_url + "faq/")
    line = page.locator(".br-crisis").locator("xpath=preceding-sibling::*[1]")
    expect(line).to_have_attribute("data-local-line", "")
    expect(line.locator('a[href="tel:000"]')).to_have_count(1)
    page.close()


def test_without_script_the_crisis_box_is_the_general_list_alone(open_page, site_url):
    page = phone(open_page, "Australia/Sydney", script=False)
    page.goto(site_url)
    box = page.locator(BOX)
    for href in ("tel:999", "tel:112", "tel:911", "tel:116123", "tel:988"):
        expect(box.locator(f'a[href="{href}"]').first).to_be_visible()
    expect(box.locator("[data-local-line]")).to_be_empty()
    assert box.locator("[data-local-line]").bounding_box()["height"] == 0
    page.close()


@pytest.mark.parametrize("path", ["", "exercises/box/"])
def test_the_help_lines_targets_are_at_least_24_px_tall(open_page, site_url, path):
    page = phone(open_page, "Australia/Sydney")
    page.goto(site_url + path)
    expect(page.locator("br-local-help .br-local-help__change")).to_be_visible()
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('br-local-help a, br-local-help select')]
          .map(el => { const r = el.getBoundingClientRect(); return [el.textContent.trim().slice(0, 12), r.width, r.height]; })"""
    )
    assert len(sizes) >= 3
    small = [(name, width, height) for name, width, height in sizes if height < 24 or width < 24]
    assert small == []
    page.close()


def test_the_help_lines_targets_are_at_least_24_px_tall_without_script(open_page, site_url):
    page = phone(open_page, "Australia/Sydney", script=False)
    page.goto(site_url + "exercises/box/")
    heights = page.evaluate(
        "() => [...document.querySelectorAll('br-local-help a')].map(a => a.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 24
    page.close()


@pytest.mark.browser
def test_webkit_shows_sydney_its_line_in_the_crisis_box(monkeypatch, site_url):
    monkeypatch.setenv("TZ", "Australia/Sydney")  # WebKitGTK reads the zone from its environment
    with engines.webkit_page() as page:
        page.goto(site_url)
        engines.wait_for(
            page, "() => document.querySelector('.admonition.danger [data-local-line] a[href=\"tel:000\"]')"
        )
        hrefs = page.run(
            "() => [...document.querySelectorAll('.admonition.danger [data-local-line] a')].map(a => a.getAttribute('href'))"
        )
        assert hrefs == list(SYDNEY)
        assert page.errors() == []


CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value; })
    .observe({ type: 'layout-shift', buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
})"""


@pytest.mark.parametrize("path", ["", "safety/"])
def test_filling_the_local_line_moves_nothing(browser, site_url, path):
    """Room for the line is kept from the first paint, so filling it shifts nothing (CLS 0)."""
    # A context of its own, not a warm pooled one: with nothing cached, the script fills the line
    # as late as a first visit would, after the first paint.
    context = browser.new_context(
        viewport=PHONE,
        timezone_id="Australia/Sydney",
        locale="en-AU",
        **QUIET,
    )
    page = context.new_page()
    page.emulate_media(media="screen")
    page.goto(site_url + path)
    expect(page.locator('[data-local-line] a[href="tel:000"]').first).to_be_attached()
    assert page.evaluate(CLS) == 0
    context.close()
