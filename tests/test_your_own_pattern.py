"""Your own pattern in Chromium: the form makes a link, the link makes the same pattern (also offline,
from the service worker's copy), the hold caution follows the pattern, and hostile or out-of-range
links get a plain message, a safe pattern and a working pacer, with nothing from the address
inserted as markup."""

from __future__ import annotations

import json

import pytest

from tests.support.offline import visit_then_go_offline
from tests.support.pacer import choose_settings

pytestmark = pytest.mark.browser
PAGE = "exercises/your-own/"
LINK = "?in=4&hold=7&out=8&rest=0&breaths=4"
SPY = """window.cspViolations = [];
document.addEventListener('securitypolicyviolation', e => cspViolations.push(e.violatedDirective));"""


def open_pattern(page, url: str) -> None:
    page.clock.install(time=0)
    page.goto(url)
    page.clock.pause_at(1000)
    page.locator('br-pacer[data-pacer="your-own"][data-ready]').wait_for()


def played(page) -> dict:
    """What the pacer on the page was given: its phases (action, seconds) and its settings."""
    exercise = json.loads(page.locator('br-pacer[data-pacer="your-own"]').get_attribute("data-exercise"))
    return {"phases": [(p["action"], p["seconds"]) for p in exercise["phases"]], "settings": exercise["settings"]}


def form_values(page) -> dict:
    return page.evaluate(
        """() => Object.fromEntries(new FormData(document.querySelector('br-pattern-maker form')).entries())"""
    )


def test_the_form_makes_a_link_and_the_link_makes_the_same_pattern(page, site_url):
    open_pattern(page, site_url + PAGE)
    assert page.locator(".br-your-own__problems").inner_text() == ""
    for name, value in {"in": "4", "hold": "7", "out": "8", "rest": "0", "breaths": "4"}.items():
        page.locator(f'br-pattern-maker [name="{name}"]').fill(value)
    page.get_by_role("button", name="Use this pattern").click()
    assert page.url == site_url + PAGE + LINK
    assert page.locator(".br-your-own__link").input_value() == site_url + PAGE + LINK
    expected = {
        "phases": [("breathe-in", 4), ("hold-full", 7), ("breathe-out", 8)],
        "settings": {"cycles": 4, "pace": 1},
    }
    assert played(page) == expected
    assert page.locator(".br-your-own__holds").is_visible()  # a hold: the hold caution
    assert page.locator(".br-your-own .br-light-headed").is_visible()

    other = page.context.new_page()
    open_pattern(other, site_url + PAGE + LINK)
    assert played(other) == expected
    assert form_values(other) == {"in": "4", "hold": "7", "out": "8", "rest": "0", "breaths": "4", "pace": "1"}
    assert other.locator(".br-your-own__problems").inner_text() == ""
    pacer = other.locator('br-pacer[data-pacer="your-own"]')
    pacer.get_by_role("button", name="Start").click()
    other.clock.run_for(5000)
    assert pacer.get_attribute("data-phase") == "hold-full"
    other.clock.run_for(4 * 19_000)
    assert (pacer.get_attribute("data-state"), pacer.get_attribute("data-cycle")) == ("done", "4")


