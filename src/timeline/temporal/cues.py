"""Tense cues in French, Spanish and Arabic: does a clause put a date ahead of publication?

News reports the past, so a bare weekday ("mardi", "el martes", "الثلاثاء") is the most
recent such day on or before publication, unless the clause that governs it looks ahead:
"va signer", "se rendra", "doit", "prévu" ; "va a firmar", "viajará", "está previsto" ;
"سوف", "سيزور", "من المقرر".  Unlike English, these languages often put the verb after the
date ("Mardi, le ministre se rendra à Rabat"), so the cue nearest before the expression
decides, and when there is none, the first tense cue after it.  Past cues ("a signé",
"firmó", "قال") count too: they stop a future cue further away from deciding.
"""

from __future__ import annotations

import re
from functools import cache

from .textview import normal, view

_WINDOW = 60  # characters either side of the expression that are read for cues

# Lower-case words ending like a future tense that are not verbs.
_NOT_FUTURE_FR = (
    "front|affront|opéra|opera|caméra|camera|extra|ultra|contra|cobra|mantra|tiara|para"
    "|terra|libra|zebra|sierra|aura(?=\\s+(?:de|du|des|d'))|hora|flora|sura|tora|mara|tra"
)
_FR_FUTURE = (
    r"\b(?:va|vont|vais|vas|allons|allez|allait|allaient)\s+(?:(?:se|s'|y|en|le|la|les|lui|leur|"
    r"ne|pas|bientôt|enfin|donc|aussi)\s*)*[a-zàâçéèêëîïôûùüÿœ]+(?:er|ir|re|oir)\b"
    r"|\b(?:doit|doivent|devra|devront|devrait|devraient)\b"
    r"|\b(?:prévue?s?|programmée?s?|attendue?s?|annoncée?s?\s+pour|censée?s?)\b"
    r"|\b(?:aura|auront)\s+lieu\b|\bse\s+tiendra\b|\bprochaine?s?\b|\bdemain\b|\bà\s+venir\b"
    r"|\bd'ici\b|\bdès\s+que\b"
    rf"|(?-i:\b(?!(?:{_NOT_FUTURE_FR})\b)[a-zàâçéèêëîïôûùüÿœ]{{2,}}(?:ra|ront)\b)"
)
_FR_PAST = (
    r"\b(?:a|ont|avait|avaient|eut|eurent|aurait|auraient)\s+(?:(?:été|déjà|aussi|également|"
    r"bien|notamment|ainsi|enfin|pas|jamais|encore|finalement|alors|donc|lui-même|elle-même)"
    r"\s+)*[a-zàâçéèêëîïôûùüÿœ]+(?:é|ée|és|ées|i|is|ie|it|u|us|ue|ert|erts|int|aint|ait)\b"
    r"|\b(?:est|sont|s'est|se\s+sont|était|étaient|fut|furent)\s+(?!(?:prévue?s?|attendue?s?|"
    r"censée?s?|programmée?s?|annoncée?s?)\b)[a-zàâçéèêëîïôûùüÿœ]+(?:é|ée|és|ées|i|ie|is|u|ue|us)\b"
    r"|\b[a-zàâçéèêëîïôûùüÿœ]{3,}èrent\b|\bhier\b|\bdernière?s?\b|\bpassée?s?\b"
)
_ES_FUTURE = (
    r"\b(?:va|van|voy|vas|vamos|iba|iban)\s+a\s+(?:[a-záéíóúñü]+\s+)?[a-záéíóúñü]+(?:ar|er|ir)"
    r"(?:se|lo|la|le|los|las|les)?\b"
    r"|\b[a-záéíóúñü]{2,}(?:rá|rán)\b"
    r"|\b(?:prevé|prevén|previsto|prevista|previstos|previstas|programado|programada|"
    r"programados|programadas|pendiente|pendientes)\b"
    r"|\b(?:debe|deben|deberá|deberán|debería|deberían)\b|\bpróxim[oa]s?\b|\bproxim[oa]s?\b"
    r"|\bque\s+viene\b|\bpasado\s+mañana\b|\ba\s+partir\s+de\b"
)
_ES_PAST = (
    r"\b(?:ha|han|había|habían|hubo|hubiera|hubieran)\s+(?:[a-záéíóúñü]+\s+)?[a-záéíóúñü]+"
    r"(?:ado|ada|ados|adas|ido|ida|idos|idas|to|cho|sto|ierto|uesto)\b"
    r"|(?-i:\b[a-záéíóúñü]{2,}(?:ó|aron|ieron|yeron)\b)|\bayer\b|\bpasad[oa]s?\b|\banoche\b"
)
# Words that begin like a future verb (س + imperfect prefix) but are nouns.
_NOT_FUTURE_AR = (
    "سياس|سيار|سيد|سيطر|سيناء|سينا|سيول|سياد|سياق|سياح|سير|سيف|سيرة|سيس|ستة|ستين|ستون|ست"
    "|ستار|ستاد|سنة|سنه|سنوات|سنوي|سنين|سنت|سنغال|سنغافور|سنا|سنة|سيت|سيا|سيم|سيك|سيج|سيل"
)
_AR_FUTURE = (
    r"(?<!\w)[وف]?سوف(?!\w)"
    rf"|(?<!\w)[وف]?(?!(?:{_NOT_FUTURE_AR}))س[يتنا]\w{{3,}}"
    r"|(?<!\w)[وف]?(?:ال)?(?:مقبل|مقبله|قادم|قادمه|مرتقب|مرتقبه)(?!\w)"
    r"|من\s+(?:المقرر|المنتظر|المتوقع|المزمع|المفترض|المرتقب)"
    r"|(?<!\w)[وف]?(?:يعتزم|تعتزم|يعتزمون|ينوي|تنوي|ينوون|غدا|الغد)(?!\w)|بعد\s+غد"
)
_AR_PAST = (
    r"(?<!\w)[وف]?(?:ال)?(?:ماضي|ماضيه|منصرم|منصرمه|فائت|فائته|منقضي)(?!\w)"
    r"|(?<!\w)[وفب]?(?:ال)?امس(?!\w)|(?<!\w)[وف]?(?:قد|لقد|كان|كانت|كانوا)(?!\w)"
    r"|(?<!\w)[وف]?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|اوضح|اوضحت|اضاف|اضافت|وقع|وقعت|التقي|"
    r"التقت|استقبل|استقبلت|زار|زارت|عقد|عقدت|شهد|شهدت|جري|جرت|اجري|اجرت|افاد|افادت|ذكر|"
    r"ذكرت|صرح|صرحت|اعتبر|اعتبرت|دعا|دعت|شارك|شاركت|ترأس|تراس|افتتح|افتتحت|وصل|وصلت|غادر|"
    r"غادرت|بحث|بحثت|اشار|اشارت|انطلق|انطلقت|قتل|قتلت|اصيب|اصيبت)(?!\w)"
)


