"""`timeline --help` and each command's help: the CLI answers itself (no stored copy), with
-h too, at any terminal width; the lists of formats and summarisers come from the
registries, a plug-in's included; each option is declared once."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from timeline.cli import app, main
from timeline.render import formats
from timeline.summarize import available

runner = CliRunner()
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def _help(*args: str, columns: int = 80) -> str:
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def _words(text: str) -> str:
    """The help with its line wrapping undone."""
    return " ".join(text.split())


def test_the_commands():
    assert COMMANDS == ["build", "dates", "embed", "summarize"]


@pytest.mark.parametrize("command", ["", *COMMANDS])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_through_the_entry_point(command, flag, capsys):
    args = [command, flag] if command else [flag]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Usage: timeline {command}".rstrip() + " [OPTIONS]")
    assert "-h, --help" in out


@pytest.mark.parametrize("columns", [30, 60, 200])
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_at_any_width(command, columns):
    args = [command] if command else []
    text = _help(*args, columns=columns)
    assert "Usage: timeline" in text and "Show this message and exit." in _words(text)
    assert _words(text) == _words(_help(*args))  # wrapped differently, the same words


def test_the_top_level_lists_every_command():
    text = _help()
    for command in COMMANDS:
        assert f"\n  {command} " in text


def test_every_registered_format_is_in_the_format_help():
    text = _words(_help("build"))
    names = formats()
    assert "docx" in names
    listed = ", ".join(names[:-1]) + " or " + names[-1]
    assert f"-f, --format <str> {listed}. Default: from the -o suffix, else md." in text


@pytest.mark.parametrize("command", ["build", "embed", "summarize"])
def test_every_registered_summarizer_is_in_the_summarizer_help(command):
    text = _words(_help(command))
    names = available()
    listed = ", ".join(names[:-1]) + " or " + names[-1]
    assert f"--summarizer <str> {listed}. [default: news]" in text


def _run(code: str) -> subprocess.CompletedProcess:
    """Python code in a fresh interpreter, as a plug-in's user would run it."""
    env = dict(os.environ, COLUMNS="80")
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )


def test_a_format_and_a_summarizer_registered_at_run_time_are_in_the_help():
    done = _run(
        "import sys\n"
        "from timeline.render import register_format\n"
        "from timeline.summarize import register_summarizer\n"
        "register_format('shout', ['.shout'], lambda timeline, **options: '')\n"
        "register_summarizer('longest')(lambda sentences, language: [1.0] * len(sentences))\n"
        "from timeline.cli import main\n"
        "sys.exit(main(['build', '--help']))\n"
    )
    assert done.returncode == 0, done.stderr
    text = _words(done.stdout)
    assert "md, shout or timelinejs. Default: from the -o suffix" in text
    assert "lexrank, longest, lsa" in text


def test_help_loads_no_heavy_library():
    # pydantic: typer's coercion, loaded for a help flag left at None (see cli)
    heavy = ("dateparser", "sumy", "numpy", "trafilatura", "nltk", "docx", "pydantic")
    done = _run(
        "import sys\n"
        "from timeline.cli import main\n"
        "for args in (['--help'], ['build', '--help'], ['summarize', '-h']):\n"
        "    assert main(args) == 0\n"
        f"print('LOADED', *[m for m in {heavy!r} if m in sys.modules], file=sys.stderr)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "LOADED"


def test_each_option_is_declared_once_and_shared():
    """build and embed take the same options (embed has no output, format or look
    options), dates and summarize their reading options; no command takes one twice."""
    commands = get_command(app).commands  # type: ignore[attr-defined]
    options = {
        name: [p.opts[0] for p in command.params if p.opts[0].startswith("--")]
        for name, command in commands.items()
    }
    for name, opts in options.items():
        assert len(opts) == len(set(opts)), name
    build_only = {"--output", "--format", "--fragment", "--mermaid", "--template"}
    assert set(options["build"]) - build_only == set(options["embed"]) - {"--check"}
    reading = {"--follow", "--max-file-size", "--strict"}
    assert reading <= set(options["dates"]) and reading <= set(options["summarize"])
    assert {"--published", "--month-first"} <= set(options["dates"])
    assert {"--summarizer", "--sentences", "--ratio"} <= set(options["summarize"])


def test_an_unknown_option_is_one_usage_error(capsys):
    assert main(["--nosuch"]) == 2
    assert main(["build", "--nosuch"]) == 2
    assert "Traceback" not in capsys.readouterr().err
