"""Output a piece at a time: big enough pieces, and the newline trimming of the Markdown
and HTML formats done piecewise so a streamed page equals the whole one."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["buffered", "trimmed"]


def buffered(chunks: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """Pieces of about ``size`` characters (a template yields many tiny ones)."""
    buffer: list[str] = []
    held = 0
    for chunk in chunks:
        buffer.append(chunk)
        held += len(chunk)
        if held >= size:
            yield "".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield "".join(buffer)


def trimmed(chunks: Iterable[str], squeeze: bool = True) -> Iterator[str]:
    """What render_markdown makes of the whole text, piece by piece: runs of three or
    more newlines become two (unless not ``squeeze``), no newline at the start, one at
    the end (what render_html does without ``squeeze``)."""
    started = False
    pending = ""  # newlines not yet written: the next text decides how many count
    for chunk in buffered(chunks):
        text = pending + chunk
        body = text.rstrip("\n")
        pending = text[len(body) :]
        if not started:
            body = body.lstrip("\n")
            if not body:
                continue
            started = True
        # every run of newlines in ``body`` is whole: the one at its end is held back
        if squeeze:
            body = re.sub(r"\n{3,}", "\n\n", body)
        if body:
            yield body
    yield "\n"


def trim(text: str, squeeze: bool = True) -> str:
    """:func:`trimmed` of a whole text: the same rules, so whole and piecewise agree."""
    return "".join(trimmed((text,), squeeze))
