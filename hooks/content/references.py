"""The reference list: checked like the exercises (hooks/render/references.py shows it on the references page)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from hooks.content.findings import Finding, validate_findings
from hooks.content.problems import MISSING, Problems, check_fields

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("key", "citation", "findings")
OPTIONAL = ("url", "read", "note")
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


def _is_date(value: Any) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def anchor_id(key: str) -> str:
    """The HTML id of a reference's entry; pages link to references/#ref-KEY."""
    return f"ref-{key}"


def validate_references(raw: Any, source: str) -> list[Reference]:
    """Check the parsed references file; return the references or raise DataError with every problem."""
    problems = Problems(source)
    entries = raw.get("references") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        problems.fail('the file must be a mapping with one key, "references", holding a list of references.')
    references: list[Reference] = []
    seen: set[str] = set()
    anchors: dict[str, str] = {}  # finding anchor -> the entry that defines it
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.add(f"reference at entry {position}", "(entry)", entry, "a mapping with key and citation")
            continue
        key = entry.get("key")
        good_key = key if isinstance(key, str) and KEY_PATTERN.match(key) else None
        where = f'reference "{key}" (entry {position})' if good_key else f"reference at entry {position}"
        before = len(problems.messages)
        check_fields(entry, REQUIRED, OPTIONAL, problems, where, missing_checked_by_caller=("findings",))
        if key is not None and not good_key:
            problems.add(where, "key", key, "lower-case letters, digits and single hyphens, e.g. ma-2017")
        elif good_key and key in seen:
            problems.add(where, "key", key, "a unique key (it is used twice)")
        for name in ("citation", "note"):
            value = entry.get(name)
            if value is not None and not (isinstance(value, str) and value.strip()):
                problems.add(where, name, value, "non-empty text")
        url = entry.get("url")
        good_url = isinstance(url, str) and re.match(r"^https://[^\s<>\"']+$", url)
        if url is not None and not good_url:
            problems.add(where, "url", url, "an https:// address with no spaces, or leave it out")
        read = entry.get("read")
        if read is not None and not _is_date(read):
            problems.add(where, "read", read, "the date the page was read, written as YYYY-MM-DD, unquoted")
        elif read is None and isinstance(url, str) and good_url and not _LASTING_ADDRESS.match(url):
            allowed = "the date the page was read, written as YYYY-MM-DD (web pages change; a DOI needs none)"
            problems.add(where, "read", entry.get("read", MISSING), allowed)
        findings = validate_findings(entry.get("findings", MISSING), good_key or "", where, problems)
        for finding in findings:
            if finding.anchor in anchors:
                allowed = f"an id whose anchor {finding.anchor} is not already used by {anchors[finding.anchor]}"
                problems.add(where, "findings", finding.id, allowed)
            anchors.setdefault(finding.anchor, where)
        # A missing or malformed key was reported above, so a clean entry always has good_key.
        if len(problems.messages) == before and good_key is not None:
            seen.add(good_key)
            note = (entry.get("note") or "").strip() or None
            references.append(Reference(good_key, entry["citation"].strip(), url, note, read, findings))
    problems.raise_if_any()
    return references


def short_label(reference: Reference) -> str:
    """'Ma 2017' for a journal article; the author or organisation alone when there is no year."""
    match = re.match(r"^([^,.]+)[,.].*?\((\d{4})\)", reference.citation)
    if match:
        return f"{match.group(1).strip()} {match.group(2)}"
    return re.split(r"[,.]", reference.citation, maxsplit=1)[0].strip()
