"""Extractive summaries: pick the N most telling sentences of an article.

The scoring comes from sumy, but sumy only ever sees sentences and words cut by
:mod:`timeline.segment`: sumy's own ``Tokenizer`` needs NLTK's ``punkt_tab`` data and raises
``LookupError`` offline, so it is never used.  We build sumy's document model ourselves and
hand it a tokenizer object of our own.

Summarisers live in a small registry, :data:`SUMMARIZERS`.  A summariser is a *scorer*: a
callable ``(sentences, language) -> scores``, one float per sentence, higher is better.  The
selection itself (top N, ties to the earlier sentence, output in article order) happens once,
in :func:`summarize`, so every summariser, built-in or plugin, is deterministic the same way.
The built-ins register through :func:`register_summarizer`, the door a plugin would use::

    @register_summarizer("longest")
    def longest(sentences, language):
        return [len(s.text) for s in sentences]

Every scorer sees at most an article's first :data:`MAX_RANKED` sentences (KL-Sum, whose
cost grows with the cube of the count, its first 300): graph and matrix scorers cost the
square of the sentence count or worse, so one 20,000-sentence file would otherwise take
minutes and gigabytes.  News puts its substance first, and real articles are far shorter
(under 300 sentences), so their summaries are exactly what an uncapped scorer picks.

sumy, numpy and nltk are imported only when a summary is actually made, so importing this
module (and the CLI's ``--help``) stays cheap.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from .errors import TimelineError, UnknownFormatError, UsageError
from .language import ELISION
from .model import Sentence
from .segment import sentences as split_sentences
from .segment import words as split_words

Scorer = Callable[[Sequence[Sentence], str], Sequence[float]]
"""``(sentences in article order, language code) -> one score per sentence``."""

DEFAULT_METHOD = "news"

SUMMARIZERS: dict[str, Scorer] = {}
"""Summariser name -> scorer.  Fill it through :func:`register_summarizer`."""

MAX_RANKED = 1000
"""The most sentences of one article a scorer ranks; any after them rank below every one of
them, in article order.  A summary is chosen from an article's first MAX_RANKED sentences
(unless it asks for more), which keeps the cost of the quadratic scorers bounded."""

RANK_LIMITS: dict[str, int] = {}
"""Summariser name -> its own, lower, cap (``register_summarizer(..., max_sentences=)``)."""

# ISO 639-1 code -> the language name sumy uses for its stemmers and stop-word lists.
# Only names in this table are ever handed to sumy: its stop-word loader builds a resource
# path from the name, and its stemmer lookup does getattr() on nltk's snowball module, so
# an arbitrary string from an article's front matter must not reach either.
_SUMY_LANGUAGES: dict[str, str] = {
    "ar": "arabic",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "he": "hebrew",
    "hu": "hungarian",
    "it": "italian",
    "ja": "japanese",
    "ko": "korean",
    "nb": "norwegian",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sk": "slovak",
    "sv": "swedish",
    "th": "thai",
    "uk": "ukrainian",
    "zh": "chinese",
}
_SUMY_NAMES = frozenset(_SUMY_LANGUAGES.values())

# Scores are rounded to this many significant digits before ranking.  Some sumy scorers sum
# floats while iterating over sets of words, whose order changes with PYTHONHASHSEED; without
# rounding, two sentences that tie exactly could swap places from one process to the next.
_SCORE_DIGITS = 9


def register_summarizer(
    name: str, *, max_sentences: int | None = None
) -> Callable[[Scorer], Scorer]:
    """Decorator registering a scorer under ``name`` (lower case) in :data:`SUMMARIZERS`.

    A later registration under the same name replaces the earlier one, so a plugin can
    swap out a built-in.  ``max_sentences`` lowers the number of opening sentences the
    scorer is given below :data:`MAX_RANKED`, for a scorer too slow for that many.
    """
    key = name.strip().lower()
    if not key:
        raise UsageError("a summariser needs a non-empty name")
    if max_sentences is not None and (isinstance(max_sentences, bool) or max_sentences < 1):
        raise UsageError(f"max_sentences must be at least 1, not {max_sentences!r}")

    def decorator(scorer: Scorer) -> Scorer:
        SUMMARIZERS[key] = scorer
        if max_sentences is None:
            RANK_LIMITS.pop(key, None)
        else:
            RANK_LIMITS[key] = max_sentences
        return scorer

    return decorator


def available() -> list[str]:
    """The registered summariser names, sorted."""
    return sorted(SUMMARIZERS)


def length_for(n_sentences: int, count: int = 3, ratio: float | None = None) -> int:
    """How many sentences a summary keeps: ``count``, or with ``ratio`` (0 < r <= 1) that
    share of the article's sentences, rounded, and never fewer than one."""
    if ratio is None:
        return count
    if isinstance(ratio, bool) or not 0 < ratio <= 1:
        raise UsageError(f"summary ratio must be above 0 and at most 1, not {ratio!r}")
    return max(1, round(n_sentences * ratio))


