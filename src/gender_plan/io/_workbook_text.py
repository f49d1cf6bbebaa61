"""The words of the measurement workbook: sheet names, headers and the instructions sheet.

Headers are Vietnamese, as the office reads them; each header's English meaning goes in a comment
on its cell. The measurement headers are aliases the measurement reader knows (`ALIASES`).
"""

from __future__ import annotations

__all__ = [
    "ACTIVITY_HEADERS",
    "INSTRUCTIONS",
    "LISTS",
    "MEASUREMENT_HEADERS",
    "SHEET_ACTIVITIES",
    "SHEET_HELP",
    "SHEET_LISTS",
    "SHEET_MEASUREMENTS",
]

SHEET_MEASUREMENTS = "Số liệu"
SHEET_ACTIVITIES = "Hoạt động"
SHEET_LISTS = "Danh mục"
SHEET_HELP = "Hướng dẫn"

MEASUREMENT_HEADERS: dict[str, tuple[str, str]] = {
    "indicator": ("Mã chỉ tiêu", "Indicator code (do not change)"),
    "name": ("Tên chỉ tiêu", "Indicator name, from the plan (read only)"),
    "target": ("Chỉ tiêu kế hoạch", "The plan's target (read only)"),
    "period": ("Kỳ", "Period: 2026, 2026-Q3, 2026-07 (do not change)"),
    "value": ("Giá trị", "The measured value, a number in the unit (or Có/Không)"),
    "unit": ("Đơn vị", "The unit of the value (fixed by the plan)"),
    "numerator": ("Tử số", "What was counted (e.g. women leaders), when known"),
    "denominator": ("Mẫu số", "What it was counted out of (e.g. all leaders), when known"),
    "series": ("Chuỗi số liệu", "The series: 'commune records', 'survey'..."),
    "source": ("Nguồn", "Where the figure comes from (report, document number)"),
    "place": ("Địa bàn", "The place measured"),
    "note": ("Ghi chú", "A note (not read as data)"),
}
"""Each measurement column: its Vietnamese header and its English meaning."""

ACTIVITY_HEADERS: dict[str, tuple[str, str]] = {
    "task": ("Mã nhiệm vụ", "The plan's task code (see the Danh mục sheet)"),
    "unit": ("Đơn vị thực hiện", "The unit that did it (name or code)"),
    "duty": ("Nhiệm vụ của đơn vị (số)", "The number of the unit's duty in section IV"),
    "start": ("Thời gian từ", "Date or period: 25/11/2026, 11/2026, 2026-Q4, 2026"),
    "end": ("Thời gian đến", "Last date or period, when it spans several"),
    "event": ("Sự kiện", "The recurring event it was held at, if any"),
    "description": ("Nội dung hoạt động", "What was done"),
    "completed": ("Hoàn thành nhiệm vụ", "Có when the task is done with this activity"),
    "female": ("Số người tham gia: nữ", "Women taking part"),
    "male": ("Số người tham gia: nam", "Men taking part"),
    "total": ("Số người tham gia: tổng", "Everyone taking part, when not counted by sex"),
    "documents": ("Văn bản ban hành", "Documents issued, separated by ';'"),
    "cost": ("Kinh phí (đồng)", "Cost in đồng, digits only"),
    "funding": ("Nguồn kinh phí", "The funding source (name or code)"),
    "note": ("Ghi chú", "A note"),
}
"""Each activity column: its Vietnamese header and its English meaning."""

LISTS = ("Mã nhiệm vụ", "Nội dung nhiệm vụ", "Đơn vị", "Mã đơn vị", "Nhiệm vụ của đơn vị",
         "Sự kiện", "Mã sự kiện", "Thời gian", "Nguồn kinh phí", "Mã nguồn")
"""The headers of the reference sheet."""

