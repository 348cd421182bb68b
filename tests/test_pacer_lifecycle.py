"""The pacer's life on a page: nothing starts on its own, leaving a page (instant navigation) stops
everything, pacers on one page are independent, a hidden tab pauses or keeps the tones on time,
cues run only when switched on, and settings are remembered per exercise."""

from __future__ import annotations

import itertools

import pytest

from tests.support.pacer import (
    attributes,
    choose_settings,
    enable_instant_navigation,
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
            contexts: pacerSpy.contexts.map(c => c.state),
            tones: pacerSpy.tones.length,
            vibrations: pacerSpy.vibrations,
            locks: pacerSpy.locks.map(l => l.released),
        })"""
    )


def test_nothing_starts_plays_or_buzzes_on_its_own(page, pacer_urls, site_url):
    errors = watch_errors(page, site_url)
    page.add_init_script("localStorage.setItem('breath-pacer:box', JSON.stringify({sound: true, vibrate: true}))")
    pacer = open_pacer(page, pacer_urls["box"], "box", spies=True)
    page.clock.run_for(120_000)
    assert attributes(pacer) == {"state": "idle", "phase": "", "cycle": "0"}
    assert spy(page) == {"contexts": [], "tones": 0, "vibrations": [], "locks": []}
    assert pacer.get_by_label("Sound").is_checked()  # remembered, yet silent until Start
    assert errors == []


def test_cues_run_only_while_running_and_stop_with_the_session(page, pacer_urls):
    pacer = open_pacer(page, pacer_urls["alternate-nostril"], "alternate-nostril", spies=True)
    pacer.get_by_role("button", name="Start").click()
    page.clock.run_for(9000)
    assert spy(page)["contexts"] == [] and spy(page)["vibrations"] == []  # cues are off by default
    assert spy(page)["locks"] == [False]  # the screen stays awake while running

    choose_settings(pacer)
    pacer.get_by_label("Sound").check()
    pacer.get_by_label("Vibration").check()
    page.clock.run_for(8000)
    tones = page.evaluate("pacerSpy.tones.map(t => t.pan)")
    assert len(tones) >= 2 and set(tones) <= {-1, 1}  # alternate nostril: panned left or right
    assert page.evaluate("pacerSpy.vibrations.length") >= 2
    pacer.get_by_role("button", name="Pause").click()
    state = spy(page)
    assert state["locks"] == [True] and state["vibrations"][-1] == 0
    pacer.get_by_role("button", name="Resume").click()
    assert spy(page)["locks"] == [True, False]


def test_tones_differ_for_in_hold_and_out(page, pacer_urls):
    pacer = open_pacer(page, pacer_urls["box"], "box", spies=True)
    choose_settings(pacer)
    pacer.get_by_label("Sound").check()
    pacer.get_by_role("button", name="Start").click()
    page.evaluate(
        """() => {
            pacerSpy.glides = [];
            const set = AudioParam.prototype.setValueAtTime;
            AudioParam.prototype.setValueAtTime = function (value, when) {
                if (this.maxValue > 20000) pacerSpy.glides.push(value);  // a frequency, not a gain
                return set.call(this, value, when);
            };
        }"""
    )
    page.clock.run_for(4000 + 16_000)
    glides = page.evaluate("pacerSpy.glides")
    assert len(glides) >= 4
    in_tone, hold_tone, out_tone = glides[0], glides[1], glides[2]
    assert len({in_tone, hold_tone, out_tone}) == 3
    assert page.evaluate("pacerSpy.contexts.map(c => c.state)") != []


def test_leaving_the_page_mid_session_stops_everything(page, pacer_urls, site_url):
    errors = watch_errors(page, site_url)
    enable_instant_navigation(page, site_url)
    pacer = open_pacer(page, pacer_urls["4-7-8"], "4-7-8", spies=True)
    choose_settings(pacer)
    pacer.get_by_label("Sound").check()
    pacer.get_by_label("Vibration").check()
    pacer.get_by_role("button", name="Start").click()
    page.clock.run_for(6000)
    page.evaluate("window.leftBehind = document.querySelector('breath-pacer')")

    page.locator("a[href$='/exercises/box/']:visible").first.click()  # Material swaps the page in place
    box = page.locator('breath-pacer[data-pacer="box"][data-ready]')
    box.wait_for()
    assert page.evaluate("window.leftBehind !== undefined"), "expected an instant (in-page) navigation"
    old = page.evaluate_handle("window.leftBehind")
    assert old.evaluate("el => el.isConnected") is False
    frozen = old.evaluate("el => [el.dataset.state, el.dataset.phase, el.innerHTML]")
    page.clock.run_for(30_000)
    assert old.evaluate("el => [el.dataset.state, el.dataset.phase, el.innerHTML]") == frozen
    assert frozen[:2] == ["idle", ""]
    state = spy(page)
    assert state["contexts"] == ["closed"]
    assert state["locks"] and all(state["locks"])
    assert state["vibrations"][-1] == 0
    tones_after_leaving = state["tones"]

    assert attributes(box) == {"state": "idle", "phase": "", "cycle": "0"}
    page.go_back()
    page.wait_for_url("**/exercises/4-7-8/")
    back = page.locator('breath-pacer[data-pacer="4-7-8"][data-ready]')
    back.wait_for()
    assert page.evaluate("window.leftBehind !== undefined")
    page.clock.run_for(10_000)
    assert attributes(back) == {"state": "idle", "phase": "", "cycle": "0"}
    assert spy(page)["tones"] == tones_after_leaving
    back.get_by_role("button", name="Start").click()
    page.clock.run_for(5000)
    assert attributes(back) == {"state": "running", "phase": "breathe-in", "cycle": "1"}
    assert errors == []


def test_two_pacers_on_one_page_keep_separate_state(page, pacer_urls, site_url):
    errors = watch_errors(page, site_url)
    first = open_pacer(page, pacer_urls["4-7-8"], "4-7-8")
    page.evaluate(
        """async url => {
            const html = await (await fetch(url)).text();
            const other = new DOMParser().parseFromString(html, 'text/html').querySelector('breath-pacer');
            document.querySelector('breath-pacer').after(document.adoptNode(other));
        }""",
        pacer_urls["box"],
    )
    second = page.locator('breath-pacer[data-pacer="box"][data-ready]')
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


def test_a_hidden_tab_keeps_the_tones_on_schedule(page, pacer_urls):
    pacer = open_pacer(page, pacer_urls["box"], "box", spies=True)
    choose_settings(pacer)
    pacer.get_by_label("Sound").check()
    pacer.get_by_role("button", name="Start").click()
    page.clock.run_for(5000)
    before = spy(page)["tones"]
    hide_tab(page, True)
    # Hidden tabs get few timer runs: the tones for the next minute go onto the audio clock now.
    whens = page.evaluate("pacerSpy.tones.map(t => t.when)")[before:]
    assert len(whens) >= 60 // 4 - 1
    gaps = [b - a for a, b in itertools.pairwise(whens)]
    assert all(abs(gap - 4.0) < 0.02 for gap in gaps), gaps
    page.evaluate("pacerSpy.locks.forEach(lock => lock.released = true)")  # browsers drop wake locks in hidden tabs
    page.clock.run_for(23_500)  # 28 s in: lead-in 4 s, then 24 s = 1.5 breaths
    assert attributes(pacer)["state"] == "running"
    hide_tab(page, False)
    # Shown again: the right phase at once, and the screen kept awake again.
    assert attributes(pacer) == {"state": "running", "phase": "breathe-out", "cycle": "2"}
    assert pacer.locator(".br-pacer__count").text_content() == "4"
    assert wait_until(page, "pacerSpy.locks.length == 2 && !pacerSpy.locks[1].released")


def test_settings_survive_a_reload_and_can_go_back_to_defaults(page, pacer_urls, context):
    exercise = EXERCISES["diaphragmatic"]
    pacer = open_pacer(page, pacer_urls["diaphragmatic"], "diaphragmatic")
    choose_settings(pacer, cycles=exercise.cycles.max + 5, pace="1.5")  # beyond the range: clamped
    pacer.get_by_label("Sound").check()
    assert pacer.get_by_label("Breaths").input_value() == str(exercise.cycles.max)
    page.reload()
    pacer.and_(page.locator("[data-ready]")).wait_for()
    assert pacer.get_by_label("Breaths").input_value() == str(exercise.cycles.max)
    assert pacer.get_by_label("Pace").input_value() == "1.5"
    assert pacer.get_by_label("Sound").is_checked()
    assert pacer.locator(".br-pacer__cycle").text_content() == f"{exercise.cycles.max} breaths"
    assert pacer.locator(".br-pacer__steps li").first.text_content() == "In 6"
    # Other exercises keep their own settings.
    page.goto(pacer_urls["gentle"])
    gentle = page.locator('breath-pacer[data-pacer="gentle"][data-ready]')
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
