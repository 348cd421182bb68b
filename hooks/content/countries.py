"""Help that depends on where the reader lives: checked from data/countries.yml, shown as country tabs.

Emergency numbers, crisis lines, urgent routes, how to get a talking therapy, where to report a
medicine's side effect and sexual-assault support lines differ by country. Each fact is written
once, with the page it was read on and the date, and the build refuses a file with a fact that
has no source, a number that is not a number, or a field it does not know.

hooks/render/countries.py shows them as linked country tabs, labelled with the country names.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from hooks.content.problems import Problems, check_fields

# The kinds of help, in the order a country tab shows them, with the heading a reader sees.
TOPICS: dict[str, str] = {
    "emergency": "Emergency",
    "crisis": "Crisis lines",
    "urgent": "Urgent, but not an emergency",
    "therapy": "Getting a talking therapy, and its cost",
    "side_effects": "Reporting a medicine's side effect",
    "sexual_assault": "After a sexual assault or unwanted touch",
}

# Tabs are styled for this many countries at most (see the .br-countries rules in site.css).
MAX_COUNTRIES = 12
COUNTRY_REQUIRED = ("name",)
COUNTRY_OPTIONAL = (*TOPICS, "missing")
ENTRY_REQUIRED = ("service", "source", "read")
ENTRY_OPTIONAL = ("call", "text", "text_keyword", "note", "web")

# A number as people write it: digits, with spaces or hyphens between groups, maybe a leading +.
PHONE_NUMBER = re.compile(r"^\+?[0-9](?:[0-9 -]*[0-9])?$")
KEYWORD = re.compile(r"^[A-Za-z0-9]{1,20}$")
WEB_ADDRESS = re.compile(r"^https://[^\s\"'<>]+$")
# A source is cited as the stored page gives its address, which is sometimes plain http://.
SOURCE_ADDRESS = re.compile(r"^https?://[^\s\"'<>]+$")
# Campaign and ad-click tags: a reader who follows our link would carry them to the other site.
TRACKING_PARAMETER = re.compile(r"[?&](?:utm_[a-z]+|gclid|fbclid|mc_eid|_ga)=", re.IGNORECASE)
# Words only: these fields are shown as text, never as markup.
PLAIN_TEXT = re.compile(r"^[^<>\[\]`*_\n]+$")


@dataclass(frozen=True)
class Help:
    service: str  # the service's name, e.g. "Samaritans"
    source: str  # the page the facts were read on, exactly as it was read
    read: datetime.date  # when that page was read
    call: str = ""  # a number to call, as written (e.g. "116 123")
    text: str = ""  # a number to text
    text_keyword: str = ""  # a word the service asks you to text first, prefilled in the message
    note: str = ""  # our own short words about the service (free, open when, what it is for)
    web: str = ""  # the service's own site, when the tab should link its name


@dataclass(frozen=True)
class Country:
    name: str  # the tab label; the same name on every page links the tabs
    help: dict[str, tuple[Help, ...]]  # topic -> its entries, in the data file's order
    missing: str = ""  # what the tab says for a topic with no entries, instead of NOT_CHECKED


def dial(number: str) -> str:
    """The number a phone dials: digits, and a leading + if there is one."""
    return ("+" if number.startswith("+") else "") + re.sub(r"[^0-9]", "", number)


def _text_field(entry: dict[str, Any], name: str, problems: Problems, where: str, pattern: re.Pattern[str]) -> str:
    value = entry.get(name)
    if value is None:  # a missing required field is reported by check_fields
        return ""
    if isinstance(value, str) and name in {"source", "web"} and TRACKING_PARAMETER.search(value):
        allowed = "the address without tracking tags (utm_..., gclid, fbclid): a reader's click must not carry them"
        problems.add(where, name, value, allowed)
        return ""
    if not isinstance(value, str) or not pattern.match(value.strip()):
        allowed = {
            "call": 'a phone number written with digits, spaces or hyphens, e.g. "116 123"',
            "text": 'a phone number written with digits, spaces or hyphens, e.g. "50808"',
            "text_keyword": "one word of letters and digits",
            "source": "the full http(s):// address of the page the facts were read on",
            "web": "a full https:// address",
        }.get(name, "plain words, with no Markdown or HTML")
        problems.add(where, name, value, allowed)
        return ""
    return value.strip()


def _entry(raw: Any, problems: Problems, where: str) -> Help | None:
    if not isinstance(raw, dict):
        problems.add(where, "", raw, "a mapping with the fields " + ", ".join(ENTRY_REQUIRED + ENTRY_OPTIONAL))
        return None
    before = len(problems.messages)
    check_fields(raw, ENTRY_REQUIRED, ENTRY_OPTIONAL, problems, where, missing_checked_by_caller=("read",))
    read = raw.get("read")
    if not (isinstance(read, datetime.date) and not isinstance(read, datetime.datetime)):
        problems.add(where, "read", read, "the date the source was read, written as YYYY-MM-DD, unquoted")
    fields = {
        "service": PLAIN_TEXT,
        "source": SOURCE_ADDRESS,
        "call": PHONE_NUMBER,
        "text": PHONE_NUMBER,
        "text_keyword": KEYWORD,
        "note": PLAIN_TEXT,
        "web": WEB_ADDRESS,
    }
    values = {name: _text_field(raw, name, problems, where, pattern) for name, pattern in fields.items()}
    if values["text_keyword"] and not values["text"]:
        problems.add(where, "text_keyword", raw.get("text_keyword"), 'a keyword only together with a "text" number')
    if not (values["call"] or values["text"] or values["note"]):
        problems.add(where, "call", None, 'a number to call, a "text" number or a "note" (an entry needs one)')
    if len(problems.messages) > before or not isinstance(read, datetime.date):
        return None
    return Help(read=read, **values)


def _where(raw: Any, position: int) -> str:
    name = raw.get("name") if isinstance(raw, dict) else None
    return f'country "{name}" (entry {position})' if isinstance(name, str) else f"country entry {position}"


def validate_countries(raw: Any, source: str) -> list[Country]:
    """Check the parsed countries file; return its countries or raise DataError with every problem."""
    problems = Problems(source)
    entries = raw.get("countries") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        problems.fail('the file must be a mapping with the key "countries": a list of at least one country.')
    if len(entries) > MAX_COUNTRIES:
        problems.add_plain(
            f"{len(entries)} countries; allowed: at most {MAX_COUNTRIES} (the chosen tab's underline in "
            "overrides/assets/stylesheets/site.css is written for that many)."
        )
    countries: list[Country] = []
    seen: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        where = _where(entry, position)
        if not isinstance(entry, dict):
            problems.add(
                where, "", entry, "a mapping with the fields " + ", ".join(COUNTRY_REQUIRED + COUNTRY_OPTIONAL)
            )
            continue
        check_fields(entry, COUNTRY_REQUIRED, COUNTRY_OPTIONAL, problems, where)
        name = entry.get("name")
        if not isinstance(name, str) or not PLAIN_TEXT.match(name.strip()):
            problems.add(where, "name", name, "the country's name in plain words (it is the tab's label)")
            continue
        if name in seen:
            problems.add(where, "name", name, f"a name no other country uses (entry {seen[name]} has it)")
        seen.setdefault(name, position)
        topics: dict[str, tuple[Help, ...]] = {}
        for topic in TOPICS:
            if topic not in entry:
                continue
            items = entry[topic]
            if not isinstance(items, list) or not items:
                problems.add(where, topic, items, "a list of at least one service (leave the field out if none)")
                continue
            found = [_entry(item, problems, f"{where}, {topic}[{index}]") for index, item in enumerate(items)]
            topics[topic] = tuple(item for item in found if item is not None)
        missing = entry.get("missing", "")
        if not isinstance(missing, str) or (missing and not PLAIN_TEXT.match(missing.strip())):
            problems.add(where, "missing", missing, "plain words, with no Markdown or HTML")
            missing = ""
        countries.append(Country(name.strip(), topics, missing.strip()))
    problems.raise_if_any()
    return countries


def text_only_numbers(countries: list[Country]) -> set[str]:
    """Numbers a service asks you to text that are not also its number to call (for the page checks)."""
    return {
        dial(item.text)
        for country in countries
        for items in country.help.values()
        for item in items
        if item.text and dial(item.text) != dial(item.call)
    }


def written_numbers_in(countries: list[Country]) -> set[str]:
    """Every number to call or text, as the data writes it (for the page checks)."""
    return {
        number
        for country in countries
        for items in country.help.values()
        for item in items
        for number in (item.call, item.text)
        if number
    }
