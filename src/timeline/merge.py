"""Merging per-article events into one chronological timeline.

Events on the same date that describe the same happening (they share names or enough key
terms) become one entry citing every source.  The order is chronological by the first day
covered; at the same first day the coarser date comes first ("2019" before "January 2019"
before "22 January 2019"); remaining ties keep the input order.  The result depends only
on the events, never on the order they arrive in: they are sorted before anything else.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache

from .language import ELISION
from .model import (
    RESOLVED_ANAPHORIC,
    RESOLVED_DCT,
    ArticleResult,
    Conflict,
    Entry,
    Event,
    SourceRef,
    TimeValue,
)

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
# French, Spanish and other languages' function words ("les", "des", "pour", "los", "del")
# would otherwise pass as key terms and make unrelated sentences look alike.
_FOREIGN_STOP_WORDS = frozenset(
    """les des une pour dans par sur avec aux ces cette ont été sont leur mais selon lors
    entre sans sous chez elle ils elles qui que est pas plus comme après avant depuis aussi
    hier demain aujourd'hui mardi lundi mercredi jeudi vendredi samedi dimanche janvier
    février mars avril mai juin juillet août septembre octobre novembre décembre semaine
    mois année ans los las del una con por para sus como pero fue han está este esta según
    también sobre desde hasta ayer hoy mañana martes lunes miércoles jueves viernes sábado
    domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
    diciembre semana año años der die das und den dem des ein eine nicht mit von auf für""".split()
)
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
# Names written in Latin and in Arabic script are matched by their consonants: "Bourita"
# and "بوريطة" both give BRT, "Alvargonzalez" and "ألفارغونزاليز" LFRKNSLS.  Vowels, and
# the letters that mostly write vowels (w, y; و, ي, ا), are left out; sounds one script
# tells apart and the other does not share a class (v/f, z/s, g/k/q, ...).
_LATIN_CLASSES = (
    ("sch", "S"),
    ("sh", "S"),
    ("ch", "S"),
    ("th", "T"),
    ("kh", "K"),
    ("gh", "K"),
    ("ph", "F"),
    ("dh", "D"),
    ("ou", ""),
    ("x", "KS"),
)
_LATIN_LETTERS = str.maketrans("bcdfghjklmnpqrstvz", "BKDFKHJKLMNBKRSTFS", "aeiouyw'-")
_ARABIC_LETTERS = str.maketrans(
    {
        "ب": "B", "ت": "T", "ث": "T", "ج": "J", "ح": "H", "خ": "K", "د": "D", "ذ": "D",
        "ر": "R", "ز": "S", "س": "S", "ش": "S", "ص": "S", "ض": "D", "ط": "T", "ظ": "D",
        "غ": "K", "ف": "F", "ق": "K", "ك": "K", "ل": "L", "م": "M", "ن": "N", "ه": "H",
        "ة": None, "ا": None, "أ": None, "إ": None, "آ": None, "ء": None, "ؤ": None,
        "ئ": None, "ى": None, "و": None, "ي": None, "ع": None, "ـ": None,
        "\u064b": None, "\u064c": None, "\u064d": None, "\u064e": None, "\u064f": None,
        "\u0650": None, "\u0651": None, "\u0652": None,
    }
)  # fmt: skip
_ARABIC_CLITICS = re.compile(r"^(?:[وفبلك]?ال|[وف]?[بل]ل|[وفب](?=ال))")
_SKELETON_MIN = 3  # consonants: shorter skeletons ("NT", "LD") match too much by chance
# International bodies go by different initials in each language: one name for each.
_BODIES = {
    "NATO": ("nato", "otan", "الناتو", "ناتو", "حلف شمال الأطلسي", "north atlantic treaty"),
    "UN": ("onu", "الأمم المتحدة", "united nations", "nations unies", "naciones unidas"),
    "EU": ("ue", "الاتحاد الأوروبي", "european union", "union européenne", "unión europea"),
    "WHO": ("oms", "منظمة الصحة العالمية", "world health organization"),
    "IMF": ("fmi", "صندوق النقد الدولي", "international monetary fund"),
    "AU": ("الاتحاد الأفريقي", "الاتحاد الإفريقي", "african union", "union africaine"),
}
_BODY_WORDS = {  # one-word initials: matched as whole words, in capitals
    alias: body
    for body, aliases in _BODIES.items()
    for alias in aliases
    if " " not in alias and not _ARABIC_LETTER.search(alias)
}
_BODY_PHRASES = tuple(
    (alias, body)
    for body, aliases in _BODIES.items()
    for alias in aliases
    if " " in alias or _ARABIC_LETTER.search(alias)
)
_WORDS = re.compile(r"\w+")


def _bodies(text: str) -> set[str]:
    """The international bodies a text names, whatever the language ("OTAN" is NATO);
    initials count only in capitals ("ue" is a word in some languages)."""
    found = set()
    for word in _WORDS.findall(text):
        body = _BODY_WORDS.get(word.lower())
        if body is not None and word.isupper():
            found.add("~=" + body)
    lowered = text.lower()
    for alias, body in _BODY_PHRASES:
        if alias in lowered:
            found.add("~=" + body)
    return found


@lru_cache(maxsize=65536)  # the same names come back sentence after sentence
def _skeleton(word: str) -> str:
    """The consonant skeleton of a name in Latin or Arabic script ("" when too short)."""
    if _ARABIC_LETTER.search(word):
        bare = _ARABIC_CLITICS.sub("", word)
        skel = bare.translate(_ARABIC_LETTERS)
    else:
        low = unicodedata.normalize("NFKD", word.lower())
        low = "".join(c for c in low if not unicodedata.combining(c))
        for pair, cls in _LATIN_CLASSES:
            low = low.replace(pair, cls.lower() if cls else "")
        skel = low.translate(_LATIN_LETTERS).upper()
    skel = re.sub(r"(.)\1+", r"\1", re.sub(r"[^A-Z]", "", skel))
    return skel if len(skel) >= _SKELETON_MIN else ""


_NAMES_TO_MERGE = 2  # shared proper names that make two same-day sentences one happening
_OVERLAP_TO_MERGE = 0.34  # or this share of the shorter sentence's key terms


@lru_cache(maxsize=65536)  # each sentence is compared with many others on its date
def key_terms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(names, terms) of a sentence: capitalised words not opening it, and content words."""
    names: set[str] = set()
    terms: set[str] = set()
    run: list[str] = []  # capitalised words in a row: "North Atlantic Treaty Organization"
    last_end = -1
    for i, m in enumerate(_TOKEN.finditer(text)):
        info = _word(m.group())
        if info is None:
            continue
        word, low, capital, initials, term, arabic, skeleton = info
        if capital and run and not text[last_end : m.start()].strip():
            run.append(word)
        else:
            _acronym(run, names, terms)
            run = [word] if capital else []
        if word.endswith("'s"):  # "NATO's Mediterranean Dialogue": two names
            _acronym(run, names, terms)
            run = []
        last_end = m.end()
        if initials:  # "WHO", "NATO": names even when a word too
            names.add(low)
            terms.add(low)
            continue
        if term is None:
            continue
        terms.add(term)
        if (word[0].isupper() and i > 0) or arabic:
            # Arabic has no capitals: each of its words may be a name, but only for
            # matching names across scripts (see same_happening)
            if not arabic:
                names.add(low)
            if skeleton:
                names.add("~" + skeleton)
    _acronym(run, names, terms)
    names |= _bodies(text)
    return frozenset(names), frozenset(terms)


