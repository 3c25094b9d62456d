"""Scoring temporal taggers on TimeML (TempEval-3) documents.

``read_timeml`` gives a document's plain ``<TEXT>``, its creation time (DCT) and the gold
TIMEX3 annotations with character offsets into that text.  ``score`` compares system
annotations with gold the way TempEval-3 does:

- strict match: the same span;
- relaxed match: any overlap, one to one;
- precision, recall and F1 micro-averaged over all documents;
- value F1 = relaxed F1 x (share of relaxed matches whose value equals the gold value);
  type F1 likewise with the type.

    python -m timeline.evaluate timex ../shared/corpora/timebank/TimeBank

Timeline summarisation (Timeline17, as tilse and news-tls score it): ``read_gold_timeline``
reads a gold timeline file, ``date_f1`` scores the chosen days, ``alignment_rouge`` the
day summaries (AR-1, AR-2: many-to-one date alignment, ROUGE counts weighted by how many
days apart the aligned dates are) and ``score_timeline`` gives all three at once;
benchmarks/tls.py runs them on the corpus.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
import time
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    name: str
    text: str
    dct: date | None
    gold: tuple[Timex, ...]


def _walk(node: ET.Element, parts: list[str], gold: list[Timex], pos: int) -> int:
    """Append the text under ``node`` to ``parts``, recording TIMEX3 spans; return the end."""
    if node.text:
        parts.append(node.text)
        pos += len(node.text)
    for child in node:
        start = pos
        pos = _walk(child, parts, gold, pos)
        if child.tag == "TIMEX3":
            text = "".join(parts)[start:pos]
            gold.append(Timex(start, pos, text, child.get("type", ""), child.get("value", "")))
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def read_timeml(path: str | Path) -> TimeMLDocument:
    """A TimeML document's TEXT, DCT and gold TIMEX3s (offsets into the TEXT)."""
    root = ET.parse(path).getroot()
    dct = None
    dct_timex = root.find("DCT/TIMEX3")
    if dct_timex is not None and dct_timex.get("value"):
        try:
            dct = date.fromisoformat(dct_timex.get("value", "")[:10])
        except ValueError:
            dct = None
    text_node = root.find("TEXT")
    parts: list[str] = []
    gold: list[Timex] = []
    if text_node is not None:
        _walk(text_node, parts, gold, 0)
    return TimeMLDocument(Path(path).stem, "".join(parts), dct, tuple(gold))


@dataclass
class Scores:
    """Micro-averaged counts and the figures TempEval-3 reports."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0
    docs: int = 0
    chars: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, Timex | None, Timex | None]] = field(default_factory=list)

    @property
    def strict_prf(self) -> PRF:
        """Precision, recall and F1 of the spans found exactly."""
        return prf(self.strict, self.system, self.gold)

    @property
    def relaxed_prf(self) -> PRF:
        """Precision, recall and F1 of the spans found at least in part."""
        return prf(self.relaxed, self.system, self.gold)

    strict_p = property(lambda self: self.strict_prf.precision)
    strict_r = property(lambda self: self.strict_prf.recall)
    strict_f1 = property(lambda self: self.strict_prf.f)
    relaxed_p = property(lambda self: self.relaxed_prf.precision)
    relaxed_r = property(lambda self: self.relaxed_prf.recall)
    relaxed_f1 = property(lambda self: self.relaxed_prf.f)

    @property
    def value_f1(self) -> float:
        return self.relaxed_f1 * (self.value_ok / self.relaxed) if self.relaxed else 0.0

    @property
    def type_f1(self) -> float:
        return self.relaxed_f1 * (self.type_ok / self.relaxed) if self.relaxed else 0.0

    def add(self, other: Scores) -> None:
        for name in ("gold", "system", "strict", "relaxed", "value_ok", "type_ok", "docs",
                     "chars"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds
        self.errors.extend(other.errors)


def score_document(gold: Sequence[Timex], system: Sequence[Timex], name: str = "") -> Scores:
    """Match one document's system annotations against its gold ones."""
    s = Scores(gold=len(gold), system=len(system), docs=1)
    gold_sorted = sorted(gold, key=lambda t: (t.start, t.end))
    sys_sorted = sorted(system, key=lambda t: (t.start, t.end))
    used: set[int] = set()
    for g in gold_sorted:
        # prefer the exact span, else the first unused overlapping one (one to one)
        candidates = [
            k for k, t in enumerate(sys_sorted)
            if k not in used and t.start < g.end and g.start < t.end
        ]  # fmt: skip
        if not candidates:
            s.errors.append((name, g, None))
            continue
        exact = [
            k for k in candidates if (sys_sorted[k].start, sys_sorted[k].end) == (g.start, g.end)
        ]
        k = exact[0] if exact else candidates[0]
        used.add(k)
        t = sys_sorted[k]
        s.relaxed += 1
        s.strict += bool(exact)
        s.value_ok += t.value == g.value
        s.type_ok += t.type == g.type
        if t.value != g.value or t.type != g.type or not exact:
            s.errors.append((name, g, t))
    for k, t in enumerate(sys_sorted):
        if k not in used:
            s.errors.append((name, None, t))
    return s


