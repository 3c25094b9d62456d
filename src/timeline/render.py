"""Rendering a :class:`~timeline.model.Timeline`: the format registry and the templates.

Formats are small functions ``Timeline -> str`` kept in a registry by name and file suffix
(``Timeline -> bytes`` for a binary format such as ``docx``, registered with ``binary=True``).
The built-in ones (``md``, ``html``, ``json``) register through the same door a plug-in
would use::

    @register_format("csv", suffixes=(".csv",))
    def render_csv(timeline: Timeline) -> str: ...

    render(timeline, "csv")
    format_for_path("out.csv")  # -> "csv"

Markdown and HTML come from jinja2 templates (``timeline.md.j2``, ``timeline.html.j2``)
looked up in the package's ``templates`` folder (where the wheel puts them), else in the
repository's top-level ``templates/`` (editable installs and source checkouts).  HTML
templates are autoescaped, Markdown ones are not (they use the ``md_escape`` filter).
Undefined names are errors.  Article text is only ever passed to a template as data; it is
never compiled as a template itself.

Template context
----------------
:func:`context` builds one dict, used by every format (JSON included):

``title``
    The timeline's title (str).
``start_label``, ``end_label``
    Labels of the earliest-starting and latest-ending entries ("1994", "22 January 2019"),
    honest to their precision; None when there is no dated entry.
``entries``
    A list of dicts, one per entry, in timeline order:

    - ``id``, ``headline``, ``text`` (str);
    - ``label``: the date as a reader sees it (:func:`date_label`);
    - ``date``: the JSON date dict ``{"value", "type", "granularity", "start", "end",
      "label", "mod"}`` (``start``/``end`` ISO days or None);
    - ``datetime``: a valid HTML ``<time datetime>`` value at the entry's precision
      ("1994", "2019-01", "2019-W03", "2019-01-22") or None when HTML cannot express it
      (decades, centuries, unresolved values);
    - ``heading``: the year-ish group heading ("1994", "1990s", "Undated");
    - ``quoted``: True when ``text`` is one of the source sentences (so a template that
      quotes the sources need not repeat it);
    - ``sources``: a list of dicts: ``article`` (article id), ``outlet``, ``title``,
      ``cite`` ("Outlet: Title", or the title alone), ``url`` (as given), ``link`` (the
      URL when it is http(s), else None: only ``link`` may become a hyperlink),
      ``published`` (ISO or None), ``published_label``, ``language``, ``sentence``,
      ``expression``, ``resolution``, ``start``, ``end``, ``sentence_start``,
      ``sentence_end``, ``sentence_index`` and ``highlight``: the sentence split around
      the expression, ``{"before", "match", "after"}`` (``match`` is "" when the
      expression could not be located);
    - ``conflicts``: a list of dicts, one per :class:`timeline.model.Conflict`, each with
      ``note`` (str, never empty); merging gives ``entry`` (the other entry's id), ``date``
      (its JSON date dict), ``article``, ``expression`` and ``sentence`` (where the other
      date was read);
    - ``planned``: True when every source tells the entry as still to come.
``articles``
    A list of dicts: ``id``, ``title`` (as given, maybe ""), ``display_title`` (never
    empty), ``title_derived``, ``source`` (the outlet), ``url``, ``link``, ``published``
    (ISO or None), ``published_label`` (or None), ``language``, ``summary`` (list of str),
    ``path``.
``counts``
    ``{"entries", "articles", "sources"}`` (ints; ``sources`` counts source references).
``warnings``
    A list of str.
``years``
    The entries grouped for headings: a list of ``(heading, entries)`` pairs, consecutive
    entries with the same heading together, timeline order kept.

Filters available to templates: ``md_escape`` (escape article text for Markdown inline
use), ``md_url`` (make a URL safe inside a Markdown link), ``ucfirst`` (capitalise a label
for a heading), ``count`` (``n | count("entry", "entries")`` -> "4 entries"), ``date_label``.
"""

from __future__ import annotations

import contextvars
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import Any

import jinja2

from .errors import TimelineError, UnknownFormatError, UsageError
from .model import Article, Conflict, Entry, SourceRef, Timeline, TimeValue

__all__ = [
    "Format",
    "context",
    "date_label",
    "environment",
    "format_for_path",
    "formats",
    "is_binary",
    "json_data",
    "md_escape",
    "md_url",
    "register_format",
    "render",
    "render_template",
]

