"""Warm Chromium contexts, kept per test worker and handed out clean (issue 26).

A new context and its first page cost a browser test about twice what a new page in a warm context
does, and the browser tests are most of `make test`'s time. So a test that needs no cold browser
asks `open_page(...)` (tests/conftest.py) for a fresh Page in a pooled context instead of making a
context of its own.

What is shared, and what is not:
- A context is keyed by the options that can only be given to a whole context (is_mobile,
  has_touch, time zone, locale, script on or off, downloads ...). Viewport, colour scheme and
  reduced motion are set on the new page before it loads anything, so the page is laid out at its
  final size from its first paint.
- Before a context is handed out, the stored data of every origin it has shown are cleared
  (Chromium's Storage.clearDataForOrigin, every storage type: localStorage, IndexedDB, Cache
  Storage, cookies, service workers ...), and its cookies, permissions and routes are dropped.
  tests/test_context_pool.py shows that nothing a test stores reaches the next user.
- After the test, every page it opened in a pooled context (popups included) is closed; one idle
  page stays open in each context so its renderer stays warm.
- Service workers are blocked in pooled contexts: the offline copy's worker precaches the whole
  site on every first visit. The tests about the offline copy, and the crawls that watch every
  page for errors, make contexts of their own with service workers allowed.
- Pooled contexts get the search index with no page in it (tests/support/server.py): indexing the
  whole site's text is a third of what a page load costs, and no pooled test searches.

What cannot be undone on a context stays out of the pool: `page.clock` (installed context-wide
for good), `context.add_init_script`, `context.route`, `context.set_offline`. A test using those
makes its own context, as before (`page.add_init_script` on its fresh page is fine).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias, TypedDict
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, CDPSession, Frame, Page, ViewportSize

from tests.support.server import WITHOUT_SEARCH_INDEX

# Options that belong to a whole context: a pooled context is made with them, and keyed by them.
CONTEXT_OPTIONS = frozenset(
    {
        "is_mobile",
        "has_touch",
        "timezone_id",
        "locale",
        "java_script_enabled",
        "accept_downloads",
        "device_scale_factor",
    }
)


class QuietOptions(TypedDict):
    service_workers: Literal["block"]
    extra_http_headers: dict[str, str]


# What every pooled context is made with, and a test's own context that wants the same: no service
# worker (the offline copy's precaches the whole site on a first visit) and the search index empty
# (tests/support/server.py). A test about the offline copy or search, or one that watches every page
# for errors, makes its context without them.
QUIET: QuietOptions = {"service_workers": "block", "extra_http_headers": WITHOUT_SEARCH_INDEX}
# How many contexts with no test page open a worker keeps (the least recently used go first).
KEEP_IDLE = 12

ContextKey: TypeAlias = tuple[tuple[str, Any], ...]


@dataclass
class PooledContext:
    """A context, the idle page that keeps its renderer warm, and the origins its pages have shown."""

    context: BrowserContext
    idle: Page
    session: CDPSession
    origins: set[str] = field(default_factory=set)

    def in_use(self) -> bool:
        return any(page is not self.idle for page in self.context.pages)

    def clear(self) -> None:
        """Every trace the last user may have left: stored data of each origin shown, cookies,
        permissions, routes."""
        for origin in sorted(self.origins):
            self.session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.origins.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()
        self.context.unroute_all(behavior="ignoreErrors")

    def close_test_pages(self) -> None:
        for page in self.context.pages:
            if page is not self.idle:
                page.close()

    def note_origin(self, frame: Frame) -> None:
        parts = urlsplit(frame.url)
        if parts.scheme in {"http", "https"}:
            self.origins.add(f"{parts.scheme}://{parts.netloc}")


class ContextPool:
    """The warm contexts of one test worker, by key; `open_page` hands out a page, `release` takes
    back every page the test opened."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.contexts: dict[ContextKey, list[PooledContext]] = {}
        self.recent: list[PooledContext] = []  # least recently handed out first

    def open_page(
        self,
        *,
        viewport: ViewportSize | None = None,
        color_scheme: str | None = None,
        reduced_motion: str | None = None,
        permissions: Iterable[str] = (),
        **context_options: Any,
    ) -> Page:
        """A new page in a clean pooled context, at its size and colour scheme before it loads anything."""
        unknown = set(context_options) - CONTEXT_OPTIONS
        if unknown:
            raise TypeError(f"open_page() does not pool contexts by {sorted(unknown)}: give the test its own context")
        pooled = self._free_context(tuple(sorted(context_options.items())))
        permissions = list(permissions)
        if permissions:
            pooled.context.grant_permissions(permissions)
        page = pooled.context.new_page()
        if viewport is not None:
            page.set_viewport_size(viewport)
        if color_scheme is not None or reduced_motion is not None:
            page.emulate_media(color_scheme=color_scheme, reduced_motion=reduced_motion)  # type: ignore[arg-type]
        return page

    def release(self) -> None:
        """Closes every page a test opened in the pool; keeps at most KEEP_IDLE contexts."""
        for pooled in self.recent:
            pooled.close_test_pages()
        while len(self.recent) > KEEP_IDLE:
            self._drop(self.recent[0])

    def close(self) -> None:
        for pooled in list(self.recent):
            self._drop(pooled)

    def _free_context(self, key: ContextKey) -> PooledContext:
        """A context of this key with no test page open (a new one if there is none), cleared."""
        same = self.contexts.setdefault(key, [])
        pooled = next((candidate for candidate in same if not candidate.in_use()), None)
        if pooled is None:
            pooled = self._new_context(key)
            same.append(pooled)
        else:
            pooled.clear()
            self.recent.remove(pooled)
        self.recent.append(pooled)
        return pooled

    def _new_context(self, key: ContextKey) -> PooledContext:
        context = self.browser.new_context(**QUIET, **dict(key))
        idle = context.new_page()
        pooled = PooledContext(context, idle, context.new_cdp_session(idle))
        context.on("page", lambda page: page.on("framenavigated", pooled.note_origin))
        context.on("close", lambda _: self._forget(pooled))
        return pooled

    def _drop(self, pooled: PooledContext) -> None:
        self._forget(pooled)
        pooled.context.close()

    def _forget(self, pooled: PooledContext) -> None:
        if pooled in self.recent:
            self.recent.remove(pooled)
        for same in self.contexts.values():
            if pooled in same:
                same.remove(pooled)
