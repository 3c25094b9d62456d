"""Tests for timeline.exports: TimelineJS3 JSON, TimelineSetter CSV and iCalendar.

Golden files (tests/golden/sources.timelinejs.json, sources.csv, sources.ics) are compared
byte for byte (CSV and iCalendar end their lines in CRLF).  Regenerate after an intended
change with ``UPDATE_GOLDEN=1 pytest tests/test_exports.py`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from datetime import date

import pytest

import timeline
import timeline.render.exports as exports
from timeline.model import (
    Article,
    ArticleResult,
    Conflict,
    Entry,
    SourceRef,
    Timeline,
    TimeValue,
)
from timeline.render import format_for_path, formats, register_format, render
from timeline.temporal import calendar as cal

from .conftest import GOLDEN, SOURCES

GOLDENS = {"timelinejs": "sources.timelinejs.json", "csv": "sources.csv", "ics": "sources.ics"}


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> Timeline:
    """The timeline of the bundled sources, read from a relative path as the CLI does."""
    folder = tmp_path_factory.mktemp("bundled")
    shutil.copytree(SOURCES, folder / "sources")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        return timeline.build(["sources"])


# --- hand-made timelines -----------------------------------------------------------------


def make_article(
    body: str,
    *,
    title: str = "Report",
    source: str = "Example News",
    url: str = "https://example.org/report",
    published: date | None = date(2019, 1, 23),
) -> Article:
    return Article(
        id=Article.make_id(body),
        body=body,
        title=title,
        source=source,
        url=url,
        published=published,
    )


def make_entry(
    article: Article, sentence: str, tv: TimeValue, *, id: str, headline: str = "", **kw
) -> Entry:
    start = article.body.index(sentence)
    ref = SourceRef(
        article=article.id,
        sentence=sentence,
        sentence_index=0,
        sentence_start=start,
        sentence_end=start + len(sentence),
        expression="",
        start=start,
        end=start,
    )
    return Entry(id=id, date=tv, headline=headline or sentence, text=sentence, sources=(ref,), **kw)


def make_timeline(article: Article, entries: list[Entry], title: str = "Test") -> Timeline:
    result = ArticleResult(article=article, sentences=(), mentions=(), events=(), summary=())
    return Timeline(title=title, entries=tuple(entries), articles=(result,))


SENTENCES = {
    "decade": "Talks began in the mid-1990s.",
    "year": "The dialogue was launched in 1994.",
    "early": "The plan was drafted in early 2016.",
    "quarter": "Exercises were held in the first quarter of 2017.",
    "week": "A delegation visited that week.",
    "month": "Ministers met in January 2019.",
    "day": "The seminar was held on 22 January 2019.",
    "approx": "A reply came around 23 January 2019.",
    "undated": "Cooperation matters today.",
}
PRECISION_BODY = " ".join(SENTENCES.values())


def precision_timeline() -> Timeline:
    art = make_article(PRECISION_BODY)
    dates = {
        "decade": cal.decade(1990, mod="MID"),
        "year": cal.year(1994),
        "early": cal.year(2016, mod="EARLY"),
        "quarter": cal.quarter(2017, 1),
        "week": cal.week(date(2018, 3, 14)),
        "month": cal.month(2019, 1),
        "day": cal.day(date(2019, 1, 22)),
        "approx": cal.day(date(2019, 1, 23), mod="APPROX"),
        "undated": TimeValue("PRESENT_REF"),
    }
    entries = [make_entry(art, SENTENCES[k], tv, id=f"e-{k}") for k, tv in dates.items()]
    return make_timeline(art, entries)


def tljs_events(tl: Timeline, locale: str = "en") -> dict[str, dict]:
    data = json.loads(render(tl, "timelinejs", locale=locale))
    return {e["unique_id"]: e for e in data["events"]}


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def ics_unfold(text: str) -> list[str]:
    """The logical content lines of an iCalendar text (RFC 5545 3.1 unfolding)."""
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def ics_events(text: str) -> list[dict[str, str]]:
    events, current = [], None
    for line in ics_unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return events


def ics_untext(value: str) -> str:
    """A TEXT value unescaped."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


# --- registration --------------------------------------------------------------------------


