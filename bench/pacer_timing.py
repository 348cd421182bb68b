"""3. Pacer timing in real time and 4. main-thread cost, from one recording (bench/pacer_clock.mjs):
a pacer in a visible tab logs every data-phase change with performance.now(); a second pacer,
sound on, runs in a really hidden tab and logs every tone it puts on the AudioContext clock.
Both are compared here with the ideal schedule computed from data/exercises.yml.

The same recording runs at the same time against the baseline pacer (bench/baseline.py, the rAF
pacer before issue 11) in a second Chromium, so the cost is also a ratio to that baseline,
measured under the same load."""

from __future__ import annotations

import json
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.baseline import BASELINE_NAME
from bench.environment import BENCH_DIR, WORK_DIR
from bench.report import Section, Table, ms
from tests.support.pacer import exercises, expected_phases, pacer_paths

EXERCISE = "box"  # lead-in, all four kinds of phase
CYCLES = 8  # 4 s lead-in + 8 x 16 s = 132 s, over the 2 minutes asked for
CPU_AIM = 0.01  # of one core (issue 11: under 1%; it was 2%)
TIMING_AIM_MS = 17.0  # "at most one frame, 17 ms"


@dataclass
class Schedule:
    names: list[str]  # data-phase of each phase, then "" for the end
    starts: list[float]  # ms from the start tap

    @classmethod
    def from_data(cls, exercise_id: str, cycles: int) -> Schedule:
        phases = expected_phases(exercises()[exercise_id], cycles)
        starts, at = [], 0.0
        for _, duration in phases:
            starts.append(at)
            at += duration
        return cls([name for name, _ in phases] + [""], [*starts, at])


