import attrs
import pytest

from gender_plan import (
    Assignment,
    Baseline,
    Comparator,
    DayOfYear,
    DocumentKind,
    DocumentReference,
    Field,
    FundingSource,
    Goal,
    Indicator,
    LocalizedText,
    PartialDate,
    Plan,
    RecurringEvent,
    ResponsibleUnit,
    Role,
    Signatory,
    Subsection,
    Target,
    TargetKind,
    Task,
    TaskLink,
    UnknownCodeError,
    ValidationError,
)


def text(vi: str) -> LocalizedText:
    return LocalizedText(vi=vi, en=vi.upper())


def indicator(code: str, **changes) -> Indicator:
    fields = {
        "code": code,
        "name": text("chỉ tiêu"),
        "unit": "percent",
        "targets": [Target(comparator=Comparator.GE, value=60, year=2030)],
    }
    fields.update(changes)
    return Indicator(**fields)


def plan(**changes) -> Plan:
    fields = {
        "code": "demo",
        "title": text("kế hoạch"),
        "issuer": text("UBND xã"),
        "place": text("xã"),
        "start_year": 2026,
        "end_year": 2030,
        "date": PartialDate(year=2026, month=5),
        "legal_bases": [DocumentReference(code="nq28", kind=DocumentKind.RESOLUTION,
                                          issuer=text("Chính phủ"), number="28/NQ-CP")],
        "parent": "nq28",
        "goals": [
            Goal(code="1", field=Field.POLITICS, title=text("mục tiêu 1"),
                 indicators=[indicator("1.1")]),
            Goal(code="2", field=Field.ECONOMY_LABOUR, title=text("mục tiêu 2"),
                 indicators=[indicator("2.1"), indicator("2.2")]),
        ],
        "units": [ResponsibleUnit(code="vhxh", name=text("Phòng Văn hóa - Xã hội"),
                                  focal_point=True, duties=[text("tham mưu")])],
        "events": [RecurringEvent(code="month", name=text("Tháng hành động"),
                                  start=DayOfYear(month=11, day=15),
                                  end=DayOfYear(month=12, day=15))],
        "tasks": [
            Task(code="1.1", text=text("nhiệm vụ chung")),
            Task(code="2.1.1", text=text("nhiệm vụ"), goal="1",
                 links=[TaskLink(unit="vhxh", role=Role.LEAD, evidence=text("chủ trì"))],
                 events=["month"]),
        ],
        "funding": [FundingSource(code="budget", description=text("ngân sách"))],
        "signatory": Signatory(name="Phạm Văn Liêm", title=text("Phó Chủ tịch"),
                               authority=[text("TM. UBND")]),
        "recipients": [text("Lưu: VT")],
    }
    fields.update(changes)
    return Plan(**fields)


def test_a_draft_plan_says_so():
    draft = plan()
    assert draft.is_draft
    assert not attrs.evolve(draft, number="12/KH-UBND",
                            date=PartialDate(year=2026, month=5, day=7)).is_draft
    assert draft.is_draft == attrs.evolve(draft, number="12/KH-UBND").is_draft


def test_derived_views():
    demo = plan()
    assert 2025 == demo.effective_base_year
    assert 2020 == attrs.evolve(demo, base_year=2020).effective_base_year
    assert ["1.1", "2.1", "2.2"] == [i.code for _, i in demo.indicators()]
    assert "2.2" == demo.indicator("2.2").code
    assert ("1.1",) == tuple(t.code for t in demo.general_tasks)
    assert ("2.1.1",) == tuple(t.code for t in demo.tasks_for("1"))
    assert 2030 == demo.deadline(Target(comparator=Comparator.GE, value=1))
    assert 2028 == demo.deadline(Target(comparator=Comparator.GE, value=1, year=2028))


def test_unknown_indicator_code_suggests_a_close_one():
    with pytest.raises(UnknownCodeError) as caught:
        plan().indicator("2.3")
    assert "did you mean" in str(caught.value)
    assert isinstance(caught.value, KeyError)


def test_duplicate_codes_are_reported_with_both_places():
    with pytest.raises(ValidationError) as caught:
        plan(goals=[
            Goal(code="1", field=Field.POLITICS, title=text("a"), indicators=[indicator("1.1")]),
            Goal(code="1", field=Field.HEALTH, title=text("b"), indicators=[indicator("1.1")]),
        ], tasks=[])
    messages = {p.path: p.message for p in caught.value.problems}
    assert "duplicate goal code '1', already used at goals[0].code" == messages["goals[1].code"]
    assert "already used at goals[0].indicators[0].code" in messages["goals[1].indicators[0].code"]


