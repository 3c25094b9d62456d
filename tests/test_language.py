"""Tests for timeline.language: the offline detector of an article's language."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.language import detect


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Morocco has been a partner of the Mediterranean Dialogue since its launch in 1994.",
            "en",
        ),
        (
            "Le séminaire organisé mardi dernier à Rabat a célébré les 25 ans du dialogue "
            "méditerranéen entre le Royaume et l'OTAN.",
            "fr",
        ),
        (
            "El seminario celebrado el pasado martes en Rabat repasó los 25 años de cooperación "
            "entre Marruecos y la OTAN.",
            "es",
        ),
        (
            "استقبل وزير الشؤون الخارجية ناصر بوريطة اليوم الثلاثاء بالرباط الأمين العام المساعد "
            "لحلف شمال الأطلسي.",
            "ar",
        ),
        (
            "Der Minister traf am Dienstag den Gesandten der Nato in Rabat, um über die "
            "Sicherheit zu sprechen.",
            "de",
        ),
    ],
)
def test_news_sentences_are_told_apart(text, code):
    assert detect(text) == code


def test_an_arabic_report_quoting_latin_names_is_arabic():
    text = "قال بوريطة إن الحوار المتوسطي (Mediterranean Dialogue) انطلق سنة 1994 مع حلف الناتو."
    assert detect(text) == "ar"


@pytest.mark.parametrize("text", ["", "1994", "NATO OTAN", "Rabat, 22/01/2019"])
def test_no_evidence_gives_the_default(text):
    assert detect(text) == "en"
    assert detect(text, default="fr") == "fr"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_supported_code(text):
    assert detect(text) in {"en", "fr", "es", "de", "it", "pt", "ar"}


def test_a_file_without_a_language_key_is_detected(tmp_path):
    from timeline import build

    (tmp_path / "a.txt").write_text(
        "---\npublished: 2019-01-23\n---\nLe ministre a reçu hier à Rabat l'envoyé de l'OTAN "
        "pour des entretiens sur la sécurité et la coopération.\n",
        encoding="utf-8",
    )
    [result] = build([tmp_path]).articles
    assert result.article.language == "fr"
