"""Normalising spotted expressions to TIMEX3 values, resolved against the article date.

The grammar (spot.py) has already read each expression's parts, so values come from
calendar arithmetic on them: exact, and far faster than handing the text to dateparser,
which also invents days for years ("in 1994" -> 1994-11-26), resolves a bare weekday to
the week before and knows no decades or "early 2016" (see NOTES.md).  Nothing the text
leaves unsaid is filled in: a year stays a year.  Relative expressions resolve against the
publication date (the DCT) following news usage; anaphoric ones ("the next day", "three
years later") against the last date the text told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..model import (
    DATE,
    DURATION,
    RESOLVED_ABSOLUTE,
    RESOLVED_ANAPHORIC,
    RESOLVED_DCT,
    RESOLVED_NONE,
    RESOLVED_UNRESOLVED,
    SET,
    TIME,
    TimeValue,
)
from . import calendar as cal
from .spot import MONTHS, NUMBERS, VAGUE_NUMBERS, WEEKDAYS, Spot

MODS = {
    "early": "EARLY", "mid": "MID", "late": "LATE", "the end of": "END",
    "the beginning of": "START", "the start of": "START", "the middle of": "MID",
}  # fmt: skip
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
UNIT_CODES = {
    "year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE", "century": "CE",
    "hour": "H", "minute": "M", "quarter": "Q", "fortnight": "W",
}  # fmt: skip
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4}  # fmt: skip

# Tense cues that point a weekday or a yearless date ahead of the article date.
# Only constructions that put the clause in the future: "had been scheduled to expire
# Friday", "by Wednesday", "next to the embassy" and "planned" all occur in past reports.
_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|(?:would|could|might)(?!\s+(?:not\s+)?have\b)|(?:is|are|am)\s+(?:due|expected|going|slated)"
    r"\s+to|(?:is|are)\s+to|plan(?:s|ned|ning)?(?:\s+to)?|scheduled|set\s+to"
    r"|to\s+be\s+held|upcoming|postponed\s+until|as\s+(?:soon|early)\s+as)\b|['’]ll\b",
    re.IGNORECASE,
)
# "had been scheduled to expire Friday": a plan reported from after it fell due
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# "today" followed by a present-tense verb speaks of the present in general, not the day.
_GENERIC_TODAY_AFTER = re.compile(
    r"\s*(?:is|are|has|have|remains?|requires?|needs?|faces?|can|must|does|do|lives?"
    r"|seems?|stands?|knows?|means?|looks?)\b",
    re.IGNORECASE,
)
_GENERIC_TODAY_BEFORE = re.compile(r"(?:\bof|\bthat|\bwhich|\bwho|\bwhere)\s+$", re.IGNORECASE)
_PLURAL_AFTER = re.compile(r"\s+(?-i:[a-z]+s)\b")
_DETERMINER_BEFORE = re.compile(
    r"(?:\bthe|\bits|\bhis|\bher|\btheir|\bour|\bthis|\bthat|\bin|\bof|\bsince)\s+$", re.IGNORECASE
)


_WINDOW = 80  # characters either side of an expression that its cues are looked for in


def before(sentence: str, spot: Spot, width: int = _WINDOW) -> str:
    """The text just before ``spot``: bounded, so tagging stays linear on huge sentences."""
    return sentence[max(0, spot.start - width) : spot.start]


def after(sentence: str, spot: Spot, width: int = _WINDOW) -> str:
    return sentence[spot.end : spot.end + width]


def points_ahead(sentence: str, start: int, language: str = "en", end: int | None = None) -> bool:
    """Whether the clause before offset ``start`` of ``sentence`` puts what follows in the
    future ("will meet Bush on Thursday", "is scheduled to open in 2020").

    In French, Spanish and Arabic (``language``) the clause after the expression counts
    too, since the verb often follows the date ("Mardi, le ministre signera"), and the
    expression itself is read when ``end`` is not given: "demain", "va signer", "سوف"
    (cues.py).  English reads only the clause before, as it always has."""
    if language != "en":
        from .languages import grammar_language

        lang = grammar_language(language)
        if lang != "en":
            from .cues import points_ahead as other

            return other(sentence, start, lang, end)
    # the cue must govern the expression, not be a "will" in some other clause of a long
    # sentence; the cue nearest the expression decides
    preceding = sentence[max(0, start - 60) : start]
    cues = list(_FUTURE.finditer(preceding))
    if not cues:
        return False
    return not _PLUPERFECT.search(preceding[: cues[-1].start()])


@dataclass(frozen=True)
class Context:
    """What normalising one expression may look at."""

    sentence: str
    dct: date | None  # the article's publication date
    language: str = "en"
    anchor: TimeValue | None = None  # the last calendar date mentioned before, for anaphora
    quarter: TimeValue | None = None  # the last quarter mentioned: the frame of earnings news
    frame: TimeValue | None = None  # the last calendar date mentioned, of any precision
    day_first: bool = True  # 03/04/2019 is 3 April (most of the world's news)
    spot: Spot | None = None  # the expression being normalised, for cues around it

    @property
    def future(self) -> bool:
        """Whether the clause around the expression points ahead ("will meet on Friday")."""
        if self.spot is None:
            return bool(_FUTURE.search(self.sentence))
        return points_ahead(self.sentence, self.spot.start)


@dataclass(frozen=True)
class Normalised:
    time: TimeValue
    resolution: str


def _half_units(raw: str, unit: str) -> str | None:
    """ "2 1/2 years" -> "P2Y6M", "5 1/2 hours" -> "PT5H30M"."""
    whole = raw.replace("½", " 1/2").split()[0]
    if not whole.isdigit():
        return None
    n = int(whole)
    halves = {
        "year": f"P{n}Y6M",
        "month": f"P{n}M15D",
        "day": f"P{n}DT12H",
        "hour": f"PT{n}H30M",
        "minute": f"PT{n}M30S",
        "week": f"P{n * 7 + 3}DT12H",
    }
    return halves.get(unit)


def _number(text: str) -> int | None:
    """12, "twelve", "twenty-four", "twenty four", "a couple of"; None when vague."""
    text = " ".join(text.lower().replace("-", " ").split())
    if text.replace(",", "").isdigit():
        return int(text.replace(",", ""))
    if " hundred" in text:  # "two hundred", "a hundred and fifty"
        head, _, rest = text.partition(" hundred")
        times = _number(head) if head != "a" else 1
        extra = _number(rest.removeprefix(" and ")) if rest.strip() else 0
        return times * 100 + extra if times and extra is not None else None
    if text in NUMBERS:
        return NUMBERS[text]
    tens, _, unit = text.partition(" ")
    if tens in NUMBERS and unit in NUMBERS and NUMBERS[tens] >= 20 and NUMBERS[unit] < 10:
        return NUMBERS[tens] + NUMBERS[unit]
    return None


def _unit(text: str) -> str:
    text = text.lower()
    if text.startswith("centur"):
        return "century"
    return text[:-1] if text.endswith("s") else text


# The shape of a value whose calendar position is unknown, by unit: "last week" with no
# publication date is some week, not some year.
_UNKNOWN_VALUE = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
                  "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX",
                  "century": "XX", "hour": "XXXX-XX-XX", "minute": "XXXX-XX-XX"}  # fmt: skip


def _unresolved(value: str, type_: str = DATE, granularity: str | None = None) -> Normalised:
    return Normalised(TimeValue(value, type_, granularity), RESOLVED_UNRESOLVED)


def _ref(value: str) -> Normalised:
    return Normalised(TimeValue(value, DATE, None), RESOLVED_NONE)


def _mod(g: dict[str, str]) -> str | None:
    """The TIMEX3 mod of an "early", "mid" or "late" before the expression."""
    return MODS.get((g.get("mod") or "").lower())


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _year_for_month_day(m: int, d: int, ctx: Context) -> date | None:
    """The date a yearless "22 January" means: the one closest to publication.  News
    writes the year when a date is far away, so the nearest reading is the right one far
    more often than any reading of tense; the tense only breaks near-ties."""
    assert ctx.dct is not None
    options = [c for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
               if (c := cal.valid_day(y, m, d)) is not None]  # fmt: skip
    if not options:
        return None
    future = ctx.future
    # News reports the past: a date after publication needs a clear lead over the one
    # before it, unless the tense points ahead (then the past needs it).
    return min(
        options,
        key=lambda c: (
            abs((c - ctx.dct).days) + (90 if (c < ctx.dct) == future and c != ctx.dct else 0)
        ),
    )


def _year_for_month(m: int, ctx: Context) -> int:
    """The year of a yearless "in March": the month closest to publication."""
    assert ctx.dct is not None
    here = ctx.dct.year * 12 + ctx.dct.month - 1
    options = [(y, y * 12 + m - 1) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    future = ctx.future
    return min(options, key=lambda o: abs(o[1] - here) + (3 if (o[1] < here) == future else 0))[0]


def is_generic_today(sentence: str, spot: Spot) -> bool:
    """ "which today requires a diversified response": today as the present in general."""
    word = spot.groups.get("dw", "").lower()
    if word != "today" or spot.groups.get("part"):
        return False
    following = after(sentence, spot)
    preceding = before(sentence, spot)
    if following.startswith(("'s", "’s")):
        return False
    return bool(_GENERIC_TODAY_AFTER.match(following)) and bool(
        _GENERIC_TODAY_BEFORE.search(preceding) or re.search(r"\w\s+$", preceding)
    )


def looks_like_count(sentence: str, spot: Spot) -> bool:
    """A bare 19xx/20xx before a plural noun is a count ("2000 troops") unless a
    determiner or preposition marks it as a year ("the 1998 elections")."""
    if spot.rule not in ("year_bare", "year_words"):
        return False
    if not _PLURAL_AFTER.match(after(sentence, spot)):
        return False
    return not _DETERMINER_BEFORE.search(before(sentence, spot))


def normalise(spot: Spot, ctx: Context) -> Normalised | None:
    """The TIMEX3 value of ``spot``, or None when it is not a temporal expression after all."""
    handler = _HANDLERS[spot.rule]
    if ctx.spot is not spot:
        ctx = replace(ctx, spot=spot)
    try:
        return handler(spot, ctx)
    except (ValueError, OverflowError, KeyError):
        # a calendar this side of year 1 and 9999 cannot hold it ("twenty centuries ago"),
        # or case folding matched a letter the lookups do not know ("ſ"): not a date
        return None


def _date_named(spot: Spot, ctx: Context) -> Normalised | None:
    """ "22 January 2019", "Jan. 22, 2019", "January 2019": the grammar has read the day,
    month and year, and the calendar checks them (31 February is no date)."""
    g = spot.groups
    mod = _mod(g)
    y, m = int(g["year"]), _month_number(g["mon"])
    if "day" not in g:
        return Normalised(cal.month(y, m, mod), RESOLVED_ABSOLUTE)
    d = cal.valid_day(y, m, int(g["day"]))
    return Normalised(cal.day(d, mod), RESOLVED_ABSOLUTE) if d else None


def _date_iso(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    d = cal.valid_day(int(g["year"]), int(g["m"]), int(g["d"]))
    return Normalised(cal.day(d), RESOLVED_ABSOLUTE) if d else None


def _date_num(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    a, b, y = int(g["a"]), int(g["b"]), int(g["year"])
    if a > 12:
        day_, mon = a, b
    elif b > 12:
        day_, mon = b, a
    else:
        day_, mon = (a, b) if ctx.day_first else (b, a)
    d = cal.valid_day(y, mon, day_)
    return Normalised(cal.day(d), RESOLVED_ABSOLUTE) if d else None


def _month_day(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    m, d = _month_number(g["mon"]), int(g["day"])
    if cal.valid_day(2000, m, d) is None:  # 2000 was a leap year: accepts 29 February
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-{m:02d}-{d:02d}", DATE, "day")
    resolved = _year_for_month_day(m, d, ctx)
    return Normalised(cal.day(resolved), RESOLVED_DCT) if resolved else None


def _month_rel(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    m = _month_number(g["mon"])
    rel = " ".join((g.get("rel") or "").lower().split())
    mod = MODS.get(rel)
    if ctx.dct is None:
        return _unresolved(f"XXXX-{m:02d}", DATE, "month")
    if rel == "last":
        y = ctx.dct.year if m < ctx.dct.month else ctx.dct.year - 1
    elif rel == "next":
        y = ctx.dct.year if m > ctx.dct.month else ctx.dct.year + 1
    elif rel in ("this", "earlier this", "later this"):
        y = ctx.dct.year
    else:
        y = _year_for_month(m, ctx)
    return Normalised(cal.month(y, m, mod), RESOLVED_DCT)


def _century(spot: Spot, ctx: Context) -> Normalised | None:
    """ "the 19th century" is 1800-1899 (TimeML value "18")."""
    g = spot.groups
    mod = _mod(g)
    return Normalised(cal.century((int(g["cent"]) - 1) * 100, mod), RESOLVED_ABSOLUTE)


def _decade(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    mod = _mod(g)
    if "dec" in g and g["dec"].endswith("00") and g["dec"] != "2000":
        # "the 1800s" is the century, not its first decade; "the 2000s" stays a decade
        return Normalised(cal.century(int(g["dec"]), mod), RESOLVED_ABSOLUTE)
    if "dec" in g:
        first = int(g["dec"])
    else:
        two = int(g["dec2"])
        first = (1900 if two >= 30 else 2000) + two
    return Normalised(cal.decade(first, _mod(g)), RESOLVED_ABSOLUTE)


def _quarter(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    y = int(g["year"])
    if "qn" in g:
        n = int(g["qn"])
        is_half = ctx.sentence[spot.start] in "Hh"
    else:
        is_half = g["qh"].lower() == "half"
        word = g["q"].lower()
        n = (2 if is_half else 4) if word in ("final", "last") else ORDINALS[word]
    if is_half:
        return Normalised(cal.half(y, n), RESOLVED_ABSOLUTE) if n <= 2 else None
    return Normalised(cal.quarter(y, n), RESOLVED_ABSOLUTE)


def _season(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    code = SEASON_CODES[g["season"].lower()]
    mod = _mod(g)
    if "year" in g:
        return Normalised(cal.season(int(g["year"]), code, mod), RESOLVED_ABSOLUTE)
    if ctx.dct is None:
        return _unresolved(f"XXXX-{code}", DATE, "season")
    rel = g["rel"].lower()
    years = range(ctx.dct.year - 2, ctx.dct.year + 3)
    seasons = [cal.season(y, code) for y in years]
    if rel == "last":
        chosen = [s for s in seasons if s.end < ctx.dct][-1]
    elif rel == "next":
        chosen = next(s for s in seasons if s.start > ctx.dct)
    else:  # this: the one under way, else the nearest one this year
        current = [s for s in seasons if s.start <= ctx.dct <= s.end]
        chosen = current[0] if current else cal.season(ctx.dct.year, code)
    return Normalised(chosen, RESOLVED_DCT)


def _year_mod(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    y = int(g["year"])
    word = " ".join(g["mod"].lower().split())
    if word in ("fiscal", "fy"):  # TimeML news marks the fiscal year with its year's value
        return Normalised(cal.year(y), RESOLVED_ABSOLUTE)
    return Normalised(cal.year(y, MODS.get(word)), RESOLVED_ABSOLUTE)


# The word before a year that bounds or blurs it: "since 1994" is from 1994 on, "around 1995"
# is about then.  TIMEX3 says so with mod; the year itself stays the value.
_YEAR_BOUNDS = {
    "since": "ON_OR_AFTER", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE",
    "before": "BEFORE", "after": "AFTER", "around": "APPROX", "circa": "APPROX", "c.": "APPROX",
}  # fmt: skip
_WORD_BEFORE = re.compile(r"(\S+)\s+$")


def _year(spot: Spot, ctx: Context) -> Normalised | None:
    if looks_like_count(ctx.sentence, spot):
        return None
    tv = cal.year(int(spot.groups["year"]))
    m = _WORD_BEFORE.search(before(ctx.sentence, spot, 16))
    mod = _YEAR_BOUNDS.get(m.group(1).lower()) if m else None
    if mod:
        tv = replace(tv, mod=mod)
    return Normalised(tv, RESOLVED_ABSOLUTE)


def _day_word(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    word = " ".join(g["dw"].lower().split())
    if word == "today" and is_generic_today(ctx.sentence, spot):
        return _ref("PRESENT_REF")
    offsets = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0,
               "tomorrow": 1, "the day after tomorrow": 2}  # fmt: skip
    part = PART_CODES.get((g.get("part") or "").lower()) or ("NI" if word == "tonight" else None)
    if ctx.dct is None:
        return _unresolved("XXXX-XX-XX" + (f"T{part}" if part else ""), DATE, "day")
    d = ctx.dct + timedelta(days=offsets[word])
    return Normalised(_with_part(cal.day(d), part), RESOLVED_DCT)


def _with_part(tv: TimeValue, part: str | None) -> TimeValue:
    """ "Friday night": the day with its part (value "…TNI"), typed DATE as TimeML news
    corpora mostly mark it (a clock time is a TIME)."""
    if not part:
        return tv
    return TimeValue(f"{tv.value}T{part}", DATE, "part-of-day", tv.start, tv.end, tv.mod)


def _this_part(spot: Spot, ctx: Context) -> Normalised | None:
    part = PART_CODES[spot.groups["part"].lower()]
    if ctx.dct is None:
        return _unresolved(f"XXXX-XX-XXT{part}", DATE, "part-of-day")
    word = ctx.sentence[spot.start : spot.end].split()[0].lower()
    d = ctx.dct - timedelta(days=1) if word == "last" else ctx.dct  # last night = yesterday's
    return Normalised(_with_part(cal.day(d), part), RESOLVED_DCT)


def _weekday(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    wd = WEEKDAYS[g["wd"].lower()]
    if ctx.dct is None:
        return _unresolved(f"XXXX-WXX-{wd + 1}", DATE, "day")
    rel = (g.get("rel") or "").lower()
    if rel in ("last", "past"):
        d = cal.weekday_on_or_before(ctx.dct - timedelta(days=1), wd)
    elif rel == "next":
        d = cal.weekday_on_or_after(ctx.dct + timedelta(days=1), wd)
    elif rel == "this":  # the day of the publication's own week
        d = ctx.dct + timedelta(days=wd - ctx.dct.weekday())
    elif rel == "coming" or ctx.future:
        d = cal.weekday_on_or_after(ctx.dct, wd)
    else:  # news convention: the most recent such day on or before publication
        d = cal.weekday_on_or_before(ctx.dct, wd)
    part = PART_CODES.get((g.get("part") or "").lower())
    return Normalised(_with_part(cal.day(d, _emod(g)), part), RESOLVED_DCT)


def _emod(g: dict[str, str]) -> str | None:
    word = (g.get("emod") or "").lower()
    return {"early": "EARLY", "late": "LATE"}.get(word)


def _unit_rel(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    rel = " ".join(g["rel"].lower().split())
    unit = g["unit"].lower()
    anaphoric = rel in ("the previous", "the following", "the next", "the same", "that")
    if anaphoric and unit != "day" and rel == "the next":
        # "over the next year": a span from now, not a calendar year
        return Normalised(TimeValue(_period("1", unit), DURATION, None), RESOLVED_NONE)
    # "the next day" follows the last day mentioned; "that year", "the following month"
    # the last date of any precision
    frame = ctx.anchor if unit in ("day", "week", "weekend") else ctx.frame or ctx.anchor
    base_tv = frame if anaphoric else None
    base = base_tv.start if base_tv is not None else ctx.dct
    if base is None:
        return _unresolved(_UNKNOWN_VALUE.get(unit, "XXXX"), DATE, unit)
    resolution = RESOLVED_ANAPHORIC if base_tv is not None else RESOLVED_DCT
    step = {"last": -1, "the previous": -1, "next": 1, "the following": 1, "the next": 1}.get(
        rel, 0
    )
    mod = _emod(g)
    if unit == "day":
        if not anaphoric:
            return None
        return Normalised(cal.day(base + timedelta(days=step)), resolution)
    if unit == "week":
        return Normalised(cal.week(base + timedelta(weeks=step), mod), resolution)
    if unit == "weekend":
        # this weekend: the one of the publication's week, or on a Monday or Tuesday
        # told in the past, the one just gone; next and last: a week either side
        saturday = base + timedelta(days=5 - base.weekday())
        if rel == "this" and base.weekday() <= 1 and not ctx.future:
            saturday -= timedelta(weeks=1)
        saturday += timedelta(weeks=step)
        return Normalised(cal.weekend(saturday, mod), resolution)
    if unit == "month":
        y, m = cal.shift_months(base, step)
        return Normalised(cal.month(y, m, mod), resolution)
    if unit == "year":
        return Normalised(cal.year(base.year + step, mod), resolution)
    if unit == "decade":
        return Normalised(cal.decade(base.year + 10 * step, mod), resolution)
    if unit == "century":
        return Normalised(cal.century(base.year + 100 * step, mod), resolution)
    return None


def _ago(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    n = _number(g["n"])
    unit = _unit(g["unit"])
    direction = g["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "previously") else 1
    if n is None:  # "several years ago": the past, no more precise than that
        return _ref("PAST_REF" if sign < 0 else "FUTURE_REF")
    if unit == "year" and n == 1 and ctx.quarter is not None and ctx.quarter.start:
        # "profit rose from a year ago/earlier" compares the quarter under discussion
        q = cal.quarter_of(ctx.quarter.start)
        return Normalised(cal.quarter(ctx.quarter.start.year + sign, q), RESOLVED_DCT)
    # "three days later" counts from the last day told; "three years later" from the
    # last date of any precision ("born in 1950. Three years later")
    told = ctx.anchor if unit in ("day", "week", "hour", "minute") else ctx.frame or ctx.anchor
    relative_to_text = direction in ("earlier", "later") and told is not None
    base = told.start if relative_to_text else ctx.dct
    resolution = RESOLVED_ANAPHORIC if relative_to_text else RESOLVED_DCT
    if base is None:
        return _unresolved(_UNKNOWN_VALUE.get(unit, "XXXX"), DATE, unit)
    k = sign * n
    if unit == "year":
        tv = cal.year(base.year + k)
    elif unit == "month":
        y, m = cal.shift_months(base, k)
        tv = cal.month(y, m)
    elif unit == "week":
        tv = cal.week(base + timedelta(weeks=k))
    elif unit == "day":
        tv = cal.day(base + timedelta(days=k))
    elif unit == "decade":
        tv = cal.decade(base.year + 10 * k)
    elif unit == "century":
        tv = cal.century(base.year + 100 * k)
    elif unit == "quarter":
        y, m = cal.shift_months(base, 3 * k)
        tv = cal.quarter(y, cal.quarter_of(date(y, m, 1)))
    else:  # hours, minutes: the day is as precise as we can honestly be
        tv = cal.day(base)
    return Normalised(tv, resolution)


def _set_every_n(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    unit = _unit(g["unit"])
    n = _number(g["n"])
    count = "X" if n is None else str(n)
    return Normalised(TimeValue(_period(count, unit), SET, None), RESOLVED_NONE)


def _set(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    text = ctx.sentence[spot.start : spot.end].lower()
    if "adv" in g:
        value = {
            "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
            "yearly": "P1Y", "hourly": "PT1H", "nightly": "TNI", "fortnightly": "P2W",
            "biannually": "P6M",
        }[g["adv"].lower()]  # fmt: skip
    else:
        unit = g["unit"].lower()
        every = 2 if " other " in f" {text} " else 1
        if unit in WEEKDAYS:
            value = f"XXXX-WXX-{WEEKDAYS[unit] + 1}"
        elif unit in PART_CODES:
            value = f"T{PART_CODES[unit]}"
        elif unit == "weekend":
            value = "XXXX-WXX-WE"
        else:
            value = _period(str(every), unit)
    return Normalised(TimeValue(value, SET, None), RESOLVED_NONE)


_DURATION_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "under": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "just under": "LESS_THAN",
    "over": "MORE_THAN", "more than": "MORE_THAN", "just over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}  # fmt: skip


def _period(n: str, unit: str) -> str:
    """An ISO 8601 period of ``n`` units ("X" for a vague number). Decades and centuries are
    written in years and quarters in Q, as TempEval-3's annotators do (P20Y, P2Q, P1Q), which
    every date library also reads; a vague number keeps the unit (PXDE, PXQ)."""
    if unit in ("hour", "minute"):
        return f"PT{n}{UNIT_CODES[unit]}"
    if n != "X" and unit in ("decade", "century", "fortnight"):
        years = {"decade": 10, "century": 100}.get(unit)
        return f"P{int(n) * years}Y" if years else f"P{int(n) * 2}W"
    return f"P{n}{UNIT_CODES[unit]}"


def _duration_mod(g: dict[str, str]) -> str | None:
    """The TIMEX3 mod of a duration's bounding words ("nearly" -> LESS_THAN)."""
    return _DURATION_MODS.get(" ".join((g.get("dmod") or "").lower().split()))


