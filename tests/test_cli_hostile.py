"""The commands over a folder of hostile inputs: nothing lost, nothing crashes.

Each bad file is one warning line naming it and the reason, the run ends with
"timeline: N articles, M skipped" and exits PARTIAL, and every good article is in the
output; --strict makes a skip fatal and writes nothing; --max-file-size is the size cap.
Then the output itself: a failed run never touches an existing file nor leaves a temporary
one, and an output that would overwrite (or later be read as) an input is refused.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import _parse_size, app, main
from timeline.errors import ExitCode, TemplateError

from .hostile_fixtures import MB, make_hostile_folder

runner = CliRunner()

# A date each good article gives and the expression that gives it, read as written whatever
# its encoding or line ends ("yesterday" and weekdays resolved against its own date).
KNOWN = {
    "good-1.md": ("1994", "1994"),
    "good-2.md": ("2019-01-22", "yesterday"),
    "sub/nested.md": ("2016", "2016"),
    "latin1.txt": ("2019-01-21", "21 January 2019"),
    "utf16.md": ("2019-01-22", "22 janvier 2019"),
    "utf16be.md": ("2019-01-22", "22 de enero de 2019"),
    "utf8-bom.md": ("2018-03-03", "3 March 2018"),
    "crlf.md": ("2019-01-22", "Tuesday"),
    "cr.txt": ("2019-01-21", "Monday"),
    "big.txt": ("2019-01-20", "20 January 2019"),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict:
    return make_hostile_folder(tmp_path_factory.mktemp("hostile") / "news")


@pytest.fixture(scope="module")
def built(hostile):
    """`timeline build FOLDER -o out.json`, run once for the tests that read its result."""
    out = hostile["folder"].parent / "out.json"
    result = runner.invoke(app, ["build", str(hostile["folder"]), "-o", str(out)])
    return result, json.loads(out.read_text(encoding="utf-8"))


def _shown(spec: dict, name: str) -> str:
    return str(spec["folder"] / name)


def _skip_lines(spec: dict, extra: dict[str, str] | None = None) -> Counter:
    bad = {**spec["bad"], **(extra or {})}
    return Counter(
        f"timeline: warning: skipped {_shown(spec, name)}: {reason}" for name, reason in bad.items()
    )


def _warned(stderr: str) -> Counter:
    return Counter(line for line in stderr.splitlines() if line.startswith("timeline: warning:"))


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def test_the_fixture_and_the_known_dates_agree(hostile):
    assert set(KNOWN) == set(hostile["good"])


def test_build_warns_once_per_bad_file_counts_and_exits_partial(hostile, built):
    result, _ = built
    assert result.exit_code == ExitCode.PARTIAL, result.output
    _no_traceback(result)
    assert _warned(result.stderr) == _skip_lines(hostile)  # each bad file once, nothing else
    good, bad = len(hostile["good"]), len(hostile["bad"])
    assert result.stderr.splitlines()[-1] == f"timeline: {good} articles, {bad} skipped"


def test_every_good_article_is_in_the_json(hostile, built):
    _, doc = built
    paths = {a["id"]: a["path"] for a in doc["articles"]}
    assert sorted(paths.values()) == sorted(_shown(hostile, name) for name in hostile["good"])
    told: dict[str, set[tuple[str, str]]] = {path: set() for path in paths.values()}
    for event in doc["events"]:
        for source in event["sources"]:
            path = paths[source["article"]]
            told[path].add((event["date"]["value"], source["expression"]))
            name = Path(path).relative_to(hostile["folder"]).as_posix()
            assert source["sentence"] in hostile["good"][name]["body"], (name, source)
    for name, known in KNOWN.items():
        assert known in told[_shown(hostile, name)], name
    for article in doc["articles"]:
        name = Path(article["path"]).relative_to(hostile["folder"]).as_posix()
        assert article["summary"], name
        assert all(s in hostile["good"][name]["body"] for s in article["summary"]), name


def test_strict_is_fatal_in_one_line_and_writes_nothing(hostile, tmp_path):
    out = tmp_path / "out.json"
    old = b"yesterday's timeline\r\n\xff"
    out.write_bytes(old)
    result = runner.invoke(app, ["build", str(hostile["folder"]), "--strict", "-o", str(out)])
    assert result.exit_code == ExitCode.NO_INPUT, result.output
    _no_traceback(result)
    [line] = result.stderr.splitlines()
    assert line.startswith("timeline: error: stopped by --strict at ")
    assert any(
        line.endswith(f"{_shown(hostile, name)}: {reason}")
        for name, reason in hostile["bad"].items()
    )
    assert out.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary file


@pytest.mark.parametrize("command", ["build", "dates", "summarize"])
def test_strict_through_the_entry_point_prints_nothing(hostile, command, capsys):
    assert main([command, str(hostile["folder"]), "--strict"]) == ExitCode.NO_INPUT
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert "Traceback" not in captured.err


def test_max_file_size_below_the_big_file_skips_it_with_the_reason(hostile):
    folder = hostile["folder"]
    result = runner.invoke(app, ["build", str(folder), "--max-file-size", "1MB", "-f", "json"])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    _no_traceback(result)
    big = {hostile["big"]: "larger than 1 MB (set --max-file-size)"}
    assert _warned(result.stderr) == _skip_lines(hostile, big)
    good, bad = len(hostile["good"]) - 1, len(hostile["bad"]) + 1
    assert result.stderr.splitlines()[-1] == f"timeline: {good} articles, {bad} skipped"
    paths = {a["path"] for a in json.loads(result.stdout)["articles"]}
    assert _shown(hostile, hostile["big"]) not in paths
    assert len(paths) == good


@pytest.mark.parametrize(
    ("command", "extra"),
    [("dates", ["--format", "jsonl"]), ("summarize", ["--format", "jsonl"])],
)
def test_dates_and_summarize_exit_partial_with_the_count(hostile, command, extra):
    result = runner.invoke(app, [command, str(hostile["folder"]), *extra])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    _no_traceback(result)
    assert _warned(result.stderr) == _skip_lines(hostile)
    good, bad = len(hostile["good"]), len(hostile["bad"])
    assert result.stderr.splitlines()[-1] == f"timeline: {good} articles, {bad} skipped"
    files = {json.loads(line)["file"] for line in result.stdout.splitlines()}
    if command == "summarize":  # one row per article
        assert files == {_shown(hostile, name) for name in hostile["good"]}
    else:  # every article that has a date
        assert files >= {_shown(hostile, name) for name in KNOWN}


def test_the_entry_point_returns_partial(hostile, capsys):
    assert main(["dates", str(hostile["folder"]), "--max-file-size", "64KB"]) == ExitCode.PARTIAL
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[-1].endswith(f"{len(hostile['bad']) + 1} skipped")


def test_a_clean_run_exits_0_with_the_count(sources_dir):
    result = runner.invoke(app, ["summarize", str(sources_dir)])
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stderr.splitlines() == ["timeline: 2 articles, 0 skipped"]


def test_a_duplicate_is_counted_apart(sources_dir, tmp_path):
    for path in sources_dir.glob("*.md"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
        (tmp_path / f"copy-{path.name}").write_bytes(path.read_bytes())
    result = runner.invoke(app, ["dates", str(tmp_path)])
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stderr.splitlines()[-1] == (
        "timeline: 2 articles, 0 skipped, 2 duplicates read once"
    )


# --- --max-file-size -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "size"),
    [
        ("10MB", 10 * MB),
        ("500KB", 500 * 1024),
        ("2M", 2 * MB),
        ("1.5MiB", 3 * MB // 2),
        ("10 mb", 10 * MB),
        ("1g", 1024 * MB),
        ("1234", 1234),
        ("1234B", 1234),
    ],
)
def test_sizes(value, size):
    assert _parse_size(value) == size


@pytest.mark.parametrize("value", ["", "abc", "0", "-1", "10XB", "1.5.2MB", "0.1", "MB"])
@pytest.mark.parametrize("command", ["build", "dates", "summarize", "embed"])
def test_a_bad_max_file_size_is_a_usage_error(command, value, sources_dir):
    args = [command] + (["briefing.md"] if command == "embed" else []) + [str(sources_dir)]
    result = runner.invoke(app, [*args, "--max-file-size", value])
    assert result.exit_code == ExitCode.USAGE, result.output
    _no_traceback(result)
    [line] = result.stderr.splitlines()
    assert line == f"timeline: error: --max-file-size {value!r} is not a size: give e.g. " + (
        "10MB, 500KB, 2M or bytes"
    )
    assert result.stdout == ""


# --- the output: never clobbered, never an input ------------------------------------------------

OLD = b"yesterday's briefing\r\nnot even UTF-8: \xff\n"


@pytest.fixture
def bad_and_good(tmp_path, sources_dir) -> Path:
    """The bundled articles and one binary file, in ./news."""
    news = tmp_path / "news"
    news.mkdir()
    for path in sources_dir.glob("*.md"):
        (news / path.name).write_bytes(path.read_bytes())
    (news / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8)
    return news


def _half_then(exc: BaseException):
    """A render_chunks that gives its first piece, then fails."""
    from timeline import render

    real = render.render_chunks

    def failing(*args, **kwargs):
        chunks = iter(real(*args, **kwargs))
        yield next(chunks)
        raise exc

    return failing


@pytest.mark.parametrize(
    "case", ["strict", "template", "render-error", "render-bug", "interrupted"]
)
def test_a_failed_run_leaves_the_output_byte_identical(case, bad_and_good, tmp_path, monkeypatch):
    out = tmp_path / "briefing.html"
    out.write_bytes(OLD)
    args = ["build", "news", "-o", str(out)]
    if case == "strict":
        args.append("--strict")
        code = ExitCode.NO_INPUT
    elif case == "template":
        broken = tmp_path / "broken.html.j2"
        broken.write_text("{{ entries | no_such_filter }}", encoding="utf-8")
        args += ["--template", str(broken)]
        code = ExitCode.USAGE
    elif case == "render-error":
        monkeypatch.setattr("timeline.render.render_chunks", _half_then(TemplateError("boom")))
        code = ExitCode.USAGE
    elif case == "render-bug":
        monkeypatch.setattr("timeline.render.render_chunks", _half_then(RuntimeError("boom")))
        code = ExitCode.FAILURE
    else:
        monkeypatch.setattr("timeline.render.render_chunks", _half_then(KeyboardInterrupt()))
        code = ExitCode.INTERRUPTED
    before = sorted(p.name for p in tmp_path.iterdir())
    # main(): what the installed command runs, so an unexpected error shows as it would
    returned = main(args)
    assert returned == code
    assert out.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary file left


def test_an_unexpected_error_is_one_line_not_a_traceback(sources_dir, monkeypatch, capsys):
    monkeypatch.setattr("timeline.render.render_chunks", _half_then(RuntimeError("boom\nagain")))
    assert main(["build", str(sources_dir)]) == ExitCode.FAILURE
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[-1] == (
        "timeline: internal error: RuntimeError: boom again (a bug: please report it; "
        "TIMELINE_DEBUG=1 shows the traceback)"
    )
    monkeypatch.setenv("TIMELINE_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        main(["build", str(sources_dir)])


def test_a_successful_partial_run_writes_the_output(bad_and_good, tmp_path):
    out = tmp_path / "briefing.md"
    out.write_bytes(OLD)
    result = runner.invoke(app, ["build", "news", "-o", str(out)])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.md", "news"]
    assert result.stderr.splitlines()[-2:] == [
        f"timeline: wrote {out} (4 entries)",
        "timeline: 2 articles, 1 skipped",
    ]


def _refuse_work(monkeypatch) -> None:
    def no_reading(*args, **kwargs):
        raise AssertionError("the sources were read before the output was checked")

    monkeypatch.setattr("timeline.sources.iter_sources", no_reading)
    monkeypatch.setattr("timeline.sources.read_sources", no_reading)


@pytest.mark.parametrize(
    ("sources", "output", "message"),
    [
        (["news/a.md"], "news/a.md", "-o news/a.md is one of the sources"),
        (["news"], "news/a.md", "-o news/a.md is one of the sources"),
        (["news", "other.md"], "other.md", "-o other.md is one of the sources"),
        (["news"], "link.md", "-o link.md is one of the sources"),
        (["news"], "news/timeline.md", "-o news/timeline.md is inside the source folder news"),
        (["news"], "news/deep/t.json", "-o news/deep/t.json is inside the source folder news"),
        (["."], "t.html", "-o t.html is inside the source folder ."),
    ],
)
def test_an_output_that_is_an_input_is_refused_before_any_work(
    sources, output, message, tmp_path, monkeypatch
):
    news = tmp_path / "news"
    (news / "deep").mkdir(parents=True)
    (news / "a.md").write_bytes(OLD)
    (tmp_path / "other.md").write_bytes(OLD)
    (tmp_path / "link.md").symlink_to(news / "a.md")
    _refuse_work(monkeypatch)
    result = runner.invoke(app, ["build", *sources, "-o", output])
    assert result.exit_code == ExitCode.USAGE, result.output
    _no_traceback(result)
    assert result.stderr.splitlines() == [
        f"timeline: error: {message}"
        + (
            ": write the output elsewhere"
            if "one of" in message
            else ", where it would be read as an article: write the output elsewhere"
        )
    ]
    assert (news / "a.md").read_bytes() == OLD and (tmp_path / "other.md").read_bytes() == OLD
    assert not (news / "timeline.md").exists() and not (news / "deep" / "t.json").exists()


@pytest.mark.parametrize("output", ["news/t.docx", "news/.t.md", "news/.hidden/t.md", "out.md"])
def test_outputs_that_are_never_read_are_allowed(output, bad_and_good, tmp_path):
    (tmp_path / "news" / ".hidden").mkdir()
    result = runner.invoke(app, ["build", "news", "-o", output])
    assert result.exit_code == ExitCode.PARTIAL, result.output  # photo.md is skipped
    assert (tmp_path / output).is_file()


def test_a_missing_output_folder_is_refused_before_any_work(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("In 1994 it began.\n", encoding="utf-8")
    _refuse_work(monkeypatch)
    result = runner.invoke(app, ["build", "a.md", "-o", "missing/t.md"])
    assert result.exit_code == ExitCode.OUTPUT, result.output
    assert result.stderr.splitlines() == [
        "timeline: error: missing/t.md: the folder missing does not exist"
    ]


def test_embed_refuses_a_briefing_among_its_sources(bad_and_good, monkeypatch):
    briefing = bad_and_good / "briefing.md"
    text = b"# Briefing\n<!-- timeline:start -->\n<!-- timeline:end -->\n"
    briefing.write_bytes(text)
    _refuse_work(monkeypatch)
    result = runner.invoke(app, ["embed", str(briefing), str(bad_and_good)])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert result.stderr.splitlines() == [
        f"timeline: error: {briefing} is one of the sources: keep the briefing out of its sources"
    ]
    assert briefing.read_bytes() == text


def test_embed_counts_skips_and_strict_leaves_the_briefing(bad_and_good, tmp_path):
    briefing = tmp_path / "briefing.md"
    text = b"# Briefing\n<!-- timeline:start -->\n<!-- timeline:end -->\n"
    briefing.write_bytes(text)
    strict = runner.invoke(app, ["embed", str(briefing), "news", "--strict"])
    assert strict.exit_code == ExitCode.NO_INPUT, strict.output
    assert strict.stderr.splitlines() == [
        "timeline: error: stopped by --strict at news/photo.md: binary file, not text (a PNG image)"
    ]
    assert briefing.read_bytes() == text
    result = runner.invoke(app, ["embed", str(briefing), "news"])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    assert "timeline: warning: skipped news/photo.md: binary file, not text" in result.stderr
    assert result.stderr.splitlines()[-1] == "timeline: 2 articles, 1 skipped"
    assert briefing.read_bytes() != text
    capped = runner.invoke(app, ["embed", str(briefing), "news", "--max-file-size", "100"])
    assert capped.exit_code == ExitCode.NO_INPUT, capped.output
    assert "larger than 100 bytes (set --max-file-size)" in capped.stderr
