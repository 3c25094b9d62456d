"""The ``timeline`` command's front door.

``timeline --help`` and ``timeline COMMAND --help`` are answered from :mod:`timeline.help_text`,
the help the CLI printed when it last changed, without importing the CLI: typer and click
alone take longer to import than the rest of the answer.  Everything else goes to
:func:`timeline.cli.main`.  The text is what click prints at 80 columns or more; on a
narrower terminal click wraps differently, so there the CLI answers itself.  A test
(tests/test_cli_help.py) fails when the stored text and the CLI's own differ; ``python -m
timeline._entry --write-help`` writes it again.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

_HELP_FLAGS = ("--help", "-h")
_WIDTH = 80  # click wraps help at min(terminal width, 80)


def stored_help(args: list[str]) -> str | None:
    """The stored help these arguments ask for, or None when the CLI must answer."""
    if not args or args[-1] not in _HELP_FLAGS or len(args) > 2:
        return None
    if shutil.get_terminal_size((_WIDTH, 24)).columns < _WIDTH:
        return None
    from .help_text import HELP

    key = args[0] if len(args) == 2 else ""
    if key.startswith("-"):
        return None
    return HELP.get(key)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = sys.argv[1:] if argv is None else list(argv)
    text = stored_help(args)
    if text is not None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # `timeline --help | head`
            pass
        return 0
    from .cli import main as cli_main

    return cli_main(argv)


def live_help(args: list[str]) -> str:
    """What the CLI itself prints for ``args`` (ending in --help) at 80 columns, run as a
    user runs it (its own process: click reads the width from the environment)."""
    import subprocess

    env = dict(os.environ, COLUMNS=str(_WIDTH))
    env.pop("LINES", None)
    done = subprocess.run(
        [sys.executable, "-m", "timeline.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    return done.stdout


def write_help(path: Path | None = None) -> Path:
    """Store the CLI's help for the top level and each command (after changing the CLI)."""
    from .cli import app

    names = sorted(c.name or c.callback.__name__ for c in app.registered_commands)
    texts = {"": live_help(["--help"])} | {n: live_help([n, "--help"]) for n in names}
    lines = [
        '"""The help of the ``timeline`` command, as the CLI prints it (see timeline._entry).',
        "",
        "Written by ``python -m timeline._entry --write-help``; do not edit.",
        '"""',
        "",
        "HELP = {",
        *(f"    {key!r}: {text!r}," for key, text in texts.items()),
        "}",
        "",
    ]
    target = path or Path(__file__).with_name("help_text.py")
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-help"]:
        os.environ["COLUMNS"] = str(_WIDTH)
        print(write_help())
    else:
        sys.exit(main())