def test_references_must_resolve():
    with pytest.raises(ValidationError) as caught:
        plan(parent="qd2282", tasks=[
            Task(code="x", text=text("t"), goal="9",
                 links=[TaskLink(unit="police"), TaskLink(unit="vhxh"), TaskLink(unit="x")],
                 events=["day"]),
        ])
    paths = [p.path for p in caught.value.problems]
    assert ["tasks[0].goal", "tasks[0].links[0].unit", "tasks[0].links[2].unit",
            "tasks[0].events[0]", "parent"] == paths
    assert "known goal codes: 1, 2" in str(caught.value)


def test_years_must_be_sensible():
    with pytest.raises(ValidationError) as caught:
        plan(start_year=2031, base_year=2040, tasks=[], goals=[])
    assert {"end_year", "base_year"} == {p.path for p in caught.value.problems}
    with pytest.raises(ValidationError) as caught:
        plan(goals=[Goal(code="1", field=Field.HEALTH, title=text("g"), indicators=[
            indicator("1.1", targets=[Target(comparator=Comparator.GE, value=5, year=2035)],
                      baseline=Baseline(value=3, year=1980)),
            indicator("1.2", targets=[Target(comparator=Comparator.GE, value=5,
                                             kind=TargetKind.HOLD, start_year=2001)]),
        ])], tasks=[])
    paths = {p.path for p in caught.value.problems}
    assert {"goals[0].indicators[0].targets[0].year", "goals[0].indicators[1].targets[0].start_year",
            "goals[0].indicators[0].baseline.year"} == paths


def test_wrong_kinds_of_parts_are_reported():
    with pytest.raises(ValidationError) as caught:
        plan(goals=["goal"], recipients="Sở Nội vụ", title="kế hoạch", number="", signatory="x",
             start_year="2026", general_objective="x", date="2026-05")
    paths = {p.path for p in caught.value.problems}
    assert {"goals[0]", "recipients", "title", "number", "signatory", "start_year",
            "general_objective", "date"} <= paths


def test_subsections_must_exist_in_the_goal():
    goal = Goal(code="2", field=Field.ECONOMY_LABOUR, title=text("g"),
                subsections=[Subsection(code="a", title=text("Lao động"))],
                indicators=[indicator("2.1", subsection="a")])
    assert "a" == goal.indicators[0].subsection
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(goal, indicators=[indicator("2.1", subsection="b")])
    assert "indicators[0].subsection" == caught.value.problems[0].path
    with pytest.raises(ValidationError, match="duplicate subsection"):
        attrs.evolve(goal, subsections=[Subsection(code="a", title=text("x")),
                                        Subsection(code="a", title=text("y"))])


def test_fields_have_labels_in_both_languages():
    for field in Field:
        assert field.label.vi
        assert field.label.en


def test_units_and_tasks():
    unit = ResponsibleUnit(code="mttq", name=text("Ủy ban MTTQ"), assignment=Assignment.REQUESTED)
    assert Assignment.REQUESTED is unit.assignment
    assert not unit.focal_point
    with pytest.raises(ValidationError, match="true or false"):
        ResponsibleUnit(code="x", name=text("x"), focal_point="yes")
    with pytest.raises(ValidationError, match="task links"):
        Task(code="t", text=text("t"), links=["vhxh"])
    assert Task(code="t", text=text("t")).is_general


def test_events_span_new_year_and_leap_days():
    tet = RecurringEvent(code="x", name=text("x"), start=DayOfYear(month=12, day=30),
                         end=DayOfYear(month=1, day=2))
    first, last = tet.dates(2026)
    assert (2026, 2027) == (first.year, last.year)
    leap = DayOfYear(month=2, day=29)
    assert 28 == leap.in_year(2026).day
    assert "29/02" == str(leap)
    day = RecurringEvent(code="d", name=text("d"), start=DayOfYear(month=3, day=20))
    assert day.dates(2027)[0] == day.dates(2027)[1]
    with pytest.raises(ValidationError, match="day of the year"):
        DayOfYear(month=2, day=30)
    with pytest.raises(ValidationError, match="day of the year"):
        RecurringEvent(code="d", name=text("d"), start="03-20")


