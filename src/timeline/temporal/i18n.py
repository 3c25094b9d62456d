"""Temporal expressions in French, Spanish and Arabic news: spot, normalise, resolve.

One engine, one grammar per language (lang_fr, lang_es, lang_ar), and only the article's
own language runs: month and weekday names of several languages at once would find dates
in ordinary words ("me", "mar", "mer").  Each sentence is matched in a normalised view
(textview.py) and the matches are mapped back to offsets in the article.  Rules share
handlers by name, so "mardi dernier", "el pasado martes" and "الثلاثاء الماضي" are the same
calendar arithmetic as English "last Tuesday" (calendar.py, and the news conventions of
normalise.py: a bare weekday is the most recent such day on or before publication unless
a tense cue (cues.py) points ahead; a yearless date is the one closest to publication).

dateparser is used for what it is good at, its language data: its month names for the
language and their regional variants (the Levantine and Iraqi "كانون 2", the Mauritanian
"دجمبر", abbreviations such as "juill.") are merged into the grammar's own tables when the
grammar is first built, which is the only time dateparser is imported.  It never computes
a value: it fills parts the text leaves unsaid ("en 1994" becomes 1994-11-26 with a
November base; NOTES.md), where the grammar knows what the text said and keeps to it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

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
    Mention,
    Sentence,
    TimeValue,
)
from . import calendar as cal
from .cues import ahead
from .grammar import Spec, alt, table, tokens
from .normalise import (
    _UNKNOWN_VALUE,
    Normalised,
    _clock_of,
    _date_iso,  # numeric dates read the same in every language (groups, day_first)
    _date_num,
    _period,
    _with_part,
)
from .spot import Spot, longest_first
from .textview import fold, normal, view

_DATEPARSER_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_DATEPARSER_WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip


def dateparser_names(language: str) -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday names in dateparser's data for ``language``, with every regional
    variant; empty when dateparser is not installed.  Imported here, on first use: English
    tagging never loads dateparser."""
    try:
        data = importlib.import_module(f"dateparser.data.date_translation_data.{language}")
    except ImportError:
        return {}, {}
    info = data.info
    blocks = [info, *info.get("locale_specific", {}).values()]
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for block in blocks:
        for i, key in enumerate(_DATEPARSER_MONTHS, 1):
            for name in block.get(key, ()):
                months.setdefault(normal(name).casefold(), i)
        for i, key in enumerate(_DATEPARSER_WEEKDAYS):
            for name in block.get(key, ()):
                weekdays.setdefault(normal(name).casefold(), i)
    return months, weekdays


@dataclass(frozen=True)
class Grammar:
    language: str
    rules: tuple[tuple[str, re.Pattern[str], tuple[frozenset[str], ...]], ...]
    tables: dict[str, dict[str, object]]
    number: Callable[[str], int | None]
    guards: dict[str, re.Pattern[str]]
    clitics: str
    # trigger token -> the rules whose first trigger set holds it
    by_token: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def look(self, name: str, word: str | None) -> object:
        if word is None:
            return None
        return self.tables[name].get(_fold_word(word))

    def guard(self, name: str, text: str) -> bool:
        pattern = self.guards.get(name)
        return bool(pattern and pattern.search(text))


def _merge_dateparser(spec: Spec) -> None:
    """Add dateparser's month names the grammar's tables lack: a name that begins a known
    name of the same month is an abbreviation ("janv", "sept"), read only after a day
    number; in Arabic every name is a full one (كانون الثاني, جانفي, شتنبر)."""
    months, weekdays = dateparser_names(spec.language)
    full = spec.tables["month"]
    abbr = spec.tables.setdefault("month_abbr", {})
    known = {fold(k) for k in full} | {fold(k) for k in abbr}
    for name, m in months.items():
        if fold(name) in known or not re.fullmatch(r"[^\W\d_]+(?: [^\W_]+)?", name):
            continue
        if spec.language == "ar":
            full[name] = m
        elif any(fold(k).startswith(fold(name)) for k, v in full.items() if v == m):
            months_begun = {v for k, v in full.items() if fold(k).startswith(fold(name))}
            if len(name) >= 3 and len(months_begun) == 1:  # "jui": juin or juillet?
                abbr[name] = m
        elif len(name) >= 5:
            full[name] = m
    if spec.language == "ar":
        for name, d in weekdays.items():
            if fold(name) not in {fold(k) for k in spec.tables["weekday"]}:
                spec.tables["weekday"][name] = d


