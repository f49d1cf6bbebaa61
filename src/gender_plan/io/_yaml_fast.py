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
_INT, _BOOL, _NULL = TAG + "int", TAG + "bool", TAG + "null"


class _GiveUp(Exception):  # noqa: N818 - not an error: the careful path takes over
    """The file needs the careful path."""


_WILDCARD = tuple(_Resolver.yaml_implicit_resolvers.get(None, []))
_IMPLICIT = {first: tuple(resolvers) + _WILDCARD
             for first, resolvers in _Resolver.yaml_implicit_resolvers.items() if first is not None}
"""The loader's implicit resolvers by a plain scalar's first character, as `resolve` tries them."""

_PLAIN_TAGS: dict[str, str] = {}
"""The tag of each short plain scalar resolved so far (keys, codes, numbers): it depends on the
text alone, as the loader has no path resolvers."""
_PLAIN_SHORT = 64
"""The longest plain scalar whose tag is kept (longer ones are texts, seldom repeated)."""
_PLAIN_MOST = 50_000
"""The most tags kept: then the table starts again."""

if CParser is not None:

    class _Composer(CParser, SafeConstructor, _Resolver):
        """libyaml's parser and composer, with the loader's YAML 1.2 numbers and booleans."""

        def __init__(self, stream: str | bytes) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            _Resolver.__init__(self)
            # The composer calls these two at every node, for path resolvers, which the loader
            # has none of: they do nothing. Builtins that take the same arguments and have no
            # effect (a slice, an empty tuple, thrown away) cost a third of a Python call.
            self.descend_resolver = slice  # type: ignore[method-assign,assignment]
            self.ascend_resolver = tuple  # type: ignore[method-assign,assignment]

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            """`Resolver.resolve` without building a list for every node.

            The loader's resolver has no path resolvers, the part of `resolve` left out; the
            tags of short plain scalars are kept in `_PLAIN_TAGS`.
            """
            if kind is ScalarNode:
                if not implicit[0]:
                    return self.DEFAULT_SCALAR_TAG
                short = len(value) <= _PLAIN_SHORT
                if short:
                    tag = _PLAIN_TAGS.get(value)
                    if tag is not None:
                        return tag
                tag = self.DEFAULT_SCALAR_TAG
                for candidate, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
                    if regexp.match(value):
                        tag = candidate
                        break
                if short:
                    if len(_PLAIN_TAGS) >= _PLAIN_MOST:
                        _PLAIN_TAGS.clear()
                    _PLAIN_TAGS[value] = tag
                return tag
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
    """Plain data from libyaml's node tree, giving up where `_yaml._Builder` would have work.

    It gives up exactly where the bounds of `_limits.Budget` would be passed (the path's length
    counted at least as long): a node deeper than `MAX_DEPTH`, a path longer than
    `MAX_PATH_CHARS`, more than `MAX_VALUES` values and keys in all. A scalar is read where its
    collection is, and the bounds of a collection's items are checked once for all of them.
    """

    def __init__(self, loader: Any, *, escapes: bool) -> None:
        self.loader = loader
        self.escapes = escapes
        """Whether a text may hold an escape (``\\0``): only then are texts checked one by one."""
        self.values = 0

    def root(self, node: Any) -> Any:
        """The data of the document's root node."""
        self.values += 1
        return self.scalar(node) if node.id == "scalar" else self.collection(node, 0, 0)

    def scalar(self, node: Any) -> Any:
        tag = node.tag
        if tag in _TEXT:
            if self.escapes and string_problem(node.value) is not None:
                raise _GiveUp
            return node.value
        # These tags come from the loader's resolver alone (a tag written in the file takes the
        # careful path): its integers are decimal, which SafeConstructor reads as int() does,
        # its booleans true/True/TRUE/false/False/FALSE, its nulls null, ~ or nothing.
        if tag == _INT:
            return int(node.value)
        if tag == _BOOL:
            return node.value[0] in "tT"
        if tag == _NULL:
            return None
        if tag not in _CONSTRUCTED:
            raise _GiveUp
        return self.loader.construct_object(node, deep=True)

    def collection(self, node: Any, depth: int, chars: int) -> Any:
        """A list or a dict, the node's own bounds checked (its values counted already)."""
        items = node.value
        if depth > MAX_DEPTH or chars > MAX_PATH_CHARS or len(items) > MAX_ITEMS:
            raise _GiveUp
        if not items:
            return [] if node.id == "sequence" else {}
        depth += 1
        self.values += len(items)
        if depth > MAX_DEPTH or self.values > MAX_VALUES:
            raise _GiveUp
        plain = not self.escapes
        if node.id == "sequence":
            if chars + len(str(len(items) - 1)) + 2 > MAX_PATH_CHARS:
                raise _GiveUp
            values: list[Any] = []
            for index, item in enumerate(items):
                if item.id != "scalar":
                    values.append(self.collection(item, depth, chars + len(str(index)) + 2))
                elif plain and item.tag in _TEXT:
                    values.append(item.value)
                else:
                    values.append(self.scalar(item))
            return values
        if node.id != "mapping":  # pragma: no cover - libyaml builds no other node
            raise _GiveUp
        self.values += len(items)  # the careful path's composer counts the keys too
        if self.values > MAX_VALUES:
            raise _GiveUp
        result: dict[str, Any] = {}
        for key_node, value_node in items:
            if key_node.id != "scalar" or key_node.tag != _KEY:
                raise _GiveUp  # a merge key, a number, a list ...: the careful path words it
            key = key_node.value
            if key in result or len(key) > MAX_KEY_CHARS or (
                not plain and string_problem(key) is not None
            ):
                raise _GiveUp
            inner = chars + len(key) + 1
            if value_node.id != "scalar":
                result[key] = self.collection(value_node, depth, inner)
            elif inner > MAX_PATH_CHARS:
                raise _GiveUp
            elif plain and value_node.tag in _TEXT:
                result[key] = value_node.value
            else:
                result[key] = self.scalar(value_node)
        return result


def load_yaml_data(text: str, *, checked: bool = False, utf8: bytes | None = None
                   ) -> tuple[Any] | None:
    """The plain data of a YAML document, in a 1-tuple; None where `load_yaml` must read it.

    The data is exactly what `gender_plan.io._yaml.load_yaml` gives for the same text.
    `checked` says the text passed `gender_plan.io._limits.check_text` (it holds no control
    character), so that only an escape can put one in a value. `utf8` is the file's bytes that
    `text` was strictly decoded from (a byte-order mark allowed), given to libyaml as they are
    rather than encoding the text again.
    """
    if "!" in text or "*" in text or not _composer_is_bounded():
        return None  # tags and aliases have their checks in the careful path only
    # Anything at all (a text libyaml cannot take, a syntax error, a bound, a value that cannot
    # be read) is left to the careful path, which says what and where.
    try:
        loader = _Composer(text if utf8 is None else utf8)
    except Exception:
        return None
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        escapes = "\\" in text or (not checked and string_problem(text) is not None)
        return (_Builder(loader, escapes=escapes).root(root),)
    except Exception:
        return None
    finally:
        loader.dispose()
