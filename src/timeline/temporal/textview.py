"""A normalised view of a sentence for the grammars of other languages, with its offsets.

The French, Spanish and Arabic grammars match a view of each sentence in which variant
spellings of the same letter are one: typographic apostrophes and hyphens, decomposed
accents (NFD "é"), Arabic hamza seats (أ إ آ -> ا), ta marbuta (ة -> ه), alif maqsura
(ى -> ي), Arabic-Indic digits (٢٠١٩ -> 2019), and no Arabic vowel marks or tatweel (غداً ->
غدا).  Every character of the view knows the stretch of the original it came from, so a
match in the view maps back to exact offsets in the article.  English never goes through
here: its grammar reads the text as it is.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# One character for one: the view keeps the original's length, and offsets stay as they are.
_TABLE = str.maketrans(
    {
        "’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "′": "'",
        "‐": "-", "‑": "-", "‒": "-",
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
        "٪": "%", "٫": ",",
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Eastern (Persian) digits
    }
)  # fmt: skip
# Characters that are dropped (Arabic marks, tatweel) or composed with the letter before
# them (combining accents): where present, the view is built character by character.
_SPECIAL = re.compile(r"[\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")
_DROP = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u0640", "\u0670"]
)
_TATWEEL = "\u0640"


@dataclass(frozen=True)
class View:
    """``text`` is the normalised sentence; ``starts[i]``/``ends[i]`` the stretch of the
    original that its character ``i`` stands for (None: the same offsets)."""

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None
    length: int = 0  # of the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the view's ``text[start:end]``."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]

    def index(self, original: int) -> int:
        """The view offset of an original offset (the first character at or after it)."""
        if self.starts is None:
            return original
        return bisect.bisect_left(self.starts, original)


def _is_mark(c: str) -> bool:
    return c == _TATWEEL or unicodedata.combining(c) != 0


_TRANSLATED = re.compile("[" + re.escape("".join(chr(c) for c in _TABLE)) + "]")


def view(sentence: str) -> View:
    """The normalised view of ``sentence``; linear in its length."""
    text = sentence.translate(_TABLE) if _TRANSLATED.search(sentence) else sentence
    if not _SPECIAL.search(text):
        return View(text, None, None, len(sentence))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and _is_mark(text[j]):
            j += 1
        kept = "".join(c for c in text[i:j] if c not in _DROP)
        if kept:
            kept = unicodedata.normalize("NFC", kept).translate(_TABLE)
        for c in kept:
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    return View("".join(out), tuple(starts), tuple(ends), len(sentence))


def normal(word: str) -> str:
    """A word as the view writes it (for building patterns from natural spellings)."""
    return view(word).text


def fold(word: str) -> str:
    """The lookup key of a word: its view, case-folded, without accents, one space."""
    text = unicodedata.normalize("NFD", normal(word).casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())
