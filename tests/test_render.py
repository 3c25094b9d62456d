"""Tests for timeline.render: date labels, the format registry, Markdown, HTML and JSON."""

from __future__ import annotations

import dataclasses
import importlib
import io
import json
import re
import subprocess
import sys
import zipfile
from datetime import date
from html.parser import HTMLParser

import pytest

from timeline.errors import TimelineError, UnknownFormatError, UsageError
from timeline.model import (
    RESOLVED_ABSOLUTE,
    RESOLVED_DCT,
    Article,
    ArticleResult,
    Conflict,
    Entry,
    SourceRef,
    Timeline,
    TimeValue,
)
from timeline.render import (
    RenderOptions,
    check_locale,
    context,
    date_label,
    format_for_path,
    formats,
    md_escape,
    register_format,
    safe_url,
    unregister_format,
)
from timeline.render import templates as template_module

# The module itself (the package also exports a `render` function under the same name).
rmod = importlib.import_module("timeline.render")

# --- the fixture: the two seed articles (see shared/seeds/README.md), cut down -------------

MWN_BODY = (
    "Morocco has been a partner of the North Atlantic Treaty Organization’s Mediterranean "
    "Dialogue since its launch in 1994.\n"
    "\n"
    "Rabat – On Tuesday, Morocco’s Minister Delegate for National Defense Abdeltif Loudiyi "
    "received the secretary general for political affairs and security policy for the North "
    "Atlantic Treaty Organization (NATO), Alejandro Alvargonzalez.\n"
    "The meeting took place during a seminar on cooperation between Morocco and NATO.\n"
)
DM_BODY = (
    "Relations between Morocco and the North Atlantic Treaty Organization (NATO) are not new. "
    "At a seminar held yesterday in Rabat at the Ministry of Foreign Affairs, around 25 years "
    "of Morocco-NATO cooperation in the framework of the Mediterranean Dialogue, a report and "
    "future prospects were highlighted. A pillar of stability and peace in the Mediterranean, "
    "this relationship, which dates back to 1995, made it possible to reach a security and "
    "strategic consensus as well as mutual trust built up over the course of the operations "
    "carried out together. This strategic partnership with Morocco was discussed at the "
    "Warsaw Summit in 2016.\n"
)
MWN_URL = "https://www.moroccoworldnews.com/2019/01/264123/nato-morocco-cooperation-nato/"
DM_URL = "https://dailymorocco.com/morocco-nato-towards-strategic-cooperation/"

CONFLICT = Conflict(
    note="Morocco World News dates Morocco–NATO cooperation to 1994; Daily Morocco to 1995."
)


def ref(article: Article, sentence: str, expression: str, resolution: str) -> SourceRef:
    """A SourceRef with the real offsets of the sentence and expression in the body."""
    s_start = article.body.index(sentence)
    e_start = article.body.index(expression, s_start)
    return SourceRef(
        article=article.id,
        sentence=sentence,
        sentence_index=0,
        sentence_start=s_start,
        sentence_end=s_start + len(sentence),
        expression=expression,
        start=e_start,
        end=e_start + len(expression),
        resolution=resolution,
    )


def year(value: str) -> TimeValue:
    y = int(value)
    return TimeValue(value, granularity="year", start=date(y, 1, 1), end=date(y, 12, 31))


