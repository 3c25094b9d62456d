# ruff: noqa: E501  (one grammar rule a line reads best)
"""Arabic: word tables and rules (see readings.py for what each rule's groups mean).

Written in natural spelling; the engine matches a normalised view (textview.py), so "أمس",
"امس" and "أمسِ", "غداً" and "غدا", "٢٠١٩" and "2019" are one.  Month names come in their
three families (يناير, جانفي/ماي/غشت, كانون الثاني/أيار/آب), dateparser's regional
variants added; a month name alone needs a day, a year, "شهر", a preposition or a relative
word, since several are also words (مارس "he practised", آب, نيسان).  Proclitics stay
out of the extent: "والثلاثاء" is "الثلاثاء", "بالأمس" is "الأمس".  The nouns of a date
phrase stay in: "يوم الثلاثاء", "عام 1994", "شهر يناير".
"""

from __future__ import annotations

from typing import Any

from ..grammar import Rule, Spec, numeric_rules, table, tokens

MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12,
    # the Maghreb
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
    # the Levant and Iraq
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11,
    "كانون الأول": 12,
}  # fmt: skip
# Names that are also common words: a month only with a day, a year, "شهر" or a relative
# word after them.
RISKY_MONTHS = ("مارس", "آب", "ماي", "نيسان", "تموز", "شباط", "أوت")
WEEKDAYS = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
    "السبت": 5, "الأحد": 6,
}  # fmt: skip
WEEKDAYS_BARE = {"اثنين": 0, "ثلاثاء": 1, "أربعاء": 2, "خميس": 3, "جمعة": 4, "سبت": 5,
                 "أحد": 6}  # fmt: skip
DAY_WORDS = {
    "أمس": -1, "الأمس": -1, "البارحة": -1, "اليوم": 0, "غدا": 1, "الغد": 1,
    "بعد غد": 2, "بعد الغد": 2, "أول أمس": -2, "أمس الأول": -2, "أول من أمس": -2,
    "الليلة الماضية": (-1, "NI"),
}  # fmt: skip
PARTS = {
    "صباح": "MO", "فجر": "MO", "ظهر": "MI", "عصر": "AF", "مساء": "EV", "ليل": "NI",
    "ليلة": "NI", "الصباح": "MO", "المساء": "EV", "الليلة": "NI", "صباحا": "MO",
    "ظهرا": "MI", "ليلا": "NI",
}  # fmt: skip
RELS = {
    "الماضي": "last", "الماضية": "last", "المنصرم": "last", "المنصرمة": "last",
    "الفائت": "last", "الفائتة": "last", "المنقضي": "last", "المقبل": "next",
    "المقبلة": "next", "القادم": "next", "القادمة": "next", "السابق": "prev",
    "السابقة": "prev", "التالي": "following", "التالية": "following", "الجاري": "this",
    "الجارية": "this", "الحالي": "this", "الحالية": "this", "هذا": "this", "هذه": "this",
}  # fmt: skip
MODS = {"مطلع": "START", "بداية": "START", "أوائل": "EARLY", "أواخر": "LATE",
        "نهاية": "END", "آخر": "END", "منتصف": "MID", "أواسط": "MID"}  # fmt: skip
