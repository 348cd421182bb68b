"""Reading a YAML data file strictly: syntax errors with their line, and no silent duplicate keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from hooks.content.problems import DataError


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping (PyYAML keeps the last one)."""


def _construct_mapping_without_duplicates(
    loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[Any, Any]:
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f'the key "{key}" appears twice in one mapping', key_node.start_mark
            )
        seen[key] = key_node
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_without_duplicates)


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text; `source` names the file in the error."""
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        what = error.problem or error.context or "unreadable YAML"
        raise DataError([f"{source}: {where}: YAML syntax error: {what}."]) from None
    except yaml.YAMLError as error:
        raise DataError([f"{source}: YAML syntax error: {error}."]) from None


def load_yaml(path: Path, source: str) -> Any:
    """Read and parse a YAML file; a missing or unreadable file is a DataError too."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([f"{source}: file not found (expected at {path})."]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataError([f"{source}: cannot be read: {error}."]) from None
    return parse_yaml(text, source)
