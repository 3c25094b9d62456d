"""A synthetic English news corpus made from a seed: any size, deterministic, nothing shipped.

Each article is 300-800 words about one of 20,000 stories (an earthquake, an election, an
outbreak, a trial, ...; a few stories get many articles, most get few, as in a news archive),
with front matter (``published:`` between 2014 and 2018, ``source:``, ``title:``). Its
sentences mix template phrasings with the story's people, places and organisations (fixed
lists), explicit dates ("on 3 March 2016", "in 1998"), dates relative to the publication
day that resolve to the story's real dates ("on Tuesday", "yesterday", "last month", "next
week"), durations, times, numbers, sums of money and percentages.

About 19 temporal expressions an article (3.3 per 100 words, as `timeline dates` counts them;
the Timeline17 BBC articles have 1.5): a date-rich corpus, so dates and merging get work.

Article ``i`` depends only on the seed and ``i``, so the first 1,000 articles of a 10,000
corpus are the 1,000 corpus.  Files go in subfolders of 1,000 (``0000/000000.txt``, ...).
Generation takes about 0.3 ms an article on one core (from 10,000 articles on, one process
per core writes the subfolders), so 100,000 articles take well under a minute.

    .venv/bin/python benchmarks/synthetic.py 1000 /tmp/news --seed 1
"""

from __future__ import annotations

import argparse
import json
import os
import string
import sys
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from random import Random

FIRST = (
    "Maria James Aisha Daniel Sofia Omar Elena Thomas Priya Lucas Amara Henrik Mei Carlos "
    "Fatima Peter Ingrid Kwame Laura Yusuf Hannah Mateo Nadia George Chloe Ibrahim Anna "
    "Rahul Grace Viktor Isabel Samuel Leila Martin Zara Felix Ruth Andrei Naomi Pablo"
).split()
LAST = (
    "Okafor Lindqvist Moreau Haddad Kowalski Brennan Tanaka Silva Mensah Novak Fischer "
    "Rahman Castillo O'Neill Petrov Adeyemi Larsen Ferreira Nakamura Dubois Osei Marsh Quinn "
    "Varga Costa Hughes Ahmed Jensen Rossi Baptiste Kendall Alvarez Sato Mwangi Keller Byrne"
).split()
PLACES = (
    "Lyon|Nairobi|Port-au-Prince|Manchester|Valparaiso|Osaka|Kraków|Accra|Porto|Izmir|"
    "Cebu|Leeds|Rotterdam|Mombasa|Cork|Gdansk|Medellín|Sapporo|Kumasi|Bologna|Seville|"
    "Glasgow|Antwerp|Tbilisi|Cusco|Dakar|Hobart|Winnipeg|Aarhus|Brno|Chiang Mai|Arequipa|"
    "Bristol|Lille|Tampere|Plovdiv|Davao|Zanzibar|Quito|Limerick"
).split("|")
ORGS = (
    "the World Health Organization|the United Nations|the Red Cross|the European Commission|"
    "the Bank of England|the health ministry|the interior ministry|Northbridge Energy|"
    "Atlas Telecom|the electoral commission|the national police|Médecins Sans Frontières|"
    "the International Monetary Fund|Harbour Rail|the transport union|the city council|"
    "Meridian Pharmaceuticals|the supreme court|the football association|Oxfam|"
    "the meteorological office|Crestline Bank|the teachers' union|the coastguard"
).split("|")
ROLES = (
    "the health minister|the prime minister|the mayor|the chief executive|a spokesperson|"
    "the president|the finance minister|the police chief|a senior official|"
    "the opposition leader|the head of the agency|a local doctor|an aid worker|the judge|"
    "the union leader|an analyst|a witness|the coach|the chairman"
).split("|")
OUTLETS = (
    "The Daily Courier|Northern Herald|Evening Gazette|World Wire|The Chronicle|"
    "Metro Post|Coastal Times|The Observer Weekly"
).split("|")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
SMALL = "two three four five six seven eight nine ten twelve".split()

