"""Material's instant navigation in tests. Material takes over a click on a link only when the
link is listed in sitemap.xml, and only once it has read that file: a click that comes sooner is
an ordinary full page load, or, offline under load, neither (seen once in CI: the click was lost
and the address never changed). So a test that clicks right after a page load waits for it."""

from __future__ import annotations

import re
import time

from playwright.sync_api import Page, Route

from tests.support.polling import TWO_FRAMES, wait_until

SITEMAP_READ = """() => performance.getEntriesByType('resource')
    .some(entry => new URL(entry.name).pathname.endsWith('/sitemap.xml') && entry.responseEnd > 0)"""


class RoutedSitemap:
    """The sitemap a page is given by enable_instant_navigation, and whether it has been given
    (a routed response leaves no resource timing entry for SITEMAP_READ to find)."""

    def __init__(self) -> None:
        self.served = False

    def wait(self, page: Page, timeout: float = 30) -> None:
        """Until the page has had its sitemap. Polled from here, in real time, so it works with the
        page's clock paused; `page.wait_for_timeout` lets Playwright run the route meanwhile."""
        deadline = time.monotonic() + timeout
        while not self.served:
            if time.monotonic() > deadline:
                raise AssertionError(f"the page asked for no sitemap.xml within {timeout} s")
            page.wait_for_timeout(50)


def enable_instant_navigation(page: Page, site_url: str) -> RoutedSitemap:
    """Material matches sitemap URLs by protocol and host name but not port, so on a loopback
    server with a port every click would be a full load. Serve the sitemap as the real host
    would: its URLs on this server."""
    routed = RoutedSitemap()

    def sitemap_for_this_server(route: Route) -> None:
        response = route.fetch()
        body = re.sub(r"<loc>[^<]*?/breathing-room/", f"<loc>{site_url}", response.text())
        route.fulfill(response=response, body=body)
        routed.served = True

    page.route("**/sitemap.xml", sitemap_for_this_server)
    return routed


def wait_until_instant_navigation_is_ready(page: Page) -> None:
    """Until the page has received sitemap.xml, and two frames later, by which time Material has
    parsed it (its parse runs on the promise that the response resolves)."""
    wait_until(page, SITEMAP_READ)
    page.evaluate(TWO_FRAMES)