def test_formats_are_registered_with_their_suffixes():
    assert {"timelinejs", "csv", "ics", "json"} <= set(formats())
    assert format_for_path("out.timelinejs.json") == "timelinejs"
    assert format_for_path("OUT.TIMELINEJS.JSON") == "timelinejs"
    assert format_for_path("out.json") == "json"  # the plain suffix still means timeline/1
    assert format_for_path("out.csv") == "csv"
    assert format_for_path("out.ics") == "ics"


def test_registering_a_format_again_replaces_it(bundled):
    before = formats()
    first = {f: render(bundled, f) for f in GOLDENS}
    # the built-ins registered by name; registering the functions themselves changes nothing
    register_format("csv", [".csv"], exports.render_csv)
    register_format("ics", [".ics"], "timeline.render.exports:render_ics")
    assert formats() == before
    assert {f: render(bundled, f) for f in GOLDENS} == first


# --- the bundled sources -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(GOLDENS))
def test_bundled_sources_match_golden(bundled, fmt):
    out = render(bundled, fmt).encode("utf-8")
    golden = GOLDEN / GOLDENS[fmt]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(out)
    assert out == golden.read_bytes()


@pytest.mark.parametrize("fmt", sorted(GOLDENS))
def test_output_is_deterministic(bundled, fmt):
    assert render(bundled, fmt) == render(bundled, fmt)


def test_timelinejs_of_bundled_sources(bundled):
    data = json.loads(render(bundled, "timelinejs"))
    assert data["title"]["text"]["headline"] == bundled.title
    assert "4 events from 2 articles, 1994 – 22 January 2019" in data["title"]["text"]["text"]
    events = data["events"]
    assert [e["unique_id"] for e in events] == [e.id for e in bundled.entries]
    assert [e["start_date"] for e in events] == [
        {"year": 1994},
        {"year": 1995},
        {"year": 2016},
        {"year": 2019, "month": 1, "day": 22},
    ]
    assert [e.get("display_date") for e in events] == ["1994", "1995", "2016", None]
    assert [e["group"] for e in events] == [
        "Morocco World News",
        "Daily Morocco",
        "Daily Morocco",
        "Morocco World News",
    ]
    assert all(e["autolink"] is False and "end_date" not in e for e in events)
    day = events[3]["text"]["text"]
    assert day.count("<a href=") == 2 and "<li>" in day  # both outlets cited
    assert "At a seminar held yesterday" in day  # the other source's own sentence
    assert (
        "<strong>Conflict:</strong> Daily Morocco dates this to 1995" in (events[0]["text"]["text"])
    )


def test_timelinejs_is_inert_in_a_script_element(bundled):
    out = render(bundled, "timelinejs")
    assert "<" not in out and ">" not in out
    assert "\\u003ca href=" in out


def test_csv_of_bundled_sources(bundled):
    out = render(bundled, "csv")
    assert out.startswith("date,display_date,description,link,series,html\r\n")
    assert out.endswith("\r\n") and "\n" not in out.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == list(exports.CSV_COLUMNS)
    assert all(len(r) == 6 for r in rows)
    records = csv_rows(out)
    assert [r["date"] for r in records] == ["1994-01-01", "1995-01-01", "2016-01-01", "2019-01-22"]
    assert [r["display_date"] for r in records] == ["1994", "1995", "2016", "22 January 2019"]
    assert [r["series"] for r in records] == [
        "Morocco World News",
        "Daily Morocco",
        "Daily Morocco",
        "Morocco World News",
    ]
    assert records[3]["link"].startswith("https://www.moroccoworldnews.com/")
    assert records[3]["description"] == bundled.entries[3].text
    assert records[3]["html"].startswith("<p><strong>Morocco’s Minister Delegate")
    assert "Sources:" in records[3]["html"]


def test_ics_of_bundled_sources(bundled):
    out = render(bundled, "ics")
    lines = ics_unfold(out)
    assert lines[:4] == [
        "BEGIN:VCALENDAR",
        "PRODID:-//timeline//timeline//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
    ]
    assert lines[-1] == "END:VCALENDAR"
    events = ics_events(out)
    assert len(events) == 1  # 1994, 1995 and 2016 are years: never placed on a day
    (event,) = events
    assert event["UID"] == "ee02c61bc1a@timeline"
    assert event["DTSTAMP"] == "20190123T000000Z"  # the latest publication date
    assert event["DTSTART;VALUE=DATE"] == "20190122"
    assert event["DTEND;VALUE=DATE"] == "20190123"
    assert event["URL"].startswith("https://www.moroccoworldnews.com/")
    assert ics_untext(event["SUMMARY"]) == bundled.entries[3].headline
    description = ics_untext(event["DESCRIPTION"])
    assert description.startswith(bundled.entries[3].text + "\n\nSources:\n- Morocco World News")
    assert "Daily Morocco" in description


