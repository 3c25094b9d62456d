"""A folder of hostile inputs beside good articles, for the reader tests and the CLI tests.

``make_hostile_folder(path)`` writes it and says what reading it must give: which files are
articles (with their title, date and exact body) and which are failures (with their exact
reason).  Every name is relative to the folder, "/" separated.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

MB = 1024 * 1024
BIG_SIZE = 5 * MB  # over a cap a test sets low, under the default 10 MB

GOOD_1 = (
    "Rabat – On Tuesday, Morocco’s Minister Delegate received NATO’s envoy.\n"
    "Morocco has been a partner of the Mediterranean Dialogue since its launch in 1994.\n"
)
GOOD_2 = (
    "At a seminar held yesterday in Rabat, 25 years of cooperation were highlighted.\n"
    "The relationship dates back to 1995, the minister said.\n"
)
NESTED = "The Warsaw Summit in 2016 discussed the partnership.\n"
LATIN = (
    "“Genève and Fès,” said the café’s owner – the envoy’s visit on 21 January 2019 was "
    "à propos, déjà vu for a region that remembers 1994.\n"
    "Après the meeting, the délégué went to Rabat.\n"
)
UTF16 = "Le séminaire s’est tenu le 22 janvier 2019 à Rabat.\n"
UTF16_BE = "El seminario se celebró el 22 de enero de 2019 en Rabat.\n"
BOM8 = "Straße, Köln: the office opened on 3 March 2018.\n"
CRLF = "On Tuesday the envoy arrived.\r\nThe talks of 2017 were recalled.\r\n"
CR = "On Monday the delegation left.\rIts mandate began in 2015.\r"
BIG_LEDE = "On 20 January 2019 the archive was opened.\n"


def _front(title: str, published: str, nl: str = "\n") -> str:
    return nl.join(["---", f"title: {title}", f"published: {published}", "---", ""])


def make_hostile_folder(path: Path, *, big_size: int = BIG_SIZE) -> dict:
    """Write the hostile folder at ``path`` (created if need be) and say what it holds.

    Returns ``{"folder": path, "good": {name: {"title", "published", "body"}}, "bad": {name:
    reason}, "big": name, "symlinks": bool, "unreadable": bool}``.  ``big`` (``big_size``
    bytes, a dated lede then blank padding, so the pipeline is quick on it) is good under the
    default cap and fails with the over-the-cap reason under a lower one.  Symbolic links
    are made where the platform allows (``symlinks``); a file without read permission only
    where permissions are enforced, i.e. not as root (``unreadable``).
    """
    path.mkdir(parents=True, exist_ok=True)
    good: dict[str, dict] = {}
    bad: dict[str, str] = {}

    def article(name: str, data: bytes, title: str, published: date | None, body: str) -> None:
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_bytes(data)
        good[name] = {"title": title, "published": published, "body": body}

    def failure(name: str, data: bytes, reason: str) -> None:
        (path / name).write_bytes(data)
        bad[name] = reason

    # --- two plain good articles, and one in a subfolder ---------------------------------
    article(
        "good-1.md",
        (_front("Morocco, NATO discuss cooperation", "2019-01-22") + GOOD_1).encode(),
        "Morocco, NATO discuss cooperation",
        date(2019, 1, 22),
        GOOD_1,
    )
    article(
        "good-2.md",
        (_front("Seminar in Rabat", "2019-01-23") + GOOD_2).encode(),
        "Seminar in Rabat",
        date(2019, 1, 23),
        GOOD_2,
    )
    article(
        "sub/nested.md",
        (_front("Warsaw", "2016-07-10") + NESTED).encode(),
        "Warsaw",
        date(2016, 7, 10),
        NESTED,
    )

    # --- encodings and line ends: all read, bodies exactly as written ---------------------
    article(
        "latin1.txt",
        (_front("Café diplomacy", "2019-01-21") + LATIN).encode("cp1252"),
        "Café diplomacy",
        date(2019, 1, 21),
        LATIN,
    )
    article(
        "utf16.md",
        b"\xff\xfe" + (_front("Séminaire", "2019-01-22") + UTF16).encode("utf-16-le"),
        "Séminaire",
        date(2019, 1, 22),
        UTF16,
    )
    article(
        "utf16be.md",
        b"\xfe\xff" + (_front("Seminario", "2019-01-22") + UTF16_BE).encode("utf-16-be"),
        "Seminario",
        date(2019, 1, 22),
        UTF16_BE,
    )
    article(
        "utf8-bom.md",
        b"\xef\xbb\xbf" + (_front("Köln", "2018-03-05") + BOM8).encode(),
        "Köln",
        date(2018, 3, 5),
        BOM8,
    )
    article(
        "crlf.md",
        (_front("Windows line ends", "2019-01-22", "\r\n") + CRLF).encode(),
        "Windows line ends",
        date(2019, 1, 22),
        CRLF,
    )
    article(
        "cr.txt",
        (_front("Old Mac line ends", "2019-01-22", "\r") + CR).encode(),
        "Old Mac line ends",
        date(2019, 1, 22),
        CR,
    )
    big_body = BIG_LEDE + " " * (big_size - len(BIG_LEDE) - 1) + "\n"
    article(
        "big.txt", big_body.encode(), "On 20 January 2019 the archive was opened", None, big_body
    )

    # --- files that are no article: each one failure, the others read --------------------
    failure(
        "photo.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8,
        "binary file, not text (a PNG image)",
    )
    failure(
        "report.txt",
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)),
        "binary file, not text (a ZIP archive, or a Word or OpenDocument file)",
    )
    failure(
        "program.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(64), "binary file, not text (a program)"
    )
    failure(
        "nul.txt",
        b"Text with\x00NUL bytes\x00in it, saved by a broken tool.\n",
        "binary file, not text",
    )
    failure("empty.md", b"", "empty article")
    failure("blank.txt", b"  \n\t\r\n   \n", "empty article")
    failure(
        "bad-yaml.md",
        b"---\ntitle: Broken\npublished: [\n---\nThe text of 1994.\n",
        "front matter is not valid YAML (line 4)",
    )
    failure(
        "unclosed.md",
        b"---\ntitle: Never closed\npublished: 2019-01-22\nThe text of 1994.\n",
        "front matter has no closing --- line",
    )
    failure(
        "impossible-date.md",
        b"---\ntitle: Impossible\npublished: 2019-13-45\n---\nThe text of 1994.\n",
        "impossible date 2019-13-45 in front matter",
    )
    failure(
        "deep-yaml.md",
        b"---\ntitle: " + b"[" * 50_000 + b"\n---\nThe text of 1994.\n",  # past libyaml's C stack
        "front matter is nested too deeply",
    )
    failure(
        "undecodable.txt",
        bytes(range(0x80, 0x100)) * 8,
        "not valid UTF-8, nor text in another encoding",
    )
    failure(
        "utf16-no-bom.txt",
        "No byte-order mark here, in 1994.\n".encode("utf-16-le"),
        "UTF-16 text without a byte-order mark: save it as UTF-8, or UTF-16 with a BOM",
    )

    # --- links: a folder linking back to an ancestor, a broken link, a loop of links ------
    symlinks = True
    try:
        (path / "sub" / "up").symlink_to("..", target_is_directory=True)
        (path / "broken.md").symlink_to("nowhere.md")
        (path / "loop-a.md").symlink_to("loop-b.md")
        (path / "loop-b.md").symlink_to("loop-a.md")
    except (OSError, NotImplementedError):  # Windows without the privilege, say
        symlinks = False
    if symlinks:
        bad["broken.md"] = "broken symbolic link (to nowhere.md)"
        bad["loop-a.md"] = "symbolic link loop"
        bad["loop-b.md"] = "symbolic link loop"

    unreadable = False
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        locked = path / "locked.md"
        locked.write_bytes(_front("Locked", "2019-01-22").encode() + b"Secret text of 1994.\n")
        locked.chmod(0)
        try:
            locked.read_bytes()
        except PermissionError:
            unreadable = True
            bad["locked.md"] = "cannot be read: permission denied"
        else:  # permissions not enforced after all (some file systems): not part of the set
            locked.chmod(0o644)
            locked.unlink()

    return {
        "folder": path,
        "good": good,
        "bad": bad,
        "big": "big.txt",
        "symlinks": symlinks,
        "unreadable": unreadable,
    }
