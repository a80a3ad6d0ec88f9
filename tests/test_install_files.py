"""The install files name released versions only, so a new machine installs them.

A constraint written as ``name @ file:///…`` or a path works only on the machine
that happened to have that file; everyone else's install stops at once.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]
PINNED = re.compile(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?==[0-9][^\s;@/]*$"
)


def _constraints() -> list[str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def _requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    extras = project.get("optional-dependencies", {}).values()
    return [*project["dependencies"], *(r for group in extras for r in group)]


def _not_pinned(requirements: list[str]) -> list[str]:
    return [r for r in requirements if not PINNED.match(r)]


def test_constraints_pin_released_versions_only():
    assert _not_pinned(_constraints()) == []


def test_pyproject_pins_released_versions_only():
    assert _not_pinned(_requirements()) == []


def test_a_url_or_path_is_not_taken_for_a_pin():
    assert _not_pinned(
        [
            "pyspark @ file:///tmp/dl/pyspark-4.3.0.tar.gz",
            "splink>=5",
            "./vendor/duckdb.whl",
            "edtf==5.0.2 ; python_version<'3.12'",
        ]
    ) == [
        "pyspark @ file:///tmp/dl/pyspark-4.3.0.tar.gz",
        "splink>=5",
        "./vendor/duckdb.whl",
        "edtf==5.0.2 ; python_version<'3.12'",
    ]


def test_every_requirement_is_constrained_at_the_same_version():
    pins = {}
    for line in _constraints():
        name, version = line.split("==")
        pins[_canonical(name)] = version
    for requirement in _requirements():
        name, version = requirement.split("==")
        assert pins.get(_canonical(re.sub(r"\[.*\]", "", name))) == version, requirement


def test_ci_installs_without_pips_cache():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "PIP_NO_CACHE_DIR" in ci or "--no-cache-dir" in ci


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
