""" "This page may be out of date": decided in the reader's browser from the page's next_review date
(a page built long ago must still warn), with the browser's clock set before and after that date.
Without script nothing shows; the date is in a data-* attribute, never in an inline script."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Page, expect

from tests.support.html import read_page
from tests.support.polling import wait_until

NOTICE = "br-review-notice"


def next_review_of(built_site, page: str) -> datetime.date:
    values = read_page(built_site / page / "index.html").xpath(f"//{NOTICE}/@data-next-review")
    assert len(values) == 1, page
    return datetime.date.fromisoformat(str(values[0]))


def at_noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12, 0))


def test_every_page_carries_its_next_review_date_hidden(built_site, page_paths):
    for path in page_paths:
        root = read_page(built_site / path / "index.html")
        notices = root.xpath(f"//{NOTICE}")
        assert len(notices) == 1, path
        assert notices[0].get("hidden") is not None, path
        datetime.date.fromisoformat(notices[0].get("data-next-review"))
        scripts = " ".join(script.text_content() for script in root.xpath("//script[not(@src)]"))
        assert notices[0].get("data-next-review") not in scripts, path


@pytest.mark.parametrize(
    ("days_after", "shown"),
    [(-1, False), (0, False), (1, True), (800, True)],
    ids=["day-before", "on-the-day", "day-after", "years-later"],
)
# The clock tests keep pytest-playwright's fresh page: page.clock is installed on the whole context for good.
def test_the_notice_follows_the_browser_clock(page: Page, site_url, built_site, days_after, shown):
    due = next_review_of(built_site, "safety")
    page.clock.set_fixed_time(at_noon(due + datetime.timedelta(days=days_after)))
    page.goto(site_url + "safety/", wait_until="load")
    notice = page.locator(NOTICE)
    if shown:
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("This page may be out of date")
        expect(notice.locator("time")).to_have_attribute("datetime", due.isoformat())
        expect(notice).to_contain_text(f"{due.day} {due.strftime('%B')} {due.year}")
    else:
        wait_until(page, "customElements.get('br-review-notice') !== undefined")
        expect(notice).to_be_hidden()


def test_the_notice_shows_after_instant_navigation_too(page: Page, site_url, built_site):
    due = next_review_of(built_site, "options/stress")
    page.clock.set_fixed_time(at_noon(due + datetime.timedelta(days=2)))
    page.goto(site_url + "safety/", wait_until="load")
    page.locator(".md-content a[href$='options/']").first.click()
    page.wait_for_url("**/options/")
    expect(page.locator(NOTICE)).to_be_visible()


def test_without_script_nothing_shows(open_page, site_url, built_site):
    page = open_page(java_script_enabled=False)
    page.goto(site_url + "safety/", wait_until="load")
    expect(page.locator(NOTICE)).to_be_hidden()
