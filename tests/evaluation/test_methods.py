"""Each method's statuses at every threshold boundary, with figures computed by hand."""

import attrs
import pytest

from gender_plan import (
    Comparator,
    Direction,
    GrowthRatio,
    Indicator,
    Limits,
    LinearPath,
    LocalizedText,
    Measurement,
    Method,
    Period,
    Projection,
    ReasonCode,
    Status,
    Target,
    Verdict,
    assess_indicator,
)

NAME = LocalizedText(vi="chỉ tiêu", en="indicator")


def indicator(value=100.0, year=2030, comparator=Comparator.GE, direction=Direction.HIGHER_IS_BETTER,
              unit="items", limits=None, targets=None):
    return Indicator(
        code="x",
        name=NAME,
        unit=unit,
        direction=direction,
        limits=limits,
        targets=targets if targets is not None else [
            Target(comparator=comparator, value=value, year=year)
        ],
    )


def assess(ind, values, *, as_of, method, base_year=None, end_year=2030):
    rows = [Measurement(indicator="x", period=Period(year=y), value=v) for y, v in values.items()]
    return assess_indicator(ind, rows, as_of=as_of, method=method, base_year=base_year,
                            end_year=end_year)


# --- linear path: y_b = 0 in 2020, y_T = 100 in 2030, t = 2025, so R = y_t / 50 -----------------

@pytest.mark.parametrize(
    ("latest", "status", "ratio"),
    [
        (60.0, Status.ON_TRACK, 1.2),
        (47.5, Status.ON_TRACK, 0.95),
        (47.0, Status.NEEDS_ACCELERATION, 0.94),
        (30.0, Status.NEEDS_ACCELERATION, 0.6),
        (29.5, Status.LIMITED_PROGRESS, 0.59),
        (0.0, Status.LIMITED_PROGRESS, 0.0),
        (-0.5, Status.DETERIORATING, -0.01),
    ],
)
def test_linear_path_thresholds(latest, status, ratio):
    result = assess(indicator(), {2020: 0.0, 2025: latest}, as_of=2025, method=LinearPath())
    assert status is result.status
    assert ratio == pytest.approx(result.ratio)
    assert 50.0 == pytest.approx(result.expected)  # halfway along the line in 2025
    assert 100.0 - latest == pytest.approx(result.gap)
    assert 2030 == result.deadline


def test_linear_path_for_lower_is_better_and_least_squares_projection():
    mmr = indicator(value=42, comparator=Comparator.LT, direction=Direction.LOWER_IS_BETTER,
                    unit="deaths / 100000 live_births")
    result = assess(mmr, {2020: 62.0, 2022: 56.0, 2024: 50.0}, as_of=2024, method=LinearPath())
    # P = (62 - 50) / 20 = 0.6, S = 4 / 10 = 0.4, R = 1.5; the line falls 3 a year: 32 in 2030.
    assert Status.ON_TRACK is result.status
    assert 1.5 == pytest.approx(result.ratio)
    assert 32.0 == pytest.approx(result.projected)
    assert 54.0 == pytest.approx(result.expected)


def test_linear_path_handles_sign_changes():
    balance = indicator(value=10.0, unit="items")
    # From -10 to 0 of the way to 10: P = 10 / 20 = 0.5 in half the time, R = 1.
    result = assess(balance, {2020: -10.0, 2025: 0.0}, as_of=2025, method=LinearPath())
    assert Status.ON_TRACK is result.status
    assert 1.0 == pytest.approx(result.ratio)


def test_linear_path_level_to_hold():
    hold = indicator(value=50.0, comparator=Comparator.GT)
    result = assess(hold, {2020: 50.0, 2025: 49.0}, as_of=2025, method=LinearPath())
    assert Status.DETERIORATING is result.status
    assert any(r.code is ReasonCode.LEVEL_TO_HOLD for r in result.reasons)


# --- growth ratio: y_b = 1 in 2028, y_T = 4 in 2030 (required CAGR = 1), t = 2029: R = y_t - 1 ----

