"""Article records as JSON: JSON Lines (one record a line) or a JSON list (or one record).

A record's fields: ``text`` (or ``body``), ``title``, ``published`` (or ``date``), ``url``,
``source``, ``language``, ``id``.  A record that cannot be read is a failure naming its line
(``export.jsonl:3``) or its place in the list (``export.json#3``); the others are read.
"""

from __future__ import annotations

import json
import re

from ..errors import ArticleReadError
from ..model import Article
from . import builtin_parser
from .base import Item, Payload, ReadFailure, ReadOptions, normalise_language, parse_published
from .text import derive_title

# JSON may escape half a surrogate pair (\ud800), which no UTF-8 output can hold; each
# becomes U+FFFD, one character for one, so offsets into the text stay as they were.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Records end at a line end; not at every break str.splitlines() knows: JSON strings may hold
# a raw U+2028 or NEL, while a raw CR or LF inside one is invalid JSON anyway.
_LINE_END = re.compile(r"\r\n|\r|\n")
_TOO_DEEP = "JSON nested too deeply to read"


@builtin_parser("records", ".jsonl", ".ndjson", ".json")
def parse_records(payload: Payload, options: ReadOptions) -> list[Item]:
    """Every record of a JSON or JSON Lines file, as articles or failures."""
    text = payload.decoded()
    if not text.strip():
        raise ArticleReadError(payload.shown, "empty file")
    try:
        whole = json.loads(text)
    except RecursionError:
        raise ArticleReadError(payload.shown, _TOO_DEEP) from None
    except json.JSONDecodeError as exc:
        if not _first_line_is_a_record(text):
            # one JSON document with an error in it: one failure, not one per line
            raise ArticleReadError(payload.shown, f"not valid JSON ({_where(exc)})") from None
        return _lines(text, payload.shown)
    if isinstance(whole, dict):
        return [_record_or_failure(whole, payload.shown)]
    if isinstance(whole, list):
        return [_record_or_failure(r, f"{payload.shown}#{n}") for n, r in enumerate(whole, 1)]
    raise ArticleReadError(payload.shown, "JSON that is neither a record nor a list of records")


def _lines(text: str, shown: str) -> list[Item]:
    items: list[Item] = []
    for n, line in enumerate(_LINE_END.split(text), 1):
        if not line.strip():
            continue
        where = f"{shown}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            items.append(ReadFailure(where, f"not valid JSON ({exc.msg}, column {exc.colno})"))
            continue
        except RecursionError:
            items.append(ReadFailure(where, _TOO_DEEP))
            continue
        items.append(_record_or_failure(record, where))
    return items


def _first_line_is_a_record(text: str) -> bool:
    first = next(line for line in _LINE_END.split(text) if line.strip())
    try:
        return isinstance(json.loads(first), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def _where(exc: json.JSONDecodeError) -> str:
    return f"{exc.msg} at line {exc.lineno}, column {exc.colno}"


def _record_or_failure(record: object, shown: str) -> Item:
    try:
        return record_article(record, shown)
    except ArticleReadError as exc:
        return ReadFailure(shown, exc.reason)


def record_article(record: object, shown: str) -> Article:
    """One record as an Article; ArticleReadError naming what is wrong with it."""
    if not isinstance(record, dict):
        raise ArticleReadError(shown, f"a record must be a JSON object, not {_kind(record)}")
    body = record.get("text")
    if body is None or body == "":
        body = record.get("body")
    if not isinstance(body, str) or not body.strip():
        raise ArticleReadError(shown, "no text (a 'text' or 'body' field)")
    body = _SURROGATE.sub("\ufffd", body)
    try:
        published = parse_published(_field(record, "published") or _field(record, "date"))
    except ValueError as exc:
        raise ArticleReadError(shown, str(exc)) from None
    title = _field(record, "title")
    given_id = _field(record, "id")
    return Article(
        # an id the export gives is kept, as front matter's is: it ties our output back to
        # the user's records
        id=given_id or Article.make_id(body),
        body=body,
        path=shown,
        title=" ".join(title.split()) or derive_title(body),
        source=_field(record, "source"),
        url=_field(record, "url"),
        published=published,
        language=normalise_language(_field(record, "language")),
        title_derived=not title.strip(),
    )


def _field(record: dict, key: str) -> str:
    value = record.get(key)
    if value is None or isinstance(value, (dict, list)):
        return ""
    return _SURROGATE.sub("\ufffd", str(value)).strip()


def _kind(value: object) -> str:
    return {list: "a list", str: "a string", bool: "true/false", type(None): "null"}.get(
        type(value), "a number"
    )
