"""The one tag loop: every language's sentences are spotted, read and resolved here.

``tag`` takes an article's sentences one at a time.  The article's grammar (grammar.py,
built from lang/<code>.py) spots candidate expressions in the sentence as it matches it (a
normalised view, or the text as written), keeps the longest non-overlapping ones, and each
is read by its rule's reading (readings.py) in a ``Context`` that carries what the article
has told so far: the last day (what "the next day" counts from), the last date of any
precision ("that year") and, where the grammar tracks it, the quarter under discussion.
Offsets are mapped back to the article, so every mention knows its exact text.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Sequence
from datetime import date
from functools import cache

from ..model import Mention, Sentence
from ..segment import sentences as split_sentences
from .cues import ahead
from .grammar import Grammar, Spot, compile_spec, fold_word
from .languages import grammar_language
from .readings import READINGS
from .resolve import Context, Normalised

__all__ = ["grammar", "normalise", "points_ahead", "spot", "tag"]

_LOOK_BACK = 90  # characters before an anchor that hold its few words before
# A word starts after anything but a letter or digit: "1918-1920" and "17-23 October" hold
# expressions that start right after the hyphen.
_WORD_START = re.compile(r"(?<![\w'’-])[\w'’]|(?<=[-–/])\d")


@cache
def grammar(language: str) -> Grammar:
    """The compiled grammar of ``language`` (a code ``grammar_language`` returns), built on
    first use from its module in lang/."""
    module = importlib.import_module(f".lang.{language}", __package__)
    return compile_spec(module.spec())


def _present(g: Grammar, text: str) -> set[str]:
    """The trigger features of a sentence: its words (folded, and in a language with
    proclitics also without them: والثلاثاء, بالأمس, للعام) and the grammar's features."""
    lower = text.lower()
    words = set(g.words.findall(lower))
    if g.views:  # a view is matched case- and accent-blind: so are its words
        words = {fold_word(w) for w in words}
    if g.clitics:
        for w in list(words):
            for cut in (1, 2):
                stripped = w[cut:]
                if len(stripped) >= 2 and all(c in g.clitics for c in w[:cut]):
                    words.add(stripped)
                    if stripped.startswith("ل"):  # "للعام": li + al-
                        words.add("ا" + stripped)
    for token, need, hint, pattern in g.features:
        if (not need or need in words) and hint in lower and pattern.search(lower):
            words.add(token)
    # only words some rule is triggered by matter, and most words of a sentence are not
    return set(g.triggers.intersection(words))


def _starts(g: Grammar, text: str, family: str) -> list[int]:
    """Where an expression of ``family`` can start in ``text``: the anchor itself, even
    where no word starts ("Monday-Wednesday"), and the starts of the few words before it."""
    anchor, before = g.anchors[family]
    starts: set[int] = set()
    for m in anchor.finditer(text):
        a = m.start()
        words = [w.start() for w in _WORD_START.finditer(text, max(0, a - _LOOK_BACK), a)]
        starts.update(words[-before:])
        starts.add(a)
    return sorted(starts)


def spot(g: Grammar, text: str) -> list[Spot]:
    """Every expression of the grammar in ``text`` (a sentence as the grammar matches it):
    non-overlapping, longest first, then leftmost, then the earlier rule."""
    present = _present(g, text)
    candidates: list[tuple[int, int, int, Spot]] = []
    starts: dict[str, list[int]] = {}
    due = sorted({k for token in present for k in g.by_token.get(token, ())})
    for priority in due:
        name, pattern, needs = g.rules[priority]
        if len(needs) > 1 and any(present.isdisjoint(need) for need in needs[1:]):
            continue
        family = g.families.get(name)
        if family is not None:
            if family not in starts:
                starts[family] = _starts(g, text, family)
            matches = [m for pos in starts[family] if (m := pattern.match(text, pos))]
        else:
            matches = list(pattern.finditer(text))
        for m in matches:
            groups = m.groupdict()
            if groups.get("x") is not None:
                start, end = m.span("x")
            elif groups.get("x2") is not None:
                start, end = m.span("x2")
            else:
                start, end = m.span()
            if end <= start:
                continue
            found = {k: v for k, v in groups.items() if v is not None}
            candidates.append((-(end - start), start, priority, Spot(start, end, name, found)))
    return _longest_first(candidates)


