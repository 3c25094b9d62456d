"""Tests for timeline.sources.sniff: what a source holds, from its first bytes."""

from __future__ import annotations

import pytest

from timeline.sources.sniff import hint_for_content_type, root_element, sniff

PAGE = b'<!DOCTYPE html>\n<html lang="en"><head><title>T</title></head><body>x</body></html>'
RSS = b'<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>'
ATOM = b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
RDF = b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'


@pytest.mark.parametrize(
    ("data", "hint", "kind"),
    [
        (PAGE, "", "html"),
        (PAGE, "text", "html"),  # a page saved as .txt
        (PAGE, "feed", "html"),
        (b"\xef\xbb\xbf  \n" + PAGE, "", "html"),  # BOM and blank lines first
        (PAGE.decode().encode("utf-16"), "", "html"),
        (b"<html><body>x</body></html>", "", "html"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "", "html"),
        (RSS, "", "feed"),
        (RSS, "text", "feed"),
        (RSS, "html", "feed"),
        (ATOM, "", "feed"),
        (RDF, "", "feed"),
        (b"<!-- generated -->\n<?xml-stylesheet href='x'?>\n<rss>", "", "feed"),
        (b'<?xml version="1.0"?><urlset/>', "", "feed"),  # the feed reader says it is none
        (b"<p>A fragment.</p>", "", "html"),
        (b"<p>A fragment.</p>", "html", "html"),
        (b'<div align="center">Logo</div>\nText.', "text", "text"),  # Markdown
        (b"---\ntitle: T\n---\n<p>Body</p>", "html", "text"),  # our front matter
        (b'{"text": "a"}\n{"text": "b"}\n', "", "records"),
        (b'[\n  {"text": "a"}\n]\n', "", "records"),
        (b'{"text": "a"}', "text", "records"),
        (b"42", "records", "records"),
        (b"42", "", "text"),
        (b"[Reuters] Officials met.", "", "text"),
        (b"{curly} prose", "", "text"),
        (b"Prose about NATO.", "records", "text"),
        (b"Prose about NATO.", "html", "text"),
        (b"Prose about NATO.", "feed", "text"),
        (b"", "", "text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "", "text"),  # the text reader says it is binary
    ],
)
def test_sniff(data, hint, kind):
    assert sniff(data, hint) == kind


@pytest.mark.parametrize(
    ("head", "root"),
    [
        ('<?xml version="1.0"?><rss>', "rss"),
        ("<!doctype html><html>", "html"),
        ("<!-- a -->\n<!-- b --><feed>", "feed"),
        ("plain", ""),
    ],
)
def test_root_element(head, root):
    assert root_element(head) == root


@pytest.mark.parametrize(
    ("content_type", "hint"),
    [
        ("text/html; charset=utf-8", "html"),
        ("application/rss+xml", "feed"),
        ("Application/Atom+XML", "feed"),
        ("text/xml", "feed"),
        ("application/json", "records"),
        ("application/x-ndjson", "records"),
        ("text/plain", "text"),
        ("application/octet-stream", ""),
        ("", ""),
    ],
)
def test_hint_for_content_type(content_type, hint):
    assert hint_for_content_type(content_type) == hint