@pytest.mark.parametrize(
    ("latest", "status", "ratio", "score"),
    [
        (3.5, Status.ON_TRACK, 2.5, 5.0),
        (1.95, Status.ON_TRACK, 0.95, 7.1429 * 0.95 - 4.2857),
        (1.94, Status.NEEDS_ACCELERATION, 0.94, 7.1429 * 0.94 - 4.2857),
        (1.6, Status.NEEDS_ACCELERATION, 0.6, 7.1429 * 0.6 - 4.2857),
        (1.59, Status.LIMITED_PROGRESS, 0.59, 4.1667 * 0.59 - 2.5),
        (1.0, Status.LIMITED_PROGRESS, 0.0, -2.5),
        (0.99, Status.DETERIORATING, -0.01, 4.1667 * -0.01 - 2.5),
        (0.1, Status.DETERIORATING, -0.9, -5.0 if 4.1667 * -0.9 - 2.5 < -5 else 4.1667 * -0.9 - 2.5),
    ],
)
def test_growth_ratio_thresholds_and_score(latest, status, ratio, score):
    target = indicator(value=4.0)
    result = assess(target, {2028: 1.0, 2029: latest}, as_of=2029, method=GrowthRatio())
    assert status is result.status
    assert ratio == pytest.approx(result.ratio)
    assert score == pytest.approx(result.score)


def test_growth_score_is_clamped_at_minus_five():
    target = indicator(value=4.0)
    result = assess(target, {2028: 1.0, 2029: 0.0}, as_of=2029, method=GrowthRatio())
    assert -5.0 == result.score  # R = -1: 4.1667 * -1 - 2.5 = -6.67, clamped


def test_growth_met_scores_five():
    result = assess(indicator(value=4.0), {2028: 1.0, 2029: 4.0}, as_of=2029, method=GrowthRatio())
    assert Status.ACHIEVED is result.status
    assert 5.0 == result.score


def test_growth_replaces_a_zero_baseline():
    result = assess(indicator(value=4.0), {2028: 0.0, 2029: 0.002}, as_of=2029, method=GrowthRatio())
    # CAGR(0.002, 0.001) = 1 over one year; required CAGR(4, 0.001) over two = sqrt(4000) - 1.
    assert (4000 ** 0.5 - 1) ** -1 == pytest.approx(result.ratio)
    assert [("zero_replaced", "baseline")] == [
        (r.code.value, r.detail) for r in result.reasons if r.code is ReasonCode.ZERO_REPLACED
    ]


def test_growth_replaces_a_zero_target():
    falling = indicator(value=0.0, comparator=Comparator.LE, direction=Direction.LOWER_IS_BETTER)
    result = assess(falling, {2028: 4.0, 2029: 2.0}, as_of=2029, method=GrowthRatio())
    # CAGR(2, 4) = -0.5; required CAGR(0.001, 4) over two years = sqrt(0.001/4) - 1.
    required = (0.001 / 4) ** 0.5 - 1
    assert (-1 * -0.5) / abs(required) == pytest.approx(result.ratio)
    assert any(r.detail == "target" for r in result.reasons if r.code is ReasonCode.ZERO_REPLACED)


def test_growth_refuses_sign_changes():
    result = assess(indicator(value=4.0), {2028: -1.0, 2029: 2.0}, as_of=2029, method=GrowthRatio())
    assert Status.INSUFFICIENT_DATA is result.status
    assert any(r.code is ReasonCode.SIGN_CHANGE for r in result.reasons)
    towards = assess(indicator(value=4.0), {2028: -2.0, 2029: -1.0}, as_of=2029,
                     method=GrowthRatio())
    assert Status.INSUFFICIENT_DATA is towards.status  # the target lies across zero


def test_growth_with_negative_values_uses_the_sign():
    debt = indicator(value=-1.0)
    # s = -1; CAGR(-2, -4) = -0.5 over one year; required CAGR(-1, -4) over two = 0.5 - 1.
    result = assess(debt, {2028: -4.0, 2029: -2.0}, as_of=2029, method=GrowthRatio())
    assert 1.0 == pytest.approx(result.ratio)
    assert Status.ON_TRACK is result.status


