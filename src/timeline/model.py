"""Plain data passed between the pipeline stages.

Every stage is a pure function over these dataclasses, so the per-article work can run
serially, in a process pool or on a cluster with the same code.  All of them are frozen
and hold only picklable values.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

# TimeML TIMEX3 types.
DATE = "DATE"
TIME = "TIME"
DURATION = "DURATION"
SET = "SET"

# Granularities, coarsest first.  The order matters: at the same start day the coarser
# date sorts first on the timeline ("2019" before "January 2019" before "22 January 2019").
GRANULARITIES: tuple[str, ...] = (
    "century",
    "decade",
    "year",
    "half",
    "quarter",
    "season",
    "month",
    "week",
    "day",
    "part-of-day",
    "hour",
    "minute",
    "second",
)
GRANULARITY_RANK = {name: rank for rank, name in enumerate(GRANULARITIES)}

# How a mention got its value.
RESOLVED_ABSOLUTE = "absolute"  # the text says it all ("22 January 2019", "in 1994")
RESOLVED_DCT = "relative-to-publication"  # "yesterday", "On Tuesday", "last month"
RESOLVED_ANAPHORIC = "relative-to-text"  # "the next day", "three years later": the last date told
RESOLVED_UNRESOLVED = "unresolved"  # relative, but the article has no known date
RESOLVED_NONE = "not-a-date"  # durations, sets, generic references ("today requires")


@dataclass(frozen=True)
class TimeValue:
    """A normalised temporal value: the TIMEX3 value plus the concrete days it covers.

    ``value`` is the TimeML value ("1994", "2019-01", "2019-01-22", "P25Y", "XXXX-WXX-2",
    "PRESENT_REF").  ``start``/``end`` are the first and last day covered (inclusive) when
    the value denotes a definite stretch of calendar, else None.  A year stays a year:
    "in 1994" is value "1994", granularity "year", 1994-01-01..1994-12-31, and is never
    printed as a day.
    """

    value: str
    type: str = DATE
    granularity: str | None = None
    start: date | None = None
    end: date | None = None
    mod: str | None = None

    @property
    def is_calendar(self) -> bool:
        """True when the value pins down days on the calendar (it can go on a timeline)."""
        return self.type in (DATE, TIME) and self.start is not None and self.end is not None

    @property
    def sort_key(self) -> tuple:
        rank = GRANULARITY_RANK.get(self.granularity or "", len(GRANULARITIES))
        return (self.start or date.max, rank, self.value)


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article body, with character offsets into that body."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One temporal expression found in an article body."""

    text: str
    start: int  # character offset into the article body
    end: int
    sentence: int  # index of the sentence holding it
    time: TimeValue
    resolution: str = RESOLVED_ABSOLUTE
    rule: str = ""  # the grammar rule that spotted it, for debugging and `timeline dates`

    @property
    def type(self) -> str:
        return self.time.type

    @property
    def value(self) -> str:
        return self.time.value


@dataclass(frozen=True)
class Article:
    """One news article: its body text, exactly as read, and what is known about it."""

    id: str
    body: str
    path: str = ""  # the path or URL as the user gave it
    title: str = ""
    source: str = ""  # the outlet
    url: str = ""
    published: date | None = None
    language: str = ""  # ISO 639-1; "" = unknown: the pipeline detects it from the text
    title_derived: bool = False  # True when the tool made the title up from the text

    @staticmethod
    def make_id(body: str) -> str:
        """A stable id from the content, so the same text always gets the same id."""
        return "a" + hashlib.sha1(body.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class SourceRef:
    """Where an event was read: the article, its sentence and the temporal expression."""

    article: str  # Article.id
    sentence: str  # the sentence text
    sentence_index: int
    sentence_start: int
    sentence_end: int
    expression: str  # the temporal expression's text
    start: int  # offsets of the expression in the article body
    end: int
    resolution: str = RESOLVED_ABSOLUTE


@dataclass(frozen=True)
class Event:
    """A dated statement from one article: a sentence anchored to a calendar date."""

    date: TimeValue
    headline: str
    text: str
    source: SourceRef
    order: tuple[int, int] = (0, 0)  # (article position in input, offset): input order
    planned: bool = False  # a happening still ahead when the article was written
    attribution: str = ""  # who says so: "Bourita said", "according to the ministry"
    # the article's opening two sentences and the sentence before (never the sentence
    # itself): what the story is about, and what "this relationship" may refer back to
    context: str = ""


@dataclass(frozen=True)
class Conflict:
    """Another entry that tells the same happening with an incompatible date.

    The merge fills every field but ``note``: the other entry's id, its date and where that
    date was read.  ``note`` is the sentence a reader sees; when it is empty the renderer
    writes it from the rest ("Daily Morocco dates this to 1995 (…); … gives 1994.").
    """

    entry: str = ""  # the other entry's id
    date: TimeValue | None = None  # the other entry's date
    article: str = ""  # Article.id of the source that gives it
    expression: str = ""
    sentence: str = ""
    note: str = ""


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: an event as reported by one or more articles."""

    id: str
    date: TimeValue
    headline: str
    text: str
    sources: tuple[SourceRef, ...]
    conflicts: tuple[Conflict, ...] = ()
    planned: bool = False  # every source tells it as still to come


@dataclass(frozen=True)
class ArticleResult:
    """Everything the per-article stage produces; the merge needs only this."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    summary: tuple[str, ...]
    # the names and key terms of its dated sentences and their context, which tell the
    # merge what most of a corpus talks about (timeline.merge.article_words)
    words: frozenset[str] = frozenset()
    # set by timeline.engine.slim only: the capitalised words of the body that vote for the
    # corpus title ((word, as first written, count); timeline.merge.title_names)
    title_names: tuple[tuple[str, str, int], ...] = ()


@dataclass(frozen=True)
class Timeline:
    """A built timeline.  ``entries`` are a tuple in memory, or read back from disk for a
    corpus too large to hold (:class:`timeline.store.SpilledEntries`): a Sequence either
    way."""

    title: str
    entries: Sequence[Entry]
    articles: tuple[ArticleResult, ...]
    warnings: tuple[str, ...] = field(default=())

    @property
    def start(self) -> date | None:
        days = [e.date.start for e in self.entries if e.date.start]
        return min(days) if days else None

    @property
    def end(self) -> date | None:
        days = [e.date.end for e in self.entries if e.date.end]
        return max(days) if days else None


def bounds(entries: Iterable[Entry]) -> tuple[Entry | None, Entry | None]:
    """The dated entry that starts the timeline and the one that ends it (None, None when
    no entry has a first and last day), in one pass.

    The first starts earliest (of two starting on the same day, the coarser one, as the
    timeline sorts them); the last ends latest (of two ending on the same day, the one
    whose precision ranks coarser, so "2019" ends a timeline rather than "31 December
    2019").  Ties go to the entry met first.
    """
    first: Entry | None = None
    last: Entry | None = None
    for entry in entries:
        tv = entry.date
        if not (tv.start and tv.end):
            continue
        if first is None or tv.sort_key < first.date.sort_key:
            first = entry
        if last is None or (tv.end, -tv.sort_key[1]) > (last.date.end, -last.date.sort_key[1]):
            last = entry
    return first, last
