"""Readers: turn the sources a user names into Articles.

A source is a file, a folder (walked recursively in sorted order, so the same folder always
gives the same articles in the same order), ``-`` for stdin, or an http(s) URL.  What a source
holds is told by its suffix *and* its first bytes (``timeline.sources.sniff``): a ``.txt``
saved from a browser is read as the HTML page it is.  Built in: text and Markdown with front
matter, web pages, RSS and Atom feeds, JSON and JSON Lines records.

A reader may give several articles (a feed, an export).  Anything that cannot be read, a
whole file or one record of it, comes back as a ``ReadFailure`` with one short reason and
never stops the others: a binary, empty, undecodable or unreadable file, bad front matter,
an impossible date, a broken symbolic link, a folder that cannot be listed, a file over the
size cap (``max_bytes``, 10 MB by default, checked before the file is read).  The same
article read twice (same URL, or same text) counts once, the first one read.

Bodies keep their line ends as written (LF, CRLF or a lone CR): offsets index the text as it
is in the file.  Text that is not UTF-8 (or UTF-16 with a BOM) is decoded as detected,
Windows-1252 for most Western files (``timeline.sources.encoding``).

Folders are walked following symbolic links, each real folder once: a link back to an
ancestor is not followed round again, and a file reached by two names is read once.
Only regular files are read from a folder (a named pipe there would wait forever); named
explicitly, a pipe or a device is read too, up to the size cap.

Third-party readers register by suffix through the same door as the built-in ones::

    @register_reader(".shout")
    def read_shout(path: Path, shown: str) -> Article | Iterable[Article | ReadFailure]: ...
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import ArticleReadError, SourceNotFoundError, TimelineError
from ..model import Article
from .base import (
    DEFAULT_MAX_BYTES,
    Item,
    Payload,
    ReadFailure,
    ReadNote,
    ReadOptions,
    check_size,
    os_reason,
    read_bytes,
    too_large,
)

log = logging.getLogger(__name__)

__all__ = [
    "NOT_ARTICLES",
    "PARSERS",
    "READERS",
    "Payload",
    "ReadFailure",
    "ReadNote",
    "ReadOptions",
    "Reading",
    "builtin_parser",
    "expand",
    "is_article_name",
    "iter_sources",
    "read_all",
    "read_file",
    "read_payload",
    "read_sources",
    "register_reader",
]

# A reader for files of a suffix: (path, path as shown) -> one article, or several articles
# and failures (a feed, an export).
Reader = Callable[[Path, str], "Article | Iterable[Item]"]
READERS: dict[str, Reader] = {}

# The built-in readers, by the kind of content they read ("text", "html", "feed",
# "records"); the sniffer picks the kind, so they read bytes from anywhere (a file, stdin,
# a URL), not only files.
Parser = Callable[[Payload, ReadOptions], "list[Item]"]
PARSERS: dict[str, Parser] = {}
HINTS: dict[str, str] = {}  # suffix -> the kind of content a built-in suffix promises


def register_reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes (".txt"); third-party readers use the same door.

    A registered reader owns its suffix: files with it are handed to it as they are, not
    sniffed.  It returns an Article, or an iterable of Articles and ReadFailures.
    """

    def decorate(func: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = func
        return func

    return decorate


def builtin_parser(kind: str, *suffixes: str) -> Callable[[Parser], Parser]:
    """Register a built-in reader of a kind of content, and the suffixes that promise it."""

    def decorate(func: Parser) -> Parser:
        PARSERS[kind] = func
        for suffix in suffixes:
            HINTS[suffix.lower()] = kind
        register_reader(*suffixes)(read_sniffed)
        return func

    return decorate


def read_sniffed(path: Path, shown: str) -> list[Item]:
    """The reader registered for every built-in suffix: the content decides the parser."""
    return _parse_path(path, shown, ReadOptions())[1]


@dataclass(frozen=True)
class Reading:
    """What reading the sources gave: articles, failures, and notes on the way."""

    articles: list[Article]
    failures: list[ReadFailure]
    notes: list[str] = field(default_factory=list)  # e.g. a feed link that could not be followed
    duplicates: list[str] = field(default_factory=list)  # articles read once, not twice


# --- which sources -----------------------------------------------------------------------------


NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})
"""File stems (in capitals) a folder of articles may carry as its own documentation: in a
folder they are not read (named explicitly, they are)."""


def is_article_name(name: str) -> bool:
    """True when a file of this name, found in a folder, is read as an article: not hidden,
    a suffix some reader registered, not one of :data:`NOT_ARTICLES`."""
    path = Path(name)
    return (
        not name.startswith(".")
        and path.suffix.lower() in READERS
        and path.stem.upper() not in NOT_ARTICLES
    )


