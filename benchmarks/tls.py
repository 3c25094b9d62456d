"""Timeline summarisation on Timeline17: Date-F1, AR-1 and AR-2 F, ours vs PUBCOUNT.

For each topic of ../shared/corpora/t17 (H1N1_bbc, MJ_bbc, haiti_bbc) and each of its gold
timelines, both systems are run as the published ones are: told the gold range (first and
last gold day), L = the number of gold days, K = round(mean sentences per gold day), at
least 1, and the topic keywords (t17/keywords.json).  Scores are those of timeline.evaluate
(Date-F1 on days; AR-n: many-to-one alignment ROUGE, Porter stems, stop words removed),
averaged over a topic's gold timelines, then over the topics.

- ours: the topic's articles written out as files (benchmarks/corpora.py), read with
  timeline.sources.read_all, then ``timeline.build_from_articles(articles,
  BuildConfig(query=keywords, since=first, until=last, max_dates=L, per_date=K))``;
  the day entries are scored (several entries on one day: their texts together), entries
  of coarser dates are left out.  With --cli, the same through ``timeline build DIR
  --query "KEYWORDS" --since D --until D --max-dates L --per-date K --format json -o F``
  (keywords joined by spaces), scored from the JSON's events, to check that the command
  line gives the library's figures.  "time" is build_from_articles (or the whole
  ``timeline build`` process), per gold timeline, in seconds.
- PUBCOUNT: within the gold range, the L days with the most articles published (ties: the
  earlier day); each day's summary is the first K sentences of the day's first article by
  file name, sentences being the lines of the pre-tokenised text after the first (which is
  headline and standfirst), blank lines skipped.

Gold days whose date line is not a day (MJ_bbc has ``2011-04-0``) are left out, with a note.

    .venv/bin/python benchmarks/tls.py
    .venv/bin/python benchmarks/tls.py --topics MJ_bbc haiti_bbc
    .venv/bin/python benchmarks/tls.py --topics MJ_bbc --cli
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from corpora import T17, t17_articles, write_articles

from timeline.evaluate import (
    DaySummaries,
    GoldTimelineWarning,
    TimelineScores,
    mean_scores,
    read_gold_timeline,
    score_timeline,
)

TOPICS = ("H1N1_bbc", "MJ_bbc", "haiti_bbc")

# Gholipour Ghalandari & Ifrim 2020, Timeline17 averages: Date-F1, AR-1 F, AR-2 F.
PUBLISHED = (
    ("PUBCOUNT", 0.481, 0.105, 0.027),
    ("Martschat & Markert 2018", 0.544, 0.105, 0.030),
    ("DATEWISE", 0.544, 0.120, 0.035),
)


@dataclass(frozen=True)
class Task:
    """What a system is told about one gold timeline."""

    gold_name: str
    gold: dict[date, list[str]]
    since: date
    until: date
    max_dates: int  # L
    per_date: int  # K
    keywords: tuple[str, ...]


def tasks(topic: str, keywords: tuple[str, ...], notes: list[str]) -> list[Task]:
    """One task per gold timeline file of ``topic``."""
    out = []
    for path in sorted((T17 / topic / "timelines").glob("*.txt")):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", GoldTimelineWarning)
            gold = read_gold_timeline(path)
        notes.extend(str(w.message).replace(str(T17) + "/", "") for w in caught)
        if not gold:
            notes.append(f"{topic}/{path.name}: no dated block, not scored")
            continue
        mean_sentences = statistics.fmean(len(s) for s in gold.values())
        out.append(
            Task(path.name, gold, min(gold), max(gold), len(gold),
                 max(1, round(mean_sentences)), keywords)
        )  # fmt: skip
    return out


def pubcount(docs: Sequence[tuple[str, str, str]], task: Task) -> dict[date, list[str]]:
    """The PUBCOUNT baseline: the busiest publication days of the range, each summarised
    by the first K body lines of its first article (by file name)."""
    by_day: dict[date, list[tuple[str, str]]] = {}
    for name, published, text in docs:
        day = date.fromisoformat(published)
        if task.since <= day <= task.until:
            by_day.setdefault(day, []).append((name, text))
    counts = Counter({day: len(articles) for day, articles in by_day.items()})
    busiest = sorted(counts, key=lambda day: (-counts[day], day))[: task.max_dates]
    out = {}
    for day in busiest:
        _, text = min(by_day[day])
        body = [line.strip() for line in text.splitlines()[1:] if line.strip()]
        out[day] = body[: task.per_date]
    return out


def day_entries(entries: Sequence[tuple[date | None, str | None, str]]) -> dict[date, list[str]]:
    """(start, granularity, text) of timeline entries -> the day timeline that is scored."""
    out: dict[date, list[str]] = {}
    for start, granularity, text in entries:
        if granularity == "day" and start is not None:
            out.setdefault(start, []).append(text)
    return out


class Unavailable(Exception):
    """The interface ours is run through is not there (yet)."""


def ours_library(folder: Path) -> Callable[[Task], dict[date, list[str]]]:
    """Read the articles once; each call builds the timeline of one task."""
    import timeline
    from timeline.config import BuildConfig
    from timeline.sources import read_all

    articles, failures = read_all([folder])
    if failures:
        print(f"ours: {len(failures)} articles unreadable, e.g. {failures[0]}", file=sys.stderr)

    def run(task: Task) -> dict[date, list[str]]:
        config = BuildConfig(
            query=task.keywords,
            since=task.since,
            until=task.until,
            max_dates=task.max_dates,
            per_date=task.per_date,
        )
        built = timeline.build_from_articles(articles, config)
        return day_entries([(e.date.start, e.date.granularity, e.text) for e in built.entries])

    return run


def ours_cli(folder: Path) -> Callable[[Task], dict[date, list[str]]]:
    """Each call runs ``timeline build`` on the folder for one task and reads its JSON."""
    binary = Path(sys.executable).with_name("timeline")

    def run(task: Task) -> dict[date, list[str]]:
        out = folder.parent / "out.json"
        cmd = [str(binary), "build", str(folder), "--query", " ".join(task.keywords),
               "--since", task.since.isoformat(), "--until", task.until.isoformat(),
               "--max-dates", str(task.max_dates), "--per-date", str(task.per_date),
               "--format", "json", "-o", str(out)]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            if "No such option" in done.stderr:
                raise Unavailable("ours (cli): selection options not available yet")
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stderr}")
        events = json.loads(out.read_text(encoding="utf-8"))["events"]
        entries = []
        for e in events:
            start = e["date"].get("start")
            entries.append((date.fromisoformat(start) if start else None,
                            e["date"].get("granularity"), e["text"]))  # fmt: skip
        return day_entries(entries)

    return run


@dataclass
class Row:
    topic: str
    system: str
    scores: TimelineScores
    seconds: float | None = None
    detail: str = ""


def line(row: Row) -> str:
    s = row.scores
    secs = f"{row.seconds:7.1f}" if row.seconds is not None else " " * 7
    return (
        f"{row.topic:10} {row.system:11} {s.dates.f:7.3f} {s.ar1.f:7.3f} {s.ar2.f:7.3f} "
        f"{secs}  {row.detail}"
    ).rstrip()


def header() -> str:
    head = (
        f"{'topic':10} {'system':11} {'Date-F1':>7} {'AR-1 F':>7} {'AR-2 F':>7} {'time s':>7}"
        "  gold timeline, L, K, range"
    )
    return head + "\n" + "-" * len(head)


def score(
    system: Callable[[Task], DaySummaries], task: Task
) -> tuple[TimelineScores, float, DaySummaries]:
    started = time.perf_counter()
    predicted = system(task)
    elapsed = time.perf_counter() - started
    return score_timeline(predicted, task.gold), elapsed, predicted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topics", nargs="+", choices=TOPICS, default=list(TOPICS))
    parser.add_argument(
        "--cli", action="store_true", help="run ours through `timeline build`, not the library"
    )
    args = parser.parse_args()
    if not T17.is_dir():
        print(f"no corpus at {T17}", file=sys.stderr)
        return 2
    keywords = json.loads((T17 / "keywords.json").read_text(encoding="utf-8"))
    ours_name = "ours (cli)" if args.cli else "ours"
    notes: list[str] = []
    per_topic: dict[str, dict[str, TimelineScores]] = {"pubcount": {}, ours_name: {}}
    ours_seconds = 0.0
    ours_missing: str | None = None
    print(header())
    for topic in args.topics:
        docs = t17_articles(topic)
        topic_tasks = tasks(topic, tuple(keywords[topic]), notes)
        if not topic_tasks:
            continue
        results: dict[str, list[TimelineScores]] = {"pubcount": [], ours_name: []}
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / topic
            folder.mkdir()
            write_articles(docs, folder)
            ours = None
            if ours_missing is None:
                try:
                    ours = ours_cli(folder) if args.cli else ours_library(folder)
                except Unavailable as exc:
                    ours_missing = str(exc)
            for task in topic_tasks:
                what = (
                    f"{task.gold_name}  L={task.max_dates} K={task.per_date} "
                    f"{task.since}..{task.until}"
                )
                scores, _, _ = score(functools.partial(pubcount, docs), task)
                results["pubcount"].append(scores)
                rows = [Row(topic, "pubcount", scores, None, what)]
                if ours is not None and ours_missing is None:
                    try:
                        scores, secs, predicted = score(ours, task)
                    except Unavailable as exc:
                        ours_missing = str(exc)
                    else:
                        ours_seconds += secs
                        results[ours_name].append(scores)
                        detail = f"{what}  ({len(predicted)} days predicted)"
                        rows.append(Row(topic, ours_name, scores, secs, detail))
                for row in rows:
                    print(line(row))
        for system, scores_list in results.items():
            if scores_list:
                per_topic[system][topic] = mean_scores(scores_list)
                if len(scores_list) > 1:
                    print(line(Row(topic, system, per_topic[system][topic], None, "mean")))
    print()
    print("mean over the topics (time: all of ours), then the published Timeline17 averages")
    head = f"{'system':36} {'Date-F1':>7} {'AR-1 F':>7} {'AR-2 F':>7} {'time s':>7}"
    print(head + "\n" + "-" * len(head))
    for system, by_topic in per_topic.items():
        if by_topic:
            s = mean_scores(list(by_topic.values()))
            secs = f"{ours_seconds:7.1f}" if system == ours_name else ""
            label = f"{system}, {len(by_topic)} of {len(args.topics)} topics"
            print(f"{label:36} {s.dates.f:7.3f} {s.ar1.f:7.3f} {s.ar2.f:7.3f} {secs}".rstrip())
    for name, dates_f, ar1, ar2 in PUBLISHED:
        print(f"{'published: ' + name:36} {dates_f:7.3f} {ar1:7.3f} {ar2:7.3f}")
    if ours_missing:
        print(f"\n{ours_missing}")
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