@cache
def grammar(language: str) -> Grammar:
    """The compiled grammar of ``language`` ("fr", "es" or "ar"), built on first use."""
    spec: Spec = importlib.import_module(f".lang_{language}", __package__).spec()
    _merge_dateparser(spec)
    accents = language in ("fr", "es")
    a: dict[str, Any] = {}  # alternations by table name; "#name": its trigger tokens
    for name, words in spec.tables.items():
        a[name] = alt(words, fold_accents=accents)
        a["#" + name] = tokens(words)
    month_words = list(spec.tables["month"])
    lower_only = set(spec.tables.get("lowercase_only", {}))
    a["month_any"] = alt(month_words, fold_accents=accents)
    a["month_lower"] = f"(?-i:{a['month_any']})"
    cased = [w for w in month_words if w not in lower_only]
    a["month_cased"] = alt(cased, fold_accents=accents) + (
        f"|(?-i:{alt(lower_only, fold_accents=accents)})" if lower_only else ""
    )
    a["month_cased"] = f"(?:{a['month_cased']})"
    a["#month"] = tokens(month_words) | tokens(spec.tables.get("month_abbr", {}))
    compiled = []
    for name, pattern, needs in [*_shared_rules(), *spec.rules(a)]:
        if language == "ar":
            pattern = normal(pattern)
        compiled.append((name, re.compile(pattern, re.IGNORECASE), needs))
    by_token: dict[str, list[int]] = {}
    for k, (_, _, needs) in enumerate(compiled):
        for token in needs[0]:
            by_token.setdefault(token, []).append(k)
    return Grammar(
        language=language,
        by_token={t: tuple(ks) for t, ks in by_token.items()},
        rules=tuple(compiled),
        tables={name: table(words) for name, words in spec.tables.items()},
        number=spec.number,
        guards={k: re.compile(normal(v), re.IGNORECASE) for k, v in spec.guards.items()},
        clitics=spec.clitics,
    )


def _shared_rules() -> list[tuple[str, str, tuple[frozenset[str], ...]]]:
    """Numeric dates, written alike in all three languages (the view has made the digits
    ASCII): 2019-01-22, 2019/1/22, 22/01/2019 (or 01/22/2019 with ``day_first`` off)."""
    digit = (frozenset({"#4"}),)
    iso = r"(?P<year>[0-9]{4})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])"
    ymd = r"(?P<year>[0-9]{4})/(?P<m>[01]?[0-9])/(?P<d>[0-3]?[0-9])"
    dmy = r"(?P<a>[0-3]?[0-9])([/.-])(?P<b>[01]?[0-9])\3(?P<year>[0-9]{4})"
    return [
        ("date_iso", rf"(?<![0-9-])(?P<x>{iso})(?![0-9-])", digit),
        ("date_ymd", rf"(?<![0-9/.])(?P<x>{ymd})(?![0-9/])", digit),
        ("date_num", rf"(?<![0-9/.])(?P<x>{dmy})(?![0-9/])", digit),
    ]


_TOKEN = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"[0-9]")
_YEAR4 = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_COLON_TIME = re.compile(r"[0-9]:[0-9]")


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    return fold(word)


def _present(g: Grammar, text: str) -> set[str]:
    """The trigger features of a sentence's view: its folded words and "#" for a digit.
    In Arabic a word also counts without its proclitics (والثلاثاء, بالأمس, للعام)."""
    words = {_fold_word(w) for w in set(_TOKEN.findall(text.lower()))}
    if g.clitics:
        for w in list(words):
            for cut in (1, 2):
                stripped = w[cut:]
                if len(stripped) >= 2 and all(c in g.clitics for c in w[:cut]):
                    words.add(stripped)
                    if stripped.startswith("ل"):  # "للعام": li + al-
                        words.add("ا" + stripped)
    if _DIGIT.search(text):
        words.add("#")
        if _YEAR4.search(text):
            words.add("#4")  # a four-digit number: what every rule built on a year needs
        if ":" in text and _COLON_TIME.search(text):
            words.add("#:")
    return words