@lru_cache(maxsize=1 << 17)  # a corpus's words repeat: each is looked at once
def _word(token: str) -> tuple[str, str, bool, bool, str | None, bool, str] | None:
    """What key_terms needs of one token, whatever its place: (the word, lower case,
    capitalised, initials, its key term or None, Arabic, consonant skeleton)."""
    word = ELISION.sub("", token).replace("’", "'")  # "l'OTAN" is "OTAN"
    if not word:
        return None
    low = word.lower().removesuffix("'s")
    capital = word[0].isupper() and not word.isupper()
    initials = word.isupper() and len(word) >= 3
    if initials or low in STOP_WORDS or low in _FOREIGN_STOP_WORDS or len(low) < 3:
        return word, low, capital, initials, None, False, ""
    term = low[:-1] if low.endswith("s") and len(low) > 4 else low
    arabic = bool(_ARABIC_LETTER.match(word))
    return word, low, capital, initials, term, arabic, _skeleton(low)


@lru_cache(maxsize=65536)  # names of one sentence are split again and again in a merge
def _plain(names: frozenset[str]) -> frozenset[str]:
    """Names as written, without the cross-script skeletons."""
    return frozenset(n for n in names if not n.startswith("~"))


@lru_cache(maxsize=65536)
def _skeletons(names: frozenset[str]) -> frozenset[str]:
    return frozenset(n for n in names if n.startswith("~"))


