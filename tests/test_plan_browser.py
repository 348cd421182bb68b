"""The practice plan page in Chromium, as a reader uses it: a plan link read back in words and played
as the day's session, bad and hostile links answered in text only, the calendar file the page
downloads read by icalendar, the printed page one A4 or Letter sheet whose QR code decodes to the
link, progress from the practice log (and nothing stored with the log off), the built-in plans
linked and rendered, the plan offline, and the your-own page's copy and long-hold fixes."""

from __future__ import annotations

import datetime
import json

import pypdfium2
import pytest
import zxingcpp
from icalendar import Calendar
from playwright.sync_api import expect

from tests.support.offline import visit_then_go_offline

pytestmark = pytest.mark.browser
PLAN = "practice/plan/"
OWN = "exercises/your-own/"
ZONE = "Europe/London"
LOG_KEY = "breathing-room:practice-log"
SPY = """window.cspViolations = [];
document.addEventListener('securitypolicyviolation', e => cspViolations.push(e.violatedDirective));"""


@pytest.fixture
def reader(open_page):
    """A page with the reader's time zone and clipboard, and a CSP violation spy."""
    page = open_page(
        timezone_id=ZONE, viewport={"width": 390, "height": 844}, permissions=["clipboard-read", "clipboard-write"]
    )
    page.add_init_script(SPY)
    return page


def open_plan(page, url: str) -> None:
    page.goto(url)
    page.locator("br-plan.br-plan--ready").wait_for()
    page.locator("br-plan br-pacer[data-ready]").wait_for()


def pacer_settings(page) -> dict:
    return json.loads(page.locator("br-plan br-pacer").get_attribute("data-exercise"))["settings"]


def test_a_plan_link_reads_back_as_the_same_plan_in_words_and_the_days_session(reader, site_url):
    open_plan(reader, site_url + PLAN + "?exercise=box&minutes=5&days=30&time=7:30")
    assert reader.locator(".br-plan__sentence").inner_text() == "Box breathing, 5 minutes a day, for 30 days, at 7:30."
    # (5 min x 60 - a 4 s lead-in) / 16 s a breath = 18.5: nineteen whole breaths
    assert pacer_settings(reader) == {"cycles": 19, "pace": 1}
    assert reader.locator(".br-plan__problems").inner_text() == ""
    # The address is rewritten in the documented form, and the link to copy is that address.
    wanted = site_url + PLAN + "?exercise=box&minutes=5&days=30&time=07:30"
    assert reader.url == wanted
    assert reader.locator(".br-plan__link").input_value() == wanted
    # Box breathing holds its breath: who should skip holds is shown, right under the pacer (and
    # beside Start until it starts: tests/test_first_screen_links_browser.py).
    cautions = reader.locator('[data-plan-exercise="box"] .br-hold-caution').first
    assert cautions.is_visible()
    assert cautions.bounding_box()["y"] > reader.locator("br-plan br-pacer").bounding_box()["y"]
    assert reader.locator('[data-plan-exercise="box"]').evaluate_all("parts => parts.map(p => p.hidden)") == [
        False,
        False,
    ]  # its cautions, under the pacer, and its steps, under them
    assert reader.locator('[data-plan-exercise]:not([data-plan-exercise="box"])').evaluate_all(
        "parts => parts.every(part => part.hidden && part.offsetHeight === 0)"
    )
    reader.get_by_role("button", name="Copy link").click()
    expect(reader.locator(".br-plan__said")).to_have_text("Link copied.")  # the clipboard answers later
    assert reader.evaluate("navigator.clipboard.readText()") == wanted


def test_a_your_own_plan_carries_its_pattern_and_breaths_come_from_minutes(reader, site_url):
    open_plan(reader, site_url + PLAN + "?exercise=your-own&in=4&hold=0&out=6&rest=0&minutes=3&days=7&time=21:00")
    assert reader.locator(".br-plan__sentence").inner_text() == (
        "Your own pattern (in 4, out 6 seconds), 3 minutes a day, for 7 days, at 21:00."
    )
    assert pacer_settings(reader) == {"cycles": 18, "pace": 1}
    assert reader.locator(".br-plan__own-steps li").all_inner_texts() == [
        "Breathe in for 4 seconds.",
        "Breathe out for 6 seconds.",
        "Repeat: 18 breaths in all.",
    ]


