"""Validate regulation text like a compiler: diagnostics with stable codes and positions.

The catalogue, with examples and fixes, is docs/diagnostics.md; the rules are in
:mod:`lawparse.checks`. ``validate`` never raises:
whatever ``parse`` would raise becomes a diagnostic too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .source import SourceText

if TYPE_CHECKING:  # the models load with the first validation, not with `import lawparse`
    from .model import Diagnostic, Regulation

__all__ = ["CODES", "render_diagnostics", "sarif", "validate"]

# code -> (severity, short name); docs/diagnostics.md explains each.
CODES: dict[str, tuple[str, str]] = {
    "LP001": ("error", "empty input"),
    "LP002": ("error", "no structure, or binary data"),
    "LP003": ("error", "undecodable bytes"),
    "LP004": ("error", "structure the grammar cannot read"),
    "LP101": ("error", "impossible date"),
    "LP102": ("error", "in force before it was adopted or promulgated"),
    "LP103": ("error", "amended before it was adopted"),
    "LP104": ("error", "expires before it enters into force"),
    "LP105": ("warning", "no entry into force stated"),
    "LP106": ("warning", "relative date that cannot be resolved"),
    "LP201": ("warning", "numbering gap"),
    "LP202": ("error", "duplicate number"),
    "LP203": ("error", "number out of order"),
    "LP204": ("warning", "numbering style changes midway"),
    "LP205": ("warning", "(i) read as a letter after (h)"),
    "LP206": ("warning", "heading with no body"),
    "LP207": ("warning", "empty article"),
    "LP208": ("warning", "a line that looks like an article heading was not read as one"),
    "LP209": ("warning", "cross-reference to an article that does not exist"),
    "LP210": ("error", "the regulation repeals itself"),
    "LP211": ("warning", "paragraph in another language"),
    "LP212": ("warning", "text before the first article that is neither title nor front matter"),
}


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


def render_diagnostics(diagnostics: Sequence[Diagnostic], text: str) -> str:
    """Diagnostics the way compilers show them: file:line:col, the line, a caret, the hint."""
    source = SourceText(text)
    lines: list[str] = []
    for diagnostic in diagnostics:
        where = diagnostic.path or "<text>"
        if diagnostic.span is None:
            lines.append(f"{where}: {diagnostic.severity} {diagnostic.code}: {diagnostic.message}")
            continue
        line, column = source.line_column(diagnostic.span.start)
        heading = f"{diagnostic.severity} {diagnostic.code}: {diagnostic.message}"
        lines.append(f"{where}:{line}:{column}: {heading}")
        shown = source.line_text(line)
        width = max(
            1,
            min(diagnostic.span.end, diagnostic.span.start + len(shown) - column + 1)
            - diagnostic.span.start,
        )
        lines.append(f"    {shown}")
        lines.append(f"    {' ' * (column - 1)}{'^' * min(width, max(1, len(shown) - column + 1))}")
        if diagnostic.hint:
            lines.append(f"    hint: {diagnostic.hint}")
    return "\n".join(lines)


def sarif(results: Sequence[tuple[str, str, Sequence[Diagnostic]]]) -> dict[str, Any]:
    """A SARIF 2.1.0 log of (path, text, diagnostics) triples, for code review tools."""
    rules = [
        {
            "id": code,
            "name": name.replace(" ", "-"),
            "shortDescription": {"text": name},
            "defaultConfiguration": {"level": severity},
        }
        for code, (severity, name) in sorted(CODES.items())
    ]
    sarif_results = []
    for path, text, diagnostics in results:
        source = SourceText(text)
        for diagnostic in diagnostics:
            location: dict[str, Any] = {"artifactLocation": {"uri": path}}
            if diagnostic.span is not None:
                start_line, start_column = source.line_column(diagnostic.span.start)
                end_line, end_column = source.line_column(diagnostic.span.end)
                location["region"] = {
                    "startLine": start_line,
                    "startColumn": start_column,
                    "endLine": end_line,
                    "endColumn": end_column,
                    "charOffset": diagnostic.span.start,
                    "charLength": diagnostic.span.end - diagnostic.span.start,
                }
            sarif_results.append(
                {
                    "ruleId": diagnostic.code,
                    "level": diagnostic.severity,
                    "message": {
                        "text": diagnostic.message
                        + (f" ({diagnostic.hint})" if diagnostic.hint else "")
                    },
                    "locations": [{"physicalLocation": location}],
                }
            )
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lawparse",
                        "informationUri": "https://pypi.org/project/lawparse/",
                        "rules": rules,
                    }
                },
                "results": sarif_results,
            }
        ],
    }


def to_json(diagnostics: Sequence[Diagnostic], text: str) -> str:
    """Diagnostics as JSON, each with its line and column."""
    source = SourceText(text)
    records = []
    for diagnostic in diagnostics:
        record = diagnostic.model_dump(mode="json")
        if diagnostic.span is not None:
            record["line"], record["column"] = source.line_column(diagnostic.span.start)
        records.append(record)
    return json.dumps(records, ensure_ascii=False, indent=2)
