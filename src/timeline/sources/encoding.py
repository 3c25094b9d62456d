"""Bytes to text: whether a file is text at all, and in which encoding.

UTF-8 (a BOM is dropped) and UTF-16 or UTF-32 with their BOM are read as such.  Bytes that
are not valid UTF-8 go to charset-normalizer, which tells Windows-1252 from Windows-1251 or
Shift-JIS by what the decoded text looks like.  On Western texts it often cannot tell
Windows-1252 from its neighbours (it may answer cp1257 for French, cp1006 for "café");
Windows-1252 then wins a near tie, being what a Western file that is not UTF-8 almost always
is.  (Czech, which it cannot tell from Windows-1252 either, pays for that.)

Binary files (a known file signature, NUL bytes, mostly control characters) are refused, never
decoded into garbage.  UTF-16 without a BOM is refused too, with a reason saying so: without
the BOM its byte order is a guess.

Line ends are left as written (LF, CRLF or a lone CR): the article body is the text exactly
as in the file, so offsets into it are offsets into the file's text.  Every stage after the
readers takes all three as line ends.
"""

from __future__ import annotations

from ..errors import ArticleReadError

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
    (b"\xff\xfe", "utf-16", "UTF-16"),  # the codec reads the byte order from the BOM
    (b"\xfe\xff", "utf-16", "UTF-16"),
)

# File signatures worth naming: a user who saved the wrong file learns which one it was.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive, or a Word or OpenDocument file"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"\xfd7zXZ\x00", "xz-compressed"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document: save it as plain text"),
)

BINARY = "binary file, not text"
_HEAD = 8192  # bytes (or characters) looked at to tell text from binary
# Control characters that text files do hold: tab, line ends, form feed.
_TEXT_CONTROLS = frozenset("\t\n\r\x0b\x0c")
# A cp1252 match this close to the best still wins (see above): its "chaos" (how messy the
# decoded text looks) at most this much higher, its "coherence" (how much its letters look
# like a language) at most this much lower.  Measured on French, Spanish, English and German
# samples, which charset-normalizer often gives to cp1250 or cp1257 by a hair; Polish,
# Turkish, Russian, Greek and Arabic ones keep their own code page.
_CHAOS_MARGIN = 0.05
_COHERENCE_MARGIN = 0.01


def has_bom(data: bytes) -> bool:
    """True when the bytes start with a Unicode byte-order mark."""
    return data.startswith(tuple(bom for bom, _, _ in _BOMS))


def binary_reason(data: bytes) -> str | None:
    """Why bytes with no BOM are no text we read ("binary file, not text (a PNG image)"), or
    None when they may be text."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return f"{BINARY} ({kind})"
    head = data[:_HEAD]
    nuls = head.count(0)
    if not nuls:
        return None
    even = head[0::2].count(0)
    if len(head) >= 4 and nuls >= len(head) // 4 and even in (0, nuls):
        # ASCII in UTF-16 has a NUL in every other byte, all on the same side
        return "UTF-16 text without a byte-order mark: save it as UTF-8, or UTF-16 with a BOM"
    return BINARY


_CONTROLS = {
    code: None for code in [*range(32), 0x7F] if chr(code) not in _TEXT_CONTROLS
}  # what looks_binary counts


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly control characters (more than 1 in 20 at its head)."""
    head = text[:_HEAD]
    # deleting the control characters counts them at C speed (a file is read in full)
    controls = len(head) - len(head.translate(_CONTROLS))
    return controls * 20 > len(head)


def decode(data: bytes, shown: str) -> str:
    """Text from bytes (see the module's docstring); ArticleReadError naming ``shown`` and
    the reason when they are binary or in no encoding that fits."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise ArticleReadError(shown, f"not valid {name} text") from None
            break
    else:
        reason = binary_reason(data)
        if reason:
            raise ArticleReadError(shown, reason)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detected(data, shown)
    if looks_binary(text):
        raise ArticleReadError(shown, BINARY)
    return text


def detect_encoding(data: bytes) -> str | None:
    """The encoding of bytes that are not UTF-8, as a Python codec name, or None."""
    from charset_normalizer import from_bytes

    # Without a BOM UTF-16 and UTF-32 are guesses (see above): never taken from detection.
    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        return None
    best = matches[0]  # charset-normalizer ranks them: least chaos, then most coherence
    for match in matches:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos + _CHAOS_MARGIN
            and match.coherence >= best.coherence - _COHERENCE_MARGIN
        ):
            return "cp1252"
    return best.encoding


def _detected(data: bytes, shown: str) -> str:
    codec = detect_encoding(data)
    if codec is not None:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass
    raise ArticleReadError(shown, "not valid UTF-8, nor text in another encoding")
