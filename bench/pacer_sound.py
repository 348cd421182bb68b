"""7. The pacer's sound track: main-thread cost while pacing with sound on (the track playing on an
<audio> element, the display following it) against the same session with sound off, in one
Chromium in the same run; and the time and memory it takes to render the longest track the data
allow (the exercise with the longest breath, 100 breaths, the slowest pace), in the page.

    .venv/bin/python -m bench.pacer_sound [SITE_DIR]   # prints the section; `make bench` runs it too"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from bench.report import Section, Table, ms
from bench.server import serve
from tests.support import browsers
from tests.support.pacer import exercises, expected_phases, pacer_paths

EXERCISE = "box"
CYCLES = 4  # 4 s lead-in + 4 x 16 s: long enough for a steady cost, short enough to run twice
CPU_AIM = 0.01  # of one core, as for the silent pacer (issue 18: sound on stays under 1%)
BUDGET_BYTES = 16 * 1024 * 1024
LONGEST_CYCLES, SLOWEST_PACE = 100, 1.5
RENDERS = 5

# Each phase change: when the page saw it, and where the sound track was then (sight against sound).
RECORD = """() => {
    const el = document.querySelector('br-pacer');
    window.bench = {phases: [], heard: [], start: 0, wakes: 0};
    const realTimeout = window.setTimeout.bind(window);
    window.setTimeout = (...args) => { bench.wakes++; return realTimeout(...args); };
    el.addEventListener('click', () => bench.start ||= performance.now(), true);
    el.addEventListener('br-pacer:phase', e => {
        bench.phases.push(performance.now());
        const audio = el.querySelector('audio');
        bench.heard.push(audio ? audio.currentTime * 1000 : null);
    });
}"""

RENDER_LONGEST = """async ([cycles, pace, renders]) => {
    const here = document.querySelector('script[src*="pacer.js"]').src;
    const audio = await import(new URL('pacer-audio.js', here).href);
    const schedule = await import(new URL('pacer-schedule.js', here).href);
    // The exercise whose one breath is longest, of those on this site.
    const all = [...document.querySelectorAll('br-pacer')].map(el => JSON.parse(el.dataset.exercise));
    const breath = ex => ex.phases.reduce((sum, p) => sum + p.seconds, 0);
    const exercise = all.sort((a, b) => breath(b) - breath(a))[0];
    const plan = schedule.planSession(exercise, cycles, pace), format = audio.trackFormat(plan);
    const times = [];
    let bytes = null;
    for (let i = 0; i < renders; i++) {
        const began = performance.now();
        bytes = audio.renderTrack(plan, format);
        const url = URL.createObjectURL(new Blob([bytes], {type: 'audio/wav'}));
        times.push(performance.now() - began);
        URL.revokeObjectURL(url);
    }
    return {id: exercise.id, seconds: plan.total / 1000, format, size: bytes.length, times};
}"""


def metrics(cdp) -> dict[str, float]:
    return {item["name"]: item["value"] for item in cdp.send("Performance.getMetrics")["metrics"]}


def session_cost(page: Page, url: str, *, sound: bool) -> dict[str, float]:
    """Main-thread busy share over one whole session, and the latest phase change (ms)."""
    page.goto(url)
    pacer = page.locator(f'br-pacer[data-pacer="{EXERCISE}"][data-ready]')
    pacer.wait_for()
    pacer.locator("summary").tap()
    pacer.get_by_label("Breaths").fill(str(CYCLES))
    pacer.get_by_label("Breaths").press("Tab")
    if sound:
        pacer.get_by_label("Sound").tap()
    page.evaluate(RECORD)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": "timeTicks"})
    before = metrics(cdp)
    pacer.get_by_role("button", name="Start").tap()  # a finger, as on a phone: no mouse pointer left over the pacer
    # Sleep through the session rather than poll the page: polling would be main-thread work too.
    total_ms = sum(length for _, length in expected_phases(exercises()[EXERCISE], CYCLES))
    time.sleep(total_ms / 1000 + 3)
    assert page.locator(f'br-pacer[data-pacer="{EXERCISE}"]').get_attribute("data-state") == "done"
    after = metrics(cdp)
    log = page.evaluate("bench")
    due, at = [], 0.0
    for _, length in expected_phases(exercises()[EXERCISE], CYCLES):
        due.append(at)
        at += length
    late = [seen - log["start"] - wanted for seen, wanted in zip(log["phases"], due, strict=False)]
    # How far the track had played past each phase's start when the display changed (sound on only).
    behind = [heard - wanted for heard, wanted in zip(log["heard"], due, strict=False) if heard is not None]
    cdp.detach()
    return {
        "cost": (after["TaskDuration"] - before["TaskDuration"]) / (after["Timestamp"] - before["Timestamp"]),
        "script": (after["ScriptDuration"] - before["ScriptDuration"]) / (after["Timestamp"] - before["Timestamp"]),
        "late": max(late),
        "behind": max(behind, key=abs) if behind else float("nan"),
        "phases": len(log["phases"]),
        "wakes": log["wakes"],
    }


def idle_cost(page: Page, seconds: float) -> float:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": "timeTicks"})
    before = metrics(cdp)
    time.sleep(seconds)
    after = metrics(cdp)
    cdp.detach()
    return (after["TaskDuration"] - before["TaskDuration"]) / (after["Timestamp"] - before["Timestamp"])


def run(chromium: str, site_url: str, site: Path) -> Section:
    paths = pacer_paths(site)
    section = Section("7. Pacer sound track")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=[*browsers.chromium_args(chromium), "--autoplay-policy=no-user-gesture-required"],
        )
        page = browser.new_page(has_touch=True)
        page.goto(site_url + paths[EXERCISE])
        idle = idle_cost(page, 10)
        silent = session_cost(page, site_url + paths[EXERCISE], sound=False)
        with_sound = session_cost(page, site_url + paths[EXERCISE], sound=True)
        page.goto(site_url + paths["4-7-8"])
        longest = page.evaluate(RENDER_LONGEST, [LONGEST_CYCLES, SLOWEST_PACE, RENDERS])
        browser.close()
    costs = Table(
        f"Main thread, {EXERCISE} x {CYCLES} breaths in real time (one Chromium, one run)",
        [
            "",
            "busy share of one core",
            "script share",
            "latest phase change, from the tap",
            "display vs track",
            "phases",
            "timer wakes",
        ],
        [
            ["page idle, pacer not started (10 s)", f"{idle:.2%}", "", "", "", "", ""],
            [
                "pacing, sound off",
                f"{silent['cost']:.2%}",
                f"{silent['script']:.2%}",
                ms(silent["late"]),
                "",
                silent["phases"],
                silent["wakes"],
            ],
            [
                "pacing, sound on (the track is the clock)",
                f"{with_sound['cost']:.2%}",
                f"{with_sound['script']:.2%}",
                ms(with_sound["late"]),
                ms(with_sound["behind"]),
                with_sound["phases"],
                with_sound["wakes"],
            ],
        ],
    )
    median = statistics.median(longest["times"])
    track = Table(
        "The longest track the data allow",
        ["exercise", "breaths", "pace", "length", "format", "size", "render + Blob (median of 5)", "all renders"],
        [
            [
                longest["id"],
                LONGEST_CYCLES,
                f"{SLOWEST_PACE}x",
                f"{longest['seconds']:.0f} s",
                f"{longest['format']['sampleRate']} Hz, {longest['format']['channels']} ch, 8-bit",
                f"{longest['size'] / 1024 / 1024:.2f} MiB",
                ms(median),
                ", ".join(f"{t:.0f}" for t in longest["times"]) + " ms",
            ]
        ],
    )
    section.tables += [costs, track]
    section.aim("Main thread with sound on", f"{with_sound['cost']:.2%} of a core", with_sound["cost"] < CPU_AIM)
    section.aim(
        "Longest track within 16 MB", f"{longest['size'] / 1024 / 1024:.2f} MiB", longest["size"] <= BUDGET_BYTES
    )
    section.aim("Sound on against sound off, same run", f"{with_sound['cost'] / silent['cost']:.2f}x", None)
    section.method.append(
        "Chrome's Performance.getMetrics TaskDuration over wall time, from the Start tap to the 'done' state, "
        "in a visible Playwright page with touch, tapped as on a phone, since a mouse pointer left over the pacer "
        "makes Chromium hit-test after every change; Python sleeps through the session, so nothing polls the page; the longest track rendered in the page by pacer-audio.js itself."
    )
    return section


if __name__ == "__main__":
    site_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site")
    with serve(site_dir) as url:
        print(run(browsers.require(browsers.FULL_CHROMIUM), url, site_dir).markdown())