def spot(g: Grammar, text: str) -> list[Spot]:
    """Every expression of the grammar in ``text`` (a sentence's view): non-overlapping,
    longest first, then leftmost, then the earlier rule."""
    present = _present(g, text)
    candidates: list[tuple[int, int, int, Spot]] = []
    due = sorted({k for token in present for k in g.by_token.get(token, ())})
    for priority in due:
        name, pattern, needs = g.rules[priority]
        if len(needs) > 1 and any(present.isdisjoint(need) for need in needs[1:]):
            continue
        for m in pattern.finditer(text):
            groups = m.groupdict()
            key = next((k for k in ("x", "x2") if groups.get(k) is not None), None)
            start, end = m.span(key) if key else m.span()
            if end <= start:
                continue
            found = {k: v for k, v in groups.items() if v is not None}
            candidates.append((-(end - start), start, priority, Spot(start, end, name, found)))
    return longest_first(candidates)


@dataclass(frozen=True)
class Ctx:
    """What normalising one expression may look at (the sentence is its view)."""

    sentence: str
    dct: date | None
    g: Grammar
    spot: Spot
    anchor: TimeValue | None = None  # the last day told: what "le lendemain" counts from
    frame: TimeValue | None = None  # the last date told, of any precision
    day_first: bool = True

    @property
    def future(self) -> bool:
        return ahead(self.sentence, self.spot.start, self.spot.end, self.g.language)

    def before(self, width: int = 60) -> str:
        return self.sentence[max(0, self.spot.start - width) : self.spot.start]

    def after(self, width: int = 60) -> str:
        return self.sentence[self.spot.end : self.spot.end + width]


def _unresolved(value: str, granularity: str | None, type_: str = DATE) -> Normalised:
    return Normalised(TimeValue(value, type_, granularity), RESOLVED_UNRESOLVED)


def _ref(value: str) -> Normalised:
    return Normalised(TimeValue(value, DATE, None), RESOLVED_NONE)


def _closest(options: Sequence[date], ctx: Ctx, target: date | None = None) -> date:
    """The option nearest publication (or ``target``); one on the side the tense does not
    point to needs a clear lead (as English yearless dates, normalise.py)."""
    assert ctx.dct is not None
    base = target or ctx.dct
    future = ctx.future
    return min(
        options,
        key=lambda c: (
            abs((c - base).days) + (90 if (c < ctx.dct) == future and c != ctx.dct else 0)
        ),
    )


def _month_of(g: Grammar, word: str) -> int:
    m = g.look("month", word) or g.look("month_abbr", word.rstrip("."))
    if not isinstance(m, int):
        raise KeyError(word)
    return m


def _mod(g: Grammar, groups: dict[str, str]) -> str | None:
    value = g.look("mod", groups.get("mod"))
    return value if isinstance(value, str) else None


def _rel(g: Grammar, groups: dict[str, str]) -> str | None:
    for key in ("rel", "rel2"):
        value = g.look("rel", groups.get(key))
        if isinstance(value, str):
            return value
    return None


def _offset(g: Grammar, word: str | None) -> tuple[int, str | None]:
    """A day word's offset from publication and the part of day it implies (anoche)."""
    value = g.look("day_word", word)
    if isinstance(value, tuple):
        return value
    if not isinstance(value, int):
        raise KeyError(word)
    return value, None


