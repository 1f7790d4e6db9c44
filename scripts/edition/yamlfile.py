"""YAML that remembers where things are, so that every problem can name its line.

PyYAML does the parsing; this module only keeps the line of each mapping and of
each of its keys, and refuses duplicate keys, which PyYAML would silently merge.
Valid YAML is parsed by libyaml (PyYAML's C parser, about ten times faster: every
build reads the source up to three times); YAML that libyaml refuses is parsed
again by PyYAML's own parser, so that the editor gets the same message either way.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import Problem, SourceError


class Mapping(dict[str, Any]):
    """A YAML mapping with the line it starts on and the line of each key."""

    line: int
    key_lines: dict[str, int]


class _LineConstructor(yaml.constructor.SafeConstructor):
    """Safe construction whose mappings are `Mapping` objects carrying line numbers."""

    duplicates: list[tuple[str, int]]

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Mapping:  # type: ignore[override]
        """Build the mapping and note its lines, recording any key given twice."""
        mapping = Mapping({str(key): value for key, value in super().construct_mapping(node, deep=deep).items()})
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, _ in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in mapping.key_lines:
                self.duplicates.append((key, line))
            mapping.key_lines[key] = line
        return mapping


class _LineLoader(_LineConstructor, yaml.SafeLoader):
    """A safe loader with line numbers on PyYAML's own parser: the one whose messages editors see."""


class _FastLineLoader(_LineConstructor, yaml.CSafeLoader):
    """The same loader on libyaml's parser: the fast path for YAML that is valid."""


def _construct_map(loader: _LineLoader | _FastLineLoader, node: yaml.MappingNode) -> Mapping:
    """Build mappings eagerly so that the object returned is the `Mapping` with its lines."""
    return loader.construct_mapping(node, deep=True)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_FastLineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)


def _load_fast(text: str) -> tuple[Any, list[tuple[str, int]]] | None:
    """The data and duplicate keys of valid YAML via libyaml; None when libyaml refuses the text."""
    if not yaml.__with_libyaml__:
        return None
    loader = _FastLineLoader(text)
    loader.duplicates = []
    try:
        return loader.get_single_data(), loader.duplicates
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def load_yaml(text: str, filename: str) -> Any:
    """Parse YAML text; raise `SourceError` naming file and line when it is not valid."""
    fast = _load_fast(text)
    if fast is not None:
        data, duplicates = fast
        _refuse_duplicates(duplicates, filename)
        return data
    try:
        loader = _LineLoader(text)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise SourceError(
            [Problem(filename, line, f"not valid YAML: character U+{error.character:04X} is not allowed; delete it")]
        ) from None
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = mark.line + 1 if mark else None
        reason = error.problem or error.context or "invalid YAML"
        raise SourceError([Problem(filename, where, f"not valid YAML: {reason}; check indentation, colons and quotes")]) from None
    except yaml.YAMLError as error:
        raise SourceError([Problem(filename, None, f"not valid YAML: {error}")]) from None
    finally:
        loader.dispose()
    _refuse_duplicates(loader.duplicates, filename)
    return data


def _refuse_duplicates(duplicates: list[tuple[str, int]], filename: str) -> None:
    """Raise `SourceError` for every key given twice in one mapping."""
    if duplicates:
        raise SourceError(Problem(filename, line, f"key '{key}' is given twice in the same entry; keep one") for key, line in duplicates)
