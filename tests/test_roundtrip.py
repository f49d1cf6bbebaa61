"""structure(unstructure(x)) == x for every public model class, through the cattrs converter."""

import inspect

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gender_plan
from gender_plan import model
from gender_plan.io import make_converter, structure, unstructure
from gender_plan.testing import STRATEGIES, plans

PUBLIC_MODEL_CLASSES = sorted(
    (obj for name, obj in vars(model).items()
     if name in model.__all__ and inspect.isclass(obj) and attrs.has(obj)),
    key=lambda cls: cls.__name__,
)


def test_every_public_model_class_has_a_strategy():
    assert [cls.__name__ for cls in PUBLIC_MODEL_CLASSES] == sorted(
        cls.__name__ for cls in STRATEGIES)


@pytest.mark.parametrize("cls", PUBLIC_MODEL_CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_structure_unstructure_round_trips(cls, data):
    obj = data.draw(STRATEGIES[cls]())
    assert obj == structure(unstructure(obj), cls)


@given(plans())
def test_a_fresh_converter_reads_what_the_shared_one_writes(plan):
    assert plan == make_converter().structure(unstructure(plan), gender_plan.Plan)


def test_defaults_are_not_written():
    target = gender_plan.Target(comparator=gender_plan.Comparator.GE, value=60)
    assert {"comparator": ">=", "value": 60} == unstructure(target)
