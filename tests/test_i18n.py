"""The message catalogue: every message of the sources is translated, and rendered late."""

from __future__ import annotations

import io
import pickle
import shutil
import string
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from gender_plan import Problem, ValidationError
from gender_plan._i18n import (
    ListText,
    Msg,
    NumberText,
    QuantityText,
    UnitText,
    compile_catalogues,
    extract_messages,
    fields,
    language_from_environment,
    msg,
    render,
    update_catalogues,
)

PO = Path(__file__).resolve().parents[1] / "src/gender_plan/locale/vi/LC_MESSAGES/gender_plan.po"


def _catalogue():
    with PO.open("rb") as stream:
        return read_po(stream)


def test_every_message_of_the_sources_has_its_vietnamese_translation() -> None:
    catalogue = _catalogue()
    extracted = extract_messages()
    assert len(extracted) > 150  # the extraction found the sources' messages, not nothing
    untranslated = [
        f"{place[0]}:{place[1]}: {template!r}"
        for template, place in extracted.items()
        if catalogue.get(template) is None or not catalogue.get(template).string
        or catalogue.get(template).fuzzy
    ]
    assert [] == untranslated, "run python -m gender_plan._i18n and translate the .po"


def test_the_catalogue_holds_no_message_the_sources_lost() -> None:
    extracted = extract_messages()
    stale = [m.id for m in _catalogue() if m.id and m.id not in extracted]
    assert [] == stale


def test_each_translation_formats_the_same_fields_as_its_template() -> None:
    wrong = [(m.id, m.string) for m in _catalogue()
             if m.id and fields(m.id) != fields(m.string)]
    assert [] == wrong


def test_the_compiled_catalogue_is_up_to_date() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _catalogue())
    assert compiled.getvalue() == PO.with_suffix(".mo").read_bytes(), (
        "the .mo is stale: python -m gender_plan._i18n"
    )


def test_a_message_reads_as_english_and_renders_in_vietnamese() -> None:
    message = msg("expected a number, found {value!r}", value="Có")
    assert "expected a number, found 'Có'" == message
    assert "expected a number, found 'Có'" == render(message, "en")
    assert "cần một số, nhưng gặp 'Có'" == render(message, "vi")
    assert "plain text" == render("plain text", "vi")


def test_nested_messages_render_in_the_same_language() -> None:
    outer = msg("{text!r} has a percent sign, but {problem}", text="55%",
                problem=msg("the row has no unit"))
    assert "'55%' has a percent sign, but the row has no unit" == outer
    assert "'55%' có dấu phần trăm, nhưng dòng không có đơn vị" == render(outer, "vi")


def test_a_message_without_parameters_is_made_once_and_renders_as_any_other() -> None:
    message = msg("the row has no unit")
    assert message is msg("the row has no unit")  # the model's checks make it for every object
    assert isinstance(message, Msg)
    assert ("the row has no unit", {}) == (message.template, dict(message.params))
    assert "dòng không có đơn vị" == render(message, "vi")
    assert render(Msg("the row has no unit"), "vi") == render(message, "vi")
    assert message is not msg("the unit is {unit!r}", unit="percent")


def test_errors_render_in_the_language_asked_and_stay_english_for_developers() -> None:
    error = ValidationError([Problem(message=msg("the file has no header row"), file="a.csv",
                                     hint=msg("check the quotes on this line"), line=3)],
                            subject="measurement table")
    assert str(error).startswith("1 problem in the measurement table:\n  - a.csv:3: the file")
    assert ("1 lỗi trong bảng số liệu:\n  - a.csv:3: tệp không có dòng tiêu đề "
            "(kiểm tra các dấu nháy ở dòng này)") == error.render("vi")


