"""The pacer's sound track in Chromium: the rendered WAV, read back with Python's own `wave`
module, has every tone where the data puts its phase; the browser decodes it; the lock screen
(Media Session) names the exercise and reaches the pacer; the display follows the track when it
is paused or seeked; every exercise's longest session fits in a track; and with sound off no track
is made."""

from __future__ import annotations

import base64
import io
import re
import wave
from typing import Any

import pytest

from tests.support.pacer import attributes, choose_settings, exercises, expected_phases, open_pacer, watch_errors
from tests.support.polling import wait_until

pytestmark = pytest.mark.browser
EXERCISES = exercises()
ONSET_TOLERANCE_MS = 1.0
QUIET_GAP_MS = 50  # silence this long ends a tone; within one, the wave crosses zero for a sample at most
SITE_NAME = "Breathing Room"


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """These tests read the track's bytes back with fetch(blob:), which the site's policy rightly
    refuses (connect-src 'self'); the policy itself is tested in test_csp_browser.py."""
    return {**browser_context_args, "bypass_csp": True}


TRACK_BYTES = """async el => {
    const bytes = new Uint8Array(await (await fetch(el.querySelector('audio').src)).arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
}"""

SEEK = """(el, seconds) => new Promise(done => {
    const audio = el.querySelector('audio');
    audio.addEventListener('seeked', () => done(), {once: true});  // after the pacer's own listener
    audio.currentTime = seconds;
})"""

ORB = """(() => {
    const orb = document.querySelector('.br-pacer__orb');
    return {transform: orb.style.transform, animations: orb.getAnimations().map(a => [a.playState, Math.round(a.currentTime)])};
})()"""


def onsets_ms(wav_bytes: bytes) -> list[float]:
    """Where each sound begins after at least QUIET_GAP_MS of silence, in ms from the start."""
    with wave.open(io.BytesIO(wav_bytes)) as track:
        assert track.getsampwidth() == 1  # 8-bit PCM: 128 is silence
        rate, channels = track.getframerate(), track.getnchannels()
        samples = track.readframes(track.getnframes())
    gap, found, last_loud = QUIET_GAP_MS * rate / 1000, [], -float("inf")
    for run in re.finditer(rb"[^\x80]+", samples):  # runs of sound: 0x80 (128) is silence
        first, last = run.start() // channels, (run.end() - 1) // channels
        if first - last_loud > gap:
            found.append(first * 1000 / rate)
        last_loud = last
    return found


def start_with_sound(page, pacer_urls, exercise_id, *, pace=None):
    pacer = open_pacer(page, pacer_urls[exercise_id], exercise_id, spies=True)
    choose_settings(pacer, pace=pace)
    pacer.get_by_label("Sound").check()
    pacer.get_by_role("button", name="Start").click()
    wait_until(page, "document.querySelector('br-pacer audio')?.currentTime > 0")
    return pacer


def paces_of(exercise_id: str) -> list[str]:
    """The fastest and the slowest pace the pacer offers for this exercise."""
    exercise = EXERCISES[exercise_id]
    shortest = min(phase.seconds for phase in (*exercise.phases, *([exercise.lead_in] if exercise.lead_in else [])))
    offered = [pace for pace in ("0.75", "0.9", "1", "1.25", "1.5") if float(pace) * shortest >= 1]
    return [offered[0], offered[-1]]


