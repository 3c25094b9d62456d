"""Running the per-article stage: every article independently of every other.

``process_article`` is a pure function of one article and the config, which is what lets
the same code run serially, in a process pool (``jobs``) or from a cache of earlier runs
(``cache``), with the same results in the same order: the output never depends on how it
was computed.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from . import events as events_stage
from .config import BuildConfig
from .errors import UsageError
from .merge import LEAD_SENTENCES, OPENING
from .model import Article, ArticleResult
from .segment import sentences as split_sentences

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .cache import ResultCache


def with_language(article: Article) -> Article:
    """The article with its language filled in from its text when nobody said."""
    if article.language:
        return article
    from .language import detect

    return dataclasses.replace(article, language=detect(article.body))


def process_article(article: Article, index: int, config: BuildConfig) -> ArticleResult:
    """Sentences, temporal mentions, events and summary of one article (only the
    per-article settings of ``config`` matter: see :meth:`BuildConfig.per_article`)."""
    from .merge import article_words, is_origin
    from .summarize import length_for, summarize
    from .temporal import tag

    article = with_language(article)
    sents = split_sentences(article.body)
    mentions = tag(article.body, sents, article.published, article.language, config.day_first)
    found = events_stage.extract(
        article.id, index, sents, mentions, article.published, article.language
    )
    summary = summarize(
        sents,
        language=article.language,
        count=length_for(len(sents), config.sentences, config.ratio),
        method=config.summarizer,
    )
    words = article_words(found)
    # The merge reads an event's context only when its sentence states an origin ("since
    # its launch in 1994"); the rest would be carried to the merge for nothing, and a large
    # corpus has millions of events.
    found = [
        e if not e.context or is_origin(e.source) else dataclasses.replace(e, context="")
        for e in found
    ]
    result = ArticleResult(
        article=article,
        sentences=tuple(sents),
        mentions=tuple(mentions),
        events=tuple(found),
        summary=tuple(s.text for s in summary),
        words=words,
    )
    return result if config.keep_text else slim(result)


def undated_note(result: ArticleResult) -> str | None:
    """The warning for an article whose relative dates could not be resolved for want of
    a publication date, or None."""
    article = result.article
    if article.published is None and any(m.resolution == "unresolved" for m in result.mentions):
        return (
            f"{article.path or article.id}: no publication date, so its relative "
            "dates (yesterday, On Tuesday, ...) are left off the timeline"
        )
    return None


def slim(result: ArticleResult) -> ArticleResult:
    """What a build needs of an article's text, and no more: the opening of its body
    (OPENING characters), its lead sentences, its first unresolved mention (for the
    warning) and the names its title vote needs (timeline.merge.title_names); its events
    and summary whole.  The build then drops the body and the names too."""
    from .merge import title_names

    article = result.article
    unresolved = [m for m in result.mentions if m.resolution == "unresolved"]
    return dataclasses.replace(
        result,
        article=dataclasses.replace(article, body=article.body[:OPENING]),
        sentences=result.sentences[:LEAD_SENTENCES],
        mentions=tuple(unresolved[:1]),
        title_names=title_names(article.body),
    )


# Below this many articles a process pool costs more to start than it saves.
_POOL_MIN_ARTICLES = 16
_CHUNK = 8  # articles per task sent to a worker: fewer round trips, still balanced
_IN_FLIGHT = 4  # chunks per worker submitted ahead: workers never wait, memory stays bounded


def default_jobs() -> int:
    """The processes to use when nobody says: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


ENGINES = ("local", "dask")


def run(articles: Iterable[Article], config: BuildConfig) -> Iterator[ArticleResult]:
    """Process articles, yielding their results in input order.

    ``config.jobs`` > 1 spreads the work over that many local processes;
    ``config.engine="dask"`` hands it to Dask instead (a ``dask.bag`` over the articles), on
    the cluster whose scheduler is at ``config.scheduler`` ("tcp://host:8786") or, without
    one, on local processes.  ``config.cache`` is a folder of earlier results, keyed by the
    article's content, the per-article settings and the tool's code, so only new or changed
    articles are processed.  None of these changes a single result.

    The local engine streams: it reads ``articles`` as it goes and keeps only a few
    chunks of them in flight, so an iterator over a large archive is never held whole."""
    engine, jobs, scheduler, cache = config.engine, config.jobs, config.scheduler, config.cache
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: choose {' or '.join(ENGINES)}")
    if scheduler is not None and engine != "dask":
        raise UsageError("--scheduler is for --engine dask")
    from .cache import ResultCache

    store = ResultCache(cache, config) if cache is not None else None
    items = enumerate(articles)
    if engine == "dask":
        yield from _run_dask(items, config, store, scheduler, jobs)
        return
    if jobs <= 1:
        for index, article in items:
            hit = store.get(article) if store is not None else None
            if hit is not None:
                yield _reindexed(hit, index)
                continue
            result = process_article(article, index, config)
            if store is not None:
                store.put(article, result)
            yield result
        return
    yield from _pooled(items, config, store, jobs)


