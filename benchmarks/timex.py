"""Temporal tagging against TempEval-3 gold, and whole-process speed, ours vs search_dates.

Quality: every TimeML document of ../shared/corpora/timebank (TimeBank, AQUAINT, and both
together) is tagged by timeline's tagger and by ``dateparser.search.search_dates`` (English,
the DCT as RELATIVE_BASE), and scored the TempEval-3 way (timeline.evaluate).

Speed: documents are written out as article files with their date as `published` (the
TimeML documents with their DCT, and the 544 Timeline17 articles, each several hundred
documents), then two whole processes are timed on them, one after the other, single core:

- ours: ``timeline dates DIR --format jsonl``;
- naive: a Python process that reads each file and runs search_dates on it, as a user would.

    .venv/bin/python benchmarks/timex.py
    .venv/bin/python benchmarks/timex.py --repeat 3     # best of 3 for the speed figures
    .venv/bin/python benchmarks/timex.py --no-quality --speed-on t17
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpora import SHARED, t17_articles, write_articles

from timeline.evaluate import (
    Scores,
    evaluate,
    our_tagger,
    read_timeml,
    search_dates_tagger,
    table,
)

CORPUS = SHARED / "timebank"

NAIVE = """
import sys
from datetime import datetime
from pathlib import Path

from dateparser.search import search_dates

for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    raw = path.read_text(encoding="utf-8")
    _, front, body = raw.split("---\\n", 2)
    day = front.split("published:")[1].split()[0]
    base = datetime.fromisoformat(day)
    try:
        hits = search_dates(body, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    except Exception:
        hits = []
    for text, when in hits:
        print(path.name, text, when.date().isoformat())
"""


def quality() -> None:
    rows: list[tuple[str, Scores]] = []
    everything = {"ours": Scores(), "search_dates": Scores()}
    for folder in ("TimeBank", "AQUAINT"):
        docs = [read_timeml(f) for f in sorted((CORPUS / folder).glob("*.tml"))]
        for name, tagger in (("ours", our_tagger), ("search_dates", search_dates_tagger)):
            scores = evaluate(docs, tagger)
            everything[name].add(scores)
            rows.append((f"{name}  {folder}", scores))
    rows.append(("ours  both", everything["ours"]))
    rows.append(("search_dates  both", everything["search_dates"]))
    print(table(rows))


def _run(cmd: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - started)
    return best


def _documents(corpus: str) -> list[tuple[str, str, str]]:
    """(name, publication date, text) of every document of the corpus."""
    if corpus == "timebank":
        docs = [read_timeml(f) for f in sorted(CORPUS.glob("*/*.tml"))]
        return [(d.name, d.dct.isoformat() if d.dct else "", d.text) for d in docs]
    return t17_articles()


def speed(repeat: int, corpus: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs = _documents(corpus)
        write_articles(docs, folder)
        size = sum(len(body.encode("utf-8")) for _, _, body in docs)
        timeline_bin = Path(sys.executable).with_name("timeline")
        ours = _run([str(timeline_bin), "dates", str(folder), "--format", "jsonl"], repeat)
        naive = _run([sys.executable, "-c", NAIVE, str(folder)], repeat)
    mb = size / 1e6
    print(f"\nwhole process, {corpus}: {len(docs)} documents, {mb:.2f} MB, best of {repeat}:")
    for name, secs in (("timeline dates", ours), ("search_dates", naive)):
        print(f"{name:15} {secs:7.2f} s  {len(docs) / secs:7.1f} docs/s  {mb / secs:6.3f} MB/s")
    print(f"ratio {naive / ours:.1f}x (search_dates time / timeline dates time)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument(
        "--speed-on",
        choices=["timebank", "t17"],
        action="append",
        help="input of the speed comparison (default: both)",
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    if not args.no_quality:
        quality()
    for corpus in args.speed_on or ["timebank", "t17"]:
        speed(args.repeat, corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