def summarize(
    sentences: Sequence[Sentence],
    *,
    language: str = "en",
    count: int = 3,
    method: str = DEFAULT_METHOD,
) -> tuple[Sentence, ...]:
    """The ``count`` best sentences of an article, in article order.

    ``sentences`` are the article's sentences as :func:`timeline.segment.sentences` gives
    them; the result holds the very same objects, sorted by ``index``.  When ``count`` is at
    least the number of sentences, all of them come back.  ``language`` is the article's
    ISO 639-1 code; a language sumy has no stemmer or stop words for is summarised without
    them.  Equal scores go to the earlier sentence, so the same input always gives the same
    summary.  Only the first :data:`MAX_RANKED` sentences are scored (fewer for a scorer
    registered with ``max_sentences``); later ones follow them in article order.

    >>> from timeline.segment import sentences
    >>> [s.text for s in summarize(sentences("One. Two. Three."), count=2, method="lead")]
    ['One.', 'Two.']

    Raises :class:`~timeline.errors.UsageError` when ``count`` is below 1 and
    :class:`~timeline.errors.UnknownFormatError` for a ``method`` nobody registered.
    """
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise UsageError(f"summary length must be a whole number of sentences >= 1, not {count!r}")
    key = method.strip().lower() if isinstance(method, str) else ""
    scorer = SUMMARIZERS.get(key)
    if scorer is None:
        raise UnknownFormatError(
            f"unknown summariser {method!r}; known summarisers: {', '.join(available())}"
        )
    # Article order, even if the caller passed a subset or a shuffled list; scorers see the
    # sentences in this order and ties go to the earlier one.
    ordered = sorted(sentences, key=lambda s: s.index)
    if count >= len(ordered):
        return tuple(ordered)
    candidates = ordered[: min(MAX_RANKED, RANK_LIMITS.get(key, MAX_RANKED))]
    scores = list(scorer(candidates, language))
    if len(scores) != len(candidates):  # a broken plugin, not bad input
        raise TimelineError(
            f"summariser {method!r} gave {len(scores)} scores for {len(candidates)} sentences"
        )
    ranked = sorted(range(len(candidates)), key=lambda pos: (-_rankable(scores[pos]), pos))
    # past the cap, the lead's order: only a summary longer than the cap reaches them
    ranked += range(len(candidates), len(ordered))
    return tuple(ordered[pos] for pos in sorted(ranked[:count]))


def _rankable(score: float) -> float:
    """A score safe to sort on: finite values rounded, NaN and None lowest of all.

    LexRank's power method divides by a zero norm, and so returns NaN for every sentence,
    when no word is shared by few enough sentences to carry weight (any two-sentence text).
    NaN breaks sorting, so such scores rank last and the earliest sentences win.
    """
    if score is None:
        return -math.inf
    value = float(score)
    if math.isnan(value):
        return -math.inf
    if math.isinf(value) or value == 0.0:
        return value
    return float(f"{value:.{_SCORE_DIGITS}g}")


# --- languages ---------------------------------------------------------------------------


def _sumy_language(language: str) -> str | None:
    """The sumy language name for an ISO code ("en", "pt-BR") or a name ("French")."""
    tag = (language or "").strip().lower().replace("_", "-")
    if tag in _SUMY_NAMES:
        return tag
    return _SUMY_LANGUAGES.get(tag.split("-", 1)[0])