SCHEMA = "timeline/1"

# Text formats give str; binary ones (docx) give bytes and register with binary=True.
FormatFunc = Callable[[Timeline], str | bytes]

# ---------------------------------------------------------------------------------------
# Date labels
# ---------------------------------------------------------------------------------------

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


# The locale date labels are written in: "en" (the built-in English labels) or any locale
# babel knows ("fr" -> "22 janvier 2019").  Set for the length of one render() call.
_LOCALE: contextvars.ContextVar[str] = contextvars.ContextVar("timeline_locale", default="en")
# Template switches of one render() call: {"fragment": bool, "mermaid": bool}.
_OPTIONS: contextvars.ContextVar[dict[str, bool]] = contextvars.ContextVar(
    "timeline_render_options",
    default={"fragment": False, "mermaid": False},  # noqa: B039
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


def check_locale(locale: str) -> str:
    """``locale`` as babel spells it ("fr", "pt_BR"); UsageError when babel knows none such."""
    name = (locale or "en").strip().replace("-", "_")
    if name.lower() == "en":
        return "en"
    import babel

    try:
        return str(babel.Locale.parse(name))
    except (ValueError, TypeError, babel.UnknownLocaleError):
        raise UsageError(
            f"unknown locale {locale!r} (use a code such as fr, es, ar, pt_BR)"
        ) from None


def _day(year: int, month: int, day: int) -> str:
    locale = _LOCALE.get()
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


def _base_label(value: str) -> str:
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
    day = _day(year, month, int(g["d"]))
    if kind == "day":
        return day
    if kind == "part-of-day":
        words = _LOCAL_WORDS.get(_LOCALE.get().split("_")[0], {})
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


def date_label(tv: TimeValue) -> str:
    """How a reader sees a date: honest to its precision, in English, locale-independent.

    >>> date_label(TimeValue("1994", granularity="year"))
    '1994'
    >>> date_label(TimeValue("2019-01-22", granularity="day"))
    '22 January 2019'
    >>> date_label(TimeValue("199X", granularity="decade", mod="MID"))
    'mid-1990s'

    A value it does not know is returned as it is ("P25Y", "XXXX-01-22").
    """
    locale = _LOCALE.get()
    local = _local_label(tv.value, locale) if locale != "en" else None
    label = local if local is not None else _base_label(tv.value)
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


def _html_datetime(value: str) -> str | None:
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


def _heading(tv: TimeValue) -> str:
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


def _published_label(day: date | None) -> str | None:
    return _day(day.year, day.month, day.day) if day else None


# ---------------------------------------------------------------------------------------
# Markdown helpers (template filters)
# ---------------------------------------------------------------------------------------

_WS = re.compile(r"\s+")
_MD_INLINE = re.compile(r"[\\`*\[\]~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_NUMBERED = re.compile(r"\s*\d{1,9}(?=[.)](?:\s|$))")
_MD_BLOCK_MARK = re.compile(r"\s*(?=[#>+=-])")
_MD_TRAILING_HASHES = re.compile(r"(\s)(#+\s*)$")


def md_escape(text: object) -> str:
    """Escape article text for inline use in Markdown (CommonMark/GFM), minimally.

    Whitespace runs (newlines included) become one space, so text can never open a new
    block.  Escaped: backslash, backtick, ``*``, ``[``, ``]``, ``~``, ``_`` except inside a
    word, ``<`` (as ``&lt;``, so no raw HTML gets through), an ``&`` that would start an
    entity, a leading ``#``, ``>``, ``+``, ``=``, ``-`` or ``1.``-style marker (which would
    open a heading, quote, list or rule), and a trailing run of ``#`` (which a heading would
    drop).  Ordinary punctuation is left alone.
    """
    s = _WS.sub(" ", str(text))
    s = _MD_INLINE.sub(lambda m: "\\" + m.group(0), s)
    s = _MD_ENTITY.sub(r"\\&", s)
    s = s.replace("<", "&lt;")
    m = _MD_NUMBERED.match(s) or _MD_BLOCK_MARK.match(s)
    if m:
        s = s[: m.end()] + "\\" + s[m.end() :]  # before the marker's significant character
    return _MD_TRAILING_HASHES.sub(r"\1\\\2", s)


def md_url(url: object) -> str:
    """Make a URL safe as the destination of a Markdown link."""
    s = str(url).strip()
    for char, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        s = s.replace(char, code)
    return s


def _ucfirst(label: object) -> str:
    """Capitalise the first letter of a label for a heading ("early 2016" -> "Early 2016")."""
    s = str(label)
    if not s or s.startswith("c. "):
        return s
    return s[0].upper() + s[1:]


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def _safe_link(url: str) -> str | None:
    """The URL when it may become a hyperlink (http or https, nothing odd in it)."""
    s = (url or "").strip()
    if not re.match(r"https?://[^\s/]", s, re.IGNORECASE):
        return None
    if any(ord(c) < 32 or ord(c) == 127 for c in s):
        return None
    return s


# ---------------------------------------------------------------------------------------
# The context every format is built from
# ---------------------------------------------------------------------------------------


def _date_dict(tv: TimeValue) -> dict[str, Any]:
    return {
        "value": tv.value,
        "type": tv.type,
        "granularity": tv.granularity,
        "start": tv.start.isoformat() if tv.start else None,
        "end": tv.end.isoformat() if tv.end else None,
        "label": date_label(tv),
        "mod": tv.mod,
    }


def _display_title(article: Article) -> str:
    if article.title.strip():
        return article.title.strip()
    if article.path:
        return Path(article.path).name or article.path
    return article.id


def _article_dict(article: Article, summary: Iterable[str]) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "display_title": _display_title(article),
        "title_derived": article.title_derived,
        "source": article.source,
        "url": article.url,
        "link": _safe_link(article.url),
        "published": article.published.isoformat() if article.published else None,
        "published_label": _published_label(article.published),
        "language": article.language,
        "summary": [s for s in summary if s.strip()],
        "path": article.path,
    }


