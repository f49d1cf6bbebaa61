"""The Lai Khê demo (examples/laikhe_2026_2030.py run as a program) prints the engine's verdicts.

The demo runs as a subprocess, as a reader runs it; each status and reason it prints is compared
with `assess_plan` computed here on the same data. The example data are held to their labels: every
row says where it comes from, and the national stand-ins equal the published national figures
(a copy of ``/work/shared/data/vn-national-indicators.csv`` kept in ``examples/data/national/``).
"""

from __future__ import annotations

import ast
import csv
import datetime
import doctest
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import laikhe_2026_2030
import pytest

from gender_plan import (
    GrowthRatio,
    LinearPath,
    Method,
    PartialDate,
    Plan,
    PlanAssessment,
    Projection,
    Status,
    assess_plan,
    check_measurements,
    load_measurements,
)

if TYPE_CHECKING:
    pass

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "laikhe_2026_2030.py"
DATA_DIR = ROOT / "examples" / "data"
DATA = DATA_DIR / "laikhe-measurements.csv"
NATIONAL = DATA_DIR / "national" / "vn-national-indicators.csv"
PAGE = ROOT / "docs" / "tutorial" / "lai-khe-example.md"

COLUMNS = [
    "indicator", "period", "value", "unit", "series", "source",
    "numerator", "denominator", "place", "sex", "series_vi", "series_en", "source_vi", "source_en",
]
STAND_IN = "National stand-in: "
ILLUSTRATIVE = "Illustrative (invented for the demo)"
DEFAULT_AS_OF = datetime.date(2026, 12, 31)
"""The date the demo assesses at when none is given (its documented default)."""

# The words the demo prints before each field, typed from the intended output.
WORDS = {
    "vi": {"status": "Trạng thái", "reasons": "Lý do", "overall": "Trạng thái chung",
           "series": "Chuỗi số liệu được chọn", "plan": "TỔNG HỢP TOÀN KẾ HOẠCH",
           "goal": "Tổng hợp mục tiêu", "method": "phương pháp"},
    "en": {"status": "Status", "reasons": "Reasons", "overall": "Overall status",
           "series": "Series chosen", "plan": "SUMMARY OF THE WHOLE PLAN",
           "goal": "Summary of goal", "method": "method"},
}

# Which plan indicator each national figure stands in for, and its unit in the library's
# registry, typed from the national file's own names and units.
NATIONAL_CODES = {
    "commune governments with a female key leader": "1.1",
    "female wage workers among employed women": "2.1",
    "women in agriculture forestry and fishery among employed women": "2.2",
    "female directors or owners of enterprises and cooperatives": "2.3",
    "unpaid domestic and care work hours women to men": "3.1",
    "sex ratio at birth": "4.1",
    "maternal mortality ratio": "4.2",
    "adolescent birth rate": "4.3",
}
NATIONAL_UNITS = {
    "percent": "percent",
    "ratio": "times",
    "boys per 100 girls": "boys / 100 girls",
    "deaths per 100000 live births": "deaths / 100000 live_births",
    "births per 1000 women aged 15-19": "births / 1000 women",
}


EXAMPLE_MODULE = laikhe_2026_2030


def _plan_with_civil_registration() -> Plan:
    """The plan as the demo must assess it: 4.1 prefers the civil-registration series."""
    plan: Plan = EXAMPLE_MODULE.build_plan()
    goals = [
        attrs.evolve(
            goal,
            indicators=[
                attrs.evolve(i, series="civil registration") if i.code == "4.1" else i
                for i in goal.indicators
            ],
        )
        for goal in plan.goals
    ]
    return attrs.evolve(plan, goals=goals)


PLAN = _plan_with_civil_registration()


def _engine(as_of: datetime.date = DEFAULT_AS_OF, method: Method | None = None) -> PlanAssessment:
    return assess_plan(PLAN, load_measurements(DATA, decimal="."), as_of=as_of, method=method)


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLE), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@attrs.define
class Printed:
    """What the demo printed for one measurable part, or for a numbered target with parts."""

    status: str | None = None
    reasons: list[str] = attrs.field(factory=list)


