"""Speed and memory of a full `timeline build`, whole process, against the obvious script.

Every measured run is a whole process (interpreter start, imports, reading, writing the
output), started from a small helper process of its own that times it and reads its peak RSS
from ``os.wait4`` (the kernel's ru_maxrss of that one child and its descendants).  A
process spawned straight from this script would inherit this script's RSS as its starting
peak, hence the helper; its floor is about 10 MB, far below any measured run.  Peak RSS is
that of the largest single process; ``--jobs-compare`` also samples the whole process
tree's PSS (10 times a second) since worker processes add up.

Sections (a table each; several may be given at once):

- compare (the default when no other section is asked for, else ``--compare``): on a
  Timeline17 topic of ../shared/corpora/t17, one after the other,
  - ours: ``timeline build DIR -f md -o OUT``: read, sentences, dates, events, summaries
    (3 sentences), merge, Markdown; as a user runs it (default ``--jobs``: a process per
    core), then with ``--jobs 1`` (one process, like for like) when the option exists;
  - naive: a Python process running per article ``dateparser.search.search_dates``
    (English, the article date as RELATIVE_BASE), the sentence around each hit, a
    3-sentence sumy LexRank summary over syntok sentences, then all events sorted and
    rendered to Markdown with jinja2 — what a user writes first (one process);
  then the ratio naive time / our time.
- ``--jobs-compare``: ``timeline build DIR --jobs 1`` vs ``--jobs 2`` on the topic, the
  speed-up, and whether both outputs are byte-identical.
- ``--cache-compare``: ``timeline build DIR --cache C`` on the topic less its newest 1% of
  articles (cold cache), then again with those articles added (same cache); both times,
  their ratio (target: the rebuild under 10% of the first build), and whether the rebuilt
  output equals a build without a cache.
- ``--synthetic N[,N...]``: a synthetic news corpus of N articles per size from ``--seed``
  (benchmarks/synthetic.py; nothing shipped, written to a temporary folder in subfolders of
  1,000 and deleted after its size), then ``timeline build DIR -f json -o OUT``;
  the time per 1,000 articles shows whether the cost is linear.  The naive script runs too
  for sizes up to ``--naive-max`` (1,000): above that it takes far too long.

Topic input: each file's folder is its publication date; articles are copied to a temporary
folder with front matter, as a user would feed them.  Every temporary folder (articles,
outputs, cache) is deleted at the end; set TMPDIR to put them on another disk.  Timings are
wall clock: other processes on the machine slow them down (the load average is printed).

    .venv/bin/python benchmarks/speed.py                          # H1N1_bbc, ours vs naive
    .venv/bin/python benchmarks/speed.py --topic haiti_bbc        # the ~300-article topic
    .venv/bin/python benchmarks/speed.py --topic MJ_bbc --limit 100 --repeat 3
    .venv/bin/python benchmarks/speed.py --topic haiti_bbc --jobs-compare
    .venv/bin/python benchmarks/speed.py --topic haiti_bbc --cache-compare
    .venv/bin/python benchmarks/speed.py --synthetic 1000,10000,100000 --seed 1
    .venv/bin/python benchmarks/speed.py --synthetic 1000,10000 --ours-args "--jobs 1"
    .venv/bin/python benchmarks/speed.py --topic haiti_bbc --compare --jobs-compare \\
        --cache-compare --synthetic 200,1000              # everything
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from corpora import T17 as CORPUS
from corpora import t17_articles, write_articles

HERE = Path(__file__).resolve()
_BIN = Path(sys.executable).with_name("timeline")
TIMELINE = [str(_BIN)] if _BIN.exists() else [sys.executable, "-m", "timeline"]

# Runs the command given as JSON in argv[1], reaps it with wait4 and prints, as JSON, its wall
# time, its ru_maxrss (largest single process of its tree) and, when asked, the peak of the
# tree's summed PSS sampled every 0.1 s.  Only the standard library: started with -I -S.
_HELPER = r"""
import json, os, signal, subprocess, sys, threading, time

a = json.loads(sys.argv[1])
peak = [0]


def tree_kb(root):
    kids = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += kids.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


killed = []