def make_timeline(
    *, mwn_title: str = "Morocco, NATO Discuss Security Cooperation", mwn_url: str = MWN_URL
) -> Timeline:
    mwn = Article(
        id=Article.make_id(MWN_BODY),
        body=MWN_BODY,
        path="sources/000_c668b917f9ef9830.txt",
        title=mwn_title,
        source="Morocco World News",
        url=mwn_url,
        published=date(2019, 1, 22),
    )
    dm = Article(
        id=Article.make_id(DM_BODY),
        body=DM_BODY,
        path="sources/001_7b17c4b35aa6692f.txt",
        title="Morocco–NATO: Towards Strategic Cooperation",
        source="Daily Morocco",
        url=DM_URL,
        published=date(2019, 1, 23),
    )
    s1994 = MWN_BODY.split("\n")[0]
    s_tuesday = MWN_BODY.split("\n")[2]
    s_yesterday = DM_BODY[DM_BODY.index("At a seminar") : DM_BODY.index("highlighted.") + 12]
    s1995 = DM_BODY[DM_BODY.index("A pillar") : DM_BODY.index("together.") + 9]
    s2016 = DM_BODY[DM_BODY.index("This strategic") :].strip()
    entries = (
        Entry(
            id="e1994",
            date=year("1994"),
            headline="NATO’s Mediterranean Dialogue launched; Morocco a partner since",
            text=s1994,
            sources=(ref(mwn, s1994, "1994", RESOLVED_ABSOLUTE),),
            conflicts=(CONFLICT,),
        ),
        Entry(
            id="e1995",
            date=year("1995"),
            headline="Morocco–NATO relations date back to 1995",
            text=s1995,
            sources=(ref(dm, s1995, "1995", RESOLVED_ABSOLUTE),),
            conflicts=(CONFLICT,),
        ),
        Entry(
            id="e2016",
            date=year("2016"),
            headline="Strategic partnership with Morocco discussed at NATO’s Warsaw Summit",
            text=s2016,
            sources=(ref(dm, s2016, "2016", RESOLVED_ABSOLUTE),),
        ),
        Entry(
            id="e20190122",
            date=TimeValue(
                "2019-01-22", granularity="day", start=date(2019, 1, 22), end=date(2019, 1, 22)
            ),
            headline="Seminar in Rabat on Morocco–NATO cooperation; Loudiyi and Bourita meet "
            "Alvargonzalez",
            text=s_tuesday,
            sources=(
                ref(mwn, s_tuesday, "On Tuesday", RESOLVED_DCT),
                ref(dm, s_yesterday, "yesterday", RESOLVED_DCT),
            ),
        ),
    )
    articles = (
        ArticleResult(
            article=mwn,
            sentences=(),
            mentions=(),
            events=(),
            summary=(
                s1994,
                "The meeting took place during a seminar on cooperation between Morocco and NATO.",
            ),
        ),
        ArticleResult(
            article=dm,
            sentences=(),
            mentions=(),
            events=(),
            summary=(
                (
                    "Relations between Morocco and the North Atlantic Treaty Organization "
                    "(NATO) are not new."
                ),
                s2016,
            ),
        ),
    )
    return Timeline(title="Morocco and NATO", entries=entries, articles=articles)


@pytest.fixture
def timeline() -> Timeline:
    return make_timeline()


HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_TEXT = "Officials said {{ 7*7 }} and {% if true %}x{% endif %} in 1994."
HOSTILE_URL = "javascript:alert(1)"


def make_hostile() -> Timeline:
    """An article whose metadata and text try HTML, template and URL injection."""
    body = HOSTILE_TEXT + "\n"
    art = Article(
        id="ahostile",
        body=body,
        title=HOSTILE_TITLE,
        source='<img src=x onerror="alert(2)">',
        url=HOSTILE_URL,
        published=date(2019, 1, 22),
    )
    entry = Entry(
        id="ehostile",
        date=year("1994"),
        headline="# [click](javascript:alert(3)) <script>alert(4)</script>",
        text=HOSTILE_TEXT,
        sources=(ref(art, HOSTILE_TEXT, "1994", RESOLVED_ABSOLUTE),),
        conflicts=(Conflict(note="<script>alert(5)</script> {{ 7*7 }}"),),
    )
    result = ArticleResult(art, (), (), (), (HOSTILE_TEXT,))
    return Timeline(
        title="<b>Hostile</b> {{ 7*7 }}",
        entries=(entry,),
        articles=(result,),
        warnings=("<script>alert(6)</script>",),
    )


@pytest.fixture
def hostile() -> Timeline:
    return make_hostile()


# --- date labels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "granularity", "mod", "expected"),
    [
        ("1994", "year", None, "1994"),
        ("2019-01", "month", None, "January 2019"),
        ("2019-12", "month", None, "December 2019"),
        ("2019-01-22", "day", None, "22 January 2019"),
        ("2019-03-05", "day", None, "5 March 2019"),
        ("199X", "decade", None, "1990s"),
        ("199", "decade", None, "1990s"),
        ("19", "century", None, "1900s"),
        ("2016-Q1", "quarter", None, "Q1 2016"),
        ("2016-H2", "half", None, "second half of 2016"),
        ("2016-SU", "season", None, "summer 2016"),
        ("2016-WI", "season", None, "winter 2016"),
        ("2019-W03", "week", None, "week 3 of 2019"),
        ("2019-01-22TMO", "part-of-day", None, "morning of 22 January 2019"),
        ("2019-01-22T10:30", "minute", None, "22 January 2019, 10:30"),
        ("2016", "year", "EARLY", "early 2016"),
        ("2016", "year", "MID", "mid-2016"),
        ("2016", "year", "LATE", "late 2016"),
        ("1995", "year", "APPROX", "c. 1995"),
        ("1994", "year", "START", "start of 1994"),
        ("1994", "year", "END", "end of 1994"),
        ("199X", "decade", "LATE", "late 1990s"),
        ("P25Y", None, None, "P25Y"),
        ("XXXX-01-22", None, None, "XXXX-01-22"),
        ("2019-13", "month", None, "2019-13"),
        ("2019-02-30", "day", None, "2019-02-30"),
    ],
)
def test_date_label(value: str, granularity: str | None, mod: str | None, expected: str) -> None:
    assert date_label(TimeValue(value, granularity=granularity, mod=mod)) == expected