@cache
def _cues(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    future, past = {
        "fr": (_FR_FUTURE, _FR_PAST),
        "es": (_ES_FUTURE, _ES_PAST),
        "ar": (_AR_FUTURE, _AR_PAST),
    }[language]
    if language == "ar":  # written in natural spelling; the view writes it otherwise
        future, past = normal(future), normal(past)
    return re.compile(future, re.IGNORECASE), re.compile(past, re.IGNORECASE)


def ahead(text: str, start: int, end: int, language: str) -> bool:
    """Whether a tense cue in the normalised ``text`` (a sentence's view) puts the expression
    at ``text[start:end]`` ahead of publication."""
    future, past = _cues(language)
    before = text[max(0, start - _WINDOW) : start]
    nearest: tuple[int, bool] | None = None
    for pattern, is_future in ((future, True), (past, False)):
        for m in pattern.finditer(before):
            distance = len(before) - m.end()
            if nearest is None or distance < nearest[0] or (distance == nearest[0] and is_future):
                nearest = (distance, is_future)
    if nearest is not None:
        return nearest[1]
    after = text[end : end + _WINDOW]
    after = re.split(r"[.;!?؟؛]", after, maxsplit=1)[0]
    first: tuple[int, bool] | None = None
    for pattern, is_future in ((future, True), (past, False)):
        m = pattern.search(after)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), is_future)
    return first is not None and first[1]


def points_ahead(sentence: str, start: int, language: str, end: int | None = None) -> bool:
    """``ahead`` for an original sentence and offsets (``end`` defaults to ``start``: then
    the expression itself is read as a cue, "demain" or "سوف" as much as "va signer")."""
    v = view(sentence)
    s = v.index(start)
    e = v.index(end) if end is not None else s
    return ahead(v.text, s, max(s, e), language)
