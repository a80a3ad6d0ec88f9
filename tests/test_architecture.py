"""Imports point one way: model ← storage ← ingest/analysis/exports ← interfaces."""

from __future__ import annotations

import ast
from pathlib import Path

import kartoteka

PACKAGE = Path(kartoteka.__file__).parent


def _modules() -> dict[str, set[str]]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(("kartoteka", *path.relative_to(PACKAGE).with_suffix("").parts))
        imports = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imports |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imports.add(node.module)
        found[name] = imports
    return found


def _offenders(allowed_in: str, roots: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{module} imports {imp}"
        for module, imports in _modules().items()
        for imp in imports
        if imp.split(".")[0] in roots and not module.startswith(allowed_in)
    )


def test_the_model_imports_nothing_else_of_kartoteka():
    bad = [
        f"{m} imports {i}"
        for m, imports in _modules().items()
        if m.startswith("kartoteka.model")
        for i in imports
        if i.startswith("kartoteka")
        and not i.startswith(("kartoteka.model", "kartoteka.errors"))
    ]
    assert bad == []


def test_only_storage_touches_the_database():
    assert (
        _offenders("kartoteka.storage", ("sqlalchemy", "alembic", "psycopg", "sqlite3"))
        == []
    )


# The terminal and the web app are the interfaces: they alone render.
INTERFACES = ("kartoteka.interfaces", "kartoteka.web")


def test_only_interfaces_import_click_rich_or_templates():
    assert _offenders("kartoteka.interfaces", ("click", "rich")) == []
    assert [
        m for m in _offenders("kartoteka.interfaces", ("jinja2",))
        if not m.startswith("kartoteka.web")
    ] == []  # fmt: skip


def test_only_the_web_app_imports_the_web_framework():
    web = ("fastapi", "starlette", "uvicorn")
    assert [
        m for m in _offenders("kartoteka.web", web)
        if not m.startswith("kartoteka.interfaces.cli_web")
    ] == []  # fmt: skip


def test_nothing_below_the_interfaces_imports_them():
    bad = [
        f"{m} imports {i}"
        for m, imports in _modules().items()
        if not m.startswith(INTERFACES)
        for i in imports
        if i.startswith(INTERFACES)
    ]
    assert bad == []


def test_names_stand_alone():
    """Name matching is a library of its own: it knows nothing of the store."""
    bad = [
        f"{m} imports {i}"
        for m, imports in _modules().items()
        if m.startswith("kartoteka.names")
        for i in imports
        if i.startswith("kartoteka") and not i.startswith("kartoteka.names")
    ]
    assert bad == []


def test_modules_stay_small():
    sizes = {
        p.name: len(p.read_text(encoding="utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > 400} == {}
