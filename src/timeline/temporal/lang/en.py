# ruff: noqa: E501  (one grammar rule a line reads best)
"""English: word tables and rules (see readings.py for what each rule's groups mean).

Each rule is a regular expression whose named group ``x`` (or the whole match) is the
expression's extent as TimeML marks it; the rest of the pattern is context that licenses
the match ("in 1994" licenses the year, "May" alone is a modal verb).  Candidates from all
rules are resolved greedily, longest first (core.py), so "Tuesday, 22 January 2019" wins
over "Tuesday" and "22 January 2019" inside it.  English is matched as written (no
normalised view), month and weekday names case-sensitively ("may" is a modal, "march" a
verb), and its rules that share an anchor (a unit word, a month, a four-digit number, a
weekday) are tried only at the few word starts before it, which is what keeps their many
alternatives cheap.  Only English news tracks the quarter under discussion (earnings
reports: "the year-ago quarter", "the 1989 period").
"""

from __future__ import annotations

from typing import Any

from ..grammar import Feature, Rule, Spec, numbered, word_tables

MONTHS = numbered(
    "january february march april may june july august september october november december", 1
)
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
              "sept": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
WEEKDAYS = numbered("monday tuesday wednesday thursday friday saturday sunday")
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a thousand": 1000, "a couple of": 2, "couple of": 2, "a couple": 2,
}  # fmt: skip

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


# A rule runs on a sentence only when the sentence holds one of its trigger words, or one
# of the features "#" (a digit), "#4" (a four-digit number), "#:" (a clock time), "#ampm"
# and "#'0s" (a decade such as '90s).  A tuple of sets asks for one of each.  Most
# sentences hold no trigger at all, and this skips nearly all the regex work.
_MONTH_WORDS = frozenset(MONTHS) | frozenset(MONTH_ABBR)
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_UNIT_WORDS = frozenset(
    "year years month months week weeks day days decade decades century centuries hour hours"
    " minute minutes quarter quarters fortnight weekend".split()
)
_YEAR_NUM = frozenset({"#4"})  # a four-digit number: every rule built on a year needs one
_CLOCK = frozenset(
    "#: #ampm am pm gmt utc bst cet est edt pst et local uk hours hrs noon midday midnight".split()
)
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
# Features of a sentence besides its words: "#" (a digit), "#4" (a four-digit number), "#:"
# (a clock time), "#'0s" (a decade such as '90s), "#ampm".
FEATURES: tuple[Feature, ...] = (
    ("#", "", "", r"\d"),
    ("#4", "#", "", r"(?<!\d)\d{4}(?!\d)"),
    ("#:", "#", ":", r"\d:\d"),
    ("#'0s", "#", "0s", r"['’]\d0s"),
    ("#ampm", "", ".m", r"\b[ap]\.m\b"),
)


