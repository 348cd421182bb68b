"""The offline copy in a real Chromium, light and dark: after one visit, with the browser offline
AND the server down (so nothing can pass by reaching the network), every page opens by address
and by instant navigation, a pacer runs, search finds a word and a missing page gets the site's
404. A rebuild with one changed page is announced, not forced, and fetches only what changed.

Does `context.set_offline(True)` cover what a service worker fetches? In Chromium 156, partly: the
worker's own fetch() calls are cut off (the whole-site test shows it, so a change is noticed), but
the browser's checks for a newer sw.js still reach the server (seen after navigations and
registration.update()). So the tests do not rely on offline mode: the server also answers nothing
while down and logs every request, and they require that log empty but for those checks.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.instant import wait_until_instant_navigation_is_ready
from tests.support.offline import (
    SiteServer,
    build_for,
    cached_bytes,
    serve_fresh_copy,
    wait_until_offline_ready,
    worker_settings_in,
)
from tests.support.pacer import attributes, exercises, expected_phases, open_pacer
from tests.support.paths import page_addresses, representative
from tests.support.polling import wait_until
from tests.support.published import ADDRESSES, published_build
from tests.support.watch import contrast_ratio, watch

pytestmark = pytest.mark.browser
NOT_FOUND_CONSOLE_LINE = "Failed to load resource: the server responded with a status of 404 (Not Found)"
# The offline copy does not depend on the colour scheme, but the saved scheme must survive it:
# the whole-site crawl runs in the dark scheme (the light one is every other test's default),
# and the update test in the light one. Each crawls once.
SCHEMES = {"light": "default", "dark": "slate"}


def foreign_requests(context, server: SiteServer) -> list[str]:
    """Every request from the context (pages and service worker alike) to any other host."""
    own = urlsplit(server.url).netloc
    found: list[str] = []
    context.on(
        "request",
        lambda request: (
            urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(request.url).netloc != own
            and found.append(request.url)
        ),
    )
    return found


def go_offline(context, server: SiteServer) -> None:
    server.take_requests()
    server.down = True
    context.set_offline(True)


FOLLOW_SIDEBAR_LINK = """url => {
    const link = [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')].find(a => a.href === url);
    link?.click();
    return !!link;
}"""


def click_nav_link(page, url: str) -> None:
    """Click the sidebar's link to `url` and wait until instant navigation has swapped the page in.
    The click goes to that very element from inside the page: a pointer click at its place on
    screen once landed on its neighbour (the sidebar still settling after the previous swap, in a
    CI run), which tested the mouse, not the offline copy."""
    old_heading = page.locator(".md-content article h1").first.element_handle()
    assert page.evaluate(FOLLOW_SIDEBAR_LINK, url), f"no sidebar link to {url}"
    page.wait_for_url(url)
    wait_until(page, "heading => !heading.isConnected", old_heading)


def assert_page_rendered(page, path: str) -> None:
    heading = page.locator(".md-content article h1").first
    heading.wait_for()
    assert heading.inner_text() != "Page not found", path
    assert page.locator(".br-notice").is_visible(), path  # the safety notice, as on every page


@pytest.mark.parametrize("scheme", ["dark"])
def test_whole_site_works_offline_after_one_visit(browser, offline_site, scheme):
    """Every page is in the offline copy (tests/test_offline_generator.py reads the built list);
    here one page of each kind (tests/support/paths.py) opens offline, by address and by instant
    navigation. First, with the server still up, offline mode alone must keep the worker's own
    fetches from reaching it."""
    server = offline_site
    pages = representative(page_addresses(server.directory))
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    foreign = foreign_requests(context, server)
    page = context.new_page()
    watcher = watch(page, server.url)
    page.goto(server.url)
    wait_until_offline_ready(page)
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
    assert page.locator(".br-update").inner_text() == ""  # a first visit is not an update

    # Online, a missing page comes from the network as a 404 and is not kept.
    assert page.goto(server.url + "no/such/page/").status == 404
    assert not [url for url in cached_bytes(page) if "no/such" in url]

    try:
        # Offline mode alone, the server still up: a page the worker does not list, the worker
        # fetches itself; offline mode must stop that fetch (this notices a Chromium release that
        # stops doing so), and the worker answers with the site's 404 while the server hears nothing.
        server.take_requests()
        context.set_offline(True)
        response = page.goto(server.url + "not/listed/")
        assert server.take_requests_except_update_checks() == []
        assert response is not None
        assert response.status == 404
        assert response.from_service_worker

        go_offline(context, server)
        for path in pages:  # typed into the address bar
            response = page.goto(server.url + path)
            assert response is not None, path
            assert response.status == 200, path
            assert response.from_service_worker, path
            assert_page_rendered(page, path)

        page.goto(server.url)  # through instant navigation: one document all along
        wait_until_instant_navigation_is_ready(page)
        page.evaluate("window.stillTheSameDocument = true")
        for path in [*pages[1:], ""]:
            click_nav_link(page, server.url + path)
            assert_page_rendered(page, path)
            assert page.evaluate("window.stillTheSameDocument === true"), f"{path}: a full page load, not instant"

        page.goto(server.url + "about/")
        search = page.locator(".md-search__input")
        search.click()
        search.press_sequentially("nostril")  # Material searches on key presses
        result = page.locator(".md-search-result__item a[href*='alternate-nostril']").first
        result.wait_for()
        result.click()
        page.wait_for_url(re.compile(r".*/exercises/alternate-nostril/.*"))
        assert_page_rendered(page, "search result")

        missing = page.goto(server.url + "no/such/page/")
        assert missing is not None
        assert missing.status == 404
        assert missing.from_service_worker
        assert page.get_by_role("heading", name="Page not found").is_visible()

        pacer_page = context.new_page()
        pacer_watch = watch(pacer_page, server.url)
        pacer = open_pacer(pacer_page, server.url + "exercises/box/", "box")
        (first, first_ms), (second, _) = expected_phases(exercises()["box"], 1)[:2]
        pacer.get_by_role("button", name="Start").click()
        assert attributes(pacer)["phase"] == first
        pacer_page.clock.run_for(int(first_ms) + 50)
        assert attributes(pacer)["state"] == "running"
        assert attributes(pacer)["phase"] == second

        assert server.take_requests_except_update_checks() == [], (
            "the server was asked for something while the site was offline"
        )
    finally:
        context.set_offline(False)
        server.down = False
    assert watcher.errors == [NOT_FOUND_CONSOLE_LINE] * 3  # Chromium's own note on each missing page
    assert pacer_watch.errors == []
    assert foreign == []
    assert watcher.foreign_requests == []
    context.close()


def revisions(site: Path) -> dict[str, str]:
    """Address -> revision, as the built service worker lists them."""
    return worker_settings_in(site / "sw.js")["entries"]


@pytest.mark.parametrize("scheme", ["light"])
def test_new_build_is_announced_and_fetches_only_what_changed(browser, tmp_path, scheme):
    server = serve_fresh_copy(tmp_path)
    context = browser.new_context(color_scheme=scheme)
    foreign = foreign_requests(context, server)
    page = context.new_page()
    watcher = watch(page, server.url)
    try:
        page.goto(server.url + "faq/")
        wait_until_offline_ready(page)
        before = revisions(server.directory)

        faq = tmp_path / "docs/faq.md"
        faq.write_text(faq.read_text(encoding="utf-8") + "\nThis answer was updated offline-test.\n", encoding="utf-8")
        build_for(tmp_path, server.url)
        after = revisions(server.directory)
        changed = {path for path in after if before.get(path) != after[path]}
        base = urlsplit(server.url).path
        assert changed == {base + "faq/", base + "search/search_index.json"}  # the page and its search text

        server.take_requests()
        page.reload()  # the browser checks sw.js on every page load and installs the new one
        line = page.get_by_role("status").filter(has_text="A new version of this site is ready.")
        line.wait_for()
        assert "offline-test" not in page.content(), "the page changed without the reader asking"
        assert contrast_ratio(page, ".br-update span") >= 4.5
        assert contrast_ratio(page, ".br-update__button") >= 4.5

        reload = line.get_by_role("button", name="Reload")
        reload.focus()
        page.keyboard.press("Enter")  # keyboard alone
        page.get_by_text("This answer was updated offline-test.").wait_for()
        fetched = {path.split("?", 1)[0] for path in server.take_requests()}
        assert fetched - {base + "sw.js"} == changed, "unchanged files were fetched again, or changed ones not"

        keys = cached_bytes(page)
        assert len(keys) == len(after)  # the old versions were deleted when the new one took over
        assert not [url for url in keys if url.endswith(f"faq/?offline-revision={before[base + 'faq/']}")]

        go_offline(context, server)
        page.goto(server.url + "faq/")
        page.get_by_text("This answer was updated offline-test.").wait_for()
        assert server.take_requests_except_update_checks() == []
    finally:
        context.set_offline(False)
        server.down = False
        context.close()
        server.stop()
    assert watcher.errors == []
    assert watcher.foreign_requests == []
    assert foreign == []


@pytest.mark.parametrize("address", list(ADDRESSES))
def test_offline_copy_is_scoped_to_the_site_address(browser, tmp_path_factory, address):
    """Another repository name, and a user site at the host's root: the builds published for those
    addresses (tests/support/published.py), served under their paths as GitHub Pages would."""
    _, sub_path = ADDRESSES[address]
    server = SiteServer(published_build(tmp_path_factory, address), sub_path).start()
    context = browser.new_context()
    page = context.new_page()
    watcher = watch(page, server.url)
    try:
        page.goto(server.url + "safety/")
        wait_until_offline_ready(page)
        assert page.evaluate("navigator.serviceWorker.ready.then(r => new URL(r.scope).pathname)") == sub_path
        manifest = page.evaluate("fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())")
        assert (manifest["start_url"], manifest["scope"], manifest["id"]) == (sub_path, sub_path, sub_path)
        assert all(url.startswith(server.url) for url in cached_bytes(page))

        go_offline(context, server)
        response = page.goto(server.url + "exercises/gentle/")
        assert response is not None
        assert response.status == 200
        assert_page_rendered(page, "exercises/gentle/")
        assert page.goto(server.url + "gone/").status == 404
        assert page.get_by_role("heading", name="Page not found").is_visible()
        assert server.take_requests_except_update_checks() == []
    finally:
        context.set_offline(False)
        server.down = False
        context.close()
        server.stop()
    assert watcher.errors == [NOT_FOUND_CONSOLE_LINE]
    assert watcher.foreign_requests == []
