"""The cache's pickles: every model object comes back equal, of its own type, field by field."""

import enum
import pickle
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gender_plan import load_plan, model
from gender_plan.io import _plan_pickle
from gender_plan.testing import STRATEGIES

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "laikhe_2026_2030.yaml"


def _same(expected: object, actual: object, path: str = "") -> None:
    """`actual` is `expected` rebuilt: the same types all the way down, and equal values."""
    assert type(expected) is type(actual), path
    if attrs.has(type(expected)):
        for field in attrs.fields(type(expected)):
            _same(getattr(expected, field.name), getattr(actual, field.name),
                  f"{path}.{field.name}")
    elif isinstance(expected, tuple | list):
        assert len(expected) == len(actual), path
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            _same(left, right, f"{path}[{index}]")
    elif isinstance(expected, enum.Enum):
        assert expected is actual, path
    else:
        assert expected == actual, path


_MODEL_CLASSES = sorted(
    (cls for name in model.__all__
     if isinstance(cls := getattr(model, name), type) and attrs.has(cls)),
    key=lambda cls: cls.__name__,
)


@pytest.mark.parametrize("cls", _MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_model_class_is_rebuilt_by_its_own_function(cls):
    assert cls in _plan_pickle._TABLE


@settings(max_examples=15)
@given(data=st.data())
@pytest.mark.parametrize("cls", sorted(STRATEGIES, key=lambda cls: cls.__name__),
                         ids=lambda cls: cls.__name__)
def test_every_model_object_comes_back_equal_and_of_its_own_types(cls, data):
    value = data.draw(STRATEGIES[cls]())
    payload = _plan_pickle.dumps(value)
    _same(value, _plan_pickle.loads(payload))
    _same(value, pickle.loads(payload))  # a plain unpickler reads it too


def test_the_example_plan_comes_back_equal_and_smaller_than_the_default_pickle():
    plan = load_plan(EXAMPLE)
    payload = _plan_pickle.dumps(plan)
    rebuilt = _plan_pickle.loads(payload)
    assert plan == rebuilt
    _same(plan, rebuilt)
    assert hash(plan) == hash(rebuilt)
    assert len(payload) < len(pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))


def test_a_rebuilt_object_is_as_frozen_as_the_one_pickled():
    plan = load_plan(EXAMPLE)
    rebuilt = _plan_pickle.loads(_plan_pickle.dumps(plan))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rebuilt.code = "other"  # type: ignore[misc]


def test_a_subclass_the_table_does_not_know_is_pickled_the_default_way():
    @attrs.frozen(kw_only=True)
    class Local(model.LocalizedText):
        note: str = "kept"

    globals()["Local"] = Local  # pickle finds a class by its module and name
    Local.__qualname__ = "Local"
    try:
        text = Local(vi="Xã", en="Commune", note="mine")
        assert Local not in _plan_pickle._TABLE
        rebuilt = _plan_pickle.loads(_plan_pickle.dumps(text))
        _same(text, rebuilt)
    finally:
        del globals()["Local"]