def test_growth_level_to_hold():
    result = assess(indicator(value=5.0, comparator=Comparator.GT), {2028: 5.0, 2029: 4.0},
                    as_of=2029, method=GrowthRatio())
    assert Status.DETERIORATING is result.status
    assert any(r.code is ReasonCode.LEVEL_TO_HOLD for r in result.reasons)


@pytest.mark.parametrize(
    ("latest", "status", "score"),
    [
        (101.5, Status.ON_TRACK, 2.5),
        (101.0, Status.NEEDS_ACCELERATION, 250 * 0.01 - 1.25),
        (100.5, Status.NEEDS_ACCELERATION, 0.0),
        (100.2, Status.LIMITED_PROGRESS, 500 * 0.002 - 2.5),
        (100.0, Status.LIMITED_PROGRESS, -2.5),
        (99.0, Status.DETERIORATING, 125 * -0.01 - 2.5),
        (50.0, Status.DETERIORATING, -5.0),
        (104.0, Status.ON_TRACK, 5.0),
    ],
)
def test_growth_direction_only(latest, status, score):
    trend_only = indicator(targets=[])
    result = assess(trend_only, {2028: 100.0, 2029: latest}, as_of=2029, method=GrowthRatio())
    assert status is result.status
    assert score == pytest.approx(result.score)
    assert latest / 100 - 1 == pytest.approx(result.ratio)


@pytest.mark.parametrize(
    ("baseline", "limit", "status"),
    [
        (50.0, 100.0, Status.ON_TRACK),  # C = 1 - 0.5^4.44 = 0.954: on track from p = 0.01431
        (50.0, None, Status.NEEDS_ACCELERATION),  # C = 1: p = 0.0144 is below 0.015
        (150.0, 100.0, Status.ON_TRACK),  # C = 1 - ((200 - 150) / 100)^4.44, the same 0.954
        (250.0, 100.0, Status.NEEDS_ACCELERATION),  # B >= 2L: C = 1
    ],
)
def test_growth_direction_only_thresholds_shrink_near_the_limit(baseline, limit, status):
    bounded = indicator(targets=[], limits=None if limit is None else Limits(upper=limit))
    result = assess(bounded, {2028: baseline, 2029: baseline * 1.0144}, as_of=2029,
                    method=GrowthRatio())
    assert status is result.status
    factor = 1 - 0.5**4.44 if status is Status.ON_TRACK else 1.0
    expected = min(500 * 0.0144 / factor - 5, 5) if status is Status.ON_TRACK else (
        250 * 0.0144 - 1.25
    )
    assert expected == pytest.approx(result.score)


def test_growth_direction_only_at_the_limit_is_on_track():
    share = indicator(targets=[], unit="percent", limits=Limits(lower=0, upper=100))
    result = assess(share, {2028: 100.0, 2029: 100.0}, as_of=2029, method=GrowthRatio())
    assert Status.ON_TRACK is result.status
    assert 5.0 == result.score


# --- projection: y_b = 1 in 2028, y_T = 2 in 2030, t = 2029: v_e = y_t^2, R = y_t^2 - 1 ----------

@pytest.mark.parametrize(
    ("latest", "status"),
    [
        (1.95**0.5, Status.ON_TRACK),
        (1.94**0.5, Status.NEEDS_ACCELERATION),
        (1.1**0.5, Status.NEEDS_ACCELERATION),
        (1.09**0.5, Status.LIMITED_PROGRESS),
        (1.0, Status.LIMITED_PROGRESS),
        (0.99, Status.DETERIORATING),
    ],
)
def test_projection_thresholds(latest, status):
    result = assess(indicator(value=2.0), {2028: 1.0, 2029: latest}, as_of=2029,
                    method=Projection())
    assert status is result.status
    assert latest**2 == pytest.approx(result.projected)
    assert latest**2 - 1 == pytest.approx(result.ratio)


