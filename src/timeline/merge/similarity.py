"""Whether two dated sentences tell the same happening.

Sentences are compared by their key terms (content words) and names (capitalised words,
initials, international bodies under any language's name); names written in Latin and
Arabic script meet through their consonant skeletons.  Dates are compared by whether one
lies within the other.  Everything here is a pure function of its arguments.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..language import ELISION
from ..model import Event, SourceRef, TimeValue

# Function words and calendar words that say nothing about which happening a sentence tells.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our out over own
    said same says she should so some such than that the their theirs them then there these
    they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yesterday today tomorrow monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december week month year day last next according""".split()
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# French, Spanish and other languages' function words ("les", "des", "pour", "los", "del")
# would otherwise pass as key terms and make unrelated sentences look alike.
_FOREIGN_STOP_WORDS = frozenset(
    """les des une pour dans par sur avec aux ces cette ont été sont leur mais selon lors
    entre sans sous chez elle ils elles qui que est pas plus comme après avant depuis aussi
    hier demain aujourd'hui mardi lundi mercredi jeudi vendredi samedi dimanche janvier
    février mars avril mai juin juillet août septembre octobre novembre décembre semaine
    mois année ans los las del una con por para sus como pero fue han está este esta según
    también sobre desde hasta ayer hoy mañana martes lunes miércoles jueves viernes sábado
    domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
    diciembre semana año años der die das und den dem des ein eine nicht mit von auf für""".split()
)
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
# Names written in Latin and in Arabic script are matched by their consonants: "Bourita"
# and "بوريطة" both give BRT, "Alvargonzalez" and "ألفارغونزاليز" LFRKNSLS.  Vowels, and
# the letters that mostly write vowels (w, y; و, ي, ا), are left out; sounds one script
# tells apart and the other does not share a class (v/f, z/s, g/k/q, ...).
_LATIN_CLASSES = (
    ("sch", "S"),
    ("sh", "S"),
    ("ch", "S"),
    ("th", "T"),
    ("kh", "K"),
    ("gh", "K"),
    ("ph", "F"),
    ("dh", "D"),
    ("ou", ""),
    ("x", "KS"),
)
_LATIN_LETTERS = str.maketrans("bcdfghjklmnpqrstvz", "BKDFKHJKLMNBKRSTFS", "aeiouyw'-")
_ARABIC_LETTERS = str.maketrans(
    {
        "ب": "B", "ت": "T", "ث": "T", "ج": "J", "ح": "H", "خ": "K", "د": "D", "ذ": "D",
        "ر": "R", "ز": "S", "س": "S", "ش": "S", "ص": "S", "ض": "D", "ط": "T", "ظ": "D",
        "غ": "K", "ف": "F", "ق": "K", "ك": "K", "ل": "L", "م": "M", "ن": "N", "ه": "H",
        "ة": None, "ا": None, "أ": None, "إ": None, "آ": None, "ء": None, "ؤ": None,
        "ئ": None, "ى": None, "و": None, "ي": None, "ع": None, "ـ": None,
        "\u064b": None, "\u064c": None, "\u064d": None, "\u064e": None, "\u064f": None,
        "\u0650": None, "\u0651": None, "\u0652": None,
    }
)  # fmt: skip
_ARABIC_CLITICS = re.compile(r"^(?:[وفبلك]?ال|[وف]?[بل]ل|[وفب](?=ال))")
_SKELETON_MIN = 3  # consonants: shorter skeletons ("NT", "LD") match too much by chance
# International bodies go by different initials in each language: one name for each.
_BODIES = {
    "NATO": ("nato", "otan", "الناتو", "ناتو", "حلف شمال الأطلسي", "north atlantic treaty"),
    "UN": ("onu", "الأمم المتحدة", "united nations", "nations unies", "naciones unidas"),
    "EU": ("ue", "الاتحاد الأوروبي", "european union", "union européenne", "unión europea"),
    "WHO": ("oms", "منظمة الصحة العالمية", "world health organization"),
    "IMF": ("fmi", "صندوق النقد الدولي", "international monetary fund"),
    "AU": ("الاتحاد الأفريقي", "الاتحاد الإفريقي", "african union", "union africaine"),
}
_BODY_WORDS = {  # one-word initials: matched as whole words, in capitals
    alias: body
    for body, aliases in _BODIES.items()
    for alias in aliases
    if " " not in alias and not _ARABIC_LETTER.search(alias)
}
_BODY_PHRASES = tuple(
    (alias, body)
    for body, aliases in _BODIES.items()
    for alias in aliases
    if " " in alias or _ARABIC_LETTER.search(alias)
)
_WORDS = re.compile(r"\w+")