def _highlight(ref: SourceRef) -> dict[str, str]:
    """The sentence split around the temporal expression, for emphasis in a template."""
    sentence, expr = ref.sentence, ref.expression
    at = ref.start - ref.sentence_start
    if not (expr and at >= 0 and sentence[at : at + len(expr)] == expr):
        at = sentence.find(expr) if expr else -1
    if at < 0 or not expr.strip():
        return {"before": sentence.strip(), "match": "", "after": ""}
    # Whitespace around the expression goes to its neighbours, so emphasis can wrap it.
    stop = at + len(expr)
    at += len(expr) - len(expr.lstrip())
    stop -= len(expr) - len(expr.rstrip())
    return {
        "before": sentence[:at].lstrip(),
        "match": sentence[at:stop],
        "after": sentence[stop:].rstrip(),
    }


def _source_dict(ref: SourceRef, articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    art = articles.get(ref.article)
    outlet = art["source"].strip() if art else ""
    title = art["display_title"] if art else ref.article
    return {
        "article": ref.article,
        "outlet": outlet,
        "title": title,
        "cite": f"{outlet}: {title}" if outlet else title,
        "url": art["url"] if art else "",
        "link": art["link"] if art else None,
        "published": art["published"] if art else None,
        "published_label": art["published_label"] if art else None,
        "language": art["language"] if art else "",
        "sentence": ref.sentence,
        "sentence_index": ref.sentence_index,
        "sentence_start": ref.sentence_start,
        "sentence_end": ref.sentence_end,
        "expression": ref.expression,
        "start": ref.start,
        "end": ref.end,
        "resolution": ref.resolution,
        "highlight": _highlight(ref),
    }


def _excerpt(sentence: str, expression: str, words: int = 6) -> str:
    """The few words of ``sentence`` that lead up to ``expression``, for a note."""
    at = sentence.find(expression) if expression else -1
    if at < 0:
        return expression
    lead = sentence[:at].split()[-words:]
    text = " ".join([*lead, expression]).strip(" ,;:")
    return ("…" if len(sentence[:at].split()) > words else "") + text


def _conflict_dict(
    conflict: Conflict, entry: Entry, articles: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if conflict.entry:
        out["entry"] = conflict.entry
    if conflict.date is not None:
        out["date"] = _date_dict(conflict.date)
    for key in ("article", "expression", "sentence"):
        if getattr(conflict, key):
            out[key] = getattr(conflict, key)
    note = conflict.note.strip()
    if not note and conflict.date is not None:
        article = articles.get(conflict.article, {})
        who = article.get("source") or article.get("display_title") or "another source"
        said = _excerpt(conflict.sentence, conflict.expression)
        said = f" (“{said}”)" if said else ""
        outlets = {articles.get(s.article, {}).get("source") or "" for s in entry.sources}
        mine = ", ".join(sorted(outlets - {""}))
        note = (
            f"{who} dates this to {date_label(conflict.date)}{said}"
            + (f"; {mine} gives {date_label(entry.date)}" if mine else "")
            + "."
        )
    out["note"] = note or "the sources disagree"
    return out


def _entry_dict(entry: Entry, articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    sources = [_source_dict(ref, articles) for ref in entry.sources]
    text = entry.text.strip()
    return {
        "id": entry.id,
        "label": date_label(entry.date),
        "date": _date_dict(entry.date),
        "datetime": _html_datetime(entry.date.value),
        "heading": _heading(entry.date),
        "headline": entry.headline.strip(),
        "text": text,
        "quoted": not text or any(s["sentence"].strip() == text for s in sources),
        "sources": sources,
        "conflicts": [_conflict_dict(c, entry, articles) for c in entry.conflicts],
        "planned": entry.planned,
    }


def context(timeline: Timeline) -> dict[str, Any]:
    """The data every format renders (see the module docstring for its keys)."""
    articles = [_article_dict(r.article, r.summary) for r in timeline.articles]
    by_id = {a["id"]: a for a in articles}
    entries = [_entry_dict(e, by_id) for e in timeline.entries]
    dated = [e for e in timeline.entries if e.date.start and e.date.end]
    first = min(dated, key=lambda e: e.date.sort_key, default=None)
    last = max(dated, key=lambda e: (e.date.end, -e.date.sort_key[1]), default=None)
    return {
        "title": timeline.title,
        "start_label": date_label(first.date) if first else None,
        "end_label": date_label(last.date) if last else None,
        "entries": entries,
        "articles": articles,
        "counts": {
            "entries": len(entries),
            "articles": len(articles),
            "sources": sum(len(e["sources"]) for e in entries),
        },
        "warnings": list(timeline.warnings),
        "years": [(h, list(group)) for h, group in groupby(entries, key=lambda e: e["heading"])],
    }


class _LazyEntries:
    """The entry dicts of a timeline made one at a time as a template walks them (a
    large timeline's entries are read from disk; their dicts never all exist at once)."""

    def __init__(self, entries: Any, articles: dict[str, dict[str, Any]]) -> None:
        self._entries = entries
        self._articles = articles

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (_entry_dict(e, self._articles) for e in self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __bool__(self) -> bool:
        return len(self._entries) > 0


class _LazyYears:
    """(heading, entries) per year, as :func:`context` gives them, made on the way."""

    def __init__(self, entries: _LazyEntries) -> None:
        self._entries = entries

    def __iter__(self) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        return groupby(self._entries, key=lambda e: e["heading"])


def streaming_context(timeline: Timeline) -> dict[str, Any]:
    """:func:`context` with ``entries`` and ``years`` made as they are read, for
    templates that walk them once (the built-in Markdown and HTML ones)."""
    articles = [_article_dict(r.article, r.summary) for r in timeline.articles]
    by_id = {a["id"]: a for a in articles}
    stored = timeline.entries
    first, last = getattr(stored, "first", None), getattr(stored, "last", None)
    sources = getattr(stored, "sources", None)
    if sources is None:  # entries in memory: count them here
        dated = [e for e in stored if e.date.start and e.date.end]
        first = min(dated, key=lambda e: e.date.sort_key, default=None)
        last = max(dated, key=lambda e: (e.date.end, -e.date.sort_key[1]), default=None)
        sources = sum(len(e.sources) for e in stored)
    entries = _LazyEntries(stored, by_id)
    return {
        "title": timeline.title,
        "start_label": date_label(first.date) if first else None,
        "end_label": date_label(last.date) if last else None,
        "entries": entries,
        "articles": articles,
        "counts": {"entries": len(stored), "articles": len(articles), "sources": sources},
        "warnings": list(timeline.warnings),
        "years": _LazyYears(entries),
    }


# ---------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------


def mermaid_text(text: str, limit: int = 0) -> str:
    """Text safe inside a Mermaid ``timeline`` line: one line, and as Mermaid entity codes
    (``#58;``) the ``:`` that separates periods from events, ``#`` and ``;`` (entity
    syntax), the markup characters ``< > & " '`` and the backtick (it could close the
    Markdown fence); cut to ``limit`` characters when given."""
    text = " ".join(str(text).split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    # Mermaid renders labels as HTML: markup goes in as entity codes, inert
    return re.sub(r"[#:;<>&\"'`]", lambda m: f"#{ord(m.group())};", text)


def _template_dirs() -> tuple[Path, ...]:
    here = Path(__file__).resolve()
    return (Path(__file__).parent / "templates", here.parents[2] / "templates")


@functools.lru_cache(maxsize=8)
def environment(extra: str | None = None) -> jinja2.Environment:
    """The jinja2 environment for the built-in templates (cached); ``extra`` is a folder
    searched first, for a user's own template (which may include or extend the built-in
    ones).  Autoescaping is on for every ``*.html.j2``/``*.htm.j2``/``*.xml.j2`` template.

    Article text only ever reaches a template as data: "{{ 7*7 }}" in an article is
    printed as written, never evaluated."""
    candidates = _template_dirs()
    folder = next((d for d in candidates if d.is_dir()), None)
    if folder is None:
        tried = ", ".join(str(d) for d in candidates)
        raise TimelineError(f"cannot find the output templates (looked in {tried})")
    folders = [extra, str(folder)] if extra else [str(folder)]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=jinja2.select_autoescape(
            ["html.j2", "htm.j2", "xml.j2", "html", "htm", "xml"], default=False
        ),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        mermaid_text=mermaid_text,
        md_escape=md_escape,
        md_url=md_url,
        ucfirst=_ucfirst,
        count=_count,
        date_label=date_label,
    )
    return env


def render_template(name: str, timeline: Timeline, **extra: Any) -> str:
    """Render the named built-in template with :func:`context` of the timeline (plus
    ``extra`` variables such as ``fragment`` or ``mermaid``)."""
    try:
        template = environment().get_template(name)
    except jinja2.TemplateNotFound as exc:
        raise TimelineError(f"template not found: {name}") from exc
    return template.render(**context(timeline), **_OPTIONS.get(), **extra)


def render_custom(path: str | Path, timeline: Timeline) -> str:
    """Render a user's template file (``--template FILE.j2``) with the documented context
    (templates/README.md).  Raises TemplateError for a template that does not load or
    fails to render, naming the file and line."""
    from .errors import TemplateError

    file = Path(path)
    if not file.is_file():
        raise TemplateError(f"{path}: no such template file")
    try:
        env = environment(str(file.resolve().parent))
        template = env.get_template(file.name)
        text = template.render(**context(timeline), **_OPTIONS.get())
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{path}:{exc.lineno}: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{path}: {exc.message} (see templates/README.md)") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{path}: {exc}") from None
    return text if text.endswith("\n") else text + "\n"


# ---------------------------------------------------------------------------------------
# The format registry
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    """An output format: its name, the file suffixes that select it, its renderer, and
    whether it writes bytes (``binary``: docx) rather than text."""

    name: str
    suffixes: tuple[str, ...]
    func: FormatFunc
    binary: bool = False


_FORMATS: dict[str, Format] = {}


def register_format(
    name: str,
    suffixes: Iterable[str] = (),
    func: FormatFunc | None = None,
    *,
    binary: bool = False,
) -> Any:
    """Register an output format; usable directly or as a decorator.

    ``register_format("csv", [".csv"], render_csv)`` or ``@register_format("csv", [".csv"])``.
    A format whose renderer returns bytes registers with ``binary=True``.
    Registering a name again replaces the earlier format.
    """
    key = name.strip().lower()
    suffix_tuple = tuple(s.lower() if s.startswith(".") else "." + s.lower() for s in suffixes if s)

    def decorator(f: FormatFunc) -> FormatFunc:
        _FORMATS[key] = Format(key, suffix_tuple, f, binary)
        return f

    if func is not None:
        return decorator(func)
    return decorator


def formats() -> list[str]:
    """The names of the registered formats, sorted."""
    return sorted(_FORMATS)


def is_binary(fmt: str) -> bool:
    """True when the named format writes bytes (docx), not text."""
    found = _FORMATS.get(fmt.strip().lower())
    return bool(found and found.binary)


def format_for_path(path: str) -> str | None:
    """The format a file name asks for by its suffix ("out.md" -> "md"), or None."""
    lower = str(path).lower()
    best: tuple[int, str] | None = None
    for fmt in _FORMATS.values():
        for suffix in fmt.suffixes:
            if lower.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), fmt.name)
    return best[1] if best else None


def render(
    timeline: Timeline,
    fmt: str,
    locale: str = "en",
    *,
    fragment: bool = False,
    mermaid: bool = False,
    template: str | Path | None = None,
) -> str | bytes:
    """Render the timeline in the named format, its date labels in ``locale`` ("fr" gives
    "22 janvier 2019"; "en", the default, the built-in English labels).  Text formats give
    a str, binary ones (``docx``, see :func:`is_binary`) bytes.

    ``fragment`` (HTML only): just the timeline ``<section>``, its styles scoped to it, for
    pasting into another page.  ``mermaid`` (Markdown only): add a Mermaid ``timeline``
    block.  ``template``: render this jinja2 file instead of the format's built-in template
    (``fmt`` then only names what the output is)."""
    found = _FORMATS.get(fmt.strip().lower())
    if found is None:
        known = ", ".join(formats())
        raise UnknownFormatError(f"unknown output format {fmt!r} (known formats: {known})")
    if fragment and found.name != "html":
        raise UsageError("--fragment is for HTML output (-f html)")
    if mermaid and found.name != "md":
        raise UsageError("--mermaid is for Markdown output (-f md)")
    if template is not None and found.binary:
        raise UsageError(f"--template writes text: it cannot make {found.name} output")
    token = _LOCALE.set(check_locale(locale))
    options = _OPTIONS.set({"fragment": fragment, "mermaid": mermaid})
    try:
        if template is not None:
            return render_custom(template, timeline)
        return found.func(timeline)
    finally:
        _OPTIONS.reset(options)
        _LOCALE.reset(token)


def render_chunks(
    timeline: Timeline,
    fmt: str,
    locale: str = "en",
    *,
    fragment: bool = False,
    mermaid: bool = False,
    template: str | Path | None = None,
) -> Iterator[str | bytes]:
    """:func:`render` a piece at a time: the pieces joined are exactly what it returns.
    JSON, Markdown and HTML are made as the entries are read, so a timeline read from
    disk (:mod:`timeline.scale`) is never held whole; other formats come in one piece."""
    found = _FORMATS.get(fmt.strip().lower())
    if template is not None or found is None or found.name not in ("json", "md", "html"):
        yield render(timeline, fmt, locale, fragment=fragment, mermaid=mermaid, template=template)
        return
    if fragment and found.name != "html":
        raise UsageError("--fragment is for HTML output (-f html)")
    if mermaid and found.name != "md":
        raise UsageError("--mermaid is for Markdown output (-f md)")
    token = _LOCALE.set(check_locale(locale))
    options = _OPTIONS.set({"fragment": fragment, "mermaid": mermaid})
    try:
        if found.name == "json":
            pieces = _json_chunks(timeline)
        elif found.name == "md":
            pieces = _squeezed(_template_chunks("timeline.md.j2", timeline))
        else:
            name = "timeline.fragment.html.j2" if fragment else "timeline.html.j2"
            pieces = _squeezed(_template_chunks(name, timeline), squeeze=False)
        # the locale and options hold while the caller reads, not only while this starts
        yield from pieces
    finally:
        _OPTIONS.reset(options)
        _LOCALE.reset(token)


def _template_chunks(name: str, timeline: Timeline) -> Iterator[str]:
    template = environment().get_template(name)
    return template.generate(**streaming_context(timeline), **_OPTIONS.get())


def _buffered(chunks: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """Pieces of about ``size`` characters (a template yields many tiny ones)."""
    buffer: list[str] = []
    held = 0
    for chunk in chunks:
        buffer.append(chunk)
        held += len(chunk)
        if held >= size:
            yield "".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield "".join(buffer)


def _squeezed(chunks: Iterable[str], squeeze: bool = True) -> Iterator[str]:
    """What render_markdown makes of the whole text, piece by piece: runs of three or
    more newlines become two (unless not ``squeeze``), no newline at the start, one at
    the end (what render_html does without ``squeeze``)."""
    started = False
    pending = ""  # newlines not yet written: the next text decides how many count
    for chunk in _buffered(chunks):
        text = pending + chunk
        body = text.rstrip("\n")
        pending = text[len(body) :]
        if not started:
            body = body.lstrip("\n")
            if not body:
                continue
            started = True
        # every run of newlines in ``body`` is whole: the one at its end is held back
        if squeeze:
            body = re.sub(r"\n{3,}", "\n\n", body)
        if body:
            yield body
    yield "\n"


def _json_chunks(timeline: Timeline) -> Iterator[str]:
    """render_json's text, an event at a time."""
    ctx = streaming_context(timeline)

    def dumps(value: Any, level: int) -> str:
        text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False)
        return text.replace("\n", "\n" + " " * level).translate(_JSON_INERT)

    def array(items: Iterable[Any]) -> Iterator[str]:
        empty = True
        for item in items:
            yield ("[\n    " if empty else ",\n    ") + dumps(item, 4)
            empty = False
        yield "[]" if empty else "\n  ]"

    yield "{\n"
    yield f'  "schema": {dumps(SCHEMA, 2)},\n'
    yield f'  "title": {dumps(ctx["title"], 2)},\n'
    yield '  "events": '
    yield from _buffered(array(_json_event(e) for e in ctx["entries"]))
    yield ',\n  "articles": '
    yield from _buffered(array({k: a[k] for k in _JSON_ARTICLE_KEYS} for a in ctx["articles"]))
    yield ',\n  "warnings": '
    yield from array(ctx["warnings"])
    yield "\n}\n"


# ---------------------------------------------------------------------------------------
# Built-in formats
# ---------------------------------------------------------------------------------------

# Characters escaped in JSON output although JSON does not require it, so that the file
# stays inert if someone embeds it in HTML or JavaScript.  Parsing gives the same data.
_JSON_INERT = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)

