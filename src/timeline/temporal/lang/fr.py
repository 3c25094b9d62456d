# ruff: noqa: E501  (one grammar rule a line reads best)
"""French: word tables and rules (see readings.py for what each rule's groups mean).

Extents follow the English grammar's habits: prepositions stay out ("en 1994" -> "1994",
"depuis 25 ans" -> "25 ans"), and so does the article that plays the part of English "on"
before a day or a weekday ("le 22 janvier" -> "22 janvier", "le mardi" -> "mardi"); the
article of a relative noun phrase stays in ("la semaine dernière", "l'an dernier", "la
veille"); other articles and determiners stay out ("les années 1990" -> "années 1990").
A month name alone is matched in lower case, as French writes it, and in any case with a
day number or a year ("Janvier 2019"), except "Mars", the planet, which is a month only
right after a day number ("8 Mars 2019").  Ages are no durations ("un homme de 25 ans",
"Jean (25 ans)"), nor are counts years ("2000 soldats", "page 1994").
"""

from __future__ import annotations

from typing import Any

from ..grammar import (
    DIGIT,
    YEAR4,
    Rule,
    Spec,
    number_reader,
    numbered,
    numeric_rules,
    tokens,
    word_tables,
)

MONTHS = numbered(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre", 1
)
MONTH_ABBR = {
    "janv": 1, "jan": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9, "sep": 9,
    "oct": 10, "nov": 11, "déc": 12,
}  # fmt: skip
WEEKDAYS = numbered("lundi mardi mercredi jeudi vendredi samedi dimanche")
DAY_WORDS = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2}
PARTS = {"matin": "MO", "matinée": "MO", "midi": "MI", "après-midi": "AF", "soir": "EV",
         "soirée": "EV", "nuit": "NI", "dans la nuit": "NI"}  # fmt: skip
RELS = {
    "dernier": "last", "dernière": "last", "passé": "last", "passée": "last",
    "écoulé": "last", "écoulée": "last", "prochain": "next", "prochaine": "next",
    "précédent": "prev", "précédente": "prev", "d'avant": "prev", "suivant": "following",
    "suivante": "following", "d'après": "following", "en cours": "this", "ce": "this",
    "cet": "this", "cette": "this",
}  # fmt: skip
MODS = {"début": "START", "fin": "END", "mi": "MID", "milieu": "MID", "courant": None}
DMODS = {
    "environ": "APPROX", "quelque": "APPROX", "près de": "LESS_THAN", "presque": "LESS_THAN",
    "plus de": "MORE_THAN", "un peu plus de": "MORE_THAN", "moins de": "LESS_THAN",
    "un peu moins de": "LESS_THAN", "au moins": "EQUAL_OR_MORE",
    "pas moins de": "EQUAL_OR_MORE", "au plus": "EQUAL_OR_LESS",
    "au maximum": "EQUAL_OR_LESS", "jusqu'à": "EQUAL_OR_LESS",
}  # fmt: skip
UNITS = {
    "an": "year", "ans": "year", "année": "year", "années": "year", "mois": "month",
    "semaine": "week", "semaines": "week", "jour": "day", "jours": "day", "journée": "day",
    "journées": "day", "décennie": "decade", "décennies": "decade", "siècle": "century",
    "siècles": "century", "heure": "hour", "heures": "hour", "minute": "minute",
    "minutes": "minute", "trimestre": "quarter", "trimestres": "quarter",
    "week-end": "weekend", "week-ends": "weekend", "weekend": "weekend",
    "weekends": "weekend", "matin": "morning", "matins": "morning", "soir": "evening",
    "soirs": "evening", "nuit": "night", "nuits": "night",
}  # fmt: skip
APPROX = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
          "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100}  # fmt: skip
SEASONS = {"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"}
ORDINALS = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "2ème": 2,
            "troisième": 3, "3e": 3, "3ème": 3, "quatrième": 4, "4e": 4, "4ème": 4,
            "dernier": -1}  # fmt: skip
DECADE_WORDS = {
    "vingt": 1920, "trente": 1930, "quarante": 1940, "cinquante": 1950, "soixante": 1960,
    "soixante-dix": 1970, "septante": 1970, "quatre-vingt": 1980, "quatre-vingts": 1980,
    "huitante": 1980, "octante": 1980, "quatre-vingt-dix": 1990, "nonante": 1990,
}  # fmt: skip
SET_ADVERBS = {"quotidiennement": "P1D", "hebdomadairement": "P1W", "mensuellement": "P1M",
               "annuellement": "P1Y"}  # fmt: skip
