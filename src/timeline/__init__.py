"""timeline: dated, sourced timelines and summaries from news articles.

    >>> import timeline
    >>> from timeline.render import render
    >>> tl = timeline.build(["sources"])
    >>> print(render(tl, "md"))

The stages are pure functions over the dataclasses in ``timeline.model``:
read (``timeline.sources``) -> sentences, mentions, events, summary per article
(``timeline.engine``) -> merge (``timeline.merge``) -> render (``timeline.render``).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from .errors import TimelineError

if TYPE_CHECKING:
    from .merge import Selection
    from .model import Article, ArticleResult, Entry, Event, Mention, Timeline, TimeValue

_MODEL = ("Article", "ArticleResult", "Entry", "Event", "Mention", "TimeValue", "Timeline")


def __getattr__(name: str):
    # the data classes load on first use: `timeline --help` needs none of them
    if name in _MODEL:
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleResult",
    "Entry",
    "Event",
    "Mention",
    "TimeValue",
    "Timeline",
    "TimelineError",
    "__version__",
    "build",
    "build_from_articles",
]


def build_from_articles(
    articles: Iterable[Article],
    *,
    title: str | None = None,
    summarizer: str = "news",
    sentences: int = 3,
    warnings: Iterable[str] = (),
    day_first: bool = True,
    ratio: float | None = None,
    selection: Selection | None = None,
    jobs: int = 1,
    cache: str | os.PathLike[str] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    keep_text: bool = True,
) -> Timeline:
    """The timeline of already-read articles.  ``day_first=False`` reads 03/04/2019 as
    4 March (US style) instead of 3 April.  ``selection`` keeps what matters of a large
    input (:class:`timeline.merge.Selection`: query, date range, number of dates and
    sentences per date); without it every entry is kept.  ``jobs`` processes share the
    per-article work and ``cache`` (a folder) keeps per-article results for the next run;
    ``engine="dask"`` runs the per-article work on Dask (on the cluster at ``scheduler``,
    else local processes).  None of these changes the timeline.

    ``articles`` may be an iterator: they are processed as they come.  With
    ``keep_text=False`` the results in ``Timeline.articles`` keep no body, only their
    lead sentences, events and summary (what rendering needs), so memory grows with the
    events of a corpus, not its text; the timeline is the same."""
    from .engine import Options, run, undated_note
    from .errors import NoArticlesError
    from .merge import (
        OPENING,
        TitleVotes,
        _query_words,
        _relevance,
        merge,
        select,
        title_names,
    )
    from .model import Timeline

    options = Options(
        summarizer=summarizer,
        sentences=sentences,
        day_first=day_first,
        ratio=ratio,
        keep_text=keep_text,
    )
    votes = TitleVotes() if title is None else None
    query = _query_words(selection.query) if selection is not None else ()
    about: dict[str, float] = {}
    results: list[ArticleResult] = []
    for result in run(
        articles, options, jobs=jobs, cache=cache, engine=engine, scheduler=scheduler
    ):
        if votes is not None:
            votes.add(result.title_names if not keep_text else title_names(result.article.body))
        if not keep_text:
            if query:
                about[result.article.id] = _relevance(result.article.body[:OPENING], query)
            result = dataclasses.replace(
                result, article=dataclasses.replace(result.article, body=""), title_names=()
            )
        results.append(result)
    if not results:
        raise NoArticlesError("no articles to build a timeline from")
    entries = merge(
        (e for r in results for e in r.events), {r.article.id: r.words for r in results}
    )
    if selection is not None and selection.active:
        entries = select(entries, results, selection, about=about if not keep_text else None)
    # read only now: a reader streaming the articles knows its failures at the end
    notes = list(warnings)
    notes += [note for r in results if (note := undated_note(r))]
    if title is None and votes is not None:
        title = votes.title()
    return Timeline(
        title=title or "Timeline",
        entries=tuple(entries),
        articles=tuple(results),
        warnings=tuple(notes),
    )


def build(
    paths: Iterable[str | os.PathLike[str]] = ("sources",),
    *,
    title: str | None = None,
    summarizer: str = "news",
    sentences: int = 3,
    published: date | None = None,
    follow: bool = False,
) -> Timeline:
    """Read every article under ``paths`` and build their timeline.

    ``paths`` are files, folders, http(s) URLs or ``-`` (stdin).  ``published`` is used for
    articles whose publication date is not known otherwise; ``follow`` reads the page each
    feed entry links to instead of the feed's own text.
    Files that cannot be read are skipped and named in ``Timeline.warnings``; a path that
    does not exist raises SourceNotFoundError, and no readable article NoArticlesError.
    """
    from .errors import NoArticlesError
    from .sources import read_sources

    reading = read_sources(paths, published=published, follow=follow)
    articles, failures = reading.articles, reading.failures
    if not articles:
        detail = f" ({len(failures)} unreadable: {failures[0]})" if failures else ""
        raise NoArticlesError(f"no articles found{detail}")
    return build_from_articles(
        articles,
        title=title,
        summarizer=summarizer,
        sentences=sentences,
        warnings=[f"skipped {f}" for f in failures] + reading.notes,
    )