def _acronym(run: list[str], names: set[str], terms: set[str]) -> None:
    """A name of three or more capitalised words also counts as its initials, as outlets
    write it either way ("North Atlantic Treaty Organization", "NATO")."""
    if len(run) >= 3:
        initials = "".join(w[0] for w in run).lower()
        names.add(initials)
        terms.add(initials)


@lru_cache(maxsize=65536)
def _arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


def same_happening(a: Event, b: Event) -> bool:
    """Whether two events on one date tell the same happening: they share names, or enough
    key terms; across scripts (an Arabic and an English report) names are compared by
    their consonant skeletons."""
    names_a, terms_a = key_terms(a.text)
    names_b, terms_b = key_terms(b.text)
    same_sounds = len(_skeletons(names_a) & _skeletons(names_b)) >= _NAMES_TO_MERGE
    if _arabic(a.text) != _arabic(b.text):
        return same_sounds or _same_origin_across_scripts(a, b)
    # names spelt the same, or alike in another language or transcription ("Mediterranean
    # Dialogue" / "Dialogue méditerranéen", "Bourita" / "Burita")
    if same_sounds or len(_plain(names_a) & _plain(names_b)) >= _NAMES_TO_MERGE:
        return True
    shorter = min(len(terms_a), len(terms_b))
    return shorter > 0 and len(terms_a & terms_b) / shorter >= _OVERLAP_TO_MERGE


def _same_origin_across_scripts(a: Event, b: Event) -> bool:
    """An Arabic and a Latin-script report of when the same thing began ("منذ انطلاق
    الحوار المتوسطي سنة 1994", "since its launch in 1994") name it in words of their own,
    with no name in common: they are one happening when they give the same date and their
    articles tell the same story (three names alike in their openings and around)."""
    if _date_key(a.date) != _date_key(b.date) or not (is_origin(a.source) and is_origin(b.source)):
        return False
    wide_a = key_terms(a.context + " " + a.text)[0]
    wide_b = key_terms(b.context + " " + b.text)[0]
    return len(_skeletons(wide_a) & _skeletons(wide_b)) >= _NAMES_TO_MERGE + 1


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    shorter = min(len(a), len(b))
    return len(a & b) / shorter if shorter else 0.0


def _closely_same(a: Event, b: Event) -> bool:
    """The stricter test for events whose dates differ in precision ("January 2019" and
    "22 January 2019"): shared names AND a good share of key terms."""
    names_a, terms_a = key_terms(a.text)
    names_b, terms_b = key_terms(b.text)
    shared = _plain(names_a) & _plain(names_b)
    if not shared and _arabic(a.text) != _arabic(b.text):
        return len(_skeletons(names_a) & _skeletons(names_b)) >= _NAMES_TO_MERGE + 1
    return len(shared) >= _NAMES_TO_MERGE and _overlap(terms_a, terms_b) >= 0.5


