"""The pacer's life on a page: nothing starts on its own, leaving a page (instant navigation) stops
everything, pacers on one page are independent, a hidden tab pauses or keeps the sound track playing,
cues run only when switched on, and settings are remembered per exercise."""

from __future__ import annotations

import pytest

from tests.support.instant import enable_instant_navigation
from tests.support.pacer import (
    attributes,
    choose_settings,
    exercises,
    hide_tab,
    open_pacer,
    watch_errors,
)
from tests.support.polling import wait_until

pytestmark = pytest.mark.browser
EXERCISES = exercises()


def spy(page) -> dict:
    return page.evaluate(
        """() => ({
            tracks: pacerSpy.tracks.length,
            playing: [...document.querySelectorAll('audio')].filter(a => !a.paused).length,
            spoken: pacerSpy.spoken,
            vibrations: pacerSpy.vibrations,
            locks: pacerSpy.locks.map(l => l.released),
        })"""
    )


def test_nothing_starts_plays_or_buzzes_on_its_own(page, pacer_urls, site_url):
    errors = watch_errors(page, site_url)
    page.add_init_script(
        "localStorage.setItem('breath-pacer:box', JSON.stringify({sound: true, speech: true, vibrate: true}))"
    )
    pacer = open_pacer(page, pacer_urls["box"], "box", spies=True)
    page.clock.run_for(120_000)
    assert attributes(pacer) == {"state": "idle", "phase": "", "cycle": "0"}
    assert spy(page) == {"tracks": 0, "playing": 0, "spoken": [], "vibrations": [], "locks": []}
    assert page.evaluate("pacerSpy.plays") == 0
    assert pacer.get_by_label("Sound").is_checked()  # remembered, yet silent until Start
    assert errors == []


def test_cues_run_only_while_running_and_stop_with_the_session(page, pacer_urls):
    pacer = open_pacer(page, pacer_urls["alternate-nostril"], "alternate-nostril", spies=True)
    pacer.get_by_role("button", name="Start").click()
    page.clock.run_for(9000)  # in on the right, 8 to 12 s
    state = spy(page)
    assert (state["tracks"], state["spoken"], state["vibrations"]) == (0, [], [])  # cues are off by default
    assert state["locks"] == [False]  # the screen stays awake while running

    choose_settings(pacer)
    pacer.get_by_label("Spoken cues").check()
    pacer.get_by_label("Vibration").check()
    page.clock.run_for(8000)  # out on the left at 12 s, breath 2 in on the left at 16 s
    # One pulse for in, two for out; the words, and the breath's number as each breath begins.
    assert spy(page)["vibrations"] == [[100, 120, 100], [250]]
    assert spy(page)["spoken"] == ["Out", "Breath 2. In"]

    pacer.get_by_label("Sound").check()  # a tap: the track is made and plays from where the session is
    assert wait_until(page, "pacerSpy.tracks.length == 1 && !document.querySelector('br-pacer audio').paused")
    at = pacer.locator("audio").evaluate("a => a.currentTime")
    assert 17 <= at < 19, at
    pacer.get_by_role("button", name="Pause").click()
    state = spy(page)
    assert state["locks"] == [True] and state["vibrations"][-1] == 0 and state["playing"] == 0
    pacer.get_by_role("button", name="Resume").click()
    assert spy(page)["locks"] == [True, False]
    assert wait_until(page, "!document.querySelector('br-pacer audio').paused")
    assert page.evaluate("pacerSpy.tracks.length") == 1  # the same track goes on
    pacer.get_by_role("button", name="Reset").click()
    assert spy(page)["playing"] == 0 and pacer.locator("audio").count() == 0
    assert page.evaluate("pacerSpy.revoked") == 1  # its memory is let go


