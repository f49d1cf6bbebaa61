"""plot_indicator draws the measured values, the target line and the path, on matplotlib."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest
from PIL import Image

from gender_plan import (
    Comparator,
    Direction,
    Indicator,
    LocalizedText,
    Measurement,
    Period,
    Target,
    TargetKind,
    assess_indicator,
    plot_indicator,
)
from gender_plan.errors import AssessmentError

NAME = LocalizedText(vi="x", en="x")
SHARE = Indicator(code="1.1", name=NAME, unit="percent",
                  targets=[Target(comparator=Comparator.GE, value=60, year=2030)])
ROWS = [Measurement(indicator="1.1", period=Period(year=y), value=v)
        for y, v in ((2025, 40), (2026, 44), (2027, 47))]


def test_the_measured_values_the_target_and_every_year_are_drawn(tmp_path: Path) -> None:
    result = assess_indicator(SHARE, ROWS, as_of=2027, base_year=2025)
    figure, axes = plt.subplots()
    assert axes is plot_indicator(result, ROWS, ax=axes)
    measured, path = axes.get_lines()[0], axes.get_lines()[-1]
    assert [2025.0, 2026.0, 2027.0] == list(measured.get_xdata())
    assert [40.0, 44.0, 47.0] == list(measured.get_ydata())
    assert [2025.0, 2030.0] == list(path.get_xdata())
    assert [40.0, 60.0] == list(path.get_ydata())
    assert list(range(2025, 2031)) == [int(t) for t in axes.get_xticks()]
    assert 60.0 in list(axes.get_yticks())
    assert ["measured", "target", "linear path"] == [
        t.get_text() for t in axes.get_legend().get_texts()]
    out = tmp_path / "1.1.png"
    figure.savefig(out, dpi=80)
    plt.close(figure)
    with Image.open(out) as image:
        assert image.size[0] > 300
        assert len(image.convert("RGB").getcolors(10000) or ()) > 10


def test_a_band_is_shaded_and_a_yes_no_fact_is_a_timeline() -> None:
    parity = Indicator(code="p", name=NAME, unit="fraction",
                       direction=Direction.TOWARD_REFERENCE, reference=1.0,
                       targets=[Target(comparator=Comparator.BETWEEN, value=0.97, upper=1.03,
                                       year=2030)])
    rows = [Measurement(indicator="p", period=Period(year=y), value=v)
            for y, v in ((2025, 0.88), (2027, 0.94))]
    axes = plot_indicator(assess_indicator(parity, rows, as_of=2027, base_year=2025), rows)
    assert 1 == len(axes.patches)
    assert {0.97, 1.03} <= set(axes.get_yticks())
    plt.close(axes.figure)
    fact = Indicator(code="f", name=NAME, unit="yes_no", targets=[
        Target(comparator=Comparator.EQ, value=True, kind=TargetKind.HOLD, start_year=2025,
               year=2030)])
    facts = [Measurement(indicator="f", period=Period(year=y), value=v)
             for y, v in ((2025, True), (2026, False))]
    axes = plot_indicator(assess_indicator(fact, facts, as_of=2026, start_year=2025), facts,
                          language="vi")
    assert [1.0, 0.0] == list(axes.get_lines()[0].get_ydata())
    assert ["Không", "Có"] == [t.get_text() for t in axes.get_yticklabels()]
    plt.close(axes.figure)


def test_several_places_need_a_place() -> None:
    rows = [Measurement(indicator="1.1", period=Period(year=2025), value=40, place=p)
            for p in ("a", "b")]
    result = assess_indicator(SHARE, rows, as_of=2027, place="a")
    with pytest.raises(AssessmentError, match="pass place"):
        plot_indicator(result, rows)
    plt.close("all")
