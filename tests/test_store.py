"""Tests for timeline.store and streaming output: a timeline built a month at a time from
disk, and rendered a piece at a time, is the timeline built in memory, byte for byte."""

from __future__ import annotations

import dataclasses
import gc
import importlib.util
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

import timeline
from timeline.config import BuildConfig
from timeline.merge import year_bucket
from timeline.render import formats, render, render_chunks
from timeline.sources import iter_sources, read_all
from timeline.store import SpilledEntries

SPILL = BuildConfig(keep_text=False, store="spill")


def build_large(articles, config=SPILL, **settings):
    """The build a month at a time from disk."""
    return timeline.build_from_articles(articles, dataclasses.replace(config, **settings))


ROOT = Path(__file__).resolve().parents[1]
MULTILINGUAL = Path(__file__).resolve().parent / "fixtures" / "multilingual"


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Many months, years and coarse dates: 40 synthetic articles (seeded), the bundled
    sources (a 1994/1995 conflict) and their reports in French, Spanish and Arabic."""
    folder = tmp_path_factory.mktemp("corpus")
    synthetic = _synthetic()
    for i, (day, text) in enumerate(COARSE):
        (folder / f"c{i}.txt").write_text(f"---\npublished: {day}\n---\n{text}\n", "utf-8")
    for i in range(40):
        published, source, title, body = synthetic.article(3, i)
        (folder / f"s{i:03d}.txt").write_text(
            f"---\npublished: {published}\nsource: {source}\ntitle: {title}\n---\n{body}\n",
            encoding="utf-8",
        )
    return folder


# dates longer than a year, which the merge weighs before any other and against all
COARSE = [
    (
        "2016-05-02",
        "Harbour Rail rebuilt the Lyon docks in the 1990s, Mayor Anna Okafor said on Monday. "
        "The docks had been closed between 2014 and 2016 for repairs.",
    ),
    (
        "2016-06-10",
        "The Lyon docks, rebuilt by Harbour Rail in the 1990s, reopened on Friday, Mayor Anna "
        "Okafor said. Work on the docks had gone on between 2014 and 2016.",
    ),
]


def _inputs(corpus, sources_dir):
    return [corpus, sources_dir, MULTILINGUAL]


SELECTIONS = [
    BuildConfig(),
    BuildConfig(since=date(2015, 1, 1), until=date(2016, 12, 31), query=("earthquake",)),
    BuildConfig(query=("election",), max_dates=5, per_date=2),
]


@pytest.mark.parametrize("selection", SELECTIONS)
def test_a_large_build_is_the_build_in_memory(corpus, sources_dir, selection):
    articles, _ = read_all(_inputs(corpus, sources_dir))
    lean = dataclasses.replace(selection, keep_text=False)
    expected = timeline.build_from_articles(articles, dataclasses.replace(lean, store="memory"))
    large = build_large(iter(articles), dataclasses.replace(lean, store="spill"), jobs=2)
    assert isinstance(large.entries, SpilledEntries) != selection.summarising
    assert len(large.entries) == len(expected.entries) > 0
    for fmt in formats():
        assert render(large, fmt) == render(expected, fmt), fmt
    assert large.title == expected.title
    assert large.warnings == expected.warnings


def test_the_corpus_spans_months_coarse_dates_and_conflicts(corpus, sources_dir):
    """The test above weighs what month-by-month merging could get wrong."""
    articles, _ = read_all(_inputs(corpus, sources_dir))
    tl = build_large(iter(articles))
    months = {(e.date.start.year, e.date.start.month) for e in tl.entries if e.date.start}
    assert len(months) > 12
    assert any(year_bucket(e.date) is None and len(e.sources) > 1 for e in tl.entries)
    assert any(e.conflicts for e in tl.entries)
    assert any(len({s.article for s in e.sources}) >= 3 for e in tl.entries)


def test_entries_are_read_back_each_time_and_the_folder_goes_with_the_timeline(corpus, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    tl = build_large(iter_sources([corpus]), workdir=work)
    assert list(tl.entries) == list(tl.entries)
    assert [p.name for p in work.iterdir()]  # entries live on disk
    del tl
    gc.collect()
    assert list(work.iterdir()) == []


def test_a_failed_large_build_leaves_no_files(tmp_path):
    from timeline.errors import NoArticlesError

    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(NoArticlesError):
        build_large(iter(()), workdir=work)
    assert list(work.iterdir()) == []


@pytest.fixture(scope="module")
def builds(corpus):
    articles, _ = read_all([corpus, ROOT / "sources", MULTILINGUAL])
    return timeline.build_from_articles(articles), build_large(iter(articles))


@pytest.mark.parametrize(
    "fmt, options",
    [
        ("json", {}),
        ("md", {}),
        ("md", {"mermaid": True}),
        ("md", {"locale": "fr"}),
        ("html", {}),
        ("html", {"fragment": True}),
        ("csv", {}),
        ("ics", {}),
        ("timelinejs", {}),
    ],
)
def test_rendering_in_pieces_gives_the_same_text(builds, fmt, options):
    for tl in builds:
        assert "".join(render_chunks(tl, fmt, **options)) == render(tl, fmt, **options)


def test_streamed_json_parses_and_an_empty_timeline_renders(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("---\npublished: 2020-02-02\n---\nNothing happened here.\n", "utf-8")
    tl = build_large(iter_sources([undated]))
    assert len(tl.entries) == 0
    for fmt in ("json", "md", "html"):
        text = "".join(render_chunks(tl, fmt))
        assert text == render(tl, fmt)
    data = json.loads("".join(render_chunks(tl, "json")))
    assert data["events"] == [] and len(data["articles"]) == 1


def test_render_options_are_checked_before_any_piece(sources_dir):
    from timeline.errors import UsageError

    tl = build_large(iter_sources([sources_dir]))
    with pytest.raises(UsageError):
        next(iter(render_chunks(tl, "json", fragment=True)))
    with pytest.raises(UsageError):
        next(iter(render_chunks(tl, "html", mermaid=True)))


def test_spilled_entries_are_a_sequence(corpus):
    tl = build_large(iter_sources([corpus]))
    entries = tl.entries
    assert isinstance(entries, SpilledEntries) and isinstance(entries, Sequence)
    listed = list(entries)
    assert len(entries) == len(listed) > 20
    assert [entries[i] for i in range(len(entries))] == listed
    assert entries[-1] == listed[-1] and entries[3:9:2] == tuple(listed[3:9:2])
    assert listed[5] in entries and entries.index(listed[7]) == 7
    with pytest.raises(IndexError):
        entries[len(entries)]
    assert entries.sources == sum(len(e.sources) for e in listed)


def test_an_auto_store_spills_once_it_holds_too_many_events(corpus, monkeypatch):
    import timeline.store as store

    articles, _ = read_all([corpus])
    lean = BuildConfig(keep_text=False)
    in_memory = timeline.build_from_articles(articles, lean)
    assert isinstance(in_memory.entries, tuple)
    monkeypatch.setattr(store, "SPILL_AFTER_EVENTS", 50)
    spilled = timeline.build_from_articles(articles, lean)
    assert isinstance(spilled.entries, SpilledEntries)
    assert render(spilled, "json") == render(in_memory, "json")


def test_a_build_that_keeps_text_or_summarises_dates_stays_in_memory(sources_dir):
    articles, _ = read_all([sources_dir])
    for config in (
        BuildConfig(store="spill"),  # keeps the articles' text
        BuildConfig(store="spill", keep_text=False, max_dates=1),
    ):
        assert isinstance(timeline.build_from_articles(articles, config).entries, tuple)


def test_an_unknown_store_is_a_usage_error(sources_dir):
    from timeline.errors import UsageError

    articles, _ = read_all([sources_dir])
    with pytest.raises(UsageError, match="unknown event store"):
        timeline.build_from_articles(articles, BuildConfig(store="cloud"))


def test_the_library_build_takes_keywords_over_a_config(sources_dir):
    config = BuildConfig(summarizer="lead", sentences=1, title="Set")
    tl = timeline.build([sources_dir], config=config, title="Given")
    assert tl.title == "Given"
    assert all(len(r.summary) == 1 for r in tl.articles)
    assert tl.articles[0].article.body  # the library keeps the text by default
