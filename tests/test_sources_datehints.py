"""Tests for timeline.sources.datehints: days that file names and URLs carry."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.sources.datehints import date_in_name, date_in_url


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.example.com/2019/01/22/nato-seminar/", date(2019, 1, 22)),
        ("https://www.example.com/news/2019/01/22", date(2019, 1, 22)),
        ("https://example.com/2019-01-22-nato-seminar", date(2019, 1, 22)),
        ("https://example.com/a/2019_01_22/b", date(2019, 1, 22)),
        ("https://example.com/1999/12/31/party/", date(1999, 12, 31)),
        # the bundled source's URL: /2019/01/ then an article number, not a day
        ("https://www.moroccoworldnews.com/2019/01/264123/nato-morocco-cooperation-nato/", None),
        ("https://example.com/2019/01/", None),  # a month is not a publication day
        ("https://example.com/2019/02/30/x", None),  # no such day
        ("https://example.com/1850/01/22/x", None),  # outside 1900-2100
        ("https://example.com/2019-01/22/x", None),  # mixed separators
        ("https://example.com/x?date=2019-01-22", None),  # the query is not the path
        ("https://2019-01-22.example.com/x", None),  # nor the host
        ("https://example.com/story/20190122", None),  # compact only in file names
        ("", None),
        ("http://[::1", None),  # not a URL urllib can take apart
    ],
)
def test_date_in_url(url, day):
    assert date_in_url(url) == day


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("2019-01-22-nato.md", date(2019, 1, 22)),
        ("nato_2019_01_22.html", date(2019, 1, 22)),
        ("nato.2019.01.22.txt", date(2019, 1, 22)),
        ("20190122_nato.html", date(2019, 1, 22)),
        ("rabat-20190122.htm", date(2019, 1, 22)),
        ("report-12345678.txt", None),  # not a plausible year
        ("20191399.txt", None),  # month 13
        ("20190230.txt", None),  # 30 February
        ("id-120190122.txt", None),  # nine digits: a number, not a day
        ("201901221530.txt", None),  # a timestamp's digits run on
        ("000_c668b917f9ef9830.md", None),
        ("2019.md", None),
        ("", None),
    ],
)
def test_date_in_name(name, day):
    assert date_in_name(name) == day
