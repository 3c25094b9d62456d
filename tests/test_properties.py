"""Properties that hold for any input: readers, the tagger and the renderers never raise
anything but the project's own errors, offsets always slice to their text, JSON output
always parses, and the same input always gives the same bytes."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from html import escape

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from timeline import build_from_articles
from timeline.config import BuildConfig
from timeline.engine import process_article
from timeline.errors import ArticleReadError, TimelineError
from timeline.model import Article
from timeline.render import formats, render, render_chunks, safe_url
from timeline.sources import Payload, ReadFailure, ReadNote, read_payload
from timeline.sources.text import split_front_matter
from timeline.temporal import tag

SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}

DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
LANGUAGES = st.sampled_from(["en", "fr", "es", "ar", ""])
# Words and marks the readers and the tagger react to, so that examples reach past "no
# front matter, no date" into the interesting paths.
PIECES = st.sampled_from(
    [
        "---", "\n", "\r\n", "\r", "title: ", "published: ", "date: ", "2019-01-22",
        "2019-13-45", "[", "]", "{", "}", ":", '"', "<p>", "</p>", "<html>", "<body>",
        "<rss version='2.0'><channel><item><description>", "</description></item>",
        "&amp;", "&#0;", "&#xD800;", "<![CDATA[", "]]>", "<!--", "\x00", "\ufeff", "é",
        "“", "On Tuesday", "yesterday", "in 1994", "22 January 2019", "mardi dernier",
        "el pasado martes", "اليوم الثلاثاء", "the 1990s", "two years ago", ".", " ",
    ]
)  # fmt: skip
TEXTY = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=50).map("".join))
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])
# Text a writer may put in an article: no control characters but tab and line ends (a file
# of control characters is binary, and says so), no lone surrogates (no file can hold them).
BODY_CHARS = st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from("\n\r\t"))
BODIES = st.one_of(
    st.text(BODY_CHARS, min_size=1, max_size=300),
    st.lists(PIECES, min_size=1, max_size=40).map("".join),
).filter(lambda s: s.strip() and "\x00" not in s)


def _payload_bytes() -> st.SearchStrategy[bytes]:
    encoded = st.tuples(TEXTY, ENCODINGS).map(lambda te: te[0].encode(te[1], errors="ignore"))
    return st.one_of(st.binary(max_size=2000), encoded)


def _check_items(items: list, shown: str) -> None:
    for item in items:
        assert isinstance(item, Article | ReadFailure | ReadNote)
        if isinstance(item, Article):
            assert item.body.strip()
            assert item.path.startswith(shown)
            item.body.encode("utf-8")  # no lone surrogate: every output can hold it
            item.title.encode("utf-8")
        elif isinstance(item, ReadFailure):
            assert item.reason and "\n" not in item.reason  # one warning line


# --- readers ---------------------------------------------------------------------------------


@settings(max_examples=150, **SETTINGS)
@given(_payload_bytes(), st.sampled_from(["", "text", "html", "feed", "records"]))
def test_read_payload_never_raises_but_read_errors(data, hint):
    try:
        items = read_payload(Payload(data, "x", hint=hint))
    except ArticleReadError as exc:
        assert exc.reason and "\n" not in exc.reason
        return
    _check_items(items, "x")
    assert read_payload(Payload(data, "x", hint=hint)) == items  # deterministic


@settings(max_examples=200, **SETTINGS)
@given(st.one_of(TEXTY, TEXTY.map(lambda t: "---\n" + t)))
def test_split_front_matter_gives_a_tail_of_the_text_or_a_value_error(raw):
    try:
        meta, body = split_front_matter(raw)
    except ValueError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(meta, dict)
    assert raw.endswith(body)


@settings(max_examples=120, **SETTINGS)
@given(
    title=st.text(BODY_CHARS, max_size=80),
    published=DATES,
    body=BODIES,
    nl=st.sampled_from(["\n", "\r\n", "\r"]),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be"]),
)
def test_front_matter_round_trips_and_the_body_is_kept_exactly(title, published, body, nl, codec):
    # "---\r" then "\n..." is "---\r\n": one CRLF line end, not a CR and a body opening on LF
    assume(not (nl == "\r" and body.startswith("\n")))
    front = yaml.safe_dump({"title": title, "published": published}, allow_unicode=True)
    raw = "---" + nl + front.replace("\n", nl) + "---" + nl + body
    data = raw.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    [article] = read_payload(Payload(data, "a.md", hint="text"))
    assert article.body == body  # line ends and all, as written
    assert article.published == published
    if title.split():
        assert article.title == " ".join(title.split())


@settings(max_examples=80, **SETTINGS)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    ),
    st.lists(
        st.fixed_dictionaries(
            {"text": TEXTY},
            optional={"title": st.text(), "published": DATES.map(str)},
        ),
        max_size=4,
    ),
    st.booleans(),
)
def test_records_read_any_json_and_keep_each_text(noise, records, lines):
    if lines:
        data = "\n".join(json.dumps(r) for r in [*records, noise]).encode()
    else:
        data = json.dumps([*records, noise]).encode()
    try:
        items = read_payload(Payload(data, "x.jsonl", hint="records"))
    except ArticleReadError:
        return
    _check_items(items, "x.jsonl")
    bodies = [i.body for i in items if isinstance(i, Article)]
    texts = [r["text"] for r in records if r["text"].strip()]
    assert bodies[: len(texts)] == texts


@settings(max_examples=60, **SETTINGS)
@given(st.lists(st.tuples(st.text(max_size=60), TEXTY), min_size=1, max_size=3))
def test_feeds_and_pages_of_any_text_read_or_fail_cleanly(entries):
    items_xml = "".join(
        f"<item><title>{escape(t)}</title><description>{escape(d)}</description></item>"
        for t, d in entries
    )
    feed = f"<rss version='2.0'><channel><title>T</title>{items_xml}</channel></rss>"
    page = "<html><body>" + "".join(f"<p>{escape(d)}</p>" for _, d in entries) + "</body></html>"
    for data, hint in ((feed, "feed"), (page, "html")):
        try:
            items = read_payload(Payload(data.encode("utf-8", "ignore"), "x", hint=hint))
        except ArticleReadError:
            continue
        _check_items(items, "x")


# --- the tagger and the per-article stage ----------------------------------------------------


@settings(max_examples=150, **SETTINGS)
@given(TEXTY, st.none() | DATES, LANGUAGES)
def test_tag_offsets_slice_to_the_mention_and_are_deterministic(text, published, language):
    mentions = tag(text, published=published, language=language or "en")
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        if m.time.is_calendar:
            assert m.time.start <= m.time.end
    assert tag(text, published=published, language=language or "en") == mentions


@settings(max_examples=80, **SETTINGS)
@given(BODIES, st.none() | DATES, LANGUAGES)
def test_process_article_offsets_slice_into_the_body(body, published, language):
    article = Article(id="a1", body=body, published=published, language=language)
    result = process_article(article, 0, BuildConfig())
    for s in result.sentences:
        assert body[s.start : s.end] == s.text
    for m in result.mentions:
        assert body[m.start : m.end] == m.text
    for e in result.events:
        assert body[e.source.start : e.source.end] == e.source.expression
        assert body[e.source.sentence_start : e.source.sentence_end] == e.source.sentence


# --- renderers -------------------------------------------------------------------------------


def _render_all(timeline) -> dict[str, str | bytes]:
    out: dict[str, str | bytes] = {fmt: render(timeline, fmt) for fmt in formats()}
    out["html-fragment"] = render(timeline, "html", fragment=True)
    out["md-mermaid"] = render(timeline, "md", mermaid=True)
    return out


@settings(max_examples=25, **SETTINGS)
@given(
    st.lists(
        st.tuples(BODIES, st.text(max_size=40), st.none() | DATES, st.text(max_size=30)),
        min_size=1,
        max_size=3,
    )
)
def test_every_format_renders_any_articles_the_same_bytes_each_time(specs):
    articles = [
        Article(
            id=f"a{n}",
            body=body,
            path=f"in/{n}.md",
            title=title,
            published=published,
            source=source,
        )
        for n, (body, title, published, source) in enumerate(specs)
    ]
    try:
        timeline = build_from_articles(articles, BuildConfig(summarizer="lead"))
    except TimelineError:
        return
    first = _render_all(timeline)
    data = json.loads(first["json"])
    assert len(data["articles"]) == len(articles)
    again = _render_all(build_from_articles(articles, BuildConfig(summarizer="lead")))
    assert again == first
    for fmt in ("json", "md", "html"):  # the piecewise output is the whole one
        assert "".join(render_chunks(timeline, fmt)) == first[fmt]


@settings(max_examples=200, **SETTINGS)
@given(st.sampled_from(["", " ", "http://", "https://", "HTTPS://", "javascript:"]), st.text())
def test_safe_url_gives_only_http_links_without_controls(scheme, rest):
    url = scheme + rest
    link = safe_url(url)
    if link is not None:
        assert link == url.strip() and link.lower().startswith(("http://", "https://"))
        host = link.split("//", 1)[1][:1]  # the host starts right after "//"
        assert host and host not in "/\\" and not host.isspace()
        assert not any(unicodedata.category(c) == "Cc" for c in link)
        encoded = safe_url(url, encode=True)
        assert encoded is not None and encoded.isascii()
        assert not any(c in encoded for c in ' "<>\\')