def next_session_with_sound(page, pacer, *, pace):
    """Reset the pacer and start again at `pace`, once its new track has begun playing."""
    old_track = pacer.evaluate("el => el.querySelector('audio')?.src ?? ''")
    pacer.get_by_role("button", name="Reset").click()
    choose_settings(pacer, pace=pace)
    pacer.get_by_role("button", name="Start").click()
    wait_until(
        page,
        "old => { const audio = document.querySelector('br-pacer audio'); "
        "return !!audio && audio.src !== old && audio.currentTime > 0; }",
        old_track,
    )


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_every_tone_starts_within_1_ms_of_its_phase(page, pacer_urls, site_url, exercise_id):
    """At the fastest and the slowest pace the pacer offers, one session after the other on the
    same page (each session makes its own track)."""
    errors = watch_errors(page, site_url)
    fastest, slowest = paces_of(exercise_id)
    pacer = start_with_sound(page, pacer_urls, exercise_id, pace=fastest)
    for session, pace in enumerate((fastest, slowest)):
        if session:
            next_session_with_sound(page, pacer, pace=pace)
        wav_bytes = base64.b64decode(pacer.evaluate(TRACK_BYTES))
        phases = expected_phases(EXERCISES[exercise_id], EXERCISES[exercise_id].cycles.default, float(pace))
        due, at = [], 0.0
        for _, ms in phases:
            due.append(at)
            at += ms
        due.append(at)  # the end chime, as the session ends
        seen = onsets_ms(wav_bytes)
        assert len(seen) == len(due), (pace, seen, due)
        for index, (heard, wanted) in enumerate(zip(seen, due, strict=True)):
            assert abs(heard - wanted) <= ONSET_TOLERANCE_MS, (
                f"at pace {pace}: tone {index} at {heard} ms, the phase starts at {wanted} ms"
            )
        # The browser itself decodes it to the same length (it would refuse a malformed file).
        decoded = pacer.evaluate(
            """async el => {
                const bytes = await (await fetch(el.querySelector('audio').src)).arrayBuffer();
                return (await new OfflineAudioContext(1, 1, 8000).decodeAudioData(bytes)).duration;
            }"""
        )
        with wave.open(io.BytesIO(wav_bytes)) as track:
            assert abs(decoded - track.getnframes() / track.getframerate()) < 0.01, pace
    assert errors == []


LONGEST_SESSION = """async el => {
    const here = document.querySelector('script[src*="pacer.js"]').src;
    const schedule = await import(new URL('pacer-schedule.js', here).href);
    const audio = await import(new URL('pacer-audio.js', here).href);
    const exercise = JSON.parse(el.dataset.exercise);
    const plan = schedule.planSession(exercise, exercise.cycles.max, Math.max(...schedule.pacesFor(exercise)));
    return {minutes: plan.total / 60000, format: audio.trackFormat(plan)};
}"""


def test_every_exercise_has_a_sound_track_at_its_most_breaths_and_slowest_pace(page, pacer_urls):
    """A track holds about 70 minutes (16 MiB at 4000 Hz, 8-bit, one channel). A longer session
    would play with no sound (the pacer says so), so the exercise data must not allow one."""
    too_long = {}
    for exercise_id, url in sorted(pacer_urls.items()):
        page.goto(url)
        pacer = page.locator(f'br-pacer[data-pacer="{exercise_id}"][data-ready]')
        longest = pacer.evaluate(LONGEST_SESSION)
        if longest["format"] is None:
            too_long[exercise_id] = f"{longest['minutes']:.0f} minutes"
    assert len(pacer_urls) >= 5
    assert too_long == {}, f"too long for a sound track at the most breaths and the slowest pace: {too_long}"


def test_the_lock_screen_names_the_exercise_and_controls_the_pacer(page, pacer_urls, site_url):
    pacer = start_with_sound(page, pacer_urls, "4-7-8")
    metadata = page.evaluate(
        """() => { const m = navigator.mediaSession.metadata;
                   return {title: m.title, artist: m.artist, artwork: m.artwork.map(a => [a.src, a.sizes])}; }"""
    )
    assert metadata == {
        "title": EXERCISES["4-7-8"].title,
        "artist": SITE_NAME,
        "artwork": [
            [site_url + "assets/images/icon-192.png", "192x192"],
            [site_url + "assets/images/icon-512.png", "512x512"],
        ],
    }
    for src, _ in metadata["artwork"]:
        assert page.request.get(src).status == 200
    assert sorted(page.evaluate("Object.keys(pacerSpy.handlers)")) == ["pause", "play", "seekto", "stop"]
    assert page.evaluate("navigator.mediaSession.playbackState") == "playing"
    page.evaluate("pacerSpy.handlers.pause({action: 'pause'})")  # the lock screen's pause button
    assert attributes(pacer)["state"] == "paused"
    assert wait_until(page, "document.querySelector('br-pacer audio').paused")
    page.evaluate("pacerSpy.handlers.play({action: 'play'})")
    assert attributes(pacer)["state"] == "running"
    assert wait_until(page, "!document.querySelector('br-pacer audio').paused")
    page.evaluate("pacerSpy.handlers.stop({action: 'stop'})")
    assert attributes(pacer)["state"] == "idle"
    assert page.evaluate("[navigator.mediaSession.metadata, Object.keys(pacerSpy.handlers)]") == [None, []]


