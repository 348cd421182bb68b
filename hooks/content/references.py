"""The reference list: checked like the exercises (hooks/render/references.py shows it on the references page)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from hooks.content.fields import as_date, is_slug
from hooks.content.findings import Finding, check_findings, finding
from hooks.content.problems import MISSING, Entries, Lines, Location, Problems, entries
from hooks.content.schemas import check_schema

REFERENCES = Entries("references", "reference", "key", is_slug)
# A DOI names one fixed version of a paper; any other web page can change after we read it.
_LASTING_ADDRESS = re.compile(r"^https://doi\.org/")


@dataclass(frozen=True)
class Reference:
    key: str
    citation: str
    url: str | None
    note: str | None
    read: datetime.date | None = None  # when a web page (not a DOI) was read
    findings: tuple[Finding, ...] = ()  # the source's words that the site's sentences rest on


def anchor_id(key: str) -> str:
    """The HTML id of a reference's entry; pages link to references/#ref-KEY."""
    return f"ref-{key}"


def validate_references(raw: Any, source: str, lines: Lines | None = None) -> list[Reference]:
    """Check the parsed references file; return the references or raise DataError with every problem.

    The fields are checked against data/schemas/references.schema.json; the rules across fields
    and entries here. `lines` (from yaml_source) puts each problem's line in its message."""
    problems = Problems(source, raw, lines or {}, REFERENCES)
    check_schema(raw, "references", problems)
    seen: dict[str, int] = {}
    anchors: dict[str, str] = {}  # finding anchor -> the entry that defines it
    for index, entry in entries(raw, "references"):
        at: Location = ("references", index)
        key, url = entry.get("key"), entry.get("url")
        if is_slug(key) and key in seen:
            problems.at((*at, "key"), key, f"a unique key (entry {seen[key]} already uses it)")
        elif is_slug(key):
            seen[key] = index + 1
        if "read" not in entry and isinstance(url, str) and not _LASTING_ADDRESS.match(url):
            allowed = "the date the page was read, written as YYYY-MM-DD (web pages change; a DOI needs none)"
            problems.at((*at, "read"), MISSING, allowed)
        if is_slug(key):
            check_findings(entry.get("findings"), key, (*at, "findings"), anchors, problems)
    problems.raise_if_any()
    return [_reference(entry) for _, entry in entries(raw, "references")]


def _reference(raw: dict[str, Any]) -> Reference:
    """An entry that passed every check, as the object the references page renders."""
    note = raw.get("note", "").strip() or None
    read = as_date(raw["read"]) if "read" in raw else None
    findings = tuple(finding(raw["key"], item) for item in raw["findings"])
    return Reference(raw["key"], raw["citation"].strip(), raw.get("url"), note, read, findings)


def short_label(reference: Reference) -> str:
    """'Ma 2017' for a journal article; the author or organisation alone when there is no year."""
    match = re.match(r"^([^,.]+)[,.].*?\((\d{4})\)", reference.citation)
    if match:
        return f"{match.group(1).strip()} {match.group(2)}"
    return re.split(r"[,.]", reference.citation, maxsplit=1)[0].strip()