@pytest.mark.parametrize(
    ("values", "code"),
    [({2028: 0.0, 2029: 1.0}, ReasonCode.ZERO_VALUE), ({2028: 1.0, 2029: 0.0}, ReasonCode.ZERO_VALUE),
     ({2028: -1.0, 2029: 1.0}, ReasonCode.SIGN_CHANGE)],
)
def test_projection_refuses_zeros_and_sign_changes(values, code):
    result = assess(indicator(value=2.0), values, as_of=2029, method=Projection())
    assert Status.INSUFFICIENT_DATA is result.status
    assert any(r.code is code for r in result.reasons)


def test_projection_level_to_hold():
    result = assess(indicator(value=2.0, comparator=Comparator.GT), {2028: 2.0, 2029: 1.5},
                    as_of=2029, method=Projection())
    assert Status.DETERIORATING is result.status


@pytest.mark.parametrize("method", [LinearPath(), Projection()])
def test_methods_without_a_numeric_target_cannot_judge(method):
    result = assess(indicator(targets=[]), {2028: 1.0, 2029: 2.0}, as_of=2029, method=method)
    assert Status.INSUFFICIENT_DATA is result.status
    assert any(r.code is ReasonCode.NO_NUMERIC_TARGET for r in result.reasons)


def test_thresholds_are_parameters():
    strict = LinearPath(on_track=1.5, needs_acceleration=1.0)
    result = assess(indicator(), {2020: 0.0, 2025: 60.0}, as_of=2025, method=strict)
    assert Status.NEEDS_ACCELERATION is result.status
    assert "linear" == strict.name
    assert "growth" == GrowthRatio().name
    assert "projection" == Projection().name


# --- labels: each method's name for people -------------------------------------------------------

@pytest.mark.parametrize(
    ("method", "vi", "en"),
    [
        (LinearPath(), "Lộ trình tuyến tính", "Linear path"),
        (GrowthRatio(), "Tỷ số tốc độ tăng trưởng (Open SDG 2.4)", "Growth-rate ratio (Open SDG 2.4)"),
        (Projection(), "Dự báo đến thời hạn (UNSD 2023)", "Projection to the deadline (UNSD 2023)"),
    ],
    ids=lambda value: value.name if isinstance(value, Method) else None,
)
def test_each_shipped_method_has_a_label_in_both_languages(method, vi, en):
    assert LocalizedText(vi=vi, en=en) == method.label
    assert (vi, en) == (method.label.get("vi"), method.label.get("en"))


def test_the_label_survives_other_thresholds_and_is_not_an_option():
    assert LinearPath().label == LinearPath(on_track=1.5).label
    assert LinearPath().label == attrs.evolve(LinearPath(), needs_acceleration=0.1).label
    with pytest.raises(TypeError):
        LinearPath(label=LocalizedText(vi="khác"))


class _Plain(Method):
    """A user's method written before labels existed: a name and `judge`, nothing else."""

    name = "plain"

    def judge(self, trend):
        return Verdict(status=Status.ON_TRACK)


@attrs.frozen(kw_only=True)
class _Labelled(Method):
    name: str = attrs.field(default="labelled", init=False)
    label: LocalizedText = attrs.field(
        default=LocalizedText(vi="Có nhãn", en="Labelled"), init=False
    )

    def judge(self, trend):
        return Verdict(status=Status.ON_TRACK)


def test_a_method_without_a_label_is_labelled_with_its_name_in_both_languages():
    method = _Plain()
    assert LocalizedText(vi="plain", en="plain") == method.label
    result = assess(indicator(), {2020: 0.0, 2025: 1.0}, as_of=2025, method=method)
    assert ("plain", Status.ON_TRACK) == (result.method, result.status)


def test_a_method_can_define_its_own_label():
    method = _Labelled()
    assert ("Có nhãn", "Labelled") == (method.label.get("vi"), method.label.get("en"))
    result = assess(indicator(), {2020: 0.0, 2025: 1.0}, as_of=2025, method=method)
    assert ("labelled", Status.ON_TRACK) == (result.method, result.status)
