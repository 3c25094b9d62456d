"""Temporal expressions: spot them, normalise them to TIMEX3, resolve them.

``tag(text, sentences, published, language)`` is the stage's one entry point.  English is
read by spot.py and normalise.py; French, Spanish and Arabic by i18n.py, each with its
own grammar only (lang_fr.py, lang_es.py, lang_ar.py); any other language by the English
grammar, as before those existed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..model import Mention, Sentence
from ..segment import sentences as split_sentences
from .languages import grammar_language
from .normalise import Context, normalise
from .spot import spot

__all__ = ["tag"]

_BACKWARD = re.compile(r"year-ago|year-earlier|last\s+year|previous|preceding", re.IGNORECASE)


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
    grammar = grammar_language(language)
    if grammar != "en":  # French, Spanish, Arabic: that language's grammar and no other
        from .i18n import tag as tag_other

        return tag_other(text, sentences, published, grammar, day_first)
    mentions: list[Mention] = []
    anchor = quarter = frame = None
    for sent in sentences:
        for found in spot(sent.text):
            ctx = Context(
                sent.text,
                published,
                language,
                anchor,
                quarter=quarter,
                frame=frame,
                day_first=day_first,
                spot=found,
            )
            result = normalise(found, ctx)
            if result is None:
                continue
            start, end = sent.start + found.start, sent.start + found.end
            mentions.append(
                Mention(
                    text=text[start:end],
                    start=start,
                    end=end,
                    sentence=sent.index,
                    time=result.time,
                    resolution=result.resolution,
                    rule=found.rule,
                )
            )
            if result.time.is_calendar and found.rule != "unit_rel":
                frame = result.time  # an anaphor ("that year") leaves the frame as it was
            if result.time.is_calendar and (
                result.time.granularity in ("day", "part-of-day") or found.rule == "clock_day"
            ):  # a day told, or a time on a day told: what "the next day" counts from
                anchor = result.time
            if (
                result.time.granularity == "quarter"
                and result.time.is_calendar
                and not _BACKWARD.search(mentions[-1].text)
                and found.rule not in ("ago", "year_ago_adj")
                and (quarter is None or result.time.start > quarter.start)
            ):  # the quarter under discussion: the latest told, not the one compared with
                quarter = result.time
    return mentions