def _date(sp: Spot, ctx: Ctx) -> Normalised | None:
    """ "22 janvier 2019", "mardi 22 janvier", "demain, mardi 22 janvier", "el pasado 22 de
    enero", "الثلاثاء 22 يناير 2019": a year given is absolute; without one, the date
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
        return _unresolved(f"XXXX-{m:02d}-{d:02d}", "day")
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
        chosen = _closest(options, ctx, target)
    return Normalised(cal.day(chosen), RESOLVED_DCT)


def _month_year(sp: Spot, ctx: Ctx) -> Normalised | None:
    s = sp.groups
    y = int(s["year"])
    if _looks_like_count(sp, ctx):
        return None
    return Normalised(cal.month(y, _month_of(ctx.g, s["mon"]), _mod(ctx.g, s)), RESOLVED_ABSOLUTE)


def _month(sp: Spot, ctx: Ctx) -> Normalised | None:
    """A month without its year: "en janvier", "janvier dernier", "enero pasado", "يناير
    الماضي", "janvier de l'année dernière"."""
    g, s = ctx.g, sp.groups
    m = _month_of(g, s["mon"])
    mod = _mod(g, s)
    if ctx.dct is None:
        return _unresolved(f"XXXX-{m:02d}", "month")
    rel = _rel(g, s)
    here = ctx.dct
    if "yrel" in s:
        step = g.look("yrel", s["yrel"])
        if not isinstance(step, int):
            return None
        y = here.year + step
    elif rel == "last":
        y = here.year if m < here.month else here.year - 1
    elif rel == "next":
        y = here.year if m > here.month else here.year + 1
    elif rel == "this":
        y = here.year
    else:
        now = here.year * 12 + here.month - 1
        future = ctx.future
        y = min(
            (here.year - 1, here.year, here.year + 1),
            key=lambda y_: (
                abs(y_ * 12 + m - 1 - now) + (3 if (y_ * 12 + m - 1 < now) == future else 0)
            ),
        )
    return Normalised(cal.month(y, m, mod), RESOLVED_DCT)


def _looks_like_count(sp: Spot, ctx: Ctx) -> bool:
    """ "2000 soldats", "1500 euros", "page 2001", "Jean (1994)" is fine: a year told as a
    count or an identifier is not a year.  Strong contexts ("en 2000") only need the
    count words after; weak ones ("de 2000") and bare numbers the plural and the words
    before too."""
    g = ctx.g
    after = ctx.after(40)
    if g.guard("count_after", after) or g.guard("hijri_after", after):
        return True
    if sp.rule in ("year_weak", "year_bare"):
        return g.guard("plural_after", after) or g.guard("id_before", ctx.before(30))
    return False


def _year(sp: Spot, ctx: Ctx) -> Normalised | None:
    if _looks_like_count(sp, ctx):
        return None
    return Normalised(cal.year(int(sp.groups["year"])), RESOLVED_ABSOLUTE)


def _year_mod(sp: Spot, ctx: Ctx) -> Normalised | None:
    if _looks_like_count(sp, ctx):
        return None
    return Normalised(cal.year(int(sp.groups["year"]), _mod(ctx.g, sp.groups)), RESOLVED_ABSOLUTE)


def _decade(sp: Spot, ctx: Ctx) -> Normalised | None:
    g, s = ctx.g, sp.groups
    mod = _mod(g, s)
    if "dec" in s:
        first = int(s["dec"])
        if first % 100 == 0 and first != 2000:  # "les années 1800": the century
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


def _century(sp: Spot, ctx: Ctx) -> Normalised | None:
    g, s = ctx.g, sp.groups
    word = s["cent"]
    n = int(word) if word.isdigit() else _roman(word) if word.isascii() else None
    if n is None:
        value = g.look("century_word", word)
        if isinstance(value, int):
            n = value
        elif isinstance(value, str):  # "القرن الماضي": relative to publication
            if ctx.dct is None:
                return _unresolved("XX", "century")
            current = ctx.dct.year // 100 + 1
            n = current + {"last": -1, "this": 0, "next": 1}[value]
            return Normalised(cal.century((n - 1) * 100, _mod(g, s)), RESOLVED_DCT)
    if not n or n > 30:
        return None
    return Normalised(cal.century((n - 1) * 100, _mod(g, s)), RESOLVED_ABSOLUTE)


