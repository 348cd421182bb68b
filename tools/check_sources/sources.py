"""The addresses to check and the quotes each must still hold, read through the build's own checks
(hooks.content), so the tool sees exactly the data the site is built from.

An address cited by several entries (one page that is the source of several services) is fetched
once and reported once, with every entry that cites it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hooks.content.countries import TOPICS, validate_countries
from hooks.content.findings import Finding
from hooks.content.problems import DataError
from hooks.content.references import validate_references
from hooks.content.site_data import COUNTRIES_FILE, REFERENCES_FILE
from hooks.content.yaml_source import load_yaml_document


@dataclass
class Source:
    address: str
    cited_by: list[str] = field(default_factory=list)  # e.g. "references: andersen-2020"
    findings: list[Finding] = field(default_factory=list)  # the quotes this page must still hold


@dataclass(frozen=True)
class Sources:
    sources: tuple[Source, ...]
    without_address: tuple[str, ...]  # reference keys with no address to check (a book, say)


def load_sources(data_dir: Path, shown_as: str = "data") -> Sources:
    """Every address in references.yml and countries.yml with what cites it; DataError (with every
    problem in both files) when the data would not build."""
    messages: list[str] = []
    by_address: dict[str, Source] = {}
    without_address: list[str] = []

    def source(address: str) -> Source:
        return by_address.setdefault(address, Source(address))

    try:
        document = load_yaml_document(data_dir / REFERENCES_FILE, f"{shown_as}/{REFERENCES_FILE}")
        for reference in validate_references(document.data, f"{shown_as}/{REFERENCES_FILE}", document.lines):
            if reference.url is None:
                without_address.append(reference.key)
                continue
            entry = source(reference.url)
            entry.cited_by.append(f"references: {reference.key}")
            entry.findings.extend(reference.findings)
    except DataError as error:
        messages.extend(error.messages)
    try:
        document = load_yaml_document(data_dir / COUNTRIES_FILE, f"{shown_as}/{COUNTRIES_FILE}")
        for country in validate_countries(document.data, f"{shown_as}/{COUNTRIES_FILE}", document.lines):
            for topic, services in country.help.items():
                for service in services:
                    source(service.source).cited_by.append(f"{country.name}, {TOPICS[topic]}: {service.service}")
    except DataError as error:
        messages.extend(error.messages)
    if messages:
        raise DataError(messages)
    return Sources(tuple(by_address.values()), tuple(without_address))
