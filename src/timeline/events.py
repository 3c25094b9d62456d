"""Events: sentences anchored to a calendar date by one of their temporal mentions.

Only mentions that pin down days on the calendar make events.  Durations ("around 25
years of cooperation"), sets ("every day"), generic references ("which today requires",
"now", "the future"), unresolved relative dates and bare clock times do not.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import date

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

# Reported speech: who says so, at the end ("…, Bourita said on Tuesday."), at the start
# ("Bourita said that …", "According to the ministry, …") or inverted ("…, said Bourita.").
_GROUPS = (
    r"(?:(?:local|senior|health|government|military|US|UN|police|hospital)\s+)?(?:officials|police"
    r"|sources|analysts|experts|witnesses|residents|authorities|doctors|scientists"
    r"|investigators|prosecutors|diplomats|organi[sz]ers|spokes(?:man|woman|person))"
)
_SPEAKER = (
    rf"(?:{_GROUPS}|(?:[A-Z][\w'’-]*\.?|the|a|an|his|her|their|its|le|la|les|el|los|las|l['’])"
    r"(?:\s+(?:[A-Z][\w'’-]*\.?|of|the|for|and|de|[a-z][\w'’-]*(?=\s+[A-Z]))){0,6})"
)
_SAID = (
    r"(?:said|says|told\s+(?:[A-Z][\w.'’-]*\s*){1,3}|added|stated|announced|reported|confirmed"
    r"|explained|noted|warned|insisted|claimed|stressed|emphasi[sz]ed|declared)"
)
_WHEN = r"(?:\s+(?:on|in|at|last|this|late|early)\s+[^,.;]{1,30}|\s+(?:yesterday|today|tonight))?"
# French and Spanish put the verb first: "…», a déclaré M. Bourita, qui a plaidé …".
_SAID_FIRST = (
    r"(?:said|says|added|told\s+\w+|a(?:-t-(?:il|elle))?\s+(?:déclaré|affirmé|indiqué|ajouté"
    r"|souligné|précisé|expliqué|dit|estimé)|(?:dijo|afirmó|declaró|añadió|señaló|aseguró"
    r"|explicó|indicó))"
)
_ATTRIBUTION_END = re.compile(
    rf"[,”\"’'»]+\s*(?P<who>{_SPEAKER}|he|she|they|it)\s+(?P<verb>{_SAID}){_WHEN}\s*[.!]?\s*$"
    rf"|[,”\"’'»]+\s*(?P<verb2>{_SAID_FIRST})\s+(?P<who2>{_SPEAKER}){_WHEN}"
    r"(?:,\s*(?:qui|quien|que|who)\b[^.;]*)?\s*[.!]?\s*$"
)
_ATTRIBUTION_START = re.compile(
    rf"^(?:(?P<who>{_SPEAKER})\s+(?P<verb>{_SAID}){_WHEN}\s*(?:that\s+|:\s*|,\s*)"
    r"|(?P<acc>(?:[Aa]ccording\s+to|[Ss]elon|[Dd]['’]après|[Ss]egún)\s+[^,]{2,60}),\s*)"
)
_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"


def attribution(sentence: str) -> tuple[str, int, int]:
    """Who the sentence is attributed to, and the span of the claim itself.

    >>> attribution("Morocco will sign the deal in 2020, Bourita said on Tuesday.")
    ('Bourita said', 0, 34)
    >>> attribution("According to the ministry, the first case was confirmed on 27 April.")[0]
    'according to the ministry'

    Returns ``("", 0, len(sentence))`` when nobody is named."""
    m = _ATTRIBUTION_END.search(sentence)
    if m and m.start() > 0:
        who = (m.group("who") or m.group("who2") or "").rstrip(".")
        verb = m.group("verb") or m.group("verb2")
        if who and len(sentence[: m.start()].split()) >= 3:
            return f"{who} {verb}".strip(), 0, m.start()
    m = _ATTRIBUTION_START.match(sentence)
    if m and len(sentence[m.end() :].split()) >= 3:
        if m.group("acc"):
            return m.group("acc")[0].lower() + m.group("acc")[1:], m.end(), len(sentence)
        return f"{m.group('who')} {m.group('verb')}".strip(), m.end(), len(sentence)
    return "", 0, len(sentence)


def _balance_quotes(text: str) -> str:
    """Close a quotation the cut left open; drop closing marks whose opening was cut."""
    opened = sum(text.count(q) for q in "“«")
    closed = sum(text.count(q) for q in "”»")
    for _ in range(closed - opened):  # orphans come first: their openings were cut away
        first = min(i for i in (text.find("”"), text.find("»")) if i >= 0)
        text = text[:first] + text[first + 1 :]
    if opened > closed:
        text = text.rstrip() + "”" * (opened - closed)
    if text.count('"') % 2:
        text = text + '"' if text.startswith('"') else text[::-1].replace('"', "", 1)[::-1]
    return text


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
    asides dropped, and cut near eighteen words.  Reported speech keeps its attribution
    ("…, Bourita said") and quotation marks stay balanced."""
    m = _DATELINE.match(sentence)
    cut = m.end() if m and m.end() <= mention_start else 0
    who, a, b = attribution(sentence[cut:])
    a, b = a + cut, b + cut
    if who and a <= mention_start and mention_end <= b:
        claim = sentence[a:b].strip().strip(",").strip()
        quoted = claim[:1] in _OPEN_QUOTES + '"'
        claim = claim.strip("".join(_OPEN_QUOTES + _CLOSE_QUOTES) + '"').strip().rstrip(",")
        offset = sentence.find(claim, a)
        budget = max(8, _HEADLINE_WORDS - len(who.split()))
        core = _headline(claim, mention_start - offset, mention_end - offset, budget)
        ellipsis = "…" if core.endswith("…") else ""
        core = core.rstrip(".…").strip()
        if quoted:  # the speaker's own words stay marked as such
            return _balance_quotes(f"“{_balance_quotes(core)}{ellipsis}”, {who}")
        return _balance_quotes(f"{core}{ellipsis}, {who}")
    return _balance_quotes(_headline(sentence, mention_start, mention_end))


