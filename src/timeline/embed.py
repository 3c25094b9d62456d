"""Timelines kept up to date inside a briefing (``timeline embed``).

A briefing is a Markdown (``.md``, ``.markdown``) or HTML (``.html``, ``.htm``) document
with one or more blocks marked out by HTML comments::

    Some prose of the briefing.

    <!-- timeline:start name=rabat since=2019-01-01 query="Morocco NATO" -->
    ... whatever was there: replaced by the rendered timeline ...
    <!-- timeline:end name=rabat -->

    More prose.

:func:`embed` replaces what is between each pair of markers with the timeline rendered in
the document's own format (Markdown, or the HTML ``--fragment``) and keeps everything else,
the markers included, byte for byte; the new content takes the line ending of its start
marker's line, so a CRLF document stays CRLF.  Run again on the same inputs it gives back the
same text, which is how ``embed`` knows a document is up to date.

Marker grammar
--------------
- A marker is a line of its own: optional blanks, ``<!--``, ``timeline:start`` or
  ``timeline:end``, options, ``-->``, optional blanks.  A line that starts like a marker but
  does not end so is an error; a marker mentioned inside a line of prose is not a marker, nor
  is one inside a fenced code block of a Markdown document (outside the blocks).
- Options are ``key=value`` words, shell-quoted when the value has blanks
  (``title="Rabat, January 2019"``).  ``timeline:end`` takes only ``name=``, which must then
  match the block it closes.
- Blocks do not nest; every start has its end; names are unique in a document.

Block options (each overrides the command line's setting for that block only; an empty value,
``query=""``, drops the command line's setting):

``name``
    Names the block in messages (``rabat``; letters, digits, ``_ . -``).
``sources``
    A file, folder or URL to read instead of the command line's sources, relative to the
    briefing's folder; repeat it for several.
``since``, ``until``, ``query``, ``max-dates``, ``per-date``
    The selection (those of :class:`timeline.config.BuildConfig`), as the ``build`` options.
``title``, ``locale``
    The timeline's title and the locale of its date labels.
``level`` (Markdown only, 1-4, default 2)
    The heading level of the timeline's title: a briefing has its own ``#`` title, so the
    timeline's headings go one level down by default (title ``##``, years ``###``, entries
    ``####``); ``level=1`` keeps them as ``timeline build`` writes them.

Articles are read and processed once for all the blocks that share their sources: the
per-article work and the merge do not depend on the selection, so each block's selection is
applied to the same merged entries (:func:`timeline.pipeline.selected`).
"""

from __future__ import annotations

import dataclasses
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .config import BuildConfig
from .errors import EmbedError, SourceNotFoundError, UsageError

if TYPE_CHECKING:
    from .model import Timeline
    from .sources import ReadFailure

__all__ = [
    "OPTIONS",
    "Block",
    "Embedding",
    "Look",
    "block_settings",
    "document_format",
    "embed",
    "embed_file",
    "find_blocks",
]

OPTIONS: tuple[str, ...] = (
    "name",
    "sources",
    "title",
    "query",
    "since",
    "until",
    "max-dates",
    "per-date",
    "locale",
    "level",
)
_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}

# A line, with its ending ("\r\n", "\n", "\r", or none at the end of the text).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)?")
# What makes a line a marker (the rest of the line must then be a well-formed marker).
_HEAD = re.compile(r"\ufeff?[ \t]*<!--[ \t]*timeline:(start|end)(?=\s|-->|$)")
_MARKER = re.compile(r"\ufeff?[ \t]*<!--[ \t]*timeline:(start|end)(?=\s|-->|$)(.*?)-->[ \t]*")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")
_HEADING = re.compile(r"#{1,6}(?=[ \t]|$)")
_FRAGMENT_ID = "timeline-fragment-title"


@dataclass(frozen=True)
class Block:
    """One marked block of a document: where its content lies and what its marker says."""

    number: int  # 1-based, in document order
    line: int  # line number of the start marker
    name: str | None
    options: tuple[tuple[str, str], ...]  # as written, name included
    start: int  # offset of the content: just after the start marker's line
    end: int  # offset of the end marker's line
    newline: str  # the start marker's line ending, used for the new content

    @property
    def label(self) -> str:
        """How messages name the block: ``rabat (line 12)``, ``block 2 (line 30)``."""
        return f"{self.name or f'block {self.number}'} (line {self.line})"


