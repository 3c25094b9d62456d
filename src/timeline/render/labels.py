"""Date labels: how a reader sees a TimeML value, honest to its precision ("1994",
"22 January 2019", "mid-1990s"), in English or in a babel locale; and the two other views
of a date a page needs: the year-ish heading it is grouped under and the HTML
``<time datetime>`` value.

Every function takes the locale as an argument (as :func:`check_locale` spells it); none
reads it from anywhere else.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import TimeValue

__all__ = ["MONTHS", "date_label", "day_label", "heading", "html_datetime"]

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_HALVES = {"1": "first half", "2": "second half"}
_PARTS_OF_DAY = {
    "MO": "morning",
    "MI": "midday",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}
_REFERENCES = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_MODS = {
    "EARLY": "early {}",
    "MID": "mid-{}",
    "LATE": "late {}",
    "APPROX": "c. {}",
    "START": "start of {}",
    "END": "end of {}",
    "BEFORE": "before {}",
    "AFTER": "after {}",
    "ON_OR_BEFORE": "until {}",
    "ON_OR_AFTER": "since {}",
    "LESS_THAN": "less than {}",
    "MORE_THAN": "more than {}",
    "EQUAL_OR_LESS": "at most {}",
    "EQUAL_OR_MORE": "at least {}",
}

_Y = r"(?P<y>\d{4})"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern + r"\Z"))
    for name, pattern in (
        ("century", r"(?P<c>\d{2})(?:XX)?"),
        ("decade", r"(?P<d>\d{3})X?"),
        ("year", _Y),
        ("half", _Y + r"-H(?P<h>[12])"),
        ("quarter", _Y + r"-Q(?P<q>[1-4])"),
        ("season", _Y + r"-(?P<s>SP|SU|FA|AU|WI)"),
        ("month", _Y + r"-(?P<m>\d{2})"),
        ("week", _Y + r"-W(?P<w>\d{2})(?P<we>-WE)?"),
        ("day", _Y + r"-(?P<m>\d{2})-(?P<d>\d{2})"),
        ("part-of-day", _Y + r"-(?P<m>\d{2})-(?P<d>\d{2})T(?P<p>MO|MI|AF|EV|NI|DT)"),
        (
            "time",
            _Y + r"-(?P<m>\d{2})-(?P<d>\d{2})T(?P<hh>\d{2})(?::(?P<mm>\d{2}))?"
            r"(?::(?P<ss>\d{2}))?(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?",
        ),
    )
)

# Words babel has no pattern for, in the languages whose reports the tool reads.
_LOCAL_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "decade": "années {}0", "century": "{}e siècle", "quarter": "T{q} {y}",
        "half1": "premier semestre {y}", "half2": "second semestre {y}",
        "SP": "printemps {y}", "SU": "été {y}", "FA": "automne {y}", "WI": "hiver {y}",
        "week": "semaine {w} de {y}", "weekend": "week-end de la semaine {w} de {y}",
        "MO": "{d}, matin", "MI": "{d}, midi", "AF": "{d}, après-midi", "EV": "{d}, soir",
        "NI": "{d}, nuit", "DT": "{d}, journée",
        "EARLY": "début {}", "MID": "mi-{}", "LATE": "fin {}", "APPROX": "vers {}",
        "START": "début {}", "END": "fin {}", "BEFORE": "avant {}", "AFTER": "après {}",
        "PRESENT_REF": "le présent", "PAST_REF": "le passé", "FUTURE_REF": "l’avenir",
    },
    "es": {
        "decade": "década de {}0", "century": "siglo {}", "quarter": "T{q} de {y}",
        "half1": "primer semestre de {y}", "half2": "segundo semestre de {y}",
        "SP": "primavera de {y}", "SU": "verano de {y}", "FA": "otoño de {y}",
        "WI": "invierno de {y}", "week": "semana {w} de {y}",
        "weekend": "fin de semana de la semana {w} de {y}",
        "MO": "{d}, mañana", "MI": "{d}, mediodía", "AF": "{d}, tarde", "EV": "{d}, tarde",
        "NI": "{d}, noche", "DT": "{d}, día",
        "EARLY": "principios de {}", "MID": "mediados de {}", "LATE": "finales de {}",
        "APPROX": "hacia {}", "START": "principios de {}", "END": "finales de {}",
        "BEFORE": "antes de {}", "AFTER": "después de {}",
        "PRESENT_REF": "el presente", "PAST_REF": "el pasado", "FUTURE_REF": "el futuro",
    },
}  # fmt: skip


def _day(year: int, month: int, day: int, locale: str) -> str:
    if locale != "en":
        from babel.dates import format_date

        return format_date(date(year, month, day), format="long", locale=locale)
    return f"{day} {MONTHS[month - 1]} {year}"


def _local_label(value: str, locale: str) -> str | None:
    """The label of a bare value in a babel locale; None for what only English labels."""
    words = _LOCAL_WORDS.get(locale.split("_")[0], {})
    if value in _REFERENCES:
        return words.get(value)
    found = _match(value)
    if found is None:
        return None
    kind, m = found
    g = m.groupdict()
    if kind == "year":
        return g["y"]
    if kind in ("day", "part-of-day", "time"):
        return None  # _day() speaks the locale; the rest of these labels follow it
    if kind == "month":
        month = int(g["m"])
        if not 1 <= month <= 12:
            return None
        from babel.dates import format_date

        return format_date(date(int(g["y"]), month, 1), format="LLLL y", locale=locale)
    if kind == "decade" and "decade" in words:
        return words["decade"].format(int(g["d"]))
    if kind == "century" and "century" in words:
        return words["century"].format(int(g["c"]) + 1)
    if kind == "quarter" and "quarter" in words:
        return words["quarter"].format(q=g["q"], y=g["y"])
    if kind == "half" and f"half{g['h']}" in words:
        return words[f"half{g['h']}"].format(y=g["y"])
    if kind == "season" and g["s"].replace("AU", "FA") in words:
        return words[g["s"].replace("AU", "FA")].format(y=g["y"])
    if kind == "week" and "week" in words and 1 <= int(g["w"]) <= 53:
        return words["weekend" if g["we"] else "week"].format(w=int(g["w"]), y=g["y"])
    return None


def _match(value: str) -> tuple[str, re.Match[str]] | None:
    for name, pattern in _PATTERNS:
        m = pattern.match(value)
        if m:
            return name, m
    return None


def _base_label(value: str, locale: str = "en") -> str:
    """The label of a bare TimeML value (no mod), or the value itself when unknown."""
    if value in _REFERENCES:
        return _REFERENCES[value]
    found = _match(value)
    if found is None:
        return value
    kind, m = found
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else 0
    if kind == "century":
        return f"{int(g['c'])}00s"
    if kind == "decade":
        return f"{int(g['d'])}0s"
    if kind == "year":
        return str(year)
    if kind == "half":
        return f"{_HALVES[g['h']]} of {year}"
    if kind == "quarter":
        return f"Q{g['q']} {year}"
    if kind == "season":
        return f"{_SEASONS[g['s']]} {year}"
    if kind == "week":
        week = int(g["w"])
        if not 1 <= week <= 53:
            return value
        return f"{'weekend of ' if g['we'] else ''}week {week} of {year}"
    month = int(g["m"])
    if not 1 <= month <= 12:
        return value
    if kind == "month":
        return f"{MONTHS[month - 1]} {year}"
    try:
        date(year, month, int(g["d"]))
    except ValueError:
        return value
    day = _day(year, month, int(g["d"]), locale)
    if kind == "day":
        return day
    if kind == "part-of-day":
        words = _LOCAL_WORDS.get(locale.split("_")[0], {})
        if g["p"] in words:
            return words[g["p"]].format(d=day)
        return f"{_PARTS_OF_DAY[g['p']]} of {day}"
    # time of day
    clock = f"{g['hh']}:{g['mm'] or '00'}" + (f":{g['ss']}" if g["ss"] else "")
    tz = g["tz"]
    if tz == "Z":
        clock += " UTC"
    elif tz:
        clock += f" (UTC{tz})"
    return f"{day}, {clock}"


def date_label(tv: TimeValue, locale: str = "en") -> str:
    """How a reader sees a date: honest to its precision, in ``locale`` (English unless
    told: "fr" gives "22 janvier 2019", "début 2016"; spelt as :func:`check_locale` does).

    >>> date_label(TimeValue("1994", granularity="year"))
    '1994'
    >>> date_label(TimeValue("2019-01-22", granularity="day"))
    '22 January 2019'
    >>> date_label(TimeValue("199X", granularity="decade", mod="MID"))
    'mid-1990s'

    A value it does not know is returned as it is ("P25Y", "XXXX-01-22").
    """
    local = _local_label(tv.value, locale) if locale != "en" else None
    label = local if local is not None else _base_label(tv.value, locale)
    if not tv.mod:
        return label
    if local is not None:
        words = _LOCAL_WORDS.get(locale.split("_")[0], {})
        if tv.mod.upper() in words:
            return words[tv.mod.upper()].format(label)
    template = _MODS.get(tv.mod.upper())
    if template is None:
        return f"{label} ({tv.mod.lower()})"
    return template.format(label)


def html_datetime(value: str) -> str | None:
    """A valid HTML ``<time datetime>`` value at (or coarser than) the value's precision."""
    found = _match(value)
    if found is None:
        return None
    kind, m = found
    g = m.groupdict()
    if kind in ("century", "decade"):
        return None  # HTML has no year-range form; do not pretend a single year
    if kind in ("year", "half", "quarter", "season"):
        return g["y"]
    if kind == "week":
        return f"{g['y']}-W{g['w']}"
    if not 1 <= int(g["m"]) <= 12:
        return None
    if kind == "month":
        return f"{g['y']}-{g['m']}"
    day = f"{g['y']}-{g['m']}-{g['d']}"
    if kind in ("day", "part-of-day"):
        return day
    out = f"{day}T{g['hh']}:{g['mm'] or '00'}" + (f":{g['ss']}" if g["ss"] else "")
    tz = g["tz"]
    if tz and tz != "Z" and len(tz) == 3:
        tz += ":00"
    elif tz and tz != "Z" and ":" not in tz:
        tz = f"{tz[:3]}:{tz[3:]}"
    return out + (tz or "")


def heading(tv: TimeValue) -> str:
    """The year-ish heading an entry is grouped under ("1994", "1990s", "Undated")."""
    found = _match(tv.value)
    if found is not None:
        kind, m = found
        if kind in ("century", "decade"):
            return _base_label(tv.value)
        return str(int(m.group("y")))
    if tv.start is not None:
        return str(tv.start.year)
    return "Undated"


def day_label(day: date | None, locale: str = "en") -> str | None:
    """A calendar day as :func:`date_label` writes one ("22 January 2019"); None for None."""
    return _day(day.year, day.month, day.day, locale) if day else None
