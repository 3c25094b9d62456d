"""Where a build keeps its events between the per-article stage and the timeline.

:class:`MemoryStore` holds every result and merges them at once: fine for thousands of
articles, and the only store a timeline that keeps its articles' text can use.
:class:`SpillStore` gives the same timeline (byte for byte, once rendered) with memory
that follows the busiest month of a corpus instead of its size:

1. Each result keeps its metadata and summary; its events go to disk, in one file per
   month of their first day (coarse dates, decades and centuries, in one more), and the
   words that tell the corpus's topic are tallied on the way.
2. The months are merged in date order (:class:`timeline.merge.Merger`): a month's events
   are loaded, merged with the clusters still open (a year, a month), and the clusters no
   later event can join are written out as entries, again by month.
3. One pass over the entries in timeline order finds the conflicts
   (:func:`timeline.merge.find_conflicts`); :class:`SpilledEntries` then reads the
   entries back, conflicts attached, each time the timeline is rendered.

Both stores hand back the timeline's entries as a ``Sequence[Entry]``.  The spill's
temporary files live in a folder under ``workdir`` (default: the system's temporary
folder, ``TMPDIR``) that goes away with its entries.
"""

from __future__ import annotations

import bisect
import dataclasses
import pickle
import shutil
import tempfile
import weakref
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, overload

from .config import STORES, BuildConfig
from .errors import OutputError, UsageError
from .merge import (
    OPENING,
    Cluster,
    Merger,
    entry_filter,
    event_key,
    find_conflicts,
    generic_from_counts,
    is_origin,
    merge,
    query_words,
    relevance,
    select,
    year_bucket,
)
from .model import ArticleResult, Conflict, Entry, Event, bounds

Month = tuple[int, int]
_COARSE: Month = (0, 0)  # the file of events whose dates span more than a year
_UNDATED: Month = (9999, 13)  # entries with no first day sort last
_OPEN_FILES = 64  # spill files kept open at once


class MemoryStore:
    """Every result in memory; the merge sees all events at once."""

    def __init__(self, config: BuildConfig) -> None:
        self.config = config
        self.results: list[ArticleResult] = []
        self.events = 0
        self._query = query_words(config.query)
        # how much each article's opening is about the query, read before its body goes
        self._about: dict[str, float] = {}

    def add(self, result: ArticleResult) -> None:
        if not self.config.keep_text:
            if self._query:
                opening = result.article.body[:OPENING]
                self._about[result.article.id] = relevance(opening, self._query)
            result = dataclasses.replace(
                result, article=dataclasses.replace(result.article, body=""), title_names=()
            )
        self.results.append(result)
        self.events += len(result.events)

    def entries(self) -> Sequence[Entry]:
        results = self.results
        entries = merge(
            (e for r in results for e in r.events), {r.article.id: r.words for r in results}
        )
        if self.config.selecting:
            about = self._about if not self.config.keep_text else None
            entries = select(entries, results, self.config, about=about)
        return tuple(entries)

    def spill(self) -> SpillStore:
        """A spill store holding what this one holds (which it then no longer needs)."""
        spilled = SpillStore(self.config)
        try:
            for result in self.results:
                spilled.add(result)
        except BaseException:
            spilled.discard()
            raise
        self.results = []
        return spilled

    def discard(self) -> None:
        self.results = []