_PART = re.compile(r"^ +(\d+\.\d+[a-z]?)  (\S.*)$")
_FIELD = re.compile(r"^ +([^:]+):\s+(\S.*)$")
_CONTINUED = re.compile(r"^ {12,}(\S.*)$")


def _parse(output: str, lang: str) -> tuple[dict[str, Printed], dict[str, str]]:
    """Parse the assessment: each part's status and reasons, each multi-part target's status."""
    words = WORDS[lang]
    parts: dict[str, Printed] = {}
    overall: dict[str, str] = {}
    current: Printed | None = None
    in_reasons = False
    for line in output.splitlines():
        combined = re.match(rf"^ +(\d+\.\d+)  {words['overall']}: (.+) \(", line)
        if combined:
            overall[combined[1]] = combined[2]
            current, in_reasons = None, False
            continue
        part = _PART.match(line)
        if part:
            current = parts.setdefault(part[1], Printed())
            in_reasons = False
            continue
        if current is None:
            continue
        field = _FIELD.match(line)
        if field and field[1] == words["status"]:
            current.status = field[2]
        elif field and field[1] == words["reasons"]:
            current.reasons.append(field[2])
            in_reasons = True
        elif in_reasons and _CONTINUED.match(line):
            current.reasons.append(line.strip())
        else:
            in_reasons = False
    return parts, overall


@pytest.fixture(scope="module", params=["vi", "en"])
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[
    str, subprocess.CompletedProcess[str]
]:
    """The demo's default run (Vietnamese) and its English run, from a foreign directory."""
    lang: str = request.param
    args = () if lang == "vi" else ("--lang", "en")
    return lang, _run(*args, cwd=tmp_path_factory.mktemp("elsewhere"))


def test_the_demo_exits_0_without_complaint(
    printed: tuple[str, subprocess.CompletedProcess[str]],
) -> None:
    _, result = printed
    assert (0, "") == (result.returncode, result.stderr)


def test_each_printed_status_and_reason_is_the_engines(
    printed: tuple[str, subprocess.CompletedProcess[str]],
) -> None:
    lang, result = printed
    engine = _engine()
    parts, overall = _parse(result.stdout, lang)
    labels = _series_labels(lang)
    expected_parts = {
        code: (a.status.text(lang), [r.text(lang, labels) for r in a.reasons])
        for code, a in engine.indicators.items()
    }
    assert expected_parts == {code: (p.status, p.reasons) for code, p in parts.items()}
    expected_overall = {
        t.number: t.status.text(lang)
        for t in engine.targets
        if len(t.indicators) > 1
    }
    assert {"3.2": expected_overall["3.2"]} == expected_overall
    assert expected_overall == overall


def _series_labels(lang: str) -> dict[str, str]:
    """Each series' label in `lang`, read from the example data's own columns."""
    with DATA.open(encoding="utf-8", newline="") as file:
        return {row["series"]: row[f"series_{lang}"] for row in csv.DictReader(file)}


def test_the_vietnamese_output_names_series_and_sources_by_their_vietnamese_labels(
    printed: tuple[str, subprocess.CompletedProcess[str]],
) -> None:
    """No "Dùng chuỗi số liệu: commune records." nor "nguồn: Illustrative" in Vietnamese: the
    data give every series and source a Vietnamese label, and the reasons use them too."""
    lang, result = printed
    if lang != "vi":
        return
    with DATA.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    english = {row["series"] for row in rows if row["series"] != row["series_vi"]}
    english |= {row["source"] for row in rows if row["source"] != row["source_vi"]}
    assert {"commune records", "administrative", "civil registration"} <= english
    assert [] == [text for text in sorted(english) if text in result.stdout]
    assert "Illustrative" not in result.stdout
    assert "Dùng chuỗi số liệu: sổ sách của xã." in result.stdout
    assert "Các chuỗi số liệu không dùng: số liệu hành chính." in result.stdout


