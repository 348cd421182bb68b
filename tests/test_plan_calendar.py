"""The practice plan's calendar file read back by a maintained iCalendar library, as a calendar app
reads it: one daily event for the plan's days at the chosen local time in the reader's zone, with
its reminder and the plan link; and the zone the file describes agrees with the tz database at
every session, across a change to or from daylight saving time, north and south of the equator.

The file is made by the site's own module (overrides/assets/javascripts/plan-calendar.js) in Node.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from tests.support.node import run_module

LINK = "https://example.org/breathing-room/practice/plan/?exercise=gentle&minutes=5&days=14&time=08:00"

MAKE_ICS = """
import { icsFor } from './overrides/assets/javascripts/plan-calendar.js';
const { plan, now, timeZone } = input;
console.log(JSON.stringify(icsFor(plan, {
  title: 'Gentle breathing, 5 minutes',
  url: input.url,
  description: 'Gentle breathing, 5 minutes a day, for 14 days, at 8:00. Sit comfortably; breathe, gently.',
  now: new Date(now),
  timeZone,
})));
"""


def calendar_for(plan: dict[str, Any], now: str, zone: str, url: str = LINK) -> icalendar.Calendar:
    text = run_module(MAKE_ICS, {"plan": plan, "now": now, "timeZone": zone, "url": url})
    return icalendar.Calendar.from_ical(text.encode("utf-8"))


def sessions(event: icalendar.Event, tz: Any) -> list[datetime]:
    """Every session the event's RRULE gives, as wall-clock times in the zone `tz`."""
    start = event.decoded("DTSTART").replace(tzinfo=tz)
    return list(rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))


def test_one_daily_event_with_count_time_zone_reminder_and_link():
    calendar = calendar_for({"minutes": 5, "days": 14, "time": "08:00"}, "2026-03-20T07:00:00Z", "Europe/London")
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Breathing Room//Practice plan//EN"
    assert calendar["CALSCALE"] == "GREGORIAN"
    [event] = calendar.walk("VEVENT")
    start = event["DTSTART"]
    assert start.params["TZID"] == "Europe/London"
    assert start.dt == datetime(2026, 3, 20, 8, 0, tzinfo=ZoneInfo("Europe/London"))
    assert event["RRULE"]["FREQ"] == ["DAILY"]
    assert event["RRULE"]["COUNT"] == [14]
    assert event.decoded("DURATION") == timedelta(minutes=5)
    assert event["URL"] == LINK
    description = event.decoded("DESCRIPTION")
    assert description.startswith("Gentle breathing, 5 minutes a day, for 14 days, at 8:00. Sit comfortably; breathe,")
    assert description.endswith("\n\n" + LINK)
    assert event.decoded("SUMMARY") == "Gentle breathing, 5 minutes"
    assert event.decoded("DTSTAMP") == datetime(2026, 3, 20, 7, 0, tzinfo=timezone.utc)
    assert str(event["UID"]).startswith("20260320-")
    [alarm] = event.walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(0)
    assert alarm.decoded("DESCRIPTION") == "Gentle breathing, 5 minutes"


def test_sessions_stay_at_the_chosen_local_time_across_the_change_to_summer_time():
    """London moves to BST on 29 March 2026: the sessions stay at 08:00 local, so their UTC time moves."""
    calendar = calendar_for({"minutes": 5, "days": 14, "time": "08:00"}, "2026-03-20T07:00:00Z", "Europe/London")
    [event] = calendar.walk("VEVENT")
    [zone] = calendar.walk("VTIMEZONE")
    own_zone = zone.to_tz(lookup_tzid=False)  # from the file's VTIMEZONE alone, not the tz database
    times = sessions(event, own_zone)
    assert len(times) == 14
    assert {(t.hour, t.minute) for t in times} == {(8, 0)}
    assert times[0].date().isoformat() == "2026-03-20"
    assert times[-1].date().isoformat() == "2026-04-02"
    utc = [t.astimezone(timezone.utc) for t in times]
    assert utc[0].hour == 8  # GMT
    assert utc[-1].hour == 7  # BST
    assert sum(1 for t in utc if t.hour == 8) == 9  # 20 to 28 March


@pytest.mark.parametrize(
    ("zone", "now", "time", "days"),
    [
        ("Europe/London", "2026-10-20T12:00:00Z", "07:15", 14),  # back to GMT on 25 October
        ("Australia/Sydney", "2026-09-20T00:00:00Z", "21:00", 28),  # daylight time from 4 October
        ("Australia/Sydney", "2026-03-25T00:00:00Z", "06:00", 30),  # standard time from 5 April
        ("Asia/Kolkata", "2026-03-20T00:00:00Z", "05:30", 60),  # no daylight saving time
        ("America/Chicago", "2026-03-01T12:00:00Z", "22:45", 14),  # daylight time from 8 March
        ("America/Chicago", "2026-10-25T12:00:00Z", "06:30", 14),  # standard time from 1 November
    ],
)
def test_the_files_zone_agrees_with_the_tz_database_at_every_session(zone, now, time, days):
    calendar = calendar_for({"minutes": 10, "days": days, "time": time}, now, zone)
    [event] = calendar.walk("VEVENT")
    [vtimezone] = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == zone
    own_zone = vtimezone.to_tz(lookup_tzid=False)
    database = ZoneInfo(zone)
    times = sessions(event, own_zone)
    assert len(times) == days
    hour, minute = map(int, time.split(":"))
    offsets = set()
    for session in times:
        assert (session.hour, session.minute) == (hour, minute)
        expected = session.replace(tzinfo=database).utcoffset()
        assert session.utcoffset() == expected, f"{session:%Y-%m-%d %H:%M} in {zone}"
        offsets.add(expected)
    assert len(offsets) == (1 if zone == "Asia/Kolkata" else 2), offsets