DMODS = {
    "نحو": "APPROX", "حوالي": "APPROX", "قرابة": "APPROX", "زهاء": "APPROX",
    "ما يقرب من": "APPROX", "أكثر من": "MORE_THAN", "ما يزيد عن": "MORE_THAN",
    "ما يزيد على": "MORE_THAN", "أقل من": "LESS_THAN", "ما لا يقل عن": "EQUAL_OR_MORE",
}  # fmt: skip
# Indefinite unit words: (unit, count) for a singular (1) or a dual (2), the unit alone
# for a plural (its number is said before it, or it is vague).
UNITS: dict[str, object] = {
    "عام": ("year", 1), "عاما": ("year", 1), "سنة": ("year", 1), "سنوات": "year",
    "أعوام": "year", "سنين": "year", "عامين": ("year", 2), "عامان": ("year", 2),
    "سنتين": ("year", 2), "سنتان": ("year", 2),
    "شهر": ("month", 1), "شهرا": ("month", 1), "أشهر": "month", "شهور": "month",
    "شهرين": ("month", 2), "شهران": ("month", 2),
    "أسبوع": ("week", 1), "أسبوعا": ("week", 1), "أسابيع": "week",
    "أسبوعين": ("week", 2), "أسبوعان": ("week", 2),
    "يوم": ("day", 1), "يوما": ("day", 1), "أيام": "day", "يومين": ("day", 2),
    "يومان": ("day", 2),
    "ساعة": ("hour", 1), "ساعات": "hour", "ساعتين": ("hour", 2), "ساعتان": ("hour", 2),
    "دقيقة": ("minute", 1), "دقائق": "minute", "دقيقتين": ("minute", 2),
    "عقد": ("decade", 1), "عقدا": ("decade", 1), "عقود": "decade", "عقدين": ("decade", 2),
    "قرن": ("century", 1), "قرنا": ("century", 1), "قرون": "century",
    "قرنين": ("century", 2),
}  # fmt: skip
# Definite unit words, for "العام الماضي", "هذا الأسبوع", "اليوم التالي".
UNITS_DEF = {
    "العام": "year", "السنة": "year", "الشهر": "month", "الأسبوع": "week", "اليوم": "day",
    "العقد": "decade", "القرن": "century", "نهاية الأسبوع": "weekend",
    "عطلة نهاية الأسبوع": "weekend",
}  # fmt: skip
SET_UNITS = {**UNITS, "صباح": "morning", "مساء": "evening", "ليلة": "night"}
SEASONS = {"الربيع": "SP", "ربيع": "SP", "الصيف": "SU", "صيف": "SU", "الخريف": "FA",
           "خريف": "FA", "الشتاء": "WI", "شتاء": "WI"}  # fmt: skip
ORDINALS = {"الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": -1}
DECADE_WORDS = {
    f"{al}{stem}{end}": tens
    for stem, tens in (("عشرين", 20), ("ثلاثين", 30), ("أربعين", 40), ("خمسين", 50),
                       ("ستين", 60), ("سبعين", 70), ("ثمانين", 80), ("تسعين", 90))
    for al in ("ال", "")
    for end in ("يات", "ات")
}  # fmt: skip
CENTURY_WORDS = {
    "العشرين": 20, "العشرون": 20, "الحادي والعشرين": 21, "الحادي والعشرون": 21,
    "التاسع عشر": 19, "الثامن عشر": 18, "السابع عشر": 17, "السادس عشر": 16,
    "الماضي": "last", "الحالي": "this", "الجاري": "this",
}  # fmt: skip
CENTURY_REF = {"القرن الماضي": 19, "القرن العشرين": 19, "القرن الحالي": 20,
               "القرن الحادي والعشرين": 20}  # fmt: skip
SET_ADVERBS = {"يوميا": "P1D", "أسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y"}
YEAR_RELS = {
    "العام الماضي": -1, "العام المنصرم": -1, "العام الفائت": -1, "السنة الماضية": -1,
    "العام المقبل": 1, "العام القادم": 1, "السنة المقبلة": 1, "السنة القادمة": 1,
    "العام الجاري": 0, "العام الحالي": 0, "السنة الجارية": 0, "السنة الحالية": 0,
    "هذا العام": 0, "هذه السنة": 0,
}  # fmt: skip
VAGUE = ("عدة", "بضعة", "بضع", "عشرات", "بضعة", "سنوات")