# Per kind of story: what it is called, headlines, and what its articles say.  {when} is the
# story's main day and {when2} a second day of it, both written as the article would from its
# own publication day; {year} an earlier year; the other fields vary sentence by sentence.
KINDS: dict[str, dict[str, list[str]]] = {
    "earthquake": {
        "event": ["the earthquake", "the quake", "the disaster", "the tremor"],
        "headline": [
            "Earthquake strikes near {place}",
            "{place} earthquake death toll rises to {big}",
            "Aid arrives in {place} after earthquake",
        ],
        "lines": [
            "A magnitude {mag} earthquake struck near {place} {when}, killing at least {n} people.",
            "The quake hit {when} at {time}, when many people were still at home.",
            "Rescue teams from {org} pulled {n} survivors from the rubble {when2}.",
            "{person}, {role}, said {big} people had been left homeless by the disaster.",
            "Aftershocks continued {rel}, and engineers inspected {n} damaged bridges.",
            "The region was last hit by a quake of this size {year}, when {big} people died.",
            "{org} said it had sent {money} in emergency aid {rel}.",
            "Survivors described the ground shaking {dur} before buildings collapsed.",
        ],
    },
    "election": {
        "event": ["the election", "the vote", "the poll", "the ballot"],
        "headline": [
            "{surname} wins {place} election",
            "Voters in {place} go to the polls",
            "{surname} concedes after close vote",
        ],
        "lines": [
            "Voters in {place} go to the polls {when} in an election {person} is expected to win.",
            "{person} won {pct} of the vote {when}, according to the electoral commission.",
            "Turnout was {pct}, the highest since {yearbare}.",
            "{person2}, {role2}, conceded defeat {when2} and congratulated {surname}.",
            "The campaign, which lasted {dur}, was dominated by the economy.",
            "{surname} first stood for office {year} and has led the party {dur}.",
            "Results from {n} constituencies were still being counted {rel}.",
            "Observers from {org} said the vote had been largely free and fair.",
        ],
    },
    "outbreak": {
        "event": ["the outbreak", "the epidemic", "the virus", "the flu outbreak"],
        "headline": [
            "New flu cases confirmed in {place}",
            "{org} raises alert level over outbreak",
            "Schools close in {place} as virus spreads",
        ],
        "lines": [
            "The first case was confirmed in {place} {when}, {org} said.",
            "{org} raised its alert level {when2} after cases were found in {n} countries.",
            "{person}, {role}, said there were now {big} confirmed cases and {n} deaths.",
            "Officials advised people returning from {place2} to stay at home for {dur}.",
            "The last comparable outbreak, {year}, killed {big} people worldwide.",
            "Stocks of antiviral drugs worth {money} were released {rel}.",
            "Doctors said most patients recovered within {dur}.",
            "The number of cases rose by {pct} {rel}, according to {org}.",
        ],
    },
    "trial": {
        "event": ["the trial", "the case", "the hearing", "the verdict"],
        "headline": [
            "{surname} trial opens in {place}",
            "Jury finds {surname} guilty",
            "{surname} to appeal against sentence",
        ],
        "lines": [
            "The trial of {person} opened at the court in {place} {when}.",
            "The jury reached its verdict {when2} after deliberating for {dur}.",
            "{person2}, {role2}, told the court the defendant had transferred {money} abroad.",
            "Prosecutors said the offences took place between {yearbare} and {yearbare2}.",
            "{surname} denies {n} charges of fraud and false accounting.",
            "The hearing was adjourned {rel} and will resume {next}.",
            "{surname} was first questioned by police {year}.",
            "Lawyers for {surname} said they would appeal within {dur}.",
        ],
    },
    "merger": {
        "event": ["the merger", "the deal", "the takeover", "the acquisition"],
        "headline": [
            "{org} agrees {money} takeover",
            "Shares jump as {org} confirms deal",
            "Regulators to examine {org} merger",
        ],
        "lines": [
            "{org} agreed to buy its rival for {money} {when}, the largest deal in its history.",
            "Shares rose {pct} {when2} after the company confirmed the talks.",
            "{person}, {role}, said the merger would create {big} jobs over {dur}.",
            "Regulators said they would decide on the deal {next}.",
            "The company was founded in {place} {year} and employs {big} people.",
            "Analysts said the takeover valued the business at {n} times its annual profit.",
            "Talks between the two firms had been going on {dur}, {person2} said.",
            "The deal is expected to be completed {next}, subject to approval by {org2}.",
        ],
    },
    "strike": {
        "event": ["the strike", "the walkout", "the dispute", "the industrial action"],
        "headline": [
            "Rail strike halts services in {place}",
            "Union announces new strike dates",
            "Talks fail to end {place} strike",
        ],
        "lines": [
            "Workers in {place} walked out {when} in a dispute over pay and pensions.",
            "The union said {big} members would walk out again {next}.",
            "{person}, {role}, said talks with {org} had broken down {when2}.",
            "About {pct} of services were cancelled {rel}, according to {org2}.",
            "It is the first national strike since {yearbare}, when staff walked out {dur}.",
            "The company offered a pay rise of {pct} {rel}, which the union rejected.",
            "Commuters faced long queues at the main station {rel}.",
            "Talks are due to resume {next} at {time}.",
        ],
    },
    "flood": {
        "event": ["the floods", "the flooding", "the storm", "the heavy rain"],
        "headline": [
            "Floods force thousands from homes in {place}",
            "Storm brings more rain to {place}",
            "Clean-up begins after {place} floods",
        ],
        "lines": [
            "Heavy rain flooded much of {place} {when}, forcing {big} people from their homes.",
            "The river burst its banks {when2} at {time}.",
            "{person}, {role}, said the damage would cost at least {money} to repair.",
            "The meteorological office said {n} centimetres of rain fell in {hours} hours.",
            "The area was last flooded this badly {year}.",
            "Soldiers were deployed {rel} to help {org} evacuate residents.",
            "More rain is forecast {next}, and {n} flood warnings remain in force.",
            "Insurers said claims had risen by {pct} {rel}.",
        ],
    },
    "summit": {
        "event": ["the summit", "the talks", "the conference", "the meeting"],
        "headline": [
            "Leaders meet in {place} for summit",
            "{surname} hails summit agreement",
            "Summit ends without deal on climate",
        ],
        "lines": [
            "Leaders from {n} countries will meet in {place} {when} for talks on trade.",
            "{person}, {role}, said the summit reached agreement {when2} after {n} days of talks.",
            "The agreement commits members to cut emissions by {pct} by {future_year}.",
            "Protesters gathered outside the conference centre {rel}.",
            "The last summit, held in {place2} {year}, ended without a deal.",
            "{org} pledged {money} to help poorer countries adapt.",
            "{person2}, {role2}, called the outcome a missed opportunity.",
            "The next meeting will be held {next}.",
        ],
    },
}

