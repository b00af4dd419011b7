"""The package's layers import one way: records at the bottom, the CLI at the top.

A module may import newslib modules of a lower layer only (and its own package's modules), at
module level only: no import of a newslib module inside a function or under TYPE_CHECKING,
which is how import circles get hidden. ``python -m pytest tests/test_layers.py`` is the check.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PKG = ROOT / "newslib"

#: Lowest first. A module imports only modules of a lower number (or its own package).
LAYERS = {
    "newslib.records": 0, "newslib._version": 0, "newslib._io": 0, "newslib._compiled": 0,
    "newslib._parallel": 0, "newslib.lexicons": 0, "newslib.data": 0, "newslib._text": 0,
    "newslib.cleaning": 1,
    "newslib.readers": 2, "newslib.tokens": 2,
    "newslib.quotes": 3, "newslib.cache": 3,
    "newslib.corpus": 4,
    "newslib.terms": 5,
    "newslib.framing": 6,
    "newslib.charts": 7, "newslib.display": 7,
    "newslib.explorer": 8, "newslib.notebook": 8, "newslib.cluster": 8, "newslib.report": 8, "newslib.evaluation": 8,
    "newslib.cli": 9,
    "newslib": 10,
}
#: Imports allowed inside a function, with the reason.
LOCAL_OK = {("newslib._compiled", "newslib._speedups"): "the compiled extension is optional"}


def _modules() -> dict[str, Path]:
    out = {}
    for f in sorted(PKG.rglob("*.py")):
        parts = f.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = f
    return out


def _unit(name: str) -> str:
    """The layer entry a module belongs to (``newslib.quotes.spans`` -> ``newslib.quotes``)."""
    while name not in LAYERS and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def _imports(name: str, path: Path):
    """(imported newslib module, where: 'module' | 'function' | 'type-checking', line)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    base = name.split(".") if is_pkg else name.split(".")[:-1]

    def resolve(node: ast.ImportFrom) -> list[str]:
        if node.level == 0:
            mods = [node.module] if node.module and node.module.split(".")[0] == "newslib" else []
            return mods
        pkg = base[: len(base) - (node.level - 1)]
        if node.module:
            return [".".join([*pkg, node.module])]
        return [".".join([*pkg, a.name]) for a in node.names]

    def walk(node, where):
        for child in ast.iter_child_nodes(node):
            w = where
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                w = "function"
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                w = "type-checking"
            if isinstance(child, ast.ImportFrom):
                for m in resolve(child):
                    yield m, w, child.lineno
            elif isinstance(child, ast.Import):
                for a in child.names:
                    if a.name.split(".")[0] == "newslib":
                        yield a.name, w, child.lineno
            yield from walk(child, w)

    yield from walk(tree, "module")


MODULES = _modules()


def test_every_module_has_a_layer():
    missing = sorted(n for n in MODULES if _unit(n) not in LAYERS)
    assert not missing, f"add these modules to LAYERS in {__file__}: {missing}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_go_down_the_layers(name):
    me = _unit(name)
    bad = []
    for target, where, line in _imports(name, MODULES[name]):
        if where != "module" and (name, target) not in LOCAL_OK:
            bad.append(f"line {line}: {target} imported inside a {where} block")
            continue
        other = _unit(target)
        if other == me or (name, target) in LOCAL_OK:
            continue
        if LAYERS.get(other, 99) >= LAYERS[me]:
            bad.append(f"line {line}: {name} (layer {LAYERS[me]}) imports {target} (layer {LAYERS.get(other)})")
    assert not bad, "\n".join(bad)


def test_no_import_circle():
    graph = {n: {t for t, w, _ in _imports(n, MODULES[n]) if w == "module" and t in MODULES and t != n}
             for n in MODULES}
    state: dict[str, int] = {}

    def visit(n, stack):
        state[n] = 1
        for t in sorted(graph[n]):
            if state.get(t) == 1:
                raise AssertionError("import circle: " + " -> ".join([*stack[stack.index(t):], t]))
            if t not in state:
                visit(t, [*stack, t])
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n, [n])


def test_the_check_catches_a_reaching_import(tmp_path, monkeypatch):
    """The test above is not vacuous: a low module importing a high one is reported."""
    bad = tmp_path / "records.py"
    bad.write_text("from .corpus import Corpus\n\ndef f():\n    from .tokens import tokenize\n")
    found = list(_imports("newslib.records", bad))
    assert ("newslib.corpus", "module", 1) in found and ("newslib.tokens", "function", 4) in found


#: The quote extractor's passes, in the order they may import each other (issue 17).
QUOTE_PASSES = ["words", "spans", "entities", "references", "speakers", "cues", "indirect", "extract", "fidelity"]


@pytest.mark.parametrize("name", [f"newslib.quotes.{m}" for m in QUOTE_PASSES])
def test_quote_passes_import_one_way(name):
    me = QUOTE_PASSES.index(name.rsplit(".", 1)[1])
    for target, _where, line in _imports(name, MODULES[name]):
        if target.startswith("newslib.quotes."):
            other = target.rsplit(".", 1)[1]
            assert QUOTE_PASSES.index(other) < me, f"line {line}: {name} imports {target}, a later pass"


def test_quote_functions_are_short():
    """No function of the quote package is over about 60 lines: each rule has a name."""
    long = []
    for f in sorted((PKG / "quotes").glob("*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > 65:
                    long.append(f"{f.name}:{node.lineno} {node.name} ({n} lines)")
    assert not long, "split these at their rule boundaries: " + "; ".join(long)
