"""The fast way to read a valid YAML plan: libyaml composes the nodes in C, no lines are kept.

Reading thousands of plans, most of the time went into composing the node tree in Python and
recording the line of every value, which only a problem needs. Here libyaml's own composer
builds the tree and a lean builder turns it into plain data with the same checks as
`gender_plan.io._yaml`; it gives up (returns None) on anything that path would treat with
care: a tag or an alias written in the file (a ``!`` or a ``*`` anywhere in the text), an escape
that may hide a control character with no way to tell the line, a duplicate or odd key, a merge
key, any bound of `_limits` reached, any error at all. The caller then reads the file with
`gender_plan.io._yaml.load_yaml`, which gives the data, every value's line and the exact
message of a problem. So this path either returns what `load_yaml` returns, or nothing.

libyaml's composer recurses in C; it is used only where libyaml bounds the nesting itself
(libyaml 0.2.6 refuses more than 1,000 levels), checked once with a probe.
"""

from __future__ import annotations

import functools
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode, SequenceNode

from gender_plan.io._limits import (
    MAX_DEPTH,
    MAX_ITEMS,
    MAX_KEY_CHARS,
    MAX_PATH_CHARS,
    MAX_VALUES,
    string_problem,
)
from gender_plan.io._yaml import _TAG as TAG
from gender_plan.io._yaml import _Resolver

try:
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    CParser = None  # type: ignore[misc,assignment]

__all__ = ["load_yaml_data"]

_TEXT = frozenset((TAG + "str", TAG + "timestamp"))
"""Scalars kept as the text written (dates are read by the converter)."""
_CONSTRUCTED = frozenset(TAG + name for name in ("int", "float", "bool", "null"))
_KEY = TAG + "str"


class _GiveUp(Exception):  # noqa: N818 - not an error: the careful path takes over
    """The file needs the careful path."""


_WILDCARD = tuple(_Resolver.yaml_implicit_resolvers.get(None, []))
_IMPLICIT = {first: tuple(resolvers) + _WILDCARD
             for first, resolvers in _Resolver.yaml_implicit_resolvers.items() if first is not None}
"""The loader's implicit resolvers by a plain scalar's first character, as `resolve` tries them."""

if CParser is not None:

    class _Composer(CParser, SafeConstructor, _Resolver):
        """libyaml's parser and composer, with the loader's YAML 1.2 numbers and booleans."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            _Resolver.__init__(self)

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            """`Resolver.resolve` without building a list for every node.

            The loader's resolver has no path resolvers, the part of `resolve` left out.
            """
            if kind is ScalarNode:
                if implicit[0]:
                    for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
                        if regexp.match(value):
                            return tag
                return self.DEFAULT_SCALAR_TAG
            return self.DEFAULT_SEQUENCE_TAG if kind is SequenceNode else (
                self.DEFAULT_MAPPING_TAG)


@functools.cache
def _composer_is_bounded() -> bool:
    """Whether libyaml refuses deep nesting itself, so that its C recursion stays shallow."""
    if CParser is None:  # pragma: no cover - PyYAML built without libyaml
        return False
    loader = _Composer("[" * 1_001 + "]" * 1_001)
    try:
        loader.get_single_node()
    except Exception as error:
        return "nesting depth" in str(error)
    finally:
        loader.dispose()
    return False  # pragma: no cover - an older libyaml without the bound


class _Builder:
    """Plain data from libyaml's node tree, giving up where `_yaml._Builder` would have work."""

    def __init__(self, loader: Any, *, escapes: bool) -> None:
        self.loader = loader
        self.escapes = escapes
        """Whether a text may hold an escape (``\\0``): only then are texts checked one by one."""
        self.values = 0

    def build(self, node: Any, depth: int, chars: int) -> Any:
        # The bounds of `_limits.Budget`, with the path's length counted at least as long.
        self.values += 1
        if depth > MAX_DEPTH or chars > MAX_PATH_CHARS or self.values > MAX_VALUES:
            raise _GiveUp
        kind = node.id
        if kind == "scalar":
            if node.tag in _TEXT:
                if self.escapes and string_problem(node.value) is not None:
                    raise _GiveUp
                return node.value
            if node.tag not in _CONSTRUCTED:
                raise _GiveUp
            return self.loader.construct_object(node, deep=True)
        if len(node.value) > MAX_ITEMS:
            raise _GiveUp
        if kind == "sequence":
            return [self.build(item, depth + 1, chars + len(str(index)) + 2)
                    for index, item in enumerate(node.value)]
        if kind != "mapping":  # pragma: no cover - libyaml builds no other node
            raise _GiveUp
        result: dict[str, Any] = {}
        self.values += len(node.value)  # the careful path's composer counts the keys too
        for key_node, value_node in node.value:
            if key_node.id != "scalar" or key_node.tag != _KEY:
                raise _GiveUp  # a merge key, a number, a list ...: the careful path words it
            key = key_node.value
            if key in result or len(key) > MAX_KEY_CHARS or (
                self.escapes and string_problem(key) is not None
            ):
                raise _GiveUp
            result[key] = self.build(value_node, depth + 1, chars + len(key) + 1)
        return result


def load_yaml_data(text: str, *, checked: bool = False) -> tuple[Any] | None:
    """The plain data of a YAML document, in a 1-tuple; None where `load_yaml` must read it.

    The data is exactly what `gender_plan.io._yaml.load_yaml` gives for the same text.
    `checked` says the text passed `gender_plan.io._limits.check_text` (it holds no control
    character), so that only an escape can put one in a value.
    """
    if "!" in text or "*" in text or not _composer_is_bounded():
        return None  # tags and aliases have their checks in the careful path only
    # Anything at all (a text libyaml cannot take, a syntax error, a bound, a value that cannot
    # be read) is left to the careful path, which says what and where.
    try:
        loader = _Composer(text)
    except Exception:
        return None
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        escapes = "\\" in text or (not checked and string_problem(text) is not None)
        return (_Builder(loader, escapes=escapes).build(root, 0, 0),)
    except Exception:
        return None
    finally:
        loader.dispose()