def _headline(
    sentence: str, mention_start: int, mention_end: int, limit: int = _HEADLINE_WORDS
) -> str:
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
    if len(text.split()) > limit:
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
        while i > 0 and re.match(
            r"(?i)(?:which|who|whom|whose|where|when)\b", text[clauses[i][0] :]
        ):
            i -= 1
        text = text[clauses[i][0] : clauses[j][1]].strip().rstrip(",;:–—").strip()
        words = text.split()
        if len(words) > limit:
            text = " ".join(words[:limit]).rstrip(",;:–—") + "…"
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
    published: date | None = None,
    language: str = "en",
) -> list[Event]:
    """One event per sentence and distinct calendar date mentioned in it.

    An event is *planned* when it lies ahead of the article's publication date
    (``published``) or a future construction governs its date ("will visit on Tuesday")."""
    from .summarize import is_comment
    from .temporal import points_ahead

    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if anchors(m):
            by_sentence.setdefault(m.sentence, []).append(m)
    for index in [i for i in by_sentence if is_comment(sentences[i].text)]:
        del by_sentence[index]  # readers' comments and their time stamps are not reporting
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
            local = m.start - sent.start
            ahead = published is not None and m.time.start is not None and m.time.start > published
            if not ahead and points_ahead(sent.text, local, language, m.end - sent.start):
                ahead = published is None or (m.time.end is not None and m.time.end >= published)
            events.append(
                Event(
                    date=m.time,
                    headline=headline(sent.text, local, m.end - sent.start),
                    text=sent.text,
                    source=ref,
                    order=(article_index, m.start),
                    planned=ahead,
                    attribution=attribution(sent.text)[0],
                    context=" ".join(
                        sentences[k].text
                        for k in sorted({0, 1, index - 1} - {index})
                        if 0 <= k < len(sentences)
                    ),
                )
            )
    return events
