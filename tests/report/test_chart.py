"""The inline SVG chart: well-formed, escaped, and drawing what it is given."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from gender_plan.report.chart import HEIGHT, WIDTH, Chart, render_svg

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
