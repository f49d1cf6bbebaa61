"""Starting another commune's plan from an existing one (the ``new`` command's logic)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import attrs

from gender_plan.io.converter import structure, unstructure
from gender_plan.model.indicator import Indicator
from gender_plan.model.period import PartialDate
from gender_plan.model.plan import Plan
from gender_plan.model.target import Target, TargetKind
from gender_plan.model.text import LocalizedText

__all__ = [
    "PLACEHOLDERS", "TO_FILL", "derive_plan", "derive_province", "slug", "with_placeholders",
]

TO_FILL = ("number", "date", "signatory", "parent", "baselines")
"""What a plan started by `derive_plan` leaves empty for the commune to fill in."""

PLACEHOLDERS = """\
# ---- Điền vào đây (fill in): xoá dấu '#' ở đầu dòng khi đã điền --------------------------
# Số kế hoạch, như trên văn bản đã ký:
# number: 45/KH-UBND
# Ngày ban hành: sửa dòng 'date' ở trên thành năm-tháng-ngày, ví dụ: date: 2026-06-12
# Người ký (họ tên và chức vụ, như dưới văn bản):
# signatory:
#   name: Nguyễn Văn A
#   title: Chủ tịch
#   authority: [TM. ỦY BAN NHÂN DÂN]
# Kế hoạch của tỉnh (thành phố) mà kế hoạch này triển khai: thêm văn bản ấy vào legal_bases
# (kind: plan) rồi ghi mã của nó ở đây:
# parent: ma-ke-hoach-cua-tinh
# Giá trị cơ sở (baseline) của từng chỉ tiêu, nếu kế hoạch của xã có nêu: xem docs/how-to.
# -------------------------------------------------------------------------------------------
"""
"""The comments `new` writes after the plan's date in YAML and TOML, in Vietnamese."""


def slug(text: str) -> str:
    """A code from a name: ``Hưng Đạo`` gives ``hung-dao``."""
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = plain.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "commune"


def _replace(data: Any, names: dict[str, dict[str, str]], key: str = "vi") -> Any:
    """Replace the old place names in every text of plain data (English ones in 'en' keys)."""
    if isinstance(data, dict):
        return {k: _replace(v, names, "en" if k == "en" else key) for k, v in data.items()}
    if isinstance(data, list):
        return [_replace(item, names, key) for item in data]
    if isinstance(data, str):
        for old, new in names[key].items():
            data = data.replace(old, new)
        return data
    return data


def derive_plan(
    source: Plan,
    *,
    commune: str,
    commune_en: str | None = None,
    start_year: int | None = None,
    end_year: int | None = None,
) -> Plan:
    """A new commune's plan from `source`: its name and years in, the commune's own parts out.

    Every text that names the source's place names `commune` instead (upper-case too). The
    plan's number, the day and month of issue, the signatory and the baselines stated in the
    source (which are the source commune's data) are left out (`TO_FILL`).

    Raises:
        ValidationError: when the years given do not fit the source's targets.
    """
    start = source.start_year if start_year is None else start_year
    end = source.end_year if end_year is None else end_year
    old_vi, old_en = source.place.vi, source.place.get("en")
    new_en = commune_en if commune_en is not None else commune
    names = {
        "vi": {old_vi: commune, old_vi.upper(): commune.upper()},
        "en": {old_en: new_en, old_en.upper(): new_en.upper(), old_vi: new_en},
    }
    data = _replace(unstructure(source), names)
    data["code"] = f"{slug(commune)}-{start}-{end}"
    data["start_year"], data["end_year"] = start, end
    data["date"] = unstructure(PartialDate(year=source.date.year + start - source.start_year))
    for key in ("number", "signatory"):
        data.pop(key, None)
    _drop_source_history(data)
    if start != source.start_year:
        data.pop("base_year", None)  # the source's base year belongs to its own period
    for goal in data.get("goals", []):
        for indicator in goal.get("indicators", []):
            indicator.pop("baseline", None)
    return structure(data, Plan)


def _drop_source_history(data: dict[str, Any]) -> None:
    """Leave out what is the source commune's own: its parent plan and its notes on documents.

    The parent is the plan of the source's province, which the officer names (a placeholder);
    the notes record the source document's misprints, not the new commune's.
    """
    parent = data.pop("parent", None)
    for key in ("legal_bases", "references"):
        documents = [d for d in data.get(key, []) if d.get("code") != parent]
        for document in documents:
            document.pop("note", None)
        if documents:
            data[key] = documents
        else:
            data.pop(key, None)


def with_placeholders(text: str, file_format: str) -> str:
    """`text` (a plan file) with `PLACEHOLDERS` after its top-level date; JSON has no comments."""
    start = {"yaml": "date:", "toml": "date ="}.get(file_format)
    if start is None:
        return text
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith(start):
            return "".join([*lines[:index + 1], PLACEHOLDERS, *lines[index + 1:]])
    return text


def derive_province(
    strategy: Plan,
    *,
    province: str,
    province_en: str | None = None,
    start_year: int | None = None,
    end_year: int | None = None,
) -> tuple[Plan, tuple[str, ...]]:
    """A province's plan started from the national `strategy`, and the milestones left out.

    Every indicator `implements` the national one and the plan's `parent` is the strategy's
    resolution, so ``gender-plan trace`` checks it as it stands. Milestones due before the
    plan starts lie outside its period and are left out (returned, ``1.1 by 2025``).
    """
    start = strategy.start_year if start_year is None else start_year

    def early(target: Target) -> bool:
        return target.kind is TargetKind.REACH and strategy.deadline(target) < start

    left_out = tuple(f"{indicator.code} ({strategy.deadline(target)})"
                     for _, indicator in strategy.indicators()
                     for target in indicator.targets if early(target))

    def kept_targets(indicator: Indicator) -> list[Target]:
        # A yes/no fact due earlier ("from 2025 on") is in force when the plan starts: it is
        # due in the plan's first year, not dropped.
        return [attrs.evolve(t, year=start) if t.kind is TargetKind.YES_NO
                and strategy.deadline(t) < start else t
                for t in indicator.targets if not early(t)]

    kept = attrs.evolve(strategy, goals=[
        attrs.evolve(goal, indicators=[
            attrs.evolve(indicator, implements=indicator.code, targets=kept_targets(indicator))
            for indicator in goal.indicators])
        for goal in strategy.goals
    ])
    plan = derive_plan(kept, commune=province, commune_en=province_en, start_year=start_year,
                       end_year=end_year)
    english = province_en if province_en is not None else province
    resolution = next((d.code for d in strategy.legal_bases if d.number == strategy.number),
                      None)
    plan = attrs.evolve(
        plan,
        title=LocalizedText(
            vi=f"Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới trên địa bàn {province}",
            en=f"Plan implementing the National Strategy on Gender Equality in {english}",
        ),
        issuer=LocalizedText(vi=f"Ủy ban nhân dân {province}",
                             en=f"People's Committee of {english}"),
        # The strategy file's note on what it holds is not the province's objective.
        general_objective=None,
        parent=resolution,
    )
    return plan, left_out