def _date_key(tv: TimeValue) -> tuple:
    return (tv.value, tv.type, tv.granularity, tv.start, tv.end, tv.mod)


def _contains(outer: TimeValue, inner: TimeValue) -> bool:
    return (
        outer.start is not None
        and outer.end is not None
        and inner.start is not None
        and inner.end is not None
        and outer.start <= inner.start
        and inner.end <= outer.end
    )


def compatible(a: TimeValue, b: TimeValue) -> bool:
    """Whether two dates can name the same happening: one lies within the other
    (22 January 2019 and January 2019), or they are the same value."""
    return _date_key(a) == _date_key(b) or _contains(a, b) or _contains(b, a)


def _finer(a: TimeValue, b: TimeValue) -> bool:
    """Whether ``a`` says more than ``b`` (a shorter stretch of calendar)."""
    span = (a.end - a.start).days if a.start and a.end else 1 << 30
    other = (b.end - b.start).days if b.start and b.end else 1 << 30
    return span < other


def _entry_id(date: TimeValue, events: Sequence[Event]) -> str:
    parts = [
        date.value,
        *sorted(f"{e.source.article}:{e.source.start}:{e.source.end}" for e in events),
    ]
    return "e" + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:10]


def _event_key(event: Event) -> tuple:
    return (*event.date.sort_key, event.order, event.source.article, event.text)


class _Cluster:
    """Events told of one happening; ``date`` is the finest of their dates."""

    __slots__ = ("bucket", "date", "events", "key", "seq")

    def __init__(self, event: Event, seq: int = 0) -> None:
        self.seq = seq  # creation order: the order a full scan would weigh clusters in
        self.bucket = _bucket(event.date)
        self.events = [event]
        self.date = event.date
        self.key = _date_key(event.date)

    def accepts(self, event: Event, key: tuple) -> bool:
        if key == self.key:
            return any(same_happening(event, other) for other in self.events)
        if not compatible(event.date, self.date):
            return False
        return any(_closely_same(event, other) for other in self.events)

    def add(self, event: Event) -> None:
        self.events.append(event)
        if _finer(event.date, self.date):
            self.date = event.date
            self.key = _date_key(event.date)

    def first(self) -> Event:
        """The event the entry is told from: the earliest of those with the finest date."""
        return min(
            (e for e in self.events if _date_key(e.date) == _date_key(self.date)), key=_event_key
        )

    def entry(self) -> Entry:
        first = self.first()
        ordered = [first, *sorted((e for e in self.events if e is not first), key=_event_key)]
        return Entry(
            id=_entry_id(self.date, ordered),
            date=self.date,
            headline=first.headline,
            text=first.text,
            sources=tuple(e.source for e in ordered),
            planned=all(e.planned for e in ordered),
        )


