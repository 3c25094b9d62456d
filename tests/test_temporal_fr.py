"""The temporal tagger on French news: the same contract as English (test_temporal.py)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import DATE, DURATION, SET, TIME
from timeline.segment import sentences
from timeline.temporal import points_ahead, tag

WED = date(2019, 1, 23)  # a Wednesday: "mardi dernier" is the day before
ABS, DCT, TEXT, NONE, UNRESOLVED = (
    "absolute", "relative-to-publication", "relative-to-text", "not-a-date", "unresolved"
)  # fmt: skip


def found(text: str, published: date | None = WED) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.type, m.value, m.resolution) for m in tag(text, None, published, "fr")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre a reçu le 22 janvier 2019 son homologue espagnol.",
         [("22 janvier 2019", DATE, "2019-01-22", ABS)]),
        ("La réunion s'est tenue le 22 janvier à Rabat.",
         [("22 janvier", DATE, "2019-01-22", DCT)]),
        ("Le roi a reçu mardi 22 janvier 2019 le secrétaire général.",
         [("mardi 22 janvier 2019", DATE, "2019-01-22", ABS)]),
        ("Le Maroc a signé l'accord en janvier 2019, après l'avoir négocié en 1994.",
         [("janvier 2019", DATE, "2019-01", ABS), ("1994", DATE, "1994", ABS)]),
        ("Le Maroc est partenaire du Dialogue méditerranéen depuis 1995.",
         [("1995", DATE, "1995", ABS)]),
        ("Les deux ministres se sont rencontrés mardi dernier à Rabat.",
         [("mardi dernier", DATE, "2019-01-22", DCT)]),
        ("Les deux ministres se rencontreront mardi prochain à Madrid.",
         [("mardi prochain", DATE, "2019-01-29", DCT)]),
        ("Ce mardi, le Parlement a adopté le texte.", [("Ce mardi", DATE, "2019-01-22", DCT)]),
        ("Le ministre s'est rendu mardi à Rabat.", [("mardi", DATE, "2019-01-22", DCT)]),
        ("Lundi, la police a interpellé trois suspects.", [("Lundi", DATE, "2019-01-21", DCT)]),
        ("Hier, le gouvernement a annoncé sa démission.", [("Hier", DATE, "2019-01-22", DCT)]),
        ("Le texte est examiné aujourd'hui par les députés.",
         [("aujourd'hui", DATE, "2019-01-23", DCT)]),
        ("Le sommet s'ouvrira demain à Bruxelles.", [("demain", DATE, "2019-01-24", DCT)]),
        ("Avant-hier, la tempête a frappé la Bretagne.",
         [("Avant-hier", DATE, "2019-01-21", DCT)]),
        ("Les prix ont reculé la semaine dernière.",
         [("la semaine dernière", DATE, "2019-W03", DCT)]),
        ("Le chômage a baissé le mois dernier.", [("le mois dernier", DATE, "2018-12", DCT)]),
        ("L'année dernière, les exportations ont progressé.",
         [("L'année dernière", DATE, "2018", DCT)]),
        ("L'an dernier, le déficit s'est creusé.", [("L'an dernier", DATE, "2018", DCT)]),
        ("La crise a éclaté il y a deux ans.", [("il y a deux ans", DATE, "2017", DCT)]),
        ("Cette année, la croissance ralentira.", [("Cette année", DATE, "2019", DCT)]),
        ("Les prix augmenteront l'an prochain.", [("l'an prochain", DATE, "2020", DCT)]),
        ("L'accord, signé en décembre dernier, entrera en vigueur le 1er juillet 2019.",
         [("décembre dernier", DATE, "2018-12", DCT),
          ("1er juillet 2019", DATE, "2019-07-01", ABS)]),
        ("La grève, entamée il y a trois semaines, se poursuivra jusqu'à la fin du mois.",
         [("il y a trois semaines", DATE, "2019-W01", DCT),
          ("fin du mois", DATE, "2019-01", DCT)]),
        ("Le chômage a atteint 8,8 % au troisième trimestre 2018, contre 9,1 % un an plus tôt.",
         [("troisième trimestre 2018", DATE, "2018-Q3", ABS),
          ("un an plus tôt", DATE, "2017", TEXT)]),
        ("Il y a deux ans, le 3 mars 2017, il avait annoncé la réforme. Le lendemain, il "
         "démissionnait.",
         [("Il y a deux ans", DATE, "2017", DCT), ("3 mars 2017", DATE, "2017-03-03", ABS),
          ("Le lendemain", DATE, "2017-03-04", TEXT)]),
        ("Il est né en 1950. Cette année-là, la guerre de Corée éclatait.",
         [("1950", DATE, "1950", ABS), ("Cette année-là", DATE, "1950", TEXT)]),
        ("Les années 1990 furent marquées par la guerre, au XXe siècle.",
         [("années 1990", DATE, "199", ABS), ("XXe siècle", DATE, "19", ABS)]),
        ("L'été 2016 fut chaud, l'hiver dernier très froid.",
         [("été 2016", DATE, "2016-SU", ABS), ("hiver dernier", DATE, "2017-WI", DCT)]),
        ("Le match débutera à 20h45 au Stade de France.",
         [("20h45", TIME, "2019-01-23T20:45", DCT)]),
        ("Le président a parlé hier soir à la télévision.",
         [("hier soir", DATE, "2019-01-22TEV", DCT)]),
        ("Le drame s'est produit dans la nuit du 22 au 23 janvier 2019.",
         [("23 janvier 2019", DATE, "2019-01-23", ABS)]),
        ("La loi a été votée le 22/01/2019.", [("22/01/2019", DATE, "2019-01-22", ABS)]),
    ],
)  # fmt: skip
def test_french_news_dates(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Au début de 2016, les ventes ont chuté.", ("début de 2016", "2016", "START")),
        ("Début 2016, les ventes ont chuté.", ("Début 2016", "2016", "START")),
        ("La centrale fermera fin 2018.", ("fin 2018", "2018", "END")),
        ("Les travaux ont repris mi-2016.", ("mi-2016", "2016", "MID")),
        ("Les soldes débutent mi-janvier.", ("mi-janvier", "2019-01", "MID")),
        ("Fin janvier, les prix ont baissé.", ("Fin janvier", "2019-01", "END")),
        ("À la fin de l'année dernière, la dette a grimpé.",
         ("fin de l'année dernière", "2018", "END")),
        ("Le texte sera voté d'ici la fin de l'année.", ("fin de l'année", "2019", "END")),
    ],
)  # fmt: skip
def test_modifiers_are_kept(text, expected):
    (m,) = tag(text, None, WED, "fr")
    assert (m.text, m.value, m.time.mod) == expected
    assert m.time.granularity in ("year", "month")  # a year stays a year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le partenariat dure depuis 25 ans.", ("25 ans", DURATION, "P25Y", None)),
        ("Il a passé plus de 25 ans en prison.", ("plus de 25 ans", DURATION, "P25Y", "MORE_THAN")),
        ("Le conflit dure depuis une dizaine d'années.",
         ("une dizaine d'années", DURATION, "P10Y", "APPROX")),
        ("Le chantier a duré deux ans et demi.", ("deux ans et demi", DURATION, "P2Y6M", None)),
        ("Les négociations piétinent depuis plusieurs mois.",
         ("plusieurs mois", DURATION, "PXM", None)),
        ("Les patrouilles passent chaque jour.", ("chaque jour", SET, "P1D", None)),
        ("Les patrouilles passent tous les jours.", ("tous les jours", SET, "P1D", None)),
        ("Le sommet se tient tous les deux ans.", ("tous les deux ans", SET, "P2Y", None)),
        ("Le marché a lieu tous les mardis.", ("tous les mardis", SET, "XXXX-WXX-2", None)),
        ("Les prix montent de 5 % par an.", ("par an", SET, "P1Y", None)),
        ("Actuellement, le pays compte 35 millions d'habitants.",
         ("Actuellement", DATE, "PRESENT_REF", None)),
        ("Le Maroc d'aujourd'hui n'est plus celui des années de plomb.",
         ("aujourd'hui", DATE, "PRESENT_REF", None)),
    ],
)  # fmt: skip
def test_durations_sets_and_references_are_not_dates(text, expected):
    (m,) = tag(text, None, WED, "fr")
    assert (m.text, m.type, m.value, m.time.mod) == expected
    assert m.resolution == NONE and not m.time.is_calendar


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le ministre s'est rendu mardi à Rabat.", "2019-01-22"),
        ("Le ministre va se rendre mardi à Rabat.", "2019-01-29"),  # "va" + infinitive
        ("Mardi, le ministre se rendra à Rabat.", "2019-01-29"),  # the verb after the day
        ("Mardi, le ministre a signé l'accord.", "2019-01-22"),
        ("La réunion doit se tenir jeudi à Genève.", "2019-01-24"),
        ("La visite, prévue jeudi, a été confirmée.", "2019-01-24"),
        ("La cérémonie aura lieu samedi.", "2019-01-26"),
        ("Le ministre, qui a été reçu lundi, signera l'accord vendredi.", "2019-01-21"),
        ("Le match aura lieu mercredi soir.", "2019-01-23TEV"),  # the publication day itself
    ],
)
def test_a_bare_weekday_looks_back_unless_a_future_cue_governs_it(text, value):
    assert next(m.value for m in tag(text, None, WED, "fr")) == value


def test_a_weekday_given_with_a_date_picks_the_year():
    text = "Le sommet s'est ouvert le mardi 22 janvier."
    # in July, the January past (22 January 2019 was a Tuesday, 2020's a Wednesday)
    assert [m.value for m in tag(text, None, date(2019, 7, 15), "fr")] == ["2019-01-22"]
    # a weekday that fits no nearby year is a slip: the date closest to publication wins
    assert [m.value for m in tag(text, None, date(2024, 1, 10), "fr")] == ["2024-01-22"]


def test_tomorrow_with_the_date_is_one_expression_with_the_dates_value():
    text = "Demain, mardi 22 janvier, le ministre signera l'accord."
    assert found(text, date(2019, 1, 21)) == [("Demain, mardi 22 janvier", DATE, "2019-01-22", DCT)]
    assert found("Aujourd'hui mardi, la grève continue.", date(2019, 1, 22)) == [
        ("Aujourd'hui mardi", DATE, "2019-01-22", DCT)
    ]


def test_without_publication_date_relative_stays_unresolved():
    text = "Mardi dernier, hier et la semaine dernière, puis le 22 janvier et en 1994."
    by_text = {m.text: m for m in tag(text, None, None, "fr")}
    expected = [("Mardi dernier", "XXXX-WXX-2"), ("hier", "XXXX-XX-XX"),
                ("la semaine dernière", "XXXX-WXX"), ("22 janvier", "XXXX-01-22")]  # fmt: skip
    for expr, value in expected:
        assert (by_text[expr].value, by_text[expr].resolution) == (value, UNRESOLVED)
        assert not by_text[expr].time.is_calendar
    assert (by_text["1994"].value, by_text["1994"].resolution) == ("1994", ABS)


def test_a_year_stays_a_year_and_a_month_a_month():
    year, month = tag("En 1994, puis en janvier 2019.", None, WED, "fr")
    assert (year.time.granularity, year.time.start, year.time.end) == (
        "year", date(1994, 1, 1), date(1994, 12, 31)
    )  # fmt: skip
    assert (month.time.granularity, month.time.start, month.time.end) == (
        "month", date(2019, 1, 1), date(2019, 1, 31)
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Le rover a atterri sur Mars avec succès.",  # the planet, not March
        "La mission Mars Express tourne autour de la planète.",
        "Plus de 2 000 soldats ont été déployés.",
        "Quelque 2000 soldats ont été déployés.",
        "Le bilan s'élève à 2018 morts.",
        "Voir page 1994 du rapport.",
        "La loi n° 2019 a été abrogée.",
        "Un homme de 25 ans a été interpellé.",  # an age
        "Il a 25 ans et vit à Lyon.",
        "Jean (25 ans) a été blessé.",
        "Elle fêtera ses 30 ans en famille.",
        "Le Mardi gras a attiré la foule.",
        "Un jour, il reviendra.",  # some day, not a duration
        "Il me semble que ma mère est partie.",  # "me", "ma", "mer": no dateparser here
    ],
)
def test_false_positives(text):
    assert found(text) == []


def test_capitalised_mars_is_a_month_only_after_a_day_number():
    assert found("Le 8 Mars 2019, les femmes ont manifesté.") == [
        ("8 Mars 2019", DATE, "2019-03-08", ABS)
    ]
    assert found("En mars, les femmes ont manifesté.") == [("mars", DATE, "2019-03", DCT)]


def test_typographic_apostrophes_and_decomposed_accents_keep_offsets():
    text = (
        "La re\u0301union de l\u2019anne\u0301e dernie\u0300re a eu lieu le 22 fe\u0301vrier 2018."
    )
    got = [(m.text, m.value) for m in tag(text, None, WED, "fr")]
    assert got == [("l\u2019anne\u0301e dernie\u0300re", "2018"),
                   ("22 fe\u0301vrier 2018", "2018-02-22")]  # fmt: skip
    for m in tag(text, None, WED, "fr"):
        assert text[m.start : m.end] == m.text


def test_offsets_and_sentences():
    text = "Rabat – Mardi, le ministre a reçu ses homologues.\nEn 1994, le dialogue a débuté."
    sents = sentences(text)
    mentions = tag(text, sents, WED, "fr")
    assert [(m.text, m.sentence) for m in mentions] == [("Mardi", 0), ("1994", 1)]
    for m in mentions:
        s = sents[m.sentence]
        assert text[m.start : m.end] == m.text
        assert s.start <= m.start < m.end <= s.end


def test_no_expression_crosses_a_sentence_boundary():
    text = "Il est parti le 22.\nJanvier 2019 fut calme. Il y a\n\ndeux ans, rien."
    sents = sentences(text)
    for m in tag(text, sents, WED, "fr"):
        s = sents[m.sentence]
        assert s.start <= m.start < m.end <= s.end


def test_only_the_articles_language_runs():
    text = "On Tuesday, the minister met him; mardi dernier aussi."
    assert [m.text for m in tag(text, None, WED, "fr")] == ["mardi dernier"]
    assert [m.text for m in tag(text, None, WED, "en")] == ["Tuesday"]
    assert [m.text for m in tag(text, None, WED, "fr-CA")] == ["mardi dernier"]


def test_points_ahead_reads_french_cues():
    assert points_ahead("Le ministre va signer l'accord", 12, language="fr")
    assert points_ahead("Le sommet s'ouvrira demain", 20, language="fr")  # "demain" itself
    assert not points_ahead("Le ministre a signé l'accord hier", 12, language="fr")
    assert not points_ahead("Le ministre va signer l'accord", 12)  # English cues by default


def test_absolute_values_agree_with_dateparser():
    dateparser = pytest.importorskip("dateparser")
    for text in ("22 janvier 2019", "1er juillet 2019", "mardi 22 janvier 2019", "3 mars 2017"):
        (m,) = tag(f"Le {text}, rien.", None, WED, "fr")
        parsed = dateparser.parse(text, languages=["fr"], settings={"PREFER_DATES_FROM": "past"})
        assert m.value == parsed.date().isoformat()


_FRENCH = "abcdefghijklmnopqrstuvwxyzéèêàâçôûùïëœ ABCDEJMLS'’-.,:/()%0123456789\n\u0301\xa0"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_FRENCH, max_size=300))
def test_arbitrary_french_text_never_raises_and_offsets_hold(text):
    for m in tag(text, None, WED, "fr"):
        assert text[m.start : m.end] == m.text
        assert m.start < m.end


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["le", "22", "janvier", "2019", "mardi", "dernier", "prochain", "il", "y", "a",
             "deux", "ans", "en", "1994", "depuis", "fin", "début", "mi-", "l'année", "la",
             "semaine", "hier", "aujourd'hui", "demain", ",", ".", "\n", "tous", "les", "jours",
             "chaque", "Mars", "mars", "31", "février", "soldats", "une", "dizaine", "d'années",
             "18h30", "à", "heures", "ce", "lendemain", "veille", "années", "XXe", "siècle",
             "premier", "trimestre", "été", "dans", "plus", "tard", "va", "signera"]
        ),
        max_size=60,
    ),
    st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
)  # fmt: skip
def test_near_misses_never_raise(tokens, published):
    text = " ".join(tokens)
    for m in tag(text, None, published, "fr"):
        assert text[m.start : m.end] == m.text
        if m.time.is_calendar:
            assert m.time.start <= m.time.end


def test_long_adversarial_text_is_tagged_in_linear_time():
    chunk = "le 22 janvier, 2019-13-45 mardi dernier 22 les années 1990 s 1500 personnes il y a "
    text = chunk * (60_000 // len(chunk))
    started = time.perf_counter()
    assert tag(text, None, WED, "fr")
    tag("mardi" + " " * 50_000 + "dernier x", None, WED, "fr")
    tag("il y a " * 10_000, None, WED, "fr")
    assert time.perf_counter() - started < 10
