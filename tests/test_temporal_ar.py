"""The temporal tagger on Arabic news: the same contract as English (test_temporal.py)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import DATE, DURATION, SET, TIME
from timeline.segment import sentences
from timeline.temporal import points_ahead, tag
from timeline.temporal.languages import grammar_language

WED = date(2019, 1, 23)  # a Wednesday
ABS, DCT, TEXT, NONE, UNRESOLVED = (
    "absolute", "relative-to-publication", "relative-to-text", "not-a-date", "unresolved"
)  # fmt: skip


def found(text: str, published: date | None = WED) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.type, m.value, m.resolution) for m in tag(text, None, published, "ar")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استقبل الوزير يوم 22 يناير 2019 نظيره الفرنسي.",
         [("22 يناير 2019", DATE, "2019-01-22", ABS)]),
        ("وقع الاتفاق في 22 كانون الثاني 2019 في دمشق.",
         [("22 كانون الثاني 2019", DATE, "2019-01-22", ABS)]),
        ("انطلقت المظاهرات في 22 جانفي 2019 بالعاصمة.",
         [("22 جانفي 2019", DATE, "2019-01-22", ABS)]),
        ("التقى الوزير يوم ٢٢ يناير ٢٠١٩ بنظيره.", [("٢٢ يناير ٢٠١٩", DATE, "2019-01-22", ABS)]),
        ("وقال الوزير يوم الثلاثاء إن المغرب شريك أساسي.",
         [("يوم الثلاثاء", DATE, "2019-01-22", DCT)]),
        ("وقع البلدان الاتفاق الثلاثاء الماضي في الرباط.",
         [("الثلاثاء الماضي", DATE, "2019-01-22", DCT)]),
        ("ويزور الرئيس الجزائر الثلاثاء المقبل.",
         [("الثلاثاء المقبل", DATE, "2019-01-29", DCT)]),
        ("وأعلنت وزارة الصحة، اليوم الأربعاء، تسجيل 5 حالات جديدة.",
         [("اليوم الأربعاء", DATE, "2019-01-23", DCT)]),
        ("وقال الوزير اليوم إن المفاوضات مستمرة.", [("اليوم", DATE, "2019-01-23", DCT)]),
        ("ووصل الوفد أمس إلى الرباط.", [("أمس", DATE, "2019-01-22", DCT)]),
        ("ووصل الوفد امس إلى الرباط.", [("امس", DATE, "2019-01-22", DCT)]),
        ("ويغادر الوفد غداً إلى باريس.", [("غداً", DATE, "2019-01-24", DCT)]),
        ("ويغادر الوفد غدا إلى باريس.", [("غدا", DATE, "2019-01-24", DCT)]),
        ("وقتل 12 شخصا على الأقل أمس الاثنين في هجوم.",
         [("أمس الاثنين", DATE, "2019-01-21", DCT)]),
        ("وتراجعت الأسعار الأسبوع الماضي.", [("الأسبوع الماضي", DATE, "2019-W03", DCT)]),
        ("وارتفعت البطالة العام الماضي.", [("العام الماضي", DATE, "2018", DCT)]),
        ("ويعد المغرب شريكا للحلف منذ 1995.", [("1995", DATE, "1995", ABS)]),
        ("ويعد المغرب شريكا للحلف منذ عام 1995.", [("عام 1995", DATE, "1995", ABS)]),
        ("وتأسست المنظمة عام 1994 في تونس.", [("عام 1994", DATE, "1994", ABS)]),
        ("وتأسست المنظمة في 1994.", [("1994", DATE, "1994", ABS)]),
        ("وقعت الحرب قبل عامين.", [("قبل عامين", DATE, "2017", DCT)]),
        ("وقعت الحرب قبل ثلاث سنوات.", [("قبل ثلاث سنوات", DATE, "2016", DCT)]),
        ("والثلاثاء التقى الوزير نظيره.", [("الثلاثاء", DATE, "2019-01-22", DCT)]),
        ("وبالأمس التقى الوزير نظيره.", [("الأمس", DATE, "2019-01-22", DCT)]),
        ("وكانت الحكومة قد أعلنت في ديسمبر الماضي عن خطة تمتد حتى عام 2025.",
         [("ديسمبر الماضي", DATE, "2018-12", DCT), ("عام 2025", DATE, "2025", ABS)]),
        ("وينمو الاقتصاد بنسبة 3% هذا العام و3.5% العام المقبل.",
         [("هذا العام", DATE, "2019", DCT), ("العام المقبل", DATE, "2020", DCT)]),
        ("وقع الهجوم في 3 مارس 2017. وفي اليوم التالي استقال الوزير.",
         [("3 مارس 2017", DATE, "2017-03-03", ABS), ("اليوم التالي", DATE, "2017-03-04", TEXT)]),
        ("في التسعينيات من القرن الماضي، وفي القرن العشرين.",
         [("التسعينيات من القرن الماضي", DATE, "199", ABS), ("القرن العشرين", DATE, "19", ABS)]),
        ("الربع الأول من عام 2019 وصيف 2016.",
         [("الربع الأول من عام 2019", DATE, "2019-Q1", ABS), ("صيف 2016", DATE, "2016-SU", ABS)]),
        ("واعتقل مساء الأحد.", [("مساء الأحد", DATE, "2019-01-20TEV", DCT)]),
        ("وتبدأ الجلسة الساعة 10:30 صباحا.", [("10:30 صباحا", TIME, "2019-01-23T10:30", DCT)]),
        ("الثلاثاء 16 جمادى الأولى 1440 هـ الموافق 22 يناير 2019 م",
         [("الثلاثاء", DATE, "2019-01-22", DCT), ("22 يناير 2019", DATE, "2019-01-22", ABS)]),
    ],
)  # fmt: skip
def test_arabic_news_dates(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تراجعت المبيعات في مطلع 2016.", ("مطلع 2016", "2016", "START")),
        ("تغلق المحطة نهاية عام 2018.", ("نهاية عام 2018", "2018", "END")),
        ("استؤنفت الأشغال منتصف 2016.", ("منتصف 2016", "2016", "MID")),
        ("انخفضت الأسعار أواخر يناير.", ("أواخر يناير", "2019-01", "LATE")),
    ],
)
def test_modifiers_are_kept(text, expected):
    (m,) = tag(text, None, WED, "ar")
    assert (m.text, m.value, m.time.mod) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يستمر التعاون منذ 25 عاما.", ("25 عاما", DURATION, "P25Y", None)),
        ("يستمر التعاون منذ نحو 25 عاما.", ("نحو 25 عاما", DURATION, "P25Y", "APPROX")),
        ("قضى عامين في السجن.", ("عامين", DURATION, "P2Y", None)),
        ("يستمر الإضراب منذ ثلاثة أسابيع.", ("ثلاثة أسابيع", DURATION, "P3W", None)),
        ("يستمر الإضراب منذ عامين ونصف.", ("عامين ونصف", DURATION, "P2Y6M", None)),
        ("تتواصل الأزمة منذ سنوات.", ("سنوات", DURATION, "PXY", None)),
        ("يجتمع المجلس كل عام.", ("كل عام", SET, "P1Y", None)),
        ("تقام الانتخابات كل أربع سنوات.", ("كل أربع سنوات", SET, "P4Y", None)),
        ("يجتمع المجلس كل يوم جمعة.", ("كل يوم جمعة", SET, "XXXX-WXX-5", None)),
        ("ويصدر التقرير سنويا.", ("سنويا", SET, "P1Y", None)),
        ("ويعيش حاليا في باريس.", ("حاليا", DATE, "PRESENT_REF", None)),
    ],
)  # fmt: skip
def test_durations_sets_and_references_are_not_dates(text, expected):
    (m,) = tag(text, None, WED, "ar")
    assert (m.text, m.type, m.value, m.time.mod) == expected
    assert m.resolution == NONE and not m.time.is_calendar


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وقال الوزير الخميس إن المفاوضات انتهت.", "2019-01-17"),
        ("سوف يزور الوزير الرباط الخميس.", "2019-01-24"),
        ("سيزور الوزير الرباط الخميس.", "2019-01-24"),
        ("ومن المقرر أن يعقد الاجتماع يوم الخميس.", "2019-01-24"),
        ("قال الوزير إن الاجتماع سيعقد الخميس.", "2019-01-24"),  # the nearest cue decides
        ("الخميس، سيعقد الاجتماع في بروكسل.", "2019-01-24"),  # the verb after the day
    ],
)
def test_a_bare_weekday_looks_back_unless_a_future_cue_governs_it(text, value):
    assert [m.value for m in tag(text, None, WED, "ar")] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "وقال الأمين العام للأمم المتحدة إن الوضع خطير.",  # the general, not the year
        "وبشكل عام، تحسن الوضع.",
        "وقال مراسل روسيا اليوم إن الوضع هادئ.",  # a channel's name
        "وأقيمت صلاة الجمعة في المسجد.",  # prayers, not a date
        "واحتفل المغرب باليوم الوطني للمرأة.",
        "ومارس الضغط على الحكومة.",  # "he practised": not March
        "ووصل 2000 جندي إلى الحدود.",
        "واعتقل الرجل البالغ من العمر 25 عاما.",  # an age
        "وكان ذلك عام 1440 هـ.",  # a Hijri year is no Gregorian year
        "وجرى الحوار بين الاثنين.",  # "the two", not Monday
        "وغدا من الضروري إصلاح القطاع.",  # "it became", not tomorrow
    ],
)
def test_false_positives(text):
    assert found(text) == []


def test_without_publication_date_relative_stays_unresolved():
    text = "وصل الوفد أمس والثلاثاء الماضي والأسبوع الماضي و22 يناير وعام 1994."
    got = found(text, None)
    assert got == [
        ("أمس", DATE, "XXXX-XX-XX", UNRESOLVED),
        ("الثلاثاء الماضي", DATE, "XXXX-WXX-2", UNRESOLVED),
        ("الأسبوع الماضي", DATE, "XXXX-WXX", UNRESOLVED),
        ("22 يناير", DATE, "XXXX-01-22", UNRESOLVED),
        ("عام 1994", DATE, "1994", ABS),
    ]


def test_vowel_marks_and_tatweel_keep_offsets():
    text = "وَصَلَ الوفدُ أَمْسِ، ويغادر غـداً في ٢٢ ينايـر ٢٠١٩."
    mentions = tag(text, None, WED, "ar")
    assert [(m.text, m.value) for m in mentions] == [
        ("أَمْسِ", "2019-01-22"), ("غـداً", "2019-01-24"), ("٢٢ ينايـر ٢٠١٩", "2019-01-22")
    ]  # fmt: skip
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_offsets_and_sentences():
    text = "الرباط – استقبل الوزير يوم الثلاثاء وفدا من الحلف.\nوتأسس الحوار عام 1994."
    sents = sentences(text)
    mentions = tag(text, sents, WED, "ar")
    assert [(m.text, m.sentence) for m in mentions] == [("يوم الثلاثاء", 0), ("عام 1994", 1)]
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert sents[m.sentence].start <= m.start < m.end <= sents[m.sentence].end


def test_points_ahead_reads_arabic_cues():
    assert points_ahead("سوف يزور الوزير الرباط", 5, language="ar")
    assert points_ahead("سيزور الوزير الرباط", 0, language="ar")
    assert not points_ahead("زار الوزير الرباط أمس", 0, language="ar")
    assert not points_ahead("وقال الوزير السياسة واضحة", 0, language="ar")  # not "سـ" + verb


@pytest.mark.parametrize(
    ("code", "grammar"),
    [("ar", "ar"), ("ar-MA", "ar"), ("Arabic", "ar"), ("fr_CA", "fr"), ("French", "fr"),
     ("es-419", "es"), ("español", "es"), ("en", "en"), ("de", "en"), ("", "en")],
)  # fmt: skip
def test_language_codes(code, grammar):
    assert grammar_language(code) == grammar


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_every_rule_has_a_reading_and_a_trigger(language):
    from timeline.temporal.core import grammar
    from timeline.temporal.readings import READINGS

    g = grammar(language)
    assert {g.reading(name) for name, _, _ in g.rules} <= set(READINGS)
    assert all(needs and all(needs) for _, _, needs in g.rules)


def test_dateparsers_regional_month_names_are_read():
    pytest.importorskip("dateparser")
    # "كانون 2" (January) and the Mauritanian "دجمبر" are in dateparser's data, not ours
    assert [m.value for m in tag("في 22 كانون 2 2019 و5 دجمبر 2018.", None, WED, "ar")] == [
        "2019-01-22", "2018-12-05"
    ]  # fmt: skip


_ARABIC = (
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى ٠١٢٣٤٥٦٧٨٩0123456789،؛؟.:/()"
    "\u064b\u064f\u0650\u0651\u0652\u0640\n"  # vowel marks and tatweel
)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ARABIC, max_size=300))
def test_arbitrary_arabic_text_never_raises_and_offsets_hold(text):
    for m in tag(text, None, WED, "ar"):
        assert text[m.start : m.end] == m.text
        assert m.start < m.end


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["يوم", "22", "يناير", "2019", "الثلاثاء", "الماضي", "المقبل", "قبل", "عامين", "في",
             "1994", "منذ", "عام", "مطلع", "نهاية", "الأسبوع", "أمس", "اليوم", "غداً", "،", ".",
             "\n", "كل", "جمعة", "مارس", "31", "فبراير", "جندي", "نحو", "٢٢", "٢٠١٩", "10:30",
             "صباحا", "التالي", "التسعينيات", "القرن", "الربع", "الأول", "من", "صيف", "سنوات",
             "سوف", "والثلاثاء", "بالأمس", "هـ", "كانون", "الثاني", "/", "ـ"]
        ),
        max_size=60,
    ),
    st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
)  # fmt: skip
def test_near_misses_never_raise(tokens, published):
    text = " ".join(tokens)
    for m in tag(text, None, published, "ar"):
        assert text[m.start : m.end] == m.text
        if m.time.is_calendar:
            assert m.time.start <= m.time.end


def test_long_adversarial_text_is_tagged_in_linear_time():
    chunk = "يوم 22 يناير، 2019-13-45 الثلاثاء الماضي 22 التسعينيات كل 1500 شخص قبل عامين "
    text = chunk * (60_000 // len(chunk))
    started = time.perf_counter()
    assert tag(text, None, WED, "ar")
    tag("الثلاثاء" + " " * 50_000 + "الماضي" + "و" * 50_000, None, WED, "ar")
    tag("قبل " * 20_000 + "ـ" * 20_000, None, WED, "ar")
    assert time.perf_counter() - started < 10
