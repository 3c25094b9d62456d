"""Snapshot every output the tool makes, to prove a refactor changes none of them.

    .venv/bin/python benchmarks/outputs.py snapshot /tmp/before      # on the old commit
    .venv/bin/python benchmarks/outputs.py snapshot /tmp/after       # on the new one
    .venv/bin/python benchmarks/outputs.py compare /tmp/before /tmp/after

A snapshot runs the installed ``timeline`` command as a user would (whole processes) on:

- the bundled sources/, the multilingual fixtures and the input-kind fixtures, in every
  format and the output options (fragment, Mermaid, French labels, selection);
- each Timeline17 topic of ../shared/corpora/t17 as JSON, built whole and with the
  selection benchmarks/tls.py uses (query, range, --max-dates, --per-date), once through
  the CLI and once through the library's ``timeline.build()``;
- each story of ../shared/corpora/events as JSON;
- ``timeline dates --format jsonl`` on TimeBank and AQUAINT (their TEXT as articles
  published on their DCT), the Timeline17 topics, the events stories (French, Spanish,
  Arabic) and the fixtures; ``timeline summarize --format jsonl`` on 100 BBC
  articles and the events stories; ``timeline embed`` on a briefing;
- the quality benchmarks' printed tables (timex, summaries, tls), their timing columns
  left out.

``compare`` runs ``cmp`` on every pair of files and prints one line per difference (and
the differing lines of a benchmark table, whose speed columns vary); it exits 1 when
anything differs.  Corpora missing from ../shared are skipped (and said).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import difflib
import filecmp
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from corpora import SHARED, T17, t17_articles, write_articles

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TIMELINE = str(BIN / "timeline")
FIXTURES = ROOT / "tests" / "fixtures"

FORMATS = ("md", "html", "json", "timelinejs", "csv", "ics", "docx")
VARIANTS = (
    ("fragment.html", ["-f", "html", "--fragment"]),
    ("mermaid.md", ["-f", "md", "--mermaid"]),
    ("fr.md", ["-f", "md", "--locale", "fr"]),
    ("fr.html", ["-f", "html", "--locale", "fr"]),
    ("select.json", ["-f", "json", "--max-dates", "2", "--per-date", "1"]),
)


def _run(args: list[str], out: Path, cwd: Path = ROOT) -> None:
    """Run a command, keeping its stdout (or the file it wrote) and its exit code.  Corpora
    written to a temporary folder are named relative to it (``cwd``), so the paths that
    outputs quote are the same in every snapshot."""
    proc = subprocess.run(args, cwd=cwd, capture_output=True)
    if not out.exists():
        out.write_bytes(proc.stdout)
    out.with_name(out.name + ".rc").write_text(f"{proc.returncode}\n{_stable(proc.stderr)}")


def _stable(stderr: bytes) -> str:
    """stderr without temporary paths, which change from run to run."""
    return re.sub(r"/tmp/[^\s'\"]+", "<tmp>", stderr.decode("utf-8", "replace"))


def _builds(name: str, sources: list[str], out: Path) -> list[list]:
    jobs = []
    for fmt in FORMATS:
        target = out / f"{name}.{fmt}"
        jobs.append([[TIMELINE, "build", *sources, "-f", fmt, "-o", str(target)], target])
    for suffix, opts in VARIANTS:
        target = out / f"{name}.{suffix}"
        jobs.append([[TIMELINE, "build", *sources, *opts, "-o", str(target)], target])
    return jobs


def _t17_jobs(work: Path, out: Path) -> list[list]:
    if not T17.is_dir():
        print("skipped: ../shared/corpora/t17 is absent", file=sys.stderr)
        return []
    keywords = json.loads((T17 / "keywords.json").read_text(encoding="utf-8"))
    jobs = []
    for topic in ("H1N1_bbc", "MJ_bbc", "haiti_bbc"):
        folder = work / topic
        folder.mkdir()
        write_articles(t17_articles(topic), folder)
        target = out / f"t17.{topic}.json"
        jobs.append([[TIMELINE, "build", topic, "-f", "json", "-o", str(target)], target, work])
        days = sorted({p.name for p in (T17 / topic / "InputDocs").iterdir()})
        query = " ".join(keywords[topic]) if isinstance(keywords, dict) else ""
        select = [
            "--query", query, "--since", days[0], "--until", days[-1],
            "--max-dates", "10", "--per-date", "3",
        ]  # fmt: skip
        target = out / f"t17.{topic}.select.json"
        jobs.append(
            [[TIMELINE, "build", topic, *select, "-f", "json", "-o", str(target)], target, work]
        )
        code = (
            "import sys, timeline\n"
            "from timeline.render import render\n"
            "sys.stdout.write(render(timeline.build([sys.argv[1]]), 'json'))\n"
        )
        target = out / f"t17.{topic}.library.json"
        jobs.append([[sys.executable, "-c", code, topic], target, work])
    return jobs


def _dates_jobs(work: Path, out: Path) -> list[list]:
    from timeline.evaluate import read_timeml

    jobs = []
    for part in ("TimeBank", "AQUAINT"):
        folder = SHARED / "timebank" / part
        if not folder.is_dir():
            print(f"skipped: {folder} is absent", file=sys.stderr)
            continue
        docs = [read_timeml(p) for p in sorted(folder.glob("*.tml"))]
        texts = work / part
        texts.mkdir()
        write_articles([(d.name, str(d.dct or ""), d.text) for d in docs if d.dct], texts)
        target = out / f"dates.{part}.jsonl"
        jobs.append([[TIMELINE, "dates", part, "--format", "jsonl"], target, work])
    for topic in sorted(work.glob("*_bbc")):
        target = out / f"dates.t17.{topic.name}.jsonl"
        jobs.append([[TIMELINE, "dates", topic.name, "--format", "jsonl"], target, work])
    events = SHARED / "events" / "stories"
    for story in sorted(events.glob("*/articles")):
        name = story.parent.name
        target = out / f"dates.events.{name}.jsonl"
        jobs.append([[TIMELINE, "dates", str(story), "--format", "jsonl"], target])
        target = out / f"summarize.events.{name}.jsonl"
        jobs.append([[TIMELINE, "summarize", str(story), "--format", "jsonl"], target])
        target = out / f"events.{name}.json"
        jobs.append([[TIMELINE, "build", str(story), "-f", "json", "-o", str(target)], target])
        target = out / f"events.{name}.md"
        jobs.append([[TIMELINE, "build", str(story), "-f", "md", "-o", str(target)], target])
    for name in ("multilingual", "inputs"):
        target = out / f"dates.{name}.jsonl"
        jobs.append([[TIMELINE, "dates", str(FIXTURES / name), "--format", "jsonl"], target])
    target = out / "dates.sources.table"
    jobs.append([[TIMELINE, "dates", "sources"], target])
    bbc = sorted((SHARED / "bbc-summaries" / "article").glob("*/*.txt"))[:100]
    if bbc:
        target = out / "summarize.bbc.jsonl"
        jobs.append([[TIMELINE, "summarize", *map(str, bbc), "--format", "jsonl"], target])
        for method in ("textrank", "lexrank", "lead"):
            target = out / f"summarize.bbc.{method}.jsonl"
            args = [TIMELINE, "summarize", *map(str, bbc[:20]), "--summarizer", method]
            jobs.append([[*args, "--format", "jsonl"], target])
    return jobs


BRIEFING = """# Briefing

