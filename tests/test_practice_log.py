"""The private practice log in Chromium: nothing is stored before the reader turns it on (even after a
session); once on, a finished and a stopped session are kept, each with the optional tension asked
in one tap; the page lists them, charts minutes per day, downloads them as CSV and deletes them
all after a confirmation; and no request ever goes to another host."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from urllib.parse import urlsplit

import pytest

from tests.support.contexts import QUIET
from tests.support.watch import axe_violations

pytestmark = pytest.mark.browser
LOG_KEY = "breathing-room:practice-log"
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
BOX_SESSION_MS = 4_000 + 6 * 16_000  # box breathing: a 4 s lead-in, then 6 breaths of 4 phases of 4 s


def stored(page) -> object:
    raw = page.evaluate(f"localStorage.getItem({LOG_KEY!r})")
    return None if raw is None else json.loads(raw)


def log_keys(page) -> list[str]:
    """Every stored key except the pacers' remembered settings and the theme's own (colour scheme)."""
    return page.evaluate(
        "Object.keys(localStorage).filter(key => !key.startsWith('breath-pacer:') && !key.includes('.__'))"
    )


def run_box(page, site_url: str, run_ms: int, *, stop: bool) -> None:
    page.goto(site_url + "exercises/box/")
    pacer = page.locator('br-pacer[data-pacer="box"]')
    pacer.and_(page.locator("[data-ready]")).wait_for()
    pacer.get_by_role("button", name="Start").click()
    page.clock.run_for(run_ms)
    if stop:
        pacer.get_by_role("button", name="Reset").click()
    else:
        assert pacer.get_attribute("data-state") == "done"


def test_the_log_keeps_nothing_until_asked_then_keeps_lists_exports_and_deletes(browser, site_url, tmp_path):
    # A context of its own, not a pooled one: page.clock is installed on the whole context for good,
    # and every request of the context is watched. The search index empty, as in the pool.
    context = browser.new_context(accept_downloads=True, **QUIET)
    own_host = urlsplit(site_url).netloc
    foreign: list[str] = []
    context.on(
        "request",
        lambda request: (
            urlsplit(request.url).scheme in ("http", "https")
            and urlsplit(request.url).netloc != own_host
            and foreign.append(request.url)
        ),
    )
    page = context.new_page()
    page.clock.install(time=NOW)
    try:
        # Off: a whole session and a stopped one leave nothing behind.
        page.goto(site_url + "practice/")
        assert page.get_by_label("Keep a log on this device").is_checked() is False
        run_box(page, site_url, BOX_SESSION_MS + 1000, stop=False)
        run_box(page, site_url, 20_000, stop=True)
        assert page.locator(".br-log-rate").count() == 0
        assert log_keys(page) == []

        # On: the switch alone stores only that the log is on.
        page.goto(site_url + "practice/")
        page.get_by_label("Keep a log on this device").check()
        assert stored(page) == {"on": True, "sessions": []}

        run_box(page, site_url, BOX_SESSION_MS + 1000, stop=False)
        rate = page.locator(".br-log-rate")
        assert "Kept in your practice log: 1.7 min." in rate.inner_text()
        rate.get_by_role("group", name="Before you started").get_by_role("button", name="4").click()
        rate.get_by_role("group", name="Now").get_by_role("button", name="2").click()
        assert (
            rate.get_by_role("group", name="Now").get_by_role("button", name="2").get_attribute("aria-pressed")
            == "true"
        )
        page.clock.resume()  # axe-core waits on timers of its own
        assert axe_violations(page) == []

        run_box(page, site_url, 5_000, stop=True)  # too short to be practice: not kept
        run_box(page, site_url, 40_000, stop=True)  # two whole breaths and a half
        page.locator(".br-log-rate").get_by_role("button", name="Skip").click()
        assert page.locator(".br-log-rate").count() == 0

        sessions = stored(page)["sessions"]
        assert [(s["exercise"], s["breaths"], s["minutes"], s["ended"], s["before"], s["after"]) for s in sessions] == [
            ("box", 6, 1.7, "finished", 4, 2),
            ("box", 2, 0.7, "stopped", None, None),
        ]
        assert sessions[0]["title"] == "Box breathing"
        assert sessions[0]["pattern"] == "In 4 · Hold 4 · Out 4 · Hold 4"

        # The page: list, chart, CSV.
        page.goto(site_url + "practice/")
        log = page.locator("br-practice-log")
        assert log.locator("tbody tr").count() == 2
        assert axe_violations(page) == []
        assert log.locator("svg.br-log__chart rect").count() == 14
        assert "2.4 in total" in log.locator("svg.br-log__chart title").text_content()
        with page.expect_download() as download_info:
            log.get_by_role("button", name="Download CSV").click()
        download = download_info.value
        assert download.suggested_filename.endswith(".csv")
        target = tmp_path / "log.csv"
        download.save_as(target)
        rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
        assert rows[0] == [
            "started", "exercise", "pattern", "breaths", "minutes", "ended", "tension_before", "tension_after",
            "started_utc", "exercise_id",
        ]  # fmt: skip
        assert [row[1:8] for row in rows[1:]] == [
            ["Box breathing", "In 4 · Hold 4 · Out 4 · Hold 4", "6", "1.7", "finished", "4", "2"],
            ["Box breathing", "In 4 · Hold 4 · Out 4 · Hold 4", "2", "0.7", "stopped", "", ""],
        ]
        assert all(len(row[0]) == len("2026-11-30 09:00") for row in rows[1:])

        # Delete all asks first, then empties the log; off and empty leaves nothing at all.
        log.get_by_role("button", name="Delete all").click()
        assert stored(page)["sessions"] != []
        page.get_by_role("alertdialog").get_by_role("button", name="Keep them").click()
        assert len(stored(page)["sessions"]) == 2
        log.get_by_role("button", name="Delete all").click()
        page.get_by_role("button", name="Yes, delete all").click()
        assert stored(page) == {"on": True, "sessions": []}
        assert log.locator("tbody tr").count() == 0
        page.get_by_label("Keep a log on this device").uncheck()
        assert log_keys(page) == []
        assert foreign == []
    finally:
        context.close()