def start_recording(chromium: str, site_url: str, site: Path, cycles: int) -> tuple[subprocess.Popen[str], dict]:
    """Starts bench/pacer_clock.mjs on one site; `finish_recording` collects what it logged."""
    options = {
        "chromium": chromium,
        "url": site_url + pacer_paths(site)[EXERCISE],
        "exercise": EXERCISE,
        "cycles": cycles,
        "timeoutMs": int(Schedule.from_data(EXERCISE, cycles).starts[-1] + 60_000),
    }
    process = subprocess.Popen(
        ["node", str(BENCH_DIR / "pacer_clock.mjs"), json.dumps(options)],
        cwd=BENCH_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, options


def finish_recording(process: subprocess.Popen[str], options: dict, name: str) -> dict:
    stdout, stderr = process.communicate(timeout=options["timeoutMs"] / 1000 + 120)
    if process.returncode != 0:
        raise RuntimeError(f"pacer_clock.mjs ({name}) failed:\n{stderr[-3000:]}")
    (WORK_DIR / f"pacer-recording-{name}.json").write_text(stdout, encoding="utf-8")  # the raw log, for a closer look
    return json.loads(stdout)


def linear_fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares slope and intercept of y on x."""
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread if spread else 0.0
    return slope, mean_y - slope * mean_x


@dataclass
class Errors:
    """Signed errors (ms, positive = late) of each phase start against the ideal schedule."""

    names: list[str]
    at: list[float]  # ideal ms from start
    error: list[float]

    @property
    def largest(self) -> float:
        return max(abs(e) for e in self.error)

    @property
    def drift_per_minute(self) -> float:
        return linear_fit(self.at, self.error)[0] * 60_000 if len(self.at) > 2 else 0.0

    @property
    def end_minus_start(self) -> float:
        return self.error[-1] - self.error[0]


def visible_errors(run: dict, schedule: Schedule) -> tuple[Errors, list[str]]:
    start = run["starts"][-1]
    log = [(name, at) for name, _state, at in run["phases"] if at >= start]
    problems = []
    if [name for name, _ in log] != schedule.names:
        problems.append(f"phase order differs from the data: saw {[name for name, _ in log]}")
    pairs = list(zip(log, schedule.names, schedule.starts, strict=False))  # a mismatch is reported above
    return Errors(
        [n for _, n, _ in pairs],
        [ideal for _, _, ideal in pairs],
        [(at - start) - ideal for (_, at), _, ideal in pairs],
    ), problems


def hidden_errors(run: dict, schedule: Schedule) -> tuple[Errors, Errors, dict]:
    """Tones against the schedule, twice: on the audible clock (getOutputTimestamp: when the
    sample reaches the output, latency included) and on ctx.currentTime as the page saw it
    when scheduling (what the pacer's arithmetic aims at)."""
    start = run["starts"][-1]
    clocks = [c for c in run["clocks"] if c.get("outPerf")] + [t for t in run["tones"] if t.get("outPerf")]
    slope, intercept = linear_fit([c["outContext"] for c in clocks], [c["outPerf"] for c in clocks])
    heard = lambda when: slope * when + intercept  # noqa: E731 - context seconds -> performance ms
    tones = sorted(run["tones"], key=lambda t: t["when"])
    by_phase: dict[int, list[tuple[float, float]]] = {}
    for tone in tones:
        audible = heard(tone["when"]) - start
        aimed = tone["perf"] + (tone["when"] - tone["currentTime"]) * 1000 - start
        index = min(range(len(schedule.starts) - 1), key=lambda i: abs(schedule.starts[i] - audible))
        by_phase.setdefault(index, []).append((audible, aimed))
    phases = sorted(by_phase)
    audible_errors = Errors(
        [schedule.names[i] for i in phases],
        [schedule.starts[i] for i in phases],
        [by_phase[i][-1][0] - schedule.starts[i] for i in phases],
    )
    aimed_errors = Errors(
        audible_errors.names, audible_errors.at, [by_phase[i][-1][1] - schedule.starts[i] for i in phases]
    )
    last_clock = run["clocks"][-1] if run["clocks"] else {}
    facts = {
        "tones": len(tones),
        "phases": len(schedule.starts) - 1,
        "missing": [
            f"{i} ({schedule.names[i]} at {schedule.starts[i] / 1000:g} s)"
            for i in range(len(schedule.starts) - 1)
            if i not in by_phase
        ],
        "repeated": sum(len(v) - 1 for v in by_phase.values()),
        "clock_ppm": (slope / 1000 - 1) * 1e6,
        "latency_ms": 1000 * (last_clock.get("baseLatency", 0) + last_clock.get("outputLatency", 0)),
        "hidden_at": next((at - start for state, at in run["visibility"] if state == "hidden"), None),
        "shown_again_at": next((at - start for state, at in run["visibility"] if state == "visible"), None),
        "state_after": run["state"],
        "errors": run.get("errors", []),
    }
    return audible_errors, aimed_errors, facts


def error_row(name: str, errors: Errors) -> list[str]:
    return [
        name,
        str(len(errors.error)),
        ms(errors.largest),
        ms(statistics.fmean(errors.error)),
        ms(errors.error[0]),
        ms(errors.error[-1]),
        f"{errors.drift_per_minute:+.2f} ms/min",
    ]


METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "TaskOtherDuration", "ThreadTime")


def main_thread(run: dict, first: str = "metricsAtStart", last: str = "metricsAtEnd") -> dict[str, float]:
    """Share of one core per second, from two Performance.getMetrics readings."""
    start = {m["name"]: m["value"] for m in run[first]}
    end = {m["name"]: m["value"] for m in run[last]}
    seconds = end["Timestamp"] - start["Timestamp"]
    shares = {name: (end[name] - start[name]) / seconds for name in METRICS if name in start}
    shares["frames"] = (end.get("LayoutCount", 0) - start.get("LayoutCount", 0)) / seconds
    shares["seconds"] = seconds
    return shares


def run(chromium: str, site_url: str, site: Path, baseline_url: str, cycles: int = CYCLES) -> tuple[Section, Section]:
    schedule = Schedule.from_data(EXERCISE, cycles)
    print(
        f"  recording {EXERCISE} for {schedule.starts[-1] / 1000:g} s: today's pacer and the {BASELINE_NAME},"
        " each in its own Chromium, at the same time ...",
        flush=True,
    )
    current = start_recording(chromium, site_url, site, cycles)
    baseline = start_recording(chromium, baseline_url, site, cycles)
    data = finish_recording(*current, "today")
    base = finish_recording(*baseline, "baseline")

    timing = Section("3. Pacer timing, real time")
    visible, visible_problems = visible_errors(data["visible"], schedule)
    audible, aimed, facts = hidden_errors(data["hidden"], schedule)
    table = Table(
        f"{EXERCISE}, {cycles} breaths: {schedule.starts[-1] / 1000:g} s, {len(schedule.names)} changes "
        "(errors: positive = late)",
        ["measured", "changes", "largest error", "mean", "first", "at the end", "drift (fit)"],
    )
    table.rows.append(error_row("visible tab, data-phase (performance.now)", visible))
    table.rows.append(error_row("hidden tab + sound, tones as heard (audio output clock)", audible))
    table.rows.append(error_row("hidden tab + sound, tones on ctx.currentTime (latency not counted)", aimed))
    base_visible, _ = visible_errors(base["visible"], schedule)
    base_audible, _, _ = hidden_errors(base["hidden"], schedule)
    table.rows.append(error_row(f"baseline, {BASELINE_NAME}: visible tab, data-phase", base_visible))
    table.rows.append(error_row(f"baseline, {BASELINE_NAME}: hidden tab + sound, tones as heard", base_audible))
    timing.tables.append(table)
    timing.aim(
        "Visible: largest error (aim at most 17 ms, one frame)",
        ms(visible.largest),
        visible.largest <= TIMING_AIM_MS and not visible_problems,
    )
    timing.aim(
        "Visible: drift, end minus start (aim none: within one frame)",
        ms(visible.end_minus_start),
        abs(visible.end_minus_start) <= TIMING_AIM_MS,
    )
    timing.aim(
        "Hidden + sound: largest error of the tones as heard (aim at most 17 ms)",
        ms(audible.largest),
        audible.largest <= TIMING_AIM_MS,
    )
    timing.aim(
        "Hidden + sound: largest error on ctx.currentTime (aim at most 17 ms)",
        ms(aimed.largest),
        aimed.largest <= TIMING_AIM_MS,
    )
    timing.aim(
        "Hidden + sound: drift, end minus start (aim none: within one frame)",
        ms(audible.end_minus_start),
        abs(audible.end_minus_start) <= TIMING_AIM_MS,
    )
    complete = not facts["missing"] and not facts["repeated"]
    timing.aim(
        "Hidden + sound: one tone per phase",
        f"{facts['tones']} tones for {facts['phases']} phases; missing: "
        f"{', '.join(facts['missing']) or 'none'}; repeated: {facts['repeated']}",
        complete,
    )
    for problem in visible_problems + [f"recording script error: {e}" for e in facts["errors"]]:
        timing.verdicts.append(problem)
    hidden_at = facts["hidden_at"]
    timing.method += [
        "No fake clock. Puppeteer-core drives Debian's Chromium (headless=new) with Chrome's hidden-tab throttling left on",
        "and --autoplay-policy=no-user-gesture-required (the Start click is a real click; headless has no audio device).",
        "The visible pacer's data-phase changes are logged by a MutationObserver with performance.now(); the start is the Start",
        "click as seen by a capture listener just before the pacer's own handler; the ideal schedule is the start plus the phase",
        "lengths from data/exercises.yml. The second pacer (sound ticked in its settings) is started, then a new tab is opened in",
        f"front of it: its document.visibilityState really turns 'hidden' ({ms(hidden_at) if hidden_at is not None else 'never'} after",
        "the start) until it is brought back after the session. An init script wraps AudioScheduledSourceNode.prototype.start and",
        "logs each tone's `when`; 'as heard' maps `when` to performance.now() by a least-squares fit of AudioContext.getOutputTimestamp()",
        f"pairs sampled every 2 s (audio clock against performance clock: {facts['clock_ppm']:+.1f} ppm); 'on ctx.currentTime' uses",
        "the currentTime the page read when the tone was scheduled, so it leaves out the output latency the context reports",
        f"({facts['latency_ms']:.0f} ms base + output latency here). Drift (fit) is the slope of a straight line through the errors.",
        "A data-phase change can only show at the next frame, so visible errors fall between 0 and one frame (16.7 ms at 60 Hz);",
        "a slope within that band comes from where the frames fall against the 4 s boundaries, while drift that builds up",
        "would carry the errors past one frame as the session goes on.",
        f"After the session the hidden pacer, brought to the front, showed state '{facts['state_after']}'.",
        "Playwright is not used here because it keeps every page 'visible' (focus emulation), so no tab of it is ever hidden.",
    ]

    cost = Section("4. Main-thread cost")
    shares = main_thread(data["visible"])
    idle = main_thread(data["visible"], "idleAtStart", "idleAtEnd")
    before = main_thread(base["visible"])
    table = Table(
        f"Visible {EXERCISE} pacer running for {shares['seconds']:.0f} s, against the {BASELINE_NAME} over the same "
        f"time in a second Chromium, and the same page idle for {idle['seconds']:.0f} s",
        [
            "metric",
            "pacing: busy per second",
            "share of one core",
            f"baseline: {BASELINE_NAME}",
            "today / baseline",
            "idle: share of one core",
        ],
    )
    for name in METRICS:
        if name in shares:
            ratio = shares[name] / before[name] if before.get(name) else float("nan")
            table.rows.append(
                [
                    name,
                    ms(shares[name] * 1000),
                    f"{100 * shares[name]:.2f}%",
                    f"{100 * before[name]:.2f}%",
                    f"{ratio:.2f}",
                    f"{100 * idle[name]:.2f}%",
                ]
            )
    table.rows.append(
        ["layouts per second", f"{shares['frames']:.1f}", "", f"{before['frames']:.1f}", "", f"{idle['frames']:.1f}"]
    )
    cost.tables.append(table)
    for name, label in (
        ("TaskDuration", "TaskDuration"),
        ("ScriptDuration", "ScriptDuration"),
        ("ThreadTime", "ThreadTime (main-thread CPU time)"),
    ):
        if name in shares:
            cost.aim(
                f"{label} share of one core while pacing (aim under 1%)",
                f"{100 * shares[name]:.2f}% (baseline {100 * before[name]:.2f}%, ratio "
                f"{shares[name] / before[name]:.2f})",
                shares[name] < CPU_AIM,
            )
    long_tasks = [
        (at, took) for at, took in data["visible"].get("longTasks", []) if at >= data["visible"]["starts"][-1]
    ]
    cost.verdicts.append(
        f"Main-thread tasks over 50 ms while pacing (visible tab): {len(long_tasks)}, longest "
        f"{ms(max((took for _, took in long_tasks), default=0))}"
    )
    cost.method += [
        "CDP Performance.getMetrics on the visible tab, read just after the Start click and again when the pacer shows done;",
        "the differences are divided by the time between the two readings. TaskDuration is all main-thread work (script,",
        "style, layout, paint and other tasks: TaskOtherDuration), as wall time, so it grows when the machine is busy;",
        "ThreadTime is the main thread's CPU time, which does not. Compositor, raster and GPU-process work are not counted.",
        "The idle column is the same tab for 10 s before Start. Both tabs ran at once (see 3.).",
        f"The baseline is the same recording of a copy of the site with the {BASELINE_NAME}'s pacer.js and pacer.css",
        "(bench/baseline.py), in a second Chromium started at the same moment, so both met the same machine load;",
        "'today / baseline' is the ratio of the two shares.",
    ]
    for section in (timing, cost):
        for t in section.tables:
            print(t.markdown() + "\n", flush=True)
    return timing, cost
