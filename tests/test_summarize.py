"""Tests for timeline.summarize: selection, registry, languages, and offline safety."""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import summarize as summarize_module
from timeline.errors import TimelineError, UnknownFormatError, UsageError
from timeline.model import Sentence
from timeline.segment import sentences
from timeline.sources import read_file
from timeline.summarize import (
    SUMMARIZERS,
    available,
    register_summarizer,
    summarize,
)

SRC = Path(__file__).resolve().parents[1] / "src"
SOURCES = Path(__file__).resolve().parents[1] / "sources"
T17 = Path("/work/shared/corpora/t17")  # the Timeline17 corpus, when the machine has it

BUILTINS = ["kl", "lead", "lexrank", "lsa", "luhn", "news", "sumbasic", "textrank"]

ARTICLE_EN = (
    "Flood waters forced more than 4,000 residents from their homes in the river town of "
    "Ashford on Sunday, after two days of heavy rain pushed the Stour over its banks. "
    "The Environment Agency issued a severe flood warning shortly before midnight, its "
    "highest level, meaning there was a danger to life. "
    "Emergency crews used boats to reach families trapped in the upper floors of houses on "
    "Mill Lane and Station Road. "
    "By Monday morning, the agency said water levels had begun to fall but warned that more "
    "rain was expected on Wednesday. "
    "The town council opened three evacuation centres in school halls and a leisure centre. "
    "Council leader Mary Holt said about 600 people had spent the night in the centres. "
    "She said the river had never risen so fast in living memory. "
    "Network Rail closed the main line to London after a section of track was flooded near "
    "the station. "
    "Engineers expect the line to reopen by Thursday if the water keeps falling. "
    "Insurers estimate the damage to homes and businesses in Ashford could exceed 30 million "
    "pounds. "
    "Residents criticised the agency for delays in repairing a flood barrier that failed in "
    "2020. "
    "The agency said repairs to the flood barrier would be finished next year."
)

# Luhn ranks sentences by clusters of frequent stems that are not stop words.  Sentence 0 is
# all function words and "fenced in" by them only when the language's stop words are
# unknown; with the right list, the sentence holding both "grève" and "grévistes" (one stem)
# wins.  So the result tells whether stop words and stemmer of that language were used.
ARTICLE_FR = (
    "Il y a de la pluie et de la neige dans la ville et dans les villages. "
    "Les grévistes ont bloqué les dépôts de bus pendant la grève. "
    "La grève des transports continue, disent les grévistes. "
    "Le maire a dénoncé une grève illégale."
)
ARTICLE_ES = (
    "Hay de la lluvia y de la nieve en la ciudad y en los pueblos. "
    "Los huelguistas bloquearon las cocheras durante la huelga. "
    "La huelga de transportes continúa, dicen los huelguistas. "
    "El alcalde denunció una huelga ilegal."
)


@pytest.fixture(scope="module")
def article() -> list[Sentence]:
    found = sentences(ARTICLE_EN)
    assert len(found) == 12, [s.text for s in found]  # the fixture itself is what we think
    return found


def indices(chosen: tuple[Sentence, ...]) -> list[int]:
    return [s.index for s in chosen]


def assert_picked_from(chosen: tuple[Sentence, ...], source: list[Sentence]) -> None:
    """Every chosen sentence is one of the input objects (not a copy, not a sumy object)."""
    for s in chosen:
        assert any(s is original for original in source), s


# --- selection -----------------------------------------------------------------------------


@pytest.mark.parametrize("method", BUILTINS)
@pytest.mark.parametrize("count", [1, 3, 5, 11])
def test_every_method_returns_count_sentences_in_article_order(
    article: list[Sentence], method: str, count: int
) -> None:
    chosen = summarize(article, count=count, method=method)

    assert isinstance(chosen, tuple)
    assert len(chosen) == count
    assert indices(chosen) == sorted(set(indices(chosen)))  # ascending, no repeats
    assert_picked_from(chosen, article)


