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

from hooks.content.fields import as_date
from hooks.content.problems import MISSING, Entries, Lines, Location, Problems, entries
from hooks.content.schemas import check_schema

# The kinds of help, in the order a country tab shows them, with the heading a reader sees.
TOPICS: dict[str, str] = {
    "emergency": "Emergency",
    "crisis": "Crisis lines",
    "urgent": "Urgent, but not an emergency",
    "therapy": "Getting a talking therapy, and its cost",
    "side_effects": "Reporting a medicine's side effect",
    "sexual_assault": "After a sexual assault or unwanted touch",
}

COUNTRIES = Entries("countries", "country", "name", lambda name: isinstance(name, str))


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


def _check_service(entry: dict[str, Any], location: Location, problems: Problems) -> None:
    """What one service needs beyond its fields' own forms: something to call, text or read."""
    if "text_keyword" in entry and "text" not in entry:
        problems.at((*location, "text_keyword"), entry["text_keyword"], 'a keyword only together with a "text" number')
    if not any(name in entry for name in ("call", "text", "note")):
        allowed = 'a number to call, a "text" number or a "note" (an entry needs one)'
        problems.at((*location, "call"), MISSING, allowed)


def _service(raw: dict[str, Any]) -> Help:
    """A service that passed every check, as the object a country tab renders."""
    words = {name: raw[name].strip() for name in ("call", "text", "text_keyword", "note", "web") if name in raw}
    return Help(service=raw["service"].strip(), source=raw["source"], read=as_date(raw["read"]), **words)


def _country(raw: dict[str, Any]) -> Country:
    topics = {topic: tuple(_service(item) for item in raw[topic]) for topic in TOPICS if topic in raw}
    return Country(raw["name"].strip(), topics, raw.get("missing", "").strip())


def validate_countries(raw: Any, source: str, lines: Lines | None = None) -> list[Country]:
    """Check the parsed countries file (data/schemas/countries.schema.json, then the rules across
    fields and entries); return its countries or raise DataError with every problem."""
    problems = Problems(source, raw, lines or {}, COUNTRIES)
    check_schema(raw, "countries", problems)
    seen: dict[str, int] = {}
    for index, entry in entries(raw, "countries"):
        name = entry.get("name")
        if isinstance(name, str) and name in seen:
            problems.at(("countries", index, "name"), name, f"a name no other country uses (entry {seen[name]} has it)")
        elif isinstance(name, str):
            seen[name] = index + 1
        for topic in TOPICS:
            services = entry.get(topic)
            for position, service in enumerate(services if isinstance(services, list) else []):
                if isinstance(service, dict):
                    _check_service(service, ("countries", index, topic, position), problems)
    problems.raise_if_any()
    return [_country(entry) for _, entry in entries(raw, "countries")]


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
