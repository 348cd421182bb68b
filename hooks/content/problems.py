"""Collecting data problems, so one build reports every mistake in a file at once.

A problem is reported at a location: the keys and list positions from the top of the file to the
value (("exercises", 2, "phases", 1, "seconds")). The message names the file, the entry (by its
own name where it has a good one, and its position), the field, what was found, what is allowed,
and the line, when the file was read with its lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn

Location = tuple[str | int, ...]
Lines = Mapping[Location, int]


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


@dataclass(frozen=True)
class Entries:
    """How a file's messages name its entries: the list under `key`, each a `noun` called by its
    `name_field` when `good_name` accepts it (e.g. 'exercise "box" (entry 3)'), else by position."""

    key: str
    noun: str
    name_field: str
    good_name: Callable[[object], bool]


def entries(document: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings in the list under `key`, with their positions; anything malformed is skipped
    (the schema check reports it), so a rule in code can look at whatever is there."""
    items = document.get(key) if isinstance(document, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            yield index, item


def field_name(location: Location) -> str:
    """("phases", 1, "seconds") -> phases[2].seconds: list positions counted from 1, as people do."""
    text = ""
    for part in location:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass
class Problems:
    """Problems in one file, reported entry by entry, and in the order of their lines within one."""

    source: str
    document: Any = None
    lines: Lines = field(default_factory=dict)
    entries: Entries | None = None
    found: list[tuple[Location, str]] = field(default_factory=list)

    @property
    def messages(self) -> list[str]:
        def order(item: tuple[Location, str]) -> tuple[Any, ...]:
            location = item[0]
            return (_order(location[:2]), self.line(location) or 0, _order(location))

        return [message for _, message in sorted(self.found, key=order)]

    def count(self) -> int:
        return len(self.found)

    def where(self, location: Location) -> tuple[str, Location]:
        """The entry a location is in, as a message names it, and the rest of the location."""
        if self.entries is None or len(location) < 2 or location[0] != self.entries.key:
            return "", location
        position = location[1]
        if not isinstance(position, int):
            return "", location
        item = self.document[self.entries.key][position]
        name = item.get(self.entries.name_field) if isinstance(item, dict) else None
        noun = self.entries.noun
        if self.entries.good_name(name):
            return f'{noun} "{name}" (entry {position + 1})', location[2:]
        return f"{noun} at entry {position + 1}", location[2:]

    def line(self, location: Location) -> int | None:
        """The line of the value at `location`, or of the nearest enclosing one the file has."""
        for end in range(len(location), 0, -1):  # the whole file has no one line
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return None

    def at(self, location: Location, found: Any, allowed: str) -> None:
        """Report the value at `location`: what was found there and what is allowed."""
        where, rest = self.where(location)
        place = f"{self.source}: {where}" if where else self.source
        name = field_name(rest) if rest else ("(entry)" if where else "")
        said = f'{place}, field "{name}": ' if name else f"{place}: "
        line = self.line(location)
        suffix = f" (line {line})" if line else ""
        self.found.append((location, f"{said}found {describe(found)}; allowed: {allowed}.{suffix}"))

    def add_plain(self, message: str) -> None:
        self.found.append(((), f"{self.source}: {message}"))

    def fail(self, message: str) -> NoReturn:
        """Stop at a problem that leaves nothing further to check."""
        self.add_plain(message)
        raise DataError(self.messages)

    def raise_if_any(self) -> None:
        if self.found:
            raise DataError(self.messages)


def _order(location: Location) -> tuple[tuple[int, int | str], ...]:
    """List items by position, fields by name."""
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in location)
