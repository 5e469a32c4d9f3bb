"""Validate regulation text like a compiler: diagnostics with stable codes and positions.

The catalogue of codes is :data:`lawparse.diagnostics.CODES` (explained, with examples and
fixes, in docs/diagnostics.md); the rules are in :mod:`lawparse.checks`, registered per code;
the renderers (text, JSON, SARIF) in :mod:`lawparse.render.diagnostics`. ``validate`` never
raises: whatever ``parse`` would raise becomes a diagnostic too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the models load with the first validation, not with `import lawparse`
    from .model import Diagnostic, Regulation

__all__ = ["validate"]

# Earlier releases exported these from here; they load on first use (PEP 562).
_MOVED = {
    "CODES": "lawparse.diagnostics",
    "render_diagnostics": "lawparse.render.diagnostics",
    "sarif": "lawparse.render.diagnostics",
    "to_json": "lawparse.render.diagnostics",
}


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        import importlib

        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module 'lawparse.validate' has no attribute {name!r}")


def validate(text_or_regulation: str | Regulation, *, path: str | None = None) -> list[Diagnostic]:
    """Every problem found in a regulation, in text order; never raises.

    >>> [d.code for d in validate("Article 1 One.\\nArticle 3 Three.")]
    ['LP105', 'LP201']
    """
    from .checks import run_checks
    from .pipeline import parse

    if isinstance(text_or_regulation, str):
        reg = parse(text_or_regulation, path=path, errors="collect")
    else:
        reg = text_or_regulation
    path = path or reg.source.path
    found = list(reg.diagnostics)
    if not any(d.code in ("LP001", "LP002", "LP004") for d in found):
        found.extend(run_checks(reg, path))
    return sorted(found, key=lambda d: (d.span.start if d.span else -1, d.code))
