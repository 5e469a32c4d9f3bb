"""A wheel built from this tree installs into a fresh environment and works from anywhere.

The installed package must find its grammars inside itself, not in a source checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "seed_pudong_finance_leasing_runon.txt"


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_source_tree(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("lawparse-*.whl")

    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    python = environment / ("Scripts" if os.name == "nt" else "bin") / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    clean_env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    probe = subprocess.run(
        [
            str(python),
            "-c",
            "import lawparse, lawparse.structure.grammar as p; "
            "print(p.grammar_path('structure.lark')); print(lawparse.__file__)",
        ],
        cwd=elsewhere,
        env=clean_env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    grammar, package = probe.stdout.split()
    assert Path(grammar).is_relative_to(environment)
    assert Path(package).is_relative_to(environment)

    command = environment / "bin" / "lawparse"
    dates = subprocess.run(
        [str(command), "dates", str(EXAMPLE), "--json"],
        cwd=elsewhere,
        env=clean_env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert dates.returncode == 0, dates.stderr
    assert '"2023-10-01"' in dates.stdout