# (rule name, pattern).  At equal length the earlier rule wins.
_RULES: tuple[tuple[str, str], ...] = (
    # 22 January 2019; Tuesday, 22 January 2019; 22nd of Jan. 2019
    ("date_dmy", (rf"\b(?P<x>{_WD_LEAD}{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR})\b(?![-–]\d)")),
    # January 22, 2019; Tuesday, Jan. 22, 2019
    ("date_mdy", (rf"\b(?P<x>{_WD_LEAD}{_MON}\s+{_DAY},?\s+{_YEAR})\b(?![-–]\d)")),
    # 2019-01-22
    ("date_iso", (r"(?<![\d-])(?P<x>(?P<year>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d))(?![\d-])")),
    # 22/01/2019, 1/22/2019, 22.01.2019
    ("date_num", (r"(?<![\d/.])(?P<x>(?P<a>[0-3]?\d)([/.])(?P<b>[01]?\d)\3(?P<year>\d{4}))(?![\d/])")),
    # January 2019; Jan. 2019; January of 2019
    ("month_year", (rf"\b(?P<x>(?:(?P<mod>early|mid|late)[-\s]+)?{_MON},?\s+(?:of\s+)?{_YEAR})\b{_NOT_COUNT}")),
    # January 22; Tuesday, Jan. 22 (year from the article date)
    ("month_day", (rf"\b(?P<x>{_WD_LEAD}{_MON}\s+{_DAY})\b(?![\s,]*+\d)(?!:\d)")),
    # 22 January; the 22nd of January
    ("day_month", (rf"\b(?P<x>{_WD_LEAD}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON})(?!\w)(?!\.?,?\s+\d)")),
    # June last year, January this year
    ("month_relyear", (rf"\b(?P<x>(?:(?P<mod>early|mid|late)[-\s]+)?{_MON}\s+(?P<yrel>last|this|next)\s+year)\b")),
    # last/next/this January; in January; early January
    ("month_rel", (rf"\b(?P<x>(?:(?P<rel>last|next|this|(?:earlier|later)\s+this)|(?P<mod>early|mid|late))[-\s]+{_MON})(?!\w)(?!\.?,?\s+\d)")),
    ("month_ctx", (rf"\b(?:in|since|until|till|by|during|from|through|before|after|of)\s+(?P<x>{_MON})(?!\w)(?!\.?,?\s+\d)")),
    # the 1990s; the '90s; the mid-1990s
    ("decade", (r"(?P<x>\b(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<dec>1\d{2}0|20\d0)s)\b")),
    ("century", (r"\b(?P<x>(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<cent>1\d|2[01])(?:st|nd|rd|th)\s+century)\b")),
    ("decade_short", (r"(?P<x>\b(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?['’](?P<dec2>\d0)s)\b")),
    # the first quarter of 2016; Q1 2016; the second half of 2016
    ("quarter", (rf"\b(?P<x>(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+(?P<qh>quarter|half)\s+(?:of\s+)?{_YEAR})\b")),
    ("quarter_noyear", (r"\b(?P<x>(?:(?P<rel>the|this|last|next)\s+)?(?:(?P<qadj>fiscal|flat|current|latest|most\s+recent|same|year-ago|year-earlier|comparable)\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<qh>quarter|half))\b(?!\s+(?:of\s+)?\d)")),
    ("quarter_adj", (r"\b(?P<x>(?:fiscal\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)-(?P<qh>quarter|half))\b")),
    ("quarter_rel", (r"\b(?P<x>(?P<qrel>the\s+(?:latest|current|most\s+recent|year-ago|year-earlier|same|comparable|previous|preceding)|this|last|next|the|last\s+year['’]s|this\s+year['’]s)\s+(?:fiscal\s+)?(?:quarter|(?<=latest\s)period|(?<=year-ago\s)period|(?<=year-earlier\s)period))\b(?!['’]?s?\s+(?:of\s+)?\d)")),
    ("year_ago_adj", (r"\b(?P<x>year-(?:earlier|ago))\b(?!\s+(?:quarter|period))")),
    # the 1988 second quarter, the 1989 period, this year's third quarter
    ("quarter_year_first", (rf"\b(?P<x>the\s+{_YEAR}\s+(?:(?P<q>first|second|third|fourth)\s+)?(?:fiscal\s+)?(?:quarter|period))\b")),
    ("quarter_relyear", (r"\b(?P<x>(?P<yrel>this|last|next)\s+year['’]s\s+(?P<q>first|second|third|fourth)\s+(?P<qh>quarter|half))\b")),
    ("quarter_of_relyear", (r"\b(?P<x>(?:the\s+)?(?P<q>first|second|third|fourth)\s+(?P<qh>quarter|half)\s+of\s+(?P<yrel>last|this|next)\s+year)\b")),
    ("quarter_q", (rf"\b(?P<x>(?-i:Q|H)(?P<qn>[1-4])\s+{_YEAR})\b")),
    # summer 2016; the summer of 2016; last summer
    ("season_year", (rf"\b(?P<x>(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR})\b")),
    ("season_rel", (r"\b(?P<x>(?P<rel>last|next|this)\s+(?P<season>spring|summer|autumn|fall|winter))\b")),
    # early 2016, mid-2016, the end of 1994, fiscal 2016
    ("year_mod", (rf"\b(?P<x>(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|fiscal|fy)[-\s]+{_YEAR})\b{_NOT_COUNT}")),
    # in 1994, since 1995, dates back to 1995, the Warsaw Summit in 2016
    ("year_ctx", (rf"\b(?:in|since|by|until|till|during|of|before|after|around|circa|c\.|throughout|year|as\s+of|early\s+as|late\s+as)\s+(?P<x>{_YEAR})\b{_NOT_COUNT}")),
    # "to", "from", "and" also join counts ("rose to 1200"): a modern year only
    ("year_ctx_weak", (rf"\b(?:from|to|between|and|through)\s+(?P<x>(?P<year>1[89]\d\d|20\d\d))\b{_NOT_COUNT}")),
    # a year standing alone, guarded against counts and identifiers
    ("year_bare", (rf"\b(?=(?:19|20)\d\d\b){_NOT_ID}(?P<x>(?P<year>19\d{{2}}|20\d{{2}}))\b{_NOT_COUNT}(?!\s*(?:GMT|UTC|hours|hrs|h\b))")),
    ("year_words", (rf"\b(?P<x>(?:the\s+year\s+)?(?P<yw>nineteen(?:\s+hundred)?(?:\s+(?:and\s+)?(?:(?:{_TENS_WORD})(?:[-\s](?:{_UNITS_WORD}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[-\s](?:{_UNITS_WORD})))|two\s+thousand(?:\s+(?:and\s+)?(?:{_UNITS_WORD}|ten|eleven|twelve))?))\b(?!\s+(?:{_COUNT_NOUN}|years?|months?|days?|hundred|thousand)\b)")),
    # Christmas, Thanksgiving, Election Day, Easter; last Christmas
    ("holiday", (rf"\b(?P<x>(?:(?P<rel>last|next|this)\s+)?(?-i:(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?|Election\s+Day|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Halloween|Valentine['’]s\s+Day|Boxing\s+Day|Bastille\s+Day))(?:\s+{_YEAR})?)\b")),
    # yesterday, today, tomorrow, tonight, yesterday morning
    ("day_word", (rf"(?<!\bno\s)\b(?P<x>(?:(?P<emod>early|late|earlier|later)\s+)?(?P<dw>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)(?:\s+{_PART})?)\b")),
    ("this_part", (rf"\b(?P<x>(?P<rel>this|last)\s+{_PART})\b")),
    # last Tuesday, next Tuesday, Tuesday, Tuesday morning
    ("weekday", (rf"(?<!\bBlack\s)(?<!\bGood\s)(?<!\bHoly\s)(?<!\bAsh\s)(?<!\bCyber\s)\b(?P<x>(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|coming|past)\s+)?{_WD}(?:\s+{_PART})?)\b(?![\s,]*+(?:the\s+)?\d)(?!\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Sport|Agreement|Accords?|prayers?|Club|Night\s+Live)\b)")),
    # last week, next month, this year, earlier this month, the previous day
    ("unit_rel", (r"\b(?P<x>(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rel>last|next|this|the\s+previous|the\s+following|the\s+next|the\s+same|that)\s+(?P<unit>week|weekend|month|year|decade|century|day))\b")),
    ("weekend", (r"\b(?:over|during|on|at|for|this\s+past)\s+(?P<x>the\s+weekend)\b")),
    # two years ago, a week earlier, three days later
    ("ago", (rf"\b(?P<x>(?:(?:about|around|nearly|almost|some|more\s+than|less\s+than|over)\s+)?{_NUM}\s+{_UNIT}\s+(?P<dir>ago|earlier|later|previously|hence))\b(?!\s+than\b)")),
    # every day, each year, every Tuesday, daily, annually
    ("set_every_n", (rf"\b(?P<x>every\s+{_NUM}\s+(?P<unit>days|weeks|months|years|decades|hours|minutes))\b")),
    ("set_every", (r"\b(?P<x>(?:every|each)\s+(?:(?P<other>other)\s+|single\s+)?(?P<unit>day|week|month|year|morning|evening|night|weekend|quarter|decade|hour|minute|(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))\b")),
    ("set_adv", (r"\b(?P<x>(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|fortnightly|biannually))\b")),
    # twice a day, five times a week, 5% a year, $50 a month (the licence looked back at, so
    # the match starts where the expression does)
    ("set_per", (r"(?:(?<=%\s)|(?<=\d\s)|(?<=once\s)|(?<=twice\s)|(?<=times\s)|(?<=million\s)|(?<=billion\s)|(?<=percent\s)|(?<=dollars\s)|(?<=cents\s))(?P<x>(?:a|per|each)\s+(?P<unit>day|week|month|year))\b")),
    # 25 years, a decade, several months, the past few weeks, 25-year
    ("duration", (rf"\b(?P<x>(?:{_DUR_MOD}\s+)?{_NUM}(?:\s*(?:-|–|to|or)\s*{_NUM_HIGH})?\s+(?:more\s+|full\s+|straight\s+|consecutive\s+|additional\s+|long\s+)?{_UNIT})\b")),
    ("duration_past", (r"\b(?P<x>the\s+(?P<dmod>past|last|previous|coming|next)\s+(?P<unit>year|month|week|decade|century))\b(?!['’]s)")),
    ("duration_plural", (r"\b(?:for|in|within|after|over|lasting|took|take|takes|spent|spend)\s+(?P<x>(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries))\b(?!\s+(?:ago|later|earlier|of\s+\w+ing))")),
    ("duration_adj", (r"\b(?P<x>(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|hundred)-(?P<unit>year|month|week|day|hour|minute|decade)(?:-long)?)\b(?!-old)")),
    ("duration_bare", (r"\b(?P<x>(?:a|one|the\s+(?:past|last|next|coming))\s+(?P<unit>decade|century|fortnight))\b")),
    # now, currently, recently, the past, the future
    # the year, the fiscal year, the full year (ended June 30); year-end
    ("the_year", (r"\b(?P<x>the\s+(?:(?:current|full|entire|whole)\s+)?(?:(?P<fiscal>fiscal)\s+)?year)\b(?!-)(?!(?:['’]s)?\s+(?:two|nineteen|\d))(?P<ended>\s+(?:ended|ending|to)\b)?")),
    ("year_end", (r"\b(?P<x>(?:the\s+)?year-end|(?P<endof>(?:the\s+)?end\s+of\s+the\s+year))\b")),
    # recent, current: the past and present without a date. A bare "previously" is not
    # spotted: TempEval-3's annotators tag 3 of its 23 uses, and it dates nothing.
    ("recent_adj", (r"\b(?P<x>recent)\b(?=\s+[a-z])")),
    ("current_adj", (r"\b(?P<x>current)\b(?=\s+[a-z])(?!\s+(?:account|accounts|affairs|events|flows?|of|through)\b)")),
    ("recent", (r"\b(?P<x>recent\s+(?P<unit>years|months|weeks|days|decades))\b")),
    ("present", (r"\b(?P<x>now|currently|nowadays|at\s+present|presently|at\s+the\s+moment|these\s+days)\b")),
    ("past", (r"\b(?P<x>recently|lately|the\s+past)\b(?!\s+(?:few|several|two|three|\d))")),
    ("future", (r"\b(?P<x>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future)\b")),
    ("coming", (r"\b(?P<x>(?:the\s+)?coming\s+(?P<unit>years|months|weeks|days|decades))\b")),
    # 10 p.m. Wednesday, noon Saturday, midnight Friday, 5 p.m. EST Nov. 9
    ("clock_day", (rf"(?<![\d:.])(?P<x>(?:(?P<word>noon|midday|midnight)|(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b))(?:\s+(?P<tz>GMT|UTC|BST|CET|EST|EDT|PST|ET|local\s+time))?,?\s+(?:on\s+)?(?:{_WD}|{_MON}\s+{_DAY}\b|(?P<dw>yesterday|today|tomorrow|tonight)\b))")),
    # 18:00, 6.30 pm, 6 p.m., 0030 GMT
    ("clock_dot", (r"(?<![\d:.])(?P<x>(?P<h>[01]?\d|2[0-3])\.(?P<mi>[0-5]\d)\s*(?:(?P<ap>[ap]\.?m\.?)(?!\w)|(?P<tz>GMT|UTC|BST|CET|EST|EDT|PST|ET|local\s+time|UK\s+time)))(?![\d:])")),
    ("clock", (r"(?<![\d:.])(?P<x>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ap>[ap]\.?m\.?)(?!\w))?(?:\s+(?P<tz>GMT|UTC|BST|CET|EST|EDT|PST|ET|local\s+time|UK\s+time))?)(?![\d:])")),
    ("clock_ap", (r"(?<![\d:.])(?P<x>(?P<h>1[0-2]|0?[1-9])\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?P<tz>GMT|UTC|BST|CET|EST|EDT|PST|ET|local\s+time))?)")),
    ("clock_mil", (r"(?<![\d:.])(?P<x>(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?P<tz>GMT|UTC|BST|hours|hrs|local\s+time))\b")),
)  # fmt: skip