# --- precision -----------------------------------------------------------------------------


def test_timelinejs_keeps_each_date_to_its_precision():
    events = tljs_events(precision_timeline())
    assert "e-undated" not in events  # no calendar date: left out
    assert events["e-decade"]["start_date"] == {"year": 1990}
    assert events["e-decade"]["display_date"] == "mid-1990s"
    assert "end_date" not in events["e-decade"]
    assert events["e-year"]["start_date"] == {"year": 1994}
    assert events["e-year"]["display_date"] == "1994"
    assert events["e-early"]["start_date"] == {"year": 2016}
    assert events["e-early"]["display_date"] == "early 2016"
    assert events["e-quarter"]["start_date"] == {"year": 2017, "month": 1}
    assert events["e-quarter"]["end_date"] == {"year": 2017, "month": 3}
    assert events["e-quarter"]["display_date"] == "Q1 2017"
    assert events["e-week"]["start_date"] == {"year": 2018, "month": 3, "day": 12}
    assert events["e-week"]["end_date"] == {"year": 2018, "month": 3, "day": 18}
    assert events["e-week"]["display_date"] == "week 11 of 2018"
    assert events["e-month"]["start_date"] == {"year": 2019, "month": 1}
    assert events["e-month"]["display_date"] == "January 2019"
    assert events["e-day"]["start_date"] == {"year": 2019, "month": 1, "day": 22}
    assert "display_date" not in events["e-day"] and "end_date" not in events["e-day"]
    assert events["e-approx"]["start_date"] == {"year": 2019, "month": 1, "day": 23}
    assert events["e-approx"]["display_date"] == "c. 23 January 2019"


def test_timelinejs_labels_follow_the_locale():
    events = tljs_events(precision_timeline(), locale="fr")
    assert events["e-month"]["display_date"] == "janvier 2019"
    assert events["e-early"]["display_date"] == "début 2016"


def test_csv_keeps_each_date_to_its_precision():
    records = {r["description"]: r for r in csv_rows(render(precision_timeline(), "csv"))}
    assert SENTENCES["undated"] not in records
    got = {
        k: (records[s]["date"], records[s]["display_date"])
        for k, s in SENTENCES.items()
        if k != "undated"
    }
    assert got == {
        "decade": ("1990-01-01", "mid-1990s"),
        "year": ("1994-01-01", "1994"),
        "early": ("2016-01-01", "early 2016"),
        "quarter": ("2017-01-01", "Q1 2017"),
        "week": ("2018-03-12", "week 11 of 2018"),
        "month": ("2019-01-01", "January 2019"),
        "day": ("2019-01-22", "22 January 2019"),
        "approx": ("2019-01-23", "c. 23 January 2019"),
    }


def test_ics_holds_only_entries_known_to_the_day():
    events = ics_events(render(precision_timeline(), "ics"))
    # not the decade, years, quarter, week or month, nor "around 23 January"
    assert [e["UID"] for e in events] == ["e-day@timeline"]
    assert events[0]["DTSTART;VALUE=DATE"] == "20190122"
    assert events[0]["DTEND;VALUE=DATE"] == "20190123"


def test_ics_all_day_event_ends_the_next_day_across_a_year_end():
    art = make_article("Fireworks at midnight.")
    tl = make_timeline(art, [make_entry(art, art.body, cal.day(date(2018, 12, 31)), id="e1")])
    (event,) = ics_events(render(tl, "ics"))
    assert event["DTSTART;VALUE=DATE"] == "20181231"
    assert event["DTEND;VALUE=DATE"] == "20190101"


def test_ics_keeps_a_time_on_its_day_as_an_all_day_event():
    art = make_article("The vote closed at 10:30.")
    tv = TimeValue("2019-01-22T10:30", "TIME", "minute", date(2019, 1, 22), date(2019, 1, 22), None)
    tl = make_timeline(art, [make_entry(art, art.body, tv, id="e1")])
    (event,) = ics_events(render(tl, "ics"))
    assert event["DTSTART;VALUE=DATE"] == "20190122"
    assert ics_untext(event["DESCRIPTION"]).startswith("22 January 2019, 10:30\n\n")
    assert tljs_events(tl)["e1"]["start_date"] == {"year": 2019, "month": 1, "day": 22}


