"""The JSDoc `@typedef {object}` blocks of our scripts, read as property lists, and a check that a
value the build writes (a JSON-ready dict) has exactly the properties its typedef names.

The scripts type their data by hand in JSDoc; this lets a test hold those types to what Python writes,
so a field added on one side only fails a test instead of reaching a reader's browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_COMMENT = re.compile(r"/\*\*(.*?)\*/", re.DOTALL)
_TAG = re.compile(r"@(typedef|property)\s*")
_IMPORTED = re.compile(r"import\([^)]*\)\.")


@dataclass(frozen=True)
class Property:
    type: str  # the JSDoc type expression, e.g. "DataPhase | null" or "Pace[]"
    optional: bool  # written [name]: the value may leave it out


Typedefs = dict[str, dict[str, Property]]


def _braced(text: str, start: int) -> tuple[str, int]:
    """The type expression in the braces that open at text[start], and where the text after them starts."""
    depth = 0
    for index in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return text[start + 1 : index].strip(), index + 1
    raise ValueError(f"unbalanced braces in JSDoc: {text[start : start + 60]!r}")


def read_typedefs(*scripts: Path) -> Typedefs:
    """Name -> its properties, for every `@typedef {object}` in the scripts' doc comments."""
    found: Typedefs = {}
    for script in scripts:
        for comment in _COMMENT.findall(script.read_text(encoding="utf-8")):
            text = re.sub(r"^\s*\*", " ", comment, flags=re.MULTILINE)
            current: dict[str, Property] | None = None
            for tag in _TAG.finditer(text):
                if not text.startswith("{", tag.end()):
                    raise ValueError(f"{script.name}: @{tag.group(1)} without a {{type}}")
                type_text, after = _braced(text, tag.end())
                name = text[after:].split(None, 1)[0]
                if tag.group(1) == "typedef":
                    if name in found:
                        raise ValueError(f"{script.name}: typedef {name} is defined twice")
                    current = None  # a typedef of another shape ({{...}}, a union): its properties are not read
                    if type_text == "object":
                        current = found[name] = {}
                elif current is not None:
                    optional = name.startswith("[")
                    current[name.strip("[]").split("=", 1)[0]] = Property(type_text, optional)
    return found


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else type(value).__name__


def _check_type(value: object, type_text: str, where: str, typedefs: Typedefs) -> list[str]:
    """Problems with `value` as the type expression `type_text`: [] if one of its alternatives fits."""
    alternatives = [_IMPORTED.sub("", part.strip()) for part in type_text.split("|")]
    kind = _kind(value)
    for alternative in alternatives:
        if alternative == kind:
            return []
        if alternative.endswith("[]") and isinstance(value, list):
            item_type = alternative[:-2]
            return [
                problem
                for i, item in enumerate(value)
                for problem in _check_type(item, item_type, f"{where}[{i}]", typedefs)
            ]
        if alternative in typedefs and isinstance(value, dict):
            return check_value(value, alternative, typedefs, where)
    unknown = [
        a
        for a in alternatives
        if a not in {"string", "number", "boolean", "null"} and a.removesuffix("[]") not in typedefs
    ]
    if unknown:
        return [f"{where}: the type {type_text!r} names {', '.join(unknown)}, which is no @typedef {{object}} here"]
    return [f"{where}: found {kind} {value!r:.60}; the typedef says {type_text}"]


def check_value(value: dict[str, object], typedef: str, typedefs: Typedefs, where: str = "") -> list[str]:
    """Every way `value` differs from the typedef, through nested objects and arrays: a key the typedef
    does not name, a required property the value lacks, a value of another type."""
    where = where or typedef
    properties = typedefs[typedef]
    problems = [
        f"{where}: has {key!r}, which @typedef {typedef} does not name" for key in value if key not in properties
    ]
    problems += [
        f"{where}: lacks {name!r}, which @typedef {typedef} names as required"
        for name, prop in properties.items()
        if not prop.optional and name not in value
    ]
    for name, prop in properties.items():
        if name in value:
            problems += _check_type(value[name], prop.type, f"{where}.{name}", typedefs)
    return problems
