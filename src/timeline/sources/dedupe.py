"""The same article read twice counts once: the same URL, or the same text.

Feeds, exports and saved pages overlap: a story saved as a page is also an entry of the
feed, a wire report appears under two outlets' names.  The first one read wins, so the
result follows the order of the inputs (which is itself deterministic).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..model import Article

_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str) -> str:
    """A URL reduced to what names the article: scheme and host lower-case, no default port,
    no fragment, no trailing slash, no ``utm_*`` tracking parameters."""
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # not a URL we can take apart: compare it as written
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
         if not k.lower().startswith("utm_")]
    )  # fmt: skip
    return urlunsplit((scheme, host, parts.path.rstrip("/"), query, ""))


def text_key(body: str) -> str:
    """A hash of the text with whitespace collapsed and case folded."""
    return hashlib.sha1(" ".join(body.split()).casefold().encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Duplicate:
    """An article left out because an earlier one is the same."""

    path: str  # the one left out
    kept: str  # the one read first
    why: str  # "same URL" or "same text"

    def __str__(self) -> str:
        return f"{self.path}: {self.why} as {self.kept}, read once"


def dedupe(articles: Iterable[Article]) -> tuple[list[Article], list[Duplicate]]:
    """The articles without repeats, first one wins; and what was left out.

    Two different articles may also claim the same id (two exports numbering their records
    1, 2, 3...): the later one then takes the id its text gives, so ids stay unique.
    """
    dropped: list[Duplicate] = []
    kept = list(unique(articles, dropped.append))
    return kept, dropped


def unique(
    articles: Iterable[Article], on_duplicate: Callable[[Duplicate], object]
) -> Iterator[Article]:
    """:func:`dedupe` as the articles come: each is yielded or reported at once, and only
    hashes and paths of those seen are kept (not their text)."""
    by_url: dict[str, str] = {}  # normalised URL -> path of the first article
    by_text: dict[str, str] = {}  # text key -> path of the first article
    ids: set[str] = set()
    for article in articles:
        url = normalise_url(article.url)
        key = text_key(article.body)
        first = by_url.get(url) if url else None
        why = "same URL"
        if first is None:
            first, why = by_text.get(key), "same text"
        if first is not None:
            on_duplicate(Duplicate(article.path, first, why))
            continue
        if article.id in ids:
            article = replace(article, id=Article.make_id(article.body))
        ids.add(article.id)
        if url:
            by_url[url] = article.path
        by_text[key] = article.path
        yield article