def _walk(folder: Path, failures: list[ReadFailure]) -> Iterator[Path]:
    """The article files under ``folder``, in sorted order; folders that cannot be listed
    go to ``failures``."""

    def unlistable(exc: OSError) -> None:
        where = str(exc.filename) if exc.filename is not None else str(folder)
        failures.append(ReadFailure(where, "folder " + os_reason(Path(where), exc)))

    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, onerror=unlistable, followlinks=True):
        try:
            st = os.stat(root)
        except OSError as exc:
            unlistable(exc)
            dirs[:] = []
            continue
        # (device, inode) is the folder itself, whatever link led here: a link back to an
        # ancestor is seen again here and not walked round a second time
        if (st.st_dev, st.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if is_article_name(name) and _file_like(Path(root) / name):
                yield Path(root) / name


def _file_like(path: Path) -> bool:
    """False for a pipe, socket or device found in a folder: reading a pipe with no writer
    would wait forever.  A link that cannot be followed stays, to be reported as such."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


def _exists(path: Path) -> bool:
    """True for a path that names something, a broken or looping link included (reading it
    says what is wrong); a folder that cannot be searched counts as existing too."""
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # not even known: read as a file, and the read says why it fails
        return False


def expand(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path | None, str]]:
    """The sources to read, as (path, source as the user gave it or as found in a folder).

    ``-`` (stdin) and http(s) URLs come back with no path.  Raises SourceNotFoundError for a
    path that does not exist.  A file named explicitly is read whatever its suffix (its
    content says how); in folders only files with a registered suffix are read.  Folders
    that cannot be listed are left out (``read_sources`` reports them).
    """
    return _expand(paths)[0]


def _expand(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[tuple[Path | None, str]], list[ReadFailure]]:
    from .web import is_url

    out: list[tuple[Path | None, str]] = []
    failures: list[ReadFailure] = []
    seen: set[str] = set()
    for raw in paths:
        given = os.fspath(raw)
        if isinstance(raw, str) and (given == "-" or is_url(given)):
            if given not in seen:
                seen.add(given)
                out.append((None, given))
            continue
        path = Path(raw)
        if not _exists(path):
            raise SourceNotFoundError(f"{given}: no such file or folder")
        found = [(p, str(p)) for p in _walk(path, failures)] if _is_dir(path) else [(path, given)]
        for p, shown in found:
            # realpath, not Path.resolve(): on a link loop resolve() raises (RuntimeError in
            # Python 3.11), realpath stops and the read reports the loop
            key = os.path.realpath(p)
            if key not in seen:
                seen.add(key)
                out.append((p, shown))
    return out, failures


# --- reading one source ----------------------------------------------------------------------


def read_payload(payload: Payload, options: ReadOptions | None = None) -> list[Item]:
    """Read bytes with the built-in reader their content (and hint) calls for."""
    return _parse(payload, options or ReadOptions())[1]


def _parse(payload: Payload, options: ReadOptions) -> tuple[str, list[Item]]:
    from .sniff import sniff

    kind = sniff(payload.data, payload.hint)
    return kind, PARSERS[kind](payload, options)


def _parse_path(path: Path, shown: str, options: ReadOptions) -> tuple[str, list[Item]]:
    data = read_bytes(path, shown, options.max_bytes)
    return _parse(Payload(data, shown, hint=HINTS.get(path.suffix.lower(), "")), options)


def _read_url(url: str, options: ReadOptions) -> list[Item]:
    from .sniff import hint_for_content_type
    from .web import fetch

    got = fetch(url, timeout=options.timeout, max_bytes=options.max_bytes)
    hint = hint_for_content_type(got.content_type)
    if not hint:  # application/octet-stream and the like: the name may tell
        hint = HINTS.get(Path(got.url.split("?", 1)[0].split("#", 1)[0]).suffix.lower(), "")
    payload = Payload(got.data, url, url=got.url, hint=hint, charset=got.charset)
    return read_payload(payload, options)


def _read_stdin(stdin: BinaryIO | None, options: ReadOptions) -> list[Item]:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:  # no standard input at all (a GUI launcher, a closed descriptor)
        raise ArticleReadError("-", "there is no standard input to read")
    try:
        data = stream.read(options.max_bytes + 1)  # never more than the cap into memory
    except OSError as exc:
        raise ArticleReadError("-", exc.strerror or "standard input cannot be read") from None
    if len(data) > options.max_bytes:
        raise ArticleReadError("-", too_large(options.max_bytes))
    return read_payload(Payload(data, "-"), options)


# A date in a file name dates the one article of a page or a text, never the entries of a
# feed or the records of an export: there it is the day the file was saved.
_NAME_DATED = frozenset({"text", "html", "third-party"})


def _read_one(
    path: Path | None, shown: str, options: ReadOptions, stdin: BinaryIO | None
) -> list[Item]:
    """Everything one source gives, dated as well as its names allow."""
    from .datehints import date_in_name, date_in_url

    name_day = None
    if path is None:  # expand() gives no path only for "-" and URLs
        items = _read_stdin(stdin, options) if shown == "-" else _read_url(shown, options)
    else:
        reader = READERS.get(path.suffix.lower())
        if reader is None or reader is read_sniffed:
            kind, items = _parse_path(path, shown, options)
        else:  # a third-party reader owns its suffix, and opens the file itself
            check_size(path, shown, options.max_bytes)
            got = reader(path, shown)
            kind, items = "third-party", [got] if isinstance(got, Article) else list(got)
        if kind in _NAME_DATED and len(items) == 1:
            name_day = date_in_name(path.name)
    dated: list[Item] = []
    for item in items:
        if isinstance(item, Article) and item.published is None:
            day = date_in_url(item.url) or name_day or options.published
            if day is not None:
                item = replace(item, published=day)
        dated.append(item)
    return dated


def read_file(path: Path, shown: str | None = None, published: date | None = None) -> Article:
    """Read one file (its content decides how; plain text when nothing else fits).

    A file holding several articles (a feed, an export) gives its first; ``read_sources``
    gives them all.
    """
    shown = shown if shown is not None else str(path)
    items = _read_one(path, shown, ReadOptions(published=published), None)
    for item in items:
        if isinstance(item, Article):
            return item
    failure = next((item for item in items if isinstance(item, ReadFailure)), None)
    raise ArticleReadError(shown, failure.reason if failure else "no article in it")


# --- reading them all ------------------------------------------------------------------------


def read_sources(paths: Iterable[str | os.PathLike[str]], **options: Any) -> Reading:
    """Read every article the sources hold, in order, each article once.

    Takes the keywords of :class:`iter_sources` (``published``, ``follow``, ``max_bytes``,
    ``options``, ``stdin``, ``on_failure``) and raises as it does.
    """
    return iter_sources(paths, **options).reading()


class iter_sources:
    """:func:`read_sources` one article at a time, for corpora too large to hold: the
    articles come as they are read (the same ones, in the same order), and
    ``failures``, ``notes`` and ``duplicates`` fill up on the way.

    ``published`` dates articles that give no date (not in their metadata, file name or
    URL).  ``follow`` reads the page each feed entry links to instead of the feed's text.
    ``max_bytes`` is the largest file, page or stdin read (10 MB by default); a bigger one
    is a failure, refused before it is read.  ``options`` sets everything at once (network
    timeout too); ``max_bytes``, when given, overrides its cap.  ``on_failure`` is called
    with each failure as it happens (to warn at once).  Raises UsageError for a
    ``max_bytes`` below 1, and when iterated SourceNotFoundError for a path that does not
    exist (before any article).
    """

    def __init__(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        published: date | None = None,
        follow: bool = False,
        max_bytes: int | None = None,
        options: ReadOptions | None = None,
        stdin: BinaryIO | None = None,
        on_failure: Callable[[ReadFailure], object] | None = None,
    ) -> None:
        if options is None:
            options = ReadOptions(
                published=published,
                follow=follow,
                max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes,
            )
        elif max_bytes is not None:
            options = replace(options, max_bytes=max_bytes)
        self.failures: list[ReadFailure] = []
        self.notes: list[str] = []
        self.duplicates: list[str] = []
        self._on_failure = on_failure
        self._articles = self._read(paths, options, stdin)

    def __iter__(self) -> Iterator[Article]:
        return self._articles

    def __next__(self) -> Article:
        return next(self._articles)

    def reading(self) -> Reading:
        """Read the articles not read yet; all of them, with what reading them gave."""
        articles = list(self)
        return Reading(articles, self.failures, self.notes, self.duplicates)

    def _failed(self, failure: ReadFailure) -> None:
        self.failures.append(failure)
        if self._on_failure is not None:
            self._on_failure(failure)

    def _read(
        self, paths: Iterable[str | os.PathLike[str]], options: ReadOptions, stdin: BinaryIO | None
    ) -> Iterator[Article]:
        from .dedupe import unique

        sources, failures = _expand(paths)
        for failure in failures:
            self._failed(failure)
        yield from unique(
            self._items(sources, options, stdin), lambda d: self.duplicates.append(str(d))
        )

    def _items(self, sources, options: ReadOptions, stdin: BinaryIO | None) -> Iterator[Article]:
        for path, shown in sources:
            try:
                items = _read_one(path, shown, options, stdin)
            except ArticleReadError as exc:
                self._failed(ReadFailure(shown, exc.reason))
                continue
            except TimelineError:
                raise
            except Exception as exc:
                # A reader's bug on one odd file must not lose the others: that file is a
                # failure saying so, and the traceback goes to the log for the bug report.
                log.debug("reading %s failed", shown, exc_info=True)
                detail = " ".join(str(exc).split())  # one warning line, whatever it says
                self._failed(
                    ReadFailure(shown, f"could not be read ({type(exc).__name__}: {detail})")
                )
                continue
            for item in items:
                if isinstance(item, Article):
                    yield item
                elif isinstance(item, ReadFailure):
                    self._failed(item)
                else:
                    self.notes.append(str(item))


def read_all(
    paths: Iterable[str | os.PathLike[str]],
    published: date | None = None,
    *,
    follow: bool = False,
    max_bytes: int | None = None,
) -> tuple[list[Article], list[ReadFailure]]:
    """Read every article under ``paths``; unreadable sources come back as failures."""
    reading = read_sources(paths, published=published, follow=follow, max_bytes=max_bytes)
    return reading.articles, reading.failures


# The built-in readers register through the same door as any other (import last: they
# use builtin_parser from above).
from . import feed, html, records, text  # noqa: E402, F401
