"""The reference list: checked like the exercises, and rendered once for the references page."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from hooks.problems import Problems, check_fields

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("key", "citation")
OPTIONAL = ("url", "note")


@dataclass(frozen=True)
class Reference:
    key: str
    citation: str
    url: str | None
    note: str | None


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
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.add(f"reference at entry {position}", "(entry)", entry, "a mapping with key and citation")
            continue
        key = entry.get("key")
        good_key = key if isinstance(key, str) and KEY_PATTERN.match(key) else None
        where = f'reference "{key}" (entry {position})' if good_key else f"reference at entry {position}"
        before = len(problems.messages)
        check_fields(entry, REQUIRED, OPTIONAL, problems, where)
        if key is not None and not good_key:
            problems.add(where, "key", key, "lower-case letters, digits and single hyphens, e.g. ma-2017")
        elif good_key and key in seen:
            problems.add(where, "key", key, "a unique key (it is used twice)")
        for name in ("citation", "note"):
            value = entry.get(name)
            if value is not None and not (isinstance(value, str) and value.strip()):
                problems.add(where, name, value, "non-empty text")
        url = entry.get("url")
        if url is not None and not (isinstance(url, str) and re.match(r"^https://[^\s<>\"']+$", url)):
            problems.add(where, "url", url, "an https:// address with no spaces, or leave it out")
        # A missing or malformed key was reported above, so a clean entry always has good_key.
        if len(problems.messages) == before and good_key is not None:
            seen.add(good_key)
            note = (entry.get("note") or "").strip() or None
            references.append(Reference(good_key, entry["citation"].strip(), url, note))
    problems.raise_if_any()
    return references


def render_reference_list(references: list[Reference]) -> str:
    """The references page's list, one entry per source, each with its stable anchor."""
    items = []
    for reference in sorted(references, key=lambda ref: ref.citation.lower()):
        parts = [html.escape(reference.citation)]
        if reference.url:
            link = html.escape(reference.url, quote=True)
            parts.append(f'<a href="{link}" rel="noopener">{html.escape(reference.url)}</a>')
        if reference.note:
            parts.append(f'<span class="br-references__note">{html.escape(reference.note)}</span>')
        items.append(f'<li id="{anchor_id(reference.key)}">' + " ".join(parts) + "</li>")
    return '<ol class="br-references">' + "".join(items) + "</ol>"


def short_label(reference: Reference) -> str:
    """'Ma 2017' for a journal article, the organisation's name for a web page."""
    match = re.match(r"^([^,.]+)[,.].*?\((\d{4})\)", reference.citation)
    if match:
        return f"{match.group(1).strip()} {match.group(2)}"
    return reference.citation.split(".", 1)[0].strip()
