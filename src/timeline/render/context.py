"""The context every format is built from: one dict of plain data per timeline.

:func:`context` builds it whole (lists); :func:`streaming_context` builds the same keys
with ``entries`` and ``years`` made as they are read, for a timeline whose entries are on
disk (they are iterated, never indexed, never all held at once).

Keys
----
``title``
    The timeline's title (str).
``start_label``, ``end_label``
    Labels of the earliest-starting and latest-ending entries ("1994", "22 January 2019"),
    honest to their precision; None when there is no dated entry (see :func:`bounds`).
``entries``
    A list of dicts, one per entry, in timeline order:

    - ``id``, ``headline``, ``text`` (str);
    - ``label``: the date as a reader sees it (:func:`date_label`);
    - ``date``: the JSON date dict ``{"value", "type", "granularity", "start", "end",
      "label", "mod"}`` (``start``/``end`` ISO days or None);
    - ``datetime``: a valid HTML ``<time datetime>`` value at the entry's precision
      ("1994", "2019-01", "2019-W03", "2019-01-22") or None when HTML cannot express it
      (decades, centuries, unresolved values);
    - ``heading``: the year-ish group heading ("1994", "1990s", "Undated");
    - ``quoted``: True when ``text`` is one of the source sentences (so a template that
      quotes the sources need not repeat it);
    - ``sources``: a list of dicts: ``article`` (article id), ``outlet``, ``title``,
      ``cite`` ("Outlet: Title", or the title alone), ``url`` (as given), ``link`` (the
      URL when :func:`safe_url` accepts it, else None: only ``link`` may become a
      hyperlink), ``published`` (ISO or None), ``published_label``, ``language``,
      ``sentence``, ``expression``, ``resolution``, ``start``, ``end``,
      ``sentence_start``, ``sentence_end``, ``sentence_index`` and ``highlight``: the
      sentence split around the expression, ``{"before", "match", "after"}`` (``match`` is
      "" when the expression could not be located);
    - ``conflicts``: a list of dicts, one per :class:`timeline.model.Conflict`, each with
      ``note`` (str, never empty); merging gives ``entry`` (the other entry's id), ``date``
      (its JSON date dict), ``article``, ``expression`` and ``sentence`` (where the other
      date was read);
    - ``planned``: True when every source tells the entry as still to come.
``articles``
    A list of dicts: ``id``, ``title`` (as given, maybe ""), ``display_title`` (never
    empty), ``title_derived``, ``source`` (the outlet), ``url``, ``link``, ``published``
    (ISO or None), ``published_label`` (or None), ``language``, ``summary`` (list of str),
    ``path``.
``counts``
    ``{"entries", "articles", "sources"}`` (ints; ``sources`` counts source references).
``warnings``
    A list of str.
``years``
    The entries grouped for headings: a list of ``(heading, entries)`` pairs, consecutive
    entries with the same heading together, timeline order kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

from ..model import Article, Conflict, Entry, SourceRef, Timeline, TimeValue, bounds
from .labels import date_label, day_label, heading, html_datetime
from .options import RenderOptions
from .text import safe_url

__all__ = ["bounds", "context", "span_label", "streaming_context"]


def span_label(start: str, end: str) -> str:
    """``start``, or ``start – end`` when the two labels differ: a timeline's date range."""
    return start if end == start else f"{start} – {end}"


def _date_dict(tv: TimeValue, locale: str) -> dict[str, Any]:
    return {
        "value": tv.value,
        "type": tv.type,
        "granularity": tv.granularity,
        "start": tv.start.isoformat() if tv.start else None,
        "end": tv.end.isoformat() if tv.end else None,
        "label": date_label(tv, locale),
        "mod": tv.mod,
    }


def _display_title(article: Article) -> str:
    if article.title.strip():
        return article.title.strip()
    if article.path:
        return Path(article.path).name or article.path
    return article.id


