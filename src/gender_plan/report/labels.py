"""The words around the plan's own text in reports and on the terminal, in Vietnamese, English."""

from __future__ import annotations

from gender_plan.model.text import Language

__all__ = ["LABELS", "label", "labels"]

LABELS: dict[str, tuple[str, str]] = {
    "report": ("Báo cáo đánh giá kết quả thực hiện", "Progress report"),
    "issuer": ("Cơ quan ban hành", "Issued by"),
    "period": ("Giai đoạn", "Period"),
    "number": ("Số", "Number"),
    "date": ("Ngày ban hành", "Date of issue"),
    "draft": ("Dự thảo", "Draft"),
    "draft_note": (
        "Kế hoạch chưa có số hoặc ngày ban hành.",
        "The plan has no number or day of issue yet.",
    ),
    "as_of": ("Số liệu tính đến", "Data as of"),
    "method": ("Phương pháp đánh giá", "Assessment method"),
    "summary": ("Tổng hợp", "Summary"),
    "plan_total": ("Toàn kế hoạch", "Whole plan"),
    "goal": ("Mục tiêu", "Goal"),
    "goals": ("Mục tiêu", "Goals"),
    "targets": ("Chỉ tiêu", "Targets"),
    "target": ("Chỉ tiêu", "Target"),
    "indicator": ("Chỉ số", "Indicator"),
    "total": ("Tổng số", "Total"),
    "mean_score": ("Điểm trung bình", "Mean score"),
    "no": ("STT", "No."),
    "baseline": ("Giá trị cơ sở", "Baseline"),
    "latest": ("Giá trị mới nhất", "Latest value"),
    "status": ("Tình trạng", "Status"),
    "reason": ("Lý do", "Reason"),
    "unit": ("Đơn vị", "Unit"),
    "direction": ("Chiều mong muốn", "Desired direction"),
    "higher": ("càng cao càng tốt", "higher is better"),
    "lower": ("càng thấp càng tốt", "lower is better"),
    "tasks": ("Nhiệm vụ", "Tasks"),
    "general_tasks": ("Nhiệm vụ chung", "General tasks"),
    "units": ("Đơn vị thực hiện", "Responsible units"),
    "source": ("nguồn", "source"),
    "stated": ("kế hoạch nêu", "stated in the plan"),
    "by": ("đến năm", "by"),
    "every": ("mỗi", "every"),
    "from_year": ("từ năm", "from"),
    "measurements": ("Số liệu đo lường", "Measurements"),
    "expected_now": ("Giá trị cần có theo lộ trình", "Value expected on the path"),
    "chart": ("Biểu đồ", "Chart"),
    "chart_measured": ("số liệu", "measured"),
    "chart_target": ("chỉ tiêu", "target"),
    "chart_path": ("lộ trình tuyến tính", "linear path"),
    "not_stated": ("chưa có", "none"),
    "none": ("—", "—"),
    "generated": ("Tạo bởi gender-plan", "Made with gender-plan"),
    "signature": ("Người lập báo cáo", "Prepared by"),
    "status_legend": ("Chú giải tình trạng", "Status legend"),
    "year": ("năm", "year"),
    "month": ("tháng", "month"),
    "quarter": ("quý", "quarter"),
    "day": ("ngày", "day"),
    "appendix": ("Phụ lục: toàn văn kế hoạch", "Appendix: the whole plan"),
    "definition": ("Định nghĩa (theo kế hoạch)", "Definition (the plan's words)"),
    "series": ("Chuỗi số liệu", "Series"),
    "sources": ("Nguồn", "Sources"),
    "period_col": ("Kỳ", "Period"),
    "sex": ("Giới tính", "Sex"),
    "value": ("Giá trị", "Value"),
    "measured_values": ("Các giá trị đo được", "Measured values"),
    "recipients": ("Nơi nhận", "Recipients"),
    "source_col": ("Nguồn", "Source"),
    "all_parts": ("chỉ tiêu chung, chỉ đạt khi mọi phần cùng đạt",
                  "the numbered target, achieved only when every part is"),
    "parent_section": ("Đối chiếu với kế hoạch cấp trên", "Beside the parent plan"),
    "parent_target": ("Chỉ tiêu cấp trên", "Parent's target"),
    "finding": ("Kết quả đối chiếu", "Finding"),
    "by_number_note": (
        "Chỉ tiêu không ghi liên kết được ghép theo số thứ tự; cần xác nhận.",
        "Indicators without a link were matched by plan numbering; confirm the matches.",
    ),
}
"""Every label by key: (Vietnamese, English)."""


def label(key: str, language: Language = "vi") -> str:
    """The label `key` in `language`."""
    vi, en = LABELS[key]
    return en if language == "en" else vi


def labels(language: Language = "vi") -> dict[str, str]:
    """Every label in `language`, by key (for templates)."""
    return {key: label(key, language) for key in LABELS}