def _longest_first(candidates: list[tuple[int, int, int, Spot]]) -> list[Spot]:
    """The non-overlapping spots of ``(-length, start, priority, spot)`` candidates, taken
    greedily longest first (then leftmost, then by rule priority), in text order."""
    candidates.sort(key=lambda c: c[:3])
    # the chosen spans are kept sorted so each check is a bisection
    starts: list[int] = []
    chosen: list[Spot] = []
    for *_, cand in candidates:
        k = bisect.bisect_right(starts, cand.start)
        if k > 0 and chosen[k - 1].end > cand.start:
            continue
        if k < len(chosen) and chosen[k].start < cand.end:
            continue
        starts.insert(k, cand.start)
        chosen.insert(k, cand)
    return chosen


def normalise(sp: Spot, ctx: Context) -> Normalised | None:
    """The TIMEX3 value of ``sp``, or None when it is not a temporal expression after all."""
    try:
        return READINGS[ctx.g.reading(sp.rule)](sp, ctx)
    except (ValueError, OverflowError, KeyError, IndexError, StopIteration):
        # beyond the calendar (year 1 or 9999), or a word the tables do not know after
        # case folding matched it ("ſ"): not a date
        return None


def tag(
    text: str,
    sentences: Sequence[Sentence] | None = None,
    published: date | None = None,
    language: str = "en",
    day_first: bool = True,
) -> list[Mention]:
    """Every temporal expression in ``text``, with offsets into ``text``.

    Relative expressions are resolved against ``published``; without it they stay
    unresolved and say so.  Anaphoric ones ("the next day") are resolved against the last
    calendar date mentioned before them, as news writing does.  ``language`` is the
    article's (an ISO code such as "fr", "es-MX", "ar"; see languages.py): only that
    language's grammar runs.
    """
    if sentences is None:
        sentences = split_sentences(text)
    g = grammar(grammar_language(language))
    mentions: list[Mention] = []
    anchor = frame = quarter = None
    for sent in sentences:
        v = g.view(sent.text) if g.views else None  # else offsets are the sentence's own
        matched = v.text if v is not None else sent.text
        for sp in spot(g, matched):
            ctx = Context(matched, published, g, sp, anchor, frame, quarter, day_first)
            result = normalise(sp, ctx)
            if result is None:
                continue
            s, e = v.span(sp.start, sp.end) if v is not None else (sp.start, sp.end)
            start, end = sent.start + s, sent.start + e
            mention = Mention(
                text=text[start:end],
                start=start,
                end=end,
                sentence=sent.index,
                time=result.time,
                resolution=result.resolution,
                rule=sp.rule,
            )
            mentions.append(mention)
            tv = result.time
            if not tv.is_calendar:
                continue
            if sp.rule != "unit_rel":
                frame = tv  # an anaphor ("that year", "cette année-là") leaves the frame
            if tv.granularity in ("day", "part-of-day") or sp.rule in g.day_rules:
                anchor = tv  # a day told: what "the next day" counts from
            if (
                g.quarter_back is not None
                and tv.granularity == "quarter"
                and not g.quarter_back.search(mention.text)
                and sp.rule not in g.not_the_quarter
                and (quarter is None or tv.start > quarter.start)
            ):  # the quarter under discussion: the latest told, not the one compared with
                quarter = tv
    return mentions


def points_ahead(sentence: str, start: int, language: str = "en", end: int | None = None) -> bool:
    """Whether the tense around offset ``start`` of ``sentence`` (in ``language``) puts
    what follows in the future ("will meet Bush on Thursday", "va signer", "سوف").

    In languages that read the words after an expression too (French, Spanish, Arabic),
    ``end`` defaults to ``start``: then the expression itself is read as a cue, "demain"
    as much as "va signer".  English reads only the clause before, as it always has."""
    g = grammar(grammar_language(language))
    v = g.view(sentence)
    s = v.index(start)
    e = v.index(end) if end is not None else s
    return ahead(g, v.text, s, max(s, e))