def test_ics_dtstamp_without_publication_dates_is_the_epoch():
    art = make_article("The seminar was held on 22 January 2019.", published=None)
    tl = make_timeline(art, [make_entry(art, art.body, cal.day(date(2019, 1, 22)), id="e1")])
    (event,) = ics_events(render(tl, "ics"))
    assert event["DTSTAMP"] == "19700101T000000Z"


def test_planned_entries_say_so():
    art = make_article("Ministers will meet on 30 January 2019.")
    entry = make_entry(art, art.body, cal.day(date(2019, 1, 30)), id="e1", planned=True)
    tl = make_timeline(art, [entry])
    (event,) = ics_events(render(tl, "ics"))
    assert event["SUMMARY"].endswith("(planned)") and event["STATUS"] == "TENTATIVE"
    assert tljs_events(tl)["e1"]["text"]["headline"].endswith("(planned)")
    assert "(planned)" in csv_rows(render(tl, "csv"))[0]["html"]


def test_empty_timeline():
    tl = Timeline(title="Nothing", entries=(), articles=())
    assert json.loads(render(tl, "timelinejs"))["events"] == []
    assert render(tl, "csv") == "date,display_date,description,link,series,html\r\n"
    assert "BEGIN:VEVENT" not in render(tl, "ics")


# --- iCalendar text and folding ------------------------------------------------------------

LONG_HEADLINE = (
    "Réunion à Rabat; ministres, experts et «observateurs» 😀 — "
    + "اجتماع الرباط حول التعاون " * 4
    + "back\\slash and a comma, here"
)


def folded_timeline() -> Timeline:
    body = LONG_HEADLINE + " " + "Ünïcödé sentence, with; separators. " * 8
    art = make_article(body, source="Outlet; with, separators", title="Title é" * 20)
    entry = make_entry(art, body, cal.day(date(2019, 1, 22)), id="e1", headline=LONG_HEADLINE)
    return make_timeline(art, [entry], title="Ünïcödé; title, " * 10)


def test_ics_lines_are_folded_at_75_octets_without_splitting_characters():
    raw = render(folded_timeline(), "ics").encode("utf-8")
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b"")
    physical = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    assert len(physical) > len(ics_unfold(raw.decode("utf-8")))  # some lines were folded
    for line in physical:
        line.decode("utf-8")  # each physical line is whole UTF-8: no character was split


def test_ics_text_is_escaped_and_round_trips():
    out = render(folded_timeline(), "ics")
    (event,) = ics_events(out)
    assert ics_untext(event["SUMMARY"]) == LONG_HEADLINE
    assert "\\;" in event["SUMMARY"] and "\\," in event["SUMMARY"] and "\\\\" in event["SUMMARY"]
    assert "Outlet; with, separators" in ics_untext(event["DESCRIPTION"])
    for line in ics_unfold(out):  # no unescaped separator in any TEXT value
        name, _, value = line.partition(":")
        if name in ("SUMMARY", "DESCRIPTION", "NAME", "X-WR-CALNAME"):
            assert not re.search(r"(?<!\\)(?:\\\\)*[;,]", value)


def test_fold_leaves_short_lines_alone():
    assert exports.fold("VERSION:2.0") == "VERSION:2.0"
    assert exports.fold("x" * 75) == "x" * 75
    assert exports.fold("x" * 76) == "x" * 75 + "\r\n x"
    folded = exports.fold("é" * 40)  # 80 octets: 37 characters fit in the first line
    assert folded.split("\r\n") == ["é" * 37, " " + "é" * 3]
    folded = exports.fold("x" * 74 + "\\,y")  # an escape is not split across lines
    assert folded.split("\r\n") == ["x" * 74, " \\,y"]


# --- hostile input -------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
HOSTILE_BODY = (
    "=cmd|' /C calc'!A0 said " + SCRIPT + " {{ 7*7 }} {% raw %} on 22 January 2019.\n"
    "END:VEVENT\nBEGIN:VEVENT\nUID:evil\n"
)