Before.

<!-- timeline:start name=all -->
<!-- timeline:end -->

Between.

<!-- timeline:start name=late since=2019-01-01 level=3 -->
<!-- timeline:end -->

After.
"""


def _embed(work: Path, out: Path) -> None:
    for suffix in ("md", "html"):
        doc = work / f"briefing.{suffix}"
        text = BRIEFING if suffix == "md" else BRIEFING.replace(" level=3", "")
        doc.write_text(text, encoding="utf-8")
        _run([TIMELINE, "embed", str(doc), "sources"], out / f"embed.{suffix}.log")
        shutil.copyfile(doc, out / f"embed.{suffix}")


_TIMING = re.compile(r"\b\d+(?:\.\d+)?\s*(?:ms|s)\b|\btime\b.*$", re.MULTILINE)


def _benchmarks(out: Path) -> list[list]:
    if not SHARED.is_dir():
        return []
    here = ROOT / "benchmarks"
    return [
        [[sys.executable, str(here / "timex.py")], out / "bench.timex.txt"],
        [[sys.executable, str(here / "summaries.py")], out / "bench.summaries.txt"],
        [[sys.executable, str(here / "tls.py")], out / "bench.tls.txt"],
    ]


def snapshot(out: Path, jobs: int, benchmarks: bool) -> None:
    out.mkdir(parents=True, exist_ok=False)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        plan = _builds("sources", ["sources"], out)
        plan += _builds("multilingual", [str(FIXTURES / "multilingual")], out)
        plan += _builds("inputs", [str(FIXTURES / "inputs")], out)
        plan += _t17_jobs(work, out)
        plan += _dates_jobs(work, out)
        if benchmarks:
            plan += _benchmarks(out)
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            for done in pool.map(lambda job: _run(*job), plan):
                del done
        _embed(work, out)
    for bench in out.glob("bench.*.txt"):  # timings vary; the figures must not
        bench.write_text(_TIMING.sub("<t>", bench.read_text(encoding="utf-8")), "utf-8")
    print(f"{len(list(out.iterdir()))} files in {out}")


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    differ = 0
    for name in names:
        pa, pb = a / name, b / name
        if not pa.exists() or not pb.exists():
            print(f"only in {a if pa.exists() else b}: {name}")
            differ += 1
        elif not filecmp.cmp(pa, pb, shallow=False):
            cmp = subprocess.run(["cmp", str(pa), str(pb)], capture_output=True, text=True)
            print(cmp.stdout.strip() or f"differ: {name}")
            if name.startswith("bench."):  # their speed columns may differ: show the lines
                old, new = pa.read_text("utf-8").splitlines(), pb.read_text("utf-8").splitlines()
                print("\n".join(difflib.unified_diff(old, new, lineterm="", n=0)))
            differ += 1
    print(f"{len(names)} files compared with cmp, {differ} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="write every output into a new folder")
    snap.add_argument("folder", type=Path)
    snap.add_argument("--jobs", type=int, default=2, help="commands run at once")
    snap.add_argument("--no-benchmarks", action="store_true", help="skip timex/summaries/tls")
    cmp = sub.add_parser("compare", help="cmp two snapshots file by file")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        snapshot(args.folder, args.jobs, not args.no_benchmarks)
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
