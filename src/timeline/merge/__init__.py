"""Merging per-article events into one timeline, and choosing what of it to keep.

- :mod:`.similarity`: whether two dated sentences tell the same happening, whether two
  dates can name it (``key_terms``, ``same_happening``, ``compatible``, ``is_origin``);
- :mod:`.clustering`: events into entries (``merge`` in memory; ``Merger`` a stretch of
  calendar at a time, for the spilled store);
- :mod:`.conflicts`: entries that give one happening incompatible dates;
- :mod:`.selection`: a date range, a query, per-date summaries;
- :mod:`.titles`: a title from the names most articles share.
"""

from __future__ import annotations

from .clustering import (
    Cluster,
    Merger,
    article_words,
    entry_id,
    event_key,
    merge,
    merge_order,
    year_bucket,
)
from .conflicts import conflicts, find_conflicts, generic_from_counts, generic_words
from .selection import (
    LEAD_SENTENCES,
    OPENING,
    RESOLVED_PUBLICATION,
    entry_filter,
    query_words,
    relevance,
    select,
)
from .similarity import STOP_WORDS, compatible, is_origin, key_terms, same_happening
from .titles import TitleVotes, corpus_title, title_names

__all__ = [
    "LEAD_SENTENCES",
    "OPENING",
    "RESOLVED_PUBLICATION",
    "STOP_WORDS",
    "Cluster",
    "Merger",
    "TitleVotes",
    "article_words",
    "compatible",
    "conflicts",
    "corpus_title",
    "entry_filter",
    "entry_id",
    "event_key",
    "find_conflicts",
    "generic_from_counts",
    "generic_words",
    "is_origin",
    "key_terms",
    "merge",
    "merge_order",
    "query_words",
    "relevance",
    "same_happening",
    "select",
    "title_names",
    "year_bucket",
]
