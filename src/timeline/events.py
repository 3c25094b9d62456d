"""Events: sentences anchored to a calendar date by one of their temporal mentions.

Only mentions that pin down days on the calendar make events.  Durations ("around 25
years of cooperation"), sets ("every day"), generic references ("which today requires",
"now", "the future"), unresolved relative dates and bare clock times do not.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .model import (
    RESOLVED_ABSOLUTE,
    RESOLVED_ANAPHORIC,
    RESOLVED_DCT,
    Event,
    Mention,
    Sentence,
    SourceRef,
)

_HEADLINE_WORDS = 18
# "RABAT –", "Rabat -", "WASHINGTON (Reuters) -": a dateline before the story proper.
_DATELINE = re.compile(r"^[A-Z][\w.'’ ]{1,40}(?:\s*\([^)]{1,30}\))?\s+[–—-]{1,2}\s+")
_PARENS = re.compile(r"\s*\([^()]{1,60}\)")
_CLOCK_RULES = frozenset({"clock", "clock_ap", "clock_dot", "clock_mil"})


def anchors(mention: Mention) -> bool:
    """Whether ``mention`` can date an event."""
    return (
        mention.time.is_calendar
        and mention.resolution in (RESOLVED_ABSOLUTE, RESOLVED_DCT, RESOLVED_ANAPHORIC)
        and mention.rule not in _CLOCK_RULES
    )


def _strip_lead(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Drop a dateline ("Rabat – ") and an opening date phrase ("On Tuesday, ")."""
    m = _DATELINE.match(text)
    if m and m.end() <= start:
        cut = m.end()
        text, start, end = text[cut:], start - cut, end - cut
    if re.match(r"^\W*(?:\w+\s+){0,2}$", text[:start]) and re.match(r"^\s*,\s+", text[end:]):
        rest = text[end:].lstrip(" ,")
        return rest, -1, -1  # the date phrase itself is gone
    return text, start, end


def _strip_tail(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Drop a closing "in 2016." or "on Tuesday.": the entry's date label already says it.
    "since 1994" stays: it says more than the date."""
    if start < 0 or not re.fullmatch(r"\W*", text[end:]):
        return text, start, end
    m = re.search(r"[\s,]+(?:in|on|at|during)\s+$", text[:start], re.IGNORECASE)
    if m is None or len(text[: m.start()].split()) < 4:
        return text, start, end
    return text[: m.start()], -1, -1


def headline(sentence: str, mention_start: int, mention_end: int) -> str:
    """A short headline from the sentence: the clause that holds the date, grown to at
    least eight words, with the dateline, an opening date phrase, a closing "in 2016" and
    asides dropped, and cut near eighteen words."""
    text, start, end = _strip_lead(sentence, mention_start, mention_end)
    text, start, end = _strip_tail(text, start, end)
    if start >= 0:  # keep the mention's place through the removal of asides
        marked = text[:start] + "\x00" + text[start:end] + "\x01" + text[end:]
        text = _PARENS.sub("", marked)
        start = text.find("\x00")
        text = text.replace("\x00", "").replace("\x01", "")
    else:
        text = _PARENS.sub("", text)
    text = text.strip()
    if not re.search(r"\w", text):  # the whole sentence was an aside: keep it, unbracketed
        text, start = sentence.strip().strip("()[]").strip(), -1
    if len(text.split()) > _HEADLINE_WORDS:
        bounds = [0] + [m.end() for m in re.finditer(r"[,;:–—]\s+", text)] + [len(text) + 1]
        clauses = list(itertools.pairwise(bounds))
        i = next((k for k, (a, b) in enumerate(clauses) if a <= max(start, 0) < b), 0)
        # a relative clause needs its antecedent: "this relationship, which dates back to 1995"
        while i > 0 and re.match(
            r"(?i)(?:which|who|whom|whose|where|when)\b", text[clauses[i][0] :]
        ):
            i -= 1
        j = i

        def n_words(a: int, b: int) -> int:
            return len(text[clauses[a][0] : clauses[b][1]].split())

        while n_words(i, j) < 8 and (j + 1 < len(clauses) or i > 0):
            if j + 1 < len(clauses):
                j += 1
            else:
                i -= 1
        text = text[clauses[i][0] : clauses[j][1]].strip().rstrip(",;:–—").strip()
        words = text.split()
        if len(words) > _HEADLINE_WORDS:
            text = " ".join(words[:_HEADLINE_WORDS]).rstrip(",;:–—") + "…"
        elif j < len(clauses) - 1:
            text = text.rstrip(".") + "…"
    text = text.rstrip()
    text = text.removesuffix(".").rstrip() if not text.endswith("..") else text
    return text[:1].upper() + text[1:] if text else text


def extract(
    article_id: str,
    article_index: int,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
) -> list[Event]:
    """One event per sentence and distinct calendar date mentioned in it."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if anchors(m):
            by_sentence.setdefault(m.sentence, []).append(m)
    events: list[Event] = []
    for index in sorted(by_sentence):
        sent = sentences[index]
        seen: set[str] = set()
        for m in by_sentence[index]:
            if m.time.value in seen:
                continue
            seen.add(m.time.value)
            ref = SourceRef(
                article=article_id,
                sentence=sent.text,
                sentence_index=sent.index,
                sentence_start=sent.start,
                sentence_end=sent.end,
                expression=m.text,
                start=m.start,
                end=m.end,
                resolution=m.resolution,
            )
            events.append(
                Event(
                    date=m.time,
                    headline=headline(sent.text, m.start - sent.start, m.end - sent.start),
                    text=sent.text,
                    source=ref,
                    order=(article_index, m.start),
                )
            )
    return events
