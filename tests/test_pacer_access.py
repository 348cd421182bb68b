"""The pacer for everyone: keyboard alone, screen readers (named controls, one announcement per
phase), reduced motion (nothing grows or shrinks), and axe-core with a session running."""

from __future__ import annotations

import itertools

import pytest

from tests.support.contexts import QUIET
from tests.support.pacer import (
    attributes,
    choose_settings,
    exercises,
    hide_tab,
    open_pacer,
    watch_errors,
)
from tests.support.polling import wait_until
from tests.support.watch import axe_violations

pytestmark = pytest.mark.browser
EXERCISES = exercises()


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), name: el.name || '', text: el.textContent.trim(),
                    inPacer: !!el.closest('br-pacer'), outline: getComputedStyle(el).outlineStyle};
        }"""
    )


def tab_to(page, text: str, limit: int = 200) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page)["text"] == text and focused(page)["inPacer"]:
            return
    raise AssertionError(f"Tab never reached {text!r}")


def test_the_whole_pacer_works_from_the_keyboard(page, pacer_urls, site_url):
    errors = watch_errors(page, site_url)
    pacer = open_pacer(page, pacer_urls["box"], "box")
    tab_to(page, "Start")
    assert focused(page)["outline"] != "none"  # the focus can be seen
    page.keyboard.press("Enter")
    page.clock.run_for(5000)
    assert attributes(pacer) == {"state": "running", "phase": "breathe-in", "cycle": "1"}
    page.keyboard.press("Space")
    assert attributes(pacer)["state"] == "paused"
    assert focused(page)["text"] == "Resume"
    page.keyboard.press("Enter")
    assert attributes(pacer)["state"] == "running"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Reset"
    page.keyboard.press("Enter")
    assert attributes(pacer) == {"state": "idle", "phase": "", "cycle": "0"}

    page.keyboard.press("Tab")
    assert focused(page)["tag"] == "summary"
    page.keyboard.press("Enter")
    assert pacer.locator("details").evaluate("d => d.open")
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "cycles"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "pace"
    page.keyboard.press("ArrowDown")  # one step slower
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "sound"
    page.keyboard.press("Space")
    assert pacer.get_by_label("Sound").is_checked()
    assert pacer.get_by_label("Breaths").input_value() == str(EXERCISES["box"].cycles.default - 1)
    assert pacer.get_by_label("Pace").input_value() == "1.25"
    assert pacer.locator(".br-pacer__cycle").text_content() == f"{EXERCISES['box'].cycles.default - 1} breaths"

    page.keyboard.press("Tab")
    assert focused(page)["name"] == "speech"
    page.keyboard.press("Space")
    assert pacer.get_by_label("Spoken cues").is_checked()
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "vibrate"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Use defaults"
    page.keyboard.press("Enter")
    assert pacer.get_by_label("Breaths").input_value() == str(EXERCISES["box"].cycles.default)
    assert pacer.get_by_label("Pace").input_value() == "1"
    assert not pacer.get_by_label("Sound").is_checked()
    assert errors == []


def test_controls_are_native_buttons_with_names(page, pacer_urls):
    pacer = open_pacer(page, pacer_urls["4-7-8"], "4-7-8")
    names = pacer.get_by_role("button").evaluate_all("bs => bs.map(b => [b.tagName, b.type, b.textContent])")
    assert ["BUTTON", "button", "Start"] in names and ["BUTTON", "button", "Reset"] in names
    pacer.get_by_role("button", name="Start", exact=True).click()
    assert pacer.get_by_role("button", name="Pause", exact=True).is_visible()
    assert pacer.get_by_role("button", name="Reset", exact=True).is_visible()  # a way to stop is always there
    pacer.get_by_role("button", name="Pause", exact=True).click()
    assert pacer.get_by_role("button", name="Resume", exact=True).is_visible()
    assert page.get_by_role("group", name="4-7-8 breathing pacer").count() == 1


def test_the_live_region_speaks_once_per_phase(page, pacer_urls):
    exercise = EXERCISES["4-7-8"]
    pacer = open_pacer(page, pacer_urls["4-7-8"], "4-7-8")
    live = pacer.locator("[aria-live=polite]")
    assert live.count() == 1 and live.text_content() == ""
    live.evaluate(
        """el => {
            el.spoken = [];
            new MutationObserver(() => el.spoken.push(el.textContent))
                .observe(el, {childList: true, characterData: true, subtree: true});
        }"""
    )
    pacer.get_by_role("button", name="Start").click()
    page.clock.run_for(4000 + 2 * 19_000 + 500)  # lead-in, two breaths, into the third
    spoken = live.evaluate("el => el.spoken")
    cues = [exercise.lead_in.cue] + [phase.cue for phase in exercise.phases] * 3
    assert len(spoken) == 1 + 2 * 3 + 1
    for words, cue in zip(spoken, cues, strict=False):  # the last announcement is the end
        assert cue in words
    assert spoken[1].startswith("Breath 1 of 4.") and spoken[4].startswith("Breath 2 of 4.")
    assert all(before != after for before, after in itertools.pairwise(spoken))
    # The countdown ticks every second; the live region does not.
    assert pacer.locator(".br-pacer__stage").get_attribute("aria-hidden") == "true"


def orb_motion(pacer) -> dict | None:
    """The orb's one animation, if any: how far in it is and its first and last frames."""
    return pacer.locator(".br-pacer__orb").evaluate(
        """orb => {
            const [motion] = orb.getAnimations();
            if (!motion) return null;
            const frames = motion.effect.getKeyframes();
            return {time: motion.currentTime, state: motion.playState, duration: motion.effect.getTiming().duration,
                    from: frames[0].transform, to: frames.at(-1).transform};
        }"""
    )


