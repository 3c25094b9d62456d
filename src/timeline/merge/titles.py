"""A title for a timeline with none: the names most of its articles share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .similarity import STOP_WORDS, WORD


def title_names(text: str) -> tuple[tuple[str, str, int], ...]:
    """The capitalised words of a text (the first word aside) that may name its corpus:
    (lower case, as first written, occurrences), in first-seen order."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for word in [w for w in WORD.findall(text)[1:] if w[0].isupper()]:
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
