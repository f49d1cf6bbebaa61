"""The report's view: methods shown by their label, in the report's language."""

from __future__ import annotations

import pytest

from gender_plan import GrowthRatio, LinearPath, Method, Projection
from gender_plan.model.text import LANGUAGES, Language
from gender_plan.report.view import method_label


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "method", [LinearPath(), GrowthRatio(), Projection()], ids=lambda method: method.name
)
def test_a_shipped_methods_name_is_shown_as_its_label(method: Method, language: Language) -> None:
    assert method.label.get(language) == method_label(method.name, language)


def test_the_labels_are_the_ones_reports_always_showed() -> None:
    assert ("Lộ trình tuyến tính", "Linear path") == (
        method_label("linear", "vi"), method_label("linear", "en")
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["recent-pace", "-", ""])
def test_any_other_method_keeps_its_own_name(name: str, language: Language) -> None:
    assert name == method_label(name, language)