def test_date_label_never_prints_a_day_for_a_year() -> None:
    tv = year("1994")
    assert date_label(tv) == "1994"
    assert "01" not in date_label(tv)


# --- context -------------------------------------------------------------------------------


def test_context_keys_and_values(timeline: Timeline) -> None:
    ctx = context(timeline)
    assert set(ctx) >= {
        "title",
        "start_label",
        "end_label",
        "entries",
        "articles",
        "counts",
        "warnings",
        "years",
    }
    assert ctx["start_label"] == "1994"
    assert ctx["end_label"] == "22 January 2019"
    assert ctx["counts"] == {"entries": 4, "articles": 2, "sources": 5}
    assert [h for h, _ in ctx["years"]] == ["1994", "1995", "2016", "2019"]
    last = ctx["entries"][-1]
    assert [s["outlet"] for s in last["sources"]] == ["Morocco World News", "Daily Morocco"]
    assert last["sources"][0]["highlight"]["match"] == "On Tuesday"
    assert last["sources"][1]["published_label"] == "23 January 2019"
    assert last["datetime"] == "2019-01-22"


def test_end_label_prefers_the_latest_ending_entry() -> None:
    tl = make_timeline()
    extra = Entry(
        id="e2019", date=year("2019"), headline="Year", text="x", sources=tl.entries[0].sources
    )
    tl = Timeline(tl.title, (*tl.entries, extra), tl.articles)
    assert context(tl)["end_label"] == "2019"


# --- registry ------------------------------------------------------------------------------


def test_builtin_formats_registered() -> None:
    assert {"md", "html", "json"} <= set(formats())


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("out.md", "md"),
        ("notes/briefing.MARKDOWN", "md"),
        ("page.html", "html"),
        ("page.htm", "html"),
        ("data.json", "json"),
        ("out.txt", None),
        ("noextension", None),
    ],
)
def test_format_for_path(path: str, expected: str | None) -> None:
    assert format_for_path(path) == expected


def test_unknown_format(timeline: Timeline) -> None:
    with pytest.raises(UnknownFormatError) as info:
        rmod.render(timeline, "odt")
    message = str(info.value)
    assert "odt" in message
    assert all(name in message for name in ("md", "html", "json"))
    assert isinstance(info.value, UsageError)


@pytest.fixture
def scratch_format():
    """The name of a format a test registers, forgotten afterwards."""
    yield "count"
    unregister_format("count")


def test_register_format_as_decorator(timeline: Timeline, scratch_format: str) -> None:
    seen: list[RenderOptions] = []

    @register_format(scratch_format, suffixes=("cnt", ".count.txt"))
    def render_count(tl: Timeline, options: RenderOptions) -> str:
        seen.append(options)
        return f"{len(tl.entries)}\n"

    assert rmod.render(timeline, "count", locale="fr-FR") == "4\n"
    assert seen == [RenderOptions(locale="fr_FR")]  # one explicit options object, normalised
    assert format_for_path("x.cnt") == "count"
    assert format_for_path("x.count.txt") == "count"
    assert "count" in formats()
    unregister_format("count")
    assert "count" not in formats() and format_for_path("x.cnt") is None


def test_a_format_named_by_reference_loads_on_first_use(timeline: Timeline, scratch_format):
    register_format(scratch_format, [".cnt"], "timeline.render.json_doc:render_json")
    assert rmod.render(timeline, "count") == rmod.render(timeline, "json")
    register_format(scratch_format, [".cnt"], "timeline.render.json_doc:no_such_function")
    with pytest.raises(AttributeError):
        rmod.render(timeline, "count")