FILLER = [
    "{person}, {role}, said the situation was being monitored closely.",
    '"We are doing everything we can," {surname} told reporters {rel}.',
    '"This is a difficult time for everyone," said {person2}, {role2}.',
    "{org} said it would publish a full report {next}.",
    "A spokesman for {org} declined to comment.",
    "Local media reported that {n} people had been taken to hospital.",
    "The figures were released by {org} at {time}.",
    "Critics said the response had been too slow.",
    "{surname} is expected to make a statement {next}.",
    "The government has been under pressure {past} to act.",
    "Residents of {place} said they had been given little warning.",
    "{org2} said about {big} people had been affected.",
    "The issue has been debated {past} without a solution.",
    "Officials in {place2} said they were watching events closely.",
    "More than {big} people have signed a petition.",
    "Of those questioned, {pct} said they supported the decision.",
    "{person2} said the plans had cost {money} so far.",
    "Further details are expected {next}.",
    "The measures will be reviewed on {fdate}, officials said.",
    "A similar plan was abandoned in {xmonth} after protests in {place2}.",
    "{surname} has held the post since {xyear}.",
    "The report, first published {when2}, found {n} failings.",
    "Figures published on {xdate} showed a rise of {pct}.",
    "Parliament is due to debate the issue on {fdate}.",
    "In {xyear}, a similar case in {place2} led to a {money} settlement.",
    "{org} has worked in {place} since {xyear}.",
    "The ministry said {big} people had applied for help by {xdate}.",
    "A public inquiry will begin {next} and is expected to last {dur}.",
    "The deadline was extended to {fdate}.",
    "Earlier, {person2} had said the work could take {dur}.",
    "{n} people were arrested {rel}, police said.",
    "Video posted online {rel} appeared to show the scene in {place}.",
    "The rules came into force on {xdate}.",
    "{person} visited {place} {when2} and met families affected by {event}.",
    "Between {yearbare} and {yearbare2}, the budget rose by {pct}.",
    "Many families in {place} are still waiting for help.",
    '"Nobody expected it to be this bad," said one resident of {place}.',
    "{org} has been criticised for its handling of {event}.",
    "The opposition demanded an urgent statement from {surname}.",
    "Some experts questioned whether the official figures were accurate.",
    "The cost of {event} is still being assessed.",
    '"We need answers, and we need them quickly," said {person2}, {role2}.',
    "{org2} urged people in {place} to follow official advice.",
    "Questions remain over who knew what, and when.",
    "There were long queues outside the offices of {org} in {place}.",
    "Television pictures showed crowds gathering in the centre of {place}.",
    "{surname} said the government would learn from {event}.",
    "Neither side would say how much the plan would cost.",
    "Volunteers from across the region have offered to help.",
    "Analysts said the outcome would be watched closely in {place2}.",
    "The decision was taken after a meeting of senior officials.",
    '"It is simply not good enough," {person2} said.',
    "Officials said the risk to the public remained low.",
]