def end(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass


def kill(pid):
    killed.append(pid)
    end(pid)


with open(a["stdout"], "wb") as out, open(a["stderr"], "wb") as err:
    started = time.perf_counter()
    p = subprocess.Popen(
        a["cmd"], stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True
    )
    stop = threading.Event()
    if a["tree"] and os.path.isdir("/proc"):

        def sample():
            while not stop.wait(0.1):
                peak[0] = max(peak[0], tree_kb(p.pid))

        threading.Thread(target=sample, daemon=True).start()
    timer = threading.Timer(a["timeout"], kill, (p.pid,)) if a["timeout"] else None
    if timer:
        timer.start()
    # Ctrl-C or kill: the run is in a session of its own, so end it too, then reap it
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: end(p.pid))
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - started
    stop.set()
    if timer:
        timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
maxrss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
timed_out = bool(killed) and p.returncode == -signal.SIGKILL
print(json.dumps({"seconds": seconds, "maxrss_kb": maxrss, "tree_kb": peak[0] or None,
                  "returncode": p.returncode, "timed_out": timed_out}))
"""


@dataclass
class Run:
    seconds: float
    rss_mb: float  # peak RSS of the largest single process
    tree_mb: float | None  # sampled peak PSS of the whole process tree
    returncode: int
    timed_out: bool
    stdout: str
    stderr: str


def measure(cmd: list[str], *, tree: bool = False, timeout: float | None = None) -> Run:
    """Run ``cmd`` to its end from a fresh helper process; its time and peak memory."""
    with tempfile.TemporaryDirectory(prefix="timeline-run-") as tmp:
        out, err = Path(tmp, "stdout"), Path(tmp, "stderr")
        spec = {"cmd": cmd, "stdout": str(out), "stderr": str(err), "tree": tree}
        spec["timeout"] = timeout
        helper = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", _HELPER, json.dumps(spec)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            stdout, _ = helper.communicate()
        except BaseException:  # the helper ends the measured run on SIGTERM
            helper.terminate()
            helper.wait()
            raise
        if helper.returncode != 0:
            raise RuntimeError(f"measuring helper failed (exit code {helper.returncode})")
        r = json.loads(stdout.strip().splitlines()[-1])
        return Run(
            r["seconds"],
            r["maxrss_kb"] / 1024,
            r["tree_kb"] / 1024 if r["tree_kb"] else None,
            r["returncode"],
            r["timed_out"],
            out.read_text(encoding="utf-8", errors="replace"),
            err.read_text(encoding="utf-8", errors="replace"),
        )


def failure(run: Run) -> str:
    if run.timed_out:
        return "timed out"
    if run.returncode == -9:
        return "killed (SIGKILL: out of memory?)"
    return f"exit code {run.returncode}"


def best(cmd: list[str], repeat: int, what: str, fatal: bool = True, **kwargs) -> Run:
    """The fastest of ``repeat`` runs.  A failed run stops the benchmark, or with ``fatal``
    false is returned (returncode not 0) after its stderr is shown."""
    runs = []
    for _ in range(max(1, repeat)):
        print(f"  running {what} ...", end=" ", flush=True)
        run = measure(cmd, **kwargs)
        if run.returncode != 0:
            print(failure(run), flush=True)
            tail = "\n".join(run.stderr.strip().splitlines()[-15:])
            message = f"{what} failed ({failure(run)}): {shlex.join(cmd)}\n{tail}"
            if fatal:
                sys.exit(message)
            print(message, file=sys.stderr, flush=True)
            return run
        print(f"{run.seconds:.2f} s, peak RSS {run.rss_mb:.0f} MB", flush=True)
        runs.append(run)
    return min(runs, key=lambda r: r.seconds)


OURS_ARGS: list[str] = []  # --ours-args, added to every `timeline build`


def ours_cmd(folder: Path, out: Path, fmt: str, *extra: str) -> list[str]:
    return [*TIMELINE, "build", str(folder), "-f", fmt, "-o", str(out), *extra, *OURS_ARGS]


def naive_cmd(folder: Path, out: Path) -> list[str]:
    return [sys.executable, str(HERE), "--naive-run", str(folder), str(out)]


def entries(run: Run) -> str:
    """How many timeline entries ours wrote, from its closing message."""
    m = re.search(r"\((\d[\d,]*) entr", run.stderr)
    return m.group(1) if m else "?"


@functools.cache
def build_help() -> str:
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1", "TERM": "dumb"}
    cmd = [*TIMELINE, "build", "--help"]
    return subprocess.run(cmd, capture_output=True, text=True, env=env).stdout


def has_option(name: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", build_help()) is not None


def table(title: str, headers: list[str], rows: list[list[object]]) -> None:
    """A Markdown table: text columns left-aligned, the rest right-aligned."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in [headers, *cells]) for i in range(len(headers))]
    numeric = [
        all(re.match(r"^[\d.,x%?-]*$|^n/a$", r[i]) for r in cells) for i in range(len(headers))
    ]

    def line(row: list[str]) -> str:
        parts = (
            c.rjust(w) if n else c.ljust(w) for c, w, n in zip(row, widths, numeric, strict=True)
        )
        return "| " + " | ".join(parts) + " |"

    print(f"\n{title}\n")
    print(line(headers))
    print(
        "|"
        + "|".join(
            ("-" * (w + 1) + ":") if n else "-" * (w + 2)
            for w, n in zip(widths, numeric, strict=True)
        )
        + "|"
    )
    for row in cells:
        print(line(row))
    print(flush=True)