@lru_cache(maxsize=64)  # bounded: the key is whatever the front matter says
def _stemmer(language: str) -> Callable[[str], str]:
    """sumy's stemmer for the language; no stemming (only lower-casing) when it has none."""
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    name = _sumy_language(language)
    if name is None:
        return null_stemmer
    try:
        return Stemmer(name)
    except LookupError:  # e.g. Thai or Arabic stop words exist, but no stemmer
        return null_stemmer


@lru_cache(maxsize=64)  # bounded: the key is whatever the front matter says
def _stop_words(language: str) -> frozenset[str]:
    """sumy's bundled stop words for the language; none when it has no list."""
    from sumy.utils import get_stop_words

    name = _sumy_language(language)
    if name is None:
        return frozenset()
    try:
        return frozenset(get_stop_words(name))
    except LookupError:  # e.g. Dutch has a stemmer but no stop-word list
        return frozenset()


# --- sumy's document model, built from our sentences -------------------------------------


class _Tokenizer:
    """The tokenizer interface sumy expects, backed by timeline.segment (no NLTK data)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(s.text for s in split_sentences(text))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(split_words(sentence))


@lru_cache(maxsize=1)
def _positioned_sentence_class() -> type:
    """A sumy Sentence that is equal only to itself, built on first use (sumy is lazy).

    sumy's Sentence compares and hashes by text, and its summarisers keep their ratings in
    dicts keyed by sentence: two identical sentences in an article would collapse into one
    key (KL and SumBasic then rank the wrong sentences).  Keying on the position keeps every
    sentence apart and tells us which of ours each one is.
    """
    from sumy.models.dom import Sentence as SumySentence

    class PositionedSentence(SumySentence):
        __slots__ = ("position",)

        def __init__(self, text: str, tokenizer: _Tokenizer, position: int) -> None:
            super().__init__(text, tokenizer)
            self.position = position

        def __eq__(self, other: object) -> bool:
            return isinstance(other, PositionedSentence) and other.position == self.position

        def __ne__(self, other: object) -> bool:
            return not self.__eq__(other)

        def __hash__(self) -> int:
            return hash(self.position)

    return PositionedSentence


def _sumy_scores(summarizer_class: type, sentences: Sequence[Sentence], language: str) -> list:
    """Run a sumy summariser over our sentences and read back its rating of every one."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph

    tokenizer = _Tokenizer(_sumy_language(language) or language)
    positioned = _positioned_sentence_class()
    document = ObjectDocumentModel(
        [Paragraph([positioned(s.text, tokenizer, pos) for pos, s in enumerate(sentences)])]
    )
    summarizer = summarizer_class(_stemmer(language))
    summarizer.stop_words = _stop_words(language)

    ratings: dict[int, float] = {}

    def keep_all(infos: list) -> list:
        # sumy accepts a callable as the sentence count and calls it with every sentence's
        # (sentence, order, rating), best first.  Taking the ratings here, rather than sumy's
        # pick, lets summarize() own the selection and its tie-breaking.
        for info in infos:
            ratings[info.sentence.position] = info.rating
        return infos

    summarizer(document, keep_all)
    # A summariser that rates nothing (LSA when every word is a stop word) leaves all
    # sentences tied at the bottom, so the summary falls back to the opening sentences.
    return [ratings.get(pos, math.nan) for pos in range(len(sentences))]


# --- built-in summarisers ----------------------------------------------------------------


@register_summarizer("lead")
def _lead(sentences: Sequence[Sentence], language: str) -> list[float]:
    """The opening sentences: the news lead, and the baseline the others must beat."""
    return [-float(pos) for pos in range(len(sentences))]


