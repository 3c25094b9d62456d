"""Exports for other timeline tools: TimelineJS3 JSON, TimelineSetter CSV and iCalendar.

The registry (:mod:`timeline.render.registry`) names these formats and imports this module
the first time one of them renders::

    render(tl, "timelinejs")          # or -o out.timelinejs.json
    render(tl, "csv")                 # or -o out.csv
    render(tl, "ics")                 # or -o out.ics

All three are built from :func:`timeline.render.context` as plain strings and structures
(no templates: article text is only ever data), are deterministic (the same timeline gives
the same bytes) and keep each date to its precision: a year stays a year.  Entries without
a calendar date (no first and last day) are left out of all three.  Article text is
whitespace-normalised (runs of whitespace, newlines included, become one space; control
characters are dropped), and a link is only ever made from an http(s) URL, percent-encoded
where a URI may not hold the character (spaces, quotes, ``<``, ``>``, non-ASCII): see
:func:`timeline.render.safe_url`.

``timelinejs`` (suffix ``.timelinejs.json``)
    The TimelineJS3 JSON format: ``{"title": {"text": {"headline", "text"}}, "events",
    "scale": "human"}``.  Each event has ``start_date`` with ``year`` and only the parts
    the date knows: ``month`` from month precision down, ``day`` from day precision down
    (times and parts of the day stop at the day); decades and centuries give their first
    year.  Halves, quarters, seasons and weeks, which are spans inside a year, also get an
    ``end_date`` at the same precision (months for halves, quarters and seasons, days for
    weeks), so they sit and sort where they fall.  ``display_date`` (the reader's label,
    in the render locale: "early 2016", "c. 1995", "1990s", "January 2019") is set unless
    the date is a plain day with no modifier, which TimelineJS labels itself.
    ``text.headline`` and ``text.text`` are HTML, as TimelineJS inserts them: the entry's
    text, its sources (linked when http(s), with each other source's own sentence) and its
    conflict notes, every piece of article text escaped.  ``group`` is the outlet of the
    entry's first source (whose sentence the text is), the same as the CSV ``series``:
    years are already the time axis, so a row per outlet says more than a row per year;
    entries whose first source names no outlet have no group.  ``unique_id`` is the entry
    id; ``autolink`` is false, so TimelineJS makes no links of its own out of article text.
    ``<``, ``>``, U+2028 and U+2029 are written as ``\\u`` escapes, as in the ``json``
    format, so the file stays inert inside a ``<script>`` element.

``csv`` (suffix ``.csv``)
    TimelineSetter's columns, in its order: ``date`` (ISO first day: "1994-01-01" for
    1994, whose ``display_date`` says "1994"), ``display_date`` (the label),
    ``description`` (the entry's text), ``link`` (the first http(s) URL among the entry's
    sources, else empty), ``series`` (the first source's outlet) and ``html`` (the
    headline and the citations, with conflict notes).  TimelineSetter inserts every column
    into its cards unescaped, so ``description``, ``display_date`` and ``series`` are
    HTML-escaped too (``&``, ``<``, ``>``: a spreadsheet shows ``&amp;`` for ``&``).
    Written by the :mod:`csv` module with RFC 4180 quoting and ``\\r\\n`` after every
    record (RFC 4180's line break; ``csv``'s default), UTF-8 without a byte-order mark (a
    BOM would become part of TimelineSetter's first column name).  A cell that would start
    with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe:
    spreadsheets run such a cell as a formula (CSV/formula injection, e.g.
    ``=cmd|' /C calc'!A0``), and the apostrophe makes them show it as text.

``ics`` (suffix ``.ics``)
    iCalendar (RFC 5545): a VCALENDAR (PRODID, VERSION 2.0, CALSCALE GREGORIAN, METHOD
    PUBLISH, the title as NAME and X-WR-CALNAME) with one all-day VEVENT per entry known to
    the day (``DTSTART;VALUE=DATE:20190122``, ``DTEND;VALUE=DATE:20190123``).  A year, month,
    week or any longer span is never placed on a day; an entry finer than a day (a time, a
    part of the day) becomes an all-day event on its day, its label in the description;
    a day with a modifier that moves it off the day ("c.", "before", "after") is left out.
    UID is the entry id + ``@timeline``; SUMMARY the headline (" (planned)" when every
    source tells it as still to come, which also sets STATUS:TENTATIVE); DESCRIPTION the
    text, the sources (outlet: title (date), the URL on a line of its own, other sources'
    sentences quoted) and the conflict notes, as plain text; URL the first http(s) source
    URL; TRANSP:TRANSPARENT (news does not make anyone busy).  DTSTAMP, which RFC 5545
    requires, is the latest publication date among the articles at 00:00:00 UTC, or
    1970-01-01T00:00:00Z when no article has one, so the same input gives byte-identical
    output.  Text values escape backslash, semicolon, comma and newline; lines end in CRLF
    and are folded at 75 octets without splitting a UTF-8 character.  The text is plain
    text, but some clients render descriptions as HTML, so a ``<`` that would open a tag
    ("<script", "</b", "<!--") is followed by an invisible WORD JOINER (U+2060): an HTML
    parser reads it as text, and a plain-text client shows the same characters.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from ..model import GRANULARITY_RANK, Entry, Timeline, TimeValue
from .context import context, span_label
from .json_doc import inert_json
from .options import RenderOptions
from .text import safe_url, ucfirst

__all__ = [
    "CSV_COLUMNS",
    "render_csv",
    "render_ics",
    "render_timelinejs",
    "timelinejs_data",
]

# ---------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------

_DAY_RANK = GRANULARITY_RANK["day"]
# Spans inside a year that TimelineJS shows as a range: months for these ...
_MONTH_SPANS = frozenset({"half", "quarter", "season"})
# ... and days for these.
_DAY_SPANS = frozenset({"week"})
# Modifiers that keep a day-or-finer date on its day ("early on 22 January").
_ON_THE_DAY = frozenset({"EARLY", "MID", "LATE", "START", "END"})


def _clean(text: object) -> str:
    """Article text on one line: whitespace runs become one space, control chars go."""
    s = " ".join(str(text or "").split())
    return "".join(c for c in s if unicodedata.category(c) != "Cc")


def _h(text: object) -> str:
    """Article text, whitespace-normalised and escaped for HTML content or attributes."""
    return html.escape(_clean(text), quote=True)


def _headline(e: dict[str, Any]) -> str:
    """The entry's headline, or its date label when it has none."""
    return _clean(e["headline"]) or ucfirst(_clean(e["label"]))


