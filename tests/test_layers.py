"""The house's rule (README, "Layout of the code"), checked on every import in the package.

Layers, each importing only those before it: model, grammar, load, analysis, render, cli.
`events` and `extract` sit beside analysis and follow the same rule inside: their renderers are
render-layer modules and their command glue belongs to cli. typer is imported only by cli;
rich only by render and cli. No module imports one that imports it back (no cycles), counting
imports inside functions too, since a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest
from source_trees import walked

import casualty_recon

PACKAGE = Path(__file__).resolve().parents[1] / "casualty_recon"
LAYERS = ("model", "grammar", "load", "analysis", "render", "cli")
# Modules whose layer is not the name of their package (none: a module's package is its layer).
MODULE_LAYERS: dict[str, str] = {}
LOOSE = {"casualty_recon", "casualty_recon.__main__"}
# Siblings of analysis, imported only by cli and render.
SIDE = ("events", "extract", "estimate", "lists")
THIRD_PARTY = {"typer": {"cli"}, "rich": {"render", "cli"}}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> str | None:
    if module in MODULE_LAYERS:
        return MODULE_LAYERS[module]
    parts = module.split(".")
    if len(parts) < 2:
        return None
    if parts[1] in SIDE:
        return "analysis"
    return parts[1] if parts[1] in LAYERS else None


# The names the package hands out on first use (`casualty_recon.LAZY`) and the modules they
# come from: `from casualty_recon import compare` imports the analysis layer.
LAZY_NAMES = {f"casualty_recon.{name}": module for name, module in casualty_recon.LAZY.items()}


def _imports(path: Path) -> set[str]:
    name = _module_name(path)
    return _imports_of(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")


def _imports_of(source: str, name: str, is_package: bool) -> set[str]:
    """Every module the source of module `name` imports, absolute or relative (`from ..render
    import x`), with the modules behind the package's lazy names."""
    package = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in walked(source):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            if module:
                found.add(module)
                found.update(f"{module}.{alias.name}" for alias in node.names)
    return found | {LAZY_NAMES[t] for t in found if t in LAZY_NAMES}


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@functools.cache
def _graph() -> dict[str, set[str]]:
    """Each module and the modules of the package it imports: parsed when a test first asks
    (0.7 s), not when the module is collected, so only the worker that runs these tests pays."""
    return {
        name: {
            target
            for target in _imports(path)
            if target in MODULES and target != name and not name.startswith(target + ".")
        }
        for name, path in MODULES.items()
    }


def test_relative_imports_and_the_package_s_lazy_names_count() -> None:
    """A relative import is read as the module it names, and a name the package hands out on
    first use as the module it comes from, so neither slips past the layers."""
    source = "from ..render import text\nfrom . import spans\nfrom casualty_recon import compare\n"
    found = _imports_of(source, "casualty_recon.model.claims", is_package=False)
    assert {
        "casualty_recon.render.text",
        "casualty_recon.model.spans",
        "casualty_recon.analysis.report",
    } <= found
    assert not _allowed("casualty_recon.model.claims", "casualty_recon.render.text")
    assert not _allowed("casualty_recon.model.claims", "casualty_recon.analysis.report")


def _allowed(importer: str, target: str) -> bool:
    if importer in LOOSE or target in LOOSE:
        return True
    mine, theirs = _layer(importer), _layer(target)
    assert mine is not None, f"{importer} is in no layer"
    assert theirs is not None, f"{target} is in no layer"
    if target.split(".")[1] in SIDE and importer.split(".")[1] not in (
        target.split(".")[1],
        "cli",
        "render",
    ):
        return False  # the side packages are leaves: only cli (and their renderers) use them
    return LAYERS.index(theirs) <= LAYERS.index(mine)


def test_every_module_is_in_a_layer() -> None:
    loose = [name for name in MODULES if name not in LOOSE and _layer(name) is None]
    assert loose == []
    top = [path.name for path in MODULES.values() if path.parent == PACKAGE]
    assert len(top) <= 4, f"loose modules at the top: {top}"


@pytest.mark.parametrize("importer", sorted(MODULES))
def test_imports_follow_the_layers(importer: str) -> None:
    wrong = sorted(t for t in _graph()[importer] if not _allowed(importer, t))
    assert wrong == [], f"{importer} may not import {wrong}"


@pytest.mark.parametrize("importer", sorted(MODULES))
def test_typer_and_rich_stay_at_the_edge(importer: str) -> None:
    layer = _layer(importer) or "cli"
    used = {name.split(".")[0] for name in _imports(MODULES[importer])}
    wrong = sorted(
        lib for lib, layers in THIRD_PARTY.items() if lib in used and layer not in layers
    )
    assert wrong == [], f"{importer} ({layer}) imports {wrong}"


def test_no_import_cycles() -> None:
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, stack: list[str]) -> None:
        state[name] = 1
        for target in sorted(_graph()[name]):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target, [*stack, target])
        state[name] = 2

    for name in sorted(_graph()):
        if name not in state:
            visit(name, [name])
    # A package importing its own submodule is not a cycle of the house.
    real = [c for c in cycles if not all(c[0].startswith(n) or n.startswith(c[0]) for n in c)]
    assert real == [], real


def test_modules_and_functions_stay_readable() -> None:
    """No module above 700 lines and no function above 120 (issue 9: a newcomer reads a module
    in one sitting; a longer one is two things that want names of their own)."""
    too_long = []
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 700:
            too_long.append(f"{name}: {text.count(chr(10))} lines")
        for node in walked(text):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 120:
                    too_long.append(f"{name}.{node.name}: {length} lines")
    assert too_long == []