def _bodies(text: str) -> set[str]:
    """The international bodies a text names, whatever the language ("OTAN" is NATO);
    initials count only in capitals ("ue" is a word in some languages)."""
    found = set()
    for word in _WORDS.findall(text):
        body = _BODY_WORDS.get(word.lower())
        if body is not None and word.isupper():
            found.add("~=" + body)
    lowered = text.lower()
    for alias, body in _BODY_PHRASES:
        if alias in lowered:
            found.add("~=" + body)
    return found


@lru_cache(maxsize=65536)  # the same names come back sentence after sentence
def skeleton(word: str) -> str:
    """The consonant skeleton of a name in Latin or Arabic script ("" when too short)."""
    if _ARABIC_LETTER.search(word):
        bare = _ARABIC_CLITICS.sub("", word)
        skel = bare.translate(_ARABIC_LETTERS)
    else:
        low = unicodedata.normalize("NFKD", word.lower())
        low = "".join(c for c in low if not unicodedata.combining(c))
        for pair, cls in _LATIN_CLASSES:
            low = low.replace(pair, cls.lower() if cls else "")
        skel = low.translate(_LATIN_LETTERS).upper()
    skel = re.sub(r"(.)\1+", r"\1", re.sub(r"[^A-Z]", "", skel))
    return skel if len(skel) >= _SKELETON_MIN else ""


_NAMES_TO_MERGE = 2  # shared proper names that make two same-day sentences one happening
OVERLAP_TO_MERGE = 0.34  # or this share of the shorter sentence's key terms