def test_copy_link_copies_the_address_of_the_pattern(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_pattern(page, site_url + PAGE + "?in=5&out=5&breaths=6&pace=1.25")
    page.get_by_role("button", name="Copy link").click()
    assert page.locator(".br-your-own__copied").inner_text() == "Link copied."
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == site_url + PAGE + "?in=5&hold=0&out=5&rest=0&breaths=6&pace=1.25"


def test_breaths_and_pace_changed_in_the_pacer_go_into_the_form_and_the_link(page, site_url):
    open_pattern(page, site_url + PAGE + LINK)
    pacer = page.locator('br-pacer[data-pacer="your-own"]')
    pacer.evaluate("element => { element.seenBefore = true; }")
    choose_settings(pacer, cycles=6, pace="1.25")
    wanted = "?in=4&hold=7&out=8&rest=0&breaths=6&pace=1.25"
    assert page.url == site_url + PAGE + wanted
    assert page.locator(".br-your-own__link").input_value() == site_url + PAGE + wanted
    assert (form_values(page)["breaths"], form_values(page)["pace"]) == ("6", "1.25")
    assert pacer.evaluate("element => element.seenBefore") is True  # the same pacer, not a new one


def test_the_hold_caution_shows_only_for_a_pattern_with_a_hold(page, site_url):
    open_pattern(page, site_url + PAGE + "?in=5&out=5")
    assert not page.locator(".br-your-own__holds").is_visible()
    assert page.locator(".br-your-own .br-light-headed").is_visible()  # every pattern
    open_pattern(page, site_url + PAGE + "?in=5&out=5&rest=2")
    assert page.locator(".br-your-own__holds").is_visible()


HOSTILE = [
    (
        "?in=abc&hold=-3&out=999&rest=0.5&breaths=1e9&pace=7",
        [("breathe-in", 4), ("breathe-out", 20), ("hold-empty", 1)],
        ['"in" was "abc"', '"hold" was "-3"', '"out" was "999"', '"rest" was "0.5"', '"breaths" was "1e9"', '"pace"'],
    ),
    (
        "?in=%3Cscript%3Ewindow.ran%3D1%3C%2Fscript%3E&out=%3Cimg%20src%3Dx%20onerror%3Dwindow.ran%3D2%3E"
        "&hold=%22%3E%3Csvg%20onload%3Dwindow.ran%3D3%3E",
        [("breathe-in", 4), ("breathe-out", 6)],
        ['"in" was "<script>window.ran=1', '"out" was "<img src=x onerror=windo', '"hold" was'],
    ),
    (
        "?in=4&in=9&hodl=7&breaths=" + "9" * 400,
        [("breathe-in", 4), ("breathe-out", 6)],
        ['"in" was given more than once', '"hodl" is not part', '"breaths" was "999999'],
    ),
]


@pytest.mark.parametrize(("query", "phases", "said"), HOSTILE, ids=["out-of-range", "markup", "repeated-unknown-huge"])
def test_a_bad_link_gets_a_message_a_safe_pattern_and_a_working_pacer(page, site_url, query, phases, said):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(SPY)
    open_pattern(page, site_url + PAGE + query)
    assert played(page)["phases"] == phases
    problems = page.locator(".br-your-own__problems")
    text = problems.inner_text()
    assert text.startswith("This link had values the pacer cannot use as written")
    for words in said:
        assert words in text
    assert all("used" in item or "ignored" in item for item in problems.locator("li").all_inner_texts())
    assert problems.locator("script, img, svg").count() == 0  # shown as text, never as markup
    assert page.evaluate("window.ran") is None
    assert "in=4&" in page.url  # the address now carries the pattern that plays
    pacer = page.locator('br-pacer[data-pacer="your-own"]')
    pacer.get_by_role("button", name="Start").click()
    page.clock.run_for(4500)
    assert pacer.get_attribute("data-state") == "running"
    assert pacer.get_attribute("data-phase") != ""
    assert dialogs == []
    assert page.evaluate("cspViolations") == []


def test_a_pattern_link_opens_offline_with_its_policy(browser, offline_site):
    context = browser.new_context()
    context.add_init_script(SPY)
    page = context.new_page()
    try:
        visit_then_go_offline(page, offline_site)
        open_pattern(page, offline_site.url + PAGE + LINK)
        assert offline_site.take_requests_except_update_checks() == []
        assert played(page) == {
            "phases": [("breathe-in", 4), ("hold-full", 7), ("breathe-out", 8)],
            "settings": {"cycles": 4, "pace": 1},
        }
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert policy is not None and "script-src 'self' 'sha256-" in policy
        pacer = page.locator('br-pacer[data-pacer="your-own"]')
        pacer.get_by_role("button", name="Start").click()
        page.clock.run_for(5000)
        assert pacer.get_attribute("data-phase") == "hold-full"
        assert page.evaluate("cspViolations") == []
    finally:
        offline_site.down = False
        context.close()
