"""Readers: turn the paths a user names into Articles.

One reader per input kind, registered by suffix; folders are walked recursively in sorted
order so the same folder always gives the same article order.  A file that cannot be read
is reported (``ReadFailure``) and skipped; it never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import ArticleReadError, SourceNotFoundError
from ..model import Article

Reader = Callable[[Path, str], Article]
READERS: dict[str, Reader] = {}


def register_reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes (".txt"); third-party readers use the same door."""

    def decorate(func: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = func
        return func

    return decorate


@dataclass(frozen=True)
class ReadFailure:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _walk(folder: Path) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        st = os.stat(root)
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop: visit each folder once
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in READERS:
                yield Path(root) / name


def expand(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, str]]:
    """The files to read, as (path, path as the user gave it or as found in a folder).

    Raises SourceNotFoundError for a path that does not exist.  A file named explicitly is
    read whatever its suffix (as plain text); in folders only known suffixes are read.
    """
    out: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise SourceNotFoundError(f"{raw}: no such file or folder")
        found = [(p, str(p)) for p in _walk(path)] if path.is_dir() else [(path, str(raw))]
        for p, shown in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append((p, shown))
    return out


def read_file(path: Path, shown: str | None = None, published: date | None = None) -> Article:
    """Read one file with the reader for its suffix (plain text when none fits)."""
    shown = shown if shown is not None else str(path)
    reader = READERS.get(path.suffix.lower(), READERS[".txt"])
    article = reader(path, shown)
    if article.published is None and published is not None:
        article = _replace(article, published=published)
    return article


def read_all(
    paths: Iterable[str | os.PathLike[str]], published: date | None = None
) -> tuple[list[Article], list[ReadFailure]]:
    """Read every article under ``paths``; unreadable files come back as failures."""
    articles: list[Article] = []
    failures: list[ReadFailure] = []
    for path, shown in expand(paths):
        try:
            articles.append(read_file(path, shown, published))
        except ArticleReadError as exc:
            failures.append(ReadFailure(shown, exc.reason))
    return articles, failures


def _replace(article: Article, **changes) -> Article:
    from dataclasses import replace

    return replace(article, **changes)


# The built-in readers register through the same door as any other (import last: they
# use register_reader from above).
from . import text  # noqa: E402, F401
