"""The one grammar interface: what a language module hands the engine, and its compiled form.

A language module (lang/en.py, lang/fr.py, ...) is a grammar and its words: word tables, a
function that writes its rules from alternations of those words, guards (patterns that veto
a reading in context), tense cues, and a few settings where the languages read differently
(English matches the text as it is, the others a normalised view; only English news tracks
the quarter under discussion).  ``compile_spec`` turns that into a ``Grammar``, which the
tag loop (core.py) and the readings (readings.py) use alike for every language.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .textview import View, fold, normal, view

# (rule name, pattern, trigger sets): a rule runs on a sentence only when the sentence holds
# a word of each of its trigger sets ("#" stands for any digit, "#4" for a four-digit
# number, "#:" for a clock time; a grammar may add features of its own).
Rule = tuple[str, str, tuple[frozenset[str], ...]]
# (feature token, the feature it needs first or "", a substring the text must hold, pattern):
# features of a sentence besides its words, each tested only when cheap checks say it may hold
Feature = tuple[str, str, str, str]

DIGIT = frozenset({"#"})  # trigger set: the sentence holds a digit
YEAR4 = frozenset({"#4"})  # trigger set: the sentence holds a four-digit number

# The features of a normalised view, whose digits are ASCII.
VIEW_FEATURES: tuple[Feature, ...] = (
    ("#", "", "", r"[0-9]"),
    ("#4", "#", "", r"(?<![0-9])[0-9]{4}(?![0-9])"),
    ("#:", "#", ":", r"[0-9]:[0-9]"),
)


@dataclass
class Spec:
    """What a language module hands the engine."""

    language: str
    tables: dict[str, dict[str, object]]  # table name -> {word: value}
    number: Callable[[str], int | None]  # "vingt-cinq" -> 25; None when vague
    # alternations of the tables' words ("#name": their trigger tokens) -> the rules
    rules: Callable[[dict[str, Any]], list[Rule]]
    # one-letter proclitics (Arabic "وفبلك"): a sentence's words also count without them
    clitics: str = ""
    guards: dict[str, str] = field(default_factory=dict)  # name -> pattern (readings.py)
    readings: dict[str, str] = field(default_factory=dict)  # rule -> reading, when named apart
    future: str = "(?!)"  # tense cues that put a clause ahead of publication (cues.py)
    past: str = "(?!)"  # and those that keep it behind
    veto: str | None = None  # before a future cue: it was reported from after it fell due
    cues_after: bool = True  # whether the words after the expression may decide its tense
    views: bool = True  # match a normalised view of each sentence (textview.py)
    natural_spelling: bool = False  # patterns are written as the text is: normalise them
    fold_accents: bool = False  # a word also matches written without its accents
    dateparser_months: str | None = None  # "abbr" or "full": how to add dateparser's names
    words: str = r"[^\W\d_]+"  # a sentence's words, for the triggers
    features: tuple[Feature, ...] = VIEW_FEATURES
    # families of rules tried only near an anchor: family -> (anchor pattern, words before)
    anchors: dict[str, tuple[str, int]] = field(default_factory=dict)
    families: dict[str, str] = field(default_factory=dict)  # rule -> family
    day_rules: frozenset[str] = frozenset()  # rules whose dates "the next day" counts from
    # words that make a quarter a comparison, not the quarter under discussion; None: the
    # language's news is read without a quarter frame
    quarter_back: str | None = None
    not_the_quarter: frozenset[str] = frozenset()  # rules whose quarter is a comparison too
    spoken_year: Callable[[str], int | None] | None = None  # "nineteen ninety-six" -> 1996
    # characters either side that the count and generic-"today" guards read, when the
    # language's guards were written for a wider context than the readings' defaults
    guard_window: int | None = None


@dataclass(frozen=True)
class Spot:
    """A candidate expression: its extent in the sentence and the rule that found it."""

    start: int
    end: int
    rule: str
    groups: dict[str, str]


@dataclass(frozen=True)
class Grammar:
    """A language's compiled grammar."""

    language: str
    rules: tuple[tuple[str, re.Pattern[str], tuple[frozenset[str], ...]], ...]
    tables: dict[str, dict[str, object]]
    number: Callable[[str], int | None]
    guards: dict[str, re.Pattern[str]]
    clitics: str
    readings: dict[str, str]
    future: re.Pattern[str]
    past: re.Pattern[str]
    veto: re.Pattern[str] | None
    cues_after: bool
    views: bool
    words: re.Pattern[str]
    features: tuple[tuple[str, str, str, re.Pattern[str]], ...]
    anchors: dict[str, tuple[re.Pattern[str], int]]
    families: dict[str, str]
    day_rules: frozenset[str]
    quarter_back: re.Pattern[str] | None
    not_the_quarter: frozenset[str]
    spoken_year: Callable[[str], int | None] | None
    guard_window: int | None
    # trigger token -> the rules whose first trigger set holds it
    by_token: dict[str, tuple[int, ...]] = field(default_factory=dict)
    triggers: frozenset[str] = frozenset()  # every token any rule's trigger sets hold

    def look(self, name: str, word: str | None) -> object:
        """The value of ``word`` in table ``name`` (None when either is unknown)."""
        if word is None:
            return None
        words = self.tables.get(name)
        if words is None:
            return None
        return words.get(fold_word(word) if self.views else plain_key(word))

    def guard(self, name: str, text: str) -> bool:
        """Whether guard ``name`` holds on ``text`` (False when the language has none)."""
        pattern = self.guards.get(name)
        return bool(pattern and pattern.search(text))

    def allows(self, name: str, text: str) -> bool:
        """Whether ``text`` passes guard ``name`` (True when the language has none)."""
        pattern = self.guards.get(name)
        return pattern is None or bool(pattern.search(text))

    def view(self, sentence: str) -> View:
        """What the rules match: the normalised view, or the sentence as it is."""
        return view(sentence) if self.views else View(sentence, None, None, len(sentence))

    def reading(self, rule: str) -> str:
        """The name of the reading (readings.py) that normalises ``rule``'s matches."""
        return self.readings.get(rule, rule)


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """``fold``, cached: the same few words are looked up over and over."""
    return fold(word)