def speed_cells(run: Run, articles: int, mb: float) -> list[str]:
    """seconds, articles/s, MB/s, peak RSS MB."""
    return [
        f"{run.seconds:.2f}",
        f"{articles / run.seconds:.1f}",
        f"{mb / run.seconds:.2f}",
        f"{run.rss_mb:.0f}",
    ]


def load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load n/a"
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def available_mb() -> float:
    """MemAvailable of /proc/meminfo, in MB (infinite where there is none)."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return math.inf


def size_mb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


# --- sections -----------------------------------------------------------------------------


def compare(topic: str, limit: int | None, repeat: int, timeout: float | None, tmp: Path) -> None:
    folder, out = tmp / "compare", tmp / "compare-out"
    folder.mkdir()
    out.mkdir()
    paths = write_articles(t17_articles(topic, limit), folder, source="BBC")
    mb = size_mb(paths)
    print(f"\n## {topic}: ours vs naive ({len(paths)} articles, {mb:.2f} MB; {load()})")
    runs = [
        ("ours", best(ours_cmd(folder, out / "ours.md", "md"), repeat, "ours", timeout=timeout))
    ]
    if has_option("--jobs") and "--jobs" not in OURS_ARGS:  # like for like: one process
        cmd = ours_cmd(folder, out / "ours1.md", "md", "--jobs", "1")
        runs.append(("ours --jobs 1", best(cmd, repeat, "ours --jobs 1", timeout=timeout)))
    naive = best(naive_cmd(folder, out / "naive.md"), repeat, "naive", timeout=timeout)
    table(
        f"{topic}, whole process, best of {repeat}",
        ["tool", "seconds", "articles/s", "MB/s", "peak RSS MB", "timeline items"],
        [[name, *speed_cells(r, len(paths), mb), entries(r)] for name, r in runs]
        + [["naive", *speed_cells(naive, len(paths), mb), naive.stdout.strip() or "?"]],
    )
    for name, r in runs:
        print(f"ratio {naive.seconds / r.seconds:.1f}x (naive time / {name} time)")


def jobs_compare(topic: str, limit: int | None, repeat: int, timeout: float | None, tmp: Path):
    print(f"\n## {topic}: --jobs 1 vs --jobs 2")
    if not has_option("--jobs"):
        print("skipped: --jobs not available (not listed by `timeline build --help`)")
        return
    folder = tmp / "jobs"
    folder.mkdir()
    paths = write_articles(t17_articles(topic, limit), folder, source="BBC")
    mb = size_mb(paths)
    print(f"{len(paths)} articles, {mb:.2f} MB; {load()}")
    if (os.cpu_count() or 1) < 2:
        print("warning: one CPU only, --jobs 2 cannot be faster here")
    runs, outputs = {}, {}
    for jobs in (1, 2):
        outputs[jobs] = tmp / f"jobs-{jobs}.json"
        cmd = ours_cmd(folder, outputs[jobs], "json", "--jobs", str(jobs))
        runs[jobs] = best(cmd, repeat, f"--jobs {jobs}", tree=True, timeout=timeout)
    same = outputs[1].read_bytes() == outputs[2].read_bytes()
    table(
        f"{topic}, `timeline build -f json --jobs N`, best of {repeat}",
        ["jobs", "seconds", "articles/s", "MB/s", "peak RSS MB", "tree PSS MB", "items"],
        [
            [
                str(j),
                *speed_cells(r, len(paths), mb),
                f"{r.tree_mb:.0f}" if r.tree_mb else "n/a",
                entries(r),
            ]
            for j, r in runs.items()
        ],
    )
    print(f"speed-up {runs[1].seconds / runs[2].seconds:.2f}x (--jobs 1 time / --jobs 2 time)")
    print(f"outputs byte-identical: {'yes' if same else 'NO'}")
    print("(peak RSS: largest single process; tree PSS: all processes, sampled at 10 Hz)")


def cache_compare(topic: str, limit: int | None, repeat: int, timeout: float | None, tmp: Path):
    print(f"\n## {topic}: --cache, cold build then rebuild with 1% more articles")
    if not has_option("--cache"):
        print("skipped: --cache not available (not listed by `timeline build --help`)")
        return
    docs = t17_articles(topic, limit)  # sorted by publication date: the newest come last
    held = max(1, math.ceil(len(docs) / 100))
    folder, cache = tmp / "cache-articles", tmp / "cache"
    folder.mkdir()
    first = write_articles(docs[:-held], folder, source="BBC")
    print(f"{len(docs)} articles; {held} newest held back; {load()}")
    rows = []

    def step(name: str, out: Path, articles: int, *extra: str, fresh_cache: bool = False):
        runs = []
        for _ in range(max(1, repeat)):
            if fresh_cache:
                shutil.rmtree(cache, ignore_errors=True)
            runs.append(best(ours_cmd(folder, out, "json", *extra), 1, name, timeout=timeout))
        run = min(runs, key=lambda r: r.seconds)
        mb = size_mb(sorted(folder.rglob("*.txt")))
        rows.append([name, str(articles), *speed_cells(run, articles, mb), entries(run)])
        return run

    cold = step(
        "cold cache", tmp / "cold.json", len(first), "--cache", str(cache), fresh_cache=True
    )
    cache_mb = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 1e6
    snapshot = tmp / "cache-cold"  # each repeat of the rebuild starts from the cold cache
    shutil.copytree(cache, snapshot)
    write_articles(docs[-held:], folder, source="BBC")
    rebuilds = []
    for _ in range(max(1, repeat)):
        shutil.rmtree(cache)
        shutil.copytree(snapshot, cache)
        rebuilds.append(
            best(
                ours_cmd(folder, tmp / "warm.json", "json", "--cache", str(cache)),
                1,
                "rebuild",
                timeout=timeout,
            )
        )
    warm = min(rebuilds, key=lambda r: r.seconds)
    mb = size_mb(sorted(folder.rglob("*.txt")))
    rows.append(
        [f"rebuild (+{held} new)", str(len(docs)), *speed_cells(warm, len(docs), mb), entries(warm)]
    )
    plain = step("no cache", tmp / "plain.json", len(docs))
    table(
        f"{topic}, `timeline build -f json [--cache C]`, best of {repeat}",
        ["build", "articles", "seconds", "articles/s", "MB/s", "peak RSS MB", "items"],
        rows,
    )
    ratio = warm.seconds / cold.seconds
    print(
        f"rebuild / cold build = {ratio:.1%} (target < 10%: {'met' if ratio < 0.1 else 'NOT met'});"
        f" cold build / no cache = {cold.seconds / plain.seconds:.2f}x; cache {cache_mb:.1f} MB"
    )
    same = (tmp / "warm.json").read_bytes() == (tmp / "plain.json").read_bytes()
    print(f"rebuilt output equals the build without cache: {'yes' if same else 'NO'}")


def synthetic(
    sizes: list[int], seed: int, naive_max: int, repeat: int, timeout: float | None, tmp: Path
) -> None:
    import synthetic as corpus

    print(f"\n## synthetic corpus, seed {seed}: sizes {', '.join(f'{n:,}' for n in sizes)}")
    print(f"naive script only for sizes <= {naive_max:,} (far too slow above); {load()}")
    rows, projected = [], None
    for n in sizes:
        folder = tmp / f"synthetic-{n}"
        need = n * 25_000  # 3.7 KB an article (5.3 on disk), ~12 KB of JSON, room to spare
        free = shutil.disk_usage(tmp).free
        if need > free:
            print(f"skipped {n:,}: needs about {need / 1e9:.1f} GB in {tmp}, {free / 1e9:.1f} free")
            continue
        if projected and projected[1] / projected[0] * n > available_mb():
            print(
                f"warning: at {projected[1] / projected[0]:.2f} MB an article (the last size),"
                f" {n:,} articles would need about {projected[1] / projected[0] * n / 1e3:.0f}"
                f" GB of RSS; {available_mb() / 1e3:.0f} GB available"
            )
        started = time.perf_counter()
        mb = corpus.generate(folder, n, seed) / 1e6
        print(f"generated {n:,} articles, {mb:.1f} MB in {time.perf_counter() - started:.1f} s")
        print(f"  {load()}")
        cmds = [("ours", ours_cmd(folder, tmp / "out.json", "json"))]
        if n <= naive_max:
            cmds.append(("naive", naive_cmd(folder, tmp / "naive.md")))
        for name, cmd in cmds:
            run = best(cmd, repeat, name, fatal=False, timeout=timeout)
            if run.returncode != 0:
                rows.append([f"{n:,}", f"{mb:.1f}", name, failure(run), *[""] * 5])
                continue
            if name == "ours":
                projected = (n, run.rss_mb)
            items = entries(run) if name == "ours" else run.stdout.strip() or "?"
            per_k = f"{run.seconds / n * 1000:.2f}"
            rows.append([f"{n:,}", f"{mb:.1f}", name, *speed_cells(run, n, mb), per_k, items])
        shutil.rmtree(folder)
        (tmp / "out.json").unlink(missing_ok=True)
        (tmp / "naive.md").unlink(missing_ok=True)
    table(
        f"synthetic news, `timeline build DIR -f json -o OUT`, best of {repeat}",
        [
            "articles",
            "MB",
            "tool",
            "seconds",
            "articles/s",
            "MB/s",
            "peak RSS MB",
            "s per 1k articles",
            "items",
        ],
        rows,
    )


# --- the naive script, run as a process of its own ---------------------------------------


class _SyntokTokenizer:
    """What a user plugs into sumy when NLTK's punkt data is not there."""

    language = "english"
    _word = re.compile(r"\w+")

    def to_sentences(self, paragraph: str) -> list[str]:
        import syntok.segmenter as segmenter

        return [
            "".join(t.spacing + t.value for t in sentence).strip()
            for para in segmenter.analyze(paragraph)
            for sentence in para
        ]

    def to_words(self, sentence: str) -> list[str]:
        return self._word.findall(sentence)


