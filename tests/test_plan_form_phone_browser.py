"""The plan form on a phone, as a practitioner uses it: opened, it fits both phones (the crawls
check every page with it folded), its fields are at least 16 px text (iOS Safari zooms the page for
smaller ones), and "Make this plan" lands on the link and its buttons, not at the top of the page,
so "Copy link" is the next tap."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.fit import phone_fit_problems

pytestmark = pytest.mark.browser
PLAN = "practice/plan/?exercise=gentle&minutes=5&days=14&time=08:00"


def test_make_this_plan_lands_on_the_link_with_fields_a_phone_does_not_zoom(open_page, site_url):
    page = open_page(viewport={"width": 390, "height": 844}, timezone_id="Europe/London")
    page.goto(site_url + PLAN)
    page.locator("br-plan br-pacer[data-ready]").wait_for()
    page.locator("details.br-plan__change > summary").click()
    assert phone_fit_problems(page) == []
    form = page.locator("form.br-plan__form")
    sizes = form.locator("input, select").evaluate_all(
        "fields => fields.map(field => parseFloat(getComputedStyle(field).fontSize))"
    )
    assert sizes and min(sizes) >= 16, sizes
    form.locator("input[name=days]").fill("21")
    form.get_by_role("button", name="Make this plan").click()
    page.wait_for_url("**days=21**")
    assert page.url.endswith("#plan-link")
    expect(page.get_by_role("button", name="Copy link")).to_be_in_viewport()
