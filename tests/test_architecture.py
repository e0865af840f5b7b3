"""The package's floor plan: load -> check -> context -> render -> write, nothing importing upwards,
no import cycles, no module grown past a few hundred lines."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

PACKAGE = ROOT / "tambondoc"
# a module may import its own package and any lower layer, never a sibling package of its layer
LAYERS = [
    {"errors", "linebreak"},  # linebreak: ICU through ctypes, nothing of ours
    {"thai", "resources", "files", "reporters", "measure", "package"},
    {"plan"},
    {"check"},
    {"context"},
    {"docx", "xlsx"},
    {"build", "importing", "authoring", "diff"},
    {"district"},  # a district's year: builds, validates and reports on many plans at once
    {"cli"},
    {"__main__"},
]
MAX_LINES = 400


def _unit(module: str) -> str:
    """'tambondoc.docx.render' -> 'docx'; 'tambondoc.thai' -> 'thai'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(unit: str) -> int:
    return next((i for i, units in enumerate(LAYERS) if unit in units), -1)


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        found[name] = path
    return found


def _imports(path: Path, top_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    out = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tambondoc"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("tambondoc"))
    return out


def test_every_package_has_a_layer() -> None:
    units = {_unit(m) for m in _modules()} - {"__init__"}
    assert {u for u in units if _layer(u) < 0} == set()


def test_nothing_imports_upwards_or_sideways() -> None:
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        mine = _unit(name)
        for target in _imports(path):
            if target not in modules:
                continue
            theirs = _unit(target)
            if theirs in (mine, "__init__"):
                continue
            if _layer(theirs) >= _layer(mine):
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_no_import_cycles() -> None:
    modules = _modules()
    graph = {name: {t for t in _imports(path, top_level_only=True) if t in modules and t != name}
             for name, path in modules.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_modules_stay_small() -> None:
    big = {name: n for name, path in _modules().items()
           if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert big == {}


def test_a_build_does_not_load_openpyxl(tmp_path: Path) -> None:
    """The coordination workbooks are written as SpreadsheetML (``xlsx.sheetml``, ``xlsx.look``);
    openpyxl, with numpy where installed, took 128 ms and 30 MB of every build process."""
    import subprocess
    import sys

    probe = ("import sys; from pathlib import Path; from tambondoc.build.plan import build_plan; "
             f"build_plan(Path({str(ROOT / 'plans' / 'example-tambon.yaml')!r}), Path({str(tmp_path)!r})); "
             "print(sorted(m for m in ('openpyxl', 'numpy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[-2] == "[]"
    assert (tmp_path / "example-tambon" / "coordination-abt-nongbua.xlsx").is_file()


def test_the_lists_render_first_and_the_outputs_keep_the_documents_order(
        example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build's peak is its largest table on top of what the documents before it left, so the
    coordination lists (a plan's largest tables) render first; what a build returns and writes
    keeps the documents' own order."""
    from tambondoc.build import plan as build
    from tambondoc.context.build import build_context
    from tambondoc.plan.load import load_plan

    rendered: list[str] = []
    real = build.render_docx

    def spy(template: Path, *args: Any) -> tuple[bytes, list[str]]:
        rendered.append(template.name)
        return real(template, *args)

    monkeypatch.setattr(build, "render_docx", spy)
    outputs, _, _ = build.render_all(example_plan, build_context(load_plan(example_plan)[1]))
    assert rendered == ["coordination.docx", "coordination.docx", "plan-book.docx", "kbt-order.docx"]
    assert list(outputs) == ["plan-book.docx", "kbt-order.docx",
                             "coordination-tm-nongbua.docx", "coordination-tm-nongbua.xlsx",
                             "coordination-abt-nongbua.docx", "coordination-abt-nongbua.xlsx"]