# Lines of a news page that are not the story: bylines, datelines on their own, photo
# credits and captions, copyright, "read more" and comment-thread furniture.
_BOILERPLATE = re.compile(
    r"^(?:by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$|(?:photo|image|picture|video)"
    r"(?:\s+credit)?\s*:|\(?(?:photo|image|picture)s?\s*(?:by|credit|:)|copyright\b|©|all rights"
    r"\s+reserved|(?:read|see)\s+(?:more|also)\b|(?:follow|share)\s+(?:us|this)\b"
    r"|(?:advertisement|subscribe|sign\s+up)\b|please\s+(?:get\s+involved|leave\s+a\s+comment)"
    r"|(?:you\s+can\s+)?stay\s+up\s+to\s+date\b)",
    re.IGNORECASE,
)
# A reader's comment quoted on the page, byline and all: "At 6:20 pm on 11 Jun 2009,
# mazza46 wrote: ...". Sentence splitting often glues it to the comment before, so it is
# looked for anywhere in the sentence.
_COMMENT_MARK = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*[ap]\.?\s?m\b.{0,40}?,\s*\S+\s+\w+\s*:|\bwrote\s*:"
)
_NEWS_MIN_WORDS = 5  # shorter lines are headings, credits or fragments, not summary sentences


def is_comment(text: str) -> bool:
    """Whether a sentence holds a reader's comment ("At 6:20 pm on 11 Jun 2009, X wrote:"):
    what readers say under an article is not the article's reporting."""
    return bool(_COMMENT_MARK.search(text))


def is_boilerplate(text: str) -> bool:
    """Whether a sentence is page furniture rather than part of the story."""
    stripped = text.strip()
    return (
        len(split_words(stripped)) < _NEWS_MIN_WORDS
        or bool(_BOILERPLATE.match(stripped))
        or bool(_COMMENT_MARK.search(stripped))
    )


# A dateline opens the story proper: "Rabat – On Tuesday", "BRUSSELS, February 10 (Xinhua)
# -- The", "LONDON (Reuters) - Prices". What comes before it on a page is a standfirst or a
# kicker, so the lede is the dateline's sentence. The story after the dash starts with a
# capital; "Barack Obama - who" is an aside, not a dateline.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2}|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)"
    r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3})?\s*(?:\([^()]{1,40}\))?\s*(?:–|—|--|-|_)\s*"
    r"(?=[A-Z\"“‘'])"
)
_DATELINE_WITHIN = 3  # sentences: a dateline further down is a quoted report, not the lede


def lede_position(sentences: Sequence[Sentence]) -> int | None:
    """Where the story starts: the dateline's sentence near the top, else the first
    sentence that is not page furniture; None when every sentence is furniture."""
    story = [pos for pos, s in enumerate(sentences) if not is_boilerplate(s.text)]
    for pos in story:
        if pos >= _DATELINE_WITHIN:
            break
        if _DATELINE.match(sentences[pos].text.strip()):
            return pos
    return story[0] if story else None


# How much the lede adds to its score, as a share of the best sentence's centrality.  The
# news lede is what a reader needs first; a share this size lets it in unless it is much
# less central than the rest (87% of the BBC articles keep it; 62% without the prior)
# while ROUGE against the BBC references stays above TextRank's.
_LEDE_BONUS = 0.18


# Function words that sumy's lists lack although they are among the commonest words of the
# language ("de", "a", "y", "un", "une" in French; "de", "y", "que", "no", "se" in Spanish).
# Only the news scorer uses them: the sumy scorers must keep sumy's exact lists.
_EXTRA_STOP_WORDS = {
    "fr": frozenset(
        "de a y un une des du aux l d qu n s j c m t être on ne plus cette se leurs or ont "
        "avait selon après lors entre chez".split()
    ),
    "es": frozenset(
        "de a y del al que se son han le les no o u e ni más este estos estas ese esa según "
        "durante hasta".split()
    ),
}


def _content_stems(sentences: Sequence[Sentence], language: str) -> list[set[str]]:
    """Each sentence's stemmed content words: stop words, numbers and punctuation out."""
    code = language.split("-")[0].split("_")[0].lower()
    stop = _lexrank_stop_words(language) | _EXTRA_STOP_WORDS.get(code, frozenset())
    stem = _cached_stem(language)
    elide = code in ("fr", "it")
    out = []
    for sentence in sentences:
        lowered = (word.lower() for word in split_words(sentence.text.strip()))
        if elide:
            lowered = (ELISION.sub("", word) for word in lowered)
        out.append({stem(w) for w in lowered if w not in stop and any(ch.isalpha() for ch in w)})
    return out


