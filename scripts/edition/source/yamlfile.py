"""YAML that remembers where things are, refuses what an editor never means, and cannot be made to blow up.

PyYAML does the parsing; this module adds what an edition needs on top of it:

- every mapping keeps its line and the line of each key, and every list the line of each
  item, so that a problem can name the line of what is wrong;
- a key given twice, which PyYAML would silently merge, is a problem;
- every text value is checked for characters no page may carry (`safety.character_problem`);
- dates stay text as typed (`2023-02-30` is a bad date to report, not a crash), and only
  `true`/`false` are booleans (`NO` is a country code, not false);
- anchors and aliases (`&name`, `*name`) are refused: no edition needs them, and a few
  hundred bytes of nested aliases expand to gigabytes; `<<` merges nothing, it is a key like
  any other (which no record has);
- nesting deeper than `MAX_DEPTH` is refused before anything is built from it.

The text is first read as a stream of events (libyaml's C parser, which needs no
recursion however deep the text), then built into Python values only when
that stream is sound.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from edition.errors import Problem
from edition.safety import character_problem

MAX_DEPTH = 20
"""How deeply lists and mappings may nest; a source file needs four or five levels."""

_BOOLEAN = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class Mapping(dict[str, Any]):
    """A YAML mapping with the line it starts on and the line of each key."""

    line: int
    key_lines: dict[str, int]


class Sequence(list[Any]):
    """A YAML list with the line of each item."""

    item_lines: list[int]


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.1's implicit types without timestamps or merge keys, and with only true/false as booleans."""


for _first, _resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
    for _tag, _pattern in _resolvers:
        if _tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:merge"):
            _Resolver.add_implicit_resolver(_tag, _pattern, [_first] if _first else None)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOLEAN, list("tTfF"))


class _LineConstructor(yaml.constructor.SafeConstructor):
    """Safe construction whose mappings carry line numbers and whose text is checked."""

    duplicates: list[tuple[str, int]]
    characters: list[tuple[int, str]]

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

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> Sequence:
        """Build the list and note the line of each item."""
        sequence = Sequence(super().construct_sequence(node, deep=True))
        sequence.item_lines = [item.start_mark.line + 1 for item in node.value]
        return sequence

    def construct_scalar(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        """The scalar's text, with any character no page may carry noted at its line."""
        value = super().construct_scalar(node)
        if isinstance(value, str):
            found = character_problem(value)
            if found is not None:
                self.characters.append((node.start_mark.line + found.line, found.message))
        return value


def _construct_map(loader: _LineConstructor, node: yaml.MappingNode) -> Mapping:
    """Build mappings eagerly so that the object returned is the `Mapping` with its lines."""
    return loader.construct_mapping(node, deep=True)


def _construct_seq(loader: _LineConstructor, node: yaml.SequenceNode) -> Sequence:
    """Build lists eagerly so that the object returned is the `Sequence` with its lines."""
    return loader.construct_sequence(node, deep=True)


_LineConstructor.add_constructor("tag:yaml.org,2002:map", _construct_map)  # type: ignore[type-var]
_LineConstructor.add_constructor("tag:yaml.org,2002:seq", _construct_seq)  # type: ignore[type-var]


class _Loader(_LineConstructor, yaml.CSafeLoader):
    """libyaml's parser (PyYAML's wheels carry it) with the checking constructor and the resolver above."""

    yaml_implicit_resolvers = _Resolver.yaml_implicit_resolvers

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.duplicates = []
        self.characters = []


class _PythonLoader(_LineConstructor, yaml.SafeLoader):
    """PyYAML's own parser with the same constructor: for the few texts libyaml refuses and PyYAML reads."""

    yaml_implicit_resolvers = _Resolver.yaml_implicit_resolvers

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.duplicates = []
        self.characters = []


def load_yaml(text: str, filename: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text into values whose mappings know their lines, and the file's problems.

    A file that cannot be read at all gives None and the reason; one that can gives its
    values and every problem found in them (keys given twice, unsafe characters).
    """
    loader_class: type[_Loader | _PythonLoader] = _Loader
    refused = _refuse_stream(text, filename, yaml.CSafeLoader)
    if refused is not None and refused.message.startswith("not valid YAML"):
        # libyaml is stricter than PyYAML in a few places (escapes such as "\ud800"): PyYAML's verdict counts.
        loader_class = _PythonLoader
        refused = _refuse_stream(text, filename, yaml.SafeLoader)
    if refused is not None:
        return None, [refused]
    loader = loader_class(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        return None, [_marked_problem(error, filename)]
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as error:
        return None, [Problem(filename, None, f"not valid YAML: {error}")]
    finally:
        loader.dispose()
    problems = [Problem(filename, line, message) for line, message in loader.characters]
    problems += [Problem(filename, line, f"key '{key}' is given twice in the same entry; keep one") for key, line in loader.duplicates]
    return data, problems


def _refuse_stream(text: str, filename: str, events: type[yaml.CSafeLoader] | type[yaml.SafeLoader]) -> Problem | None:
    """Read the text as events only and refuse what must not be built: syntax errors, aliases, deep nesting."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=events):
            line = event.start_mark.line + 1 if event.start_mark is not None else None
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return Problem(filename, line, "uses a YAML anchor or alias (&name, *name or <<); write the value out in full")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return Problem(filename, line, f"nests lists and mappings more than {MAX_DEPTH} deep; flatten it")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        return Problem(filename, line, f"not valid YAML: character U+{error.character:04X} is not allowed; delete it")
    except yaml.MarkedYAMLError as error:
        return _marked_problem(error, filename)
    except yaml.YAMLError as error:
        return Problem(filename, None, f"not valid YAML: {error}")
    return None


def _marked_problem(error: yaml.MarkedYAMLError, filename: str) -> Problem:
    """A problem at the line PyYAML marked, with its reason and the usual fix."""
    mark = error.problem_mark or error.context_mark
    reason = error.problem or error.context or "invalid YAML"
    line = mark.line + 1 if mark is not None else None
    return Problem(filename, line, f"not valid YAML: {reason}; check indentation, colons and quotes")
