"""Tests for timeline.sources.html: web pages read as articles, and sniffing them."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from timeline.model import Article
from timeline.sources import read_all, read_file, read_sources

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"
PAGE = INPUTS / "rabat-seminar.html"


def page_text() -> str:
    return PAGE.read_text(encoding="utf-8")


def read_one(path: Path | str, **kwargs) -> Article:
    articles, failures = read_all([path], **kwargs)
    assert failures == []
    [article] = articles
    return article


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def undated(html: str) -> str:
    """The page with no date in its metadata."""
    lines = html.splitlines(keepends=True)
    return "".join(line for line in lines if "_time" not in line)


def test_the_article_text_is_kept_and_the_page_around_it_is_not():
    a = read_one(PAGE)
    for furniture in ("menu link", "Aside teaser", "Aside promo", "Copyright", "Privacy policy",
                      "Related stories", "dataLayer", "font-family"):  # fmt: skip
        assert furniture not in a.body, furniture
    assert "By Samira El Idrissi" not in a.body  # the byline is not a sentence of the story
    assert a.body.startswith("Rabat – Senior Moroccan officials and a delegation")
    assert a.body.rstrip().endswith("officials said after the seminar closed on Tuesday evening.")


def test_paragraphs_are_lines():
    lines = read_one(PAGE).body.split("\n")
    assert len(lines) == 5
    assert all(line and line == line.strip() for line in lines)
    assert lines[1].startswith("The meeting marked roughly a quarter of a century")


def test_metadata_comes_from_the_page():
    a = read_one(PAGE)
    assert a.title == "Morocco and NATO take stock of 25 years of dialogue in Rabat"
    assert a.title_derived is False
    assert a.source == "Atlas Wire"  # og:site_name
    assert a.url == "https://atlaswire.example/news/morocco-nato-seminar-rabat/"  # canonical
    assert a.language == "en"
    assert a.path == str(PAGE)


def test_the_title_is_not_repeated_as_the_first_line():
    a = read_one(PAGE)
    assert a.title not in a.body


def test_the_publication_date_is_the_original_not_the_update():
    # article:published_time is 22 January, article:modified_time 24 January
    assert read_one(PAGE).published == date(2019, 1, 22)


def test_id_is_the_content_hash_and_stable(tmp_path):
    first = read_one(PAGE)
    copy = shutil.copy(PAGE, tmp_path / "copy.htm")
    assert first.id == Article.make_id(first.body)
    assert read_one(copy).id == first.id
    assert read_file(PAGE).id == first.id


def test_offsets_index_the_body():
    a = read_one(PAGE)
    start = a.body.index("on Tuesday")
    assert a.body[start : start + 10] == "on Tuesday"


# --- dates, in order of precedence -----------------------------------------------------------


def test_a_copyright_year_is_not_taken_for_a_publication_date(tmp_path):
    # htmldate's extensive search would answer 2019-01-01 from the footer
    path = write(tmp_path / "page.html", undated(page_text()))
    assert read_one(path).published is None


def test_page_metadata_wins_over_the_file_name_and_the_fallback(tmp_path):
    path = write(tmp_path / "2018-05-05-page.html", page_text())
    assert read_one(path, published=date(2000, 1, 1)).published == date(2019, 1, 22)


def test_without_metadata_the_url_path_dates_the_page(tmp_path):
    html = undated(page_text()).replace(
        "https://atlaswire.example/news/morocco-nato-seminar-rabat/",
        "https://atlaswire.example/2019/01/23/morocco-nato-seminar-rabat/",
    )
    path = write(tmp_path / "2018-05-05-page.html", html)
    assert read_one(path, published=date(2000, 1, 1)).published == date(2019, 1, 23)


def test_without_metadata_or_url_date_the_file_name_dates_the_page(tmp_path):
    path = write(tmp_path / "atlas_20190124_seminar.html", undated(page_text()))
    assert read_one(path, published=date(2000, 1, 1)).published == date(2019, 1, 24)


def test_otherwise_the_published_option_dates_the_page(tmp_path):
    path = write(tmp_path / "page-12345678.html", undated(page_text()))
    assert read_one(path, published=date(2000, 1, 1)).published == date(2000, 1, 1)
    assert read_one(path).published is None


# --- other pages -----------------------------------------------------------------------------


def test_language_from_content_language_or_og_locale(tmp_path):
    html = page_text().replace('<html lang="en">', "<html>")
    meta = '<meta property="og:locale" content="fr_FR">'
    path = write(tmp_path / "a.html", html.replace("<head>", "<head>" + meta))
    assert read_one(path).language == "fr-fr"
    path = write(tmp_path / "b.html", html)
    assert read_one(path).language == ""


def test_a_page_without_a_title_gets_one_from_its_text(tmp_path):
    html = (
        "<html><body><article><p>Officials met in Rabat on Tuesday to discuss security in the "
        "region, and agreed to meet again in Brussels.</p></article></body></html>"
    )
    a = read_one(write(tmp_path / "a.html", html))
    assert a.title_derived is True
    assert a.title.startswith("Officials met in Rabat")


def test_a_bare_fragment_is_read_as_its_text(tmp_path):
    html = "<p>Officials met in Rabat on Tuesday.</p>\n<p>They agreed to meet again.</p>"
    a = read_one(write(tmp_path / "fragment.html", html))
    assert a.body == "Officials met in Rabat on Tuesday.\nThey agreed to meet again."


def test_a_page_with_no_text_is_a_failure(tmp_path):
    write(tmp_path / "empty.html", "<html><head><title>Nothing</title></head><body></body></html>")
    write(tmp_path / "ok.md", "An article.\n")
    articles, failures = read_all([tmp_path])
    assert [Path(a.path).name for a in articles] == ["ok.md"]
    [failure] = failures
    assert failure.path.endswith("empty.html")
    assert "no article text" in failure.reason


def test_a_non_utf8_page_with_its_charset_is_decoded(tmp_path):
    html = page_text().replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    html = html.replace("Rabat – Senior", "Fès – Senior")
    path = tmp_path / "latin1.html"
    path.write_bytes(html.replace("–", "-").replace("·", "|").encode("iso-8859-1"))
    assert read_one(path).body.startswith("Fès - Senior Moroccan officials")


# --- sniffing --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["saved.txt", "saved.md", "saved", "saved.dat"])
def test_html_under_another_name_is_read_as_html(tmp_path, name):
    path = shutil.copy(PAGE, tmp_path / name)
    a = read_one(path)
    assert a.source == "Atlas Wire"
    assert "menu link" not in a.body
    assert a.body.startswith("Rabat – Senior Moroccan officials")


def test_a_txt_holding_html_in_a_folder_is_read_as_html(tmp_path):
    shutil.copy(PAGE, tmp_path / "saved.txt")
    [a] = read_sources([tmp_path]).articles
    assert a.title == "Morocco and NATO take stock of 25 years of dialogue in Rabat"


def test_markdown_opening_with_inline_html_stays_text(tmp_path):
    text = '<div align="center">Logo</div>\n\nThe seminar was held on Tuesday.\n'
    a = read_one(write(tmp_path / "a.md", text))
    assert a.body == text


def test_a_html_file_holding_plain_text_is_read_as_text(tmp_path):
    a = read_one(write(tmp_path / "a.html", "Just text, on Tuesday.\n"))
    assert a.body == "Just text, on Tuesday.\n"