@register_summarizer("news")
def _news(sentences: Sequence[Sentence], language: str) -> list[float]:
    """The default: centrality on stemmed content words, the lede first, no page furniture.

    Sentences are linked by the content-word stems they share (stop words, numbers and
    punctuation out; stems in the article's language), weighted as in TextRank: shared /
    (log |a| + log |b|); PageRank (damping 0.85) ranks them.  The lede (the dateline's
    sentence near the top, else the first sentence of the story) gets a bonus of a fixed
    share of the top score, so a summary opens with
    what happened unless the lede is off-topic.  Bylines, credits, captions, readers'
    comments and fragments score below every sentence of the story.
    """
    import numpy

    words = _content_stems(sentences, language)
    n = len(words)
    if n == 0:
        return []
    vocabulary = {term: k for k, term in enumerate(sorted(set().union(*words)))}
    incidence = numpy.zeros((n, max(1, len(vocabulary))))
    for row, terms in enumerate(words):
        for term in terms:
            incidence[row, vocabulary[term]] = 1.0
    shared = incidence @ incidence.T
    sizes = numpy.array([len(terms) for terms in words], dtype=float)
    logs = numpy.log(numpy.where(sizes > 1, sizes, 1.0))
    norm = logs[:, None] + logs[None, :]
    usable = (sizes > 1)[:, None] & (sizes > 1)[None, :] & (norm > 0)
    weights = numpy.where(usable, shared / numpy.where(norm > 0, norm, 1.0), 0.0)
    numpy.fill_diagonal(weights, 0.0)
    degree = weights.sum(axis=1)
    transition = (weights / numpy.where(degree > 0, degree, 1.0)[:, None]).T
    rank = numpy.full(n, 1.0 / n)
    for _ in range(100):
        updated = 0.15 / n + 0.85 * (transition @ rank)
        converged = numpy.abs(updated - rank).sum() < 1e-12
        rank = updated
        if converged:
            break
    rank = rank / max(float(rank.max()), 1e-12)
    furniture = [is_boilerplate(s.text) for s in sentences]
    lede = lede_position(sentences)
    scores = []
    for pos, (r, bad) in enumerate(zip(rank, furniture, strict=True)):
        score = float(r) + (_LEDE_BONUS if pos == lede else 0.0)
        scores.append(score - 2.0 if bad else score)
    return scores


@register_summarizer("lexrank")
def _lexrank(sentences: Sequence[Sentence], language: str) -> list[float]:
    """LexRank: centrality in the graph of TF-IDF-similar sentences.

    The same scores as sumy's ``LexRankSummarizer`` (see :func:`_lexrank_sumy`), computed
    with numpy: sumy builds its similarity matrix one cell at a time in Python, which made
    it almost all of a build's time on long articles.
    """
    import numpy

    # When no word carries weight (idf == 0 for every word, as in a two-sentence text with
    # no shared word) the power method divides zero by zero: the NaN scores are handled by
    # _rankable, the warning is noise.
    with numpy.errstate(divide="ignore", invalid="ignore"):
        return _lexrank_scores(_lexrank_words(sentences, language))


def _lexrank_sumy(sentences: Sequence[Sentence], language: str) -> list:
    """sumy's own LexRank, the reference :func:`_lexrank` must agree with (not registered)."""
    import numpy
    from sumy.summarizers.lex_rank import LexRankSummarizer

    with numpy.errstate(divide="ignore", invalid="ignore"):
        return _sumy_scores(LexRankSummarizer, sentences, language)


# sumy's LexRankSummarizer.threshold and .epsilon.
_LEXRANK_THRESHOLD = 0.1
_LEXRANK_EPSILON = 0.1
# Cosines this close to the threshold are recomputed exactly as sumy does (same operations,
# same order), so rounding in the matrix product can never flip a similarity edge.  The
# numpy and Python cosines differ by a few ulps; the margin is many orders wider.
_LEXRANK_NEAR = 1e-9