def _threshold(n: int) -> int:
    """The fewest shared key terms that make ``n`` terms overlap enough (see
    same_happening): the smallest k with k / n >= _OVERLAP_TO_MERGE."""
    return next(k for k in range(1, n + 1) if k / n >= _OVERLAP_TO_MERGE)


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
        self.pairs: dict[tuple, set[_Cluster]] = {}
        self.prefix: dict[tuple, set[_Cluster]] = {}  # (date key, term)
        self.full: dict[tuple, set[_Cluster]] = {}
        self.arabic: set[_Cluster] = set()
        self._tokens: dict[str, tuple[list[tuple], list[str], list[str]]] = {}

    def learn(self, events: Sequence[Event]) -> None:
        """Rank the terms not seen before by how many of these events use them.  A term
        keeps its rank: a prefix must be the same when indexed and when probed."""
        df: Counter[str] = Counter()
        for event in events:
            df.update(t for t in key_terms(event.text)[1] if t not in self.rank)
        for term, n in df.items():
            self.rank[term] = (n, term)

    def renewed(self, clusters: Sequence[_Cluster]) -> _Blocking:
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
            plain = sorted(_plain(names))
            sounds = sorted(_skeletons(names))
            pairs = [("p", a, b) for a, b in itertools.combinations(plain, 2)]
            pairs += [("s", a, b) for a, b in itertools.combinations(sounds, 2)]
            ordered = sorted(terms, key=lambda t: self.rank.get(t, (0, t)))
            prefix = ordered[: len(ordered) - _threshold(len(ordered)) + 1] if ordered else []
            found = self._tokens[text] = (pairs, ordered, prefix)
        return found

    def register(self, cluster: _Cluster, event: Event) -> None:
        if _arabic(event.text):
            self.arabic.add(cluster)
            return
        for pair in self.tokens(event.text)[0]:
            self.pairs.setdefault(pair, set()).add(cluster)
        self._register_terms(cluster, event, cluster.key)

    def _register_terms(self, cluster: _Cluster, event: Event, key: tuple) -> None:
        _, terms, prefix = self.tokens(event.text)
        for term in prefix:
            self.prefix.setdefault((key, term), set()).add(cluster)
        for term in terms:
            self.full.setdefault((key, term), set()).add(cluster)

    def rekeyed(self, cluster: _Cluster) -> None:
        """The cluster's date became finer: its sentences are now compared at that date."""
        for event in cluster.events:
            if not _arabic(event.text):
                self._register_terms(cluster, event, cluster.key)

    def candidates(self, event: Event, key: tuple) -> set[_Cluster]:
        pairs, terms, prefix = self.tokens(event.text)
        found = set(self.arabic)
        for pair in pairs:
            found.update(self.pairs.get(pair, ()))
        for term in terms:
            found.update(self.prefix.get((key, term), ()))
        for term in prefix:
            found.update(self.full.get((key, term), ()))
        return found


def _join_linked(clusters: list[_Cluster], blocking: _Blocking) -> list[_Cluster]:
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
        by_date.setdefault(_date_key(cluster.date), []).append(i)
    for members in by_date.values():
        if len(members) < 2:
            continue
        for i, j in _linkable(members, clusters, blocking):
            if root(i) != root(j) and any(
                same_happening(x, y) for x in clusters[i].events for y in clusters[j].events
            ):
                parent[root(j)] = root(i)
    joined: dict[int, _Cluster] = {}
    for i, cluster in enumerate(clusters):  # in creation order: the first keeps its events first
        home = joined.get(root(i))
        if home is None:
            joined[root(i)] = cluster
        else:
            for event in cluster.events:
                home.add(event)
    return list(joined.values())