# Rules whose every match holds a unit word ("25 years", "a week ago", "last month"), a
# month, a four-digit number or a weekday: they are matched only at the few word starts
# before such an anchor, not along the whole sentence, which is where most of the tagging
# time went.  (anchor, words a match may start before it)
ANCHORS: dict[str, tuple[str, int]] = {
    "unit": (
        r"(?i)\b(?:years?|months?|weeks?|weekends?|days?|decades?|centur(?:y|ies)|hours?"
        r"|minutes?|quarters?|fortnights?)\b",
        12,  # "at least 2 1/2 to 3 1/2 more years"
    ),
    "month": (rf"\b{_MON}", 6),  # "Tuesday, the 22nd of January"
    "year": (r"(?<!\d)\d{4}(?!\d)", 6),  # "the beginning of 2016", "22/01/2019"
    "weekday": (rf"\b{_WD}", 3),  # "early last Tuesday"
}
FAMILIES = {
    **dict.fromkeys(
        ("duration", "ago", "set_per", "duration_adj", "duration_plural", "unit_rel",
         "duration_past", "duration_bare", "coming", "recent"), "unit"),
    **dict.fromkeys(
        ("date_dmy", "date_mdy", "month_year", "month_day", "day_month", "month_rel",
         "month_ctx", "month_relyear"), "month"),
    **dict.fromkeys(
        ("date_iso", "date_num", "decade", "quarter", "quarter_q", "season_year", "year_mod",
         "year_ctx", "year_ctx_weak", "year_bare"), "year"),
    "weekday": "weekday",
}  # fmt: skip

