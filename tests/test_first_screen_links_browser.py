"""Phone first for links (issue 23 point 2, issue 25 point 7): a pattern link with holds and a plan
link put Start in the first screen at phone sizes, light and dark, with who should skip holds in
view beside it until the session starts, and the light-headedness rule right under the pacer.
Without script, the cautions still come before the steps."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from hooks.content.site_data import load_site_data
from tests.support.paths import DATA_DIR

pytestmark = pytest.mark.browser
DATA = load_site_data(DATA_DIR)
PHONES = [(390, 844), (360, 800)]
# A pattern link with holds, a plan of an exercise with holds, and a plan of a pattern with holds.
LINKS = [
    "exercises/your-own/?in=4&hold=7&out=8&rest=0&breaths=4",
    "practice/plan/?exercise=box&minutes=5&days=14&time=08:00",
    "practice/plan/?exercise=your-own&in=4&hold=4&out=4&rest=4&minutes=5&days=14&time=08:00",
]


def phone(open_page: Callable[..., Page], width: int, height: int, scheme: str) -> Page:
    return open_page(viewport={"width": width, "height": height}, color_scheme=scheme, is_mobile=True, has_touch=True)


def start_box(page: Page) -> dict:
    """Start's box, with the page not scrolled."""
    assert page.evaluate("scrollY") == 0
    box = page.locator("br-pacer[data-ready] .br-pacer__btn--main").bounding_box()
    assert box is not None
    return box


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("link", LINKS)
def test_a_link_with_holds_shows_start_and_who_should_skip_holds_in_the_first_screen(open_page, site_url, link, scheme):
    for width, height in PHONES:
        page = phone(open_page, width, height, scheme)
        page.goto(site_url + link)
        pacer = page.locator("br-pacer[data-ready]")
        box = start_box(page)
        print(f"{link} {width}x{height} {scheme}: Start at y={box['y']:.0f} to {box['y'] + box['height']:.0f}")
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, (link, width, height)
        expect(pacer).to_have_attribute("data-holds", "")
        for who in DATA.cautions.holds_who:
            item = pacer.locator(".br-pacer__holds .br-hold-who li", has_text=who)
            expect(item).to_be_visible()
            item_box = item.bounding_box()
            assert item_box is not None and item_box["y"] + item_box["height"] <= height, (who, link, width)
        # The box it points at is the one right under the pacer, with the light-headedness rule.
        box_id = pacer.get_attribute("data-hold-caution")
        cautions = page.locator(f"#{box_id}")
        expect(cautions).to_be_visible()
        expect(cautions.locator(".br-light-headed")).to_be_visible()
        assert page.evaluate(
            """id => {
              const pacer = document.querySelector('br-pacer');
              let next = pacer.parentElement.nextElementSibling;
              while (next && (next.hidden || next.offsetHeight === 0)) next = next.nextElementSibling;
              return next && next.id === id;
            }""",
            box_id,
        ), link
        # One tap starts; the list gives its place to the breathing shape.
        pacer.locator(".br-pacer__btn--main").tap()
        expect(pacer).to_have_attribute("data-state", "running")
        expect(pacer.locator(".br-pacer__holds")).to_be_hidden()
        page.close()


def test_a_pattern_link_without_holds_names_no_hold_caution(open_page, site_url):
    page = phone(open_page, 390, 844, "light")
    page.goto(site_url + "exercises/your-own/?in=4&hold=0&out=6&rest=0&breaths=4")
    pacer = page.locator("br-pacer[data-ready]")
    expect(pacer).to_be_attached()
    assert pacer.get_attribute("data-hold-caution") is None
    assert pacer.locator(".br-pacer__holds").count() == 0
    box = start_box(page)
    assert box["y"] + box["height"] <= 844
    page.close()


@pytest.mark.parametrize("path", ["exercises/your-own/", "practice/plan/"])
def test_without_script_the_cautions_come_before_the_steps(open_page, site_url, path):
    page = open_page(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page.goto(site_url + path)
    order = page.evaluate(
        """() => {
          const visible = [...document.querySelectorAll('.br-cautions, .br-steps, form')]
            .filter(part => part.offsetHeight > 0);
          return visible.map(part => part.matches('.br-cautions') ? 'cautions' : 'other');
        }"""
    )
    if path.startswith("exercises"):
        assert order and order[0] == "cautions", order
    expect(page.locator(".br-pacer__fallback, .br-plan__fallback").first).to_be_visible()
    page.close()