def _quarter(sp: Spot, ctx: Ctx) -> Normalised | None:
    g, s = ctx.g, sp.groups
    y = int(s["year"])
    n = g.look("ordinal", s["q"])
    is_half = g.look("half", s["qh"]) is True
    if not isinstance(n, int):
        return None
    if n < 0:
        n = 2 if is_half else 4
    if is_half:
        return Normalised(cal.half(y, n), RESOLVED_ABSOLUTE) if n <= 2 else None
    return Normalised(cal.quarter(y, n), RESOLVED_ABSOLUTE) if n <= 4 else None


def _season(sp: Spot, ctx: Ctx) -> Normalised | None:
    g, s = ctx.g, sp.groups
    code = g.look("season", s["season"])
    if not isinstance(code, str):
        return None
    if "year" in s:
        return Normalised(cal.season(int(s["year"]), code), RESOLVED_ABSOLUTE)
    if ctx.dct is None:
        return _unresolved(f"XXXX-{code}", "season")
    rel = _rel(g, s) or "this"
    seasons = [cal.season(y, code) for y in range(ctx.dct.year - 2, ctx.dct.year + 3)]
    if rel == "last":
        chosen = [x for x in seasons if x.end < ctx.dct][-1]
    elif rel == "next":
        chosen = next(x for x in seasons if x.start > ctx.dct)
    else:
        current = [x for x in seasons if x.start <= ctx.dct <= x.end]
        chosen = current[0] if current else cal.season(ctx.dct.year, code)
    return Normalised(chosen, RESOLVED_DCT)


def _part(g: Grammar, s: dict[str, str]) -> str | None:
    for key in ("part", "part2"):
        value = g.look("part", s.get(key))
        if isinstance(value, str):
            return value
    return None


def _day_word(sp: Spot, ctx: Ctx) -> Normalised | None:
    """ "hier", "aujourd'hui", "demain soir", "ayer por la tarde", "anoche", "أمس", "صباح
    اليوم", "بعد غد"."""
    g, s = ctx.g, sp.groups
    offset, implied = _offset(g, s["dw"])
    part = _part(g, s) or implied
    if offset == 1 and g.guard("tomorrow_not_after", ctx.after()):
        return None  # "غدا من الضروري": the verb "became", not tomorrow
    if offset == 0 and not part:
        if g.guard("today_not_before", ctx.before()) or g.guard("today_not_after", ctx.after()):
            return None
        if g.guard("generic_today_before", ctx.before()):
            return _ref("PRESENT_REF")  # "le Maroc d'aujourd'hui"
    if ctx.dct is None:
        return _unresolved("XXXX-XX-XX" + (f"T{part}" if part else ""), "day")
    return Normalised(_with_part(cal.day(ctx.dct + timedelta(days=offset)), part), RESOLVED_DCT)


def _this_part(sp: Spot, ctx: Ctx) -> Normalised | None:
    part = _part(ctx.g, sp.groups)
    if part is None:
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-XX-XXT{part}", "part-of-day")
    return Normalised(_with_part(cal.day(ctx.dct), part), RESOLVED_DCT)


def _weekday(sp: Spot, ctx: Ctx) -> Normalised | None:
    """ "mardi", "mardi dernier", "ce mardi", "aujourd'hui mardi", "el próximo martes",
    "الثلاثاء الماضي", "اليوم الثلاثاء"."""
    g, s = ctx.g, sp.groups
    wd = g.look("weekday", s["wd"])
    if not isinstance(wd, int):
        return None
    if g.guard("weekday_not_before", ctx.before()) or g.guard("weekday_not_after", ctx.after()):
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-WXX-{wd + 1}", "day")
    rel = _rel(g, s) or ("this" if "dem" in s else None)
    resolution = RESOLVED_DCT
    if "dw" in s:  # "aujourd'hui mardi", "أمس الاثنين": that weekday nearest the day word
        target = ctx.dct + timedelta(days=_offset(g, s["dw"])[0])
        d = cal.weekday_on_or_before(target + timedelta(days=3), wd)
    elif rel == "last":
        d = cal.weekday_on_or_before(ctx.dct - timedelta(days=1), wd)
    elif rel == "next":
        d = cal.weekday_on_or_after(ctx.dct + timedelta(days=1), wd)
    elif rel == "this":  # the day of the publication's own week
        d = ctx.dct + timedelta(days=wd - ctx.dct.weekday())
    elif rel in ("prev", "following"):  # "le mardi suivant": from the last day told
        base = ctx.anchor.start if ctx.anchor is not None and ctx.anchor.start else ctx.dct
        if ctx.anchor is not None:
            resolution = RESOLVED_ANAPHORIC
        if rel == "prev":
            d = cal.weekday_on_or_before(base - timedelta(days=1), wd)
        else:
            d = cal.weekday_on_or_after(base + timedelta(days=1), wd)
    elif ctx.future:
        d = cal.weekday_on_or_after(ctx.dct, wd)
    else:  # news: the most recent such day on or before publication
        d = cal.weekday_on_or_before(ctx.dct, wd)
    return Normalised(_with_part(cal.day(d), _part(g, s)), resolution)


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


