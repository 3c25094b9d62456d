"""Spotting temporal expressions: a grammar of compiled patterns over one sentence.

Each rule is a regular expression whose named group ``x`` (or the whole match) is the
expression's extent as TimeML marks it; the rest of the pattern is context that licenses
the match ("in 1994" licenses the year, "May" alone is a modal verb).  Candidates from all
rules are resolved greedily, longest first, so "Tuesday, 22 January 2019" wins over
"Tuesday" and "22 January 2019" inside it.  Matching runs one sentence at a time, so no
expression crosses a sentence boundary, and each pattern is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a thousand": 1000, "a couple of": 2, "couple of": 2, "a couple": 2,
}  # fmt: skip
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some")

# Month names are matched case-sensitively: "may" is a modal, "march" a verb.
_MON = (
    r"(?-i:(?P<mon>January|February|March|April|May|June|July|August|September|October"
    r"|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.(?!\w))?))"
)
_WD = r"(?-i:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
_WD_LEAD = r"(?:(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_UNITS_WORD = r"one|two|three|four|five|six|seven|eight|nine"
_TENS_WORD = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUM = (
    rf"(?P<n>\d{{1,3}}(?:\s+1/2|½)|\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}}(?:\.\d+)?"
    rf"|(?:{_UNITS_WORD}|a)\s+hundred(?:\s+and\s+(?:{_TENS_WORD})(?:[-\s](?:{_UNITS_WORD}))?)?|(?:{_TENS_WORD})(?:[-\s](?:{_UNITS_WORD}))?|a|an"
    rf"|{_UNITS_WORD}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|a\s+hundred|hundred|a\s+thousand|several|a\s+few|few|many|a\s+couple\s+of"
    r"|couple\s+of|a\s+couple|some)"
)
_NUM_HIGH = _NUM.replace("(?P<n>", "(?P<n2>", 1)  # the top of a range: "two to three weeks"
# Words that bound a duration: "nearly forty years", "up to 180 days", "more than a week".
_DUR_MOD = (
    r"(?P<dmod>about|around|approximately|roughly|some|nearly|almost|over|more\s+than"
    r"|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than"
    r"|under|just\s+over|just\s+under|only|the\s+past|the\s+last|the\s+next|the\s+coming"
    r"|the\s+previous|the\s+first|the\s+following|the\s+final|the)"
)
_UNIT = r"(?P<unit>years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?|quarters?)"
_PART = r"(?P<part>morning|afternoon|evening|night)"
# Words after a number that make it a count, not a year: "2000 troops", "1500 people".
_COUNT_NOUN = (
    r"(?:%|percent|per\s+cent|people|persons|troops|soldiers|members|workers|jobs|cases"
    r"|deaths|dead|votes|seats|units|shares|tons|tonnes|km|kilometres|kilometers|miles"
    r"|metres|meters|feet|dollars|euros|pounds|yen|points|barrels|cars|homes|houses|children"
    r"|men|women|students|employees|staff|residents|refugees|patients|copies|pages|times"
    r"|hours|minutes|calories|words|acres|hectares|votes|visitors|tourists|fans|troops"
    r"|civilians|casualties|victims|households|families|companies|firms|customers|users)\b"
)
_NOT_COUNT = rf"(?![-–/]?\d)(?!,\d{{3}})(?!\s+{_COUNT_NOUN})"
# Words before a number that make it an identifier: page 2001, flight 1549, No. 1995.
_NOT_ID = (
    r"(?<![\d,.$€£¥#/])(?<!\bpage\s)(?<!\bpages\s)(?<!\bflight\s)(?<!\bno\.\s)(?<!\bnumber\s)"
    r"(?<!\broute\s)(?<!\broom\s)(?<!\bp\.\s)(?<!\bpp\.\s)(?<!\bbus\s)(?<!\btrain\s)"
    r"(?<!\bhighway\s)(?<!\bmodel\s)(?<!\bversion\s)(?<!\bcode\s)(?<!\bresolution\s)"
)


@dataclass(frozen=True)
class Spot:
    """A candidate expression: its extent in the sentence and the rule that found it."""

    start: int
    end: int
    rule: str
    groups: dict[str, str]


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# A rule runs on a sentence only when the sentence holds one of its trigger words, or one
# of the features "#" (a digit), "#4" (a four-digit number), "#:" (a clock time), "#ampm"
# and "#'0s" (a decade such as '90s).  A tuple of sets asks for one of each.  Most
# sentences hold no trigger at all, and this skips nearly all the regex work.
_MONTH_WORDS = frozenset(MONTHS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_UNIT_WORDS = frozenset(
    "year years month months week weeks day days decade decades century centuries hour hours"
    " minute minutes quarter quarters fortnight weekend".split()
)
_YEAR_NUM = frozenset({"#4"})  # a four-digit number: every rule built on a year needs one
_CLOCK = frozenset(
    "#: #ampm am pm gmt utc bst cet est edt pst et local uk hours hrs noon midday midnight".split()
)
_AMPM = re.compile(r"\b[ap]\.m\b")
_SHORT_DECADE = re.compile(r"['’]\d0s")
TRIGGERS: dict[str, frozenset[str] | tuple[frozenset[str], ...]] = {
    "month_rel": _MONTH_WORDS, "month_ctx": _MONTH_WORDS, "weekday": _WEEKDAY_WORDS,
    "date_dmy": _MONTH_WORDS, "date_mdy": _MONTH_WORDS, "month_year": _MONTH_WORDS,
    "month_day": _MONTH_WORDS, "day_month": _MONTH_WORDS, "date_iso": _YEAR_NUM,
    "date_num": _YEAR_NUM, "decade": _YEAR_NUM, "quarter": _YEAR_NUM, "quarter_q": _YEAR_NUM,
    "season_year": _YEAR_NUM, "year_mod": _YEAR_NUM, "year_ctx": _YEAR_NUM,
    "year_bare": _YEAR_NUM, "year_ctx_weak": _YEAR_NUM, "clock": _CLOCK, "clock_dot": _CLOCK, "clock_ap": _CLOCK,
    "clock_mil": _CLOCK,
    "decade_short": frozenset({"#'0s"}),
    "season_rel": frozenset({"spring", "summer", "autumn", "fall", "winter"}),
    "day_word": frozenset({"yesterday", "today", "tomorrow", "tonight"}),
    "this_part": frozenset({"morning", "afternoon", "evening", "night"}),
    "unit_rel": _UNIT_WORDS, "ago": _UNIT_WORDS, "set_every": frozenset({"every", "each"}),
    "set_adv": frozenset(
        "daily weekly monthly annually yearly hourly nightly fortnightly biannually".split()
    ),
    "set_per": _UNIT_WORDS, "duration": _UNIT_WORDS, "duration_adj": _UNIT_WORDS,
    "duration_past": _UNIT_WORDS, "duration_plural": _UNIT_WORDS, "recent": frozenset({"recent"}),
    "coming": frozenset({"coming"}), "quarter_noyear": frozenset({"quarter", "half"}),
    "set_every_n": frozenset({"every"}), "century": frozenset({"century"}),
    "quarter_rel": frozenset({"quarter", "period"}),
    "quarter_year_first": (_YEAR_NUM, frozenset({"quarter", "period"})),
    "quarter_relyear": frozenset({"quarter", "half"}),
    "quarter_of_relyear": frozenset({"quarter", "half"}), "quarter_adj": frozenset({"quarter", "half"}),
    "year_ago_adj": frozenset({"earlier", "ago"}),
    "clock_day": (
        _WEEKDAY_WORDS | _MONTH_WORDS | {"yesterday", "today", "tomorrow", "tonight"}, _CLOCK
    ),
    "the_year": frozenset({"year"}), "year_end": frozenset({"year", "end"}),
    "recent_adj": frozenset({"recent"}), "current_adj": frozenset({"current"}),
    "holiday": frozenset(
        "christmas year thanksgiving easter election independence labor memorial veterans"
        " halloween valentine boxing bastille".split()
    ), "weekend": frozenset({"weekend"}),
    "month_relyear": _MONTH_WORDS, "year_words": frozenset({"nineteen", "thousand"}),
    "duration_bare": frozenset({"decade", "century", "fortnight"}),
    "present": frozenset({"now", "currently", "nowadays", "present", "presently", "moment", "days"}),
    "past": frozenset({"recently", "lately", "past"}),
    "future": frozenset({"future"}),
}  # fmt: skip
_WORDS = re.compile(r"[a-z]+")
# Features of a sentence besides its words.
_ANY_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_COLON_TIME = re.compile(r"\d:\d")


# (rule name, pattern).  At equal length the earlier rule wins.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 22 January 2019; Tuesday, 22 January 2019; 22nd of Jan. 2019
    ("date_dmy", _r(rf"\b(?P<x>{_WD_LEAD}{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR})\b(?![-–]\d)")),
    # January 22, 2019; Tuesday, Jan. 22, 2019
    ("date_mdy", _r(rf"\b(?P<x>{_WD_LEAD}{_MON}\s+{_DAY},?\s+{_YEAR})\b(?![-–]\d)")),
    # 2019-01-22
    ("date_iso", _r(r"(?<![\d-])(?P<x>(?P<year>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d))(?![\d-])")),
    # 22/01/2019, 1/22/2019, 22.01.2019
    ("date_num", _r(r"(?<![\d/.])(?P<x>(?P<a>[0-3]?\d)([/.])(?P<b>[01]?\d)\3(?P<year>\d{4}))(?![\d/])")),
    # January 2019; Jan. 2019; January of 2019
    ("month_year", _r(rf"\b(?P<x>(?:(?P<mod>early|mid|late)[-\s]+)?{_MON},?\s+(?:of\s+)?{_YEAR})\b{_NOT_COUNT}")),
    # January 22; Tuesday, Jan. 22 (year from the article date)
    ("month_day", _r(rf"\b(?P<x>{_WD_LEAD}{_MON}\s+{_DAY})\b(?![\s,]*+\d)(?!:\d)")),
    # 22 January; the 22nd of January
    ("day_month", _r(rf"\b(?P<x>{_WD_LEAD}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON})(?!\w)(?!\.?,?\s+\d)")),
    # June last year, January this year
    ("month_relyear", _r(rf"\b(?P<x>(?:(?P<mod>early|mid|late)[-\s]+)?{_MON}\s+(?P<yrel>last|this|next)\s+year)\b")),
    # last/next/this January; in January; early January
    ("month_rel", _r(rf"\b(?P<x>(?P<rel>last|next|this|(?:earlier|later)\s+this|early|mid|late)[-\s]+{_MON})(?!\w)(?!\.?,?\s+\d)")),
    ("month_ctx", _r(rf"\b(?:in|since|until|till|by|during|from|through|before|after|of)\s+(?P<x>{_MON})(?!\w)(?!\.?,?\s+\d)")),
    # the 1990s; the '90s; the mid-1990s
    ("decade", _r(r"(?P<x>\b(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<dec>1\d{2}0|20\d0)s)\b")),
    ("century", _r(r"\b(?P<x>(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<cent>1\d|2[01])(?:st|nd|rd|th)\s+century)\b")),
    ("decade_short", _r(r"(?P<x>\b(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?['’](?P<dec2>\d0)s)\b")),
    # the first quarter of 2016; Q1 2016; the second half of 2016
    ("quarter", _r(rf"\b(?P<x>(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+(?P<qh>quarter|half)\s+(?:of\s+)?{_YEAR})\b")),
    ("quarter_noyear", _r(r"\b(?P<x>(?:(?:the|this|last|next)\s+)?(?:(?:fiscal|flat|current|latest|most\s+recent|same|year-ago|year-earlier|comparable)\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<qh>quarter|half))\b(?!\s+(?:of\s+)?\d)")),
    ("quarter_adj", _r(r"\b(?P<x>(?:fiscal\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)-(?P<qh>quarter|half))\b")),
    ("quarter_rel", _r(r"\b(?P<x>(?P<qrel>the\s+(?:latest|current|most\s+recent|year-ago|year-earlier|same|comparable|previous|preceding)|this|last|next|the|last\s+year['’]s|this\s+year['’]s)\s+(?:fiscal\s+)?(?:quarter|(?<=latest\s)period|(?<=year-ago\s)period|(?<=year-earlier\s)period))\b(?!['’]?s?\s+(?:of\s+)?\d)")),
    ("year_ago_adj", _r(r"\b(?P<x>year-(?:earlier|ago))\b(?!\s+(?:quarter|period))")),
    # the 1988 second quarter, the 1989 period, this year's third quarter
    ("quarter_year_first", _r(rf"\b(?P<x>the\s+{_YEAR}\s+(?:(?P<q>first|second|third|fourth)\s+)?(?:fiscal\s+)?(?:quarter|period))\b")),
    ("quarter_relyear", _r(r"\b(?P<x>(?P<yrel>this|last|next)\s+year['’]s\s+(?P<q>first|second|third|fourth)\s+(?P<qh>quarter|half))\b")),
    ("quarter_of_relyear", _r(r"\b(?P<x>(?:the\s+)?(?P<q>first|second|third|fourth)\s+(?P<qh>quarter|half)\s+of\s+(?P<yrel>last|this|next)\s+year)\b")),
    ("quarter_q", _r(rf"\b(?P<x>(?-i:Q|H)(?P<qn>[1-4])\s+{_YEAR})\b")),
    # summer 2016; the summer of 2016; last summer
    ("season_year", _r(rf"\b(?P<x>(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR})\b")),
    ("season_rel", _r(r"\b(?P<x>(?P<rel>last|next|this)\s+(?P<season>spring|summer|autumn|fall|winter))\b")),
    # early 2016, mid-2016, the end of 1994, fiscal 2016
    ("year_mod", _r(rf"\b(?P<x>(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|fiscal|fy)[-\s]+{_YEAR})\b{_NOT_COUNT}")),
    # in 1994, since 1995, dates back to 1995, the Warsaw Summit in 2016
    ("year_ctx", _r(rf"\b(?:in|since|by|until|till|during|of|before|after|around|circa|c\.|throughout|year|as\s+of|early\s+as|late\s+as)\s+(?P<x>{_YEAR})\b{_NOT_COUNT}")),
    # "to", "from", "and" also join counts ("rose to 1200"): a modern year only
    ("year_ctx_weak", _r(rf"\b(?:from|to|between|and|through)\s+(?P<x>(?P<year>1[89]\d\d|20\d\d))\b{_NOT_COUNT}")),
    # a year standing alone, guarded against counts and identifiers
    ("year_bare", _r(rf"\b(?=(?:19|20)\d\d\b){_NOT_ID}(?P<x>(?P<year>19\d{{2}}|20\d{{2}}))\b{_NOT_COUNT}(?!\s*(?:GMT|UTC|hours|hrs|h\b))")),
    ("year_words", _r(rf"\b(?P<x>(?:the\s+year\s+)?(?P<yw>nineteen(?:\s+hundred)?(?:\s+(?:and\s+)?(?:(?:{_TENS_WORD})(?:[-\s](?:{_UNITS_WORD}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[-\s](?:{_UNITS_WORD})))|two\s+thousand(?:\s+(?:and\s+)?(?:{_UNITS_WORD}|ten|eleven|twelve))?))\b(?!\s+(?:{_COUNT_NOUN}|years?|months?|days?|hundred|thousand)\b)")),
    # Christmas, Thanksgiving, Election Day, Easter; last Christmas
    ("holiday", _r(rf"\b(?P<x>(?:(?P<rel>last|next|this)\s+)?(?-i:(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?|Election\s+Day|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Halloween|Valentine['’]s\s+Day|Boxing\s+Day|Bastille\s+Day))(?:\s+{_YEAR})?)\b")),
    # yesterday, today, tomorrow, tonight, yesterday morning
    ("day_word", _r(rf"(?<!\bno\s)\b(?P<x>(?:(?P<emod>early|late|earlier|later)\s+)?(?P<dw>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)(?:\s+{_PART})?)\b")),
    ("this_part", _r(rf"\b(?P<x>(?:this|last)\s+{_PART})\b")),
    # last Tuesday, next Tuesday, Tuesday, Tuesday morning
    ("weekday", _r(rf"(?<!\bBlack\s)(?<!\bGood\s)(?<!\bHoly\s)(?<!\bAsh\s)(?<!\bCyber\s)\b(?P<x>(?:(?P<emod>early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|coming|past)\s+)?{_WD}(?:\s+{_PART})?)\b(?![\s,]*+(?:the\s+)?\d)(?!\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Sport|Agreement|Accords?|prayers?|Club|Night\s+Live)\b)")),
    # last week, next month, this year, earlier this month, the previous day
    ("unit_rel", _r(r"\b(?P<x>(?:(?P<emod>early|late|earlier|later)\s+)?(?P<rel>last|next|this|the\s+previous|the\s+following|the\s+next|the\s+same|that)\s+(?P<unit>week|weekend|month|year|decade|century|day))\b")),
    ("weekend", _r(r"\b(?:over|during|on|at|for|this\s+past)\s+(?P<x>the\s+weekend)\b")),
    # two years ago, a week earlier, three days later
    ("ago", _r(rf"\b(?P<x>(?:(?:about|around|nearly|almost|some|more\s+than|less\s+than|over)\s+)?{_NUM}\s+{_UNIT}\s+(?P<dir>ago|earlier|later|previously|hence))\b(?!\s+than\b)")),
    # every day, each year, every Tuesday, daily, annually
    ("set_every_n", _r(rf"\b(?P<x>every\s+{_NUM}\s+(?P<unit>days|weeks|months|years|decades|hours|minutes))\b")),
    ("set_every", _r(r"\b(?P<x>(?:every|each)\s+(?:other\s+|single\s+)?(?P<unit>day|week|month|year|morning|evening|night|weekend|quarter|decade|hour|minute|(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))\b")),
    ("set_adv", _r(r"\b(?P<x>(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|fortnightly|biannually))\b")),
    # twice a day, five times a week, 5% a year, $50 a month (the licence looked back at, so
    # the match starts where the expression does)
    ("set_per", _r(r"(?:(?<=%\s)|(?<=\d\s)|(?<=once\s)|(?<=twice\s)|(?<=times\s)|(?<=million\s)|(?<=billion\s)|(?<=percent\s)|(?<=dollars\s)|(?<=cents\s))(?P<x>(?:a|per|each)\s+(?P<unit>day|week|month|year))\b")),
    # 25 years, a decade, several months, the past few weeks, 25-year
    ("duration", _r(rf"\b(?P<x>(?:{_DUR_MOD}\s+)?{_NUM}(?:\s*(?:-|–|to|or)\s*{_NUM_HIGH})?\s+(?:more\s+|full\s+|straight\s+|consecutive\s+|additional\s+|long\s+)?{_UNIT})\b")),
    ("duration_past", _r(r"\b(?P<x>the\s+(?P<dmod>past|last|previous|coming|next)\s+(?P<unit>year|month|week|decade|century))\b(?!['’]s)")),
    ("duration_plural", _r(r"\b(?:for|in|within|after|over|lasting|took|take|takes|spent|spend)\s+(?P<x>(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries))\b(?!\s+(?:ago|later|earlier|of\s+\w+ing))")),
    ("duration_adj", _r(r"\b(?P<x>(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|hundred)-(?P<unit>year|month|week|day|hour|minute|decade)(?:-long)?)\b(?!-old)")),
    ("duration_bare", _r(r"\b(?P<x>(?:a|one|the\s+(?:past|last|next|coming))\s+(?P<unit>decade|century|fortnight))\b")),
    # now, currently, recently, the past, the future
    # the year, the fiscal year, the full year (ended June 30); year-end
    ("the_year", _r(r"\b(?P<x>the\s+(?:(?:current|full|entire|whole)\s+)?(?:(?P<fiscal>fiscal)\s+)?year)\b(?!-)(?!(?:['’]s)?\s+(?:two|nineteen|\d))(?P<ended>\s+(?:ended|ending|to)\b)?")),
    ("year_end", _r(r"\b(?P<x>(?:the\s+)?year-end|(?P<endof>(?:the\s+)?end\s+of\s+the\s+year))\b")),
    # recent, current: the past and present without a date. A bare "previously" is not
    # spotted: TempEval-3's annotators tag 3 of its 23 uses, and it dates nothing.
    ("recent_adj", _r(r"\b(?P<x>recent)\b(?=\s+[a-z])")),
    ("current_adj", _r(r"\b(?P<x>current)\b(?=\s+[a-z])(?!\s+(?:account|accounts|affairs|events|flows?|of|through)\b)")),
    ("recent", _r(r"\b(?P<x>recent\s+(?P<unit>years|months|weeks|days|decades))\b")),
    ("present", _r(r"\b(?P<x>now|currently|nowadays|at\s+present|presently|at\s+the\s+moment|these\s+days)\b")),
    ("past", _r(r"\b(?P<x>recently|lately|the\s+past)\b(?!\s+(?:few|several|two|three|\d))")),
    ("future", _r(r"\b(?P<x>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future)\b")),
    ("coming", _r(r"\b(?P<x>(?:the\s+)?coming\s+(?P<unit>years|months|weeks|days|decades))\b")),
    # 10 p.m. Wednesday, noon Saturday, midnight Friday, 5 p.m. EST Nov. 9
    ("clock_day", _r(rf"(?<![\d:.])(?P<x>(?:(?P<word>noon|midday|midnight)|(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b))(?:\s+(?P<tz>GMT|UTC|BST|CET|EST|EDT|PST|ET|local\s+time))?,?\s+(?:on\s+)?(?:{_WD}|{_MON}\s+{_DAY}\b|(?P<dw>yesterday|today|tomorrow|tonight)\b))")),
    # 18:00, 6.30 pm, 6 p.m., 0030 GMT
    ("clock_dot", _r(r"(?<![\d:.])(?P<x>(?P<h>[01]?\d|2[0-3])\.(?P<mi>[0-5]\d)\s*(?:(?P<ap>[ap]\.?m\.?)(?!\w)|(?P<tz>GMT|UTC|BST|CET|EST|EDT|PST|ET|local\s+time|UK\s+time)))(?![\d:])")),
    ("clock", _r(r"(?<![\d:.])(?P<x>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ap>[ap]\.?m\.?)(?!\w))?(?:\s+(?P<tz>GMT|UTC|BST|CET|EST|EDT|PST|ET|local\s+time|UK\s+time))?)(?![\d:])")),
    ("clock_ap", _r(r"(?<![\d:.])(?P<x>(?P<h>1[0-2]|0?[1-9])\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?P<tz>GMT|UTC|BST|CET|EST|EDT|PST|ET|local\s+time))?)")),
    ("clock_mil", _r(r"(?<![\d:.])(?P<x>(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?P<tz>GMT|UTC|BST|hours|hrs|local\s+time))\b")),
)  # fmt: skip


# Rules whose every match holds a unit word ("25 years", "a week ago", "last month"): they
# are matched only in windows around the unit words, not along the whole sentence, which
# is where most of the tagging time went.
_UNIT_ANCHORED = frozenset(
    {"duration", "ago", "set_per", "duration_adj", "duration_plural", "unit_rel",
     "duration_past", "duration_bare", "coming", "recent"}
)  # fmt: skip
_UNIT_WORD = re.compile(
    r"(?i)\b(?:years?|months?|weeks?|weekends?|days?|decades?|centur(?:y|ies)|hours?|minutes?"
    r"|quarters?|fortnights?)\b"
)
# A word starts after anything but a letter or digit: "1918-1920" and "17-23 October" hold
# expressions that start right after the hyphen.
_WORD_START = re.compile(r"(?<![\w'’-])[\w'’]|(?<=[-–/])\d")
# Families of rules that share an anchor: every match of theirs holds the anchor and starts
# at most so many words before it.  The patterns are tried only at those word starts,
# instead of at every position of the sentence, which is what keeps their many
# alternatives cheap.  (anchor, words a match may start before it)
_ANCHORS: dict[str, tuple[re.Pattern[str], int]] = {
    "unit": (_UNIT_WORD, 12),  # "at least 2 1/2 to 3 1/2 more years"
    "month": (re.compile(rf"\b{_MON}"), 6),  # "Tuesday, the 22nd of January"
    "year": (re.compile(r"(?<!\d)\d{4}(?!\d)"), 6),  # "the beginning of 2016", "22/01/2019"
    "weekday": (re.compile(rf"\b{_WD}"), 3),  # "early last Tuesday"
}
_FAMILY = {
    **dict.fromkeys(_UNIT_ANCHORED, "unit"),
    **dict.fromkeys(
        ("date_dmy", "date_mdy", "month_year", "month_day", "day_month", "month_rel",
         "month_ctx", "month_relyear"), "month"),
    **dict.fromkeys(
        ("date_iso", "date_num", "decade", "quarter", "quarter_q", "season_year", "year_mod",
         "year_ctx", "year_ctx_weak", "year_bare"), "year"),
    "weekday": "weekday",
}  # fmt: skip


_LOOK_BACK = 90  # characters before an anchor that hold its few words before


def _starts(sentence: str, family: str) -> list[int]:
    """Where an expression of ``family`` can start in ``sentence``: the anchor itself, even
    where no word starts ("Monday-Wednesday"), and the starts of the few words before it."""
    anchor, before = _ANCHORS[family]
    starts: set[int] = set()
    for m in anchor.finditer(sentence):
        a = m.start()
        words = [w.start() for w in _WORD_START.finditer(sentence, max(0, a - _LOOK_BACK), a)]
        starts.update(words[-before:])
        starts.add(a)
    return sorted(starts)


def _index_triggers() -> tuple[dict[str, tuple[int, ...]], list[tuple[frozenset[str], ...]]]:
    """token -> the rules it can set off (by their first trigger set), and for each rule the
    further sets that must also be present."""
    by_token: dict[str, list[int]] = {}
    others: list[tuple[frozenset[str], ...]] = []
    for k, (name, _) in enumerate(RULES):
        trigger = TRIGGERS[name]
        needs = trigger if isinstance(trigger, tuple) else (trigger,)
        for token in needs[0]:
            by_token.setdefault(token, []).append(k)
        others.append(tuple(needs[1:]))
    return {t: tuple(ks) for t, ks in by_token.items()}, others


def spot(sentence: str) -> list[Spot]:
    """Every temporal expression in ``sentence``, non-overlapping, in text order."""
    candidates: list[tuple[int, int, int, Spot]] = []
    lower = sentence.lower()
    present = set(_TRIGGER_TOKENS.intersection(_WORDS.findall(lower)))
    # the features besides words, each tested only when a plain substring says it may hold
    if _ANY_DIGIT.search(lower):
        present.add("#")
        if _FOUR_DIGITS.search(lower):
            present.add("#4")
        if ":" in lower and _COLON_TIME.search(lower):
            present.add("#:")
        if "0s" in lower and _SHORT_DECADE.search(lower):
            present.add("#'0s")
    if ".m" in lower and _AMPM.search(lower):
        present.add("#ampm")
    starts: dict[str, list[int]] = {}
    due = sorted({k for token in present for k in _RULES_BY_TOKEN.get(token, ())})
    for priority in due:
        name, pattern = RULES[priority]
        others = _OTHER_NEEDS[priority]
        if others and any(present.isdisjoint(need) for need in others):
            continue
        family = _FAMILY.get(name)
        if family is not None:
            if family not in starts:
                starts[family] = _starts(sentence, family)
            matches = [m for pos in starts[family] if (m := pattern.match(sentence, pos))]
        else:
            matches = pattern.finditer(sentence)
        for m in matches:
            start, end = m.span("x") if m.groupdict().get("x") is not None else m.span()
            if end <= start:
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            candidates.append((-(end - start), start, priority, Spot(start, end, name, groups)))
    return longest_first(candidates)


def longest_first(candidates: list[tuple[int, int, int, Spot]]) -> list[Spot]:
    """The non-overlapping spots of ``(-length, start, priority, spot)`` candidates, taken
    greedily longest first (then leftmost, then by rule priority), in text order."""
    candidates.sort(key=lambda c: c[:3])
    # the chosen spans are kept sorted so each check is a bisection
    starts: list[int] = []
    chosen: list[Spot] = []
    for *_, cand in candidates:
        k = bisect.bisect_right(starts, cand.start)
        if k > 0 and chosen[k - 1].end > cand.start:
            continue
        if k < len(chosen) and chosen[k].start < cand.end:
            continue
        starts.insert(k, cand.start)
        chosen.insert(k, cand)
    return chosen


_RULES_BY_TOKEN, _OTHER_NEEDS = _index_triggers()
_TRIGGER_TOKENS = frozenset(t for t in _RULES_BY_TOKEN if not t.startswith("#"))