# The reading (readings.py) of each rule not named after its reading.
READINGS = {
    **dict.fromkeys(("date_dmy", "date_mdy", "month_day", "day_month"), "date"),
    **dict.fromkeys(("month_rel", "month_ctx", "month_relyear"), "month"),
    **dict.fromkeys(("decade", "decade_short"), "decade"),
    **dict.fromkeys(("quarter", "quarter_q"), "quarter"),
    **dict.fromkeys(("quarter_noyear", "quarter_adj"), "quarter_noyear"),
    **dict.fromkeys(("quarter_year_first", "quarter_relyear", "quarter_of_relyear"),
                    "quarter_of_year"),
    "season_year": "season",
    **dict.fromkeys(("year_ctx", "year_bare", "year_ctx_weak"), "year"),
    "ago": "ago_spoken",
    **dict.fromkeys(("set_every", "set_adv", "set_per"), "set"),
    **dict.fromkeys(("duration", "duration_adj", "duration_bare"), "duration_spoken"),
    "duration_past": "duration_one",
    "duration_plural": "duration_vague",
    **dict.fromkeys(("recent", "recent_adj"), "past"),
    "coming": "future",
    "current_adj": "present",
    **dict.fromkeys(("clock", "clock_day", "clock_dot", "clock_ap", "clock_mil"), "clock"),
}  # fmt: skip

