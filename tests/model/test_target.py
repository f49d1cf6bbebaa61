import pytest

from gender_plan import Comparator, Frequency, LocalizedText, Target, TargetKind, ValidationError


def test_comparator_symbols_and_strictness():
    assert "≥" == Comparator.GE.symbol
    assert "≈" == Comparator.ABOUT.symbol
    assert Comparator.GT.is_strict
    assert not Comparator.GE.is_strict


def test_a_plain_target():
    target = Target(comparator=Comparator.GE, value=60, year=2030,
                    text=LocalizedText(vi="đạt 60%", en="reach 60%"))
    assert TargetKind.REACH is target.kind
    assert not target.is_periodic


def test_a_monthly_count():
    target = Target(comparator=Comparator.GE, value=1, kind=TargetKind.COUNT_PER_PERIOD,
                    frequency=Frequency.MONTH, start_year=2026)
    assert target.is_periodic


@pytest.mark.parametrize(
    ("kwargs", "fragments"),
    [
        ({"comparator": Comparator.EQ, "value": 1, "kind": TargetKind.YES_NO},
         ["yes/no target needs true or false"]),
        ({"comparator": Comparator.GE, "value": True, "kind": TargetKind.YES_NO},
         ["compared with '='"]),
        ({"comparator": Comparator.GE, "value": True}, ["needs a number", "yes_no"]),
        ({"comparator": Comparator.GE, "value": float("nan")}, ["finite number"]),
        ({"comparator": Comparator.ABOUT, "value": 5}, ["needs a tolerance"]),
        ({"comparator": Comparator.ABOUT, "value": 5, "tolerance": -1}, ["0 or more"]),
        ({"comparator": Comparator.GE, "value": 5, "tolerance": 1}, ["only an 'about'"]),
        ({"comparator": Comparator.GE, "value": 5, "start_year": 2025}, ["only hold"]),
        ({"comparator": Comparator.GE, "value": 5, "frequency": Frequency.MONTH}, ["only hold"]),
        ({"comparator": Comparator.GE, "value": 5, "kind": TargetKind.COUNT_PER_PERIOD},
         ["needs a frequency"]),
        ({"comparator": Comparator.GE, "value": 5, "kind": TargetKind.HOLD, "start_year": 2030,
          "year": 2025}, ["start year 2030 is after the year 2025"]),
        ({"comparator": Comparator.GE, "value": 5, "year": 30}, ["year between"]),
        ({"comparator": Comparator.GE, "value": 5, "unit": " "}, ["unit text"]),
        ({"comparator": ">=", "value": 5}, ["expected a comparator"]),
        ({"comparator": Comparator.GE, "value": 5, "text": "words"}, ["localized text"]),
    ],
)
def test_inconsistent_targets_are_refused(kwargs, fragments):
    with pytest.raises(ValidationError) as caught:
        Target(**kwargs)
    for fragment in fragments:
        assert fragment in str(caught.value)


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValidationError) as caught:
        Target(comparator=Comparator.ABOUT, value="x", kind=TargetKind.COUNT_PER_PERIOD,
               start_year=3000)
    paths = [problem.path for problem in caught.value.problems]
    assert ["value", "tolerance", "start_year", "frequency"] == paths
