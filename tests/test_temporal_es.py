"""The temporal tagger on Spanish news: the same contract as English (test_temporal.py)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import DATE, DURATION, SET, TIME
from timeline.segment import sentences
from timeline.temporal import points_ahead, tag

WED = date(2019, 1, 23)  # a Wednesday
ABS, DCT, TEXT, NONE, UNRESOLVED = (
    "absolute", "relative-to-publication", "relative-to-text", "not-a-date", "unresolved"
)  # fmt: skip


def found(text: str, published: date | None = WED) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.type, m.value, m.resolution) for m in tag(text, None, published, "es")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El ministro recibió el 22 de enero de 2019 a su homólogo francés.",
         [("22 de enero de 2019", DATE, "2019-01-22", ABS)]),
        ("La cumbre se celebró el 22 de enero en Rabat.",
         [("22 de enero", DATE, "2019-01-22", DCT)]),
        ("La reunión tuvo lugar el martes 22 de enero en Madrid.",
         [("martes 22 de enero", DATE, "2019-01-22", DCT)]),
        ("El Gobierno aprobó el proyecto el pasado martes.",
         [("pasado martes", DATE, "2019-01-22", DCT)]),
        ("El Gobierno aprobó el proyecto el martes pasado.",
         [("martes pasado", DATE, "2019-01-22", DCT)]),
        ("El Congreso votará el próximo martes la reforma.",
         [("próximo martes", DATE, "2019-01-29", DCT)]),
        ("El presidente firmó el acuerdo el martes en Bruselas.",
         [("martes", DATE, "2019-01-22", DCT)]),
        ("El ministro recibió este martes a una delegación de la OTAN.",
         [("este martes", DATE, "2019-01-22", DCT)]),
        ("Ayer, el Gobierno anunció nuevas medidas.", [("Ayer", DATE, "2019-01-22", DCT)]),
        ("Hoy se celebra el debate en el Senado.", [("Hoy", DATE, "2019-01-23", DCT)]),
        ("El presidente viajará mañana a Bruselas.", [("mañana", DATE, "2019-01-24", DCT)]),
        ("Mañana por la mañana se reunirá el consejo.",
         [("Mañana por la mañana", DATE, "2019-01-24TMO", DCT)]),
        ("Esta mañana, el rey inauguró la feria.",
         [("Esta mañana", DATE, "2019-01-23TMO", DCT)]),
        ("Anteayer, la tormenta golpeó Galicia.", [("Anteayer", DATE, "2019-01-21", DCT)]),
        ("Los precios bajaron la semana pasada.", [("la semana pasada", DATE, "2019-W03", DCT)]),
        ("El paro subió el año pasado.", [("el año pasado", DATE, "2018", DCT)]),
        ("La crisis estalló hace dos años.", [("hace dos años", DATE, "2017", DCT)]),
        ("Marruecos es socio de la OTAN desde 1995 y firmó en 1994.",
         [("1995", DATE, "1995", ABS), ("1994", DATE, "1994", ABS)]),
        ("El acuerdo se firmó en enero de 2019.", [("enero de 2019", DATE, "2019-01", ABS)]),
        ("El acuerdo, firmado en diciembre pasado, entrará en vigor el 1 de julio de 2019.",
         [("diciembre pasado", DATE, "2018-12", DCT),
          ("1 de julio de 2019", DATE, "2019-07-01", ABS)]),
        ("El pasado 22 de enero se cumplieron 56 años del Tratado del Elíseo.",
         [("pasado 22 de enero", DATE, "2019-01-22", DCT), ("56 años", DURATION, "P56Y", NONE)]),
        ("El paro bajó al 14,5 % en el tercer trimestre de 2018, frente al 16,4 % un año antes.",
         [("tercer trimestre de 2018", DATE, "2018-Q3", ABS),
          ("un año antes", DATE, "2017", TEXT)]),
        ("La huelga, que comenzó hace tres semanas, continuará hasta finales de mes.",
         [("hace tres semanas", DATE, "2019-W01", DCT),
          ("finales de mes", DATE, "2019-01", DCT)]),
        ("La economía crecerá este año y el año que viene.",
         [("este año", DATE, "2019", DCT), ("el año que viene", DATE, "2020", DCT)]),
        ("El 3 de marzo de 2017 estalló la crisis. Al día siguiente dimitió el ministro.",
         [("3 de marzo de 2017", DATE, "2017-03-03", ABS),
          ("Al día siguiente", DATE, "2017-03-04", TEXT)]),
        ("En los años noventa, durante el siglo XX, el país cambió.",
         [("años noventa", DATE, "199", ABS), ("siglo XX", DATE, "19", ABS)]),
        ("El verano de 2016 fue caluroso.", [("verano de 2016", DATE, "2016-SU", ABS)]),
        ("El partido empezará a las 21:00 horas.",
         [("21:00 horas", TIME, "2019-01-23T21:00", DCT)]),
        ("El presidente habló el domingo por la noche.",
         [("domingo por la noche", DATE, "2019-01-20TNI", DCT)]),
        ("La ley se aprobó el 22/01/2019.", [("22/01/2019", DATE, "2019-01-22", ABS)]),
    ],
)  # fmt: skip
def test_spanish_news_dates(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A principios de 2016 las ventas cayeron.", ("principios de 2016", "2016", "START")),
        ("La central cerrará a finales de 2018.", ("finales de 2018", "2018", "END")),
        ("Las obras se reanudaron a mediados de 2016.", ("mediados de 2016", "2016", "MID")),
        ("A finales de enero bajaron los precios.", ("finales de enero", "2019-01", "END")),
        ("A finales del año pasado la deuda subió.", ("finales del año pasado", "2018", "END")),
    ],
)  # fmt: skip
def test_modifiers_are_kept(text, expected):
    (m,) = tag(text, None, WED, "es")
    assert (m.text, m.value, m.time.mod) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La relación dura 25 años.", ("25 años", DURATION, "P25Y", None)),
        ("Pasó más de 25 años en prisión.", ("más de 25 años", DURATION, "P25Y", "MORE_THAN")),
        ("El conflicto dura desde hace unos 25 años.",
         ("unos 25 años", DURATION, "P25Y", "APPROX")),
        ("Vive en Madrid desde hace dos años.", ("dos años", DURATION, "P2Y", None)),
        ("Las obras duraron dos años y medio.", ("dos años y medio", DURATION, "P2Y6M", None)),
        ("Las negociaciones siguen durante varios meses.", ("varios meses", DURATION, "PXM", None)),
        ("Las patrullas pasan cada día.", ("cada día", SET, "P1D", None)),
        ("Las patrullas pasan todos los días.", ("todos los días", SET, "P1D", None)),
        ("La cumbre se celebra cada dos años.", ("cada dos años", SET, "P2Y", None)),
        ("El mercado abre todos los lunes.", ("todos los lunes", SET, "XXXX-WXX-1", None)),
        ("Los precios suben un 5 % al año.", ("al año", SET, "P1Y", None)),
        ("Hoy en día el país tiene 47 millones de habitantes.",
         ("Hoy en día", DATE, "PRESENT_REF", None)),
    ],
)  # fmt: skip
def test_durations_sets_and_references_are_not_dates(text, expected):
    (m,) = tag(text, None, WED, "es")
    assert (m.text, m.type, m.value, m.time.mod) == expected
    assert m.resolution == NONE and not m.time.is_calendar


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("El presidente firmó el acuerdo el jueves.", "2019-01-17"),
        ("El presidente va a firmar el acuerdo el jueves.", "2019-01-24"),
        ("El jueves, el presidente viajará a Bruselas.", "2019-01-24"),
        ("El jueves, el presidente viajó a Bruselas.", "2019-01-17"),
        ("Está previsto que el consejo se reúna el viernes.", "2019-01-25"),
        ("El partido se jugará el sábado en Madrid.", "2019-01-26"),
    ],
)
def test_a_bare_weekday_looks_back_unless_a_future_cue_governs_it(text, value):
    assert [m.value for m in tag(text, None, WED, "es")] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Por la mañana salió el sol.",  # the morning, not tomorrow
        "La reunión terminó a las 10 de la mañana en punto.",  # a time, not tomorrow
        "Toda la mañana llovió en Sevilla.",
        "Los manifestantes llegaron a la Plaza de Mayo.",  # a name, not May
        "El tráfico se cortó en la Avenida 9 de Julio.",
        "Más de 2000 soldados y 1500 personas fueron evacuados.",
        "Un hombre de 25 años fue detenido.",  # an age
        "Tiene 30 años y vive en Lima.",
        "Murió a los 45 años.",
        "Un día volverá a su pueblo.",
        "El Viernes Santo salen las procesiones.",
        "Consulte la página 1994 del informe.",
    ],
)
def test_false_positives(text):
    assert [m for m in found(text) if m[1] != TIME] == []


def test_today_and_yesterday_with_the_weekday():
    assert found("Hoy martes, la huelga continúa.", date(2019, 1, 22)) == [
        ("Hoy martes", DATE, "2019-01-22", DCT)
    ]
    assert found("Ayer lunes, la huelga comenzó.", date(2019, 1, 22)) == [
        ("Ayer lunes", DATE, "2019-01-21", DCT)
    ]


def test_without_publication_date_relative_stays_unresolved():
    text = "El pasado martes, ayer y la semana pasada, el 22 de enero y en 1994."
    by_text = {m.text: m for m in tag(text, None, None, "es")}
    expected = [("pasado martes", "XXXX-WXX-2"), ("ayer", "XXXX-XX-XX"),
                ("la semana pasada", "XXXX-WXX"), ("22 de enero", "XXXX-01-22")]  # fmt: skip
    for expr, value in expected:
        assert (by_text[expr].value, by_text[expr].resolution) == (value, UNRESOLVED)
    assert (by_text["1994"].value, by_text["1994"].resolution) == ("1994", ABS)


def test_offsets_and_sentences():
    text = "Madrid – El martes, el ministro recibió a sus homólogos.\nEn 1994 empezó el diálogo."
    sents = sentences(text)
    mentions = tag(text, sents, WED, "es")
    assert [(m.text, m.sentence) for m in mentions] == [("martes", 0), ("1994", 1)]
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert sents[m.sentence].start <= m.start < m.end <= sents[m.sentence].end


def test_only_the_articles_language_runs():
    text = "El martes pasado llegó; le mardi aussi."
    assert [m.text for m in tag(text, None, WED, "es")] == ["martes pasado"]
    assert [m.text for m in tag(text, None, WED, "es_MX")] == ["martes pasado"]


def test_points_ahead_reads_spanish_cues():
    assert points_ahead("El ministro va a firmar el acuerdo", 12, language="es")
    assert points_ahead("El ministro viajará a Bruselas", 12, language="es")
    assert not points_ahead("El ministro firmó el acuerdo", 12, language="es")


def test_absolute_values_agree_with_dateparser():
    dateparser = pytest.importorskip("dateparser")
    for text in ("22 de enero de 2019", "1 de julio de 2019", "3 de marzo de 2017"):
        (m,) = tag(f"El {text}, nada.", None, WED, "es")
        assert m.value == dateparser.parse(text, languages=["es"]).date().isoformat()


_SPANISH = "abcdefghijklmnopqrstuvwxyzñáéíóúü ABCDEJMLS'-.,:/()%¿¡0123456789\n"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_SPANISH, max_size=300))
def test_arbitrary_spanish_text_never_raises_and_offsets_hold(text):
    for m in tag(text, None, WED, "es"):
        assert text[m.start : m.end] == m.text
        assert m.start < m.end


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["el", "22", "de", "enero", "2019", "martes", "pasado", "próximo", "hace", "dos",
             "años", "en", "1994", "desde", "a", "finales", "principios", "la", "semana",
             "ayer", "hoy", "mañana", "esta", ",", ".", "\n", "todos", "los", "días", "cada",
             "Mayo", "31", "febrero", "soldados", "unos", "las", "18:00", "horas", "día",
             "siguiente", "víspera", "década", "siglo", "XX", "primer", "trimestre", "verano",
             "dentro", "después", "por", "viajará"]
        ),
        max_size=60,
    ),
    st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
)  # fmt: skip
def test_near_misses_never_raise(tokens, published):
    text = " ".join(tokens)
    for m in tag(text, None, published, "es"):
        assert text[m.start : m.end] == m.text
        if m.time.is_calendar:
            assert m.time.start <= m.time.end


def test_long_adversarial_text_is_tagged_in_linear_time():
    chunk = "el 22 de enero, 2019-13-45 el pasado martes 22 los años 1990 cada 1500 hace dos "
    text = chunk * (60_000 // len(chunk))
    started = time.perf_counter()
    assert tag(text, None, WED, "es")
    tag("martes" + " " * 50_000 + "pasado x", None, WED, "es")
    tag("hace " * 20_000, None, WED, "es")
    assert time.perf_counter() - started < 10