def test_listing_formats_loads_neither_jinja2_nor_python_docx() -> None:
    code = (
        "import sys; from timeline.render import formats, format_for_path, is_binary\n"
        "assert 'md' in formats() and format_for_path('a.docx') == 'docx' and is_binary('docx')\n"
        "formats_ = ('markup', 'json_doc', 'exports', 'word', 'templates')\n"
        "heavy = ('jinja2', 'docx', 'babel', *('timeline.render.' + m for m in formats_))\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_options_are_explicit_and_checked() -> None:
    assert RenderOptions().locale == "en"
    assert RenderOptions(locale="pt-BR").locale == "pt_BR"
    with pytest.raises(UsageError, match="unknown locale"):
        RenderOptions(locale="xx_NOPE")
    with pytest.raises(dataclasses.FrozenInstanceError):
        RenderOptions().locale = "fr"  # type: ignore[misc]


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_two_streams_read_in_turn_keep_their_own_options(timeline: Timeline, fmt: str) -> None:
    # long enough to come in several pieces, so the two streams really interleave
    big = dataclasses.replace(timeline, entries=tuple(timeline.entries) * 150)
    french = rmod.render_chunks(big, fmt, locale="fr")
    english = rmod.render_chunks(big, fmt)
    fr, en = [next(french)], [next(english)]
    for a, b in zip(french, english, strict=False):
        fr.append(a)
        en.append(b)
    fr += french
    en += english
    assert len(fr) > 2
    assert "".join(fr) == rmod.render(big, fmt, locale="fr")
    assert "".join(en) == rmod.render(big, fmt)


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a b", "https://example.org/a b"),
        (" HTTP://example.org/x ", "HTTP://example.org/x"),
        ("javascript:alert(1)", None),
        ("ftp://example.org/x", None),
        ("//example.org/x", None),
        ("https:///example.org", None),
        ("https://\\evil.example/x", None),  # a backslash host: browsers read another one
        ("https://example.org/\x85x", None),  # C1 control (NEL)
        ("https://example.org/\x7fx", None),
        ("https://example.org/\nx", None),
    ],
)
def test_safe_url(url: str, link: str | None) -> None:
    assert safe_url(url) == link


def test_safe_url_encodes_what_a_uri_may_not_hold() -> None:
    assert safe_url('https://example.org/a b"<c>?q=é&r=%20', encode=True) == (
        "https://example.org/a%20b%22%3Cc%3E?q=%C3%A9&r=%20"
    )


def _links(out: str | bytes) -> int:
    """How many hyperlinks an output holds, in any format."""
    if isinstance(out, bytes):  # docx: its external relationships
        with zipfile.ZipFile(io.BytesIO(out)) as z:
            rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
        return rels.count('TargetMode="External"')
    # HTML (and TimelineJS, CSV html), Markdown, iCalendar, the CSV link column
    return sum(out.count(m) for m in ("href=", "](http", "\nURL:", ",https://"))


@pytest.mark.parametrize("url", ["https://\\evil.example/x", "https://example.org/\x9bx"])
def test_every_format_agrees_on_what_becomes_a_link(url: str) -> None:
    """One URL check: a URL refused as a link is refused by every format alike."""
    linked, unlinked = make_timeline(), make_timeline(mwn_url="")
    for fmt in formats():
        refused = _links(rmod.render(make_timeline(mwn_url=url), fmt))
        assert refused == _links(rmod.render(unlinked, fmt)), fmt
        if fmt in ("md", "html", "docx"):  # the count can tell a link from none
            assert _links(rmod.render(linked, fmt)) > refused, fmt


