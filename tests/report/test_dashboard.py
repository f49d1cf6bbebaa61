"""A province's dashboard: what its cells, shares and ranking say, read as text.

The figures are worked out by hand from the rows below (linear path, baseline 2025, as of
2027, deadline 2030, so S = 2/5 = 0.4):

- a and e (plan kh-a): 4.1 from 30 to 34 towards 35, P = 4/5, R = 2: on track; 4.2 from 20 to
  30 towards 50, P = 1/3, R = 0.83: needs acceleration; kh-a has nothing for 4.3.
- b (plan kh-b, only 4.1): 40 to 38 towards 45: deteriorating; nothing for 4.2 nor 4.3.
- c names no plan, d a plan code no file has.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from gender_plan import (
    Comparator,
    Field,
    Goal,
    Indicator,
    LocalizedText,
    MeasurementFrame,
    PartialDate,
    Plan,
    Target,
    save_plan,
)
from gender_plan.portfolio import Portfolio
from gender_plan.portfolio.assessment import assess_portfolio
from gender_plan.portfolio.results import PortfolioAssessment
from gender_plan.report.dashboard import dashboard_html

NO_PLAN = "— (chưa có kế hoạch / no plan)"
NO_COUNTERPART = "— (không có chỉ tiêu tương ứng / no counterpart)"


class _Tables(HTMLParser):
    """The text of every cell of every table, table by table and row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.tables[-1][-1].append("")
            self.cell = True
        elif tag == "br" and self.cell:
            self.tables[-1][-1][-1] += " "

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.cell = False

    def handle_data(self, data: str) -> None:
        if self.cell:
            self.tables[-1][-1][-1] += data


def _tables(page: str) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(page)
    return parser.tables


def _indicator(code: str, value: float, implements: str | None) -> Indicator:
    return Indicator(code=code, name=LocalizedText(vi=f"Chỉ tiêu {code}", en=code),
                     unit="percent", implements=implements,
                     targets=[Target(comparator=Comparator.GE, value=value, year=2030)])


def _plan(code: str, indicators: list[Indicator]) -> Plan:
    text = LocalizedText(vi=code, en=code)
    return Plan(code=code, title=text, issuer=text, place=text, start_year=2026, end_year=2030,
                date=PartialDate(year=2026),
                goals=[Goal(code="4", field=Field.POLITICS, title=text, indicators=indicators)])


@pytest.fixture
def province(tmp_path: Path) -> PortfolioAssessment:
    plans = tmp_path / "plans"
    plans.mkdir()
    save_plan(_plan("kh-tinh", [_indicator("4.1", 40.0, None), _indicator("4.2", 50.0, None),
                                _indicator("4.3", 60.0, None)]), plans / "tinh.yaml")
    save_plan(_plan("kh-a", [_indicator("4.1", 35.0, "4.1"), _indicator("4.2", 50.0, "4.2")]),
              plans / "a.yaml")
    save_plan(_plan("kh-b", [_indicator("4.1", 45.0, "4.1")]), plans / "b.yaml")
    places = tmp_path / "places.csv"
    places.write_text(
        "place,level,parent,plan,name\n"
        'a,commune,tinh,kh-a,"Xã <A> & ""Hưng Đạo"""\nb,commune,tinh,kh-b,Xã B\n'
        "c,commune,tinh,,Xã C\nd,commune,tinh,kh-missing,Xã D\ne,commune,tinh,kh-a,Xã E\n"
        "tinh,province,,kh-tinh,Tỉnh\n", encoding="utf-8")
    rows = tmp_path / "m.csv"
    rows.write_text("place,indicator,period,value,numerator,denominator\n" + "".join(
        f"{p},4.1,2025,30,6,20\n{p},4.1,2027,34,8.5,25\n{p},4.2,2025,20,2,10\n"
        f"{p},4.2,2027,30,3,10\n" for p in ("a", "e"))
        + "b,4.1,2025,40,10,25\nb,4.1,2027,38,9.5,25\n", encoding="utf-8")
    portfolio = Portfolio.load(plans, places, cache=False)
    return assess_portfolio(portfolio, MeasurementFrame.read_csv(rows, portfolio.units()),
                            as_of=2027)


def test_a_commune_without_a_plan_is_shown_as_such_not_as_lacking_a_counterpart(province):
    grid = _tables(dashboard_html(province, "tinh"))[1]
    rows = {row[0]: row[1:] for row in grid[1:]}
    assert [NO_PLAN] * 3 == rows["Xã C"]  # no plan named in the place file
    assert [NO_PLAN] * 3 == rows["Xã D"]  # a plan code that no file has
    assert ["Đi xuống Deteriorating", NO_COUNTERPART, NO_COUNTERPART] == rows["Xã B"]
    assert ["Đúng lộ trình On track", "Cần đẩy nhanh Needs acceleration",
            NO_COUNTERPART] == rows['Xã <A> & "Hưng Đạo"']


def test_the_share_on_track_says_its_denominator_and_is_unknown_without_data(province):
    share = _tables(dashboard_html(province, "tinh"))[1][-1]
    # Every commune of the province counts, those without a plan or counterpart as not on
    # track; a target no commune has data for has no share (as `share_on_track` says).
    assert ["40% (2/5)", "0% (0/5)", "— (0/5)"] == share[1:]
    assert ("Tỷ lệ xã đã đạt hoặc đúng lộ trình, trên tổng số 5 xã share of the 5 communes "
            "achieved or on track") == share[0]


def test_the_ranking_gives_ties_one_rank_and_does_not_rank_communes_without_a_plan(province):
    ranking = _tables(dashboard_html(province, "tinh"))[2]
    assert [["1", 'Xã <A> & "Hưng Đạo"', "1 / 3"], ["1", "Xã E", "1 / 3"],
            ["3", "Xã B", "0 / 3"], ["—", "Xã C", NO_PLAN], ["—", "Xã D", NO_PLAN]] == ranking[1:]
