# ruff: noqa: E501  (one grammar rule a line reads best)
"""Spanish: word tables and rules (see readings.py for what each rule's groups mean).

Extents as in French (fr.py): prepositions out ("en 1994" -> "1994"), the article that
stands for English "on" out ("el martes" -> "martes", "el 22 de enero" -> "22 de enero"),
the article of a relative noun phrase in ("el año pasado", "la semana próxima", "al día
siguiente").  Month names alone are matched in lower case, as Spanish writes them, so that
"Plaza de Mayo" or "Avenida 9 de Julio" are no dates; with a year any case goes.
"mañana" is tomorrow only where it cannot be the morning ("esta mañana", "por la mañana",
"las 10 de la mañana" are mornings).
"""

from __future__ import annotations

from typing import Any

from ..grammar import (
    DIGIT,
    YEAR4,
    Rule,
    Spec,
    alt,
    number_reader,
    numbered,
    numeric_rules,
    tokens,
    word_tables,
)

MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}  # fmt: skip
MONTH_ABBR = {
    "ene": 1, "feb": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8, "sept": 9,
    "sep": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12,
}  # fmt: skip
WEEKDAYS = numbered("lunes martes miércoles jueves viernes sábado domingo")
DAY_WORDS = {
    "anteayer": -2, "antier": -2, "antes de ayer": -2, "antes de anoche": (-2, "NI"),
    "ayer": -1, "anoche": (-1, "NI"), "hoy": 0, "mañana": 1, "pasado mañana": 2,
}  # fmt: skip
PARTS = {"mañana": "MO", "madrugada": "MO", "mediodía": "MI", "tarde": "AF", "noche": "NI"}
RELS = {
    "pasado": "last", "pasada": "last", "próximo": "next", "próxima": "next",
    "que viene": "next", "entrante": "next", "anterior": "prev", "siguiente": "following",
    "en curso": "this", "este": "this", "esta": "this",
}  # fmt: skip
MODS = {"principios": "START", "comienzos": "START", "inicios": "START", "finales": "END",
        "fines": "END", "mediados": "MID"}  # fmt: skip
DMODS = {
    "unos": "APPROX", "unas": "APPROX", "alrededor de": "APPROX", "cerca de": "APPROX",
    "aproximadamente": "APPROX", "casi": "LESS_THAN", "más de": "MORE_THAN",
    "menos de": "LESS_THAN", "al menos": "EQUAL_OR_MORE", "por lo menos": "EQUAL_OR_MORE",
    "hasta": "EQUAL_OR_LESS", "no más de": "EQUAL_OR_LESS",
}  # fmt: skip
UNITS = {
    "año": "year", "años": "year", "mes": "month", "meses": "month", "semana": "week",
    "semanas": "week", "día": "day", "días": "day", "década": "decade",
    "décadas": "decade", "siglo": "century", "siglos": "century", "hora": "hour",
    "horas": "hour", "minuto": "minute", "minutos": "minute", "trimestre": "quarter",
    "trimestres": "quarter", "fin de semana": "weekend", "fines de semana": "weekend",
    "mañana": "morning", "mañanas": "morning", "tarde": "afternoon", "tardes": "afternoon",
    "noche": "night", "noches": "night",
}  # fmt: skip
SEASONS = {"primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI"}
ORDINALS = {"primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
            "último": -1}  # fmt: skip
DECADE_WORDS = {"veinte": 1920, "treinta": 1930, "cuarenta": 1940, "cincuenta": 1950,
                "sesenta": 1960, "setenta": 1970, "ochenta": 1980, "noventa": 1990}  # fmt: skip
SET_ADVERBS = {"diariamente": "P1D", "semanalmente": "P1W", "mensualmente": "P1M",
               "anualmente": "P1Y"}  # fmt: skip
DEMONSTRATIVES = {"este": "this", "esta": "this", "ese": "that", "esa": "that",
                  "aquel": "that", "aquella": "that"}  # fmt: skip