Tagger = Callable[[str, date | None], list[Timex]]


def our_tagger(text: str, dct: date | None) -> list[Timex]:
    """timeline's own tagger, as `timeline dates` runs it."""
    from .segment import sentences
    from .temporal import tag

    return [
        Timex(m.start, m.end, m.text, m.type, m.value)
        for m in tag(text, sentences(text), dct, "en")
    ]


def search_dates_tagger(text: str, dct: date | None) -> list[Timex]:
    """The obvious baseline: dateparser.search_dates in English with the DCT as base.

    search_dates gives no offsets (dateparser #379): each hit is found in the text in
    order, as a user would.  Values are the ISO day it returns; the type is DATE.
    """
    from datetime import datetime

    from dateparser.search import search_dates

    settings = {}
    if dct is not None:
        settings["RELATIVE_BASE"] = datetime(dct.year, dct.month, dct.day)
    try:
        hits = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # the baseline fails on some inputs; count that as finding nothing
        return []
    out, pos = [], 0
    for found, when in hits:
        start = text.find(found, pos)
        if start < 0:
            start = text.find(found)
            if start < 0:
                continue
        end = start + len(found)
        pos = end
        out.append(Timex(start, end, found, "DATE", when.date().isoformat()))
    return out


def evaluate(docs: Iterable[TimeMLDocument], tagger: Tagger) -> Scores:
    total = Scores()
    for doc in docs:
        started = time.perf_counter()
        system = tagger(doc.text, doc.dct)
        elapsed = time.perf_counter() - started
        s = score_document(doc.gold, system, doc.name)
        s.chars = len(doc.text)
        s.seconds = elapsed
        total.add(s)
    return total


def table(rows: Sequence[tuple[str, Scores]]) -> str:
    head = (
        f"{'system':28} {'docs':>5} {'gold':>5} {'sys':>5} {'strict F1':>9} {'rel P':>6} "
        f"{'rel R':>6} {'rel F1':>6} {'type F1':>7} {'value F1':>8} {'docs/s':>7} {'MB/s':>6}"
    )
    lines = [head, "-" * len(head)]
    for name, s in rows:
        docs_s = s.docs / s.seconds if s.seconds else float("inf")
        mb_s = s.chars / 1e6 / s.seconds if s.seconds else float("inf")
        lines.append(
            f"{name:28} {s.docs:5d} {s.gold:5d} {s.system:5d} {s.strict_f1:9.3f} "
            f"{s.relaxed_p:6.3f} {s.relaxed_r:6.3f} {s.relaxed_f1:6.3f} {s.type_f1:7.3f} "
            f"{s.value_f1:8.3f} {docs_s:7.1f} {mb_s:6.3f}"
        )
    return "\n".join(lines)


# --- timeline summarisation: Timeline17 gold, Date-F1 and alignment ROUGE (AR-1, AR-2) ---

#: A timeline as the TLS scores see it: each day and its summary, one sentence a string.
DaySummaries = Mapping[date, Sequence[str]]

TIMELINE_SEPARATOR = "-" * 32
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class GoldTimelineWarning(UserWarning):
    """A block of a gold timeline file was left out (its date line is not a day)."""


class PRF(NamedTuple):
    """Precision, recall and their harmonic mean (0 when both are 0)."""

    precision: float
    recall: float
    f: float


class TimelineScores(NamedTuple):
    """The three figures Timeline17 results are published with, each as P/R/F."""

    dates: PRF  # Date-F1
    ar1: PRF  # alignment ROUGE-1
    ar2: PRF  # alignment ROUGE-2


def _prf(precision: float, recall: float) -> PRF:
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f)


def prf(hits: int, predicted: int, gold: int) -> PRF:
    """Precision, recall and F1 of ``hits`` right among ``predicted``, against ``gold``."""
    return _prf(hits / predicted if predicted else 0.0, hits / gold if gold else 0.0)