RELS = {
    "last": "last", "past": "last", "next": "next", "this": "this", "coming": "coming",
    "earlier this": "this", "later this": "this", "the previous": "prev",
    "the following": "following", "the next": "ahead", "the same": "that", "that": "that",
}  # fmt: skip
MODS = {
    "early": "EARLY", "mid": "MID", "late": "LATE", "the end of": "END",
    "the beginning of": "START", "the start of": "START", "the middle of": "MID",
    "fiscal": None, "fy": None, "earlier": None, "later": None,
}  # fmt: skip
DMODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "under": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "just under": "LESS_THAN",
    "over": "MORE_THAN", "more than": "MORE_THAN", "just over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}  # fmt: skip
AM_PM = {"am": "am", "am.": "am", "a.m": "am", "a.m.": "am",
         "pm": "pm", "pm.": "pm", "p.m": "pm", "p.m.": "pm"}  # fmt: skip
YEAR_RELS = {"last": -1, "this": 0, "next": 1}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
UNITS = {
    **{w: u for u in ("year", "month", "week", "day", "decade", "hour", "minute", "quarter",
                      "weekend", "fortnight") for w in (u, u + "s")},
    "century": "century", "centuries": "century",
}  # fmt: skip
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "final": -1, "last": -1}  # fmt: skip
DAY_WORDS = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": (0, "NI"),
             "tomorrow": 1, "the day after tomorrow": 2}  # fmt: skip