def test_documents_funding_signatory_and_texts():
    with pytest.raises(ValidationError) as caught:
        DocumentReference(code="", kind="law", issuer=text("x"), date="2021", title="x", note="y")
    assert {"code", "kind", "date", "title", "note"} == {p.path for p in caught.value.problems}
    with pytest.raises(ValidationError, match="localized text"):
        FundingSource(code="b", description="x")
    with pytest.raises(ValidationError, match="expected a name"):
        Signatory(name=" ", title=text("x"))
    with pytest.raises(ValidationError, match="non-empty Vietnamese"):
        LocalizedText(vi="  ")
    with pytest.raises(ValidationError, match="non-empty English"):
        LocalizedText(vi="a", en="")
    bilingual = text("kế hoạch")
    assert "KẾ HOẠCH" == bilingual.get("en")
    assert "kế hoạch" == bilingual.get("vi") == str(bilingual)
    assert "chỉ" == LocalizedText(vi="chỉ").get("en")


def test_a_drafts_number_suffix_is_kept_and_checked():
    draft = plan(number_suffix="/KH-UBND")
    assert "/KH-UBND" == draft.printed_number
    assert True is draft.is_draft
    assert "12/KH-UBND" == plan(number="12/KH-UBND", number_suffix="/KH-UBND").printed_number
    with pytest.raises(ValidationError) as caught:
        plan(number="12/KH-UBND", number_suffix="/QĐ-UBND")
    assert "does not end with '/QĐ-UBND'" in str(caught.value)
    with pytest.raises(ValidationError, match="starting with '/'"):
        plan(number_suffix="KH-UBND")


def test_preamble_introduction_closing_and_contact():
    whole = plan(preamble=[text("Thực hiện …")], introduction=text("Ủy ban … như sau:"),
                 closing=text("Trên đây là …"), contact="vhxh")
    assert ("Thực hiện …",) == tuple(t.vi for t in whole.preamble)
    assert "vhxh" == whole.contact
    with pytest.raises(ValidationError) as caught:
        plan(contact="police", closing="Trên đây")
    paths = {p.path for p in caught.value.problems}
    assert {"closing", "contact"} == paths


def test_a_task_links_units_with_roles_and_evidence():
    task = Task(code="t", text=text("t"), links=[
        TaskLink(unit="a", role=Role.LEAD, evidence=text("Chủ trì"), where="IV.1, duty 4"),
        TaskLink(unit="b", evidence=text("tại các cơ sở y tế")),
        TaskLink(unit="c", role=Role.COORDINATE, evidence=text("Phối hợp")),
    ])
    assert ("a", "b", "c") == task.units
    assert ("a",) == task.units_in(Role.LEAD)
    assert ("b",) == task.units_in(None)
    assert "tham mưu" == Role.ADVISE.words


def test_a_role_needs_its_evidence_and_a_unit_is_linked_once():
    with pytest.raises(ValidationError, match="a role needs the words of the plan"):
        TaskLink(unit="a", role=Role.ADVISE)
    with pytest.raises(ValidationError, match="duplicate linked unit code 'a'"):
        Task(code="t", text=text("t"), links=[TaskLink(unit="a"), TaskLink(unit="a")])


def test_a_goal_may_head_its_tasks_differently():
    goal = Goal(code="5", field=Field.EDUCATION_TRAINING, title=text("giáo dục, đào tạo"),
                tasks_heading=text("Giáo dục và Đào tạo"))
    assert "Giáo dục và Đào tạo" == goal.task_group_title.vi
    plain = Goal(code="5", field=Field.EDUCATION_TRAINING, title=text("giáo dục, đào tạo"))
    assert "giáo dục, đào tạo" == plain.task_group_title.vi


def test_a_plan_cannot_name_itself_as_its_parent():
    itself = DocumentReference(code="demo", kind=DocumentKind.PLAN, issuer=text("UBND xã"))
    with pytest.raises(ValidationError) as caught:
        plan(legal_bases=[itself], parent="demo")
    assert [("parent", "the plan names itself as its parent ('demo')")] == [
        (p.path, p.message) for p in caught.value.problems]


def test_a_parent_with_the_plans_own_number_is_the_plan_itself():
    same = DocumentReference(code="kh-1", kind=DocumentKind.PLAN, issuer=text("UBND xã"),
                             number="1/KH-UBND")
    with pytest.raises(ValidationError, match=r"names itself as its parent \('kh-1', number"):
        plan(legal_bases=[same], parent="kh-1", number="1/KH-UBND")
    assert "kh-1" == plan(legal_bases=[same], parent="kh-1", number="2/KH-UBND").parent
