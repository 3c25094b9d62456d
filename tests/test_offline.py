"""The whole pipeline runs with no NLTK data and no network, as on a fresh machine."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from .conftest import ROOT

# Loaded first in the child: any socket use, or any NLTK data lookup, fails the run loudly.
_GUARD = textwrap.dedent(
    """
    import socket, sys

    def _no_network(*args, **kwargs):
        raise RuntimeError("network access attempted")

    socket.socket.connect = _no_network
    socket.create_connection = _no_network
    socket.getaddrinfo = _no_network

    import nltk.data

    def _no_data(*args, **kwargs):
        raise RuntimeError("NLTK data lookup attempted: %r" % (args,))

    nltk.data.find = _no_data
    nltk.data.load = _no_data
    import nltk
    nltk.download = _no_data
    """
)


def test_build_needs_no_nltk_data_and_no_network(tmp_path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(_GUARD)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(guard), str(ROOT / "src")]),
        "NLTK_DATA": str(tmp_path / "no-nltk-data"),
        "HOME": str(tmp_path),
    }
    for summarizer in ("lexrank", "textrank", "lsa", "luhn", "lead", "news"):
        proc = subprocess.run(
            [sys.executable, "-m", "timeline", "build", str(ROOT / "sources"),
             "--summarizer", summarizer, "--format", "json"],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        assert '"schema": "timeline/1"' in proc.stdout
        assert "attempted" not in proc.stderr


def test_help_imports_no_heavy_library(tmp_path):
    code = (
        "import sys\n"
        "from timeline.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('dateparser', 'sumy', 'numpy', 'nltk', 'jinja2', 'yaml', 'nupunkt')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stdout