def test_missing_templates_raise_timeline_error(timeline: Timeline, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(template_module, "template_dirs", lambda: (tmp_path / "a", tmp_path / "b"))
    rmod.environment.cache_clear()
    try:
        with pytest.raises(TimelineError, match="templates"):
            rmod.render(timeline, "md")
    finally:
        rmod.environment.cache_clear()


def test_environment_settings() -> None:
    env = rmod.environment()
    assert env.autoescape("timeline.html.j2") is True
    assert env.autoescape("timeline.md.j2") is False
    assert env.keep_trailing_newline


# --- JSON ----------------------------------------------------------------------------------


def test_json_schema(timeline: Timeline) -> None:
    out = rmod.render(timeline, "json")
    data = json.loads(out)
    assert data["schema"] == "timeline/1"
    assert data["title"] == "Morocco and NATO"
    assert len(data["events"]) == 4 and len(data["articles"]) == 2
    for event in data["events"]:
        assert {"id", "date", "headline", "text", "sources", "conflicts"} <= set(event)
        assert {"value", "type", "granularity", "start", "end", "label", "mod"} <= set(
            event["date"]
        )
        for src in event["sources"]:
            assert {
                "article",
                "sentence",
                "expression",
                "start",
                "end",
                "sentence_start",
                "sentence_end",
                "resolution",
            } <= set(src)
    first, last = data["events"][0], data["events"][-1]
    assert first["date"] == {
        "value": "1994",
        "type": "DATE",
        "granularity": "year",
        "start": "1994-01-01",
        "end": "1994-12-31",
        "label": "1994",
        "mod": None,
    }
    assert last["date"]["label"] == "22 January 2019"
    assert last["date"]["start"] == last["date"]["end"] == "2019-01-22"
    assert [s["expression"] for s in last["sources"]] == ["On Tuesday", "yesterday"]
    assert first["conflicts"][0]["note"] == CONFLICT.note
    art = data["articles"][0]
    assert {"id", "title", "source", "url", "published", "language", "summary", "path"} <= set(art)
    assert art["published"] == "2019-01-22"
    assert isinstance(art["summary"], list) and len(art["summary"]) == 2


def test_json_offsets_point_into_the_body(timeline: Timeline) -> None:
    data = json.loads(rmod.render(timeline, "json"))
    bodies = {r.article.id: r.article.body for r in timeline.articles}
    for event in data["events"]:
        for src in event["sources"]:
            body = bodies[src["article"]]
            assert body[src["start"] : src["end"]] == src["expression"]
            assert body[src["sentence_start"] : src["sentence_end"]] == src["sentence"]


def test_outputs_are_deterministic() -> None:
    for fmt in ("json", "md", "html"):
        a = rmod.render(make_timeline(), fmt)
        b = rmod.render(make_timeline(), fmt)
        assert a.encode() == b.encode(), fmt
        assert a.endswith("\n") and not a.endswith("\n\n"), fmt


def test_json_hostile_is_inert_data(hostile: Timeline) -> None:
    out = rmod.render(hostile, "json")
    assert "<script" not in out.lower()
    data = json.loads(out)
    assert data["articles"][0]["title"] == HOSTILE_TITLE  # data kept exactly
    assert data["articles"][0]["url"] == HOSTILE_URL
    assert data["events"][0]["text"] == HOSTILE_TEXT
    assert "{{ 7*7 }}" in data["events"][0]["text"]


# --- Markdown ------------------------------------------------------------------------------


def test_markdown_structure(timeline: Timeline) -> None:
    md = rmod.render(timeline, "md")
    lines = md.splitlines()
    assert lines[0] == "# Morocco and NATO"
    assert "4 entries from 2 articles, 1994 – 22 January 2019" in lines
    entry_headings = [line for line in lines if line.startswith("### ")]
    labels = [h[4:].split(" — ")[0] for h in entry_headings]
    assert labels == ["1994", "1995", "2016", "22 January 2019"]
    year_headings = [line for line in lines if line.startswith("## ")]
    assert year_headings == ["## 1994", "## 1995", "## 2016", "## 2019", "## Sources"]
    assert "> Morocco has been a partner" in md
    assert "**1994**" in md  # the dating expression is marked in the quote


def test_markdown_entry_with_two_sources(timeline: Timeline) -> None:
    md = rmod.render(timeline, "md")
    section = md[md.index("### 22 January 2019") : md.index("## Sources")]
    assert "Sources:" in section
    assert f"- [Morocco World News: Morocco, NATO Discuss Security Cooperation]({MWN_URL})" in (
        section
    )
    assert "(22 January 2019)" in section and "(23 January 2019)" in section
    assert f"[Daily Morocco: Morocco–NATO: Towards Strategic Cooperation]({DM_URL})" in section
    assert "  > Rabat – **On Tuesday**, Morocco’s Minister" in section
    assert "  > At a seminar held **yesterday** in Rabat" in section


def test_markdown_single_source_and_conflict(timeline: Timeline) -> None:
    md = rmod.render(timeline, "md")
    section = md[md.index("### 1994") : md.index("## 1995")]
    cite = f"[Morocco World News: Morocco, NATO Discuss Security Cooperation]({MWN_URL})"
    assert f"Source: {cite} (22 January 2019)" in section
    assert "> Morocco has been a partner" in section and "launch in **1994**." in section
    assert f"> **Conflict:** {CONFLICT.note}" in section


def test_markdown_sources_section(timeline: Timeline) -> None:
    md = rmod.render(timeline, "md")
    sources = md[md.index("## Sources") :]
    assert (
        f"1. **Morocco World News**: [Morocco, NATO Discuss Security Cooperation]({MWN_URL}), "
        "22 January 2019"
    ) in sources
    assert f"2. **Daily Morocco**: [Morocco–NATO: Towards Strategic Cooperation]({DM_URL})" in (
        sources
    )
    assert "The meeting took place during a seminar" in sources
    assert "are not new." in sources


def test_markdown_hostile_is_inert(hostile: Timeline) -> None:
    md = rmod.render(hostile, "md")
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # no link; "\](" is literal text
    assert "[click\\](javascript:" in md
    assert "<script" not in md.lower()
    assert "<img" not in md.lower()
    assert "49" not in md
    assert "{{ 7\\*7 }}" in md  # shown literally (the backslash keeps '*' from emphasising)
    assert "{% if true %}x{% endif %}" in md
    assert "\n# [" not in md and "\\# \\[click\\]" in md  # no heading or link from a headline


def test_markdown_non_http_url_is_not_linked() -> None:
    tl = make_timeline(mwn_url="ftp://example.org/x")
    md = rmod.render(tl, "md")
    assert "ftp://" not in md
    assert "Morocco World News: Morocco, NATO Discuss Security Cooperation (22 January 2019)" in md


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Morocco–NATO relations, it’s (not) new: yes! 25% & more.", None),
        ("snake_case and file.name", None),
        ("# Breaking", "\\# Breaking"),
        ("> quoted", "\\> quoted"),
        ("- item", "\\- item"),
        ("1994. A year", "1994\\. A year"),
        ("[a](javascript:x)", "\\[a\\](javascript:x)"),
        ("*bold* and _it_", "\\*bold\\* and \\_it\\_"),
        ("a <b>tag</b>", "a &lt;b>tag&lt;/b>"),
        ("&amp; stays", "\\&amp; stays"),
        ("line one\n\n# two", "line one # two"),
        ("Title #", "Title \\#"),
    ],
)
def test_md_escape(text: str, expected: str | None) -> None:
    assert md_escape(text) == (text if expected is None else expected)


