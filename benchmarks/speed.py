"""Speed of a full `timeline build` against the obvious dateparser + sumy script.

Both run in this process on the same articles, one after the other, single core:

- ours: read, sentences, dates, events, summaries (LexRank, 3 sentences), merge, Markdown;
- naive: per article ``dateparser.search.search_dates`` (English, the article date as
  RELATIVE_BASE), the sentence around each hit, a 3-sentence sumy LexRank summary over syntok
  sentences, then all events sorted and rendered to Markdown with jinja2 — what a user
  writes first.

Input: a Timeline17 topic from ../shared/corpora/t17 (each file's folder is its publication
date), copied to a temporary folder with front matter, as a user would feed it.

    .venv/bin/python benchmarks/speed.py                 # H1N1_bbc, all articles
    .venv/bin/python benchmarks/speed.py --topic MJ_bbc --limit 100
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from corpora import T17 as CORPUS
from corpora import t17_articles, write_articles


def prepare(topic: str, limit: int | None, folder: Path) -> list[Path]:
    return write_articles(t17_articles(topic, limit), folder, source="BBC")


def ours(folder: Path) -> tuple[str, int]:
    import timeline
    from timeline.render import render

    tl = timeline.build([folder])
    return render(tl, "md"), len(tl.entries)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topic", default="H1N1_bbc")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        paths = prepare(args.topic, args.limit, Path(tmp))
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"{args.topic}: {len(paths)} articles, {size:.2f} MB")
        results = {}
        for name, func, arg in (("ours", ours, Path(tmp)), ("naive", naive, paths)):
            started = time.perf_counter()
            _, n = func(arg)
            elapsed = time.perf_counter() - started
            results[name] = elapsed
            print(
                f"{name:6} {elapsed:7.2f} s  {len(paths) / elapsed:7.1f} articles/s  "
                f"{size / elapsed:5.2f} MB/s  ({n} timeline items)"
            )
        print(f"ratio  {results['naive'] / results['ours']:.1f}x (naive time / our time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