def test_leaving_the_page_mid_session_stops_everything(page, pacer_urls, site_url):
    errors = watch_errors(page, site_url)
    sitemap = enable_instant_navigation(page, site_url)
    pacer = open_pacer(page, pacer_urls["4-7-8"], "4-7-8", spies=True)
    choose_settings(pacer)
    pacer.get_by_label("Sound").check()
    pacer.get_by_label("Vibration").check()
    pacer.get_by_role("button", name="Start").click()
    # Material takes over links once it has read the sitemap, which comes in real time: on a loaded
    # machine a click without this wait was a full page load. Its parse runs in the 6 s below.
    sitemap.wait(page)
    page.clock.run_for(6000)
    page.evaluate("window.leftBehind = document.querySelector('br-pacer')")

    page.locator("a[href$='/exercises/box/']:visible").first.click()  # Material swaps the page in place
    box = page.locator('br-pacer[data-pacer="box"][data-ready]')
    box.wait_for()
    assert page.evaluate("window.leftBehind !== undefined"), "expected an instant (in-page) navigation"
    old = page.evaluate_handle("window.leftBehind")
    assert old.evaluate("el => el.isConnected") is False
    frozen = old.evaluate("el => [el.dataset.state, el.dataset.phase, el.innerHTML]")
    page.clock.run_for(30_000)
    assert old.evaluate("el => [el.dataset.state, el.dataset.phase, el.innerHTML]") == frozen
    assert frozen[:2] == ["idle", ""]
    state = spy(page)
    assert state["tracks"] == 1 and state["playing"] == 0 and page.evaluate("pacerSpy.revoked") == 1
    assert state["locks"] and all(state["locks"])
    assert state["vibrations"][-1] == 0

    assert attributes(box) == {"state": "idle", "phase": "", "cycle": "0"}
    page.go_back()
    page.wait_for_url("**/exercises/4-7-8/")
    back = page.locator('br-pacer[data-pacer="4-7-8"][data-ready]')
    back.wait_for()
    assert page.evaluate("window.leftBehind !== undefined")
    page.clock.run_for(10_000)
    assert attributes(back) == {"state": "idle", "phase": "", "cycle": "0"}
    assert spy(page)["tracks"] == 1 and spy(page)["playing"] == 0
    back.get_by_role("button", name="Start").click()  # sound is remembered: a new track, from the start
    assert wait_until(page, "pacerSpy.tracks.length == 2 && !document.querySelector('br-pacer audio').paused")
    assert attributes(back) == {"state": "running", "phase": "lead-in", "cycle": "1"}
    assert errors == []


def test_two_pacers_on_one_page_keep_separate_state(page, pacer_urls, site_url):
    errors = watch_errors(page, site_url)
    first = open_pacer(page, pacer_urls["4-7-8"], "4-7-8")
    page.evaluate(
        """async url => {
            const html = await (await fetch(url)).text();
            const other = new DOMParser().parseFromString(html, 'text/html').querySelector('br-pacer');
            document.querySelector('br-pacer').after(document.adoptNode(other));
        }""",
        pacer_urls["box"],
    )
    second = page.locator('br-pacer[data-pacer="box"][data-ready]')
    second.wait_for()
    first.get_by_role("button", name="Start").click()
    page.clock.run_for(5000)
    second.get_by_role("button", name="Start").click()
    page.clock.run_for(4500)
    assert attributes(first) == {"state": "running", "phase": "hold-full", "cycle": "1"}
    assert attributes(second) == {"state": "running", "phase": "breathe-in", "cycle": "1"}
    first.get_by_role("button", name="Pause").click()
    page.clock.run_for(4000)
    assert attributes(first) == {"state": "paused", "phase": "hold-full", "cycle": "1"}
    assert attributes(second) == {"state": "running", "phase": "hold-full", "cycle": "1"}
    second.get_by_role("button", name="Reset").click()
    assert attributes(first)["state"] == "paused" and attributes(second)["state"] == "idle"
    assert errors == []


def test_a_hidden_tab_pauses_a_silent_session(page, pacer_urls):
    pacer = open_pacer(page, pacer_urls["box"], "box", spies=True)
    pacer.get_by_role("button", name="Start").click()
    page.clock.run_for(5000)
    hide_tab(page, True)
    page.clock.run_for(60_000)
    hide_tab(page, False)
    assert attributes(pacer) == {"state": "paused", "phase": "breathe-in", "cycle": "1"}
    assert pacer.locator(".br-pacer__count").text_content() == "3"


