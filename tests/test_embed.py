"""`timeline embed`: timelines filled into the marked blocks of a Markdown or HTML briefing,
through the library (timeline.embed) and the command (CliRunner)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import pipeline
from timeline.cli import app
from timeline.config import BuildConfig
from timeline.embed import Look, block_settings, embed, find_blocks, look
from timeline.errors import EmbedError, ExitCode

runner = CliRunner()

BEFORE_MD = "# Briefing: Morocco and NATO\n\nPrepared for the desk.\n\n## Background\n\n"
AFTER_MD = "\n## Assessment\n\nLow risk; *nothing* else here changes.  \n"
BEFORE_HTML = (
    "<!doctype html>\n<html lang=en><head><title>Briefing</title></head>\n<body>\n"
    "<h1>Briefing</h1>\n<p>Prose before.</p>\n"
)
AFTER_HTML = "<p>Prose after &amp; more.</p>\n</body></html>\n"


@pytest.fixture
def repo_like(tmp_path, sources_dir) -> Path:
    """A folder laid out like the repo root: ./sources holds the bundled articles."""
    shutil.copytree(sources_dir, tmp_path / "sources")
    return tmp_path


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def _between(text: str, start: str, end: str) -> str:
    """The content between the line holding ``start`` and the line holding ``end``."""
    head = text.index(start)
    body = text.index("\n", head) + 1
    return text[body : text.rindex("\n", 0, text.index(end, body)) + 1]


def _one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


# --- the marker grammar ------------------------------------------------------------------


def test_blocks_with_names_quoted_options_and_an_unnamed_one():
    text = (
        "intro\n"
        '<!-- timeline:start name=rabat since=2019-01-01 title="Rabat, 2019" -->\n'
        "old\n"
        "<!-- timeline:end name=rabat -->\n"
        "  <!--timeline:start-->  \n"
        "<!-- timeline:end -->\n"
    )
    first, second = find_blocks(text, "md", "b.md")
    assert first.name == "rabat" and first.line == 2
    assert dict(first.options) == {"name": "rabat", "since": "2019-01-01", "title": "Rabat, 2019"}
    assert text[first.start : first.end] == "old\n"
    assert second.name is None and second.label == "block 2 (line 5)"
    assert second.start == second.end  # an empty block


def test_markers_in_prose_or_in_a_code_fence_are_examples_not_markers():
    text = (
        "Use `<!-- timeline:start -->` lines, like this:\n\n"
        "```markdown\n<!-- timeline:start -->\n```\n\n"
        "<!-- timeline:start -->\n<!-- timeline:end -->\n"
    )
    (block,) = find_blocks(text, "md")
    assert block.line == 7


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a\n<!-- timeline:start -->\nb\n", "d.md:2: timeline:start without a timeline:end"),
        ("<!-- timeline:end -->\n", "d.md:1: timeline:end without a timeline:start"),
        (
            "<!-- timeline:start -->\n<!-- timeline:start -->\n<!-- timeline:end -->\n",
            "d.md:2: timeline:start inside the block opened on line 1",
        ),
        ("no markers at all\n", "d.md: no timeline block"),
        ("<!-- timeline:start\n<!-- timeline:end -->\n", "d.md:1: a timeline marker must be"),
        ("<!-- timeline:start --> text\n", "d.md:1: a timeline marker must be"),
        (
            "<!-- timeline:start name=a -->\n<!-- timeline:end name=b -->\n",
            "d.md:2: timeline:end name=b closes 'a'",
        ),
        (
            "<!-- timeline:start name=a -->\n<!-- timeline:end -->\n"
            "<!-- timeline:start name=a -->\n<!-- timeline:end -->\n",
            "d.md:3: a second block named 'a'",
        ),
        ("<!-- timeline:start rabat -->\n<!-- timeline:end -->\n", "'rabat' is not an option"),
        ('<!-- timeline:start title="x -->\n<!-- timeline:end -->\n', "cannot read"),
    ],
)
def test_bad_markers_are_one_clear_error(text, message):
    with pytest.raises(EmbedError) as info:
        find_blocks(text, "md", "d.md")
    assert message in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("colour=red", "unknown block option 'colour'"),
        ("since=2019-13-01", "since='2019-13-01' is not a date"),
        ("max-dates=0", "max-dates='0' is not a whole number"),
        ("per-date=two", "per-date='two' is not a whole number"),
        ("locale=xx_NOWHERE", "unknown locale"),
        ("level=5", "level='5': choose 1 to 4"),
        ("since=2019-02-01 until=2019-01-01", "since 2019-02-01 is after until 2019-01-01"),
        ("query=a query=b", "query= given twice"),
    ],
)
def test_bad_block_options(option, message):
    text = f"<!-- timeline:start {option} -->\n<!-- timeline:end -->\n"
    (block,) = find_blocks(text, "md", "d.md")
    with pytest.raises(EmbedError, match=r"^d\.md:1: ") as info:
        block_settings(block, BuildConfig(), where="d.md")
    assert message in str(info.value)


def test_block_options_override_the_command_line_and_sources_follow_the_briefing():
    text = (
        '<!-- timeline:start sources=news sources=https://x.org/feed query="" '
        "max-dates=3 locale=fr level=1 -->\n<!-- timeline:end -->\n"
    )
    (block,) = find_blocks(text, "md")
    base = BuildConfig(sources=("elsewhere",), query=("NATO",), per_date=2, render=Look())
    got = block_settings(block, base, base=Path("docs"))
    assert got.sources == (str(Path("docs") / "news"), "https://x.org/feed")
    assert got.query == () and got.max_dates == 3 and got.per_date == 2
    assert look(got) == Look(locale="fr", level=1)


def test_level_is_for_markdown_only():
    (block,) = find_blocks("<!-- timeline:start level=3 -->\n<!-- timeline:end -->\n", "html")
    with pytest.raises(EmbedError, match="level= is for Markdown"):
        block_settings(block, BuildConfig(), fmt="html")


# --- the library -------------------------------------------------------------------------


def test_embed_in_markdown_keeps_the_rest_and_demotes_the_headings(sources_dir):
    doc = BEFORE_MD + "<!-- timeline:start -->\nstale text\n<!-- timeline:end -->\n" + AFTER_MD
    result = embed(doc, "md", BuildConfig(sources=(str(sources_dir),)))
    assert [b.label for b in result.stale] == ["block 1 (line 7)"]
    assert result.text.startswith(BEFORE_MD + "<!-- timeline:start -->\n")
    assert result.text.endswith("<!-- timeline:end -->\n" + AFTER_MD)
    body = _between(result.text, "timeline:start", "timeline:end")
    lines = body.splitlines()
    assert lines[0] == "" and lines[-1] == ""  # blank lines part it from the markers
    assert lines[1] == "## Timeline: Morocco, NATO, Bourita"
    assert "### 1994" in lines and "### Sources" in lines
    assert any(line.startswith("#### 22 January 2019 — ") for line in lines)
    assert not any(line.startswith("# ") for line in lines)
    again = embed(result.text, "md", BuildConfig(sources=(str(sources_dir),)))
    assert again.up_to_date and again.text == result.text


def test_the_selection_is_applied_to_one_processed_corpus(sources_dir, monkeypatch):
    calls = []
    real = pipeline.build_from_articles

    def counting(articles, config, **kwargs):
        calls.append(config)
        return real(articles, config, **kwargs)

    monkeypatch.setattr(pipeline, "build_from_articles", counting)
    doc = (
        "<!-- timeline:start name=early until=2000-12-31 -->\n<!-- timeline:end -->\n"
        "<!-- timeline:start name=late since=2019-01-01 -->\n<!-- timeline:end -->\n"
    )
    result = embed(doc, "md", BuildConfig(sources=(str(sources_dir),)))
    assert len(calls) == 1 and not calls[0].selecting
    early = _between(result.text, "name=early", "timeline:end")
    late = _between(result.text, "name=late", "timeline:end")
    assert "#### 1994" in early and "#### 1995" in early and "2019 — " not in early
    assert "#### 22 January 2019" in late and "#### 1994" not in late


# --- the command -------------------------------------------------------------------------


def test_embed_into_markdown_then_it_is_up_to_date(repo_like):
    doc = _write(
        repo_like / "briefing.md",
        BEFORE_MD + "<!-- timeline:start -->\n<!-- timeline:end -->\n" + AFTER_MD,
    )
    result = runner.invoke(app, ["embed", "briefing.md"])
    assert result.exit_code == 0, result.output
    assert "briefing.md: updated block 1 (line 7)" in result.stderr
    text = doc.read_bytes().decode("utf-8")
    assert text.startswith(BEFORE_MD + "<!-- timeline:start -->\n")
    assert text.endswith("\n<!-- timeline:end -->\n" + AFTER_MD)
    assert "## Timeline: Morocco, NATO, Bourita" in text

    data, mtime = doc.read_bytes(), doc.stat().st_mtime_ns
    again = runner.invoke(app, ["embed", "briefing.md", "sources"])
    assert again.exit_code == 0, again.output
    assert again.stderr.splitlines() == [
        "timeline: briefing.md: up to date",
        "timeline: 2 articles, 0 skipped",
    ]
    assert doc.read_bytes() == data and doc.stat().st_mtime_ns == mtime


def test_embed_into_html_writes_the_fragment(repo_like):
    doc = _write(
        repo_like / "briefing.html",
        BEFORE_HTML + "  <!-- timeline:start -->\n<p>old</p>\n<!-- timeline:end -->\n" + AFTER_HTML,
    )
    result = runner.invoke(app, ["embed", "briefing.html", "--locale", "fr"])
    assert result.exit_code == 0, result.output
    text = doc.read_text(encoding="utf-8")
    assert text.startswith(BEFORE_HTML + "  <!-- timeline:start -->\n<section ")
    assert text.endswith("</section>\n<!-- timeline:end -->\n" + AFTER_HTML)
    assert text.count("<section") == 1 and "<html" not in _between(text, "start", "end")
    assert "22 janvier 2019" in text and "<p>old</p>" not in text


def test_two_named_html_blocks_with_their_own_options(repo_like):
    doc = _write(
        repo_like / "b.html",
        BEFORE_HTML
        + '<!-- timeline:start name=past until=2016-12-31 title="Before Rabat" -->\n'
        + "<!-- timeline:end name=past -->\n<p>Between.</p>\n"
        + "<!-- timeline:start name=rabat since=2019-01-01 query=Loudiyi -->\n"
        + "<!-- timeline:end -->\n"
        + AFTER_HTML,
    )
    result = runner.invoke(app, ["embed", str(doc), "sources"])
    assert result.exit_code == 0, result.output
    assert "updated past (line 6), rabat (line 9)" in result.stderr
    text = doc.read_text(encoding="utf-8")
    past = _between(text, "name=past until", "name=past -->")
    rabat = _between(text, "name=rabat", "timeline:end -->\n" + AFTER_HTML[:10])
    assert ">Before Rabat</h2>" in past
    entry_time = '<li class="entry">\n      <time datetime="{}">'
    assert past.count('<li class="entry">') == 3
    assert entry_time.format("1994") in past and entry_time.format("2019-01-22") not in past
    assert rabat.count('<li class="entry">') == 1 and entry_time.format("2019-01-22") in rabat
    # each fragment labels itself with its own id
    assert 'id="timeline-fragment-title-past"' in past
    assert 'aria-labelledby="timeline-fragment-title-rabat"' in rabat
    assert "\n<p>Between.</p>\n" in text


def test_check_names_the_stale_blocks_and_writes_nothing(repo_like):
    doc = _write(
        repo_like / "b.md",
        "<!-- timeline:start name=a -->\n<!-- timeline:end -->\n"
        "<!-- timeline:start until=2000-01-01 -->\n<!-- timeline:end -->\n",
    )
    data = doc.read_bytes()
    stale = runner.invoke(app, ["embed", "--check", "b.md"])
    assert stale.exit_code == ExitCode.STALE == 5
    assert _one_line_error(stale) == "timeline: b.md: out of date: a (line 1), block 2 (line 3)"
    assert doc.read_bytes() == data

    assert runner.invoke(app, ["embed", "b.md"]).exit_code == 0
    fresh = runner.invoke(app, ["embed", "--check", "b.md"])
    assert fresh.exit_code == 0, fresh.output
    assert "b.md: up to date" in fresh.stderr


@pytest.mark.parametrize(
    ("markers", "message"),
    [
        ("<!-- timeline:start -->\nold\n", "b.md:3: timeline:start without a timeline:end"),
        (
            "<!-- timeline:start -->\n<!-- timeline:start -->\n<!-- timeline:end -->\n",
            "b.md:4: timeline:start inside the block opened on line 3",
        ),
        (
            "<!-- timeline:start colour=red -->\n<!-- timeline:end -->\n",
            "b.md:3: unknown block option 'colour'",
        ),
        (
            "<!-- timeline:start since=yesterday -->\n<!-- timeline:end -->\n",
            "b.md:3: since='yesterday' is not a date (YYYY-MM-DD)",
        ),
        ("nothing to fill\n", "b.md: no timeline block"),
    ],
)
def test_bad_markers_leave_the_file_untouched(repo_like, markers, message):
    doc = _write(repo_like / "b.md", "# B\n\n" + markers + "tail\n")
    data, mtime = doc.read_bytes(), doc.stat().st_mtime_ns
    result = runner.invoke(app, ["embed", "b.md"])
    assert result.exit_code == ExitCode.USAGE
    line = _one_line_error(result)
    assert line.startswith("timeline: error: ") and message in line
    assert doc.read_bytes() == data and doc.stat().st_mtime_ns == mtime


def test_crlf_documents_stay_crlf(repo_like):
    before = "# Briefing\r\n\r\nProse.\r\n"
    after = "\r\nMore prose.\r\n"
    doc = repo_like / "b.md"
    doc.write_bytes(
        (before + "<!-- timeline:start -->\r\n<!-- timeline:end -->\r\n" + after).encode()
    )
    result = runner.invoke(app, ["embed", "b.md"])
    assert result.exit_code == 0, result.output
    data = doc.read_bytes()
    assert data.startswith((before + "<!-- timeline:start -->\r\n").encode())
    assert data.endswith(("<!-- timeline:end -->\r\n" + after).encode())
    assert b"\n" in data and data.count(b"\n") == data.count(b"\r\n")
    again = runner.invoke(app, ["embed", "b.md"])
    assert "up to date" in again.stderr and doc.read_bytes() == data


def test_a_failed_write_leaves_the_briefing_intact(repo_like, monkeypatch):
    doc = _write(repo_like / "b.md", "x\n<!-- timeline:start -->\n<!-- timeline:end -->\ny\n")
    data = doc.read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = runner.invoke(app, ["embed", "b.md"])
    assert result.exit_code == ExitCode.OUTPUT
    assert "b.md: Permission denied" in _one_line_error(result)
    assert doc.read_bytes() == data
    assert sorted(p.name for p in repo_like.iterdir()) == ["b.md", "sources"]  # no temp file


def test_the_file_mode_is_kept(repo_like):
    doc = _write(repo_like / "b.md", "<!-- timeline:start -->\n<!-- timeline:end -->\n")
    doc.chmod(0o640)
    assert runner.invoke(app, ["embed", "b.md"]).exit_code == 0
    assert stat.S_IMODE(doc.stat().st_mode) == 0o640


def test_block_sources_are_relative_to_the_briefing(repo_like):
    (repo_like / "docs").mkdir()
    doc = _write(
        repo_like / "docs" / "b.md",
        "<!-- timeline:start sources=../sources -->\n<!-- timeline:end -->\n",
    )
    result = runner.invoke(app, ["embed", "docs/b.md", "no-such-folder"])
    assert result.exit_code == 0, result.output
    assert "22 January 2019" in doc.read_text(encoding="utf-8")


def test_missing_briefing_and_unknown_suffix(repo_like):
    missing = runner.invoke(app, ["embed", "nope.md"])
    assert missing.exit_code == ExitCode.NO_INPUT
    assert "nope.md: no such document" in _one_line_error(missing)
    _write(repo_like / "b.txt", "<!-- timeline:start -->\n<!-- timeline:end -->\n")
    other = runner.invoke(app, ["embed", "b.txt"])
    assert other.exit_code == ExitCode.USAGE
    assert "Markdown (.md, .markdown) or HTML" in _one_line_error(other)
