"""RSS and Atom feeds: one article per entry.

An entry's text is its content (else its summary), HTML turned into one paragraph a line;
its title and link come along, the feed's title is the outlet, the feed's language the
language.  With ``follow`` each entry's link is fetched and the page read instead, since a
feed often carries only a teaser.
"""

from __future__ import annotations

import io
from datetime import date

from ..errors import ArticleReadError
from ..model import Article
from . import builtin_parser
from .base import (
    Item,
    Payload,
    ReadFailure,
    ReadNote,
    ReadOptions,
    normalise_language,
    parse_published,
    utc_date,
)
from .markup import html_to_text
from .text import derive_title

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


@builtin_parser("feed", ".rss", ".atom", ".xml", ".rdf")
def parse_feed(payload: Payload, options: ReadOptions) -> list[Item]:
    """Every entry of an RSS or Atom feed, as articles (or failures, entry by entry)."""
    import feedparser

    headers = {"content-location": payload.url} if payload.url else {}
    try:
        # A stream, never a string: feedparser fetches a string that looks like a URL itself.
        parsed = feedparser.parse(io.BytesIO(payload.data), response_headers=headers)
    except Exception as exc:  # its lenient parser trips on some markup ("&#xD800;"): one bad
        # feed, never a stopped run
        reason = f"not a readable RSS or Atom feed ({type(exc).__name__})"
        raise ArticleReadError(payload.shown, reason) from None
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise ArticleReadError(payload.shown, f"not an RSS or Atom feed{detail}")
    if not parsed.entries:
        raise ArticleReadError(payload.shown, "the feed has no entries")
    feed = parsed.feed
    outlet = _plain(feed.get("title", ""))
    language = normalise_language(feed.get("language"))
    items: list[Item] = []
    for n, entry in enumerate(parsed.entries, 1):
        shown = f"{payload.shown}#{n}"
        try:
            items.extend(_entry(entry, shown, outlet, language, options))
        except ArticleReadError as exc:
            items.append(ReadFailure(shown, exc.reason))
    return items


def _entry(entry, shown: str, outlet: str, language: str, options: ReadOptions) -> list[Item]:
    title = _plain(entry.get("title", ""))
    link = str(entry.get("link") or "").strip()
    published, updated = entry_dates(entry)
    unfollowed = ""  # why the linked page could not be read instead
    if options.follow and link:
        page = _follow(link, options)
        if isinstance(page, Article):
            # The entry's own publication date is the publisher's word; the page's comes
            # next; an Atom <updated> (the last edit) only when neither says more.
            return [
                Article(
                    id=page.id,
                    body=page.body,
                    path=shown,
                    title=page.title if not page.title_derived else (title or page.title),
                    source=page.source or outlet,
                    url=link,
                    published=published or page.published or updated,
                    language=page.language or language,
                    title_derived=page.title_derived and not title,
                )
            ]
        unfollowed = page
    body = entry_text(entry)
    if not body:
        why = f" (and {link} could not be followed: {unfollowed})" if unfollowed else ""
        raise ArticleReadError(shown, f"the entry has no text{why}")
    article = Article(
        id=Article.make_id(body),
        body=body,
        path=shown,
        title=title or derive_title(body),
        source=outlet,
        url=link,
        published=published or updated,
        language=language,
        title_derived=not title,
    )
    if unfollowed:
        note = f"could not follow {link} ({unfollowed}); read the feed's own text instead"
        return [ReadNote(shown, note), article]
    return [article]


def _follow(link: str, options: ReadOptions) -> Article | str:
    """The page an entry links to, or why it cannot be read."""
    from .html import read_page
    from .sniff import hint_for_content_type, sniff
    from .web import fetch, is_url

    if not is_url(link):
        return "not an http(s) link"
    try:
        got = fetch(link, timeout=options.timeout, max_bytes=options.max_bytes)
        if sniff(got.data, hint_for_content_type(got.content_type)) != "html":
            raise ArticleReadError(link, f"not a web page ({got.content_type})")
        return read_page(Payload(got.data, link, url=got.url, hint="html", charset=got.charset))
    except ArticleReadError as exc:
        return exc.reason


def entry_dates(entry) -> tuple[date | None, date | None]:
    """(published, updated) of an entry, each the calendar day as the feed wrote it.

    feedparser's ``*_parsed`` are in UTC, which moves a story published at 00:30 in Rabat
    to the day before; the written string keeps the outlet's day.  UTC only when the string
    is in a form we do not read.
    """
    days: list[date | None] = []
    for key in ("published", "updated"):
        # dict.get, not entry.get: feedparser answers a missing "updated" with "published"
        # (and a warning), which would make a date the feed never gave
        try:
            day = parse_published(dict.get(entry, key))
        except ValueError:
            day = utc_date(dict.get(entry, f"{key}_parsed"))
        days.append(day)
    return days[0], days[1]


def entry_text(entry) -> str:
    """The entry's content (the full text when the feed carries it), else its summary."""
    candidates = [(c.get("value", ""), c.get("type", "")) for c in entry.get("content") or ()]
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary", ""), detail.get("type", "text/html")))
    for value, kind in candidates:
        text = html_to_text(value) if kind in _HTML_TYPES else _plain_lines(value)
        if text:
            return text
    return ""


def _plain(value: str) -> str:
    """A one-line text (a title), whatever markup the feed left in it."""
    return " ".join(html_to_text(str(value)).split())


def _plain_lines(value: str) -> str:
    return "\n".join(line.strip() for line in str(value).splitlines() if line.strip())
