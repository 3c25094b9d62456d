"""The output formats, by name and file suffix.

A format is a function ``(timeline, options) -> str`` (``bytes`` for a binary format such
as docx, registered with ``binary=True``), where ``options`` is the
:class:`~timeline.render.RenderOptions` of the render.  Register one directly or as a
decorator::

    from timeline.render import RenderOptions, register_format

    @register_format("count", suffixes=(".count.txt",))
    def render_count(timeline: Timeline, options: RenderOptions) -> str:
        return f"{len(timeline.entries)}\\n"

    render(timeline, "count")        # or: timeline build -o out.count.txt

The function may also be named as ``"package.module:function"``: the module is then
imported the first time the format renders, not when it registers.  The built-in formats
register that way, through this same door, so :func:`formats` and
:func:`format_for_path` import neither jinja2 nor python-docx.  A format that can give its
output a piece at a time (for a timeline too large to hold) registers ``chunks``, a
function of the same arguments returning an iterator of str whose pieces joined are what
``func`` returns.  Registering a name again replaces the earlier format.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..errors import UnknownFormatError

if TYPE_CHECKING:
    from ..model import Timeline
    from .options import RenderOptions

__all__ = [
    "ChunksFunc",
    "Format",
    "FormatFunc",
    "format_for_path",
    "formats",
    "get_format",
    "is_binary",
    "register_format",
    "unregister_format",
]

FormatFunc = Callable[["Timeline", "RenderOptions"], str | bytes]
ChunksFunc = Callable[["Timeline", "RenderOptions"], Iterator[str]]


@dataclass(frozen=True)
class Format:
    """An output format: its name, the file suffixes that select it, its renderer (a
    function, or a ``"module:function"`` reference not yet imported), whether it writes
    bytes (``binary``: docx) rather than text, and its piecewise renderer, if any."""

    name: str
    suffixes: tuple[str, ...]
    func: FormatFunc | str
    binary: bool = False
    chunks: ChunksFunc | str | None = None


_FORMATS: dict[str, Format] = {}


def _key(name: str) -> str:
    return name.strip().lower()


def register_format(
    name: str,
    suffixes: Iterable[str] = (),
    func: FormatFunc | str | None = None,
    *,
    binary: bool = False,
    chunks: ChunksFunc | str | None = None,
) -> Any:
    """Register an output format; usable directly or as a decorator.

    ``register_format("csv", [".csv"], render_csv)``, ``register_format("csv", [".csv"],
    "mypackage.formats:render_csv")`` (imported on first use) or
    ``@register_format("csv", [".csv"])``.  A format whose renderer returns bytes
    registers with ``binary=True``.  Registering a name again replaces the earlier format.
    """
    key = _key(name)
    suffix_tuple = tuple(s.lower() if s.startswith(".") else "." + s.lower() for s in suffixes if s)

    def decorator(f: FormatFunc | str) -> FormatFunc | str:
        _FORMATS[key] = Format(key, suffix_tuple, f, binary, chunks)
        return f

    if func is not None:
        return decorator(func)
    return decorator


def unregister_format(name: str) -> None:
    """Forget the named format (a plug-in's tests clean up with this); no error if unknown."""
    _FORMATS.pop(_key(name), None)


def formats() -> list[str]:
    """The names of the registered formats, sorted."""
    return sorted(_FORMATS)


def is_binary(fmt: str) -> bool:
    """True when the named format writes bytes (docx), not text."""
    found = _FORMATS.get(_key(fmt))
    return bool(found and found.binary)


def format_for_path(path: str) -> str | None:
    """The format a file name asks for by its suffix ("out.md" -> "md"), or None.  The
    longest matching suffix wins ("x.timelinejs.json" is timelinejs, not json)."""
    lower = str(path).lower()
    best: tuple[int, str] | None = None
    for fmt in _FORMATS.values():
        for suffix in fmt.suffixes:
            if lower.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), fmt.name)
    return best[1] if best else None


def _load(ref: Any) -> Any:
    if not isinstance(ref, str):
        return ref
    module, _, attr = ref.partition(":")
    return getattr(importlib.import_module(module), attr)


def get_format(fmt: str) -> Format:
    """The named format with its functions imported; UnknownFormatError naming the known
    formats when there is none such."""
    key = _key(fmt)
    found = _FORMATS.get(key)
    if found is None:
        known = ", ".join(formats())
        raise UnknownFormatError(f"unknown output format {fmt!r} (known formats: {known})")
    if isinstance(found.func, str) or isinstance(found.chunks, str):
        found = replace(found, func=_load(found.func), chunks=_load(found.chunks))
        _FORMATS[key] = found  # imported once
    return found


# The built-in formats, through the same door as any other: named, not imported, so that
# listing formats or reading a suffix costs nothing.  json, md, html, then the exports and
# docx: the order they registered in before they loaded lazily (format_for_path keeps the
# first of two equally long suffixes).
_HERE = __package__
register_format(
    "json", [".json"], f"{_HERE}.json_doc:render_json", chunks=f"{_HERE}.json_doc:json_chunks"
)
register_format(
    "md",
    [".md", ".markdown"],
    f"{_HERE}.markup:render_markdown",
    chunks=f"{_HERE}.markup:markdown_chunks",
)
register_format(
    "html", [".html", ".htm"], f"{_HERE}.markup:render_html", chunks=f"{_HERE}.markup:html_chunks"
)
register_format("timelinejs", [".timelinejs.json"], f"{_HERE}.exports:render_timelinejs")
register_format("csv", [".csv"], f"{_HERE}.exports:render_csv")
register_format("ics", [".ics"], f"{_HERE}.exports:render_ics")
register_format("docx", [".docx"], f"{_HERE}.word:render_docx", binary=True)
