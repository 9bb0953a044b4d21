"""The layers read top-down: graph/ knows nothing of the API or the command line.

Data flows one way (document → … → store → queries → API/CLI), so an import
from ``graph`` back up into ``api`` or ``cli`` would tie the core to a shell
it must not depend on. The API may not import the CLI either.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FORBIDDEN = {
    "graph": {"api", "cli"},
    "api": {"cli"},
}


def imported_packages(source: Path) -> set[str]:
    """Top-level package names that a module imports (absolute imports only)."""
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_nothing_above_it(layer: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & FORBIDDEN[layer])
        for path in sorted((ROOT / layer).rglob("*.py"))
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_import_scanner_sees_imports() -> None:
    """The scanner itself finds both import forms (so the test above can fail)."""
    cli_module = ROOT / "cli" / "serve.py"
    assert "api" in imported_packages(cli_module)