def _is_plain_day(tv: TimeValue) -> bool:
    return tv.granularity == "day" and not tv.mod


def _on_one_day(tv: TimeValue) -> bool:
    """True when the entry is known to the day: a day, or finer, kept on that day."""
    if not tv.is_calendar or tv.start != tv.end:
        return False
    if GRANULARITY_RANK.get(tv.granularity or "", _DAY_RANK) < _DAY_RANK:
        return False
    return not tv.mod or tv.mod.upper() in _ON_THE_DAY


def _dated(timeline: Timeline, ctx: dict[str, Any]) -> Iterator[tuple[Entry, dict[str, Any]]]:
    """The entries that have calendar days, each with its dict of ``ctx`` (the timeline's
    :func:`context`)."""
    for entry, e in zip(timeline.entries, ctx["entries"], strict=True):
        if entry.date.is_calendar:
            yield entry, e


def _first_link(e: dict[str, Any]) -> str | None:
    for s in e["sources"]:
        link = safe_url(s.get("link"), encode=True)
        if link:
            return link
    return None


def _first_outlet(e: dict[str, Any]) -> str:
    return _clean(e["sources"][0]["outlet"]) if e["sources"] else ""


def _other_sentence(e: dict[str, Any], s: dict[str, Any]) -> str:
    """The source's sentence when it is not the entry's text already, else ""."""
    sentence = _clean(s["sentence"])
    return "" if sentence == _clean(e["text"]) else sentence


def _cite_html(s: dict[str, Any]) -> str:
    cite = _h(s["cite"])
    link = safe_url(s.get("link"), encode=True)
    if link:
        cite = f'<a href="{html.escape(link)}" target="_blank" rel="noopener noreferrer">{cite}</a>'
    if s.get("published_label"):
        cite += f" ({_h(s['published_label'])})"
    return cite


def _sources_html(e: dict[str, Any], *, sentences: bool) -> str:
    """The citations as HTML; with ``sentences``, each other source's sentence quoted."""
    items = []
    for s in e["sources"]:
        item = _cite_html(s)
        quoted = _other_sentence(e, s) if sentences else ""
        if quoted:
            item += f": “{html.escape(quoted)}”"
        items.append(item)
    if not items:
        return ""
    if len(items) == 1:
        return f"<p>Source: {items[0]}</p>"
    return "<p>Sources:</p><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _conflicts_html(e: dict[str, Any]) -> str:
    return "".join(f"<p><strong>Conflict:</strong> {_h(c['note'])}</p>" for c in e["conflicts"])


