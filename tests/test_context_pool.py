"""The pool of warm Chromium contexts (tests/support/contexts.py) hands each test a clean one: what
a test leaves in a pooled context (stored data of every kind, cookies, a permission, a route, open
pages) is gone for the next user of the same context. Pooled contexts get the search index empty."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.support.contexts import ContextPool

pytestmark = pytest.mark.browser

STORE_EVERYTHING = """async () => {
  localStorage.setItem('left', 'behind');
  document.cookie = 'left=behind; max-age=3600; path=/';
  await new Promise((resolve, reject) => {
    const opening = indexedDB.open('left-behind', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('things');
    opening.onsuccess = () => {
      const writing = opening.result.transaction('things', 'readwrite');
      writing.objectStore('things').put('behind', 'left');
      writing.oncomplete = () => { opening.result.close(); resolve(); };
      writing.onerror = () => reject(writing.error);
    };
    opening.onerror = () => reject(opening.error);
  });
  const cache = await caches.open('left-behind');
  await cache.put(location.href, new Response('behind'));
}"""
WHAT_IS_STORED = """async () => ({
  localStorage: Object.keys(localStorage).filter(key => !key.includes('/.__')),
  cookie: document.cookie,
  indexedDB: (await indexedDB.databases()).map(database => database.name),
  caches: await caches.keys(),
  clipboard: (await navigator.permissions.query({ name: 'clipboard-read' })).state,
  routed: await fetch('robots-routed.txt').then(response => response.status),
})"""
SEARCH_INDEX_PAGES = (
    "fetch('search/search_index.json').then(response => response.json()).then(index => index.docs.length)"
)
NOTHING = {
    "localStorage": [],
    "cookie": "",
    "indexedDB": [],
    "caches": [],
    "clipboard": "prompt",
    "routed": 404,
}


@pytest.fixture
def pool(browser: Browser) -> Iterator[ContextPool]:
    """A pool of its own, so the test knows who used the context before."""
    own = ContextPool(browser)
    yield own
    own.close()


def test_what_a_test_stores_is_gone_for_the_next_user_of_the_context(pool, site_url):
    first = pool.open_page(viewport={"width": 390, "height": 844}, color_scheme="dark")
    first.goto(site_url)
    assert first.evaluate(WHAT_IS_STORED) == NOTHING
    first.evaluate(STORE_EVERYTHING)
    first.context.grant_permissions(["clipboard-read"])
    first.context.route("**/robots-routed.txt", lambda route: route.fulfill(status=200, body="routed"))
    first.context.new_page()  # a page the test opened itself, never closed
    left = first.evaluate(WHAT_IS_STORED)
    assert left == {
        "localStorage": ["left"],
        "cookie": "left=behind",
        "indexedDB": ["left-behind"],
        "caches": ["left-behind"],
        "clipboard": "granted",
        "routed": 200,
    }
    pool.release()
    assert first.is_closed()

    second = pool.open_page()
    assert second.context is first.context  # the same warm context, handed out again
    assert len(second.context.pages) == 2  # its idle page and the new one: the test's pages are gone
    assert second.viewport_size == {"width": 1280, "height": 720}  # the first test's size went with its page
    second.goto(site_url)
    assert second.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") is False
    assert second.evaluate(WHAT_IS_STORED) == NOTHING
    pool.release()


def test_a_second_page_while_the_first_is_open_gets_a_context_of_its_own(pool, site_url):
    first = pool.open_page(timezone_id="Australia/Sydney")
    first.goto(site_url)
    first.evaluate("localStorage.setItem('left', 'behind')")
    second = pool.open_page(timezone_id="Australia/Sydney")
    assert second.context is not first.context
    second.goto(site_url)
    assert second.evaluate("Object.keys(localStorage).filter(key => !key.includes('/.__'))") == []
    assert second.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == "Australia/Sydney"


def test_a_pooled_context_gets_the_search_index_with_no_pages(pool, site_url):
    """Material's search starts as usual on it, with nothing to index (tests/support/server.py)."""
    page = pool.open_page()
    page.goto(site_url)
    assert page.evaluate(SEARCH_INDEX_PAGES) == 0
    page.keyboard.press("/")
    page.keyboard.type("breath")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")


def test_a_context_option_the_pool_does_not_key_by_is_refused(pool):
    with pytest.raises(TypeError, match="offline"):
        pool.open_page(offline=True)
