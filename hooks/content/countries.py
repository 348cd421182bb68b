"""Help that depends on where the reader lives: checked from data/countries.yml, shown as country tabs.

Emergency numbers, crisis lines, urgent routes, how to get a talking therapy, where to report a
medicine's side effect and sexual-assault support lines differ by country. Each fact is written
once, with the page it was read on and the date, and the build refuses a file with a fact that
has no source, a number that is not a number, or a field it does not know.

The tabs use the markup of pymdownx.tabbed's alternate style, so Material's linked content tabs
(`content.tabs.link`) carry a reader's choice of country to every country block on every page
and remember it: the tab labels are the country names, and Material matches tabs by label.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from hooks.content.fields import as_date, format_date
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
# What a tab says for a kind of help we have not checked a source for in that country yet.
NOT_CHECKED = "We have not yet checked a source for this in {country}. Your family doctor can tell you."

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


# --- rendering -------------------------------------------------------------------------------


def _item(item: Help) -> str:
    name = html.escape(item.service)
    if item.web:
        name = f'<a href="{html.escape(item.web, quote=True)}">{name}</a>'
    parts = [f"<strong>{name}</strong>"]
    if item.call:
        parts.append(f'call <a href="tel:{dial(item.call)}">{html.escape(item.call)}</a>')
    if item.text:
        body = f"?body={quote(item.text_keyword)}" if item.text_keyword else ""
        keyword = f"{html.escape(item.text_keyword)} to " if item.text_keyword else ""
        link = f'<a href="sms:{dial(item.text)}{body}">{html.escape(item.text)}</a>'
        parts.append(f"text {keyword}{link}")
    said = ": " + ", or ".join(parts[1:]) if len(parts) > 1 else ""
    note = f". {html.escape(item.note)}" if item.note else ""
    source = (
        f' <span class="br-country-source">(<a href="{html.escape(item.source, quote=True)}">source</a>, '
        f"read {format_date(item.read)})</span>"
    )
    return f"<li>{parts[0]}{said}{note}.{source}</li>"


def _block(country: Country, topics: tuple[str, ...]) -> str:
    sections = []
    for topic in topics:
        items = country.help.get(topic, ())
        listed = "".join(_item(item) for item in items) or (
            f"<li>{html.escape(country.missing or NOT_CHECKED.format(country=country.name))}</li>"
        )
        heading = f'<p class="br-country-topic">{TOPICS[topic]}</p>' if len(topics) > 1 else ""
        sections.append(f'{heading}<ul class="br-country-help" data-topic="{topic}">{listed}</ul>')
    return f'<div class="tabbed-block">{"".join(sections)}</div>'


def parse_topics(argument: str) -> tuple[str, ...]:
    """`crisis,urgent` -> ("crisis", "urgent"); LookupError names the known topics."""
    topics = tuple(part.strip().replace("-", "_") for part in argument.split(",") if part.strip())
    unknown = [topic for topic in topics if topic not in TOPICS]
    if not topics or unknown:
        known = ", ".join(topic.replace("_", "-") for topic in TOPICS)
        found = f'unknown topic "{unknown[0].replace("_", "-")}"' if unknown else "no topic"
        raise LookupError(
            f"{found} in <!-- md:countries -->; name one or more, separated by commas, from: {known} "
            "(e.g. <!-- md:countries crisis,urgent -->)."
        )
    return topics


def render_country_tabs(countries: list[Country], topics: tuple[str, ...], set_number: int) -> str:
    """One tab per country, as pymdownx.tabbed (alternate style) writes them.

    `set_number` tells this set from the others on the same page: the radio inputs' names and
    ids must be unique on a page. The `br-` prefix keeps them apart from Markdown-written tabs.
    """
    prefix = f"__br_country_{set_number}"
    inputs = "".join(
        f'<input{" checked" if index == 1 else ""} id="{prefix}_{index}" name="{prefix}" type="radio">'
        for index in range(1, len(countries) + 1)
    )
    labels = "".join(
        f'<label for="{prefix}_{index}">{html.escape(country.name)}</label>'
        for index, country in enumerate(countries, start=1)
    )
    blocks = "".join(_block(country, topics) for country in countries)
    return (
        f'<div class="tabbed-set tabbed-alternate br-countries" data-tabs="{set_number}:{len(countries)}">'
        f'{inputs}<div class="tabbed-labels">{labels}</div><div class="tabbed-content">{blocks}</div></div>'
    )
