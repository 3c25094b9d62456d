"""Merging per-article events into one chronological timeline.

Events on the same date that describe the same happening (they share names or enough key
terms) become one entry citing every source.  The order is chronological by the first day
covered; at the same first day the coarser date comes first ("2019" before "January 2019"
before "22 January 2019"); remaining ties keep the input order.  The result depends only
on the events, never on the order they arrive in: they are sorted before anything else.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .model import Entry, Event, TimeValue

# Function words and calendar words that say nothing about which happening a sentence tells.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our out over own
    said same says she should so some such than that the their theirs them then there these
    they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yesterday today tomorrow monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december week month year day last next according""".split()
)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_NAMES_TO_MERGE = 2  # shared proper names that make two same-day sentences one happening
_OVERLAP_TO_MERGE = 0.34  # or this share of the shorter sentence's key terms


@lru_cache(maxsize=65536)  # each sentence is compared with many others on its date
def key_terms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(names, terms) of a sentence: capitalised words not opening it, and content words."""
    names: set[str] = set()
    terms: set[str] = set()
    for i, m in enumerate(_TOKEN.finditer(text)):
        word = m.group().replace("’", "'")
        low = word.lower().removesuffix("'s")
        if low in STOP_WORDS or len(low) < 3:
            continue
        terms.add(low[:-1] if low.endswith("s") and len(low) > 4 else low)
        if word[0].isupper() and i > 0:
            names.add(low)
    return frozenset(names), frozenset(terms)


def same_happening(a: Event, b: Event) -> bool:
    names_a, terms_a = key_terms(a.text)
    names_b, terms_b = key_terms(b.text)
    if len(names_a & names_b) >= _NAMES_TO_MERGE:
        return True
    shorter = min(len(terms_a), len(terms_b))
    return shorter > 0 and len(terms_a & terms_b) / shorter >= _OVERLAP_TO_MERGE


def _date_key(tv: TimeValue) -> tuple:
    return (tv.value, tv.type, tv.granularity, tv.start, tv.end, tv.mod)


def _entry_id(date: TimeValue, events: Sequence[Event]) -> str:
    parts = [
        date.value,
        *sorted(f"{e.source.article}:{e.source.start}:{e.source.end}" for e in events),
    ]
    return "e" + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:10]


def _event_key(event: Event) -> tuple:
    return (*event.date.sort_key, event.order, event.source.article, event.text)


def merge(events: Iterable[Event]) -> list[Entry]:
    """One entry per happening, in timeline order."""
    by_date: dict[tuple, list[list[Event]]] = {}
    clusters: list[list[Event]] = []  # in order of their first event: the timeline order
    for event in sorted(events, key=_event_key):
        same_date = by_date.setdefault(_date_key(event.date), [])
        for cluster in same_date:
            if any(same_happening(event, other) for other in cluster):
                cluster.append(event)
                break
        else:
            same_date.append([event])
            clusters.append(same_date[-1])
    return [
        Entry(
            id=_entry_id(cluster[0].date, cluster),
            date=cluster[0].date,
            headline=cluster[0].headline,
            text=cluster[0].text,
            sources=tuple(e.source for e in cluster),
        )
        for cluster in clusters
    ]


def corpus_title(texts: Sequence[str], limit: int = 3) -> str:
    """A title for a timeline with none: the names most of its articles share."""
    df: Counter[str] = Counter()
    total: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for text in texts:
        seen = set()
        for i, m in enumerate(_TOKEN.finditer(text)):
            word = m.group().replace("’", "'").removesuffix("'s")
            low = word.lower()
            if i == 0 or not word[0].isupper() or low in STOP_WORDS or len(low) < 3:
                continue
            total[low] += 1
            if low not in seen:
                seen.add(low)
                shown.setdefault(low, word)
        df.update(seen)
    need = max(1, (len(texts) + 1) // 2)
    top = [
        w for w, n in sorted(df.items(), key=lambda kv: (-kv[1], -total[kv[0]], kv[0])) if n >= need
    ]
    return "Timeline: " + ", ".join(shown[w] for w in top[:limit]) if top else "Timeline"
