"""The commands' input side through CliRunner: pages, feeds, JSONL, stdin, URLs, --follow."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.errors import ExitCode

from .test_sources_web import LocalServer, closed_port_url, fixture_routes, follow_routes

runner = CliRunner()
INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
def inputs(tmp_path) -> Path:
    """A folder with the HTML page, both feeds and the JSONL export."""
    folder = tmp_path / "news"
    shutil.copytree(INPUTS, folder)
    return folder


@pytest.fixture
def server():
    with LocalServer(fixture_routes()) as srv:
        yield srv


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _no_trace(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- build, end to end -----------------------------------------------------------------------


def test_build_reads_pages_feeds_and_exports_in_one_folder(inputs):
    result = runner.invoke(app, ["build", "news", "--format", "json"])
    assert result.exit_code == 0, result.output
    _no_trace(result)
    doc = json.loads(result.stdout)
    paths = [a["path"] for a in doc["articles"]]
    assert len(paths) == 9
    assert {Path(p.split("#")[0].split(":")[0]).name for p in paths} == {
        "alliance-notes.atom",
        "maghreb-security.rss",
        "newsdesk-export.jsonl",
        "rabat-seminar.html",
    }
    by_path = {a["path"]: a for a in doc["articles"]}
    page = by_path["news/rabat-seminar.html"]
    assert (page["source"], page["published"]) == ("Atlas Wire", "2019-01-22")
    assert by_path["news/newsdesk-export.jsonl:2"]["published"] == "2019-01-23"
    assert doc["events"], "no entries"
    # the seminar, told by the page, the feeds and the export, is one entry of 22 January
    seminar = [e for e in doc["events"] if e["date"]["value"] == "2019-01-22"]
    assert seminar
    assert max(len({s["article"] for s in e["sources"]}) for e in seminar) >= 3
    assert any(e["date"]["value"] == "1994" for e in doc["events"])


def test_build_markdown_of_real_inputs_is_deterministic(inputs):
    first = runner.invoke(app, ["build", "news"])
    second = runner.invoke(app, ["build", "news"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    assert "### 22 January 2019" in first.stdout


def test_a_duplicate_file_is_read_once(inputs):
    shutil.copy(inputs / "rabat-seminar.html", inputs / "zz-copy.html")
    doc = json.loads(runner.invoke(app, ["build", "news", "-f", "json"]).stdout)
    assert len(doc["articles"]) == 9


def test_a_bad_jsonl_line_is_one_warning_and_the_rest_is_built(inputs):
    with (inputs / "newsdesk-export.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"text": "no closing brace"\n')
    result = runner.invoke(app, ["build", "news", "-f", "json"])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    warnings = [line for line in result.stderr.splitlines() if "newsdesk-export.jsonl:4" in line]
    assert warnings == [
        "timeline: warning: skipped news/newsdesk-export.jsonl:4: not valid JSON "
        "(Expecting ',' delimiter, column 28)"
    ]
    assert len(json.loads(result.stdout)["articles"]) == 9


# --- stdin -----------------------------------------------------------------------------------


def test_dates_reads_a_page_from_stdin():
    page = (INPUTS / "rabat-seminar.html").read_text(encoding="utf-8")
    result = runner.invoke(app, ["dates", "-", "--format", "jsonl"], input=page)
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.stdout)
    assert {r["file"] for r in rows} == {"-"}
    tuesday = next(r for r in rows if r["text"] == "Tuesday")
    assert tuesday["value"] == "2019-01-22"  # dated by the page's metadata


def test_build_reads_jsonl_from_stdin():
    export = (INPUTS / "newsdesk-export.jsonl").read_text(encoding="utf-8")
    result = runner.invoke(app, ["build", "-", "-f", "json"], input=export)
    assert result.exit_code == 0, result.output
    assert [a["path"] for a in json.loads(result.stdout)["articles"]] == ["-:1", "-:2", "-:3"]


def test_summarize_reads_front_matter_text_from_stdin():
    text = "---\ntitle: T\n---\nRabat hosted a seminar. NATO attended. Both sides spoke.\n"
    result = runner.invoke(app, ["summarize", "-", "--sentences", "1", "-f", "jsonl"], input=text)
    assert result.exit_code == 0, result.output
    [row] = _jsonl(result.stdout)
    assert row["file"] == "-"
    assert len(row["summary"]) == 1


def test_empty_stdin_is_no_input():
    result = runner.invoke(app, ["build", "-"], input="")
    assert result.exit_code == ExitCode.NO_INPUT
    assert "skipped -: empty article" in result.stderr
    _no_trace(result)


# --- URLs ------------------------------------------------------------------------------------


def test_build_reads_urls_and_skips_the_bad_ones_with_one_line_each(server, inputs):
    refused = closed_port_url()
    missing = server.url("/missing")
    args = ["build", server.url("/news/rabat-seminar"), missing, server.url("/feed.rss"), refused]
    result = runner.invoke(app, [*args, "news/newsdesk-export.jsonl", "-f", "json"])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    _no_trace(result)
    skipped = [line for line in result.stderr.splitlines() if "warning: skipped" in line]
    assert skipped == [
        f"timeline: warning: skipped {missing}: HTTP 404 Not Found",
        f"timeline: warning: skipped {refused}: connection refused (is the server running?)",
    ]
    assert result.stderr.splitlines()[-1] == "timeline: 7 articles, 2 skipped"
    doc = json.loads(result.stdout)
    assert len(doc["articles"]) == 1 + 3 + 3
    assert doc["articles"][0]["path"] == server.url("/news/rabat-seminar")
    assert doc["events"]


def test_only_unreachable_urls_is_no_input_in_one_line():
    refused = closed_port_url()
    result = runner.invoke(app, ["dates", refused])
    assert result.exit_code == ExitCode.NO_INPUT
    _no_trace(result)
    assert result.stderr.splitlines() == [
        f"timeline: warning: skipped {refused}: connection refused (is the server running?)",
        f"timeline: error: no articles found in {refused} (none could be read)",
    ]


def test_a_url_keeps_its_double_slash(server):
    """typer's Path would turn https:// into https:/ (and then 'no such file')."""
    url = server.url("/news/rabat-seminar")
    result = runner.invoke(app, ["summarize", url, "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert _jsonl(result.stdout)[0]["file"] == url


def test_a_missing_path_is_still_no_input(tmp_path):
    result = runner.invoke(app, ["build", "nowhere.html"])
    assert result.exit_code == ExitCode.NO_INPUT
    assert result.stderr.strip() == "timeline: error: nowhere.html: no such file or folder"


# --- --follow --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["build", "dates", "summarize"])
def test_follow_reads_linked_pages(command):
    with LocalServer({}) as srv:
        srv.routes.update(follow_routes(srv))
        feed = srv.url("/relay.rss")
        plain = runner.invoke(app, [command, feed, "-f", "jsonl" if command != "build" else "md"])
        followed = runner.invoke(
            app, [command, feed, "--follow", "-f", "jsonl" if command != "build" else "md"]
        )
    assert plain.exit_code == 0, plain.output
    assert followed.exit_code == 0, followed.output
    assert "Senior Moroccan officials" not in plain.stdout
    assert "Senior Moroccan officials" in followed.stdout or command == "dates"
    if command == "dates":
        assert len(_jsonl(followed.stdout)) > len(_jsonl(plain.stdout))
    # the one link that is gone: a warning, and the feed's own text instead
    notes = [line for line in followed.stderr.splitlines() if "could not follow" in line]
    assert len(notes) == 1
    assert notes[0].startswith(f"timeline: warning: {feed}#2: could not follow")


def test_help_lists_follow_and_url_sources():
    for command in ("build", "dates", "summarize"):
        result = runner.invoke(app, [command, "--help"], terminal_width=200)
        assert result.exit_code == 0
        assert "--follow" in result.stdout
        assert "URLs" in result.stdout


def test_help_imports_no_web_library(tmp_path):
    code = (
        "import sys\n"
        "from timeline.cli import main\n"
        "for args in (['--help'], ['build', '--help']):\n"
        "    main(args)\n"
        "print('LOADED', [m for m in ('trafilatura', 'htmldate', 'feedparser', 'lxml')"
        " if m in sys.modules])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert "LOADED []" in proc.stdout