def test_a_message_survives_pickling_with_its_parameters() -> None:
    message = msg("the unit is {unit!r}", unit="percent")
    copy = pickle.loads(pickle.dumps(message))
    assert isinstance(copy, Msg)
    assert render(message, "vi") == render(copy, "vi")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "vi"),
        ({"LANG": "C.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "vi_VN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"}, "vi"),
        ({"LANGUAGE": "fr:en"}, "en"),
        ({"LC_ALL": "POSIX", "LANG": "en_US"}, "en"),
    ],
)
def test_the_language_comes_from_the_locale(environ: dict[str, str], expected: str) -> None:
    assert expected == language_from_environment(environ)


_VALUES = st.one_of(st.text(max_size=20), st.integers(), st.floats(allow_nan=False), st.none())
_TEMPLATES = sorted(extract_messages())


@given(st.sampled_from(_TEMPLATES), st.data())
def test_every_template_renders_its_values_in_both_languages(
    template: str, data: st.DataObject
) -> None:
    names = [(name, spec, conversion)
             for _, name, spec, conversion in string.Formatter().parse(template) if name]
    # A field with a format spec ({month:02d}) takes a number; the others take anything.
    params = {name: data.draw(st.integers(0, 99) if spec else _VALUES, label=name)
              for name, spec, _ in names}
    for language in ("vi", "en"):
        text = render(Msg(template, **params), language)
        for name, spec, conversion in names:
            value = params[name]
            shown = repr(value) if conversion == "r" else format(value, spec or "")
            assert shown in text


def test_the_maintainers_step_leaves_a_complete_catalogue_unchanged(tmp_path: Path) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(PO.parents[2], locale)
    copy = locale / "vi" / "LC_MESSAGES" / "gender_plan.po"
    copy.write_text(copy.read_text(encoding="utf-8").replace(
        'msgstr "tệp đã có"', 'msgstr "tệp đã có rồi"'), encoding="utf-8")
    assert [str(copy)] == update_catalogues(str(locale))
    assert 'msgstr "tệp đã có rồi"' in copy.read_text(encoding="utf-8")  # translations kept
    assert [str(copy.with_suffix(".mo"))] == compile_catalogues(str(locale))
    restored = copy.read_text(encoding="utf-8").replace('"tệp đã có rồi"', '"tệp đã có"')
    assert [m.id for m in _catalogue()] == [m.id for m in read_po(io.StringIO(restored))]


def test_quantities_and_units_in_a_message_read_as_each_language_writes_them() -> None:
    message = msg("{quantity} lies outside indicator {code!r}'s limits {limits} {limit_unit}",
                  quantity=QuantityText(148, "percent"), code="1.1", limits="[0, 100]",
                  limit_unit=UnitText("percent"))
    assert "148 percent lies outside indicator '1.1''s limits [0, 100] percent" == message
    assert "148% nằm ngoài giới hạn [0, 100] % của chỉ tiêu '1.1'" == render(message, "vi")
    copy = pickle.loads(pickle.dumps(QuantityText(12.5, "boys / 100 girls")))
    assert "12,5 bé trai/100 bé gái" == copy.render_in("vi")


def test_numbers_in_a_message_are_grouped_as_each_language_groups_them() -> None:
    message = msg("the file is {size} bytes", size=NumberText(16_777_216))
    assert "the file is 16,777,216 bytes" == message
    assert "16.777.216" == render(NumberText(16_777_216), "vi")
    assert "7" == render(NumberText(7), "vi")
    copy = pickle.loads(pickle.dumps(message))
    assert render(message, "vi") == render(copy, "vi")


def test_a_list_in_a_message_renders_each_part_in_the_messages_language() -> None:
    parts = ListText("; ", [msg("the row has no unit"), "plain", NumberText(1234)])
    assert "the row has no unit; plain; 1,234" == parts
    message = msg("the header has {what}", what=parts)
    assert "dòng tiêu đề dòng không có đơn vị; plain; 1.234" == render(message, "vi")
    joined = ListText(msg("the end of the file"), ["a", "b"])  # a separator that is a message
    assert ("athe end of the fileb", "acuối tệpb") == (render(joined, "en"),
                                                    render(joined, "vi"))
    assert render(message, "vi") == render(pickle.loads(pickle.dumps(message)), "vi")
