"""Phone first (issue 23): a running pacer from the home page in two taps, Start in the first screen
of every exercise page, and, for an exercise with holds, who should skip holds in view beside Start
before the first hold (in Chromium, at phone sizes, light and dark)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from hooks.content.exercises import has_hold
from hooks.content.site_data import load_site_data
from tests.support.paths import DATA_DIR
from tests.support.polling import wait_until

DATA = load_site_data(DATA_DIR)
HOLDS = sorted(exercise_id for exercise_id, exercise in DATA.exercises.items() if has_hold(exercise))
PHONES = [(390, 844), (360, 800)]
# Every phase event the pacer fires, kept in the page from the start.
RECORD_PHASES = (
    "window.phases = []; document.addEventListener('br-pacer:phase', e => window.phases.push(e.detail.action));"
)


def phone(open_page: Callable[..., Page], width: int = 390, height: int = 844, scheme: str = "light") -> Page:
    page = open_page(viewport={"width": width, "height": height}, color_scheme=scheme, is_mobile=True, has_touch=True)
    page.add_init_script(RECORD_PHASES)
    return page


def in_first_screen(page: Page, selector: str) -> bool:
    """Wholly inside the viewport, with the page not scrolled."""
    return page.evaluate(
        """selector => {
          const box = document.querySelector(selector).getBoundingClientRect();
          return scrollY === 0 && box.top >= 0 && box.bottom <= innerHeight && box.width > 0;
        }""",
        selector,
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_running_pacer_is_two_taps_from_a_cold_home_page(open_page, site_url, scheme):
    page = phone(open_page, scheme=scheme)
    page.goto(site_url)
    breathe_now = page.get_by_role("link", name="Breathe now")
    assert in_first_screen(page, ".br-breathe-now")
    breathe_now.tap()  # tap 1
    page.wait_for_url("**/exercises/gentle/?focus=start")
    start = page.locator("br-pacer[data-ready] .br-pacer__btn--main")
    expect(start).to_have_text("Start")
    expect(start).to_be_focused()
    assert in_first_screen(page, "br-pacer .br-pacer__btn--main")  # Start in view, the page not scrolled:
    assert in_first_screen(page, ".br-notice") and in_first_screen(page, "br-local-help")  # so help is in view too
    assert page.locator("br-pacer").get_attribute("data-state") == "idle"  # nothing starts without a tap
    assert page.evaluate("window.phases") == []
    start.tap()  # tap 2
    expect(page.locator("br-pacer")).to_have_attribute("data-state", "running")
    wait_until(page, "window.phases.length > 0")
    page.close()


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_start_is_in_the_first_screen_of_every_exercise_page(open_page, pacer_urls, width, height):
    page = phone(open_page, width, height)
    for exercise_id, url in sorted(pacer_urls.items()):
        if "your-own" in url:
            continue  # its pacer is made by the page: tests/test_first_screen_links_browser.py
        page.goto(url)
        page.wait_for_selector("br-pacer[data-ready]")
        assert in_first_screen(page, "br-pacer .br-pacer__btn--main"), f"{exercise_id} at {width}x{height}"
        # The light-headedness rule stays right under the pacer, before anything else.
        assert page.evaluate(
            "document.querySelector('br-pacer').parentElement.querySelector('br-pacer + .br-cautions .br-light-headed') !== null"
        ), exercise_id
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("exercise_id", HOLDS)
def test_who_should_skip_holds_is_in_view_beside_start_before_any_breath(open_page, pacer_urls, exercise_id, scheme):
    for width, height in PHONES:
        page = phone(open_page, width, height, scheme)
        page.goto(pacer_urls[exercise_id])
        pacer = page.locator(f"br-pacer[data-pacer='{exercise_id}'][data-ready]")
        holds = pacer.locator(".br-pacer__holds")
        # Every person who should skip holds is listed inside the pacer, in the first screen, with Start.
        for who in DATA.cautions.holds_who:
            item = holds.locator(".br-hold-who li", has_text=who)
            expect(item).to_be_visible()
            box = item.bounding_box()
            assert box is not None and box["y"] + box["height"] <= height, (who, width)
        assert in_first_screen(page, f"br-pacer[data-pacer='{exercise_id}'] .br-pacer__btn--main")
        # A screen reader hears it as Start's description (the stage itself is not read).
        expect(pacer.get_by_role("button", name="Start")).to_have_accessible_description(re.compile("panic attacks"))
        assert page.evaluate("window.phases") == []
        # One tap starts; the list gives its place to the breathing shape, and nothing moves.
        start_box = pacer.locator(".br-pacer__btn--main").bounding_box()
        pacer.locator(".br-pacer__btn--main").tap()
        expect(pacer).to_have_attribute("data-state", "running")
        expect(holds).to_be_hidden()
        expect(pacer.locator(".br-pacer__orb")).to_be_visible()
        assert pacer.locator(".br-pacer__btn--main").bounding_box() == start_box
        wait_until(page, "window.phases.length > 0")
        page.close()


def test_an_exercise_without_holds_starts_on_the_first_tap(open_page, pacer_urls):
    page = phone(open_page)
    page.goto(pacer_urls["gentle"])
    pacer = page.locator("br-pacer[data-ready]")
    pacer.locator(".br-pacer__btn--main").tap()
    expect(pacer).to_have_attribute("data-state", "running")
    assert pacer.locator(".br-pacer__holds").count() == 0
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_without_script_an_exercise_page_reads_cautions_before_its_steps(open_page, pacer_urls, scheme):
    page = open_page(viewport={"width": 390, "height": 844}, java_script_enabled=False, color_scheme=scheme)
    page.goto(pacer_urls["box"])
    order = page.evaluate(
        """() => ['.br-pacer__fallback', '.br-cautions .br-light-headed', '.br-cautions .br-hold-caution', '.br-steps']
          .map(selector => document.querySelector(selector).getBoundingClientRect().top)"""
    )
    assert order == sorted(order)
    expect(page.locator(".br-cautions .br-hold-who")).to_be_visible()
    page.close()