# --- HTML ----------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_html_document(timeline: Timeline) -> None:
    html = rmod.render(timeline, "html")
    assert html.startswith("<!doctype html>\n")
    assert '<html lang="en">' in html
    assert '<meta charset="utf-8">' in html
    assert 'name="viewport"' in html
    assert '<time datetime="1994">1994</time>' in html
    assert '<time datetime="2019-01-22">22 January 2019</time>' in html
    assert '<section class="timeline"' in html
    tags = parse(html)
    names = [t for t, _ in tags]
    assert names.count("style") == 1
    assert {"script", "link", "img", "iframe", "object", "embed"}.isdisjoint(names)
    assert names.count("h3") == 4
    assert "break-inside: avoid" in html and "prefers-color-scheme: dark" in html


def test_html_links_only_to_sources(timeline: Timeline) -> None:
    html = rmod.render(timeline, "html")
    assert "src=" not in html
    hrefs = [a["href"] for _, a in parse(html) if "href" in a]
    assert hrefs and set(hrefs) == {MWN_URL, DM_URL}
    for tag, attrs in parse(html):
        if tag == "a":
            assert attrs.get("rel") == "noopener noreferrer"
    assert "@import" not in html and "url(" not in html


def test_html_two_sources_and_conflict(timeline: Timeline) -> None:
    html = rmod.render(timeline, "html")
    entry = html[html.index('<time datetime="2019-01-22">22 January 2019</time>\n      <h3>') :]
    entry = entry[: entry.index("</ul>")]
    assert "Morocco World News" in entry and "Daily Morocco" in entry
    assert "<mark" in entry and ">yesterday</mark>" in entry
    assert f"<strong>Conflict:</strong> {CONFLICT.note}" in html


def test_html_hostile_is_inert(hostile: Timeline) -> None:
    html = rmod.render(hostile, "html")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert "{% if true %}x{% endif %}" in html
    assert 'href="javascript:' not in html
    tags = parse(html)
    assert {"script", "img", "b"}.isdisjoint(t for t, _ in tags)
    for _, attrs in tags:
        assert "src" not in attrs and "onerror" not in attrs
        assert attrs.get("href") is None  # the only URL is javascript: so there is no link


def test_html_non_http_url_is_not_linked() -> None:
    html = rmod.render(make_timeline(mwn_url="ftp://example.org/x"), "html")
    assert "ftp://" not in html
    hrefs = {a["href"] for _, a in parse(html) if "href" in a}
    assert hrefs == {DM_URL}