def _linkable(
    members: list[int], clusters: list[_Cluster], blocking: _Blocking
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
            if _arabic(event.text):
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
            if _arabic(event.text):
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


def _bucket(tv: TimeValue) -> int | None:
    """The year a date falls in when it is no longer than a year; coarser dates (decades,
    centuries, undated) are compared with everything."""
    if tv.start is None or tv.end is None or tv.start.year != tv.end.year:
        return None
    return tv.start.year


def _seq(cluster: _Cluster) -> int:
    return cluster.seq


class _Merger:
    """The clustering of :func:`merge`, fed events in the order it weighs them (coarse
    dates first, then by date) one stretch of calendar at a time, so a corpus larger than
    memory can be merged a month at a time (``timeline.scale``).

    A cluster is done once the events still to come start after its last day: none of
    them can join it.  ``finish(before)`` hands back the clusters done by that day, linked
    (see :func:`_join_linked`; clusters of one date are always done together), and drops
    them; feeding everything at once and finishing gives exactly what merge() gives."""

    def __init__(self) -> None:
        self.active: list[_Cluster] = []  # in creation order
        self.created = 0
        self.blocking = _Blocking()

    def feed(self, events: Iterable[Event]) -> None:
        """Events in merge order: all the coarse ones before any other, then by date."""
        events = list(events)
        blocking = self.blocking
        blocking.learn(events)
        for event in events:
            bucket = _bucket(event.date)
            key = _date_key(event.date)
            if bucket is None:
                candidates: list[_Cluster] = self.active  # the coarse dates come first: few
            elif _arabic(event.text):
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
                home = _Cluster(event, self.created)
                self.created += 1
                self.active.append(home)
                blocking.register(home, event)
            else:
                before = home.key
                home.add(event)
                blocking.register(home, event)
                if home.key != before:
                    blocking.rekeyed(home)

    def finish(self, before: date | None = None) -> list[_Cluster]:
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
    """The order :class:`_Merger` takes events in."""
    return (_bucket(event.date) is not None, _event_key(event))


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
    ordered = sorted(events, key=_event_key)
    if words is None:
        words = _words_of(ordered)
    merger = _Merger()
    # coarse dates first, so "January 2019" has its entry when "22 January 2019" arrives;
    # the clustering then does not depend on which of them the input lists first
    merger.feed(sorted(ordered, key=merge_order))
    clusters = merger.finish()
    clusters.sort(key=lambda c: _event_key(c.first()))
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


# A date that says when something began: "since its launch in 1994", "dates back to 1995".
# Outlets most often disagree about such dates, and the sentences that give them seldom
# share wording, so they are compared with their context.
_ORIGIN = re.compile(
    r"(?:\bsince|\bback\s+to|\bbegan|\bbegun|\bbeginning|\bstarted|\bstart|\blaunch(?:ed)?"
    r"|\bfounded|\bfounding|\bestablished|\bcreated|\bcreation|\bset\s+up|\binception"
    r"|\bfirst|\bbirth|\borigins?"
    # French, Spanish, Arabic: depuis, lancé, remonte à; desde, lanzado; منذ, انطلاق, تأسيس
    r"|\bdepuis|\blanc[ée]e?s?|\blancement|\bremonte|\bcr[ée][ée]e?|\bfond[ée]e?|\bd[ée]but"
    r"|\bdesde|\blanzad[oa]|\blanzamiento|\bcread[oa]|\bfundad[oa]|\binicio"
    r"|منذ|انطلاق|تأسيس|إطلاق|بداية)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_ORIGIN_WORDS = frozenset(
    "since back began begun beginning started start launch launched founded founding "
    "established created creation set inception first birth origin".split()
)
_CONFLICT_GAP = {"day": 3, "month": 62, "year": 731}  # days between the dates


def is_origin(ref: SourceRef) -> bool:
    """Whether the sentence gives the date as when something began ("since 1994")."""
    local = ref.start - ref.sentence_start
    return bool(_ORIGIN.search(ref.sentence[max(0, local - 60) : max(0, local)]))


def _told_alike(a: Entry, b: Entry, contexts: dict, generic: frozenset[str]) -> bool:
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
    if not names_a & names_b - _ORIGIN_WORDS:
        return False
    wide_a = key_terms(contexts.get(id(ra), "") + " " + ra.sentence)
    wide_b = key_terms(contexts.get(id(rb), "") + " " + rb.sentence)
    return len(((wide_a[0] | wide_a[1]) & (wide_b[0] | wide_b[1])) - generic) >= 4


_GENERIC_SHARE = 0.3  # of the articles: a word this common is the corpus's topic
_GENERIC_MIN_ARTICLES = 20  # below this the common words are the story itself, not noise


def _generic_words(words: Mapping[str, frozenset[str]]) -> frozenset[str]:
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
    contexts: dict | None = None,
    words: Mapping[str, frozenset[str]] | None = None,
) -> list[Entry]:
    """The entries, each carrying a conflict for every other entry that tells the same
    happening with an incompatible date of the same precision, close to its own, from
    other articles ("1994" in one outlet, "1995" in another).  ``contexts`` holds the
    context of each source (by ``id``) that states an origin; ``words`` each article's
    words (:func:`article_words`), else they are read off the entries' sources."""
    contexts = contexts or {}
    if words is None:
        words = _entry_words(entries, contexts)
    generic = _generic_words(words)
    by_start = sorted(
        (e for e in entries if e.date.start and e.date.granularity in _CONFLICT_GAP),
        key=lambda e: (e.date.start, e.id),
    )
    position = {id(e): i for i, e in enumerate(by_start)}
    partners: dict[int, list[int]] = {}
    for a, b in itertools.chain(
        _day_pairs([e for e in by_start if e.date.granularity == "day"], generic),
        _origin_pairs([e for e in by_start if e.date.granularity != "day"]),
    ):
        if not _disagree(a, b, contexts, generic):
            continue
        partners.setdefault(position[id(a)], []).append(position[id(b)])
        partners.setdefault(position[id(b)], []).append(position[id(a)])
    if not partners:
        return list(entries)
    # each entry lists its conflicts in date order, as a scan of the dates finds them
    found = {
        by_start[i].id: tuple(_conflict(by_start[j]) for j in sorted(set(js)))
        for i, js in partners.items()
    }
    return [
        dataclasses.replace(e, conflicts=e.conflicts + found[e.id]) if e.id in found else e
        for e in entries
    ]


