"""The pacer's files and its place on the page: small enough, no layout shift when the script
upgrades the element or while it runs, readable without JavaScript and on paper."""

from __future__ import annotations

import gzip
import re

import pytest

from hooks.assets.compact import compact
from tests.support.contexts import QUIET
from tests.support.pacer import (
    PACER_ASSETS,
    PACER_IMPORTS,
    PACER_SCRIPTS,
    PACER_SIZE_BUDGET,
    exercises,
    open_pacer,
)

EXERCISES = exercises()


def shipped(built_site, path):
    return built_site / "assets" / path.parent.name / path.name


def test_pacer_js_and_css_fit_in_12_kb_gzipped(built_site):
    """The element and its modules, the header's keyboard fix and the style, as the site ships them."""
    sizes = {
        path.name: len(gzip.compress(shipped(built_site, path).read_bytes(), compresslevel=9)) for path in PACER_ASSETS
    }
    assert all(size > 50 for size in sizes.values()), sizes  # real files, not placeholders (pacer.js: 79 bytes)
    assert sum(sizes.values()) <= PACER_SIZE_BUDGET, sizes


def test_the_pacer_has_no_runtime_dependencies():
    """It imports only its own modules, shipped beside it; it fetches nothing and sets no cookie."""
    for path in PACER_SCRIPTS:
        script = path.read_text(encoding="utf-8")
        imports = re.findall(r"^import[^;]*?from '([^']+)';", script, re.MULTILINE)
        assert imports == PACER_IMPORTS.get(path.name, []), path.name
        assert "fetch(" not in script and "document.cookie" not in script, path.name


def test_every_script_is_type_checked():
    for path in PACER_SCRIPTS:
        assert path.read_text(encoding="utf-8").startswith("// @ts-check\n"), path.name


def test_the_built_site_ships_every_pacer_file_compacted(built_site):
    for path in PACER_ASSETS:
        assert shipped(built_site, path).read_text(encoding="utf-8") == compact(path.read_text(encoding="utf-8")), (
            path.name
        )


# Runs the pacer's module that the page's own load was kept from running: the same file under
# another address (a query), so the browser fetches it afresh.
RUN_THE_PACER_SCRIPT = """async () => {
    const script = document.querySelector('script[src*="pacer.js"]');
    await import(new URL(script.getAttribute('src') + '?now', location.href).href);
}"""

# Phones from 320 px wide, tall and short, and a desktop: the kept space changes at 400, 380 and
# 340 px wide and at 56em high (pacer.css). Nothing in the pacer's script depends on the size, so
# one page is measured at each size in turn.
SIZES = [(320, 900), (340, 900), (375, 900), (390, 900), (1280, 900), (320, 568), (360, 800), (390, 844)]
# A session's words and steps change while it runs. Without each step keeping its bold width, box's
# steps took a second row mid-breath at 360 px (the commonest Android width), and 4-7-8's cue a third line at 320.
RUNNING_SIZES = [(320, 900), (360, 900), (1280, 900)]


def resize(page, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})


def height_at(page, pacer, size):
    resize(page, size)
    return pacer.evaluate("el => el.getBoundingClientRect().height")


# The pacer's height, where its words and buttons sit in it (the cue must not jump while read, nor
# Pause from under a finger) and the top of what comes under it.
PLACE = """([pacer, below]) => {
    const top = part => pacer.querySelector(part).getBoundingClientRect().top - pacer.getBoundingClientRect().top;
    return [pacer.getBoundingClientRect().height, top('.br-pacer__cue'), top('.br-pacer__controls'), below.offsetTop];
}"""


@pytest.mark.browser
def test_the_space_is_reserved_before_the_script_runs(browser, pacer_urls):
    """The element has the same height before its script runs (the script held back at load) as
    after it has run and built the pacer, on the same page, at every size."""
    # No service worker: the offline copy's would serve the script from its cache past the route.
    # The search index empty, as in the pool (tests/support/server.py).
    context = browser.new_context(**QUIET)
    page = context.new_page()
    page.route("**/pacer.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    shifts = []
    for exercise_id, url in sorted(pacer_urls.items()):
        page.goto(url)
        pacer = page.locator(f'br-pacer[data-pacer="{exercise_id}"]')
        assert pacer.evaluate("el => !el.hasAttribute('data-ready')"), exercise_id  # held back
        before = {size: height_at(page, pacer, size) for size in SIZES}
        page.evaluate(RUN_THE_PACER_SCRIPT)
        pacer.and_(page.locator("[data-ready]")).wait_for()
        after = {size: height_at(page, pacer, size) for size in SIZES}
        shifts += [(exercise_id, size, before[size], after[size]) for size in SIZES if before[size] != after[size]]
    context.close()
    assert shifts == []


# Material's "Back to top" button, drawn (it may still be scrolled out of view) or not.
BACK_TO_TOP_DRAWN = "getComputedStyle(document.querySelector('.md-top')).display !== 'none'"


@pytest.mark.browser
def test_running_a_session_never_moves_the_page(page, pacer_urls):
    """Through every phase of a breath, at each of RUNNING_SIZES, the pacer keeps its height, its
    cue and buttons keep their place in it, and what is under it keeps its place (Reset between
    sizes, on the same page). While a session runs, the theme's "Back to top" button, which shows
    when the reader scrolls up, is not drawn: it sat over the breathing shape."""
    for exercise_id in ("4-7-8", "alternate-nostril", "box", "diaphragmatic"):
        pacer = open_pacer(page, pacer_urls[exercise_id], exercise_id)
        pacer_and_below = [pacer.element_handle(), page.locator(f"#exercise-{exercise_id} .br-steps").element_handle()]
        for size in RUNNING_SIZES:
            resize(page, size)
            idle = page.evaluate(PLACE, pacer_and_below)
            assert page.evaluate(BACK_TO_TOP_DRAWN), exercise_id
            pacer.get_by_role("button", name="Start").click()
            assert not page.evaluate(BACK_TO_TOP_DRAWN), exercise_id
            for _ in range(12):
                page.clock.run_for(2500)
                assert page.evaluate(PLACE, pacer_and_below) == idle, (
                    exercise_id,
                    size,
                    pacer.get_attribute("data-phase"),
                )
            pacer.get_by_role("button", name="Reset").click()


@pytest.mark.browser
def test_without_javascript_the_pattern_is_readable(browser, pacer_urls):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(pacer_urls["4-7-8"])
    pacer = page.locator('br-pacer[data-pacer="4-7-8"]')
    assert pacer.locator(".br-pacer__pattern").is_visible()
    assert "In 4 · Hold 7 · Out 8" in pacer.locator(".br-pacer__pattern").text_content()
    assert pacer.get_by_role("button").count() == 0
    box = pacer.bounding_box()
    assert box["height"] < 200  # no empty reserved space when no script will fill it
    context.close()


@pytest.mark.browser
def test_printing_shows_the_pattern_and_hides_the_controls(page, pacer_urls):
    pacer = open_pacer(page, pacer_urls["box"], "box")
    assert pacer.get_by_role("button", name="Start").is_visible()
    assert not pacer.locator(".br-pacer__pattern").is_visible()
    page.emulate_media(media="print")
    assert pacer.locator(".br-pacer__pattern").is_visible()
    assert pacer.get_by_role("button").evaluate_all("bs => bs.filter(b => b.checkVisibility()).length") == 0
    assert not pacer.locator(".br-pacer__ui").is_visible()
    assert page.locator("#exercise-box .br-steps li").first.is_visible()