def _step(unit: str, base: date, step: int, mod: str | None) -> TimeValue | None:
    if unit == "day":
        return cal.day(base + timedelta(days=step))
    if unit == "week":
        return cal.week(base + timedelta(weeks=step), mod)
    if unit == "month":
        y, m = cal.shift_months(base, step)
        return cal.month(y, m, mod)
    if unit == "year":
        return cal.year(base.year + step, mod)
    if unit == "decade":
        return cal.decade(base.year + 10 * step, mod)
    if unit == "century":
        return cal.century(base.year + 100 * step, mod)
    if unit == "quarter":
        y, m = cal.shift_months(base, 3 * step)
        return cal.quarter(y, cal.quarter_of(date(y, m, 1)), mod)
    return None


def _weekend(base: date, rel: str, ctx: Ctx, mod: str | None) -> TimeValue:
    """As English "this/last/next weekend" (normalise.py)."""
    saturday = base + timedelta(days=5 - base.weekday())
    if rel == "this" and base.weekday() <= 1 and not ctx.future:
        saturday -= timedelta(weeks=1)
    saturday += timedelta(weeks={"last": -1, "next": 1}.get(rel, 0))
    return cal.weekend(saturday, mod)


def _unit_rel(sp: Spot, ctx: Ctx) -> Normalised | None:
    """ "la semaine dernière", "l'an prochain", "cette année", "cette année-là", "fin de
    l'année dernière", "el año pasado", "la próxima semana", "العام الماضي", "هذا الأسبوع",
    "اليوم التالي"."""
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
    anaphoric = rel in ("prev", "following", "that")
    told = ctx.anchor if unit in ("day", "week", "weekend") else ctx.frame or ctx.anchor
    base_tv = told if anaphoric else None
    base = base_tv.start if base_tv is not None and base_tv.start else ctx.dct
    if base is None:
        return _unresolved(_UNKNOWN_VALUE.get(unit, "XXXX"), unit)
    if unit == "day" and not anaphoric:
        return None
    resolution = RESOLVED_ANAPHORIC if base_tv is not None else RESOLVED_DCT
    step = {"last": -1, "prev": -1, "next": 1, "following": 1}.get(rel, 0)
    if unit == "weekend":
        return Normalised(
            _weekend(base, {"prev": "last", "following": "next"}.get(rel, rel), ctx, mod),
            resolution,
        )
    tv = _step(unit, base, step, mod)
    return Normalised(tv, resolution) if tv else None


def _bare_unit(sp: Spot, ctx: Ctx, unit: str) -> Normalised | None:
    """ "نهاية الأسبوع" alone: the weekend, ahead when the tense is (as English "over the
    weekend"); other units need a relative word."""
    if unit != "weekend":
        return None
    if ctx.dct is None:
        return _unresolved("XXXX-WXX-WE", "week")
    if ctx.future:
        saturday = cal.weekday_on_or_after(ctx.dct, 5)
    else:
        saturday = cal.weekday_on_or_before(ctx.dct, 5)
    return Normalised(cal.weekend(saturday), RESOLVED_DCT)


