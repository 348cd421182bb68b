"""The practice log survives, in Chromium: "Download CSV" writes UTF-8 with a byte order mark (so
Excel reads "In 4 · Out 6"), "Bring back a downloaded log" restores exactly those sessions and never
doubles one, a file that is not such a log gets a message and changes nothing, and turning the
log on asks the browser to keep the site's storage (navigator.storage.persist, stubbed here)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser
LOG_KEY = "breathing-room:practice-log"
RESTORE = "Bring back a downloaded log"
SESSIONS = [
    {
        "started": "2026-11-28T07:00:00.000Z",
        "exercise": "your-own",
        "title": 'Your own, "slow" pattern',
        "pattern": "In 4 · Out 6",
        "breaths": 12,
        "minutes": 2,
        "ended": "stopped",
        "before": None,
        "after": 5,
    },
    {
        "started": "2026-11-30T08:58:16.123Z",
        "exercise": "box",
        "title": "Box breathing",
        "pattern": "In 4 · Hold 4 · Out 4 · Hold 4",
        "breaths": 6,
        "minutes": 1.7,
        "ended": "finished",
        "before": 4,
        "after": 2,
    },
]
HEADER = "started,exercise,pattern,breaths,minutes,ended,tension_before,tension_after,started_utc,exercise_id"
NOT_LOGS = {
    "notes.csv": (b"date,minutes\r\n2026-11-30,3\r\n", "its first line should be the column names"),
    "empty.csv": (b"", "This file is empty."),
    "photo.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "it is not a text file"),
    "earlier.csv": (HEADER.rsplit(",", 2)[0].encode() + b"\r\n", "no started_utc and exercise_id columns"),
    "bad-row.csv": (
        (HEADER + "\r\n2026-11-30 09:00,Box,In 4,6,1.7,paused,,,2026-11-30T08:58:16.000Z,box\r\n").encode(),
        "row 2 has an unexpected ended",
    ),
    "huge.csv": ((HEADER + "\r\n").encode() + b"x" * 2_100_000, "far too big"),
}


@pytest.fixture
def practice(open_page, site_url) -> Page:
    page = open_page(accept_downloads=True, viewport={"width": 360, "height": 800})
    page.add_init_script(
        "navigator.storage.persist = () => {"
        " window.persistCalls = (window.persistCalls || 0) + 1; return Promise.resolve(true); };"
    )
    page.goto(site_url + "practice/")
    return page


def keep(page, log: dict) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [LOG_KEY, json.dumps(log)])
    page.reload()
    page.get_by_label("Keep a log on this device").wait_for()


def stored(page) -> str | None:
    return page.evaluate(f"localStorage.getItem({LOG_KEY!r})")


def message(page) -> str:
    return page.locator(".br-log__message").inner_text()


def test_a_downloaded_log_comes_back_exactly_and_never_doubles(practice, tmp_path):
    page = practice
    keep(page, {"on": True, "sessions": SESSIONS})
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV").click()
    target = tmp_path / "log.csv"
    download_info.value.save_as(target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n")
    assert "In 4 · Out 6" in raw.decode("utf-8-sig")

    page.get_by_role("button", name="Delete all").click()
    page.get_by_role("button", name="Yes, delete all").click()
    assert json.loads(stored(page) or "null") == {"on": True, "sessions": []}

    page.get_by_label(RESTORE).set_input_files(target)
    page.get_by_text("Brought back 2 sessions.").wait_for()
    assert json.loads(stored(page) or "null") == {"on": True, "sessions": SESSIONS}
    assert page.locator("br-practice-log tbody tr").count() == 2

    before = stored(page)
    page.get_by_label(RESTORE).set_input_files(target)
    page.get_by_text("Every session in this file is already here. Nothing was changed.").wait_for()
    assert stored(page) == before

    # One session lost (Safari's seven days, say): only it comes back, the other is not doubled.
    keep(page, {"on": True, "sessions": SESSIONS[1:]})
    page.get_by_label(RESTORE).set_input_files(target)
    page.get_by_text("Brought back 1 session. 1 was already here.").wait_for()
    assert json.loads(stored(page) or "null")["sessions"] == SESSIONS


def test_a_file_that_is_not_a_downloaded_log_changes_nothing(practice):
    page = practice
    keep(page, {"on": False, "sessions": SESSIONS[:1]})
    before = stored(page)
    for name, (content, says) in NOT_LOGS.items():
        page.get_by_label(RESTORE).set_input_files({"name": name, "mimeType": "text/csv", "buffer": content})
        page.get_by_text("Nothing was changed.").wait_for()
        assert says in message(page), name
        assert stored(page) == before, name
    assert page.locator("br-practice-log tbody tr").count() == 1


def test_turning_the_log_on_asks_the_browser_to_keep_the_storage(practice):
    page = practice
    assert page.evaluate("window.persistCalls || 0") == 0
    page.get_by_label("Keep a log on this device").check()
    assert page.evaluate("window.persistCalls || 0") == 1
    page.get_by_label("Keep a log on this device").uncheck()
    assert page.evaluate("window.persistCalls || 0") == 1