def _day_pairs(days: Iterable[Entry], generic: frozenset[str]) -> Iterator[tuple[Entry, Entry]]:
    """Pairs of day entries (earlier first) a few days apart that may be one report dated
    differently: at least one date worked out from the text, three names in common.
    ``days`` come in order of their day; only the last few days are kept (a window), so
    entries read back from disk (timeline.scale) stream through."""
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


def _disagree(a: Entry, b: Entry, contexts: dict, generic: frozenset[str]) -> bool:
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
    origins = [e for e in coarse if is_origin(e.sources[0])]
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


def title_names(text: str) -> tuple[tuple[str, str, int], ...]:
    """The capitalised words of a text (the first word aside) that may name its corpus:
    (lower case, as first written, occurrences), in first-seen order."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for word in [w for w in _TOKEN.findall(text)[1:] if w[0].isupper()]:
        word = word.replace("’", "'").removesuffix("'s")
        low = word.lower()
        if low in STOP_WORDS or len(low) < 3:
            continue
        counts[low] += 1
        shown.setdefault(low, word)
    return tuple((low, shown[low], n) for low, n in counts.items())


class TitleVotes:
    """Tallies the names of articles one at a time (so a corpus need not be held whole)
    for :func:`corpus_title`."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.total: Counter[str] = Counter()
        self.shown: dict[str, str] = {}
        self.texts = 0

    def add(self, names: Iterable[tuple[str, str, int]]) -> None:
        self.texts += 1
        for low, word, n in names:
            self.df[low] += 1
            self.total[low] += n
            self.shown.setdefault(low, word)

    def title(self, limit: int = 3) -> str:
        need = max(1, (self.texts + 1) // 2)
        ranked = sorted(self.df.items(), key=lambda kv: (-kv[1], -self.total[kv[0]], kv[0]))
        top = [w for w, n in ranked if n >= need]
        return "Timeline: " + ", ".join(self.shown[w] for w in top[:limit]) if top else "Timeline"


def corpus_title(texts: Sequence[str], limit: int = 3) -> str:
    """A title for a timeline with none: the names most of its articles share."""
    votes = TitleVotes()
    for text in texts:
        votes.add(title_names(text))
    return votes.title(limit)


# --- selection for large inputs ----------------------------------------------------------------

RESOLVED_PUBLICATION = "publication-date"
"""How a sentence with no date of its own is dated in a per-date summary: by its article's
publication day (news leads tell what happened that day)."""


@dataclasses.dataclass(frozen=True)
class Selection:
    """What to keep of a large timeline (all None / empty: everything, as merged).

    ``query``: words the kept sentences should be about; ``since``/``until``: the days the
    timeline covers (inclusive); ``max_dates``: at most this many dates, the ones the corpus
    refers to most; ``per_date``: that many non-redundant sentences summarise each date.
    With ``max_dates`` or ``per_date`` the timeline becomes one entry per selected day."""

    query: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    max_dates: int | None = None
    per_date: int | None = None

    @property
    def summarising(self) -> bool:
        return self.max_dates is not None or self.per_date is not None

    @property
    def active(self) -> bool:
        return (
            bool(self.query)
            or self.since is not None
            or self.until is not None
            or (self.summarising)
        )


_QUERY_TOKEN = re.compile(r"\w+", re.UNICODE)
LEAD_SENTENCES = 5  # of an article: the ones that tell what happened on its publication day
OPENING = 2000  # characters of an article that tell what it is about
_PUBLISHED_WEIGHT = 0.25  # an article published on a day, against one referring to it
_OFF_QUERY_WEIGHT = 0.25  # a reference from a sentence that is not about the query
_REDUNDANT = 0.5  # key-term overlap above which a sentence repeats one already chosen


def _query_words(query: Sequence[str]) -> tuple[str, ...]:
    words = {w.lower() for q in query for w in _QUERY_TOKEN.findall(q)}
    return tuple(sorted(words))


def _relevance(text: str, words: Sequence[str]) -> float:
    """The share of the query's words the text holds (prefixes: "flu" finds "flu's")."""
    if not words:
        return 1.0
    tokens = [t.lower() for t in _QUERY_TOKEN.findall(text)]
    return sum(any(t.startswith(w) for t in tokens) for w in words) / len(words)


def _in_range(tv: TimeValue, selection: Selection) -> bool:
    if tv.start is None or tv.end is None:
        return selection.since is None and selection.until is None
    if selection.since is not None and tv.end < selection.since:
        return False
    return selection.until is None or tv.start <= selection.until


def select(
    entries: Sequence[Entry],
    results: Sequence[ArticleResult],
    selection: Selection,
    about: Mapping[str, float] | None = None,
) -> list[Entry]:
    """The entries to show for ``selection`` (see :class:`Selection`).  ``about`` gives
    how much each article's opening is about the query, by article id, when the results
    no longer hold their bodies."""
    if not selection.active:
        return list(entries)
    words = _query_words(selection.query)
    if not selection.summarising:
        return [e for e in entries if entry_filter(selection)(e)]
    return _summarise_dates(results, selection, words, about)


def entry_filter(selection: Selection) -> Callable[[Entry], bool]:
    """Whether an entry stays under a selection that does not summarise: in its range,
    and about its query."""
    words = _query_words(selection.query)

    def keep(entry: Entry) -> bool:
        return _in_range(entry.date, selection) and (
            not words or any(_relevance(s.sentence, words) > 0 for s in entry.sources)
        )

    return keep


def _summarise_dates(
    results: Sequence[ArticleResult],
    selection: Selection,
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
            if tv.granularity != "day" or tv.start is None or not _in_range(tv, selection):
                continue
            rel = _relevance(event.text, words)
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
            TimeValue("", start=published, end=published), selection
        ):
            continue
        about = (
            about_map[result.article.id]
            if about_map is not None and result.article.id in about_map
            else _relevance(result.article.body[:OPENING], words)
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
                (sent.text, ref, "", _relevance(sent.text, words)),
            )
    days = sorted(score, key=lambda d: (-score[d], d))
    if selection.max_dates is not None:
        days = days[: selection.max_dates]
    per_date = selection.per_date or 1
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
                id=_entry_id(tv, [Event(tv, "", "", ref) for ref in refs]),
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
        if any(_overlap(terms[i], terms[j]) > _REDUNDANT for j in chosen):
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
