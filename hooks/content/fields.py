"""The field types the data files share, on the Python side: one definition of each.

The patterns themselves live in data/schemas/fields.schema.json, where the build's validator and
an editor's YAML language server both read them; this module reads the few the code needs too
(to name an entry by its id), and holds the date helpers every data file and page uses.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any, TypeGuard

SCHEMA_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "schemas"
SHARED_FIELDS: dict[str, Any] = json.loads((SCHEMA_DIR / "fields.schema.json").read_text(encoding="utf-8"))["$defs"]

# An id, key or finding id: lower-case letters, digits and single hyphens (box, 4-7-8, ma-2017).
SLUG = re.compile(SHARED_FIELDS["slug"]["pattern"])


def is_slug(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and SLUG.match(value) is not None


def is_text(value: object) -> TypeGuard[str]:
    """Text with at least one character that is not a space."""
    return isinstance(value, str) and value.strip() != ""


def is_date(value: object) -> TypeGuard[datetime.date]:
    """A calendar date as YAML reads an unquoted YYYY-MM-DD (a date and time is not one)."""
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def as_date(value: str | datetime.date) -> datetime.date:
    """A checked data file's date (YYYY-MM-DD text, or a date a caller parsed already) as a date."""
    return value if is_date(value) else datetime.date.fromisoformat(str(value))


def format_date(day: datetime.date) -> str:
    """29 November 2026: the way the pages write dates."""
    return f"{day.day} {day:%B %Y}"
