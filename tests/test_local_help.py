"""Help for where the reader is (issue 23): the data the first screen's help line chooses from.

countries.yml's time zones, languages and shared names are checked (each rule with its exact
message); the line's data are the `LocalHelp` typedef of country-pick.js, field by field; the list
every reader sees without script has every country's emergency number as a tel: link, escaped; and
the build's last step fills the one place overrides/main.html leaves for it on every page.
"""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from hooks.content.countries import Country, Help, validate_countries
from hooks.content.problems import DataError
from hooks.render.local_help import (
    PLACEHOLDER,
    emergency_numbers,
    fill_local_help,
    local_help_payload,
    render_local_help,
)
from tests.support.jsdoc import check_value, read_typedefs
from tests.support.paths import PACER_SCRIPTS_DIR, REPO_ROOT

SOURCE = "data/countries.yml"
RAW = yaml.safe_load((REPO_ROOT / SOURCE).read_text(encoding="utf-8"))
COUNTRIES = validate_countries(RAW, SOURCE)
TYPEDEFS = read_typedefs(PACER_SCRIPTS_DIR / "country-pick.js")
# The zones the issue names, and the country (or shared name) each must show.
ISSUE_ZONES = {
    "Australia/Sydney": "Australia",
    "Pacific/Auckland": "New Zealand",
    "America/Toronto": "Canada",
    "America/Chicago": "United States",
    "Europe/Dublin": "Ireland",
    "Europe/London": "UK",
}


def problems_in(change) -> list[str]:
    raw = copy.deepcopy(RAW)
    change(raw)
    with pytest.raises(DataError) as caught:
        validate_countries(raw, SOURCE)
    return caught.value.messages


def entry(raw: dict, name: str) -> dict:
    return next(country for country in raw["countries"] if country["name"] == name)


def test_the_issues_time_zones_each_belong_to_one_country_or_to_the_uk():
    for zone, expected in ISSUE_ZONES.items():
        owners = [country for country in COUNTRIES if zone in country.time_zones]
        names = {country.shared_zone_name or country.name for country in owners}
        assert names == {expected}, zone
    assert [c.name for c in COUNTRIES if "Pacific/Chatham" in c.time_zones] == ["New Zealand"]
    assert [c.name for c in COUNTRIES if "Europe/Belfast" in c.time_zones] == ["Northern Ireland"]
    assert {c.name: c.languages for c in COUNTRIES if c.languages} == {"Scotland": ("gd",), "Wales": ("cy",)}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda raw: entry(raw, "Australia")["time_zones"].append("Australia/Atlantis"),
            'data/countries.yml: country "Australia" (entry 8), field "time_zones[24]": found "Australia/Atlantis" '
            "(text); allowed: a time zone in the IANA database.",
        ),
        (
            lambda raw: entry(raw, "Australia")["time_zones"].append("Sydney time"),
            'data/countries.yml: country "Australia" (entry 8), field "time_zones[24]": found "Sydney time" '
            "(text); allowed: an IANA time zone name, e.g. Europe/London.",
        ),
        (
            lambda raw: entry(raw, "Wales").update(languages=["Welsh"]),
            'data/countries.yml: country "Wales" (entry 3), field "languages[1]": found "Welsh" (text); allowed: '
            "a language code: two or three lower-case letters (e.g. cy).",
        ),
        (
            lambda raw: entry(raw, "Scotland").update(languages=["cy"]),
            'data/countries.yml: country "Wales" (entry 3), field "languages[1]": found "cy" (text); allowed: '
            "a language no other country sharing its time zone lists (Scotland does).",
        ),
        (
            lambda raw: entry(raw, "Wales").pop("shared_zone_name"),
            'data/countries.yml: country "Wales" (entry 3), field "shared_zone_name": found nothing (the field is '
            "missing); allowed: one name for the countries that share a time zone (England, Scotland, Wales, "
            "Northern Ireland), the same in each.",
        ),
        (
            lambda raw: entry(raw, "Ireland")["time_zones"].append("Europe/London"),
            'data/countries.yml: country "England" (entry 1), field "emergency": found a list of 1; allowed: the '
            "same first emergency number as every country sharing its time zone (England, Scotland, Wales, "
            "Northern Ireland, Ireland).",
        ),
        (
            lambda raw: entry(raw, "Northern Ireland").update(crisis=entry(raw, "Northern Ireland")["crisis"][:1]),
            'data/countries.yml: country "England" (entry 1), field "crisis": found a list of 3; allowed: a '
            "crisis line that every country sharing its time zone lists too (England, Scotland, Wales, "
            "Northern Ireland).",
        ),
        (
            lambda raw: entry(raw, "Australia").pop("emergency"),
            'data/countries.yml: country "Australia" (entry 8), field "emergency": found nothing (the field is '
            "missing); allowed: an emergency service with a number to call first (the first screen shows it).",
        ),
        (
            lambda raw: [entry(raw, "Canada")["crisis"][0].pop(kind) for kind in ("call", "text")],
            'data/countries.yml: country "Canada" (entry 7), field "crisis": found a list of 3; allowed: a first '
            "crisis service with a number to call or text (the first screen shows it).",
        ),
    ],
)
def test_each_first_screen_rule_names_the_country_and_field(change, expected):
    assert expected in problems_in(change)


