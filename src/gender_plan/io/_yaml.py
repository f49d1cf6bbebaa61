"""Safe YAML: plain data only, every value's line recorded, and bounds a crafted file cannot pass.

PyYAML's SafeLoader already refuses tags that build Python objects; on top of it this reader
refuses every explicit tag but ``!!str``, duplicate keys, merge keys and aliases that contain
themselves; reads numbers and booleans as YAML 1.2 does (``0x7EA``, ``2_030``, ``1:30`` and
``017`` stay text, which the converter then refuses; only ``true``/``false`` are booleans, YAML
1.1 would read ``no``, ``on`` and ``y`` too); keeps dates as the text written; and applies the
bounds of `_limits` (aliases, nesting, values, list lengths, keys, escaped control characters).

Where PyYAML was built with libyaml, the scanning and parsing (most of the time) run in C:
libyaml's parser emits the events, and the same Python composer, bounds and builder as above
turn them into data, so every check applies unchanged. A file the C path does not read without
error is read again by the pure-Python path, so that every message and line is exactly the one
that path gives (the two parsers word their errors differently).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from gender_plan._i18n import Msg, NumberText, msg
from gender_plan.errors import FileFormatError, Problem
from gender_plan.io._limits import (
    MAX_ALIASES,
    MAX_DEPTH,
    MAX_VALUES,
    Budget,
    LimitError,
    too_deep,
    too_many_values,
)
from gender_plan.io._parser_words import yaml_problem
from gender_plan.io._source import Locations, join

try:
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    CParser = None  # type: ignore[misc,assignment]

__all__ = ["MAX_ALIASES", "MAX_VALUES", "dump_yaml", "load_yaml"]

_TAG = "tag:yaml.org,2002:"
_STANDARD_TAGS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
_EXPLICIT_TAGS = frozenset(_TAG + name for name in ("str", "seq", "map"))
"""The tags a file may write out (``!!str 2.1``); the others are only ever implied."""
_BOOL, _INT, _FLOAT = _TAG + "bool", _TAG + "int", _TAG + "float"


class _Resolver(Resolver):
    """YAML 1.1's implicit types, with the booleans and numbers of YAML 1.2's core schema."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL, _INT, _FLOAT)]
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
}
_Resolver.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# Decimal only: no 0x, 0o, leading zeros, '_' or base-60 (YAML 1.1 reads 2_030 as 2030).
_Resolver.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
                                list("-+0123456789"))
_Resolver.add_implicit_resolver(
    _FLOAT,
    re.compile(r"^[-+]?(?:(?:0|[1-9][0-9]*)\.[0-9]*|\.[0-9]+|(?:0|[1-9][0-9]*))"
               r"(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"),
    list("-+0123456789."),
)


class _Limited(Composer):
    """A composer that counts aliases and nesting while it builds the node tree."""

    def __init__(self) -> None:
        super().__init__()
        self.aliases = 0
        self.depth = 0
        self.nodes = 0
        self.explicit: dict[int, str] = {}
        """The tag written out on a node (``!!timestamp``), by the node's id."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        tag = getattr(event, "tag", None) if isinstance(event, NodeEvent) else None
        if self.check_event(AliasEvent):  # type: ignore[attr-defined]
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                event = self.peek_event()  # type: ignore[attr-defined]
                raise LimitError(
                    msg("the file has more than {most} aliases (*name)", most=MAX_ALIASES),
                    event.start_mark.line + 1,
                )
        self.nodes += 1
        if self.nodes > MAX_VALUES:
            raise LimitError(too_many_values(), event.start_mark.line + 1)
        self.depth += 1
        try:
            if self.depth - 1 > MAX_DEPTH:  # the document itself is depth 0
                raise LimitError(too_deep(), event.start_mark.line + 1)
            node = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        if tag not in (None, "!") and node is not None:
            self.explicit[id(node)] = tag
        return node


class _Loader(Reader, Scanner, Parser, _Limited, SafeConstructor, _Resolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Limited.__init__(self)
        SafeConstructor.__init__(self)
        _Resolver.__init__(self)


if CParser is not None:

    class _CLoader(_Limited, CParser, SafeConstructor, _Resolver):
        """libyaml's events, composed by the bounded Python composer.

        The composer comes first in the method order, so its `get_single_node` and
        `compose_node` are the ones used.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Limited.__init__(self)
            SafeConstructor.__init__(self)
            _Resolver.__init__(self)


def _load_fast(text: str) -> tuple[Any, Locations] | None:
    """The data and lines read through libyaml, or None to read the file the Python way."""
    if CParser is None:  # pragma: no cover - PyYAML built without libyaml
        return None
    loader = _CLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        builder = _Builder(loader)  # type: ignore[arg-type]
        return builder.build(root, ""), builder.locations
    # Any failure at all is left to the Python path, which words it as the tests pin it.
    except Exception:
        return None
    finally:
        loader.dispose()