def _duration(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    unit = _unit(g["unit"])
    raw = " ".join(g.get("n", "1").lower().split())
    if "1/2" in raw or "½" in raw:
        value = _half_units(raw, unit)
        mod = _duration_mod(g)
        return (
            Normalised(TimeValue(value, DURATION, None, mod=mod), RESOLVED_NONE) if value else None
        )
    number = _number(raw)
    if number is None and re.fullmatch(r"\d+\.\d+", raw):
        n = raw.rstrip("0").rstrip(".")  # "1.5 years": ISO 8601 allows a decimal fraction
    else:
        n = "X" if raw in VAGUE_NUMBERS or number is None else str(number)
    value = _period(n, unit)
    mod = _duration_mod(g)
    return Normalised(TimeValue(value, DURATION, None, mod=mod), RESOLVED_NONE)


def _duration_plural(spot: Spot, ctx: Context) -> Normalised | None:
    """ "for weeks", "the coming months", "recent years": a vague number of units."""
    unit = _unit(spot.groups["unit"])
    return Normalised(TimeValue(_period("X", unit), DURATION, None), RESOLVED_NONE)


def _duration_past(spot: Spot, ctx: Context) -> Normalised | None:
    """ "the past year", "the next month": one unit, measured from now."""
    unit = _unit(spot.groups["unit"])
    return Normalised(TimeValue(_period("1", unit), DURATION, None), RESOLVED_NONE)


def _last_quarter_before(d: date) -> tuple[int, int]:
    """The last quarter completed before ``d``: what "the quarter" means in earnings news."""
    q = cal.quarter_of(d) - 1  # quarters completed this year
    return (d.year, q) if q else (d.year - 1, 4)


def _quarter_noyear(spot: Spot, ctx: Context) -> Normalised | None:
    """ "third-quarter", "the fourth quarter", "the year-ago quarter" with no year: the most
    recent such quarter (or half) that has begun by publication."""
    g = spot.groups
    is_half = (g.get("qh") or "quarter").lower() == "half"
    n = ORDINALS[g["q"].lower()]
    if is_half and n > 2:
        return None
    text = ctx.sentence[spot.start : spot.end].lower()
    if ctx.dct is None:
        code = f"H{n}" if is_half else f"Q{n}"
        return _unresolved(f"XXXX-{code}", DATE, "half" if is_half else "quarter")
    first_month = (n - 1) * (6 if is_half else 3) + 1
    y = ctx.dct.year if first_month <= ctx.dct.month else ctx.dct.year - 1
    if text.startswith("next"):
        y = ctx.dct.year if first_month > ctx.dct.month else ctx.dct.year + 1
    if text.startswith("last") or "year-ago" in text or "year-earlier" in text:
        y -= 1
    tv = cal.half(y, n) if is_half else cal.quarter(y, n)
    return Normalised(tv, RESOLVED_DCT)


def _quarter_of_year(spot: Spot, ctx: Context) -> Normalised | None:
    """ "the 1988 second quarter", "the fourth quarter of last year", "next year's second
    half"; "the 1989 period" is the quarter under discussion."""
    g = spot.groups
    if (g.get("qh") or "").lower() == "half":
        if ctx.dct is None:
            return _unresolved(f"XXXX-H{ORDINALS[g['q'].lower()]}", DATE, "half")
        y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
        n = ORDINALS[g["q"].lower()]
        return Normalised(cal.half(y, n), RESOLVED_DCT) if n <= 2 else None
    if "year" in g:
        y = int(g["year"])
    elif ctx.dct is not None:
        y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
    else:
        return _unresolved("XXXX-QX", DATE, "quarter")
    if "q" in g:
        q = ORDINALS[g["q"].lower()]
    elif ctx.quarter is not None and ctx.quarter.start:
        q = cal.quarter_of(ctx.quarter.start)
    else:
        return Normalised(cal.year(y), RESOLVED_ABSOLUTE)
    return Normalised(cal.quarter(y, q), RESOLVED_ABSOLUTE if "year" in g else RESOLVED_DCT)


def _quarter_rel(spot: Spot, ctx: Context) -> Normalised | None:
    rel = " ".join(spot.groups["qrel"].lower().replace("’", "'").split())
    if ctx.dct is None:
        return _unresolved("XXXX-QX", DATE, "quarter")
    current = (ctx.dct.year, cal.quarter_of(ctx.dct))
    if rel in ("this", "the current"):
        y, q = current
    elif rel == "next":
        y, q = (current[0], current[1] + 1) if current[1] < 4 else (current[0] + 1, 1)
    elif rel in ("the previous", "the preceding"):
        # the one before the quarter under discussion, else before the current one
        if ctx.quarter is not None and ctx.quarter.start:
            y, q = ctx.quarter.start.year, cal.quarter_of(ctx.quarter.start)
        else:
            y, q = current
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    else:  # last, the latest, the quarter: the last one completed
        y, q = _last_quarter_before(ctx.dct)
        if rel in ("the year-ago", "the year-earlier", "last year's"):
            y -= 1
    return Normalised(cal.quarter(y, q), RESOLVED_DCT)


def _year_words(spot: Spot, ctx: Context) -> Normalised | None:
    """ "nineteen ninety-six", "the year two thousand": years as spoken in transcripts."""
    if looks_like_count(ctx.sentence, spot):  # "two thousand protesters"
        return None
    words = ctx.sentence[spot.start : spot.end].lower().replace("-", " ").split()
    words = [w for w in words if w not in ("the", "year", "and", "hundred", "oh")]
    if words[:2] == ["two", "thousand"]:
        rest = " ".join(words[2:])
        y = 2000 + ((_number(rest) or 0) if rest else 0)
    else:
        n = _number(" ".join(words[1:])) if len(words) > 1 else None
        if n is None or n > 99:
            return None  # "nineteen" alone is a number
        y = 1900 + n
    return Normalised(cal.year(y), RESOLVED_ABSOLUTE)


def _year_ago_adj(spot: Spot, ctx: Context) -> Normalised | None:
    """ "year-earlier results": the period under discussion, a year back."""
    if ctx.quarter is not None and ctx.quarter.start:
        q = cal.quarter_of(ctx.quarter.start)
        return Normalised(cal.quarter(ctx.quarter.start.year - 1, q), RESOLVED_DCT)
    if ctx.dct is None:
        return _unresolved("XXXX", DATE, "year")
    return Normalised(cal.year(ctx.dct.year - 1), RESOLVED_DCT)


def _the_weekend(spot: Spot, ctx: Context) -> Normalised | None:
    if ctx.dct is None:
        return _unresolved("XXXX-WXX-WE", DATE, "week")
    if ctx.future:
        saturday = cal.weekday_on_or_after(ctx.dct, 5)
    else:
        saturday = cal.weekday_on_or_before(ctx.dct, 5)
    return Normalised(cal.weekend(saturday), RESOLVED_DCT)


def _month_relyear(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    m = _month_number(g["mon"])
    if ctx.dct is None:
        return _unresolved(f"XXXX-{m:02d}", DATE, "month")
    step = {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
    mod = _mod(g)
    return Normalised(cal.month(ctx.dct.year + step, m, mod), RESOLVED_DCT)


def _easter(y: int) -> date:
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


def _nth_weekday(y: int, m: int, weekday: int, n: int) -> date:
    """The n-th ``weekday`` of a month (n = -1: the last)."""
    if n > 0:
        first = cal.weekday_on_or_after(date(y, m, 1), weekday)
        return first + timedelta(weeks=n - 1)
    last = date(y, m, 1) + timedelta(days=31)
    last = date(last.year, last.month, 1) - timedelta(days=1)
    return cal.weekday_on_or_before(last, weekday)


def holiday_date(name: str, y: int) -> date | None:
    """The date of a holiday named in English news, in year ``y``."""
    key = " ".join(name.lower().replace("’", "'").split())
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
             "independence day": (7, 4), "veterans day": (11, 11), "valentine's day": (2, 14),
             "boxing day": (12, 26), "bastille day": (7, 14)}  # fmt: skip
    if key in fixed:
        return date(y, *fixed[key])
    if key.startswith("easter"):
        sunday = _easter(y)
        return sunday + timedelta(days=1) if key.endswith("monday") else sunday
    if key.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)  # the fourth Thursday of November (US)
    if key == "labor day":
        return _nth_weekday(y, 9, 0, 1)
    if key == "memorial day":
        return _nth_weekday(y, 5, 0, -1)
    if key == "election day":  # the Tuesday after the first Monday of November
        return _nth_weekday(y, 11, 0, 1) + timedelta(days=1)
    return None


def _holiday(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    if "year" in g:
        d = holiday_date(g["hol"], int(g["year"]))
        return Normalised(cal.day(d), RESOLVED_ABSOLUTE) if d else None
    if ctx.dct is None:
        return _unresolved("XXXX-XX-XX", DATE, "day")
    rel = (g.get("rel") or "").lower()
    options = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
               if (d := holiday_date(g["hol"], y)) is not None]  # fmt: skip
    if rel == "last":
        options = [d for d in options if d < ctx.dct]
        chosen = max(options) if options else None
    elif rel == "next":
        options = [d for d in options if d > ctx.dct]
        chosen = min(options) if options else None
    else:
        future = ctx.future
        chosen = min(options, key=lambda d: abs((d - ctx.dct).days)
                     + (120 if (d < ctx.dct) == future and d != ctx.dct else 0))  # fmt: skip
    return Normalised(cal.day(chosen), RESOLVED_DCT) if chosen else None


def _the_year(spot: Spot, ctx: Context) -> Normalised | None:
    """ "the year" in news: the year of publication; "the year ended June 30" is a
    twelve-month span, not a calendar year."""
    if spot.groups.get("ended"):
        return Normalised(TimeValue("P1Y", DURATION, None), RESOLVED_NONE)
    if ctx.dct is None:
        return _unresolved("XXXX", DATE, "year")
    return Normalised(cal.year(ctx.dct.year), RESOLVED_DCT)


def _year_end(spot: Spot, ctx: Context) -> Normalised | None:
    """The end of the year: the coming one when the clause looks ahead, else the last."""
    if ctx.dct is None:
        return _unresolved("XXXX", DATE, "year")
    ahead = ctx.future or bool(re.search(r"\bby\s+$", before(ctx.sentence, spot, 10)))
    y = ctx.dct.year if ahead or ctx.dct.month == 12 else ctx.dct.year - 1
    if spot.groups.get("endof"):  # "the end of the year": the year's end, no particular day
        return Normalised(cal.year(y, "END"), RESOLVED_DCT)
    return Normalised(cal.day(date(y, 12, 31)), RESOLVED_DCT)  # "year-end": the closing day


def _ref_rule(value: str):
    return lambda spot, ctx: _ref(value)


def _clock(spot: Spot, ctx: Context) -> Normalised | None:
    g = spot.groups
    if "wd" in g or "mon" in g or "dw" in g:  # "10 p.m. Wednesday", "9 a.m. tomorrow"
        if "wd" in g:
            day_ = _weekday(spot, ctx)
        elif "mon" in g:
            day_ = _month_day(spot, ctx)
        else:
            day_ = _day_word(spot, ctx)
        if day_ is None or not day_.time.is_calendar:
            return day_
        clock = _clock_of(g)
        if clock is None:
            return None
        d = day_.time.start
        tv = TimeValue(f"{d.isoformat()}{clock}", TIME, "minute", d, d)
        return Normalised(tv, day_.resolution)
    clock = _clock_of(g)
    if clock is None:
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-XX-XX{clock}", TIME, "minute")
    return Normalised(
        TimeValue(f"{ctx.dct.isoformat()}{clock}", TIME, "minute", ctx.dct, ctx.dct),
        RESOLVED_DCT,
    )


def _clock_of(g: dict[str, str]) -> str | None:
    """ "T22:00" from the clock groups of a match, None for an impossible time."""
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


_HANDLERS = {
    "date_dmy": _date_named,
    "date_mdy": _date_named,
    "month_year": _date_named,
    "date_iso": _date_iso,
    "date_num": _date_num,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_rel": _month_rel,
    "month_ctx": _month_rel,
    "decade": _decade,
    "decade_short": _decade,
    "century": _century,
    "quarter": _quarter,
    "quarter_q": _quarter,
    "season_year": _season,
    "season_rel": _season,
    "year_mod": _year_mod,
    "year_ctx": _year,
    "year_bare": _year,
    "day_word": _day_word,
    "this_part": _this_part,
    "weekday": _weekday,
    "unit_rel": _unit_rel,
    "ago": _ago,
    "set_every": _set,
    "set_adv": _set,
    "set_every_n": _set_every_n,
    "year_ctx_weak": _year,
    "set_per": _set,
    "duration": _duration,
    "duration_past": _duration_past,
    "duration_plural": _duration_plural,
    "recent": _ref_rule("PAST_REF"),
    "coming": _ref_rule("FUTURE_REF"),
    "quarter_adj": _quarter_noyear,
    "year_ago_adj": _year_ago_adj,
    "weekend": _the_weekend,
    "month_relyear": _month_relyear,
    "quarter_noyear": _quarter_noyear,
    "quarter_rel": _quarter_rel,
    "quarter_year_first": _quarter_of_year,
    "quarter_relyear": _quarter_of_year,
    "quarter_of_relyear": _quarter_of_year,
    "year_words": _year_words,
    "duration_adj": _duration,
    "duration_bare": _duration,
    "present": _ref_rule("PRESENT_REF"),
    "past": _ref_rule("PAST_REF"),
    "future": _ref_rule("FUTURE_REF"),
    "clock": _clock,
    "clock_day": _clock,
    "holiday": _holiday,
    "the_year": _the_year,
    "year_end": _year_end,
    "recent_adj": _ref_rule("PAST_REF"),
    "current_adj": _ref_rule("PRESENT_REF"),
    "clock_dot": _clock,
    "clock_ap": _clock,
    "clock_mil": _clock,
}