INSTRUCTIONS: tuple[tuple[str, str], ...] = (
    ("CÁCH ĐIỀN SỔ SỐ LIỆU", "HOW TO FILL IN THIS WORKBOOK"),
    ("Sổ này được tạo từ kế hoạch bằng lệnh gender-plan template. Không đổi tên các trang "
     "và không sửa hàng tiêu đề.",
     "This workbook was made from the plan by gender-plan template. Do not rename the sheets or "
     "change the header rows."),
    ("1. Trang 'Số liệu': mỗi hàng là một chỉ tiêu (hoặc một phần của chỉ tiêu) trong một kỳ. "
     "Các cột Mã chỉ tiêu, Tên chỉ tiêu, Chỉ tiêu kế hoạch, Kỳ, Đơn vị đã điền sẵn: không sửa.",
     "1. Sheet 'Số liệu': each row is one indicator (or one part of one) in one period. The "
     "columns code, name, target, period and unit are filled in: do not change them."),
    ("2. Điền Giá trị bằng số theo đơn vị của hàng (ví dụ 60,5 cho 60,5%). Dấu thập phân là "
     "dấu phẩy hoặc dấu chấm đều được, nhưng dùng một kiểu trong cả sổ; không viết dấu phân "
     "cách hàng nghìn. Chỉ tiêu Có/Không: chọn Có hoặc Không trong danh sách.",
     "2. Type the value as a number in the row's unit (60,5 for 60.5%). A decimal comma or a "
     "decimal point both work, but use one throughout; write no thousands separator. Yes/no "
     "targets: choose Có (yes) or Không (no) from the list."),
    ("3. Khi biết, điền Tử số và Mẫu số (ví dụ 5 nữ lãnh đạo trên 10 lãnh đạo): số liệu các xã "
     "được cộng từ đây, không lấy trung bình tỷ lệ. Ghi Nguồn (báo cáo, văn bản số ...).",
     "3. When known, type the numerator and denominator (5 women leaders out of 10): figures of "
     "several communes are added from these, never by averaging percentages. Give the source."),
    ("4. Kỳ chưa có số liệu thì để trống cả hàng (có thể ghi chú lý do): hàng đó không được "
     "tính là số liệu. Có số liệu từ hai nguồn cho cùng một kỳ: sao chép hàng, điền Chuỗi số "
     "liệu khác nhau.",
     "4. Leave a period not measured empty (a note may say why): that row is not read as data. "
     "Figures from two sources for one period: copy the row and give each its own series."),
    ("5. Trang 'Hoạt động': mỗi hàng là một hoạt động đã thực hiện cho một nhiệm vụ của kế "
     "hoạch (Mã nhiệm vụ, xem trang 'Danh mục') hoặc một nhiệm vụ của đơn vị tại mục IV (số "
     "thứ tự). Ghi thời gian (25/11/2026, 11/2026, 2026-Q4), đơn vị, nội dung, số người tham "
     "gia theo giới tính, văn bản ban hành, kinh phí và nguồn kinh phí.",
     "5. Sheet 'Hoạt động': each row is one activity carried out for a task of the plan (its "
     "code, see the 'Danh mục' sheet) or for a unit's duty in section IV (its number). Give the "
     "date or period, the unit, what was done, participants by sex, documents, cost, funding."),
    ("6. Hoạt động trong Tháng hành động vì bình đẳng giới (15/11-15/12) và các ngày 20/3, "
     "28/6, 25/11: chọn Sự kiện. Năm nào Tháng hành động không có hoạt động sẽ được báo.",
     "6. Activities of the Action Month for gender equality (15/11-15/12) and of 20/3, 28/6 and "
     "25/11: choose the event. A year whose Action Month has no activity is reported."),
    ("7. Kiểm tra sổ: gender-plan validate KẾ-HOẠCH.yaml so-lieu.xlsx. Mỗi lỗi được báo theo "
     "trang và ô (ví dụ 'Số liệu'!E7). Lập báo cáo: gender-plan report KẾ-HOẠCH.yaml "
     "so-lieu.xlsx --kind annual --as-of 2026 --out bao-cao.docx",
     "7. Check the workbook: gender-plan validate PLAN.yaml data.xlsx. Every mistake is named "
     "by sheet and cell ('Số liệu'!E7). Write the report: gender-plan report PLAN.yaml "
     "data.xlsx --kind annual --as-of 2026 --out report.docx"),
    ("Không dùng công thức (bắt đầu bằng =) trong sổ: ô có công thức bị báo lỗi. Hãy nhập giá "
     "trị, hoặc sao chép rồi dán giá trị (Paste Special > Values).",
     "Use no formulas (starting with =) in the workbook: a cell holding one is reported. Type "
     "the value, or copy the cell and paste its value only (Paste Special > Values)."),
)
"""The instructions sheet: (Vietnamese, English) for each paragraph."""
