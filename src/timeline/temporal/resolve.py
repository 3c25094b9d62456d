"""The resolution rules every language shares: what a relative date means in news.

Values come from calendar arithmetic on what the grammar read, never from a date library
that fills in parts the text leaves unsaid ("in 1994" is a year, not 1994-11-26; NOTES.md).
Relative expressions resolve against the publication date (the DCT) following news usage:
a bare weekday is the most recent such day on or before publication unless the tense
points ahead (cues.py); a yearless date or month is the one closest to publication, the
tense breaking near-ties; anaphoric ones ("the next day", "le lendemain", "three years
later") count from the last date the text told; in earnings news "the quarter" is the one
under discussion.  The readings (readings.py) call these for every language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import (
    DATE,
    RESOLVED_ANAPHORIC,
    RESOLVED_DCT,
    RESOLVED_NONE,
    RESOLVED_UNRESOLVED,
    TimeValue,
)
from . import calendar as cal
from .cues import ahead
from .grammar import Grammar, Spot


@dataclass(frozen=True)
class Context:
    """What reading one expression may look at."""

    sentence: str  # as the grammar matches it (a view for most languages)
    dct: date | None  # the article's publication date
    g: Grammar
    spot: Spot
    anchor: TimeValue | None = None  # the last day told: what "the next day" counts from
    frame: TimeValue | None = None  # the last date told, of any precision
    quarter: TimeValue | None = None  # the quarter under discussion (earnings news)
    day_first: bool = True  # 03/04/2019 is 3 April (most of the world's news)

    @property
    def future(self) -> bool:
        """Whether the clause around the expression points ahead ("will meet on Friday")."""
        return ahead(self.g, self.sentence, self.spot.start, self.spot.end)

    def before(self, width: int = 60) -> str:
        """The text just before the expression: bounded, so tagging stays linear."""
        return self.sentence[max(0, self.spot.start - width) : self.spot.start]

    def after(self, width: int = 60) -> str:
        return self.sentence[self.spot.end : self.spot.end + width]


@dataclass(frozen=True)
class Normalised:
    time: TimeValue
    resolution: str


# The shape of a value whose calendar position is unknown, by unit: "last week" with no
# publication date is some week, not some year.
UNKNOWN_VALUE = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
                 "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX",
                 "century": "XX", "hour": "XXXX-XX-XX", "minute": "XXXX-XX-XX"}  # fmt: skip
CALENDAR_UNITS = frozenset(
    {"year", "month", "week", "day", "decade", "century", "hour", "minute", "quarter"}
)
_UNIT_CODES = {
    "year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE", "century": "CE",
    "hour": "H", "minute": "M", "quarter": "Q", "fortnight": "W",
}  # fmt: skip


def unresolved(value: str, granularity: str | None, type_: str = DATE) -> Normalised:
    """A relative expression with no publication date to resolve it against."""
    return Normalised(TimeValue(value, type_, granularity), RESOLVED_UNRESOLVED)


def unknown(unit: str) -> Normalised:
    """ "last week" with no publication date: some week, of the unit's shape."""
    return unresolved(UNKNOWN_VALUE.get(unit, "XXXX"), unit)


def ref(value: str) -> Normalised:
    """PRESENT_REF, PAST_REF, FUTURE_REF: the present, past or future, no date."""
    return Normalised(TimeValue(value, DATE, None), RESOLVED_NONE)


def with_part(tv: TimeValue, part: str | None) -> TimeValue:
    """ "Friday night": the day with its part (value "…TNI"), typed DATE as TimeML news
    corpora mostly mark it (a clock time is a TIME)."""
    if not part:
        return tv
    return TimeValue(f"{tv.value}T{part}", DATE, "part-of-day", tv.start, tv.end, tv.mod)


