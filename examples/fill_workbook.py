"""Fill a workbook from `gender-plan template` with the demo's figures and record, as an officer would.

Usage: python examples/fill_workbook.py so-lieu.xlsx

Types the illustrative (invented) commune figures of examples/data/laikhe-measurements.csv into
the 'Số liệu' sheet (as numbers, which is what Excel stores when an office set to Vietnamese
types 48,4; a cell formatted as text keeps "48,4", which is read too), and the illustrative
record examples/data/laikhe-activities-2026.csv into the 'Hoạt động' sheet, units and funding
sources by their Vietnamese names. None of it is Lai Khê's data.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import openpyxl

DATA = Path(__file__).resolve().parent / "data"
ILLUSTRATIVE = "Illustrative"


def fill(path: Path) -> tuple[int, int]:
    """Fill the workbook at `path` in place; return (figures, activities) typed in."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Số liệu"]
    header = {cell.value: cell.column for cell in sheet[1]}
    rows = {(str(sheet.cell(r, 1).value), str(sheet.cell(r, header["Kỳ"]).value)): r
            for r in range(2, sheet.max_row + 1)}
    figures = 0
    with (DATA / "laikhe-measurements.csv").open(encoding="utf-8") as stream:
        for record in csv.DictReader(stream):
            row = rows.get((record["indicator"], record["period"]))
            if row is None or not record["source"].startswith(ILLUSTRATIVE):
                continue
            value = record["value"]
            typed: object = {"true": "Có", "false": "Không"}.get(value) or float(value)
            cells: dict[str, object] = {"Giá trị": typed, "Tử số": record["numerator"] or None,
                     "Mẫu số": record["denominator"] or None,
                     "Chuỗi số liệu": record["series"], "Nguồn": record["source"]}
            for column, text in cells.items():
                if text is not None:
                    sheet.cell(row, header[column]).value = (
                        int(text) if column in ("Tử số", "Mẫu số") and isinstance(text, str)
                        else text)
            figures += 1
    activities = workbook["Hoạt động"]
    names = {row[3].value: row[2].value for row in workbook["Danh mục"].iter_rows(min_row=2)
             if row[3].value}
    funding = {row[9].value: row[8].value for row in workbook["Danh mục"].iter_rows(min_row=2)
               if row[9].value}
    with (DATA / "laikhe-activities-2026.csv").open(encoding="utf-8") as stream:
        records = list(csv.DictReader(stream))
    order = list(records[0])
    for number, record in enumerate(records, start=2):
        record["unit"] = names[record["unit"]]
        if record["funding"]:
            record["funding"] = funding[record["funding"]]
        for column, key in enumerate(order, start=1):
            text = record[key]
            if text:
                numeric = key in ("duty", "female", "male", "total", "cost")
                activities.cell(number, column).value = int(text) if numeric else text
    workbook.save(path)
    return figures, len(records)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python examples/fill_workbook.py WORKBOOK.xlsx")
    typed, done = fill(Path(sys.argv[1]))
    print(f"{sys.argv[1]}: {typed} figures and {done} activities typed in")