@pytest.mark.parametrize("method", BUILTINS)
def test_count_at_least_the_text_returns_every_sentence(
    article: list[Sentence], method: str
) -> None:
    assert summarize(article, count=len(article), method=method) == tuple(article)
    assert summarize(article, count=100, method=method) == tuple(article)


@pytest.mark.parametrize("method", BUILTINS)
def test_empty_input_returns_empty_tuple(method: str) -> None:
    assert summarize([], method=method) == ()
    assert summarize(sentences("   \n"), method=method) == ()


def test_lead_returns_the_first_sentences(article: list[Sentence]) -> None:
    assert indices(summarize(article, count=4, method="lead")) == [0, 1, 2, 3]


def test_default_method_is_news(article: list[Sentence]) -> None:
    assert summarize(article) == summarize(article, count=3, method="news")
    assert len(summarize(article)) == 3


def test_output_is_in_article_order_even_for_a_shuffled_input(
    article: list[Sentence],
) -> None:
    shuffled = article[::-1]
    assert summarize(shuffled, count=4, method="lexrank") == summarize(
        article, count=4, method="lexrank"
    )
    assert indices(summarize(shuffled, count=2, method="lead")) == [0, 1]


@pytest.mark.parametrize("method", BUILTINS)
def test_same_input_gives_the_same_summary(article: list[Sentence], method: str) -> None:
    first = summarize(article, count=4, method=method)
    assert all(summarize(article, count=4, method=method) == first for _ in range(3))


def test_lexrank_does_not_pick_the_lead_of_the_fixture(article: list[Sentence]) -> None:
    # Guards against summarize() silently falling back to article order (e.g. on NaN scores).
    assert indices(summarize(article, count=3, method="lexrank")) != [0, 1, 2]
    assert indices(summarize(article, count=3, method="luhn")) != [0, 1, 2]


# --- duplicates and ties -------------------------------------------------------------------


@pytest.mark.parametrize("method", BUILTINS)
def test_identical_sentences_map_back_to_distinct_positions(method: str) -> None:
    # The article twice over: every text occurs twice.  Asking for one more sentence than
    # there are distinct texts forces at least one identical pair into the summary, which a
    # mapping by text would send to the same index.
    doubled = sentences(ARTICLE_EN + "\n\n" + ARTICLE_EN)
    distinct = len({s.text for s in doubled})
    assert len(doubled) == 2 * distinct

    chosen = summarize(doubled, count=distinct + 1, method=method)

    assert len(chosen) == distinct + 1
    assert len(set(indices(chosen))) == distinct + 1
    assert indices(chosen) == sorted(indices(chosen))
    assert len({s.text for s in chosen}) < len(chosen)  # a duplicate text was chosen
    assert_picked_from(chosen, doubled)


@pytest.mark.parametrize("method", ["kl", "sumbasic"])
def test_greedy_scorers_rank_identical_sentences_apart(method: str) -> None:
    # KL and SumBasic rate a sentence by the step at which they pick it, in a dict keyed by
    # sentence.  Keyed by text, the second copy of a sentence would overwrite the rating of
    # the first, and two sentences would share a rank.
    doubled = sentences(ARTICLE_EN + "\n\n" + ARTICLE_EN)
    scores = SUMMARIZERS[method](doubled, "en")
    assert len(scores) == len(doubled)
    assert len(set(scores)) == len(doubled)


@pytest.mark.parametrize("method", BUILTINS)
def test_ties_go_to_the_earlier_sentence(method: str) -> None:
    same = sentences(" ".join(["The river rose again overnight in the town centre."] * 5))
    assert len(same) == 5
    assert indices(summarize(same, count=3, method=method)) == [0, 1, 2]


