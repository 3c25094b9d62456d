"""What every reader shares: the bytes to read, the options, and what reading gives back.

Kept apart from the package's ``__init__`` so the readers can import it without an import
cycle (the package imports the readers to register them).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from ..errors import ArticleReadError, UsageError
from ..model import Article

DEFAULT_TIMEOUT = 20.0  # seconds per network operation
DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a news page or feed is far smaller; this stops a runaway
_MB = 1024 * 1024


@dataclass(frozen=True)
class ReadFailure:
    """A source, or one record of it, that could not be read; the run goes on without it."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class ReadNote:
    """Something the user should know that did not stop an article being read."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


# What a reader gives back: articles, and for the records of a file that could not be read,
# failures and notes in their place (a feed or a JSONL export holds many articles).
Item = Article | ReadFailure | ReadNote


@dataclass(frozen=True)
class Payload:
    """Bytes to read and where they came from."""

    data: bytes
    shown: str  # the path, URL or "-" as the user gave it (or as found in a folder)
    url: str = ""  # where the bytes were fetched from, when they were
    hint: str = ""  # the kind the name or the Content-Type header promises: "html", "feed", ...
    charset: str | None = None  # from an HTTP Content-Type header

    def decoded(self) -> str:
        """The bytes as text: the HTTP charset when one was sent and no BOM says otherwise.

        Raises ArticleReadError for bytes that are no text (see ``encoding.decode``).
        """
        from .encoding import decode, has_bom, looks_binary

        if self.charset and not has_bom(self.data):
            try:
                text = self.data.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown charset header: fall back to what the bytes say
            else:
                if not looks_binary(text):  # else decode() below says what it is
                    return text
        return decode(self.data, self.shown)


@dataclass(frozen=True)
class ReadOptions:
    """How to read: the fallback date, whether to follow feed links, network limits."""

    published: date | None = None  # for articles whose date is not known otherwise
    follow: bool = False  # read each feed entry's linked page instead of the feed's text
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES  # per file, page or stdin: a bigger one is refused

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise UsageError(f"the largest file size must be at least 1 byte, not {self.max_bytes}")


def size_text(n: int) -> str:
    """A byte count as a person says it: "10 MB", "1.5 MB", "1000 bytes"."""
    if n < _MB:
        return f"{n} bytes"
    mb = n / _MB
    return f"{mb:.2f}".rstrip("0").rstrip(".") + " MB"


def too_large(max_bytes: int) -> str:
    """The reason given for a file, page or stdin over the size cap."""
    return f"larger than {size_text(max_bytes)} (set --max-file-size)"


def read_bytes(path: Path, shown: str, max_bytes: int) -> bytes:
    """A file's bytes, refused (ArticleReadError) when it is larger than ``max_bytes``.

    The size is checked before anything is read, and no more than ``max_bytes + 1`` bytes
    are ever read: a file may grow meanwhile, and a pipe or a device has no size to check.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ArticleReadError(shown, "a folder, not a file")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise ArticleReadError(shown, too_large(max_bytes))
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise ArticleReadError(shown, os_reason(path, exc)) from None
    if len(data) > max_bytes:
        raise ArticleReadError(shown, too_large(max_bytes))
    return data


def check_size(path: Path, shown: str, max_bytes: int) -> None:
    """Refuse a file over the cap before a reader that opens it itself (a plug-in) sees it."""
    try:
        info = path.stat()
    except OSError as exc:
        raise ArticleReadError(shown, os_reason(path, exc)) from None
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise ArticleReadError(shown, too_large(max_bytes))


def os_reason(path: Path, exc: OSError) -> str:
    """Why a file cannot be opened, in a few words a user can act on."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, FileNotFoundError):
        try:
            return f"broken symbolic link (to {os.readlink(path)})"
        except OSError:  # not a link at all: gone since it was listed
            pass
    if isinstance(exc, PermissionError):
        return "cannot be read: permission denied"
    return f"cannot be read: {(exc.strerror or type(exc).__name__).lower()}"


def normalise_language(value: object) -> str:
    """A language tag as the rest of the pipeline expects it: "en", "en-gb"; "" if unknown."""
    if value is None:
        return ""
    return str(value).strip().lower().replace("_", "-")


_WS = re.compile(r"\s+")


def parse_published(value: object) -> date | None:
    """A publication date from a record, a feed or a page: ISO 8601 or RFC 2822.

    The calendar date is the one written, in the writer's own time zone ("2019-01-22T23:30
    -01:00" is 22 January): relative dates in the text ("yesterday") count from the day the
    outlet lived, not from the day in UTC.  Raises ValueError for a value that is no date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return iso_day(value)
    text = _WS.sub(" ", str(value)).strip()
    if not text:
        return None
    day = iso_day(text)
    if day is not None:
        return day
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"published date {text!r} is neither ISO 8601 nor RFC 2822")


def iso_day(value: date | str) -> date | None:
    """The day a date, a date-time or an ISO 8601 string names, or None for a string that is
    not ISO 8601.  A date-time gives the calendar day written, in the writer's time zone."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def utc_date(struct) -> date | None:
    """The date of a ``time.struct_time`` in UTC (feedparser's ``*_parsed``), or None."""
    if struct is None:
        return None
    try:
        return datetime(*struct[:6], tzinfo=UTC).date()
    except (TypeError, ValueError):
        return None
