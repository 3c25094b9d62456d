"""The ``timeline/1`` JSON document (``json``), whole or an event at a time.

``{"schema": "timeline/1", "title", "events", "articles", "warnings"}``; the keys of an
event and of an article are listed in :data:`SOURCE_KEYS` (its sources) and
:data:`ARTICLE_KEYS`.  The same timeline gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Timeline
from .chunks import buffered
from .context import context, streaming_context
from .options import RenderOptions

__all__ = [
    "ARTICLE_KEYS",
    "SCHEMA",
    "SOURCE_KEYS",
    "inert_json",
    "json_chunks",
    "json_data",
    "render_json",
]

SCHEMA = "timeline/1"

# Characters escaped in JSON output although JSON does not require it, so that the file
# stays inert if someone embeds it in HTML or JavaScript.  Parsing gives the same data.
_JSON_INERT = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)

SOURCE_KEYS = (
    "article",
    "sentence",
    "expression",
    "start",
    "end",
    "sentence_start",
    "sentence_end",
    "sentence_index",
    "resolution",
)
ARTICLE_KEYS = (
    "id",
    "title",
    "source",
    "url",
    "published",
    "language",
    "summary",
    "path",
    "title_derived",
)


def inert_json(value: Any, indent_level: int = 0) -> str:
    """``value`` as indented JSON (two spaces, non-ASCII as is), ``<``, ``>``, U+2028
    and U+2029 escaped so the text is inert inside a ``<script>`` element; its lines
    after the first indented by ``indent_level`` more spaces, to nest it in a document."""
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False)
    if indent_level:
        text = text.replace("\n", "\n" + " " * indent_level)
    return text.translate(_JSON_INERT)


def _event(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": e["id"],
        "date": e["date"],
        "headline": e["headline"],
        "text": e["text"],
        "sources": [{k: s[k] for k in SOURCE_KEYS} for s in e["sources"]],
        "conflicts": e["conflicts"],
        "planned": e["planned"],
    }


def _article(a: dict[str, Any]) -> dict[str, Any]:
    return {k: a[k] for k in ARTICLE_KEYS}


def json_data(timeline: Timeline, options: RenderOptions | None = None) -> dict[str, Any]:
    """The ``timeline/1`` JSON document as Python data."""
    ctx = context(timeline, options)
    return {
        "schema": SCHEMA,
        "title": ctx["title"],
        "events": [_event(e) for e in ctx["entries"]],
        "articles": [_article(a) for a in ctx["articles"]],
        "warnings": ctx["warnings"],
    }


def render_json(timeline: Timeline, options: RenderOptions) -> str:
    """The ``timeline/1`` JSON document (deterministic: same timeline, same bytes)."""
    return inert_json(json_data(timeline, options)) + "\n"


def json_chunks(timeline: Timeline, options: RenderOptions) -> Iterator[str]:
    """:func:`render_json`'s text, an event at a time (the entries are read once)."""
    ctx = streaming_context(timeline, options)

    def array(items: Iterable[Any]) -> Iterator[str]:
        empty = True
        for item in items:
            yield ("[\n    " if empty else ",\n    ") + inert_json(item, 4)
            empty = False
        yield "[]" if empty else "\n  ]"

    yield "{\n"
    yield f'  "schema": {inert_json(SCHEMA, 2)},\n'
    yield f'  "title": {inert_json(ctx["title"], 2)},\n'
    yield '  "events": '
    yield from buffered(array(_event(e) for e in ctx["entries"]))
    yield ',\n  "articles": '
    yield from buffered(array(_article(a) for a in ctx["articles"]))
    yield ',\n  "warnings": '
    yield from array(ctx["warnings"])
    yield "\n}\n"
