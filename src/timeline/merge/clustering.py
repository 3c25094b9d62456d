"""Clustering events into entries: the same happening from several articles becomes one
entry citing every source.

The order is chronological by the first day covered; at the same first day the coarser
date comes first ("2019" before "January 2019" before "22 January 2019"); remaining ties
keep the input order.  The result depends only on the events, never on the order they
arrive in: they are sorted before anything else.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from ..model import Entry, Event, TimeValue
from .conflicts import conflicts
from .similarity import (
    OVERLAP_TO_MERGE,
    closely_same,
    compatible,
    date_key,
    finer,
    has_arabic,
    key_terms,
    plain_names,
    same_happening,
    skeleton_names,
)


def entry_id(date: TimeValue, events: Sequence[Event]) -> str:
    """A stable id for the entry of these events at this date: the same sources give the
    same id on every run, whatever their order."""
    parts = [
        date.value,
        *sorted(f"{e.source.article}:{e.source.start}:{e.source.end}" for e in events),
    ]
    return "e" + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:10]


def event_key(event: Event) -> tuple:
    """The timeline order of events: first day, coarser dates first, then input order."""
    return (*event.date.sort_key, event.order, event.source.article, event.text)


class Cluster:
    """Events told of one happening; ``date`` is the finest of their dates."""

    __slots__ = ("bucket", "date", "events", "key", "seq")

    def __init__(self, event: Event, seq: int = 0) -> None:
        self.seq = seq  # creation order: the order a full scan would weigh clusters in
        self.bucket = year_bucket(event.date)
        self.events = [event]
        self.date = event.date
        self.key = date_key(event.date)

    def accepts(self, event: Event, key: tuple) -> bool:
        if key == self.key:
            return any(same_happening(event, other) for other in self.events)
        if not compatible(event.date, self.date):
            return False
        return any(closely_same(event, other) for other in self.events)

    def add(self, event: Event) -> None:
        self.events.append(event)
        if finer(event.date, self.date):
            self.date = event.date
            self.key = date_key(event.date)

    def first(self) -> Event:
        """The event the entry is told from: the earliest of those with the finest date."""
        return min(
            (e for e in self.events if date_key(e.date) == date_key(self.date)), key=event_key
        )

    def entry(self) -> Entry:
        first = self.first()
        ordered = [first, *sorted((e for e in self.events if e is not first), key=event_key)]
        return Entry(
            id=entry_id(self.date, ordered),
            date=self.date,
            headline=first.headline,
            text=first.text,
            sources=tuple(e.source for e in ordered),
            planned=all(e.planned for e in ordered),
        )


def _threshold(n: int) -> int:
    """The fewest shared key terms that make ``n`` terms overlap enough (see
    same_happening): the smallest k with k / n >= OVERLAP_TO_MERGE."""
    return next(k for k in range(1, n + 1) if k / n >= OVERLAP_TO_MERGE)


class _Blocking:
    """Which clusters could take an event, without weighing it against every cluster.

    Every test that merges two non-Arabic sentences needs something in common: two shared
    names or skeletons (a *pair* both hold), or a share of key terms.  For the terms a
    prefix filter finds every pair that can reach the share: with each sentence's terms
    ordered rarest first, two sets sharing at least k(min size) terms must share one among
    the first ``n - k(n) + 1`` of the smaller set; so clusters are indexed by their
    sentences' prefixes (probed with all of an event's terms) and by all their terms
    (probed with the event's prefix).  Clusters holding Arabic text are always candidates
    (they match across scripts by their context), and Arabic events see every cluster.
    Candidates are a superset of the clusters that accept: the merge still asks each, in
    the order a full scan would, so the result is the same as weighing every cluster."""

    def __init__(self) -> None:
        self.rank: dict[str, tuple[int, str]] = {}
        self.pairs: dict[tuple, set[Cluster]] = {}
        self.prefix: dict[tuple, set[Cluster]] = {}  # (date key, term)
        self.full: dict[tuple, set[Cluster]] = {}
        self.arabic: set[Cluster] = set()
        self._tokens: dict[str, tuple[list[tuple], list[str], list[str]]] = {}

    def learn(self, events: Sequence[Event]) -> None:
        """Rank the terms not seen before by how many of these events use them.  A term
        keeps its rank: a prefix must be the same when indexed and when probed."""
        df: Counter[str] = Counter()
        for event in events:
            df.update(t for t in key_terms(event.text)[1] if t not in self.rank)
        for term, n in df.items():
            self.rank[term] = (n, term)

    def renewed(self, clusters: Sequence[Cluster]) -> _Blocking:
        """A fresh index of these clusters only, keeping the ranks."""
        fresh = _Blocking()
        fresh.rank = self.rank
        for cluster in clusters:
            for event in cluster.events:
                fresh.register(cluster, event)
        return fresh

    def tokens(self, text: str) -> tuple[list[tuple], list[str], list[str]]:
        """(name pairs, all terms, the terms' prefix) of a sentence."""
        found = self._tokens.get(text)
        if found is None:
            names, terms = key_terms(text)
            plain = sorted(plain_names(names))
            sounds = sorted(skeleton_names(names))
            pairs = [("p", a, b) for a, b in itertools.combinations(plain, 2)]
            pairs += [("s", a, b) for a, b in itertools.combinations(sounds, 2)]
            ordered = sorted(terms, key=lambda t: self.rank.get(t, (0, t)))
            prefix = ordered[: len(ordered) - _threshold(len(ordered)) + 1] if ordered else []
            found = self._tokens[text] = (pairs, ordered, prefix)
        return found

    def register(self, cluster: Cluster, event: Event) -> None:
        if has_arabic(event.text):
            self.arabic.add(cluster)
            return
        for pair in self.tokens(event.text)[0]:
            self.pairs.setdefault(pair, set()).add(cluster)
        self._register_terms(cluster, event, cluster.key)

    def _register_terms(self, cluster: Cluster, event: Event, key: tuple) -> None:
        _, terms, prefix = self.tokens(event.text)
        for term in prefix:
            self.prefix.setdefault((key, term), set()).add(cluster)
        for term in terms:
            self.full.setdefault((key, term), set()).add(cluster)

    def rekeyed(self, cluster: Cluster) -> None:
        """The cluster's date became finer: its sentences are now compared at that date."""
        for event in cluster.events:
            if not has_arabic(event.text):
                self._register_terms(cluster, event, cluster.key)

    def candidates(self, event: Event, key: tuple) -> set[Cluster]:
        pairs, terms, prefix = self.tokens(event.text)
        found = set(self.arabic)
        for pair in pairs:
            found.update(self.pairs.get(pair, ()))
        for term in terms:
            found.update(self.prefix.get((key, term), ()))
        for term in prefix:
            found.update(self.full.get((key, term), ()))
        return found


def _join_linked(clusters: list[Cluster], blocking: _Blocking) -> list[Cluster]:
    """Join clusters of one date that a later event links: the Arabic report that matched
    none of the English cluster's first members, then matched the French one that joined
    it after.  Clusters of different dates stay apart (their events were weighed then).
    Which clusters join does not depend on the order pairs are weighed in (it is the
    connected groups of "some sentence of one tells what some sentence of the other
    does"), so only the pairs blocking finds are weighed."""
    parent = list(range(len(clusters)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_date: dict[tuple, list[int]] = {}
    for i, cluster in enumerate(clusters):
        by_date.setdefault(date_key(cluster.date), []).append(i)
    for members in by_date.values():
        if len(members) < 2:
            continue
        for i, j in _linkable(members, clusters, blocking):
            if root(i) != root(j) and any(
                same_happening(x, y) for x in clusters[i].events for y in clusters[j].events
            ):
                parent[root(j)] = root(i)
    joined: dict[int, Cluster] = {}
    for i, cluster in enumerate(clusters):  # in creation order: the first keeps its events first
        home = joined.get(root(i))
        if home is None:
            joined[root(i)] = cluster
        else:
            for event in cluster.events:
                home.add(event)
    return list(joined.values())


def _linkable(
    members: list[int], clusters: list[Cluster], blocking: _Blocking
) -> list[tuple[int, int]]:
    """The pairs of clusters (i < j) of one date that may tell the same happening: they
    share a pair of names or skeletons, or pass the terms' prefix filter, or one holds
    Arabic text; in order."""
    pairs: dict[tuple, set[int]] = {}
    prefix: dict[str, set[int]] = {}
    full: dict[str, set[int]] = {}
    arabic: set[int] = set()
    for i in members:
        for event in clusters[i].events:
            if has_arabic(event.text):
                arabic.add(i)
                continue
            name_pairs, terms, first = blocking.tokens(event.text)
            for pair in name_pairs:
                pairs.setdefault(pair, set()).add(i)
            for term in first:
                prefix.setdefault(term, set()).add(i)
            for term in terms:
                full.setdefault(term, set()).add(i)
    found: set[tuple[int, int]] = set()
    for i in members:
        near: set[int] = set(members) if i in arabic else set(arabic)
        for event in clusters[i].events:
            if has_arabic(event.text):
                continue
            name_pairs, terms, first = blocking.tokens(event.text)
            for pair in name_pairs:
                near |= pairs[pair]
            for term in terms:
                near |= prefix.get(term, set())
            for term in first:
                near |= full[term]
        found.update((i, j) for j in near if j > i)
    return sorted(found)


def _one_day(tv: TimeValue) -> bool:
    return tv.start is not None and tv.start == tv.end


def _overlaps(a: TimeValue, b: TimeValue) -> bool:
    """A cheap first test: dates that share no day are never compatible."""
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return True  # let compatible() decide
    return a.start <= b.end and b.start <= a.end


def year_bucket(tv: TimeValue) -> int | None:
    """The year a date falls in when it is no longer than a year; coarser dates (decades,
    centuries, undated) are compared with everything."""
    if tv.start is None or tv.end is None or tv.start.year != tv.end.year:
        return None
    return tv.start.year


def _seq(cluster: Cluster) -> int:
    return cluster.seq


class Merger:
    """The clustering of :func:`merge`, fed events in the order it weighs them (coarse
    dates first, then by date) one stretch of calendar at a time, so a corpus larger than
    memory can be merged a month at a time (``timeline.store``).

    A cluster is done once the events still to come start after its last day: none of
    them can join it.  ``finish(before)`` hands back the clusters done by that day, linked
    (see :func:`_join_linked`; clusters of one date are always done together), and drops
    them; feeding everything at once and finishing gives exactly what merge() gives."""

    def __init__(self) -> None:
        self.active: list[Cluster] = []  # in creation order
        self.created = 0
        self.blocking = _Blocking()

    def feed(self, events: Iterable[Event]) -> None:
        """Events in merge order: all the coarse ones before any other, then by date."""
        events = list(events)
        blocking = self.blocking
        blocking.learn(events)
        for event in events:
            bucket = year_bucket(event.date)
            key = date_key(event.date)
            if bucket is None:
                candidates: list[Cluster] = self.active  # the coarse dates come first: few
            elif has_arabic(event.text):
                candidates = [c for c in self.active if c.bucket == bucket]
                candidates += [c for c in self.active if c.bucket is None]
            else:
                found = blocking.candidates(event, key)
                candidates = sorted((c for c in found if c.bucket == bucket), key=_seq)
                candidates += sorted((c for c in found if c.bucket is None), key=_seq)
            if bucket is not None and _one_day(event.date):
                # a full scan would weigh them in creation order, whatever their bucket
                candidates = sorted(candidates, key=_seq)
            home = next(
                (c for c in candidates if _overlaps(c.date, event.date) and c.accepts(event, key)),
                None,
            )
            if home is None:
                home = Cluster(event, self.created)
                self.created += 1
                self.active.append(home)
                blocking.register(home, event)
            else:
                before = home.key
                home.add(event)
                blocking.register(home, event)
                if home.key != before:
                    blocking.rekeyed(home)

    def finish(self, before: date | None = None) -> list[Cluster]:
        """The clusters no event from ``before`` on can join (all of them without a day),
        linked, in creation order; the merger forgets them."""
        if before is None:
            done, self.active = self.active, []
        else:
            done = [c for c in self.active if c.date.end is not None and c.date.end < before]
            if not done:
                return []
            self.active = [c for c in self.active if not (c.date.end and c.date.end < before)]
        linked = _join_linked(done, self.blocking)
        # the index would keep finished clusters alive: rebuild it from those left
        self.blocking = self.blocking.renewed(self.active)
        return linked


def merge_order(event: Event) -> tuple:
    """The order :class:`Merger` takes events in."""
    return (year_bucket(event.date) is not None, event_key(event))


def merge(
    events: Iterable[Event], words: Mapping[str, frozenset[str]] | None = None
) -> list[Entry]:
    """One entry per happening, in timeline order, with conflicting dates flagged.

    Events join an entry when their dates are compatible (the same, or one within the
    other) and they tell the same happening; the entry takes the finest date.  Entries that
    tell the same happening with incompatible dates from different articles both stay, and
    each carries a conflict pointing at the other (see :func:`conflicts`).  ``words`` are
    the articles' words (:func:`article_words`, by article id) when the events no longer
    carry their full context; without them they are read off the events."""
    ordered = sorted(events, key=event_key)
    if words is None:
        words = _words_of(ordered)
    merger = Merger()
    # coarse dates first, so "January 2019" has its entry when "22 January 2019" arrives;
    # the clustering then does not depend on which of them the input lists first
    merger.feed(sorted(ordered, key=merge_order))
    clusters = merger.finish()
    clusters.sort(key=lambda c: event_key(c.first()))
    contexts = {id(e.source): e.context for e in ordered if e.context}
    return conflicts([c.entry() for c in clusters], contexts, words)


def article_words(events: Iterable[Event]) -> frozenset[str]:
    """The names and key terms of an article's dated sentences and their context: what
    tells which words most of a corpus shares (see :func:`conflicts`)."""
    found: set[str] = set()
    for event in events:
        # one-off texts: computed directly, not through (and out of) key_terms' cache
        names, terms = key_terms.__wrapped__(event.context + " " + event.source.sentence)
        found |= names | terms
    return frozenset(found)


def _words_of(events: Sequence[Event]) -> dict[str, frozenset[str]]:
    per_article: dict[str, list[Event]] = {}
    for event in events:
        per_article.setdefault(event.source.article, []).append(event)
    return {article: article_words(evs) for article, evs in per_article.items()}
