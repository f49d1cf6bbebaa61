"""Gender indicators from sex-disaggregated data: the female share, the parity index, the gap.

From pairs of values by sex (`Measurement.sex` female and male, of the same indicator, period,
series and place) each function makes new `Measurement`s of an indicator the plan declares and
targets, so that the engine assesses them like any other:

- `female_share`: ``100 × female / (female + male)`` in ``percent``, from counts (people, items,
  hours); its numerator (female) and denominator (female + male) are kept, so that it combines
  across places as Σ numerator / Σ denominator.
- `parity_index`: ``female / male`` in ``times`` (1 is parity), from counts or from rates (the
  gender parity index of enrolment rates); numerator female and denominator male are kept, so
  that a province's index is Σ female / Σ male.
- `gender_gap`: ``male − female`` in the values' own unit: people for counts, and for rates in
  percent the difference in percentage points (written ``percent``). Positive means men are
  ahead; a plan that wants the gap closed declares the indicator lower-is-better. A gap of
  counts adds up across places; a gap of rates does not (recompute it from combined rates).

Rows without a sex (totals) and rows of other indicators are not used. Anything that cannot be
paired (one sex only, the same sex twice, different units, a yes/no indicator) is refused with a
`ValidationError` listing every such row and what is missing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

import attrs

from gender_plan import units
from gender_plan._i18n import Msg, msg
from gender_plan.errors import Problem, UnitError, ValidationError
from gender_plan.model.indicator import Indicator
from gender_plan.model.measurement import Measurement, Sex
from gender_plan.model.period import Period
from gender_plan.model.text import LocalizedText
from gender_plan.rollup.aggregation import Sum, rule_for

__all__ = ["SexPair", "female_share", "gender_gap", "parity_index", "sex_pairs"]


@attrs.frozen(kw_only=True)
class SexPair:
    """The female and male values of one indicator at one place, in one period and series."""

    indicator: str
    period: Period
    series: str | None
    place: str | None
    unit: str
    """The unit both values are in."""
    female: float
    male: float


def sex_pairs(
    measurements: Iterable[Measurement], *, indicator: str, unit: str | None = None
) -> tuple[SexPair, ...]:
    """Pair the female and male values of `indicator`, ordered by place, series and period.

    Args:
        measurements: any measurements; only those of `indicator` with a sex are used.
        indicator: the code of the sex-disaggregated indicator.
        unit: the unit of values whose measurement names none (the indicator's unit).

    Raises:
        ValidationError: every row without its other half, every duplicate, every pair in two
            units, and yes/no values; each problem names the row (its position) and the pair.
    """
    groups: dict[tuple[str | None, str | None, Period], dict[Sex, list[tuple[int, Measurement]]]]
    groups = {}
    problems: list[Problem] = []
    for index, row in enumerate(measurements):
        if row.indicator != indicator or row.sex is None:
            continue
        key = (row.place, row.series, row.period)
        groups.setdefault(key, {}).setdefault(row.sex, []).append((index, row))
    if not groups:
        raise ValidationError([Problem(
            message=msg("no female or male values of indicator {code!r}", code=indicator),
            hint=msg("give each row the indicator's code and a sex ('female' or 'male')"),
        )], subject="sex-disaggregated measurements")
    pairs = []
    for (place, series, period), by_sex in groups.items():
        where = _where(indicator, place, series, period)
        rows = by_sex
        for sex, found in rows.items():
            if len(found) > 1:
                problems.append(Problem(
                    path=f"[{found[1][0]}]",
                    message=msg("two {sex} values of {where} (rows {first} and {second})",
                                sex=_SEXES[sex], where=where, first=found[0][0],
                                second=found[1][0]),
                    hint=msg("keep one, or give them different series")))
        missing = [sex for sex in Sex if sex not in rows]
        if missing:
            have = next(iter(rows))
            problems.append(Problem(
                path=f"[{rows[have][0][0]}]",
                message=msg("a {have} value of {where} but no {missing} value to pair it with",
                            have=_SEXES[have], where=where, missing=_SEXES[missing[0]]),
                hint=msg("add the {missing} row, or leave this one out",
                         missing=_SEXES[missing[0]])))
            continue
        (fi, female), (mi, male) = rows[Sex.FEMALE][0], rows[Sex.MALE][0]
        pair = _pair(indicator, female, male, unit, where, (fi, mi), problems)
        if pair is not None:
            pairs.append(pair)
    if problems:
        raise ValidationError(problems, subject="sex-disaggregated measurements")
    return tuple(sorted(pairs, key=lambda p: (p.place or "", p.series or "", p.period.start,
                                              p.period.end)))


_SEXES = {Sex.FEMALE: msg("female"), Sex.MALE: msg("male")}


def _where(indicator: str, place: str | None, series: str | None, period: Period) -> Msg:
    if place is None and series is None:
        return msg("indicator {code!r} in {period}", code=indicator, period=period)
    if series is None:
        return msg("indicator {code!r} at {place!r} in {period}", code=indicator, place=place,
                   period=period)
    if place is None:
        return msg("indicator {code!r} in {period} series {series!r}", code=indicator,
                   period=period, series=series)
    return msg("indicator {code!r} at {place!r} in {period} series {series!r}", code=indicator,
               place=place, period=period, series=series)


def _pair(indicator: str, female: Measurement, male: Measurement, unit: str | None, where: Msg,
          rows: tuple[int, int], problems: list[Problem]) -> SexPair | None:
    female_unit, male_unit = female.unit or unit, male.unit or unit
    path = f"[{rows[0]}]"
    if female_unit is None or male_unit is None:
        problems.append(Problem(path=path, message=msg("the unit of {where} is not known",
                                                       where=where),
                                hint=msg("give the rows a unit, or pass unit= (the indicator's "
                                         "unit)")))
        return None
    if female_unit != male_unit:
        problems.append(Problem(
            path=path, message=msg("the female value of {where} is in {female!r} and the male "
                                   "value (row {row}) in {male!r}", where=where,
                                   female=female_unit, row=rows[1], male=male_unit),
            hint=msg("write both in the same unit")))
        return None
    try:
        units.validate_unit(female_unit)
    except UnitError as error:
        problems.append(Problem(path=path, message=msg("{where}: {error}", where=where,
                                                       error=error.describe())))
        return None
    if isinstance(female.value, bool) or isinstance(male.value, bool) or units.is_yes_no(
            female_unit):
        problems.append(Problem(path=path, message=msg("{where} is a yes/no fact: it has no "
                                                       "share, parity or gap", where=where),
                                hint=msg("count the places or people instead")))
        return None
    return SexPair(indicator=indicator, period=female.period, series=female.series,
                   place=female.place, unit=female_unit, female=float(female.value),
                   male=float(male.value))


def _derive(
    measurements: Iterable[Measurement], indicator: str, code: str, unit: str | None,
    make: Callable[[SexPair], tuple[float, float | None, float | None, str] | str],
    what: Msg,
) -> tuple[Measurement, ...]:
    out = []
    problems = []
    for pair in sex_pairs(measurements, indicator=indicator, unit=unit):
        made = make(pair)
        if isinstance(made, str):
            where = _where(indicator, pair.place, pair.series, pair.period)
            problems.append(Problem(message=msg("{where}: {error}", where=where, error=made)))
            continue
        value, numerator, denominator, result_unit = made
        out.append(Measurement(
            indicator=code, period=pair.period, value=value, unit=result_unit,
            series=pair.series, place=pair.place, numerator=numerator, denominator=denominator,
            source=f"{what} of {indicator!r} (female {pair.female:g}, male {pair.male:g})",
        ))
    if problems:
        raise ValidationError(problems, subject=msg("{what} of {code!r}", what=what,
                                                    code=indicator))
    return tuple(out)


@functools.cache
def _is_count(unit: str) -> bool:
    """Whether values in `unit` add up (people, items, hours), as opposed to rates."""
    name = LocalizedText(vi="đếm", en="count")
    return isinstance(rule_for(Indicator(code="count", name=name, unit=unit)), Sum)


def female_share(
    measurements: Iterable[Measurement], *, indicator: str, code: str, unit: str | None = None
) -> tuple[Measurement, ...]:
    """The female share ``100 × female / (female + male)`` in percent, as indicator `code`.

    `indicator` holds counts by sex; each result keeps numerator (female) and denominator
    (female + male).

    Raises:
        ValidationError: pairs that cannot be made (see `sex_pairs`), values that are not counts
            (a share of rates means nothing), negative counts, or no one counted.
    """

    def make(pair: SexPair) -> tuple[float, float | None, float | None, str] | str:
        if not _is_count(pair.unit):
            return msg("values in {unit!r} are rates, not counts: a female share is made from "
                       "counts (people, items); compare rates with parity_index or gender_gap",
                       unit=pair.unit)
        if pair.female < 0 or pair.male < 0:
            return msg("a count cannot be negative (female {female}, male {male})",
                       female=format(pair.female, "g"), male=format(pair.male, "g"))
        total = pair.female + pair.male
        if total == 0:
            return msg("no one was counted (female 0, male 0): the share is undefined")
        return 100 * pair.female / total, pair.female, total, "percent"

    return _derive(measurements, indicator, code, unit, make, msg("female share"))


def parity_index(
    measurements: Iterable[Measurement], *, indicator: str, code: str, unit: str | None = None
) -> tuple[Measurement, ...]:
    """The parity index ``female / male`` in times (1 is parity), as indicator `code`.

    Works on counts and on rates; each result keeps numerator (female) and denominator (male).

    Raises:
        ValidationError: pairs that cannot be made (see `sex_pairs`), negative values, or a male
            value of 0 (the index is undefined).
    """

    def make(pair: SexPair) -> tuple[float, float | None, float | None, str] | str:
        if pair.female < 0 or pair.male < 0:
            return msg("the parity index needs values of 0 or more (female {female}, male "
                       "{male})", female=format(pair.female, "g"), male=format(pair.male, "g"))
        if pair.male == 0:
            return msg("the male value is 0: the parity index female / male is undefined")
        return pair.female / pair.male, pair.female, pair.male, "times"

    return _derive(measurements, indicator, code, unit, make, msg("parity index"))


def gender_gap(
    measurements: Iterable[Measurement], *, indicator: str, code: str, unit: str | None = None
) -> tuple[Measurement, ...]:
    """The gap ``male − female`` in the values' unit (percentage points for rates in percent).

    Raises:
        ValidationError: pairs that cannot be made (see `sex_pairs`).
    """

    def make(pair: SexPair) -> tuple[float, float | None, float | None, str]:
        return pair.male - pair.female, None, None, pair.unit

    return _derive(measurements, indicator, code, unit, make, msg("gender gap"))
