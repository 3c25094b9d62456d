"""One frozen object for everything a build is told: what to read, how to process each
article, where it runs, where its events are kept and what of the timeline to keep.

Rendering is not configured here: how a timeline is written (format, locale, fragment)
does not change what is built, so a caller may carry its rendering options in ``render``
untouched by the build.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date
from typing import Any

STORES = ("auto", "memory", "spill")


@dataclass(frozen=True)
class BuildConfig:
    """How to build a timeline; every default builds the bundled example as the
    README shows it.

    Reading: ``sources`` (files, folders, URLs, ``-``), ``published`` (the date of articles
    that give none), ``follow`` (read the page each feed entry links to), ``max_bytes``
    (the largest input read; None: the readers' default).

    Per article: ``summarizer`` and ``sentences`` (or ``ratio``, a share of the article's
    sentences) for the summary; ``day_first`` reads 03/04/2019 as 3 April.

    Running: ``jobs`` processes, or ``engine="dask"`` (on the cluster at ``scheduler``);
    ``cache`` is a folder of per-article results reused by the next build.

    Memory: ``keep_text=False`` keeps no article body in the timeline, only what rendering
    needs; ``store`` keeps the events in ``"memory"``, ``"spill"``s them to disk a month at
    a time (in a folder under ``workdir``), or (``"auto"``) spills once a corpus has too
    many to hold.  None of the running and memory settings changes the timeline.

    Selection: ``query`` (words the kept sentences are about), ``since``/``until`` (days,
    inclusive), ``max_dates`` (the dates the corpus refers to most), ``per_date``
    (sentences summarising each date; with ``max_dates`` the timeline becomes one entry
    per selected day); ``title`` (None: the names most articles share).
    """

    sources: tuple[str | os.PathLike[str], ...] = ("sources",)
    published: date | None = None
    follow: bool = False
    max_bytes: int | None = None

    summarizer: str = "news"
    sentences: int = 3
    ratio: float | None = None
    day_first: bool = True

    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    cache: str | os.PathLike[str] | None = None

    keep_text: bool = True
    store: str = "auto"
    workdir: str | os.PathLike[str] | None = None

    title: str | None = None
    query: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    max_dates: int | None = None
    per_date: int | None = None

    render: Any = None  # the caller's rendering options, carried along unread

    @property
    def summarising(self) -> bool:
        """Whether the selection makes one entry per selected day."""
        return self.max_dates is not None or self.per_date is not None

    @property
    def selecting(self) -> bool:
        """Whether the selection leaves anything out."""
        return (
            bool(self.query)
            or self.since is not None
            or self.until is not None
            or (self.summarising)
        )

    def per_article(self) -> tuple:
        """The settings a per-article result depends on (the cache's key holds them)."""
        return (self.summarizer, self.sentences, self.ratio, self.day_first, self.keep_text)

    def unselected(self) -> BuildConfig:
        """The same build, keeping every entry under the timeline's own title."""
        return dataclasses.replace(
            self, title=None, query=(), since=None, until=None, max_dates=None, per_date=None
        )