_JSON_SOURCE_KEYS = (
    "article",
    "sentence",
    "expression",
    "start",
    "end",
    "sentence_start",
    "sentence_end",
    "sentence_index",
    "resolution",
)
_JSON_ARTICLE_KEYS = (
    "id",
    "title",
    "source",
    "url",
    "published",
    "language",
    "summary",
    "path",
    "title_derived",
)


def json_data(timeline: Timeline) -> dict[str, Any]:
    """The ``timeline/1`` JSON document as Python data."""
    ctx = context(timeline)
    return {
        "schema": SCHEMA,
        "title": ctx["title"],
        "events": [_json_event(e) for e in ctx["entries"]],
        "articles": [{k: a[k] for k in _JSON_ARTICLE_KEYS} for a in ctx["articles"]],
        "warnings": ctx["warnings"],
    }


def _json_event(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": e["id"],
        "date": e["date"],
        "headline": e["headline"],
        "text": e["text"],
        "sources": [{k: s[k] for k in _JSON_SOURCE_KEYS} for s in e["sources"]],
        "conflicts": e["conflicts"],
        "planned": e["planned"],
    }


@register_format("json", (".json",))
def render_json(timeline: Timeline) -> str:
    """The ``timeline/1`` JSON document (deterministic: same timeline, same bytes)."""
    text = json.dumps(json_data(timeline), ensure_ascii=False, indent=2, sort_keys=False)
    return text.translate(_JSON_INERT) + "\n"


@register_format("md", (".md", ".markdown"))
def render_markdown(timeline: Timeline) -> str:
    """CommonMark/GFM, ready to paste into a briefing."""
    text = render_template("timeline.md.j2", timeline)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


@register_format("html", (".html", ".htm"))
def render_html(timeline: Timeline) -> str:
    """One self-contained HTML page: inline CSS, no scripts, no external assets; with
    ``fragment`` only the timeline section, its styles scoped to it."""
    name = "timeline.fragment.html.j2" if _OPTIONS.get().get("fragment") else "timeline.html.j2"
    return render_template(name, timeline).strip("\n") + "\n"


# Formats written by code rather than templates (TimelineJS, CSV, iCalendar, Word) register
# through the same door; imported last, as they use the registry above.
from . import exports, word  # noqa: E402, F401