def test_html_time_datetime_for_coarse_values() -> None:
    tl = make_timeline()
    coarse = [
        Entry(
            "q",
            TimeValue(
                "2016-Q1", granularity="quarter", start=date(2016, 1, 1), end=date(2016, 3, 31)
            ),
            "Quarter",
            "x",
            tl.entries[0].sources,
        ),
        Entry(
            "m",
            TimeValue(
                "2019-01", granularity="month", start=date(2019, 1, 1), end=date(2019, 1, 31)
            ),
            "Month",
            "x",
            tl.entries[0].sources,
        ),
        Entry(
            "d",
            TimeValue("199X", granularity="decade", start=date(1990, 1, 1), end=date(1999, 12, 31)),
            "Decade",
            "x",
            tl.entries[0].sources,
        ),
    ]
    html = rmod.render(Timeline("t", tuple(coarse), tl.articles), "html")
    assert '<time datetime="2016">Q1 2016</time>' in html
    assert '<time datetime="2019-01">January 2019</time>' in html
    assert '<span class="date">1990s</span>' in html  # HTML cannot say "a decade"


def test_markdown_parses_as_intended_commonmark(timeline: Timeline) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    to_html = markdown_it.MarkdownIt("commonmark").render
    page = to_html(rmod.render(timeline, "md"))
    assert page.count("<h2>") == 5 and page.count("<h3>") == 4
    # quotes nested in source items, a blank line apart (pandoc's Markdown needs it)
    assert re.search(
        r"<li>\n<p><a href[^\n]*</p>\n<blockquote>\n<p>[^\n]*</p>\n</blockquote>\n</li>", page
    )
    assert "<strong>On Tuesday</strong>" in page
    assert "<pre>" not in page and "<code>" not in page  # no accidental code blocks
    hostile_page = to_html(rmod.render(make_hostile(), "md"))
    assert "<script" not in hostile_page and "<img" not in hostile_page
    assert "<a " not in hostile_page and "<h1>&lt;b&gt;Hostile" in hostile_page
    assert "{{ 7*7 }}" in hostile_page and "49" not in hostile_page
    assert hostile_page.count("<h1>") == 1


def test_edge_cases_render_in_every_format() -> None:
    """Empty timelines, missing metadata, paraphrased text and mods all render."""
    base = make_timeline()
    bare = Article(id="abare", body="Early in 2016, talks began.\n", title="", path="in/x.txt")
    bare = dataclasses.replace(bare, title_derived=False)
    src = ref(bare, "Early in 2016, talks began.", "Early in 2016", RESOLVED_ABSOLUTE)
    orphan = dataclasses.replace(src, article="amissing")
    entry = Entry(
        id="eearly",
        date=TimeValue(
            "2016", granularity="year", start=date(2016, 1, 1), end=date(2016, 4, 30), mod="EARLY"
        ),
        headline="",
        text="Talks began (paraphrase).",
        sources=(src, orphan),
        conflicts=(Conflict(entry="eother", article="amissing", expression="May 2016"),),
    )
    derived = dataclasses.replace(base.articles[0].article, title_derived=True)
    results = (
        ArticleResult(bare, (), (), (), ()),
        dataclasses.replace(base.articles[0], article=derived),
    )
    tl = Timeline("Edge", (entry,), results, warnings=("1 article had no date",))
    md = rmod.render(tl, "md")
    assert "### Early 2016\n" in md
    assert "\nTalks began (paraphrase).\n" in md  # text that is not a quote is shown
    assert "x.txt (publication date unknown)" in md
    assert "amissing (publication date unknown)" in md
    assert "> **Conflict:** the sources disagree" in md  # no date to say more with
    assert "(title derived from the text)" in md
    assert "## Warnings\n\n- 1 article had no date" in md
    html = rmod.render(tl, "html")
    assert '<time datetime="2016">Early 2016</time>' in html
    assert "<h3>Early 2016</h3>" in html
    data = json.loads(rmod.render(tl, "json"))
    assert data["events"][0]["date"]["label"] == "early 2016"
    assert data["events"][0]["date"]["mod"] == "EARLY"
    assert data["events"][0]["conflicts"][0]["expression"] == "May 2016"
    assert data["articles"][0]["published"] is None

    empty = Timeline("Nothing", (), ())
    assert "No dated entries were found in 0 articles." in rmod.render(empty, "md")
    assert "No dated entries were found" in rmod.render(empty, "html")
    assert json.loads(rmod.render(empty, "json"))["events"] == []


