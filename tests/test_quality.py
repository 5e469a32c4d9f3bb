"""The project's own gates, run as tests so that one test command checks everything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import lawparse

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "lawparse", "tests", "examples", "benchmarks"),
        ("ruff", "format", "--check", "lawparse", "tests", "examples", "benchmarks"),
        ("mypy", "--strict", "lawparse"),
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_gate(command: tuple[str, ...]) -> None:
    result = _run(*command)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_public_name_imports() -> None:
    for name in lawparse.__all__:
        assert getattr(lawparse, name) is not None, name


def test_package_is_typed() -> None:
    assert (Path(lawparse.__file__).parent / "py.typed").is_file()


def test_doctests() -> None:
    result = _run("pytest", "-q", "--doctest-modules", "lawparse", "-p", "no:cacheprovider")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_loads_neither_pydantic_nor_lark() -> None:
    """`import lawparse` stays cheap: the models and the grammar load with the first parse."""
    code = (
        "import sys, lawparse\n"
        "print(sorted(m for m in ('pydantic', 'lark', 'lawparse.model') if m in sys.modules))\n"
        "lawparse.parse('Article 1 Text.')\n"
        "print(sorted(m for m in ('pydantic', 'lark', 'lawparse.model') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.splitlines() == ["[]", "['lark', 'lawparse.model', 'pydantic']"]


def test_validate_stays_the_function_after_its_module_is_imported() -> None:
    code = (
        "import lawparse, lawparse.validate, lawparse.cli\n"
        "from lawparse.validate import CODES\n"
        "print(callable(lawparse.validate), len(CODES) > 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["True", "True"]