def _planned(e: dict[str, Any]) -> str:
    return " (planned)" if e["planned"] else ""


# ---------------------------------------------------------------------------------------
# TimelineJS3
# ---------------------------------------------------------------------------------------


def _tljs_date(day: date, parts: int) -> dict[str, int]:
    """A TimelineJS date object with the first ``parts`` of year, month, day."""
    return dict(zip(("year", "month", "day"), (day.year, day.month, day.day)[:parts], strict=False))


def _tljs_dates(tv: TimeValue) -> tuple[dict[str, int], dict[str, int] | None]:
    """``start_date`` and ``end_date`` (or None) holding only the parts the date knows."""
    assert tv.start is not None and tv.end is not None
    g = tv.granularity or ""
    rank = GRANULARITY_RANK.get(g)
    if g in ("century", "decade", "year"):
        return _tljs_date(tv.start, 1), None
    if g in _MONTH_SPANS:
        return _tljs_date(tv.start, 2), _tljs_date(tv.end, 2)
    if g == "month":
        return _tljs_date(tv.start, 2), None
    if g in _DAY_SPANS or rank is None:
        # a week, or a span of days of no known unit: its first and last day
        if tv.start == tv.end:
            return _tljs_date(tv.start, 3), None
        return _tljs_date(tv.start, 3), _tljs_date(tv.end, 3)
    return _tljs_date(tv.start, 3), None  # a day, or finer: up to the day


def _tljs_text(e: dict[str, Any]) -> str:
    parts = []
    if _clean(e["text"]):
        parts.append(f"<p>{_h(e['text'])}</p>")
    parts.append(_sources_html(e, sentences=True))
    parts.append(_conflicts_html(e))
    return "".join(parts)


def timelinejs_data(timeline: Timeline, options: RenderOptions | None = None) -> dict[str, Any]:
    """The TimelineJS3 document as Python data (see the module docstring)."""
    ctx = context(timeline, options)
    events = []
    for entry, e in _dated(timeline, ctx):
        start, end = _tljs_dates(entry.date)
        event: dict[str, Any] = {"start_date": start}
        if end is not None:
            event["end_date"] = end
        event["text"] = {"headline": html.escape(_headline(e) + _planned(e)), "text": _tljs_text(e)}
        outlet = _first_outlet(e)
        if outlet:
            event["group"] = html.escape(outlet)
        if not _is_plain_day(entry.date):
            event["display_date"] = _h(e["label"])
        event["unique_id"] = e["id"]
        event["autolink"] = False
        events.append(event)
    span = ""
    if ctx["start_label"] and ctx["end_label"]:
        span = ", " + span_label(_clean(ctx["start_label"]), _clean(ctx["end_label"]))
    n, m = len(events), ctx["counts"]["articles"]
    summary = (
        f"{n} {'event' if n == 1 else 'events'} from {m} {'article' if m == 1 else 'articles'}"
        + span
    )
    return {
        "title": {"text": {"headline": _h(ctx["title"]), "text": f"<p>{html.escape(summary)}</p>"}},
        "events": events,
        "scale": "human",
    }


def render_timelinejs(timeline: Timeline, options: RenderOptions) -> str:
    """The timeline as TimelineJS3 JSON (deterministic: same timeline, same bytes); as in
    the json format, the file is inert inside a ``<script>`` element."""
    return inert_json(timelinejs_data(timeline, options)) + "\n"


# ---------------------------------------------------------------------------------------
# TimelineSetter CSV
# ---------------------------------------------------------------------------------------

CSV_COLUMNS: tuple[str, ...] = ("date", "display_date", "description", "link", "series", "html")

# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _text_cell(text: object) -> str:
    """Article text for a column TimelineSetter inserts as HTML."""
    return html.escape(_clean(text), quote=False)


def _csv_html(e: dict[str, Any]) -> str:
    head = f"<p><strong>{html.escape(_headline(e) + _planned(e))}</strong></p>"
    return head + _sources_html(e, sentences=False) + _conflicts_html(e)


def _csv_rows(timeline: Timeline, options: RenderOptions) -> Iterator[tuple[str, ...]]:
    for entry, e in _dated(timeline, context(timeline, options)):
        assert entry.date.start is not None
        yield (
            entry.date.start.isoformat(),
            _text_cell(e["label"]),
            _text_cell(e["text"] or e["headline"]),
            _first_link(e) or "",
            _text_cell(_first_outlet(e)),
            _csv_html(e),
        )


