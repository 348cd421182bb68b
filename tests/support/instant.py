"""Material's instant navigation in tests. Material takes over a click on a link only when the
link is listed in sitemap.xml, and only once it has read that file: a click that comes sooner is
an ordinary full page load, or, offline under load, neither (seen once in CI: the click was lost
and the address never changed). So a test that clicks right after a page load waits for it."""

from __future__ import annotations

import re

from playwright.sync_api import Page, Route

from tests.support.polling import wait_until

SITEMAP_READ = """() => performance.getEntriesByType('resource')
    .some(entry => new URL(entry.name).pathname.endsWith('/sitemap.xml') && entry.responseEnd > 0)"""
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


def enable_instant_navigation(page: Page, site_url: str) -> None:
    """Material matches sitemap URLs by protocol and host name but not port, so on a loopback
    server with a port every click would be a full load. Serve the sitemap as the real host
    would: its URLs on this server."""

    def sitemap_for_this_server(route: Route) -> None:
        response = route.fetch()
        body = re.sub(r"<loc>[^<]*?/breathing-room/", f"<loc>{site_url}", response.text())
        route.fulfill(response=response, body=body)

    page.route("**/sitemap.xml", sitemap_for_this_server)


def wait_until_instant_navigation_is_ready(page: Page) -> None:
    """Until the page has received sitemap.xml, and two frames later, by which time Material has
    parsed it (its parse runs on the promise that the response resolves)."""
    wait_until(page, SITEMAP_READ)
    page.evaluate(TWO_FRAMES)
