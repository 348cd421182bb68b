"""Calm in one tap: the manifest's shortcuts open pages that exist, and the gentle page opened from
its shortcut has the focus on its pacer's Start, with nothing started."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.paths import SUB_PATH


def test_the_manifest_offers_gentle_breathing_and_your_practice(built_site: Path):
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    shortcuts = {shortcut["name"]: shortcut["url"] for shortcut in manifest["shortcuts"]}
    assert shortcuts == {
        "Gentle breathing": SUB_PATH + "exercises/gentle/?focus=start",
        "Your practice": SUB_PATH + "practice/",
    }
    for url in shortcuts.values():
        page = url.removeprefix(SUB_PATH).split("?", 1)[0]
        assert (built_site / page / "index.html").is_file(), url
    for shortcut in manifest["shortcuts"]:
        assert all((built_site / icon["src"].removeprefix(SUB_PATH)).is_file() for icon in shortcut["icons"])


@pytest.mark.browser
def test_the_gentle_shortcut_puts_the_focus_on_start_and_starts_nothing(page, site_url):
    # pytest-playwright's fresh page, not a pooled one: page.clock is installed on the whole context for good.
    manifest = json.loads(page.request.get(site_url + "manifest.webmanifest").text())
    gentle = next(shortcut for shortcut in manifest["shortcuts"] if shortcut["name"] == "Gentle breathing")
    page.clock.install(time=0)
    page.goto(site_url.removesuffix(SUB_PATH) + gentle["url"])
    pacer = page.locator('br-pacer[data-pacer="gentle"]')
    pacer.and_(page.locator("[data-ready]")).wait_for()
    focused = page.evaluate(
        "() => ({text: document.activeElement.textContent, pacer: document.activeElement.closest('br-pacer')?.dataset.pacer})"
    )
    assert focused == {"text": "Start", "pacer": "gentle"}
    page.clock.run_for(60_000)
    assert pacer.get_attribute("data-state") == "idle"
    page.keyboard.press("Enter")  # one more tap starts it
    assert pacer.get_attribute("data-state") == "running"


@pytest.mark.browser
def test_without_the_shortcut_nothing_takes_the_focus(open_page, site_url):
    page = open_page()
    page.goto(site_url + "exercises/gentle/")
    page.locator('br-pacer[data-pacer="gentle"][data-ready]').wait_for()
    assert page.evaluate("document.activeElement === document.body")
