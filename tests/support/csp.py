"""Watching a page's Content Security Policy at work in any engine.

Firefox over BiDi and WebKit over WebDriver cannot run a script before a page's own, so a copy of
the built site gets one more script, first in <head>: a same-origin file that listens for
`securitypolicyviolation` from before the policy's <meta> is read. The policy itself and the
theme's inline scripts are untouched; the copy's service worker is written again so its hashes
match the copy's pages."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hooks.offline.service_worker import write_service_worker
from tests.support.paths import SUB_PATH

SPY_FILE = "csp-spy.js"
SPY_SOURCE = """window.cspViolations = [];
document.addEventListener('securitypolicyviolation', function (event) {
  window.cspViolations.push({directive: event.violatedDirective, blocked: event.blockedURI,
    sample: event.sample, source: event.sourceFile, line: event.lineNumber, page: location.pathname});
});
"""
# Read in the page: what the spy saw (null if it never ran, so a page that lost it cannot pass).
VIOLATIONS = "() => window.cspViolations === undefined ? null : window.cspViolations"
# Read in the page: its policy and referrer tags, and whether the theme's inline scripts ran.
HEAD = """() => ({
    policies: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map(m => m.content),
    referrer: [...document.querySelectorAll('meta[name="referrer"]')].map(m => m.content),
    themeScriptRan: typeof window.__md_get === 'function',
})"""


def head_problems(head: dict[str, Any]) -> list[str]:
    """What is wrong with a page's HEAD as read above: one policy allowing scripts by hash and
    never inline, no referrer sent, and the theme's own inline scripts allowed to run."""
    policies = head["policies"]
    problems = []
    if len(policies) != 1 or "script-src 'self' 'sha256-" not in policies[0]:
        problems.append(f"not one policy allowing scripts by hash: {policies}")
    elif "'unsafe-inline'" in policies[0].split("script-src", 1)[1].split(";", 1)[0]:
        problems.append(f"the policy lets inline script run: {policies[0]}")
    if head["referrer"] != ["no-referrer"]:
        problems.append(f"referrer tags {head['referrer']}, not one no-referrer")
    if not head["themeScriptRan"]:
        problems.append("the theme's inline scripts did not run")
    return problems


def policy_problems(read: Callable[[str], Any]) -> list[str]:
    """What is wrong with the policy of the page loaded now, read with `read(script)` (Playwright's
    page.evaluate, or an engine's run): its HEAD, and any violation the spy saw."""
    problems = head_problems(read(HEAD))
    violations = read(VIOLATIONS)
    if violations != []:
        problems.append(f"policy violations: {violations}")
    return problems


def spied_copy(site: Path, destination: Path, sub_path: str = SUB_PATH) -> Path:
    """A copy of the built `site` in `destination` whose every page loads the spy first."""
    shutil.copytree(site, destination)
    (destination / SPY_FILE).write_text(SPY_SOURCE, encoding="utf-8")
    tag = f'<script src="{sub_path}{SPY_FILE}"></script>'
    for page in destination.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "<head>" not in text:
            raise AssertionError(f"{page}: no <head> to put the spy in")
        page.write_text(text.replace("<head>", "<head>" + tag, 1), encoding="utf-8")
    write_service_worker(destination, sub_path)
    return destination


def serve_sitemap_from(copy: Path, url: str, sub_path: str = SUB_PATH) -> None:
    """Material's instant navigation takes over only links listed in sitemap.xml, matched by host
    but not port: list the copy's pages at the test server's own address `url`."""
    sitemap = copy / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8")
    sitemap.write_text(re.sub(r"<loc>[^<]*?" + re.escape(sub_path), f"<loc>{url}", text), encoding="utf-8")
    write_service_worker(copy, sub_path)