class SpillStore:
    """Events on disk a month at a time (see the module docstring).  Only for timelines
    that keep no text and whose selection does not summarise dates: ranking every day of
    a corpus against every other needs its events in memory."""

    def __init__(self, config: BuildConfig) -> None:
        if not can_spill(config):
            raise UsageError("a spilled build keeps no article text and summarises no dates")
        self.config = config
        try:
            folder = Path(tempfile.mkdtemp(prefix="timeline-", dir=config.workdir))
        except OSError as exc:
            raise OutputError(f"cannot make a working folder: {exc.strerror or exc}") from None
        self._workdir = _Workdir(folder)
        self._events = _MonthFiles(folder, "events")
        self._df: Counter[str] = Counter()
        self._with_events = 0
        self.results: list[ArticleResult] = []

    def add(self, result: ArticleResult) -> None:
        if result.events:
            self._with_events += 1
            self._df.update(result.words)
        by_month: dict[Month, list[Event]] = {}
        for event in result.events:
            key = _COARSE if year_bucket(event.date) is None else _month(event.date.start)
            by_month.setdefault(key, []).append(event)
        for key, found in by_month.items():
            self._events.add(key, found)
        self.results.append(
            dataclasses.replace(
                result,
                article=dataclasses.replace(result.article, body=""),
                sentences=(),
                mentions=(),
                events=(),
                words=frozenset(),
                title_names=(),
            )
        )

    def entries(self) -> Sequence[Entry]:
        try:
            generic = generic_from_counts(self._df, self._with_events)
            merged = _merge_months(self._events, _MonthFiles(self._workdir.folder, "entries"))
            found = find_conflicts(merged.timeline(), merged.contexts, generic)
            keep = entry_filter(self.config) if self.config.selecting else _everything
            return SpilledEntries(merged, found, keep, self._workdir)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        self._events.close()
        self._workdir.remove()


def _everything(entry: Entry) -> bool:
    return True


class _MonthFiles:
    """Lists of picklable items appended to one file per month."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder / name
        self.folder.mkdir()
        self.keys: set[Month] = set()
        self._open: dict[Month, IO[bytes]] = {}
        # the context of each origin statement's first source, by id (see timeline.merge);
        # the sources are held too, so no id is reused while the contexts are looked up
        self.contexts: dict[int, str] = {}
        self._noted: list[object] = []

    def _path(self, key: Month) -> Path:
        return self.folder / f"{key[0]:04d}-{key[1]:02d}.pickle"

    def add(self, key: Month, items: list) -> None:
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

    def load(self, key: Month) -> list:
        self.close()
        items: list = []
        with self._path(key).open("rb") as handle:
            while True:
                try:
                    items.extend(pickle.load(handle))
                except EOFError:
                    return items

    def rows(self, key: Month) -> list[tuple[tuple, Entry, str]]:
        """(sort key, entry, context) of a month of entries, in timeline order."""
        rows = self.load(key)
        rows.sort(key=lambda row: row[0])
        return rows

    def timeline(self) -> Iterator[Entry]:
        """Every entry in timeline order; the contexts of origin statements are noted on
        the way (they are what tells two such statements apart)."""
        for key in sorted(self.keys):
            for _, entry, context in self.rows(key):
                if context:
                    self.contexts[id(entry.sources[0])] = context
                    self._noted.append(entry.sources[0])
                yield entry


class _Workdir:
    """A temporary folder removed when nothing refers to it any more (or at exit)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.remove = weakref.finalize(self, shutil.rmtree, folder, True)


def _month(day: date | None) -> Month:
    return _UNDATED if day is None else (day.year, day.month)


def _merge_months(events: _MonthFiles, out: _MonthFiles) -> _MonthFiles:
    """Merge the spilled events a month at a time; the entries go to ``out``."""
    merger = Merger()

    def write(clusters: list[Cluster]) -> None:
        rows: dict[Month, list] = {}
        for cluster in clusters:
            first = cluster.first()
            entry = cluster.entry()
            context = first.context if is_origin(entry.sources[0]) else ""
            rows.setdefault(_month(entry.date.start), []).append((event_key(first), entry, context))
        for key, found in rows.items():
            out.add(key, found)

    keys = sorted(events.keys)
    if _COARSE in keys:
        merger.feed(sorted(events.load(_COARSE), key=event_key))
    for key in keys:
        if key == _COARSE:
            continue
        write(merger.finish(date(key[0], key[1], 1)))
        merger.feed(sorted(events.load(key), key=event_key))
    write(merger.finish())
    out.close()
    return out


