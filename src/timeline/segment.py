"""Offline sentence and word segmentation with character offsets.

nupunkt (a Punkt model bundled with the package) finds sentence ends: it needs no
downloaded data and is about twenty times faster than syntok here.  On top of it, a line
break ends a sentence when the line looks finished (it ends in sentence punctuation or is
a short headline-like line, or a blank line follows), so a standfirst or a list item never
runs into the next paragraph, while hard-wrapped prose is still read as one sentence.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from .model import Sentence

_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_FINISHERS = frozenset(".!?:;\"”’')]…»؟۔")  # a line ending in one of these is finished
# Sentence punctuation with more text after it: where the model may find a boundary.
_INNER_END = re.compile(r"[.!?…][\"”’')\]»]*\s+\S")
# Arabic and Urdu sentence ends are never anything else, and the English model does not
# know them: they cut where they stand.
_SCRIPT_END = re.compile(r"[؟۔][\"”’')\]»]*(?=\s+\S)")
_HEADLINE_MAX = 80  # a line this short with no final stop is a headline or dateline
# A line ending in one of these words is wrapped prose, never a headline.
_OPEN_END = re.compile(
    r"\b(?:the|a|an|of|in|on|at|to|for|from|with|by|and|or|but|as|than|that|which|who|its"
    r"|their|his|her|our|is|are|was|were|be|been|has|have|had|will|would|into|over|under)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _nupunkt():  # imported lazily: it loads its model on first use (~15 ms)
    import nupunkt

    return nupunkt


def _hard_breaks(text: str) -> list[int]:
    """Offsets just after the line breaks that end a sentence whatever the model says."""
    breaks = []
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        stripped = line.rstrip("\r\n")
        if line == stripped:  # no \n after it: the last line, or an exotic separator
            pos = end
            continue
        # Only a line's end and the next line's start matter; looking at just those keeps
        # this linear in the text however long its lines are.
        tail = stripped.rstrip()[-16:]
        pos = end
        if not tail or tail[-1] in _FINISHERS:
            breaks.append(end)
            continue
        nxt = text[end : end + 200]
        if nxt.startswith(("\n", "\r\n")) or not nxt.strip():  # a blank line follows
            breaks.append(end)
            continue
        if len(stripped.strip()) > _HEADLINE_MAX:
            continue  # a long unfinished line is wrapped prose
        first = nxt.lstrip(" \t")[:1]
        # wrapped prose goes on in lower case or with a number, or breaks after "the", "of"...
        if not (first.islower() or first.isdigit() or _OPEN_END.search(tail)):
            breaks.append(end)
    return breaks


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets index ``text`` exactly.

    Offsets exclude surrounding whitespace, so ``text[s.start:s.end] == s.text``.
    """
    if not text.strip():
        return []
    hard = _hard_breaks(text)
    cuts = {0, len(text), *hard, *(m.end() for m in _SCRIPT_END.finditer(text))}
    # The model runs only on stretches between hard breaks where a sentence could end
    # before the stretch does: a one-sentence line or a headline needs no model, and in
    # text laid out a sentence a line that is most of it.
    bounds = [0, *hard, len(text)]
    for a, b in itertools.pairwise(bounds):
        stretch = text[a:b]
        if not _INNER_END.search(stretch.rstrip()):
            continue
        for start, end in _nupunkt().sent_spans(stretch):
            cuts.add(a + start)
            cuts.add(a + end)
    out: list[Sentence] = []
    ordered = sorted(cuts)
    for a, b in itertools.pairwise(ordered):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail <= lead:
            continue
        out.append(Sentence(len(out), a + lead, a + trail, chunk[lead:trail]))
    return out


def words(text: str) -> list[str]:
    """Word tokens (letters and digits, inner hyphens and apostrophes kept)."""
    return _WORD.findall(text)
