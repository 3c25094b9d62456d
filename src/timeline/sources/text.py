"""Plain-text and Markdown articles with optional YAML front matter.

A file may begin with a YAML block between ``---`` lines with the keys ``title``,
``published`` (alias ``date``), ``source``, ``url``, ``language`` (and ``id``).  The body is
everything after the closing ``---`` line, exactly as read: offsets index it unchanged.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from ..errors import ArticleReadError
from ..model import Article
from . import builtin_parser
from .base import Payload, ReadOptions

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
_TITLE_MAX = 72


def parse_date(value: object) -> date | None:
    """A publication date from front matter: a YAML date, a datetime or an ISO string."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"published date {text!r} is not an ISO date (YYYY-MM-DD)") from None


def split_front_matter(raw: str) -> tuple[dict, str]:
    """(metadata, body).  The body starts right after the closing ``---`` line."""
    m = _FRONT.match(raw)
    if not m:
        return {}, raw
    import yaml  # only files with front matter pay for it

    try:
        # libyaml's loader when PyYAML has it: the same safe subset, several times faster
        meta = yaml.load(m.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ValueError(f"front matter is not valid YAML{where}") from None
    except ValueError as exc:  # PyYAML builds dates itself: "published: 2019-13-45"
        raise ValueError(f"front matter has an impossible date ({exc})") from None
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a set of key: value lines")
    return meta, raw[m.end() :]


def derive_title(body: str) -> str:
    """A title for an article that has none: its first line, shortened at a word."""
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    first = first.lstrip("#").strip()
    if len(first) <= _TITLE_MAX:
        return first.rstrip(".")
    cut = first[:_TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


def decode(data: bytes, shown: str) -> str:
    """Text from bytes: UTF-8 (a BOM is dropped) or UTF-16 with its BOM."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        codec = "utf-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"  # the BOM says which byte order, and the codec drops it
    elif b"\x00" in data[:4096]:
        raise ArticleReadError(shown, "binary file, not text")
    else:
        codec = "utf-8-sig"
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise ArticleReadError(
            shown, f"not valid {codec.removesuffix('-sig').upper()} text"
        ) from None


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
    title = str(meta.get("title") or "").strip()
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
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleReadError(shown, exc.strerror or "cannot be read") from None
    [article] = parse_text(Payload(data, shown), ReadOptions())
    return article
