"""Phase-change lateness in real time, per engine (Chromium, Firefox ESR, WebKitGTK): one pacer
session with no fake clock, every `br-pacer:phase` event stamped with performance.now(), and
every setTimeout the page makes logged with when it was due and when it ran, so a late phase can
be put down to the timer (the engine) or to the pacer's own work.

    .venv/bin/python -m bench.engine_timing [--engines firefox,chromium] [--exercise 4-7-8] [--cycles 2] [--runs 2]

Prints one JSON line per run; a second site (--site-dir) can be compared with the first."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.server import serve
from tests.support import browsers, engines
from tests.support.pacer import exercises, expected_phases, pacer_paths

RECORD = """id => {
    const el = document.querySelector(`br-pacer[data-pacer="${id}"]`);
    window.timing = {phases: [], timers: [], start: 0};
    const realTimeout = window.setTimeout.bind(window);
    window.setTimeout = (callback, ms = 0, ...rest) => {
        const due = performance.now() + ms;
        return realTimeout((...args) => {
            timing.current = [due, performance.now()];
            timing.timers.push(timing.current);
            callback(...args);
            timing.current = null;
        }, ms, ...rest);
    };
    el.addEventListener('click', () => timing.start ||= performance.now(), true);
    // Each phase with the timer that brought it (null for the Start tap): [phase, at, [due, ran]].
    el.addEventListener('br-pacer:phase', e => timing.phases.push([e.detail.phase, performance.now(), timing.current && [...timing.current]]));
}"""


def run_once(page: engines.EnginePage, url: str, exercise_id: str, cycles: int) -> dict:
    page.goto(url)
    deadline = time.monotonic() + 30
    while not page.run(f"() => !!document.querySelector('br-pacer[data-pacer=\"{exercise_id}\"][data-ready]')"):
        if time.monotonic() > deadline:
            raise RuntimeError("the pacer never became ready")
        time.sleep(0.05)
    page.run(
        """([id, cycles]) => { const f = document.querySelector(`br-pacer[data-pacer="${id}"] [name=cycles]`);
           f.value = cycles; f.dispatchEvent(new Event('change', {bubbles: true})); }""",
        [exercise_id, cycles],
    )
    page.run(RECORD, exercise_id)
    page.click(f'br-pacer[data-pacer="{exercise_id}"] .br-pacer__btn--main')
    expected = expected_phases(exercises()[exercise_id], cycles)
    time.sleep(sum(ms for _, ms in expected) / 1000 + 1.5)
    log = page.run("() => timing")
    starts, at = [], 0.0
    for _, ms in expected:
        starts.append(at)
        at += ms
    late = [(seen - log["start"]) - due for (_, seen, _timer), due in zip(log["phases"], starts, strict=False)]
    # Of each phase's lateness, how much was its timer running late (the engine), and how much came after.
    timer_share = [round(timer[1] - timer[0], 1) if timer else 0.0 for _, _, timer in log["phases"]]
    timer_late = [ran - due for due, ran in log["timers"]]
    page.run("() => localStorage.clear()")
    return {
        "engine": page.name,
        "phases": len(log["phases"]),
        "expected": len(expected),
        "late_ms": [round(x, 1) for x in late],
        "of_which_timer_late_ms": timer_share,
        "largest_late_ms": round(max(late), 1),
        "median_late_ms": round(statistics.median(late), 1),
        "timers": len(timer_late),
        "timer_largest_late_ms": round(max(timer_late), 1),
        "timer_early": sum(1 for x in timer_late if x < 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engines", default="firefox,chromium")
    parser.add_argument("--exercise", default="4-7-8")
    parser.add_argument("--cycles", type=int, default=2)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args()
    with serve(args.site_dir) as site_url:
        url = site_url + pacer_paths(args.site_dir)[args.exercise]
        for name in args.engines.split(","):
            if name == "chromium":
                with sync_playwright() as playwright:
                    chromium = browsers.require(browsers.FULL_CHROMIUM)
                    browser = playwright.chromium.launch(
                        executable_path=chromium, args=browsers.chromium_args(chromium)
                    )
                    with engines.chromium_page(browser) as page:
                        for _ in range(args.runs):
                            print(json.dumps(run_once(page, url, args.exercise, args.cycles)), flush=True)
                    browser.close()
            else:
                context = engines.firefox_page() if name == "firefox" else engines.webkit_page()
                with context as engine_page:
                    for _ in range(args.runs):
                        print(json.dumps(run_once(engine_page, url, args.exercise, args.cycles)), flush=True)


if __name__ == "__main__":
    main()
