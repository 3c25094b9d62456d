"""Conflicting dates: entries that tell the same happening with incompatible dates, from
different articles ("1994" in one outlet, "1995" in another).

Two kinds of pair are weighed: day entries a few days apart where at least one date was
worked out from the publication date or the text (where "yesterday" goes astray), and
month or year entries that both state when something began.  Candidates stream through a
window of days, so entries read back from disk in timeline order need no more memory than
a few days of them.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta

from ..model import RESOLVED_ANAPHORIC, RESOLVED_DCT, Conflict, Entry
from .similarity import ORIGIN_WORDS, compatible, is_origin, key_terms

_CONFLICT_GAP = {"day": 3, "month": 62, "year": 731}  # days between the dates


def _told_alike(a: Entry, b: Entry, contexts: Mapping[int, str], generic: frozenset[str]) -> bool:
    """Whether two entries tell the same happening although their dates differ.

    Either the same report (three shared names, most key terms of both shared) where at least one
    date was worked out from the publication date or the text, which is where an outlet's
    "yesterday" or "on Tuesday" goes a day astray; or two statements of when something
    began (year or month) that share a name and, with their articles' openings and the
    sentence before, most of their vocabulary.  Words most of a large corpus uses (its
    topic) do not count."""
    ra, rb = a.sources[0], b.sources[0]
    # the cheap tests first: most pairs of a large corpus fail them
    if a.date.granularity == "day":
        if not {ra.resolution, rb.resolution} & {RESOLVED_DCT, RESOLVED_ANAPHORIC}:
            return False
    elif not (is_origin(ra) and is_origin(rb)):
        return False
    names_a, terms_a = key_terms(ra.sentence)
    names_b, terms_b = key_terms(rb.sentence)
    names_a, names_b, terms_a, terms_b = (
        names_a - generic,
        names_b - generic,
        terms_a - generic,
        terms_b - generic,
    )
    if a.date.granularity == "day":
        longer = max(len(terms_a), len(terms_b))
        shared = len(terms_a & terms_b) / longer if longer else 0.0
        # most of BOTH sentences: a short quote-opening sentence is not the same report
        return len(names_a & names_b) >= 3 and shared >= 0.6
    if not names_a & names_b - ORIGIN_WORDS:
        return False
    wide_a = key_terms(contexts.get(id(ra), "") + " " + ra.sentence)
    wide_b = key_terms(contexts.get(id(rb), "") + " " + rb.sentence)
    return len(((wide_a[0] | wide_a[1]) & (wide_b[0] | wide_b[1])) - generic) >= 4


_GENERIC_SHARE = 0.3  # of the articles: a word this common is the corpus's topic
_GENERIC_MIN_ARTICLES = 20  # below this the common words are the story itself, not noise


def generic_words(words: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The words of at least a share of the articles that have dated sentences."""
    per_article = [w for w in words.values() if w]
    return generic_from_counts(Counter(w for found in per_article for w in found), len(per_article))


def generic_from_counts(df: Counter[str], articles: int) -> frozenset[str]:
    """The topic words of a corpus: those ``df`` (articles using each word) finds in at
    least a share of its ``articles`` with dated sentences; none for a small corpus."""
    if articles < _GENERIC_MIN_ARTICLES:
        return frozenset()
    need = _GENERIC_SHARE * articles
    return frozenset(word for word, n in df.items() if n >= need)


def conflicts(
    entries: Sequence[Entry],
    contexts: Mapping[int, str] | None = None,
    words: Mapping[str, frozenset[str]] | None = None,
) -> list[Entry]:
    """The entries, each carrying a conflict for every other entry that tells the same
    happening with an incompatible date of the same precision, close to its own, from
    other articles ("1994" in one outlet, "1995" in another).  ``contexts`` holds the
    context of each source (by ``id``) that states an origin; ``words`` each article's
    words (:func:`timeline.merge.article_words`), else they are read off the entries'
    sources."""
    contexts = contexts or {}
    if words is None:
        words = _entry_words(entries, contexts)
    by_start = sorted((e for e in entries if e.date.start), key=lambda e: (e.date.start, e.id))
    found = find_conflicts(by_start, contexts, generic_words(words))
    if not found:
        return list(entries)
    return [
        dataclasses.replace(e, conflicts=e.conflicts + found[e.id]) if e.id in found else e
        for e in entries
    ]


