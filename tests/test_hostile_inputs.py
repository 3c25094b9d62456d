"""Nothing lost, nothing crashes: a folder of hostile inputs beside good articles.

Every good article is read with its title, date and exact body (offsets into it slice to
their expressions); every bad file is exactly one failure naming it and the reason; the
cap on file size, symbolic links, pipes and odd encodings are handled one file at a time.
The folder itself is built by ``tests/hostile_fixtures.py`` so the CLI tests can reuse it.
"""

from __future__ import annotations

import io
import os
import sys
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from timeline.config import BuildConfig
from timeline.engine import process_article
from timeline.errors import ArticleReadError, UsageError
from timeline.sources import Payload, ReadFailure, read_payload, read_sources
from timeline.sources.encoding import decode

from .hostile_fixtures import MB, make_hostile_folder


def _rel(folder: Path, shown: str) -> str:
    return Path(shown).relative_to(folder).as_posix()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    spec = make_hostile_folder(tmp_path_factory.mktemp("hostile") / "news")
    spec["reading"] = read_sources([spec["folder"]])
    return spec


def test_every_good_article_is_read_as_written(hostile):
    folder = hostile["folder"]
    got = {_rel(folder, a.path): a for a in hostile["reading"].articles}
    assert sorted(got) == sorted(hostile["good"])
    for name, want in hostile["good"].items():
        article = got[name]
        assert article.body == want["body"], name
        assert article.title == want["title"], name
        assert article.published == want["published"], name


def test_every_bad_file_is_exactly_one_failure_with_its_reason(hostile):
    folder = hostile["folder"]
    failures = hostile["reading"].failures
    assert all(isinstance(f, ReadFailure) for f in failures)
    counts = Counter(_rel(folder, f.path) for f in failures)
    assert counts == Counter(list(hostile["bad"]))  # each bad file once, nothing else
    for failure in failures:
        assert failure.reason == hostile["bad"][_rel(folder, failure.path)]
        assert str(failure) == f"{failure.path}: {failure.reason}"
        assert "\n" not in str(failure)  # one warning line


def test_a_link_back_to_an_ancestor_reads_nothing_twice(hostile):
    if not hostile["symlinks"]:
        pytest.skip("no symbolic links on this platform")
    paths = [a.path for a in hostile["reading"].articles]
    assert len(paths) == len(set(paths))
    assert not any("/up/" in Path(p).as_posix() for p in paths)
    assert hostile["reading"].duplicates == []


def test_offsets_of_every_good_article_slice_to_their_expressions(hostile):
    folder = hostile["folder"]
    seen_events = 0
    for article in hostile["reading"].articles:
        if _rel(folder, article.path) == hostile["big"]:
            continue  # the same checks, on 5 MB of padding: slow and no more telling
        result = process_article(article, 0, BuildConfig(summarizer="lead"))
        body = result.article.body
        assert body == article.body
        for m in result.mentions:
            assert body[m.start : m.end] == m.text, (article.path, m)
        for s in result.sentences:
            assert body[s.start : s.end] == s.text, (article.path, s)
        for e in result.events:
            ref = e.source
            assert body[ref.start : ref.end] == ref.expression, (article.path, ref)
            assert body[ref.sentence_start : ref.sentence_end] == ref.sentence
            seen_events += 1
    assert seen_events >= 8  # the good articles are dated: they do give events


def test_crlf_and_lone_cr_bodies_keep_their_line_ends_and_offsets(hostile):
    folder = hostile["folder"]
    got = {_rel(folder, a.path): a for a in hostile["reading"].articles}
    assert "\r\n" in got["crlf.md"].body
    assert "\r" in got["cr.txt"].body and "\n" not in got["cr.txt"].body
    result = process_article(got["crlf.md"], 0, BuildConfig(summarizer="lead"))
    assert {m.text for m in result.mentions} >= {"Tuesday", "2017"}
    assert [s.text for s in result.sentences] == [
        "On Tuesday the envoy arrived.",
        "The talks of 2017 were recalled.",
    ]


def test_the_big_file_fails_over_a_low_cap_and_nothing_else_changes(hostile):
    folder = hostile["folder"]
    reading = read_sources([folder], max_bytes=1 * MB)
    big = hostile["big"]
    reasons = {_rel(folder, f.path): f.reason for f in reading.failures}
    assert reasons == {**hostile["bad"], big: "larger than 1 MB (set --max-file-size)"}
    assert sorted(_rel(folder, a.path) for a in reading.articles) == sorted(
        name for name in hostile["good"] if name != big
    )