def parse_gold_timeline(
    text: str, *, name: str = "<timeline>", strict: bool = False
) -> dict[date, list[str]]:
    """The days of a Timeline17 gold timeline and their sentences, in file order.

    The format: a date line ``YYYY-MM-DD``, one sentence a line, a line of 32 dashes.  A
    date given more than once has its sentences merged (in file order); blank lines are
    ignored; a day with no sentences is kept (it counts for Date-F1).  A date line that
    is not a day (Timeline17's MJ_bbc has ``2011-04-0``) leaves its whole block out with a
    ``GoldTimelineWarning``, or raises ValueError when ``strict``.  A line that is an ISO
    day also starts a new date where a separator is missing, as tilse reads these files.
    """
    out: dict[date, list[str]] = {}
    current: list[str] | None = None
    expect_date = True
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line == TIMELINE_SEPARATOR:
            current, expect_date = None, True
            continue
        if not line:
            continue
        day = None
        if _ISO_DAY.fullmatch(line):
            try:
                day = date.fromisoformat(line)
            except ValueError:
                day = None
        if day is not None:
            current, expect_date = out.setdefault(day, []), False
        elif expect_date:
            message = f"{name}:{number}: {line!r} is not a date (YYYY-MM-DD); block left out"
            if strict:
                raise ValueError(message)
            warnings.warn(message, GoldTimelineWarning, stacklevel=2)
            current, expect_date = None, False
        elif current is not None:
            current.append(line)
    return out


def read_gold_timeline(path: str | Path, *, strict: bool = False) -> dict[date, list[str]]:
    """Read a Timeline17 gold timeline file (see ``parse_gold_timeline``)."""
    text = Path(path).read_text(encoding="utf-8")
    return parse_gold_timeline(text, name=str(path), strict=strict)


def date_f1(predicted_dates: Iterable[date], gold_dates: Iterable[date]) -> PRF:
    """Precision, recall and F1 of the set of predicted days against the gold days."""
    predicted, gold = set(predicted_dates), set(gold_dates)
    return prf(len(predicted & gold), len(predicted), len(gold))


# ROUGE's tokens: word characters only; Penn Treebank bracket codes (-LRB- ...) are
# punctuation, as in the pre-tokenised Timeline17 texts.
_WORD = re.compile(r"[^\W_]+")
_PTB_BRACKET = re.compile(r"-[LR][RSC]B-")


@functools.cache
def _analyser() -> tuple[frozenset[str], Callable[[str], str]]:
    """sumy's English stop words and a memoised Porter stemmer (nltk and sumy load here)."""
    from nltk.stem.porter import PorterStemmer
    from sumy.utils import get_stop_words

    stemmer = PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM)
    return frozenset(get_stop_words("english")), functools.cache(stemmer.stem)


def rouge_tokens(text: str) -> list[str]:
    """The tokens the TLS scores count: lower-cased words, stop words (sumy's English
    list) dropped, Porter stems; punctuation is dropped.  As in ROUGE-1.5.5 (and the
    rouge-score package), only words of more than 3 characters are stemmed."""
    stop, stem = _analyser()
    words = _WORD.findall(_PTB_BRACKET.sub(" ", text).lower())
    return [stem(w) if len(w) > 3 else w for w in words if w not in stop]


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class _Day:
    """One day's summary as counts: unigrams for the alignment, n-grams for the score."""

    day: date
    grams: dict[int, Counter[tuple[str, ...]]]
    totals: dict[int, int]


def _days(timeline: DaySummaries, sizes: Sequence[int]) -> list[_Day]:
    """The days of ``timeline`` in date order, their sentences read as one text (n-grams
    run across sentence boundaries, as ROUGE-1.5.5 reads a summary)."""
    out = []
    for day in sorted(timeline):
        tokens = rouge_tokens(" ".join(timeline[day]))
        grams = {n: _ngrams(tokens, n) for n in {1, *sizes}}
        out.append(_Day(day, grams, {n: g.total() for n, g in grams.items()}))
    return out


def _matches(a: Counter[tuple[str, ...]], b: Counter[tuple[str, ...]]) -> int:
    """Clipped n-gram matches: each n-gram counts as often as it is in both."""
    if len(a) > len(b):
        a, b = b, a
    return sum(min(count, b[gram]) for gram, count in a.items() if gram in b)


def _weight(a: date, b: date) -> float:
    return 1 / (abs((a - b).days) + 1)


