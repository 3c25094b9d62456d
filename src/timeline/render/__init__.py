"""Rendering a :class:`~timeline.model.Timeline`: Markdown, HTML (page or fragment), JSON,
TimelineJS, CSV, iCalendar, docx, and any format a plug-in registers.

    >>> from timeline.render import render, RenderOptions
    >>> render(timeline, "md", locale="fr")             # str
    >>> render(timeline, "docx")                        # bytes (is_binary("docx"))
    >>> "".join(render_chunks(timeline, "html"))        # the same, a piece at a time

The package, one concern a module:

``registry``
    :class:`Format`, :func:`register_format`, :func:`formats`, :func:`format_for_path`,
    :func:`is_binary`, :func:`get_format`.  Built-in formats are named there and imported
    on first use, so listing formats costs nothing.
``options``
    :class:`RenderOptions` (locale, fragment, mermaid, template): every format function is
    called as ``func(timeline, options)``; :func:`check_locale`.
``labels``
    :func:`date_label` and the other views of a date (day, heading, HTML datetime).
``context``
    :func:`context` and :func:`streaming_context`: the plain data every format is built
    from (its keys are listed there and in templates/README.md); :func:`bounds`.
``text``
    :func:`safe_url` (the one check a URL passes before it becomes a link),
    :func:`ucfirst`, :func:`count`, :func:`md_escape`, :func:`md_url`,
    :func:`mermaid_text`.
``templates``
    the jinja2 environment, built-in and user templates (the only module that imports
    jinja2); ``chunks``: piecewise output.
``markup``, ``json_doc``, ``exports``, ``word``
    the built-in formats: md and html; json; timelinejs, csv and ics; docx.

Importing this package loads neither jinja2 nor python-docx; the names of the format
modules (:func:`environment`, :func:`render_template`, :func:`json_data`, ...) are
importable from here too and load their module when first asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypedDict, Unpack

from ..errors import UsageError
from ..model import Timeline
from .context import bounds, context, span_label, streaming_context
from .labels import MONTHS, date_label
from .options import RenderOptions, check_locale
from .registry import (
    Format,
    format_for_path,
    formats,
    get_format,
    is_binary,
    register_format,
    unregister_format,
)
from .text import count, md_escape, md_url, mermaid_text, safe_url, ucfirst

__all__ = [
    "MONTHS",
    "SCHEMA",
    "Format",
    "RenderOptions",
    "Switches",
    "bounds",
    "check_locale",
    "context",
    "count",
    "date_label",
    "environment",
    "format_for_path",
    "formats",
    "get_format",
    "is_binary",
    "json_data",
    "md_escape",
    "md_url",
    "mermaid_text",
    "register_format",
    "render",
    "render_chunks",
    "render_custom",
    "render_template",
    "safe_url",
    "span_label",
    "streaming_context",
    "ucfirst",
    "unregister_format",
]

# Names of the format modules (one imports jinja2): their module loads when first asked
# for, as the registry loads a format's module when it first renders.
_LAZY = {
    "environment": "templates",
    "render_custom": "templates",
    "render_template": "templates",
    "json_data": "json_doc",
    "SCHEMA": "json_doc",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Switches(TypedDict, total=False):
    """The keyword arguments of :func:`render` and :func:`render_chunks` besides the
    locale: the other fields of :class:`RenderOptions`."""

    fragment: bool
    mermaid: bool
    template: str | Path | None


def _check(found: Format, fragment: bool, mermaid: bool, template: object) -> None:
    """UsageError for a switch ``found`` has no use for."""
    if fragment and found.name != "html":
        raise UsageError("--fragment is for HTML output (-f html)")
    if mermaid and found.name != "md":
        raise UsageError("--mermaid is for Markdown output (-f md)")
    if template is not None and found.binary:
        raise UsageError(f"--template writes text: it cannot make {found.name} output")


def _options(found: Format, locale: str | RenderOptions, switches: Switches) -> RenderOptions:
    if isinstance(locale, RenderOptions):
        if switches:
            raise TypeError("pass the switches inside the RenderOptions, not beside it")
        _check(found, locale.fragment, locale.mermaid, locale.template)
        return locale
    # the switches before the locale: the first mistake on the command line is the one told
    _check(
        found,
        switches.get("fragment", False),
        switches.get("mermaid", False),
        switches.get("template"),
    )
    return RenderOptions(locale, **switches)


def render(
    timeline: Timeline, fmt: str, locale: str | RenderOptions = "en", **switches: Unpack[Switches]
) -> str | bytes:
    """Render the timeline in the named format, its date labels in ``locale`` ("fr" gives
    "22 janvier 2019"; "en", the default, the built-in English labels).  Text formats give
    a str, binary ones (``docx``, see :func:`is_binary`) bytes.

    Keyword switches (the other fields of :class:`RenderOptions`): ``fragment=True`` (HTML
    only): just the timeline ``<section>``, its styles scoped to it, for pasting into
    another page.  ``mermaid=True`` (Markdown only): add a Mermaid ``timeline`` block.
    ``template``: render this jinja2 file instead of the format's built-in template
    (``fmt`` then only names what the output is).  Or pass one :class:`RenderOptions` in
    place of ``locale`` (and no switches): ``render(tl, "html", RenderOptions("fr",
    fragment=True))``."""
    found = get_format(fmt)
    options = _options(found, locale, switches)
    if options.template is not None:
        from .templates import render_custom

        return render_custom(options.template, timeline, options)
    return found.func(timeline, options)


def render_chunks(
    timeline: Timeline, fmt: str, locale: str | RenderOptions = "en", **switches: Unpack[Switches]
) -> Iterator[str | bytes]:
    """:func:`render` a piece at a time (the same arguments): the pieces joined are exactly
    what it returns.  A format that registered ``chunks`` (JSON, Markdown and HTML) is made
    as the entries are read, so a timeline read from disk is never held whole; other
    formats, and a user's template, come in one piece."""
    found = get_format(fmt)
    options = _options(found, locale, switches)
    if options.template is not None or found.chunks is None:
        yield render(timeline, fmt, options)
    else:
        yield from found.chunks(timeline, options)
