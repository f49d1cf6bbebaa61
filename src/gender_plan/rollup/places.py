"""The place hierarchy the user supplies: communes within provinces within the nation."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from gender_plan._i18n import ListText, Msg, msg
from gender_plan.errors import AggregationError
from gender_plan.model._checks import to_tuple

__all__ = ["Place", "PlaceHierarchy"]


@attrs.frozen(kw_only=True)
class Place:
    """One place: its code, its level ("commune", "province", "nation") and its parent's code."""

    code: str
    level: str
    parent: str | None = None
    """The code of the place that contains this one; None for the top."""
    name: str | None = None
    plan: str | None = None
    """The code of the plan this place adopted (see `gender_plan.portfolio`); None if unknown."""


@attrs.frozen(kw_only=True)
class PlaceHierarchy:
    """Places and what contains what.

    Checked on construction: unique codes, known parents, no cycles.
    """

    places: tuple[Place, ...] = attrs.field(converter=to_tuple)
    _by_code: dict[str, Place] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        problems: list[Msg] = []
        seen: set[str] = set()
        for index, place in enumerate(self.places):
            if place.code in seen:
                problems.append(msg("places[{index}]: the code {code!r} appears twice",
                                    index=index, code=place.code))
            seen.add(place.code)
        for index, place in enumerate(self.places):
            if place.parent is not None and place.parent not in seen:
                problems.append(msg("places[{index}].parent: {code!r} names an unknown parent "
                                    "{parent!r} (add that place, or correct the code)",
                                    index=index, code=place.code, parent=place.parent))
        problems += cycles_of(self.places)
        if problems:
            raise AggregationError(msg("the place hierarchy is not valid:\n  - {problems}",
                                       problems=ListText("\n  - ", dict.fromkeys(problems))))
        object.__setattr__(self, "_by_code", {place.code: place for place in self.places})

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str, str | None]]) -> PlaceHierarchy:
        """Build from (code, level, parent) triples."""
        return cls(places=[Place(code=c, level=level, parent=p) for c, level, p in pairs])

    def children(self, code: str) -> tuple[Place, ...]:
        """The places whose parent is `code`, in the hierarchy's order."""
        return tuple(p for p in self.places if p.parent == code)

    def get(self, code: str) -> Place:
        """The place with `code`."""
        found = self._by_code.get(code)
        if found is None:
            raise AggregationError(msg("the hierarchy has no place {code!r}", code=code))
        return found

    @property
    def levels(self) -> tuple[str, ...]:
        """The levels, from the bottom (leaves) up, in order of first appearance."""
        return tuple(dict.fromkeys(p.level for p in self.places))

    def at_level(self, level: str) -> tuple[Place, ...]:
        """The places of `level`."""
        return tuple(p for p in self.places if p.level == level)

    def nested(self, codes: Iterable[str], level: str) -> dict[str, list[str]]:
        """Each of `codes` with some of `codes` below it, up to `level`: those places below.

        Summed into their place of `level`, the rows of a place and of a place below it would
        count the place below twice (its value, and its share of the place above's total).
        """
        present = set(codes)
        found: dict[str, list[str]] = {}
        for code in sorted(present):
            current = self._by_code.get(code)
            while current is not None and current.level != level and current.parent is not None:
                current = self._by_code.get(current.parent)
                if current is not None and current.code in present:
                    found.setdefault(current.code, []).append(code)
        return found

    def ancestor(self, code: str, level: str) -> str | None:
        """The code of the place of `level` that contains `code` (itself if at that level)."""
        current: Place | None = self._by_code.get(code)
        while current is not None:
            if current.level == level:
                return current.code
            current = self._by_code.get(current.parent) if current.parent is not None else None
        return None


def cycles_of(places: Iterable[Place]) -> list[Msg]:
    """A message for each cycle of parents among `places` (a place that contains itself)."""
    parents = {place.code: place.parent for place in places}
    found: list[Msg] = []
    for code in parents:
        chain = [code]
        current = parents.get(code)
        while current is not None and current in parents:
            if current in chain:
                cycle = " → ".join([*chain[chain.index(current):], current])
                found.append(msg("a cycle of parents: {cycle} (a place cannot contain itself)",
                                 cycle=cycle))
                break
            chain.append(current)
            current = parents[current]
    return found