def test_pausing_the_audio_element_pauses_the_pacer(page, pacer_urls):
    pacer = start_with_sound(page, pacer_urls, "box")
    pacer.evaluate("el => el.querySelector('audio').pause()")  # as a headset button or the system would
    wait_until(page, "document.querySelector('br-pacer').dataset.state == 'paused'")
    assert pacer.get_by_role("button", name="Resume").is_visible()
    pacer.evaluate(SEEK, 9.5)  # moved while paused (lead-in 4 s, in 4 s, then the hold): resuming starts there
    # The display shows it at once, still paused: the hold, 2.5 s of it left, its step marked.
    assert attributes(pacer) == {"state": "paused", "phase": "hold-full", "cycle": "1"}
    assert pacer.locator(".br-pacer__count").text_content() == "3"
    assert pacer.locator(".br-pacer__cue").text_content() == pacer.evaluate(
        "el => JSON.parse(el.dataset.exercise).phases[1].cue"
    )
    assert pacer.locator("[aria-current]").text_content().startswith("Hold")
    assert page.evaluate(ORB) == {"transform": "scale(1)", "animations": []}  # full, and still
    pacer.evaluate(SEEK, 6.0)  # back into breathing in, half way: the orb's motion waits there
    assert attributes(pacer) == {"state": "paused", "phase": "breathe-in", "cycle": "1"}
    assert page.evaluate(ORB)["animations"] == [["paused", 2000]]
    pacer.evaluate(SEEK, 9.5)
    pacer.get_by_role("button", name="Resume").click()
    assert attributes(pacer) == {"state": "running", "phase": "hold-full", "cycle": "1"}
    wait_until(page, "!document.querySelector('br-pacer audio').paused")


@pytest.mark.parametrize("exercise_id", ["4-7-8", "alternate-nostril"])
def test_seeking_the_track_moves_the_pacer_to_the_scheduled_phase(page, pacer_urls, exercise_id):
    exercise = EXERCISES[exercise_id]
    pacer = start_with_sound(page, pacer_urls, exercise_id)
    phases = expected_phases(exercise, exercise.cycles.default)
    per_breath = len(exercise.phases)
    starts, at = [], 0.0
    for _, ms in phases:
        starts.append(at)
        at += ms
    # Into the middle of every phase, backwards and forwards, as a lock-screen scrubber would.
    order = list(range(len(phases)))
    for index in order[::-1][: len(order) // 2] + order[: len(order) // 2]:
        name, ms = phases[index]
        pacer.evaluate(SEEK, (starts[index] + ms / 2) / 1000)
        cycle = 1 if exercise.lead_in and index == 0 else (index - (1 if exercise.lead_in else 0)) // per_breath + 1
        assert attributes(pacer) == {"state": "running", "phase": name, "cycle": str(cycle)}, (index, starts[index])


def test_with_sound_off_no_track_is_made(page, pacer_urls):
    pacer = open_pacer(page, pacer_urls["box"], "box", spies=True)
    pacer.get_by_role("button", name="Start").click()
    page.clock.run_for(30_000)
    assert attributes(pacer)["phase"] == "breathe-out"  # 30 s: lead-in 4 s, breath 1 16 s, breath 2 out at 28 s
    assert page.evaluate("[pacerSpy.tracks, pacerSpy.plays, document.querySelectorAll('audio').length]") == [[], 0, 0]
    assert page.evaluate("navigator.mediaSession.metadata") is None