@pytest.mark.parametrize("method", BUILTINS)
def test_degenerate_texts_do_not_fail_or_warn(method: str) -> None:
    # Two sentences make every LexRank idf <= 0 (NaN scores); stop words only leave LSA,
    # KL and SumBasic with no content words at all; fewer words than sentences makes sumy's
    # LSA warn.
    texts = (
        "Rain fell. Wind blew.",
        "It is. It was. It is.",
        "Yes! No? Maybe.",
        "Storm. Storm again. Storm.",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for text in texts:
            found = sentences(text)
            chosen = summarize(found, count=1, method=method)
            assert len(chosen) == 1
            assert_picked_from(chosen, found)


# --- lexrank: the numpy implementation gives sumy's scores ---------------------------------

LEXRANK_TOLERANCE = 1e-9


def assert_lexrank_matches_sumy(
    found: list[Sentence], language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same scores as sumy's LexRankSummarizer (NaN where it gives NaN), same summaries."""
    fast = summarize_module._lexrank(found, language)
    reference = summarize_module._lexrank_sumy(found, language)
    assert len(fast) == len(reference) == len(found)
    for pos, (mine, theirs) in enumerate(zip(fast, reference, strict=True)):
        if math.isnan(theirs):
            assert math.isnan(mine), (pos, mine)
        else:
            assert abs(mine - theirs) <= LEXRANK_TOLERANCE, (pos, mine, theirs)
    monkeypatch.setitem(SUMMARIZERS, "lexrank-sumy", summarize_module._lexrank_sumy)
    for count in range(1, 6):
        assert indices(
            summarize(found, count=count, language=language, method="lexrank")
        ) == indices(summarize(found, count=count, language=language, method="lexrank-sumy")), count


def as_sentences(texts: list[str]) -> list[Sentence]:
    """Sentences built directly, so a generated text is cut exactly where we mean."""
    return [Sentence(pos, 0, len(text), text) for pos, text in enumerate(texts)]


# Content words with shared stems (flood/floods/flooding), English stop words, and case
# variants: stemming, stop words and lower-casing all decide which terms sentences share.
VOCABULARY = (
    "flood floods flooding Flooded river rivers River town towns rain rained Rain storm "
    "storms council Council agency barrier 2020 600 the The of and it is was THE a"
).split()
STOP_ONLY = ("It is.", "The a of.", "It was the.", "And it is the.")


def random_texts(seed: int) -> list[str]:
    """0 to 30 sentences from a small vocabulary, with duplicates and stop-word sentences."""
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(rng.randrange(31)):
        roll = rng.random()
        if texts and roll < 0.15:
            texts.append(rng.choice(texts))  # a duplicate of an earlier sentence
        elif roll < 0.25:
            texts.append(rng.choice(STOP_ONLY))
        else:
            texts.append(" ".join(rng.choices(VOCABULARY, k=rng.randrange(1, 9))) + ".")
    return texts


def threshold_tie(rng: random.Random, repeated: int, single: int, fillers: int) -> list[str]:
    """Four sentences whose cosines sit exactly on LexRank's 0.1 threshold, then fillers.

    Every linking word is in exactly two sentences, so all idfs are equal.  A and B share
    one word; each has ``repeated`` words twice (tf 1) and ``single`` once (tf 1/2), and
    ``repeated + single / 4 == 10`` makes their cosine 1/10 up to rounding, which then
    depends on the order the squares are summed in.
    """
    bees = [f"bee{i}" for i in range(repeated - 1)]
    cees = [f"cee{i}" for i in range(repeated - 1)]
    dees = [f"dee{i}" for i in range(single)]
    ees = [f"eee{i}" for i in range(single)]
    words = [
        ["shared"] * 2 + bees * 2 + dees,
        ["shared"] * 2 + cees * 2 + ees,
        [*bees, *dees, "ex"],
        [*cees, *ees, "ex"],
    ]
    for sentence in words:
        rng.shuffle(sentence)
    return [" ".join(sentence) for sentence in words] + [f"filler{i}" for i in range(fillers)]


def source_bodies() -> list[tuple[str, list[Sentence]]]:
    found = []
    for path in sorted(SOURCES.glob("*.md")):
        article = read_file(path)
        found.append((article.language, sentences(article.body)))
    return found


FIXED_TEXTS = [
    ("en", ARTICLE_EN),
    ("en", ARTICLE_EN + "\n\n" + ARTICLE_EN),
    ("fr", ARTICLE_FR),
    ("es", ARTICLE_ES),
    ("xx", ARTICLE_FR),
    ("en", "Rain fell. Wind blew."),
    ("en", "Rain fell. Rain blew."),
    ("en", "It is. It was. It is."),
    ("en", "Yes! No? Maybe."),
    ("en", "Storm. Storm again. Storm."),
    ("en", " ".join(["The river rose again overnight in the town centre."] * 5)),
    ("en", "The river rose. It is. The river fell. It was."),
]


@pytest.mark.parametrize(("language", "text"), FIXED_TEXTS)
def test_lexrank_matches_sumy_on_fixed_texts(
    language: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_lexrank_matches_sumy(sentences(text), language, monkeypatch)


def test_lexrank_matches_sumy_on_the_bundled_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    bodies = source_bodies()
    assert bodies
    for language, found in bodies:
        assert len(found) > 5
        assert_lexrank_matches_sumy(found, language, monkeypatch)


@pytest.mark.parametrize("seed", range(24))
def test_lexrank_matches_sumy_on_random_texts(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    language = ("en", "en", "fr", "xx")[seed % 4]
    assert_lexrank_matches_sumy(as_sentences(random_texts(seed)), language, monkeypatch)


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(
        st.lists(st.sampled_from(VOCABULARY), max_size=8).map(" ".join),
        max_size=12,
    )
)
def test_lexrank_matches_sumy_on_generated_texts(texts: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_lexrank_matches_sumy(as_sentences(texts), "en", monkeypatch)


@pytest.mark.parametrize(("repeated", "single"), [(10, 0), (9, 4), (8, 8), (6, 16), (4, 24)])
def test_lexrank_matches_sumy_on_cosines_at_the_threshold(
    repeated: int, single: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A matrix product sums in another order than sumy and could put a cosine of 0.1 on the
    # other side of the threshold, which changes the graph; such cells are recomputed.
    recomputed = []
    exact = summarize_module._sumy_cosine

    def counting(*args):
        recomputed.append(args)
        return exact(*args)

    monkeypatch.setattr(summarize_module, "_sumy_cosine", counting)
    rng = random.Random(repeated * 100 + single)
    for fillers in range(8):
        texts = threshold_tie(rng, repeated, single, fillers)
        assert_lexrank_matches_sumy(as_sentences(texts), "xx", monkeypatch)
    assert recomputed  # the construction does reach the exact recomputation


def test_lexrank_edge_cases_match_sumy(monkeypatch: pytest.MonkeyPatch) -> None:
    assert summarize_module._lexrank([], "en") == []
    assert summarize_module._lexrank_sumy([], "en") == []
    one = sentences("The river rose.")
    assert summarize_module._lexrank(one, "en") == [1.0]
    assert_lexrank_matches_sumy(one, "en", monkeypatch)
    nothing = sentences("It is.")
    assert math.isnan(summarize_module._lexrank(nothing, "en")[0])
    assert_lexrank_matches_sumy(nothing, "en", monkeypatch)
    # Two sentences with no word in common: every idf is 0, every score NaN, and the
    # summary falls back to the opening sentence.
    two = sentences("Rain fell. Wind blew.")
    assert all(math.isnan(score) for score in summarize_module._lexrank(two, "en"))
    assert indices(summarize(two, count=1)) == [0]
    assert_lexrank_matches_sumy(two, "en", monkeypatch)


def test_lexrank_keeps_sumy_as_an_unregistered_reference() -> None:
    assert SUMMARIZERS["lexrank"] is summarize_module._lexrank
    assert summarize_module._lexrank_sumy not in SUMMARIZERS.values()


def t17_articles() -> list[Path]:
    """A dozen Timeline17 articles, four from each of three topics, of 5 to 150 sentences."""
    picked = []
    for topic in ("H1N1_bbc", "MJ_bbc", "haiti_bbc"):
        files = sorted((T17 / topic / "InputDocs").glob("*/*.txt"))
        chosen = []
        for path in files[:: max(1, len(files) // 12)]:
            count = len(sentences(path.read_text(encoding="utf-8", errors="replace")))
            if 5 <= count <= 150:
                chosen.append(path)
            if len(chosen) == 4:
                break
        picked.extend(chosen)
    return picked


@pytest.mark.skipif(not T17.is_dir(), reason="no Timeline17 corpus on this machine")
def test_lexrank_matches_sumy_on_timeline17_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = t17_articles()
    assert len(paths) == 12
    for path in paths:
        found = sentences(path.read_text(encoding="utf-8", errors="replace"))
        assert_lexrank_matches_sumy(found, "en", monkeypatch)


# --- errors and registry -------------------------------------------------------------------


def test_unknown_method_raises_and_lists_the_known_ones(article: list[Sentence]) -> None:
    with pytest.raises(UnknownFormatError) as excinfo:
        summarize(article, method="gpt")
    message = str(excinfo.value)
    assert "gpt" in message
    for name in BUILTINS:
        assert name in message


def test_unknown_method_raises_even_for_an_empty_text() -> None:
    with pytest.raises(UnknownFormatError):
        summarize([], method="nope")


@pytest.mark.parametrize("count", [0, -1])
def test_count_below_one_is_a_usage_error(article: list[Sentence], count: int) -> None:
    with pytest.raises(UsageError):
        summarize(article, count=count)
    with pytest.raises(UsageError):
        summarize([], count=count)


def test_method_names_are_case_insensitive(article: list[Sentence]) -> None:
    assert summarize(article, method="LexRank") == summarize(article, method="lexrank")


def test_available_lists_the_builtins_sorted() -> None:
    assert available() == sorted(available())
    assert set(BUILTINS) <= set(available())
    assert set(available()) == set(SUMMARIZERS)


@pytest.fixture
def restore_registry():
    saved = dict(SUMMARIZERS)
    yield
    SUMMARIZERS.clear()
    SUMMARIZERS.update(saved)


def test_a_plugin_registers_through_the_same_door(
    article: list[Sentence], restore_registry: None
) -> None:
    @register_summarizer("Longest")
    def longest(found, language):
        return [len(s.text) for s in found]

    assert "longest" in available()
    chosen = summarize(article, count=2, method="longest")
    by_length = sorted(article, key=lambda s: (-len(s.text), s.index))[:2]
    assert indices(chosen) == sorted(s.index for s in by_length)


def test_a_plugin_with_equal_scores_gives_the_lead(
    article: list[Sentence], restore_registry: None
) -> None:
    register_summarizer("flat")(lambda found, language: [1.0] * len(found))
    assert indices(summarize(article, count=3, method="flat")) == [0, 1, 2]


def test_a_plugin_returning_too_few_scores_is_an_error(
    article: list[Sentence], restore_registry: None
) -> None:
    register_summarizer("broken")(lambda found, language: [1.0])
    with pytest.raises(TimelineError):
        summarize(article, count=2, method="broken")


def test_nan_scores_rank_last(article: list[Sentence], restore_registry: None) -> None:
    register_summarizer("nan")(
        lambda found, language: [math.nan if s.index < 6 else 1.0 for s in found]
    )
    assert indices(summarize(article, count=2, method="nan")) == [6, 7]


# --- languages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("fr", ARTICLE_FR, [2]), ("es", ARTICLE_ES, [2]), ("xx", ARTICLE_FR, [0])],
)
def test_stop_words_and_stemmer_follow_the_language(
    language: str, text: str, expected: list[int]
) -> None:
    found = sentences(text)
    assert len(found) == 4
    assert indices(summarize(found, count=1, method="luhn", language=language)) == expected


@pytest.mark.parametrize("language", ["fr", "es", "xx", "pt-BR", "FR", ""])
@pytest.mark.parametrize("method", BUILTINS)
def test_every_method_works_in_other_languages(language: str, method: str) -> None:
    for text in (ARTICLE_FR, ARTICLE_ES, ARTICLE_EN):
        found = sentences(text)
        chosen = summarize(found, count=2, method=method, language=language)
        assert len(chosen) == 2
        assert_picked_from(chosen, found)


def test_language_resources() -> None:
    stem = summarize_module._stemmer
    stop = summarize_module._stop_words
    assert stem("fr")("grévistes") == "grévist"
    assert stem("es")("huelguistas") == "huelguist"
    assert stem("en")("flooding") == "flood"
    assert stem("pt-BR")("corredores") == "corredor"
    assert {"les", "des", "dans"} <= stop("fr")
    assert {"la", "los", "una"} <= stop("es")
    assert "the" in stop("en")
    # No stemmer or no stop words for the language: no stemming, no stop words, no error.
    assert stem("xx")("Flooding") == "flooding"
    assert stop("xx") == frozenset()
    assert stop("nl") == frozenset()  # a Dutch stemmer exists, a Dutch list does not
    assert stem("th")("Flooding") == "flooding"  # Thai stop words exist, a stemmer does not
    # Only names from our own table reach sumy (it builds a resource path from the name).
    assert stop("../english") == frozenset()
    assert stem("fr") is stem("fr")  # cached per language


# --- offline safety and import cost --------------------------------------------------------


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("NLTK_DATA", "PYTHONHASHSEED")}
    environ["PYTHONPATH"] = os.pathsep.join(
        [str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=environ,
        check=False,  # the tests assert on returncode and show stderr
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_no_nltk_data_and_no_network_needed(tmp_path: Path) -> None:
    nltk_data = tmp_path / "nltk_data"
    home = tmp_path / "home"
    nltk_data.mkdir()
    home.mkdir()
    code = f"""
        import json, os, socket, sys

        def no_network(*args, **kwargs):
            raise OSError("network access attempted")

        socket.socket.connect = no_network
        socket.create_connection = no_network

        from timeline.segment import sentences
        from timeline.summarize import available, summarize

        import nltk.data
        # Nothing but the empty directory, whatever data the machine may hold elsewhere.
        nltk.data.path[:] = [os.environ["NLTK_DATA"]]

        # The premise: here sumy's own tokenizer cannot work.
        from sumy.nlp.tokenizers import Tokenizer
        try:
            Tokenizer("english")
            premise = "sumy Tokenizer worked"
        except LookupError:
            premise = "ok"

        found = sentences({ARTICLE_EN!r})
        result = {{
            method: [s.index for s in summarize(found, count=3, method=method, language=lang)]
            for method in available()
            for lang in ("en", "fr", "xx")
        }}
        print(json.dumps({{"premise": premise, "result": result}}))
    """
    proc = run_python(code, NLTK_DATA=str(nltk_data), HOME=str(home))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no warnings either
    out = json.loads(proc.stdout)
    assert out["premise"] == "ok"
    assert set(out["result"]) == set(BUILTINS)
    assert all(len(chosen) == 3 for chosen in out["result"].values())
    assert list(nltk_data.iterdir()) == []  # nothing was downloaded into it
    assert list(home.iterdir()) == []


def test_importing_the_module_loads_no_heavy_library() -> None:
    code = """
        import json, sys
        import timeline.summarize
        heavy = sorted(
            name for name in sys.modules
            if name.split(".")[0] in ("sumy", "numpy", "nltk", "requests", "pycountry")
        )
        print(json.dumps(heavy))
    """
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


def test_summaries_do_not_depend_on_the_hash_seed() -> None:
    # Some sumy scorers sum floats in set order, which follows PYTHONHASHSEED.
    code = f"""
        import json
        from timeline.segment import sentences
        from timeline.summarize import available, summarize

        found = sentences({ARTICLE_EN + " " + ARTICLE_EN!r})
        print(json.dumps({{
            method: [[s.index for s in summarize(found, count=n, method=method)]
                     for n in (1, 3, 13)]
            for method in available()
        }}))
    """
    outputs = set()
    for seed in ("0", "1", "2", "12345"):
        proc = run_python(code, PYTHONHASHSEED=seed)
        assert proc.returncode == 0, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1


@pytest.mark.parametrize(
    "text",
    [
        "By John Smith",
        "Photo: Reuters",
        "(Photo by AFP)",
        "Copyright 2019 The Times.",
        "Read more about this.",
        "Share this page.",
        "Short line here.",
    ],
)
def test_page_furniture_is_boilerplate(text):
    from timeline.summarize import is_boilerplate

    assert is_boilerplate(text)


def test_story_sentences_are_not_boilerplate():
    from timeline.summarize import is_boilerplate

    assert not is_boilerplate("By the end of the day, officials had evacuated the old town.")
    assert not is_boilerplate("Photographers gathered outside the court on Tuesday morning.")


def test_news_never_picks_furniture_while_story_sentences_remain():
    text = (
        "By John Smith\n"
        "Photo: Reuters\n" + ARTICLE_EN + "\nCopyright 2019 The Daily News. All rights reserved."
    )
    sents = sentences(text)
    chosen = summarize(sents, count=3, method="news")
    from timeline.summarize import is_boilerplate

    assert len(chosen) == 3
    assert not any(is_boilerplate(s.text) for s in chosen)


def test_news_keeps_the_lede_when_it_is_on_topic():
    # by centrality alone the lede ranks fourth (0.80 of the top score against 0.87); the
    # lede prior puts it in the summary
    sents = sentences(
        "Rabat - On Tuesday, the minister received the NATO envoy for talks on cyber defence "
        "and security. "
        "The talks covered cyber defence, cyber security and defence training. "
        "Cyber defence training and cyber security were the core of the defence talks. "
        "Security training in cyber defence will continue, the defence officials said. "
        "A cat slept in the sun."
    )
    assert [s.index for s in summarize(sents, count=3, method="news")] == [0, 1, 2]


def test_news_drops_a_lede_that_is_off_topic():
    sents = sentences(
        "Weather: sunny spells with a chance of light rain later today. "
        "The talks covered cyber defence, cyber security and defence training. "
        "Cyber defence training and cyber security were the core of the defence talks. "
        "Security training in cyber defence will continue, the defence officials said. "
    )
    chosen = summarize(sents, count=2, method="news")
    assert 0 not in [s.index for s in chosen]


def test_readers_comments_are_furniture():
    from timeline.summarize import is_boilerplate

    assert is_boilerplate(
        "At 6:20 pm on 11 Jun 2009 , mazza46 wrote : I do not trust the figures at all ."
    )
    assert is_boilerplate(
        "Good point . At 2:41 pm on 18 Jan 2010 , BeninBrussels wrote : I back the post ."
    )
    assert is_boilerplate("Please get involved and leave a comment .")
    assert not is_boilerplate("The minister wrote to the council on Monday about the closures.")


def test_news_scores_like_textrank_on_shared_stems():
    # two sentences sharing stems rank above an unrelated one
    sents = sentences(
        "The river flooded the town and the river kept rising. "
        "Rising river waters flooded the old town again. "
        "A cat slept."
    )
    from timeline.summarize import SUMMARIZERS

    scores = SUMMARIZERS["news"](sents, "en")
    assert scores[0] > scores[2] and scores[1] > scores[2]


@pytest.mark.parametrize(
    ("language", "sentence", "absent", "present"),
    [
        (
            "fr",
            "Le ministre de l'Intérieur a reçu un envoyé de l'OTAN et une délégation.",
            {"de", "a", "un", "une", "l'intérieur"},
            {"ministr"},
        ),
        (
            "es",
            "El ministro de Defensa y el enviado de la OTAN no se reunieron que ayer.",
            {"de", "y", "no", "se", "que"},
            {"ministr"},
        ),
    ],
)
def test_news_drops_the_commonest_function_words(language, sentence, absent, present):
    from timeline.summarize import _content_stems

    (stems,) = _content_stems(sentences(sentence), language)
    assert not stems & absent
    assert present <= stems


@pytest.mark.parametrize(
    ("text", "lede"),
    [
        (
            "Morocco has been a NATO partner since 1994. Rabat – On Tuesday, the minister met "
            "the envoy. The talks went well.",
            1,
        ),
        (
            "A standfirst line about the story.\nBRUSSELS, February 10 (Xinhua) -- The alliance "
            "decided. More text here.",
            1,
        ),
        ("LONDON (Reuters) - Oil prices rose sharply on Monday. Analysts were surprised.", 0),
        ("BELFAST, Northern Ireland (AP)_ Police seized a car bomb on Sunday. It was big.", 0),
        (
            "The first sentence of the story is here. US President Barack Obama - who was "
            "there - spoke. More.",
            0,
        ),
        ("By John Smith\nThe council met on Monday to discuss the floods.", 1),
        (
            "The first sentence of the story.\nThe second sentence of the story.\nThe third "
            "sentence of the story.\nPARIS - The fourth sentence is too far down for a dateline.",
            0,
        ),
    ],
)
def test_lede_is_the_dateline_sentence_near_the_top(text, lede):
    from timeline.summarize import lede_position

    assert lede_position(sentences(text)) == lede


# --- huge articles -------------------------------------------------------------------------


def _huge_article(count: int) -> list[Sentence]:
    """``count`` varied sentences (seeded), about twelve content words each."""
    rng = random.Random(7)
    syllables = ["ra", "bat", "mo", "roc", "na", "to", "sem", "in", "ar", "pol", "ic", "y"]
    vocabulary = sorted({"".join(rng.choices(syllables, k=3)) for _ in range(3000)})
    text = " ".join(
        "The " + " ".join(rng.choices(vocabulary, k=12)) + " grew." for _ in range(count)
    )
    found = sentences(text)
    assert len(found) == count
    return found


def test_a_20000_sentence_article_is_summarised_from_its_opening_sentences() -> None:
    # Ranking every sentence costs the square of the count or worse (20,000 took 55 s and
    # 13 GB); the first MAX_RANKED are ranked, the rest follow in article order.
    article = _huge_article(20_000)
    chosen = summarize(article, count=5)
    assert len(chosen) == 5
    assert all(s.index < summarize_module.MAX_RANKED for s in chosen)
    assert indices(summarize(article, count=3, method="lexrank"))[-1] < 1000
    longer = summarize(article, count=summarize_module.MAX_RANKED + 500)
    assert indices(longer) == list(range(summarize_module.MAX_RANKED + 500))


@pytest.mark.parametrize("method", BUILTINS)
def test_every_summariser_is_given_at_most_its_cap(method: str, monkeypatch) -> None:
    seen: list[int] = []

    def recording(found, language):
        seen.append(len(found))
        return [float(-s.index) for s in found]

    monkeypatch.setitem(SUMMARIZERS, method, recording)
    article = _huge_article(1200)
    assert indices(summarize(article, count=3, method=method)) == [0, 1, 2]
    cap = summarize_module.RANK_LIMITS.get(method, summarize_module.MAX_RANKED)
    assert seen == [min(cap, summarize_module.MAX_RANKED)]
    assert cap == (300 if method == "kl" else 1000)


def test_a_plugin_can_lower_its_own_cap(monkeypatch, restore_registry: None) -> None:
    monkeypatch.setattr(summarize_module, "RANK_LIMITS", dict(summarize_module.RANK_LIMITS))
    seen: list[int] = []

    @register_summarizer("slow", max_sentences=10)
    def slow(found, language):
        seen.append(len(found))
        return [float(s.index) for s in found]  # the later the better

    article = _huge_article(30)
    assert indices(summarize(article, count=2, method="slow")) == [8, 9]
    register_summarizer("slow")(slow)  # registered again without a cap: the default one
    assert indices(summarize(article, count=2, method="slow")) == [28, 29]
    assert seen == [10, 30]
    with pytest.raises(UsageError):
        register_summarizer("slower", max_sentences=0)
