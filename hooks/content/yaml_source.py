"""Reading a YAML data file strictly: syntax errors with their line, no silent duplicate keys, and
the line of every value, so a later check can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from hooks.content.problems import DataError, Lines, Location

# libyaml's parser where PyYAML was built with it (its wheels are): every data file read in 0.02 s
# instead of 0.21 (issue 26; each build, each `make serve` rebuild and many tests read them), with
# the same nodes, lines and columns. Only a syntax error's wording differs.
if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping (PyYAML keeps the last one), and
    reads an unquoted date as its text, as JSON Schema and the editor's YAML language server do
    (the schemas check it; PyYAML would crash on 2026-13-45 instead of reporting it)."""


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
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file and the line of each value in it (path of keys and list positions -> line)."""

    data: Any
    lines: Lines = field(default_factory=dict)


def _record_lines(node: yaml.Node, location: Location, lines: dict[Location, int]) -> None:
    lines[location] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                _record_lines(value_node, (*location, key_node.value), lines)
                lines[(*location, key_node.value)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*location, index), lines)


def _syntax_error(error: yaml.YAMLError, source: str) -> DataError:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        what = error.problem or error.context or "unreadable YAML"
        return DataError([f"{source}: {where}: YAML syntax error: {what}."])
    return DataError([f"{source}: YAML syntax error: {error}."])


def parse_yaml_document(text: str, source: str) -> YamlDocument:
    """Parse YAML text with the line of every value; `source` names the file in the error."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None)
        lines: dict[Location, int] = {}
        _record_lines(node, (), lines)
        return YamlDocument(loader.construct_document(node), lines)
    except yaml.YAMLError as error:
        raise _syntax_error(error, source) from None
    finally:
        loader.dispose()


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text; `source` names the file in the error."""
    return parse_yaml_document(text, source).data


def load_yaml_document(path: Path, source: str) -> YamlDocument:
    """Read and parse a YAML file; a missing or unreadable file is a DataError too."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([f"{source}: file not found (expected at {path})."]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataError([f"{source}: cannot be read: {error}."]) from None
    return parse_yaml_document(text, source)


def load_yaml(path: Path, source: str) -> Any:
    """Read and parse a YAML file, without the lines."""
    return load_yaml_document(path, source).data