def _unit_mod(sp: Spot, ctx: Ctx) -> Normalised | None:
    """ "fin de l'année", "début du mois", "a finales de año", "نهاية العام": the current
    unit, but the end of the year is the last one unless the clause looks ahead ("d'ici la
    fin de l'année") or it is December, as English "the end of the year"."""
    g, s = ctx.g, sp.groups
    unit, _ = _unit_of(g, s["unit"])
    mod = _mod(g, s)
    if ctx.dct is None:
        return _unresolved(_UNKNOWN_VALUE.get(unit, "XXXX"), unit)
    if unit == "year" and mod == "END":
        by = g.guard("by_before", ctx.before(20))
        y = ctx.dct.year if ctx.future or by or ctx.dct.month == 12 else ctx.dct.year - 1
        return Normalised(cal.year(y, mod), RESOLVED_DCT)
    tv = _step(unit, ctx.dct, 0, mod)
    return Normalised(tv, RESOLVED_DCT) if tv and unit != "day" else None


def _anaphor(sp: Spot, ctx: Ctx) -> Normalised | None:
    """ "la veille", "le lendemain", "al día siguiente", "la víspera", "اليوم التالي": a day
    from the last day told, else from publication (as English "the next day")."""
    g, s = ctx.g, sp.groups
    offset = g.look("anaphor", s.get("ana") or s.get("ana2"))
    if not isinstance(offset, int):
        return None
    told = ctx.anchor
    base = told.start if told is not None and told.start else ctx.dct
    if base is None:
        return _unresolved("XXXX-XX-XX", "day")
    resolution = RESOLVED_ANAPHORIC if told is not None else RESOLVED_DCT
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


_CALENDAR_UNITS = frozenset(
    {"year", "month", "week", "day", "decade", "century", "hour", "minute", "quarter"}
)


def _ago(sp: Spot, ctx: Ctx) -> Normalised | None:
    """ "il y a deux ans", "dans trois jours", "deux ans plus tard", "hace dos años", "dos
    años después", "قبل عامين"."""
    g, s = ctx.g, sp.groups
    unit, unit_count = _unit_of(g, s["unit"])
    if unit not in _CALENDAR_UNITS:
        return None
    if sp.rule == "ago_in":
        sign, anaphoric = 1, False
    elif sp.rule == "ago_later":
        sign = g.look("direction", s["dir"])
        if not isinstance(sign, int):
            return None
        anaphoric = True
    else:
        sign, anaphoric = -1, False
    if g.guard("ago_not_after", ctx.after()):  # "قبل يومين من الانتخابات": before something
        return None
    count = _count(g, s, unit_count)
    if count is None or not count.isdigit():
        return _ref("PAST_REF" if sign < 0 else "FUTURE_REF")
    n = int(count)
    told = ctx.anchor if unit in ("day", "week", "hour", "minute") else ctx.frame or ctx.anchor
    relative_to_text = anaphoric and told is not None and told.start is not None
    base = told.start if relative_to_text and told is not None else ctx.dct
    if base is None:
        return _unresolved(_UNKNOWN_VALUE.get(unit, "XXXX"), unit)
    tv = _step(unit, base, sign * n, None) if unit not in ("hour", "minute") else cal.day(base)
    if tv is None:
        return None
    return Normalised(tv, RESOLVED_ANAPHORIC if relative_to_text else RESOLVED_DCT)


def _is_age(sp: Spot, ctx: Ctx) -> bool:
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


def _duration(sp: Spot, ctx: Ctx) -> Normalised | None:
    """ "25 ans", "plus de 25 ans", "une dizaine d'années", "deux ans et demi", "unos 25
    años", "25 عاما", "عامين": a DURATION, never a date."""
    g, s = ctx.g, sp.groups
    unit, unit_count = _unit_of(g, s["unit"])
    if unit not in _CALENDAR_UNITS:
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
        value = _period(count, unit)
    return Normalised(
        TimeValue(value, DURATION, None, mod=mod if isinstance(mod, str) else None), RESOLVED_NONE
    )


