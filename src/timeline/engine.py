"""Running the per-article stage: every article independently of every other.

``process_article`` is a pure function of one article and the options, which is what lets
the same code run serially here and, later, in a process pool or on a cluster.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import events as events_stage
from .model import Article, ArticleResult
from .segment import sentences as split_sentences


@dataclass(frozen=True)
class Options:
    """What the per-article stage needs to know besides the article."""

    summarizer: str = "news"
    sentences: int = 3  # summary length
    ratio: float | None = None  # or this share of the article's sentences
    day_first: bool = True  # 03/04/2019 is 3 April


def with_language(article: Article) -> Article:
    """The article with its language filled in from its text when nobody said."""
    if article.language:
        return article
    from .language import detect

    return dataclasses.replace(article, language=detect(article.body))


def process_article(article: Article, index: int, options: Options) -> ArticleResult:
    """Sentences, temporal mentions, events and summary of one article."""
    from .summarize import length_for, summarize
    from .temporal import tag

    article = with_language(article)
    sents = split_sentences(article.body)
    mentions = tag(article.body, sents, article.published, article.language, options.day_first)
    found = events_stage.extract(
        article.id, index, sents, mentions, article.published, article.language
    )
    summary = summarize(
        sents,
        language=article.language,
        count=length_for(len(sents), options.sentences, options.ratio),
        method=options.summarizer,
    )
    return ArticleResult(
        article=article,
        sentences=tuple(sents),
        mentions=tuple(mentions),
        events=tuple(found),
        summary=tuple(s.text for s in summary),
    )


def run(articles: Iterable[Article], options: Options) -> Iterator[ArticleResult]:
    """Process articles one after the other, in input order."""
    for index, article in enumerate(articles):
        yield process_article(article, index, options)