def test_a_hidden_tab_keeps_the_track_playing_and_the_display_catches_up(page, pacer_urls):
    pacer = open_pacer(page, pacer_urls["box"], "box", spies=True)
    choose_settings(pacer)
    pacer.get_by_label("Sound").check()
    pacer.get_by_role("button", name="Start").click()
    audio = pacer.locator("audio")
    assert wait_until(page, "document.querySelector('br-pacer audio').currentTime > 0")
    hide_tab(page, True)
    page.clock.run_for(60_000)
    assert attributes(pacer)["state"] == "running"
    assert audio.evaluate("a => a.paused") is False  # the sound goes on
    page.evaluate("pacerSpy.locks.forEach(lock => lock.released = true)")  # browsers drop wake locks in hidden tabs
    audio.evaluate(
        "a => new Promise(done => { a.addEventListener('seeked', done, {once: true}); a.currentTime = 28; })"
    )
    hide_tab(page, False)
    # Shown again: the phase the track is in (28 s: lead-in 4 s, then 1.5 breaths of 16 s), the screen kept awake.
    assert attributes(pacer) == {"state": "running", "phase": "breathe-out", "cycle": "2"}
    assert pacer.locator(".br-pacer__count").text_content() == "4"
    assert wait_until(page, "pacerSpy.locks.length == 2 && !pacerSpy.locks[1].released")


def test_settings_survive_a_reload_and_can_go_back_to_defaults(page, pacer_urls, context):
    exercise = EXERCISES["diaphragmatic"]
    pacer = open_pacer(page, pacer_urls["diaphragmatic"], "diaphragmatic")
    choose_settings(pacer, cycles=exercise.cycles.max + 5, pace="1.5")  # beyond the range: clamped
    pacer.get_by_label("Sound").check()
    pacer.get_by_label("Spoken cues").check()
    assert pacer.get_by_label("Breaths").input_value() == str(exercise.cycles.max)
    page.reload()
    pacer.and_(page.locator("[data-ready]")).wait_for()
    assert pacer.get_by_label("Breaths").input_value() == str(exercise.cycles.max)
    assert pacer.get_by_label("Pace").input_value() == "1.5"
    assert pacer.get_by_label("Sound").is_checked()
    assert pacer.get_by_label("Spoken cues").is_checked()
    assert pacer.locator(".br-pacer__cycle").text_content() == f"{exercise.cycles.max} breaths"
    assert pacer.locator(".br-pacer__steps li").first.text_content() == "In 6"
    # Other exercises keep their own settings.
    page.goto(pacer_urls["gentle"])
    gentle = page.locator('br-pacer[data-pacer="gentle"][data-ready]')
    assert gentle.get_by_label("Breaths").input_value() == str(EXERCISES["gentle"].cycles.default)
    assert context.cookies() == []

    page.goto(pacer_urls["diaphragmatic"])
    choose_settings(pacer)
    pacer.get_by_role("button", name="Use defaults").click()
    page.reload()
    pacer.and_(page.locator("[data-ready]")).wait_for()
    assert pacer.get_by_label("Breaths").input_value() == str(exercise.cycles.default)
    assert pacer.get_by_label("Pace").input_value() == "1"
    assert not pacer.get_by_label("Sound").is_checked()
    assert not pacer.get_by_label("Spoken cues").is_checked()


def test_broken_storage_does_not_break_the_pacer(page, pacer_urls, site_url):
    errors = watch_errors(page, site_url)
    page.add_init_script(
        """for (const name of ['getItem', 'setItem', 'removeItem']) {
            const real = Storage.prototype[name];
            Storage.prototype[name] = function (key, ...rest) {
                if (key.startsWith('breath-pacer:')) throw new DOMException('denied', 'SecurityError');
                return real.call(this, key, ...rest);
            };
        }"""
    )
    pacer = open_pacer(page, pacer_urls["box"], "box")
    choose_settings(pacer, cycles=3)
    pacer.get_by_role("button", name="Start").click()
    page.clock.run_for(5000)
    assert attributes(pacer) == {"state": "running", "phase": "breathe-in", "cycle": "1"}
    assert errors == []