YEAR_RELS = {
    "l'année dernière": -1, "l'an dernier": -1, "l'année passée": -1, "l'an passé": -1,
    "l'année prochaine": 1, "l'an prochain": 1, "cette année": 0,
}  # fmt: skip
VAGUE = ("plusieurs", "quelques", "de nombreuses", "de nombreux", "nombreuses", "nombreux")


def _numbers() -> dict[str, int]:
    units = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
    out = {w: i for i, w in enumerate(units) if w}
    out["une"] = 1
    teens = ["dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept",
             "dix-huit", "dix-neuf"]  # fmt: skip
    out.update({w: 10 + i for i, w in enumerate(teens)})
    tens = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante",
            70: "septante", 80: "huitante", 90: "nonante"}  # fmt: skip
    for t, w in tens.items():
        out[w] = t
        for one in ("un", "une"):
            out[f"{w}-et-{one}"] = out[f"{w} et {one}"] = t + 1
        for u in range(2, 10):
            out[f"{w}-{units[u]}"] = t + u
    for i, w in enumerate(teens):  # soixante-dix .. soixante-dix-neuf
        out[f"soixante-{w}"] = 70 + i
    out["soixante-et-onze"] = out["soixante et onze"] = 71
    out["quatre-vingts"] = out["quatre-vingt"] = 80
    for u in range(1, 10):
        out[f"quatre-vingt-{units[u]}"] = 80 + u
    for i, w in enumerate(teens):
        out[f"quatre-vingt-{w}"] = 90 + i
    out.update({"cent": 100, "deux cents": 200, "trois cents": 300, "mille": 1000})
    return out


NUMBERS = _numbers()


number = number_reader(NUMBERS)


_LETTER = r"[^\W\d_]"