# Sentences put together from parts, so that long articles do not repeat themselves.
SUBJECTS = [
    "The government",
    "{org}",
    "{person}",
    "Officials",
    "Local residents",
    "{org2}",
    "Opposition politicians",
    "The ministry",
    "Aid agencies",
    "Business leaders",
    "{surname}",
    "Campaigners",
    "Police",
    "Experts",
    "The council",
    "Neighbouring countries",
    "{person2}",
]
VERBS = [
    "criticised",
    "welcomed",
    "questioned",
    "announced",
    "rejected",
    "defended",
    "promised",
    "called for",
    "warned about",
    "reviewed",
    "backed",
    "delayed",
    "published",
    "discussed",
    "praised",
    "raised concerns about",
]
OBJECTS = [
    "the decision",
    "the new measures",
    "plans for a public inquiry",
    "the cost of the response",
    "a review of safety rules",
    "the timing of the announcement",
    "emergency funding",
    "the latest figures",
    "a report on the causes of {event}",
    "the handling of {event}",
    "changes to the law",
    "the recovery plan",
    "restrictions on travel",
    "the investigation",
    "new guidance for schools",
    "a {money} support package",
    "the plans for {place}",
    "the response to {event}",
    "a {pct} cut in spending",
    "talks with {org}",
]
TAILS = [  # one in eight dated
    *([""] * 12),
    " after {event}",
    " in {place}",
    " at a meeting in {place2}",
    " in a statement",
    ", according to {org}",
    " despite objections from {org2}",
    " {rel}",
    " on {xdate}",
    " {when}",
]
CLAUSES = [
    *([""] * 5),
    ", saying it was too early to judge",
    ", saying the plan did not go far enough",
    ", adding that lessons had been learned",
    ", arguing that more money was needed",
    ", saying the public deserved answers",
    ", promising to cooperate fully",
    ", warning that the worst might not be over",
    ", although details remain unclear",
    ", a move welcomed by many residents",
    ", but gave no further details",
    ", which critics called a distraction",
]
START, END = date(2014, 1, 1), date(2018, 12, 31)
STORIES = 20_000
# Zipf-like popularity: the top story gets about 1% of the articles, most stories very few.
_STORY_CUM = list(accumulate((k + 10) ** -0.9 for k in range(STORIES)))
_FIELDS = {
    t: [f for _, f, _, _ in string.Formatter().parse(t) if f]
    for kind in KINDS.values()
    for t in kind["headline"] + kind["lines"]
} | {t: [f for _, f, _, _ in string.Formatter().parse(t) if f] for t in FILLER}
_PART_FIELDS = {
    t: [f for _, f, _, _ in string.Formatter().parse(t) if f]
    for t in SUBJECTS + VERBS + OBJECTS + TAILS + CLAUSES
}


def _composed(rng: Random) -> str:
    r = rng.random
    parts = (
        SUBJECTS[int(r() * len(SUBJECTS))],
        VERBS[int(r() * len(VERBS))],
        OBJECTS[int(r() * len(OBJECTS))],
        TAILS[int(r() * len(TAILS))],
        CLAUSES[int(r() * len(CLAUSES))],
    )
    template = f"{parts[0]} {parts[1]} {parts[2]}{parts[3]}{parts[4]}."
    if template not in _FIELDS:
        _FIELDS[template] = [f for p in parts for f in _PART_FIELDS[p]]
    return template