# The word tables a language module names by convention, and the table each one fills.
_CONVENTIONAL = {
    "MONTHS": "month", "MONTH_ABBR": "month_abbr", "WEEKDAYS": "weekday",
    "DAY_WORDS": "day_word", "PARTS": "part", "RELS": "rel", "MODS": "mod", "DMODS": "dmod",
    "UNITS": "unit", "APPROX": "approx", "SEASONS": "season", "ORDINALS": "ordinal",
    "DECADE_WORDS": "decade_word", "SET_ADVERBS": "set_adverb", "YEAR_RELS": "yrel",
}  # fmt: skip


def word_tables(words: dict[str, Any]) -> dict[str, dict[str, object]]:
    """The tables of a language module's conventionally named words (``globals()``): a
    copy of each (the engine adds dateparser's names to some), and "number", its spelled
    numbers with its vague ones ("plusieurs") as None."""
    tables = {name: dict(words[k]) for k, name in _CONVENTIONAL.items() if k in words}
    if "NUMBERS" in words:
        tables["number"] = {**words["NUMBERS"], **dict.fromkeys(words.get("VAGUE", ()), None)}
    return tables


def numbered(names: str, first: int = 0) -> dict[str, int]:
    """Names in their order, numbered: weekdays from 0 (Monday), months from 1."""
    return {name: i for i, name in enumerate(names.split(), first)}


def number_reader(numbers: dict[str, int]) -> Callable[[str], int | None]:
    """A ``Spec.number`` for a language whose numbers are words in a table: the number a
    folded word says, None for an unknown or vague one."""
    folded = {fold(k): v for k, v in numbers.items()}
    return folded.get


def plain_key(word: str) -> str:
    """The lookup key of a word in a language matched as written: lower case, one space.
    Unlike ``fold`` it keeps letters that only case folding would change ("ſ" is no "s"),
    so a match the tables do not know stays no date."""
    return " ".join(word.lower().replace("’", "'").split())