def find_conflicts(
    entries: Iterable[Entry], contexts: Mapping[int, str], generic: frozenset[str]
) -> dict[str, tuple[Conflict, ...]]:
    """The conflicts of each entry that has some, by entry id, in date order.

    ``entries`` come in order of their first day (a timeline's order will do) and are read
    once: day entries are weighed against the few days before them as they pass, while
    statements of when something began (months, years) are few and wait for the end.
    ``contexts`` and ``generic`` are as :func:`conflicts` works them out."""
    origins: list[Entry] = []

    def days() -> Iterator[Entry]:
        for entry in entries:
            tv = entry.date
            if tv.start is None or tv.granularity not in _CONFLICT_GAP:
                continue
            if tv.granularity == "day":
                yield entry
            elif is_origin(entry.sources[0]):
                origins.append(entry)

    pairs = list(_day_pairs(days(), generic))  # read through: the origins are all in now
    origins.sort(key=lambda e: (e.date.start, e.id))
    found: dict[str, list[tuple[tuple, Conflict]]] = {}
    for a, b in itertools.chain(pairs, _origin_pairs(origins)):
        if _disagree(a, b, contexts, generic):
            found.setdefault(a.id, []).append(((b.date.start, b.id), _conflict(b)))
            found.setdefault(b.id, []).append(((a.date.start, a.id), _conflict(a)))
    return {
        entry_id: tuple(conflict for _, conflict in sorted(partners, key=lambda p: p[0]))
        for entry_id, partners in found.items()
    }


def _day_pairs(days: Iterable[Entry], generic: frozenset[str]) -> Iterator[tuple[Entry, Entry]]:
    """Pairs of day entries (earlier first) a few days apart that may be one report dated
    differently: at least one date worked out from the text, three names in common.
    ``days`` come in order of their day; only the last few days are kept (a window), so
    entries read back from disk (timeline.store) stream through."""
    relative = {RESOLVED_DCT, RESOLVED_ANAPHORIC}
    gap = _CONFLICT_GAP["day"]
    # day -> (its entries, name -> their positions)
    window: dict[date, tuple[list[Entry], dict[str, list[int]]]] = {}
    for entry in days:
        day = entry.date.start
        for old in [d for d in window if (day - d).days > gap]:
            del window[old]
        names = key_terms(entry.sources[0].sentence)[0] - generic
        if len(names) >= 3:  # both need three: the earlier one's are counted here
            shared: Counter[tuple[date, int]] = Counter()
            for step in range(1, gap + 1):
                then = day - timedelta(days=step)
                earlier = window.get(then)
                if earlier is not None:
                    for name in names:
                        shared.update((then, i) for i in earlier[1].get(name, ()))
            for (then, i), n in sorted(shared.items()):
                other = window[then][0][i]
                if n >= 3 and {other.sources[0].resolution, entry.sources[0].resolution} & relative:
                    yield other, entry
        listed, index = window.setdefault(day, ([], {}))
        for name in names:
            index.setdefault(name, []).append(len(listed))
        listed.append(entry)


def _disagree(a: Entry, b: Entry, contexts: Mapping[int, str], generic: frozenset[str]) -> bool:
    """Whether a candidate pair conflicts: incompatible dates, no article in common, and
    the same happening told (see :func:`_told_alike`)."""
    if compatible(a.date, b.date):
        return False
    if {s.article for s in a.sources} & {s.article for s in b.sources}:
        return False
    return _told_alike(a, b, contexts, generic)


def _origin_pairs(coarse: list[Entry]) -> Iterator[tuple[Entry, Entry]]:
    """Pairs of month or year entries (earlier first) of one precision, close together,
    that both state when something began."""
    origins = coarse
    for i, a in enumerate(origins):
        gap = _CONFLICT_GAP[a.date.granularity]
        for b in origins[i + 1 :]:
            if (b.date.start - a.date.end).days > gap:
                break
            if b.date.granularity == a.date.granularity:
                yield a, b


def _entry_words(entries: Sequence[Entry], contexts: dict) -> dict[str, frozenset[str]]:
    per_article: dict[str, set[str]] = {}
    for entry in entries:
        for ref in entry.sources:
            names, terms = key_terms(contexts.get(id(ref), "") + " " + ref.sentence)
            per_article.setdefault(ref.article, set()).update(names | terms)
    return {article: frozenset(found) for article, found in per_article.items()}


def _conflict(other: Entry) -> Conflict:
    ref = other.sources[0]
    return Conflict(
        entry=other.id,
        date=other.date,
        article=ref.article,
        expression=ref.expression,
        sentence=ref.sentence,
    )