NAIVE_TEMPLATE = """# Timeline
{% for e in events %}
- **{{ e.date }}** {{ e.sentence }} ({{ e.source }})
{% endfor %}
## Summaries
{% for a in articles %}
### {{ a.name }}
{{ a.summary | join(" ") }}
{% endfor %}
"""


def naive(paths: list[Path]) -> tuple[str, int]:
    import jinja2
    import yaml
    from dateparser.search import search_dates
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = _SyntokTokenizer()
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    events, articles = [], []
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        _, front, body = raw.split("---\n", 2)
        published = yaml.safe_load(front)["published"]
        base = datetime(published.year, published.month, published.day)
        sentences = tokenizer.to_sentences(body)
        hits = search_dates(body, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        for text, when in hits:
            sentence = next((s for s in sentences if text in s), text)
            events.append({"date": when.date(), "sentence": sentence, "source": path.name})
        doc = PlaintextParser.from_string(body, tokenizer).document
        summary = [str(s) for s in summarizer(doc, 3)]
        articles.append({"name": path.name, "summary": summary})
    events.sort(key=lambda e: e["date"])
    md = jinja2.Template(NAIVE_TEMPLATE).render(events=events, articles=articles)
    return md, len(events)


def start(repeat: int) -> None:
    """How long `timeline --help` takes, whole process, against `python -c "import typer"`
    (the least a typer CLI could take); best of ``repeat`` each, alternated."""
    env = {**os.environ, "COLUMNS": "100"}
    cmds = {
        "timeline --help": [*TIMELINE, "--help"],
        "timeline build --help": [*TIMELINE, "build", "--help"],
        'python -c "import typer"': [sys.executable, "-c", "import typer"],
    }
    times: dict[str, float] = {}
    for _ in range(repeat):
        for what, cmd in cmds.items():
            began = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env, check=True)
            took = time.perf_counter() - began
            times[what] = min(times.get(what, took), took)
    base = times['python -c "import typer"']
    rows = [[what, f"{t * 1000:.0f}", f"{t / base:.2f}x"] for what, t in times.items()]
    table(
        f"Start (best of {repeat}; target: --help <= 1.3x import typer)",
        ["command", "ms", "vs typer"],
        rows,
    )


