"""The content security policy in Chromium, Firefox ESR and WebKitGTK, for the MkDocs build and the
Zensical build: the pages load with no violation (the theme's inline scripts run, allowed by their
hashes), instant navigation from page to page and a running pacer cause none, and a script injected
into a page is refused. The crawls here take one page of each kind (REPRESENTATIVE_PAGES in
tests/support/paths.py). Chromium loads every page of the MkDocs build within the policy on its one
crawl, with axe-core and the console watched too (tests/test_browser_pages.py), and the
representative Zensical pages in tests/test_zensical.py; every page's policy of both builds is
checked in the files (tests/test_csp.py). The offline copy's pages carry the same policy (see
test_your_own_pattern.py, test_a_pattern_link_opens_offline_with_its_policy)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.support.csp import HEAD, VIOLATIONS
from tests.support.engines import EnginePage, wait_for
from tests.support.paths import page_addresses, representative
from tests.support.polling import PAGE_READY

pytestmark = pytest.mark.browser
BUILDS = ("mkdocs", "zensical")

NAVIGATE = """path => {
    const link = [...document.querySelectorAll('a.md-nav__link, a.md-footer__link')]
        .find(a => new URL(a.href).pathname === path);
    if (!link) return false;
    document.querySelector('.md-content article').dataset.left = '';
    link.click();
    return true;
}"""
ARRIVED = (
    """path => location.pathname === path && !!document.querySelector('.md-content article:not([data-left]) h1')"""
)
INJECT = """() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = "script ran"';
    document.head.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="no-such-image.png" onerror="window.injected = \\'handler ran\\'">';
    document.body.append(holder);
}"""


@pytest.fixture(scope="module")
def spied_sites(spied_site, spied_zensical_site) -> dict[str, tuple[Path, str]]:
    """Build -> (its spied copy, its address on a test server), from tests/conftest.py."""
    return {"mkdocs": spied_site, "zensical": spied_zensical_site}


def settle(engine: EnginePage) -> None:
    """Let what a page starts after load (search index, service worker, pacer) have its go."""
    wait_for(engine, PAGE_READY)
    time.sleep(0.4)


def crawled_paths(site: Path, base: str) -> list[str]:
    """The representative pages, in every engine (Chromium loads every page on its one crawl)."""
    return [base + path for path in representative(page_addresses(site))]


@pytest.mark.parametrize("build", BUILDS)
def test_every_page_loads_with_no_violation(engine, spied_sites, build):
    """Firefox and WebKit (Chromium checks the same on its one crawl of every page, in
    tests/test_browser_pages.py and, for the Zensical build, tests/test_zensical.py)."""
    site, url = spied_sites[build]
    base = "/" + url.split("/", 3)[3]
    seen: dict[str, object] = {}
    for path in [*crawled_paths(site, base), base + "no/such/page/"]:
        engine.goto(url.split(base)[0] + path)
        settle(engine)
        head = engine.run(HEAD)
        assert len(head["policies"]) == 1 and "script-src 'self' 'sha256-" in head["policies"][0], path
        assert "'unsafe-inline'" not in head["policies"][0].split("script-src", 1)[1].split(";", 1)[0], path
        assert head["referrer"] == ["no-referrer"], path
        assert head["themeScriptRan"], path
        violations = engine.run(VIOLATIONS)
        if violations != []:
            seen[path] = violations
    assert seen == {}, f"{engine.name}, {build} build: {seen}"
    # The missing page's own 404 status is the one error a page may report here.
    assert [error for error in engine.errors() if "404" not in error] == []


@pytest.mark.parametrize("build", BUILDS)
def test_instant_navigation_and_a_running_pacer_cause_no_violation(engine, spied_sites, build):
    site, url = spied_sites[build]
    base = "/" + url.split("/", 3)[3]
    engine.goto(url)
    settle(engine)
    engine.run("() => { window.samePage = true; }")
    for path in [*crawled_paths(site, base)[1:], base + "exercises/box/"]:
        assert engine.run(NAVIGATE, path), f"{engine.name}: no link to {path}"
        wait_for(engine, ARRIVED, path)
        settle(engine)
        assert engine.run("() => window.samePage === true"), f"{engine.name}: {path} was a full page load"
        assert engine.run(VIOLATIONS) == [], f"{engine.name}, {build} build, after navigating to {path}"
    engine.click('br-pacer[data-pacer="box"] .br-pacer__btn--main')
    time.sleep(2.5)
    assert engine.run("() => document.querySelector('br-pacer').dataset.state") == "running"
    assert engine.run(VIOLATIONS) == []
    assert len(engine.run(HEAD)["policies"]) == 1  # navigation neither dropped nor doubled it
    engine.click('br-pacer[data-pacer="box"] .br-pacer__btn[data-do=reset]')
    assert engine.errors() == []


@pytest.mark.parametrize("build", BUILDS)
def test_an_injected_inline_script_is_refused(engine, spied_sites, build):
    _, url = spied_sites[build]
    engine.goto(url + "exercises/box/")
    settle(engine)
    engine.run(INJECT)
    wait_for(engine, "() => (window.cspViolations || []).length >= 2")
    time.sleep(0.3)
    assert engine.run("() => window.injected === undefined")
    violations = engine.run(VIOLATIONS)
    directives = sorted(violation["directive"] for violation in violations)
    assert [d.split("-")[:2] for d in directives] == [["script", "src"]] * 2, violations
    engine.errors()  # the missing image's 404 is expected here
