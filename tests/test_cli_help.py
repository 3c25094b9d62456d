"""Tests for timeline._entry: `timeline --help` answers from the stored help, which must be
the CLI's own, without loading the CLI."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from timeline._entry import live_help, stored_help
from timeline.cli import app
from timeline.help_text import HELP

COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_every_command_has_stored_help():
    assert set(HELP) == {"", *COMMANDS}


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_stored_help_is_what_the_cli_prints(command):
    args = [command, "--help"] if command else ["--help"]
    assert HELP[command] == live_help(args), (
        "the CLI changed: run `python -m timeline._entry --write-help`"
    )


def _run(*args: str, columns: int = 100) -> subprocess.CompletedProcess:
    code = (
        "import sys\n"
        "from timeline._entry import main\n"
        f"code = main({list(args)!r})\n"
        "print('\\nLOADED', 'typer' in sys.modules, 'click' in sys.modules, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    env = dict(os.environ, COLUMNS=str(columns))
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )


@pytest.mark.parametrize("args", [("--help",), ("-h",), ("build", "--help"), ("embed", "-h")])
def test_help_answers_without_loading_the_cli(args):
    done = _run(*args)
    assert done.returncode == 0
    key = args[0] if len(args) == 2 else ""
    assert done.stdout == HELP[key]
    assert "LOADED False False" in done.stderr


def test_a_narrow_terminal_and_other_arguments_go_to_the_cli():
    narrow = _run("--help", columns=60)
    assert narrow.returncode == 0 and "LOADED True" in narrow.stderr
    assert narrow.stdout != HELP[""] and "Usage: timeline" in narrow.stdout
    assert stored_help(["build", "sources", "--help"]) is None
    assert stored_help(["nosuch", "--help"]) is None
    assert stored_help(["build"]) is None
    bad = _run("--nosuch")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
