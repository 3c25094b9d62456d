"""Tests for timeline.sources: front matter, folders, failures, encodings, reader registry."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

import timeline.sources as sources
import timeline.sources.text  # noqa: F401  (registers the built-in readers)
from timeline.errors import ArticleReadError, ExitCode, SourceNotFoundError, TimelineError
from timeline.model import Article
from timeline.sources import ReadFailure, read_all, read_file, register_reader
from timeline.sources.base import iso_day, parse_published
from timeline.sources.text import derive_title, parse_date, split_front_matter

BODY = "Morocco has been a partner of NATO since 1994.\n\nThe seminar was held on Tuesday.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))  # no newline translation
    return path


def read_one(path: Path, **kwargs) -> Article:
    articles, failures = read_all([path], **kwargs)
    assert failures == []
    [article] = articles
    return article


def names(articles: list[Article]) -> list[str]:
    return [Path(a.path).name for a in articles]


# --- front matter ----------------------------------------------------------------------------


def test_front_matter_fields_are_parsed(tmp_path):
    path = write(
        tmp_path / "a.md",
        "---\n"
        "title: NATO and Morocco\n"
        "published: 2019-01-22\n"
        "source: Morocco World News\n"
        "url: https://example.com/a\n"
        "language: FR\n"
        "id: custom-id\n"
        "---\n" + BODY,
    )
    a = read_one(path)
    assert a.title == "NATO and Morocco"
    assert a.title_derived is False
    assert a.published == date(2019, 1, 22)
    assert a.source == "Morocco World News"
    assert a.url == "https://example.com/a"
    assert a.language == "fr"
    assert a.id == "custom-id"
    assert a.body == BODY
    assert a.path == str(path)


def test_missing_fields_get_defaults(tmp_path):
    a = read_one(write(tmp_path / "a.txt", BODY))
    # the language is unknown ("") unless told: the engine detects it from the text
    assert (a.source, a.url, a.published, a.language) == ("", "", None, "")
    assert a.id == Article.make_id(BODY)


@pytest.mark.parametrize(
    "line",
    [
        "published: 2019-01-22",
        "date: 2019-01-22",
        "published: '2019-01-22'",
        'date: "2019-01-22"',
        "published: 2019-01-22T10:30:00",
        "published: '2019-01-22T23:30:00Z'",
        "date: 2019-01-22 10:30:00+01:00",
    ],
)
def test_published_as_yaml_date_iso_string_or_datetime(tmp_path, line):
    a = read_one(write(tmp_path / "a.md", f"---\n{line}\n---\n{BODY}"))
    assert a.published == date(2019, 1, 22)


def test_published_wins_over_its_date_alias(tmp_path):
    text = f"---\ndate: 2018-05-05\npublished: 2019-01-22\n---\n{BODY}"
    assert read_one(write(tmp_path / "a.md", text)).published == date(2019, 1, 22)


def test_empty_published_key_falls_back_to_date_alias(tmp_path):
    text = f"---\npublished:\ndate: 2019-01-22\n---\n{BODY}"
    assert read_one(write(tmp_path / "a.md", text)).published == date(2019, 1, 22)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2019, 1, 22), date(2019, 1, 22)),
        (datetime(2019, 1, 22, 23, 59), date(2019, 1, 22)),
        ("2019-01-22", date(2019, 1, 22)),
        (" 2019-01-22T08:00:00+01:00 ", date(2019, 1, 22)),
        ("2019-01-22T08:00:00Z", date(2019, 1, 22)),
        (None, None),
        ("", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "22/01/2019", "2019-13-45", "2019"])
def test_parse_date_rejects_what_is_not_an_iso_date(value):
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-01-22", date(2019, 1, 22)),
        ("2019-01-22T23:30:00-01:00", date(2019, 1, 22)),  # the day written, not UTC's
        ("2019-01-22Z", date(2019, 1, 22)),
        (datetime(2019, 1, 22, 23, 59), date(2019, 1, 22)),
        (date(2019, 1, 22), date(2019, 1, 22)),
        ("22 January 2019", None),
        ("", None),
    ],
)
def test_iso_day(value, expected):
    assert iso_day(value) == expected


def test_parse_published_reads_iso_and_rfc_2822_dates():
    assert parse_published(" 2019-01-22 ") == date(2019, 1, 22)
    assert parse_published("Tue, 22 Jan 2019 23:30:00 -0100") == date(2019, 1, 22)
    assert parse_published("  ") is None and parse_published(None) is None
    with pytest.raises(ValueError, match="neither ISO 8601 nor RFC 2822"):
        parse_published("sometime in January")


def test_body_starts_right_after_the_closing_line(tmp_path):
    raw = "---\ntitle: T\n---\n\n  Indented first line.\nSecond line.\n"
    a = read_one(write(tmp_path / "a.md", raw))
    assert a.body == "\n  Indented first line.\nSecond line.\n"
    assert raw.endswith(a.body)
    # offsets into the body are offsets into the file after the front matter
    offset = len(raw) - len(a.body)
    assert raw[offset:] == a.body
    assert raw[:offset] == "---\ntitle: T\n---\n"


def test_body_after_crlf_front_matter_keeps_its_crlf(tmp_path):
    raw = "---\r\ntitle: T\r\npublished: 2019-01-22\r\n---\r\nBody here.\r\nMore.\r\n"
    a = read_one(write(tmp_path / "a.md", raw))
    assert a.body == "Body here.\r\nMore.\r\n"
    assert (a.title, a.published) == ("T", date(2019, 1, 22))


def test_closing_line_may_carry_trailing_spaces():
    meta, body = split_front_matter("--- \ntitle: T\n---\t\nBody.\n")
    assert meta == {"title": "T"}
    assert body == "Body.\n"


def test_empty_front_matter_block():
    meta, body = split_front_matter("---\n---\nBody.\n")
    assert (meta, body) == ({}, "Body.\n")


def test_no_front_matter_means_the_whole_file_is_the_body(tmp_path):
    raw = "Title line\n---\nnot: front matter\n---\nBody.\n"
    a = read_one(write(tmp_path / "a.md", raw))
    assert a.body == raw
    assert a.published is None


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(ValueError, match="no closing --- line"):
        split_front_matter("---\ntitle: T\nBody without a closing line.\n")


def test_a_leading_rule_without_front_matter_keys_is_body():
    raw = "---\nBody after a Markdown rule, with no closing line.\n"
    assert split_front_matter(raw) == ({}, raw)


# --- titles ----------------------------------------------------------------------------------


def test_title_is_derived_from_the_first_line_when_missing(tmp_path):
    a = read_one(
        write(tmp_path / "a.md", "---\nsource: X\n---\n\n# NATO seminar in Rabat.\n" + BODY)
    )
    assert a.title == "NATO seminar in Rabat"
    assert a.title_derived is True


def test_derived_title_is_shortened_at_a_word():
    line = (
        "Morocco has been a partner of the North Atlantic Treaty Organization’s "
        "Mediterranean Dialogue since its launch"
    )
    title = derive_title(line + "\nMore.")
    assert title.endswith("…")
    assert len(title) <= 73
    assert line.startswith(title[:-1])
    assert line[len(title) - 1] == " "  # cut at a word boundary


def test_derived_title_of_short_line_is_the_line():
    assert derive_title("\n\n  Short headline.  \nBody.") == "Short headline"


# --- folders and paths -----------------------------------------------------------------------


def make_tree(root: Path) -> None:
    for name in ["b.md", "a.txt", "d.text", "c.markdown", "sub/z.md", "sub/y.TXT", "sub/zz/x.md"]:
        write(root / name, f"Article {name}.\n")
    for name in ["notes.csv", "image.png", ".hidden.md", ".git/x.md", "sub/.cache/y.md",
                 "README.md", "sub/LICENSE.txt", "readme.txt"]:  # fmt: skip
        write(root / name, f"Skipped {name}.\n")


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_and_unknown(tmp_path):
    make_tree(tmp_path / "in")
    articles, failures = read_all([tmp_path / "in"])
    assert failures == []
    assert [Path(a.path).relative_to(tmp_path / "in").as_posix() for a in articles] == [
        "a.txt",
        "b.md",
        "c.markdown",
        "d.text",
        "sub/y.TXT",
        "sub/z.md",
        "sub/zz/x.md",
    ]
    assert all(a.body.startswith("Article ") for a in articles)


@pytest.mark.parametrize(
    ("name", "read"),
    [("a.md", True), ("y.TXT", True), ("notes.csv", False), (".hidden.md", False),
     ("README.md", False), ("LICENSE.txt", False), ("readme.txt", False),
     ("changelog.md", False), ("readme-first.md", True)],
)  # fmt: skip
def test_is_article_name_says_what_a_folder_walk_reads(name, read):
    assert sources.is_article_name(name) is read
    assert "README" in sources.NOT_ARTICLES


def test_reading_is_what_read_sources_gives(tmp_path):
    make_tree(tmp_path / "in")
    stream = sources.iter_sources([tmp_path / "in", tmp_path / "in" / "a.txt"])
    first = next(stream)
    reading = stream.reading()  # the articles after the first, and what reading them gave
    whole = sources.read_sources([tmp_path / "in", tmp_path / "in" / "a.txt"])
    assert [first, *reading.articles] == whole.articles
    assert (reading.failures, reading.notes, reading.duplicates) == ([], [], [])


def test_folder_order_is_the_same_every_time(tmp_path):
    make_tree(tmp_path / "in")
    first, _ = read_all([tmp_path / "in"])
    second, _ = read_all([str(tmp_path / "in")])
    assert [a.path for a in first] == [a.path for a in second]


def test_a_hidden_folder_named_explicitly_is_read(tmp_path):
    write(tmp_path / ".drafts" / "a.md", BODY)
    assert names(read_all([tmp_path / ".drafts"])[0]) == ["a.md"]


@pytest.mark.parametrize("name", ["notes.json", "README", ".hidden.md", "page.HTML"])
def test_an_explicitly_named_file_is_read_whatever_its_suffix(tmp_path, name):
    path = write(tmp_path / name, BODY)
    a = read_one(path)
    assert a.body == BODY
    assert a.path == str(path)


def test_several_paths_are_read_in_the_order_given(tmp_path):
    first = write(tmp_path / "z.md", "Zed.\n")
    write(tmp_path / "folder" / "a.md", "Ay.\n")
    articles, _ = read_all([first, tmp_path / "folder"])
    assert [a.body for a in articles] == ["Zed.\n", "Ay.\n"]


def test_the_same_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path / "folder" / "a.md", BODY)
    other = write(tmp_path / "folder" / "b.md", "Other.\n")
    roundabout = tmp_path / "folder" / ".." / "folder" / "a.md"
    articles, failures = read_all([path, str(path), roundabout, tmp_path / "folder", other])
    assert failures == []
    assert [a.path for a in articles] == [str(path), str(other)]


def test_path_as_given_is_kept(tmp_path):
    write(tmp_path / "a.md", BODY)  # the autouse fixture has made tmp_path the cwd
    [a] = read_all(["a.md"])[0]
    assert a.path == "a.md"


def test_a_missing_path_raises_source_not_found(tmp_path):
    write(tmp_path / "a.md", BODY)
    missing = tmp_path / "nope.md"
    with pytest.raises(SourceNotFoundError, match=r"nope\.md") as info:
        read_all([tmp_path / "a.md", missing])
    assert isinstance(info.value, TimelineError)
    assert info.value.exit_code == ExitCode.NO_INPUT


def test_expand_finds_folder_files_in_a_fresh_interpreter(sources_dir):
    code = "import sys; from timeline.sources import expand; print(len(expand([sys.argv[1]])))"
    out = subprocess.run(
        [sys.executable, "-c", code, str(sources_dir)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == "2"


# --- failures --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(128, 256)) * 4, "not valid UTF-8"),
        (b"", "empty"),
        (b"  \n\n\t\n", "empty"),
        (b"---\ntitle: only front matter\n---\n", "empty"),
        (b"---\ntitle: [unclosed\n---\nBody.\n", "not valid YAML"),
        (b"---\ntitle: a: b: c\n---\nBody.\n", "not valid YAML"),
        (b"---\npublished: 2019-13-45\n---\nBody.\n", ""),
        (b"---\npublished: yesterday\n---\nBody.\n", "not an ISO date"),
        (b"---\n- a list\n- not a mapping\n---\nBody.\n", "key: value"),
        (b"---\njust a string\n---\nBody.\n", "key: value"),
    ],
)
def test_unreadable_file_is_a_failure_and_does_not_stop_the_others(tmp_path, content, reason):
    write(tmp_path / "a.md", "First.\n")
    bad = write(tmp_path / "b.md", content)
    write(tmp_path / "c.md", "Third.\n")
    articles, failures = read_all([tmp_path])
    assert [a.body for a in articles] == ["First.\n", "Third.\n"]
    [failure] = failures
    assert isinstance(failure, ReadFailure)
    assert failure.path == str(bad)
    assert failure.reason
    assert reason in failure.reason
    assert str(failure) == f"{bad}: {failure.reason}"


def test_a_broken_symlink_in_a_folder_is_a_failure(tmp_path):
    write(tmp_path / "a.md", BODY)
    (tmp_path / "b.md").symlink_to(tmp_path / "gone.md")
    articles, failures = read_all([tmp_path])
    assert names(articles) == ["a.md"]
    assert [Path(f.path).name for f in failures] == ["b.md"]


# --- encodings -------------------------------------------------------------------------------

FRONT = "---\ntitle: Café\npublished: 2019-01-22\n---\n"
TEXT = "Fès and Genève – “quotes” since 1994.\n"


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + (FRONT + TEXT).encode("utf-8"),
        (FRONT + TEXT).encode("utf-16"),  # with its BOM, native order
        b"\xff\xfe" + (FRONT + TEXT).encode("utf-16-le"),
        b"\xfe\xff" + (FRONT + TEXT).encode("utf-16-be"),
    ],
    ids=["utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_bom_encodings_decode_and_front_matter_still_parses(tmp_path, data):
    a = read_one(write(tmp_path / "a.md", data))
    assert a.body == TEXT
    assert a.title == "Café"
    assert a.published == date(2019, 1, 22)


def test_utf16_without_bom_is_reported_not_garbled(tmp_path):
    write(tmp_path / "a.md", TEXT.encode("utf-16-le"))
    articles, failures = read_all([tmp_path])
    assert articles == []
    assert len(failures) == 1


def test_utf32_with_bom_is_decoded_or_reported(tmp_path):
    write(tmp_path / "a.md", TEXT.encode("utf-32"))
    articles, failures = read_all([tmp_path])
    assert failures or [a.body for a in articles] == [TEXT]


# --- publication date fallback ---------------------------------------------------------------


def test_published_fallback_applies_only_without_a_date(tmp_path):
    # two different texts: the same text twice would be read once
    write(tmp_path / "dated.md", f"---\npublished: 2019-01-23\n---\n{BODY}")
    write(tmp_path / "undated.md", "Another article.\n" + BODY)
    articles, _ = read_all([tmp_path], published=date(2000, 1, 1))
    assert {Path(a.path).name: a.published for a in articles} == {
        "dated.md": date(2019, 1, 23),
        "undated.md": date(2000, 1, 1),
    }


def test_read_file_published_fallback(tmp_path):
    undated = write(tmp_path / "undated.md", BODY)
    dated = write(tmp_path / "dated.md", f"---\ndate: 2019-01-23\n---\n{BODY}")
    assert read_file(undated, published=date(2000, 1, 1)).published == date(2000, 1, 1)
    assert read_file(dated, published=date(2000, 1, 1)).published == date(2019, 1, 23)
    assert read_file(undated).published is None


# --- ids -------------------------------------------------------------------------------------


def test_make_id_is_stable_and_content_based(tmp_path):
    assert Article.make_id(BODY) == Article.make_id(str(BODY))
    assert Article.make_id(BODY) != Article.make_id(BODY + " ")
    assert Article.make_id(BODY).startswith("a")
    # the same text under two names and two sets of metadata gets the same id
    one = read_one(write(tmp_path / "one.md", f"---\ntitle: One\n---\n{BODY}"))
    two = read_one(write(tmp_path / "two.txt", BODY))
    assert one.id == two.id == Article.make_id(BODY)


def test_make_id_is_the_same_in_another_interpreter():
    code = "import sys; from timeline.model import Article; print(Article.make_id(sys.argv[1]))"
    out = subprocess.run(
        [sys.executable, "-c", code, BODY],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONHASHSEED": "123"},
    )
    assert out.stdout.strip() == Article.make_id(BODY)


# --- the reader registry ---------------------------------------------------------------------


def test_register_reader_lets_a_new_suffix_be_read(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "READERS", dict(sources.READERS))

    @register_reader(".Shout")
    def read_shout(path: Path, shown: str) -> Article:
        body = path.read_text(encoding="utf-8").upper()
        return Article(id=Article.make_id(body), body=body, path=shown, title="shout")

    write(tmp_path / "in" / "a.shout", "hello there.\n")
    write(tmp_path / "in" / "b.md", "Plain.\n")
    write(tmp_path / "in" / "c.other", "Skipped.\n")
    articles, failures = read_all([tmp_path / "in"])
    assert failures == []
    assert [(Path(a.path).name, a.body, a.title) for a in articles] == [
        ("a.shout", "HELLO THERE.\n", "shout"),
        ("b.md", "Plain.\n", "Plain"),
    ]
    assert sources.READERS[".shout"] is read_shout


def test_registered_reader_gets_the_fallback_date(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "READERS", dict(sources.READERS))
    register_reader(".x")(lambda path, shown: Article(id="x", body="X.", path=shown))
    a = read_one(write(tmp_path / "a.x", "ignored"), published=date(2019, 1, 22))
    assert (a.id, a.published) == ("x", date(2019, 1, 22))


# --- the bundled example ---------------------------------------------------------------------


def test_bundled_sources_match_the_seeds_readme(sources_dir):
    articles, failures = read_all([sources_dir])
    assert failures == []
    got = [(Path(a.path).stem, a.published, a.source, a.url) for a in articles]
    assert got == [
        (
            "000_c668b917f9ef9830",
            date(2019, 1, 22),
            "Morocco World News",
            "https://www.moroccoworldnews.com/2019/01/264123/nato-morocco-cooperation-nato/",
        ),
        (
            "001_7b17c4b35aa6692f",
            date(2019, 1, 23),
            "Daily Morocco",
            "https://dailymorocco.com/morocco-nato-towards-strategic-cooperation/",
        ),
    ]
    for a in articles:
        assert a.language == "en"
        assert a.body.startswith("Morocco ")
        assert not a.body.startswith("---")
        assert a.title and a.title_derived
        assert a.id == Article.make_id(a.body)


def test_a_registered_reader_may_return_several_articles_and_failures(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "READERS", dict(sources.READERS))

    @register_reader(".many")
    def read_many(path: Path, shown: str):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line:
                yield Article(id=Article.make_id(line), body=line, path=f"{shown}:{n}")
            else:
                yield ReadFailure(f"{shown}:{n}", "blank line")

    path = write(tmp_path / "a.many", "One.\n\nThree.\n")
    articles, failures = read_all([path], published=date(2019, 1, 22))
    assert [(a.path, a.body, a.published) for a in articles] == [
        (f"{path}:1", "One.", date(2019, 1, 22)),
        (f"{path}:3", "Three.", date(2019, 1, 22)),
    ]
    assert failures == [ReadFailure(f"{path}:2", "blank line")]
    assert read_file(path).body == "One."


def test_a_registered_reader_owns_a_built_in_suffix_unsniffed(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "READERS", dict(sources.READERS))
    register_reader(".html")(lambda path, shown: Article(id="mine", body="Mine.", path=shown))
    path = write(tmp_path / "a.html", "<!doctype html><html><body><p>Page.</p></body></html>")
    assert read_one(path).id == "mine"


def test_built_in_suffixes_are_registered_readers():
    for suffix in (".txt", ".md", ".html", ".htm", ".rss", ".atom", ".xml", ".json", ".jsonl"):
        assert suffix in sources.READERS, suffix


def test_read_file_gives_the_first_article_of_a_file_holding_several(tmp_path):
    path = write(tmp_path / "x.jsonl", '{"text": "One."}\n{"text": "Two."}\n')
    assert read_file(path).body == "One."
    bad = write(tmp_path / "bad.jsonl", '{"title": "no text"}\n')
    with pytest.raises(ArticleReadError, match="no text"):
        read_file(bad)


def test_expand_passes_urls_and_stdin_through(tmp_path):
    write(tmp_path / "a.md", BODY)
    assert sources.expand(["-", "https://example.com/a", "a.md", "-"]) == [
        (None, "-"),
        (None, "https://example.com/a"),
        (Path("a.md"), "a.md"),
    ]


def test_a_readme_named_explicitly_is_read(tmp_path):
    path = write(tmp_path / "README.md", BODY)
    assert read_one(path).body == BODY