def _pooled(
    items: Iterator[tuple[int, Article]], config: BuildConfig, store: ResultCache | None, jobs: int
) -> Iterator[ArticleResult]:
    """Chunks of articles on a process pool, a bounded number in flight, results in input
    order; cached results take their place in the order without a trip to a worker.

    The pool starts once there are enough articles to process for it to pay (a rebuild
    that finds all but a few articles in the cache, or a handful of articles, is done
    here); until then the chunks wait, and are done here if their turn comes first."""
    from concurrent.futures import ProcessPoolExecutor

    window = jobs * _IN_FLIGHT
    # each slot: (future or None, the chunk's articles, results ready without the pool);
    # a slot with articles and no future is a chunk waiting for the pool
    queue: deque[tuple[Future | None, list[tuple[int, Article]], list[ArticleResult]]] = deque()
    chunk: list[tuple[int, Article]] = []
    pool: ProcessPoolExecutor | None = None
    misses = 0

    def flush() -> None:
        if chunk:
            future = pool.submit(_process_chunk, list(chunk), config) if pool else None
            queue.append((future, list(chunk), []))
            chunk.clear()

    try:
        for index, article in items:
            hit = store.get(article) if store is not None else None
            if hit is not None:
                flush()  # the chunk before it comes first
                queue.append((None, [], [_reindexed(hit, index)]))
            else:
                chunk.append((index, article))
                misses += 1
                if pool is None and misses >= _POOL_MIN_ARTICLES:
                    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_one_thread_each)
                    flush()
                    queue = deque(
                        (pool.submit(_process_chunk, c, config), c, r) if c and not f else slot
                        for slot in queue
                        for f, c, r in [slot]
                    )
                elif len(chunk) == _CHUNK:
                    flush()
            while sum(f is not None for f, _, _ in queue) >= window or len(queue) > 4 * window:
                yield from _settle(queue.popleft(), config, store)
        flush()
        while queue:
            yield from _settle(queue.popleft(), config, store)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _one_thread_each() -> None:
    """Numerical libraries use one thread in a worker: the pool already runs a process per
    core, and numpy's BLAS threads on top of it fight over the cores (on two cores,
    ``--jobs 2`` was no faster than ``--jobs 1`` until this)."""
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"  # for numpy imported from here on
    if "numpy" in sys.modules:  # imported before the fork: its threads already exist
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)


def _settle(
    slot: tuple[Future | None, list[tuple[int, Article]], list[ArticleResult]],
    config: BuildConfig,
    store: ResultCache | None,
) -> list[ArticleResult]:
    future, chunk, ready = slot
    if future is None and not chunk:
        return ready
    results = future.result() if future is not None else _process_chunk(chunk, config)
    if store is not None:
        for (_, article), result in zip(chunk, results, strict=True):
            store.put(article, result)
    return results


def _process_chunk(chunk: list[tuple[int, Article]], config: BuildConfig) -> list[ArticleResult]:
    return [process_article(article, index, config) for index, article in chunk]


def _run_dask(
    items: Iterator[tuple[int, Article]],
    config: BuildConfig,
    store: ResultCache | None,
    scheduler: str | None,
    jobs: int,
) -> Iterator[ArticleResult]:
    pending: list[tuple[int, Article]] = []
    done: dict[int, ArticleResult] = {}
    for index, article in items:
        hit = store.get(article) if store is not None else None
        if hit is not None:
            done[index] = _reindexed(hit, index)
        else:
            pending.append((index, article))
    computed = _compute_dask(pending, config, scheduler, jobs)
    inputs = dict(pending)
    for index in range(len(done) + len(pending)):
        if index in done:
            yield done.pop(index)
            continue
        result = next(computed)
        if store is not None:
            store.put(inputs.pop(index), result)
        yield result


def _compute_dask(
    pending: list[tuple[int, Article]], config: BuildConfig, scheduler: str | None, jobs: int
) -> Iterator[ArticleResult]:
    if not pending:
        return
    try:
        import dask.bag as db
    except ImportError:
        raise UsageError("--engine dask needs dask: pip install 'dask[bag]' distributed") from None
    # a bag keeps its items' order: results come back in input order
    bag = db.from_sequence(pending, partition_size=_CHUNK).map(_process_pair, config)
    if scheduler is None:
        yield from bag.compute(scheduler="processes", num_workers=max(1, jobs))
        return
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--scheduler needs dask.distributed: pip install distributed") from None
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        yield from client.compute(bag).result()


def _process_pair(pair: tuple[int, Article], config: BuildConfig) -> ArticleResult:
    index, article = pair
    return process_article(article, index, config)


def _reindexed(result: ArticleResult, index: int) -> ArticleResult:
    """A cached result at this run's position: events remember where their article came
    in the input, which adding articles to a folder can change."""
    events = tuple(dataclasses.replace(e, order=(index, e.order[1])) for e in result.events)
    return dataclasses.replace(result, events=events)