@pytest.mark.parametrize(
    ("query", "said"),
    [
        (
            "?exercise=%3Cimg%20src%3Dx%20onerror%3Dwindow.ran%3D1%3E&minutes=999&days=-4&time=25:00"
            "&note=%3Cb%3Ehi%3C%2Fb%3E",
            [
                '"note" is not part of a plan link and was ignored.',
                '"exercise" was "<img src=x onerror=windo…", which is not one of the exercises (or your-own); '
                "used gentle instead.",
                '"minutes" was "999": this exercise\'s breaths fill at most 5 minutes a day; used 5 instead.',
                '"days" was "-4", which is less than 1 day; used 1 instead.',
                '"time" was "25:00", which is not a time of day from 00:00 to 23:59 (hours and minutes, 24-hour '
                "clock); used 08:00 instead.",
            ],
        ),
        (
            "?exercise=4-7-8&minutes=5",
            ['"minutes" was "5": this exercise\'s breaths fill at most 1 minute a day; used 1 instead.'],
        ),
    ],
)
def test_a_bad_or_hostile_link_gets_text_only_and_a_safe_plan(reader, site_url, query, said):
    open_plan(reader, site_url + PLAN + query)
    assert reader.locator(".br-plan__problems li").all_inner_texts() == said
    assert reader.locator("br-plan img, br-plan b, br-plan script:not([src])").count() == 0
    assert reader.evaluate("window.ran") is None
    assert reader.evaluate("cspViolations") == []
    reader.locator("br-plan br-pacer").get_by_role("button", name="Start").click()
    assert reader.locator("br-plan br-pacer").get_attribute("data-state") == "running"


def test_the_calendar_file_the_page_downloads_is_the_plan(reader, site_url):
    open_plan(reader, site_url + PLAN + "?exercise=gentle&minutes=5&days=14&time=07:30")
    with reader.expect_download() as download:
        reader.get_by_role("button", name="Add to calendar").click()
    assert download.value.suggested_filename == "breathing-plan.ics"
    calendar = Calendar.from_ical(download.value.path().read_bytes())
    (event,) = calendar.walk("VEVENT")
    link = site_url + PLAN + "?exercise=gentle&minutes=5&days=14&time=07:30"
    assert event.get("RRULE")["COUNT"] == [14]
    assert event.get("RRULE")["FREQ"] == ["DAILY"]
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute) == (7, 30)
    assert str(start.tzinfo) == ZONE or event["DTSTART"].params["TZID"] == ZONE
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == [ZONE]
    assert event.decoded("DURATION") == datetime.timedelta(minutes=5)
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == datetime.timedelta(0)
    assert str(event["URL"]) == link
    assert link in str(event["DESCRIPTION"])
    expect(reader.locator(".br-plan__said")).to_contain_text("Calendar file downloaded")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize(
    "query", ["?exercise=box&minutes=5&days=30&time=07:30", "?exercise=your-own&in=4&hold=7&out=8"]
)
def test_the_printed_plan_is_one_page_whose_qr_code_opens_the_plan(reader, site_url, tmp_path, paper, query):
    open_plan(reader, site_url + PLAN + query)
    reader.locator(".br-plan__qr-code svg").wait_for(state="attached")
    link = reader.locator(".br-plan__link").input_value()
    pdf_path = tmp_path / "plan.pdf"
    reader.pdf(path=pdf_path, format=paper, print_background=True)
    document = pypdfium2.PdfDocument(pdf_path)
    assert len(document) == 1
    text = document[0].get_textpage().get_text_range()
    image = document[0].render(scale=3).to_pil()
    document.close()
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in codes] == [link]
    # The plan, its steps and cautions, and the crisis lines print; the screen's controls do not.
    assert reader.locator(".br-plan__sentence").inner_text() in " ".join(text.split())
    assert "Before you start" in text and "If you feel unsafe now" in text
    for gone in ("Copy link", "Add to calendar", "Change this plan", "Plans to start with", "Breathing Room"):
        assert gone not in text


def test_with_a_chosen_country_only_its_crisis_lines_print(reader, site_url):
    reader.add_init_script("localStorage.setItem('breathing-room:country', 'Canada')")
    open_plan(reader, site_url + PLAN)
    others = reader.locator(".br-plan__country.br-plan__country--other")
    assert reader.locator(".br-plan__country:not(.br-plan__country--other)").evaluate_all(
        "lines => lines.map(line => line.dataset.country)"
    ) == ["Canada"]
    assert others.count() == reader.locator(".br-plan__country").count() - 1


def session(day: datetime.date, exercise: str, ended: str = "finished") -> dict:
    return {
        "started": f"{day.isoformat()}T12:00:00.000Z",
        "exercise": exercise,
        "title": exercise,
        "pattern": "In 5 · Out 5",
        "breaths": 30,
        "minutes": 5,
        "ended": ended,
        "before": None,
        "after": None,
    }


def test_progress_comes_from_the_log_when_it_is_on(reader, site_url):
    today = datetime.datetime.now(datetime.UTC).date()
    days = [today - datetime.timedelta(days=back) for back in range(6)]
    log = {
        "on": True,
        "sessions": [
            session(days[0], "gentle"),
            session(days[0], "gentle"),  # the same day twice counts once
            session(days[2], "gentle"),
            session(days[5], "gentle"),
            session(days[1], "box"),  # another exercise
            session(days[3], "gentle", "stopped"),  # not finished
            session(today - datetime.timedelta(days=20), "gentle"),  # before the plan's 14 days
        ],
    }
    reader.add_init_script(f"localStorage.setItem({json.dumps(LOG_KEY)}, {json.dumps(json.dumps(log))})")
    open_plan(reader, site_url + PLAN + "?exercise=gentle&minutes=5&days=14")
    progress = reader.locator(".br-plan__progress")
    assert progress.locator("strong").inner_text() == "3 of 14 days"
    assert "finished session of Gentle breathing (no holds) on 3 days" in progress.inner_text()