@lru_cache(maxsize=65536)  # each sentence is compared with many others on its date
def key_terms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(names, terms) of a sentence: capitalised words not opening it, and content words."""
    names: set[str] = set()
    terms: set[str] = set()
    run: list[str] = []  # capitalised words in a row: "North Atlantic Treaty Organization"
    last_end = -1
    for i, m in enumerate(WORD.finditer(text)):
        info = _word(m.group())
        if info is None:
            continue
        word, low, capital, initials, term, arabic, skeleton = info
        if capital and run and not text[last_end : m.start()].strip():
            run.append(word)
        else:
            _acronym(run, names, terms)
            run = [word] if capital else []
        if word.endswith("'s"):  # "NATO's Mediterranean Dialogue": two names
            _acronym(run, names, terms)
            run = []
        last_end = m.end()
        if initials:  # "WHO", "NATO": names even when a word too
            names.add(low)
            terms.add(low)
            continue
        if term is None:
            continue
        terms.add(term)
        if (word[0].isupper() and i > 0) or arabic:
            # Arabic has no capitals: each of its words may be a name, but only for
            # matching names across scripts (see same_happening)
            if not arabic:
                names.add(low)
            if skeleton:
                names.add("~" + skeleton)
    _acronym(run, names, terms)
    names |= _bodies(text)
    return frozenset(names), frozenset(terms)


@lru_cache(maxsize=1 << 17)  # a corpus's words repeat: each is looked at once
def _word(token: str) -> tuple[str, str, bool, bool, str | None, bool, str] | None:
    """What key_terms needs of one token, whatever its place: (the word, lower case,
    capitalised, initials, its key term or None, Arabic, consonant skeleton)."""
    word = ELISION.sub("", token).replace("’", "'")  # "l'OTAN" is "OTAN"
    if not word:
        return None
    low = word.lower().removesuffix("'s")
    capital = word[0].isupper() and not word.isupper()
    initials = word.isupper() and len(word) >= 3
    if initials or low in STOP_WORDS or low in _FOREIGN_STOP_WORDS or len(low) < 3:
        return word, low, capital, initials, None, False, ""
    term = low[:-1] if low.endswith("s") and len(low) > 4 else low
    arabic = bool(_ARABIC_LETTER.match(word))
    return word, low, capital, initials, term, arabic, skeleton(low)


@lru_cache(maxsize=65536)  # names of one sentence are split again and again in a merge
def plain_names(names: frozenset[str]) -> frozenset[str]:
    """Names as written, without the cross-script skeletons."""
    return frozenset(n for n in names if not n.startswith("~"))


@lru_cache(maxsize=65536)
def skeleton_names(names: frozenset[str]) -> frozenset[str]:
    """The cross-script consonant skeletons among names (see :func:`key_terms`)."""
    return frozenset(n for n in names if n.startswith("~"))


def _acronym(run: list[str], names: set[str], terms: set[str]) -> None:
    """A name of three or more capitalised words also counts as its initials, as outlets
    write it either way ("North Atlantic Treaty Organization", "NATO")."""
    if len(run) >= 3:
        initials = "".join(w[0] for w in run).lower()
        names.add(initials)
        terms.add(initials)


@lru_cache(maxsize=65536)
def has_arabic(text: str) -> bool:
    """Whether the text holds Arabic letters (it is then matched across scripts)."""
    return bool(_ARABIC_LETTER.search(text))


def same_happening(a: Event, b: Event) -> bool:
    """Whether two events on one date tell the same happening: they share names, or enough
    key terms; across scripts (an Arabic and an English report) names are compared by
    their consonant skeletons."""
    names_a, terms_a = key_terms(a.text)
    names_b, terms_b = key_terms(b.text)
    same_sounds = len(skeleton_names(names_a) & skeleton_names(names_b)) >= _NAMES_TO_MERGE
    if has_arabic(a.text) != has_arabic(b.text):
        return same_sounds or _same_origin_across_scripts(a, b)
    # names spelt the same, or alike in another language or transcription ("Mediterranean
    # Dialogue" / "Dialogue méditerranéen", "Bourita" / "Burita")
    if same_sounds or len(plain_names(names_a) & plain_names(names_b)) >= _NAMES_TO_MERGE:
        return True
    shorter = min(len(terms_a), len(terms_b))
    return shorter > 0 and len(terms_a & terms_b) / shorter >= OVERLAP_TO_MERGE


def _same_origin_across_scripts(a: Event, b: Event) -> bool:
    """An Arabic and a Latin-script report of when the same thing began ("منذ انطلاق
    الحوار المتوسطي سنة 1994", "since its launch in 1994") name it in words of their own,
    with no name in common: they are one happening when they give the same date and their
    articles tell the same story (three names alike in their openings and around)."""
    if date_key(a.date) != date_key(b.date) or not (is_origin(a.source) and is_origin(b.source)):
        return False
    wide_a = key_terms(a.context + " " + a.text)[0]
    wide_b = key_terms(b.context + " " + b.text)[0]
    return len(skeleton_names(wide_a) & skeleton_names(wide_b)) >= _NAMES_TO_MERGE + 1


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the smaller set found in the other (0 when one is empty)."""
    shorter = min(len(a), len(b))
    return len(a & b) / shorter if shorter else 0.0


def closely_same(a: Event, b: Event) -> bool:
    """The stricter test for events whose dates differ in precision ("January 2019" and
    "22 January 2019"): shared names AND a good share of key terms."""
    names_a, terms_a = key_terms(a.text)
    names_b, terms_b = key_terms(b.text)
    shared = plain_names(names_a) & plain_names(names_b)
    if not shared and has_arabic(a.text) != has_arabic(b.text):
        return len(skeleton_names(names_a) & skeleton_names(names_b)) >= _NAMES_TO_MERGE + 1
    return len(shared) >= _NAMES_TO_MERGE and overlap(terms_a, terms_b) >= 0.5


def date_key(tv: TimeValue) -> tuple:
    """Everything that makes two dates the same date."""
    return (tv.value, tv.type, tv.granularity, tv.start, tv.end, tv.mod)


def _contains(outer: TimeValue, inner: TimeValue) -> bool:
    return (
        outer.start is not None
        and outer.end is not None
        and inner.start is not None
        and inner.end is not None
        and outer.start <= inner.start
        and inner.end <= outer.end
    )


def compatible(a: TimeValue, b: TimeValue) -> bool:
    """Whether two dates can name the same happening: one lies within the other
    (22 January 2019 and January 2019), or they are the same value."""
    return date_key(a) == date_key(b) or _contains(a, b) or _contains(b, a)


def finer(a: TimeValue, b: TimeValue) -> bool:
    """Whether ``a`` says more than ``b`` (a shorter stretch of calendar)."""
    span = (a.end - a.start).days if a.start and a.end else 1 << 30
    other = (b.end - b.start).days if b.start and b.end else 1 << 30
    return span < other


# A date that says when something began: "since its launch in 1994", "dates back to 1995".
# Outlets most often disagree about such dates, and the sentences that give them seldom
# share wording, so they are compared with their context.
_ORIGIN = re.compile(
    r"(?:\bsince|\bback\s+to|\bbegan|\bbegun|\bbeginning|\bstarted|\bstart|\blaunch(?:ed)?"
    r"|\bfounded|\bfounding|\bestablished|\bcreated|\bcreation|\bset\s+up|\binception"
    r"|\bfirst|\bbirth|\borigins?"
    # French, Spanish, Arabic: depuis, lancé, remonte à; desde, lanzado; منذ, انطلاق, تأسيس
    r"|\bdepuis|\blanc[ée]e?s?|\blancement|\bremonte|\bcr[ée][ée]e?|\bfond[ée]e?|\bd[ée]but"
    r"|\bdesde|\blanzad[oa]|\blanzamiento|\bcread[oa]|\bfundad[oa]|\binicio"
    r"|منذ|انطلاق|تأسيس|إطلاق|بداية)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
ORIGIN_WORDS = frozenset(
    "since back began begun beginning started start launch launched founded founding "
    "established created creation set inception first birth origin".split()
)


def is_origin(ref: SourceRef) -> bool:
    """Whether the sentence gives the date as when something began ("since 1994")."""
    local = ref.start - ref.sentence_start
    return bool(_ORIGIN.search(ref.sentence[max(0, local - 60) : max(0, local)]))
