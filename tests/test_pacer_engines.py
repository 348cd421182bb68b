"""The pacer in every engine: Chromium, Firefox ESR and WebKitGTK run one list of scenarios
through one small driver interface (tests/support/engines.py). No page errors; an exercise with
holds (4-7-8) and one with sides (alternate-nostril) play their phases in the order, sides and
lengths of their data (ENGINE_EXERCISES in tests/conftest.py; Chromium plays every exercise on its
fake clock in test_pacer_timing.py); pause, resume and reset; the keyboard reaches Start from the
top of the page (past Material's search box) and starts it; on phones, the built pacer fits the space
kept for it before its script ran.

There is no fake clock outside Chromium, so sessions run on a quickened clock: performance.now()
and setTimeout are scaled by the same factor inside the page before Start, as if a session of
minutes took seconds. The pacer only ever asks those two for time, so its logic is what runs;
timing to the frame is proven in Chromium with a fake clock (test_pacer_timing.py) and in real
time by `make bench`."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.support.engines import EnginePage, wait_for
from tests.support.pacer import exercises, expected_phases

pytestmark = [pytest.mark.browser, pytest.mark.engines]
EXERCISES = exercises()
QUICKER = 10  # the quickened clock: 10 page seconds per real second
LATE_MS = 400  # a phase may show at most this much real time late (timers on a loaded 2-core machine)
TAB_LIMIT = 200  # presses of Tab from the top of the page to the pacer's Start, at most

QUICKEN = """factor => {
    const realNow = performance.now.bind(performance), realTimeout = window.setTimeout.bind(window);
    const base = realNow();
    performance.now = () => base + (realNow() - base) * factor;
    window.setTimeout = (callback, ms = 0, ...rest) => realTimeout(callback, ms / factor, ...rest);
}"""

RECORD = """id => {
    const el = document.querySelector(`br-pacer[data-pacer="${id}"]`);
    window.phaseLog = [];
    // The Start tap as the page sees it, just before the pacer's own handler.
    el.addEventListener('click', () => window.startedAt ??= performance.now(), true);
    el.addEventListener('br-pacer:phase',
        e => phaseLog.push([e.detail.phase, e.detail.side, e.detail.cycle, performance.now()]));
    new MutationObserver(() => el.dataset.state == 'done' && phaseLog.push(['', null, 0, performance.now()]))
        .observe(el, {attributes: true, attributeFilter: ['data-state']});
}"""

STATE = """id => {
    const el = document.querySelector(`br-pacer[data-pacer="${id}"]`);
    return {state: el.dataset.state, phase: el.dataset.phase, cycle: el.dataset.cycle,
            count: el.querySelector('.br-pacer__count').textContent};
}"""

SET_CYCLES = """([id, cycles]) => {
    const field = document.querySelector(`br-pacer[data-pacer="${id}"] [name=cycles]`);
    field.value = cycles;
    field.dispatchEvent(new Event('change', {bubbles: true}));
}"""

FOCUSED = """() => {
    const el = document.activeElement;
    return {text: el.textContent.trim(), inPacer: !!el.closest('br-pacer'), tag: el.tagName.toLowerCase()};
}"""


@pytest.fixture(autouse=True)
def forget_settings(engine: EnginePage) -> Iterator[None]:
    """Each test starts with the pacers' default settings: what a test chose is cleared after it
    (not by loading a page twice, which would cut short requests the first load still has going)."""
    yield
    engine.run("() => localStorage.clear()")


def open_pacer(engine: EnginePage, url: str, exercise_id: str) -> None:
    engine.goto(url)
    wait_for(engine, f"() => !!document.querySelector('br-pacer[data-pacer=\"{exercise_id}\"][data-ready]')")


def state(engine: EnginePage, exercise_id: str) -> dict:
    return engine.run(STATE, exercise_id)


def start_button(exercise_id: str) -> str:
    return f'br-pacer[data-pacer="{exercise_id}"] .br-pacer__btn--main'


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_each_exercise_plays_its_data(engine, pacer_urls, exercise_id):
    exercise = EXERCISES[exercise_id]
    cycles = max(2, exercise.cycles.min)
    open_pacer(engine, pacer_urls[exercise_id], exercise_id)
    if cycles != exercise.cycles.default:
        engine.run(SET_CYCLES, [exercise_id, cycles])
    engine.run(QUICKEN, QUICKER)
    engine.run(RECORD, exercise_id)
    engine.click(start_button(exercise_id))
    expected = expected_phases(exercise, cycles)
    total_ms = sum(ms for _, ms in expected)
    wait_for(
        engine,
        "id => document.querySelector(`br-pacer[data-pacer=\"${id}\"]`).dataset.state == 'done'",
        exercise_id,
        timeout=total_ms / QUICKER / 1000 + 15,
    )
    log, started = engine.run("() => [phaseLog, startedAt]")
    assert [phase for phase, *_ in log] == [name for name, _ in expected] + [""], engine.name
    # The sides of alternate-nostril breathing, the breath count, as the data has them.
    sides = ([exercise.lead_in.side] if exercise.lead_in else []) + [phase.side for phase in exercise.phases] * cycles
    assert [side for _, side, *_ in log[:-1]] == sides
    assert log[-2][2] == cycles
    # Each phase starts on the schedule: never early, and late by no more than LATE_MS of real time.
    due = 0.0
    for (phase, _side, _cycle, at), (_, ms) in zip(log, [*expected, ("", 0)], strict=True):
        offset = at - started
        assert offset >= due - 1, f"{engine.name}: {phase} began {due - offset:.0f} ms early"
        assert offset - due <= LATE_MS * QUICKER, f"{engine.name}: {phase} began {offset - due:.0f} ms late"
        due += ms
    assert due == total_ms
    assert state(engine, exercise_id)["phase"] == ""
    assert engine.errors() == []


def test_pause_resume_and_reset(engine, pacer_urls):
    open_pacer(engine, pacer_urls["4-7-8"], "4-7-8")
    engine.run(QUICKEN, 4)  # slow enough that the moments between clicks and reads change little
    engine.click(start_button("4-7-8"))
    assert state(engine, "4-7-8")["state"] == "running"
    wait_for(engine, "() => document.querySelector('br-pacer').dataset.phase == 'hold-full'")  # 8 s in
    engine.click(start_button("4-7-8"))  # Pause
    paused = state(engine, "4-7-8")
    assert (paused["state"], paused["phase"]) == ("paused", "hold-full")
    assert engine.run("() => document.querySelector('.br-pacer__btn--main').textContent") == "Resume"
    time.sleep(2)  # 8 page seconds: a running session would be past the 7 s hold by now
    assert state(engine, "4-7-8") == paused
    engine.click(start_button("4-7-8"))  # Resume
    resumed = state(engine, "4-7-8")
    assert (resumed["state"], resumed["phase"]) == ("running", "hold-full")
    assert int(paused["count"]) - 1 <= int(resumed["count"]) <= int(paused["count"])  # where it stopped
    wait_for(engine, "() => document.querySelector('br-pacer').dataset.phase == 'breathe-out'")
    engine.click('br-pacer[data-pacer="4-7-8"] [data-do=reset]')
    assert state(engine, "4-7-8") == {"state": "idle", "phase": "", "cycle": "0", "count": ""}
    time.sleep(0.3)
    assert state(engine, "4-7-8")["state"] == "idle"
    assert engine.errors() == []


def test_tab_from_the_top_of_the_page_reaches_start_and_enter_starts(engine, pacer_urls):
    """Past Material's search box too, which WebKit would otherwise send back to the top."""
    open_pacer(engine, pacer_urls["box"], "box")
    engine.run("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    passed_search = False
    for _ in range(TAB_LIMIT):
        engine.press("Tab")
        focused = engine.run(FOCUSED)
        passed_search |= engine.run("() => !!document.activeElement.closest('[data-md-component=search]')")
        if focused["inPacer"] and focused["text"] == "Start":
            break
    else:
        raise AssertionError(f"{engine.name}: {TAB_LIMIT} presses of Tab never reached Start (last: {focused})")
    assert passed_search, "the walk should go through the search box, where the trouble was"
    engine.press("Enter")
    assert state(engine, "box")["state"] == "running"
    assert engine.errors() == []


def test_the_step_list_shows_each_nostril(engine, pacer_urls):
    exercise = EXERCISES["alternate-nostril"]
    open_pacer(engine, pacer_urls["alternate-nostril"], "alternate-nostril")
    steps = engine.run("() => [...document.querySelectorAll('.br-pacer__steps li')].map(li => li.textContent)")
    labels = {"breathe-in": "In", "breathe-out": "Out"}
    assert steps == [f"{labels[phase.action]} {phase.side} {phase.seconds:g}" for phase in exercise.phases]
    engine.click(start_button("alternate-nostril"))
    current = engine.run("() => document.querySelector('.br-pacer__steps [aria-current]').textContent")
    assert current == steps[0]
    assert engine.errors() == []


# The sizes where the space kept before the pacer's script runs changes (pacer.css), each as an
# iframe of that size: WebKitGTK's window will not go narrower than about 450 px, and media queries
# follow the iframe's width and height.
KEPT_SIZES = [(320, 900), (340, 900), (360, 800), (380, 900), (390, 844)]
IN_A_FRAME = """([url, [width, height]]) => new Promise(loaded => {
    const frame = document.querySelector('iframe') ?? document.body.appendChild(document.createElement('iframe'));
    frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0`;
    frame.addEventListener('load', () => loaded(true), {once: true});
    frame.src = url;
})"""
FRAMED_PACER_READY = """id => !!document.querySelector('iframe').contentDocument
    .querySelector(`br-pacer[data-pacer="${id}"][data-ready]`)"""
# Each size at which the built pacer is taller than the space kept for it: [width, height, built, kept].
# One size a frame, as a phone turning would, so the framed page's own resize handling runs in between.
OVERFLOWS = """async ([id, sizes]) => {
    const frame = document.querySelector('iframe');
    const pacer = frame.contentDocument.querySelector(`br-pacer[data-pacer="${id}"]`);
    const nextFrame = () => new Promise(requestAnimationFrame);
    const overflows = [];
    for (const [width, height] of sizes) {
        Object.assign(frame.style, {width: `${width}px`, height: `${height}px`});
        await nextFrame();
        await nextFrame();
        const built = pacer.getBoundingClientRect().height;
        const kept = parseFloat(getComputedStyle(pacer).minHeight);
        if (built > kept + 0.01) overflows.push([width, height, built, kept]);
    }
    return overflows;
}"""


def test_the_space_kept_before_the_script_holds_the_built_pacer(engine, pacer_urls, site_url):
    """On phones, in every engine, the pacer its script builds fits the space kept for it before
    the script ran, so the page does not move when it runs. With the same font, Firefox's pacers
    came out taller than Chromium's at some widths (box 618.9 px in 590 at 330 px). Chromium also
    compares the heights before and after the script, at more sizes (test_pacer_assets.py)."""
    engine.goto(site_url + "__phone_frame__")  # the site's 404 page: same origin, any content
    overflows = {}
    for exercise_id, url in sorted(pacer_urls.items()):
        engine.run(IN_A_FRAME, [url, KEPT_SIZES[0]])
        wait_for(engine, FRAMED_PACER_READY, exercise_id)
        if found := engine.run(OVERFLOWS, [exercise_id, KEPT_SIZES]):
            overflows[exercise_id] = found
    assert overflows == {}, engine.name
    # The frame's host is the 404 page: its status is the one error a page may report here.
    assert [error for error in engine.errors() if "404" not in error] == []


IN_SEARCH_BOX = "() => document.activeElement.matches('[data-md-component=search] input')"


def test_shift_tab_walks_back_past_the_search_box(engine, pacer_urls):
    """Backwards too: Tab into the search box and one step on, then Shift+Tab back into the box and
    on to what comes before it, never to the page itself."""
    open_pacer(engine, pacer_urls["box"], "box")
    engine.run("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    for _ in range(TAB_LIMIT):
        engine.press("Tab")
        if engine.run(IN_SEARCH_BOX):
            break
    else:
        raise AssertionError(f"{engine.name}: Tab never reached the search box")
    engine.press("Tab")
    assert not engine.run(IN_SEARCH_BOX)
    for _ in range(3):  # Material's search results panel may take a stop of its own on the way back
        engine.press("Shift+Tab")
        if engine.run(IN_SEARCH_BOX):
            break
    else:
        raise AssertionError(f"{engine.name}: Shift+Tab never came back to the search box")
    engine.press("Shift+Tab")
    landed = engine.run(
        """() => {
            const el = document.activeElement, search = document.querySelector('[data-md-component=search]');
            return {body: el == document.body,
                    before: !!(search.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)};
        }"""
    )
    assert landed == {"body": False, "before": True}, engine.name
    assert engine.errors() == []