# Which way a count of units goes, and whether it counts from the last date told.
DIRECTIONS = {"ago": (-1, False), "earlier": (-1, True), "previously": (-1, False),
              "later": (1, True), "hence": (1, False)}  # fmt: skip
QUARTER_RELS = {
    "this": "this", "the current": "this", "next": "next", "the previous": "prev",
    "the preceding": "prev", "the year-ago": "year_ago", "the year-earlier": "year_ago",
    "last year's": "year_ago", "year-ago": "year_ago", "year-earlier": "year_ago",
    "last": "last", "the": "last", "the latest": "last", "the most recent": "last",
    "the same": "last", "the comparable": "last", "this year's": "last",
}  # fmt: skip
SET_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "TNI", "fortnightly": "P2W", "biannually": "P6M",
}  # fmt: skip
# The word before a year that bounds or blurs it: "since 1994" is from 1994 on.
YEAR_BOUNDS = {
    "since": "ON_OR_AFTER", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE",
    "before": "BEFORE", "after": "AFTER", "around": "APPROX", "circa": "APPROX", "c.": "APPROX",
}  # fmt: skip
# Holidays of English news: (month, day); ("easter", days after Easter Sunday); ("nth",
# month, weekday, n, days after): the n-th weekday of the month (-1: the last).
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "independence day": (7, 4), "veterans day": (11, 11), "valentine's day": (2, 14),
    "boxing day": (12, 26), "bastille day": (7, 14), "easter": ("easter", 0),
    "easter sunday": ("easter", 0), "easter monday": ("easter", 1),
    "thanksgiving": ("nth", 11, 3, 4, 0), "thanksgiving day": ("nth", 11, 3, 4, 0),  # US
    "labor day": ("nth", 9, 0, 1, 0), "memorial day": ("nth", 5, 0, -1, 0),
    # the Tuesday after the first Monday of November
    "election day": ("nth", 11, 0, 1, 1),
}  # fmt: skip

# Tense cues that point a weekday or a yearless date ahead of the article date.  Only
# constructions that put the clause in the future: "had been scheduled to expire Friday",
# "by Wednesday", "next to the embassy" and "planned" all occur in past reports.
FUTURE = (
    r"\b(?:will|shall|won['’]t|(?:would|could|might)(?!\s+(?:not\s+)?have\b)|(?:is|are|am)\s+(?:due|expected|going|slated)"
    r"\s+to|(?:is|are)\s+to|plan(?:s|ned|ning)?(?:\s+to)?|scheduled|set\s+to"
    r"|to\s+be\s+held|upcoming|postponed\s+until|as\s+(?:soon|early)\s+as)\b|['’]ll\b"
)
# "had been scheduled to expire Friday": a plan reported from after it fell due
PLUPERFECT = r"\bhad\s+(?:been\s+)?(?:\w+\s+)?$"
# An earnings report compares with these quarters; the one under discussion is another.
BACKWARD = r"year-ago|year-earlier|last\s+year|previous|preceding"