def _article_dict(article: Article, summary: Iterable[str], locale: str) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "display_title": _display_title(article),
        "title_derived": article.title_derived,
        "source": article.source,
        "url": article.url,
        "link": safe_url(article.url),
        "published": article.published.isoformat() if article.published else None,
        "published_label": day_label(article.published, locale),
        "language": article.language,
        "summary": [s for s in summary if s.strip()],
        "path": article.path,
    }


def _highlight(ref: SourceRef) -> dict[str, str]:
    """The sentence split around the temporal expression, for emphasis in a template."""
    sentence, expr = ref.sentence, ref.expression
    at = ref.start - ref.sentence_start
    if not (expr and at >= 0 and sentence[at : at + len(expr)] == expr):
        at = sentence.find(expr) if expr else -1
    if at < 0 or not expr.strip():
        return {"before": sentence.strip(), "match": "", "after": ""}
    # Whitespace around the expression goes to its neighbours, so emphasis can wrap it.
    stop = at + len(expr)
    at += len(expr) - len(expr.lstrip())
    stop -= len(expr) - len(expr.rstrip())
    return {
        "before": sentence[:at].lstrip(),
        "match": sentence[at:stop],
        "after": sentence[stop:].rstrip(),
    }


def _source_dict(ref: SourceRef, articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    art = articles.get(ref.article)
    outlet = art["source"].strip() if art else ""
    title = art["display_title"] if art else ref.article
    return {
        "article": ref.article,
        "outlet": outlet,
        "title": title,
        "cite": f"{outlet}: {title}" if outlet else title,
        "url": art["url"] if art else "",
        "link": art["link"] if art else None,
        "published": art["published"] if art else None,
        "published_label": art["published_label"] if art else None,
        "language": art["language"] if art else "",
        "sentence": ref.sentence,
        "sentence_index": ref.sentence_index,
        "sentence_start": ref.sentence_start,
        "sentence_end": ref.sentence_end,
        "expression": ref.expression,
        "start": ref.start,
        "end": ref.end,
        "resolution": ref.resolution,
        "highlight": _highlight(ref),
    }


def _excerpt(sentence: str, expression: str, words: int = 6) -> str:
    """The few words of ``sentence`` that lead up to ``expression``, for a note."""
    at = sentence.find(expression) if expression else -1
    if at < 0:
        return expression
    lead = sentence[:at].split()[-words:]
    text = " ".join([*lead, expression]).strip(" ,;:")
    return ("…" if len(sentence[:at].split()) > words else "") + text


def _conflict_dict(
    conflict: Conflict, entry: Entry, articles: dict[str, dict[str, Any]], locale: str
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if conflict.entry:
        out["entry"] = conflict.entry
    if conflict.date is not None:
        out["date"] = _date_dict(conflict.date, locale)
    for key in ("article", "expression", "sentence"):
        if getattr(conflict, key):
            out[key] = getattr(conflict, key)
    note = conflict.note.strip()
    if not note and conflict.date is not None:
        article = articles.get(conflict.article, {})
        who = article.get("source") or article.get("display_title") or "another source"
        said = _excerpt(conflict.sentence, conflict.expression)
        said = f" (“{said}”)" if said else ""
        outlets = {articles.get(s.article, {}).get("source") or "" for s in entry.sources}
        names = sorted(outlets - {""})
        mine = " and ".join(filter(None, (", ".join(names[:-1]), names[-1]))) if names else ""
        verb = "gives" if len(names) == 1 else "give"  # "A and B give 1994"
        note = (
            f"{who} dates this to {date_label(conflict.date, locale)}{said}"
            + (f"; {mine} {verb} {date_label(entry.date, locale)}" if mine else "")
            + "."
        )
    out["note"] = note or "the sources disagree"
    return out


def _entry_dict(entry: Entry, articles: dict[str, dict[str, Any]], locale: str) -> dict[str, Any]:
    sources = [_source_dict(ref, articles) for ref in entry.sources]
    text = entry.text.strip()
    return {
        "id": entry.id,
        "label": date_label(entry.date, locale),
        "date": _date_dict(entry.date, locale),
        "datetime": html_datetime(entry.date.value),
        "heading": heading(entry.date),
        "headline": entry.headline.strip(),
        "text": text,
        "quoted": not text or any(s["sentence"].strip() == text for s in sources),
        "sources": sources,
        "conflicts": [_conflict_dict(c, entry, articles, locale) for c in entry.conflicts],
        "planned": entry.planned,
    }


def _assemble(
    timeline: Timeline,
    locale: str,
    articles: list[dict[str, Any]],
    ends: tuple[Entry | None, Entry | None],
    entries: Any,
    counts: dict[str, int],
    years: Any,
) -> dict[str, Any]:
    """The context dict, its keys in the documented order, from what each context made."""
    first, last = ends
    return {
        "title": timeline.title,
        "start_label": date_label(first.date, locale) if first else None,
        "end_label": date_label(last.date, locale) if last else None,
        "entries": entries,
        "articles": articles,
        "counts": counts,
        "warnings": list(timeline.warnings),
        "years": years,
    }


def _articles(timeline: Timeline, locale: str) -> list[dict[str, Any]]:
    return [_article_dict(r.article, r.summary, locale) for r in timeline.articles]


def context(timeline: Timeline, options: RenderOptions | None = None) -> dict[str, Any]:
    """The data every format renders (see the module docstring for its keys); date labels
    in the locale of ``options`` (English by default)."""
    locale = (options or RenderOptions()).locale
    articles = _articles(timeline, locale)
    by_id = {a["id"]: a for a in articles}
    entries = [_entry_dict(e, by_id, locale) for e in timeline.entries]
    counts = {
        "entries": len(entries),
        "articles": len(articles),
        "sources": sum(len(e["sources"]) for e in entries),
    }
    years = [(h, list(group)) for h, group in groupby(entries, key=lambda e: e["heading"])]
    return _assemble(timeline, locale, articles, bounds(timeline.entries), entries, counts, years)


class _LazyEntries:
    """The entry dicts of a timeline made one at a time as a template walks them (a
    large timeline's entries are read from disk; their dicts never all exist at once)."""

    def __init__(self, entries: Any, articles: dict[str, dict[str, Any]], locale: str) -> None:
        self._entries = entries
        self._articles = articles
        self._locale = locale

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (_entry_dict(e, self._articles, self._locale) for e in self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __bool__(self) -> bool:
        return len(self._entries) > 0


class _LazyYears:
    """(heading, entries) per year, as :func:`context` gives them, made on the way."""

    def __init__(self, entries: _LazyEntries) -> None:
        self._entries = entries

    def __iter__(self) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        return groupby(self._entries, key=lambda e: e["heading"])


def streaming_context(timeline: Timeline, options: RenderOptions | None = None) -> dict[str, Any]:
    """:func:`context` with ``entries`` and ``years`` made as they are read, for
    templates that walk them once (the built-in Markdown and HTML ones).

    A store of entries read from disk may say what it measured while it was written
    (``first``, ``last``, ``sources``); otherwise the entries are walked for them here."""
    locale = (options or RenderOptions()).locale
    articles = _articles(timeline, locale)
    stored = timeline.entries
    sources = getattr(stored, "sources", None)
    if sources is None:  # entries in memory: measure them here
        ends = bounds(stored)
        sources = sum(len(e.sources) for e in stored)
    else:
        ends = (getattr(stored, "first", None), getattr(stored, "last", None))
    entries = _LazyEntries(stored, {a["id"]: a for a in articles}, locale)
    counts = {"entries": len(stored), "articles": len(articles), "sources": sources}
    return _assemble(timeline, locale, articles, ends, entries, counts, _LazyYears(entries))
