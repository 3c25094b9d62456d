"""A non-editable install carries the templates and works from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (found,) = out.glob("timeline-*.whl")
    return found


def test_wheel_ships_the_templates(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "timeline/templates/timeline.md.j2" in names
    assert "timeline/templates/timeline.html.j2" in names
    assert "timeline/cli.py" in names


def test_installed_wheel_renders_from_another_folder(wheel, tmp_path, sources_dir):
    target = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target",
         str(target), str(wheel)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    work = tmp_path / "elsewhere"
    shutil.copytree(sources_dir, work / "sources")
    # The installed copy comes first on the path, ahead of the editable checkout.
    env = {**os.environ, "PYTHONPATH": str(target)}
    for name in ("t.md", "t.html", "t.json"):
        run = subprocess.run(
            [sys.executable, "-m", "timeline", "build", "-o", name],
            capture_output=True,
            text=True,
            cwd=work,
            env=env,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr
        assert (work / name).stat().st_size > 500
    where = subprocess.run(
        [sys.executable, "-c", "import timeline.render as r; print(r.__file__)"],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
    )
    assert where.stdout.startswith(str(target))