@lru_cache(maxsize=64)  # bounded: the key is whatever the front matter says
def _lexrank_stop_words(language: str) -> frozenset[str]:
    """The stop words as LexRankSummarizer's setter stores them: lower-cased."""
    return frozenset(word.lower() for word in _stop_words(language))


@lru_cache(maxsize=64)  # bounded: the key is whatever the front matter says
def _cached_stem(language: str) -> Callable[[str], str]:
    """The language's stemmer behind a bounded cache: stemming is a pure function."""
    return lru_cache(maxsize=1 << 16)(_stemmer(language))


def _lexrank_words(sentences: Sequence[Sentence], language: str) -> list[list[str]]:
    """Each sentence's terms exactly as sumy's ``LexRankSummarizer._to_words_set`` gives them.

    sumy's Sentence strips its text and our tokenizer splits it; sumy lower-cases every
    word, drops the stop words, then stems the (again lower-cased) word.
    """
    stop = _lexrank_stop_words(language)
    stem = _cached_stem(language)
    out = []
    for sentence in sentences:
        lowered = (word.lower() for word in split_words(sentence.text.strip()))
        out.append([stem(word.lower()) for word in lowered if word not in stop])
    return out


def _lexrank_scores(sentences_words: list[list[str]]) -> list[float]:
    """sumy's LexRank over per-sentence term lists, vectorised; NaN where sumy gives NaN.

    tf is a term's count over the sentence's highest count, idf is
    ``log(n / (1 + sentences holding the term))``, the similarity is the idf-modified
    cosine, cells above the threshold become edges, each row is divided by its degree, and
    sumy's power method (same start, same norm, same stopping rule) ranks the sentences.
    """
    import numpy

    count = len(sentences_words)
    if count == 0:
        return []
    # One entry per (sentence, distinct term): tf exactly as sumy's _compute_tf divides it.
    vocabulary: dict[str, int] = {}
    tf_dicts: list[dict[str, float]] = []
    entry_rows: list[int] = []
    entry_cols: list[int] = []
    entry_tf: list[float] = []
    for row, terms in enumerate(sentences_words):
        counts = Counter(terms)
        max_tf = max(counts.values()) if counts else 1
        tf_dicts.append({term: n / max_tf for term, n in counts.items()})
        for term, tf in tf_dicts[-1].items():
            entry_rows.append(row)
            entry_cols.append(vocabulary.setdefault(term, len(vocabulary)))
            entry_tf.append(tf)
    rows = numpy.array(entry_rows, dtype=numpy.intp)
    cols = numpy.array(entry_cols, dtype=numpy.intp)
    holding = numpy.bincount(cols, minlength=len(vocabulary))  # sentences holding each term
    # math.log, as sumy, not numpy.log: the two may differ in the last bit.
    idf_of = {n_j: math.log(count / (1 + n_j)) for n_j in set(holding.tolist())}
    idf = numpy.array([idf_of[n_j] for n_j in holding.tolist()], dtype=float)

    weights = numpy.array(entry_tf, dtype=float) * idf[cols]
    squares = numpy.bincount(rows, weights=weights * weights, minlength=count)
    norms = numpy.sqrt(squares)
    # Only terms held by two sentences or more link two sentences.  Most terms occur once,
    # so a dense matrix of the others stays small.  A sentence's similarity to itself is
    # its squared norm over itself: 1, far above the threshold whatever the rounding.
    shared = holding > 1
    column = numpy.cumsum(shared) - 1
    linking = shared[cols]
    dense = numpy.zeros((count, int(shared.sum())))
    dense[rows[linking], column[cols[linking]]] = weights[linking]
    numerators = dense @ dense.T
    numpy.fill_diagonal(numerators, squares)
    cosine = numerators / numpy.outer(norms, norms)
    weighted = squares > 0
    both = weighted[:, None] & weighted[None, :]
    cosine[~both] = 0.0  # sumy's "denominator1 > 0 and denominator2 > 0" else 0.0

    near = both & (numpy.abs(cosine - _LEXRANK_THRESHOLD) <= _LEXRANK_NEAR)
    if near.any():
        idf_dict = {
            term: idf_of[n_j] for term, n_j in zip(vocabulary, holding.tolist(), strict=True)
        }
        for row, col in zip(*numpy.nonzero(near), strict=True):
            cosine[row, col] = _sumy_cosine(
                sentences_words[row], sentences_words[col], tf_dicts[row], tf_dicts[col], idf_dict
            )

    edges = cosine > _LEXRANK_THRESHOLD
    degrees = numpy.count_nonzero(edges, axis=1).astype(float)
    degrees[degrees == 0] = 1.0
    matrix = edges / degrees[:, None]
    return _power_method(matrix, _LEXRANK_EPSILON).tolist()


