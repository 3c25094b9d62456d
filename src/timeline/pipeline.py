"""The one build, as ``timeline.build()``, ``timeline build`` and ``timeline embed`` run it.

    sources --read--> Article --engine.run--> ArticleResult --store--> merge --> select
                                (serial, processes, Dask; cached)    (memory or spilled)

:func:`build` reads ``config.sources`` as a stream; :func:`build_from_articles` takes
articles already read.  Each result votes for the title and may warn that its article has
no publication date on its way into the event store (:mod:`timeline.store`); the store
merges and selects once every article is in.  Which store, how many processes and whether
results come from a cache never change the timeline.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .config import BuildConfig
from .errors import NoArticlesError

if TYPE_CHECKING:
    from .model import Article, Timeline
    from .sources import ReadFailure


@dataclass(frozen=True)
class Built:
    """A timeline and what reading its sources met on the way."""

    timeline: Timeline
    articles: int  # read
    failures: tuple[ReadFailure, ...] = ()  # inputs that could not be read
    duplicates: tuple[str, ...] = ()  # articles read once, not twice


def build(
    config: BuildConfig, *, on_failure: Callable[[ReadFailure], object] | None = None
) -> Built:
    """Read every article of ``config.sources`` and build their timeline; articles are
    processed as they are read.  ``on_failure`` is called with each input that cannot be
    read, as it is met (to warn at once, or to stop by raising); such inputs are also named
    in the timeline's warnings.  NoArticlesError when no article could be read."""
    from .sources import iter_sources

    stream = iter_sources(
        list(config.sources),
        published=config.published,
        follow=config.follow,
        max_bytes=config.max_bytes,
        on_failure=on_failure,
    )
    read = 0

    def counted() -> Iterator[Article]:
        nonlocal read
        for article in stream:
            read += 1
            yield article

    def warnings() -> Iterator[str]:
        # read only at the end: a stream knows its failures once it is read through
        yield from (f"skipped {f}" for f in stream.failures)
        yield from stream.notes

    try:
        timeline = build_from_articles(counted(), config, warnings=warnings())
    except NoArticlesError:
        if read:
            raise
        raise NoArticlesError(
            "no articles found in "
            + ", ".join(str(p) for p in config.sources)
            + (" (none could be read)" if stream.failures else "")
        ) from None
    return Built(timeline, read, tuple(stream.failures), tuple(stream.duplicates))


def build_from_articles(
    articles: Iterable[Article], config: BuildConfig | None = None, *, warnings: Iterable[str] = ()
) -> Timeline:
    """The timeline of articles already read (an iterator will do: they are processed as
    they come).  ``warnings`` are put first among the timeline's, read once every article
    is in.  NoArticlesError when there is none."""
    from .engine import run, undated_note
    from .merge import TitleVotes, title_names
    from .model import Timeline
    from .store import open_store, settled

    config = config or BuildConfig()
    store = open_store(config)
    votes = TitleVotes() if config.title is None else None
    undated: list[str] = []
    try:
        for result in run(articles, config):
            if votes is not None:
                # a result that keeps no text carries the names its title vote needs
                text = config.keep_text
                votes.add(title_names(result.article.body) if text else result.title_names)
            note = undated_note(result)
            if note:
                undated.append(note)
            store.add(result)
            store = settled(store)
        if not store.results:
            raise NoArticlesError("no articles to build a timeline from")
        entries = store.entries()
    except BaseException:
        store.discard()
        raise
    title = config.title if votes is None else votes.title()
    return Timeline(
        title=title or "Timeline",
        entries=entries,
        articles=tuple(store.results),
        warnings=(*warnings, *undated),
    )


def selected(timeline: Timeline, config: BuildConfig) -> Timeline:
    """A timeline built without a selection (in memory), as ``config``'s selection and
    title make it: several selections of one corpus need its articles processed once."""
    from .merge import select

    entries = timeline.entries
    if config.selecting:
        entries = tuple(select(entries, timeline.articles, config))
    return dataclasses.replace(timeline, entries=entries, title=config.title or timeline.title)
