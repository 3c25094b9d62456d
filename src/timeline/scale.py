"""Building the timeline of a corpus larger than memory.

:func:`timeline.build_from_articles` holds every event, and every entry, in memory: fine
for thousands of articles, not for an archive of a hundred thousand.  :func:`build_large`
gives the same timeline (byte for byte, once rendered) with memory that follows the
busiest month of the corpus instead of its size:

1. Articles stream through the per-article stage (:func:`timeline.engine.run`, any
   engine); each result keeps its metadata and summary, its events go to disk, in one
   file per month of their first day (coarse dates, decades and centuries, in one more),
   and the words that tell the corpus's topic, the title's names and the warnings are
   tallied on the way.
2. The months are merged in date order (:class:`timeline.merge._Merger`): a month's
   events are loaded, merged with the clusters still open (a year, a month) and the
   clusters no later event can join are written out as entries, again by month.
3. One pass over the entries in timeline order finds the conflicts (day entries a few
   days apart, a window; statements of when something began, few, in memory) and counts
   what the header of an output needs; :class:`SpilledEntries` then reads the entries
   back, conflicts attached, each time the timeline is rendered.

The temporary files live in a folder under ``workdir`` (default: the system's temporary
folder, ``TMPDIR``) that goes away with the timeline.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import pickle
import shutil
import tempfile
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from .errors import NoArticlesError, OutputError
from .model import Article, ArticleResult, Conflict, Entry, Event, Timeline

_COARSE = (0, 0)  # the file of events whose dates span more than a year
_UNDATED = (9999, 13)  # entries with no first day sort last
_OPEN_FILES = 64  # spill files kept open at once


class _Spill:
    """Lists of picklable items appended to one file per key (year, month)."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder / name
        self.folder.mkdir()
        self.keys: set[tuple[int, int]] = set()
        self._open: dict[tuple[int, int], Any] = {}

    def _path(self, key: tuple[int, int]) -> Path:
        return self.folder / f"{key[0]:04d}-{key[1]:02d}.pickle"

    def add(self, key: tuple[int, int], items: list) -> None:
        handle = self._open.get(key)
        if handle is None:
            if len(self._open) >= _OPEN_FILES:
                self.close()
            handle = self._open[key] = self._path(key).open("ab")
            self.keys.add(key)
        pickle.dump(items, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def close(self) -> None:
        for handle in self._open.values():
            handle.close()
        self._open.clear()

    def load(self, key: tuple[int, int]) -> list:
        self.close()
        items: list = []
        with self._path(key).open("rb") as handle:
            while True:
                try:
                    items.extend(pickle.load(handle))
                except EOFError:
                    return items


class _Workdir:
    """A temporary folder removed when nothing refers to it any more (or at exit)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.remove = weakref.finalize(self, shutil.rmtree, folder, True)


def _month(day: date | None) -> tuple[int, int]:
    return _UNDATED if day is None else (day.year, day.month)


def _first_day(key: tuple[int, int]) -> date:
    return date(key[0], key[1], 1)


class SpilledEntries:
    """A timeline's entries kept on disk: iterating reads them back in timeline order,
    each with its conflicts; ``len`` and the header figures are known without reading.

    ``keep`` (a :class:`timeline.merge.Selection` filter) leaves out entries a selection
    does not want; the conflicts were found among all entries first, as in memory."""

    def __init__(self, spill: _Spill, conflicts: dict[str, tuple[Conflict, ...]], keep) -> None:
        self._spill = spill
        self._conflicts = conflicts
        self._keep = keep
        self.count = 0
        self.sources = 0
        self.first: Entry | None = None  # the dated entry that starts the timeline
        self.last: Entry | None = None  # and the one that ends it
        self._workdir: _Workdir | None = None

    def _stream(self) -> Iterator[Entry]:
        for key in sorted(self._spill.keys):
            rows = self._spill.load(key)
            rows.sort(key=lambda row: row[0])
            for _, entry, _ in rows:
                found = self._conflicts.get(entry.id)
                if found:
                    entry = dataclasses.replace(entry, conflicts=entry.conflicts + found)
                if self._keep(entry):
                    yield entry

    def __iter__(self) -> Iterator[Entry]:
        return self._stream()

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def __getitem__(self, index: int) -> Entry:  # for the odd template that indexes
        for i, entry in enumerate(self):
            if i == index:
                return entry
        raise IndexError(index)

    def _measure(self) -> None:
        """Count the entries and find the first and last dated ones (as render does)."""
        for entry in self:
            self.count += 1
            self.sources += len(entry.sources)
            tv = entry.date
            if tv.start is None or tv.end is None:
                continue
            if self.first is None or tv.sort_key < self.first.date.sort_key:
                self.first = entry
            last = self.last.date if self.last is not None else None
            if last is None or (tv.end, -tv.sort_key[1]) > (last.end, -last.sort_key[1]):
                self.last = entry


def build_large(
    articles: Iterable[Article],
    *,
    title: str | None = None,
    summarizer: str = "news",
    sentences: int = 3,
    warnings: Iterable[str] = (),  # read once the articles are
    day_first: bool = True,
    ratio: float | None = None,
    selection=None,
    jobs: int = 1,
    cache: str | os.PathLike[str] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    workdir: str | os.PathLike[str] | None = None,
) -> Timeline:
    """The timeline :func:`timeline.build_from_articles` gives (with ``keep_text=False``),
    built with memory bounded by the busiest month instead of the corpus (see the module
    docstring).  A selection that summarises dates (``max_dates``/``per_date``) ranks
    every day of the corpus against every other: for it the events are read back into
    memory once merged (a selection keeps few dates, so that is the small part)."""
    from . import merge as M
    from .engine import Options, run, undated_note

    if selection is not None and selection.summarising:
        from . import build_from_articles

        return build_from_articles(
            articles,
            title=title,
            summarizer=summarizer,
            sentences=sentences,
            warnings=warnings,
            day_first=day_first,
            ratio=ratio,
            selection=selection,
            jobs=jobs,
            cache=cache,
            engine=engine,
            scheduler=scheduler,
            keep_text=False,
        )
    try:
        folder = Path(tempfile.mkdtemp(prefix="timeline-", dir=workdir))
    except OSError as exc:
        raise OutputError(f"cannot make a working folder: {exc.strerror or exc}") from None
    workdir_ = _Workdir(folder)
    try:
        events = _Spill(folder, "events")
        options = Options(
            summarizer=summarizer,
            sentences=sentences,
            day_first=day_first,
            ratio=ratio,
            keep_text=False,
        )
        votes = M.TitleVotes() if title is None else None
        df: Counter[str] = Counter()
        with_events = 0
        kept: list[ArticleResult] = []
        undated: list[str] = []
        for result in run(
            articles, options, jobs=jobs, cache=cache, engine=engine, scheduler=scheduler
        ):
            if votes is not None:
                votes.add(result.title_names)
            if result.events:
                with_events += 1
                df.update(result.words)
            by_month: dict[tuple[int, int], list[Event]] = {}
            for event in result.events:
                key = _COARSE if M._bucket(event.date) is None else _month(event.date.start)
                by_month.setdefault(key, []).append(event)
            for key, found in by_month.items():
                events.add(key, found)
            article = result.article
            note = undated_note(result)
            if note:
                undated.append(note)
            kept.append(
                dataclasses.replace(
                    result,
                    article=dataclasses.replace(article, body=""),
                    sentences=(),
                    mentions=(),
                    events=(),
                    words=frozenset(),
                    title_names=(),
                )
            )
        if not kept:
            raise NoArticlesError("no articles to build a timeline from")
        # read only now: a reader streaming the articles knows its failures at the end
        notes = [*warnings, *undated]
        generic = M.generic_from_counts(df, with_events)
        entries = _merge_months(events, _Spill(folder, "entries"))
        conflicts = _conflicts(entries, generic)
        keep = (
            (lambda entry: True)
            if selection is None or not selection.active
            else M.entry_filter(selection)
        )
        spilled = SpilledEntries(entries, conflicts, keep)
        spilled._measure()
        spilled._workdir = workdir_  # the folder lives as long as the entries
    except BaseException:
        workdir_.remove()
        raise
    if title is None and votes is not None:
        title = votes.title()
    return Timeline(
        title=title or "Timeline",
        entries=spilled,  # type: ignore[arg-type]  # a Sequence read from disk
        articles=tuple(kept),
        warnings=tuple(notes),
    )


def _merge_months(events: _Spill, out: _Spill) -> _Spill:
    """Merge the spilled events a month at a time; the entries go to ``out``."""
    from . import merge as M

    merger = M._Merger()

    def write(clusters) -> None:
        rows: dict[tuple[int, int], list] = {}
        for cluster in clusters:
            first = cluster.first()
            entry = cluster.entry()
            context = first.context if M.is_origin(entry.sources[0]) else ""
            rows.setdefault(_month(entry.date.start), []).append(
                (M._event_key(first), entry, context)
            )
        for key, found in rows.items():
            out.add(key, found)

    keys = sorted(events.keys)
    if _COARSE in keys:
        merger.feed(sorted(events.load(_COARSE), key=M._event_key))
    for key in keys:
        if key == _COARSE:
            continue
        write(merger.finish(_first_day(key)))
        merger.feed(sorted(events.load(key), key=M._event_key))
    write(merger.finish())
    out.close()
    return out


def _conflicts(entries: _Spill, generic: frozenset[str]) -> dict[str, tuple[Conflict, ...]]:
    """The conflicts of the spilled entries, as :func:`timeline.merge.conflicts` finds
    them: day entries against the few days before (a window), origin statements of months
    and years among themselves (few, in memory)."""
    from . import merge as M

    origins: list[Entry] = []
    contexts: dict[int, str] = {}

    def days() -> Iterator[Entry]:
        """The day entries in timeline order; origin statements put aside on the way."""
        for key in sorted(entries.keys):
            rows = entries.load(key)
            rows.sort(key=lambda row: row[0])
            for _, entry, context in rows:
                tv = entry.date
                if tv.start is None or tv.granularity not in M._CONFLICT_GAP:
                    continue
                if tv.granularity == "day":
                    yield entry
                elif M.is_origin(entry.sources[0]):
                    origins.append(entry)
                    if context:
                        contexts[id(entry.sources[0])] = context

    found: dict[str, list[tuple[tuple, dict]]] = {}
    pairs = list(M._day_pairs(days(), generic))  # read through: origins are all in now
    origins.sort(key=lambda e: (e.date.start, e.id))
    for a, b in itertools.chain(pairs, M._origin_pairs(origins)):
        if M._disagree(a, b, contexts, generic):
            found.setdefault(a.id, []).append(((b.date.start, b.id), M._conflict(b)))
            found.setdefault(b.id, []).append(((a.date.start, a.id), M._conflict(a)))
    return {
        entry_id: tuple(conflict for _, conflict in sorted(partners, key=lambda p: p[0]))
        for entry_id, partners in found.items()
    }
