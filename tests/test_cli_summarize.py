"""`timeline summarize`: a few of each article's own sentences, in article order."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.errors import ExitCode
from timeline.sources import read_file

runner = CliRunner()


@pytest.mark.parametrize("n", [1, 2, 4])
def test_jsonl_gives_n_sentences_of_each_article_in_order(sources_dir, n):
    result = runner.invoke(
        app, ["summarize", str(sources_dir), "--sentences", str(n), "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in rows] == sorted(str(p) for p in sources_dir.glob("*.md"))
    for row in rows:
        assert len(row["summary"]) == n
        body = read_file(sources_dir / row["file"].rsplit("/", 1)[-1]).body
        positions = [body.index(s) for s in row["summary"]]
        assert positions == sorted(positions)  # article order


def test_text_format_and_summarizer_choice(sources_dir):
    path = str(sources_dir / "000_c668b917f9ef9830.md")
    result = runner.invoke(app, ["summarize", path, "--summarizer", "lead", "--sentences", "1"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"# {path}",
        "Morocco has been a partner of the North Atlantic Treaty Organization’s Mediterranean "
        "Dialogue since its launch in 1994.",
    ]


def test_unknown_summarizer_is_a_usage_error(sources_dir):
    result = runner.invoke(app, ["summarize", str(sources_dir), "--summarizer", "magic"])
    assert result.exit_code == ExitCode.USAGE
    assert "magic" in result.stderr and "lexrank" in result.stderr
    assert "Traceback" not in result.output


def test_ratio_sets_the_length_from_each_article(sources_dir):
    result = runner.invoke(
        app, ["summarize", str(sources_dir), "--ratio", "0.2", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    # the two bundled articles have 15 and 21 sentences
    assert [len(r["summary"]) for r in rows] == [3, 4]


@pytest.mark.parametrize("ratio", ["0", "1.5", "-0.1"])
def test_ratio_outside_0_1_is_a_usage_error(sources_dir, ratio):
    result = runner.invoke(app, ["summarize", str(sources_dir), "--ratio", ratio])
    assert result.exit_code == ExitCode.USAGE
    assert "ratio" in result.stderr
