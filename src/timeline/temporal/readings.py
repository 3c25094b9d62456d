"""Readings: from a rule's match to a TIMEX3 value, for every language.

A grammar's rule names the reading of its matches (the rule's own name unless the grammar
maps it, ``Spec.readings``); a reading looks the matched words up in the grammar's tables
and leaves the calendar decisions to resolve.py.  So "mardi dernier", "el pasado martes",
"الثلاثاء الماضي" and "last Tuesday" are one reading and one resolution.  The group names a
reading expects are its contract with the grammars: "mon", "day", "year", "wd", "rel",
"mod", "unit", "n", "part", "dw" (see lang/fr.py for the fullest use).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from ..model import (
    DURATION,
    RESOLVED_ABSOLUTE,
    RESOLVED_ANAPHORIC,
    RESOLVED_DCT,
    RESOLVED_NONE,
    SET,
    TIME,
    TimeValue,
)
from . import calendar as cal
from .grammar import Grammar, Spot
from .resolve import (
    CALENDAR_UNITS,
    Context,
    Normalised,
    clock_of,
    closest_day,
    discussed_quarter,
    end_of_year,
    holiday_date,
    last_quarter_before,
    period,
    ref,
    season,
    step,
    the_weekend,
    told,
    unknown,
    unresolved,
    weekday_date,
    weekend,
    with_part,
    year_of_month,
)
from .textview import fold

Reading = Callable[[Spot, Context], "Normalised | None"]


def _month_of(g: Grammar, word: str) -> int:
    m = g.look("month", word) or g.look("month_abbr", word.rstrip("."))
    if not isinstance(m, int):
        raise KeyError(word)
    return m


def _mod(g: Grammar, groups: dict[str, str]) -> str | None:
    value = g.look("mod", groups.get("mod"))
    return value if isinstance(value, str) else None


def _first(g: Grammar, name: str, groups: dict[str, str]) -> str | None:
    """The value in table ``name`` of group ``name`` or, failing that, ``name`` + "2" (a
    rule may say the word before or after: "el pasado martes", "el martes pasado")."""
    for key in (name, name + "2"):
        value = g.look(name, groups.get(key))
        if isinstance(value, str):
            return value
    return None


def _rel(g: Grammar, groups: dict[str, str]) -> str | None:
    return _first(g, "rel", groups)


def _part(g: Grammar, groups: dict[str, str]) -> str | None:
    return _first(g, "part", groups)


def _int(g: Grammar, name: str, word: str | None) -> int:
    """A number from table ``name`` (an ordinal, a year's shift); KeyError: no reading."""
    value = g.look(name, word)
    if not isinstance(value, int):
        raise KeyError(word)
    return value


def _offset(g: Grammar, word: str | None) -> tuple[int, str | None]:
    """A day word's offset from publication and the part of day it implies ("tonight")."""
    value = g.look("day_word", word)
    if isinstance(value, tuple):
        return value
    if not isinstance(value, int):
        raise KeyError(word)
    return value, None


def _unit_of(
    g: Grammar, word: str, tables: tuple[str, ...] = ("unit", "unit_def")
) -> tuple[str, int | None]:
    """A unit word's unit and, for an Arabic dual or singular, the count it says."""
    value = next((v for t in tables if t in g.tables and (v := g.look(t, word))), None)
    if isinstance(value, tuple):
        return value
    if not isinstance(value, str):
        raise KeyError(word)
    return value, None


def _looks_like_count(sp: Spot, ctx: Context) -> bool:
    """ "2000 troops", "2000 soldats", "page 2001": a year told as a count or an identifier
    is not a year.  Strong contexts ("in 2000") only need the count words after; weak ones
    ("de 2000") and bare numbers a plural after (unless a determiner before makes it a year:
    "the 1998 elections") or an identifier's word before."""
    g = ctx.g
    after = ctx.after(g.guard_window or 40)
    before = ctx.before(g.guard_window or 30)
    if g.guard("count_after", after) or g.guard("hijri_after", after):
        return True
    if sp.rule in ("year_weak", "year_bare", "year_words"):
        if g.guard("plural_after", after) and not g.guard("determiner_before", before):
            return True
        return g.guard("id_before", before)
    return False


def _date(sp: Spot, ctx: Context) -> Normalised | None:
    """ "22 January 2019", "Jan. 22", "22 janvier 2019", "mardi 22 janvier", "el pasado 22
    de enero", "الثلاثاء 22 يناير 2019": a year given is absolute; without one, the date
    closest to publication on which the weekday, when one is given, falls."""
    g, s = ctx.g, sp.groups
    m = _month_of(g, s["mon"])
    d = 1 if "day1" in s else int(s["day"])
    if "year" in s:
        day_ = cal.valid_day(int(s["year"]), m, d)
        return Normalised(cal.day(day_), RESOLVED_ABSOLUTE) if day_ else None
    if cal.valid_day(2000, m, d) is None:  # a leap year: 29 February is a date
        return None
    if ctx.dct is None:
        return unresolved(f"XXXX-{m:02d}-{d:02d}", "day")
    options = [c for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
               if (c := cal.valid_day(y, m, d)) is not None]  # fmt: skip
    rel = _rel(g, s)
    target = ctx.dct + timedelta(days=_offset(g, s["dw"])[0]) if "dw" in s else None
    if rel == "last":
        options = [c for c in options if c < ctx.dct] or options
    elif rel == "next":
        options = [c for c in options if c > ctx.dct] or options
    if "wd" in s:
        # the weekday picks the year among the readings within half a year ("mardi 22
        # janvier" in July 2019 is the past January's, a Tuesday); a weekday that fits
        # none of them is a slip, and the date wins
        wd = g.look("weekday", s["wd"])
        near = [c for c in options if abs((c - ctx.dct).days) <= 200]
        options = [c for c in near if c.weekday() == wd] or options
    if rel == "last":
        chosen = max(options)
    elif rel == "next":
        chosen = min(options)
    else:
        chosen = closest_day(options, ctx, target)
    return Normalised(cal.day(chosen), RESOLVED_DCT)


def _date_iso(sp: Spot, ctx: Context) -> Normalised | None:
    g = sp.groups
    d = cal.valid_day(int(g["year"]), int(g["m"]), int(g["d"]))
    return Normalised(cal.day(d), RESOLVED_ABSOLUTE) if d else None


def _date_num(sp: Spot, ctx: Context) -> Normalised | None:
    """ "22/01/2019"; "03/04/2019" is 3 April unless the article reads month first."""
    g = sp.groups
    a, b, y = int(g["a"]), int(g["b"]), int(g["year"])
    if a > 12:
        day_, mon = a, b
    elif b > 12:
        day_, mon = b, a
    else:
        day_, mon = (a, b) if ctx.day_first else (b, a)
    d = cal.valid_day(y, mon, day_)
    return Normalised(cal.day(d), RESOLVED_ABSOLUTE) if d else None


def _month_year(sp: Spot, ctx: Context) -> Normalised | None:
    s = sp.groups
    y = int(s["year"])
    if _looks_like_count(sp, ctx):
        return None
    return Normalised(cal.month(y, _month_of(ctx.g, s["mon"]), _mod(ctx.g, s)), RESOLVED_ABSOLUTE)


def _month(sp: Spot, ctx: Context) -> Normalised | None:
    """A month without its year: "in January", "last January", "June last year", "en
    janvier", "enero pasado", "يناير الماضي", "janvier de l'année dernière"."""
    g, s = ctx.g, sp.groups
    m = _month_of(g, s["mon"])
    mod = _mod(g, s)
    if ctx.dct is None:
        return unresolved(f"XXXX-{m:02d}", "month")
    rel = _rel(g, s)
    here = ctx.dct
    if "yrel" in s:
        shift = g.look("yrel", s["yrel"])
        if not isinstance(shift, int):
            return None
        y = here.year + shift
    elif rel == "last":
        y = here.year if m < here.month else here.year - 1
    elif rel == "next":
        y = here.year if m > here.month else here.year + 1
    elif rel == "this":
        y = here.year
    else:
        y = year_of_month(m, ctx)
    return Normalised(cal.month(y, m, mod), RESOLVED_DCT)


# The word before a year that bounds or blurs it: "since 1994" is from 1994 on, "around
# 1995" is about then.  TIMEX3 says so with mod; the year itself stays the value.
_WORD_BEFORE = re.compile(r"(\S+)\s+$")


def _year(sp: Spot, ctx: Context) -> Normalised | None:
    if _looks_like_count(sp, ctx):
        return None
    tv = cal.year(int(sp.groups["year"]))
    if "year_bound" in ctx.g.tables:
        m = _WORD_BEFORE.search(ctx.before(16))
        mod = ctx.g.look("year_bound", m.group(1)) if m else None
        if isinstance(mod, str):
            tv = replace(tv, mod=mod)
    return Normalised(tv, RESOLVED_ABSOLUTE)


def _year_mod(sp: Spot, ctx: Context) -> Normalised | None:
    """ "early 2016", "the end of 1994", "fiscal 2016" (a fiscal year is marked with its
    year's value), "début 2016", "finales de 2016"."""
    if _looks_like_count(sp, ctx):
        return None
    return Normalised(cal.year(int(sp.groups["year"]), _mod(ctx.g, sp.groups)), RESOLVED_ABSOLUTE)


def _year_words(sp: Spot, ctx: Context) -> Normalised | None:
    """ "nineteen ninety-six", "the year two thousand": years as spoken in transcripts."""
    if _looks_like_count(sp, ctx) or ctx.g.spoken_year is None:  # "two thousand protesters"
        return None
    y = ctx.g.spoken_year(ctx.sentence[sp.start : sp.end])
    return Normalised(cal.year(y), RESOLVED_ABSOLUTE) if y is not None else None


def _decade(sp: Spot, ctx: Context) -> Normalised | None:
    """ "the 1990s", "the '90s", "les années 1990", "los años noventa", "التسعينيات"."""
    g, s = ctx.g, sp.groups
    mod = _mod(g, s)
    if "dec" in s:
        first = int(s["dec"])
        if first % 100 == 0 and first != 2000:  # "the 1800s": the century
            return Normalised(cal.century(first, mod), RESOLVED_ABSOLUTE)
    elif "dec2" in s:
        two = int(s["dec2"])
        first = (1900 if two >= 30 else 2000) + two
    else:
        first = g.look("decade_word", s["decw"])
        if not isinstance(first, int):
            return None
        if first < 100:  # Arabic: the tens only; the century is named or the last one
            century_ = g.look("century_ref", s.get("cref")) if "cref" in s else 19
            first = (century_ if isinstance(century_, int) else 19) * 100 + first
    return Normalised(cal.decade(first, mod), RESOLVED_ABSOLUTE)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total or None


def _century(sp: Spot, ctx: Context) -> Normalised | None:
    """ "the 19th century" is 1800-1899 (TimeML value "18"); "XIXe siècle", "القرن الماضي"."""
    g, s = ctx.g, sp.groups
    word = s["cent"]
    n = int(word) if word.isdigit() else _roman(word) if word.isascii() else None
    if n is None:
        value = g.look("century_word", word)
        if isinstance(value, int):
            n = value
        elif isinstance(value, str):  # "القرن الماضي": relative to publication
            if ctx.dct is None:
                return unresolved("XX", "century")
            current = ctx.dct.year // 100 + 1
            n = current + {"last": -1, "this": 0, "next": 1}[value]
            return Normalised(cal.century((n - 1) * 100, _mod(g, s)), RESOLVED_DCT)
    if not n or n > 30:
        return None
    return Normalised(cal.century((n - 1) * 100, _mod(g, s)), RESOLVED_ABSOLUTE)


def _quarter(sp: Spot, ctx: Context) -> Normalised | None:
    """ "the first quarter of 2016", "Q1 2016", "H2 2016", "premier trimestre 2016"."""
    g, s = ctx.g, sp.groups
    y = int(s["year"])
    if "qn" in s:  # Q1, H2: the letter says which
        n = int(s["qn"])
        is_half = ctx.sentence[sp.start] in "Hh"
    else:
        ordinal = g.look("ordinal", s["q"])
        is_half = g.look("half", s["qh"]) is True
        if not isinstance(ordinal, int):
            return None
        n = ordinal if ordinal > 0 else 2 if is_half else 4  # "the last quarter"
    if is_half:
        return Normalised(cal.half(y, n), RESOLVED_ABSOLUTE) if n <= 2 else None
    return Normalised(cal.quarter(y, n), RESOLVED_ABSOLUTE) if n <= 4 else None


def _quarter_noyear(sp: Spot, ctx: Context) -> Normalised | None:
    """ "third-quarter", "the fourth quarter", "the year-ago quarter" with no year: the most
    recent such quarter (or half) that has begun by publication."""
    g, s = ctx.g, sp.groups
    is_half = g.look("half", s.get("qh")) is True
    n = g.look("ordinal", s["q"])
    if not isinstance(n, int) or (is_half and n > 2):
        return None
    if ctx.dct is None:
        code = f"H{n}" if is_half else f"Q{n}"
        return unresolved(f"XXXX-{code}", "half" if is_half else "quarter")
    first_month = (n - 1) * (6 if is_half else 3) + 1
    y = ctx.dct.year if first_month <= ctx.dct.month else ctx.dct.year - 1
    rel = _rel(g, s)
    if rel == "next":
        y = ctx.dct.year if first_month > ctx.dct.month else ctx.dct.year + 1
    if rel == "last" or g.look("quarter_rel", s.get("qadj")) == "year_ago":
        y -= 1
    tv = cal.half(y, n) if is_half else cal.quarter(y, n)
    return Normalised(tv, RESOLVED_DCT)


def _quarter_of_year(sp: Spot, ctx: Context) -> Normalised | None:
    """ "the 1988 second quarter", "the fourth quarter of last year", "next year's second
    half"; "the 1989 period" is the quarter under discussion."""
    g, s = ctx.g, sp.groups
    if g.look("half", s.get("qh")) is True:
        n = _int(g, "ordinal", s["q"])
        if ctx.dct is None:
            return unresolved(f"XXXX-H{n}", "half")
        y = ctx.dct.year + _int(g, "yrel", s["yrel"])
        return Normalised(cal.half(y, n), RESOLVED_DCT) if n <= 2 else None
    if "year" in s:
        y = int(s["year"])
    elif ctx.dct is not None:
        y = ctx.dct.year + _int(g, "yrel", s["yrel"])
    else:
        return unresolved("XXXX-QX", "quarter")
    discussed = discussed_quarter(ctx)
    if "q" in s:
        q = _int(g, "ordinal", s["q"])
    elif discussed is not None:
        q = discussed[1]
    else:
        return Normalised(cal.year(y), RESOLVED_ABSOLUTE)
    return Normalised(cal.quarter(y, q), RESOLVED_ABSOLUTE if "year" in s else RESOLVED_DCT)


def _quarter_rel(sp: Spot, ctx: Context) -> Normalised | None:
    """ "this quarter", "the latest quarter", "the previous quarter", "the year-ago
    period": the last quarter completed unless the words say otherwise."""
    rel = ctx.g.look("quarter_rel", sp.groups["qrel"])
    if ctx.dct is None:
        return unresolved("XXXX-QX", "quarter")
    current = (ctx.dct.year, cal.quarter_of(ctx.dct))
    if rel == "this":
        y, q = current
    elif rel == "next":
        y, q = (current[0], current[1] + 1) if current[1] < 4 else (current[0] + 1, 1)
    elif rel == "prev":
        # the one before the quarter under discussion, else before the current one
        y, q = discussed_quarter(ctx) or current
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    else:  # last, the latest, the quarter: the last one completed
        y, q = last_quarter_before(ctx.dct)
        if rel == "year_ago":
            y -= 1
    return Normalised(cal.quarter(y, q), RESOLVED_DCT)


def _year_ago_adj(sp: Spot, ctx: Context) -> Normalised | None:
    """ "year-earlier results": the period under discussion, a year back."""
    discussed = discussed_quarter(ctx)
    if discussed is not None:
        return Normalised(cal.quarter(discussed[0] - 1, discussed[1]), RESOLVED_DCT)
    if ctx.dct is None:
        return unresolved("XXXX", "year")
    return Normalised(cal.year(ctx.dct.year - 1), RESOLVED_DCT)


def _the_year(sp: Spot, ctx: Context) -> Normalised | None:
    """ "the year" in news: the year of publication; "the year ended June 30" is a
    twelve-month span, not a calendar year."""
    if sp.groups.get("ended"):
        return Normalised(TimeValue("P1Y", DURATION, None), RESOLVED_NONE)
    if ctx.dct is None:
        return unresolved("XXXX", "year")
    return Normalised(cal.year(ctx.dct.year), RESOLVED_DCT)


def _year_end(sp: Spot, ctx: Context) -> Normalised | None:
    """ "the end of the year" (the year's end, no particular day); "year-end" (its closing
    day)."""
    if ctx.dct is None:
        return unresolved("XXXX", "year")
    y = end_of_year(ctx, ctx.g.guard("by_before", ctx.before(10)))
    if sp.groups.get("endof"):
        return Normalised(cal.year(y, "END"), RESOLVED_DCT)
    return Normalised(cal.day(date(y, 12, 31)), RESOLVED_DCT)


def _season(sp: Spot, ctx: Context) -> Normalised | None:
    """ "summer 2016", "last summer", "l'été dernier", "el próximo invierno", "صيف 2016"."""
    g, s = ctx.g, sp.groups
    code = g.look("season", s["season"])
    if not isinstance(code, str):
        return None
    if "year" in s:
        return Normalised(cal.season(int(s["year"]), code, _mod(g, s)), RESOLVED_ABSOLUTE)
    if ctx.dct is None:
        return unresolved(f"XXXX-{code}", "season")
    return Normalised(season(code, _rel(g, s) or "this", ctx), RESOLVED_DCT)


def _holiday(sp: Spot, ctx: Context) -> Normalised | None:
    """ "Christmas", "Easter Monday 2016", "last Thanksgiving": the closest one unless the
    words or the tense say which."""
    g, s = ctx.g, sp.groups
    rule = g.look("holiday", s["hol"])
    if "year" in s:
        d = holiday_date(rule, int(s["year"]))
        return Normalised(cal.day(d), RESOLVED_ABSOLUTE) if d else None
    if ctx.dct is None:
        return unresolved("XXXX-XX-XX", "day")
    dct = ctx.dct
    rel = _rel(g, s)
    options = [d for y in (dct.year - 1, dct.year, dct.year + 1)
               if (d := holiday_date(rule, y)) is not None]  # fmt: skip
    if rel == "last":
        options = [d for d in options if d < dct]
        chosen = max(options) if options else None
    elif rel == "next":
        options = [d for d in options if d > dct]
        chosen = min(options) if options else None
    else:
        future = ctx.future
        chosen = min(options, key=lambda d: abs((d - dct).days)
                     + (120 if (d < dct) == future and d != dct else 0))  # fmt: skip
    return Normalised(cal.day(chosen), RESOLVED_DCT) if chosen else None


def _day_word(sp: Spot, ctx: Context) -> Normalised | None:
    """ "yesterday", "tonight", "hier", "demain soir", "ayer por la tarde", "anoche", "أمس",
    "صباح اليوم", "بعد غد"."""
    g, s = ctx.g, sp.groups
    offset, implied = _offset(g, s["dw"])
    part = _part(g, s) or implied
    if offset == 1 and g.guard("tomorrow_not_after", ctx.after()):
        return None  # "غدا من الضروري": the verb "became", not tomorrow
    if offset == 0 and not part:
        if g.guard("today_not_before", ctx.before()) or g.guard("today_not_after", ctx.after()):
            return None
        window = g.guard_window or 60
        if g.guard("generic_today_before", ctx.before(window)) and g.allows(
            "generic_today_after", ctx.after(window)
        ):
            return ref("PRESENT_REF")  # "which today requires", "le Maroc d'aujourd'hui"
    if ctx.dct is None:
        return unresolved("XXXX-XX-XX" + (f"T{part}" if part else ""), "day")
    return Normalised(with_part(cal.day(ctx.dct + timedelta(days=offset)), part), RESOLVED_DCT)


def _this_part(sp: Spot, ctx: Context) -> Normalised | None:
    """ "this morning", "last night" (yesterday's), "ce soir", "esta tarde", "هذا المساء"."""
    part = _part(ctx.g, sp.groups)
    if part is None:
        return None
    if ctx.dct is None:
        return unresolved(f"XXXX-XX-XXT{part}", "part-of-day")
    back = _rel(ctx.g, sp.groups) == "last"
    d = ctx.dct - timedelta(days=1) if back else ctx.dct
    return Normalised(with_part(cal.day(d), part), RESOLVED_DCT)


def _weekday(sp: Spot, ctx: Context) -> Normalised | None:
    """ "Tuesday", "last Tuesday", "mardi", "ce mardi", "aujourd'hui mardi", "el próximo
    martes", "الثلاثاء الماضي", "اليوم الثلاثاء"."""
    g, s = ctx.g, sp.groups
    wd = g.look("weekday", s["wd"])
    if not isinstance(wd, int):
        return None
    if g.guard("weekday_not_before", ctx.before()) or g.guard("weekday_not_after", ctx.after()):
        return None
    if ctx.dct is None:
        return unresolved(f"XXXX-WXX-{wd + 1}", "day")
    rel = _rel(g, s) or ("this" if "dem" in s else None)
    if "dw" in s:  # "aujourd'hui mardi", "أمس الاثنين": that weekday nearest the day word
        target = ctx.dct + timedelta(days=_offset(g, s["dw"])[0])
        d, resolution = cal.weekday_on_or_before(target + timedelta(days=3), wd), RESOLVED_DCT
    else:
        d, resolution = weekday_date(wd, rel, ctx)
    return Normalised(with_part(cal.day(d, _mod(g, s)), _part(g, s)), resolution)


def _unit_rel(sp: Spot, ctx: Context) -> Normalised | None:
    """ "last week", "this year", "the previous day", "that year", "la semaine dernière",
    "cette année-là", "el año pasado", "العام الماضي", "اليوم التالي"."""
    g, s = ctx.g, sp.groups
    if g.guard("unit_not_before", ctx.before()):  # "الأمين العام": the general, not the year
        return None
    unit, _ = _unit_of(g, s["unit"])
    mod = _mod(g, s)
    if "dem" in s:
        dem = g.look("dem", s["dem"]) or "this"
        rel = "that" if (s.get("ci") or "").lower() in ("là", "la") else dem
    else:
        rel = _rel(g, s)
    if rel is None:
        return _unit_mod(sp, ctx) if mod else _bare_unit(sp, ctx, unit)
    if rel == "ahead":  # "over the next year": a span from now, not a calendar year
        if unit != "day":
            return Normalised(TimeValue(period("1", unit), DURATION, None), RESOLVED_NONE)
        rel = "following"
    anaphoric = rel in ("prev", "following", "that")
    base_tv = told(ctx, unit, ("day", "week", "weekend")) if anaphoric else None
    base = base_tv.start if base_tv is not None and base_tv.start else ctx.dct
    if base is None:
        return unknown(unit)
    if unit == "day" and not anaphoric:
        return None
    resolution = RESOLVED_ANAPHORIC if base_tv is not None else RESOLVED_DCT
    shift = {"last": -1, "prev": -1, "next": 1, "following": 1}.get(rel, 0)
    if unit == "weekend":
        relative = {"prev": "last", "following": "next"}.get(rel, rel)
        return Normalised(weekend(base, relative, ctx, mod), resolution)
    tv = step(unit, base, shift, mod)
    return Normalised(tv, resolution) if tv else None


def _bare_unit(sp: Spot, ctx: Context, unit: str) -> Normalised | None:
    """ "نهاية الأسبوع" alone: the weekend (as "over the weekend"); other units need a
    relative word."""
    return the_weekend(ctx) if unit == "weekend" else None


def _the_weekend(sp: Spot, ctx: Context) -> Normalised | None:
    return the_weekend(ctx)


def _unit_mod(sp: Spot, ctx: Context) -> Normalised | None:
    """ "fin de l'année", "début du mois", "a finales de año", "نهاية العام": the current
    unit, but the end of the year is the last one unless the clause looks ahead ("d'ici la
    fin de l'année") or it is December, as "the end of the year"."""
    g, s = ctx.g, sp.groups
    unit, _ = _unit_of(g, s["unit"])
    mod = _mod(g, s)
    if ctx.dct is None:
        return unknown(unit)
    if unit == "year" and mod == "END":
        y = end_of_year(ctx, g.guard("by_before", ctx.before(20)))
        return Normalised(cal.year(y, mod), RESOLVED_DCT)
    tv = step(unit, ctx.dct, 0, mod)
    return Normalised(tv, RESOLVED_DCT) if tv and unit != "day" else None


def _anaphor(sp: Spot, ctx: Context) -> Normalised | None:
    """ "la veille", "le lendemain", "al día siguiente", "la víspera", "اليوم التالي": a day
    from the last day told, else from publication (as "the next day")."""
    g, s = ctx.g, sp.groups
    offset = g.look("anaphor", s.get("ana") or s.get("ana2"))
    if not isinstance(offset, int):
        return None
    base_tv = ctx.anchor
    base = base_tv.start if base_tv is not None and base_tv.start else ctx.dct
    if base is None:
        return unresolved("XXXX-XX-XX", "day")
    resolution = RESOLVED_ANAPHORIC if base_tv is not None else RESOLVED_DCT
    return Normalised(cal.day(base + timedelta(days=offset)), resolution)


def _count(g: Grammar, s: dict[str, str], unit_count: int | None) -> str | None:
    """The number of units as TIMEX3 writes it: "25", "2.5", or "X" for a vague one
    ("plusieurs", "varios", "عدة"); None when no number is said at all."""
    if "approxn" in s:
        n = g.look("approx", s["approxn"])
        return str(n) if isinstance(n, int) else None
    raw = s.get("n")
    if raw is None:
        return str(unit_count) if unit_count else None
    raw = " ".join(raw.split())
    if re.fullmatch(r"[0-9]+", raw):
        return str(int(raw))
    if re.fullmatch(r"[0-9]+[.,][0-9]+", raw):
        return raw.replace(",", ".").rstrip("0").rstrip(".")
    n = g.number(fold(raw))
    return "X" if n is None else str(n)


def _ago(sp: Spot, ctx: Context) -> Normalised | None:
    """ "il y a deux ans", "dans trois jours", "deux ans plus tard", "hace dos años", "dos
    años después", "قبل عامين"."""
    g, s = ctx.g, sp.groups
    unit, unit_count = _unit_of(g, s["unit"])
    if unit not in CALENDAR_UNITS:
        return None
    if sp.rule == "ago_in":
        sign, anaphoric = 1, False
    elif sp.rule == "ago_later":
        direction = g.look("direction", s["dir"])
        if not isinstance(direction, int):
            return None
        sign, anaphoric = direction, True
    else:
        sign, anaphoric = -1, False
    if g.guard("ago_not_after", ctx.after()):  # "قبل يومين من الانتخابات": before something
        return None
    count = _count(g, s, unit_count)
    if count is None or not count.isdigit():
        return ref("PAST_REF" if sign < 0 else "FUTURE_REF")
    base_tv = told(ctx, unit, ("day", "week", "hour", "minute"))
    relative_to_text = anaphoric and base_tv is not None and base_tv.start is not None
    base = base_tv.start if relative_to_text and base_tv is not None else ctx.dct
    if base is None:
        return unknown(unit)
    n = sign * int(count)
    tv = step(unit, base, n) if unit not in ("hour", "minute") else cal.day(base)
    if tv is None:
        return None
    return Normalised(tv, RESOLVED_ANAPHORIC if relative_to_text else RESOLVED_DCT)


def _ago_spoken(sp: Spot, ctx: Context) -> Normalised | None:
    """ "two years ago", "three days later", "a year earlier": as ``_ago``, with the count
    read by the grammar's own number reader (digits with thousands separators, spoken
    numbers), and "a year ago" in earnings news the quarter under discussion, a year back."""
    g, s = ctx.g, sp.groups
    n = g.number(s["n"])
    unit, _ = _unit_of(g, s["unit"])
    direction = g.look("direction", s["dir"])
    if not isinstance(direction, tuple):
        raise KeyError(s["dir"])
    sign, anaphoric = direction
    if n is None:  # "several years ago": the past, no more precise than that
        return ref("PAST_REF" if sign < 0 else "FUTURE_REF")
    discussed = discussed_quarter(ctx)
    if unit == "year" and n == 1 and discussed is not None:
        return Normalised(cal.quarter(discussed[0] + sign, discussed[1]), RESOLVED_DCT)
    # "three days later" counts from the last day told; "three years later" from the
    # last date of any precision ("born in 1950. Three years later")
    base_tv = told(ctx, unit, ("day", "week", "hour", "minute"))
    relative_to_text = anaphoric and base_tv is not None
    base = base_tv.start if relative_to_text and base_tv is not None else ctx.dct
    resolution = RESOLVED_ANAPHORIC if relative_to_text else RESOLVED_DCT
    if base is None:
        return unknown(unit)
    tv = step(unit, base, sign * n) if unit in CALENDAR_UNITS - {"hour", "minute"} else None
    # hours, minutes: the day is as precise as we can honestly be
    return Normalised(tv or cal.day(base), resolution)


def _is_age(sp: Spot, ctx: Context) -> bool:
    """ "âgé de 25 ans", "un homme de 25 ans", "tiene 25 años", "البالغ من العمر 25 عاما",
    "Jean (25 ans)": an age, which TimeML does not mark."""
    g = ctx.g
    before, after = ctx.before(), ctx.after(10)
    if g.guard("age_before", before):
        return True
    if re.search(r"\(\s*$", before) and re.match(r"\s*\)", after):
        return True  # "Jean (25 ans)"
    return bool(re.search(r"(?-i:[A-ZÀ-Ý])\w+\s*,\s*$", before) and re.match(r"\s*,", after))


_HALF = {"year": "Y6M", "month": "M15D", "day": "DT12H"}


def _duration(sp: Spot, ctx: Context) -> Normalised | None:
    """ "25 ans", "plus de 25 ans", "une dizaine d'années", "deux ans et demi", "unos 25
    años", "25 عاما", "عامين": a DURATION, never a date."""
    g, s = ctx.g, sp.groups
    unit, unit_count = _unit_of(g, s["unit"])
    if unit not in CALENDAR_UNITS:
        return None
    count = _count(g, s, unit_count)
    if "n" not in s and "approxn" not in s and unit_count != 2:
        # a unit without a number ("عام", "سنوات") is a duration only where the words
        # before say so ("منذ سنوات", "لمدة عام"); an Arabic dual ("عامين") always is
        if not g.guard("duration_context", ctx.before(20)):
            return None
        count = "1" if unit_count == 1 else "X"
    if count is None:
        return None
    raw = fold(s.get("n") or "")
    if unit == "day" and raw in ("un", "une", "uno", "una") and "dmod" not in s:
        return None  # "un jour, il reviendra": some day, not a duration
    if unit == "year" and _is_age(sp, ctx):
        return None
    mod = g.look("dmod", s.get("dmod"))
    if "approxn" in s and mod is None:
        mod = "APPROX"
    if "half" in s and count.isdigit() and unit in _HALF:
        value = f"P{count}{_HALF[unit]}"
    else:
        value = period(count, unit)
    return Normalised(
        TimeValue(value, DURATION, None, mod=mod if isinstance(mod, str) else None), RESOLVED_NONE
    )


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


def _duration_spoken(sp: Spot, ctx: Context) -> Normalised | None:
    """ "25 years", "two and a half years", "nearly forty years", "a fortnight", "25-year":
    as ``_duration``, with the count read by the grammar's own number reader ("1,000",
    "2 1/2", "1.5", "twenty-four"; "several" and other vague words: X)."""
    g, s = ctx.g, sp.groups
    unit, _ = _unit_of(g, s["unit"])
    raw = " ".join(s.get("n", "1").lower().split())
    mod = g.look("dmod", s.get("dmod"))
    mod = mod if isinstance(mod, str) else None
    if "1/2" in raw or "½" in raw:
        value = _half_units(raw, unit)
        return (
            Normalised(TimeValue(value, DURATION, None, mod=mod), RESOLVED_NONE) if value else None
        )
    number = g.number(raw)
    if number is None and re.fullmatch(r"\d+\.\d+", raw):
        n = raw.rstrip("0").rstrip(".")  # "1.5 years": ISO 8601 allows a decimal fraction
    else:
        n = "X" if number is None else str(number)
    return Normalised(TimeValue(period(n, unit), DURATION, None, mod=mod), RESOLVED_NONE)


def _duration_vague(sp: Spot, ctx: Context) -> Normalised | None:
    """ "for weeks", "des années", "recent years": a vague number of units."""
    unit, _ = _unit_of(ctx.g, sp.groups["unit"])
    if unit not in CALENDAR_UNITS:
        return None
    return Normalised(TimeValue(period("X", unit), DURATION, None), RESOLVED_NONE)


def _duration_one(sp: Spot, ctx: Context) -> Normalised | None:
    """ "the past year", "the next month": one unit, measured from now."""
    unit, _ = _unit_of(ctx.g, sp.groups["unit"])
    return Normalised(TimeValue(period("1", unit), DURATION, None), RESOLVED_NONE)


_PART_SETS = {"morning": "TMO", "evening": "TEV", "night": "TNI", "afternoon": "TAF"}


def _set(sp: Spot, ctx: Context) -> Normalised | None:
    """ "every day", "every other week", "every Tuesday", "daily", "5% a year", "chaque
    jour", "tous les mardis", "cada día", "كل عام", "يوميا"."""
    g, s = ctx.g, sp.groups
    if "adv" in s:
        value = g.look("set_adverb", s["adv"])
        return (
            Normalised(TimeValue(value, SET, None), RESOLVED_NONE)
            if isinstance(value, str)
            else None
        )
    word = s.get("unit") or s["unit2"]
    wd = g.look("weekday", word)
    if wd is None and fold(word).endswith("s"):
        wd = g.look("weekday", word[:-1])  # "mardis", "sábados"
    if wd is None and g.clitics:
        wd = g.look("weekday", "ال" + word)  # "كل جمعة", "كل يوم جمعة"
    if isinstance(wd, int):
        return Normalised(TimeValue(f"XXXX-WXX-{wd + 1}", SET, None), RESOLVED_NONE)
    unit, unit_count = _unit_of(g, word, ("set_unit", "unit"))
    count = "2" if "other" in s else _count(g, s, unit_count) or "1"  # "every other week"
    if unit in _PART_SETS:
        value = _PART_SETS[unit]
    elif unit == "weekend":
        value = "XXXX-WXX-WE"
    elif unit in CALENDAR_UNITS:
        value = period(count if count != "X" else "1", unit)
    else:
        return None
    return Normalised(TimeValue(value, SET, None), RESOLVED_NONE)


def _set_every_n(sp: Spot, ctx: Context) -> Normalised | None:
    """ "every four years": a vague number stays vague (PXY)."""
    g, s = ctx.g, sp.groups
    unit, _ = _unit_of(g, s["unit"])
    n = g.number(s["n"])
    count = "X" if n is None else str(n)
    return Normalised(TimeValue(period(count, unit), SET, None), RESOLVED_NONE)


def _clock(sp: Spot, ctx: Context) -> Normalised | None:
    """ "18:00", "6.30 pm", "0030 GMT", "18 h 30", "a las 10 de la mañana"; "10 p.m.
    Wednesday", "9 a.m. tomorrow": the time on the day told."""
    g, s = ctx.g, sp.groups
    if g.guard("clock_not_before", ctx.before(20)):  # "pendant 4 h": hours, not a time
        return None
    groups = {"h": s["h"], "mi": s.get("mi") or "0"} if "h" in s else {"word": s["word"]}
    ap = g.look("ampm", s.get("ap"))
    if isinstance(ap, str):
        groups["ap"] = ap
    if "wd" in s or "mon" in s or "dw" in s:
        day_ = (
            _weekday(sp, ctx) if "wd" in s else _date(sp, ctx) if "mon" in s else _day_word(sp, ctx)
        )
        if day_ is None or not day_.time.is_calendar:
            return day_
        clock = clock_of(groups)
        if clock is None:
            return None
        d = day_.time.start
        assert d is not None  # a calendar value has its days
        tv = TimeValue(f"{d.isoformat()}{clock}", TIME, "minute", d, d)
        return Normalised(tv, day_.resolution)
    clock = clock_of(groups)
    if clock is None:
        return None
    if ctx.dct is None:
        return unresolved(f"XXXX-XX-XX{clock}", "minute", TIME)
    tv = TimeValue(f"{ctx.dct.isoformat()}{clock}", TIME, "minute", ctx.dct, ctx.dct)
    return Normalised(tv, RESOLVED_DCT)


def _ref_reading(value: str) -> Reading:
    return lambda sp, ctx: ref(value)


READINGS: dict[str, Reading] = {
    "date": _date,
    "date_iso": _date_iso,
    "date_ymd": _date_iso,
    "date_num": _date_num,
    "month_year": _month_year,
    "month": _month,
    "month_rel": _month,
    "month_relyear": _month,
    "year": _year,
    "year_weak": _year,
    "year_bare": _year,
    "year_mod": _year_mod,
    "year_words": _year_words,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "quarter_noyear": _quarter_noyear,
    "quarter_of_year": _quarter_of_year,
    "quarter_rel": _quarter_rel,
    "year_ago_adj": _year_ago_adj,
    "the_year": _the_year,
    "year_end": _year_end,
    "season": _season,
    "season_rel": _season,
    "holiday": _holiday,
    "day_word": _day_word,
    "this_part": _this_part,
    "weekday": _weekday,
    "unit_rel": _unit_rel,
    "unit_mod": _unit_mod,
    "weekend": _the_weekend,
    "anaphor": _anaphor,
    "ago": _ago,
    "ago_in": _ago,
    "ago_later": _ago,
    "ago_spoken": _ago_spoken,
    "duration": _duration,
    "duration_spoken": _duration_spoken,
    "duration_vague": _duration_vague,
    "duration_one": _duration_one,
    "set": _set,
    "set_every_n": _set_every_n,
    "clock": _clock,
    "present": _ref_reading("PRESENT_REF"),
    "past": _ref_reading("PAST_REF"),
    "future": _ref_reading("FUTURE_REF"),
}
