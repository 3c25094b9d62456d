"""Tell what a source holds from its first bytes: text, an HTML page, a feed or JSON records.

The suffix (or an HTTP Content-Type) is only a hint: a ``.txt`` saved from a browser is HTML,
a feed may be served as ``text/xml`` or saved as ``.xml``, stdin has no name at all.  What the
bytes plainly are wins; the hint settles what they leave open.
"""

from __future__ import annotations

import json
import re

TEXT = "text"
HTML = "html"
FEED = "feed"
RECORDS = "records"

_HEAD_BYTES = 4096
# Declarations, processing instructions, comments and doctypes that may precede the root.
_PROLOGUE = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)", re.DOTALL)
_ROOT = re.compile(r"<([a-z][\w:.-]*)")
_FEED_ROOTS = {"rss", "feed", "rdf:rdf"}
_HTML_ROOTS = {"html", "head", "body"}

# Content types as servers send them -> the kind they promise.
_CONTENT_TYPES = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "application/rss+xml": FEED,
    "application/atom+xml": FEED,
    "application/rdf+xml": FEED,
    "application/xml": FEED,
    "text/xml": FEED,
    "application/json": RECORDS,
    "application/x-ndjson": RECORDS,
    "application/jsonl": RECORDS,
    "application/x-jsonlines": RECORDS,
    "text/plain": TEXT,
    "text/markdown": TEXT,
}


def hint_for_content_type(content_type: str) -> str:
    """The kind an HTTP Content-Type promises ("" when it says nothing useful)."""
    return _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower(), "")


def head_text(data: bytes) -> str:
    """The first few KB as lower-case text, BOM and leading whitespace gone, for sniffing."""
    chunk = data[:_HEAD_BYTES]
    if chunk.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16's
        codec = "utf-32"
        chunk = chunk[: len(chunk) // 4 * 4]
    elif chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
        chunk = chunk[: len(chunk) // 2 * 2]
    else:
        codec = "utf-8-sig"
    return chunk.decode(codec, errors="replace").lstrip("\ufeff \t\r\n").lower()


def root_element(head: str) -> str:
    """The name of the first element of a markup document ("" when there is none)."""
    rest = head
    while True:
        m = _PROLOGUE.match(rest)
        if not m or not m.group(0):
            break
        rest = rest[m.end() :]
    m = _ROOT.match(rest)
    return m.group(1) if m else ""


def sniff(data: bytes, hint: str = "") -> str:
    """The kind of content: ``text``, ``html``, ``feed`` or ``records``.

    ``hint`` is the kind the file name or Content-Type promises ("" for none).
    """
    head = head_text(data)
    if head.startswith("---"):  # front matter: our own article format, whatever the name
        return TEXT
    if head.startswith("<"):
        root = root_element(head)
        if root in _FEED_ROOTS:
            return FEED
        if head.startswith("<!doctype html") or root in _HTML_ROOTS:
            return HTML
        if hint in (HTML, FEED):
            return hint
        if head.startswith("<?xml"):
            return FEED  # XML of some other kind: the feed reader says it is not a feed
        if hint == TEXT:
            return TEXT  # Markdown may open with inline HTML (<div align=center>)
        return HTML  # a fragment of HTML with no name to tell
    if hint == RECORDS and (head[:1] in ("{", "[") or _is_json(data)):
        return RECORDS  # the records reader says what is wrong with it, record by record
    if head[:1] in ("{", "[") and _looks_like_json(data):
        return RECORDS
    return TEXT


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError):  # nested too deep: the records reader says so
        return False
    return True


def _looks_like_json(data: bytes) -> bool:
    """True when the first non-blank line is JSON on its own (JSON Lines) or the whole is one
    JSON document, so text that merely opens with "[Reuters]" stays text."""
    text = data.decode("utf-8-sig", errors="replace")
    first = text.lstrip().split("\n", 1)[0]
    for candidate in (first, text):
        try:
            if isinstance(json.loads(candidate), (dict, list)):
                return True
        except RecursionError:  # JSON nested too deeply: the records reader says so
            return True
        except ValueError:  # fails at the first character that is not JSON: cheap on prose
            continue
    return False
