"""Shared pytest options: ``--regen-golden`` rewrites the golden files of tests/golden/
(also ``LAWPARSE_REGEN_GOLDEN=1``), to be reviewed as a diff before committing."""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output instead of comparing with it",
    )


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden files are to be rewritten rather than compared."""
    return bool(request.config.getoption("--regen-golden")) or (
        os.environ.get("LAWPARSE_REGEN_GOLDEN") == "1"
    )