def alt(words: Iterable[str], fold_accents: bool = False) -> str:
    """A non-capturing regex that matches any of ``words`` (as a trie, longest first).

    A space in a word matches any run of whitespace.  With ``fold_accents``, each word
    also matches written without its accents ("fevrier" for "février").
    """
    trie: dict = {}
    variants = set()
    for w in words:
        w = normal(w)
        variants.add(w)
        if fold_accents:
            variants.add(_strip_accents(w))
    for w in variants:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _build(trie) + ")" if trie else "(?!)"


def _strip_accents(word: str) -> str:
    text = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


def _build(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s++" if ch == " " else re.escape(ch)
        branches.append(piece + _build(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def table(mapping: dict[str, object]) -> dict[str, object]:
    """A lookup table keyed by ``fold``."""
    return {fold(k): v for k, v in mapping.items()}


# Function words never trigger a rule: a multi-word entry ("antes de ayer", "il y a", "أول
# من أمس") is found through its other words, and "de" in every sentence would set off the
# rule everywhere.
_NOT_TRIGGERS = frozenset(
    "a al d de del du el en et il l la las le les los un una une y من في".split()
)


def tokens(words: Iterable[str]) -> frozenset[str]:
    """The trigger tokens of ``words``: the folded letter runs of each but function words
    (for a multi-word entry, any of its words; more than needed, and harmless)."""
    out = set()
    for w in words:
        found = set(re.findall(r"[^\W\d_]+", fold(w)))
        out.update(found - _NOT_TRIGGERS or found)
    return frozenset(out)


_DATEPARSER_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_DATEPARSER_WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip


def dateparser_names(language: str) -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday names in dateparser's data for ``language``, with every regional
    variant; empty when dateparser is not installed.  Imported here, on first use, and only
    for a grammar that asks: English tagging never loads dateparser.

    dateparser is used for what it is good at, its language data (the Levantine and Iraqi
    "كانون 2", the Mauritanian "دجمبر", abbreviations such as "juill."); it never computes
    a value, since it fills parts the text leaves unsaid (NOTES.md)."""
    try:
        data = importlib.import_module(f"dateparser.data.date_translation_data.{language}")
    except ImportError:
        return {}, {}
    info = data.info
    blocks = [info, *info.get("locale_specific", {}).values()]
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for block in blocks:
        for i, key in enumerate(_DATEPARSER_MONTHS, 1):
            for name in block.get(key, ()):
                months.setdefault(normal(name).casefold(), i)
        for i, key in enumerate(_DATEPARSER_WEEKDAYS):
            for name in block.get(key, ()):
                weekdays.setdefault(normal(name).casefold(), i)
    return months, weekdays


def _merge_dateparser(spec: Spec) -> None:
    """Add dateparser's month names the grammar's tables lack.  With "abbr", a name that
    begins a known name of the same month is an abbreviation ("janv", "sept"), read only
    after a day number; with "full" every name is a full one (كانون الثاني, جانفي, شتنبر),
    and weekday names are added too."""
    months, weekdays = dateparser_names(spec.language)
    full = spec.tables["month"]
    abbr = spec.tables.setdefault("month_abbr", {})
    known = {fold(k) for k in full} | {fold(k) for k in abbr}
    every_name_full = spec.dateparser_months == "full"
    for name, m in months.items():
        if fold(name) in known or not re.fullmatch(r"[^\W\d_]+(?: [^\W_]+)?", name):
            continue
        if every_name_full:
            full[name] = m
        elif any(fold(k).startswith(fold(name)) for k, v in full.items() if v == m):
            months_begun = {v for k, v in full.items() if fold(k).startswith(fold(name))}
            if len(name) >= 3 and len(months_begun) == 1:  # "jui": juin or juillet?
                abbr[name] = m
        elif len(name) >= 5:
            full[name] = m
    if every_name_full:
        for name, d in weekdays.items():
            if fold(name) not in {fold(k) for k in spec.tables["weekday"]}:
                spec.tables["weekday"][name] = d


def _alternations(spec: Spec) -> dict[str, Any]:
    """The alternations of the tables' words a language's rules are written with."""
    accents = spec.fold_accents
    a: dict[str, Any] = {}  # alternations by table name; "#name": its trigger tokens
    for name, words in spec.tables.items():
        a[name] = alt(words, fold_accents=accents)
        a["#" + name] = tokens(words)
    month_words = list(spec.tables["month"])
    lower_only = set(spec.tables.get("lowercase_only", {}))
    a["month_any"] = alt(month_words, fold_accents=accents)
    a["month_lower"] = f"(?-i:{a['month_any']})"
    cased = [w for w in month_words if w not in lower_only]
    a["month_cased"] = alt(cased, fold_accents=accents) + (
        f"|(?-i:{alt(lower_only, fold_accents=accents)})" if lower_only else ""
    )
    a["month_cased"] = f"(?:{a['month_cased']})"
    a["#month"] = tokens(month_words) | tokens(spec.tables.get("month_abbr", {}))
    return a


def numeric_rules() -> list[Rule]:
    """Numeric dates, written alike in the languages read through a view (which has made
    the digits ASCII): 2019-01-22, 2019/1/22, 22/01/2019 (or 01/22/2019 with ``day_first``
    off)."""
    digit = (frozenset({"#4"}),)
    iso = r"(?P<year>[0-9]{4})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])"
    ymd = r"(?P<year>[0-9]{4})/(?P<m>[01]?[0-9])/(?P<d>[0-3]?[0-9])"
    dmy = r"(?P<a>[0-3]?[0-9])([/.-])(?P<b>[01]?[0-9])\3(?P<year>[0-9]{4})"
    return [
        ("date_iso", rf"(?<![0-9-])(?P<x>{iso})(?![0-9-])", digit),
        ("date_ymd", rf"(?<![0-9/.])(?P<x>{ymd})(?![0-9/])", digit),
        ("date_num", rf"(?<![0-9/.])(?P<x>{dmy})(?![0-9/])", digit),
    ]


def compile_spec(spec: Spec) -> Grammar:
    """A language's grammar, built once from its module's ``spec()``."""
    if spec.dateparser_months:
        _merge_dateparser(spec)

    def spelled(pattern: str) -> str:
        return normal(pattern) if spec.natural_spelling else pattern

    def spelled_view(pattern: str) -> str:  # guards read the view as the view writes it
        return normal(pattern) if spec.views else pattern

    compiled = [
        (name, re.compile(spelled(pattern), re.IGNORECASE), needs)
        for name, pattern, needs in spec.rules(_alternations(spec))
    ]
    by_token: dict[str, list[int]] = {}
    for k, (_, _, needs) in enumerate(compiled):
        for token in needs[0]:
            by_token.setdefault(token, []).append(k)
    return Grammar(
        language=spec.language,
        rules=tuple(compiled),
        tables={name: table(words) for name, words in spec.tables.items()},
        number=spec.number,
        guards={k: re.compile(spelled_view(v), re.IGNORECASE) for k, v in spec.guards.items()},
        clitics=spec.clitics,
        readings=dict(spec.readings),
        future=re.compile(spelled(spec.future), re.IGNORECASE),
        past=re.compile(spelled(spec.past), re.IGNORECASE),
        veto=re.compile(spec.veto, re.IGNORECASE) if spec.veto else None,
        cues_after=spec.cues_after,
        views=spec.views,
        words=re.compile(spec.words),
        features=tuple((t, need, hint, re.compile(p)) for t, need, hint, p in spec.features),
        anchors={k: (re.compile(p), n) for k, (p, n) in spec.anchors.items()},
        families=dict(spec.families),
        day_rules=spec.day_rules,
        quarter_back=re.compile(spec.quarter_back, re.IGNORECASE) if spec.quarter_back else None,
        not_the_quarter=spec.not_the_quarter,
        spoken_year=spec.spoken_year,
        guard_window=spec.guard_window,
        by_token={t: tuple(ks) for t, ks in by_token.items()},
        triggers=frozenset().union(*(need for _, _, needs in compiled for need in needs)),
    )
