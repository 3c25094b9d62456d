"""`timeline build` through typer's CliRunner, as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.errors import ExitCode

runner = CliRunner()


@pytest.fixture
def repo_like(tmp_path, sources_dir) -> Path:
    """A folder laid out like the repo root: ./sources holds the bundled articles."""
    shutil.copytree(sources_dir, tmp_path / "sources")
    return tmp_path


def _entries_md(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("### ")]


def test_bare_build_prints_the_markdown_timeline_of_sources(repo_like):
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 0, result.output
    heads = _entries_md(result.stdout)
    assert [h.split(" — ")[0] for h in heads] == [
        "### 1994",
        "### 1995",
        "### 2016",
        "### 22 January 2019",
    ]
    assert "## Sources" in result.stdout


def test_the_2019_entry_cites_both_outlets(repo_like):
    out = runner.invoke(app, ["build", "--format", "json"]).stdout
    events = json.loads(out)["events"]
    seminar = [e for e in events if e["date"]["value"] == "2019-01-22"]
    assert len(seminar) == 1
    expressions = sorted(s["expression"] for s in seminar[0]["sources"])
    assert expressions == ["Tuesday", "yesterday"]
    assert len({s["article"] for s in seminar[0]["sources"]}) == 2


@pytest.mark.parametrize(
    ("name", "marker"),
    [("timeline.md", "# Timeline"), ("timeline.html", "<!doctype html>"), ("t.json", '"schema"')],
)
def test_output_format_follows_the_suffix(repo_like, name, marker):
    result = runner.invoke(app, ["build", "-o", name])
    assert result.exit_code == 0, result.output
    text = (repo_like / name).read_text(encoding="utf-8")
    assert marker in text
    assert result.stdout == ""  # the file has the timeline; stdout stays clean
    assert f"wrote {name}" in result.stderr


def test_explicit_format_wins_over_suffix(repo_like):
    result = runner.invoke(app, ["build", "--format", "json", "-o", "out.txt"])
    assert result.exit_code == 0, result.output
    assert json.loads((repo_like / "out.txt").read_text())["schema"] == "timeline/1"


def test_title_summarizer_and_sentences_options(repo_like):
    result = runner.invoke(
        app,
        ["build", "--format", "json", "--title", "Rabat brief", "--summarizer", "lead",
         "--sentences", "2"],
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert data["title"] == "Rabat brief"
    for article in data["articles"]:
        assert len(article["summary"]) == 2
    lead = data["articles"][0]["summary"][0]
    assert lead.startswith("Morocco has been a partner")


def test_sources_named_explicitly_and_from_elsewhere(tmp_path, sources_dir):
    files = sorted(str(p) for p in sources_dir.glob("*.md"))
    result = runner.invoke(app, ["build", *files, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["articles"]) == 2


def test_published_option_dates_undated_articles(tmp_path):
    (tmp_path / "a.txt").write_text("On Tuesday, the minister met NATO officials in Rabat.\n")
    result = runner.invoke(app, ["build", "a.txt", "--published", "2019-01-22", "-f", "json"])
    events = json.loads(result.stdout)["events"]
    assert [e["date"]["value"] for e in events] == ["2019-01-22"]


def test_undated_article_warns_that_relative_dates_are_left_off(tmp_path):
    (tmp_path / "a.txt").write_text("On Tuesday, the minister met NATO officials in Rabat.\n")
    result = runner.invoke(app, ["build", "a.txt", "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["events"] == []
    assert "a.txt: no publication date" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["build", "nowhere"], ExitCode.NO_INPUT, "nowhere: no such file or folder"),
        (["build", "empty"], ExitCode.NO_INPUT, "no articles found in empty"),
        (["build", "--format", "pdf"], ExitCode.USAGE, "unknown format 'pdf'"),
        (["build", "-o", "out.xyz"], ExitCode.USAGE, "cannot tell the format"),
        (["build", "--published", "22/01/2019"], ExitCode.USAGE, "is not a date"),
        (["build", "-o", "missing/dir/t.md"], ExitCode.OUTPUT, "does not exist"),
        (["build", "--summarizer", "magic"], ExitCode.USAGE, "magic"),
        (["build", "--since", "2019-02-30"], ExitCode.USAGE, "--since '2019-02-30' is not a date"),
        (["build", "--locale", "xx_NOPE"], ExitCode.USAGE, "unknown locale"),
        (
            ["build", "--since", "2019-02-01", "--until", "2019-01-01"],
            ExitCode.USAGE,
            "is after --until",
        ),
    ],
)
def test_bad_input_gives_one_line_and_an_exit_code(repo_like, args, code, message):
    (repo_like / "empty").mkdir()
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_unreadable_file_is_skipped_with_one_line(repo_like):
    (repo_like / "sources" / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8)
    (repo_like / "sources" / "bad.md").write_text("---\ntitle: [unclosed\n---\nText in 1994.\n")
    result = runner.invoke(app, ["build", "-f", "json"])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    assert "skipped sources/bad.md: front matter is not valid YAML" in result.stderr
    assert "skipped sources/image.md: binary file, not text" in result.stderr
    assert result.stderr.splitlines()[-1] == "timeline: 2 articles, 2 skipped"
    assert len(json.loads(result.stdout)["articles"]) == 2


def test_failed_run_leaves_existing_output_untouched(repo_like):
    out = repo_like / "t.md"
    out.write_text("yesterday's briefing\n")
    result = runner.invoke(app, ["build", "nowhere", "-o", "t.md"])
    assert result.exit_code == ExitCode.NO_INPUT
    assert out.read_text() == "yesterday's briefing\n"


def test_output_file_gets_the_usual_permissions(repo_like):
    old = os.umask(0o022)
    try:
        assert runner.invoke(app, ["build", "-o", "new.md"]).exit_code == 0
        assert (repo_like / "new.md").stat().st_mode & 0o777 == 0o644
        (repo_like / "kept.md").write_text("old")
        (repo_like / "kept.md").chmod(0o640)
        assert runner.invoke(app, ["build", "-o", "kept.md"]).exit_code == 0
        assert (repo_like / "kept.md").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_output_is_byte_identical_across_runs(repo_like):
    first = runner.invoke(app, ["build", "-f", "html"]).stdout
    second = runner.invoke(app, ["build", "-f", "html"]).stdout
    assert first == second


def test_help_has_an_example():
    for command in ("build", "dates", "summarize"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example: timeline " + command in result.stdout


def test_ratio_sets_summary_length_per_article(repo_like):
    data = json.loads(runner.invoke(app, ["build", "-f", "json", "--ratio", "0.2"]).stdout)
    assert [len(a["summary"]) for a in data["articles"]] == [3, 4]  # of 15 and 21 sentences


NEWS = {
    "a.txt": (
        "2019-01-22",
        "The minister met the NATO envoy in Rabat on Tuesday for talks on "
        "cyber defence. The storm hit the coast on Monday. The summit opened in 2016.",
    ),
    "b.txt": (
        "2019-01-23",
        "The NATO envoy and the minister met in Rabat yesterday to discuss "
        "cyber defence. Fishermen said the storm hit the coast on Monday.",
    ),
    "c.txt": (
        "2019-01-24",
        "NATO envoy talks with the Rabat minister on cyber defence took "
        "place on Tuesday, officials said. Markets were calm on Thursday.",
    ),
}


@pytest.fixture
def news_dir(tmp_path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, (published, body) in NEWS.items():
        (folder / name).write_text(f"---\npublished: {published}\n---\n{body}\n")
    return folder


def test_selection_keeps_the_dates_most_articles_refer_to(news_dir, tmp_path):
    out = tmp_path / "t.json"
    result = runner.invoke(
        app,
        [
            "build",
            str(news_dir),
            "--query",
            "NATO envoy",
            "--since",
            "2019-01-20",
            "--until",
            "2019-01-31",
            "--max-dates",
            "1",
            "--per-date",
            "2",
            "-f",
            "json",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    [event] = json.loads(out.read_text())["events"]
    assert event["date"]["start"] == "2019-01-22" and event["date"]["granularity"] == "day"
    # three outlets told the meeting in near the same words: it is told once
    assert len(event["sources"]) == 1
    assert event["text"] == event["sources"][0]["sentence"]
    assert "NATO envoy" in event["text"]
    assert "storm" not in event["text"]


def test_since_and_until_without_a_summary_only_filter(news_dir):
    result = runner.invoke(
        app,
        ["build", str(news_dir), "--since", "2019-01-21", "--until", "2019-01-22", "-f", "json"],
    )
    assert result.exit_code == 0, result.output
    starts = [e["date"]["start"] for e in json.loads(result.stdout)["events"]]
    assert starts and all("2019-01-21" <= s <= "2019-01-22" for s in starts)
    assert "2016-01-01" not in starts


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["build", "nowhere"], ExitCode.NO_INPUT),
        (["build", "--bogus"], ExitCode.USAGE),
        (["build", "--format", "pdf"], ExitCode.USAGE),
        (["build", "--fragment"], ExitCode.USAGE),
        (["build"], ExitCode.OK),
    ],
)
def test_the_console_entry_point_returns_the_documented_exit_code(repo_like, args, code, capsys):
    # main() is what the installed `timeline` command runs: its return value is the exit
    # status, and typer's own copy of click must not let a traceback through
    from timeline.cli import main

    assert main(args) == code
    assert "Traceback" not in capsys.readouterr().err


def test_fragment_mermaid_and_custom_template(repo_like, tmp_path):
    fragment = runner.invoke(app, ["build", "-f", "html", "--fragment"])
    assert fragment.exit_code == 0, fragment.output
    assert fragment.stdout.startswith('<section class="timeline-fragment"')
    assert "<html" not in fragment.stdout and "<body" not in fragment.stdout
    assert fragment.stdout.count('<li class="entry">') == 4
    md = runner.invoke(app, ["build", "--mermaid"])
    assert (
        "```mermaid\ntimeline\n    title Timeline#58; Morocco, NATO, Bourita\n    1994 : "
        in md.stdout
    )
    custom = tmp_path / "dates.txt.j2"
    custom.write_text("{% for e in entries %}{{ e.label }}\n{% endfor %}", encoding="utf-8")
    result = runner.invoke(app, ["build", "--template", str(custom)])
    assert result.stdout == "1994\n1995\n2016\n22 January 2019\n"
    broken = tmp_path / "broken.html.j2"
    broken.write_text("{% for e in %}", encoding="utf-8")
    result = runner.invoke(app, ["build", "--template", str(broken)])
    assert result.exit_code == ExitCode.USAGE
    assert "broken.html.j2:1:" in result.stderr
