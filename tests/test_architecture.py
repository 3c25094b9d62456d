"""The package's shape: every module imports alone, and modules use each other's public
names only (a private name, ``_x``, is free to change without telling anyone)."""

from __future__ import annotations

import ast
import concurrent.futures
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "timeline"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = sorted(_module_name(p) for p in PACKAGE.rglob("*.py") if p.name != "__main__.py")


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute name of the module an ``import from`` reads."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def private_imports(path: Path) -> list[str]:
    """Where the module at ``path`` reaches for another module's private name: ``from m
    import _x``, or ``m._x`` on a module it imported."""
    module = _module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    modules: set[str] = set()  # local names bound to modules of the package
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _resolve(module, path.name == "__init__.py", node)
            if not source.startswith("timeline"):
                continue
            for alias in node.names:
                target = f"{source}.{alias.name}"
                if target in MODULES:
                    modules.add(alias.asname or alias.name)
                elif _private(alias.name) and source != module:
                    found.append(f"{path.relative_to(SRC)}:{node.lineno} {source}.{alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("timeline") and alias.asname:
                    modules.add(alias.asname)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and _private(node.attr)
        ):
            found.append(f"{path.relative_to(SRC)}:{node.lineno} {node.value.id}.{node.attr}")
    return found


def test_no_module_imports_a_private_name_of_another() -> None:
    found = [hit for p in sorted(PACKAGE.rglob("*.py")) for hit in private_imports(p)]
    assert found == []


def test_the_private_import_check_can_fail(tmp_path: Path) -> None:
    fake = PACKAGE / "temporal" / "_probe_for_test.py"
    assert not fake.exists()
    text = "from .calendar import _month_end\nfrom .. import model as M\nM._hidden\n"
    try:
        fake.write_text(text, encoding="utf-8")
        found = private_imports(fake)
    finally:
        fake.unlink()
    assert [f.split(" ")[1] for f in found] == [
        "timeline.temporal.calendar._month_end",
        "M._hidden",
    ]


def _import_alone(module: str) -> tuple[str, str]:
    proc = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120
    )
    return module, proc.stderr.strip().splitlines()[-1] if proc.returncode else ""


def test_every_module_imports_alone_in_a_fresh_interpreter() -> None:
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        failures = [f"{m}: {err}" for m, err in pool.map(_import_alone, MODULES) if err]
    assert failures == []


@pytest.mark.parametrize("module", ["timeline", "timeline.cli"])
def test_the_entry_points_do_not_load_the_heavy_libraries(module: str) -> None:
    heavy = ("dateparser", "sumy", "numpy", "trafilatura", "nltk")
    code = f"import sys, {module}; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
