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
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


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

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_p(self) -> float:
        return self.strict / self.system if self.system else 0.0

    @property
    def strict_r(self) -> float:
        return self.strict / self.gold if self.gold else 0.0

    @property
    def strict_f1(self) -> float:
        return self._f1(self.strict_p, self.strict_r)

    @property
    def relaxed_p(self) -> float:
        return self.relaxed / self.system if self.system else 0.0

    @property
    def relaxed_r(self) -> float:
        return self.relaxed / self.gold if self.gold else 0.0

    @property
    def relaxed_f1(self) -> float:
        return self._f1(self.relaxed_p, self.relaxed_r)

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
