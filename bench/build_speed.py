"""1. Build: whole-process `mkdocs build --strict` times, hook on against hook off, run
alternately in one session so both see the same machine state; then the same for generated
sites of 10, 100 and 1,000 pages, with a pacer on each page against the same pages without."""

from __future__ import annotations

import filecmp
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.environment import WORK_DIR
from bench.report import Section, Table
from bench.site_variants import generated_site, hook_on_and_off

MAIN_ROUNDS = 9
SCALING_ROUNDS = {10: 9, 100: 9, 1000: 3}  # small sites are cheap and noisy: more runs
RATIO_AIM = 1.10
SCALING_AIM = 1.2


def timed_build(site: Path) -> float:
    """Seconds for one whole `mkdocs build` process, interpreter start-up included."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site / "site")],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    took = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {site}:\n{result.stdout}\n{result.stderr}")
    return took


def alternate(first: Path, second: Path, rounds: int, warm_up: bool = True) -> tuple[list[float], list[float]]:
    """One untimed warm-up each (file cache, .pyc), then first/second alternately, the order
    swapped every round so neither always runs on a machine the other just warmed. The big
    sites skip the warm-up: half a minute each, and start-up is a rounding error there."""
    if warm_up:
        timed_build(first)
        timed_build(second)
    a, b = [], []
    for round_number in range(rounds):
        if round_number % 2 == 0:
            a.append(timed_build(first))
            b.append(timed_build(second))
        else:
            b.append(timed_build(second))
            a.append(timed_build(first))
    return a, b


def identical_pages(first: Path, second: Path) -> tuple[int, int]:
    """How many built HTML pages are byte-identical between the two sites."""
    pages = sorted(p.relative_to(first) for p in first.rglob("*.html"))
    same = sum(filecmp.cmp(first / p, second / p, shallow=False) for p in pages if (second / p).is_file())
    return same, len(pages)


def run() -> Section:
    section = Section("1. Build")
    on, off = hook_on_and_off(WORK_DIR / "build")
    on_times, off_times = alternate(on, off, MAIN_ROUNDS)
    ratio = statistics.median(on_times) / statistics.median(off_times)
    same, total = identical_pages(on / "site", off / "site")
    table = Table(
        f"Whole site, median of {MAIN_ROUNDS} alternate runs each",
        ["build", "median", "min", "max", "ratio to hook off"],
    )
    for name, times in (("hook on (the site)", on_times), ("hook off, shortcodes pre-expanded", off_times)):
        table.rows.append(
            [
                name,
                f"{statistics.median(times):.3f} s",
                f"{min(times):.3f} s",
                f"{max(times):.3f} s",
                f"{statistics.median(times) / statistics.median(off_times):.2f}",
            ]
        )
    section.tables.append(table)
    section.aim("Build time, hook on / hook off (aim at most 1.10)", f"{ratio:.2f}", ratio <= RATIO_AIM)
    print(table.markdown() + "\n", flush=True)

    scaling = Table(
        "Generated sites: a pacer on every page against the same pages without",
        [
            "pages",
            "runs",
            "with pacer",
            "per page",
            "without",
            "per page",
            "ratio",
            "the pacer's cost per page",
            "added per extra page, with / without pacer",
        ],
    )
    worst_ratio = 0.0
    previous = None  # (pages, median seconds with pacer, without)
    marginal: list[tuple[float, float]] = []  # seconds per extra page, with and without pacer
    for pages, rounds in SCALING_ROUNDS.items():
        with_pacer = generated_site(WORK_DIR / f"scale-{pages}-pacer", pages, with_pacer=True)
        without = generated_site(WORK_DIR / f"scale-{pages}-plain", pages, with_pacer=False)
        with_times, without_times = alternate(with_pacer, without, rounds, warm_up=pages < 1000)
        w, wo = statistics.median(with_times), statistics.median(without_times)
        worst_ratio = max(worst_ratio, w / wo)
        added = "-"
        if previous:
            extra = pages - previous[0]
            marginal.append(((w - previous[1]) / extra, (wo - previous[2]) / extra))
            added = f"{1000 * marginal[-1][0]:.1f} ms / {1000 * marginal[-1][1]:.1f} ms"
        previous = (pages, w, wo)
        scaling.rows.append(
            [
                pages,
                rounds,
                f"{w:.2f} s",
                f"{1000 * w / pages:.1f} ms",
                f"{wo:.2f} s",
                f"{1000 * wo / pages:.1f} ms",
                f"{w / wo:.2f}",
                f"{1000 * (w - wo) / pages:.1f} ms",
                added,
            ]
        )
        print(f"  {pages} pages: {w:.2f} s with pacers, {wo:.2f} s without", flush=True)
    section.tables.append(scaling)
    print(scaling.markdown() + "\n", flush=True)
    big = scaling.rows[-1]
    section.aim("1,000 pages, with pacer / without (aim at most 1.2)", big[6], float(big[6]) <= SCALING_AIM)
    section.aim(
        "Worst with/without ratio at any size (aim at most 1.2)", f"{worst_ratio:.2f}", worst_ratio <= SCALING_AIM
    )
    if len(marginal) == 2:
        growth = marginal[1][0] / marginal[0][0]
        growth_without = marginal[1][1] / marginal[0][1]
        section.aim(
            "Linear: time per extra page from 100 to 1,000 pages / from 10 to 100, with pacer (aim at most 1.2)",
            f"{growth:.2f} (without pacer: {growth_without:.2f})",
            growth <= SCALING_AIM,
        )
        big_pages = WORK_DIR / "scale-1000-plain" / "site" / "page-0500" / "index.html"
        small_pages = WORK_DIR / "scale-10-plain" / "site" / "page-0005" / "index.html"
        if big_pages.is_file() and small_pages.is_file():
            section.method.append(
                f"A generated page without a pacer is {small_pages.stat().st_size / 1024:.0f} KB of HTML in the 10-page site and "
                f"{big_pages.stat().st_size / 1024:.0f} KB in the 1,000-page site: every page carries the navigation to every other "
                "page, so rendering grows with pages squared, with or without the pacer."
            )
    section.method += [
        "Each figure is one whole `python -m mkdocs build --strict --quiet` process (start-up included), timed from outside.",
        "Hook off = the same site copied to bench/.work/ with the `hooks:` entry removed from mkdocs.yml and each shortcode replaced",
        f"by the HTML the hook's own renderers produce, so both builds write the same pages ({same} of {total} HTML pages byte-identical):",
        "the ratio is the cost of the hook's work alone (loading and checking data/, checking front matter, expanding shortcodes).",
        "The generated sites use the site's config (nav removed), theme, data and hook, with pages of about 300 words; 'with pacer' has",
        "`<!-- md:pacer ID -->` on every page (the five exercises in turn), 'without' has no shortcode and no hook, so that ratio is the",
        "whole cost of a pacer per page. Runs alternate, the order swapped each round, after one untimed warm-up build of each",
        "(none for 1,000 pages). 'The pacer's cost per page' is (with - without) / pages. 'Added per extra page' is the slope",
        "between one size and the next, which start-up time does not blur.",
    ]
    return section
