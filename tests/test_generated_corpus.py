"""The benchmark's generated corpus (five layouts, cross-references in every article) parses
back article for article; a regression here is a wrong split, the worst error lawparse can make.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import lawparse

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "parse_throughput.py"


def _benchmark_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parse_throughput", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_regulations_parse_back(seed: int) -> None:
    corpus = _benchmark_module().generate_corpus(seed, 150_000)
    assert corpus
    for text, expected in corpus:
        reg = lawparse.parse(text)
        assert lawparse.render.text(reg) == text
        found = [(a.number, " ".join(a.text.split())) for a in reg.articles]
        assert found == [(number, " ".join(body.split())) for number, body in expected]
