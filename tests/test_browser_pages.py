"""Every page in a real Chromium, light and dark: no console errors, no foreign requests, no
serious or critical axe-core violations (no allow-list; in the dark scheme, past the home page,
the rules that colour decides), the content security policy in place with no violation, and the
page fitting both phones (tests/support/fit.py), all in one crawl."""

from __future__ import annotations

import time

import pytest

from tests.support.csp import policy_problems
from tests.support.fit import phone_fit_problems
from tests.support.polling import PAGE_READY, TWO_FRAMES, wait_until
from tests.support.watch import COLOUR_RULES, axe_violations, contrast_ratio, watch

pytestmark = pytest.mark.browser
MISSING_PAGE = "no/such/page/"
DESKTOP = {"width": 1280, "height": 900}

# The reader's switch to the dark scheme, through Material's own palette toggle, with the theme's
# colour transitions held still: axe-core must read the colours the page settles on. Mid-way, the
# sidebar's links and the country tabs gave contrast violations that a page loaded dark does not
# have (their transitions start only when their style is next computed, so waiting for the running
# ones was not enough).
TO_DARK = """() => {
  const still = new CSSStyleSheet();
  still.replaceSync('*, *::before, *::after { transition: none !important }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, still];
  document.querySelector('label[title="Switch to dark mode"]').click();
}"""
# The colour scheme Material shows: "default" (light) or "slate" (dark).
COLOUR_SCHEME = "document.body.dataset.mdColorScheme"
# Material keeps the reader's choice for the next page load; the crawl's next page loads light again.
FORGET_THE_CHOICE = """() => {
  for (const key of Object.keys(localStorage)) if (key.endsWith('.__palette')) localStorage.removeItem(key);
}"""


@pytest.fixture
def crawl_context(browser):
    """A context of its own (not the warm pool's, tests/support/contexts.py), with service workers
    allowed and the real search index: the crawl watches every page for errors, the offline copy's
    worker and search included."""
    context = browser.new_context(color_scheme="light", viewport=DESKTOP)
    yield context
    context.close()


def dark_problems(page, path: str) -> list[str]:
    """The loaded page switched to the dark scheme as a reader would: every axe-core rule on the
    home page (the theme's frame, with the dark palette toggle showing), elsewhere the rules that
    colour decides, since nothing else differs between the schemes. Switching costs a fraction of
    loading every page again in a dark context (issue 26), and found the same violations, on the
    site and on a copy with dark-only contrast faults. A page loaded dark from the start (Material
    choosing the slate scheme from the reader's setting) is checked in tests/test_offline_browser.py
    (the whole-site crawl) and below (the footer's contrast)."""
    page.evaluate(TO_DARK)
    page.evaluate(TWO_FRAMES)
    scheme = page.evaluate(COLOUR_SCHEME)
    problems = [] if scheme == "slate" else [f"the palette toggle gave the colour scheme {scheme}, not slate"]
    problems += axe_violations(page, () if path == "" else COLOUR_RULES)
    page.evaluate(FORGET_THE_CHOICE)
    return problems


def test_every_page_is_clean_accessible_and_within_its_policy(crawl_context, spied_site, page_paths):
    """Chromium's one crawl of every page: no console error, no foreign request, no axe-core
    violation in the light scheme or, switched, in the dark one, the page fitting both phones, and
    the content security policy in place and never violated (tests/support/csp.py; the other engines
    crawl the representative pages, tests/test_csp_browser.py)."""
    _, site_url = spied_site
    failures = []
    page = crawl_context.new_page()
    watcher = watch(page, site_url)
    for path in [*page_paths, MISSING_PAGE]:
        watcher.errors.clear()
        watcher.foreign_requests.clear()
        page.goto(site_url + path, wait_until="load")
        # What a page fetches later (the search index) is the same everywhere; the address crawls wait for it.
        wait_until(page, PAGE_READY)
        scheme = page.evaluate(COLOUR_SCHEME)
        problems = [] if scheme == "default" else [f"colour scheme {scheme}, expected default"]
        if path == MISSING_PAGE:
            time.sleep(0.4)  # no axe run here: let what the page starts after load have its go
        else:
            problems += axe_violations(page)
            problems += phone_fit_problems(page)
            page.set_viewport_size(DESKTOP)
            problems += [f"dark: {problem}" for problem in dark_problems(page, path)]
        # The missing page's own 404 status is the one error a page may report here.
        errors = [error for error in watcher.errors if path != MISSING_PAGE or "404" not in error]
        failures += [
            f"{path or 'home'}: {problem}"
            for problem in problems + errors + watcher.foreign_requests + policy_problems(page.evaluate)
        ]
    page.close()
    assert not failures, "\n".join(failures)


def test_missing_page_gets_the_404_under_the_sub_path(open_page, site_url):
    page = open_page()
    watcher = watch(page, site_url)
    response = page.goto(site_url + "no/such/page/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Page not found").is_visible()
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_url(site_url)
    # The only console line is Chromium's own note about the 404 status of the missing page.
    assert watcher.errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    assert watcher.foreign_requests == []


def test_safety_notice_is_above_the_fold_on_a_phone(open_page, site_url):
    page = open_page(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page.goto(site_url + "exercises/box/")
    link = page.get_by_role("link", name="In crisis or unsafe? Get help now")
    box = link.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 640
    link.click()
    page.wait_for_url(site_url + "safety/#crisis-help")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_footer_copyright_text_meets_contrast(open_page, site_url, scheme):
    # Stock Material greys the copyright to 45% white: 4.51:1 here, a hair over AA's 4.5:1 for
    # text only about 10 px high, and axe-core calls it "incomplete" rather than checking it.
    # Small print on a phone deserves better, so it is held to 7:1 (AAA).
    page = open_page(color_scheme=scheme)
    page.goto(site_url)
    assert contrast_ratio(page, ".md-copyright") >= 7
    assert contrast_ratio(page, ".br-review p") >= 7
