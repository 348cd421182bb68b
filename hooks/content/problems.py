"""Collecting data problems, so one build reports every mistake in a file at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NoReturn


class DataError(Exception):
    """Raised with every problem found in a data file; `str()` lists them one per line."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


MISSING = object()  # a field that is not written at all, as opposed to one left empty


def describe(value: Any) -> str:
    """How a found value reads in a message: short, and with its YAML type when that matters."""
    if value is MISSING:
        return "nothing (the field is missing)"
    if value is None:
        return "nothing (empty)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f'"{shown}" (text)'
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return f"a list of {len(value)}" if value else "an empty list"
    if isinstance(value, dict):
        return "a mapping of " + ", ".join(str(key) for key in list(value)[:5])
    return type(value).__name__


@dataclass
class Problems:
    """Problems in one file; `where` names the entry (e.g. 'exercise "box" (entry 3)')."""

    source: str
    messages: list[str] = field(default_factory=list)

    def add(self, where: str, field_name: str, found: Any, allowed: str) -> None:
        place = f"{self.source}: {where}" if where else self.source
        self.messages.append(f'{place}, field "{field_name}": found {describe(found)}; allowed: {allowed}.')

    def add_plain(self, message: str) -> None:
        self.messages.append(f"{self.source}: {message}")

    def fail(self, message: str) -> NoReturn:
        """Stop at a problem that leaves nothing further to check."""
        self.add_plain(message)
        raise DataError(self.messages)

    def raise_if_any(self) -> None:
        if self.messages:
            raise DataError(self.messages)


def check_fields(
    mapping: dict[str, Any],
    required: tuple[str, ...],
    optional: tuple[str, ...],
    problems: Problems,
    where: str,
    prefix: str = "",
    missing_checked_by_caller: tuple[str, ...] = (),
) -> None:
    """Report unknown and missing fields of one mapping (`prefix` places it, e.g. 'phases[2].').

    Required fields named in `missing_checked_by_caller` are left to a checker that reports their
    absence itself, because it must also return a typed value for them."""
    allowed = required + optional
    for key in mapping:
        if key not in allowed:
            problems.add(where, f"{prefix}{key}", mapping[key], "only the known fields " + ", ".join(allowed))
    for key in required:
        if key in missing_checked_by_caller:
            continue
        if key not in mapping or mapping[key] is None:
            problems.add(where, f"{prefix}{key}", mapping.get(key, MISSING), "a value (this field is required)")
