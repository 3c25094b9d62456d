"""Golden files: the rendered timeline of the bundled sources, byte for byte.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_golden.py``
and review the diff like any other change.
"""

from __future__ import annotations

import os
import shutil

import pytest
from typer.testing import CliRunner

from timeline.cli import app

from .conftest import GOLDEN

runner = CliRunner()


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("md", ["--format", "md"]),
        ("json", ["--format", "json"]),
        ("html", ["--format", "html"]),
        ("fragment.html", ["--format", "html", "--fragment"]),
        ("mermaid.md", ["--format", "md", "--mermaid"]),
        ("fr.md", ["--format", "md", "--locale", "fr"]),
    ],
)
def test_rendered_sources_match_golden(tmp_path, sources_dir, monkeypatch, name, options):
    shutil.copytree(sources_dir, tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", *options])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"sources.{name}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8", newline="\n")
    assert result.stdout == golden.read_text(encoding="utf-8")