GUARDS = {
    # a bare 19xx/20xx before a plural noun is a count ("2000 troops") unless a determiner
    # or preposition marks it as a year ("the 1998 elections")
    "plural_after": r"^\s+(?-i:[a-z]+s)\b",
    "determiner_before": r"(?:\bthe|\bits|\bhis|\bher|\btheir|\bour|\bthis|\bthat|\bin|\bof|\bsince)\s+$",
    # "which today requires a diversified response": today as the present in general
    "generic_today_before": r"(?:\bof|\bthat|\bwhich|\bwho|\bwhere)\s+$|\w\s+$",
    "generic_today_after": r"^\s*(?:is|are|has|have|remains?|requires?|needs?|faces?|can|must|does|do|lives?|seems?|stands?|knows?|means?|looks?)\b",
    "by_before": r"(?-i:\bby)\s+$",
}


def number(text: str) -> int | None:
    """12, "1,000", "twelve", "twenty-four", "twenty four", "a couple of"; None when vague."""
    text = " ".join(text.lower().replace("-", " ").split())
    if text.replace(",", "").isdigit():
        return int(text.replace(",", ""))
    if " hundred" in text:  # "two hundred", "a hundred and fifty"
        head, _, rest = text.partition(" hundred")
        times = number(head) if head != "a" else 1
        extra = number(rest.removeprefix(" and ")) if rest.strip() else 0
        return times * 100 + extra if times and extra is not None else None
    if text in NUMBERS:
        return NUMBERS[text]
    tens, _, unit = text.partition(" ")
    if tens in NUMBERS and unit in NUMBERS and NUMBERS[tens] >= 20 and NUMBERS[unit] < 10:
        return NUMBERS[tens] + NUMBERS[unit]
    return None


def spoken_year(text: str) -> int | None:
    """ "nineteen ninety-six", "the year two thousand"; None for "nineteen" alone."""
    words = text.lower().replace("-", " ").split()
    words = [w for w in words if w not in ("the", "year", "and", "hundred", "oh")]
    if words[:2] == ["two", "thousand"]:
        rest = " ".join(words[2:])
        return 2000 + ((number(rest) or 0) if rest else 0)
    n = number(" ".join(words[1:])) if len(words) > 1 else None
    if n is None or n > 99:
        return None
    return 1900 + n


def rules(a: dict[str, Any]) -> list[Rule]:
    """The English rules: written out in full, they need none of the alternations ``a``."""
    out = []
    for name, pattern in _RULES:
        trigger = TRIGGERS[name]
        out.append((name, pattern, trigger if isinstance(trigger, tuple) else (trigger,)))
    return out


def spec() -> Spec:
    return Spec(
        language="en",
        tables={
            **word_tables(globals()),
            "set_unit": {"morning": "morning", "evening": "evening", "night": "night"},
            "half": {"half": True, "quarter": False},
            "direction": dict(DIRECTIONS),
            "quarter_rel": dict(QUARTER_RELS),
            "year_bound": dict(YEAR_BOUNDS),
            "holiday": dict(HOLIDAYS),
            "ampm": dict(AM_PM),
        },
        number=number,
        rules=rules,
        guards=GUARDS,
        readings=READINGS,
        future=FUTURE,
        veto=PLUPERFECT,
        cues_after=False,
        views=False,
        words=r"[a-z]+",
        features=FEATURES,
        anchors=ANCHORS,
        families=FAMILIES,
        day_rules=frozenset({"clock_day"}),  # a time on a day told: "the next day" counts from it
        quarter_back=BACKWARD,
        # a count back ("a year ago") and "year-earlier" compare with the quarter discussed
        not_the_quarter=frozenset({"ago", "year_ago_adj"}),
        spoken_year=spoken_year,
        guard_window=80,  # counts and generic "today" are told from the words around
    )