def test_with_the_log_off_the_plan_stores_nothing_and_says_how_to_turn_it_on(reader, site_url):
    open_plan(reader, site_url + PLAN + "?exercise=gentle")
    progress = reader.locator(".br-plan__progress")
    assert "The practice log is off, so this page keeps nothing" in progress.inner_text()
    assert progress.get_by_role("link", name="Your practice").get_attribute("href") == site_url + "practice/"
    # Material keeps its colour palette under "/breathing-room/.__palette"; the plan keeps nothing.
    assert [key for key in reader.evaluate("Object.keys(localStorage)") if "/.__" not in key] == []


def test_the_built_in_plans_render_and_link(reader, site_url):
    for page in ("exercises/", "practice/"):
        reader.goto(site_url + page)  # Material writes every link as an absolute address
        assert reader.locator(f'a[href="{site_url}{PLAN}#built-in"]').count() == 1
    reader.goto(site_url + PLAN)
    items = reader.locator(".br-plan-list__item")
    assert items.count() >= 2
    first = items.first.get_by_role("link").first
    words = items.first.locator("p").first.inner_text()
    first.click()
    reader.locator("br-plan.br-plan--ready").wait_for()
    reader.wait_for_url("**/practice/plan/?exercise=*")
    assert words.endswith(": " + reader.locator(".br-plan__sentence").inner_text())


def test_a_plan_link_opens_offline(browser, offline_site):
    # A context of its own: the offline copy needs its service worker, and set_offline is for good.
    context = browser.new_context(timezone_id=ZONE)
    context.add_init_script(SPY)
    page = context.new_page()
    try:
        visit_then_go_offline(page, offline_site)
        open_plan(page, offline_site.url + PLAN + "?exercise=box&minutes=5&days=14")
        page.locator(".br-plan__qr-code svg").wait_for(state="attached")  # the vendored QR library, cached
        assert offline_site.take_requests_except_update_checks() == []
        assert (
            page.locator(".br-plan__sentence").inner_text() == "Box breathing, 5 minutes a day, for 14 days, at 8:00."
        )
        assert page.evaluate("cspViolations") == []
    finally:
        offline_site.down = False
        context.close()


def test_your_own_copy_link_copies_the_form_as_shown(reader, site_url):
    """Breaths changed in the form, without "Use this pattern": Copy link copies what the form shows."""
    reader.goto(site_url + OWN)
    reader.locator('br-pacer[data-pacer="your-own"][data-ready]').wait_for()
    reader.locator('br-pattern-maker [name="breaths"]').fill("12")
    reader.get_by_role("button", name="Copy link").click()
    expect(reader.locator(".br-your-own__copied")).to_have_text("Link copied.")
    assert reader.evaluate("navigator.clipboard.readText()") == (
        site_url + OWN + "?in=4&hold=0&out=6&rest=0&breaths=12"
    )
    plan = reader.locator(".br-your-own__plan").get_attribute("href")
    assert plan == site_url + PLAN + "?exercise=your-own&in=4&hold=0&out=6&rest=0"


def test_a_long_hold_link_plays_the_datas_longest_hold_and_says_so(reader, site_url):
    reader.goto(site_url + OWN + "?in=4&hold=20&out=6&rest=20&breaths=100&pace=1.5")
    pacer = reader.locator('br-pacer[data-pacer="your-own"][data-ready]')
    pacer.wait_for()
    phases = json.loads(pacer.get_attribute("data-exercise"))["phases"]
    assert [(phase["action"], phase["seconds"]) for phase in phases] == [
        ("breathe-in", 4),
        ("hold-full", 7),
        ("breathe-out", 6),
        ("hold-empty", 7),
    ]
    assert reader.locator(".br-your-own__problems li").all_inner_texts() == [
        '"hold" was "20": more than 7 seconds; used 7 instead.',
        '"rest" was "20": more than 7 seconds; used 7 instead.',
    ]
    # A link opens the client's view: the form is folded away and the hold caution comes first.
    assert reader.locator(".br-your-own__maker").evaluate("details => details.open") is False
    assert reader.locator(".br-your-own__holds").is_visible()


def test_your_own_prints_the_pattern_not_the_form(reader, site_url, tmp_path):
    reader.goto(site_url + OWN + "?in=4&hold=7&out=8&rest=0&breaths=4")
    reader.locator(".br-your-own__qr-code svg").wait_for(state="attached")
    pdf_path = tmp_path / "own.pdf"
    reader.pdf(path=pdf_path, format="A4")
    document = pypdfium2.PdfDocument(pdf_path)
    assert len(document) == 1
    text = document[0].get_textpage().get_text_range()
    image = document[0].render(scale=3).to_pil()
    document.close()
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [reader.locator(".br-your-own__link").input_value()]
    assert "Breathe in for 4 seconds." in text and "Before you start" in text
    for gone in ("Use this pattern", "Copy link", "The link format"):
        assert gone not in text
