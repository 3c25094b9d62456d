"""Tests for timeline.sources.feed: RSS and Atom entries as articles."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from timeline.model import Article
from timeline.sources import read_all, read_sources
from timeline.sources.markup import html_to_text

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"
RSS = INPUTS / "maghreb-security.rss"
ATOM = INPUTS / "alliance-notes.atom"


def read_ok(*paths, **kwargs) -> list[Article]:
    articles, failures = read_all(list(paths), **kwargs)
    assert failures == []
    return articles


def rss(items: str, channel: str = "<title>Wire</title>") -> str:
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{channel}{items}</channel></rss>'


def test_rss_gives_one_article_per_item():
    articles = read_ok(RSS)
    assert [a.path for a in articles] == [f"{RSS}#1", f"{RSS}#2", f"{RSS}#3"]
    assert [a.title for a in articles] == [
        "Rabat seminar reviews Morocco's quarter century with NATO",
        "Algiers hosts regional talks on border security",
        "Tunisia extends state of emergency",
    ]
    assert {a.source for a in articles} == {"Maghreb Security Review"}
    assert {a.language for a in articles} == {"en-gb"}
    assert not any(a.title_derived for a in articles)


def test_rss_item_text_is_html_stripped_one_paragraph_a_line():
    first, second, third = read_ok(RSS)
    assert first.body == (
        "Moroccan diplomats and NATO officials gathered in Rabat on Tuesday to review a "
        "partnership that began when the Mediterranean Dialogue was launched in 1994.\n"
        "The seminar, hosted by the foreign ministry, looked at training, joint exercises and "
        "maritime security."
    )
    # content:encoded (the full text) wins over the description
    assert second.body.split("\n") == [
        "Officials from five countries met in Algiers on Thursday to discuss smuggling across "
        "the Sahel.",
        "They agreed to share radar data and to meet again in April, a spokesman said.",
        "Algeria",
        "Mali",
    ]
    assert "<" not in third.body


def test_rss_links_and_dates():
    first, second, third = read_ok(RSS, published=date(2019, 1, 25))
    assert first.url.startswith("https://maghreb-review.example/2019/01/22/rabat-seminar-nato/")
    assert first.published == date(2019, 1, 22)  # pubDate
    assert second.published == date(2019, 1, 18)
    # no pubDate and no date in the link: the --published fallback
    assert third.published == date(2019, 1, 25)
    assert read_ok(RSS)[2].published is None


def test_atom_entries_published_wins_over_updated_and_updated_is_used_alone():
    first, second = read_ok(ATOM)
    assert first.title == "Morocco wants a bigger say in NATO's southern agenda"
    assert first.url == "https://alliance-notes.example/posts/morocco-southern-agenda"
    assert first.published == date(2019, 1, 23)
    assert second.published == date(2019, 1, 25)  # only <updated>
    assert (first.source, first.language) == ("Alliance Notes", "en")  # xml:lang
    assert first.body.startswith("At a seminar in Rabat yesterday,")
    assert second.body.startswith("NATO will review its partnership programmes")


def test_the_day_is_the_one_the_feed_wrote_not_the_utc_day(tmp_path):
    # 00:30 in Rabat on 23 January is 22 January in UTC; "yesterday" counts from the 23rd
    item = (
        "<item><title>Late</title><pubDate>Wed, 23 Jan 2019 00:30:00 +0100</pubDate>"
        "<description>Written yesterday.</description></item>"
    )
    (tmp_path / "late.rss").write_text(rss(item), encoding="utf-8")
    [article] = read_ok(tmp_path / "late.rss")
    assert article.published == date(2019, 1, 23)


def test_an_entry_date_the_link_carries(tmp_path):
    item = (
        "<item><title>Undated</title><link>https://w.example/2019/01/21/story/</link>"
        "<description>Text.</description></item>"
    )
    (tmp_path / "2018-12-31-feed.xml").write_text(rss(item), encoding="utf-8")
    [article] = read_ok(tmp_path / "2018-12-31-feed.xml")
    assert article.published == date(2019, 1, 21)


def test_a_feed_file_name_does_not_date_its_entries(tmp_path):
    item = "<item><title>Undated</title><description>Text.</description></item>"
    (tmp_path / "2018-12-31-feed.rss").write_text(rss(item), encoding="utf-8")
    [article] = read_ok(tmp_path / "2018-12-31-feed.rss")
    assert article.published is None


def test_ids_are_content_hashes_stable_across_runs():
    first = [a.id for a in read_ok(RSS, ATOM)]
    again = [a.id for a in read_ok(ATOM, RSS)]
    assert sorted(first) == sorted(again)
    assert all(a.id == Article.make_id(a.body) for a in read_ok(RSS, ATOM))


def test_an_entry_without_text_is_a_failure_and_the_others_are_read(tmp_path):
    items = (
        "<item><title>Empty</title><link>https://w.example/a</link></item>"
        "<item><title>Full</title><description>Some text.</description></item>"
    )
    (tmp_path / "f.rss").write_text(rss(items), encoding="utf-8")
    articles, failures = read_all([tmp_path / "f.rss"])
    assert [a.body for a in articles] == ["Some text."]
    assert [(f.path, f.reason) for f in failures] == [
        (f"{tmp_path / 'f.rss'}#1", "the entry has no text")
    ]


def test_untitled_entry_gets_a_derived_title(tmp_path):
    (tmp_path / "f.rss").write_text(rss("<item><description>Ships met.</description></item>"))
    [article] = read_ok(tmp_path / "f.rss")
    assert (article.title, article.title_derived) == ("Ships met", True)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('<?xml version="1.0"?><urlset><url>x</url></urlset>', "not an RSS or Atom feed"),
        (rss(""), "the feed has no entries"),
    ],
)
def test_xml_that_is_no_feed_is_a_failure(tmp_path, content, reason):
    (tmp_path / "a.xml").write_text(content, encoding="utf-8")
    (tmp_path / "b.md").write_text("Fine.\n", encoding="utf-8")
    articles, failures = read_all([tmp_path])
    assert [a.body for a in articles] == ["Fine.\n"]
    [failure] = failures
    assert reason in failure.reason
    assert "\n" not in str(failure)


@pytest.mark.parametrize("name", ["feed.txt", "feed", "feed.xml"])
def test_a_feed_under_another_name_is_sniffed(tmp_path, name):
    shutil.copy(ATOM, tmp_path / name)
    assert len(read_ok(tmp_path / name)) == 2


def test_the_same_story_in_two_feeds_counts_once(tmp_path):
    shutil.copy(RSS, tmp_path / "a.rss")
    shutil.copy(RSS, tmp_path / "b.rss")
    reading = read_sources([tmp_path])
    assert [Path(a.path).name for a in reading.articles] == ["a.rss#1", "a.rss#2", "a.rss#3"]
    assert len(reading.duplicates) == 3
    assert reading.failures == []


# --- markup ----------------------------------------------------------------------------------


def test_html_to_text():
    html = (
        "<div><h2>Head</h2><p>One <b>bold</b>\n word &amp; more.</p><br/>"
        "<script>var x = 1;</script><style>p {}</style><ul><li>A</li><li>B</li></ul>"
        "<p>  spaced\u00a0 out  </p></div>"
    )
    assert html_to_text(html) == "Head\nOne bold word & more.\nA\nB\nspaced out"
    assert html_to_text("plain & simple") == "plain & simple"
    assert html_to_text("<p>unclosed <i>markup") == "unclosed markup"
    assert html_to_text("") == ""