def _numbers() -> dict[str, int]:
    units = {
        1: ("واحد", "واحدة"), 2: ("اثنان", "اثنين", "اثنتان", "اثنتين"),
        3: ("ثلاث", "ثلاثة"), 4: ("أربع", "أربعة"), 5: ("خمس", "خمسة"), 6: ("ست", "ستة"),
        7: ("سبع", "سبعة"), 8: ("ثمان", "ثماني", "ثمانية"), 9: ("تسع", "تسعة"),
    }  # fmt: skip
    tens = {20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"),
            50: ("خمسون", "خمسين"), 60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"),
            80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين")}  # fmt: skip
    out: dict[str, int] = {}
    for n, words in units.items():
        out.update(dict.fromkeys(words, n))
    out.update({"عشر": 10, "عشرة": 10, "أحد عشر": 11, "إحدى عشرة": 11, "اثنا عشر": 12,
                "اثني عشر": 12, "اثنتا عشرة": 12, "اثنتي عشرة": 12})  # fmt: skip
    for n in range(3, 10):
        for w in units[n]:
            out[f"{w} عشر"] = out[f"{w} عشرة"] = 10 + n
    for t, words in tens.items():
        for w in words:
            out[w] = t
            for n, unit_words in units.items():
                for u in unit_words:
                    out[f"{u} و{w}"] = t + n
    out.update({"مئة": 100, "مائة": 100, "مئتين": 200, "مائتين": 200, "ألف": 1000})
    return out


NUMBERS = _numbers()
_NUMBER_TABLE = table(NUMBERS)


def number(text: str) -> int | None:
    return _NUMBER_TABLE.get(text)


def rules(a: dict[str, Any]) -> list[Rule]:
    P = r"(?<!\w)[وف]?[بلك]?"  # a word starts here, perhaps after proclitics
    E = r"(?!\w)"
    WD = rf"(?P<wd>{a['weekday']})"
    MON = rf"(?P<mon>{a['month_any']})(?:\s*+/\s*+{a['month_any']})?"
    MON_SAFE = rf"(?P<mon>{a['month_safe']})(?:\s*+/\s*+{a['month_any']})?"
    DAY = r"(?<![0-9.,/:])(?:ال)?(?P<day>3[01]|[12][0-9]|0?[1-9])(?![0-9])"
    YEAR = r"(?<![0-9])(?P<year>1[0-9]{3}|20[0-9]{2})(?![0-9])(?![.,][0-9])"
    YEAR_NOUN = r"(?:(?:عام|العام|سنة|السنة)\s++)"
    OFY = rf"(?:\s*+[,،]?\s*+)(?:من\s++)?{YEAR_NOUN}?"
    REL = rf"(?P<rel>{a['rel_after']})"
    MOD = rf"(?P<mod>{a['mod']})\s++"
    DW = rf"(?P<dw>{a['day_word']})"
    UNIT = rf"(?P<unit>{a['unit']})"
    NUM = rf"(?P<n>[0-9]{{1,4}}(?:[.,][0-9]+)?|{a['number']})"
    DMOD = rf"(?P<dmod>{a['dmod']})"
    PART = r"(?P<part>صباح|فجر|ظهر|عصر|مساء|ليل|ليلة)"
    M, W, D, U = a["#month"], a["#weekday"], a["#day_word"], a["#unit"] | a["#unit_def"]
    digit = frozenset({"#"})
    year4 = frozenset({"#4"})  # a four-digit number
    return [
        *numeric_rules(),
        ("date", rf"{P}(?P<x>(?:(?:يوم\s++)?{DW}\s*+[,،]?\s*+)?(?:(?:يوم\s++)?{WD}\s*+[,،]?\s*+(?:الموافق\s++)?)?{DAY}\s*+(?:من\s++)?(?:شهر\s++)?{MON}(?:{OFY}{YEAR}|(?:\s++{REL})?{E}))", (digit, M)),
        ("month_year", rf"{P}(?P<x>(?:{MOD})?(?:شهر\s++)?{MON}{OFY}{YEAR})", (year4, M)),
        ("month_rel", rf"{P}(?P<x>(?:{MOD})?(?:شهر\s++)?{MON}\s++{REL}){E}", (M,)),
        ("month_relyear", rf"{P}(?P<x>(?:{MOD})?(?:شهر\s++)?{MON}\s++(?:من\s++)?(?P<yrel>{a['yrel']})){E}", (M,)),
        ("month", rf"(?<!\w)[وف]?(?:في|منذ|حتى|خلال|قبل|بعد|بحلول|لغاية)\s++(?P<x>{MON}){E}", (M,)),
        ("month", rf"(?<!\w)[وف]?(?:مع|إلى|الى|أو|او|و)\s*+(?P<x>{MON_SAFE}){E}", (M,)),
        ("month", rf"{P}(?P<x>(?:{MOD})?شهر\s++{MON}){E}", (M,)),
        ("month", rf"{P}(?P<x>{MOD}{MON_SAFE}){E}", (M,)),
        ("year_mod", rf"{P}(?P<x>{MOD}{YEAR_NOUN}?{YEAR})", (year4,)),
        ("year", rf"{P}(?P<x>{YEAR_NOUN}{YEAR})", (year4,)),
        ("year", rf"(?<!\w)[وف]?(?:في|منذ|خلال|حتى|قبل|بعد|بحلول|بين|عامي|لغاية|إلى|الى|من)\s++(?P<x>{YEAR_NOUN}?{YEAR})", (year4,)),
        ("year_weak", rf"(?<!\w)[وف](?P<x>{YEAR})", (year4,)),
        ("year_bare", r"(?<![\w.,/])(?P<x>(?P<year>19[0-9]{2}|20[0-9]{2}))(?![0-9])(?![.,/][0-9])", (year4,)),
        ("decade", rf"{P}(?P<x>(?:{MOD})?(?:عقد\s++)?(?P<decw>{a['decade_word']})(?:\s++(?:من\s++)?(?P<cref>{a['century_ref']}))?){E}", (a["#decade_word"],)),
        ("century", rf"{P}(?P<x>(?:{MOD})?القرن\s++(?:ال(?=[0-9]))?(?P<cent>{a['century_word']}|[0-9]{{1,2}})){E}", (frozenset(tokens(["القرن", "والقرن"])),)),
        ("quarter", rf"{P}(?P<x>(?P<qh>الربع|النصف)\s++(?P<q>{a['ordinal']})\s++(?:من\s++|ل)?{YEAR_NOUN}?{YEAR})", (year4, frozenset(tokens(["الربع", "النصف"])))),
        ("season", rf"{P}(?P<x>(?P<season>{a['season']})\s++{YEAR_NOUN}?{YEAR})", (year4, a["#season"])),
        ("season_rel", rf"{P}(?P<x>(?P<season>{a['season']})\s++{REL}){E}", (a["#season"],)),
        ("season_rel", rf"{P}(?P<x>(?P<rel>هذا|هذه)\s++(?P<season>{a['season']})){E}", (a["#season"],)),
        ("weekday", rf"{P}(?P<x>(?:يوم\s++)?{DW}\s*+[,،]?\s*+(?:يوم\s++)?{WD}){E}", (D, W)),
        ("day_word", rf"{P}(?P<x>(?:{PART}\s++(?:يوم\s++)?|يوم\s++)?{DW}){E}", (D,)),
        ("this_part", rf"{P}(?P<x>(?:هذا|هذه)\s++(?P<part>الصباح|المساء|الليلة)){E}", (frozenset(tokens(["الصباح", "المساء", "الليلة"])),)),
        ("weekday", rf"{P}(?P<x>(?:{PART}\s++)?(?:يوم\s++)?{WD}(?:\s++{REL})?){E}", (W,)),
        ("unit_rel", rf"{P}(?P<x>(?:{MOD})?(?:(?P<dem>هذا|هذه)\s++)?(?P<unit>{a['unit_def']})(?:\s++{REL})?){E}", (U,)),
        ("ago", rf"(?<!\w)[وف]?(?P<x>قبل\s++(?:{DMOD}\s++)?(?:{NUM}\s++)?{UNIT}){E}", (frozenset(tokens(["قبل", "وقبل"])), U)),
        ("clock", r"(?<![\w:.,])(?P<x>(?P<h>[01]?[0-9]|2[0-3]):(?P<mi>[0-5][0-9])(?:\s++(?P<ap>صباحا|مساء|ظهرا|ليلا|فجرا))?)(?![\w:])", (frozenset({"#:"}),)),
        ("clock", r"(?<!\w)[وف]?(?:الساعة|الساعه)\s++(?P<x>(?P<h>[01]?[0-9]|2[0-3])(?:\s++(?P<ap>صباحا|مساء|ظهرا|ليلا|فجرا))?)(?![\w:.,])", (digit, frozenset(tokens(["الساعة", "والساعة"])))),
        ("duration", rf"{P}(?P<x>(?:{DMOD}\s++)?(?:{NUM}\s++)?{UNIT}(?P<half>\s++ونصف)?){E}", (U,)),
        ("set", rf"(?<!\w)[وف]?(?P<x>كل\s++(?:{NUM}\s++)?(?P<unit>{a['set_unit']})){E}", (frozenset({"كل", "وكل"}),)),
        ("set", rf"(?<!\w)[وف]?(?P<x>كل\s++(?:يوم\s++)?(?P<unit>جمعة|سبت|خميس|ثلاثاء|أربعاء)|كل\s++يوم\s++(?P<unit2>اثنين|أحد)){E}", (frozenset({"كل", "وكل"}),)),
        ("set", rf"{P}(?P<x>(?P<adv>{a['set_adverb']})){E}", (a["#set_adverb"],)),
        ("present", rf"{P}(?P<x>حاليا|الآن|الوقت\s++الحالي|الوقت\s++الراهن|هذه\s++الأيام){E}", (frozenset(tokens(["حاليا", "الآن", "الوقت", "الأيام"])),)),
        ("past", rf"{P}(?P<x>مؤخرا|الآونة\s++الأخيرة|(?:السنوات|الأعوام|الأشهر|الأسابيع|الأيام)\s++(?:الأخيرة|الماضية)|(?<=في\s)الماضي){E}", (frozenset(tokens(["مؤخرا", "الآونة", "الأخيرة", "الماضية", "الماضي"])),)),
        ("future", rf"{P}(?P<x>قريبا|(?<=في\s)المستقبل|(?:السنوات|الأعوام|الأشهر|الأسابيع|الأيام)\s++(?:المقبلة|القادمة)){E}", (frozenset(tokens(["قريبا", "المستقبل", "المقبلة", "القادمة"])),)),
    ]  # fmt: skip


_GENERAL_NOUNS = (
    "الأمين|المدعي|النائب|المدير|الرأي|القطاع|الشأن|الإضراب|العفو|المؤتمر|المفتش|القنصل"
    "|الأمن|الصالح|النفع|المال|التعليم|المرشد|المنسق|المراقب|الحق|الذوق|المجال|الطابع"
    "|الإطار|السياق|المستوى|الوضع|الموقف|الاتجاه|الشكل|المعنى|الطلب|الإنفاق|الدين|النقل"
    "|العمل|الحشد|الاستفتاء|المسح|العرض|التوجه|المشهد|المنظور|الهدف|الاتحاد"
)
GUARDS = {
    "id_before": r"(?:صفحة|رقم|الرقم|المادة|مادة|قانون|القانون|مرسوم|المرسوم|الطريق|طريق"
    r"|حوالي|نحو|قرابة|زهاء|أكثر\s+من|أقل\s+من|[$€£])\s*$",
    "count_after": r"^\s*+(?:%|دولار|يورو|درهم|دينار|جنيه|ريال|ليرة|شخص|أشخاص|جندي|قتيل"
    r"|قتلى|جريح|جرحى|ضحية|عامل|صوت|مقعد|عضو|طالب|طفل|امرأة|رجل|أسرة|عائلة|منزل|نقطة"
    r"|كيلومتر|كلم|كم|متر|طن|برميل|مليون|مليار|ألف|هكتار|لاجئ|مهاجر|سجين|معتقل|حالة|مرة"
    r"|سيارة|شركة|زائر|سائح|متظاهر|مواطن|نسمة|فرصة|وظيفة)",
    "hijri_after": r"^\s*+(?:هـ|ه|هجري|هجرية|للهجرة|ق\.?\s?م|قبل\s+الميلاد)(?!\w)",
    "age_before": r"(?:العمر|عمره|عمرها|عمرهم|بعمر|يبلغ|تبلغ|البالغ|البالغة|يناهز|تناهز"
    r"|ناهز|ناهزت|بلغ|بلغت)\s+(?:من\s+العمر\s+)?$",
    "duration_context": r"(?:منذ|لمدة|مدة|طيلة|طوال|خلال|قرابة|نحو|حوالي|زهاء|بعد|لنحو"
    r"|لأكثر\s+من|أكثر\s+من|أقل\s+من|استمر|استمرت|دام|دامت)\s+$",
    "by_before": r"(?:بحلول|قبل|حتى)\s+$",
    "today_not_before": r"(?:هذا|ذلك|نفس|ذات|روسيا)\s+[وفبلك]?$",
    "today_not_after": r"^\s+(?:(?!(?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت"
    r"|الأحد|الموافق)(?!\w))ال\w+|نفسه|ذاته|عينه)",
    # "غدا" is also the verb "became": "غدا من الضروري", "غدا أكثر صعوبة"
    "tomorrow_not_after": r"^\s+(?:من\s+(?:ال\w+)|أكثر|أقل|واضحا|ممكنا|جليا|بإمكان)(?!\w)",
    "weekday_not_before": r"(?:صلاة|خطبة|صلوات|بين|كلا|يوما|أيام)\s+[وفبلك]?$",
    "weekday_not_after": r"^\s+(?:معا|منهما|منهم|كليهما|كلاهما)(?!\w)",
    "unit_not_before": rf"(?:{_GENERAL_NOUNS})\s+[وفبلك]?$",
    "ago_not_after": r"^\s*(?:من|على)\s",
}


# Tense cues (cues.py): "سوف", "سيزور", "من المقرر"; "قال", "أمس".
# Words that begin like a future verb (س + imperfect prefix) but are nouns.
NOT_FUTURE = (
    "سياس|سيار|سيد|سيطر|سيناء|سينا|سيول|سياد|سياق|سياح|سير|سيف|سيرة|سيس|ستة|ستين|ستون|ست"
    "|ستار|ستاد|سنة|سنه|سنوات|سنوي|سنين|سنت|سنغال|سنغافور|سنا|سنة|سيت|سيا|سيم|سيك|سيج|سيل"
)

FUTURE = (
    r"(?<!\w)[وف]?سوف(?!\w)"
    rf"|(?<!\w)[وف]?(?!(?:{NOT_FUTURE}))س[يتنا]\w{{3,}}"
    r"|(?<!\w)[وف]?(?:ال)?(?:مقبل|مقبله|قادم|قادمه|مرتقب|مرتقبه)(?!\w)"
    r"|من\s+(?:المقرر|المنتظر|المتوقع|المزمع|المفترض|المرتقب)"
    r"|(?<!\w)[وف]?(?:يعتزم|تعتزم|يعتزمون|ينوي|تنوي|ينوون|غدا|الغد)(?!\w)|بعد\s+غد"
)

PAST = (
    r"(?<!\w)[وف]?(?:ال)?(?:ماضي|ماضيه|منصرم|منصرمه|فائت|فائته|منقضي)(?!\w)"
    r"|(?<!\w)[وفب]?(?:ال)?امس(?!\w)|(?<!\w)[وف]?(?:قد|لقد|كان|كانت|كانوا)(?!\w)"
    r"|(?<!\w)[وف]?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|اوضح|اوضحت|اضاف|اضافت|وقع|وقعت|التقي|"
    r"التقت|استقبل|استقبلت|زار|زارت|عقد|عقدت|شهد|شهدت|جري|جرت|اجري|اجرت|افاد|افادت|ذكر|"
    r"ذكرت|صرح|صرحت|اعتبر|اعتبرت|دعا|دعت|شارك|شاركت|ترأس|تراس|افتتح|افتتحت|وصل|وصلت|غادر|"
    r"غادرت|بحث|بحثت|اشار|اشارت|انطلق|انطلقت|قتل|قتلت|اصيب|اصيبت)(?!\w)"
)


def spec() -> Spec:
    return Spec(
        language="ar",
        tables={
            "month": dict(MONTHS),
            "month_abbr": {},
            "month_safe": {k: v for k, v in MONTHS.items() if k not in RISKY_MONTHS},
            "weekday": dict(WEEKDAYS),
            "weekday_bare": dict(WEEKDAYS_BARE),
            "day_word": dict(DAY_WORDS),
            "part": dict(PARTS),
            "rel": dict(RELS),
            "rel_after": {k: v for k, v in RELS.items() if k not in ("هذا", "هذه")},
            "mod": dict(MODS),
            "dmod": dict(DMODS),
            "unit": dict(UNITS),
            "unit_def": dict(UNITS_DEF),
            "set_unit": dict(SET_UNITS),
            "season": dict(SEASONS),
            "ordinal": dict(ORDINALS),
            "decade_word": dict(DECADE_WORDS),
            "century_word": dict(CENTURY_WORDS),
            "century_ref": dict(CENTURY_REF),
            "set_adverb": dict(SET_ADVERBS),
            "number": {**NUMBERS, **dict.fromkeys(VAGUE, None)},
            "half": {"النصف": True, "الربع": False},
            "dem": {"هذا": "this", "هذه": "this"},
            "yrel": dict(YEAR_RELS),
            "ampm": {"صباحا": "am", "فجرا": "am", "ظهرا": "pm", "مساء": "pm", "ليلا": "pm"},
        },
        number=number,
        rules=rules,
        clitics="وفبلك",
        guards=GUARDS,
        natural_spelling=True,
        dateparser_months="full",
        future=FUTURE,
        past=PAST,
    )