def _align(sources: Sequence[_Day], targets: Sequence[_Day]) -> list[int]:
    """For each source day, the index of its cheapest target day (many-to-one).

    cost = (1 - 1/(|days apart| + 1)) * (1 - ROUGE-1 F of the two summaries); on a tie the
    earlier target wins.  ``targets`` must be in date order and not empty.
    """
    chosen = []
    for s in sources:
        best, best_cost = 0, float("inf")
        for k, t in enumerate(targets):
            size = s.totals[1] + t.totals[1]
            rouge1_f = 2 * _matches(s.grams[1], t.grams[1]) / size if size else 0.0
            cost = (1 - _weight(s.day, t.day)) * (1 - rouge1_f)
            if cost < best_cost:
                best, best_cost = k, cost
        chosen.append(best)
    return chosen


def _alignment_rouge(
    predicted: Sequence[_Day], gold: Sequence[_Day], sizes: Sequence[int]
) -> dict[int, PRF]:
    sums = {n: [0.0, 0, 0.0, 0] for n in sizes}  # precision num/denom, recall num/denom
    if predicted and gold:
        for p, k in zip(predicted, _align(predicted, gold), strict=True):
            g = gold[k]
            for n in sizes:
                sums[n][0] += _weight(p.day, g.day) * _matches(p.grams[n], g.grams[n])
        for g, k in zip(gold, _align(gold, predicted), strict=True):
            p = predicted[k]
            for n in sizes:
                sums[n][2] += _weight(p.day, g.day) * _matches(p.grams[n], g.grams[n])
    for n in sizes:
        sums[n][1] = sum(p.totals[n] for p in predicted)
        sums[n][3] = sum(g.totals[n] for g in gold)
    return {
        n: _prf(p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)
        for n, (p_num, p_den, r_num, r_den) in sums.items()
    }


def alignment_rouge(predicted: DaySummaries, gold: DaySummaries, n: int = 1) -> PRF:
    """Alignment ROUGE-n (AR-n), many-to-one, of a predicted timeline against one gold one.

    Each predicted day is aligned to its cheapest gold day, cost = (1 - 1/(|days apart|+1))
    x (1 - ROUGE-1 F of the two day summaries), ties to the earlier gold day; its clipped
    n-gram matches with that day count x 1/(|days apart|+1).  Precision = the weighted
    matches over all predicted n-grams; recall likewise, each gold day aligned to its
    cheapest predicted day (ties to the earlier), over all gold n-grams.  Tokens as
    ``rouge_tokens``; the ROUGE-1 F of the cost is counted on the same tokens.  This is
    tilse's ``evaluate_align_date_content_costs_many_to_one`` (news-tls's AR-n) with one
    reference timeline.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    return _alignment_rouge(_days(predicted, (n,)), _days(gold, (n,)), (n,))[n]


def score_timeline(predicted: DaySummaries, gold: DaySummaries) -> TimelineScores:
    """Date-F1, AR-1 and AR-2 of a predicted timeline against one gold timeline."""
    scores = _alignment_rouge(_days(predicted, (1, 2)), _days(gold, (1, 2)), (1, 2))
    return TimelineScores(date_f1(predicted, gold), scores[1], scores[2])


def mean_scores(scores: Sequence[TimelineScores]) -> TimelineScores:
    """Each precision, recall and F averaged on its own (as news-tls averages timelines).
    Raises ValueError when ``scores`` is empty."""
    if not scores:
        raise ValueError("no scores to average")

    def mean(prfs: Iterable[PRF]) -> PRF:
        items = list(prfs)
        return PRF(*(sum(values) / len(items) for values in zip(*items, strict=True)))

    return TimelineScores(*(mean(s[i] for s in scores) for i in range(3)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m timeline.evaluate")
    sub = parser.add_subparsers(dest="task", required=True)
    timex = sub.add_parser("timex", help="score temporal taggers on TimeML .tml files")
    timex.add_argument("dirs", nargs="+", type=Path, help="folders of .tml files")
    timex.add_argument("--baseline", action="store_true", help="also run search_dates")
    timex.add_argument("--errors", type=int, default=0, help="print this many errors")
    args = parser.parse_args(argv)
    rows = []
    for folder in args.dirs:
        files = sorted(folder.rglob("*.tml"))
        if not files:
            print(f"no .tml files in {folder}", file=sys.stderr)
            return 2
        docs = [read_timeml(f) for f in files]
        ours = evaluate(docs, our_tagger)
        rows.append((f"timeline  {folder.name}", ours))
        if args.baseline:
            rows.append((f"search_dates  {folder.name}", evaluate(docs, search_dates_tagger)))
        for name, gold, system in ours.errors[: args.errors]:
            g = f"{gold.text!r} {gold.type} {gold.value}" if gold else "-"
            t = f"{system.text!r} {system.type} {system.value}" if system else "-"
            print(f"{name:22} gold {g:45} ours {t}")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