def test_the_output_is_in_the_chosen_language(
    printed: tuple[str, subprocess.CompletedProcess[str]],
) -> None:
    lang, result = printed
    plan_title = PLAN.title.get(lang)
    assert True is (plan_title in result.stdout)
    other = "en" if lang == "vi" else "vi"
    assert False is (PLAN.title.get(other) in result.stdout)


def test_the_summaries_count_the_engines_statuses(
    printed: tuple[str, subprocess.CompletedProcess[str]],
) -> None:
    lang, result = printed
    engine = _engine()
    words = WORDS[lang]
    lines = result.stdout.splitlines()
    summaries = [(f"{words['goal']} {g.goal}: ", g.summary) for g in engine.goals]
    summaries.append((f"{words['plan']}: ", engine.summary))
    for prefix, summary in summaries:
        [line] = [line.strip() for line in lines if line.strip().startswith(prefix)]
        shown = dict(
            re.fullmatch(r"(.+) (\d+)", item).groups()
            for item in line.removeprefix(prefix).split(": ", 1)[1].split(" · ")
        )
        expected = {
            status.text(lang): str(count)
            for status, count in summary.counts
            if count
        }
        assert expected == shown, prefix
        assert True is line.removeprefix(prefix).startswith(f"{summary.total} ")


def test_the_method_is_shown_by_its_label_in_the_chosen_language(
    printed: tuple[str, subprocess.CompletedProcess[str]],
) -> None:
    lang, result = printed
    header = {
        "vi": "ĐÁNH GIÁ CÁC CHỈ TIÊU — tính đến ngày 2026-12-31 — phương pháp: Lộ trình tuyến tính",
        "en": "ASSESSMENT OF THE TARGETS — as of 2026-12-31 — method: Linear path",
    }
    assert True is (header[lang] in result.stdout.splitlines())
    assert LinearPath().label.get(lang) == header[lang].rsplit(": ", 1)[1]


def test_the_series_choice_is_shown(
    printed: tuple[str, subprocess.CompletedProcess[str]],
) -> None:
    lang, result = printed
    series = {"vi": "đăng ký hộ tịch", "en": "civil registration"}[lang]  # the data's label
    assert True is (f"{WORDS[lang]['series']}: 4.1 → {series}" in result.stdout)


def test_the_default_data_show_every_kind_of_status() -> None:
    statuses = {target.status for target in _engine().targets}
    wanted = {
        Status.ACHIEVED, Status.ON_TRACK, Status.NEEDS_ACCELERATION, Status.DETERIORATING,
        Status.NOT_ACHIEVED, Status.INSUFFICIENT_DATA, Status.NO_DATA,
    }
    assert set() == wanted - statuses


def test_the_two_part_target_shows_the_combined_rule() -> None:
    engine = _engine()
    [target] = [t for t in engine.targets if t.number == "3.2"]
    parts = {engine[code].status for code in target.indicators}
    assert {Status.ACHIEVED, Status.NEEDS_ACCELERATION} == parts
    assert Status.NEEDS_ACCELERATION == target.status


def test_the_monthly_target_fails_in_one_month() -> None:
    assert ["2026-02"] == [str(p) for p in _engine()["6.3"].failing_periods]