def hostile_timeline() -> Timeline:
    art = make_article(
        HOSTILE_BODY,
        title=SCRIPT + " {{ 7*7 }} {% raw %}",
        source="=cmd|' /C calc'!A0",
        url="javascript:alert(1)",
    )
    day = make_entry(
        art, HOSTILE_BODY, cal.day(date(2019, 1, 22)), id="e1", headline="=cmd|" + SCRIPT
    )
    year = make_entry(
        art,
        HOSTILE_BODY,
        cal.year(2019),
        id="e2",
        headline="@SUM(1+1) {{ 7*7 }}",
        conflicts=(Conflict(note=SCRIPT + " -1+1"),),
    )
    return make_timeline(art, [day, year], title=SCRIPT)


def test_hostile_article_is_inert_in_timelinejs():
    out = render(hostile_timeline(), "timelinejs")
    assert "javascript:" not in out.lower()
    data = json.loads(out)
    fields = [data["title"]["text"]["headline"], data["title"]["text"]["text"]]
    for e in data["events"]:
        fields += [e["text"]["headline"], e["text"]["text"], e.get("group", "")]
        fields.append(e.get("display_date", ""))
    assert fields and all("<script" not in f.lower() for f in fields)
    assert all("href" not in f for f in fields)  # the only URL is not http(s): no link
    text = data["events"][0]["text"]["text"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "{{ 7*7 }}" in text and "{% raw %}" in text and "49" not in text  # never rendered


def test_hostile_article_is_inert_in_csv():
    out = render(hostile_timeline(), "csv")
    assert "javascript:" not in out.lower()
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert len(rows) == 3 and all(len(r) == 6 for r in rows)
    for row in rows[1:]:
        for cell in row:
            assert "<script" not in cell.lower()
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    records = csv_rows(out)
    assert records[0]["description"].startswith("'=cmd|")
    assert records[0]["series"] == "'=cmd|' /C calc'!A0"
    assert all(r["link"] == "" for r in records)
    assert "&lt;script&gt;" in records[0]["description"]
    assert "{{ 7*7 }} {% raw %}" in records[0]["description"]
    assert "<strong>=cmd|&lt;script&gt;" in records[0]["html"]
    assert "<strong>@SUM(1+1) {{ 7*7 }}</strong>" in records[1]["html"]


def test_hostile_article_is_inert_in_ics():
    out = render(hostile_timeline(), "ics")
    assert "javascript:" not in out.lower()
    lines = ics_unfold(out)
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1
    assert not any(line.startswith("URL") for line in lines)
    assert not any(line == "UID:evil" for line in lines)
    (event,) = ics_events(out)
    assert event["UID"] == "e1@timeline"
    assert "<script" not in out.lower()  # for clients that render descriptions as HTML
    assert ics_untext(event["SUMMARY"]) == "=cmd|<\u2060script>alert(1)<\u2060/script>"
    description = ics_untext(event["DESCRIPTION"])
    assert "{{ 7*7 }} {% raw %}" in description  # plain text, as written
    assert "END:VEVENT BEGIN:VEVENT UID:evil" in description  # one line of text, inert


def test_only_http_links_are_made():
    art = make_article(
        "The seminar was held on 22 January 2019.", url='https://example.org/a b"<c>?q=é'
    )
    tl = make_timeline(art, [make_entry(art, art.body, cal.day(date(2019, 1, 22)), id="e1")])
    link = "https://example.org/a%20b%22%3Cc%3E?q=%C3%A9"
    assert csv_rows(render(tl, "csv"))[0]["link"] == link
    assert ics_events(render(tl, "ics"))[0]["URL"] == link
    assert f'href="{link}"' in tljs_events(tl)["e1"]["text"]["text"]
    for bad in ("ftp://example.org/x", "data:text/html,x", "//example.org/x", " javascript:x"):
        art = make_article("The seminar was held on 22 January 2019.", url=bad)
        tl = make_timeline(art, [make_entry(art, art.body, cal.day(date(2019, 1, 22)), id="e1")])
        assert csv_rows(render(tl, "csv"))[0]["link"] == ""
        assert "URL" not in ics_events(render(tl, "ics"))[0]
        assert "href" not in tljs_events(tl)["e1"]["text"]["text"]


@pytest.mark.parametrize("fmt", sorted(GOLDENS))
def test_no_markup_is_live_in_any_export(fmt):
    low = render(hostile_timeline(), fmt).lower()
    assert "<script" not in low and "javascript:" not in low