def render_csv(timeline: Timeline, options: RenderOptions) -> str:
    """TimelineSetter CSV: RFC 4180, CRLF line ends, formula cells neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in _csv_rows(timeline, options):
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


# ---------------------------------------------------------------------------------------
# iCalendar
# ---------------------------------------------------------------------------------------

PRODID = "-//timeline//timeline//EN"
_EPOCH_STAMP = "19700101T000000Z"
_FOLD_OCTETS = 75
_FOLD_UNITS = re.compile(r"\\.|.", re.DOTALL)  # a TEXT escape, or one character


# "<" where HTML would open a tag or comment ("<script", "</b", "<!--"): some calendar
# clients render descriptions as HTML, so a WORD JOINER (U+2060, invisible, no break) goes
# between, which makes it text to an HTML parser and leaves plain text looking the same.
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")


def _ics_text(text: object) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    s = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    s = "".join(c for c in s if c == "\n" or unicodedata.category(c) != "Cc")
    s = _TAG_OPEN.sub("<\u2060", s)
    for char, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        s = s.replace(char, escaped)
    return s


def fold(line: str) -> str:
    """An iCalendar content line folded at 75 octets (RFC 5545 3.1), CRLF between parts.

    Continuation lines start with one space, which counts towards their 75 octets.  A
    UTF-8 character is never split across lines, nor a TEXT escape such as ``\\,`` (RFC
    5545 allows it, but some readers unescape before they unfold).
    """
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for piece in _FOLD_UNITS.findall(line):
        n = len(piece.encode("utf-8"))
        if size + n > _FOLD_OCTETS:
            parts.append("".join(current))
            current, size = [" "], 1
        current.append(piece)
        size += n
    parts.append("".join(current))
    return "\r\n".join(parts)


def _ics_date(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _stamp(timeline: Timeline) -> str:
    days = [r.article.published for r in timeline.articles if r.article.published]
    return f"{_ics_date(max(days))}T000000Z" if days else _EPOCH_STAMP


def _ics_description(entry: Entry, e: dict[str, Any]) -> str:
    blocks = []
    if not _is_plain_day(entry.date):
        blocks.append(_clean(e["label"]))
    if _clean(e["text"]):
        blocks.append(_clean(e["text"]))
    cites = []
    for s in e["sources"]:
        cite = _clean(s["cite"])
        if s.get("published_label"):
            cite += f" ({_clean(s['published_label'])})"
        link = safe_url(s.get("link"), encode=True)
        if link:
            cite += f"\n  {link}"
        quoted = _other_sentence(e, s)
        if quoted:
            cite += f"\n  “{quoted}”"
        cites.append(cite)
    if len(cites) == 1:
        blocks.append(f"Source: {cites[0]}")
    elif cites:
        blocks.append("\n".join(["Sources:", *(f"- {cite}" for cite in cites)]))
    blocks.extend(f"Conflict: {_clean(c['note'])}" for c in e["conflicts"])
    return "\n\n".join(blocks)


def _ics_lines(timeline: Timeline, options: RenderOptions) -> Iterable[str]:
    title = _clean(timeline.title)
    yield "BEGIN:VCALENDAR"
    yield f"PRODID:{PRODID}"
    yield "VERSION:2.0"
    yield "CALSCALE:GREGORIAN"
    yield "METHOD:PUBLISH"
    if title:
        yield f"NAME:{_ics_text(title)}"
        yield f"X-WR-CALNAME:{_ics_text(title)}"
    stamp = _stamp(timeline)
    for entry, e in _dated(timeline, context(timeline, options)):
        if not _on_one_day(entry.date):
            continue
        day = entry.date.start
        assert day is not None
        yield "BEGIN:VEVENT"
        yield f"UID:{_ics_text(e['id'])}@timeline"
        yield f"DTSTAMP:{stamp}"
        yield f"DTSTART;VALUE=DATE:{_ics_date(day)}"
        yield f"DTEND;VALUE=DATE:{_ics_date(day + timedelta(days=1))}"
        yield f"SUMMARY:{_ics_text(_headline(e) + _planned(e))}"
        yield f"DESCRIPTION:{_ics_text(_ics_description(entry, e))}"
        link = _first_link(e)
        if link:
            yield f"URL:{link}"
        if e["planned"]:
            yield "STATUS:TENTATIVE"
        yield "TRANSP:TRANSPARENT"
        yield "END:VEVENT"
    yield "END:VCALENDAR"


def render_ics(timeline: Timeline, options: RenderOptions) -> str:
    """iCalendar (RFC 5545): one all-day event per entry known to the day."""
    return "".join(fold(line) + "\r\n" for line in _ics_lines(timeline, options))