@pytest.mark.parametrize(
    ("args", "as_of", "method"),
    [
        (("--method", "growth"), DEFAULT_AS_OF, GrowthRatio()),
        (("--method", "projection", "--lang", "en"), DEFAULT_AS_OF, Projection()),
        (("--as-of", "2026-06-30"), datetime.date(2026, 6, 30), LinearPath()),
        (("--as-of", "2031-01-15", "--lang", "en"), datetime.date(2031, 1, 15), LinearPath()),
    ],
)
def test_options_choose_the_date_and_method(
    args: tuple[str, ...], as_of: datetime.date, method: Method, tmp_path: Path
) -> None:
    lang = "en" if "en" in args else "vi"
    result = _run(*args, cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    engine = _engine(as_of, method)
    parts, overall = _parse(result.stdout, lang)
    assert {c: a.status.text(lang) for c, a in engine.indicators.items()} == {
        code: p.status for code, p in parts.items()
    }
    [two_part] = [t for t in engine.targets if len(t.indicators) > 1]
    assert {"3.2": two_part.status.text(lang)} == overall
    assert True is (f"{as_of} — {WORDS[lang]['method']}: {method.label.get(lang)}\n" in result.stdout)


def test_bad_data_is_reported_without_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "bad.csv"
    data.write_text(
        ",".join(COLUMNS) + "\n9.9,2026,50,percent,,Illustrative (invented for the demo),,,,\n",
        encoding="utf-8",
    )
    result = _run("--data", str(data), "--lang", "en", cwd=tmp_path)
    assert 1 == result.returncode
    assert "" == result.stdout
    assert True is result.stderr.startswith("Error: ")
    assert True is ("'9.9'" in result.stderr)
    assert False is ("Traceback" in result.stderr)


def test_a_bad_date_is_refused_with_a_hint(tmp_path: Path) -> None:
    result = _run("--as-of", "31/12/2026", cwd=tmp_path)
    assert 2 == result.returncode
    assert True is ("YYYY-MM-DD" in result.stderr)
    assert False is ("Traceback" in result.stderr)


def test_main_returns_0_and_prints_the_assessment(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == EXAMPLE_MODULE.main(["--lang", "en"])
    out = capsys.readouterr().out
    assert True is ("SUMMARY OF THE WHOLE PLAN: 15 targets: " in out)


# --- the example data ------------------------------------------------------------------------


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


ACTIVITIES = DATA_DIR / "laikhe-activities-2026.csv"
"""The record of activities of the reporting-year guide (not measurements)."""


def test_the_example_data_files_exist() -> None:
    assert [ACTIVITIES, DATA] == sorted(DATA_DIR.glob("*.csv"))


def test_every_example_activity_is_labelled_illustrative() -> None:
    _, rows = _rows(ACTIVITIES)
    assert rows
    assert {ILLUSTRATIVE} == {row["note"] for row in rows}


@pytest.mark.parametrize("path", [DATA], ids=lambda p: p.name)
def test_every_row_has_the_columns_and_states_its_source(path: Path) -> None:
    columns, rows = _rows(path)
    assert COLUMNS == columns
    unlabelled = [
        (index, row["source"])
        for index, row in enumerate(rows, start=2)
        if not row["source"].startswith((STAND_IN, ILLUSTRATIVE))
    ]
    assert [] == unlabelled


def test_every_row_says_its_series_and_source_in_vietnamese_and_english() -> None:
    """A Vietnamese report never shows the English "commune records" or "Illustrative"."""
    _, rows = _rows(DATA)
    assert [] == [i for i, r in enumerate(rows, start=2)
                  if r["series_en"] != r["series"] or r["source_en"] != r["source"]]
    vietnamese = {r["series_vi"] for r in rows} | {r["source_vi"] for r in rows}
    assert True is all(text and "Illustrative" not in text and "commune" not in text
                       for text in vietnamese)
    assert "sổ sách của xã" == next(r["series_vi"] for r in rows
                                     if r["series"] == "commune records")
    assert "Minh họa (số liệu giả định cho ví dụ)" == next(
        r["source_vi"] for r in rows if r["source"] == ILLUSTRATIVE)


def test_illustrative_rows_are_labelled_exactly() -> None:
    _, rows = _rows(DATA)
    labels = {r["source"] for r in rows if not r["source"].startswith(STAND_IN)}
    assert {ILLUSTRATIVE} == labels


def test_national_stand_ins_equal_the_published_figures() -> None:
    _, rows = _rows(DATA)
    _, national = _rows(NATIONAL)
    expected = sorted(
        (
            NATIONAL_CODES[n["indicator"]], n["year"], float(n["value"]),
            NATIONAL_UNITS[n["unit"]], n["series"], f"{STAND_IN}{n['source']}, {n['year']}",
        )
        for n in national
    )
    actual = sorted(
        (r["indicator"], r["period"], float(r["value"]), r["unit"], r["series"], r["source"])
        for r in rows
        if r["source"].startswith(STAND_IN)
    )
    assert expected == actual


def test_the_national_series_stay_apart_from_the_illustrative_ones() -> None:
    _, rows = _rows(DATA)
    national = {r["series"] for r in rows if r["source"].startswith(STAND_IN)}
    illustrative = {r["series"] for r in rows if r["source"] == ILLUSTRATIVE}
    assert set() == national & illustrative


def test_the_example_data_load_whole_and_pass_the_plans_checks() -> None:
    _, rows = _rows(DATA)
    measurements = load_measurements(DATA, decimal=".")
    assert len(rows) == len(measurements)
    assert () == check_measurements(PLAN, measurements)


# --- the tutorial page -----------------------------------------------------------------------


def _page_excerpt() -> tuple[list[str], str]:
    """The command and the output excerpt of the page's console block marked as the demo's."""
    text = PAGE.read_text(encoding="utf-8")
    match = re.search(r"<!-- demo-output -->\n```console\n\$ ([^\n]+)\n(.*?)\n```", text, re.S)
    assert match is not None, "the page lost its demo-output console block"
    return match[1].split(), match[2] + "\n"


def test_the_tutorial_page_shows_what_the_demo_prints(tmp_path: Path) -> None:
    command, excerpt = _page_excerpt()
    assert ["python", "examples/laikhe_2026_2030.py"] == command[:2]
    result = _run(*command[2:], cwd=tmp_path)
    assert 0 == result.returncode
    checker = doctest.OutputChecker()
    assert True is checker.check_output(excerpt, result.stdout, doctest.ELLIPSIS), (
        checker.output_difference(doctest.Example("", excerpt), result.stdout, doctest.ELLIPSIS)
    )
    assert excerpt.count("\n") > 20


def test_the_tutorial_pages_table_of_statuses_is_the_engines() -> None:
    engine = {t.number: t.status.text("en") for t in _engine().targets}
    table = re.findall(r"^\| ([\d., ]+) \| [^|]+ \| ([^|]+) \|$", PAGE.read_text("utf-8"), re.M)
    described = {code: status for codes, status in table for code in codes.split(", ")}
    assert sorted(engine) == sorted(described)
    wrong = {c: s for c, s in described.items() if not s.startswith(engine[c])}
    assert {} == wrong


def test_illustrative_shares_agree_with_their_counts() -> None:
    _, rows = _rows(DATA)
    counted = [r for r in rows if r["numerator"] and r["denominator"]]
    wrong = [
        (r["indicator"], r["period"], r["value"])
        for r in counted
        if round(100 * float(r["numerator"]) / float(r["denominator"]), 2) != float(r["value"])
    ]
    assert [] == wrong
    assert True is (len(counted) >= 10)


def test_the_example_needs_only_the_core_install() -> None:
    """The README's first command installs no extra: the example imports the core only."""
    tree = ast.parse(EXAMPLE.read_text(encoding="utf-8"))
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
        )
    }
    core = {"gender_plan", "attrs", "cattrs", "pint", "__future__"}
    assert set() == imported - core - set(sys.stdlib_module_names)


def test_the_plan_summary_says_whether_the_plan_is_a_draft() -> None:
    issued = attrs.evolve(PLAN, number="12/KH-UBND", date=PartialDate(year=2026, month=5, day=20))
    lines = {
        "draft": EXAMPLE_MODULE.format_plan(PLAN, "en")[3],
        "issued": EXAMPLE_MODULE.format_plan(issued, "en")[3],
        "nháp": EXAMPLE_MODULE.format_plan(PLAN, "vi")[3],
    }
    assert {
        "draft": "Document: draft (no number yet, no day of issue yet; 2026-05)",
        "issued": "Document: issued: number 12/KH-UBND, dated 2026-05-20",
        "nháp": "Văn bản: dự thảo (chưa có số, chưa có ngày ban hành; 2026-05)",
    } == lines
