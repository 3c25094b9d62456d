"""Shared fixtures: paths to the bundled sources and to ../shared (absent on a user's clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
SHARED = ROOT.parent / "shared"
GOLDEN = Path(__file__).resolve().parent / "golden"


def bundled_results():
    """The per-article results of the bundled sources, as the pipeline computes them."""
    from timeline.config import BuildConfig
    from timeline.engine import run
    from timeline.sources import read_all

    articles, failures = read_all([SOURCES])
    assert failures == []
    return list(run(articles, BuildConfig(summarizer="lead")))


@pytest.fixture
def sources_dir() -> Path:
    return SOURCES


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(autouse=True)
def _isolate_cwd(tmp_path, monkeypatch):
    """Every test runs in its own empty folder, so nothing depends on where pytest started."""
    monkeypatch.chdir(tmp_path)
