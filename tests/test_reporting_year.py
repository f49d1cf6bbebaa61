"""The officer's reporting year end to end: template, fill in, validate, Word report."""

from __future__ import annotations

from pathlib import Path

import attrs
import docx
import fill_workbook
import laikhe_2026_2030
import pytest

from gender_plan import load_activities, load_measurements
from gender_plan.cli import main

ROOT = Path(__file__).resolve().parents[1]
PLAN_FILE = ROOT / "examples" / "laikhe_2026_2030.yaml"
DATA = ROOT / "examples" / "data"
PLAN = laikhe_2026_2030.build_plan()

@pytest.fixture(autouse=True)
def _vietnamese_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The officer's command line speaks Vietnamese: the reports here are read in it."""
    monkeypatch.setenv("LANGUAGE", "vi")



def test_a_filled_template_reads_back_as_the_figures_and_record_typed_in(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = tmp_path / "so-lieu.xlsx"
    assert 0 == main(["template", str(PLAN_FILE), "--out", str(workbook)])
    assert (32, 9) == fill_workbook.fill(workbook)
    # The workbook has no columns for the series' and source's translated labels.
    typed = [attrs.evolve(m, series_label=None, source_label=None)
             for m in load_measurements(DATA / "laikhe-measurements.csv", plan=PLAN)
             if m.source is not None and m.source.startswith("Illustrative")]
    assert sorted(typed, key=repr) == sorted(load_measurements(workbook, plan=PLAN), key=repr)
    assert load_activities(DATA / "laikhe-activities-2026.csv", plan=PLAN) == load_activities(
        workbook, plan=PLAN)
    capsys.readouterr()
    assert 0 == main(["validate", str(PLAN_FILE), str(workbook), "--as-of", "2026"])
    assert "32 số liệu khớp với kế hoạch" in capsys.readouterr().out
    report = tmp_path / "bao-cao.docx"
    assert 0 == main(["report", str(PLAN_FILE), str(workbook), "--as-of", "2026", "--out",
                      str(report)])
    document = docx.Document(str(report))
    units = {row.cells[0].text: row.cells[1].text for table in document.tables
             for row in table.rows if len(row.cells) == 7}
    assert "4" == units["Phòng Văn hóa-xã hội xã"]  # the workbook's own record was used