@dataclass(frozen=True)
class Look:
    """How a block's timeline is written (``BuildConfig.render`` of its build): the locale
    of its date labels and, in Markdown, the level of its title's heading."""

    locale: str = "en"
    level: int = 2


def look(config: BuildConfig) -> Look:
    """The block's :class:`Look`, the default when its config carries none."""
    return config.render if isinstance(config.render, Look) else Look()


@dataclass(frozen=True)
class Embedding:
    """The outcome of :func:`embed`: the new document and the blocks that changed."""

    original: str
    text: str
    blocks: tuple[Block, ...]
    stale: tuple[Block, ...]  # the blocks whose content differs from what was there
    warnings: tuple[str, ...] = ()
    articles: int = 0  # articles read, over every set of sources
    skipped: tuple[str, ...] = ()  # the inputs that could not be read ("path: reason")

    @property
    def up_to_date(self) -> bool:
        return not self.stale


def document_format(path: str | Path) -> str:
    """``md`` or ``html``, from the document's suffix; UsageError for anything else."""
    fmt = _SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise UsageError(
            f"{path}: timelines can be embedded in Markdown (.md, .markdown) or HTML "
            "(.html, .htm) documents"
        )
    return fmt


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line with its ending) for each line of ``text``."""
    out, pos = [], 0
    while pos < len(text):
        m = _LINE.match(text, pos)
        assert m is not None and m.end() > pos  # a non-empty rest always has a line
        out.append((pos, m.group()))
        pos = m.end()
    return out


def _words(raw: str, where: str) -> tuple[tuple[str, str], ...]:
    try:
        words = shlex.split(raw, comments=False, posix=True)
    except ValueError as exc:
        raise EmbedError(f"{where}: cannot read the marker's options ({exc})") from None
    pairs = []
    for word in words:
        key, eq, value = word.partition("=")
        if not eq or not key:
            raise EmbedError(
                f"{where}: {word!r} is not an option (write key=value, and quote a value "
                'with blanks: title="Rabat, 2019")'
            )
        pairs.append((key.lower(), value))
    return tuple(pairs)


def _fence(line: str, fence: str | None) -> str | None:
    """The open Markdown code fence after ``line`` (None when none is open)."""
    m = _FENCE.match(line)
    if fence is None:
        return m.group(1) if m else None
    closes = m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence)
    return None if closes and not line[m.end() :].strip() else fence


def find_blocks(text: str, fmt: str = "md", where: str = "<document>") -> list[Block]:
    """The marked blocks of a document, in order.  EmbedError (naming ``where`` and the
    line) when there are none, or a marker is malformed, nested, unbalanced or a name is
    used twice."""
    blocks: list[Block] = []
    opened: tuple[int, int, str | None, tuple[tuple[str, str], ...], int, str] | None = None
    fence: str | None = None
    names: dict[str, int] = {}
    for number, (offset, line) in enumerate(_lines(text), start=1):
        body = line.rstrip("\r\n")
        if opened is None and fmt == "md":
            was = fence
            fence = _fence(body, fence)
            if was is not None or fence is not None:
                continue  # inside a code block, or its fence: an example, not a marker
        head = _HEAD.match(body)
        if head is None:
            continue
        here = f"{where}:{number}"
        marker = _MARKER.fullmatch(body)
        if marker is None:
            raise EmbedError(
                f"{here}: a timeline marker must be a line of its own, closed by -->: "
                f"<!-- timeline:{head.group(1)} ... -->"
            )
        kind, options = marker.group(1), _words(marker.group(2), here)
        name = dict(options).get("name")
        if name is not None and not _NAME.fullmatch(name):
            raise EmbedError(f"{here}: name={name!r}: use letters, digits, _ . or -")
        if kind == "start":
            if opened is not None:
                raise EmbedError(
                    f"{here}: timeline:start inside the block opened on line {opened[0]} "
                    "(blocks do not nest: close it first with <!-- timeline:end -->)"
                )
            if name is not None and name in names:
                raise EmbedError(
                    f"{here}: a second block named {name!r} (the first is on line {names[name]})"
                )
            if name is not None:
                names[name] = number
            ending = line[len(body) :]
            opened = (number, offset + len(line), name, options, len(blocks) + 1, ending)
            continue
        if opened is None:
            raise EmbedError(f"{here}: timeline:end without a timeline:start before it")
        extra = [k for k, _ in options if k != "name"]
        if extra:
            raise EmbedError(f"{here}: timeline:end takes only name=, not {extra[0]}=")
        if name is not None and name != opened[2]:
            began = f"{opened[2]!r}" if opened[2] else "an unnamed block"
            raise EmbedError(
                f"{here}: timeline:end name={name} closes {began} (opened on line {opened[0]})"
            )
        start_line, content, block_name, block_options, index, ending = opened
        blocks.append(
            Block(
                number=index,
                line=start_line,
                name=block_name,
                options=block_options,
                start=content,
                end=offset,
                newline=ending or "\n",
            )
        )
        opened = None
    if opened is not None:
        raise EmbedError(
            f"{where}:{opened[0]}: timeline:start without a timeline:end after it "
            "(add <!-- timeline:end --> where the timeline should stop)"
        )
    if not blocks:
        raise EmbedError(
            f"{where}: no timeline block: mark where it goes with <!-- timeline:start --> "
            "and <!-- timeline:end --> on lines of their own"
        )
    return blocks


def _positive(key: str, value: str, here: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise EmbedError(f"{here}: {key}={value!r} is not a whole number of at least 1")
    return number


def block_settings(
    block: Block,
    defaults: BuildConfig,
    *,
    fmt: str = "md",
    base: str | Path = ".",
    where: str = "<document>",
) -> BuildConfig:
    """``defaults`` (the command line's settings, its :class:`Look` as ``render``) with the
    block's options applied; EmbedError naming the block for an unknown option or a bad
    value.  ``base`` is the folder block ``sources`` are relative to (the briefing's)."""
    from .render import check_locale

    here = f"{where}:{block.line}"
    changes: dict[str, object] = {}
    looks: dict[str, object] = {}
    sources: list[str] = []
    seen: set[str] = set()
    for key, value in block.options:
        if key not in OPTIONS:
            raise EmbedError(f"{here}: unknown block option {key!r} (known: {', '.join(OPTIONS)})")
        if key in seen and key != "sources":
            raise EmbedError(f"{here}: {key}= given twice")
        seen.add(key)
        field = key.replace("-", "_")
        if key == "name":
            continue
        if key == "sources":
            if not value.strip() or value.strip() == "-":
                raise EmbedError(f"{here}: sources= needs a file, folder or URL")
            is_url = re.match(r"[a-z][a-z0-9+.-]*://", value, re.IGNORECASE)
            sources.append(value if is_url else str(Path(base) / value))
        elif key == "level":
            if fmt != "md":
                raise EmbedError(f"{here}: level= is for Markdown documents")
            level = _positive(key, value, here)
            if level > 4:
                raise EmbedError(f"{here}: level={value!r}: choose 1 to 4")
            looks["level"] = level
        elif not value.strip():
            if key == "locale":
                raise EmbedError(f"{here}: locale= needs a locale (en, fr, es, ...)")
            # drop the command line's setting for this block
            changes[field] = () if key == "query" else None
        elif key in ("since", "until"):
            try:
                changes[field] = date.fromisoformat(value)
            except ValueError:
                raise EmbedError(f"{here}: {key}={value!r} is not a date (YYYY-MM-DD)") from None
        elif key in ("max-dates", "per-date"):
            changes[field] = _positive(key, value, here)
        elif key == "locale":
            try:
                looks[field] = check_locale(value)
            except UsageError as exc:
                raise EmbedError(f"{here}: {exc}") from None
        elif key == "query":
            changes[field] = (value,) if value.strip() else ()
        else:  # title
            changes[field] = value
    if sources:
        changes["sources"] = tuple(sources)
    changes["render"] = dataclasses.replace(look(defaults), **looks)
    settings = dataclasses.replace(defaults, **changes)  # type: ignore[arg-type]
    if settings.since and settings.until and settings.since > settings.until:
        raise EmbedError(f"{here}: since {settings.since} is after until {settings.until}")
    return settings


def _demote(markdown: str, by: int) -> str:
    """Every ATX heading ``by`` levels down (code blocks untouched)."""
    if by <= 0:
        return markdown
    out, fence = [], None
    for line in markdown.split("\n"):
        was = fence
        fence = _fence(line, fence)
        if was is None and fence is None and _HEADING.match(line):
            line = "#" * by + line
        out.append(line)
    return "\n".join(out)


def _render_block(timeline: Timeline, fmt: str, settings: BuildConfig, block: Block, many: bool):
    from .render import render

    shown = look(settings)
    if fmt == "md":
        text = str(render(timeline, "md", locale=shown.locale))
        # blank lines around the timeline, so it never runs into the markers' lines
        text = "\n" + _demote(text, shown.level - 1) + "\n"
    else:
        text = str(render(timeline, "html", locale=shown.locale, fragment=True))
        if block.name or many:
            # several fragments in one page need their own ids for aria-labelledby
            suffix = block.name or str(block.number)
            text = text.replace(f'"{_FRAGMENT_ID}"', f'"{_FRAGMENT_ID}-{suffix}"')
    return text.replace("\n", block.newline) if block.newline != "\n" else text


def embed(
    text: str,
    fmt: str,
    defaults: BuildConfig | None = None,
    *,
    on_failure: Callable[[ReadFailure], object] | None = None,
    base: str | Path = ".",
    where: str = "<document>",
) -> Embedding:
    """Fill every block of ``text`` (a ``md`` or ``html`` document) with its timeline.

    Every marker and block option is checked before any article is read, so a bad document
    costs nothing and raises EmbedError.  ``defaults`` are the command line's settings (a
    :class:`Look` as ``render``); a block can change its sources, selection, title and look,
    not how articles are processed (the work done once for all).  ``on_failure`` is called
    with each input that cannot be read, as it is met; ``base`` is the folder block
    ``sources`` are relative to, ``where`` names the document in messages."""
    from .pipeline import build, selected

    defaults = defaults or BuildConfig()
    blocks = find_blocks(text, fmt, where)
    settings = [block_settings(b, defaults, fmt=fmt, base=base, where=where) for b in blocks]
    built: dict[tuple, Timeline] = {}
    warnings: list[str] = []
    articles = 0
    skipped: list[str] = []
    for s in settings:
        if s.sources not in built:
            whole = build(s.unselected(), on_failure=on_failure)
            built[s.sources] = whole.timeline
            warnings += [w for w in whole.timeline.warnings if w not in warnings]
            articles += whole.articles
            skipped += [str(f) for f in whole.failures if str(f) not in skipped]
    pieces, stale, pos = [], [], 0
    for block, s in zip(blocks, settings, strict=True):
        content = _render_block(selected(built[s.sources], s), fmt, s, block, many=len(blocks) > 1)
        if content != text[block.start : block.end]:
            stale.append(block)
        pieces += [text[pos : block.start], content]
        pos = block.end
    pieces.append(text[pos:])
    return Embedding(
        original=text,
        text="".join(pieces),
        blocks=tuple(blocks),
        stale=tuple(stale),
        warnings=tuple(warnings),
        articles=articles,
        skipped=tuple(skipped),
    )


def embed_file(
    path: str | Path,
    defaults: BuildConfig | None = None,
    *,
    on_failure: Callable[[ReadFailure], object] | None = None,
) -> Embedding:
    """:func:`embed` on a document file (read, not written: the caller writes
    ``Embedding.text`` back, encoded as UTF-8, when it is not up to date)."""
    file = Path(path)
    fmt = document_format(file)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise SourceNotFoundError(f"{path}: no such document") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder, not a document") from None
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise EmbedError(f"{path}: not UTF-8 text") from None
    return embed(text, fmt, defaults, on_failure=on_failure, base=file.parent, where=str(path))