@pytest.mark.skipif(sys.platform == "win32", reason="NTFS files are not sparse by default")
def test_the_size_is_checked_before_reading(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:  # sparse: 20 GB on paper, nothing on disk
        f.truncate(20 * 1024 * MB)
    (tmp_path / "ok.txt").write_text("In 1994 it began.\n")
    start = time.perf_counter()
    reading = read_sources([tmp_path])
    assert time.perf_counter() - start < 5
    assert [(Path(f.path).name, f.reason) for f in reading.failures] == [
        ("huge.txt", "larger than 10 MB (set --max-file-size)")
    ]
    assert [a.body for a in reading.articles] == ["In 1994 it began.\n"]


class _CountingStream(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int] = []

    def read(self, size: int | None = -1) -> bytes:
        self.asked.append(-1 if size is None else size)
        return super().read(size)


def test_stdin_is_read_up_to_the_cap_only():
    stream = _CountingStream(b"x" * 5000)
    reading = read_sources(["-"], stdin=stream, max_bytes=1000)
    assert [(f.path, f.reason) for f in reading.failures] == [
        ("-", "larger than 1000 bytes (set --max-file-size)")
    ]
    assert stream.asked == [1001]
    assert stream.tell() == 1001


def test_max_bytes_must_be_positive(tmp_path):
    with pytest.raises(UsageError):
        read_sources([tmp_path], max_bytes=0)


def test_permission_denied_is_one_failure(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("In 1994 it began.\n")
    locked = tmp_path / "b.md"
    locked.write_text("In 1995 it went on.\n")
    real_open = Path.open

    def deny(self, *args, **kwargs):  # works as root too, where chmod 000 does not
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    reading = read_sources([tmp_path])
    assert [a.body for a in reading.articles] == ["In 1994 it began.\n"]
    assert [(f.path, f.reason) for f in reading.failures] == [
        (str(locked), "cannot be read: permission denied")
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_folder_is_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "a.md").write_text("In 1994 it began.\n")
    done: list = []
    reader = threading.Thread(target=lambda: done.append(read_sources([tmp_path])), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert done, "reading the folder blocked on the pipe"
    [reading] = done
    assert [a.body for a in reading.articles] == ["In 1994 it began.\n"]
    assert reading.failures == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may list any folder"
)
def test_a_folder_that_cannot_be_listed_is_one_failure(tmp_path):
    (tmp_path / "a.md").write_text("In 1994 it began.\n")
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "b.md").write_text("In 1995 it went on.\n")
    closed.chmod(0)
    try:
        reading = read_sources([tmp_path])
    finally:
        closed.chmod(0o755)
    assert [a.body for a in reading.articles] == ["In 1994 it began.\n"]
    assert [(f.path, f.reason) for f in reading.failures] == [
        (str(closed), "folder cannot be read: permission denied")
    ]


def test_a_broken_link_named_explicitly_is_a_failure_not_missing(tmp_path):
    link = tmp_path / "gone.md"
    try:
        link.symlink_to(tmp_path / "nowhere.md")
    except (OSError, NotImplementedError):
        pytest.skip("no symbolic links on this platform")
    reading = read_sources([link])
    assert [f.reason for f in reading.failures] == [
        f"broken symbolic link (to {tmp_path / 'nowhere.md'})"
    ]


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("café au lait.\n", "latin-1"),
        ("“Quotes” – and the café’s crème brûlée, naïve.\n", "cp1252"),
        (
            "Le ministre a reçu l’envoyé à Rabat mardi. « C’est très important », a-t-il dit.\n",
            "cp1252",
        ),
        ("El ministro recibió al enviado el martes en Rabat. Año de 1994, ¿verdad?\n", "cp1252"),
        ("Straße in Köln, 1994 – „Zitat“ über Größe.\n", "cp1252"),
        ("Министр встретился с посланником во вторник в Рабате.\n", "cp1251"),
    ],
)
def test_text_that_is_not_utf8_is_decoded_as_what_it_is(text, codec):
    assert decode(text.encode(codec), "a.txt") == text


@pytest.mark.parametrize(
    "data",
    [
        b"plain ASCII, in 1994.\n",
        "UTF-8: Fès, “quotes”, بوريطة.\n".encode(),
        "\ufeffUTF-8 with BOM: Fès.\n".encode(),
        "UTF-16: Fès.\n".encode("utf-16"),
        "UTF-32: Fès.\n".encode("utf-32"),
    ],
)
def test_unicode_with_or_without_bom_is_decoded_exactly(data):
    text = decode(data, "a.txt")
    assert "Fès" in text or "ASCII" in text
    assert not text.startswith("\ufeff")


def test_a_control_character_soup_is_binary_even_when_valid_utf8():
    with pytest.raises(ArticleReadError, match="binary file"):
        decode(bytes(range(1, 9)) * 100, "a.txt")


def test_a_lone_surrogate_in_a_json_record_becomes_a_replacement_character():
    data = b'{"text": "On 22 January 2019 \\ud800 the talks began.", "title": "\\udfff"}'
    [article] = read_payload(Payload(data, "x.json"))
    assert article.body == "On 22 January 2019 \ufffd the talks began."
    assert article.title == "\ufffd"
    article.body.encode("utf-8")  # every output can hold it


@pytest.mark.parametrize(
    "data",
    [b"[" * 100_000 + b"]" * 100_000, b'{"text": "a"}\n' + b"[" * 100_000 + b"\n"],
    ids=["json", "jsonl"],
)
def test_json_nested_too_deeply_is_a_failure_not_a_crash(data):
    try:
        items = read_payload(Payload(data, "x.json"))
    except ArticleReadError as exc:
        assert "nested too deeply" in exc.reason
    else:
        assert [getattr(i, "reason", None) for i in items] == [
            None,
            "JSON nested too deeply to read",
        ]


def test_a_feed_whose_markup_trips_the_parser_is_a_failure():
    data = b"<rss version='2.0'><channel><item><title>&#xD800;</title></item></channel></rss>"
    try:
        items = read_payload(Payload(data, "x.rss", hint="feed"))
    except ArticleReadError as exc:
        assert "feed" in exc.reason
    else:
        assert all(isinstance(i, ReadFailure) or i.body for i in items)


def test_front_matter_with_lone_cr_line_ends_is_read():
    data = b"---\rtitle: T\rpublished: 2019-01-22\r---\rOn Tuesday it began.\r"
    [article] = read_payload(Payload(data, "a.md", hint="text"))
    assert (article.title, article.published) == ("T", date(2019, 1, 22))
    assert article.body == "On Tuesday it began.\r"


def test_a_runaway_front_matter_block_is_refused_not_parsed():
    block = "".join(f"key{n}: [1, 2, {{a: b}}]\n" for n in range(5000))
    data = f"---\n{block}---\nOn Tuesday it began.\n".encode()
    with pytest.raises(ArticleReadError, match="front matter longer than 64 KB"):
        read_payload(Payload(data, "a.md", hint="text"))
