"""Tests for timeline.engine and timeline.cache: processes and a cache never change a result."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

import timeline
from timeline.cache import ResultCache, code_fingerprint
from timeline.config import BuildConfig
from timeline.engine import default_jobs, run
from timeline.render import render
from timeline.sources import read_all


@pytest.fixture
def many_articles(tmp_path, sources_dir):
    """Twenty articles: the bundled two and variations, enough for the process pool."""
    articles, _ = read_all([sources_dir])
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(20):
        base = articles[k % 2]
        text = base.body.replace("Morocco", f"Morocco{k}" if k > 1 else "Morocco")
        (folder / f"{k:02d}.md").write_text(
            f"---\npublished: 2019-01-{22 + k % 2}\nsource: Outlet {k}\n---\n{text}\n",
            encoding="utf-8",
        )
    return folder


def test_processes_give_byte_identical_output(many_articles):
    articles, _ = read_all([many_articles])
    one = render(timeline.build_from_articles(articles, BuildConfig(jobs=1)), "json")
    two = render(timeline.build_from_articles(articles, BuildConfig(jobs=2)), "json")
    assert one == two


def test_cache_gives_the_same_output_and_only_new_articles_are_processed(
    many_articles, tmp_path, monkeypatch
):
    articles, _ = read_all([many_articles])
    cache = tmp_path / "cache"
    fresh = render(timeline.build_from_articles(articles), "json")
    # first build without the last article, then add it
    timeline.build_from_articles(articles[:-1], BuildConfig(cache=cache))
    processed = []
    import timeline.engine as engine

    real = engine.process_article
    monkeypatch.setattr(
        engine, "process_article", lambda a, i, o: processed.append(a.id) or real(a, i, o)
    )
    rebuilt = render(timeline.build_from_articles(articles, BuildConfig(cache=cache)), "json")
    assert rebuilt == fresh
    assert processed == [articles[-1].id]


def test_cache_keys_change_with_the_article_and_the_options(tmp_path, sources_dir):
    articles, _ = read_all([sources_dir])
    a = ResultCache(tmp_path, BuildConfig())
    b = ResultCache(tmp_path, BuildConfig(sentences=2))
    assert a.key(articles[0]) != a.key(articles[1])
    assert a.key(articles[0]) != b.key(articles[0])
    assert len(code_fingerprint()) == 64


def test_a_corrupt_cache_entry_is_a_miss(tmp_path, sources_dir):
    articles, _ = read_all([sources_dir])
    [first, *_] = list(run(articles, BuildConfig(cache=tmp_path)))
    for entry in tmp_path.rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    [again, *_] = list(run(articles, BuildConfig(cache=tmp_path)))
    assert again == first


def test_default_jobs_is_at_least_one():
    assert default_jobs() >= 1


def test_cli_jobs_and_cache(many_articles, tmp_path):
    from typer.testing import CliRunner

    from timeline.cli import app

    runner = CliRunner()
    outs = []
    for extra in (["--jobs", "1"], ["--jobs", "2"], ["--cache", str(tmp_path / "c")]):
        result = runner.invoke(app, ["build", str(many_articles), "-f", "json", *extra])
        assert result.exit_code == 0, result.output
        outs.append(result.stdout)
    assert outs[0] == outs[1] == outs[2]
    shutil.rmtree(tmp_path / "c")


def test_dask_on_a_local_cluster_gives_byte_identical_output(many_articles):
    distributed = pytest.importorskip("distributed")
    articles, _ = read_all([many_articles])
    local = render(timeline.build_from_articles(articles, BuildConfig(jobs=1)), "json")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        remote = timeline.build_from_articles(
            articles, BuildConfig(engine="dask", scheduler=cluster.scheduler_address)
        )
    assert render(remote, "json") == local


def test_dask_without_a_scheduler_and_bad_engine_names(many_articles):
    from timeline.errors import UsageError

    pytest.importorskip("dask.bag")
    articles, _ = read_all([many_articles])
    local = render(timeline.build_from_articles(articles), "json")
    assert (
        render(timeline.build_from_articles(articles, BuildConfig(engine="dask", jobs=2)), "json")
        == local
    )
    with pytest.raises(UsageError, match="unknown engine"):
        timeline.build_from_articles(articles, BuildConfig(engine="spark"))
    with pytest.raises(UsageError, match="--scheduler is for --engine dask"):
        timeline.build_from_articles(articles, BuildConfig(scheduler="tcp://127.0.0.1:1"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_articles_are_read_as_they_are_processed(many_articles, jobs):
    """An iterator of articles is consumed a few chunks ahead of the results, not whole
    before the first result (a large archive is never held in memory)."""
    articles, _ = read_all([many_articles])
    articles = articles * 8  # 160: more than the pool keeps in flight
    taken = []

    def feed():
        for article in articles:
            taken.append(article.id)
            yield article

    results = run(feed(), BuildConfig(jobs=jobs))
    first = next(results)
    assert first.article.id == articles[0].id
    assert len(taken) < len(articles)
    rest = list(results)
    assert [r.article.id for r in [first, *rest]] == [a.id for a in articles]


def test_results_without_text_give_the_same_timeline(many_articles):
    articles, _ = read_all([many_articles])
    for selection in (BuildConfig(), BuildConfig(query=("Morocco",), max_dates=2, per_date=2)):
        full = timeline.build_from_articles(articles, selection)
        lean = timeline.build_from_articles(iter(articles), replace(selection, keep_text=False))
        assert render(lean, "json") == render(full, "json")
        assert render(lean, "md") == render(full, "md")
        assert all(r.article.body == "" and len(r.sentences) <= 5 for r in lean.articles)
        assert all(r.title_names == () for r in lean.articles)


def test_an_empty_iterator_of_articles_is_an_error():
    from timeline.errors import NoArticlesError

    with pytest.raises(NoArticlesError):
        timeline.build_from_articles(iter(()))