def test_with_reduced_motion_nothing_grows_or_shrinks(page, pacer_urls):
    page.emulate_media(reduced_motion="reduce")
    pacer = open_pacer(page, pacer_urls["box"], "box")
    orb = pacer.locator(".br-pacer__orb")
    before = orb.evaluate("o => getComputedStyle(o).transform")
    pacer.get_by_role("button", name="Start").click()
    for _ in range(40):
        page.clock.run_for(500)
        assert orb_motion(pacer) is None  # no animation at all, not even a still one
        assert orb.evaluate("o => getComputedStyle(o).transform") == before
    assert attributes(pacer)["state"] == "running"
    # The words, the countdown and the step list still carry the rhythm.
    assert pacer.locator(".br-pacer__count").text_content() != ""
    assert pacer.locator("[aria-current]").count() == 1


def test_the_shape_breathes_on_an_animation_set_from_the_clock(page, pacer_urls):
    """One animation per moving phase, started at the offset the clock gives: after a pause of
    any length it carries on from the same point; holds stand still at full or empty."""
    page.emulate_media(reduced_motion="no-preference")
    pacer = open_pacer(page, pacer_urls["box"], "box")  # lead-in: breathe out 4 s; then in, hold, out, hold
    pacer.get_by_role("button", name="Start").click()
    lead_in = orb_motion(pacer)
    assert lead_in["duration"] == 4000 and lead_in["from"] == "scale(1)" and lead_in["to"] == "scale(0.55)"
    page.clock.run_for(4000 + 1500)
    breathing_in = orb_motion(pacer)
    assert breathing_in["from"] == "scale(0.55)" and breathing_in["to"] == "scale(1)"
    assert breathing_in["state"] == "running" and breathing_in["duration"] == 4000
    pacer.get_by_role("button", name="Pause").click()  # the clock, not the animation, says where it is
    paused = orb_motion(pacer)
    assert paused["state"] == "paused" and paused["time"] == 1500
    page.clock.run_for(60_000)
    pacer.get_by_role("button", name="Resume").click()
    resumed = orb_motion(pacer)
    # The page's clock is frozen but the animation runs on real time: allow the moments since the click.
    assert resumed["state"] == "running" and 1500 <= resumed["time"] < 1500 + 250
    page.clock.run_for(2500)  # into the hold with full lungs
    assert attributes(pacer)["phase"] == "hold-full"
    assert orb_motion(pacer) is None
    assert pacer.locator(".br-pacer__orb").evaluate("o => getComputedStyle(o).transform") == "matrix(1, 0, 0, 1, 0, 0)"


