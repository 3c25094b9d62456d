"""The temporal tagger: spotting, normalising, resolving."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import DATE, DURATION, SET, TIME
from timeline.temporal import tag

TUE = date(2019, 1, 22)  # a Tuesday


def values(text: str, published: date | None = TUE) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.value) for m in tag(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was launched in 1994.", [("1994", DATE, "1994")]),
        ("Relations date back to 1995.", [("1995", DATE, "1995")]),
        ("at the Warsaw Summit in 2016.", [("2016", DATE, "2016")]),
        ("They met on 22 January 2019.", [("22 January 2019", DATE, "2019-01-22")]),
        ("They met on January 22, 2019.", [("January 22, 2019", DATE, "2019-01-22")]),
        ("They met on Tuesday, 22 January 2019.",
         [("Tuesday, 22 January 2019", DATE, "2019-01-22")]),
        ("Filed 2019-01-22 at noon.", [("2019-01-22", DATE, "2019-01-22")]),
        ("Signed on 22/01/2019.", [("22/01/2019", DATE, "2019-01-22")]),
        ("In January 2019 it began.", [("January 2019", DATE, "2019-01")]),
        ("The 1990s were calm.", [("The 1990s", DATE, "199")]),
        ("Growth slowed in early 2016.", [("early 2016", DATE, "2016")]),
        ("Profits rose in the first quarter of 2016.",
         [("the first quarter of 2016", DATE, "2016-Q1")]),
        ("It opened in summer 2016.", [("summer 2016", DATE, "2016-SU")]),
    ],
)  # fmt: skip
def test_explicit_dates_keep_their_precision(text, expected):
    assert values(text) == expected


def test_a_year_stays_a_year():
    (m,) = tag("since its launch in 1994.", published=TUE)
    assert m.time.value == "1994"
    assert m.time.granularity == "year"
    assert (m.time.start, m.time.end) == (date(1994, 1, 1), date(1994, 12, 31))


def test_month_stays_a_month():
    (m,) = tag("In January 2019 it began.", published=TUE)
    assert m.time.granularity == "month"
    assert (m.time.start, m.time.end) == (date(2019, 1, 1), date(2019, 1, 31))


def test_modifiers_are_kept():
    found = {m.text: m.time.mod for m in tag("early 2016, mid-2016 and late 2016", published=TUE)}
    assert found == {"early 2016": "EARLY", "mid-2016": "MID", "late 2016": "LATE"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On Tuesday, the minister met him.", "2019-01-22"),  # the publication day itself
        ("On Monday, the minister met him.", "2019-01-21"),
        ("On Wednesday, the minister met him.", "2019-01-16"),  # most recent, not ahead
        ("He will visit on Friday.", "2019-01-25"),  # the tense points ahead
        ("The team planned to leave Rabat on Thursday.", "2019-01-24"),
        ("He could arrive as early as Friday.", "2019-01-25"),
        ("The offer had been scheduled to expire Friday.", "2019-01-18"),  # a past plan
        ("They met last Tuesday.", "2019-01-15"),
        ("They meet next Tuesday.", "2019-01-29"),
        ("A seminar was held yesterday.", "2019-01-21"),
        ("The talks resume tomorrow.", "2019-01-23"),
        ("Prices fell last week.", "2019-W03"),
        ("Prices fell last month.", "2018-12"),
        ("Prices fell last year.", "2018"),
        ("Prices will rise next month.", "2019-02"),
        ("Prices rose this year.", "2019"),
        ("It happened two years ago.", "2017"),
        ("It happened three days ago.", "2019-01-19"),
        ("Sales fell earlier this month.", "2019-01"),
        ("They met on January 3.", "2019-01-03"),
        ("The Times said in an editorial on Monday, Jan. 14:", "2019-01-14"),
        ("They met on December 28.", "2018-12-28"),  # yearless and after the DCT: last year
    ],
)
def test_relative_expressions_resolve_against_publication(text, value):
    found = [m for m in tag(text, published=TUE) if m.time.is_calendar]
    assert [m.value for m in found] == [value]
    assert found[0].resolution == "relative-to-publication"


def test_anaphoric_day_follows_the_last_date():
    text = "The summit opened on 3 March 2018. The next day, talks collapsed."
    found = [(m.text, m.value) for m in tag(text, published=TUE)]
    assert found == [("3 March 2018", "2018-03-03"), ("The next day", "2018-03-04")]


def test_without_publication_date_relative_stays_unresolved():
    found = tag("On Tuesday they met; yesterday they left. In 1994 it began.", published=None)
    by_text = {m.text: m for m in found}
    assert by_text["Tuesday"].resolution == "unresolved"
    assert not by_text["Tuesday"].time.is_calendar
    assert by_text["yesterday"].resolution == "unresolved"
    assert by_text["1994"].value == "1994"  # absolute dates need no publication date


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("around 25 years of cooperation", DURATION, "P25Y"),
        ("for a decade", DURATION, "P10Y"),  # TempEval-3 writes decades in years
        ("two centuries of rule", DURATION, "P200Y"),
        ("for decades", DURATION, "PXDE"),
        ("the past two quarters", DURATION, "P2Q"),
        ("for several quarters", DURATION, "PXQ"),
        ("dividends paid every quarter", SET, "P1Q"),
        ("every two weeks", SET, "P2W"),
        ("for several months", DURATION, "PXM"),
        ("over the past few weeks", DURATION, "PXW"),
        ("a 25-year trade deal", DURATION, "P25Y"),
        ("nearly forty years", DURATION, "P40Y"),
        ("the last twenty-four hours", DURATION, "PT24H"),
        ("for weeks", DURATION, "PXW"),
        ("it takes two to three weeks", DURATION, "P2W"),  # a range: its lower bound
        ("within 2-3 days", DURATION, "P2D"),
        ("the past year", DURATION, "P1Y"),
        ("what Morocco does every day", SET, "P1D"),
        ("published weekly", SET, "P1W"),
        ("held each year", SET, "P1Y"),
        ("he jogs every Tuesday", SET, "XXXX-WXX-2"),
        ("the threat, which today requires a response", DATE, "PRESENT_REF"),
        ("is now clear", DATE, "PRESENT_REF"),
        ("in the future", DATE, "FUTURE_REF"),
        ("at 18:00 UK time", TIME, "2019-01-22T18:00"),
        ("at 0030 GMT", TIME, "2019-01-22T00:30"),
    ],
)
def test_durations_sets_and_references_are_typed(text, type_, value):
    found = tag(text, published=TUE)
    assert [(m.type, m.value) for m in found] == [(type_, value)]
    assert not (found[0].time.is_calendar and type_ in (DURATION, SET))


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Third-quarter profit fell.", date(1989, 10, 26), "1989-Q3"),
        ("Profit rose in the fourth quarter.", date(1990, 2, 1), "1989-Q4"),
        ("Sales in the quarter rose.", date(1989, 10, 26), "1989-Q3"),
        ("Net fell from the year-ago quarter.", date(1989, 10, 26), "1988-Q3"),
        ("The dividend is payable Jan. 2.", date(1989, 11, 2), "1990-01-02"),  # the closest
        ("Holders of record Dec. 15 get it.", date(1989, 11, 2), "1989-12-15"),
        ("It has been on patrol since March.", date(1990, 8, 13), "1990-03"),
        ("The talks should conclude by May.", date(1998, 3, 22), "1998-05"),
        ("It happened in nineteen ninety-six.", date(1998, 1, 1), "1996"),
        ("Plans for the year two thousand.", date(1998, 1, 1), "2000"),
    ],
)
def test_news_conventions_for_partial_dates(text, published, value):
    found = [m.value for m in tag(text, published=published) if m.time.is_calendar]
    assert found == [value]


def test_today_as_a_day_is_resolved():
    (m,) = tag("The minister said today that talks would go on.", published=TUE)
    assert m.value == "2019-01-22"


@pytest.mark.parametrize(
    "text",
    [
        "You may go if you like.",
        "Protesters march on the capital.",
        "Some 2000 troops arrived.",
        "Over 1500 people were evacuated.",
        "See page 2001 of the report.",
        "Flight 1549 landed on the river.",
        "Prices rose 1.50 percent.",
        "It cost $2015 in all.",
        "It happened on 31 February 2019.",
        "Subways are being built like no tomorrow.",
        "A 6-year-old boy was found.",  # ages are not temporal expressions in TimeML
    ],
)
def test_classic_false_positives_are_not_dates(text):
    assert values(text) == []


def test_offsets_index_the_text():
    text = "Rabat – On Tuesday, the minister met him. It began in 1994, every day."
    for m in tag(text, published=TUE):
        assert text[m.start : m.end] == m.text


def test_no_expression_crosses_a_sentence_boundary():
    text = "It ended in May.\n2019 was calm. He left on 22\nJanuary 2019."
    from timeline.segment import sentences

    sents = sentences(text)
    for m in tag(text, sents, TUE):
        s = sents[m.sentence]
        assert s.start <= m.start < m.end <= s.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_and_offsets_hold(text):
    for m in tag(text, published=TUE):
        assert text[m.start : m.end] == m.text
        assert m.start < m.end


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["in", "1994", "January", "22", ",", "2019", "Tuesday", "last", "week", "ago",
             "two", "years", "every", "day", "the", "1990s", "today", "is", ".", "\n", "May",
             "18:00", "GMT", "early", "Q3", "summer", "/", "-", "31", "February"]
        ),
        max_size=60,
    ),
    st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))),
)  # fmt: skip
def test_near_misses_never_raise(tokens, published):
    text = " ".join(tokens)
    for m in tag(text, published=published):
        assert text[m.start : m.end] == m.text
        if m.time.is_calendar:
            assert m.time.start <= m.time.end


def test_long_adversarial_text_is_tagged_in_reasonable_time():
    # 200 KB of near-misses on one line (one "sentence"): anything quadratic takes minutes.
    chunk = "in 19 January, 2019-13-45 last 22 the 1990 s every 1500 people on May 3, "
    text = chunk * (200_000 // len(chunk))
    started = time.perf_counter()
    found = tag(text, published=TUE)
    assert found  # "May 3" and friends are still found
    assert time.perf_counter() - started < 30


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Shops close on Christmas Day.", date(2018, 12, 20), "2018-12-25"),
        ("Turkeys sold out before Thanksgiving.", date(1998, 11, 20), "1998-11-26"),
        ("Polls open on Election Day.", date(2016, 10, 1), "2016-11-08"),
        ("Churches were full at Easter 2019.", date(2019, 5, 1), "2019-04-21"),
        ("He visited last Christmas.", date(2019, 3, 1), "2018-12-25"),
    ],
)
def test_holidays(text, published, value):
    assert [m.value for m in tag(text, published=published) if m.time.is_calendar] == [value]


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("Sales for the year rose.", DATE, "2019"),
        ("Net income for the year ended with a loss.", DURATION, "P1Y"),
        ("a recent filing", DATE, "PAST_REF"),
        ("current market conditions", DATE, "PRESENT_REF"),
        ("in recent years", DATE, "PAST_REF"),
        ("complete the deal by year-end", DATE, "2019-12-31"),  # the closing day
    ],
)
def test_news_references(text, type_, value):
    assert [(m.type, m.value) for m in tag(text, published=TUE)] == [(type_, value)]


def test_current_account_is_not_a_date():
    assert values("The current account deficit widened.") == []


def test_bare_previously_is_not_a_date_but_two_years_previously_is():
    assert values("Previously, it offered $13.") == []
    assert values("He had left two years previously.") == [("two years previously", "DATE", "2017")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The next 48-72 hours matter.", ("The next 48-72 hours", "PT48H")),
        ("It airs Monday-Wednesday at 11pm.", ("Wednesday", "2019-01-16")),
        ("Spanish flu (1918-1920) killed millions.", ("1920", "1920")),
        ("Week 42: 17-23 October 2009.", ("23 October 2009", "2009-10-23")),
    ],
)
def test_expressions_right_after_a_hyphen(text, expected):
    assert expected in [(m.text, m.value) for m in tag(text, published=TUE)]


def test_english_dates_need_no_dateparser():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from datetime import date\n"
        "from timeline.temporal import tag\n"
        "tag('On 22 January 2019, yesterday, in March and last week.', published=date(2019,1,23))\n"
        "print('dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Net rose in the 1988 second quarter.", "1988-Q2"),
        ("Profit beat this year's third quarter forecast.", "2019-Q3"),
        ("It opened in March 2018. The following month it closed.", "2018-04"),
        ("It was founded in 1988. That year it hired ten people.", "1988"),
    ],
)
def test_quarters_with_years_and_anaphora(text, value):
    found = [m.value for m in tag(text, published=TUE) if m.time.is_calendar]
    assert found[-1] == value


# Found in review: each of these once crashed, hung or gave a wrong value.


@pytest.mark.parametrize(
    "text",
    ["Twenty centuries ago, Rome ruled.", "500 centuries ago", "It was 5 yearſ.", "ſpring 2016"],
)
def test_impossible_or_odd_input_is_no_date_not_a_crash(text):
    assert tag(text, published=TUE) == []


def test_edges_of_the_calendar_do_not_crash():
    assert tag("last year", published=date(1, 1, 1)) == []
    assert tag("next week", published=date(9999, 12, 31)) == []


def test_long_runs_of_space_after_a_date_are_linear():
    started = time.perf_counter()
    tag("The vote is on Tuesday" + " " * 50_000 + "and then.", published=TUE)
    tag("January 22" + "\t" * 30_000 + "x", published=TUE)
    assert time.perf_counter() - started < 5  # quadratic backtracking took 100 s here


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Two years ago a fire destroyed it.", TUE, ("Two years ago", "2017")),
        ("He was born in 1950. Three years later he moved.", TUE, ("Three years later", "1953")),
        (
            "It opened in March 2010. Two months later it shut.",
            TUE,
            ("Two months later", "2010-05"),
        ),
        ("Prices will rise over the next year.", TUE, ("the next year", "P1Y")),
        ("He left last quarter.", date(2019, 4, 2), ("last quarter", "2019-Q1")),
        ("This Friday the court rules.", TUE, ("This Friday", "2019-01-25")),
        ("Police said he might have been killed on Saturday.", TUE, ("Saturday", "2019-01-19")),
        ("Snow is forecast for this weekend.", date(2019, 1, 24), ("this weekend", "2019-W04-WE")),
        ("They met last weekend.", date(2019, 1, 24), ("last weekend", "2019-W03-WE")),
        ("Prices rose 5% a year.", TUE, ("a year", "P1Y")),
        ("The games are held every four years.", TUE, ("every four years", "P4Y")),
        ("The deal closes by the end of the year.", TUE, ("the end of the year", "2019")),
        (
            "Profit fell in the fourth quarter of last year.",
            date(2019, 12, 1),
            ("the fourth quarter of last year", "2018-Q4"),
        ),
        (
            "Growth slows in the second half of next year.",
            date(2019, 8, 1),
            ("the second half of next year", "2020-H2"),
        ),
        ("They meet at 9 a.m. tomorrow.", TUE, ("9 a.m. tomorrow", "2019-01-23T09:00")),
        (
            "It began at 3:30 p.m. on Jan. 5. The next day they left.",
            TUE,
            ("The next day", "2019-01-06"),
        ),
    ],
)
def test_review_findings(text, published, expected):
    assert expected in [(m.text, m.value) for m in tag(text, published=published)]


def test_a_year_after_a_percentage_is_a_set():
    (m,) = tag("Prices rose 5% a year.", published=TUE)
    assert m.type == SET


@pytest.mark.parametrize(
    "text",
    [
        "Black Friday sales were strong.",
        "The Good Friday Agreement holds.",
        "The Sunday Times reported it.",
        "About two thousand protesters marched.",
        "The toll rose to 1200.",
    ],
)
def test_names_and_counts_are_not_dates(text):
    assert values(text) == []


def test_anaphoric_dates_say_so():
    found = tag("He was born in 1950. Three years later he moved.", published=TUE)
    assert found[-1].resolution == "relative-to-text"


def test_offsets_shift_with_a_prefix():
    text = "On Tuesday, 22 January 2019, yesterday and in 1994 they met."
    base = [(m.start, m.end, m.value) for m in tag(text, published=TUE)]
    shifted = [(m.start - 7, m.end - 7, m.value) for m in tag("Intro. " + text, published=TUE)]
    assert base == shifted and base


def test_every_rule_has_a_trigger_a_reading_and_a_known_family():
    from timeline.temporal.core import grammar
    from timeline.temporal.readings import READINGS

    g = grammar("en")
    names = [name for name, _, _ in g.rules]
    assert len(names) == len(set(names))
    assert all(needs and all(needs) for _, _, needs in g.rules)
    assert {g.reading(name) for name in names} <= set(READINGS)
    assert set(g.families) <= set(names)
    assert set(g.families.values()) <= set(g.anchors)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("last week", "XXXX-WXX"),
        ("two days ago", "XXXX-XX-XX"),
        ("next month", "XXXX-XX"),
        ("this weekend", "XXXX-WXX-WE"),
        ("this morning", "XXXX-XX-XXTMO"),
    ],
)
def test_unresolved_values_keep_their_shape(text, value):
    (m,) = tag(text, published=None)
    assert (m.value, m.resolution, m.type) == (value, "unresolved", DATE)
