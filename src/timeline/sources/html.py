"""Web pages: the article's main text and metadata, without the page around it.

trafilatura finds the main text (navigation, asides, footers, comments left out) and the
metadata (title, site name, canonical URL); htmldate the publication date.  The body is one
paragraph a line, as the segmenter expects, and the offsets in the output index that body.
"""

from __future__ import annotations

import json
import logging
from datetime import date

from ..errors import ArticleReadError
from ..model import Article
from . import builtin_parser
from .base import Payload, ReadOptions, normalise_language, parse_published
from .markup import html_to_text
from .text import derive_title

log = logging.getLogger(__name__)


@builtin_parser("html", ".html", ".htm", ".xhtml")
def parse_html(payload: Payload, options: ReadOptions) -> list[Article]:
    """One article from a web page."""
    return [read_page(payload)]


def read_page(payload: Payload) -> Article:
    """The article in a web page: main text, title, outlet, URL, date and language."""
    import trafilatura

    # A known charset (from HTTP) decides the text; otherwise trafilatura reads the page's
    # own <meta charset> and guesses from the bytes.
    html: str | bytes = payload.decoded() if payload.charset else payload.data
    url = payload.url or None
    try:
        tree = trafilatura.load_html(html)
        found = trafilatura.extract(
            html,
            url=url,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_images=False,
        )
    except (ValueError, TypeError, AttributeError) as exc:  # markup it cannot take apart
        raise ArticleReadError(payload.shown, f"not a readable HTML page ({exc})") from None
    if tree is None:
        raise ArticleReadError(payload.shown, "not a readable HTML page")
    meta = json.loads(found) if found else {}
    body = _lines(meta.get("text") or "")
    if not body:
        # trafilatura gives nothing for a bare fragment ("<p>...</p>" with no <body>); the
        # fragment's own text is then the article
        body = html_to_text(html if isinstance(html, str) else payload.decoded())
    if not body:
        raise ArticleReadError(payload.shown, "no article text found in the page")
    title = " ".join(str(meta.get("title") or "").split())
    body = _without_title_line(body, title)
    return Article(
        id=Article.make_id(body),
        body=body,
        path=payload.shown,
        title=title or derive_title(body),
        source=str(meta.get("source-hostname") or meta.get("hostname") or "").strip(),
        url=str(meta.get("source") or "").strip() or payload.url,
        published=page_date(tree, url),
        language=_language(tree, meta),
        title_derived=not title,
    )


def page_date(tree, url: str | None) -> date | None:
    """The publication date in the page's metadata (OpenGraph, JSON-LD, <time>, URL).

    htmldate's extensive search is off: it reads dates out of the text and turns a footer's
    "Copyright 2019" into 2019-01-01, a day nobody published on.
    """
    import htmldate

    try:
        found = htmldate.find_date(tree, original_date=True, extensive_search=False, url=url)
    except Exception as exc:  # htmldate raises assorted errors on odd pages; no date is fine
        log.debug("htmldate failed: %s", exc)
        return None
    try:
        return parse_published(found)
    except ValueError:
        return None


def _language(tree, meta: dict) -> str:
    """<html lang>, else a content-language header in <meta>, else OpenGraph's locale."""
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath("//meta[translate(@http-equiv, 'CONTENTLANGUAGE', 'contentlanguage')"
                    "='content-language']/@content"),
        *tree.xpath("//meta[@property='og:locale']/@content"),
        meta.get("language"),
    ]  # fmt: skip
    for value in candidates:
        tag = normalise_language(str(value).split(",")[0]) if value else ""
        if tag:
            return tag
    return ""


def _lines(text: str) -> str:
    """One paragraph a line, without the blank lines and trailing spaces extraction leaves."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _without_title_line(body: str, title: str) -> str:
    """The body without a first line that only repeats the title (the page's <h1>): the
    title is metadata, and as a first "sentence" it would crowd out the lede in summaries."""
    first, _, rest = body.partition("\n")
    if title and rest.strip() and first.casefold().split() == title.casefold().split():
        return rest
    return body