def test_each_phase_is_announced_as_an_event(page, pacer_urls):
    pacer = open_pacer(page, pacer_urls["alternate-nostril"], "alternate-nostril")
    page.evaluate(
        """() => {
            window.heard = [];
            document.addEventListener('br-pacer:phase', e => heard.push({...e.detail, from: e.target.dataset.pacer}));
        }"""
    )
    exercise = EXERCISES["alternate-nostril"]
    pacer.get_by_role("button", name="Start").click()
    session = sum(phase.seconds for phase in exercise.phases) * 1000
    lead = exercise.lead_in.seconds * 1000 if exercise.lead_in else 0
    page.clock.run_for(int(lead + session) + 10)
    heard = page.evaluate("heard")
    expected = (
        ([("lead-in", exercise.lead_in.side)] if exercise.lead_in else [])
        + [(phase.action, phase.side) for phase in exercise.phases]
        + [(exercise.phases[0].action, exercise.phases[0].side)]
    )
    assert [(event["phase"], event["side"]) for event in heard] == expected
    assert {event["from"] for event in heard} == {"alternate-nostril"}  # it bubbled up from the element
    assert heard[-1]["cycle"] == 2 and heard[-1]["step"] == 0
    assert [event["seconds"] for event in heard[-len(exercise.phases) - 1 : -1]] == [p.seconds for p in exercise.phases]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_with_a_pacer_running(browser, pacer_urls, scheme):
    # A context of its own (page.clock is installed on the whole context for good), workers blocked,
    # search index empty (tests/support/server.py).
    context = browser.new_context(
        color_scheme=scheme,
        viewport={"width": 1280, "height": 900},
        **QUIET,
    )
    page = context.new_page()
    pacer = open_pacer(page, pacer_urls["4-7-8"], "4-7-8")
    pacer.locator("summary").click()
    pacer.get_by_role("button", name="Start").click()
    page.clock.run_for(6000)
    page.clock.resume()  # axe-core waits on timers of its own
    assert attributes(pacer)["state"] == "running"
    assert axe_violations(page) == []
    context.close()


def test_back_from_a_hidden_tab_the_orb_is_on_the_clock_and_nothing_is_said_twice(page, pacer_urls):
    page.emulate_media(reduced_motion="no-preference")
    pacer = open_pacer(page, pacer_urls["box"], "box")
    choose_settings(pacer)
    pacer.get_by_label("Sound").check()  # with sound on, a hidden tab keeps the session running
    page.evaluate("() => { window.heard = []; addEventListener('br-pacer:phase', e => heard.push(e.detail.phase)); }")
    pacer.get_by_role("button", name="Start").click()
    wait_until(page, "document.querySelector('br-pacer audio')?.currentTime > 0")
    hide_tab(page, True)
    # 2.5 s into breathing in, unseen: with sound on, the track is the session's clock.
    pacer.evaluate(
        """el => new Promise(done => {
            const audio = el.querySelector('audio');
            audio.addEventListener('seeked', () => done(), {once: true});
            audio.currentTime = 4 + 2.5;
        })"""
    )
    spoken = pacer.locator("[aria-live=polite]").text_content()
    hide_tab(page, False)
    motion = orb_motion(pacer)
    assert motion["from"] == "scale(0.55)"
    # Where the clock says, not where the page last drew: the orb's place and the track's (the
    # session's clock, with 4 s of lead-in before breathing in) read together, so the time the
    # machine takes to get here, which the track keeps counting, cannot tell them apart (a frame
    # comes late on a busy machine, and the orb moves only with frames: the same 250 ms as before).
    clocks = pacer.evaluate(
        """el => ({orb: el.querySelector('.br-pacer__orb').getAnimations()[0].currentTime,
                   track: el.querySelector('audio').currentTime * 1000 - 4000})"""
    )
    assert clocks["orb"] >= 2500 and abs(clocks["orb"] - clocks["track"]) < 250, clocks
    assert page.evaluate("heard") == ["lead-in", "breathe-in"]
    assert pacer.locator("[aria-live=polite]").text_content() == spoken