def period(n: str, unit: str) -> str:
    """An ISO 8601 period of ``n`` units ("X" for a vague number). Decades and centuries are
    written in years and quarters in Q, as TempEval-3's annotators do (P20Y, P2Q, P1Q), which
    every date library also reads; a vague number keeps the unit (PXDE, PXQ)."""
    if unit in ("hour", "minute"):
        return f"PT{n}{_UNIT_CODES[unit]}"
    if n != "X" and unit in ("decade", "century", "fortnight"):
        years = {"decade": 10, "century": 100}.get(unit)
        return f"P{int(n) * years}Y" if years else f"P{int(n) * 2}W"
    return f"P{n}{_UNIT_CODES[unit]}"


def clock_of(g: dict[str, str]) -> str | None:
    """ "T22:00" from the clock groups of a match ("ap": "am" or "pm", or as written, "p.m."),
    None for an impossible time."""
    if g.get("word"):
        return {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[g["word"].lower()]
    h = int(g["h"])
    mi = int(g.get("mi") or 0)
    ap = (g.get("ap") or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 23:
        return None
    return f"T{h:02d}:{mi:02d}"


def closest_day(options: Sequence[date], ctx: Context, target: date | None = None) -> date:
    """A yearless date: the reading nearest publication (or ``target``).  News writes the
    year when a date is far away, so the nearest reading is right far more often than any
    reading of tense; a date on the side the tense does not point to needs a clear lead."""
    assert ctx.dct is not None
    dct = ctx.dct
    base = target or dct
    future = ctx.future
    return min(
        options,
        key=lambda c: abs((c - base).days) + (90 if (c < dct) == future and c != dct else 0),
    )


def year_of_month(m: int, ctx: Context) -> int:
    """The year of a yearless month ("in March", "en janvier"): the month closest to
    publication, the tense breaking near-ties."""
    assert ctx.dct is not None
    here = ctx.dct.year * 12 + ctx.dct.month - 1
    future = ctx.future
    return min(
        (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1),
        key=lambda y: abs(y * 12 + m - 1 - here) + (3 if (y * 12 + m - 1 < here) == future else 0),
    )


def weekday_date(wd: int, rel: str | None, ctx: Context) -> tuple[date, str]:
    """The day a weekday names, and how it was resolved: "last Tuesday" is before
    publication, "next Tuesday" after it, "this Tuesday" in the publication's own week,
    "the following Tuesday" after the last day told; a bare one is the most recent on or
    before publication unless the tense points ahead ("coming": it does)."""
    dct = ctx.dct
    assert dct is not None
    if rel == "last":
        return cal.weekday_on_or_before(dct - timedelta(days=1), wd), RESOLVED_DCT
    if rel == "next":
        return cal.weekday_on_or_after(dct + timedelta(days=1), wd), RESOLVED_DCT
    if rel == "this":
        return dct + timedelta(days=wd - dct.weekday()), RESOLVED_DCT
    if rel in ("prev", "following"):
        told = ctx.anchor
        base = told.start if told is not None and told.start else dct
        resolution = RESOLVED_ANAPHORIC if told is not None else RESOLVED_DCT
        if rel == "prev":
            return cal.weekday_on_or_before(base - timedelta(days=1), wd), resolution
        return cal.weekday_on_or_after(base + timedelta(days=1), wd), resolution
    if rel == "coming" or ctx.future:
        return cal.weekday_on_or_after(dct, wd), RESOLVED_DCT
    return cal.weekday_on_or_before(dct, wd), RESOLVED_DCT


def told(ctx: Context, unit: str, day_units: tuple[str, ...]) -> TimeValue | None:
    """What an anaphor counts from: "the next day" (a unit in ``day_units``) from the last
    day told, "that year" or "the following month" from the last date of any precision."""
    return ctx.anchor if unit in day_units else ctx.frame or ctx.anchor


def step(unit: str, base: date, n: int, mod: str | None = None) -> TimeValue | None:
    """The ``unit`` ``n`` units from ``base`` (n = 0: the one holding it)."""
    if unit == "day":
        return cal.day(base + timedelta(days=n))
    if unit == "week":
        return cal.week(base + timedelta(weeks=n), mod)
    if unit == "month":
        y, m = cal.shift_months(base, n)
        return cal.month(y, m, mod)
    if unit == "year":
        return cal.year(base.year + n, mod)
    if unit == "decade":
        return cal.decade(base.year + 10 * n, mod)
    if unit == "century":
        return cal.century(base.year + 100 * n, mod)
    if unit == "quarter":
        y, m = cal.shift_months(base, 3 * n)
        return cal.quarter(y, cal.quarter_of(date(y, m, 1)), mod)
    return None


def weekend(base: date, rel: str, ctx: Context, mod: str | None) -> TimeValue:
    """ "this weekend": the one of the publication's week, or on a Monday or Tuesday told
    in the past, the one just gone; "next" and "last": a week either side."""
    saturday = base + timedelta(days=5 - base.weekday())
    if rel == "this" and base.weekday() <= 1 and not ctx.future:
        saturday -= timedelta(weeks=1)
    saturday += timedelta(weeks={"last": -1, "next": 1}.get(rel, 0))
    return cal.weekend(saturday, mod)


def the_weekend(ctx: Context) -> Normalised:
    """ "over the weekend": the last one, or the coming one when the tense is ahead."""
    if ctx.dct is None:
        return unresolved("XXXX-WXX-WE", "week")
    if ctx.future:
        saturday = cal.weekday_on_or_after(ctx.dct, 5)
    else:
        saturday = cal.weekday_on_or_before(ctx.dct, 5)
    return Normalised(cal.weekend(saturday), RESOLVED_DCT)


def season(code: str, rel: str, ctx: Context) -> TimeValue:
    """ "last summer", "next winter", "this spring" (the one under way, else this year's)."""
    assert ctx.dct is not None
    seasons = [cal.season(y, code) for y in range(ctx.dct.year - 2, ctx.dct.year + 3)]
    if rel == "last":
        return [s for s in seasons if s.end < ctx.dct][-1]
    if rel == "next":
        return next(s for s in seasons if s.start > ctx.dct)
    current = [s for s in seasons if s.start <= ctx.dct <= s.end]
    return current[0] if current else cal.season(ctx.dct.year, code)


def end_of_year(ctx: Context, by: bool) -> int:
    """Which year's end "the end of the year" is: the coming one when the clause looks
    ahead ("by the end of the year") or it is December, else the last one."""
    assert ctx.dct is not None
    return ctx.dct.year if ctx.future or by or ctx.dct.month == 12 else ctx.dct.year - 1


def last_quarter_before(d: date) -> tuple[int, int]:
    """The last quarter completed before ``d``: what "the quarter" means in earnings news."""
    q = cal.quarter_of(d) - 1  # quarters completed this year
    return (d.year, q) if q else (d.year - 1, 4)


def discussed_quarter(ctx: Context) -> tuple[int, int] | None:
    """The quarter under discussion, when the article has told one."""
    if ctx.quarter is not None and ctx.quarter.start:
        return ctx.quarter.start.year, cal.quarter_of(ctx.quarter.start)
    return None


def easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month_ = (h + l_ - 7 * m + 90) // 25
    return date(y, month_, (h + l_ - 7 * m + 33 * month_ + 19) % 32)


def nth_weekday(y: int, m: int, weekday: int, n: int) -> date:
    """The n-th ``weekday`` of a month (n = -1: the last)."""
    if n > 0:
        first = cal.weekday_on_or_after(date(y, m, 1), weekday)
        return first + timedelta(weeks=n - 1)
    last = date(y, m, 1) + timedelta(days=31)
    last = date(last.year, last.month, 1) - timedelta(days=1)
    return cal.weekday_on_or_before(last, weekday)


def holiday_date(rule: object, y: int) -> date | None:
    """The date in year ``y`` of a holiday as a grammar's table gives it: (month, day) for a
    fixed one; ("easter", days after Easter Sunday); ("nth", month, weekday, n, days after)
    for the n-th weekday of a month (n = -1: the last)."""
    if not isinstance(rule, tuple):
        return None
    if rule[0] == "easter":
        return easter(y) + timedelta(days=rule[1])
    if rule[0] == "nth":
        _, m, weekday, n, extra = rule
        return nth_weekday(y, m, weekday, n) + timedelta(days=extra)
    return date(y, *rule)
