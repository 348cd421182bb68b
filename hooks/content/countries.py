"""Help that depends on where the reader lives: checked from data/countries.yml, shown as country tabs.

Emergency numbers, crisis lines, urgent routes, how to get a talking therapy, where to report a
medicine's side effect and sexual-assault support lines differ by country. Each fact is written
once, with the page it was read on and the date, and the build refuses a file with a fact that
has no source, a number that is not a number, or a field it does not know.

hooks/render/countries.py shows them as linked country tabs, labelled with the country names;
hooks/render/local_help.py shows, in every page's first screen, the emergency number and main crisis
line of the country the reader's device is in, chosen by its time zone (and language, where
countries share a zone); the rules that choice needs are checked here.
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from collections import defaultdict
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
    short_name: str = ""  # the name in the first screen's help line, where space is short
    time_zones: tuple[str, ...] = ()  # IANA zones of devices in this country
    languages: tuple[str, ...] = ()  # tell it apart from countries sharing a zone
    shared_zone_name: str = ""  # the countries sharing its zone, together ("UK")


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
    return Country(
        raw["name"].strip(),
        topics,
        raw.get("missing", "").strip(),
        short_name=raw.get("short_name", "").strip(),
        time_zones=tuple(raw.get("time_zones", ())),
        languages=tuple(raw.get("languages", ())),
        shared_zone_name=raw.get("shared_zone_name", "").strip(),
    )


def first_call(services: Any) -> str:
    """The number to call of a list's first service ("" if none): a country's emergency number."""
    first = services[0] if isinstance(services, list) and services and isinstance(services[0], dict) else {}
    return dial(str(first.get("call", ""))) if first.get("call") else ""


def crisis_numbers(services: Any) -> list[str]:
    """The numbers (dialled form) of a country's crisis services, in order."""
    found = []
    for service in services if isinstance(services, list) else []:
        for kind in ("call", "text"):
            if isinstance(service, dict) and isinstance(service.get(kind), str):
                found.append(dial(service[kind]))
    return found


def _check_first_screen(raw: Any, problems: Problems) -> None:
    """What the first screen's help line needs: known time zones; an emergency number to call and a
    crisis line to call or text for a country with zones; and countries that share a zone sharing a
    name for them together, that emergency number and one crisis line, with no language in two."""
    known = zoneinfo.available_timezones()
    sharing: dict[str, list[int]] = defaultdict(list)
    for index, entry in entries(raw, "countries"):
        zones = entry.get("time_zones")
        for position, zone in enumerate(zones if isinstance(zones, list) else []):
            if isinstance(zone, str) and zone not in known:
                problems.at(("countries", index, "time_zones", position), zone, "a time zone in the IANA database")
            sharing[str(zone)].append(index)
        if not isinstance(zones, list):
            continue
        if not first_call(entry.get("emergency")):
            problems.at(("countries", index, "emergency"), entry.get("emergency", MISSING), FIRST_SCREEN_EMERGENCY)
        crisis = entry.get("crisis")
        if not crisis_numbers(crisis[:1] if isinstance(crisis, list) else None):
            problems.at(("countries", index, "crisis"), entry.get("crisis", MISSING), FIRST_SCREEN_CRISIS)
    groups = {tuple(indexes) for indexes in sharing.values() if len(indexes) > 1}
    countries = dict(entries(raw, "countries"))
    for group in sorted(groups):
        names = [str(countries[index].get("name")) for index in group]
        together = ", ".join(names)
        shared = {countries[index].get("shared_zone_name") for index in group}
        for index in group:
            if not countries[index].get("shared_zone_name") or len(shared) > 1:
                problems.at(
                    ("countries", index, "shared_zone_name"),
                    countries[index].get("shared_zone_name", MISSING),
                    f"one name for the countries that share a time zone ({together}), the same in each",
                )
        if len({first_call(countries[index].get("emergency")) for index in group}) > 1:
            problems.at(
                ("countries", group[0], "emergency"),
                countries[group[0]].get("emergency"),
                f"the same first emergency number as every country sharing its time zone ({together})",
            )
        if not shared_crisis_number([crisis_numbers(countries[index].get("crisis")) for index in group]):
            problems.at(
                ("countries", group[0], "crisis"),
                countries[group[0]].get("crisis"),
                f"a crisis line that every country sharing its time zone lists too ({together})",
            )
        seen: dict[str, str] = {}
        for index in group:
            languages = countries[index].get("languages")
            for position, language in enumerate(languages if isinstance(languages, list) else []):
                name = str(countries[index].get("name"))
                if language in seen and seen[language] != name:
                    allowed = f"a language no other country sharing its time zone lists ({seen[language]} does)"
                    problems.at(("countries", index, "languages", position), language, allowed)
                seen.setdefault(str(language), name)


FIRST_SCREEN_EMERGENCY = "an emergency service with a number to call first (the first screen shows it)"
FIRST_SCREEN_CRISIS = "a first crisis service with a number to call or text (the first screen shows it)"


def shared_crisis_number(numbers: list[list[str]]) -> str:
    """The first crisis number of the first country that every other country lists too ("" if none)."""
    return next((number for number in numbers[0] if all(number in other for other in numbers[1:])), "")


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
    _check_first_screen(raw, problems)
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
