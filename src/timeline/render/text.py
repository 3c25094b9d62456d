"""Small pure text helpers every output format shares: the one URL check, Markdown and
Mermaid escaping, and the words of a heading or a count.

None of them imports jinja2, so the code-made formats (TimelineJS, CSV, iCalendar, docx)
use them as freely as the templates do (where they are filters).
"""

from __future__ import annotations

import re
from urllib.parse import quote

__all__ = ["count", "md_escape", "md_url", "mermaid_text", "safe_url", "ucfirst"]

# The host must start right after "//": browsers read "https://\\evil.example" or
# "https:///evil.example" as a host other than the one a reader sees.
_HTTP = re.compile(r"https?://[^\s/\\]", re.IGNORECASE)
# The Unicode "Cc" category: C0, DEL and C1.  C1 characters are what a mis-decoded
# Windows-1252 page leaves behind; some URL parsers drop them, others do not, so the link
# followed would not be the link shown.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A run of whitespace, newlines included: in Markdown it becomes one space.
_WS = re.compile(r"\s+")
# What a URI may hold as it is (RFC 3986 reserved and unreserved characters, and "%" so
# an already-encoded URL is not encoded twice); everything else is percent-encoded.
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~"


def safe_url(url: object, *, encode: bool = False) -> str | None:
    """``url``, trimmed, when it may become a hyperlink; else None.

    A URL may become a hyperlink when it is http or https (any case), its host starts
    right after ``//`` (not whitespace, ``/`` or a backslash) and it holds no control character
    (C0, DEL or C1, U+0080-U+009F).  ``javascript:``, ``data:``, ``ftp:`` and relative
    URLs never do.  With ``encode``, characters a URI may not hold (spaces, quotes, ``<``,
    ``>``, backslashes, non-ASCII) are percent-encoded: the form for an ``href`` written by
    code, a CSV cell or an iCalendar ``URI``.  Templates get the URL as given (``link``) and
    escape it their own way (``md_url``, HTML autoescaping).

    >>> safe_url(" https://example.org/a b ")
    'https://example.org/a b'
    >>> safe_url("https://example.org/a b", encode=True)
    'https://example.org/a%20b'
    >>> safe_url("javascript:alert(1)") is None
    True
    """
    s = str(url or "").strip()
    if not _HTTP.match(s) or _CONTROL.search(s):
        return None
    return quote(s, safe=_URI_SAFE) if encode else s


def ucfirst(label: object) -> str:
    """A label capitalised for a heading ("early 2016" -> "Early 2016"); "c. 1995" is
    left alone (the abbreviation stays lower case)."""
    s = str(label)
    if not s or s.startswith("c. "):
        return s
    return s[0].upper() + s[1:]


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` and the noun that goes with it: ``count(4, "entry", "entries")`` -> "4 entries"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


_MD_INLINE = re.compile(r"[\\`*\[\]~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_NUMBERED = re.compile(r"\s*\d{1,9}(?=[.)](?:\s|$))")
_MD_BLOCK_MARK = re.compile(r"\s*(?=[#>+=-])")
_MD_TRAILING_HASHES = re.compile(r"(\s)(#+\s*)$")


def md_escape(text: object) -> str:
    """Escape article text for inline use in Markdown (CommonMark/GFM), minimally.

    Whitespace runs (newlines included) become one space, so text can never open a new
    block.  Escaped: backslash, backtick, ``*``, ``[``, ``]``, ``~``, ``_`` except inside a
    word, ``<`` (as ``&lt;``, so no raw HTML gets through), an ``&`` that would start an
    entity, a leading ``#``, ``>``, ``+``, ``=``, ``-`` or ``1.``-style marker (which would
    open a heading, quote, list or rule), and a trailing run of ``#`` (which a heading would
    drop).  Ordinary punctuation is left alone.
    """
    s = _WS.sub(" ", str(text))
    s = _MD_INLINE.sub(lambda m: "\\" + m.group(0), s)
    s = _MD_ENTITY.sub(r"\\&", s)
    s = s.replace("<", "&lt;")
    m = _MD_NUMBERED.match(s) or _MD_BLOCK_MARK.match(s)
    if m:
        s = s[: m.end()] + "\\" + s[m.end() :]  # before the marker's significant character
    return _MD_TRAILING_HASHES.sub(r"\1\\\2", s)


def md_url(url: object) -> str:
    """Make a URL safe as the destination of a Markdown link."""
    s = str(url).strip()
    for char, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        s = s.replace(char, code)
    return s


def mermaid_text(text: str, limit: int = 0) -> str:
    """Text safe inside a Mermaid ``timeline`` line: one line, and as Mermaid entity codes
    (``#58;``) the ``:`` that separates periods from events, ``#`` and ``;`` (entity
    syntax), the markup characters ``< > & " '`` and the backtick (it could close the
    Markdown fence); cut to ``limit`` characters when given."""
    text = " ".join(str(text).split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    # Mermaid renders labels as HTML: markup goes in as entity codes, inert
    return re.sub(r"[#:;<>&\"'`]", lambda m: f"#{ord(m.group())};", text)
