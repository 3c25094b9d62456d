"""Tests for timeline.sources.records: JSON Lines and JSON article records."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.model import Article
from timeline.sources import read_all

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"
EXPORT = INPUTS / "newsdesk-export.jsonl"


def records(*items: dict) -> str:
    return "".join(json.dumps(item) + "\n" for item in items)


def test_jsonl_fields():
    articles, failures = read_all([EXPORT])
    assert failures == []
    first, second, third = articles
    assert [a.path for a in articles] == [f"{EXPORT}:1", f"{EXPORT}:2", f"{EXPORT}:3"]
    assert first.id == "nd-0193"  # an id the export gives is kept, as front matter's is
    assert first.title == "Rabat hosts NATO seminar on Mediterranean Dialogue"
    assert first.source == "Newsdesk Africa"
    assert first.url == "https://newsdesk.example/world/africa/rabat-nato-seminar"
    assert first.language == "en"
    assert first.body.startswith("Rabat – Morocco's foreign ministry hosted a seminar")
    assert first.body.count("\n") == 2  # newlines in the record are kept: paragraphs
    assert second.language == ""  # not given: the engine detects it
    assert third.body.startswith("NATO will review")  # "body" when there is no "text"


def test_jsonl_dates_field_then_url_then_fallback():
    first, second, third = read_all([EXPORT], published=date(2000, 1, 1))[0]
    assert first.published == date(2019, 1, 22)  # "2019-01-22T17:10:00+01:00"
    assert second.published == date(2019, 1, 23)  # from /2019/01/23/ in its URL
    assert third.published == date(2019, 1, 24)


def test_a_bad_line_is_a_failure_naming_the_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(
        records({"text": "First story."})
        + '{"text": "broken\n'
        + "\n"  # blank lines are skipped, but still counted
        + records({"title": "No text"}, ["not", "a", "record"], {"text": "Last story."}),
        encoding="utf-8",
    )
    articles, failures = read_all([path])
    assert [a.body for a in articles] == ["First story.", "Last story."]
    assert [(f.path, f.reason) for f in failures] == [
        (f"{path}:2", "not valid JSON (Unterminated string starting at, column 10)"),
        (f"{path}:4", "no text (a 'text' or 'body' field)"),
        (f"{path}:5", "a record must be a JSON object, not a list"),
    ]


def test_an_impossible_date_is_a_failure_of_that_record(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(
        records({"text": "A.", "published": "2019-13-45"}, {"text": "B.", "date": "2019-01-22"})
    )
    articles, failures = read_all([path])
    assert [(a.body, a.published) for a in articles] == [("B.", date(2019, 1, 22))]
    [failure] = failures
    assert failure.path == f"{path}:1"
    assert "2019-13-45" in failure.reason


def test_rfc_2822_dates_are_read(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(records({"text": "A.", "published": "Tue, 22 Jan 2019 10:00:00 +0100"}))
    [article] = read_all([path])[0]
    assert article.published == date(2019, 1, 22)


def test_a_json_list_of_records(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps([{"text": "One."}, {"nothing": 1}, {"body": "Three."}], indent=2))
    articles, failures = read_all([path])
    assert [(a.path, a.body) for a in articles] == [(f"{path}#1", "One."), (f"{path}#3", "Three.")]
    assert [f.path for f in failures] == [f"{path}#2"]


def test_one_json_record(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"title": "T", "text": "One.", "language": "FR"}, indent=2))
    [article] = read_all([path])[0]
    assert (article.path, article.title, article.language) == (str(path), "T", "fr")
    assert article.id == Article.make_id("One.")


def test_broken_json_document_is_one_failure_not_one_per_line(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('[\n  {"text": "One."},\n  {"text": "Two."\n]\n')
    articles, failures = read_all([path])
    assert articles == []
    [failure] = failures
    assert failure.path == str(path)
    assert failure.reason.startswith("not valid JSON (") and "line 4" in failure.reason


@pytest.mark.parametrize("content", ["42", '"a string"', "null"])
def test_json_that_holds_no_records_is_a_failure(tmp_path, content):
    (tmp_path / "x.json").write_text(content)
    articles, failures = read_all([tmp_path / "x.json"])
    assert articles == []
    assert [f.reason for f in failures] == ["JSON that is neither a record nor a list of records"]


def test_a_json_file_holding_prose_is_read_as_text(tmp_path):
    (tmp_path / "notes.json").write_text("Notes about the seminar.\n")
    [article] = read_all([tmp_path / "notes.json"])[0]
    assert article.body == "Notes about the seminar.\n"


def test_jsonl_without_suffix_is_sniffed(tmp_path):
    (tmp_path / "export").write_text(records({"text": "One."}, {"text": "Two."}))
    (tmp_path / "export.txt").write_text(records({"text": "Three."}, {"text": "Four."}))
    articles = read_all([tmp_path / "export", tmp_path / "export.txt"])[0]
    assert [a.body for a in articles] == ["One.", "Two.", "Three.", "Four."]


def test_text_opening_with_a_bracket_stays_text(tmp_path):
    text = "[Reuters] Officials met on Tuesday.\n"
    (tmp_path / "a.txt").write_text(text)
    assert read_all([tmp_path / "a.txt"])[0][0].body == text


def test_duplicates_collapse_first_wins(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(
        records(
            {"text": "Story one.", "url": "https://W.example/a/?utm_source=x#top"},
            {"text": "Story one, updated.", "url": "https://w.example/a"},  # same URL
            {"text": "  STORY   one.  "},  # same text
            {"text": "Story two."},
        )
    )
    articles, failures = read_all([path])
    assert failures == []
    assert [a.path for a in articles] == [f"{path}:1", f"{path}:4"]


def test_two_exports_numbering_alike_keep_unique_ids(tmp_path):
    (tmp_path / "a.jsonl").write_text(records({"id": 1, "text": "From the first export."}))
    (tmp_path / "b.jsonl").write_text(records({"id": 1, "text": "From the second export."}))
    first, second = read_all([tmp_path])[0]
    assert first.id == "1"
    assert second.id == Article.make_id("From the second export.")