def _duration_vague(sp: Spot, ctx: Ctx) -> Normalised | None:
    unit, _ = _unit_of(ctx.g, sp.groups["unit"])
    if unit not in _CALENDAR_UNITS:
        return None
    return Normalised(TimeValue(_period("X", unit), DURATION, None), RESOLVED_NONE)


_PART_SETS = {"morning": "TMO", "evening": "TEV", "night": "TNI", "afternoon": "TAF"}


def _set(sp: Spot, ctx: Ctx) -> Normalised | None:
    """ "chaque jour", "tous les deux ans", "tous les mardis", "cada día", "todos los
    lunes", "كل عام", "يوميا", "5 % par an"."""
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
    count = _count(g, s, unit_count) or "1"
    if unit in _PART_SETS:
        value = _PART_SETS[unit]
    elif unit == "weekend":
        value = "XXXX-WXX-WE"
    elif unit in _CALENDAR_UNITS:
        value = _period(count if count != "X" else "1", unit)
    else:
        return None
    return Normalised(TimeValue(value, SET, None), RESOLVED_NONE)


def _clock(sp: Spot, ctx: Ctx) -> Normalised | None:
    g, s = ctx.g, sp.groups
    if g.guard("clock_not_before", ctx.before(20)):  # "pendant 4 h": hours, not a time
        return None
    groups = {"h": s["h"], "mi": s.get("mi") or "0"}
    ap = g.look("ampm", s.get("ap"))
    if isinstance(ap, str):
        groups["ap"] = ap
    clock = _clock_of(groups)
    if clock is None:
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-XX-XX{clock}", "minute", TIME)
    tv = TimeValue(f"{ctx.dct.isoformat()}{clock}", TIME, "minute", ctx.dct, ctx.dct)
    return Normalised(tv, RESOLVED_DCT)


def _ref_rule(value: str) -> Callable[[Spot, Ctx], Normalised | None]:
    return lambda sp, ctx: _ref(value)


HANDLERS: dict[str, Callable[[Spot, Ctx], Normalised | None]] = {
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
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "season": _season,
    "season_rel": _season,
    "day_word": _day_word,
    "this_part": _this_part,
    "weekday": _weekday,
    "unit_rel": _unit_rel,
    "unit_mod": _unit_mod,
    "anaphor": _anaphor,
    "ago": _ago,
    "ago_in": _ago,
    "ago_later": _ago,
    "duration": _duration,
    "duration_vague": _duration_vague,
    "set": _set,
    "clock": _clock,
    "present": _ref_rule("PRESENT_REF"),
    "past": _ref_rule("PAST_REF"),
    "future": _ref_rule("FUTURE_REF"),
}


def normalise(sp: Spot, ctx: Ctx) -> Normalised | None:
    try:
        return HANDLERS[sp.rule](sp, ctx)
    except (ValueError, OverflowError, KeyError, IndexError, StopIteration):
        # beyond the calendar (year 1 or 9999), or a word the tables do not know after
        # case folding matched it ("ſ"): not a date
        return None


def tag(
    text: str,
    sentences: Sequence[Sentence],
    published: date | None,
    language: str,
    day_first: bool = True,
) -> list[Mention]:
    """``timeline.temporal.tag`` for an article in ``language`` ("fr", "es" or "ar")."""
    g = grammar(language)
    mentions: list[Mention] = []
    anchor = frame = None
    for sent in sentences:
        v = view(sent.text)
        for sp in spot(g, v.text):
            ctx = Ctx(v.text, published, g, sp, anchor, frame, day_first)
            result = normalise(sp, ctx)
            if result is None:
                continue
            s, e = v.span(sp.start, sp.end)
            start, end = sent.start + s, sent.start + e
            mentions.append(
                Mention(
                    text=text[start:end],
                    start=start,
                    end=end,
                    sentence=sent.index,
                    time=result.time,
                    resolution=result.resolution,
                    rule=sp.rule,
                )
            )
            tv = result.time
            if tv.is_calendar and sp.rule != "unit_rel":
                frame = tv  # "cette année-là" leaves the frame as it was
            if tv.is_calendar and tv.granularity in ("day", "part-of-day"):
                anchor = tv
    return mentions
