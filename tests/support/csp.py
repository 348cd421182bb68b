"""Watching a page's Content Security Policy at work in any engine.

Firefox over BiDi and WebKit over WebDriver cannot run a script before a page's own, so a copy of
the built site gets one more script, first in <head>: a same-origin file that listens for
`securitypolicyviolation` from before the policy's <meta> is read. The policy itself and the
theme's inline scripts are untouched; the copy's service worker is written again so its hashes
match the copy's pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

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
