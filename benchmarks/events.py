"""Event timelines on real multi-outlet coverage: B-cubed over mentions, ours vs one entry a date.

For each story of ../shared/corpora/events/stories (four stories, 43 reports, a hand-made key
``gold.json`` per story; conventions in events/PROVENANCE.md, scoring in corpora/README.md):

- ours: ``timeline build <story>/articles -f json -o FILE``, the whole process timed, as a
  user runs it.  Each entry cites sources (article, character offsets ``start``/``end`` of
  the expression in the article body).
- baseline: what a user might write with ``timeline dates <story>/articles --format jsonl``
  (whole process timed): every calendar mention (DATE or TIME whose value has a calendar span,
  i.e. ``range`` is set) grouped by its exact ``value``; each group is one entry, dated by that
  span, citing its mentions.  It flags no conflicts.

Mapping.  The key gives no offsets: a gold mention is its ``sentence`` found in the file's body
(the text after the front matter, as check_gold.py reads it) and its ``expression`` inside that
sentence; a mention listed k times (a headline printed twice) takes the k-th such place.  A
not-event gives only the expression: its k-th listing takes the k-th place in the body that
no gold mention overlaps.  A gold mention is found when an entry cites the same file
(``articles[].path`` ends with the file name) with an overlapping span; if several entries do,
the one with the largest overlap (then the first) takes it.

Figures per story (mean over the stories in the last rows):
- B-cubed P/R/F1 over the found gold mentions, entries as clusters, gold events as classes;
- whole: events whose found mentions (at least one) all sit in one entry whose date equals
  the gold value (same calendar span: a day, a year, century ``"11"`` = 1100-1199, a range
  ``A/B`` from the start of A to the end of B), as n/N;
- m-rec: found / all gold mentions;
- noise: entries citing a not-event and no gold mention; polluted: entries citing a
  not-event beside gold mentions; other: entries citing neither (unannotated expressions);
- conflicts: of the key's conflicts, those flagged.  A key conflict (values V, files F) is
  about the gold events whose value is in V and which have a mention in F.  An entry is on
  side v of it when its date equals v (v in V) and it holds a found mention of one of those
  events from a file in F.  The conflict is flagged when an entry on one side carries a
  ``conflicts`` item whose ``entry`` is an entry on another side (other value);
- false: pairs of entries linked by a ``conflicts`` item (either direction, counted once)
  that flag no key conflict.

    .venv/bin/python benchmarks/events.py
    .venv/bin/python benchmarks/events.py --story notre-dame-fire-2019
    .venv/bin/python benchmarks/events.py --json events.json
"""

from __future__ import annotations

import argparse
import calendar
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from corpora import SHARED

STORIES = SHARED / "events" / "stories"

Span = tuple[int, int]  # character offsets into an article body, end exclusive
Calendar = tuple[date, date]  # first and last day


@dataclass(frozen=True)
class Source:
    """One expression an entry cites."""

    file: str  # file name, e.g. bbc-2022-12-09.txt
    start: int
    end: int


@dataclass(frozen=True)
class SystemEntry:
    id: str
    span: Calendar | None  # the entry's date as first and last day
    value: str
    sources: tuple[Source, ...]
    conflicts: tuple[str, ...] = ()  # ids of the entries its conflict items point to


@dataclass(frozen=True)
class Mention:
    event: str  # gold event id
    file: str
    start: int
    end: int


@dataclass(frozen=True)
class KeyConflict:
    values: tuple[str, ...]
    files: tuple[str, ...]


@dataclass
class Scores:
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    whole: int = 0
    events: int = 0
    found: int = 0
    mentions: int = 0
    noise: int = 0
    polluted: int = 0
    other: int = 0
    entries: int = 0
    flagged: int = 0
    key_conflicts: int = 0
    false_conflicts: int = 0
    mention_recall: float = 0.0  # found / mentions; in a mean, the mean of the stories'
    seconds: float | None = None
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- pure scoring


def body_of(text: str) -> str:
    """The article body after the ``---`` front matter, as check_gold.py reads it."""
    if not text.startswith("---\n"):
        return text
    end = text.index("\n---\n", 4)
    return text[end + 5 :]