class SpilledEntries(Sequence[Entry]):
    """A timeline's entries kept on disk, read back a month at a time, each with its
    conflicts (found among all entries, before a selection's ``keep`` left some out).

    ``len``, ``first``, ``last`` and ``sources`` (the header figures of an output) are
    known without reading; indexing reads the month holding the entry (the last month
    read is kept, so walking the entries by index reads each month once)."""

    def __init__(
        self,
        files: _MonthFiles,
        conflicts: dict[str, tuple[Conflict, ...]],
        keep: Callable[[Entry], bool],
        workdir: _Workdir,  # the folder lives as long as the entries
    ) -> None:
        self._files = files
        self._conflicts = conflicts
        self._keep = keep
        self._workdir = workdir
        self._months: list[Month] = []  # those holding kept entries, in order
        self._starts: list[int] = []  # the index of each one's first entry
        self._read: tuple[Month, list[Entry]] | None = None
        self._count = self._sources = 0
        self._first: Entry | None = None
        self._last: Entry | None = None
        self._measure()

    def _month(self, key: Month) -> list[Entry]:
        if self._read is not None and self._read[0] == key:
            return self._read[1]
        found = []
        for _, entry, _ in self._files.rows(key):
            conflicts = self._conflicts.get(entry.id)
            if conflicts:
                entry = dataclasses.replace(entry, conflicts=entry.conflicts + conflicts)
            if self._keep(entry):
                found.append(entry)
        return found

    def _measure(self) -> None:
        """Count the entries per month and find the first and last dated ones (as the
        renderer would, reading them all)."""

        def counted() -> Iterator[Entry]:
            for key in sorted(self._files.keys):
                entries = self._month(key)
                if not entries:
                    continue
                self._months.append(key)
                self._starts.append(self._count)
                self._count += len(entries)
                for entry in entries:
                    self._sources += len(entry.sources)
                    yield entry

        self._first, self._last = bounds(counted())

    @property
    def first(self) -> Entry | None:
        """The dated entry that starts the timeline."""
        return self._first

    @property
    def last(self) -> Entry | None:
        """The dated entry that ends it (see :func:`timeline.model.bounds`)."""
        return self._last

    @property
    def sources(self) -> int:
        """The sources cited by all entries together."""
        return self._sources

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Entry]:
        for key in self._months:
            yield from self._month(key)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Entry, ...]: ...

    def __getitem__(self, index: int | slice) -> Entry | tuple[Entry, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        position = index + self._count if index < 0 else index
        if not 0 <= position < self._count:
            raise IndexError(index)
        which = bisect.bisect_right(self._starts, position) - 1
        key = self._months[which]
        entries = self._month(key)
        self._read = (key, entries)
        return entries[position - self._starts[which]]


def open_store(config: BuildConfig) -> MemoryStore | SpillStore:
    """The store ``config.store`` asks for; ``"auto"`` starts in memory (see
    :func:`settled`), as does ``"spill"`` for a build that cannot spill."""
    if config.store not in STORES:
        raise UsageError(f"unknown event store {config.store!r}: choose auto, memory or spill")
    if config.store == "spill" and can_spill(config):
        return SpillStore(config)
    return MemoryStore(config)


# Events held in memory before an "auto" store moves to disk: about 2.5 KB each with their
# share of their articles' words (haiti_bbc), so some 125 MB, and about as much to merge them.
SPILL_AFTER_EVENTS = 50_000


def can_spill(config: BuildConfig) -> bool:
    """Whether a build can keep its events on disk (see :class:`SpillStore`)."""
    return not config.keep_text and not config.summarising


def settled(store: MemoryStore | SpillStore) -> MemoryStore | SpillStore:
    """The store to go on with: an ``"auto"`` store in memory that holds too many events
    moves them to disk."""
    if (
        isinstance(store, MemoryStore)
        and store.config.store == "auto"
        and can_spill(store.config)
        and store.events > SPILL_AFTER_EVENTS
    ):
        return store.spill()
    return store
