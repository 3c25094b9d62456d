"""Tests for timeline.segment: sentences with exact character offsets, and word tokens."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.segment import sentences, words
from timeline.sources import read_all


def texts(text: str) -> list[str]:
    return [s.text for s in sentences(text)]


def assert_offsets_hold(text: str) -> None:
    for i, s in enumerate(sentences(text)):
        assert s.index == i
        assert text[s.start : s.end] == s.text


# --- offsets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "One. Two. Three.",
        "  Leading and trailing space.  \n",
        "A headline\nThe body starts here. It goes on.\n\nA new paragraph.",
        "Windows\r\nline endings.\r\n\r\nEverywhere.\r\n",
        "Quotes: “We will go.” Then he left.",
    ],
)
def test_offsets_index_the_text_exactly(text):
    assert sentences(text)
    assert_offsets_hold(text)


def test_offsets_exclude_surrounding_whitespace():
    [s] = sentences("  Hello world.  \n")
    assert (s.start, s.end, s.text) == (2, 14, "Hello world.")


def test_offsets_hold_on_the_bundled_sources(sources_dir):
    articles, failures = read_all([sources_dir])
    assert not failures and len(articles) == 2
    for article in articles:
        sents = sentences(article.body)
        assert len(sents) > 10
        assert_offsets_hold(article.body)
        assert all("\n\n" not in s.text for s in sents)


def test_bundled_standfirst_and_dateline_sentence_stand_alone(sources_dir):
    articles, _ = read_all([sources_dir])
    first = texts(articles[0].body)
    assert first[0] == (
        "Morocco has been a partner of the North Atlantic Treaty Organization’s "
        "Mediterranean Dialogue since its launch in 1994."
    )
    assert first[1].startswith("Rabat – On Tuesday, Morocco’s Minister Delegate")
    assert first[1].endswith("Alejandro Alvargonzalez.")


# --- where sentences end ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Army met Mr. Smith on Jan. 5 in Washington. He left.",
            ["The U.S. Army met Mr. Smith on Jan. 5 in Washington.", "He left."],
        ),
        (
            "Mrs. Smith met Gen. Jones in Feb. 2019 at the U.N. headquarters. They talked.",
            ["Mrs. Smith met Gen. Jones in Feb. 2019 at the U.N. headquarters.", "They talked."],
        ),
        (
            "It was signed in Washington, D.C. on Monday. Then they left.",
            ["It was signed in Washington, D.C. on Monday.", "Then they left."],
        ),
        (
            "Dr. Jones arrived at 5 p.m. yesterday. She left.",
            ["Dr. Jones arrived at 5 p.m. yesterday.", "She left."],
        ),
    ],
)
def test_abbreviations_do_not_end_a_sentence(text, expected):
    assert texts(text) == expected


def test_plain_sentence_stops_split():
    assert texts("Morocco signed. NATO agreed! Who knew? Nobody.") == [
        "Morocco signed.",
        "NATO agreed!",
        "Who knew?",
        "Nobody.",
    ]


def test_short_headline_line_followed_by_capitalised_line_splits():
    assert texts("NATO seminar in Rabat\nMorocco has been a partner since 1994.") == [
        "NATO seminar in Rabat",
        "Morocco has been a partner since 1994.",
    ]


def test_long_unfinished_line_followed_by_capitalised_line_does_not_split():
    # longer than a headline can be and without a final stop: the sentence goes on
    line = "The ministers of the two countries discussed cooperation in the fields of defence and"
    assert len(line) > 80
    text = line + "\nCyber Security during the meeting held in the capital city."
    assert texts(text) == [text]


def test_hard_wrapped_prose_continuing_in_lower_case_does_not_split():
    text = "Morocco has been a partner of the alliance\nsince its launch in 1994 and it still is."
    assert texts(text) == [text]


def test_hard_wrapped_prose_continuing_with_a_proper_noun_does_not_split():
    text = "Morocco has been a partner of the\nNorth Atlantic Treaty Organization since 1994."
    assert texts(text) == [text]


def test_blank_line_splits_even_without_punctuation():
    assert texts("Line one without stop\n\nline two without stop") == [
        "Line one without stop",
        "line two without stop",
    ]


def test_several_blank_lines_give_no_empty_sentences():
    text = "A.\n\n\nB."
    sents = sentences(text)
    assert [(s.start, s.end, s.text) for s in sents] == [(0, 2, "A."), (5, 7, "B.")]


def test_crlf_text_splits_like_lf_text_and_offsets_hold():
    lf = "NATO seminar in Rabat\nMorocco has been a partner since 1994.\n\nThey met.\n"
    crlf = lf.replace("\n", "\r\n")
    assert (
        texts(crlf)
        == texts(lf)
        == [
            "NATO seminar in Rabat",
            "Morocco has been a partner since 1994.",
            "They met.",
        ]
    )
    assert_offsets_hold(crlf)
    assert all("\r" not in s for s in texts(crlf))


def test_crlf_hard_wrapped_prose_does_not_split():
    text = "Morocco has been a partner of the alliance\r\nsince its launch in 1994."
    [s] = sentences(text)
    assert s.text == text


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\t \r\n", "\u00a0\u2003"])
def test_empty_or_whitespace_text_gives_no_sentences(text):
    assert sentences(text) == []


# --- properties ------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["Mr.", "U.S.", "Jan.", "NATO", "met", "in", "Rabat", "1994", ".", "?", "!", ",", "“", "”",
     "\n", "\n\n", "\r\n", "  ", "\t", "seminar", "the", "(MAP)", "–", "…", "a.m.", "e.g."]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=60).map(" ".join)))
def test_arbitrary_text_never_raises_and_sentences_are_ordered_and_stripped(text):
    sents = sentences(text)
    previous_end = 0
    for i, s in enumerate(sents):
        assert s.index == i
        assert text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.start >= previous_end  # ordered, non-overlapping
        previous_end = s.end
    # nothing but whitespace is left out
    covered = set()
    for s in sents:
        covered.update(range(s.start, s.end))
    assert all(text[k].isspace() for k in range(len(text)) if k not in covered)


# --- words -----------------------------------------------------------------------------------


def test_words_keep_inner_hyphens_and_apostrophes():
    assert words("Morocco’s well-known O'Neil co-op") == [
        "Morocco’s",
        "well-known",
        "O'Neil",
        "co-op",
    ]


def test_words_drop_punctuation_and_keep_digits():
    assert words("“In 1994, NATO – and Morocco – met!”") == [
        "In",
        "1994",
        "NATO",
        "and",
        "Morocco",
        "met",
    ]
    assert words("U.S.") == ["U", "S"]
    assert words("end-") == ["end"]


def test_words_of_empty_or_punctuation_text_is_empty():
    assert words("") == []
    assert words(" ... – , ") == []


def test_words_handle_non_ascii_letters():
    assert words("Fès à Genève, Zürich") == ["Fès", "à", "Genève", "Zürich"]


def test_arabic_question_marks_end_sentences():
    text = "وقال إن الحوار انطلق سنة 1994؟ نعم، وأضاف أن التعاون مستمر."
    assert [s.text for s in sentences(text)] == [
        "وقال إن الحوار انطلق سنة 1994؟",
        "نعم، وأضاف أن التعاون مستمر.",
    ]
