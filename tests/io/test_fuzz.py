"""Mutated valid files may only ever raise the library's own errors."""

from __future__ import annotations

import contextlib
import warnings
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gender_plan import GenderPlanError, dumps_plan, loads_plan
from gender_plan.io import plan_files
from gender_plan.io._source import decode
from gender_plan.testing import plans

SMALL = plans(max_goals=1)
WRITTEN = (Path(__file__).resolve().parent / "data" / "hand_written.yaml").read_text(
    encoding="utf-8"
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> bytes:
    """`text` with a few byte flips, deletions, insertions and line shuffles."""
    data = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(("flip", "delete", "insert", "shuffle", "cut")))
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 20))]
        elif action == "insert":
            data[position:position] = draw(st.sampled_from(
                (b"{", b"[", b"- ", b": ", b'"', b"'", b"&a ", b"*a", b"!!", b"\n  ", b"\x00",
                 b"\xff", b"null", b"1e999", b"=", b",", b"}")))
        elif action == "shuffle":
            lines = bytes(data).split(b"\n")
            order = draw(st.permutations(range(len(lines))))
            data = bytearray(b"\n".join(lines[i] for i in order))
        else:
            del data[position:]
    return bytes(data)


def _load(data: bytes, kind: plan_files.Format) -> None:
    with contextlib.suppress(GenderPlanError):
        loads_plan(decode(data, None), format=kind)


@given(data=st.sampled_from(plan_files.FORMATS).flatmap(
    lambda kind: st.tuples(st.just(kind), mutated(dumps_plan(
        loads_plan(WRITTEN, format="yaml"), format=kind)))))
def test_mutated_plan_files_raise_only_library_errors(data: tuple[str, bytes]) -> None:
    kind, content = data
    _load(content, kind)  # type: ignore[arg-type]


@given(plan=SMALL, kind=st.sampled_from(plan_files.FORMATS), seed=st.data())
def test_mutated_generated_plans_raise_only_library_errors(
    plan: object, kind: plan_files.Format, seed: st.DataObject
) -> None:
    content = seed.draw(mutated(dumps_plan(plan, format=kind)))  # type: ignore[arg-type]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _load(content, kind)