def rules(a: dict[str, Any]) -> list[Rule]:
    """The French rules, from the alternations ``a`` the engine built from the tables."""
    B = r"(?<!\w)"  # a word starts here (after an elided article too: "l'été")
    E = r"(?!\w)"  # and ends here
    WD = rf"(?P<wd>{a['weekday']})"
    MON = rf"(?P<mon>{a['month_lower']})"  # alone: lower case ("Mars" is the planet)
    MON_Y = rf"(?P<mon>{a['month_cased']})"  # with a year: any case but "Mars"
    MON_D = rf"(?P<mon>{a['month_any']}|{a['month_abbr']}\.?)"  # after a day number
    DAY = r"(?:(?P<day>3[01]|[12][0-9]|0?[1-9])(?:er|ᵉʳ)?|(?P<day1>premier))"
    YEAR = r"(?<![0-9])(?P<year>1[0-9]{3}|20[0-9]{2})(?![0-9])(?![.,][0-9])"
    DW = rf"(?P<dw>{a['day_word']})"
    MOD = r"(?P<mod>début|debut|fin|milieu|mi|courant)\s*+(?:-\s*+)?"
    OF = r"(?:de\s++|d'|du\s++mois\s++(?:de\s++|d'))?"
    REL = rf"(?P<rel>{a['rel_after']})"
    UNIT = rf"(?P<unit>{a['unit']})"
    NUM = rf"(?P<n>[0-9]{{1,4}}(?:[.,][0-9]+)?|{a['number']})"
    NUMX = rf"(?:{NUM}\s++|une\s++(?P<approxn>{a['approx']})\s++d')"
    DMOD = rf"(?P<dmod>{a['dmod']})"
    PART = r"(?P<part>matin|matinée|matinee|soir|soirée|soiree|après-midi|apres-midi|midi)"
    UNIT_REL = (
        r"(?P<unit>semaine|mois|année|annee|an|week-end|weekend|siècle|siecle|décennie|decennie)"
    )
    M, W, D, U = a["#month"], a["#weekday"], a["#day_word"], a["#unit"]
    digit, year4 = DIGIT, YEAR4
    return [
        *numeric_rules(),
        ("date", rf"(?<![\w'.,/:])(?P<x>(?:{DW}\s*+,?\s*+)?(?:{WD}\s*+,?\s*+(?:le\s++)?)?{DAY}\s++{MON_D}(?:\s*+,?\s*+{YEAR}|\s++{REL})?){E}", (digit, M)),
        ("month_year", rf"{B}(?P<x>(?:{MOD}{OF})?{MON_Y}(?:\s*+,\s*+|\s++)(?:de\s++)?{YEAR})", (year4, M)),
        ("month_rel", rf"{B}(?P<x>(?:{MOD}{OF})?{MON}\s++{REL}){E}", (M,)),
        ("month_relyear", rf"{B}(?P<x>(?:{MOD}{OF})?{MON}\s++(?:de\s++)?(?P<yrel>l'année\s++dernière|l'an\s++dernier|l'année\s++passée|l'an\s++passé|l'année\s++prochaine|l'an\s++prochain|cette\s++année)){E}", (M,)),
        ("month", rf"{B}(?P<x>(?:{MOD}{OF})?{MON}){E}", (M,)),
        ("year_mod", rf"{B}(?P<x>(?P<mod>début|debut|fin|milieu|mi)\s*+(?:-\s*+)?(?:de\s++l'année\s++|de\s++l'an\s++|de\s++|d'|l'année\s++)?{YEAR})", (year4,)),
        ("year", rf"{B}(?:en|depuis|dès|jusqu'en|jusqu'à|d'ici|avant|après|vers|courant|durant|pendant|année|l'année|l'an|an|cours\s++de|partir\s++de|saison)\s++(?P<x>{YEAR})", (year4,)),
        ("year_weak", rf"{B}(?:de|du|d'|à|au|et|entre|ou|pour|par|sur|contre|dans|mondial|coupe\s++du\s++monde|jeux)\s*+(?P<x>{YEAR})", (year4,)),
        ("year_bare", r"(?<![\w'.,/])(?P<x>(?P<year>19[0-9]{2}|20[0-9]{2}))(?![\w'])(?![.,/][0-9])", (year4,)),
        ("decade", rf"{B}(?P<x>(?:(?P<mod>début|debut|fin|milieu|mi)\s*+(?:-\s*+)?(?:des\s++|de\s++la\s++décennie\s++)?)?années\s++(?:(?P<dec>1[0-9]{{2}}0|20[0-9]0)|(?P<dec2>[1-9]0)|(?P<decw>{a['decade_word']}))){E}", (frozenset({"annees"}),)),
        ("century", rf"{B}(?P<x>(?:(?P<mod>début|debut|fin|milieu|mi)\s*+(?:-\s*+)?(?:du\s++)?)?(?P<cent>(?-i:[XVI]{{1,5}})|[0-9]{{1,2}})(?:e|ème|eme|è|ᵉ)\s++siècle){E}", (frozenset({"siecle"}),)),
        ("quarter", rf"{B}(?P<x>(?P<q>{a['ordinal']})\s++(?P<qh>trimestre|semestre)\s*+(?:de\s++l'année\s++|de\s++l'an\s++|de\s++|d')?{YEAR})", (year4, frozenset({"trimestre", "semestre"}))),
        ("season", rf"{B}(?P<x>(?P<season>{a['season']})\s++(?:de\s++l'année\s++|de\s++|d')?{YEAR})", (year4, a["#season"])),
        ("season_rel", rf"{B}(?P<x>(?P<season>{a['season']})\s++(?P<rel>dernier|prochain|passé|passe)){E}", (a["#season"],)),
        ("season_rel", rf"{B}(?P<x>(?P<rel>cet|ce)\s++(?P<season>{a['season']})){E}", (a["#season"],)),
        ("weekday", rf"{B}(?P<x>{DW}\s*+,?\s*+{WD}){E}", (D, W)),
        ("day_word", rf"(?<!\w)(?P<x>{DW}(?:\s++(?:au\s++)?{PART}|\s++(?P<part2>dans\s++la\s++nuit))?){E}", (D,)),
        ("this_part", rf"{B}(?P<x>(?:ce|cet|cette)\s++(?P<part>matin|soir|après-midi|apres-midi|nuit|midi|matinée|soirée)){E}", (frozenset(tokens(["matin", "soir", "midi", "nuit", "matinée", "soirée"])),)),
        ("weekday", rf"{B}(?P<x>(?:(?P<dem>ce)\s++)?{WD}(?:\s++{PART})?(?:\s++{REL})?){E}(?!\s++gras)", (W,)),
        ("unit_rel", rf"{B}(?P<x>(?:{MOD}(?:de\s++|d'|du\s++)?)?(?:la\s++|le\s++|l')?{UNIT_REL}\s++{REL}){E}", (U,)),
        ("unit_rel", rf"{B}(?P<x>(?:{MOD}(?:de\s++|d'|du\s++)?)?(?P<dem>cette|ce|cet)\s++{UNIT_REL}(?:-(?P<ci>ci|là|la))?){E}", (U,)),
        ("unit_mod", rf"{B}(?P<x>{MOD}(?:de\s++l'|de\s++la\s++|du\s++|d'|de\s++)(?P<unit>année|annee|an|mois|semaine)){E}", (U,)),
        ("anaphor", rf"{B}(?P<x>(?:la\s++|l')(?P<ana>veille|avant-veille)|(?:le\s++)?(?P<ana2>lendemain|surlendemain)){E}", (frozenset({"veille", "lendemain", "surlendemain"}),)),
        ("ago", rf"{B}(?P<x>il\s++y\s++a\s++(?:{DMOD}\s++)?(?:{NUMX}|des\s++)(?:d')?{UNIT}){E}", (U,)),
        ("ago_in", rf"{B}(?P<x>dans\s++(?:{DMOD}\s++)?{NUMX}(?:d')?{UNIT}){E}", (U,)),
        ("ago_later", rf"{B}(?P<x>{NUMX}(?:d')?{UNIT}\s++(?P<dir>plus\s++tard|auparavant|plus\s++tôt|plus\s++tot)){E}", (U,)),
        ("clock", r"(?<![\w:.,])(?P<x>(?P<h>[01]?[0-9]|2[0-3])\s*+[hH]\s*+(?P<mi>[0-5][0-9])?)(?!\w)", (digit, frozenset({"h"}))),
        ("clock", r"(?<![\w'])(?:à|vers|dès|avant|après|jusqu'à|a)\s++(?P<x>(?P<h>[01]?[0-9]|2[0-3])\s++heures?(?:\s++(?P<mi>[0-5][0-9]))?)(?!\w)", (digit, frozenset({"heure", "heures"}))),
        ("clock", r"(?<![\w:.,])(?P<x>(?P<h>[01]?[0-9]|2[0-3]):(?P<mi>[0-5][0-9]))(?![\w:])", (frozenset({"#:"}),)),
        ("duration", rf"{B}(?P<x>(?:{DMOD}\s++)?{NUMX}(?:(?:longues?|bonnes?|petites?|dernières?|derniers?|prochaines?|prochains?|premières?|premiers?)\s++)?(?:d')?{UNIT}(?P<half>\s++et\s++demie?)?){E}", (U,)),
        ("duration_vague", rf"{B}(?:depuis|pendant|durant|après|pour|en)\s++(?P<x>des\s++(?P<unit>années|annees|mois|semaines|jours|décennies|decennies|siècles|siecles|heures)){E}", (U,)),
        ("set", rf"{B}(?P<x>chaque\s++(?P<unit>{a['unit']}|{a['weekday']}|trimestre)){E}", (frozenset({"chaque"}),)),
        ("set", rf"{B}(?P<x>(?:tous|toutes)\s++les\s++(?:{NUM}\s++)?(?P<unit>{a['unit']}|(?:{a['weekday']})s)){E}", (frozenset({"tous", "toutes"}),)),
        ("set", r"(?:(?<=%\s)|(?<=[0-9]\s)|(?<=fois\s)|(?<=euros\s)|(?<=dollars\s)|(?<=millions\s)|(?<=milliards\s))(?P<x>par\s++(?P<unit>jour|semaine|mois|an|année|annee))(?![\w'])", (frozenset({"par"}),)),
        ("set", rf"{B}(?P<x>(?P<adv>{a['set_adverb']})){E}", (a["#set_adverb"],)),
        ("present", rf"{B}(?P<x>actuellement|à\s++présent|a\s++present|à\s++l'heure\s++actuelle|de\s++nos\s++jours|en\s++ce\s++moment|maintenant){E}", (frozenset(tokens(["actuellement", "présent", "actuelle", "jours", "moment", "maintenant"])),)),
        ("past", rf"{B}(?P<x>récemment|recemment|dernièrement|dernierement|par\s++le\s++passé|autrefois|naguère|ces\s++derni(?:è|e)res?\s++(?:années|annees|semaines|décennies|decennies)|ces\s++derniers\s++(?:mois|jours|temps)){E}", (frozenset(tokens(["récemment", "dernièrement", "passé", "autrefois", "naguère", "dernières", "derniers"])),)),
        ("future", rf"(?:{B}(?:à|a|dans)\s++(?P<x>l'avenir|le\s++futur)|{B}(?P<x2>prochainement|bientôt|bientot|les\s++(?:prochaines|prochains)\s++(?:années|annees|mois|semaines|jours|décennies)|les\s++(?:années|annees|mois|semaines|jours)\s++à\s++venir)){E}", (frozenset(tokens(["avenir", "futur", "prochainement", "bientôt", "prochaines", "prochains", "venir"])),)),
    ]  # fmt: skip