def _sumy_cosine(
    words1: list[str],
    words2: list[str],
    tf1: dict[str, float],
    tf2: dict[str, float],
    idf: dict[str, float],
) -> float:
    """sumy's ``LexRankSummarizer.cosine_similarity``, operation for operation.

    The sets are built from the same lists as sumy builds them, so they iterate in the same
    order and the float sums round the same way.
    """
    unique_words1 = frozenset(words1)
    unique_words2 = frozenset(words2)
    numerator = 0.0
    for term in unique_words1 & unique_words2:
        numerator += tf1[term] * tf2[term] * idf[term] ** 2
    denominator1 = sum((tf1[t] * idf[t]) ** 2 for t in unique_words1)
    denominator2 = sum((tf2[t] * idf[t]) ** 2 for t in unique_words2)
    if denominator1 > 0 and denominator2 > 0:
        return numerator / (math.sqrt(denominator1) * math.sqrt(denominator2))
    return 0.0


def _power_method(matrix, epsilon: float):
    """sumy's ``LexRankSummarizer.power_method``, unchanged (it stops on the step size)."""
    import numpy

    transposed_matrix = matrix.T
    sentences_count = len(matrix)
    p_vector = numpy.array([1.0 / sentences_count] * sentences_count)
    lambda_val = 1.0
    while lambda_val > epsilon:
        next_p = numpy.dot(transposed_matrix, p_vector)
        next_p /= numpy.linalg.norm(next_p)
        lambda_val = numpy.linalg.norm(numpy.subtract(next_p, p_vector))
        p_vector = next_p
    return p_vector


@register_summarizer("textrank")
def _textrank(sentences: Sequence[Sentence], language: str) -> list[float]:
    """TextRank: PageRank over sentences linked by shared words."""
    from sumy.summarizers.text_rank import TextRankSummarizer

    return _sumy_scores(TextRankSummarizer, sentences, language)


@register_summarizer("lsa")
def _lsa(sentences: Sequence[Sentence], language: str) -> list[float]:
    """LSA: weight of each sentence in the main topics of a term-sentence SVD."""
    from sumy.summarizers.lsa import LsaSummarizer

    with warnings.catch_warnings():
        # sumy warns whenever an article has fewer distinct words than sentences; for short
        # articles that is normal and the warning would only reach the user as noise.
        warnings.filterwarnings("ignore", message="Number of words", category=UserWarning)
        return _sumy_scores(LsaSummarizer, sentences, language)


@register_summarizer("luhn")
def _luhn(sentences: Sequence[Sentence], language: str) -> list[float]:
    """Luhn: clusters of frequent words inside a sentence."""
    from sumy.summarizers.luhn import LuhnSummarizer

    return _sumy_scores(LuhnSummarizer, sentences, language)


# KL-Sum re-weighs every sentence against the growing summary once per sentence: cubic in
# the sentence count (300 sentences take about 40 s).  Past 300 sentences it would run for
# hours, and 300 keeps every real article whole.
@register_summarizer("kl", max_sentences=300)
def _kl(sentences: Sequence[Sentence], language: str) -> list[float]:
    """KL-Sum: greedily keep the word distribution closest to the article's."""
    from sumy.summarizers.kl import KLSummarizer

    return _sumy_scores(KLSummarizer, sentences, language)


@register_summarizer("sumbasic")
def _sumbasic(sentences: Sequence[Sentence], language: str) -> list[float]:
    """SumBasic: frequent words, discounted once a sentence using them is chosen."""
    from sumy.summarizers.sum_basic import SumBasicSummarizer

    return _sumy_scores(SumBasicSummarizer, sentences, language)
