"""Module imports form no cycle among the command-line, batch and Dask modules (sqlite-utils style: command modules
register on the app and do not import each other; the worker side is apart from the batch runner)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "extractor"


def imports_of(path: Path) -> set[str]:
    """The extractor modules a module imports, at its top or inside its functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("extractor"):
            found.add(node.module)
            if node.module == "extractor":  # from extractor import cli_batch
                found.update(f"extractor.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("extractor"))
    return found


def graph() -> dict[str, set[str]]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = imports_of(path)
    return {m: {d for d in deps if d in modules and d != m} for m, deps in modules.items()}


def reaches(g: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        m = todo.pop()
        for d in g.get(m, ()):
            if d == goal:
                return True
            if d not in seen:
                seen.add(d)
                todo.append(d)
    return False


@pytest.mark.parametrize(
    "a, b",
    [
        ("extractor.batch", "extractor.distributed"),
        ("extractor.cli", "extractor.cli_batch"),
        ("extractor.cli", "extractor.cli_explain"),
        ("extractor.batch", "extractor.workers"),
    ],
)
def test_no_import_cycle(a, b):
    g = graph()
    assert not (reaches(g, a, b) and reaches(g, b, a)), f"{a} and {b} import each other"


def test_command_modules_do_not_import_the_app_module():
    g = graph()
    assert "extractor.cli" not in g["extractor.cli_batch"] | g["extractor.cli_explain"]
    assert "extractor.batch" not in g["extractor.distributed"] | g["extractor.workers"]
