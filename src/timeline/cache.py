"""A folder of per-article results, so a rebuild only processes what is new.

Each result is stored under a key made of everything it depends on: the article (id, body,
title, source, url, publication date, language, path), the per-article settings and a
fingerprint of the tool's own code.  Change any of them and the key changes, so a stale
result is never used; nothing has to be invalidated by hand.  Entries are written
atomically (a temporary file renamed into place), so an interrupted run or two runs at
once never leave a torn file; an unreadable entry counts as a miss.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import OutputError
from .model import Article, ArticleResult

if TYPE_CHECKING:
    from .config import BuildConfig

_FORMAT = 1  # bump when the stored layout changes


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's source: results from other code are never reused."""
    digest = hashlib.sha256(str(_FORMAT).encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ResultCache:
    """Results of one set of per-article settings in ``folder`` (created when missing)."""

    def __init__(self, folder: str | os.PathLike[str], config: BuildConfig) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{folder}: cannot use as a cache ({exc.strerror})") from None
        self._salt = f"{code_fingerprint()}|{config.per_article()!r}"

    def key(self, article: Article) -> str:
        parts = (
            self._salt,
            article.id,
            article.title,
            article.source,
            article.url,
            article.published.isoformat() if article.published else "",
            article.language,
            article.path,
            str(article.title_derived),
            article.body,
        )
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, article: Article) -> ArticleResult | None:
        path = self._path(self.key(article))
        try:
            with path.open("rb") as handle:
                result = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None
        return result if isinstance(result, ArticleResult) else None

    def put(self, article: Article, result: ArticleResult) -> None:
        """Store the result of ``article`` (as read, before the pipeline filled in its
        language); a cache that cannot be written is skipped, never fatal."""
        path = self._path(self.key(article))
        try:
            path.parent.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            return