def occurrences(haystack: str, needle: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``needle``."""
    out, at = [], haystack.find(needle)
    while needle and at >= 0:
        out.append(at)
        at = haystack.find(needle, at + 1)
    return out


def overlaps(a: Span, b: Span) -> int:
    """Characters shared by two spans (0: none)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def locate_mentions(
    events: Sequence[Mapping], bodies: Mapping[str, str], notes: list[str]
) -> list[Mention]:
    """Gold mentions with offsets: the k-th listing of (file, sentence, expression) takes
    the k-th place of the expression inside an occurrence of the sentence."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for event in events:
        for m in event["mentions"]:
            key = (event["id"], m["file"], m["sentence"], m["expression"])
            body = bodies.get(m["file"], "")
            places = [
                s + e
                for s in occurrences(body, m["sentence"])
                for e in occurrences(m["sentence"], m["expression"])
            ]
            k = seen[key]
            seen[key] += 1
            if k >= len(places):
                notes.append(f"{event['id']} {m['file']}: {m['expression']!r} not located")
                continue
            if k == 0 and len(set(places)) > 1:
                notes.append(f"{event['id']} {m['file']}: {m['expression']!r} fits "
                             f"{len(places)} places; listing k takes the k-th")  # fmt: skip
            out.append(Mention(event["id"], m["file"], places[k], places[k] + len(m["expression"])))
    spans = defaultdict(list)
    for m in out:
        spans[(m.file, m.start, m.end)].append(m.event)
    for (file, start, _), ids in spans.items():
        if len(ids) > 1:
            notes.append(f"{file}@{start}: one expression is a mention of {', '.join(ids)}")
    return out


def locate_not_events(
    not_events: Sequence[Mapping],
    bodies: Mapping[str, str],
    mentions: Sequence[Mention],
    notes: list[str],
) -> list[tuple[str, int, int]]:
    """(file, start, end) of the not-events: the k-th listing of an expression in a file
    takes its k-th place there that no gold mention overlaps."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for n in not_events:
        key = (n["file"], n["expression"])
        taken = [(m.start, m.end) for m in mentions if m.file == n["file"]]
        free = [
            s
            for s in occurrences(bodies.get(n["file"], ""), n["expression"])
            if not any(overlaps((s, s + len(n["expression"])), t) for t in taken)
        ]
        k = seen[key]
        seen[key] += 1
        if k >= len(free):
            notes.append(f"not-event {n['file']}: {n['expression']!r} not located")
            continue
        out.append((n["file"], free[k], free[k] + len(n["expression"])))
    return out


def assign(mentions: Sequence[Mention], entries: Sequence[SystemEntry]) -> dict[int, str]:
    """Index of each found mention -> id of the entry citing it (largest overlap, then first)."""
    by_file: dict[str, list[tuple[str, Source]]] = defaultdict(list)
    for entry in entries:
        for s in entry.sources:
            by_file[s.file].append((entry.id, s))
    out = {}
    for i, m in enumerate(mentions):
        best, best_len = None, 0
        for entry_id, s in by_file.get(m.file, []):
            shared = overlaps((m.start, m.end), (s.start, s.end))
            if shared > best_len:
                best, best_len = entry_id, shared
        if best is not None:
            out[i] = best
    return out


def bcubed(pairs: Sequence[tuple[str, str]]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of (cluster, class) pairs, one per item; 0s if none."""
    if not pairs:
        return 0.0, 0.0, 0.0
    both = Counter(pairs)
    clusters = Counter(c for c, _ in pairs)
    classes = Counter(k for _, k in pairs)
    p = statistics.fmean(both[(c, k)] / clusters[c] for c, k in pairs)
    r = statistics.fmean(both[(c, k)] / classes[k] for c, k in pairs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _end_of(value: str) -> date:
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def _start_of(value: str) -> date:
    parts = [int(x) for x in value.split("-")]
    return date(parts[0], *[*parts[1:], 1, 1][:2])


def gold_span(value: str) -> Calendar:
    """The calendar span of a key value: day, month, year, century ("11" = 1100-1199) or a
    range "A/B" (start of A, end of B)."""
    if "/" in value:
        a, b = value.split("/")
        return _start_of(a), _end_of(b)
    if len(value) == 2 and value.isdigit():
        return date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31)
    return _start_of(value), _end_of(value)


def date_matches(entry: SystemEntry, value: str) -> bool:
    return entry.value == value or (entry.span is not None and entry.span == gold_span(value))


def score(
    entries: Sequence[SystemEntry],
    mentions: Sequence[Mention],
    gold_values: Mapping[str, str],
    not_events: Sequence[tuple[str, int, int]],
    conflicts: Sequence[KeyConflict],
) -> Scores:
    """All figures of one system on one story; ``gold_values``: event id -> key value."""
    s = Scores(events=len(gold_values), mentions=len(mentions), entries=len(entries))
    s.key_conflicts = len(conflicts)
    found = assign(mentions, entries)
    s.found = len(found)
    s.mention_recall = s.found / s.mentions if s.mentions else 0.0
    s.precision, s.recall, s.f1 = bcubed([(found[i], mentions[i].event) for i in found])
    by_id = {e.id: e for e in entries}
    # whole events
    homes: dict[str, set[str]] = defaultdict(set)
    for i, entry_id in found.items():
        homes[mentions[i].event].add(entry_id)
    for event, value in gold_values.items():
        if len(homes[event]) == 1 and date_matches(by_id[next(iter(homes[event]))], value):
            s.whole += 1
    # noise, polluted
    real = set(found.values())
    for entry in entries:
        bad = any(
            f == src.file and overlaps((a, b), (src.start, src.end))
            and not any(m.file == src.file and overlaps((m.start, m.end), (src.start, src.end))
                        for m in mentions)
            for src in entry.sources for f, a, b in not_events
        )  # fmt: skip
        if bad and entry.id in real:
            s.polluted += 1
        elif bad:
            s.noise += 1
        elif entry.id not in real:
            s.other += 1
    # conflicts
    links = {frozenset((e.id, other)) for e in entries for other in e.conflicts if other != e.id}
    true_links: set[frozenset[str]] = set()
    for c in conflicts:
        events = {
            ev for ev, v in gold_values.items()
            if v in c.values and any(m.event == ev and m.file in c.files for m in mentions)
        }  # fmt: skip
        side: dict[str, str] = {}  # entry id -> the value it stands for
        for i, entry_id in found.items():
            m = mentions[i]
            if m.event in events and m.file in c.files:
                for v in c.values:
                    if date_matches(by_id[entry_id], v):
                        side[entry_id] = v
        hits = {
            link for link in links
            if all(x in side for x in link) and len({side[x] for x in link}) > 1
        }  # fmt: skip
        if hits:
            s.flagged += 1
            true_links |= hits
    s.false_conflicts = len(links - true_links)
    return s


def baseline_entries(rows: Iterable[Mapping]) -> list[SystemEntry]:
    """One entry per exact value of the calendar DATE/TIME mentions of ``timeline dates``."""
    groups: dict[str, list[Mapping]] = defaultdict(list)
    for r in rows:
        if r.get("type") in ("DATE", "TIME") and r.get("value") and r.get("range"):
            groups[r["value"]].append(r)
    out = []
    for value, rs in groups.items():
        first, last = rs[0]["range"]
        span = (date.fromisoformat(first), date.fromisoformat(last))
        sources = tuple(Source(Path(r["file"]).name, r["start"], r["end"]) for r in rs)
        out.append(SystemEntry(value, span, value, sources))
    return out


def ours_entries(doc: Mapping) -> list[SystemEntry]:
    """The entries of a ``timeline/1`` JSON document."""
    files = {a["id"]: Path(a["path"]).name for a in doc["articles"] if a.get("path")}
    out = []
    for e in doc["events"]:
        d = e["date"]
        span = None
        if d.get("start") and d.get("end"):
            span = (date.fromisoformat(d["start"]), date.fromisoformat(d["end"]))
        sources = tuple(
            Source(files.get(s["article"], ""), s["start"], s["end"])
            for s in e["sources"]
            if s.get("start") is not None and s.get("end") is not None
        )
        links = tuple(c["entry"] for c in e.get("conflicts", []) if c.get("entry"))
        out.append(SystemEntry(e["id"], span, d.get("value") or "", sources, links))
    return out


def mean(scores: Sequence[Scores]) -> Scores:
    """Mean P/R/F1 and mention recall over the stories; counts (whole, noise, ...) summed."""
    out = Scores()
    if not scores:
        return out
    out.precision = statistics.fmean(s.precision for s in scores)
    out.recall = statistics.fmean(s.recall for s in scores)
    out.f1 = statistics.fmean(s.f1 for s in scores)
    out.mention_recall = statistics.fmean(s.mention_recall for s in scores)
    for name in ("whole", "events", "found", "mentions", "noise", "polluted", "other",
                 "entries", "flagged", "key_conflicts", "false_conflicts"):  # fmt: skip
        setattr(out, name, sum(getattr(s, name) for s in scores))
    if all(s.seconds is not None for s in scores):
        out.seconds = sum(s.seconds or 0.0 for s in scores)
    return out


# ---------------------------------------------------------------------------- running


def run_timed(cmd: Sequence[str]) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return done, elapsed


def run_story(folder: Path, binary: Path) -> tuple[Scores, Scores]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    bodies = {
        f.name: body_of(f.read_text(encoding="utf-8"))
        for f in sorted((folder / "articles").glob("*.txt"))
    }
    notes: list[str] = []
    mentions = locate_mentions(gold["events"], bodies, notes)
    not_events = locate_not_events(gold.get("not_events", []), bodies, mentions, notes)
    values = {e["id"]: e["value"] for e in gold["events"]}
    conflicts = [KeyConflict(tuple(c["values"]), tuple(c["files"])) for c in gold["conflicts"]]

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "timeline.json"
        cmd = [str(binary), "build", str(folder / "articles"), "-f", "json", "-o", str(out)]
        _, secs = run_timed(cmd)
        ours = ours_entries(json.loads(out.read_text(encoding="utf-8")))
    cmd = [str(binary), "dates", str(folder / "articles"), "--format", "jsonl"]
    done, base_secs = run_timed(cmd)
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    base = baseline_entries(rows)

    results = []
    for name, entries, seconds in (("ours", ours, secs), ("baseline", base, base_secs)):
        bad = [
            f"{s.file}@{s.start}"
            for e in entries for s in e.sources
            if s.file not in bodies or not 0 <= s.start < s.end <= len(bodies[s.file])
        ]  # fmt: skip
        s = score(entries, mentions, values, not_events, conflicts)
        s.seconds = seconds
        s.notes = list(notes) if name == "ours" else []
        if bad:
            s.notes.append(f"{name}: {len(bad)} sources outside the bodies, e.g. {bad[0]}")
        results.append(s)
    return results[0], results[1]


def header() -> str:
    head = (
        f"{'story':26} {'system':9} {'B3-P':>5} {'B3-R':>5} {'B3-F1':>5} {'whole':>6} "
        f"{'m-rec':>5} {'noise':>5} {'poll':>4} {'other':>5} {'confl':>5} {'false':>5} "
        f"{'entr':>4} {'time s':>6}"
    )
    return head + "\n" + "-" * len(head)


def line(story: str, system: str, s: Scores) -> str:
    secs = f"{s.seconds:6.1f}" if s.seconds is not None else ""
    return (
        f"{story:26} {system:9} {s.precision:5.3f} {s.recall:5.3f} {s.f1:5.3f} "
        f"{f'{s.whole}/{s.events}':>6} {s.mention_recall:5.3f} {s.noise:5d} {s.polluted:4d} "
        f"{s.other:5d} {f'{s.flagged}/{s.key_conflicts}':>5} {s.false_conflicts:5d} "
        f"{s.entries:4d} {secs:>6}"
    ).rstrip()


def as_json(s: Scores) -> dict:
    return asdict(s)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--story", help="run one story (a folder name under events/stories)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    args = parser.parse_args()
    if not STORIES.is_dir():
        print(f"no events corpus at {STORIES}: nothing to measure (needs ../shared)")
        return 0
    folders = sorted(p for p in STORIES.iterdir() if (p / "gold.json").is_file())
    if args.story:
        folders = [p for p in folders if p.name == args.story]
        if not folders:
            print(f"no story {args.story!r} in {STORIES}", file=sys.stderr)
            return 2
    binary = Path(sys.executable).with_name("timeline")
    per_story: dict[str, dict[str, Scores]] = {}
    print(header())
    for folder in folders:
        ours, base = run_story(folder, binary)
        per_story[folder.name] = {"ours": ours, "baseline": base}
        print(line(folder.name, "ours", ours))
        print(line(folder.name, "baseline", base))
    means = {
        system: mean([by[system] for by in per_story.values()]) for system in ("ours", "baseline")
    }
    for system, s in means.items():
        print(line(f"mean of {len(per_story)} (counts summed)", system, s))
    for name, by in per_story.items():
        for note in by["ours"].notes + by["baseline"].notes:
            print(f"note: {name}: {note}")
    if args.json:
        doc = {
            "stories": {n: {k: as_json(v) for k, v in by.items()} for n, by in per_story.items()},
            "mean": {k: as_json(v) for k, v in means.items()},
        }
        args.json.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
