"""The inline SVG chart: well-formed, escaped, and drawing what it is given."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from gender_plan.report.chart import (
    HEIGHT,
    WIDTH,
    Chart,
    Timeline,
    render_svg,
    render_timeline,
)

SVG = "{http://www.w3.org/2000/svg}"


def test_chart_draws_points_target_and_path() -> None:
    chart = Chart(points=((2025.0, 30.0), (2027.0, 35.0)), target=60.0, deadline=2030.0,
                  baseline=(2025.0, 30.0), title="1.1 <b>&")
    root = ET.fromstring(render_svg(chart, "vi"))
    assert 2 == len(root.findall(f"{SVG}circle"))
    assert 1 == len(root.findall(f"{SVG}polyline"))
    classes = [line.get("class") for line in root.findall(f"{SVG}line")]
    assert ["target", "path"] == classes
    assert "1.1 <b>&" == root.findtext(f"{SVG}title")
    labels = [text.text for text in root.findall(f"{SVG}text")]
    assert "2025" in labels
    assert "2030" in labels
    assert any(label is not None and "," in label for label in labels)


def test_chart_without_baseline_has_no_path_and_one_point_no_line() -> None:
    chart = Chart(points=((2024.0, 1.8),), target=1.4, deadline=2030.0)
    root = ET.fromstring(render_svg(chart, "en"))
    assert ["target"] == [line.get("class") for line in root.findall(f"{SVG}line")]
    assert [] == root.findall(f"{SVG}polyline")


def test_flat_chart_still_has_room() -> None:
    """Every value equal (and one year): the scales widen instead of dividing by zero."""
    chart = Chart(points=((2030.0, 100.0),), target=100.0, deadline=2030.0)
    root = ET.fromstring(render_svg(chart, "en"))
    circle = root.find(f"{SVG}circle")
    assert circle is not None
    assert 0 < float(circle.get("cy", "nan")) < HEIGHT


values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
years = st.integers(min_value=2000, max_value=2040).map(float)


@given(st.lists(st.tuples(years, values), min_size=1, max_size=8), values, years,
       st.none() | st.tuples(years, values))
def test_every_mark_lies_inside_the_picture(
    points: list[tuple[float, float]], target: float, deadline: float,
    baseline: tuple[float, float] | None,
) -> None:
    chart = Chart(points=tuple(sorted(points)), target=target, deadline=deadline,
                  baseline=baseline)
    root = ET.fromstring(render_svg(chart))
    for circle in root.findall(f"{SVG}circle"):
        assert 0 <= float(circle.get("cx", "nan")) <= WIDTH
        assert 0 <= float(circle.get("cy", "nan")) <= HEIGHT
    for line in root.findall(f"{SVG}line"):
        for name in ("y1", "y2"):
            assert 0 <= float(line.get(name, "nan")) <= HEIGHT


@given(st.integers(2000, 2030), st.integers(0, 12), st.floats(0, 100), st.floats(0, 100))
def test_every_year_and_the_target_value_are_labelled(
    first: int, years: int, value: float, target: float
) -> None:
    chart = Chart(points=((float(first), value),), target=target, deadline=float(first + years))
    root = ET.fromstring(render_svg(chart, "en"))
    labels = [text.text for text in root.findall(f"{SVG}text")]
    assert [str(year) for year in range(first, first + years + 1)] == [
        label for label in labels if label is not None and label.isdigit() and len(label) == 4
    ]
    (target_label,) = [t for t in root.findall(f"{SVG}text") if "target-value" in t.get("class", "")]
    assert target_label.text is not None
    assert abs(float(target_label.text.replace(",", "")) - target) <= 0.005 + 1e-9 * target


def test_a_yes_no_fact_is_a_timeline_of_filled_and_empty_marks() -> None:
    timeline = Timeline(points=((2025.0, False), (2026.0, True)), deadline=2030.0, title="5.1")
    root = ET.fromstring(render_timeline(timeline, "vi"))
    assert ["point-no", "point"] == [c.get("class") for c in root.findall(f"{SVG}circle")]
    labels = [text.text for text in root.findall(f"{SVG}text")]
    assert ["Không", "Có"] == [label for label in labels if label in ("Có", "Không")]
    assert ["2025", "2026", "2027", "2028", "2029", "2030"] == [
        label for label in labels if label is not None and label.isdigit()]
    assert 1 == sum(1 for line in root.findall(f"{SVG}line") if line.get("class") == "target")
