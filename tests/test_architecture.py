"""Dependency direction, enforced by parsing every import of our packages.

api -> graph, algorithms, schema (and ingest, from the CLI composition root only);
ingest -> graph, schema; graph -> schema; algorithms -> schema enums only; schema -> nothing.
Only graph/ imports neo4j; algorithms/ imports no strawberry, starlette or neo4j.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"api", "graph", "schema", "ingest", "algorithms"}
ALLOWED = {
    "schema": {"schema"},
    "algorithms": {"algorithms", "schema.enums"},
    "graph": {"graph", "schema"},
    "ingest": {"ingest", "graph", "schema"},
    "api": {"api", "graph", "algorithms", "schema"},
}
CLI_EXTRA = {"ingest"}
THIRD_PARTY_ONLY_IN = {"neo4j": {"graph"}}
NEVER_IN = {
    "algorithms": {"strawberry", "starlette", "neo4j", "uvicorn", "typer"},
    "schema": {"neo4j", "starlette", "typer"},
}


# Installed and built things (the workspace's npm packages and bundle) are not ours.
NOT_OURS = frozenset({"node_modules", "dist"})


def _modules() -> list[Path]:
    return sorted(
        p
        for package in OURS
        for p in (ROOT / package).rglob("*.py")
        if NOT_OURS.isdisjoint(p.relative_to(ROOT).parts)
    )


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _allowed(target: str, rules: set[str]) -> bool:
    return any(target == rule or target.startswith(rule + ".") for rule in rules)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_each_module_imports_only_what_its_layer_may(path: Path) -> None:
    layer = path.relative_to(ROOT).parts[0]
    rules = set(ALLOWED[layer])
    if path.relative_to(ROOT).parts[:2] == ("api", "cli"):
        rules |= CLI_EXTRA
    for target in _imports(path):
        top = target.split(".")[0]
        if top in OURS:
            assert _allowed(target, rules), f"{path.relative_to(ROOT)} imports {target}"
        if top in THIRD_PARTY_ONLY_IN:
            assert layer in THIRD_PARTY_ONLY_IN[top], f"{path.relative_to(ROOT)} imports {top}"
        assert top not in NEVER_IN.get(layer, set()), f"{path.relative_to(ROOT)} imports {top}"


def test_the_rules_see_every_package() -> None:
    assert {p.relative_to(ROOT).parts[0] for p in _modules()} == OURS


def test_nothing_imports_the_api_outside_the_api() -> None:
    for path in _modules():
        if path.relative_to(ROOT).parts[0] != "api":
            assert not any(t.split(".")[0] == "api" for t in _imports(path)), path


def _package_modules(*parts: str) -> list[Path]:
    return sorted((ROOT.joinpath(*parts)).rglob("*.py"))


@pytest.mark.parametrize(
    "path", _package_modules("ingest", "validation"), ids=lambda p: str(p.relative_to(ROOT))
)
def test_ingest_validation_reads_its_contract_from_schema_not_from_graph(path: Path) -> None:
    assert not any(t.split(".")[0] == "graph" for t in _imports(path)), path


@pytest.mark.parametrize(
    "path", _package_modules("api", "graphql"), ids=lambda p: str(p.relative_to(ROOT))
)
def test_graphql_resolvers_never_touch_networkx(path: Path) -> None:
    assert not any(t.split(".")[0] == "networkx" for t in _imports(path)), path


def _annotations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        ast.unparse(node.annotation)
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef)
        for node in cls.body
        if isinstance(node, ast.AnnAssign)
    ]


@pytest.mark.parametrize(
    "path",
    _package_modules("api", "services") + _package_modules("schema") + _package_modules("graph"),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_records_between_layers_carry_no_networkx_graph(path: Path) -> None:
    # Services hand typed records up; a networkx graph is built where an algorithm needs it.
    graphs = [a for a in _annotations(path) if "nx." in a or "Graph[" in a or "DiGraph" in a]
    assert not graphs, f"{path.relative_to(ROOT)} has record fields typed {graphs}"


def test_no_folder_of_ours_crowds_more_than_sixteen_modules_at_its_root() -> None:
    folders = {p.parent for p in _modules()} | {p.parent for p in (ROOT / "tests").rglob("*.py")}
    crowded = {
        str(f.relative_to(ROOT)): n
        for f in folders
        if (n := len([m for m in f.glob("*.py") if m.name != "__init__.py"])) > 16
    }
    assert not crowded, crowded


def test_no_module_of_ours_runs_over_four_hundred_lines() -> None:
    paths = _modules() + sorted((ROOT / "tests").rglob("*.py"))
    long = {
        str(p.relative_to(ROOT)): n
        for p in paths
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, long
