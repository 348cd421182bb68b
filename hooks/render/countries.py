"""Country tabs (data/countries.yml) as pymdownx.tabbed Markdown, from hooks/templates/countries/tabs.md.

The tabbed extension writes the tabs, so their markup is the one Material's linked content tabs
(`content.tabs.link`) expect: a reader's choice of country carries to every country block on
every page, and is remembered, because every set labels its tabs with the same country names.
"""

from __future__ import annotations

from hooks.content.countries import TOPICS, Country, dial
from hooks.render.templates import render


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


def render_country_tabs(countries: list[Country], topics: tuple[str, ...]) -> str:
    """One tab per country, each showing the kinds of help in `topics`, as Markdown for the page."""
    return render("countries/tabs.md", countries=countries, topics=topics, headings=TOPICS, dial=dial)
