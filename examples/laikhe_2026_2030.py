"""The Lai Khê commune plan 2026-2030, encoded with the public API of gender_plan.

Source: ``lai-khe-gender-equality-plan-2026-2030.vi.txt``, the draft "KẾ HOẠCH Triển khai thực hiện
Chiến lược quốc gia về bình đẳng giới giai đoạn 2026 - 2030 trên địa bàn xã Lai Khê" (May 2026).

Every Vietnamese text below is copied verbatim from the source, typos included (each typo is
commented where it occurs); where the source breaks a paragraph across lines, the lines are joined
with one space. Every text has an English translation. Section numbers in comments (I.2.3, II.2.1,
IV.4, ...) are the plan's own.

Run ``python examples/laikhe_2026_2030.py`` (``--help`` for the options) for a summary of the plan
and an assessment of every target against the example data in ``examples/data/``.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

import attrs

from gender_plan import (
    Assessment,
    Assignment,
    Comparator,
    DayOfYear,
    Direction,
    DocumentKind,
    DocumentReference,
    Field,
    Frequency,
    FundingSource,
    GenderPlanError,
    Goal,
    GrowthRatio,
    Indicator,
    Limits,
    LinearPath,
    LocalizedText,
    Measurement,
    Method,
    PartialDate,
    Plan,
    PlanAssessment,
    Projection,
    RecurringEvent,
    ResponsibleUnit,
    Role,
    Signatory,
    Summary,
    Target,
    TargetKind,
    Task,
    TaskLink,
    assess_plan,
    load_measurements,
)
from gender_plan.evaluation import series_labels
from gender_plan.numbers import format_number, format_quantity

SHARE = Limits(lower=0, upper=100)
"""A share in percent lies between 0 and 100."""
NON_NEGATIVE = Limits(lower=0)
"""A ratio, a rate or a count is never negative."""

# Codes of the responsible units (section IV), used to link tasks to units.
CULTURE_SOCIETY = "culture-society-office"
PUBLIC_SERVICE_CENTRE = "public-service-centre"
SCHOOLS = "schools"
HEALTH_STATION = "health-station"
ECONOMIC_OFFICE = "economic-office"
POLICE = "commune-police"
FRONT = "fatherland-front-and-organisations"

# Codes of the calendar's events.
ACTION_MONTH = "action-month"
HAPPINESS_DAY = "international-day-of-happiness"
FAMILY_DAY = "vietnamese-family-day"
EVAW_DAY = "day-against-violence-against-women"

# Code of the parent plan (Hải Phòng's plan 170/KH-UBND), among the legal bases.
PARENT_PLAN = "hai-phong-170-kh-ubnd-2026"

# The two labels every row of the example data starts its `source` with.
STAND_IN = "National stand-in:"
ILLUSTRATIVE = "Illustrative (invented for the demo)"


# --- header: "Thực hiện ..." ----------------------------------------------------------------


def _legal_bases() -> tuple[DocumentReference, ...]:
    """The documents the plan says it implements (its opening "Thực hiện" paragraphs)."""
    return (
        DocumentReference(
            code="nq-28-nq-cp-2021",
            kind=DocumentKind.RESOLUTION,
            number="28/NQ-CP",
            date=PartialDate(year=2021, month=3, day=3),
            issuer=LocalizedText(vi="Chính phủ", en="The Government"),
            title=LocalizedText(
                vi="ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030",
                en="Promulgating the National Strategy on Gender Equality 2021-2030",
            ),
        ),
        DocumentReference(
            code="cv-1116-2021",
            kind=DocumentKind.OFFICIAL_LETTER,
            # The number as the plan prints it; the real one is in `note`.
            number="1116/LĐTĐ-BHXH-BĐG",
            date=PartialDate(year=2021, month=6, day=20),
            issuer=LocalizedText(
                vi="Bộ Lao động - Thương binh và Xã hội",
                en="Ministry of Labour, Invalids and Social Affairs",
            ),
            title=LocalizedText(
                vi="hướng dẫn thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030",
                en="Guidance on implementing the National Strategy on Gender Equality 2021-2030",
            ),
            # An editorial remark of ours, not text of the plan: the only field here that is not
            # copied from the source.
            note=LocalizedText(
                vi="Số đúng của công văn là 1116/LĐTBXH-BĐG; kế hoạch in nhầm thành "
                "1116/LĐTĐ-BHXH-BĐG.",
                en="The Ministry of Labour, Invalids and Social Affairs' letter of 20 June 2021 is "
                "numbered 1116/LĐTBXH-BĐG; the plan misprints it as 1116/LĐTĐ-BHXH-BĐG.",
            ),
        ),
        DocumentReference(
            code="cv-2855-2026",
            kind=DocumentKind.OFFICIAL_LETTER,
            number="2855/BNV-CTTN&BĐG",
            date=PartialDate(year=2026, month=3, day=27),
            issuer=LocalizedText(vi="Bộ Nội vụ", en="Ministry of Home Affairs"),
            title=LocalizedText(
                vi="hướng dẫn triển khai công tác bình đẳng giới năm 2026",
                en="Guidance on gender-equality work in 2026",
            ),
        ),
        DocumentReference(
            code=PARENT_PLAN,
            kind=DocumentKind.PLAN,
            number="170/KH-UBND",
            date=PartialDate(year=2026, month=5, day=7),
            issuer=LocalizedText(
                vi="UBND thành phố Hải Phòng", en="People's Committee of Hải Phòng city"
            ),
            title=LocalizedText(
                vi="triển khai thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn "
                "2026 - 2030 trên địa bàn thành phố",
                en="Implementing the National Strategy on Gender Equality 2026-2030 in the city",
            ),
        ),
    )


def _references() -> tuple[DocumentReference, ...]:
    """Other documents the text relies on (in tasks II.2.1, II.2.5 and duty IV.1)."""
    return (
        DocumentReference(
            code="qd-2282-qd-ttg-2020",
            kind=DocumentKind.DECISION,
            number="2282/QĐ-TTg",
            date=PartialDate(year=2020, month=12, day=31),
            issuer=LocalizedText(vi="Thủ tướng Chính phủ", en="The Prime Minister"),
            # The title as task II.2.1 quotes it ("lãnh đạo và quản lý"); duty IV.1 quotes it as
            # "lãnh đạo, quản lý". II.2.1's wording is the Decision's own.
            title=LocalizedText(
                vi="phê duyệt Chương trình “Tăng cường sự tham gia bình đẳng của phụ nữ trong "
                "các vị trí lãnh đạo và quản lý ở các cấp hoạch định chính sách giai đoạn "
                "2021 - 2030”",
                en="Approving the Programme “Increasing women's equal participation in "
                "leadership and management positions at policy-making levels, 2021-2030”",
            ),
        ),
        DocumentReference(
            code="nq-28-2025-nq-hdnd",
            kind=DocumentKind.RESOLUTION,
            number="28/2025/NQ-HĐND",
            date=PartialDate(year=2025, month=11, day=13),
            # "Hội đồng nhân dân thành phố": the city is Hải Phòng. The plan gives no title, only
            # what it cites the resolution for (tuition support, task II.2.5), so title is None.
            issuer=LocalizedText(
                vi="Hội đồng nhân dân thành phố", en="City People's Council (Hải Phòng)"
            ),
        ),
    )


# --- I. MỤC TIÊU ------------------------------------------------------------------------------


def _goals() -> tuple[Goal, ...]:
    """The six specific objectives (I.2.1-I.2.6) with their numbered targets.

    Each indicator's `name` is the plan's words, verbatim, often a fragment of the target's
    sentence ("các cơ quan quản lý nhà nước …"); its `display_name`, where the words do not read
    as a name in a table, is ours (the only Vietnamese here that is not the plan's).
    """
    return (
        Goal(
            code="1",
            field=Field.POLITICS,
            title=LocalizedText(vi="Trong lĩnh vực chính trị", en="In politics"),
            indicators=[
                # Goal 1 has a single, unnumbered "Chỉ tiêu"; we number it 1.1.
                # "đạt" is GE.
                Indicator(
                    code="1.1",
                    number="1.1",
                    name=LocalizedText(
                        vi="các cơ quan quản lý nhà nước, chính quyền địa phương có lãnh đạo "
                        "chủ chốt là nữ",
                        en="State administrative agencies and local authorities with a woman "
                        "among their key leaders (share)",
                    ),
                    display_name=LocalizedText(
                        vi="Tỷ lệ cơ quan, chính quyền địa phương có lãnh đạo chủ chốt là nữ",
                        en="Agencies and local authorities with a woman key leader",
                    ),
                    unit="percent",
                    limits=SHARE,
                    targets=[
                        Target(
                            comparator=Comparator.GE,
                            value=60,
                            year=2030,
                            text=LocalizedText(
                                vi="Đến năm 2030 đạt 60% các cơ quan quản lý nhà nước, chính "
                                "quyền địa phương có lãnh đạo chủ chốt là nữ.",
                                en="By 2030, 60% of state administrative agencies and local "
                                "authorities have a woman among their key leaders.",
                            ),
                        )
                    ],
                ),
            ],
        ),
        Goal(
            code="2",
            field=Field.ECONOMY_LABOUR,
            title=LocalizedText(
                vi="Trong lĩnh vực kinh tế, lao động", en="In the economy and labour"
            ),
            indicators=[
                # "Tăng ... đạt 60%": GE.
                Indicator(
                    code="2.1",
                    number="2.1",
                    name=LocalizedText(
                        vi="tỷ lệ lao động nữ làm công hưởng lương",
                        en="Share of women workers in wage employment",
                    ),
                    display_name=LocalizedText(
                        vi="Tỷ lệ lao động nữ làm công hưởng lương",
                        en="Women in wage employment",
                    ),
                    unit="percent",
                    limits=SHARE,
                    targets=[
                        Target(
                            comparator=Comparator.GE,
                            value=60,
                            year=2030,
                            text=LocalizedText(
                                vi="Tăng tỷ lệ lao động nữ làm công hưởng lương đạt 60% vào năm "
                                "2030.",
                                en="Raise the share of women workers in wage employment to 60% "
                                "by 2030.",
                            ),
                        )
                    ],
                ),
                # "Giảm ... xuống dưới 25%": LT, lower is better.
                Indicator(
                    code="2.2",
                    number="2.2",
                    name=LocalizedText(
                        vi="tỷ trọng lao động nữ làm việc trong khu vực nông nghiệp trong tổng số "
                        "lao động nữ có việc làm",
                        en="Share of employed women who work in agriculture",
                    ),
                    display_name=LocalizedText(
                        vi="Tỷ trọng lao động nữ làm nông nghiệp",
                        en="Employed women working in agriculture",
                    ),
                    unit="percent",
                    direction=Direction.LOWER_IS_BETTER,
                    limits=SHARE,
                    targets=[
                        Target(
                            comparator=Comparator.LT,
                            value=25,
                            year=2030,
                            text=LocalizedText(
                                vi="Giảm tỷ trọng lao động nữ làm việc trong khu vực nông nghiệp "
                                "trong tổng số lao động nữ có việc làm xuống dưới 25% vào năm "
                                "2030.",
                                en="Reduce the share of women working in agriculture among all "
                                "employed women to below 25% by 2030.",
                            ),
                        )
                    ],
                ),
                # "đạt ít nhất 30%": GE.
                Indicator(
                    code="2.3",
                    number="2.3",
                    name=LocalizedText(
                        vi="Tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã",
                        en="Share of women among directors/owners of enterprises and "
                        "cooperatives",
                    ),
                    unit="percent",
                    limits=SHARE,
                    targets=[
                        Target(
                            comparator=Comparator.GE,
                            value=30,
                            year=2030,
                            text=LocalizedText(
                                vi="Tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã đạt ít nhất "
                                "30% vào năm 2030.",
                                en="The share of women among directors/owners of enterprises "
                                "and cooperatives reaches at least 30% by 2030.",
                            ),
                        )
                    ],
                ),
            ],
        ),
        Goal(
            code="3",
            field=Field.FAMILY_GBV,
            # The heading ends with a full stop in the source (unlike the others); dropped here.
            title=LocalizedText(
                vi="Trong đời sống gia đình và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
                en="In family life and the prevention of and response to gender-based violence",
            ),
            indicators=[
                # "còn 1,4 lần": LE 1.4 times (women's unpaid hours over men's), lower is better.
                Indicator(
                    code="3.1",
                    number="3.1",
                    name=LocalizedText(
                        vi="số giờ trung bình làm công việc nội trợ và chăm sóc trong gia đình "
                        "không được trả công của phụ nữ",
                        en="Average hours of unpaid housework and family care done by women, "
                        "as a multiple of men's",
                    ),
                    display_name=LocalizedText(
                        vi="Giờ làm việc nhà không được trả công của phụ nữ so với nam giới",
                        en="Women's unpaid care hours relative to men's",
                    ),
                    unit="times",
                    direction=Direction.LOWER_IS_BETTER,
                    limits=NON_NEGATIVE,
                    targets=[
                        Target(
                            comparator=Comparator.LE,
                            value=1.4,
                            year=2030,
                            text=LocalizedText(
                                vi="Giảm số giờ trung bình làm công việc nội trợ và chăm sóc "
                                "trong gia đình không được trả công của phụ nữ còn 1,4 lần vào "
                                "năm 2030 so với nam giới.",
                                en="Reduce the average hours women spend on unpaid housework "
                                "and family care to 1.4 times those of men by 2030.",
                            ),
                        )
                    ],
                ),
                # Target 3.2 is one numbered target with two measurable parts, split at the
                # source's ";": two indicators 3.2a and 3.2b, both numbered 3.2. Each part's
                # text is its half of the sentence; "Đến năm 2030" governs both, so 3.2b is
                # also for 2030. "trên" is GT.
                Indicator(
                    code="3.2a",
                    number="3.2",
                    name=LocalizedText(
                        vi="người bị bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện "
                        "được tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ bản",
                        en="Share of detected victims of domestic and gender-based violence who "
                        "reach at least one basic support service",
                    ),
                    display_name=LocalizedText(
                        vi="Nạn nhân bạo lực được tiếp cận dịch vụ hỗ trợ",
                        en="Victims of violence reaching support services",
                    ),
                    unit="percent",
                    limits=SHARE,
                    targets=[
                        Target(
                            comparator=Comparator.GT,
                            value=90,
                            year=2030,
                            text=LocalizedText(
                                vi="Đến năm 2030 đạt trên 90% người bị bạo lực gia đình, bạo lực "
                                "trên cơ sở giới được phát hiện được tiếp cận ít nhất một trong "
                                "các dịch vụ hỗ trợ cơ bản",
                                en="By 2030, more than 90% of detected victims of domestic and "
                                "gender-based violence have access to at least one basic "
                                "support service",
                            ),
                        )
                    ],
                ),
                Indicator(
                    code="3.2b",
                    number="3.2",
                    name=LocalizedText(
                        vi="người gây bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện ở "
                        "mức chưa bị truy cứu trách nhiệm hình sự được tư vấn, tham vấn",
                        en="Share of detected perpetrators of domestic and gender-based violence, "
                        "not yet liable to criminal prosecution, who receive counselling",
                    ),
                    display_name=LocalizedText(
                        vi="Người gây bạo lực được tư vấn, tham vấn",
                        en="Perpetrators of violence counselled",
                    ),
                    unit="percent",
                    limits=SHARE,
                    targets=[
                        Target(
                            comparator=Comparator.GT,
                            value=80,
                            year=2030,
                            text=LocalizedText(
                                vi="trên 80% người gây bạo lực gia đình, bạo lực trên cơ sở giới "
                                "được phát hiện ở mức chưa bị truy cứu trách nhiệm hình sự được "
                                "tư vấn, tham vấn.",
                                en="more than 80% of detected perpetrators of domestic and "
                                "gender-based violence not yet liable to criminal prosecution "
                                "receive counselling and consultation.",
                            ),
                        )
                    ],
                ),
                # "100%": GE 100 percent. No year in the text: year None, the plan's end (2030)
                # applies. Read as a level to reach, not a HOLD every year: the text says
                # neither "hằng năm" nor "từ năm ... trở đi".
                Indicator(
                    code="3.3",
                    number="3.3",
                    name=LocalizedText(
                        vi="số nạn nhân bị mua bán trở về được phát hiện có nhu cầu hỗ trợ được "
                        "hưởng các dịch vụ hỗ trợ và tái hòa nhập cộng đồng",
                        en="Share of detected returning victims of trafficking in need of support "
                        "who receive support and community reintegration services",
                    ),
                    display_name=LocalizedText(
                        vi="Nạn nhân bị mua bán trở về được hỗ trợ",
                        en="Returning trafficking victims supported",
                    ),
                    unit="percent",
                    limits=SHARE,
                    targets=[
                        Target(
                            comparator=Comparator.GE,
                            value=100,
                            text=LocalizedText(
                                vi="100% số nạn nhân bị mua bán trở về được phát hiện có nhu cầu "
                                "hỗ trợ được hưởng các dịch vụ hỗ trợ và tái hòa nhập cộng đồng.",
                                en="100% of detected returning victims of trafficking who need "
                                "support receive support and community reintegration services.",
                            ),
                        )
                    ],
                ),
            ],
        ),
        Goal(
            code="4",
            field=Field.HEALTH,
            title=LocalizedText(vi="Trong lĩnh vực y tế", en="In health"),
            indicators=[
                # "ở mức 109" (at the level of 109): the sex ratio at birth is a level to stay
                # near, not a quantity where lower is better (100 is as alarming as 115), so the
                # direction is 'toward'. For this ratio "ở mức" means "no higher than" 109 boys
                # per 100 girls: a band with its upper edge at 109 (LE). The text is silent on
                # a lower edge and on the level the ratio is best at (the natural level, about
                # 105, is not in the plan), so neither is recorded: the band is open below and
                # the indicator has no reference. Judged on the distance above 109: every method
                # gives the verdict of the old "lower is better, <= 109" (tests pin the growth
                # ratio's by hand, test_laikhe_encoding.py).
                Indicator(
                    code="4.1",
                    number="4.1",
                    name=LocalizedText(vi="Tỷ số giới tính khi sinh", en="Sex ratio at birth"),
                    unit="boys / 100 girls",
                    direction=Direction.TOWARD_REFERENCE,
                    limits=NON_NEGATIVE,
                    targets=[
                        Target(
                            comparator=Comparator.LE,
                            value=109,
                            year=2030,
                            text=LocalizedText(
                                vi="Tỷ số giới tính khi sinh ở mức 109 bé trai/100 bé gái sinh "
                                "ra sống vào năm 2030.",
                                en="Sex ratio at birth at 109 boys per 100 girls born alive by "
                                "2030.",
                            ),
                        )
                    ],
                ),
                # "giảm xuống dưới 42/100.000 trẻ sinh sống": LT.
                Indicator(
                    code="4.2",
                    number="4.2",
                    name=LocalizedText(
                        vi="Tỷ lệ tử vong bà mẹ liên quan đến thai sản",
                        en="Pregnancy-related maternal mortality ratio",
                    ),
                    unit="deaths / 100000 live_births",
                    direction=Direction.LOWER_IS_BETTER,
                    limits=NON_NEGATIVE,
                    targets=[
                        Target(
                            comparator=Comparator.LT,
                            value=42,
                            year=2030,
                            text=LocalizedText(
                                vi="Tỷ lệ tử vong bà mẹ liên quan đến thai sản giảm xuống dưới "
                                "42/100.000 trẻ sinh sống vào năm 2030.",
                                en="Pregnancy-related maternal mortality falls below 42 per "
                                "100,000 live births by 2030.",
                            ),
                        )
                    ],
                ),
                # "giảm xuống dưới 18 ca sinh/1.000 phụ nữ": LT.
                Indicator(
                    code="4.3",
                    number="4.3",
                    name=LocalizedText(
                        vi="Tỷ suất sinh ở vị thành niên", en="Adolescent birth rate"
                    ),
                    unit="births / 1000 women",
                    direction=Direction.LOWER_IS_BETTER,
                    limits=NON_NEGATIVE,
                    targets=[
                        Target(
                            comparator=Comparator.LT,
                            value=18,
                            year=2030,
                            text=LocalizedText(
                                vi="Tỷ suất sinh ở vị thành niên giảm xuống dưới 18 ca sinh/1.000 "
                                "phụ nữ vào năm 2030.",
                                en="The adolescent birth rate falls below 18 births per 1,000 "
                                "women by 2030.",
                            ),
                        )
                    ],
                ),
            ],
        ),
        Goal(
            code="5",
            field=Field.EDUCATION_TRAINING,
            title=LocalizedText(
                vi="Trong lĩnh vực giáo dục, đào tạo", en="In education and training"
            ),
            # II.2.5 heads the goal's tasks differently from I.2.5; every other group of tasks
            # repeats its goal's title (goal 3's without the final full stop).
            tasks_heading=LocalizedText(
                vi="Trong lĩnh vực Giáo dục và Đào tạo", en="In Education and Training"
            ),
            indicators=[
                # A yes/no fact, no year: true by the plan's end.
                Indicator(
                    code="5.1",
                    number="5.1",
                    name=LocalizedText(
                        vi="Nội dung về giới, bình đẳng giới được đưa vào chương trình giảng dạy "
                        "trong hệ thống giáo dục quốc dân",
                        en="Gender and gender-equality content is in the curriculum of the "
                        "national education system",
                    ),
                    display_name=LocalizedText(
                        vi="Nội dung về giới trong chương trình giảng dạy",
                        en="Gender content in the curriculum",
                    ),
                    unit="yes_no",
                    targets=[
                        Target(
                            comparator=Comparator.EQ,
                            value=True,
                            kind=TargetKind.YES_NO,
                            text=LocalizedText(
                                vi="Nội dung về giới, bình đẳng giới được đưa vào chương trình "
                                "giảng dạy trong hệ thống giáo dục quốc dân.",
                                en="Content on gender and gender equality is included in the "
                                "curriculum of the national education system.",
                            ),
                        )
                    ],
                ),
                # "đạt trên 40%": GT ("trên" wins over "đạt").
                Indicator(
                    code="5.2",
                    number="5.2",
                    name=LocalizedText(
                        vi="Tỷ lệ nữ học sinh được tuyển mới thuộc hệ thống giáo dục nghề nghiệp",
                        en="Share of girls among new enrolments in vocational education",
                    ),
                    display_name=LocalizedText(
                        vi="Tỷ lệ nữ trong tuyển mới giáo dục nghề nghiệp",
                        en="Girls among new vocational enrolments",
                    ),
                    unit="percent",
                    limits=SHARE,
                    targets=[
                        Target(
                            comparator=Comparator.GT,
                            value=40,
                            year=2030,
                            text=LocalizedText(
                                vi="Tỷ lệ nữ học sinh được tuyển mới thuộc hệ thống giáo dục "
                                "nghề nghiệp đạt trên 40% vào năm 2030.",
                                en="The share of girls among new enrolments in vocational "
                                "education exceeds 40% by 2030.",
                            ),
                        )
                    ],
                ),
            ],
        ),
        Goal(
            code="6",
            field=Field.INFORMATION_COMMUNICATION,
            title=LocalizedText(
                vi="Trong lĩnh vực thông tin, truyền thông", en="In information and communication"
            ),
            indicators=[
                # "đạt từ 85% ... trở lên": GE. The text splits the subject ("85% dân số") from
                # what is measured, so the name is the predicate only.
                Indicator(
                    code="6.1",
                    number="6.1",
                    name=LocalizedText(
                        vi="được tiếp cận kiến thức cơ bản về bình đẳng giới",
                        en="Share of the population with access to basic knowledge on gender "
                        "equality",
                    ),
                    display_name=LocalizedText(
                        vi="Tỷ lệ dân số được tiếp cận kiến thức về bình đẳng giới",
                        en="Population reached with basic gender-equality knowledge",
                    ),
                    unit="percent",
                    limits=SHARE,
                    targets=[
                        Target(
                            comparator=Comparator.GE,
                            value=85,
                            year=2030,
                            # "Phần đầu" is a misprint of "Phấn đấu" (strive); kept verbatim.
                            text=LocalizedText(
                                vi="Phần đầu đạt từ 85% dân số trở lên được tiếp cận kiến thức "
                                "cơ bản về bình đẳng giới vào năm 2030.",
                                en="Strive for 85% or more of the population to have access to "
                                "basic knowledge on gender equality by 2030.",
                            ),
                        )
                    ],
                ),
                # "100%": GE 100 percent; no year, so the plan's end applies (as 3.3).
                Indicator(
                    code="6.2",
                    number="6.2",
                    name=LocalizedText(
                        vi="tổ chức Đảng, chính quyền, cơ quan hành chính, ban, ngành, đoàn thể "
                        "được phổ biến, cập nhật thông tin về bình đẳng giới và cam kết thực "
                        "hiện bình đẳng giới",
                        en="Share of Party organisations, authorities, administrative agencies, "
                        "boards, sectors and mass organisations informed on, and committed to, "
                        "gender equality",
                    ),
                    display_name=LocalizedText(
                        vi="Tỷ lệ tổ chức, cơ quan được phổ biến và cam kết về bình đẳng giới",
                        en="Organisations informed on and committed to gender equality",
                    ),
                    unit="percent",
                    limits=SHARE,
                    targets=[
                        Target(
                            comparator=Comparator.GE,
                            value=100,
                            text=LocalizedText(
                                vi="100% tổ chức Đảng, chính quyền, cơ quan hành chính, ban, "
                                "ngành, đoàn thể được phổ biến, cập nhật thông tin về bình "
                                "đẳng giới và cam kết thực hiện bình đẳng giới.",
                                en="100% of Party organisations, authorities, administrative "
                                "agencies, boards, sectors and mass organisations are informed "
                                "and kept up to date on gender equality and commit to "
                                "implementing it.",
                            ),
                        )
                    ],
                ),
                # "duy trì hằng tháng có chuyên mục, chuyên đề": at least one column or special
                # topic in every month. Chosen: COUNT_PER_PERIOD (a count checked in each month)
                # rather than HOLD (a level such as a share held in each period); the unit is
                # "items" and the month is the target's frequency, so the unit does not repeat
                # it ("items / month"). No start year in the text: from the plan's start.
                Indicator(
                    code="6.3",
                    number="6.3",
                    name=LocalizedText(
                        vi="chuyên mục, chuyên đề nâng cao nhận thức về bình đẳng giới",
                        en="Columns and special topics raising awareness of gender equality, "
                        "per month",
                    ),
                    display_name=LocalizedText(
                        vi="Chuyên mục, chuyên đề về bình đẳng giới mỗi tháng",
                        en="Gender-equality columns per month",
                    ),
                    unit="items",
                    limits=NON_NEGATIVE,
                    targets=[
                        Target(
                            comparator=Comparator.GE,
                            value=1,
                            kind=TargetKind.COUNT_PER_PERIOD,
                            frequency=Frequency.MONTH,
                            text=LocalizedText(
                                vi="Trung tâm dịch vụ sự nghiệp công xã duy trì hằng tháng có "
                                "chuyên mục, chuyên đề nâng cao nhận thức về bình đẳng giới.",
                                en="The commune Public Service Centre keeps up a column or "
                                "special topic raising awareness of gender equality every "
                                "month.",
                            ),
                        )
                    ],
                ),
            ],
        ),
    )


# --- II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU -----------------------------------------------------------
#
# Links from tasks to units: section II names no unit, so a link is made only where (a) the task
# itself names the unit's kind of institution ("nhà trường", "các cơ sở giáo dục", "các cấp học" ->
# the schools; "các cơ sở y tế", "ngành y tế" -> the health station), or (b) a duty in section IV
# restates the task's specific content (the same decision, the Action Month, the same activity).
# Each link quotes those words as its evidence. The unit's role follows section IV's words only:
# "chủ trì" -> lead, "phối hợp" -> coordinate, "tham mưu" -> advise; where the words that link
# the unit say none of them, the link has no role. A task that is "wholly the unit's work" is not
# a role the plan states, so it is no longer read as lead.

ADVISE_ACTION_MONTH = LocalizedText(
    vi="Tham mưu Ủy ban nhân dân thành phố triển khai Kế hoạch thực hiện công tác bình đẳng giới; "
    "Kế hoạch triển khai Tháng hành động vì bình đẳng giới",
    en="Advise the City People's Committee on carrying out the Plan for gender-equality work and "
    "the Plan for the Action Month for gender equality",
)
"""IV.1, duty 1: the Culture and Society Office advises on the Action Month's plan."""
NEWS_ACTION_MONTH = LocalizedText(
    vi="xây dựng các chuyên mục và đưa tin về chủ đề, thông điệp, các hoạt động trong tháng hành "
    "động",
    en="build columns and report on the theme, messages and activities of the Action Month",
)
"""IV.2, duty 2: the Public Service Centre reports on the Action Month."""


def _general_tasks() -> tuple[Task, ...]:
    """II.1: the four general tasks (no goal)."""
    return (
        Task(
            code="II.1.1",
            # The source breaks this paragraph after "nhận thức về"; the lines are joined.
            text=LocalizedText(
                vi="Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy đảng, trách nhiệm quản lý của "
                "chính quyền trong việc nâng cao nhận thức, triển khai thực hiện và hoàn thiện "
                "thể chế về bình đẳng giới. Đề cao vai trò, trách nhiệm của người đứng đầu trong "
                "việc thực hiện các quy định về bình đẳng giới và thực hiện các biện pháp nâng "
                "cao nhận thức về bình đẳng giới.",
                en="Strengthen the leadership and direction of Party committees at all levels "
                "and the authorities' management responsibility in raising awareness, "
                "implementing and improving the institutions on gender equality. Emphasise the "
                "role and responsibility of heads in applying the rules on gender equality and "
                "in taking measures to raise awareness of gender equality.",
            ),
        ),
        Task(
            code="II.1.2",
            text=LocalizedText(
                vi="Xây dựng và triển khai các hoạt động trong Kế hoạch nhằm thúc đẩy công tác "
                "bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới: truyền thông "
                "nâng cao nhận thức, thay đổi hành vi về bình đẳng giới; đưa nội dung về bình "
                "đẳng giới vào hệ thống bài giảng trong các cấp học; phòng ngừa và ứng phó với "
                "bạo lực trên cơ sở giới; tăng cường sự tham gia bình đẳng của phụ nữ vào các vị "
                "trí lãnh đạo và quản lý.",
                en="Design and carry out the Plan's activities to promote gender equality and to "
                "prevent and respond to gender-based violence: communication to raise awareness "
                "and change behaviour on gender equality; bringing gender-equality content into "
                "lessons at every level of schooling; preventing and responding to gender-based "
                "violence; increasing women's equal participation in leadership and management "
                "positions.",
            ),
            # The task names the schools' kind of institution ("các cấp học"); section IV
            # restates no part of it for the schools, so no role is stated.
            links=[
                TaskLink(
                    unit=SCHOOLS,
                    evidence=LocalizedText(
                        vi="đưa nội dung về bình đẳng giới vào hệ thống bài giảng trong các cấp "
                        "học",
                        en="bringing gender-equality content into lessons at every level of "
                        "schooling",
                    ),
                    where="II.1.2",
                ),
            ],
        ),
        Task(
            code="II.1.3",
            text=LocalizedText(
                vi="Đẩy mạnh công tác thông tin, tuyên truyền, ứng dụng công nghệ thông tin để "
                "nâng cao nhận thức cho các tầng lớp nhân dân về bình đẳng giới; chú trọng truyền "
                "thông tại khu vực thôn, dân cư, khu công nghiệp, khu vực có đông lao động nữ. Tổ "
                "chức triển khai Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo "
                "lực trên cơ sở giới từ ngày 15/11 đến ngày 15/12 hàng năm.",
                en="Step up information, publicity and the use of information technology to "
                "raise awareness of gender equality among all groups of people; focus "
                "communication on villages, residential areas, industrial zones and areas with "
                "many women workers. Organise the Action Month for gender equality and the "
                "prevention of and response to gender-based violence from 15 November to 15 "
                "December every year.",
            ),
            # The Action Month, as in II.2.3.2: IV.1 duty 1 "Tham mưu" (advise) on its plan; IV.2
            # duty 2 reports on its activities without a role word.
            links=[
                TaskLink(
                    unit=CULTURE_SOCIETY,
                    role=Role.ADVISE,
                    evidence=ADVISE_ACTION_MONTH,
                    where="IV.1, duty 1",
                ),
                TaskLink(
                    unit=PUBLIC_SERVICE_CENTRE,
                    evidence=NEWS_ACTION_MONTH,
                    where="IV.2, duty 2",
                ),
            ],
            events=[ACTION_MONTH],
        ),
        Task(
            code="II.1.4",
            text=LocalizedText(
                vi="Chủ động sử dụng có hiệu quả các nguồn lực tài chính từ ngân sách địa "
                "phương, nguồn Trung ương hỗ trợ và nguồn vốn huy động (nếu có) để triển khai "
                "thực hiện lĩnh vực bình đẳng giới tại địa phương.",
                en="Proactively and effectively use the financial resources of the local budget, "
                "central support and mobilised funds (if any) to carry out gender-equality work "
                "locally.",
            ),
            # IV.5 duty 2 restates the task (the Economic Office arranges the money it spends), but
            # says neither "chủ trì" nor "phối hợp": no role (an earlier reading made it lead).
            links=[
                TaskLink(
                    unit=ECONOMIC_OFFICE,
                    evidence=LocalizedText(
                        vi="Bố trí kinh phí để triển khai các hoạt động về bình đẳng giới",
                        en="Allocate funds for gender-equality activities",
                    ),
                    where="IV.5, duty 2",
                ),
            ],
        ),
    )


def _politics_tasks() -> tuple[Task, ...]:
    """II.2.1: tasks in politics (goal 1)."""
    return (
        Task(
            code="II.2.1.1",
            goal="1",
            text=LocalizedText(
                vi="Tăng cường truyền thông về trách nhiệm của các cấp ủy Đảng, lãnh đạo cơ "
                "quan, đơn vị, nhất là người đứng đầu trong việc thực hiện chính sách, pháp luật "
                "về bình đẳng giới và công tác cán bộ nữ. Đẩy mạnh công tác tuyên truyền về bình "
                "đẳng giới, nâng cao nhận thức về giới, về vai trò, vị thế của phụ nữ trong lĩnh "
                "vực chính trị góp phần xóa bỏ các định kiến, quan niệm không phù hợp về vai trò "
                "của nam và nữ trong đời sống xã hội; đồng thời đánh giá đúng vai trò, vị trí và "
                "năng lực của phụ nữ trong đảm nhiệm các chức vụ lãnh đạo, quản lý các cấp, các "
                "ngành, đơn vị.",
                en="Step up communication on the responsibility of Party committees at all "
                "levels and of the leaders of agencies and units, above all their heads, in "
                "implementing gender-equality policy and law and in work concerning women "
                "cadres. Promote publicity on gender equality and raise awareness of gender and "
                "of women's role and position in politics, helping to remove prejudices and "
                "unsuitable ideas about the roles of men and women in social life; at the same "
                "time assess correctly the role, position and capacity of women holding "
                "leadership and management posts at all levels, in all sectors and units.",
            ),
        ),
        Task(
            code="II.2.1.2",
            goal="1",
            text=LocalizedText(
                vi="Tiếp tục triển khai có hiệu quả Kế hoạch thực hiện Quyết định số "
                "2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ về phê duyệt Chương trình "
                "“Tăng cường sự tham gia bình đẳng của phụ nữ trong các vị trí lãnh đạo và quản "
                "lý ở các cấp hoạch định chính sách giai đoạn 2021 - 2030”.",
                en="Continue implementing effectively the Plan for implementing the Prime "
                "Minister's Decision No. 2282/QĐ-TTg of 31 December 2020 approving the Programme "
                "“Increasing women's equal participation in leadership and management positions "
                "at policy-making levels, 2021-2030”.",
            ),
            # IV.1 duty 2 gives the same Decision 2282 programme to the Culture and Society
            # Office, with no role word ("Tiếp tục triển khai thực hiện"): no role.
            links=[
                TaskLink(
                    unit=CULTURE_SOCIETY,
                    evidence=LocalizedText(
                        vi="Tiếp tục triển khai thực hiện Quyết định số 2282/QĐ-TTg",
                        en="Continue implementing Decision No. 2282/QĐ-TTg",
                    ),
                    where="IV.1, duty 2",
                ),
            ],
        ),
        Task(
            code="II.2.1.3",
            goal="1",
            text=LocalizedText(
                vi="Tiếp tục quan tâm công tác cán bộ nữ, nhất là nguồn cán bộ trẻ; bảo đảm "
                "nguyên tắc bình đẳng giữa nam và nữ về độ tuổi trong quy hoạch, đào tạo, bổ "
                "nhiệm, luân chuyển cán bộ nữ theo quy định.",
                en="Keep attending to work concerning women cadres, above all young cadres; "
                "ensure equality between men and women in age limits for the planning, training, "
                "appointment and rotation of women cadres as regulated.",
            ),
        ),
        Task(
            code="II.2.1.4",
            goal="1",
            text=LocalizedText(
                vi="Thường xuyên rà soát, ưu tiên lựa chọn cán bộ nữ có đủ điều kiện, tiêu chuẩn "
                "theo quy định bổ sung quy hoạch, tạo nguồn cán bộ nữ nhằm bổ nhiệm các chức danh "
                "lãnh đạo, quản lý để đảm bảo tỷ lệ nữ theo quy định.",
                en="Regularly review, and give priority to women cadres who meet the required "
                "conditions and standards when adding to succession planning, building a pool of "
                "women cadres for appointment to leadership and management posts so as to "
                "ensure the required share of women.",
            ),
        ),
        Task(
            code="II.2.1.5",
            goal="1",
            text=LocalizedText(
                vi="Tăng cường công tác thanh tra, kiểm tra tình hình thực hiện các quy định của "
                "pháp luật về bình đẳng giới trong lĩnh vực chính trị, công tác vì sự tiến bộ "
                "của phụ nữ, những quy định về quy hoạch đào tạo, bồi dưỡng, đề bạt, bổ nhiệm "
                "tại địa phương.",
                en="Strengthen inspection and checking of how the law on gender equality is "
                "applied in politics, of work for the advancement of women, and of the rules on "
                "planning, training, fostering, promotion and appointment in the locality.",
            ),
        ),
    )


def _economy_tasks() -> tuple[Task, ...]:
    """II.2.2: tasks in the economy and labour (goal 2)."""
    return (
        Task(
            code="II.2.2.1",
            goal="2",
            text=LocalizedText(
                vi="Triển khai thực hiện hiệu quả các chính sách thu hút đầu tư, tạo môi trường "
                "thuận lợi để phát triển doanh nghiệp, nhất là các doanh nghiệp hoạt động trong "
                "lĩnh vực công nghiệp, dịch vụ và các ngành, nghề sử dụng nhiều lao động nữ; "
                "khuyến khích doanh nghiệp tạo việc làm bền vững, bảo đảm điều kiện làm việc, thu "
                "nhập và cơ hội thăng tiến bình đẳng cho lao động nữ.",
                en="Implement effectively the policies to attract investment and create a "
                "favourable environment for business, above all for enterprises in industry, "
                "services and trades that employ many women; encourage enterprises to create "
                "sustainable jobs and to ensure working conditions, incomes and equal chances of "
                "promotion for women workers.",
            ),
        ),
        Task(
            code="II.2.2.2",
            goal="2",
            text=LocalizedText(
                vi="Phối hợp triển khai chương trình hỗ trợ phụ nữ khởi nghiệp, đổi mới sáng "
                "tạo. Tăng cường kết nối phụ nữ khởi nghiệp với doanh nghiệp, hợp tác xã và tổ "
                "chức tín dụng. Hỗ trợ tư vấn pháp lý, quản trị, chuyển giao công nghệ và xây "
                "dựng thương hiệu sản phẩm. Tạo điều kiện tham gia hoạt động xúc tiến thương mại, "
                "mở rộng thị trường và tham gia chuỗi giá trị. Bảo đảm phụ nữ được tiếp cận bình "
                "đẳng các nguồn lực kinh tế (đất đai, tín dụng, thông tin thị trường, khoa học - "
                "công nghệ, chính sách); ưu tiên hỗ trợ phụ nữ nghèo, phụ nữ có hoàn cảnh khó "
                "khăn vay vốn phát triển sản xuất, cải thiện sinh kế.",
                en="Help carry out the programme supporting women's start-ups and innovation. "
                "Strengthen links between women entrepreneurs and enterprises, cooperatives and "
                "credit institutions. Support legal, management and technology-transfer advice "
                "and product branding. Enable participation in trade promotion, market expansion "
                "and value chains. Ensure women's equal access to economic resources (land, "
                "credit, market information, science and technology, policies); give priority to "
                "helping poor women and women in difficult circumstances borrow to develop "
                "production and improve their livelihoods.",
            ),
        ),
        Task(
            code="II.2.2.3",
            goal="2",
            text=LocalizedText(
                vi="Quan tâm hỗ trợ đối với các doanh nghiệp vừa và nhỏ do nữ làm chủ; các doanh "
                "nghiệp thu hút, sử dụng nhiều lao động nữ, các làng nghề, các hộ sản xuất; tập "
                "trung nguồn vốn nhiều hơn cho các khu vực có đất nông nghiệp chuyển đổi mục đích "
                "sử dụng.",
                en="Support small and medium-sized enterprises owned by women; enterprises that "
                "attract and employ many women workers, craft villages and production "
                "households; concentrate more funds on areas whose agricultural land has been "
                "converted to other uses.",
            ),
        ),
        Task(
            code="II.2.2.4",
            goal="2",
            text=LocalizedText(
                vi="Tăng cường thanh tra, kiểm tra việc thực hiện các chính sách bảo đảm, thúc "
                "đẩy bình đẳng giới trong kinh tế, lao động, việc làm; việc thực thi các chính "
                "sách đối với lao động nữ trong các doanh nghiệp, cơ sở sản xuất, kinh doanh, "
                "dịch vụ trên địa bàn xã.",
                en="Strengthen inspection and checking of the policies that ensure and promote "
                "gender equality in the economy, labour and employment, and of the enforcement of "
                "policies for women workers in enterprises and in production, business and "
                "service establishments in the commune.",
            ),
        ),
    )


def _family_tasks() -> tuple[Task, ...]:
    """II.2.3: tasks in family life and gender-based violence (goal 3)."""
    return (
        Task(
            code="II.2.3.1",
            goal="3",
            text=LocalizedText(
                vi="Đẩy mạnh công tác tuyên truyền, phổ biến các chủ trương, đường lối của Đảng, "
                "chính sách, pháp luật của Nhà nước về công tác gia đình và phòng, chống bạo lực "
                "gia đình, bạo lực trên cơ sở giới; giáo dục đạo đức, lối sống trong gia đình; "
                "nâng cao nhận thức, trách nhiệm về đảm bảo bình đẳng giới trong gia đình và "
                "phòng ngừa, ứng phó với bạo lực trên cơ sở giới cho cấp ủy đảng, chính quyền, "
                "nhân dân; đồng thời phê phán, lên án các hành vi bạo lực gia đình, bạo lực trên "
                "cơ sở giới. Hàng năm, tổ chức các chiến dịch, sự kiện tuyên truyền vận động về "
                "phòng, chống bạo lực gia đình, tập trung cao điểm vào các dịp kỷ niệm các ngày "
                "Quốc tế hạnh phúc (20/3), ngày gia đình Việt Nam (28/6) và ngày thế giới phòng "
                "chống bạo lực đối với phụ nữ (25/11).",
                en="Step up publicity and dissemination of the Party's guidelines and the "
                "State's policies and laws on family affairs and on preventing domestic and "
                "gender-based violence; teach ethics and lifestyle in the family; raise the "
                "awareness and responsibility of Party committees, authorities and people for "
                "gender equality in the family and for preventing and responding to "
                "gender-based violence; at the same time criticise and condemn acts of domestic "
                "and gender-based violence. Every year, organise campaigns and publicity events "
                "against domestic violence, peaking around the International Day of Happiness "
                "(20 March), Vietnamese Family Day (28 June) and the world day against violence "
                "against women (25 November).",
            ),
            # IV.1 duty 4: the office "Chủ trì" publicity on ethics and lifestyle in the family:
            # lead.
            links=[
                TaskLink(
                    unit=CULTURE_SOCIETY,
                    role=Role.LEAD,
                    evidence=LocalizedText(
                        vi="Chủ trì, hướng dẫn triển khai công tác tuyên truyền giáo dục, đạo đức, "
                        "lối sống trong gia đình",
                        en="Lead and guide publicity on education, ethics and lifestyle in the "
                        "family",
                    ),
                    where="IV.1, duty 4",
                ),
            ],
            events=[HAPPINESS_DAY, FAMILY_DAY, EVAW_DAY],
        ),
        Task(
            code="II.2.3.2",
            goal="3",
            text=LocalizedText(
                vi="Hàng năm tổ chức phát động Tháng hành động vì bình đẳng giới và phòng ngừa, "
                "ứng phó với bạo lực trên cơ sở giới (từ ngày 15/11 đến ngày 15/12) bảo đảm thiết "
                "thực, hiệu quả, phù hợp với tình hình thực tế của địa phương.",
                en="Every year, launch the Action Month for gender equality and the prevention "
                "of and response to gender-based violence (15 November to 15 December) in a "
                "practical, effective way suited to local conditions.",
            ),
            # Second look: IV.1 duty 1 says "Tham mưu" (advise) on the Action Month's plan, not
            # "chủ trì": the office advises (an earlier reading made it lead). IV.2 duty 2: the
            # Public Service Centre reports on the month's activities, with no role word.
            links=[
                TaskLink(
                    unit=CULTURE_SOCIETY,
                    role=Role.ADVISE,
                    evidence=ADVISE_ACTION_MONTH,
                    where="IV.1, duty 1",
                ),
                TaskLink(
                    unit=PUBLIC_SERVICE_CENTRE,
                    evidence=NEWS_ACTION_MONTH,
                    where="IV.2, duty 2",
                ),
            ],
            events=[ACTION_MONTH],
        ),
        Task(
            code="II.2.3.3",
            goal="3",
            text=LocalizedText(
                vi="Tiếp tục triển khai các chương trình, kế hoạch về phòng, chống bạo lực gia "
                "đình đến năm 2030.",
                en="Continue carrying out the programmes and plans on preventing domestic "
                "violence to 2030.",
            ),
        ),
        Task(
            code="II.2.3.4",
            goal="3",
            # The paragraph ends with ";" in the source; kept.
            text=LocalizedText(
                vi="Đẩy mạnh xây dựng gia đình văn hóa gắn với thúc đẩy bình đẳng giới trong gia "
                "đình;",
                en="Promote building cultured families together with promoting gender equality "
                "in the family;",
            ),
            # IV.1 duty 4: the office "Chủ trì" building families that practise gender equality:
            # lead.
            links=[
                TaskLink(
                    unit=CULTURE_SOCIETY,
                    role=Role.LEAD,
                    evidence=LocalizedText(
                        vi="Chủ trì, hướng dẫn triển khai công tác tuyên truyền giáo dục, đạo đức, "
                        "lối sống trong gia đình; Bộ tiêu chí ứng xử trong gia đình; xây dựng gia "
                        "đình no ấm, tiến bộ, hạnh phúc, thực hiện bình đẳng giới trong gia đình",
                        en="Lead and guide publicity on education, ethics and lifestyle in the "
                        "family; the Set of criteria for conduct in the family; building "
                        "prosperous, progressive and happy families, gender equality in the "
                        "family",
                    ),
                    where="IV.1, duty 4",
                ),
            ],
        ),
        Task(
            code="II.2.3.5",
            goal="3",
            text=LocalizedText(
                vi="Tiếp tục duy trì và nhân rộng các mô hình về phòng, chống bạo lực gia đình, "
                "bạo lực trên cơ sở giới phù hợp với điều kiện thực tế theo hướng tăng đối tượng "
                "tham gia, tăng lợi ích các dịch vụ, đảm bảo tính sẵn sàng hỗ trợ các nhóm đối "
                "tượng liên quan khi có nhu cầu được trợ giúp.",
                en="Keep up and replicate models for preventing domestic and gender-based "
                "violence suited to actual conditions, reaching more participants, increasing "
                "the benefit of the services and keeping support ready for the groups concerned "
                "when they need help.",
            ),
        ),
        Task(
            code="II.2.3.6",
            goal="3",
            text=LocalizedText(
                vi="Đẩy mạnh các hoạt động phòng ngừa, phát hiện và xử nghiêm các hành vi bạo "
                "lực gia đình, bạo lực trên cơ sở giới. Thực hiện việc hỗ trợ, can thiệp cho nạn "
                "nhân bị bạo lực gia đình, bạo lực trên cơ sở giới tại các cơ sở y tế; hỗ trợ nạn "
                "nhân bị mua bán trở về theo quy định. Phổ biến rộng rãi thông tin về hệ thống "
                "các cơ quan, tổ chức, đơn vị cung cấp dịch vụ hỗ trợ cho nạn nhân.",
                en="Step up the prevention, detection and strict handling of acts of domestic "
                "and gender-based violence. Support and intervene for victims of domestic and "
                "gender-based violence at health facilities; support returning victims of "
                "trafficking as regulated. Widely publicise the agencies, organisations and "
                "units that provide support services to victims.",
            ),
            # Second look: each unit's duty on support for victims says "phối hợp": IV.4 duty 3
            # (health station, and the task's "tại các cơ sở y tế"), IV.2 duty 3 (Public Service
            # Centre), IV.6 duty 2 (police). No duty says "chủ trì": the task has no lead. IV.7
            # duty 2 asks the Front to help support and counsel victims ("tham vấn" is counselling,
            # not "tham mưu"): linked without a role.
            links=[
                TaskLink(
                    unit=HEALTH_STATION,
                    role=Role.COORDINATE,
                    evidence=LocalizedText(
                        vi="Tăng cường công tác phối hợp với các cơ quan, đơn vị liên quan kịp thời "
                        "phòng ngừa, phát hiện, triển khai các hoạt động can thiệp, hỗ trợ các nạn "
                        "nhân bị xâm hại, bạo lực, mua bán",
                        en="Work more closely with the agencies and units concerned to prevent "
                        "and detect in time, and to intervene for and support victims of abuse, "
                        "violence and trafficking",
                    ),
                    where="IV.4, duty 3",
                ),
                TaskLink(
                    unit=PUBLIC_SERVICE_CENTRE,
                    role=Role.COORDINATE,
                    evidence=LocalizedText(
                        vi="Phối hợp triển khai các hoạt động can thiệp, hỗ trợ nạn nhân bị bạo lực "
                        "gia đình",
                        en="Help carry out intervention and support for victims of domestic "
                        "violence",
                    ),
                    where="IV.2, duty 3",
                ),
                TaskLink(
                    unit=POLICE,
                    role=Role.COORDINATE,
                    evidence=LocalizedText(
                        vi="Phối hợp chặt chẽ giữa các cơ quan, đơn vị có liên quan trong việc chỉ "
                        "đạo tăng cường kiểm tra, can thiệp, xử lý kịp thời, nghiêm minh các hành "
                        "vi bạo lực đối với phụ nữ và trẻ em",
                        en="Work closely with the agencies and units concerned in directing "
                        "stronger checks and timely, strict intervention against and handling of "
                        "acts of violence against women and children",
                    ),
                    where="IV.6, duty 2",
                ),
                TaskLink(
                    unit=FRONT,
                    evidence=LocalizedText(
                        vi="tham gia hỗ trợ, tham vấn phụ nữ, trẻ em là nạn nhân của các vụ việc "
                        "bạo lực, xâm hại",
                        en="help support and counsel women and children who are victims of "
                        "violence and abuse",
                    ),
                    where="IV.7, duty 2",
                ),
            ],
        ),
    )


def _health_tasks() -> tuple[Task, ...]:
    """II.2.4: tasks in health (goal 4)."""
    return (
        Task(
            code="II.2.4.1",
            goal="4",
            text=LocalizedText(
                vi="Đẩy mạnh phát triển nguồn nhân lực y tế cả về số lượng, chất lượng, tăng "
                "cường nhân lực y tế, tăng khả năng tiếp cận dịch vụ sinh sản có chất lượng.",
                en="Develop health human resources in both number and quality, strengthen the "
                "health workforce and improve access to quality reproductive services.",
            ),
            # Second look: no duty restates developing the health workforce, and the task names no
            # institution; only its last clause (access to reproductive services) is restated, by
            # IV.4 duty 2. Linked on that clause, without a role (an earlier reading made the
            # health station lead the whole task).
            links=[
                TaskLink(
                    unit=HEALTH_STATION,
                    evidence=LocalizedText(
                        vi="chăm sóc sức khỏe sinh sản cho phụ nữ, thanh niên, vị thành niên",
                        en="reproductive health care for women, young people and adolescents",
                    ),
                    where="IV.4, duty 2",
                ),
            ],
        ),
        Task(
            code="II.2.4.2",
            goal="4",
            text=LocalizedText(
                vi="Kiểm soát chặt chẽ, xử lý nghiêm các cơ sở y tế tư nhân, phòng khám, siêu âm "
                "chẩn đoán thai nhi vì mục đích lựa chọn giới tính; tuyên truyền nâng cao nhận "
                "thức của người dân nhằm xóa bỏ tư tưởng định kiến giới, phân biệt đối xử về giới "
                "nhằm giảm thiểu các hệ lụy xã hội do mất cân bằng giới tính.",
                en="Strictly control and severely punish private health facilities, clinics and "
                "ultrasound services that diagnose the sex of the foetus for sex selection; "
                "raise people's awareness to remove gender prejudice and gender discrimination "
                "and reduce the social consequences of the sex imbalance.",
            ),
            # Second look: IV.1 duty 3 says the office "phối hợp" (coordinates) on the sex
            # imbalance at birth, not "chủ trì": coordinate (an earlier reading made it lead).
            # IV.4 duty 1: the health station's advocacy against foetal sex selection, with no
            # role word.
            links=[
                TaskLink(
                    unit=CULTURE_SOCIETY,
                    role=Role.COORDINATE,
                    evidence=LocalizedText(
                        vi="chủ động phối hợp với các phòng, ban, ngành liên quan tại địa phương "
                        "trong công tác quản lý, giám sát nhằm khắc phục tình trạng mất cân bằng "
                        "giới tính khi sinh",
                        en="proactively work with the offices, boards and sectors concerned in "
                        "the locality on management and supervision to remedy the sex imbalance "
                        "at birth",
                    ),
                    where="IV.1, duty 3",
                ),
                TaskLink(
                    unit=HEALTH_STATION,
                    evidence=LocalizedText(
                        vi="tích cực vận động thay đổi hành vi của toàn xã hội đối với vấn đề lựa "
                        "chọn giới tính thai nhi",
                        en="actively advocate for the whole of society to change its behaviour "
                        "on foetal sex selection",
                    ),
                    where="IV.4, duty 1",
                ),
            ],
        ),
        Task(
            code="II.2.4.3",
            goal="4",
            text=LocalizedText(
                vi="Đẩy mạnh tuyên truyền, vận động nam giới tham gia thực hiện các biện pháp kế "
                "hoạch hóa gia đình; mở rộng các hoạt động truyền thông về sức khỏe sinh sản, sức "
                "khỏe tình dục và tránh thai an toàn đối với người chưa thành niên và các cặp vợ "
                "chồng trong độ tuổi sinh đẻ; cung cấp dịch vụ chăm sóc sức khỏe sinh sản - kế "
                "hoạch hóa gia đình linh hoạt, phù hợp và dễ tiếp cận.",
                en="Step up publicity and advocacy for men to take part in family planning; "
                "widen communication on reproductive health, sexual health and safe "
                "contraception for minors and for couples of reproductive age; provide flexible, "
                "suitable and accessible reproductive health and family planning services.",
            ),
            # IV.4 duty 2 (reproductive health care) and IV.1 duty 3 (publicity on reproductive
            # health and family planning) restate parts of the task; neither says "chủ trì" or
            # "phối hợp": no roles (an earlier reading made the health station lead).
            links=[
                TaskLink(
                    unit=HEALTH_STATION,
                    evidence=LocalizedText(
                        vi="chăm sóc sức khỏe sinh sản cho phụ nữ, thanh niên, vị thành niên",
                        en="reproductive health care for women, young people and adolescents",
                    ),
                    where="IV.4, duty 2",
                ),
                TaskLink(
                    unit=CULTURE_SOCIETY,
                    evidence=LocalizedText(
                        vi="đẩy mạnh công tác tuyên truyền, nâng cao nhận thức của người dân về sức "
                        "khỏe sinh sản - kế hoạch hóa gia đình",
                        en="step up publicity and raise people's awareness of reproductive health "
                        "and family planning",
                    ),
                    where="IV.1, duty 3",
                ),
            ],
        ),
        Task(
            code="II.2.4.4",
            goal="4",
            text=LocalizedText(
                vi="Thực hiện lồng ghép giới trong các chính sách, chương trình, kế hoạch về "
                "chăm sóc sức khỏe cho nhân dân của ngành y tế.",
                en="Mainstream gender in the health sector's policies, programmes and plans for "
                "the people's health care.",
            ),
            # IV.1 duty 3: the office mainstreams gender in the health sector's plans, with no role
            # word; "của ngành y tế" names the health station's sector. No roles.
            links=[
                TaskLink(
                    unit=CULTURE_SOCIETY,
                    evidence=LocalizedText(
                        vi="Lồng ghép nội dung bình đẳng giới trong xây dựng và tổ chức thực hiện "
                        "các chương trình, dự án, đề án và kế hoạch hoạt động của ngành Y tế",
                        en="Mainstream gender equality in designing and carrying out the health "
                        "sector's programmes, projects, schemes and work plans",
                    ),
                    where="IV.1, duty 3",
                ),
                TaskLink(
                    unit=HEALTH_STATION,
                    evidence=LocalizedText(
                        vi="chăm sóc sức khỏe cho nhân dân của ngành y tế",
                        en="the health sector's people's health care",
                    ),
                    where="II.2.4.4",
                ),
            ],
        ),
    )


def _education_tasks() -> tuple[Task, ...]:
    """II.2.5: tasks in education and training (goal 5)."""
    return (
        Task(
            code="II.2.5.1",
            goal="5",
            text=LocalizedText(
                vi="Tăng cường sự phối hợp giữa gia đình - nhà trường - các tổ chức xã hội và "
                "cộng đồng; xây dựng mối quan hệ giữa nhà trường và cộng đồng xã hội trong việc "
                "tham gia làm chuyển biến chất lượng, phát triển giáo dục.",
                en="Strengthen coordination between family, school, social organisations and "
                "the community; build the relationship between schools and the wider community "
                "so that they help improve the quality and development of education.",
            ),
            # "nhà trường" names the schools; section IV restates nothing of it: no role.
            links=[
                TaskLink(
                    unit=SCHOOLS,
                    evidence=LocalizedText(
                        vi="xây dựng mối quan hệ giữa nhà trường và cộng đồng xã hội",
                        en="build the relationship between schools and the wider community",
                    ),
                    where="II.2.5.1",
                ),
            ],
        ),
        Task(
            code="II.2.5.2",
            goal="5",
            # "người khuyết tật, Triển khai": a comma where a full stop was meant; kept.
            text=LocalizedText(
                vi="Huy động toàn xã hội chăm lo sự nghiệp phát triển giáo dục và đào tạo, bảo "
                "đảm công bằng xã hội trong giáo dục và đào tạo; thực hiện các chính sách ưu tiên "
                "đối với các đối tượng khó khăn, đặc biệt là các đối tượng chính sách, người "
                "nghèo, người khuyết tật, Triển khai đầy đủ, kịp thời chính sách hỗ trợ học phí "
                "cho học sinh từ bậc Mầm non đến Trung học cơ sở trên địa bàn xã Lai Khê theo quy "
                "định tại Nghị quyết số 28/2025/NQ-HĐND ngày 13/11/2025 của Hội đồng nhân dân "
                "thành phố.",
                en="Mobilise the whole of society to care for the development of education and "
                "training and ensure social equity in education and training; carry out the "
                "priority policies for disadvantaged groups, above all policy beneficiaries, "
                "poor people and people with disabilities. Fully and promptly implement the "
                "tuition support policy for pupils from pre-school to lower secondary school in "
                "Lai Khê commune under Resolution No. 28/2025/NQ-HĐND of 13 November 2025 of the "
                "City People's Council.",
            ),
        ),
        Task(
            code="II.2.5.3",
            goal="5",
            text=LocalizedText(
                vi="Khuyến khích, tạo điều kiện cho cán bộ nữ tham gia các chương trình đào tạo "
                "sau đại học, đào tạo, bồi dưỡng lý luận chính trị. Đưa nội dung về giới, lồng "
                "ghép nội dung về giới trong các bài giảng tại các cơ sở giáo dục.",
                en="Encourage and enable women cadres to take part in postgraduate programmes "
                "and in training and refresher courses in political theory. Bring gender content "
                "into, and mainstream it in, lessons at educational institutions.",
            ),
            # "tại các cơ sở giáo dục": the schools do the second part; no role is stated.
            links=[
                TaskLink(
                    unit=SCHOOLS,
                    evidence=LocalizedText(
                        vi="lồng ghép nội dung về giới trong các bài giảng tại các cơ sở giáo dục",
                        en="mainstream gender content in lessons at educational institutions",
                    ),
                    where="II.2.5.3",
                ),
            ],
        ),
    )


def _communication_tasks() -> tuple[Task, ...]:
    """II.2.6: tasks in information and communication (goal 6)."""
    return (
        Task(
            code="II.2.6.1",
            goal="6",
            text=LocalizedText(
                vi="Các cấp ủy Đảng, chính quyền, cơ quan, đơn vị, đoàn thể tăng cường các hoạt "
                "động quán triệt, phổ biến, tuyên truyền các nội dung về bình đẳng giới cho cán "
                "bộ, công chức, viên chức, người lao động và Nhân dân.",
                en="Party committees at all levels, authorities, agencies, units and mass "
                "organisations step up activities to instil, disseminate and publicise "
                "gender-equality content among cadres, civil servants, public employees, "
                "workers and the people.",
            ),
            # "đoàn thể" are among those named; IV.7 duty 1 asks the Front for the same publicity.
            # Its "phối hợp" governs the Plan's objectives as a whole, not this publicity: no role.
            links=[
                TaskLink(
                    unit=FRONT,
                    evidence=LocalizedText(
                        vi="tăng cường công tác tuyên truyền, giáo dục nhằm nâng cao nhận thức của "
                        "Nhân dân về bình đẳng giới",
                        en="step up publicity and education to raise the people's awareness of "
                        "gender equality",
                    ),
                    where="IV.7, duty 1",
                ),
            ],
        ),
        Task(
            code="II.2.6.2",
            goal="6",
            text=LocalizedText(
                vi="Tăng cường công tác tuyên truyền về bình đẳng giới trên các phương tiện thông "
                "tin đại chúng với các hình thức đa dạng, phong phú, linh hoạt, phù hợp với địa "
                "phương. Cập nhật các chủ trương, chính sách, pháp luật của Đảng, Nhà nước về bình "
                "đẳng giới và vì sự tiến bộ của phụ nữ để tuyên truyền nhằm nâng cao nhận thức về "
                "giới, bình đẳng giới, phòng ngừa ứng phó với bạo lực trên cơ sở giới góp phần "
                "xóa bỏ các quan niệm, tư tưởng lạc hậu, định kiến giới. Đề cao vai trò của nam và "
                "nữ trong gia đình và xã hội.",
                en="Step up publicity on gender equality in the mass media in diverse, rich and "
                "flexible forms suited to the locality. Keep up to date with the Party's and the "
                "State's guidelines, policies and laws on gender equality and the advancement of "
                "women and publicise them to raise awareness of gender, gender equality and the "
                "prevention of and response to gender-based violence, helping to remove outdated "
                "ideas and gender stereotypes. Emphasise the roles of men and women in the family "
                "and society.",
            ),
            # IV.2 duty 1: the Public Service Centre's publicity (target 6.3 names it too), with no
            # role word: no role (an earlier reading made it lead).
            links=[
                TaskLink(
                    unit=PUBLIC_SERVICE_CENTRE,
                    evidence=LocalizedText(
                        vi="Tăng cường tuyên truyền chính sách pháp luật liên quan đến bình đẳng "
                        "giới",
                        en="Step up publicity of the policy and law on gender equality",
                    ),
                    where="IV.2, duty 1",
                ),
            ],
        ),
    )


# --- III. KINH PHÍ THỰC HIỆN ----------------------------------------------------------------


def _funding() -> tuple[FundingSource, ...]:
    """III: each "-" paragraph is one source."""
    return (
        # "các sở, ngành ... và các địa phương": wording taken over from a city-level plan.
        FundingSource(
            code="state-budget",
            description=LocalizedText(
                vi="Ngân sách nhà nước bố trí trong dự toán hàng năm của các sở, ngành, đoàn thể "
                "và các địa phương; các chương trình mục tiêu quốc gia, các chương trình, dự án, "
                "đề án liên quan khác theo quy định của pháp luật về ngân sách nhà nước.",
                en="The state budget allocated in the annual estimates of departments, sectors, "
                "mass organisations and localities; national target programmes and other related "
                "programmes, projects and schemes, under the law on the state budget.",
            ),
        ),
        FundingSource(
            code="sponsorship-and-other",
            description=LocalizedText(
                vi="Nguồn tài trợ, viện trợ của các tổ chức, cá nhân trong và ngoài nước theo "
                "quy định của pháp luật và huy động từ cộng đồng, các nguồn hợp pháp khác (nếu "
                "có).",
                en="Sponsorship and aid from domestic and foreign organisations and individuals "
                "under the law, funds mobilised from the community, and other lawful sources (if "
                "any).",
            ),
        ),
    )


# --- IV. TỔ CHỨC THỰC HIỆN --------------------------------------------------------------------


def _units() -> tuple[ResponsibleUnit, ...]:
    """IV: the seven units; each "-" paragraph is one duty, verbatim."""
    return (
        ResponsibleUnit(
            code=CULTURE_SOCIETY,
            # The heading's final "." is dropped; the closing paragraph spells it "Phòng Văn hóa-
            # xã hội xã". The office is the focal point: it advises, compiles and reports (duty 5)
            # and the closing paragraph routes questions through it.
            name=LocalizedText(
                vi="Phòng Văn hóa-xã hội xã", en="Commune Culture and Society Office"
            ),
            focal_point=True,
            duties=[
                # "Tham mưu Ủy ban nhân dân thành phố": in a commune plan this can only mean the
                # commune's People's Committee; the wording is taken over from the city's plan.
                # Kept verbatim, translated literally.
                LocalizedText(
                    vi="Tham mưu Ủy ban nhân dân thành phố triển khai Kế hoạch thực hiện công tác "
                    "bình đẳng giới; Kế hoạch triển khai Tháng hành động vì bình đẳng giới và "
                    "phòng ngừa, ứng phó với bạo lực trên cơ sở giới.",
                    en="Advise the City People's Committee on carrying out the Plan for "
                    "gender-equality work and the Plan for the Action Month for gender equality "
                    "and the prevention of and response to gender-based violence.",
                ),
                # Quotes the Decision's title as "lãnh đạo, quản lý" (II.2.1: "lãnh đạo và quản
                # lý"); kept as written.
                LocalizedText(
                    vi="Tiếp tục triển khai thực hiện Quyết định số 2282/QĐ-TTg ngày 31/12/2020 "
                    "của Thủ tướng Chính phủ về phê duyệt Chương trình “Tăng cường sự tham gia "
                    "bình đẳng của phụ nữ trong các vị trí lãnh đạo, quản lý ở các cấp hoạch định "
                    "chính sách giai đoạn 2021 - 2030”.",
                    en="Continue implementing the Prime Minister's Decision No. 2282/QĐ-TTg of 31 "
                    "December 2020 approving the Programme “Increasing women's equal "
                    "participation in leadership and management positions at policy-making "
                    "levels, 2021-2030”.",
                ),
                # The paragraph has no final full stop in the source; kept.
                LocalizedText(
                    vi="Lồng ghép nội dung bình đẳng giới trong xây dựng và tổ chức thực hiện các "
                    "chương trình, dự án, đề án và kế hoạch hoạt động của ngành Y tế; phối hợp tổ "
                    "chức thực hiện Đề án kiểm soát mất cân bằng giới tính khi sinh giai đoạn "
                    "2026 - 2030; chủ động phối hợp với các phòng, ban, ngành liên quan tại địa "
                    "phương trong công tác quản lý, giám sát nhằm khắc phục tình trạng mất cân "
                    "bằng giới tính khi sinh, nạo phá thai không an toàn, tỷ lệ tử vong mẹ liên "
                    "quan đến thai sản và tình trạng sinh con ở vị thành niên. Đồng thời, đẩy mạnh "
                    "công tác tuyên truyền, nâng cao nhận thức của người dân về sức khỏe sinh sản "
                    "- kế hoạch hóa gia đình",
                    en="Mainstream gender equality in designing and carrying out the health "
                    "sector's programmes, projects, schemes and work plans; help carry out the "
                    "Scheme to control the sex imbalance at birth 2026-2030; proactively work with "
                    "the offices, boards and sectors concerned in the locality on management and "
                    "supervision to remedy the sex imbalance at birth, unsafe abortion, "
                    "pregnancy-related maternal mortality and adolescent childbearing. At the "
                    "same time, step up publicity and raise people's awareness of reproductive "
                    "health and family planning.",
                ),
                # The source breaks this paragraph after "gần phong"; the lines are joined.
                # "gần phong trào" is read as a misprint of "gắn (với) phong trào" (linked with
                # the movement); "văn hoá" is the old tone placement of "văn hóa". Both kept.
                LocalizedText(
                    vi="Chủ trì, hướng dẫn triển khai công tác tuyên truyền giáo dục, đạo đức, lối "
                    "sống trong gia đình; Bộ tiêu chí ứng xử trong gia đình; xây dựng gia đình no "
                    "ấm, tiến bộ, hạnh phúc, thực hiện bình đẳng giới trong gia đình, phòng, chống "
                    "bạo lực gia đình gần phong trào “Toàn dân đoàn kết xây dựng đời sống văn "
                    "hoá” và xây dựng nông thôn mới.",
                    en="Lead and guide publicity on education, ethics and lifestyle in the family; "
                    "the Set of criteria for conduct in the family; building prosperous, "
                    "progressive and happy families, gender equality in the family and the "
                    "prevention of domestic violence, linked with the movement “All people unite "
                    "to build a cultured life” and with building new countryside.",
                ),
                # "báo cáo kết quả về Ủy ban nhân dân thành phố, Bộ Nội vụ": as duty 1, taken over
                # from the city's plan (a commune reports to the city, not to the Ministry).
                LocalizedText(
                    vi="Phối hợp hướng dẫn, kiểm tra, tổng hợp tình hình thực hiện Kế hoạch và báo "
                    "cáo kết quả về Ủy ban nhân dân thành phố, Bộ Nội vụ; tham mưu việc tổ chức sơ "
                    "kết, tổng kết thực hiện Kế hoạch theo quy định.",
                    en="Help guide and check the Plan's implementation, compile how it is going "
                    "and report the results to the City People's Committee and the Ministry of "
                    "Home Affairs; advise on holding the mid-term and final reviews of the Plan "
                    "as regulated.",
                ),
            ],
        ),
        ResponsibleUnit(
            code=PUBLIC_SERVICE_CENTRE,
            name=LocalizedText(
                vi="Trung tâm dịch vụ sự nghiệp công xã", en="Commune Public Service Centre"
            ),
            duties=[
                LocalizedText(
                    vi="Tăng cường tuyên truyền chính sách pháp luật liên quan đến bình đẳng giới "
                    "và phòng ngừa, ứng phó với bạo lực trên cơ sở giới.",
                    en="Step up publicity of the policy and law on gender equality and on the "
                    "prevention of and response to gender-based violence.",
                ),
                # No final full stop in the source; kept.
                LocalizedText(
                    vi="Đăng tin các gương điển hình tiên tiến thực hiện tốt về bình đẳng giới và "
                    "phòng ngừa, ứng phó với bạo lực trên cơ sở giới, phê phán lên án những hành "
                    "vi bạo lực đối với phụ nữ và trẻ em; xây dựng các chuyên mục và đưa tin về "
                    "chủ đề, thông điệp, các hoạt động trong tháng hành động. Theo dõi và rà soát "
                    "các thông tin về bình đẳng giới trên báo chí, xuất bản phẩm, sản phẩm thông "
                    "tin có nội dung định kiến giới",
                    en="Publish outstanding examples of good practice in gender equality and in "
                    "preventing and responding to gender-based violence, and criticise and "
                    "condemn acts of violence against women and children; build columns and "
                    "report on the theme, messages and activities of the Action Month. Monitor "
                    "and review information on gender equality in the press, publications and "
                    "information products with gender-stereotyped content.",
                ),
                LocalizedText(
                    vi="Phối hợp triển khai các hoạt động can thiệp, hỗ trợ nạn nhân bị bạo lực "
                    "gia đình và các hoạt động phòng ngừa bạo lực gia đình trên địa bàn xã.",
                    en="Help carry out intervention and support for victims of domestic violence "
                    "and activities to prevent domestic violence in the commune.",
                ),
            ],
        ),
        ResponsibleUnit(
            code=SCHOOLS,
            name=LocalizedText(
                vi="Các trường học trên địa bàn xã", en="Schools in the commune"
            ),
            duties=[
                LocalizedText(
                    vi="Triển khai thực hiện các quy định về môi trường giáo dục an toàn, lành "
                    "mạnh, thân thiện; phòng chống bạo lực học đường; phòng ngừa bạo lực trẻ em, "
                    "bình đẳng giới trên không gian mạng, xây dựng văn hóa ứng xử trường học; quán "
                    "triệt thực hiện các quy định về hành vi ứng xử của giáo viên, nhân viên và "
                    "học sinh có liên quan đến phòng chống xâm hại, bạo lực, bình đẳng giới theo "
                    "các quy định hiện hành.",
                    en="Apply the rules on a safe, healthy and friendly educational environment; "
                    "prevent school violence; prevent violence against children and promote "
                    "gender equality online; build a culture of conduct in schools; make sure the "
                    "rules on the conduct of teachers, staff and pupils concerning abuse, "
                    "violence and gender equality are understood and applied, as currently "
                    "regulated.",
                ),
                # No final full stop in the source; kept.
                LocalizedText(
                    vi="Đẩy mạnh công tác tuyên truyền, tổ chức các hoạt động hưởng ứng bình đẳng "
                    "giới một cách sáng tạo, linh hoạt, hiệu quả, phù hợp với điều kiện thực tế "
                    "của trường; hướng dẫn kiến thức, kỹ năng về bảo đảm an toàn thông tin, tham "
                    "gia môi trường mạng an toàn cho học sinh tại các trường học trên địa bàn xã",
                    en="Step up publicity and organise activities in support of gender equality "
                    "in creative, flexible and effective ways suited to each school's "
                    "conditions; teach pupils at the commune's schools the knowledge and skills "
                    "to keep their information safe and to take part safely in the online "
                    "environment.",
                ),
            ],
        ),
        ResponsibleUnit(
            code=HEALTH_STATION,
            name=LocalizedText(vi="Trạm Y tế", en="Commune Health Station"),
            duties=[
                LocalizedText(
                    vi="Tăng cường các hoạt động truyền thông nâng cao nhận thức về giới, bình "
                    "đẳng giới, phòng chống bạo lực trên cơ sở giới, đồng thời tích cực vận động "
                    "thay đổi hành vi của toàn xã hội đối với vấn đề lựa chọn giới tính thai nhi.",
                    en="Step up communication to raise awareness of gender, gender equality and "
                    "the prevention of gender-based violence, and actively advocate for the whole "
                    "of society to change its behaviour on foetal sex selection.",
                ),
                LocalizedText(
                    vi="Chấp hành nghiêm các quy định của pháp luật trong việc chăm sóc sức khỏe "
                    "sinh sản cho phụ nữ, thanh niên, vị thành niên; thực hiện chính sách nhằm hỗ "
                    "trợ, nâng cao vai trò, vị thế của phụ nữ và trẻ em gái trong gia đình, cộng "
                    "đồng và xã hội.",
                    en="Strictly comply with the law on reproductive health care for women, young "
                    "people and adolescents; carry out policies that support and raise the role "
                    "and position of women and girls in the family, the community and society.",
                ),
                LocalizedText(
                    vi="Tăng cường công tác phối hợp với các cơ quan, đơn vị liên quan kịp thời "
                    "phòng ngừa, phát hiện, triển khai các hoạt động can thiệp, hỗ trợ các nạn "
                    "nhân bị xâm hại, bạo lực, mua bán.",
                    en="Work more closely with the agencies and units concerned to prevent and "
                    "detect in time, and to intervene for and support victims of abuse, violence "
                    "and trafficking.",
                ),
            ],
        ),
        ResponsibleUnit(
            code=ECONOMIC_OFFICE,
            name=LocalizedText(vi="Phòng kinh tế", en="Commune Economic Office"),
            duties=[
                LocalizedText(
                    vi="Chủ trì, phối hợp với các phòng, ban liên quan lồng ghép các mục tiêu, chỉ "
                    "tiêu về bình đẳng giới vào kế hoạch phát triển kinh tế - xã hội của xã.",
                    en="Lead, with the offices and boards concerned, the mainstreaming of "
                    "gender-equality objectives and targets into the commune's socio-economic "
                    "development plan.",
                ),
                LocalizedText(
                    vi="Bố trí kinh phí để triển khai các hoạt động về bình đẳng giới; hướng dẫn "
                    "lập dự toán kinh phí tổ chức các hoạt động về bình đẳng giới trên địa bàn đảm "
                    "bảo theo quy định.",
                    en="Allocate funds for gender-equality activities; guide the preparation of "
                    "budget estimates for gender-equality activities in the commune as "
                    "regulated.",
                ),
            ],
        ),
        ResponsibleUnit(
            code=POLICE,
            name=LocalizedText(vi="Công an xã", en="Commune Police"),
            duties=[
                # "xây dựng thành phố an toàn": as in IV.1, wording of the city's plan; kept.
                LocalizedText(
                    vi="Triển khai thực hiện các hoạt động phòng, chống tội phạm buôn bán người, "
                    "xâm hại tình dục đối với phụ nữ và trẻ em; triển khai các hoạt động nhằm xây "
                    "dựng thành phố an toàn và thân thiện đối với phụ nữ và trẻ em.",
                    en="Carry out activities against human trafficking and the sexual abuse of "
                    "women and children; carry out activities to build a city that is safe and "
                    "friendly for women and children.",
                ),
                LocalizedText(
                    vi="Phối hợp chặt chẽ giữa các cơ quan, đơn vị có liên quan trong việc chỉ đạo "
                    "tăng cường kiểm tra, can thiệp, xử lý kịp thời, nghiêm minh các hành vi bạo "
                    "lực đối với phụ nữ và trẻ em, bạo lực trên cơ sở giới theo quy định.",
                    en="Work closely with the agencies and units concerned in directing stronger "
                    "checks and timely, strict intervention against and handling of acts of "
                    "violence against women and children and of gender-based violence, as "
                    "regulated.",
                ),
            ],
        ),
        ResponsibleUnit(
            code=FRONT,
            # "Đề nghị ...": the committee asks bodies outside its authority; the word itself is
            # the assignment, not part of the name.
            name=LocalizedText(
                vi="Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội",
                en="Commune Committee of the Vietnam Fatherland Front and the socio-political "
                "organisations",
            ),
            assignment=Assignment.REQUESTED,
            duties=[
                LocalizedText(
                    vi="Căn cứ chức năng, nhiệm vụ, phối hợp với các phòng, ban, ngành liên quan "
                    "triển khai thực hiện các mục tiêu, chỉ tiêu của Kế hoạch; tăng cường công tác "
                    "tuyên truyền, giáo dục nhằm nâng cao nhận thức của Nhân dân về bình đẳng "
                    "giới; tổ chức giám sát việc thực hiện Kế hoạch, chính sách, pháp luật về bình "
                    "đẳng giới và việc thực hiện các chế độ, chính sách đối với lao động nữ theo "
                    "quy định.",
                    en="Within their functions and duties, work with the offices, boards and "
                    "sectors concerned to achieve the Plan's objectives and targets; step up "
                    "publicity and education to raise the people's awareness of gender equality; "
                    "monitor the implementation of the Plan and of gender-equality policy and "
                    "law, and of the entitlements and policies for women workers, as regulated.",
                ),
                LocalizedText(
                    vi="Tổ chức các hoạt động tuyên truyền, nâng cao nhận thức cho hội viên về "
                    "phòng chống bạo lực gia đình và phòng chống bạo lực trên cơ sở giới; tham gia "
                    "hỗ trợ, tham vấn phụ nữ, trẻ em là nạn nhân của các vụ việc bạo lực, xâm hại.",
                    en="Organise publicity and awareness-raising for members on preventing "
                    "domestic and gender-based violence; help support and counsel women and "
                    "children who are victims of violence and abuse.",
                ),
            ],
        ),
    )


# --- the calendar -----------------------------------------------------------------------------


def _events() -> tuple[RecurringEvent, ...]:
    """The Action Month (II.1.3, II.2.3) and the three days named in II.2.3."""
    return (
        RecurringEvent(
            code=ACTION_MONTH,
            name=LocalizedText(
                vi="Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ "
                "sở giới",
                en="Action Month for gender equality and the prevention of and response to "
                "gender-based violence",
            ),
            start=DayOfYear(month=11, day=15),
            end=DayOfYear(month=12, day=15),
        ),
        # "các ngày Quốc tế hạnh phúc (20/3)": the word "ngày" is shared by the list.
        RecurringEvent(
            code=HAPPINESS_DAY,
            name=LocalizedText(
                vi="Quốc tế hạnh phúc", en="International Day of Happiness"
            ),
            start=DayOfYear(month=3, day=20),
        ),
        RecurringEvent(
            code=FAMILY_DAY,
            name=LocalizedText(vi="ngày gia đình Việt Nam", en="Vietnamese Family Day"),
            start=DayOfYear(month=6, day=28),
        ),
        # The plan's "world day against violence against women" on 25 November is the UN's
        # International Day for the Elimination of Violence against Women.
        RecurringEvent(
            code=EVAW_DAY,
            name=LocalizedText(
                vi="ngày thế giới phòng chống bạo lực đối với phụ nữ",
                en="International Day for the Elimination of Violence against Women",
            ),
            start=DayOfYear(month=11, day=25),
        ),
    )


# --- the plan ---------------------------------------------------------------------------------


def build_plan() -> Plan:
    """Return the Lai Khê commune plan 2026-2030 (a draft of May 2026)."""
    return Plan(
        code="lai-khe-2026-2030",
        # "KẾ HOẠCH" is the document type; the title is the two lines under it, joined. The
        # national strategy runs 2021-2030 (Resolution 28/NQ-CP); "giai đoạn 2026 - 2030" is the
        # part of it this plan covers, as in Hải Phòng's plan 170/KH-UBND.
        title=LocalizedText(
            vi="Triển khai thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2026 - 2030 "
            "trên địa bàn xã Lai Khê",
            en="Implementing the National Strategy on Gender Equality in 2026-2030 in Lai Khê "
            "commune",
        ),
        issuer=LocalizedText(
            vi="Ủy ban nhân dân xã Lai Khê", en="People's Committee of Lai Khê commune"
        ),
        place=LocalizedText(vi="Lai Khê", en="Lai Khê"),
        start_year=2026,
        end_year=2030,
        # "Số: /KH-UBND" and "ngày tháng 5 năm 2026": a draft without its number and day; the
        # number's printed suffix is kept.
        number=None,
        number_suffix="/KH-UBND",
        date=PartialDate(year=2026, month=5),
        # The two opening paragraphs, verbatim; the documents they cite are `legal_bases`.
        preamble=[
            LocalizedText(
                vi="Thực hiện Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ ban hành Chiến "
                "lược quốc gia về bình đẳng giới giai đoạn 2021-2030; Công văn số "
                "1116/LĐTĐ-BHXH-BĐG ngày 20/6/2021 của Bộ Lao động - Thương binh và Xã hội về "
                "việc hướng dẫn thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn "
                "2021-2030; Công văn số 2855/BNV-CTTN&BĐG ngày 27/3/2026 của Bộ Nội vụ về hướng "
                "dẫn triển khai công tác bình đẳng giới năm 2026;",
                en="Implementing the Government's Resolution No. 28/NQ-CP of 3 March 2021 "
                "promulgating the National Strategy on Gender Equality 2021-2030; Official Letter "
                "No. 1116/LĐTĐ-BHXH-BĐG of 20 June 2021 of the Ministry of Labour, Invalids and "
                "Social Affairs guiding the implementation of the National Strategy on Gender "
                "Equality 2021-2030; Official Letter No. 2855/BNV-CTTN&BĐG of 27 March 2026 of the "
                "Ministry of Home Affairs guiding gender-equality work in 2026;",
            ),
            LocalizedText(
                vi="Thực hiện Kế hoạch số 170/KH-UBND ngày 07/5/2026 của UBND thành phố Hải Phòng "
                "về việc triển khai thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn "
                "2026 - 2030 trên địa bàn thành phố.",
                en="Implementing Plan No. 170/KH-UBND of 7 May 2026 of the People's Committee of "
                "Hải Phòng city on implementing the National Strategy on Gender Equality "
                "2026-2030 in the city.",
            ),
        ],
        introduction=LocalizedText(
            vi="Ủy ban nhân dân xã Lai Khê xây dựng Kế hoạch thực hiện Chiến lược quốc gia về "
            "bình đẳng giới giai đoạn 2026 - 2030 trên địa bàn xã, cụ thể như sau:",
            en="The People's Committee of Lai Khê commune draws up its Plan for implementing the "
            "National Strategy on Gender Equality 2026-2030 in the commune, as follows:",
        ),
        general_objective=LocalizedText(
            vi="Thực hiện hiệu quả công tác bình đẳng giới nhằm tiếp tục thu hẹp khoảng cách "
            "giới, tạo điều kiện, cơ hội để phụ nữ và nam giới tham gia, thụ hưởng bình đẳng "
            "trong mọi lĩnh vực của đời sống xã hội, góp phần vào sự phát triển bền vững của xã "
            "Lai Khê.",
            en="Carry out gender-equality work effectively so as to keep narrowing the gender "
            "gap, creating the conditions and opportunities for women and men to take part in, "
            "and benefit equally from, every field of social life, and contributing to the "
            "sustainable development of Lai Khê commune.",
        ),
        legal_bases=_legal_bases(),
        references=_references(),
        parent=PARENT_PLAN,
        goals=_goals(),
        tasks=(
            *_general_tasks(),
            *_politics_tasks(),
            *_economy_tasks(),
            *_family_tasks(),
            *_health_tasks(),
            *_education_tasks(),
            *_communication_tasks(),
        ),
        units=_units(),
        funding=_funding(),
        events=_events(),
        # "Phòng Văn hóa- xã hội xã" (with a space) is the focal point, IV.1: questions go to
        # the commune's committee through it.
        closing=LocalizedText(
            vi="Trên đây là Kế hoạch triển khai thực hiện Chiến lược quốc gia về bình đẳng giới "
            "giai đoạn 2026 - 2030 trên địa bàn xã Lai Khê. Trong quá trình thực hiện, nếu có "
            "vướng mắc, đề nghị thông tin về UBND xã (qua Phòng Văn hóa- xã hội xã) để xem xét, "
            "chỉ đạo giải quyết./.",
            en="The above is the Plan for implementing the National Strategy on Gender Equality "
            "2026-2030 in Lai Khê commune. Any difficulty met in carrying it out should be "
            "reported to the commune People's Committee (through the Culture and Society Office) "
            "for consideration and direction./.",
        ),
        contact=CULTURE_SOCIETY,
        signatory=Signatory(
            name="Phạm Văn Liêm",
            title=LocalizedText(vi="PHÓ CHỦ TỊCH", en="Vice-Chair"),
            authority=[
                LocalizedText(
                    vi="TM. ỦY BAN NHÂN DÂN", en="On behalf of the People's Committee"
                ),
                LocalizedText(vi="KT. CHỦ TỊCH", en="For the Chair"),
            ],
        ),
        # Each line of "Nơi nhận" without its list dash and final ";" or ".". "UBMTQ" (for
        # UBMTTQ, the Fatherland Front committee) and "VHXX" (for VHXH, the Culture and Society
        # Office) are the source's abbreviations, kept.
        recipients=[
            LocalizedText(vi="Sở Nội vụ", en="Department of Home Affairs"),
            LocalizedText(
                vi="TT: ĐU, HĐND xã",
                en="Standing boards of the commune Party Committee and People's Council",
            ),
            LocalizedText(
                vi="Lãnh đạo UBND xã", en="Leaders of the commune People's Committee"
            ),
            LocalizedText(vi="UBMTQ xã", en="Commune Fatherland Front Committee"),
            LocalizedText(
                vi="Cơ quan, đơn vị liên quan", en="Agencies and units concerned"
            ),
            LocalizedText(
                vi="Lưu: VT, VHXX",
                en="Filed: clerical office, Culture and Society Office",
            ),
        ],
    )


# --- the demo: the plan's summary and an assessment of every target --------------------------
#
# `python examples/laikhe_2026_2030.py [--lang en] [--as-of YYYY-MM-DD] [--method NAME]` prints the
# plan and assesses every target against examples/data/laikhe-measurements.csv. Every status and
# every reason printed comes from `assess_plan`; this part only lays them out.

EXAMPLES = Path(__file__).resolve().parent
"""The folder of this example; the data are found from it, whatever the working directory."""
DATA = EXAMPLES / "data" / "laikhe-measurements.csv"
"""The example measurements: illustrative values and labelled national stand-ins."""
DEFAULT_AS_OF = datetime.date(2026, 12, 31)
"""The end of the plan's first year, where the example data stop: fixed so output is repeatable."""
SERIES_CHOICE: dict[str, str] = {"4.1": "civil registration"}
"""The series preferred where the data hold several. The sex ratio at birth has a survey series
(112 in 2023) and a civil-registration series (109.7 in 2023); a commune registers its own births
(hộ tịch), so civil registration is the series it can keep measuring itself."""
METHODS: dict[str, type[LinearPath] | type[GrowthRatio] | type[Projection]] = {
    "linear": LinearPath,
    "growth": GrowthRatio,
    "projection": Projection,
}
"""The assessment methods `--method` offers, by name."""

_WORDS: dict[str, LocalizedText] = {
    "plan": LocalizedText(vi="KẾ HOẠCH", en="PLAN"),
    "issuer": LocalizedText(vi="Cơ quan ban hành", en="Issued by"),
    "period": LocalizedText(vi="Giai đoạn", en="Period"),
    "base_year": LocalizedText(vi="năm gốc", en="base year"),
    "status_doc": LocalizedText(vi="Văn bản", en="Document"),
    "draft": LocalizedText(vi="dự thảo", en="draft"),
    "issued": LocalizedText(vi="đã ban hành", en="issued"),
    "no_number": LocalizedText(vi="chưa có số", en="no number yet"),
    "no_day": LocalizedText(vi="chưa có ngày ban hành", en="no day of issue yet"),
    "number": LocalizedText(vi="số", en="number"),
    "dated": LocalizedText(vi="ngày", en="dated"),
    "objective": LocalizedText(vi="Mục tiêu chung", en="General objective"),
    "goals": LocalizedText(vi="Mục tiêu cụ thể", en="Specific goals"),
    "goal": LocalizedText(vi="Mục tiêu", en="Goal"),
    "targets_n": LocalizedText(vi="chỉ tiêu", en="targets"),
    "target_n": LocalizedText(vi="chỉ tiêu", en="target"),
    "assessment": LocalizedText(vi="ĐÁNH GIÁ CÁC CHỈ TIÊU", en="ASSESSMENT OF THE TARGETS"),
    "as_of": LocalizedText(vi="tính đến ngày", en="as of"),
    "method": LocalizedText(vi="phương pháp", en="method"),
    "data": LocalizedText(vi="Số liệu", en="Data"),
    "rows": LocalizedText(vi="dòng", en="rows"),
    "stand_ins": LocalizedText(vi="số liệu quốc gia dùng thay", en="national stand-ins"),
    "illustrative": LocalizedText(vi="số liệu minh họa", en="illustrative"),
    "caveat": LocalizedText(
        vi="Đây là số liệu ví dụ, không phải số liệu đo lường của xã Lai Khê.",
        en="These are example data, not measurements of Lai Khê commune.",
    ),
    "series_choice": LocalizedText(vi="Chuỗi số liệu được chọn", en="Series chosen"),
    "target": LocalizedText(vi="Chỉ tiêu", en="Target"),
    "latest": LocalizedText(vi="Mới nhất", en="Latest"),
    "status": LocalizedText(vi="Trạng thái", en="Status"),
    "reasons": LocalizedText(vi="Lý do", en="Reasons"),
    "series": LocalizedText(vi="chuỗi", en="series"),
    "source": LocalizedText(vi="nguồn", en="source"),
    "none": LocalizedText(vi="không có", en="none"),
    "overall": LocalizedText(vi="Trạng thái chung", en="Overall status"),
    "all_parts": LocalizedText(
        vi="chỉ đạt khi mọi phần cùng đạt", en="achieved only when every part is"
    ),
    "by": LocalizedText(vi="năm", en="by"),
    "every_month": LocalizedText(vi="mỗi tháng", en="every month"),
    "every_quarter": LocalizedText(vi="mỗi quý", en="every quarter"),
    "every_year": LocalizedText(vi="mỗi năm", en="every year"),
    "every_day": LocalizedText(vi="mỗi ngày", en="every day"),
    "from": LocalizedText(vi="từ", en="from"),
    "to": LocalizedText(vi="đến", en="to"),
    "yes": LocalizedText(vi="có", en="yes"),
    "no": LocalizedText(vi="không", en="no"),
    "goal_summary": LocalizedText(vi="Tổng hợp mục tiêu", en="Summary of goal"),
    "plan_summary": LocalizedText(vi="TỔNG HỢP TOÀN KẾ HOẠCH", en="SUMMARY OF THE WHOLE PLAN"),
    "mean_score": LocalizedText(vi="điểm trung bình", en="mean score"),
    "error": LocalizedText(vi="Lỗi", en="Error"),
}
"""The words around the plan's own text, in Vietnamese and English."""

INDENT = "  "
"""One step of indentation in the output."""

Language = Literal["vi", "en"]
"""The output languages; `LocalizedText.get` takes the same codes."""
LANGUAGES: tuple[Language, ...] = ("vi", "en")


def _word(key: str, lang: Language) -> str:
    return _WORDS[key].get(lang)


def _targets(count: int, lang: Language) -> str:
    """``1 target``, ``3 targets`` (Vietnamese does not inflect: ``3 chỉ tiêu``)."""
    return f"{count} {_word('target_n' if count == 1 else 'targets_n', lang)}"


def demo_plan(choice: Mapping[str, str] | None = None) -> Plan:
    """The plan with its preferred measurement series set (`SERIES_CHOICE` by default).

    The source text names no series, so the choice is the demo's, made here rather than in
    `build_plan`, which holds only what the plan says.
    """
    chosen = SERIES_CHOICE if choice is None else choice
    plan = build_plan()
    goals = tuple(
        attrs.evolve(
            goal,
            indicators=tuple(
                attrs.evolve(indicator, series=chosen[indicator.code])
                if indicator.code in chosen
                else indicator
                for indicator in goal.indicators
            ),
        )
        for goal in plan.goals
    )
    return attrs.evolve(plan, goals=goals)


def _describe_target(
    plan: Plan, indicator: Indicator, result: Assessment, lang: Language
) -> str:
    target = result.target
    if target is None or result.target_value is None:
        return _word("none", lang)
    value = format_quantity(result.target_value, indicator.unit, lang)
    if target.frequency is not None:
        start = target.start_year if target.start_year is not None else plan.start_year
        return (
            f"{target.comparator.symbol} {value} {_word('every_' + target.frequency.value, lang)}"
            f", {_word('from', lang)} {start} {_word('to', lang)} {result.deadline}"
        )
    return f"{target.comparator.symbol} {value} ({_word('by', lang)} {result.deadline})"


def _describe_latest(
    indicator: Indicator, result: Assessment, lang: Language, rows: Sequence[Measurement]
) -> str:
    latest = result.latest
    if latest is None:
        return _word("none", lang)
    none = _word("none", lang)
    # The series and source in `lang`, from the labels the measurement row carries.
    row = next((m for m in rows if m.indicator == indicator.code and m.period == latest.period
                and m.series == latest.series and m.sex is None), None)
    series = row.series_text(lang) if row is not None else latest.series
    source = row.source_text(lang) if row is not None else latest.source
    return (
        f"{format_quantity(latest.value, indicator.unit, lang)} ({latest.period})"
        f" — {_word('series', lang)}: {series or none}"
        f" — {_word('source', lang)}: {source or none}"
    )


def _summary_line(summary: Summary, lang: Language) -> str:
    counts = " · ".join(
        f"{status.text(lang)} {count}" for status, count in summary.counts if count
    )
    text = f"{_targets(summary.total, lang)}: {counts}"
    if summary.mean_score is not None:
        text += f" ({_word('mean_score', lang)} {format_number(summary.mean_score, lang)})"
    return text


def format_plan(plan: Plan, lang: Language) -> list[str]:
    """The plan's summary: title, issuer, period, whether it is a draft, its goals."""
    if plan.is_draft:
        gaps = (("no_number", plan.number is None), ("no_day", plan.date.day is None))
        missing = ", ".join(_word(key, lang) for key, absent in gaps if absent)
        state = f"{_word('draft', lang)} ({missing}; {plan.date})"
    else:
        state = (
            f"{_word('issued', lang)}: {_word('number', lang)} {plan.number}, "
            f"{_word('dated', lang)} {plan.date}"
        )
    lines = [
        f"{_word('plan', lang)}: {plan.title.get(lang)}",
        f"{_word('issuer', lang)}: {plan.issuer.get(lang)}",
        f"{_word('period', lang)}: {plan.start_year}-{plan.end_year} "
        f"({_word('base_year', lang)} {plan.effective_base_year})",
        f"{_word('status_doc', lang)}: {state}",
    ]
    if plan.general_objective is not None:
        lines.append(f"{_word('objective', lang)}: {plan.general_objective.get(lang)}")
    lines.append(f"{_word('goals', lang)}:")
    for goal in plan.goals:
        numbers = list(dict.fromkeys(indicator.label for indicator in goal.indicators))
        lines.append(
            f"{INDENT}{goal.code}. {goal.title.get(lang)} — {_targets(len(numbers), lang)} "
            f"({', '.join(numbers)})"
        )
    return lines


def format_assessment(
    plan: Plan,
    assessment: PlanAssessment,
    measurements: Sequence[Measurement],
    *,
    method: Method,
    lang: Language,
    data: str,
) -> list[str]:
    """Every numbered target per goal: its parts' targets, latest values, statuses and reasons.

    `method` is the one `assessment` was made with; the header shows its label in `lang`.
    """
    sources = [m.source or "" for m in measurements]
    stand_ins = sum(source.startswith(STAND_IN) for source in sources)
    illustrative = sum(source.startswith(ILLUSTRATIVE) for source in sources)
    named = series_labels(measurements, lang)
    series = ", ".join(f"{code} → {named.get(name, name)}"
                       for code, name in sorted(SERIES_CHOICE.items()))
    lines = [
        f"{_word('assessment', lang)} — {_word('as_of', lang)} {assessment.as_of}"
        f" — {_word('method', lang)}: {method.label.get(lang)}",
        f"{_word('data', lang)}: {data} ({len(measurements)} {_word('rows', lang)}: "
        f"{illustrative} {_word('illustrative', lang)}, {stand_ins} {_word('stand_ins', lang)}).",
        _word("caveat", lang),
        f"{_word('series_choice', lang)}: {series}",
    ]
    parts = {indicator.code: indicator for _, indicator in plan.indicators()}
    for goal in plan.goals:
        lines += ["", f"{_word('goal', lang)} {goal.code}. {goal.title.get(lang)}"]
        for numbered in (t for t in assessment.targets if t.goal == goal.code):
            indent = INDENT
            if len(numbered.indicators) > 1:
                lines.append(
                    f"{INDENT}{numbered.number}  {_word('overall', lang)}: "
                    f"{numbered.status.text(lang)} ({_word('all_parts', lang)})"
                )
                indent = INDENT * 2
            for code in numbered.indicators:
                lines += _format_part(plan, parts[code], assessment[code], lang, indent,
                                      measurements)
        lines.append(
            f"{INDENT}{_word('goal_summary', lang)} {goal.code}: "
            f"{_summary_line(assessment.goal(goal.code), lang)}"
        )
    lines += ["", f"{_word('plan_summary', lang)}: {_summary_line(assessment.summary, lang)}"]
    return lines


def _format_part(
    plan: Plan, indicator: Indicator, result: Assessment, lang: Language, indent: str,
    rows: Sequence[Measurement] = (),
) -> list[str]:
    """One measurable part: name, target, latest value, status and every reason."""
    inner = indent + " " * (len(indicator.code) + 2)
    fields = [
        ("target", _describe_target(plan, indicator, result, lang)),
        ("latest", _describe_latest(indicator, result, lang, rows)),
        ("status", result.status.text(lang)),
    ]
    width = max(len(_word(key, lang)) for key in ("target", "latest", "status", "reasons")) + 2
    lines = [f"{indent}{indicator.code}  {indicator.name.get(lang)}"]
    lines += [f"{inner}{(_word(key, lang) + ':').ljust(width)}{text}" for key, text in fields]
    named = series_labels(rows, lang)  # "sổ sách của xã" where the data say "commune records"
    for position, reason in enumerate(result.reasons):
        head = (_word("reasons", lang) + ":") if position == 0 else ""
        lines.append(f"{inner}{head.ljust(width)}{reason.text(lang, named)}")
    return lines


def read_measurements(path: Path, plan: Plan) -> tuple[Measurement, ...]:
    """Read measurements with the library's reader, checked against `plan`.

    Numbers are written with a decimal point; checking against the plan here lets a problem name
    the file, line and column it comes from.
    """
    return tuple(load_measurements(path, decimal=".", plan=plan))


def _as_of(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        message = f"expected a date written YYYY-MM-DD, such as 2026-12-31, found {text!r}"
        raise argparse.ArgumentTypeError(message) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="laikhe_2026_2030.py",
        description="Print the Lai Khê plan 2026-2030 and assess every target against the "
        "example measurements.",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="vi", help="language of the output (default: vi)"
    )
    parser.add_argument(
        "--as-of",
        type=_as_of,
        default=DEFAULT_AS_OF,
        metavar="YYYY-MM-DD",
        help=f"assessment date (default: {DEFAULT_AS_OF}, where the example data stop)",
    )
    parser.add_argument(
        "--method", choices=sorted(METHODS), default="linear",
        help="assessment method (default: linear)",
    )
    parser.add_argument(
        "--data", type=Path, default=DATA, metavar="CSV",
        help="measurements to assess (default: the example data beside this script)",
    )
    return parser


def _shown(path: Path) -> str:
    """`path` relative to the repository when it lies inside it, so output does not depend on
    where the repository was cloned."""
    resolved = path.resolve()
    if resolved.is_relative_to(EXAMPLES.parent):
        return resolved.relative_to(EXAMPLES.parent).as_posix()
    return str(path)


def main(argv: Sequence[str] = ()) -> int:
    """Print the plan's summary and the assessment of every target; return the exit status.

    `argv` are the command-line options (none: Vietnamese, as of `DEFAULT_AS_OF`, linear).
    """
    options = _parser().parse_args(list(argv))
    lang: Language = options.lang
    plan = demo_plan()
    method = METHODS[options.method]()
    try:
        measurements = read_measurements(options.data, plan)
        assessment = assess_plan(plan, measurements, as_of=options.as_of, method=method)
    except GenderPlanError as error:
        # Bad data is reported as the library words it, without a traceback.
        print(f"{_word('error', lang)}: {error}", file=sys.stderr)
        return 1
    lines = [
        *format_plan(plan, lang),
        "",
        *format_assessment(
            plan, assessment, measurements, method=method, lang=lang, data=_shown(options.data)
        ),
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
