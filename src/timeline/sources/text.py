"""Plain-text and Markdown articles with optional YAML front matter.

A file may begin with a YAML block between ``---`` lines with the keys ``title``,
``published`` (alias ``date``), ``source``, ``url``, ``language`` (and ``id``).  The body is
everything after the closing ``---`` line, exactly as read: offsets index it unchanged.  Line
ends are kept as written (LF, CRLF or a lone CR, in the front matter too), so the body is the
file's text after the front matter character for character; how bytes become text is told in
``timeline.sources.encoding`` (UTF-8, UTF-16 with a BOM, else detected, e.g. Windows-1252).

A file whose front matter cannot be read is not read at all, and the failure says why: YAML
that does not parse, a block opened and never closed, an impossible date such as
``published: 2019-13-45``.  Read without its metadata, its relative dates ("yesterday")
would land on the wrong days or on none, with nothing to tell the reader.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..errors import ArticleReadError
from ..model import Article
from . import builtin_parser
from .base import DEFAULT_MAX_BYTES, Payload, ReadOptions, iso_day, read_bytes
from .encoding import decode

__all__ = ["decode", "derive_title", "parse_date", "parse_text", "split_front_matter"]

_NL = r"(?:\r\n|\r|\n)"
# The closing line follows any line end, a lone CR included (MULTILINE's ^ knows only LF).
_FRONT = re.compile(rf"\A---[ \t]*{_NL}(.*?)(?<=[\r\n])---[ \t]*(?:{_NL}|\Z)", re.DOTALL)
_KEYS = ("title", "published", "date", "source", "url", "language", "id")
# An opening line followed by one of our keys is front matter, closed or not; followed by
# anything else it is a Markdown rule opening the text.
_OPENED = re.compile(rf"\A---[ \t]*{_NL}[ \t]*(?:{'|'.join(_KEYS)})[ \t]*:", re.IGNORECASE)
_DATE_SHAPED = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_SCALARS = (str, int, float, date)  # datetime is a date
# libyaml's C parser recurses once per level of nesting and overflows the C stack (a crash,
# not an exception) somewhere past 20,000 levels, fewer in a thread; front matter is a flat
# list of keys, so anything this deep is refused before it is parsed.
_MAX_DEPTH = 64
# A few keys take a few hundred characters; PyYAML takes seconds per MB, so a runaway block
# (a whole document between two --- lines) is refused rather than parsed.
_MAX_FRONT = 64 * 1024
_TITLE_MAX = 72


def parse_date(value: object) -> date | None:
    """A publication date from front matter: a YAML date, a datetime or an ISO string."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return iso_day(value)
    text = str(value).strip()
    day = iso_day(text)
    if day is not None:
        return day
    bad = _impossible_date(text)
    if bad:
        raise ValueError(f"impossible date {bad} in front matter")
    raise ValueError(f"published date {text!r} is not an ISO date (YYYY-MM-DD)")


def _impossible_date(text: str) -> str | None:
    """The first date-shaped ``YYYY-MM-DD`` in ``text`` that is no day of the calendar."""
    for m in _DATE_SHAPED.finditer(text):
        try:
            date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return m.group(0)
    return None


def _too_deep(block: str) -> bool:
    """True when YAML may nest more than _MAX_DEPTH levels (an overestimate: brackets in
    quoted strings count too, which only matters for a front matter nobody writes)."""
    indents = (len(line) - len(line.lstrip(" \t-?:")) for line in block.splitlines())
    if max(indents, default=0) > _MAX_DEPTH:
        return True
    depth = 0
    for ch in re.sub(r"[^\[\]{}]+", "", block):
        depth = depth + 1 if ch in "[{" else max(0, depth - 1)
        if depth > _MAX_DEPTH:
            return True
    return False


def split_front_matter(raw: str) -> tuple[dict, str]:
    """(metadata, body).  The body starts right after the closing ``---`` line.

    Raises ValueError, with a reason for the user, for front matter that cannot be read.
    """
    m = _FRONT.match(raw)
    if not m:
        if _OPENED.match(raw):
            raise ValueError("front matter has no closing --- line")
        return {}, raw
    block = m.group(1)
    if len(block) > _MAX_FRONT:
        raise ValueError("front matter longer than 64 KB")
    if _too_deep(block):
        raise ValueError("front matter is nested too deeply")
    import yaml  # only files with front matter pay for it

    try:
        # libyaml's loader when PyYAML has it: the same safe subset, several times faster
        meta = yaml.load(block, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ValueError(f"front matter is not valid YAML{where}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # PyYAML builds dates and numbers itself: "published: 2019-13-45" fails here
        bad = _impossible_date(block)
        if bad:
            raise ValueError(f"impossible date {bad} in front matter") from None
        raise ValueError(f"front matter has a value that cannot be read ({exc})") from None
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a set of key: value lines")
    for key in _KEYS:
        value = meta.get(key)
        if value is not None and not isinstance(value, _SCALARS):
            raise ValueError(f"front matter: {key} must be one plain value, not {_kind(value)}")
    return meta, raw[m.end() :]


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of keys"
    return f"a {type(value).__name__}"


def derive_title(body: str) -> str:
    """A title for an article that has none: its first line, shortened at a word."""
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    first = first.lstrip("#").strip()
    if len(first) <= _TITLE_MAX:
        return first.rstrip(".")
    cut = first[:_TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


@builtin_parser("text", ".txt", ".md", ".markdown", ".text")
def parse_text(payload: Payload, options: ReadOptions) -> list[Article]:
    """A text or Markdown article (front matter optional), from any source."""
    raw = payload.decoded()
    try:
        meta, body = split_front_matter(raw)
        published = parse_date(meta.get("published") or meta.get("date"))
    except ValueError as exc:
        raise ArticleReadError(payload.shown, str(exc)) from None
    if not body.strip():
        raise ArticleReadError(payload.shown, "empty article")
    # a title is one line on a timeline, whatever YAML allows ("title: |" spans lines)
    title = " ".join(str(meta.get("title") or "").split())
    return [
        Article(
            id=str(meta.get("id") or Article.make_id(body)),
            body=body,
            path=payload.shown,
            title=title or derive_title(body),
            source=str(meta.get("source") or "").strip(),
            url=str(meta.get("url") or "").strip() or payload.url,
            published=published,
            # unknown unless told: the engine detects the language of the text
            language=str(meta.get("language") or "").strip().lower(),
            title_derived=not title,
        )
    ]


def read_text(path: Path, shown: str) -> Article:
    """Read a .txt or .md article file (front matter optional), whatever it holds."""
    data = read_bytes(path, shown, DEFAULT_MAX_BYTES)
    [article] = parse_text(Payload(data, shown), ReadOptions())
    return article
