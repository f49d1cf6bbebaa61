
from gender_plan import (
    AssessmentError,
    GenderPlanError,
    IncompatibleUnitsError,
    Problem,
    UnitError,
    UnknownCodeError,
    ValidationError,
)


def test_one_hierarchy_that_also_speaks_builtin():
    for error, builtin in ((ValidationError, ValueError), (UnitError, ValueError),
                           (IncompatibleUnitsError, UnitError), (AssessmentError, ValueError),
                           (UnknownCodeError, KeyError)):
        assert issubclass(error, GenderPlanError)
        assert issubclass(error, builtin)


def test_a_problem_says_what_and_where():
    problem = Problem(message="expected a number, found '60'", path="goals[2].indicators[0].value",
                      file="plan.yaml", line=41, hint="write 60 without quotes")
    assert ("plan.yaml:41 goals[2].indicators[0].value: expected a number, found '60' "
            "(write 60 without quotes)") == str(problem)
    assert "expected a number" == str(Problem(message="expected a number"))
    assert "a.yaml x: m" == str(Problem(message="m", path="x", file="a.yaml"))


def test_problem_paths_are_prefixed_for_nested_objects():
    problem = Problem(message="m", path="targets[0].value")
    assert "goals[1].indicators[0].targets[0].value" == problem.prefixed(
        "goals[1].indicators[0]").path
    assert "goals[1][0]" == Problem(message="m", path="[0]").prefixed("goals[1]").path
    assert "goals[1]" == Problem(message="m").prefixed("goals[1]").path
    assert problem is problem.prefixed("")


def test_validation_error_lists_every_problem():
    error = ValidationError([Problem(message="a", path="x"), Problem(message="b")],
                            subject="plan file")
    assert "2 problems in the plan file:\n  - x: a\n  - b" == str(error)
    assert "1 problem in the plan:\n  - b" == str(ValidationError([Problem(message="b")]))


def test_unknown_code_suggests_a_close_code():
    assert "the plan has no indicator with code '4.4'; did you mean '4.1'?" == str(
        UnknownCodeError("4.4", "indicator", ["4.1", "2.2"]))
    assert "the plan has no goal with code 'z'" == str(UnknownCodeError("z", "goal", ["1"]))
