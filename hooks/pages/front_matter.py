"""What every page must declare in its front matter, checked before the page is rendered."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from hooks.content.fields import is_date
from hooks.content.problems import describe
from hooks.pages.shortcodes import FRONT_MATTER

# Search engines cut a description at about 160 characters; fewer than 50 rarely says what a page is.
DESCRIPTION_LENGTH = (50, 160)
# Health information goes stale: every page is looked at again within six months.
REVIEW_GAP_DAYS = 184


def front_matter_problems(meta: Mapping[str, Any]) -> list[str]:
    """Readers and search engines need a description; readers need to know how fresh a page is.

    `reviewed_by` is optional: until a named person (say, a clinician) has checked a page, the
    page claims no reviewer, so an empty one would be a false promise.
    """
    problems = []
    description = meta.get("description")
    if not (isinstance(description, str) and description.strip()):
        problems.append(f'field "description": found {describe(description)}; allowed: one plain sentence.')
    elif not DESCRIPTION_LENGTH[0] <= len(description.strip()) <= DESCRIPTION_LENGTH[1]:
        shortest, longest = DESCRIPTION_LENGTH
        problems.append(
            f'field "description": found {len(description.strip())} characters; allowed: {shortest} to {longest}.'
        )
    for name in ("reviewed", "next_review"):
        if not is_date(meta.get(name)):
            problems.append(
                f'field "{name}": found {describe(meta.get(name))}; allowed: a date written as YYYY-MM-DD, unquoted.'
            )
    if "reviewed_by" in meta:
        reviewed_by = meta["reviewed_by"]
        if not (isinstance(reviewed_by, str) and reviewed_by.strip()):
            problems.append(
                f'field "reviewed_by": found {describe(reviewed_by)}; allowed: the name (and role) of the person '
                "who reviewed the page, as text, or leave the field out."
            )
    reviewed, next_review = meta.get("reviewed"), meta.get("next_review")
    if is_date(reviewed) and is_date(next_review) and next_review <= reviewed:
        problems.append(f'field "next_review": found {next_review}; allowed: a date after "reviewed" ({reviewed}).')
    elif is_date(reviewed) and is_date(next_review) and (next_review - reviewed).days > REVIEW_GAP_DAYS:
        problems.append(
            f'field "next_review": found {next_review}, {(next_review - reviewed).days} days after "reviewed"; '
            f"allowed: at most {REVIEW_GAP_DAYS} days (six months) after it."
        )
    return problems


def read_front_matter(source: str) -> dict[str, Any]:
    """The front matter of a page's source file, read as MkDocs reads it (YAML, dates as dates),
    for a generator that hands over the body alone. Unreadable front matter reads as none, so
    the rules above report what is missing."""
    found = FRONT_MATTER.match(source)
    if found is None:
        return {}
    try:
        meta = yaml.safe_load(found.group(0).strip().strip("-.").strip() or "{}")
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}
