"""The practice plan page by keyboard alone (Tab, Shift+Tab, Enter, Space) on a phone-sized screen
with reduced motion: a reader reaches Start and starts the day's session, then reaches "Copy link"
and "Add to calendar" (which downloads the calendar file). Each control has an accessible name and
a visible focus ring when it is reached."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser
PLAN = "practice/plan/?exercise=box&minutes=5&days=14&time=08:00"
MOST_TABS = 80  # more stops than the page has before the plan's buttons
FOCUS_RING = """element => {
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return outline || (style.boxShadow !== '' && style.boxShadow !== 'none');
}"""


@pytest.fixture
def keyboard_reader(open_page):
    return open_page(
        viewport={"width": 390, "height": 844},
        reduced_motion="reduce",
        timezone_id="Europe/London",
        permissions=["clipboard-read", "clipboard-write"],
    )


def focused(control: Locator) -> bool:
    return control.evaluate("element => element === document.activeElement")


def tab_to(page: Page, control: Locator, key: str = "Tab") -> None:
    """Press `key` until `control` has the focus, as a reader would; fails if it never does."""
    for _ in range(MOST_TABS):
        if focused(control):
            break
        page.keyboard.press(key)
    assert focused(control), f"{key} never reached {control}"
    assert control.evaluate(FOCUS_RING), f"no visible focus on {control}"


def test_a_keyboard_reader_starts_the_session_copies_the_link_and_adds_the_plan_to_a_calendar(
    keyboard_reader, site_url
):
    page = keyboard_reader
    page.goto(site_url + PLAN)
    pacer = page.locator("br-plan br-pacer[data-ready]")
    expect(pacer).to_have_attribute("data-state", "idle")

    start = pacer.get_by_role("button", name="Start")
    tab_to(page, start)
    page.keyboard.press("Enter")
    expect(pacer).to_have_attribute("data-state", "running")

    copy = page.get_by_role("button", name="Copy link")
    tab_to(page, copy)
    page.keyboard.press("Space")
    expect(page.locator(".br-plan__said")).to_have_text("Link copied.")

    calendar = page.get_by_role("button", name="Add to calendar")
    tab_to(page, calendar)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "breathing-plan.ics"
    expect(page.locator(".br-plan__said")).to_contain_text("Calendar file downloaded")

    # Shift+Tab goes back the same way: to "Copy link", then to Start, which now pauses.
    tab_to(page, copy, "Shift+Tab")
    pause = pacer.get_by_role("button", name="Pause")
    tab_to(page, pause, "Shift+Tab")
    page.keyboard.press("Space")
    expect(pacer).to_have_attribute("data-state", "paused")