def _pool(rng: Random) -> dict[str, list[str]]:
    """Strings that vary sentence by sentence, drawn once (cheap to choose from later)."""
    return {
        "n": [str(rng.randint(2, 60)) for _ in range(200)] + SMALL,
        "big": [f"{rng.randint(100, 99_999):,}" for _ in range(300)],
        "money": [f"${rng.randint(2, 900)}m" for _ in range(100)]
        + [f"£{rng.randint(1, 40)}.{rng.randint(1, 9)}bn" for _ in range(100)]
        + [f"{rng.randint(2, 900)} million euros" for _ in range(50)],
        "pct": [f"{rng.randint(2, 80)}%" for _ in range(100)]
        + [f"{rng.randint(1, 9)}.{rng.randint(1, 9)}%" for _ in range(50)],
        "dur": [f"for {w} {u}" for w in SMALL for u in ("days", "weeks", "months", "years")]
        + [f"for {h} hours" for h in (12, 24, 36, 48, 72)]
        + ["for nearly a decade", "for more than a year", "for almost a month"],
        "time": [
            f"{h}{m}{p}" for h in range(1, 13) for m in ("", ".15", ".30") for p in ("am", "pm")
        ]
        + ["midnight", "noon", "dawn"],
        "rel": [
            "yesterday",
            "on Monday",
            "on Tuesday",
            "on Wednesday",
            "on Thursday",
            "on Friday",
            "at the weekend",
            "last week",
            "earlier this week",
            "last month",
            "earlier this year",
            "this morning",
            "on Saturday",
            "on Sunday night",
        ],
        "next": [
            "next week",
            "next month",
            "later this year",
            "tomorrow",
            "on Monday",
            "on Friday",
            "within days",
            "in the coming weeks",
            "next year",
        ],
        "past": [f"over the past {w} {u}" for w in SMALL for u in ("days", "weeks", "months")],
        "hours": ["12", "24", "36", "48", "72"],
        "mag": [f"{rng.randint(5, 8)}.{rng.randint(0, 9)}" for _ in range(40)],
    }


_POOL = _pool(Random(0))  # the same pools for every seed: the seed picks from them


def _when(pub: date, day: date, rng: Random) -> str:
    """``day`` as an article published on ``pub`` would write it."""
    delta = (pub - day).days
    d, m, y = day.day, MONTHS[day.month - 1], day.year
    forms = [f"on {d} {m} {y}"]
    if y == pub.year:
        forms += [f"on {d} {m}", f"on {d} {m}"]
        if abs(delta) > 20:
            forms.append(f"in {m}")
    else:
        forms.append(f"in {m} {y}")
    if delta == 0:
        forms += ["today", "earlier today"]
    elif delta == 1:
        forms += ["yesterday", "yesterday", f"on {WEEKDAYS[day.weekday()]}"]
    elif 1 < delta < 7:
        forms += [f"on {WEEKDAYS[day.weekday()]}"] * 2
    elif delta == -1:
        forms += ["tomorrow", "tomorrow"]
    elif -7 < delta < -1:
        forms += [f"on {WEEKDAYS[day.weekday()]}", f"next {WEEKDAYS[day.weekday()]}"]
    months = (pub.year - y) * 12 + pub.month - day.month
    if months == 1:
        forms.append("last month")
    elif months == -1:
        forms.append("next month")
    elif abs(months) > 30 and rng.random() < 0.5:
        forms.append(f"in {y}")
    return rng.choice(forms)


class _Story:
    __slots__ = ("day", "day2", "kind", "orgs", "people", "places", "roles", "years")

    def __init__(self, seed: int, index: int) -> None:
        rng = Random(seed * 1_000_003 + index + 7_919)
        self.kind = KINDS[rng.choice(list(KINDS))]
        self.people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2)]
        self.places = rng.sample(PLACES, 2)
        self.orgs = rng.sample(ORGS, 2)
        self.roles = rng.sample(ROLES, 2)
        self.day = START + timedelta(days=rng.randrange((END - START).days - 60))
        self.day2 = self.day + timedelta(days=rng.choice((-3, -2, -1, 1, 1, 2, 3, 5, 8, 14)))
        self.years = sorted(rng.sample(range(1950, self.day.year - 1), 2))


_stories: dict[tuple[int, int], _Story] = {}


def _story(seed: int, rng: Random) -> _Story:
    index = rng.choices(range(STORIES), cum_weights=_STORY_CUM)[0]
    story = _stories.get((seed, index))
    if story is None:
        story = _stories[seed, index] = _Story(seed, index)
    return story


