"""Strategies for the small values a plan is made of: texts, periods, dates, codes, limits."""

from __future__ import annotations

from typing import Any

from gender_plan.errors import MissingDependencyError

try:
    from hypothesis import strategies as st
except ImportError:
    raise MissingDependencyError("hypothesis", "testing", "gender_plan.testing") from None

from gender_plan.model import DayOfYear, Limits, LocalizedText, PartialDate, Period
from gender_plan.testing._memo import maybe, shared

__all__ = [
    "day_of_years",
    "limits",
    "localized_texts",
    "partial_dates",
    "periods",
    "typed_dates",
]

_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễỏốồộổỗớờợởỡùúụủũứừựửữ"
_WORD = st.text(alphabet=_LETTERS + _LETTERS.upper() + "0123456789-,.%/", min_size=1, max_size=9)


@shared
def _finite(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


@shared
def localized_texts(*, translated: bool | None = None) -> st.SearchStrategy[LocalizedText]:
    """Texts of a few words in Vietnamese letters.

    The English translation is always there when `translated` is True, never when False, and
    sometimes when None.
    """
    sentence = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
    english: st.SearchStrategy[str | None]
    if translated is None:
        english = maybe(sentence)
    elif translated:
        english = sentence
    else:
        english = st.none()
    return st.builds(LocalizedText, vi=sentence, en=english)


@shared
def periods(*, min_year: int = 2000, max_year: int = 2040) -> st.SearchStrategy[Period]:
    """Years, quarters, months and days between `min_year` and `max_year`."""
    years = st.integers(min_year, max_year)
    return st.one_of(
        st.builds(Period, year=years),
        st.builds(Period, year=years, quarter=st.integers(1, 4)),
        st.builds(Period, year=years, month=st.integers(1, 12)),
        st.builds(Period.from_date, st.dates(_date(min_year, 1), _date(max_year, 12))),
    )


def _date(year: int, month: int) -> Any:
    import datetime  # noqa: PLC0415

    return datetime.date(year, month, 31 if month == 12 else 1)


@shared
def partial_dates(*, min_year: int = 2000, max_year: int = 2040) -> st.SearchStrategy[PartialDate]:
    """Dates with the day, or the month and day, possibly unknown (drafts)."""
    years = st.integers(min_year, max_year)
    return st.one_of(
        st.builds(PartialDate, year=years),
        st.builds(PartialDate, year=years, month=st.integers(1, 12)),
        st.builds(PartialDate.from_date, st.dates(_date(min_year, 1), _date(max_year, 12))),
    )


@shared
def day_of_years() -> st.SearchStrategy[DayOfYear]:
    """Days of the year, 29 February included."""
    return st.dates(_date(2024, 1), _date(2024, 12)).map(
        lambda d: DayOfYear(month=d.month, day=d.day)
    )


@shared
def _codes(prefix: str = "") -> st.SearchStrategy[str]:
    return st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9.\-]{0,6}\Z").map(lambda c: prefix + c)


@shared
def limits() -> st.SearchStrategy[Limits]:
    """Natural limits: a lower bound, an upper bound, or both (lower below upper)."""
    low = _finite(-1000, 1000)
    return st.one_of(
        st.builds(Limits, lower=low),
        st.builds(Limits, upper=low),
        st.tuples(low, _finite(0.001, 1000)).map(lambda p: Limits(lower=p[0], upper=p[0] + p[1])),
    )



@shared
def typed_dates() -> st.SearchStrategy[tuple[str, str]]:
    """Days typed as Vietnamese documents write them, with their ISO form: ``("13/6/2026", ...)``.

    Only unambiguous ones: a day after the 12th, or a day equal to its month, so that the text
    cannot be month/day as well. Separators ``/`` or ``.``, with or without leading zeros.
    """
    late = st.builds(lambda y, m, d: (y, m, d), st.integers(1950, 2100), st.integers(1, 12),
                     st.integers(13, 28))
    same = st.integers(1, 12).flatmap(
        lambda m: st.integers(1950, 2100).map(lambda y: (y, m, m)))

    def write(parts: tuple[int, int, int], separator: str, padded: bool) -> tuple[str, str]:
        year, month, day = parts
        text = (f"{day:02d}{separator}{month:02d}{separator}{year}" if padded
                else f"{day}{separator}{month}{separator}{year}")
        return text, f"{year}-{month:02d}-{day:02d}"

    return st.builds(write, late | same, st.sampled_from("/."), st.booleans())
