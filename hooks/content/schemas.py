"""Checking a data file against its JSON Schema (data/schemas/NAME.schema.json, draft 2020-12).

The schemas are the one statement of each file's fields: an editor with the YAML language server
checks and completes them while the maintainer types, and the build checks them here with the
`jsonschema` package. Each ValidationError becomes the build's located message (file, entry,
field, found, allowed, line); the "allowed" text is the schema's own `errorMessage` (which the
language server shows too), or is written from its enum, bounds or known fields.
"""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from jsonschema.validators import extend
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from hooks.content.fields import SCHEMA_DIR
from hooks.content.problems import MISSING, Location, Problems


def _number(_checker: object, value: object) -> bool:
    # A YAML .nan or .inf is no length of time; true/false are no numbers.
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _integer(_checker: object, value: object) -> bool:
    # 4.0 is not a whole count as the data writes it.
    return isinstance(value, int) and not isinstance(value, bool)


_Validator = extend(  # type: ignore[no-untyped-call]  # types-jsonschema leaves extend() untyped
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("number", _number).redefine("integer", _integer),
)


def load_schema(name: str) -> dict[str, Any]:
    """data/schemas/NAME.schema.json, parsed."""
    schema: dict[str, Any] = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return schema


@cache
def _validator(name: str) -> Any:
    # Each schema refers to the others by file name (fields.schema.json#/$defs/slug), as the
    # language server resolves them beside the schema; the registry holds them under those names.
    registry: Registry[Any] = Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), DRAFT202012))
        for path in sorted(SCHEMA_DIR.glob("*.schema.json"))
    )
    return _Validator(load_schema(name), registry=registry, format_checker=FormatChecker(["date"]))


def _as_json(value: Any) -> Any:
    """A date a caller parsed already (yaml.safe_load) as the YYYY-MM-DD text the file holds."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value


def _one_of(values: list[Any]) -> str:
    shown = [str(value) for value in values]
    return " or ".join(shown) if len(shown) <= 2 else "one of " + ", ".join(shown)


def _allowed(error: ValidationError) -> str:
    """What the failing part of the schema allows, in words."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    if "errorMessage" in schema:
        return str(schema["errorMessage"])
    if "enum" in schema:
        return _one_of(schema["enum"])
    if schema.get("type") in ("number", "integer") and {"minimum", "maximum"} <= set(schema):
        kind = "a whole number" if schema["type"] == "integer" else "a number"
        return f"{kind} from {schema['minimum']} to {schema['maximum']}"
    if schema.get("type") == "object":
        return "a mapping with the fields " + ", ".join(schema.get("properties", {}))
    return str(error.message)


def _reports(error: ValidationError) -> Iterator[tuple[Location, Any, str]]:
    """One error as (location, found, allowed): a missing field or each unknown one on its own."""
    location: Location = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    instance = error.instance
    if error.validator == "required" and isinstance(instance, dict):
        for name in schema.get("required", ()):
            if name not in instance:
                yield (*location, name), MISSING, "a value (this field is required)"
    elif error.validator == "additionalProperties" and isinstance(instance, dict):
        known = list(schema.get("properties", {}))
        for name in instance:
            if name not in known:
                yield (*location, name), instance[name], "only the known fields " + ", ".join(known)
    else:
        yield location, instance, _allowed(error)


def check_schema(document: Any, name: str, problems: Problems) -> None:
    """Report every place where `document` breaks data/schemas/NAME.schema.json, one message each."""
    reported: set[Location] = set()
    errors = sorted(_validator(name).iter_errors(_as_json(document)), key=lambda error: list(map(str, error.path)))
    for error in errors:
        for location, found, allowed in _reports(error):
            # A value that breaks two rules of one type (say, a pattern and a length) is one mistake.
            if location not in reported:
                reported.add(location)
                problems.at(location, found, allowed)