# Words before a number that make it an identifier or a count, not a year.
_ID_BEFORE = (
    r"(?:\bpage|\bp\.|\bn°|\bno\.?|\bnuméro|\bvol|\broute|\brn|\barticle|\bart\.|\bchambre"
    r"|\bbus|\bligne|\bloi|\bdécret|\bcode|\bmodèle|\bversion|\bles|\bdes|\bces|\bquelque"
    r"|\benviron|\bplus\s+de|\bmoins\s+de|\bprès\s+de|\bpres\s+de|\bsoit|\bdont|[$€£])\s*$"
)
_COUNT_AFTER = (
    r"^\s*+(?:%|‰|€|\$|£|euros?|dollars?|francs?|dirhams?|dinars?|livres?|km|kilomètres?"
    r"|mètres?|tonnes?|habitants?|personnes?|soldats?|morts?|blessés?|victimes?|emplois?"
    r"|postes?|voix|sièges?|membres?|hommes|femmes|enfants|élèves|étudiants?|salariés?"
    r"|employés?|familles|ménages|logements|maisons|points?|exemplaires|pages?|signatures"
    r"|participants?|visiteurs?|touristes?|manifestants?|réfugiés?|migrants?|détenus?"
    r"|prisonniers?|cas|militaires|policiers|agents|véhicules|voitures|entreprises|sociétés"
    r"|fois|mds?|millions?|milliards?|barils?|hectares?|ha|mètres|m2|m²|av\.?\s*J|avant\s+J"
    r"|AEC|BCE|av\.)(?!\w)"
)
# A following lower-case word ending like a plural ("2000 soldats"): a count, unless it is
# one of these words.
_PLURAL_AFTER = r"^\s++(?!(?:les|des|ces|mes|ses|tes|nos|vos|leurs|dans|sous|sans|vers|puis|alors|après|apres|depuis|plus|moins|très|tres|tous|pas|mais|jamais|toujours|aux|lors|dès|tandis|ainsi|ailleurs|parmi|avons|avez|sommes|êtes|étaient|avaient|furent|sont|ont|fois)\b)(?-i:[a-zàâçéèêëîïôûùüÿœ]{3,}[sx])\b"
# Ages: "âgé de 25 ans", "un homme de 25 ans", "il a 25 ans", "Jean (25 ans)".
_AGE_BEFORE = (
    r"(?:\bâgée?s?|\bagée?s?|\bgée?s?)\s+(?:de\s+)?$|\b(?:a|avait|aura|avoir|ont|avaient"
    r"|atteint|atteignait|fête|fêté|fêtera|fêtait|fêter|célèbre|célébré|célébrera|souffle"
    r"|soufflé|soufflera)\s+(?:(?:déjà|alors|aujourd'hui|désormais|maintenant|seulement"
    r"|tout\s+juste|à\s+peine|ses|son|sa|leurs?)\s+)*$|\bà\s+$|(?:\bhomme|\bfemme"
    r"|\bjeune|\bgarçon|\bgarcon|\bfille|\bfillette|\benfant|\badolescente?|\bétudiante?"
    r"|\bfils|\bbébé|\bvictime|\bsuspecte?|\bmilitante?|\bsoldat|\bpolicier|\bindividu|\bmère"
    r"|\bpère|\bfrère|\bsœur|\bsoeur|\bretraitée?|\bchauffeur|\bagriculteur|\bpatient"
    r"|\bpatiente|\bjoueur|\bjoueuse|\bathlète|\bchanteur|\bchanteuse|\bacteur|\bactrice"
    r"|\bauteur|\bhabitant|\bhabitante|\bressortissante?|\bcitoyenne?)s?\s+(?:\w+\s+)?de\s+$"
)
GUARDS = {
    "id_before": _ID_BEFORE,
    "count_after": _COUNT_AFTER,
    "plural_after": _PLURAL_AFTER,
    "age_before": _AGE_BEFORE,
    "generic_today_before": r"(?:\bd'|\bde\s+)$",
    "by_before": r"(?:\bd'ici|\bavant|\bjusqu'à|\bjusqu'a)\s+(?:la\s+)?$",
    "clock_not_before": r"\b(?:pendant|durant|depuis|en|dans)\s+$",
}


