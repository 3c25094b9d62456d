"""Summaries against the BBC News Summary references: ROUGE and time, every summariser.

For each of the 100 article/summary pairs of ../shared/corpora/bbc-summaries (one sentence
a line; the article's first line is its headline and is not summarised), every registered
summariser, and Lead-3, picks sentences; ROUGE-1/2/L F1 (the rouge-score package,
stemming on) is averaged over the articles, at 3 sentences and at k = the reference's
length, with the median time per article.

    .venv/bin/python benchmarks/summaries.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc-summaries"


def load() -> list[tuple[str, str, str]]:
    """(name, article body without its headline, reference summary)."""
    pairs = []
    for article in sorted((CORPUS / "article").glob("*/*.txt")):
        reference = CORPUS / "summary" / article.parent.name / article.name
        lines = article.read_text(encoding="utf-8").splitlines()
        body = "\n".join(lines[1:]).strip()
        pairs.append((f"{article.parent.name}/{article.stem}", body, reference.read_text()))
    return pairs


def main() -> int:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    from rouge_score import rouge_scorer

    from timeline.segment import sentences
    from timeline.summarize import DEFAULT_METHOD, available, summarize

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    pairs = load()
    split = [(name, sentences(body), ref) for name, body, ref in pairs]
    methods = available()
    summarize(split[0][1], count=3, method="lexrank")  # load sumy and numpy before timing
    print(f"{len(pairs)} articles; ROUGE F1 x 100, median ms per article; * = the default")
    print(f"{'method':10} {'k':>4} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'ms':>7}")
    for k_name in ("3", "ref"):
        for method in methods:
            scores = {"rouge1": [], "rouge2": [], "rougeL": []}
            times = []
            for _, sents, ref in split:
                k = 3 if k_name == "3" else max(1, len([x for x in ref.splitlines() if x.strip()]))
                started = time.perf_counter()
                chosen = summarize(sents, count=k, method=method)
                times.append((time.perf_counter() - started) * 1000)
                result = scorer.score(ref, "\n".join(s.text for s in chosen))
                for key in scores:
                    scores[key].append(result[key].fmeasure)
            label = method + ("*" if method == DEFAULT_METHOD else "")
            means = [100 * statistics.fmean(scores[key]) for key in ("rouge1", "rouge2", "rougeL")]
            print(
                f"{label:10} {k_name:>4} {means[0]:6.2f} {means[1]:6.2f} {means[2]:6.2f} "
                f"{statistics.median(times):7.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