def load_yaml(text: str, file: str | None) -> tuple[Any, Locations]:
    """Read one YAML document into plain data, with the line of every value by its path."""
    fast = _load_fast(text)
    if fast is not None:
        return fast
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
    except LimitError as error:
        raise error.problem(file) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise FileFormatError(
            [
                Problem(
                    file=file,
                    line=mark.line + 1 if mark is not None else None,
                    message=msg("not valid YAML: {problem}",
                                problem=yaml_problem(str(error.problem or error.context))),
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
        self.budget = Budget()
        self.open: set[int] = set()
        """The lists and mappings being built: an alias to one of them would never end."""

    def build(self, node: Node, path: str, depth: int = 0) -> Any:
        line = node.start_mark.line + 1
        try:
            self.budget.value(depth, line, len(path))
        except LimitError as error:
            if "values" in error.message:
                error.message = msg("the file expands to more than {most} values (aliases "
                                    "counted each time they are used)",
                                    most=NumberText(MAX_VALUES))
            raise
        self.locations.setdefault(path, line)
        tag = self.loader.explicit.get(id(node))
        if node.tag not in _STANDARD_TAGS or (tag is not None and tag not in _EXPLICIT_TAGS):
            shown = tag or node.tag
            standard = shown.startswith(_TAG) and shown in _STANDARD_TAGS
            raise LimitError(
                msg("the tag {tag!r} is not allowed: a plan file holds plain data only",
                    tag="!!" + shown.removeprefix(_TAG) if standard else shown),
                line,
                msg("remove the tag (the part starting with '!'); quote a text that looks like "
                    "a number ('2.1')") if standard
                else msg("remove the tag (the part starting with '!')"),
            )
        if isinstance(node, MappingNode | SequenceNode):
            if id(node) in self.open:
                raise LimitError(
                    msg("an alias (*name) refers to the list or mapping that holds it"), line,
                    msg("an alias can only repeat a part written before it"))
            self.open.add(id(node))
            try:
                if isinstance(node, MappingNode):
                    return self._mapping(node, path, depth)
                Budget.items(len(node.value), line)
                return [self.build(item, join(path, i), depth + 1)
                        for i, item in enumerate(node.value)]
            finally:
                self.open.discard(id(node))
        assert isinstance(node, ScalarNode)
        if node.tag in (_TAG + "timestamp", _TAG + "str"):
            Budget.string(node.value, line)
            return node.value  # dates stay as written; the converter reads them
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, KeyError, TypeError, yaml.YAMLError):
            raise LimitError(
                msg("the value {value!r} cannot be read as {kind}", value=node.value,
                    kind=node.tag.removeprefix(_TAG)),
                line,
                msg("remove the '!!' tag, or write a value of that kind"),
            ) from None

    def _mapping(self, node: MappingNode, path: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        Budget.items(len(node.value), node.start_mark.line + 1, mapping=True)
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise LimitError(
                    msg("merge keys (<<) are not allowed in a plan file"),
                    key_node.start_mark.line + 1,
                    msg("write the keys out in full"),
                )
            if not isinstance(key_node, ScalarNode) or key_node.tag != _TAG + "str":
                raise LimitError(
                    msg("a key must be a name, found {found}", found=_shown(key_node)),
                    key_node.start_mark.line + 1,
                    msg("write keys as plain names such as 'code' or 'targets'"),
                )
            key = key_node.value
            Budget.key(key, key_node.start_mark.line + 1)
            if key in result:
                raise LimitError(
                    msg("the key {key!r} appears twice in the same mapping (first at line "
                        "{line})", key=key, line=self.locations[join(path, key)]),
                    key_node.start_mark.line + 1,
                    msg("keep one of them: a later value would silently replace the first"),
                )
            self.locations[join(path, key)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, join(path, key), depth + 1)
        return result


def _shown(node: Node) -> Msg:
    """A key that is not a name, as a person would describe it (not PyYAML's node repr)."""
    if isinstance(node, SequenceNode):
        return msg("a list")
    if isinstance(node, MappingNode):
        return msg("a mapping")
    kind = {_INT: msg("a number"), _FLOAT: msg("a number"), _BOOL: msg("true or false"),
            _TAG + "null": msg("an empty key")}.get(node.tag, msg("a tagged value"))
    return msg("{kind} ({value!r})", kind=kind, value=node.value) if node.value else kind


class _Dumper(yaml.SafeDumper):
    """A dumper that writes lists indented under their key, as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


# A text that either YAML 1.1 or the loader's YAML 1.2 numbers would read as a number or a boolean
# ("1e+100" is a float in 1.2 only) is written in quotes, so that it is read back as a text.
def _quote_what_the_loader_reads_as_numbers() -> None:
    for first, resolvers in _Resolver.yaml_implicit_resolvers.items():
        for tag, regexp in resolvers:
            if tag in (_BOOL, _INT, _FLOAT):
                _Dumper.add_implicit_resolver(tag, regexp, [first])


_quote_what_the_loader_reads_as_numbers()


def dump_yaml(data: Any) -> str:
    """Write plain data as block-style YAML, Vietnamese letters as they are, keys in order."""
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
        width=100,
    )