# Tense cues (cues.py): "va signer", "se rendra", "doit", "prévu"; "a signé", "hier".
# Lower-case words ending like a future tense that are not verbs.
NOT_FUTURE = (
    "front|affront|opéra|opera|caméra|camera|extra|ultra|contra|cobra|mantra|tiara|para"
    "|terra|libra|zebra|sierra|aura(?=\\s+(?:de|du|des|d'))|hora|flora|sura|tora|mara|tra"
)

FUTURE = (
    r"\b(?:va|vont|vais|vas|allons|allez|allait|allaient)\s+(?:(?:se|s'|y|en|le|la|les|lui|leur|"
    r"ne|pas|bientôt|enfin|donc|aussi)\s*)*[a-zàâçéèêëîïôûùüÿœ]+(?:er|ir|re|oir)\b"
    r"|\b(?:doit|doivent|devra|devront|devrait|devraient)\b"
    r"|\b(?:prévue?s?|programmée?s?|attendue?s?|annoncée?s?\s+pour|censée?s?)\b"
    r"|\b(?:aura|auront)\s+lieu\b|\bse\s+tiendra\b|\bprochaine?s?\b|\bdemain\b|\bà\s+venir\b"
    r"|\bd'ici\b|\bdès\s+que\b"
    rf"|(?-i:\b(?!(?:{NOT_FUTURE})\b)[a-zàâçéèêëîïôûùüÿœ]{{2,}}(?:ra|ront)\b)"
)