def test_the_payload_has_the_fields_of_the_local_help_typedef():
    payload = local_help_payload(COUNTRIES)
    assert check_value(payload, "LocalHelp", TYPEDEFS) == []
    # Every shape is reached: a line without an emergency number, a crisis line with only a site.
    lines = [country["line"] for country in payload["countries"]]
    assert any(line["emergency"] is None for line in lines)
    assert any(line["crisis"] and not line["crisis"]["number"] for line in lines)


def test_the_uk_line_is_what_all_four_nations_share():
    shared = local_help_payload(COUNTRIES)["shared"]
    assert shared == [
        {
            "name": "UK",
            "line": {
                "emergency": {"number": "999", "href": "tel:999"},
                "crisis": {"service": "Samaritans", "number": "116 123", "href": "tel:116123"},
            },
        }
    ]


def test_without_script_the_line_lists_every_emergency_number_as_a_tel_link():
    bar = render_local_help(COUNTRIES)
    listed = re.findall(r'<a href="tel:(\d+)">([^<]+)</a> ([^<·]+)', bar)
    assert [(dial, places.strip()) for dial, _, places in listed] == [
        ("999", "UK"),
        ("112", "Ireland"),
        ("911", "US, Canada"),
        ("000", "Australia"),
        ("111", "NZ"),
    ]
    assert bar.startswith('<br-local-help class="br-local-help" data-local-help="{&quot;countries&quot;')
    assert "<script" not in bar


def test_text_from_the_data_is_escaped_in_the_list_and_the_attribute():
    hostile = '"><img src=x onerror=alert(1)>'
    help_ = Help(service=hostile, source="https://example.org/", read=COUNTRIES[0].help["crisis"][0].read, call="999")
    country = Country(name=hostile, help={"emergency": (help_,), "crisis": (help_,)}, time_zones=("Europe/Paris",))
    bar = render_local_help([country])
    assert "<img" not in bar
    assert "&lt;img src=x onerror=alert(1)&gt;" in bar
    assert emergency_numbers([country])[0].places == [hostile]


def test_the_bar_fills_its_place_on_a_page_and_fills_it_again_on_a_rebuild():
    page = f"<body>{PLACEHOLDER}<main>x</main></body>"
    filled = fill_local_help(page, '<br-local-help class="br-local-help" data-local-help="1">A</br-local-help>')
    again = fill_local_help(filled, '<br-local-help class="br-local-help" data-local-help="2">B</br-local-help>')
    assert (
        again == '<body><br-local-help class="br-local-help" data-local-help="2">B</br-local-help><main>x</main></body>'
    )
    assert fill_local_help("<body></body>", "<p>bar</p>") == "<body></body>"
