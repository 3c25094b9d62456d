"""Tests for timeline.sources.dedupe: the same article read twice counts once."""

from __future__ import annotations

import pytest

from timeline.model import Article
from timeline.sources.dedupe import dedupe, normalise_url, text_key


def art(body: str, url: str = "", path: str = "", id: str = "") -> Article:
    return Article(id=id or Article.make_id(body), body=body, url=url, path=path or body[:8])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("HTTPS://Example.COM/news/a/", "https://example.com/news/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a"),
        ("https://example.com/a?id=3&UTM_Campaign=x", "https://example.com/a?id=3"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
    ],
)
def test_urls_that_name_the_same_article(a, b):
    assert normalise_url(a) == normalise_url(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.com/a?id=3", "https://example.com/a?id=4"),
        ("https://example.com/A", "https://example.com/a"),  # paths are case-sensitive
        ("https://example.com:8080/a", "https://example.com/a"),
    ],
)
def test_urls_that_do_not(a, b):
    assert normalise_url(a) != normalise_url(b)


def test_text_key_ignores_case_and_whitespace():
    assert text_key("NATO met  in\nRabat.") == text_key("  nato met in rabat. ")
    assert text_key("NATO met in Rabat.") != text_key("NATO met in Fes.")


def test_first_wins_and_duplicates_are_named():
    one = art("Story one.", "https://w.example/a", "one")
    same_url = art("Story one, revised.", "https://W.example/a/", "same-url")
    same_text = art("STORY ONE.", "", "same-text")
    two = art("Story two.", "", "two")
    kept, dropped = dedupe([one, same_url, two, same_text])
    assert kept == [one, two]
    assert [str(d) for d in dropped] == [
        "same-url: same URL as one, read once",
        "same-text: same text as one, read once",
    ]


def test_articles_without_urls_are_told_apart_by_text():
    kept, dropped = dedupe([art("A."), art("B."), art("C.")])
    assert [a.body for a in kept] == ["A.", "B.", "C."]
    assert dropped == []


def test_a_taken_id_gives_way_to_the_content_id():
    first = art("First.", id="7")
    second = art("Second.", id="7")
    kept, _ = dedupe([first, second])
    assert [a.id for a in kept] == ["7", Article.make_id("Second.")]
