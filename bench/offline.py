"""6. Offline: what the first visit stores for offline use, and how fast a second page paints from
that copy with no connection, against the same page fetched online. One Chromium process for all
of it, each round in a fresh browser context (empty HTTP cache, no service worker yet)."""

from __future__ import annotations

import shutil
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from playwright.sync_api import BrowserContext, sync_playwright

from bench.environment import WORK_DIR
from bench.lighthouse import CATEGORIES, lighthouse
from bench.report import Section, Table, kb, ms
from bench.server import GzipSubPathHandler, serve
from tests.support.browsers import chromium_args
from tests.support.offline import cached_bytes, wait_until_offline_ready
from tests.support.polling import wait_until

ROUNDS = 9
SECOND_PAGE = "exercises/box/"  # a pacer page, reached after the home page
# Lighthouse's mobile throttling: what "online" means on a phone with a middling signal.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


class CountingHandler(GzipSubPathHandler):
    """The bench server, adding up the body bytes it sends (gzipped where the browser accepts it)."""

    sent: ClassVar[list[int]] = []
    lock: ClassVar[threading.Lock] = threading.Lock()

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            with CountingHandler.lock:
                CountingHandler.sent.append(int(value))
        super().send_header(keyword, value)


def taken_bytes() -> tuple[int, int]:
    """(responses, body bytes) sent since the last call."""
    with CountingHandler.lock:
        sent, CountingHandler.sent[:] = list(CountingHandler.sent), []
    return len(sent), sum(sent)


def first_contentful_paint(context: BrowserContext, url: str) -> float:
    page = context.new_page()
    page.goto(url)
    wait_until(page, "performance.getEntriesByName('first-contentful-paint').length > 0")
    painted = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    page.close()
    return painted


@contextmanager
def fresh_context(browser, *, service_workers: str = "allow") -> Iterator[BrowserContext]:
    context = browser.new_context(service_workers=service_workers)
    try:
        yield context
    finally:
        context.close()


def second_page(browser, site_url: str, condition: str) -> float:
    """First contentful paint of the second page of a visit that began on the home page."""
    blocked = condition.startswith("online, no offline copy")
    with fresh_context(browser, service_workers="block" if blocked else "allow") as context:
        home = context.new_page()
        home.goto(site_url)
        if blocked:
            home.wait_for_load_state("networkidle")
        else:
            wait_until_offline_ready(home)
        if condition == "offline, from the offline copy":
            context.set_offline(True)
        if condition.endswith("slow 4G"):
            session = context.new_cdp_session(home)
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", SLOW_4G)
            page = home
            page.goto(site_url + SECOND_PAGE)
            wait_until(page, "performance.getEntriesByName('first-contentful-paint').length > 0")
            return page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        return first_contentful_paint(context, site_url + SECOND_PAGE)


LIGHTHOUSE_RUNS = 3  # per variant, alternating, home page, mobile


