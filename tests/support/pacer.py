"""What the pacer's browser tests share: the exercise data, where each pacer lives on the built
site, a page with a frozen clock, and recorders and spies that run inside the page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page

from hooks.content.exercises import Exercise
from hooks.content.site_data import load_site_data
from tests.support.html import read_page
from tests.support.paths import (
    DATA_DIR,
    PACER_AUDIO_JS,
    PACER_CSS,
    PACER_ELEMENT_JS,
    PACER_JS,
    PACER_SCHEDULE_JS,
    PACER_SPEECH_JS,
    PACER_TRACK_JS,
    TAB_ORDER_JS,
)
from tests.support.watch import watch

FRAME_MS = 1000 / 60  # one frame at 60 Hz: the most a phase boundary may be seen late
# The most the pacer may weigh: its scripts and style together, each gzipped. 8 KB until the sound
# track, spoken cues and lock-screen controls came (issue 18), which added about 3 KB.
PACER_SIZE_BUDGET = 12 * 1024
# Everything the pacer ships: the define call, the element, its schedule, its sound track (samples,
# media element, speech), the keyboard fix for the header, its style.
PACER_SCRIPTS = (
    PACER_JS,
    PACER_ELEMENT_JS,
    PACER_SCHEDULE_JS,
    PACER_AUDIO_JS,
    PACER_TRACK_JS,
    PACER_SPEECH_JS,
    TAB_ORDER_JS,
)
# The imports each may have: only its own modules, shipped beside it.
PACER_IMPORTS = {
    "pacer.js": ["./pacer-element.js"],
    "pacer-element.js": ["./pacer-schedule.js", "./pacer-speech.js", "./pacer-track.js"],
    "pacer-track.js": ["./pacer-audio.js"],
}
PACER_ASSETS = (*PACER_SCRIPTS, PACER_CSS)


def exercises() -> dict[str, Exercise]:
    """Every exercise in data/exercises.yml, read through the build hook's own loader."""
    return load_site_data(DATA_DIR).exercises


def pacer_paths(built_site: Path) -> dict[str, str]:
    """Exercise id -> site-relative URL of the first page that has its pacer."""
    found: dict[str, str] = {}
    for html in sorted(built_site.rglob("*.html")):
        for exercise_id in read_page(html).xpath("//br-pacer/@data-pacer"):
            relative = html.relative_to(built_site).as_posix()
            found.setdefault(str(exercise_id), relative.removesuffix("index.html"))
    return found


def expected_phases(exercise: Exercise, cycles: int, pace: float = 1.0) -> list[tuple[str, float]]:
    """(data-phase, duration in ms) for a whole session, as the data says it should run."""
    sequence = []
    if exercise.lead_in:
        sequence.append(("lead-in", exercise.lead_in.seconds * pace * 1000))
    for _ in range(cycles):
        sequence += [(phase.action, phase.seconds * pace * 1000) for phase in exercise.phases]
    return sequence


def watch_errors(page: Page, site_url: str) -> list[str]:
    """Uncaught exceptions and console errors, from any source: the site must have none."""
    return watch(page, site_url).errors


def open_pacer(page: Page, url: str, exercise_id: str, *, spies: bool = False) -> Locator:
    """Load a page with the clock installed and frozen, so time moves only when a test says so."""
    if spies:
        page.add_init_script(SPIES)
    page.clock.install(time=0)
    page.goto(url)
    page.clock.pause_at(1000)
    pacer = page.locator(f'br-pacer[data-pacer="{exercise_id}"]')
    pacer.and_(page.locator("[data-ready]")).wait_for()
    return pacer


def choose_settings(pacer: Locator, *, cycles: int | None = None, pace: str | None = None) -> None:
    """Open the settings and change them the way a person does (the number commits on leaving it)."""
    if not pacer.locator("details").evaluate("d => d.open"):
        pacer.locator("summary").click()
    if pace is not None:
        pacer.get_by_label("Pace").select_option(pace)
    if cycles is not None:
        pacer.get_by_label("Breaths").fill(str(cycles))
        pacer.get_by_label("Breaths").press("Tab")


def start_recording(pacer: Locator) -> None:
    """Log every data-phase write with the page's clock, before anything is started (a new log,
    and a new recorder in place of the last one, for each session)."""
    pacer.evaluate(
        """el => {
            el.phaseRecorder?.disconnect();
            el.phaseLog = [];
            el.phaseRecorder = new MutationObserver(() => el.phaseLog.push([el.dataset.phase, el.dataset.state, performance.now()]));
            el.phaseRecorder.observe(el, {attributes: true, attributeFilter: ['data-phase']});
        }"""
    )


def recorded_phases(pacer: Locator) -> list[tuple[str, float]]:
    """(data-phase, duration in ms) from the log, up to the write that ended the session."""
    log = pacer.evaluate("el => el.phaseLog")
    return [(phase, log[i + 1][2] - at) for i, (phase, _state, at) in enumerate(log[:-1])]


def attributes(pacer: Locator) -> dict[str, str]:
    found: dict[str, str] = pacer.evaluate(
        "el => ({state: el.dataset.state, phase: el.dataset.phase, cycle: el.dataset.cycle})"
    )
    return found


def hide_tab(page: Page, hidden: bool) -> None:
    """What the browser does when the tab goes to the background or comes back."""
    page.evaluate(
        """hidden => {
            Object.defineProperty(document, 'hidden', {value: hidden, configurable: true});
            Object.defineProperty(document, 'visibilityState', {value: hidden ? 'hidden' : 'visible', configurable: true});
            document.dispatchEvent(new Event('visibilitychange'));
        }""",
        hidden,
    )


# Spies on what the pacer may start: sound tracks (their bytes, their playing, their release),
# Media Session handlers, speech (a stand-in voice on this device), vibration, wake locks.
SPIES = """
window.pacerSpy = {tracks: [], revoked: 0, plays: 0, handlers: {}, spoken: [], vibrations: [], locks: []};
(() => {
  const createURL = URL.createObjectURL, revokeURL = URL.revokeObjectURL;
  URL.createObjectURL = blob => { pacerSpy.tracks.push(blob.size); return createURL.call(URL, blob); };
  URL.revokeObjectURL = url => { pacerSpy.revoked++; return revokeURL.call(URL, url); };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () { pacerSpy.plays++; return play.call(this); };
  const setHandler = MediaSession.prototype.setActionHandler;
  MediaSession.prototype.setActionHandler = function (action, handler) {
    if (handler) pacerSpy.handlers[action] = handler; else delete pacerSpy.handlers[action];
    return setHandler.call(this, action, handler);
  };
  const voice = {name: 'Test voice', lang: 'en-GB', localService: true, default: true, voiceURI: 'test'};
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
    getVoices: () => [voice], cancel() {}, speak: utterance => pacerSpy.spoken.push(utterance.text)}});
  Object.defineProperty(navigator, 'vibrate', {configurable: true, value: pattern => { pacerSpy.vibrations.push(pattern); return true; }});
  Object.defineProperty(navigator, 'wakeLock', {configurable: true, value: {request: async type => {
    const lock = {type, released: false, release: async () => { lock.released = true; }};
    pacerSpy.locks.push(lock);
    return lock;
  }}});
})();
"""