PAST = (
    r"\b(?:a|ont|avait|avaient|eut|eurent|aurait|auraient)\s+(?:(?:été|déjà|aussi|également|"
    r"bien|notamment|ainsi|enfin|pas|jamais|encore|finalement|alors|donc|lui-même|elle-même)"
    r"\s+)*[a-zàâçéèêëîïôûùüÿœ]+(?:é|ée|és|ées|i|is|ie|it|u|us|ue|ert|erts|int|aint|ait)\b"
    r"|\b(?:est|sont|s'est|se\s+sont|était|étaient|fut|furent)\s+(?!(?:prévue?s?|attendue?s?|"
    r"censée?s?|programmée?s?|annoncée?s?)\b)[a-zàâçéèêëîïôûùüÿœ]+(?:é|ée|és|ées|i|ie|is|u|ue|us)\b"
    r"|\b[a-zàâçéèêëîïôûùüÿœ]{3,}èrent\b|\bhier\b|\bdernière?s?\b|\bpassée?s?\b"
)


def spec() -> Spec:
    return Spec(
        language="fr",
        tables={
            **word_tables(globals()),
            "rel_after": {k: v for k, v in RELS.items() if k not in ("ce", "cet", "cette")},
            "lowercase_only": {"mars": 3},
            "half": {"semestre": True, "trimestre": False},
            "direction": {"plus tard": 1, "auparavant": -1, "plus tôt": -1},
            "dem": {"ce": "this", "cet": "this", "cette": "this"},
            "anaphor": {"veille": -1, "avant-veille": -2, "lendemain": 1, "surlendemain": 2},
        },
        number=number,
        rules=rules,
        guards=GUARDS,
        fold_accents=True,
        dateparser_months="abbr",
        future=FUTURE,
        past=PAST,
    )