def article(seed: int, i: int) -> tuple[date, str, str, str]:
    """(publication date, source, headline, body) of article ``i``."""
    rng = Random(seed * 7_368_787 + i)
    s = _story(seed, rng)
    r = rng.random()  # most articles follow the event, some announce it
    offset = -rng.randint(1, 20) if r < 0.15 else int(rng.expovariate(1 / 10))
    pub = min(END, max(START, s.day + timedelta(days=offset)))
    (p1, p2), (pl1, pl2), (o1, o2) = s.people, s.places, s.orgs
    ctx = {
        "person": p1,
        "surname": p1.split()[-1],
        "person2": p2,
        "role": s.roles[0],
        "role2": s.roles[1],
        "place": pl1,
        "place2": pl2,
        "org": o1,
        "org2": o2,
        "year": f"in {s.years[0]}",
        "yearbare": str(s.years[0]),
        "yearbare2": str(s.years[1]),
        "future_year": str(s.day.year + rng.choice((5, 10, 15, 20, 30))),
    }
    whens = [_when(pub, s.day, rng) for _ in range(3)]
    whens2 = [_when(pub, s.day2, rng) for _ in range(2)]
    pool, events, rnd = _POOL, s.kind["event"], rng.random

    def choice(seq):  # rng.choice, without its per-call overhead
        return seq[int(rnd() * len(seq))]

    def fill(template: str) -> str:
        for name in _FIELDS[template]:
            if name == "when":
                ctx[name] = choice(whens)
            elif name == "when2":
                ctx[name] = choice(whens2)
            elif name == "event":
                ctx[name] = choice(events)
            elif name == "xdate":  # a day of the past two years, year given when needed
                d = pub - timedelta(days=rng.randint(8, 730))
                y = f" {d.year}" if d.year != pub.year or rng.random() < 0.5 else ""
                ctx[name] = f"{d.day} {MONTHS[d.month - 1]}{y}"
            elif name == "fdate":
                d = pub + timedelta(days=rng.randint(8, 400))
                y = f" {d.year}" if d.year != pub.year or rng.random() < 0.5 else ""
                ctx[name] = f"{d.day} {MONTHS[d.month - 1]}{y}"
            elif name == "xmonth":
                d = pub - timedelta(days=rng.randint(40, 1500))
                ctx[name] = f"{MONTHS[d.month - 1]} {d.year}"
            elif name == "xyear":
                ctx[name] = str(rng.randint(1985, pub.year - 1))
            elif name in pool:
                ctx[name] = choice(pool[name])
        text = template.format_map(ctx)
        return text[0].upper() + text[1:]

    headline = fill(choice(s.kind["headline"]))
    lines = s.kind["lines"]
    target, words = rng.randint(300, 800), 0
    paragraphs, para = [], []
    # the lead gives the main date; then the story's lines, stock phrases and composed
    # sentences, none twice
    story = rng.sample(lines[1:], len(lines) - 1)
    filler = rng.sample(FILLER, len(FILLER))
    template = lines[0]
    while words < target:
        sentence = fill(template)
        words += sentence.count(" ") + 1
        para.append(sentence)
        if len(para) >= 3 or rng.random() < 0.45:
            paragraphs.append(" ".join(para))
            para = []
        r = rng.random()
        if story and r < 0.3:
            template = story.pop()
        elif filler and r < 0.5:
            template = filler.pop()
        else:
            template = _composed(rng)
    if para:
        paragraphs.append(" ".join(para))
    return pub, choice(OUTLETS), headline, "\n\n".join(paragraphs)


def _chunk(folder: Path, seed: int, start: int, stop: int) -> int:
    sub = folder / f"{start // 1000:04d}"
    sub.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(start, stop):
        pub, source, headline, body = article(seed, i)
        text = (
            f"---\npublished: {pub.isoformat()}\nsource: {source}\n"
            f"title: {json.dumps(headline, ensure_ascii=False)}\n---\n"
            f"{headline}\n\n{body}\n"
        )
        data = text.encode("utf-8")
        (sub / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def generate(folder: Path, n: int, seed: int = 1, workers: int | None = None) -> int:
    """Write articles 0..n-1 of ``seed`` under ``folder`` in subfolders of 1,000; the number
    of bytes written.  From 10,000 articles on, one process per CPU writes the subfolders."""
    chunks = [(folder, seed, start, min(n, start + 1000)) for start in range(0, n, 1000)]
    workers = workers or (os.cpu_count() or 1 if n >= 10_000 else 1)
    if workers == 1:
        return sum(_chunk(*c) for c in chunks)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        return sum(pool.map(_chunk, *zip(*chunks, strict=True)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    size = generate(args.folder, args.n, args.seed)
    elapsed = time.perf_counter() - started
    print(f"{args.n} articles, {size / 1e6:.1f} MB in {args.folder} ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
