"""Tests for timeline.events: which mentions date an event, the events of the bundled
example, their source offsets, and headlines."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import segment, temporal
from timeline.events import anchors, extract, headline
from timeline.model import (
    DURATION,
    RESOLVED_ABSOLUTE,
    RESOLVED_DCT,
    RESOLVED_NONE,
    RESOLVED_UNRESOLVED,
    SET,
    TIME,
    Article,
    Event,
    Mention,
    Sentence,
    TimeValue,
)
from timeline.temporal.calendar import day, year

from .conftest import bundled_results

TUE = date(2019, 1, 22)


def bundled(sources_dir: Path) -> tuple[list[Article], list[Event]]:
    """The bundled articles and every event the pipeline finds in them."""
    results = bundled_results()
    return [r.article for r in results], [e for r in results for e in r.events]


def events_of(text: str, published: date | None = TUE, article_index: int = 0) -> list[Event]:
    sents = segment.sentences(text)
    return extract("art", article_index, sents, temporal.tag(text, sents, published), published)


def mention(
    time: TimeValue, resolution: str = RESOLVED_ABSOLUTE, rule: str = "rule", text: str = "x"
) -> Mention:
    return Mention(text, 0, len(text), 0, time, resolution, rule)


def hl(sentence: str, expression: str) -> str:
    start = sentence.index(expression)
    return headline(sentence, start, start + len(expression))


# --- anchors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("m", "expected"),
    [
        (mention(year(1994)), True),
        (mention(day(TUE), RESOLVED_DCT, "weekday"), True),
        (mention(TimeValue("2019-01-22TAF", TIME, "part-of-day", TUE, TUE), RESOLVED_DCT), True),
        (mention(TimeValue("P25Y", DURATION)), False),
        (mention(TimeValue("P1D", SET), RESOLVED_NONE, "set_every"), False),
        (mention(TimeValue("PRESENT_REF"), RESOLVED_NONE, "present"), False),
        (mention(TimeValue("FUTURE_REF"), RESOLVED_NONE, "future"), False),
        # a calendar-looking value is still refused when the resolution says it is not one
        (mention(day(TUE), RESOLVED_UNRESOLVED, "weekday"), False),
        (mention(day(TUE), RESOLVED_NONE, "day_word"), False),
        (mention(TimeValue("XXXX-XX-XX", granularity="day"), RESOLVED_UNRESOLVED), False),
        # a DURATION or SET with days attached is still not a date
        (mention(TimeValue("P1D", SET, "day", TUE, TUE)), False),
        (mention(TimeValue("P1Y", DURATION, "year", TUE, TUE)), False),
    ],
)
def test_anchors(m, expected):
    assert anchors(m) is expected


@pytest.mark.parametrize("rule", ["clock", "clock_ap", "clock_dot", "clock_mil"])
def test_anchors_rejects_bare_clock_times(rule):
    clock = TimeValue("2019-01-22T10:30", TIME, "minute", TUE, TUE)
    assert anchors(mention(clock, RESOLVED_DCT, rule)) is False
    assert anchors(mention(clock, RESOLVED_DCT, "other")) is True


def test_tagged_non_dates_do_not_anchor():
    text = "Around 25 years of cooperation, which today requires effort every day, for the future."
    mentions = temporal.tag(text, published=TUE)
    assert {m.text for m in mentions} >= {"Around 25 years", "today", "every day", "the future"}
    assert not any(anchors(m) for m in mentions)


def test_unresolved_relative_date_makes_no_event():
    assert events_of("The seminar was held yesterday in Rabat.", published=None) == []
    [event] = events_of("The seminar was held yesterday in Rabat.", published=TUE)
    assert event.date == day(date(2019, 1, 21))
    assert event.source.resolution == RESOLVED_DCT


# --- the bundled example ---------------------------------------------------------------------


def test_bundled_sources_give_exactly_the_expected_events(sources_dir):
    articles, found = bundled(sources_dir)
    ids = {a.id: Path(a.path).name[:3] for a in articles}
    got = sorted((ids[e.source.article], e.date.value, e.source.expression) for e in found)
    assert got == [
        ("000", "1994", "1994"),
        ("000", "2019-01-22", "Tuesday"),
        ("001", "1995", "1995"),
        ("001", "2016", "2016"),
        ("001", "2019-01-22", "yesterday"),
    ]


def test_bundled_event_dates_keep_their_precision_and_resolution(sources_dir):
    _, found = bundled(sources_dir)
    by_expression = {e.source.expression: e for e in found}
    assert by_expression["1994"].date == year(1994)
    assert by_expression["1995"].date == year(1995)
    assert by_expression["2016"].date == year(2016)
    assert by_expression["Tuesday"].date == day(TUE)
    assert by_expression["yesterday"].date == day(TUE)
    assert by_expression["1994"].source.resolution == RESOLVED_ABSOLUTE
    assert by_expression["Tuesday"].source.resolution == RESOLVED_DCT
    assert by_expression["yesterday"].source.resolution == RESOLVED_DCT


def test_bundled_non_events_are_not_events(sources_dir):
    _, found = bundled(sources_dir)
    expressions = " | ".join(e.source.expression for e in found).lower()
    for phrase in ("25 years", "today", "every day", "future"):
        assert phrase not in expressions
    texts = " ".join(e.text for e in found)
    assert "today requires" not in texts
    assert "every day" not in texts


def test_bundled_source_refs_index_the_article_body(sources_dir):
    articles, found = bundled(sources_dir)
    bodies = {a.id: a.body for a in articles}
    positions = {a.id: i for i, a in enumerate(articles)}
    for e in found:
        ref = e.source
        body = bodies[ref.article]
        assert body[ref.start : ref.end] == ref.expression
        assert body[ref.sentence_start : ref.sentence_end] == ref.sentence == e.text
        assert ref.sentence_start <= ref.start < ref.end <= ref.sentence_end
        assert segment.sentences(body)[ref.sentence_index].text == ref.sentence
        assert e.order == (positions[ref.article], ref.start)


def test_bundled_headlines(sources_dir):
    _, found = bundled(sources_dir)
    by_expression = {e.source.expression: e.headline for e in found}
    tuesday = by_expression["Tuesday"]
    assert tuesday.startswith("Morocco’s Minister Delegate for National Defense")
    assert "Rabat –" not in tuesday and "Tuesday" not in tuesday
    assert by_expression["1995"].startswith("This relationship, which dates back to 1995")
    assert by_expression["2016"] == (
        "This strategic partnership with Morocco was discussed at the Warsaw Summit"
    )
    for h in by_expression.values():
        assert h and h[0].isupper()
        assert len(h.removesuffix("…").split()) <= 18


# --- extract ---------------------------------------------------------------------------------


def test_one_event_per_sentence_and_distinct_date():
    text = (
        "The talks began on 22 January 2019 and, as planned, ended on 22 January 2019. "
        "Morocco joined in 1994 and NATO agreed in 1995."
    )
    found = events_of(text, article_index=3)
    assert [(e.date.value, e.source.expression, e.source.sentence_index) for e in found] == [
        ("2019-01-22", "22 January 2019", 0),
        ("1994", "1994", 1),
        ("1995", "1995", 1),
    ]
    first = found[0]
    assert first.source.start == text.index("22 January 2019")  # the first of the two
    assert [e.order for e in found] == [(3, e.source.start) for e in found]


def test_clock_time_beside_a_day_gives_only_the_day():
    [event] = events_of("The talks ended at 10:30 on Tuesday.")
    assert (event.date.value, event.source.expression) == ("2019-01-22", "Tuesday")


def test_extract_uses_the_given_article_id_and_ignores_non_anchoring_mentions():
    sents = [
        Sentence(0, 0, 24, "It was founded in 1994."),
        Sentence(1, 25, 45, "It lasted 25 years."),
    ]
    mentions = [
        Mention("1994", 18, 22, 0, year(1994)),
        Mention("25 years", 35, 43, 1, TimeValue("P25Y", DURATION), RESOLVED_NONE, "duration"),
    ]
    [event] = extract("my-article", 7, sents, mentions)
    assert event.source.article == "my-article"
    assert event.order == (7, 18)
    assert (event.source.sentence_start, event.source.sentence_end) == (0, 24)


def test_extract_of_nothing_is_empty():
    assert extract("a", 0, [], []) == []


# --- headline --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        (
            "Rabat – On Tuesday, the minister received the NATO envoy.",
            "Tuesday",
            "The minister received the NATO envoy",
        ),
        (
            "On Tuesday, the minister received the NATO envoy.",
            "Tuesday",
            "The minister received the NATO envoy",
        ),
        ("Yesterday, they met in Rabat.", "Yesterday", "They met in Rabat"),
        (
            "This strategic partnership with Morocco was discussed at the Warsaw Summit in 2016.",
            "2016",
            "This strategic partnership with Morocco was discussed at the Warsaw Summit",
        ),
        (
            "Morocco has been a partner of the Mediterranean Dialogue since 1994.",
            "1994",
            "Morocco has been a partner of the Mediterranean Dialogue since 1994",
        ),
        # too short to lose its date: the headline would say nothing
        ("Signed in 2016.", "2016", "Signed in 2016"),
        ("the deal was signed on 22 January 2019", "22 January 2019", "The deal was signed"),
        (
            "The minister (Nasser Bourita) met the envoy in Rabat on Tuesday, officials said.",
            "Tuesday",
            "The minister met the envoy in Rabat, officials said",
        ),
    ],
)
def test_headline(sentence, expression, expected):
    assert hl(sentence, expression) == expected


def test_headline_drops_a_dateline_with_an_agency():
    h = hl("WASHINGTON (Reuters) - The talks ended on Tuesday, officials said.", "Tuesday")
    assert h == "The talks ended on Tuesday, officials said"


def test_headline_keeps_a_relative_clauses_antecedent():
    sentence = (
        "A pillar of stability and peace in the Mediterranean, this relationship, which dates "
        "back to 1995, made it possible to reach a security and strategic consensus as well as "
        "mutual trust built up over the course of the operations carried out together."
    )
    h = hl(sentence, "1995")
    assert h.startswith("This relationship, which dates back to 1995")
    assert "pillar" not in h
    assert h.endswith("…")


def test_headline_is_capped_near_eighteen_words():
    sentence = " ".join(f"word{k}" for k in range(40)) + " in 1994 and more words follow here."
    h = hl(sentence, "1994")
    assert h.endswith("…")
    assert len(h.removesuffix("…").split()) == 18


def test_headline_of_a_long_clause_grows_to_at_least_eight_words():
    sentence = (
        "In Rabat, officials said, on Tuesday the minister received the envoy, and the two "
        "discussed defence, cyber security and the training of officers at length."
    )
    h = hl(sentence, "Tuesday")
    assert "Tuesday the minister received the envoy" in h
    assert len(h.removesuffix("…").split()) >= 8
    assert len(h.removesuffix("…").split()) <= 18


def test_headline_of_a_parenthesised_sentence_is_not_empty():
    assert hl("(The treaty, signed in 2016, was renewed.)", "2016")


_WORDS = st.sampled_from(
    ["On", "Tuesday", ",", "in", "2016", "Rabat", "which", "the", "met", "said", "since",
     "1994", "a", "of", "NATO", "talks", "and"]
)  # fmt: skip


@st.composite
def real_sentences(draw) -> tuple[str, int, int]:
    """A sentence that opens with a word and ends with a stop, and one of its words."""
    opening = draw(st.sampled_from(["Morocco", "The", "On", "Rabat", "In", "Yesterday"]))
    rest = draw(st.lists(_WORDS, max_size=40))
    text = " ".join([opening, *rest]).replace(" ,", ",") + "."
    found = draw(st.sampled_from(list(re.finditer(r"\w+", text))))
    return text, found.start(), found.end()


@settings(max_examples=200, deadline=None)
@given(real_sentences())
def test_headline_of_a_real_sentence_is_never_empty(case):
    h = headline(*case)
    assert re.search(r"\w", h)
    assert len(h.removesuffix("…").split()) <= 18


@st.composite
def sentence_and_offsets(draw) -> tuple[str, int, int]:
    text = draw(st.text(max_size=300))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@settings(max_examples=200, deadline=None)
@given(sentence_and_offsets())
def test_headline_never_raises_on_arbitrary_sentence_and_offsets(case):
    h = headline(*case)
    assert isinstance(h, str)
    assert len(h.split()) <= 18


# --- reported speech, quotes, plans ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Morocco will sign the deal in 2020, Bourita said on Tuesday.", "Bourita said"),
        ("The talks resumed on Monday after a long pause, officials said.", "officials said"),
        (
            "“It dates back to 1995 and keeps growing,” said the Minister of Foreign Affairs.",
            "the Minister of Foreign Affairs said",
        ),
        (
            "According to the ministry, the first case was confirmed on 27 April.",
            "according to the ministry",
        ),
        ("Bourita said that Morocco would sign a legal agreement in 2020.", "Bourita said"),
        ("The president of the United States arrived in 2016 for a state visit.", ""),
        (
            "« Nous fêtons cette année 25 ans de coopération », a déclaré M. Bourita, qui a "
            "plaidé pour le Sud.",
            "M. Bourita a déclaré",
        ),
        ("Selon le ministère, le séminaire a eu lieu mardi dernier à Rabat.", "selon le ministère"),
        (
            "“Marruecos es un socio fiable desde 1994”, dijo el ministro Nasser Bourita.",
            "el ministro Nasser Bourita dijo",
        ),
    ],
)
def test_attribution_names_who_says_so(sentence, who):
    from timeline.events import attribution

    assert attribution(sentence)[0] == who


def test_headline_keeps_the_attribution_and_the_quotation_marks():
    sentence = (
        "“We will sign the agreement on Friday in Brussels with all our partners present,” "
        "Bourita said on Tuesday."
    )
    assert hl(sentence, "on Friday") == (
        "“We will sign the agreement on Friday in Brussels with all our partners present”, "
        "Bourita said"
    )
    # dated by the saying, the whole sentence is the headline
    assert hl(sentence, "on Tuesday").endswith("Bourita said on Tuesday")
    long = (
        "According to the ministry, the first case was confirmed on 27 April in Ayrshire, "
        "where the couple had returned from a long holiday in Mexico and Texas last month."
    )
    assert hl(long, "on 27 April").endswith(", according to the ministry")
    assert len(hl(long, "on 27 April").split()) <= 19


@given(st.text(alphabet="“”\"'‘’«» abcdefghij,.", max_size=120))
@settings(max_examples=300, deadline=None)
def test_headline_quotes_stay_balanced(text):
    sentence = "“" + text + " on Friday, the minister said."
    out = hl(sentence, "on Friday")
    opened = sum(out.count(q) for q in "“«")
    closed = sum(out.count(q) for q in "”»")
    assert closed <= opened


def test_future_happenings_are_planned_and_past_ones_not():
    found = {
        e.source.expression: e
        for e in events_of(
            "The minister will visit Rabat on Friday. He met the envoy on Monday. "
            "The deal is to be signed in 2020. The summit was held in 2016."
        )
    }
    assert found["Friday"].planned
    assert found["2020"].planned
    assert not found["Monday"].planned
    assert not found["2016"].planned


def test_events_keep_the_previous_sentence_as_context():
    found = events_of("Relations with NATO are old. This relationship dates back to 1995.")
    assert [e.context for e in found] == ["Relations with NATO are old."]
    later = events_of("One two three four. Five six seven eight. Nine ten. It began in 1995.")
    assert later[0].context == "One two three four. Five six seven eight. Nine ten."


def test_readers_comments_make_no_events():
    found = events_of(
        "At 22:48 29th Apr 2009 , putriddog wrote : The real danger is the disruption . "
        "The minister met the envoy on Monday."
    )
    assert [e.source.expression for e in found] == ["Monday"]
