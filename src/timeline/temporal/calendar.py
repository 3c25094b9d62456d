"""Calendar arithmetic: TimeML values and the concrete day ranges they cover."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from ..model import DATE, TimeValue

SEASONS = {  # northern-hemisphere meteorological seasons, the news default
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 2),
}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def year(y: int, mod: str | None = None) -> TimeValue:
    return TimeValue(f"{y:04d}", DATE, "year", date(y, 1, 1), date(y, 12, 31), mod)


def month(y: int, m: int, mod: str | None = None) -> TimeValue:
    return TimeValue(f"{y:04d}-{m:02d}", DATE, "month", date(y, m, 1), _month_end(y, m), mod)


def day(d: date, mod: str | None = None) -> TimeValue:
    return TimeValue(d.isoformat(), DATE, "day", d, d, mod)


def week(d: date, mod: str | None = None) -> TimeValue:
    iso_year, iso_week, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return TimeValue(
        f"{iso_year:04d}-W{iso_week:02d}", DATE, "week", monday, monday + timedelta(days=6), mod
    )


def decade(first_year: int, mod: str | None = None) -> TimeValue:
    first_year -= first_year % 10
    return TimeValue(
        f"{first_year // 10:03d}",  # TimeML 1.2.1: "the 1990s" is "199"
        DATE,
        "decade",
        date(first_year, 1, 1),
        date(first_year + 9, 12, 31),
        mod,
    )


def century(first_year: int, mod: str | None = None) -> TimeValue:
    first_year -= first_year % 100
    return TimeValue(
        f"{first_year // 100:02d}",
        DATE,
        "century",
        date(first_year, 1, 1),
        date(first_year + 99, 12, 31),
        mod,
    )


def quarter(y: int, q: int, mod: str | None = None) -> TimeValue:
    first = 3 * (q - 1) + 1
    return TimeValue(
        f"{y:04d}-Q{q}", DATE, "quarter", date(y, first, 1), _month_end(y, first + 2), mod
    )


def quarter_of(d: date) -> int:
    """The quarter (1-4) a day falls in."""
    return (d.month - 1) // 3 + 1


def weekend(saturday: date, mod: str | None = None) -> TimeValue:
    """The weekend that starts on ``saturday``: "2019-W03-WE", Saturday and Sunday."""
    iso_year, iso_week, _ = saturday.isocalendar()
    return TimeValue(
        f"{iso_year:04d}-W{iso_week:02d}-WE", DATE, "week", saturday,
        saturday + timedelta(days=1), mod,
    )  # fmt: skip


def half(y: int, h: int, mod: str | None = None) -> TimeValue:
    first = 1 if h == 1 else 7
    return TimeValue(
        f"{y:04d}-H{h}", DATE, "half", date(y, first, 1), _month_end(y, first + 5), mod
    )


def season(y: int, code: str, mod: str | None = None) -> TimeValue:
    first, last = SEASONS[code]
    end_year = y + 1 if last < first else y  # winter runs into the next year
    return TimeValue(
        f"{y:04d}-{code}", DATE, "season", date(y, first, 1), _month_end(end_year, last), mod
    )


def weekday_on_or_before(base: date, weekday: int) -> date:
    """The most recent ``weekday`` (Monday = 0) on or before ``base``: news "On Tuesday"."""
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def weekday_on_or_after(base: date, weekday: int) -> date:
    return base + timedelta(days=(weekday - base.weekday()) % 7)


def shift_months(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + (d.month - 1) + months
    return index // 12, index % 12 + 1


def valid_day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