# --- locales ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "tv", "label"),
    [
        ("fr", TimeValue("2019-01-22", granularity="day"), "22 janvier 2019"),
        ("fr", TimeValue("2019-01", granularity="month"), "janvier 2019"),
        ("fr", TimeValue("1994", granularity="year"), "1994"),
        ("fr", TimeValue("2016", granularity="year", mod="START"), "début 2016"),
        ("fr", TimeValue("199X", granularity="decade"), "années 1990"),
        ("es", TimeValue("2019-01-22", granularity="day"), "22 de enero de 2019"),
        ("es", TimeValue("2018", granularity="year", mod="END"), "finales de 2018"),
        ("ar", TimeValue("2019-01-22", granularity="day"), "22 يناير 2019"),
        ("en", TimeValue("2019-01-22", granularity="day"), "22 January 2019"),
        ("de", TimeValue("2019-Q1", granularity="quarter"), "Q1 2019"),  # no words: English
    ],
)
def test_labels_in_a_locale(locale, tv, label):
    assert date_label(tv, check_locale(locale)) == label
    assert date_label(tv) == date_label(tv, "en")  # English unless told


def test_render_in_a_locale_changes_labels_only_and_resets(sources_dir):
    import timeline
    from timeline.render import render

    tl = timeline.build([sources_dir])
    french = render(tl, "md", locale="fr")
    assert "22 janvier 2019" in french and "22 January 2019" not in french
    assert render(tl, "md") == render(tl, "md", locale="en")
    assert "22 January 2019" in render(tl, "md")


def test_unknown_locale_is_a_usage_error(sources_dir):
    import timeline
    from timeline.errors import UsageError
    from timeline.render import render

    tl = timeline.build([sources_dir])
    with pytest.raises(UsageError, match="unknown locale"):
        render(tl, "md", locale="xx_NOPE")


# --- entries read from disk ------------------------------------------------------------------


class _ReadInOrder:
    """Entries as a store on disk gives them: iterated in order, counted, never indexed;
    ``measured`` also says what the store measured while writing (first, last, sources)."""

    def __init__(self, entries: tuple[Entry, ...], *, measured: bool) -> None:
        self._entries = entries
        self.passes = 0
        if measured:
            self.first, self.last = rmod.bounds(entries)
            self.sources = sum(len(e.sources) for e in entries)

    def __iter__(self):
        self.passes += 1
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, index):
        raise AssertionError("a store on disk is read in order, not indexed")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
@pytest.mark.parametrize("measured", [True, False])
def test_streamed_output_reads_the_entries_in_order(timeline: Timeline, fmt: str, measured: bool):
    stored = _ReadInOrder(tuple(timeline.entries), measured=measured)
    on_disk = dataclasses.replace(timeline, entries=stored)
    assert "".join(rmod.render_chunks(on_disk, fmt, locale="fr")) == rmod.render(
        timeline, fmt, locale="fr"
    )
    # one pass when the store measured itself, else two more to measure (bounds, sources)
    assert stored.passes == (1 if measured else 3)


def test_render_takes_one_options_object(timeline: Timeline) -> None:
    options = RenderOptions("fr", fragment=True)
    assert rmod.render(timeline, "html", options) == rmod.render(
        timeline, "html", "fr", fragment=True
    )
    assert "".join(rmod.render_chunks(timeline, "html", options)) == rmod.render(
        timeline, "html", options
    )
    with pytest.raises(UsageError, match="--fragment is for HTML"):
        rmod.render(timeline, "md", options)
    with pytest.raises(TypeError):
        rmod.render(timeline, "html", options, mermaid=True)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("outlets", "said"),
    [
        (["Outlet A"], "Outlet A gives 1994."),
        (["Outlet B", "Outlet A"], "Outlet A and Outlet B give 1994."),
        (["Outlet C", "Outlet A", "Outlet B"], "Outlet A, Outlet B and Outlet C give 1994."),
    ],
)
def test_a_conflict_note_agrees_with_the_outlets_it_names(outlets: list[str], said: str) -> None:
    sentence = "The partnership began in 1994."
    articles = [
        Article(id=f"a{i}", body=sentence, source=name, published=date(2019, 1, 22))
        for i, name in enumerate(outlets)
    ]
    other = Article(id="other", body="It began in 1995.", source="Outlet D")
    entry = Entry(
        id="e1994",
        date=year("1994"),
        headline="",
        text=sentence,
        sources=tuple(ref(a, sentence, "1994", RESOLVED_ABSOLUTE) for a in articles),
        conflicts=(
            Conflict(
                entry="e1995",
                date=year("1995"),
                article="other",
                expression="1995",
                sentence="It began in 1995.",
            ),
        ),
    )
    results = tuple(ArticleResult(a, (), (), (), ()) for a in [*articles, other])
    data = json.loads(rmod.render(Timeline("T", (entry,), results), "json"))
    note = data["events"][0]["conflicts"][0]["note"]
    assert note == f"Outlet D dates this to 1995 (“It began in 1995”); {said}"
