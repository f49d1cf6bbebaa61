import pytest

from gender_plan import (
    Baseline,
    Comparator,
    Direction,
    Indicator,
    Limits,
    LocalizedText,
    Target,
    TargetKind,
    ValidationError,
)

NAME = LocalizedText(vi="Tỷ lệ", en="Share")


def share(**changes):
    fields = {
        "code": "2.1",
        "name": NAME,
        "unit": "percent",
        "limits": Limits(lower=0, upper=100),
        "targets": [Target(comparator=Comparator.GE, value=60, year=2030)],
    }
    fields.update(changes)
    return Indicator(**fields)


def test_direction_signs():
    assert 1 == Direction.HIGHER_IS_BETTER.sign
    assert -1 == Direction.LOWER_IS_BETTER.sign


def test_label_is_the_plans_numbering():
    assert "2.1" == share().label
    assert "3.2" == share(code="3.2a", number="3.2").label


def test_targets_in_another_compatible_unit_are_converted():
    indicator = share(targets=[Target(comparator=Comparator.GE, value=0.6, unit="fraction")])
    assert 60 == pytest.approx(indicator.target_value(indicator.targets[0]))


def test_a_target_in_an_incompatible_unit_is_refused():
    with pytest.raises(ValidationError) as caught:
        share(targets=[Target(comparator=Comparator.GE, value=42, unit="deaths / 100000 live_births")])
    problem = caught.value.problems[0]
    assert "targets[0].unit" == problem.path
    assert "different things" in problem.message


def test_a_target_outside_the_natural_limits_is_refused():
    with pytest.raises(ValidationError) as caught:
        share(targets=[Target(comparator=Comparator.GE, value=160)])
    assert "targets[0].value" == caught.value.problems[0].path
    assert "outside the indicator's limits [0, 100]" in caught.value.problems[0].message


def test_a_baseline_outside_the_limits_is_refused():
    with pytest.raises(ValidationError, match=r"baseline\.value"):
        share(baseline=Baseline(value=-3, year=2020))


def test_one_sided_comparators_agree_with_the_direction():
    with pytest.raises(ValidationError) as caught:
        share(direction=Direction.LOWER_IS_BETTER)
    assert "asks for a higher value" in str(caught.value)
    share(direction=Direction.LOWER_IS_BETTER,
          targets=[Target(comparator=Comparator.EQ, value=50)])


def test_unknown_unit_is_reported_with_the_field():
    with pytest.raises(ValidationError) as caught:
        share(unit="percnt", targets=[])
    assert "unit" == caught.value.problems[0].path
    assert "'percnt' is not a unit" in caught.value.problems[0].message


def test_yes_no_indicators_take_yes_no_targets_only():
    fact = share(unit="yes_no", limits=None,
                 targets=[Target(comparator=Comparator.EQ, value=True, kind=TargetKind.YES_NO)])
    assert fact.is_yes_no
    assert fact.target_value(fact.targets[0]) is True
    with pytest.raises(ValidationError, match="yes/no indicator takes yes/no targets"):
        share(unit="yes_no", limits=None)
    with pytest.raises(ValidationError, match="expected true or false"):
        share(unit="yes_no", limits=None, targets=[], baseline=Baseline(value=3, year=2020))
    with pytest.raises(ValidationError, match="expected a number"):
        share(baseline=Baseline(value=True, year=2020))


def test_milestones_need_different_years():
    with pytest.raises(ValidationError, match="two targets to reach by the same year"):
        share(targets=[Target(comparator=Comparator.GE, value=60, year=2030),
                       Target(comparator=Comparator.GE, value=70, year=2030)])
    both = share(targets=[Target(comparator=Comparator.GE, value=60, year=2025),
                          Target(comparator=Comparator.GE, value=75, year=2030)])
    assert 2 == len(both.targets)


def test_structure_problems_are_all_reported():
    with pytest.raises(ValidationError) as caught:
        Indicator(code=" x", name="plain", unit=5, direction="up", number="",
                  limits=(0, 1), baseline=3, targets="60%")
    paths = {problem.path for problem in caught.value.problems}
    assert {"code", "name", "direction", "number", "unit", "limits", "baseline", "targets"} == paths


def test_limits():
    assert Limits(lower=0, upper=100).contains(100)
    assert not Limits(lower=0).contains(-0.1)
    assert "[0, 100]" == str(Limits(lower=0, upper=100))
    assert "[-∞, 5]" == str(Limits(upper=5))
    with pytest.raises(ValidationError, match="not above lower limit"):
        Limits(lower=5, upper=5)
    with pytest.raises(ValidationError, match="finite number"):
        Limits(lower=float("inf"))


def test_baseline_checks_its_year():
    with pytest.raises(ValidationError, match="year between"):
        Baseline(value=3, year=20)


def test_a_display_name_stands_beside_the_plans_words():
    short = LocalizedText(vi="Cơ quan có lãnh đạo chủ chốt là nữ", en="Agencies led by a woman")
    indicator = share(name=LocalizedText(vi="các cơ quan … là nữ"), display_name=short)
    assert short == indicator.title
    assert "các cơ quan … là nữ" == indicator.name.vi
    assert NAME == share().title
    with pytest.raises(ValidationError, match="display_name"):
        share(display_name="Cơ quan")
