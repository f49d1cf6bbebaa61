"""Safe YAML: plain data only, every value's line recorded, and bounds a crafted file cannot pass.

PyYAML's SafeLoader already refuses tags that build Python objects; on top of it this reader
refuses every non-standard tag, duplicate keys and merge keys, reads only ``true``/``false`` as
booleans (YAML 1.1 would read ``no``, ``on`` and ``y`` too), keeps dates as the text written, and
bounds aliases, nesting and the number of values built so that an alias bomb fails fast.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from gender_plan._i18n import msg
from gender_plan.errors import FileFormatError, Problem
from gender_plan.io._source import MAX_DEPTH, Locations, join

__all__ = ["MAX_ALIASES", "MAX_VALUES", "dump_yaml", "load_yaml"]

MAX_ALIASES = 100
"""The most aliases (``*name``) a file may use."""
MAX_VALUES = 200_000
"""The most values (counting each alias as often as it is used) a file may expand to."""

_TAG = "tag:yaml.org,2002:"
_STANDARD_TAGS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
_BOOL = _TAG + "bool"


class _Resolver(Resolver):
    """YAML 1.1's implicit types, with the booleans of YAML 1.2 (true and false only)."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
}
_Resolver.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _Limited(Composer):
    """A composer that counts aliases and nesting while it builds the node tree."""

    def __init__(self) -> None:
        super().__init__()
        self.aliases = 0
        self.depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):  # type: ignore[attr-defined]
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                event = self.peek_event()  # type: ignore[attr-defined]
                raise _RefusedError(
                    msg("the file has more than {count} aliases (*name)", count=MAX_ALIASES),
                    event.start_mark.line + 1,
                    _BOUND_HINT,
                )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                event = self.peek_event()  # type: ignore[attr-defined]
                raise _RefusedError(
                    msg("the file nests lists and mappings more than {depth} deep",
                        depth=MAX_DEPTH),
                    event.start_mark.line + 1,
                    _BOUND_HINT,
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(Reader, Scanner, Parser, _Limited, SafeConstructor, _Resolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Limited.__init__(self)
        SafeConstructor.__init__(self)
        _Resolver.__init__(self)


class _RefusedError(Exception):
    """Something a data file must not hold, found on `line`."""

    def __init__(self, message: str, line: int, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


_BOUND_HINT = msg("a plan file needs nothing like it: is it the right file?")


def load_yaml(text: str, file: str | None) -> tuple[Any, Locations]:
    """Read one YAML document into plain data, with the line of every value by its path."""
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        # The reader refuses control characters before any parsing starts.
        raise FileFormatError(
            [
                Problem(
                    file=file,
                    line=text.count("\n", 0, error.position) + 1,
                    message=msg("not valid YAML: character {character!r} is not allowed",
                                character=chr(error.character)),
                    hint=msg("remove the invisible control character from this line"),
                )
            ]
        ) from None
    try:
        root = loader.get_single_node()
        if root is None:
            return None, {"": 1}
        builder = _Builder(loader)
        return builder.build(root, ""), builder.locations
    except _RefusedError as error:
        raise FileFormatError(
            [Problem(file=file, line=error.line, message=error.message, hint=error.hint)]
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise FileFormatError(
            [
                Problem(
                    file=file,
                    line=mark.line + 1 if mark is not None else None,
                    message=msg("not valid YAML: {problem}",
                                problem=str(error.problem or error.context)),
                    hint=msg("check the indentation and the quotes on and around this line"),
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise FileFormatError([Problem(file=file, message=msg("not valid YAML: {problem}",
                                                              problem=str(error)))]) from None
    finally:
        loader.dispose()


class _Builder:
    """Builds plain data from the node tree, recording lines and refusing what is not data."""

    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.locations: Locations = {}
        self.values = 0

    def build(self, node: Node, path: str) -> Any:
        self.values += 1
        line = node.start_mark.line + 1
        if self.values > MAX_VALUES:
            raise _RefusedError(
                msg("the file expands to more than {count} values (aliases counted each time "
                    "they are used)", count=format(MAX_VALUES, ",")),
                line,
                _BOUND_HINT,
            )
        self.locations.setdefault(path, line)
        if node.tag not in _STANDARD_TAGS:
            raise _RefusedError(
                msg("the tag {tag!r} is not allowed: a plan file holds plain data only",
                    tag=node.tag),
                line,
                msg("remove the tag (the part starting with '!')"),
            )
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, join(path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if node.tag == _TAG + "timestamp":
            return node.value  # dates stay as written; the converter reads them
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, KeyError, TypeError, yaml.YAMLError):
            raise _RefusedError(
                msg("the value {value!r} cannot be read as {kind}", value=node.value,
                    kind=node.tag.removeprefix(_TAG)),
                line,
                msg("remove the '!!' tag, or write a value of that kind"),
            ) from None

    def _mapping(self, node: MappingNode, path: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise _RefusedError(
                    msg("merge keys (<<) are not allowed in a plan file"),
                    key_node.start_mark.line + 1,
                    msg("write the keys out in full"),
                )
            if not isinstance(key_node, ScalarNode) or key_node.tag != _TAG + "str":
                raise _RefusedError(
                    msg("a key must be a name, found {value!r}", value=key_node.value),
                    key_node.start_mark.line + 1,
                    msg("write keys as plain names such as 'code' or 'targets'"),
                )
            key = key_node.value
            if key in result:
                raise _RefusedError(
                    msg("the key {key!r} appears twice in the same mapping (first at line "
                        "{line})", key=key, line=self.locations[join(path, key)]),
                    key_node.start_mark.line + 1,
                    msg("keep one of them: a later value would silently replace the first"),
                )
            self.locations[join(path, key)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, join(path, key))
        return result


class _Dumper(yaml.SafeDumper):
    """A dumper that writes lists indented under their key, as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def dump_yaml(data: Any) -> str:
    """Write plain data as block-style YAML, Vietnamese letters as they are, keys in order."""
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
        width=100,
    )