ANAPHORS = {"día siguiente": 1, "día después": 1, "día anterior": -1, "víspera": -1}
YEAR_RELS = {"de este año": 0, "del año pasado": -1, "del pasado año": -1,
             "del año próximo": 1, "del próximo año": 1, "del año que viene": 1}  # fmt: skip
VAGUE = ("varios", "varias", "algunos", "algunas", "muchos", "muchas", "pocos", "pocas",
         "unos pocos", "unas pocas", "unos", "unas")  # fmt: skip


def _numbers() -> dict[str, int]:
    units = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
    out = {w: i for i, w in enumerate(units) if w}
    out.update({"un": 1, "una": 1})
    teens = ["diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
             "dieciocho", "diecinueve"]  # fmt: skip
    out.update({w: 10 + i for i, w in enumerate(teens)})
    out["veinte"] = 20
    twenties = ["", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco",
                "veintiséis", "veintisiete", "veintiocho", "veintinueve"]  # fmt: skip
    out.update({w: 20 + i for i, w in enumerate(twenties) if w})
    out.update({"veintiún": 21, "veintiuna": 21})
    tens = {30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta", 70: "setenta",
            80: "ochenta", 90: "noventa"}  # fmt: skip
    for t, w in tens.items():
        out[w] = t
        for u in range(1, 10):
            out[f"{w} y {units[u]}"] = t + u
        out[f"{w} y un"] = out[f"{w} y una"] = t + 1
    out.update({"cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300, "mil": 1000})
    return out


NUMBERS = _numbers()


number = number_reader(NUMBERS)


def rules(a: dict[str, Any]) -> list[Rule]:
    B = r"(?<!\w)"
    E = r"(?!\w)"
    WD = rf"(?P<wd>{a['weekday']})"
    MON = rf"(?P<mon>{a['month_lower']})"
    MON_Y = rf"(?P<mon>{a['month_any']})"
    MON_YA = rf"(?P<mon>{a['month_any']}|{a['month_abbr']}\.)"
    DAY = r"(?:(?P<day>3[01]|[12][0-9]|0?[1-9])(?:º|°|\.º|o)?|(?P<day1>primero))"
    YEAR = r"(?<![0-9])(?P<year>1[0-9]{3}|20[0-9]{2})(?![0-9])(?![.,][0-9])"
    OF_YEAR = r"(?:\s*+,\s*+|\s++)(?:de(?:l)?\s++)?(?:año\s++)?"
    DW = rf"(?P<dw>{a['day_word_safe']})"
    MOD = r"(?P<mod>principios|comienzos|inicios|finales|fines|mediados)\s++(?:de(?:l)?\s++)"
    REL_B = r"(?P<rel>pasado|pasada|próximo|próxima|proximo|proxima|este|esta)"
    REL_A = r"(?P<rel2>pasado|pasada|próximo|próxima|proximo|proxima|que\s++viene|entrante|anterior|siguiente|en\s++curso)"
    UNIT = rf"(?P<unit>{a['unit']})"
    NUM = rf"(?P<n>[0-9]{{1,4}}(?:[.,][0-9]+)?|{a['number']})"
    DMOD = rf"(?P<dmod>{a['dmod']})"
    PART = r"(?:\s++(?:por|en|a)\s++la\s++(?P<part>mañana|manana|tarde|noche|madrugada))"
    UNIT_REL = r"(?P<unit>año|mes|semana|fin\s++de\s++semana|siglo|década|decada)"
    HOLY = r"(?!\s++(?:Santo|Santa|Negro|de\s++Pascua|de\s++Ramos|de\s++Ceniza|de\s++Carnaval|de\s++Gloria)\b)"
    M, W, D, U = a["#month"], a["#weekday"], a["#day_word"], a["#unit"]
    digit, year4 = DIGIT, YEAR4
    return [
        *numeric_rules(),
        ("date", rf"(?<![\w.,/:])(?P<x>(?:{DW}\s*+,?\s*+)?(?:{REL_B}\s++)?(?:{WD}\s*+,?\s*+(?:(?:el|del)\s++)?)?{DAY}\s++(?:de\s++)?{MON_YA}{OF_YEAR}{YEAR})", (digit, M)),
        ("date", rf"(?<![\w.,/:])(?P<x>(?:{DW}\s*+,?\s*+)?(?:{REL_B}\s++)?(?:{WD}\s*+,?\s*+(?:(?:el|del)\s++)?)?{DAY}\s++(?:de\s++)?{MON}(?:\s++{REL_A})?){E}", (digit, M)),
        ("month_year", rf"{B}(?P<x>(?:{MOD})?{MON_Y}{OF_YEAR}{YEAR})", (year4, M)),
        ("month", rf"{B}(?P<x>(?:{MOD})?(?:{REL_B}\s++)?(?:mes\s++de\s++)?{MON}(?:\s++{REL_A})?){E}", (M,)),
        ("month_relyear", rf"{B}(?P<x>(?:{MOD})?{MON}\s++(?P<yrel>de\s++este\s++año|del\s++año\s++pasado|del\s++pasado\s++año|del\s++año\s++próximo|del\s++próximo\s++año|del\s++año\s++que\s++viene)){E}", (M,)),
        ("year_mod", rf"{B}(?P<x>{MOD}(?:año\s++)?{YEAR})", (year4,)),
        ("year", rf"{B}(?:en|desde|hasta|antes\s++de|después\s++de|despues\s++de|a\s++partir\s++de|durante|para|hacia|año|el\s++año|del\s++año|temporada|campaña)\s++(?P<x>{YEAR})", (year4,)),
        ("year_weak", rf"{B}(?:de|del|a|al|y|e|entre|o|u|por|sobre|contra|mundial|juegos)\s++(?P<x>{YEAR})", (year4,)),
        ("year_bare", r"(?<![\w.,/])(?P<x>(?P<year>19[0-9]{2}|20[0-9]{2}))(?!\w)(?![.,/][0-9])", (year4,)),
        ("decade", rf"{B}(?P<x>(?:(?P<mod>principios|comienzos|inicios|finales|fines|mediados)\s++de\s++(?:los\s++|la\s++)?)?(?:década\s++de\s++(?:los\s++)?|decada\s++de\s++(?:los\s++)?|años\s++)(?:(?P<dec>1[0-9]{{2}}0|20[0-9]0)|(?P<dec2>[1-9]0)|(?P<decw>{a['decade_word']}))){E}", (frozenset({"anos", "decada"}),)),
        ("century", rf"{B}(?P<x>(?:(?P<mod>principios|comienzos|inicios|finales|fines|mediados)\s++del\s++)?siglo\s++(?P<cent>(?-i:[XVI]{{1,5}})|[0-9]{{1,2}})){E}", (frozenset({"siglo"}),)),
        ("quarter", rf"{B}(?P<x>(?P<q>{a['ordinal']})\s++(?P<qh>trimestre|semestre)\s++(?:de(?:l)?\s++)?(?:año\s++)?{YEAR})", (year4, frozenset({"trimestre", "semestre"}))),
        ("season", rf"{B}(?P<x>(?P<season>{a['season']})\s++(?:de(?:l)?\s++)?(?:año\s++)?{YEAR})", (year4, a["#season"])),
        ("season_rel", rf"{B}(?P<x>(?:{REL_B}\s++)?(?P<season>{a['season']})(?:\s++{REL_A})?){E}", (a["#season"],)),
        ("weekday", rf"{B}(?P<x>{DW}\s*+,?\s*+{WD}){E}", (D, W)),
        ("day_word", rf"{B}(?P<x>{DW}{PART}?){E}", (D,)),
        ("this_part", rf"{B}(?P<x>(?:esta|este)\s++(?P<part>mañana|manana|tarde|noche|mediodía|mediodia|madrugada)){E}", (frozenset({"manana", "tarde", "noche", "mediodia", "madrugada"}),)),
        ("weekday", rf"(?<!\blos\s)(?<!\blas\s)(?<!\bcada\s)(?<!\btodos\slos\s){B}(?P<x>(?:{REL_B}\s++)?{WD}(?:\s++{REL_A})?{PART}?){E}{HOLY}", (W,)),
        ("unit_rel", rf"{B}(?P<x>(?:{MOD})?(?:(?:el|la|al|del)\s++)?{REL_B}\s++{UNIT_REL}){E}", (U,)),
        ("unit_rel", rf"{B}(?P<x>(?:{MOD})?(?:(?:el|la|al|del)\s++)?{UNIT_REL}\s++{REL_A}){E}", (U,)),
        ("unit_rel", rf"{B}(?P<x>(?:{MOD})?(?P<dem>este|esta|ese|esa|aquel|aquella)\s++{UNIT_REL}){E}", (U,)),
        ("unit_mod", rf"{B}(?P<x>{MOD}(?P<unit>año|mes|semana)){E}(?!\s++[0-9])", (U,)),
        ("anaphor", rf"{B}(?P<x>(?:el\s++|al\s++)(?P<ana>día\s++siguiente|dia\s++siguiente|día\s++anterior|dia\s++anterior|día\s++después|dia\s++despues)|la\s++(?P<ana2>víspera|vispera)){E}", (frozenset({"dia", "vispera"}),)),
        ("ago", rf"(?<!\bdesde\s){B}(?P<x>hace\s++(?:{DMOD}\s++)?(?:{NUM}\s++)?{UNIT}){E}", (frozenset({"hace"}), U)),
        ("ago_in", rf"{B}(?P<x>dentro\s++de\s++(?:{DMOD}\s++)?{NUM}\s++{UNIT}){E}", (frozenset({"dentro"}), U)),
        ("ago_later", rf"{B}(?P<x>{NUM}\s++{UNIT}\s++(?P<dir>después|despues|más\s++tarde|mas\s++tarde|antes)){E}(?!\s++(?:de|del|que)\b)", (U,)),
        ("clock", rf"{B}(?:a\s++las?|las?|desde\s++las?|hasta\s++las?|sobre\s++las?)\s++(?P<x>(?P<h>[01]?[0-9]|2[0-3])(?:[.:](?P<mi>[0-5][0-9]))?(?:\s++horas?|\s++hs?\b|\s++de\s++la\s++(?P<ap>mañana|manana|tarde|noche|madrugada))?)(?![\w:])", (digit, frozenset({"la", "las"}))),
        ("clock", r"(?<![\w:.,])(?P<x>(?P<h>[01]?[0-9]|2[0-3]):(?P<mi>[0-5][0-9])(?:\s++horas?)?)(?![\w:])", (frozenset({"#:"}),)),
        ("duration", rf"{B}(?P<x>(?:{DMOD}\s++)?{NUM}\s++(?:(?:largos?|largas?|últimos|últimas|ultimos|ultimas|próximos|próximas|proximos|proximas|primeros|primeras)\s++)?{UNIT}(?P<half>\s++y\s++medio)?){E}", (U,)),
        ("duration_vague", rf"{B}(?:desde\s++hace|durante|por|tras|después\s++de)\s++(?P<x>(?P<unit>años|meses|semanas|días|dias|décadas|decadas|siglos|horas)){E}", (U,)),
        ("set", rf"{B}(?P<x>cada\s++(?:{NUM}\s++)?(?P<unit>{a['unit']}|{a['weekday']})){E}", (frozenset({"cada"}),)),
        ("set", rf"{B}(?P<x>(?:todos\s++los|todas\s++las)\s++(?:{NUM}\s++)?(?P<unit>{a['unit']}|{a['weekday']}|sábados|sabados|domingos)){E}", (frozenset({"todos", "todas"}),)),
        ("set", rf"{B}(?P<x>los\s++(?P<unit>lunes|martes|miércoles|miercoles|jueves|viernes|sábados|sabados|domingos)){E}", (W | frozenset({"sabados", "domingos"}),)),
        ("set", r"(?:(?<=%\s)|(?<=[0-9]\s)|(?<=veces\s)|(?<=vez\s)|(?<=euros\s)|(?<=dólares\s)|(?<=dolares\s)|(?<=millones\s))(?P<x>(?:al|por|a\s++la)\s++(?P<unit>día|dia|semana|mes|año))(?!\w)", (frozenset({"#", "veces", "vez", "euros", "dolares", "millones"}), frozenset({"al", "por", "la"}))),
        ("set", rf"{B}(?P<x>(?P<adv>{a['set_adverb']})){E}", (a["#set_adverb"],)),
        ("present", rf"{B}(?P<x>actualmente|en\s++la\s++actualidad|hoy\s++en\s++día|hoy\s++en\s++dia|hoy\s++día|hoy\s++dia|hoy\s++por\s++hoy|ahora|en\s++este\s++momento|en\s++estos\s++momentos){E}", (frozenset(tokens(["actualmente", "actualidad", "hoy", "ahora", "momento", "momentos"])),)),
        ("past", rf"(?:{B}(?P<x>recientemente|últimamente|ultimamente|antiguamente|(?:los|las)\s++(?:últimos|ultimos|últimas|ultimas)\s++(?:años|meses|semanas|días|dias|décadas|decadas))|{B}en\s++(?P<x2>el\s++pasado)){E}", (frozenset(tokens(["recientemente", "últimamente", "antiguamente", "últimos", "últimas", "pasado"])),)),
        ("future", rf"(?:{B}en\s++(?P<x>el\s++futuro)|{B}(?P<x2>próximamente|proximamente|pronto|(?:los|las)\s++(?:próximos|proximos|próximas|proximas)\s++(?:años|meses|semanas|días|dias|décadas|decadas))){E}", (frozenset(tokens(["futuro", "próximamente", "pronto", "próximos", "próximas"])),)),
    ]  # fmt: skip


_ID_BEFORE = (
    r"(?:\bpágina|\bpagina|\bpág\.|\bp\.|\bn\.?º|\bnúmero|\bnumero|\bnº|\bruta|\bartículo"
    r"|\barticulo|\bart\.|\bhabitación|\bley|\bdecreto|\bcódigo|\bcodigo|\bmodelo|\bversión"
    r"|\blos|\blas|\bunos|\bunas|\bcerca\s+de|\bmás\s+de|\bmas\s+de|\bmenos\s+de"
    r"|\balrededor\s+de|\bunos|\bsus|[$€£])\s*$"
)
_COUNT_AFTER = (
    r"^\s*+(?:%|‰|€|\$|£|euros?|dólares|dolares|pesos|km|kilómetros|kilometros|metros"
    r"|toneladas|habitantes|personas|soldados|muertos|heridos|víctimas|victimas|empleos"
    r"|votos|escaños|miembros|hombres|mujeres|niños|niñas|alumnos|estudiantes|trabajadores"
    r"|empleados|familias|viviendas|casas|puntos|ejemplares|páginas|firmas|participantes"
    r"|visitantes|turistas|manifestantes|refugiados|migrantes|detenidos|presos|casos"
    r"|militares|policías|agentes|vehículos|coches|empresas|veces|millones|barriles"
    r"|hectáreas|a\.\s*C|a\.C|antes\s+de\s+Cristo)(?!\w)"
)
_PLURAL_AFTER = (
    r"^\s++(?!(?:los|las|unos|unas|más|mas|menos|tras|pues|entonces|después|despues|antes"
    r"|además|ademas|mientras|sus|nos|les|años|meses|días|dias|veces|hemos|somos|fueron"
    r"|eran|estaban|habían|tenían|eras|todos|todas|ambos|ambas)\b)"
    r"(?-i:[a-záéíóúñü]{3,}s)\b"
)
_AGE_BEFORE = (
    r"(?:\b(?:tiene|tenía|tenia|tenían|cumplió|cumplio|cumple|cumplirá|a\s+sus|de\s+sus"
    r"|con\s+sus|a\s+los|con)\s+$)|(?:\bhombre|\bmujer|\bjoven|\bniño|\bniña|\bchico|\bchica"
    r"|\bhijo|\bhija|\badolescente|\bbebé|\bbebe|\bestudiante|\bvíctima|\bvictima|\banciano"
    r"|\banciana|\bsospechoso|\bsospechosa|\bsoldado|\bpolicía|\bpolicia|\bjugador"
    r"|\bjugadora|\bpaciente|\bactor|\bactriz|\bcantante|\bciudadano|\bciudadana|\bvecino"
    r"|\bvecina|\bpadre|\bmadre|\bhermano|\bhermana)s?\s+(?:\w+\s+)?de\s+$|\bedad\s+de\s+$"
)
GUARDS = {
    "id_before": _ID_BEFORE,
    "count_after": _COUNT_AFTER,
    "plural_after": _PLURAL_AFTER,
    "age_before": _AGE_BEFORE,
    "by_before": r"(?:\bhasta|\bantes\s+de|\bpara)\s+(?:el\s+|la\s+)?$",
    "clock_not_before": r"(?!)",
}


# Tense cues (cues.py): "va a firmar", "viajará", "está previsto"; "firmó", "ayer".
FUTURE = (
    r"\b(?:va|van|voy|vas|vamos|iba|iban)\s+a\s+(?:[a-záéíóúñü]+\s+)?[a-záéíóúñü]+(?:ar|er|ir)"
    r"(?:se|lo|la|le|los|las|les)?\b"
    r"|\b[a-záéíóúñü]{2,}(?:rá|rán)\b"
    r"|\b(?:prevé|prevén|previsto|prevista|previstos|previstas|programado|programada|"
    r"programados|programadas|pendiente|pendientes)\b"
    r"|\b(?:debe|deben|deberá|deberán|debería|deberían)\b|\bpróxim[oa]s?\b|\bproxim[oa]s?\b"
    r"|\bque\s+viene\b|\bpasado\s+mañana\b|\ba\s+partir\s+de\b"
)

PAST = (
    r"\b(?:ha|han|había|habían|hubo|hubiera|hubieran)\s+(?:[a-záéíóúñü]+\s+)?[a-záéíóúñü]+"
    r"(?:ado|ada|ados|adas|ido|ida|idos|idas|to|cho|sto|ierto|uesto)\b"
    r"|(?-i:\b[a-záéíóúñü]{2,}(?:ó|aron|ieron|yeron)\b)|\bayer\b|\bpasad[oa]s?\b|\banoche\b"
)


def spec() -> Spec:
    safe_day_words = dict(DAY_WORDS)
    del safe_day_words["mañana"]
    return Spec(
        language="es",
        tables={
            **word_tables(globals()),
            "half": {"semestre": True, "trimestre": False},
            "direction": {"después": 1, "más tarde": 1, "antes": -1},
            "dem": dict(DEMONSTRATIVES),
            "anaphor": dict(ANAPHORS),
            "ampm": {"mañana": "am", "madrugada": "am", "tarde": "pm", "noche": "pm"},
        },
        number=number,
        rules=lambda a: rules({**a, "day_word_safe": _day_word_alternation(safe_day_words)}),
        guards=GUARDS,
        fold_accents=True,
        dateparser_months="abbr",
        future=FUTURE,
        past=PAST,
    )


def _day_word_alternation(words: dict[str, object]) -> str:
    # "mañana" is tomorrow unless an article, a demonstrative or a preposition makes it the
    # morning: "esta mañana", "la mañana", "por la mañana", "cada mañana", "de mañana"
    not_morning = "".join(
        rf"(?<!\b{w}\s)"
        for w in ("la", "una", "esta", "esa", "cada", "toda", "de", "por", "en", "media",
                  "misma", "aquella", "buena", "pasado", "otra", "al", "del", "la\xa0")
    )  # fmt: skip
    return rf"(?:{alt(words, fold_accents=True)}|{not_morning}(?:mañana|manana))"
