"""Help for where the reader is: every page's first screen (hooks/templates/countries/local_help.html).

Without script, or before it runs, the bar lists every country's emergency number. With script,
local-help-element.js shows one country's emergency number and main crisis line, chosen on the
device from its time zone and language (country-pick.js); the data it chooses from travel in the
element's `data-local-help` attribute as JSON (the `LocalHelp` typedef in country-pick.js), never in
an inline script. The theme (overrides/main.html) writes an empty element in the announce bar; the
build's last step (hooks/finish.py) fills it on every page, so both generators show the same bar.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from hooks.content.countries import Country, Help, dial, shared_crisis_number
from hooks.render.templates import render

# What overrides/main.html writes, and the build replaces with the filled bar; a page filled before
# (a `mkdocs serve --dirty` rebuild leaves unchanged pages as they were) is filled again.
PLACEHOLDER = '<br-local-help class="br-local-help"></br-local-help>'
_BAR = re.compile(r'<br-local-help class="br-local-help"[^>]*>.*?</br-local-help>', re.DOTALL)


class EmergencyNumber(NamedTuple):
    """One emergency number in the no-script list, as written, and the places it is for."""

    number: str
    dial: str
    places: list[str]


def _label(country: Country) -> str:
    return country.short_name or country.name


def _emergency(country: Country) -> dict[str, str] | None:
    first = next((item for item in country.help.get("emergency", ()) if item.call), None)
    return {"number": first.call, "href": "tel:" + dial(first.call)} if first else None


def _crisis(item: Help | None) -> dict[str, str] | None:
    """A crisis service as the bar shows it: its name and number to call (or text), or its site."""
    if item is None:
        return None
    if item.call or item.text:
        scheme, number = ("tel", item.call) if item.call else ("sms", item.text)
        return {"service": item.service, "number": number, "href": f"{scheme}:{dial(number)}"}
    return {"service": item.service, "number": "", "href": item.web} if item.web else None


def _line(country: Country, crisis: Help | None) -> dict[str, Any]:
    return {"emergency": _emergency(country), "crisis": _crisis(crisis)}


def _shared_crisis(group: Sequence[Country]) -> Help | None:
    """The crisis line every country of a group lists (the checker makes sure there is one)."""
    numbers = [
        [dial(number) for item in country.help.get("crisis", ()) for number in (item.call, item.text) if number]
        for country in group
    ]
    number = shared_crisis_number(numbers)
    return next(
        (item for item in group[0].help.get("crisis", ()) if number in {dial(item.call), dial(item.text)}), None
    )


def local_help_payload(countries: Sequence[Country]) -> dict[str, Any]:
    """What local-help-element.js needs: each country's zones, languages and line; the shared lines of
    countries that share a zone (the UK's four nations). Shape: `LocalHelp` in country-pick.js."""
    groups: dict[str, list[Country]] = {}
    for country in countries:
        if country.shared_zone_name:
            groups.setdefault(country.shared_zone_name, []).append(country)
    return {
        "countries": [
            {
                "name": country.name,
                "label": _label(country),
                "zones": list(country.time_zones),
                "languages": list(country.languages),
                "shared": country.shared_zone_name,
                "line": _line(country, next(iter(country.help.get("crisis", ())), None)),
            }
            for country in countries
        ],
        "shared": [{"name": name, "line": _line(group[0], _shared_crisis(group))} for name, group in groups.items()],
    }


def emergency_numbers(countries: Sequence[Country]) -> list[EmergencyNumber]:
    """Every emergency number, once, with the places it is for (countries sharing a zone by their
    shared name): "999 UK", "911 US, Canada"."""
    numbers: dict[str, EmergencyNumber] = {}
    for country in countries:
        emergency = _emergency(country)
        if not emergency or not country.time_zones:
            continue
        place = country.shared_zone_name or _label(country)
        entry = numbers.setdefault(emergency["href"], EmergencyNumber(emergency["number"], emergency["href"][4:], []))
        if place not in entry.places:
            entry.places.append(place)
    return list(numbers.values())


def render_local_help(countries: Sequence[Country]) -> str:
    """The bar for every page: the no-script list, and the data the script chooses from."""
    payload = json.dumps(local_help_payload(countries), ensure_ascii=False, separators=(",", ":"))
    return render("countries/local_help.html", numbers=emergency_numbers(countries), payload=payload)


def fill_local_help(html: str, bar: str) -> str:
    """The page with its help line filled (again, after a rebuild that kept the page); a page the
    theme gave no place (none of ours: tests/test_local_help_build.py checks every built page) is
    left as it is."""
    return _BAR.sub(lambda _: bar, html)