def lighthouse_with_and_without(
    chromium: str, site_url: str, site_without_url: str
) -> tuple[Table, dict[str, list[int]]]:
    """Lighthouse (mobile) on the home page of the site and of the same site without sw.js (its
    registration then fails quietly: the site as it was), alternating, so both see the same load."""
    reports = WORK_DIR / "lighthouse-offline"
    reports.mkdir(parents=True, exist_ok=True)
    variants = {"with the offline copy": site_url, "without sw.js (as before)": site_without_url}
    results: dict[str, list[dict]] = {name: [] for name in variants}
    for run_number in range(LIGHTHOUSE_RUNS):
        for n, (name, url) in enumerate(variants.items()):
            report = reports / f"home-mobile-{n}-{run_number + 1}.json"
            results[name].append(lighthouse(chromium, url, [], report))
        print(f"  offline: Lighthouse round {run_number + 1} of {LIGHTHOUSE_RUNS}", flush=True)
    table = Table(
        f"Lighthouse, home page, mobile, {LIGHTHOUSE_RUNS} alternating runs each (median run by performance)",
        ["variant", "performance (all runs)", *CATEGORIES[1:], "LCP", "TBT"],
    )
    medians: dict[str, list[int]] = {}
    for name, runs in results.items():
        runs.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
        middle = runs[len(runs) // 2]
        scores = [round(100 * (middle["categories"][c]["score"] or 0)) for c in CATEGORIES]
        medians[name] = scores
        every = ", ".join(str(round(100 * (r["categories"]["performance"]["score"] or 0))) for r in runs)
        audits = middle["audits"]
        table.rows.append(
            [
                name,
                f"{scores[0]} ({every})",
                *scores[1:],
                ms(audits["largest-contentful-paint"]["numericValue"]),
                ms(audits["total-blocking-time"]["numericValue"]),
            ]
        )
    return table, medians


CONDITIONS = (
    "online, no offline copy (before this change)",
    "online, no offline copy, slow 4G",
    "online, from the offline copy",
    "offline, from the offline copy",
)


def run(chromium: str, site: Path) -> Section:
    section = Section("6. Offline")
    without = WORK_DIR / "site-without-sw"
    if without.exists():
        shutil.rmtree(without)
    shutil.copytree(site, without, ignore=shutil.ignore_patterns("sw.js"))
    with (
        serve(site, CountingHandler) as site_url,
        serve(without) as site_without_url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=chromium, args=chromium_args(chromium))
        try:
            with fresh_context(browser) as context:
                taken_bytes()
                page = context.new_page()
                page.goto(site_url)
                wait_until_offline_ready(page)
                page.wait_for_load_state("networkidle")
                responses, sent = taken_bytes()
                sizes = cached_bytes(page)
            scores, lighthouse_medians = lighthouse_with_and_without(chromium, site_url, site_without_url)
            paints: dict[str, list[float]] = {condition: [] for condition in CONDITIONS}
            for round_number in range(ROUNDS):
                order = CONDITIONS if round_number % 2 == 0 else tuple(reversed(CONDITIONS))
                for condition in order:
                    paints[condition].append(second_page(browser, site_url, condition))
                print(f"  offline: round {round_number + 1} of {ROUNDS}", flush=True)
        finally:
            browser.close()

    stored = Table(
        "First visit to the home page, until the offline copy is ready",
        ["files kept", "bytes kept (as stored)", "responses sent", "bytes sent (gzipped where text)"],
        [[len(sizes), kb(sum(sizes.values())), responses, kb(sent)]],
    )
    baseline = statistics.median(paints[CONDITIONS[0]])
    timing = Table(
        f"First contentful paint of {SECOND_PAGE} after the home page, median of {ROUNDS} alternating rounds",
        ["condition", "median", "min", "max", "ratio to online without the offline copy"],
    )
    for condition, values in paints.items():
        median = statistics.median(values)
        timing.rows.append([condition, ms(median), ms(min(values)), ms(max(values)), f"{median / baseline:.2f}"])
    section.tables += [stored, timing, scores]
    offline_ratio = statistics.median(paints[CONDITIONS[3]]) / baseline
    section.aim(
        "Bytes stored on the first visit (aim at most 1.5 MB)",
        kb(sum(sizes.values())),
        sum(sizes.values()) <= 1.5 * 2**20,
    )
    section.aim(
        "Second page offline / online, first contentful paint (aim at most 1.2)",
        f"{offline_ratio:.2f}",
        offline_ratio <= 1.2,
    )
    with_copy, without_copy = lighthouse_medians.values()
    section.aim(
        "Lighthouse scores with the offline copy / without (aim: none lower, performance within 2 points)",
        f"{'/'.join(map(str, with_copy))} against {'/'.join(map(str, without_copy))}",
        with_copy[1:] >= without_copy[1:] and with_copy[0] >= without_copy[0] - 2,
    )
    section.method += [
        "Playwright drives the Chromium above (one process); every round is a fresh context. 'Online, no offline copy'",
        "blocks service workers (the site as it was), the home page first so shared CSS/JS sit in the HTTP cache.",
        "'From the offline copy' waits until the worker controls the home page; 'offline' then cuts the network.",
        "Slow 4G is Lighthouse's mobile throttling (150 ms, 1.6 Mbit/s) applied through CDP to the second page only.",
        "Bytes sent are response bodies counted by the bench server, which gzips text and ignores If-Modified-Since;",
        "GitHub Pages answers the worker's revalidations of files the page just loaded with 304, so it sends less.",
        "Lighthouse as in section 5 (mobile, home page), against the site and a copy of it without sw.js, served",
        "side by side: there the registration gets a 404 and fails quietly, so the page runs as it did before.",
    ]
    for table in section.tables:
        print(table.markdown() + "\n", flush=True)
    return section