def sizes_arg(text: str) -> list[int]:
    try:
        sizes = [int(s.replace("_", "")) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes are positive numbers, e.g. 1000,10000")
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--topic", default="H1N1_bbc", help="Timeline17 topic (haiti_bbc: ~300)")
    parser.add_argument("--limit", type=int, default=None, help="first N files of the topic")
    parser.add_argument("--compare", action="store_true", help="ours vs naive on the topic")
    parser.add_argument("--jobs-compare", action="store_true", help="--jobs 1 vs --jobs 2")
    parser.add_argument("--cache-compare", action="store_true", help="cold vs +1%% rebuild")
    parser.add_argument("--start", action="store_true", help="timeline --help vs import typer")
    parser.add_argument("--synthetic", type=sizes_arg, metavar="N[,N...]", help="corpus sizes")
    parser.add_argument("--seed", type=int, default=1, help="of the synthetic corpus")
    parser.add_argument("--naive-max", type=int, default=1000, help="naive up to this size")
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs")
    parser.add_argument("--timeout", type=float, default=None, help="seconds per run")
    parser.add_argument(
        "--ours-args", default="", metavar="ARGS", help='added to every build, e.g. "--jobs 1"'
    )
    parser.add_argument("--naive-run", nargs=2, metavar=("DIR", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.naive_run:  # the naive script itself, measured by the parent
        folder, out = map(Path, args.naive_run)
        md, n = naive(sorted(folder.rglob("*.txt")))
        out.write_text(md, encoding="utf-8")
        print(n)
        return 0

    signal.signal(signal.SIGTERM, signal.default_int_handler)  # kill: clean up as Ctrl-C does
    OURS_ARGS[:] = shlex.split(args.ours_args)
    on_topic = args.compare or args.jobs_compare or args.cache_compare
    if not on_topic and not args.synthetic and not args.start:
        args.compare = on_topic = True
    if on_topic and not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    if on_topic and not any(CORPUS.glob(f"{args.topic}/InputDocs/*/*.txt")):
        print(f"no topic {args.topic!r} in {CORPUS}", file=sys.stderr)
        return 2
    print(f"timeline: {' '.join(TIMELINE)} build ... {' '.join(OURS_ARGS)}".rstrip())
    print(f"Python {sys.version.split()[0]}; {load()}")
    with tempfile.TemporaryDirectory(prefix="timeline-speed-") as name:
        tmp = Path(name)
        common = (args.topic, args.limit, args.repeat, args.timeout, tmp)
        if args.compare:
            compare(*common)
        if args.jobs_compare:
            jobs_compare(*common)
        if args.cache_compare:
            cache_compare(*common)
        if args.start:
            start(max(args.repeat, 10))
        if args.synthetic:
            synthetic(args.synthetic, args.seed, args.naive_max, args.repeat, args.timeout, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
