"""What to keep of a large timeline: a date range, a query, and per-date summaries of the
days the corpus refers to most (the settings are :class:`timeline.config.BuildConfig`'s)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..model import ArticleResult, Entry, Event, SourceRef, TimeValue
from .clustering import entry_id
from .similarity import key_terms, overlap

if TYPE_CHECKING:
    from ..config import BuildConfig

RESOLVED_PUBLICATION = "publication-date"
"""How a sentence with no date of its own is dated in a per-date summary: by its article's
publication day (news leads tell what happened that day)."""


_QUERY_TOKEN = re.compile(r"\w+", re.UNICODE)
LEAD_SENTENCES = 5  # of an article: the ones that tell what happened on its publication day
OPENING = 2000  # characters of an article that tell what it is about
_PUBLISHED_WEIGHT = 0.25  # an article published on a day, against one referring to it
_OFF_QUERY_WEIGHT = 0.25  # a reference from a sentence that is not about the query
_REDUNDANT = 0.5  # key-term overlap above which a sentence repeats one already chosen


def query_words(query: Sequence[str]) -> tuple[str, ...]:
    """The words of a query, lower case, once each, sorted."""
    words = {w.lower() for q in query for w in _QUERY_TOKEN.findall(q)}
    return tuple(sorted(words))


def relevance(text: str, words: Sequence[str]) -> float:
    """The share of the query's words the text holds (prefixes: "flu" finds "flu's")."""
    if not words:
        return 1.0
    tokens = [t.lower() for t in _QUERY_TOKEN.findall(text)]
    return sum(any(t.startswith(w) for t in tokens) for w in words) / len(words)


def _in_range(tv: TimeValue, config: BuildConfig) -> bool:
    if tv.start is None or tv.end is None:
        return config.since is None and config.until is None
    if config.since is not None and tv.end < config.since:
        return False
    return config.until is None or tv.start <= config.until


def select(
    entries: Sequence[Entry],
    results: Sequence[ArticleResult],
    config: BuildConfig,
    about: Mapping[str, float] | None = None,
) -> list[Entry]:
    """The entries ``config`` selects (its ``query``, ``since``, ``until``, ``max_dates``
    and ``per_date``: see :class:`timeline.config.BuildConfig`).  ``about`` gives
    how much each article's opening is about the query, by article id, when the results
    no longer hold their bodies."""
    if not config.selecting:
        return list(entries)
    words = query_words(config.query)
    if not config.summarising:
        keep = entry_filter(config)
        return [e for e in entries if keep(e)]
    return _summarise_dates(results, config, words, about)


def entry_filter(config: BuildConfig) -> Callable[[Entry], bool]:
    """Whether an entry stays under a selection that does not summarise: in its range,
    and about its query."""
    words = query_words(config.query)

    def keep(entry: Entry) -> bool:
        return _in_range(entry.date, config) and (
            not words or any(relevance(s.sentence, words) > 0 for s in entry.sources)
        )

    return keep


def _summarise_dates(
    results: Sequence[ArticleResult],
    config: BuildConfig,
    words: Sequence[str],
    about_map: Mapping[str, float] | None = None,
) -> list[Entry]:
    """Rank the days by how much the corpus refers to them and summarise the best."""
    # candidate sentences per day: (sentence text, ref, headline, relevance)
    pool: dict[date, dict[tuple[str, int], tuple[str, SourceRef, str, float]]] = {}
    score: Counter[date] = Counter()
    for result in sorted(results, key=lambda r: r.article.id):
        referred: dict[date, float] = {}
        for event in result.events:
            tv = event.date
            if tv.granularity != "day" or tv.start is None or not _in_range(tv, config):
                continue
            rel = relevance(event.text, words)
            weight = 1.0 if rel > 0 else _OFF_QUERY_WEIGHT
            referred[tv.start] = max(referred.get(tv.start, 0.0), weight)
            key = (event.source.article, event.source.sentence_index)
            pool.setdefault(tv.start, {}).setdefault(
                key, (event.text, event.source, event.headline, rel)
            )
        for day_, weight in referred.items():
            score[day_] += weight
        published = result.article.published
        if published is None or not _in_range(
            TimeValue("", start=published, end=published), config
        ):
            continue
        about = (
            about_map[result.article.id]
            if about_map is not None and result.article.id in about_map
            else relevance(result.article.body[:OPENING], words)
        )
        if words and about == 0:
            continue
        score[published] += _PUBLISHED_WEIGHT
        dated = {e.source.sentence_index for e in result.events}
        for sent in result.sentences[:LEAD_SENTENCES]:
            if sent.index in dated or len(sent.text.split()) < 6:
                continue
            ref = SourceRef(
                article=result.article.id,
                sentence=sent.text,
                sentence_index=sent.index,
                sentence_start=sent.start,
                sentence_end=sent.end,
                expression="",
                start=sent.start,
                end=sent.start,
                resolution=RESOLVED_PUBLICATION,
            )
            pool.setdefault(published, {}).setdefault(
                (result.article.id, sent.index),
                (sent.text, ref, "", relevance(sent.text, words)),
            )
    days = sorted(score, key=lambda d: (-score[d], d))
    if config.max_dates is not None:
        days = days[: config.max_dates]
    per_date = config.per_date or 1
    entries = []
    for day_ in sorted(days):
        chosen = _pick_sentences(list(pool.get(day_, {}).values()), per_date)
        if not chosen:
            continue
        tv = TimeValue(day_.isoformat(), granularity="day", start=day_, end=day_)
        refs = [ref for _, ref, _, _ in chosen]
        headline = next((h for _, _, h, _ in chosen if h), chosen[0][0])
        entries.append(
            Entry(
                id=entry_id(tv, [Event(tv, "", "", ref) for ref in refs]),
                date=tv,
                headline=headline,
                text=" ".join(text.strip() for text, _, _, _ in chosen),
                sources=tuple(refs),
            )
        )
    return entries


def _pick_sentences(
    candidates: list[tuple[str, SourceRef, str, float]], k: int
) -> list[tuple[str, SourceRef, str, float]]:
    """``k`` sentences that tell the day: central among the day's candidates (they share
    its most repeated terms), about the query, and not repeating one another."""
    if any(c[3] > 0 for c in candidates):  # the query's own sentences, when the day has any
        candidates = [c for c in candidates if c[3] > 0]
    if not candidates:
        return []
    terms = [key_terms(text)[1] for text, *_ in candidates]
    df = Counter(t for ts in terms for t in ts)
    n = len(candidates)

    def centrality(i: int) -> float:
        ts = terms[i]
        if not ts:
            return 0.0
        return sum(df[t] - 1 for t in ts) / (len(ts) ** 0.5) / max(1, n - 1)

    ranked = sorted(
        range(n),
        key=lambda i: (
            -(centrality(i) + 0.5 * candidates[i][3]),
            candidates[i][1].article,
            candidates[i][1].sentence_index,
        ),
    )
    chosen: list[int] = []
    for i in ranked:
        if any(overlap(terms[i], terms[j]) > _REDUNDANT for j in chosen):
            continue
        chosen.append(i)
        if len(chosen) == k:
            break
    # the sentences read in the order the articles tell them
    return [
        candidates[i]
        for i in sorted(
            chosen, key=lambda i: (candidates[i][1].article, candidates[i][1].sentence_index)
        )
    ]
