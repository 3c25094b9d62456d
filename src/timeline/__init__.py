"""timeline: dated, sourced timelines and summaries from news articles.

    >>> import timeline
    >>> from timeline.render import render
    >>> tl = timeline.build(["sources"])
    >>> print(render(tl, "md"))

The stages are pure functions over the dataclasses in ``timeline.model``:
read (``timeline.sources``) -> sentences, mentions, events, summary per article
(``timeline.engine``) -> event store (``timeline.store``) -> merge and selection
(``timeline.merge``) -> render (``timeline.render``); ``timeline.pipeline`` runs them, as
one :class:`timeline.config.BuildConfig` says.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from .config import BuildConfig
from .errors import TimelineError
from .pipeline import build_from_articles

if TYPE_CHECKING:
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
    "BuildConfig",
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


def build(
    paths: Iterable[str | os.PathLike[str]] | None = None,
    *,
    title: str | None = None,
    summarizer: str | None = None,
    sentences: int | None = None,
    published: date | None = None,
    follow: bool | None = None,
    config: BuildConfig | None = None,
) -> Timeline:
    """Read every article under ``paths`` and build their timeline.

    ``paths`` are files, folders, http(s) URLs or ``-`` (stdin); default ``sources``.
    ``published`` is used for articles whose publication date is not known otherwise;
    ``follow`` reads the page each feed entry links to instead of the feed's own text.
    ``config`` (:class:`timeline.config.BuildConfig`) says everything else; the keywords
    given here override it.
    Files that cannot be read are skipped and named in ``Timeline.warnings``; a path that
    does not exist raises SourceNotFoundError, and no readable article NoArticlesError.
    """
    from .pipeline import build as run_build

    given = {
        "sources": tuple(paths) if paths is not None else None,
        "title": title,
        "summarizer": summarizer,
        "sentences": sentences,
        "published": published,
        "follow": follow,
    }
    changes = {key: value for key, value in given.items() if value is not None}
    return run_build(dataclasses.replace(config or BuildConfig(), **changes)).timeline
