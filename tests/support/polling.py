"""Waiting for a condition in a page without Playwright's wait_for_function, which evaluates its
predicate with eval inside the page: the site's content security policy refuses that, as it
should. page.evaluate runs through the browser's debugging protocol, which the policy does not
govern, so polling with it works on the real pages."""

from __future__ import annotations

import time
from typing import Any

from playwright.sync_api import Page


def wait_until(page: Page, script: str, arg: Any = None, timeout: float = 30) -> Any:
    """Evaluate `script` (an expression, or a function of `arg`) until it is truthy; returns that value."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(script, arg)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {script}")
        time.sleep(0.05)


# A page is ready for checking once it has loaded and every pacer on it has built itself.
PAGE_READY = """() => document.readyState === 'complete'
    && [...document.querySelectorAll('br-pacer')].every(pacer => pacer.hasAttribute('data-ready'))"""

# Resolves two animation frames from now: by then what the page does on an event just dispatched
# (a resize, a parsed response) has run, and the result is laid out.
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"
